"""Gazetteer: the names the pipeline recognises, each tied to a canonical id.

Entries come as plain ``(label, canonical_id, surface_forms)`` tuples so the ontology
(labels and altLabels of reference individuals and vocabulary concepts) can feed them in
directly. Each surface form is found in the text by its characters (:meth:`Gazetteer.find`),
whatever Kiwi makes of the words around it, and taught to Kiwi when Kiwi would otherwise
break it into a particle or a verb; spelling variants (with and without middle dots or
spaces) are added so ``전기수소차`` and ``지능형 로봇`` find ``전기·수소차`` and
``지능형로봇``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..normalize import MIDDLE_DOTS, split_parenthetical

__all__ = ["Gazetteer", "GazetteerEntry", "GazetteerError"]

_DOTS = re.compile(f"[{re.escape(MIDDLE_DOTS)}]")


class GazetteerError(ValueError):
    """A gazetteer entry is malformed (empty label, id or surface form)."""


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    label: str
    canonical_id: str
    surface_forms: tuple[str, ...]


def spelling_variants(form: str) -> set[str]:
    """The form, without middle dots, without spaces, and without a parenthetical gloss."""
    head, glosses = split_parenthetical(form)
    out = {form}
    for base in (head, *glosses):
        out |= {base, _DOTS.sub("", base), base.replace(" ", ""), _DOTS.sub(" ", base)}
    return {v.strip() for v in out if v.strip()}


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """An immutable (hence cacheable) list of entries."""

    entries: tuple[GazetteerEntry, ...] = ()

    @classmethod
    def from_terms(cls, terms: Iterable[tuple[str, str, Iterable[str]]]) -> Gazetteer:
        """Build from ``(label, canonical_id, surface_forms)`` tuples; rejects empty parts."""
        entries = []
        for n, (label, cid, forms) in enumerate(terms):
            forms_t = tuple(dict.fromkeys(f.strip() for f in forms if f and f.strip()))
            if not label or not cid or not forms_t:
                raise GazetteerError(
                    f"gazetteer term #{n} ({label!r}, {cid!r}) lacks a label, "
                    "an id or a surface form"
                )
            entries.append(GazetteerEntry(label, cid, forms_t))
        return cls(tuple(entries))

    def __add__(self, other: Gazetteer) -> Gazetteer:
        return Gazetteer(self.entries + other.entries)

    def surface_forms(self, variants: bool = True) -> set[str]:
        forms: set[str] = set()
        for e in self.entries:
            for f in e.surface_forms:
                forms |= spelling_variants(f) if variants else {f}
        return forms

    def patterns(self, variants: bool = True) -> list[dict[str, str]]:
        """EntityRuler phrase patterns; a form claimed by two ids goes to the first only."""
        seen: dict[str, str] = {}
        out = []
        for e in self.entries:
            for f in e.surface_forms:
                for v in sorted(spelling_variants(f) if variants else {f}):
                    if v in seen:
                        continue
                    seen[v] = e.canonical_id
                    out.append({"label": e.label, "pattern": v, "id": e.canonical_id})
        return out

    def find(self, text: str) -> Iterator[tuple[int, int, str, str]]:
        """``(start, end, label, canonical id)`` of each surface form printed in ``text``,
        left to right, the longest at each place, none overlapping."""
        pattern, ids = _compiled(self)
        for m in pattern.finditer(text):
            label, cid = ids[m.group()]
            yield m.start(), m.end(), label, cid

    def conflicts(self) -> dict[str, list[str]]:
        """Surface forms (as written) listed under more than one canonical id."""
        ids: dict[str, list[str]] = {}
        for e in self.entries:
            for f in e.surface_forms:
                ids.setdefault(f, [])
                if e.canonical_id not in ids[f]:
                    ids[f].append(e.canonical_id)
        return {f: v for f, v in ids.items() if len(v) > 1}


@lru_cache(maxsize=8)
def _compiled(gazetteer: Gazetteer) -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """One alternation of every pattern, longest first (so the longest wins at a place)."""
    ids = {p["pattern"]: (p["label"], p["id"]) for p in gazetteer.patterns()}
    if not ids:
        return re.compile(r"(?!)"), ids
    forms = sorted(ids, key=lambda f: (-len(f), f))
    return re.compile("|".join(re.escape(f) for f in forms)), ids
