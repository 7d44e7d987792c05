"""Match predicted facts to gold facts, one category at a time, and add up the counts.

Matching is one-to-one and lenient only where spelling legitimately varies:
- names match when any form — the node's name, its aliases, or what the document prints
  for it (its evidence quotes) — shares a name key with a gold form
  (:func:`stkg.ingest.normalize.name_keys`: spacing, middle dots, quotes, glosses; a
  leading year is ignored);
- editions match on the year (when gold states one) and a similar series name;
- counts on the value and the counted noun (either contains the other);
- budgets on the amount (within 0.5 %); dates when the predicted date starts with the gold
  one (a predicted day is right for a gold month).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from stkg.ingest.evaluation.gold import (
    CATEGORIES,
    NAMED_CATEGORIES,
    Budget,
    Count,
    Date,
    Edition,
    Facts,
    GoldDocument,
    Named,
)
from stkg.ingest.normalize import name_key, name_keys

_LEADING_YEAR = re.compile(r"^\s*(?:19|20)\d{2}\s*년도?\s*(?:상반기|하반기)?\s*")


def _keys(names: Iterable[str]) -> set[str]:
    """Name keys of every form, also without a leading year (``2024년 …지원사업``): the
    year says which round of a programme, not which programme."""
    out: set[str] = set()
    for name in names:
        out |= name_keys(name) | name_keys(_LEADING_YEAR.sub("", name))
    return out


def _named(pred: Named, gold: Named) -> bool:
    return bool(_keys((pred.name, *pred.aliases)) & _keys((gold.name, *gold.aliases)))


def _similar(a: str, b: str) -> bool:
    ka, kb = name_key(a), name_key(b)
    return bool(ka and kb) and (
        ka in kb or kb in ka or SequenceMatcher(None, ka, kb).ratio() >= 0.6
    )


def _edition(pred: Edition, gold: Edition) -> bool:
    if gold.year is not None and pred.year != gold.year:
        return False
    return _similar(pred.name, gold.name)


def _count(pred: Count, gold: Count) -> bool:
    if abs(pred.value - gold.value) > 1e-9:
        return False
    kp, kg = name_key(pred.of), name_key(gold.of)
    return bool(kp and kg) and (kp in kg or kg in kp)


def _budget(pred: Budget, gold: Budget) -> bool:
    return abs(pred.amount - gold.amount) <= max(0.005 * abs(gold.amount), 1e-9)


def _date(pred: Date, gold: Date) -> bool:
    return pred.date.startswith(gold.date)


MATCHERS: dict[str, Callable[[Any, Any], bool]] = {
    "editions": _edition,
    **dict.fromkeys(NAMED_CATEGORIES, _named),
    "counts": _count,
    "budgets": _budget,
    "dates": _date,
}


@dataclass
class CategoryScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[Any] = field(default_factory=list)
    spurious: list[Any] = field(default_factory=list)

    def add(self, other: CategoryScore) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


@dataclass
class DocumentScore:
    document: str
    split: str
    categories: dict[str, CategoryScore]

    def total(self) -> CategoryScore:
        out = CategoryScore()
        for score in self.categories.values():
            out.add(score)
        return out


def score_category(category: str, predicted: Sequence[Any], gold: Sequence[Any]) -> CategoryScore:
    """Greedy one-to-one matching, gold in its order."""
    matches = MATCHERS[category]
    left = list(predicted)
    score = CategoryScore()
    for g in gold:
        hit = next((p for p in left if matches(p, g)), None)
        if hit is None:
            score.fn += 1
            score.missed.append(g)
        else:
            score.tp += 1
            left.remove(hit)
    score.fp = len(left)
    score.spurious = left
    return score


def score_document(predicted: Facts, gold: GoldDocument) -> DocumentScore:
    return DocumentScore(
        gold.document,
        gold.split,
        {c: score_category(c, getattr(predicted, c), getattr(gold, c)) for c in CATEGORIES},
    )


def totals(scores: Sequence[DocumentScore]) -> dict[str, CategoryScore]:
    """Per-category sums over documents, plus ``"all"``."""
    out = {c: CategoryScore() for c in (*CATEGORIES, "all")}
    for doc in scores:
        for category, score in doc.categories.items():
            out[category].add(score)
            out["all"].add(score)
    return out
