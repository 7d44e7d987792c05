"""Reviewed crosswalk mappings, kept as Turtle so they survive a rebuild.

``stkg review`` writes each decision on a mapping between two consecutive editions (accepted,
corrected or rejected) to ``ontology/crosswalks/reviewed.ttl`` as a ``stkg:CrosswalkMapping``
individual with its ends, relation, change kind, reviewer and time — plus, for an accepted or
corrected mapping with both ends, the plain SKOS triple (``<from> skos:closeMatch <to>``) for
RDF consumers. The file lives in a folder of its own, so the ontology loader does not take
its mappings for reference data: field versions exist only once documents are ingested, and
the graph code (``stkg.graph.crosswalk``) applies the decisions after every (re)build.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, Literal, URIRef

from stkg.ontology.ids import instance_iri, typed_id_from_iri
from stkg.ontology.model import ONTOLOGY_DIR, STKG, parse_turtle
from stkg.ontology.reviewed import append_block

__all__ = [
    "CROSSWALK_FILE",
    "MappingDecision",
    "append_decision",
    "decision_block",
    "read_decisions",
]

CROSSWALK_FILE = ONTOLOGY_DIR / "crosswalks" / "reviewed.ttl"

HEADER = """# stkg crosswalk review decisions: mappings between consecutive editions that a
# maintainer accepted, corrected or rejected. Written by `stkg review`; applied to the
# graph by `stkg crosswalk propose` and `stkg up`. Edit like any reference data.
@prefix stkg: <https://w3id.org/stkg/ontology#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<https://w3id.org/stkg/crosswalks> a owl:Ontology .
"""


@dataclass(frozen=True)
class MappingDecision:
    """One maintainer's decision on a mapping (ids are typed ids)."""

    id: str
    source: str | None
    target: str | None
    from_edition: str
    to_edition: str
    relation: str | None
    change: str
    decision: str
    by: str
    at: dt.datetime
    note: str | None = None


def _literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _ref(tid: str) -> str:
    return f"<{instance_iri(tid)}>"


def decision_block(d: MappingDecision) -> str:
    """The Turtle of one decision (a comment line, the mapping, and its SKOS triple)."""
    what = f"{d.source or '(new)'} → {d.target or '(dropped)'}"
    lines = [
        f"# {what}: {d.decision} by {d.by} on {d.at.date().isoformat()}",
        f"{_ref(d.id)} a owl:NamedIndividual , stkg:CrosswalkMapping ;",
        f"    stkg:id {_literal(d.id)} ;",
    ]
    if d.source:
        lines.append(f"    stkg:mapsFrom {_ref(d.source)} ;")
    if d.target:
        lines.append(f"    stkg:mapsTo {_ref(d.target)} ;")
    lines += [
        f"    stkg:fromEdition {_ref(d.from_edition)} ;",
        f"    stkg:toEdition {_ref(d.to_edition)} ;",
    ]
    if d.relation:
        lines.append(f"    stkg:mappingRelation {_literal(d.relation)} ;")
    if d.note:
        lines.append(f"    stkg:mappingNote {_literal(d.note)} ;")
    lines += [
        f"    stkg:mappingChange {_literal(d.change)} ;",
        '    stkg:mappingBasis "reviewed" ;',
        f"    stkg:reviewDecision {_literal(d.decision)} ;",
        f"    stkg:reviewedBy {_literal(d.by)} ;",
        f'    stkg:reviewedAt "{d.at.isoformat()}"^^xsd:dateTime .',
    ]
    if d.decision != "rejected" and d.source and d.target and d.relation:
        lines.append(f"{_ref(d.source)} skos:{d.relation} {_ref(d.target)} .")
    return "\n".join(lines) + "\n"


def append_decision(d: MappingDecision, path: Path = CROSSWALK_FILE) -> None:
    """Append one decision, replacing any earlier decision on the same mapping; the file
    is replaced only if the result parses."""
    path.parent.mkdir(parents=True, exist_ok=True)
    append_block(decision_block(d), path, header=HEADER, replace=f"stkg:id {_literal(d.id)} ;")


def read_decisions(path: Path = CROSSWALK_FILE) -> list[MappingDecision]:
    """Every decision in ``path``, in file order of time; a later decision on the same
    mapping id replaces an earlier one. An absent file holds none."""
    if not path.exists():
        return []
    g = parse_turtle(path)

    def one(s: URIRef, local: str) -> str | None:
        v = g.value(s, STKG[local])
        if v is None:
            return None
        return typed_id_from_iri(str(v)) if isinstance(v, URIRef) else str(v)

    found: dict[str, MappingDecision] = {}
    for s in g.subjects(RDF.type, STKG.CrosswalkMapping):
        if not isinstance(s, URIRef):
            continue
        at = g.value(s, STKG.reviewedAt)
        when = at.toPython() if isinstance(at, Literal) else None
        if not isinstance(when, dt.datetime):
            when = dt.datetime.fromisoformat(str(at)) if at is not None else dt.datetime.min
        d = MappingDecision(
            id=one(s, "id") or typed_id_from_iri(str(s)),
            source=one(s, "mapsFrom"),
            target=one(s, "mapsTo"),
            from_edition=one(s, "fromEdition") or "",
            to_edition=one(s, "toEdition") or "",
            relation=one(s, "mappingRelation"),
            change=one(s, "mappingChange") or "",
            decision=one(s, "reviewDecision") or "",
            by=one(s, "reviewedBy") or "",
            at=when,
            note=one(s, "mappingNote"),
        )
        found[d.id] = d
    return sorted(found.values(), key=lambda d: (d.at, d.id))
