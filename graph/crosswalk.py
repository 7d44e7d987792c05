"""Crosswalks between consecutive editions of a roadmap series.

A ``CrosswalkMapping`` node joins a field version of edition N (``MAPS_FROM``) to its
counterpart in edition N+1 (``MAPS_TO``) with a SKOS mapping relation, a change kind, a
confidence and a basis:

* **stated** — a document states the succession: one mapping per ``SUCCEEDED_BY``, with
  the same change kind, note and evidence (:func:`sync_stated`);
* **reviewed** — a maintainer accepted or corrected a proposal (``stkg review``); the
  decisions are Turtle (:mod:`stkg.ontology.crosswalks`) and :func:`apply_reviewed` writes
  them back after every rebuild;
* **proposed** — computed here (:func:`propose`) for every field the first two leave
  uncovered, from the normalised names (character bigrams), the products and core
  technologies both versions share, and the sector; a field with no counterpart gets an
  explicit ``dropped`` (no target) or ``new`` (no source) mapping. Each run that changes
  the proposals of an edition pair is a ``CrosswalkRun`` the proposals link to; a run over
  an unchanged graph writes nothing.

:func:`refresh` does all three in that order; ``stkg up`` and ``stkg crosswalk propose``
call it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stkg.config.version import __version__
from stkg.graph.cypher import crosswalk as cypher
from stkg.graph.driver import Graph
from stkg.graph.version import touching
from stkg.ontology.crosswalks import CROSSWALK_FILE, MappingDecision, read_decisions
from stkg.ontology.model import load_ontology

METHOD = (
    "crosswalk-propose/1: name bigrams (Dice), shared products and core technologies "
    "(Jaccard), sector"
)

#: A pair below this score is no candidate.
THRESHOLD = 0.5
#: The name similarity of a name that is a part of the other (``드론`` in ``드론·개인이동수단``).
PART_OF = 0.75
#: Middle dots, bullets and punctuation that do not change what a field name means.
_NOISE = re.compile(r"[\s·ㆍ•‧・∙⋅\-_/.,()\[\]{}'\"「」『』<>]+")
_PARTS = re.compile(r"[·ㆍ•‧・∙⋅/,]|\s+및\s+|\s+")

#: The mapping relation a stated change kind stands for.
STATED_RELATION = {
    "unchanged": "exactMatch",
    "moved": "exactMatch",
    "renamed": "closeMatch",
    "movedAndRenamed": "closeMatch",
    "rescoped": "closeMatch",
    "renamedAndRescoped": "closeMatch",
    "merged": "broadMatch",
    "split": "narrowMatch",
}


def _notation(scheme: str, value: str) -> str:
    """``value`` checked against the vocabulary ``scheme`` of the ontology."""
    return load_ontology().vocab(scheme).concept(value).notation


def basis(value: str) -> str:
    return _notation("mappingBasis", value)


class CrosswalkError(ValueError):
    """A crosswalk operation that cannot be done (unknown mapping, wrong basis)."""


# -- names -------------------------------------------------------------------------------


def normalise(name: str) -> str:
    """A field name for comparison: NFKC, lower case, no spaces, middle dots or punctuation."""
    return _NOISE.sub("", unicodedata.normalize("NFKC", name).lower())


def parts(name: str) -> frozenset[str]:
    """The pieces a name is made of (``드론·개인이동수단`` → 드론, 개인이동수단)."""
    text = unicodedata.normalize("NFKC", name).lower()
    return frozenset(n for p in _PARTS.split(text) if len(n := normalise(p)) >= 2)


def bigrams(text: str) -> frozenset[str]:
    if len(text) < 2:
        return frozenset({text}) if text else frozenset()
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def name_similarity(a: str, b: str) -> float:
    """Dice coefficient of the character bigrams of the normalised names; when a name, or
    a part of a compound name, occurs in the other (``드론`` in ``드론·개인이동수단``,
    ``가상`` of ``가상·증강현실`` in ``가상현실``) it counts at least :data:`PART_OF`."""
    na, nb = normalise(a), normalise(b)
    if not na or not nb:
        return 0.0
    if na == nb:
        return 1.0
    ga, gb = bigrams(na), bigrams(nb)
    dice = 2 * len(ga & gb) / (len(ga) + len(gb))
    pa, pb = parts(a) | {na}, parts(b) | {nb}
    if any(len(p) >= 2 and p in nb for p in pa) or any(len(p) >= 2 and p in na for p in pb):
        dice = max(dice, PART_OF)
    return round(dice, 4)


def _contains(a: str, b: str) -> bool:
    """True when name ``b`` covers ``a`` and more (``드론`` → ``드론·개인이동수단``)."""
    na, nb = normalise(a), normalise(b)
    return na != nb and (na in nb or (parts(a) | {na}) < (parts(b) | {nb}))


# -- proposals ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Version:
    id: str
    name: str
    edition: str
    sector: str | None
    items: frozenset[str]


@dataclass(frozen=True)
class Candidate:
    source: Version
    target: Version
    score: float
    names: float
    shared: int


@dataclass(frozen=True)
class Proposal:
    id: str
    source: str | None
    target: str | None
    relation: str | None
    change: str
    confidence: float
    name_similarity: float | None
    shared_items: int | None
    name: str

    def row(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "target": self.target,
            "relation": self.relation,
            "change": self.change,
            "confidence": self.confidence,
            "nameSimilarity": self.name_similarity,
            "sharedItems": self.shared_items,
            "name": self.name,
        }

    def signature(self) -> tuple[Any, ...]:
        return (self.id, self.source, self.target, self.relation, self.change, self.confidence)


def mapping_id(source: str | None, target: str | None) -> str:
    """``mapping:<source key>~<target key>``; ``new`` or ``dropped`` for a missing end."""
    a = (source.partition(":")[2] or source) if source else "new"
    b = (target.partition(":")[2] or target) if target else "dropped"
    return f"mapping:{a}~{b}"


def score(a: Version, b: Version) -> Candidate:
    """How likely ``b`` (edition N+1) continues ``a`` (edition N), from 0 to 1."""
    names = name_similarity(a.name, b.name)
    shared = len(a.items & b.items)
    union = len(a.items | b.items)
    items = shared / union if union else 0.0
    combined = 1 - (1 - names) * (1 - items)
    same_sector = 1.0 if a.sector and a.sector == b.sector else 0.0
    return Candidate(a, b, round(0.85 * combined + 0.15 * same_sector, 4), names, shared)


def _kind(c: Candidate) -> tuple[str, str]:
    """(relation, change kind) of a one-to-one candidate."""
    moved = bool(c.source.sector and c.target.sector and c.source.sector != c.target.sector)
    if normalise(c.source.name) == normalise(c.target.name):
        return "exactMatch", "moved" if moved else "unchanged"
    if _contains(c.source.name, c.target.name):
        return "broadMatch", "renamedAndRescoped"
    if _contains(c.target.name, c.source.name):
        return "narrowMatch", "renamedAndRescoped"
    return "closeMatch", "movedAndRenamed" if moved else "renamed"


def _label(a: Version | None, b: Version | None) -> str:
    return f"{a.name if a else '(신설)'} → {b.name if b else '(폐지)'}"


def propose_pair(
    before: Sequence[Version],
    after: Sequence[Version],
    *,
    covered: Iterable[str] = (),
    rejected: Iterable[tuple[str | None, str | None]] = (),
    threshold: float = THRESHOLD,
) -> list[Proposal]:
    """Proposals between two consecutive editions for the versions not ``covered``.

    A candidate is kept when it is the best of both its source and its target, or the best
    of one of them with evidence of a part-whole link (one name is a part of the other, or
    they share products or core technologies); a source with several kept targets is split
    (narrowMatch), a target with several kept sources is a merge (broadMatch); the rest are
    one-to-one. ``rejected`` (source, target) pairs are
    never proposed again.
    """
    done = set(covered)
    refused = set(rejected)
    a_side = [v for v in before if v.id not in done]
    b_side = [v for v in after if v.id not in done]
    cands = [
        c
        for a in a_side
        for b in b_side
        if (c := score(a, b)).score >= threshold and (a.id, b.id) not in refused
    ]
    best_a: dict[str, Candidate] = {}
    best_b: dict[str, Candidate] = {}
    for c in sorted(cands, key=lambda c: (-c.score, c.source.id, c.target.id)):
        best_a.setdefault(c.source.id, c)
        best_b.setdefault(c.target.id, c)
    kept = [c for c in cands if _keep(c, best_a[c.source.id] is c, best_b[c.target.id] is c)]
    out_of: dict[str, list[Candidate]] = defaultdict(list)
    into: dict[str, list[Candidate]] = defaultdict(list)
    for c in kept:
        out_of[c.source.id].append(c)
        into[c.target.id].append(c)
    proposals: list[Proposal] = []
    for c in kept:
        if len(into[c.target.id]) > 1:
            relation, change = "broadMatch", "merged"
        elif len(out_of[c.source.id]) > 1:
            relation, change = "narrowMatch", "split"
        else:
            relation, change = _kind(c)
        proposals.append(
            Proposal(
                mapping_id(c.source.id, c.target.id),
                c.source.id,
                c.target.id,
                relation,
                change,
                c.score,
                c.names,
                c.shared,
                _label(c.source, c.target),
            )
        )
    for a in a_side:
        if a.id not in out_of and (a.id, None) not in refused:
            proposals.append(
                Proposal(
                    mapping_id(a.id, None),
                    a.id,
                    None,
                    None,
                    "dropped",
                    _alone(a, b_side),
                    None,
                    None,
                    _label(a, None),
                )
            )
    for b in b_side:
        if b.id not in into and (None, b.id) not in refused:
            proposals.append(
                Proposal(
                    mapping_id(None, b.id),
                    None,
                    b.id,
                    None,
                    "new",
                    _alone(b, a_side),
                    None,
                    None,
                    _label(None, b),
                )
            )
    return sorted(proposals, key=lambda p: p.id)


def _keep(c: Candidate, best_of_source: bool, best_of_target: bool) -> bool:
    if best_of_source and best_of_target:
        return True
    return (best_of_source or best_of_target) and (c.names >= PART_OF or c.shared > 0)


def _alone(v: Version, others: Sequence[Version]) -> float:
    """Confidence that ``v`` has no counterpart: one minus its best score."""
    best = max((name_similarity(v.name, o.name) for o in others), default=0.0)
    return round(1 - best, 4)


# -- the graph ---------------------------------------------------------------------------


@dataclass
class CrosswalkReport:
    """What :func:`refresh` did."""

    stated: int = 0
    stated_removed: int = 0
    reviewed: int = 0
    pending: list[str] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)
    proposed: int = 0
    runs: list[str] = field(default_factory=list)
    unchanged_pairs: int = 0


def edition_pairs(graph: Graph, series: str | None = None) -> list[tuple[str, str]]:
    """Consecutive editions (by start year) of each series that list fields; ``series`` is
    a roadmap id, its key or its name."""
    by_series: dict[str, list[tuple[int, str]]] = defaultdict(list)
    prefix = load_ontology().cls("Roadmap").id_prefix
    ids = [series, f"{prefix}:{series}"] if series else []
    for r in graph.read(cypher.EDITIONS, series=series, ids=ids):
        year = r["startYear"] or _year_of(r["edition"])
        by_series[r["series"]].append((year, r["edition"]))
    pairs: list[tuple[str, str]] = []
    for editions in by_series.values():
        ordered = sorted(editions)
        pairs += [(a[1], b[1]) for a, b in itertools.pairwise(ordered)]
    return sorted(pairs)


def _year_of(edition_id: str) -> int:
    tail = edition_id.rsplit("@", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def versions(graph: Graph, editions: Sequence[str]) -> dict[str, list[Version]]:
    out: dict[str, list[Version]] = defaultdict(list)
    for r in graph.read(cypher.VERSIONS, editions=list(editions)):
        items = frozenset(r["products"]) | frozenset(r["technologies"])
        out[r["edition"]].append(
            Version(r["id"], r["name"] or "", r["edition"], r["sector"], items)
        )
    return out


def _stated_relation(change: str, before: str, after: str) -> str:
    """The relation of a stated change; a rescoping whose new name covers the old one (or
    the other way round) is a broad (narrow) match."""
    if "rescoped" in change.lower() or change == "renamedAndRescoped":
        if _contains(before, after):
            return "broadMatch"
        if _contains(after, before):
            return "narrowMatch"
    return STATED_RELATION.get(change, "closeMatch")


def sync_stated(graph: Graph) -> tuple[int, int]:
    """One stated mapping per ``SUCCEEDED_BY``; stale ones removed. (written, removed)"""
    rows = []
    for r in graph.read(cypher.SUCCESSIONS):
        change = r["change"] or "unchanged"
        rows.append(
            {
                "id": mapping_id(r["source"], r["target"]),
                "source": r["source"],
                "target": r["target"],
                "fromEdition": r["fromEdition"],
                "toEdition": r["toEdition"],
                "relation": _stated_relation(change, r["sourceName"] or "", r["targetName"] or ""),
                "change": _notation("changeKind", change),
                "note": r["note"],
                "evidence": list(r["evidence"]),
                "name": f"{r['sourceName']} → {r['targetName']}",
            }
        )
    stated = basis("stated")
    if rows:
        graph.write(cypher.UPSERT_STATED, rows=rows, stated=stated)
    removed = graph.write(cypher.DROP_STALE_STATED, keep=[r["id"] for r in rows], stated=stated)
    return len(rows), removed[0]["removed"] if removed else 0


def apply_reviewed(graph: Graph, path: Path = CROSSWALK_FILE) -> tuple[int, list[str]]:
    """Write the reviewed decisions of ``path`` into the graph: accepted and corrected
    mappings as reviewed ones, rejected ones deleted. (written, ids whose ends are not in
    the graph yet)"""
    decisions = read_decisions(path)
    rejected = [d.id for d in decisions if d.decision == "rejected"]
    if rejected:
        graph.write(cypher.DELETE_MAPPINGS, ids=rejected, stated=basis("stated"))
    rows = [_decision_row(d) for d in decisions if d.decision != "rejected"]
    written: set[str] = set()
    if rows:
        found = graph.write(cypher.UPSERT_REVIEWED, rows=rows, reviewed=basis("reviewed"))
        written = {r["id"] for r in found}
    pending = sorted(r["id"] for r in rows if r["id"] not in written)
    return len(written), pending


def _decision_row(d: MappingDecision) -> dict[str, Any]:
    return {
        "id": d.id,
        "source": d.source,
        "target": d.target,
        "fromEdition": d.from_edition,
        "toEdition": d.to_edition,
        "relation": d.relation,
        "change": d.change,
        "note": d.note,
        "decision": d.decision,
        "by": d.by,
        "at": d.at,
        "name": f"{d.source or '(신설)'} → {d.target or '(폐지)'}",
    }


def propose(
    graph: Graph,
    *,
    series: str | None = None,
    pairs: Sequence[tuple[str, str]] | None = None,
    path: Path = CROSSWALK_FILE,
    threshold: float = THRESHOLD,
) -> CrosswalkReport:
    """Compute and write the proposals of every consecutive edition pair (of ``series``,
    or just ``pairs``). A pair whose proposals would not change is left as it is."""
    report = CrosswalkReport()
    todo = list(pairs) if pairs is not None else edition_pairs(graph, series)
    report.pairs = todo
    if not todo:
        return report
    refused = [(d.source, d.target) for d in read_decisions(path) if d.decision == "rejected"]
    found = versions(graph, sorted({e for p in todo for e in p}))
    proposed = basis("proposed")
    started = dt.datetime.now(dt.UTC)
    changed: list[tuple[str, str, list[Proposal]]] = []
    for a, b in todo:
        covered: set[str] = set()
        for r in graph.read(cypher.COVERED, proposed=proposed, **{"from": a, "to": b}):
            covered |= {x for x in (r["source"], r["target"]) if x}
        new = propose_pair(
            found[a], found[b], covered=covered, rejected=refused, threshold=threshold
        )
        report.proposed += len(new)
        have = graph.read(cypher.PROPOSED, proposed=proposed, **{"from": a, "to": b})
        old_sig = sorted(
            (r["id"], r["source"], r["target"], r["relation"], r["change"], r["confidence"])
            for r in have
            if r["method"] == METHOD
        )
        if len(have) == len(old_sig) and old_sig == sorted(p.signature() for p in new):
            report.unchanged_pairs += 1
            continue
        changed.append((a, b, new))
    if not changed:
        return report
    finished = dt.datetime.now(dt.UTC)
    digest = hashlib.sha256(
        repr([(a, b, [p.signature() for p in ps]) for a, b, ps in changed]).encode()
    ).hexdigest()[:8]
    run = f"crosswalkrun:{started.strftime('%Y%m%dT%H%M%S%fZ')}-{digest}"
    report.runs.append(run)

    def work(tx: Any) -> None:
        tx.run(
            cypher.RUN,
            id=run,
            name=f"crosswalk {started.isoformat()}",
            started=started,
            finished=finished,
            version=__version__,
            method=METHOD,
        )
        for a, b, ps in changed:
            params = {"from": a, "to": b, "proposed": proposed}
            tx.run(cypher.DELETE_PROPOSED, **params)
            tx.run(
                cypher.UPSERT_PROPOSED, rows=[p.row() for p in ps], run=run, method=METHOD, **params
            )

    graph.execute_write(work)
    return report


def refresh(
    graph: Graph,
    *,
    series: str | None = None,
    path: Path = CROSSWALK_FILE,
    proposals: bool = True,
) -> CrosswalkReport:
    """Stated mappings from the successions, the reviewed decisions, then the proposals.

    Its writes change mappings and runs, and the relationships at them, only: the graph
    version's journal says so, and the SPARQL store reloads those instead of rebuilding."""
    with touching("CrosswalkMapping", "CrosswalkRun"):
        stated, removed = sync_stated(graph)
        reviewed, pending = apply_reviewed(graph, path)
        report = propose(graph, series=series, path=path) if proposals else CrosswalkReport()
    report.stated, report.stated_removed = stated, removed
    report.reviewed, report.pending = reviewed, pending
    return report


# -- review ------------------------------------------------------------------------------


def mapping(graph: Graph, mapping_id_: str) -> dict[str, Any]:
    rows = graph.read(cypher.MAPPING, id=mapping_id_)
    if not rows:
        raise CrosswalkError(f"no crosswalk mapping {mapping_id_!r} in the graph")
    return rows[0]


def mappings(
    graph: Graph,
    *,
    bases: Sequence[str] = ("proposed",),
    edition: str | None = None,
    limit: int = 50,
) -> list[dict[str, Any]]:
    return graph.read(cypher.LIST, bases=[basis(b) for b in bases], edition=edition, limit=limit)


def decide(
    graph: Graph,
    mapping_id_: str,
    decision: str,
    by: str,
    *,
    target: str | None = None,
    dropped: bool = False,
    relation: str | None = None,
    change: str | None = None,
    note: str | None = None,
) -> list[MappingDecision]:
    """The decisions (Turtle blocks) that accepting, correcting or rejecting a proposed
    mapping amounts to; the caller writes them, then :func:`after_review`.

    Correcting to another target (or to ``dropped``) rejects the proposed pair and adds a
    reviewed mapping to the new one; otherwise the mapping itself is reviewed."""
    found = mapping(graph, mapping_id_)
    if found["basis"] != basis("proposed"):
        raise CrosswalkError(f"{mapping_id_} is not a proposed mapping (basis: {found['basis']})")
    decision = _notation("reviewDecision", decision)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    base = {
        "from_edition": found["fromEdition"],
        "to_edition": found["toEdition"],
        "by": by,
        "at": now,
        "note": note,
    }
    if decision in ("rejected", "accepted"):
        kept = found["relation"] if decision == "accepted" else None
        return [
            _decision(
                mapping_id_, found["source"], found["target"], kept, found["change"], decision, base
            )
        ]
    new_target = None if dropped else (target or found["target"])
    if new_target and new_target != found["target"]:
        rows = graph.read(cypher.EDITION_OF_VERSION, id=new_target)
        if not rows or rows[0]["edition"] != found["toEdition"]:
            raise CrosswalkError(f"{new_target} is no field version of {found['toEdition']}")
    source = found["source"]
    if new_target is None:
        relation, change = None, "dropped"
    elif source is None:
        raise CrosswalkError("a new field has no source to map from; reject it instead")
    else:
        relation = _notation("mappingRelation", relation or found["relation"] or "closeMatch")
        default = found["change"] if found["change"] not in ("dropped", "new") else "renamed"
        change = change or default
    change = _notation("changeKind", change)
    out: list[MappingDecision] = []
    new_id = mapping_id(source, new_target)
    if new_id != mapping_id_:
        out.append(
            _decision(
                mapping_id_,
                found["source"],
                found["target"],
                None,
                found["change"],
                "rejected",
                base,
            )
        )
    out.append(_decision(new_id, source, new_target, relation, change, "corrected", base))
    return out


def _decision(
    mid: str,
    source: str | None,
    target: str | None,
    relation: str | None,
    change: str,
    decision: str,
    base: dict[str, Any],
) -> MappingDecision:
    return MappingDecision(
        id=mid,
        source=source,
        target=target,
        relation=relation,
        change=change,
        decision=decision,
        **base,
    )


def after_review(graph: Graph, decisions: Sequence[MappingDecision], path: Path) -> None:
    """Bring the graph in line with decisions just written to ``path``: reviewed mappings
    in, rejected ones out, and the proposals of the edition pairs concerned recomputed.

    Its writes change mappings and runs, and the relationships at them, only: the graph
    version's journal says so, as :func:`refresh`'s do."""
    with touching("CrosswalkMapping", "CrosswalkRun"):
        apply_reviewed(graph, path)
        pairs = sorted({(d.from_edition, d.to_edition) for d in decisions})
        propose(graph, pairs=pairs, path=path)
