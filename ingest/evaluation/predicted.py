"""What one document put in the graph, in the shape of a gold file.

Nodes come in as ``(class local name, properties, linked names)`` rows — from the graph
(``queries/document-facts.cypher``) or straight from a :class:`~stkg.graph.facts.FactSet`
— and :func:`facts_from_nodes` sorts them into the gold categories. Which class feeds
which category is said once, in :data:`CATEGORY_OF_CLASS`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from stkg.graph.facts import FactSet
from stkg.ingest.evaluation.gold import Budget, Count, Date, Edition, Facts, Named
from stkg.ingest.extract.dates import header_line
from stkg.ontology.model import Ontology

#: Ontology class → gold category, for the classes that hold a named thing.
CATEGORY_OF_CLASS = {
    "Organization": "organizations",
    "Programme": "programmes",
    "StrategicField": "fields",
    "FieldVersion": "fields",
    "StrategicProduct": "products",
    "CoreTechnology": "technologies",
}
#: Properties whose values are dates the document states.
DATE_PROPERTIES = ("publishedDate", "plannedPublication")
KRW_PER_EOK = 100_000_000
#: Evidence quotes longer than this are sentences, not the printed form of a name.
MAX_PRINTED = 60


@dataclass
class NodeRow:
    cls: str
    props: Mapping[str, Any]
    #: names of the nodes a Funding funds / is for, or a StatedFigure quantifies
    linked: list[str] = field(default_factory=list)
    #: what the document prints for the node: the quotes of its evidence there
    printed: list[str] = field(default_factory=list)


def rows_from_factset(facts: FactSet, onto: Ontology) -> list[NodeRow]:
    """The same rows the graph query returns, from a document's facts before writing.

    Reference individuals get the aliases the ontology sync gives their nodes.
    """
    names = {n.id: str(n.props.get("name") or "") for n in facts.nodes.values()}
    reference = {i.id: i for i in onto.individuals if i.id}
    linked: dict[str, list[str]] = {}
    for rel in facts.rels.values():
        if rel.prop in ("fundingFor", "funds", "quantifies") and names.get(rel.end):
            linked.setdefault(rel.start, []).append(names[rel.end])
    rows = []
    for n in facts.nodes.values():
        props = {"id": n.id, **n.props}  # as the graph's nodes carry their key
        ind = reference.get(n.id)
        if ind is not None:
            props["aliases"] = [t for t, _ in ind.alt_labels]
        printed = [e.quote for e in n.evidence if e.quote]
        rows.append(NodeRow(n.cls, props, linked.get(n.id, []), printed))
    return rows


def facts_from_nodes(rows: Iterable[NodeRow]) -> Facts:
    out: dict[str, list[Any]] = {}
    for row in rows:
        for category, fact in _facts_of(row):
            out.setdefault(category, []).append(fact)
    if "dates" in out:  # a date stated twice (header and text, two events) is one fact
        out["dates"] = list({d.date: d for d in out["dates"]}.values())
    return Facts.model_validate({k: _unique(v) for k, v in out.items()})


def _facts_of(row: NodeRow) -> Iterable[tuple[str, Any]]:
    p = row.props
    category = CATEGORY_OF_CLASS.get(row.cls)
    if category and p.get("name"):
        forms = [*(p.get("aliases") or ()), *(q for q in row.printed if len(q) <= MAX_PRINTED)]
        aliases = tuple(dict.fromkeys(a for a in forms if a != p["name"]))
        yield category, Named(name=str(p["name"]), aliases=aliases)
    elif row.cls == "RoadmapEdition":
        yield "editions", _edition(p)
    elif row.cls == "StatedFigure" and p.get("unit", "count") == "count":
        noun = p.get("countedNoun") or p.get("figureKind") or ""
        yield "counts", Count(value=float(p["value"]), of=str(noun))
    elif row.cls == "Funding" and p.get("amountKrw") is not None:
        target = p.get("name") or (row.linked[0] if row.linked else None)
        yield (
            "budgets",
            Budget(
                amount=float(p["amountKrw"]) / KRW_PER_EOK, **{"for": target}, year=p.get("year")
            ),
        )
    if row.cls == "StatedEvent" and p.get("eventDate"):
        yield "dates", Date(date=str(p["eventDate"]), event=p.get("eventKind"))
    for key in DATE_PROPERTIES:
        value = p.get(key)
        if value and not _header_only(row, key):
            yield "dates", Date(date=_iso(value), event=f"{row.cls}.{key}")


def _header_only(row: NodeRow, key: str) -> bool:
    """A document's date known only from its header line (``DATE: …``) is the file's, not
    a date the text states; the text states it when it prints that day too."""
    return (
        row.cls == "SourceDocument"
        and key == "publishedDate"
        and bool(row.printed)
        and all(header_line(q) for q in row.printed)
    )


def _edition(p: Mapping[str, Any]) -> Edition:
    start, end = p.get("startYear"), p.get("endYear")
    year = start
    if year is None and "@" in str(p.get("id", "")):
        tail = str(p["id"]).rsplit("@", 1)[1]
        year = int(tail) if tail.isdigit() else None
    name = str(p.get("name") or str(p.get("id", "")).split(":", 1)[-1].split("@")[0])
    period = (int(start), int(end)) if start is not None and end is not None else None
    return Edition(name=name, year=year, period=period)


def _iso(value: Any) -> str:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()[:10]
    to_native = getattr(value, "to_native", None)  # neo4j.time.Date
    return to_native().isoformat()[:10] if to_native else str(value)[:10]


def _unique(items: list[Any]) -> list[Any]:
    seen: list[Any] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen
