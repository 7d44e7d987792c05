"""The instance graph as RDF and back: export, SHACL validation and import.

The RDF form is the one ``ontology/shapes.ttl`` describes (see ``ontology/README.md``):

* a node is ``<https://w3id.org/stkg/id/{typed id}>`` (:func:`~stkg.ontology.ids.instance_iri`),
  typed with the most specific stkg classes among its labels (``Entity`` is implied);
* a node property is a triple with the stkg datatype property whose Neo4j name is the key,
  a literal typed by the property's ``rdfs:range`` (``xsd:string`` values as simple
  literals); a list becomes one triple per element (RDF has no order: lists come back
  sorted);
* a relationship is a triple with the stkg object property; when it has properties it is
  also an ``rdf:Statement`` ``<{start IRI}/{property}/{end typed id}>`` holding them
  (the ``evidence`` list included).

Export streams: nodes are read in pages ordered by ``id`` (the unique-constraint index), a
page's relationships with them, and each page is turned into triples before the next is
read. Import validates the whole file against the shapes and the ontology before writing
anything (:func:`plan_import`), then writes it either in one transaction
(:func:`import_rdf`, :func:`write_at_once`: a failure leaves the graph unchanged, but the
server's transaction memory bounds the size) or in transactions of a bounded number of
records (:func:`write_in_batches`: any size; a failure deletes again the nodes it
created).

An N-Triples file can also be imported without holding it (what a restore into a graph
without instance data does): :func:`scan_ntriples` reads it line by line with rdflib's
N-Triples line parser, a chunk of at least 20,000 lines at a time, cut only where no node's
triples go on (a node's own triples, its relationships and their ``rdf:Statement``s, found
by a first pass that notes each one's last line), and checks each chunk as
:func:`plan_import` does; :func:`write_ntriples_in_batches` reads it again the same way and
writes batch by batch. Memory: the node ids and one chunk (for a file ``stkg export``
wrote, about one export page). Other formats (Turtle, JSON-LD) are parsed whole.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Any, LiteralString, Protocol, TypeVar, cast
from urllib.parse import quote

from neo4j import ManagedTransaction
from neo4j.time import Date, DateTime, Time
from rdflib import RDF, XSD, Literal, URIRef
from rdflib import Graph as RdfGraph
from rdflib.term import Node

from stkg.graph.driver import Graph
from stkg.ontology.errors import OntologyError, OntologySyntaxError
from stkg.ontology.ids import INSTANCE_NS, instance_iri, typed_id_from_iri
from stkg.ontology.model import STKG, DatatypeProperty, ObjectProperty, Ontology, parse_turtle
from stkg.ontology.names import quote_name
from stkg.ontology.shacl import ShaclReport, validate_instances

__all__ = [
    "FORMATS",
    "BatchFailed",
    "ExportStats",
    "ImportPlan",
    "ImportStats",
    "NTriplesPlan",
    "RdfError",
    "RdfMapper",
    "RdfSyntaxError",
    "ShapeViolations",
    "TripleSink",
    "UnknownRdfTerm",
    "export_batches",
    "export_graph",
    "import_rdf",
    "plan_import",
    "read_rdf_file",
    "rows_rdf",
    "scan_ntriples",
    "subgraph_rdf",
    "validate_graph",
    "write_at_once",
    "write_export",
    "write_in_batches",
    "write_ntriples_in_batches",
]

#: ``--format`` values → rdflib serializer names.
FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}
_SUFFIX_FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld"}
_BATCH = 5_000
T = TypeVar("T")


class RdfError(OntologyError):
    """RDF that cannot become graph data (or graph data that cannot become RDF)."""


class UnknownRdfTerm(RdfError):
    """A subject uses a class or property the ontology does not define (for its class)."""

    def __init__(self, subject: str, message: str) -> None:
        self.subject = subject
        super().__init__(f"<{subject}>: {message}")


class ShapeViolations(RdfError):
    """The data breaks SHACL shapes; ``report`` lists each focus node and message."""

    def __init__(self, source: str, report: ShaclReport) -> None:
        self.report = report
        shown = "\n".join(f"  {v}" for v in report.violations[:20])
        more = len(report.violations) - 20
        tail = f"\n  … and {more} more" if more > 0 else ""
        super().__init__(
            f"{source} does not conform to the shapes ({len(report.violations)} "
            f"violation(s)); nothing was written:\n{shown}{tail}"
        )


# ---------------------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------------------

_INTEGERS = {"integer", "long", "int", "nonNegativeInteger", "positiveInteger", "short"}


def _lexical(value: Any, dp: DatatypeProperty) -> Literal:
    """A Neo4j value as the literal the shapes expect for ``dp``."""
    xsd = dp.xsd
    if isinstance(value, Date | DateTime | Time):
        value = value.to_native()
    if xsd == "string":
        return Literal(str(value))
    if xsd in _INTEGERS:
        return Literal(str(int(value)), datatype=URIRef(dp.range))
    if xsd == "decimal":
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        return Literal(format(number.normalize(), "f"), datatype=XSD.decimal)
    if xsd in ("double", "float"):
        return Literal(repr(float(value)), datatype=URIRef(dp.range))
    if xsd == "boolean":
        return Literal("true" if value else "false", datatype=XSD.boolean)
    if xsd == "date":
        if isinstance(value, dt.datetime):
            value = value.date()
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
        # a day-precision property: OWL 2 DL has no xsd:date, so the day is its midnight
        return Literal(f"{day.isoformat()}T00:00:00", datatype=URIRef(dp.range))
    if xsd == "dateTime":
        moment = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
        return Literal(moment.isoformat(), datatype=XSD.dateTime)
    return Literal(str(value), datatype=URIRef(dp.range))


def _python(lit: Literal, dp: DatatypeProperty) -> Any:
    """A literal as the Neo4j value of ``dp``; ``ValueError`` when it does not fit."""
    text, xsd = str(lit), dp.xsd
    if xsd in _INTEGERS:
        return int(text)
    if xsd == "decimal":
        try:
            return float(Decimal(text))
        except InvalidOperation as exc:
            raise ValueError(f"{text!r} is not a decimal") from exc
    if xsd in ("double", "float"):
        return float(text)
    if xsd == "boolean":
        if text not in ("true", "false", "1", "0"):
            raise ValueError(f"{text!r} is not a boolean")
        return text in ("true", "1")
    if xsd == "date":
        return _day(text)
    if xsd == "dateTime":
        return dt.datetime.fromisoformat(text)
    return text


def _day(text: str) -> dt.date:
    """A whole day written as ``YYYY-MM-DDT00:00:00`` (or the bare ``YYYY-MM-DD``)."""
    if "T" not in text:
        return dt.date.fromisoformat(text)
    moment = dt.datetime.fromisoformat(text)
    if moment.time() != dt.time(0) or moment.tzinfo is not None:
        raise ValueError(f"{text!r} is not a whole day (YYYY-MM-DDT00:00:00)")
    return moment.date()


def _sort_key(value: Any) -> tuple[str, str]:
    return (type(value).__name__, str(value))


# ---------------------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------------------


class RdfMapper:
    """Neo4j names ↔ ontology terms, for one :class:`Ontology`."""

    def __init__(self, onto: Ontology) -> None:
        self.onto = onto
        self.entity = onto.label("Entity")
        self.id_key = onto.prop("id")
        self.classes = {c.label: c for c in onto.classes.values() if not c.is_meta}
        self.class_by_iri = {c.iri: c for c in onto.classes.values()}
        self.rels = {p.rel_type: p for p in onto.object_properties.values()}
        self.rel_by_iri = {p.iri: p for p in onto.object_properties.values()}
        self.dp_by_iri = {p.iri: p for p in onto.datatype_properties.values()}
        self._node_props: dict[str, dict[str, DatatypeProperty]] = {}
        self._rel_props: dict[str, dict[str, DatatypeProperty]] = {}

    def node_props(self, cls: str) -> dict[str, DatatypeProperty]:
        """Neo4j key → datatype property, for nodes of class ``cls`` (local name)."""
        if cls not in self._node_props:
            self._node_props[cls] = {p.name: p for p in self.onto.node_properties(cls)}
        return self._node_props[cls]

    def rel_props(self, op: ObjectProperty) -> dict[str, DatatypeProperty]:
        """Neo4j key → datatype property, for relationships of ``op``."""
        if op.rel_type not in self._rel_props:
            found = self.onto.relationship_properties(op.local_name)
            self._rel_props[op.rel_type] = {p.name: p for p in found}
        return self._rel_props[op.rel_type]

    def leaf_classes(self, labels: Iterable[str]) -> list[str]:
        """Local names of the most specific classes among a node's labels."""
        known = [self.classes[lbl].local_name for lbl in labels if lbl in self.classes]
        implied = {a for c in known for a in self.onto.ancestors(c) if a != c}
        return sorted(c for c in known if c not in implied)


def statement_iri(start: str, op: ObjectProperty, end: str) -> URIRef:
    """The IRI of the ``rdf:Statement`` reifying a relationship with properties."""
    return URIRef(f"{instance_iri(start)}/{op.local_name}/{quote(end, safe=':')}")


# ---------------------------------------------------------------------------------------
# Export
# ---------------------------------------------------------------------------------------


@dataclass
class ExportStats:
    """What an export wrote, and what it had to leave out (unknown names → counts)."""

    nodes: int = 0
    relationships: int = 0
    triples: int = 0
    skipped: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    #: IRIs of the nodes selected by a partial export (``label``/``limit``)
    selected: set[str] = field(default_factory=set)


def _page(
    graph: Graph, m: RdfMapper, label: str | None, after: str, size: int, with_incoming: bool
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """One page of nodes (ordered by id) and the relationships that leave them."""
    entity, key = quote_name(m.entity), quote_name(m.id_key)
    # the graph version counts this store's writes: not data, not exported
    version = quote_name(m.onto.label("GraphVersion"))
    match = f"(n:{entity}:{quote_name(label)})" if label else f"(n:{entity})"
    node_q = (
        f"MATCH {match} WHERE n.{key} > $after AND NOT n:{version} "
        f"RETURN n.{key} AS id, labels(n) AS labels, properties(n) AS props "
        f"ORDER BY n.{key} LIMIT $size"
    )
    out_q = (
        f"UNWIND $ids AS id MATCH (a:{entity} {{{key}: id}})-[r]->(b:{entity}) "
        f"RETURN a.{key} AS a, type(r) AS t, b.{key} AS b, labels(b) AS bl, "
        "properties(r) AS props"
    )
    in_q = (
        f"UNWIND $ids AS id MATCH (a:{entity})-[r]->(b:{entity} {{{key}: id}}) "
        f"WHERE NOT a.{key} IN $ids "
        f"RETURN a.{key} AS a, type(r) AS t, b.{key} AS b, labels(a) AS bl, "
        "properties(r) AS props"
    )

    def work(tx: ManagedTransaction) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        nodes = [dict(r) for r in tx.run(node_q, after=after, size=size)]
        ids = [n["id"] for n in nodes]
        rels = [dict(r) for r in tx.run(out_q, ids=ids)] if ids else []
        if ids and with_incoming:
            rels += [dict(r) for r in tx.run(in_q, ids=ids)]
        return nodes, rels

    return graph.execute_read(work)


def _node_triples(
    out: TripleSink, m: RdfMapper, node: Mapping[str, Any], stats: ExportStats
) -> None:
    subject = URIRef(instance_iri(node["id"]))
    classes = m.leaf_classes(node["labels"])
    for lbl in node["labels"]:
        if lbl not in m.classes:
            stats.skipped[f"label {lbl}"] += 1
    if not classes:
        stats.skipped["node without a class"] += 1
        return
    props: dict[str, DatatypeProperty] = {}
    for c in classes:
        out.add((subject, RDF.type, URIRef(m.onto.classes[c].iri)))
        props.update(m.node_props(c))
    for k, value in node["props"].items():
        dp = props.get(k)
        if dp is None:
            stats.skipped[f"property {k}"] += 1
            continue
        for v in value if isinstance(value, list) else [value]:
            out.add((subject, URIRef(dp.iri), _lexical(v, dp)))
    stats.nodes += 1


def _rel_triples(out: TripleSink, m: RdfMapper, rel: Mapping[str, Any], stats: ExportStats) -> None:
    op = m.rels.get(rel["t"])
    if op is None:
        stats.skipped[f"relationship type {rel['t']}"] += 1
        return
    s, o = URIRef(instance_iri(rel["a"])), URIRef(instance_iri(rel["b"]))
    p = URIRef(op.iri)
    out.add((s, p, o))
    stats.relationships += 1
    if not rel["props"]:
        return
    allowed = m.rel_props(op)
    stmt = statement_iri(rel["a"], op, rel["b"])
    out.add((stmt, RDF.type, RDF.Statement))
    out.add((stmt, RDF.subject, s))
    out.add((stmt, RDF.predicate, p))
    out.add((stmt, RDF.object, o))
    for k, value in rel["props"].items():
        dp = allowed.get(k)
        if dp is None:
            stats.skipped[f"relationship property {k}"] += 1
            continue
        for v in value if isinstance(value, list) else [value]:
            out.add((stmt, URIRef(dp.iri), _lexical(v, dp)))


def _new_graph(*, few_prefixes: bool = False) -> RdfGraph:
    """An empty graph binding the stkg prefixes; ``few_prefixes`` binds only RDF's core
    ones besides (a JSON-LD context lists every bound prefix, used or not)."""
    g = RdfGraph(bind_namespaces="core") if few_prefixes else RdfGraph()
    g.bind("stkg", STKG)
    g.bind("stkgid", INSTANCE_NS)
    return g


class TripleSink(Protocol):
    """Where the export's triples go: an rdflib graph, or anything with its ``add``."""

    def add(self, triple: tuple[Node, Node, Node], /) -> object: ...


def rows_rdf(
    m: RdfMapper,
    nodes: Iterable[Mapping[str, Any]],
    rels: Iterable[Mapping[str, Any]],
    out: TripleSink,
    stats: ExportStats | None = None,
) -> None:
    """Node rows (``id``, ``labels``, ``props``) and relationship rows (``a``, ``t``,
    ``b``, ``props``) as the triples the export writes for them, added to ``out``: what
    the SPARQL store reloads for the nodes a write touched (:mod:`stkg.graph.sparql`)."""
    stats = stats if stats is not None else ExportStats()
    for node in nodes:
        _node_triples(out, m, node, stats)
    for rel in rels:
        _rel_triples(out, m, rel, stats)


def export_batches(
    graph: Graph,
    onto: Ontology,
    *,
    label: str | None = None,
    limit: int | None = None,
    batch_size: int = _BATCH,
    stats: ExportStats | None = None,
) -> Iterator[RdfGraph]:
    """The instance graph (or the nodes of one label) as a sequence of RDF graphs.

    A partial export (``label`` or ``limit``) includes the relationships that enter the
    selected nodes too, and types the other ends, so shapes that follow links
    (``sh:class``, inverse paths) can be checked. ``limit`` stops after that many nodes.
    """
    m = RdfMapper(onto)
    if label is not None and label not in m.classes:
        raise RdfError(f"no class of the ontology has the node label {label!r}")
    stats = stats if stats is not None else ExportStats()
    partial = label is not None or limit is not None
    after, seen = "", 0
    while limit is None or seen < limit:
        size = batch_size if limit is None else min(batch_size, limit - seen)
        nodes, rels = _page(graph, m, label, after, size, with_incoming=partial)
        if not nodes:
            return
        out = _new_graph()
        for node in nodes:
            _node_triples(out, m, node, stats)
        ids = {n["id"] for n in nodes}
        if partial:
            stats.selected.update(instance_iri(i) for i in ids)
        for rel in rels:
            _rel_triples(out, m, rel, stats)
            if partial:
                # type the other end (``bl`` holds its labels) so sh:class can be checked
                other = rel["a"] if rel["b"] in ids else rel["b"]
                for c in m.leaf_classes(rel["bl"]):
                    out.add((URIRef(instance_iri(other)), RDF.type, URIRef(onto.classes[c].iri)))
        stats.triples += len(out)
        seen += len(nodes)
        after = nodes[-1]["id"]
        yield out


def export_graph(
    graph: Graph, onto: Ontology, *, label: str | None = None, limit: int | None = None
) -> RdfGraph:
    """The whole export in one rdflib graph (for validation and tests)."""
    out = _new_graph()
    for part in export_batches(graph, onto, label=label, limit=limit):
        out += part
    return out


def write_export(
    graph: Graph,
    onto: Ontology,
    stream: IO[bytes],
    fmt: str = "ttl",
    *,
    label: str | None = None,
) -> ExportStats:
    """Serialise the export to ``stream``, page by page for Turtle and N-Triples.

    Turtle pages are complete documents one after another (Turtle allows a prefix to be
    declared again), so memory stays bounded by a page; JSON-LD is one document and is
    built in memory.
    """
    if fmt not in FORMATS:
        raise RdfError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    stats = ExportStats()
    pages = export_batches(graph, onto, label=label, stats=stats)
    if fmt == "jsonld":
        whole = _new_graph()
        for part in pages:
            whole += part
        stream.write(whole.serialize(format="json-ld", auto_compact=True).encode("utf-8"))
        return stats
    for part in pages:
        stream.write(part.serialize(format=FORMATS[fmt], encoding="utf-8"))
    return stats


def subgraph_rdf(
    graph: Graph,
    onto: Ontology,
    ids: Iterable[str],
    edges: Iterable[tuple[str, str, str]] | None = None,
) -> RdfGraph:
    """Part of the export: the nodes ``ids`` and relationships among them, as RDF.

    The triples are exactly those :func:`export_graph` writes for these nodes and
    relationships (same IRIs, classes, literals and ``rdf:Statement`` for relationship
    properties), so an API answer rendered as RDF is a subset of the export. ``edges``
    names the relationships as ``(start id, type, end id)``; ``None`` takes every
    relationship whose two ends are among ``ids``. Unknown ids are left out.
    """
    m = RdfMapper(onto)
    entity, key = quote_name(m.entity), quote_name(m.id_key)
    version = quote_name(m.onto.label("GraphVersion"))
    wanted = sorted(set(ids))
    node_q = (
        f"UNWIND $ids AS id MATCH (n:{entity} {{{key}: id}}) WHERE NOT n:{version} "
        f"RETURN n.{key} AS id, labels(n) AS labels, properties(n) AS props ORDER BY id"
    )
    among_q = (
        f"UNWIND $ids AS id MATCH (a:{entity} {{{key}: id}})-[r]->(b:{entity}) "
        f"WHERE b.{key} IN $ids "
        f"RETURN a.{key} AS a, type(r) AS t, b.{key} AS b, properties(r) AS props"
    )
    named_q = (  # each edge a list: [start id, type, end id]
        f"UNWIND $edges AS e "
        f"MATCH (a:{entity} {{{key}: e[0]}})-[r]->(b:{entity} {{{key}: e[2]}}) "
        "WHERE type(r) = e[1] "
        f"RETURN a.{key} AS a, type(r) AS t, b.{key} AS b, properties(r) AS props"
    )
    named = None if edges is None else [list(e) for e in sorted(set(edges))]

    def work(tx: ManagedTransaction) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        nodes = [dict(r) for r in tx.run(node_q, ids=wanted)]
        if named is None:
            rels = [dict(r) for r in tx.run(among_q, ids=wanted)]
        else:
            rels = [dict(r) for r in tx.run(named_q, edges=named)] if named else []
        return nodes, rels

    nodes, rels = graph.execute_read(work)
    out, stats = _new_graph(few_prefixes=True), ExportStats()
    for node in nodes:
        _node_triples(out, m, node, stats)
    for rel in rels:
        _rel_triples(out, m, rel, stats)
    return out


# ---------------------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------------------


def validate_graph(
    graph: Graph, onto: Ontology, *, label: str | None = None, limit: int | None = None
) -> tuple[ShaclReport, int]:
    """Export (part of) the graph and run the SHACL shapes; returns (report, nodes checked).

    With ``label`` or ``limit`` only violations whose focus is one of the selected nodes
    (or a statement about their relationships) are kept: the neighbours exported for
    context are not checked.
    """
    data = _new_graph()
    stats = ExportStats()
    for part in export_batches(graph, onto, label=label, limit=limit, stats=stats):
        data += part
    report = validate_instances(data)
    if label is None and limit is None:
        return report, stats.nodes
    selected = stats.selected
    kept = tuple(
        v
        for v in report.violations
        if v.focus_node in selected or v.focus_node.rsplit("/", 2)[0] in selected
    )
    return ShaclReport(not kept, kept, report.text), stats.nodes


# ---------------------------------------------------------------------------------------
# Import
# ---------------------------------------------------------------------------------------


@dataclass
class ImportStats:
    nodes: int = 0
    relationships: int = 0
    nodes_created: int = 0
    relationships_created: int = 0


def read_rdf_file(path: Path | str, fmt: str | None = None) -> RdfGraph:
    """Parse an RDF file; the format comes from ``fmt`` or the file suffix.

    Turtle errors name the file, line and column (:class:`OntologySyntaxError`).
    """
    path = Path(path)
    name = FORMATS.get(fmt or "", fmt) or _SUFFIX_FORMATS.get(path.suffix.lower())
    if name is None:
        raise RdfError(f"{path}: cannot tell the RDF format from the suffix; pass --format")
    if name == "turtle":
        return parse_turtle(path)
    g = RdfGraph()
    try:
        g.parse(path, format=name)
    except Exception as exc:
        raise OntologySyntaxError(path, None, None, str(exc) or type(exc).__name__) from exc
    return g


@dataclass
class _Rows:
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    labels: dict[str, tuple[str, ...]] = field(default_factory=dict)
    rels: dict[tuple[str, str, str], dict[str, Any]] = field(default_factory=dict)


def _typed_id(subject: Node) -> str:
    if not isinstance(subject, URIRef):
        raise UnknownRdfTerm(str(subject), "instances must be IRIs, not blank nodes")
    try:
        return typed_id_from_iri(str(subject))
    except ValueError as exc:
        raise UnknownRdfTerm(str(subject), str(exc)) from exc


def _collect(data: RdfGraph, m: RdfMapper) -> _Rows:
    """Check every triple against the ontology and turn the data into node and rel rows."""
    rows = _Rows()
    statements = set(data.subjects(RDF.type, RDF.Statement))
    for subject in sorted(set(data.subjects()), key=str):
        if subject in statements:
            continue
        types = list(data.objects(subject, RDF.type))
        if not types:
            raise UnknownRdfTerm(str(subject), "has properties but no rdf:type")
        classes = []
        for t in types:
            cls = m.class_by_iri.get(str(t))
            if cls is None or cls.is_meta:
                raise UnknownRdfTerm(str(subject), f"the ontology defines no instance class <{t}>")
            classes.append(cls.local_name)
        tid = _typed_id(subject)
        labels: list[str] = []
        allowed: dict[str, DatatypeProperty] = {}
        for c in classes:
            labels += [lbl for lbl in m.onto.labels_of(c) if lbl not in labels]
            allowed.update({p.iri: p for p in m.onto.node_properties(c)})
        props: dict[str, list[Any]] = defaultdict(list)
        for p, o in data.predicate_objects(subject):
            if p == RDF.type:
                continue
            if isinstance(o, Literal):
                dp = allowed.get(str(p))
                if dp is None:
                    what = "datatype property" if str(p) in m.dp_by_iri else "property"
                    raise UnknownRdfTerm(
                        str(subject), f"the ontology defines no {what} <{p}> for {classes}"
                    )
                try:
                    props[dp.name].append(_python(o, dp))
                except ValueError as exc:
                    raise UnknownRdfTerm(str(subject), f"<{p}>: {exc}") from exc
                continue
            op = m.rel_by_iri.get(str(p))
            if op is None:
                raise UnknownRdfTerm(str(subject), f"the ontology defines no object property <{p}>")
            rows.rels.setdefault((tid, op.rel_type, _typed_id(o)), {})
        node: dict[str, Any] = {}
        for name, values in props.items():
            dp = next(d for d in allowed.values() if d.name == name)
            node[name] = (
                values[0] if dp.functional and len(values) == 1 else sorted(values, key=_sort_key)
            )
        if node.get(m.id_key, tid) != tid:
            raise UnknownRdfTerm(str(subject), f"stkg:id {node[m.id_key]!r} does not match the IRI")
        node[m.id_key] = tid
        rows.nodes[tid] = node
        rows.labels[tid] = tuple(labels)
    for stmt in statements:
        _statement(data, m, stmt, rows)
    return rows


def _statement(data: RdfGraph, m: RdfMapper, stmt: Node, rows: _Rows) -> None:
    s, p, o = (data.value(stmt, x) for x in (RDF.subject, RDF.predicate, RDF.object))
    op = m.rel_by_iri.get(str(p))
    if s is None or o is None or op is None:
        raise UnknownRdfTerm(
            str(stmt), "an rdf:Statement needs subject, object and a stkg predicate"
        )
    allowed = {d.iri: d for d in m.rel_props(op).values()}
    props: dict[str, list[Any]] = defaultdict(list)
    for pred, value in data.predicate_objects(stmt):
        if pred in (RDF.type, RDF.subject, RDF.predicate, RDF.object):
            continue
        dp = allowed.get(str(pred))
        if dp is None or not isinstance(value, Literal):
            raise UnknownRdfTerm(
                str(stmt), f"<{pred}> is no property of {op.local_name} relationships"
            )
        props[dp.name].append(_python(value, dp))
    rel = rows.rels.setdefault((_typed_id(s), op.rel_type, _typed_id(o)), {})
    for name, values in props.items():
        dp = next(d for d in allowed.values() if d.name == name)
        rel[name] = (
            values[0] if dp.functional and len(values) == 1 else sorted(values, key=_sort_key)
        )


@dataclass
class ImportPlan:
    """RDF data checked against the ontology and turned into rows, ready to be written.

    ``nodes`` (one group per label set) are written before ``relationships`` (one group
    per type), so a relationship's ends exist when it is merged; ``ends`` are the ids
    relationships point at that the data itself does not hold (they must be in the graph).
    """

    source: str
    nodes: list[tuple[tuple[str, ...], list[dict[str, Any]]]]
    relationships: list[tuple[str, list[dict[str, Any]]]]
    ends: list[str]

    @property
    def node_ids(self) -> list[str]:
        return [row["id"] for _labels, rows in self.nodes for row in rows]

    @property
    def records(self) -> int:
        """Nodes plus relationships: what a transaction's size is counted in."""
        return sum(len(r) for _l, r in self.nodes) + sum(len(r) for _t, r in self.relationships)

    def stats(self) -> ImportStats:
        return ImportStats(
            nodes=sum(len(r) for _l, r in self.nodes),
            relationships=sum(len(r) for _t, r in self.relationships),
        )


def plan_import(
    onto: Ontology, data: RdfGraph, *, source: str = "the data", validate: bool = True
) -> ImportPlan:
    """Validate ``data`` against the shapes (unless ``validate=False``) and check every term.

    Raises :class:`ShapeViolations` (naming the nodes) or :class:`UnknownRdfTerm` (naming
    the subject); nothing is written.
    """
    if validate:
        report = validate_instances(data)
        if not report.conforms:
            raise ShapeViolations(source, report)
    m = RdfMapper(onto)
    rows = _collect(data, m)
    by_labels: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for tid, props in rows.nodes.items():
        by_labels[rows.labels[tid]].append({"id": tid, "props": props})
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for (a, t, b), props in rows.rels.items():
        by_type[t].append({"a": a, "b": b, "props": props})
    ends = sorted({x for (a, _t, b) in rows.rels for x in (a, b)} - set(rows.nodes))
    return ImportPlan(source, sorted(by_labels.items()), sorted(by_type.items()), ends)


class _Statements:
    """The import's Cypher: names from the ontology (quoted), values as parameters."""

    def __init__(self, onto: Ontology) -> None:
        m = RdfMapper(onto)
        self.entity, self.key = quote_name(m.entity), quote_name(m.id_key)

    def node(self, labels: tuple[str, ...]) -> LiteralString:
        set_labels = ":".join(quote_name(lbl) for lbl in labels)
        return cast(
            LiteralString,
            f"UNWIND $rows AS row MERGE (n:{self.entity} {{{self.key}: row.id}}) "
            f"SET n:{set_labels} SET n += row.props",
        )

    def relationship(self, rel_type: str) -> LiteralString:
        return cast(
            LiteralString,
            f"UNWIND $rows AS row MATCH (a:{self.entity} {{{self.key}: row.a}}) "
            f"MATCH (b:{self.entity} {{{self.key}: row.b}}) "
            f"MERGE (a)-[r:{quote_name(rel_type)}]->(b) SET r += row.props",
        )

    def relationship_merging_ends(self, rel_type: str) -> LiteralString:
        """As :meth:`relationship`, an end not written yet created bare (its own row, in
        this or a later transaction, gives it its labels and properties)."""
        return cast(
            LiteralString,
            f"UNWIND $rows AS row MERGE (a:{self.entity} {{{self.key}: row.a}}) "
            f"MERGE (b:{self.entity} {{{self.key}: row.b}}) "
            f"MERGE (a)-[r:{quote_name(rel_type)}]->(b) SET r += row.props",
        )

    def missing(self) -> LiteralString:
        """Which of ``$ids`` no instance node has."""
        return cast(
            LiteralString,
            f"UNWIND $ids AS id OPTIONAL MATCH (n:{self.entity} {{{self.key}: id}}) "
            "WITH id, n WHERE n IS NULL RETURN id",
        )

    def present(self) -> LiteralString:
        """Which of ``$ids`` an instance node has."""
        return cast(
            LiteralString,
            f"UNWIND $ids AS id MATCH (n:{self.entity} {{{self.key}: id}}) RETURN id",
        )

    def delete_relationships(self) -> LiteralString:
        """Up to ``$rows`` relationships of the instance nodes ``$ids``; how many went."""
        return cast(
            LiteralString,
            f"UNWIND $ids AS id MATCH (:{self.entity} {{{self.key}: id}})-[r]-() "
            "WITH DISTINCT r LIMIT $rows DELETE r RETURN count(*) AS deleted",
        )

    def delete_nodes(self) -> LiteralString:
        """The instance nodes ``$ids`` (their relationships deleted first)."""
        return cast(
            LiteralString,
            f"UNWIND $ids AS id MATCH (n:{self.entity} {{{self.key}: id}}) "
            "DETACH DELETE n RETURN count(*) AS deleted",
        )


def _missing_ends(tx: ManagedTransaction | Graph, q: _Statements, plan: ImportPlan) -> None:
    """Refuse relationships whose end is neither in the data nor in the graph."""
    missing: list[str] = []
    for chunk in _chunks(plan.ends):
        if isinstance(tx, Graph):
            missing += [r["id"] for r in tx.read(q.missing(), ids=chunk)]
        else:
            missing += [r["id"] for r in tx.run(q.missing(), ids=chunk)]
    if missing:
        raise RdfError(
            f"{plan.source}: relationships point at nodes that are neither in the data nor "
            f"in the graph: {', '.join(instance_iri(x) for x in missing[:10])}"
        )


def import_rdf(
    graph: Graph,
    onto: Ontology,
    data: RdfGraph,
    *,
    source: str = "the data",
    validate: bool = True,
) -> ImportStats:
    """Validate ``data`` against the shapes and write it, all in one transaction.

    Raises :class:`ShapeViolations` (naming the nodes) or :class:`UnknownRdfTerm` (naming
    the subject) before anything is written; a relationship whose end is neither in the
    data nor in the graph aborts the transaction. ``validate=False`` skips the shapes (a
    restore writes back what a backup held, violations included); every term must still
    be the ontology's. One transaction is bounded by the server's transaction memory
    (``db.memory.transaction.max``); :func:`write_in_batches` is not.
    """
    return write_at_once(graph, onto, plan_import(onto, data, source=source, validate=validate))


def write_at_once(graph: Graph, onto: Ontology, plan: ImportPlan) -> ImportStats:
    """Write ``plan`` in one transaction: all of it, or nothing."""
    q = _Statements(onto)
    stats = plan.stats()

    def work(tx: ManagedTransaction) -> None:
        for labels, batch in plan.nodes:
            for chunk in _chunks(batch):
                c = tx.run(q.node(labels), rows=chunk).consume().counters
                stats.nodes_created += c.nodes_created
        _missing_ends(tx, q, plan)
        for rel_type, batch in plan.relationships:
            for chunk in _chunks(batch):
                c = tx.run(q.relationship(rel_type), rows=chunk).consume().counters
                stats.relationships_created += c.relationships_created

    graph.execute_write(work)
    return stats


class BatchFailed(RdfError):
    """A batched write failed part-way; what it had written was deleted again, or not."""

    def __init__(
        self, message: str, *, written: int, total: int, cleanup: BaseException | None = None
    ) -> None:
        super().__init__(message)
        self.written, self.total = written, total
        #: why deleting what had been written failed; None when it was deleted
        self.cleanup = cleanup

    @property
    def cleaned(self) -> bool:
        return self.cleanup is None


def write_in_batches(
    graph: Graph,
    onto: Ontology,
    plan: ImportPlan,
    *,
    batch: int = _BATCH,
    progress: Callable[[int, int], None] | None = None,
) -> ImportStats:
    """Write ``plan`` in transactions of at most ``batch`` records (nodes plus relationships).

    Each transaction stays under the server's transaction memory whatever the size of the
    data. Before the first one, relationships pointing outside the data and the graph are
    refused (nothing written) and the ids of the nodes already in the graph are read. When a
    transaction fails (or the caller is interrupted), every node this write created is
    deleted again with its relationships, in batches as well, and :class:`BatchFailed`
    names the source, how far it got and the cause. Nodes that were there before are not
    deleted, but properties and relationships written onto them stay: call it on a graph
    whose nodes the data does not touch (a restore: a graph without instance data) for a
    failure to leave the graph as it was. ``progress(written, total)`` is called after
    each commit.
    """
    if batch < 1:
        raise ValueError("batch must be positive")
    q = _Statements(onto)
    stats = plan.stats()
    _missing_ends(graph, q, plan)
    groups = [(q.node(labels), rows) for labels, rows in plan.nodes] + [
        (q.relationship(t), rows) for t, rows in plan.relationships
    ]
    _write_packed(
        graph,
        q,
        _pack(groups, batch),
        plan.node_ids,
        plan.records,
        plan.source,
        stats,
        batch,
        progress,
    )
    return stats


def _write_packed(
    graph: Graph,
    q: _Statements,
    packed: Iterable[list[tuple[LiteralString, list[Any]]]],
    ids: list[str],
    total: int,
    source: str,
    stats: ImportStats,
    batch: int,
    progress: Callable[[int, int], None] | None,
) -> None:
    """Commit each batch of ``packed``; on any failure delete again the nodes ``ids`` that
    were not in the graph before (:func:`write_in_batches`)."""
    before: set[str] = set()
    for chunk in _chunks(ids):
        before.update(r["id"] for r in graph.read(q.present(), ids=chunk))
    written = 0
    try:
        for units in packed:
            nodes, rels = graph.execute_write(functools.partial(_write_units, units=units))
            stats.nodes_created += nodes
            stats.relationships_created += rels
            written += sum(len(rows) for _s, rows in units)
            if progress is not None:
                progress(written, total)
    except BaseException as exc:
        created = [x for x in ids if x not in before]
        try:
            deleted = _delete_nodes(graph, q, created, batch)
        except Exception as cleanup:
            raise BatchFailed(
                f"{source}: writing failed after {written:,} of {total:,} records "
                f"({_cause(exc)}), and deleting what had been written failed too "
                f"({_cause(cleanup)}): the graph holds part of the data",
                written=written,
                total=total,
                cleanup=cleanup,
            ) from exc
        if not isinstance(exc, Exception):
            raise  # an interrupt: cleaned up, and it goes on
        raise BatchFailed(
            f"{source}: writing failed after {written:,} of {total:,} records "
            f"({_cause(exc)}); the {deleted:,} nodes it had created were deleted again",
            written=written,
            total=total,
        ) from exc


def _write_units(
    tx: ManagedTransaction, units: list[tuple[LiteralString, list[Any]]]
) -> tuple[int, int]:
    """Run the statements of one batch; the nodes and relationships they created."""
    nodes = rels = 0
    for statement, rows in units:
        c = tx.run(statement, rows=rows).consume().counters
        nodes += c.nodes_created
        rels += c.relationships_created
    return nodes, rels


def _pack(
    groups: Iterable[tuple[LiteralString, list[Any]]], batch: int
) -> Iterator[list[tuple[LiteralString, list[Any]]]]:
    """Statements and their rows, in order, packed into transactions of ``batch`` rows."""
    units: list[tuple[LiteralString, list[Any]]] = []
    room = batch
    for statement, rows in groups:
        i = 0
        while i < len(rows):
            take = rows[i : i + min(room, _BATCH)]
            units.append((statement, take))
            i += len(take)
            room -= len(take)
            if room == 0:
                yield units
                units, room = [], batch
    if units:
        yield units


def _delete_nodes(graph: Graph, q: _Statements, ids: list[str], batch: int) -> int:
    """Delete the instance nodes ``ids``, their relationships ``batch`` at a time first;
    how many nodes there were."""
    deleted = 0
    for i in range(0, len(ids), batch):
        chunk = ids[i : i + batch]
        while graph.write(q.delete_relationships(), ids=chunk, rows=batch)[0]["deleted"]:
            pass
        deleted += graph.write(q.delete_nodes(), ids=chunk)[0]["deleted"]
    return deleted


def _cause(exc: BaseException) -> str:
    """An exception as one line: the server's message for a Neo4j error."""
    text = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    code = getattr(exc, "code", None)
    line = " ".join(str(text).split())
    return f"{code}: {line}" if code else line


def _chunks(rows: list[T], size: int = _BATCH) -> Iterator[list[T]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


# ---------------------------------------------------------------------------------------
# Streaming an N-Triples file
# ---------------------------------------------------------------------------------------

#: Lines an N-Triples stream collects before it may cut (at the next line no node's
#: triples span)
_STREAM_LINES = 20_000


class RdfSyntaxError(RdfError):
    """A line of an N-Triples file that does not parse; ``line`` is 1-based."""

    def __init__(self, file: Path, line: int, reason: str) -> None:
        self.file, self.line, self.reason = Path(file), line, reason
        super().__init__(f"{file}:{line}: not N-Triples: {reason}")


@dataclass
class NTriplesPlan:
    """What the checking pass over an N-Triples file found (:func:`scan_ntriples`): enough
    to write it in a second pass, not its rows.

    ``last`` maps the owner of each line (a subject; the node a relationship's
    ``rdf:Statement`` IRI starts with) to the last line it appears on, so both passes cut
    the file at the same lines, where no node's triples span the cut.
    """

    path: Path
    source: str
    last: dict[str, int]
    node_ids: list[str]
    nodes: int = 0
    relationships: int = 0
    ends: list[str] = field(default_factory=list)

    @property
    def records(self) -> int:
        return self.nodes + self.relationships

    def stats(self) -> ImportStats:
        return ImportStats(nodes=self.nodes, relationships=self.relationships)


def _owner(line: str) -> str | None:
    """The subject a line's triple belongs with: its subject, or for an IRI under the
    instance namespace the node it starts with (``<{node IRI}/{property}/{end}>`` is the
    ``rdf:Statement`` of a relationship of that node). None for blank and comment lines."""
    text = line.lstrip(" \t")
    if not text or text[0] == "#":
        return None
    if text[0] != "<":
        return text.split(None, 1)[0]
    end = text.find(">")
    iri = text[1:end] if end > 0 else text
    if iri.startswith(INSTANCE_NS):
        cut = iri.find("/", len(INSTANCE_NS))
        if cut >= 0:
            return iri[:cut]
    return iri


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """``(line number, text)`` of a UTF-8 file, line terminators dropped."""
    with open(path, "rb") as fh:
        for number, raw in enumerate(fh, 1):
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise RdfSyntaxError(path, number, f"not UTF-8 ({exc.reason})") from exc
            yield number, text.rstrip("\r\n")


def _chunks_of(
    path: Path, last: Mapping[str, int], size: int
) -> Iterator[tuple[int, int, RdfGraph]]:
    """The file parsed a chunk at a time: ``(first line, last line, graph)``, each chunk
    at least ``size`` lines (but the last) and ending where no owner's lines go on."""
    from rdflib.exceptions import ParserError
    from rdflib.plugins.parsers.ntriples import NTGraphSink, W3CNTriplesParser

    bnodes: dict[str, Node] = {}
    data = RdfGraph()
    parser = W3CNTriplesParser(NTGraphSink(data), bnode_context=bnodes)  # type: ignore[arg-type]
    first, count, reach = 1, 0, 0
    for number, text in _lines(path):
        parser.line = text
        try:
            parser.parseline(bnode_context=bnodes)  # type: ignore[arg-type]
        except ParserError as exc:
            raise RdfSyntaxError(path, number, str(exc) or type(exc).__name__) from exc
        owner = _owner(text)
        if owner is not None:
            reach = max(reach, last.get(owner, number))
        count += 1
        if count >= size and reach <= number:
            yield first, number, data
            data = RdfGraph()
            parser = W3CNTriplesParser(NTGraphSink(data), bnode_context=bnodes)  # type: ignore[arg-type]
            first, count = number + 1, 0
    if len(data):
        yield first, first + count - 1, data


def _chunk_rows(data: RdfGraph, m: RdfMapper, path: Path, first: int, last: int) -> _Rows:
    try:
        return _collect(data, m)
    except UnknownRdfTerm as exc:
        raise UnknownRdfTerm(
            exc.subject, f"{str(exc).split(': ', 1)[-1]} ({path}, lines {first:,}-{last:,})"
        ) from exc


def scan_ntriples(
    graph: Graph, onto: Ontology, path: Path | str, *, chunk_lines: int = _STREAM_LINES
) -> NTriplesPlan:
    """Check an N-Triples file for :func:`write_ntriples_in_batches` without keeping it.

    Two streaming passes: the first notes the last line of each owner (see
    :class:`NTriplesPlan`), the second parses the file a chunk at a time and checks every
    term against the ontology as :func:`plan_import` does (no SHACL shapes). A line that
    does not parse raises :class:`RdfSyntaxError` (file and line), a term the ontology does
    not define :class:`UnknownRdfTerm`, a relationship to a node neither in the file nor in
    ``graph`` :class:`RdfError`. Memory: the owners and node ids, and one chunk.
    """
    path = Path(path)
    last: dict[str, int] = {}
    for number, text in _lines(path):
        owner = _owner(text)
        if owner is not None:
            last[owner] = number
    m = RdfMapper(onto)
    ids: set[str] = set()
    ends: set[str] = set()
    plan = NTriplesPlan(path, str(path), last, [])
    for first, upto, data in _chunks_of(path, last, chunk_lines):
        rows = _chunk_rows(data, m, path, first, upto)
        ids.update(rows.nodes)
        for a, _t, b in rows.rels:
            ends.update((a, b))
        plan.nodes += len(rows.nodes)
        plan.relationships += len(rows.rels)
    plan.node_ids = sorted(ids)
    plan.ends = sorted(ends - ids)
    q = _Statements(onto)
    missing: list[str] = []
    for chunk in _chunks(plan.ends):
        missing += [r["id"] for r in graph.read(q.missing(), ids=chunk)]
    if missing:
        raise RdfError(
            f"{path}: relationships point at nodes that are neither in the data nor "
            f"in the graph: {', '.join(instance_iri(x) for x in missing[:10])}"
        )
    return plan


def write_ntriples_in_batches(
    graph: Graph,
    onto: Ontology,
    plan: NTriplesPlan,
    *,
    batch: int = _BATCH,
    progress: Callable[[int, int], None] | None = None,
    chunk_lines: int = _STREAM_LINES,
) -> ImportStats:
    """Write the file :func:`scan_ntriples` checked, reading it again a chunk at a time,
    in transactions of at most ``batch`` records, as :func:`write_in_batches` does (a
    failure deletes again every node of the file the write created). A relationship may
    come before the node it points at: its end is created bare and completed by the
    node's own row."""
    if batch < 1:
        raise ValueError("batch must be positive")
    q = _Statements(onto)
    m = RdfMapper(onto)
    stats = plan.stats()

    def groups() -> Iterator[tuple[LiteralString, list[Any]]]:
        for first, upto, data in _chunks_of(plan.path, plan.last, chunk_lines):
            rows = _chunk_rows(data, m, plan.path, first, upto)
            del data
            by_labels: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
            for tid, props in rows.nodes.items():
                by_labels[rows.labels[tid]].append({"id": tid, "props": props})
            by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for (a, t, b), props in rows.rels.items():
                by_type[t].append({"a": a, "b": b, "props": props})
            for labels, node_rows in sorted(by_labels.items()):
                yield q.node(labels), node_rows
            for t, rel_rows in sorted(by_type.items()):
                yield q.relationship_merging_ends(t), rel_rows

    _write_packed(
        graph,
        q,
        _pack(groups(), batch),
        plan.node_ids,
        plan.records,
        plan.source,
        stats,
        batch,
        progress,
    )
    return stats
