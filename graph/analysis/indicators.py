"""Patent indicators of technology classes, from per-class, per-year patent counts.

This module is the arithmetic only: given the technology tree under a root and, for each
class of the tree, how many patents it holds per filing year (with their citations and
how many have a Korean applicant), it computes the indicators the promising-technology
analyses report (docs/patent-indicators.md has each formula with a worked example):

- **application share** (출원점유율): a class's patents as a percentage of its parent's;
- **growth rate**: compound annual growth of yearly filings between the early and the late
  sub-period (split at ``split_year``);
- **citation index**: forward citations per patent relative to all analysed patents
  (the Patent Impact Index / relative CPP);
- **technology importance** (기술중요도): the z-scores of the citation index and the growth
  rate averaged, then standardised again across the peers (classes at the same depth);
- **activity index** (RTA) of Korean applicants and **Korea competitiveness**
  (한국경쟁력): the RTA made symmetric, (RTA − 1)/(RTA + 1), standardised across peers;
- flags: **core** when importance is above a threshold, **strong**/**weak** when
  competitiveness is above/not above one, **focus** when core and strong.

Keeping the formulas apart from Neo4j makes them checkable by hand (tests compute small
cases on paper) and lets the counting stay one aggregation per class in Cypher
(:mod:`stkg.graph.analysis.patent_counts`).
"""

from __future__ import annotations

import json
import math
import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field

__all__ = [
    "METHOD",
    "OFFICES",
    "Counts",
    "IndicatorParams",
    "TechnologyIndicators",
    "TreeNode",
    "activity_index",
    "cagr",
    "compute_indicators",
    "flags",
    "rsta",
    "zscores",
]

#: Patent offices (the notations of the ``patentOffice`` vocabulary).
OFFICES: tuple[str, ...] = ("KR", "US", "JP", "CN", "EP")

#: What a computed analysis records as its ``method`` (the formulas, short).
METHOD = (
    "stkg patent indicators v1: share = 100*n/n(parent); growth = CAGR of yearly filings "
    "between sub-periods; citation index = CPP/CPP(all); importance = z(mean(z(citation "
    "index), z(growth))); activity index = RTA of Korean applicants; competitiveness = "
    "z((RTA-1)/(RTA+1)); z-scores across classes at the same depth (sample SD)"
)


class IndicatorError(ValueError):
    """Parameters that cannot give indicators (an empty period, a split outside it)."""


@dataclass(frozen=True)
class IndicatorParams:
    """The period, offices and thresholds of one analysis.

    ``split_year`` starts the late sub-period; by default the period is halved (the late
    half gets the middle year when the period has an odd number of years).
    """

    start_year: int
    end_year: int
    offices: tuple[str, ...] = OFFICES
    split_year: int | None = None
    core_threshold: float = 0.0
    strong_threshold: float = 0.0
    country: str = "KR"

    def __post_init__(self) -> None:
        if self.end_year < self.start_year:
            raise IndicatorError(f"period {self.start_year}-{self.end_year} ends before it starts")
        if self.split_year is not None and not (self.start_year < self.split_year <= self.end_year):
            raise IndicatorError(
                f"split year {self.split_year} must fall after {self.start_year} and no later "
                f"than {self.end_year}, so both sub-periods hold at least one year"
            )
        if self.split_year is None and self.end_year == self.start_year:
            raise IndicatorError("a one-year period cannot be split into two sub-periods")
        unknown = sorted(set(self.offices) - set(OFFICES))
        if unknown or not self.offices:
            raise IndicatorError(
                f"unknown patent offices {unknown or '(none given)'}; choose from {OFFICES}"
            )

    @property
    def split(self) -> int:
        if self.split_year is not None:
            return self.split_year
        return self.start_year + (self.end_year - self.start_year + 1) // 2

    @property
    def period(self) -> str:
        return f"{self.start_year}-{self.end_year}"

    def as_json(self) -> str:
        """The parameters as the JSON object a computed analysis stores."""
        values = {**asdict(self), "split_year": self.split, "offices": list(self.offices)}
        return json.dumps(values, sort_keys=True)


@dataclass(frozen=True)
class TreeNode:
    """A technology class under the analysed root; ``chain`` runs from it up to the root."""

    id: str
    name: str | None
    chain: tuple[str, ...]

    @property
    def depth(self) -> int:
        return len(self.chain) - 1

    @property
    def parent(self) -> str | None:
        return self.chain[1] if len(self.chain) > 1 else None


@dataclass
class Counts:
    """Patents of one class (or unit) in one filing year, and what the formulas need."""

    patents: int = 0
    citations: int = 0  # forward citations summed over the patents that state them
    cited: int = 0  # patents that state a citation count
    korean: int = 0  # patents with at least one applicant of the analysed country
    known: int = 0  # patents with at least one applicant of known nationality

    def add(self, other: Counts) -> None:
        self.patents += other.patents
        self.citations += other.citations
        self.cited += other.cited
        self.korean += other.korean
        self.known += other.known


@dataclass(frozen=True)
class TechnologyIndicators:
    """Every indicator of one technology class; None where the data cannot give it."""

    technology: str
    name: str | None
    parent: str | None
    depth: int
    patent_count: int
    early_count: int
    late_count: int
    korea_patent_count: int
    application_share: float | None
    growth_rate: float | None
    citations_per_patent: float | None
    citation_index: float | None
    activity_index: float | None
    technology_importance: float | None
    korea_competitiveness: float | None
    is_core: bool | None
    korea_strength: str | None
    is_focus: bool | None


@dataclass
class _Unit:
    node: TreeNode
    years: dict[int, Counts] = field(default_factory=lambda: defaultdict(Counts))

    def total(self, years: Iterable[int] | None = None) -> Counts:
        out = Counts()
        for year, counts in self.years.items():
            if years is None or year in years:
                out.add(counts)
        return out


# --- the formulas ------------------------------------------------------------------------


def cagr(early: int, late: int, early_years: int, late_years: int) -> float | None:
    """Compound annual growth between the mean yearly filings of two adjacent sub-periods.

    The sub-periods' mid-points lie ``(early_years + late_years) / 2`` years apart, so
    ``(late/late_years ÷ early/early_years) ** (1/Δ) − 1``. None when the early
    sub-period has no filings (growth from nothing has no rate).
    """
    if early == 0:
        return None
    ratio = (late / late_years) / (early / early_years)
    distance = (early_years + late_years) / 2
    return float(ratio ** (1 / distance) - 1)


def activity_index(korean: int, known: int, korean_all: int, known_all: int) -> float | None:
    """Revealed technological advantage: the class's share of Korean-applicant patents
    over its share of all patents (Balassa 1965; Soete 1987). Both shares count only
    patents whose applicants' nationality is known."""
    if known == 0 or korean_all == 0 or known_all == 0:
        return None
    return (korean / korean_all) / (known / known_all)


def rsta(rta: float | None) -> float | None:
    """The RTA made symmetric around 0, in [−1, 1] (Laursen 2015): (RTA−1)/(RTA+1)."""
    return None if rta is None else (rta - 1) / (rta + 1)


def zscores(values: Mapping[str, float | None]) -> dict[str, float | None]:
    """Standard scores with the sample SD; None stays None.

    Fewer than two values give None for all (nothing to compare with); no spread gives 0
    for all (every class is average).
    """
    present = {k: v for k, v in values.items() if v is not None}
    if len(present) < 2:
        return dict.fromkeys(values)
    mean = statistics.fmean(present.values())
    sd = statistics.stdev(present.values())
    out: dict[str, float | None] = dict.fromkeys(values)
    for key, value in present.items():
        out[key] = 0.0 if sd == 0 or math.isclose(sd, 0.0, abs_tol=1e-12) else (value - mean) / sd
    return out


def flags(
    importance: float | None,
    competitiveness: float | None,
    core_threshold: float = 0.0,
    strong_threshold: float = 0.0,
) -> tuple[bool | None, str | None, bool | None]:
    """(core, strong/weak, focus): core above the importance threshold, strong above the
    competitiveness threshold, focus when both."""
    core = None if importance is None else importance > core_threshold
    strength = None
    if competitiveness is not None:
        strength = "strong" if competitiveness > strong_threshold else "weak"
    focus = None if core is None or strength is None else core and strength == "strong"
    return core, strength, focus


# --- all indicators of a tree --------------------------------------------------------------


def compute_indicators(
    tree: Sequence[TreeNode],
    counts: Mapping[tuple[str, int], Counts],
    params: IndicatorParams,
    *,
    extra: Mapping[tuple[str, int], Counts] | None = None,
) -> list[TechnologyIndicators]:
    """Indicators of every class below the root of ``tree``.

    ``counts`` holds, per (class id, year), the patents classified directly in that class
    and in no other class; they are rolled up to every ancestor. ``extra`` holds, per
    (class id, year), patents already deduplicated for that class and its whole subtree
    (patents classified in more than one class), added as they are.
    """
    units = {node.id: _Unit(node) for node in tree}
    for (cls, year), c in counts.items():
        node = units[cls].node
        for ancestor in node.chain:
            if ancestor in units:
                units[ancestor].years[year].add(c)
    for (cls, year), c in (extra or {}).items():
        units[cls].years[year].add(c)
    roots = [u for u in units.values() if u.node.depth == 0]
    if len(roots) != 1:
        raise IndicatorError(f"the tree must have exactly one root, found {len(roots)}")
    return _indicators(units, roots[0], params)


def _indicators(
    units: dict[str, _Unit], root: _Unit, params: IndicatorParams
) -> list[TechnologyIndicators]:
    early_years = range(params.start_year, params.split)
    late_years = range(params.split, params.end_year + 1)
    everything = root.total()
    cpp_all = everything.citations / everything.cited if everything.cited else None
    raw: dict[str, dict[str, float | None]] = {}
    for uid, unit in units.items():
        if unit.node.depth == 0:
            continue
        total = unit.total()
        parent = units[unit.node.parent].total() if unit.node.parent in units else everything
        cpp = total.citations / total.cited if total.cited else None
        raw[uid] = {
            "share": 100 * total.patents / parent.patents if parent.patents else None,
            "growth": cagr(
                unit.total(early_years).patents,
                unit.total(late_years).patents,
                len(early_years),
                len(late_years),
            ),
            "cpp": cpp,
            "citation_index": cpp / cpp_all if cpp is not None and cpp_all else None,
            "rta": activity_index(total.korean, total.known, everything.korean, everything.known),
        }
    importance, competitiveness = _standardised(units, raw)
    out = []
    for uid, values in raw.items():
        unit = units[uid]
        total = unit.total()
        core, strength, focus = flags(
            importance[uid], competitiveness[uid], params.core_threshold, params.strong_threshold
        )
        out.append(
            TechnologyIndicators(
                technology=uid,
                name=unit.node.name,
                parent=unit.node.parent,
                depth=unit.node.depth,
                patent_count=total.patents,
                early_count=unit.total(early_years).patents,
                late_count=unit.total(late_years).patents,
                korea_patent_count=total.korean,
                application_share=values["share"],
                growth_rate=values["growth"],
                citations_per_patent=values["cpp"],
                citation_index=values["citation_index"],
                activity_index=values["rta"],
                technology_importance=importance[uid],
                korea_competitiveness=competitiveness[uid],
                is_core=core,
                korea_strength=strength,
                is_focus=focus,
            )
        )
    return sorted(out, key=lambda t: (t.depth, t.parent or "", t.technology))


def _standardised(
    units: Mapping[str, _Unit], raw: Mapping[str, Mapping[str, float | None]]
) -> tuple[dict[str, float | None], dict[str, float | None]]:
    """Importance and competitiveness, standardised among the classes of each depth."""
    peers: dict[int, list[str]] = defaultdict(list)
    for uid in raw:
        peers[units[uid].node.depth].append(uid)
    importance: dict[str, float | None] = {}
    competitiveness: dict[str, float | None] = {}
    for group in peers.values():
        z_cite = zscores({u: raw[u]["citation_index"] for u in group})
        z_growth = zscores({u: raw[u]["growth"] for u in group})
        combined: dict[str, float | None] = {}
        for u in group:
            parts = [z for z in (z_cite[u], z_growth[u]) if z is not None]
            combined[u] = statistics.fmean(parts) if parts else None
        importance |= zscores(combined)
        competitiveness |= zscores({u: rsta(raw[u]["rta"]) for u in group})
    return importance, competitiveness
