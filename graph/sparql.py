"""A read-only SPARQL 1.1 view of the instance graph: an embedded Oxigraph store.

The store holds exactly what ``stkg export`` writes (:func:`stkg.graph.rdf.export_batches`,
the same IRIs), the shipped ontology files (``ontology/*.ttl``: classes, properties, SKOS
vocabularies, reference individuals) and what RDFS entailment adds to them:

* ``?x rdf:type ?super`` for every superclass of a class ``?x`` is typed with
  (``rdfs:subClassOf`` and ``owl:equivalentClass`` either way, transitively; named
  classes only), so a query for ``stkg:Entity`` finds products and one for
  ``prov:Entity`` finds evidence and source documents;
* ``?s ?super ?o`` for every superproperty of a property used in ``?s ?p ?o``
  (``rdfs:subPropertyOf`` and ``owl:equivalentProperty`` either way, transitively), so
  ``prov:wasRevisionOf`` finds ``stkg:supersedes`` links.

Domain and range entailment, and OWL reasoning beyond those two hierarchies, are not
materialised.

**Keeping it current.** Neo4j is the system of record; the store is a copy labelled with
the graph version it holds (:mod:`stkg.graph.version`, advanced by every committed write).
Before each query :meth:`SparqlStore.current` reads the graph's version (one small read)
and, when it differs, catches up before answering — so an answer never reflects a graph
older than the writes committed before the query arrived. Catching up reads the version's
journal (the tag each write replaced and what it changed, when it could say;
:func:`plan_sync`): when every write since the store's version wrote a source document,
changed only the nodes of named classes or named the nodes it changed
(:func:`stkg.graph.version.touching`: the crosswalk refresh after an ingest, a review, a
patent classification, a judged sample, stored patent indicators, a web re-link, a
feed's record), the store reloads the nodes those
writes touched — every version of each document (same origin), the evidence citing them,
the nodes it supports, the ingest runs, the nodes of the named classes, the named nodes,
and the neighbours of all these, as Neo4j and as the store hold them; with them, when the
ontology files changed in their reference individuals only (a review's decision), those
individuals — replacing each node's triples (classes, properties, the relationships
leaving it with their ``rdf:Statement``, the ontology's own triples about it, their
entailments) in one update. A write committed while the store
reads is either in the journal it read or reloaded by the next sync (the label is never
newer than the data). Any other write, a journal that does not reach back, ontology files
changed beyond their individuals, or more nodes than ``incremental_max_nodes``, and the
store is rebuilt in full. Both ways give the same triples (tested). A graph without a
version node (no ``ontology sync`` ran on it) cannot say whether it changed: the store is
then rebuilt when it is older than ``unversioned_max_age`` seconds. BENCHMARKS.md states
the times on the seed graph.

**Read-only by construction.** Queries run through ``Store.query``, which parses the
SPARQL 1.1 *query* grammar only: an update cannot run through it. Updates are still named
as such (:class:`SparqlRefused`) for a clear answer, and ``SERVICE`` is refused before
parsing, because Oxigraph would otherwise call the remote endpoint.

**Limits.** Every answer keeps at most ``max_rows`` solutions (or triples) and says whether
it dropped some; the deadline is checked between rows. Oxigraph cannot cancel a running
query: a query past its deadline is answered as timed out, and its evaluation ends by
itself later (the API bounds how many run at once).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox
from neo4j import ManagedTransaction
from rdflib import OWL, RDF, RDFS, XSD, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.term import Node

from stkg.graph.cypher import sparql as q
from stkg.graph.cypher import version as version_q
from stkg.graph.driver import Graph
from stkg.graph.rdf import ExportStats, RdfMapper, export_batches, rows_rdf
from stkg.graph.version import (
    JOURNAL,
    JOURNAL_NODES,
    GraphVersion,
    JournalEntry,
    read_journal,
    read_version,
)
from stkg.ontology.ids import INSTANCE_NS, instance_iri, typed_id_from_iri
from stkg.ontology.model import STKG, STKGV, Ontology, default_paths

__all__ = [
    "GRAPH_FORMATS",
    "RESULT_FORMATS",
    "OntologyBase",
    "SparqlAnswer",
    "SparqlError",
    "SparqlRefused",
    "SparqlStore",
    "SparqlSyntaxError",
    "SparqlTimeout",
    "StoreStatus",
    "Sync",
    "SyncPlan",
    "build_store",
    "plain_value",
    "plan_sync",
    "refused",
    "render",
    "run_query",
    "solutions",
]

#: Results of SELECT and ASK: format name → media type (the first is the default).
RESULT_FORMATS = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
#: Results of CONSTRUCT and DESCRIBE: format name → media type (the first is the default).
GRAPH_FORMATS = {
    "ttl": "text/turtle",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
}
_OX_GRAPH_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
    "nt": ox.RdfFormat.N_TRIPLES,
}
#: The prefixes Turtle answers are written with. Instance IRIs stay whole: their typed ids
#: are percent-encoded, and as prefixed names every ``%`` would need a backslash.
PREFIXES = {"stkg": str(STKG), "stkgv": str(STKGV)}


class SparqlError(ValueError):
    """A query the endpoint will not answer; ``title`` names the kind."""

    title = "Invalid SPARQL"


class SparqlSyntaxError(SparqlError):
    """The text is not a SPARQL 1.1 query; the message names where and what.

    ``line`` and ``column`` are Oxigraph's (1-based), ``near`` the query text around them.
    """

    def __init__(
        self,
        message: str,
        line: int | None = None,
        column: int | None = None,
        near: str | None = None,
    ) -> None:
        super().__init__(message)
        self.line, self.column, self.near = line, column, near


class SparqlRefused(SparqlError):
    """An update or a federated (``SERVICE``) query: this endpoint is read-only and local."""

    title = "SPARQL not allowed"


class SparqlTimeout(SparqlError):
    """The query ran past its deadline."""

    title = "SPARQL query timed out"


# ---------------------------------------------------------------------------------------
# Read-only: what the text asks for, before it is parsed
# ---------------------------------------------------------------------------------------

#: Comments, strings and IRIs: skipped when looking for keywords (a string may say SERVICE).
_OPAQUE = re.compile(
    r'#[^\n]*|"""(?:[^"\\]|\\.|"(?!""))*"""|'
    r"'''(?:[^'\\]|\\.|'(?!''))*'''|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|<[^<>\s]*>",
    re.S,
)
#: A keyword: not part of a variable (``?service``), a prefixed name (``ex:service``) or a
#: longer word.
_WORD = re.compile(r"(?<![\w:?$\-])([A-Za-z]+)(?![\w:\-])")
_UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)
_PROLOGUE = frozenset({"PREFIX", "BASE"})


#: ``\uXXXX`` and ``\UXXXXXXXX``: SPARQL 1.1 §19.2 lets them stand for any character of
#: the query text. Oxigraph reads them in strings and IRIs only, but a keyword spelt with
#: them is refused all the same, whatever a parser does with it.
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _unescaped(query: str) -> str:
    def char(m: re.Match[str]) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code <= 0x10FFFF else m.group(0)

    return _ESCAPE.sub(char, query)


def refused(query: str) -> str | None:
    """Why ``query`` is refused (an update, ``SERVICE``), or ``None`` when it may run."""
    text = _OPAQUE.sub(" ", _unescaped(query))
    words = [m.group(1).upper() for m in _WORD.finditer(text)]
    if "SERVICE" in words:
        return (
            "SERVICE (federated query) is not allowed: this endpoint answers from its own "
            "data only."
        )
    first = next((w for w in words if w not in _PROLOGUE), "")
    if first in _UPDATE_KEYWORDS:
        return f"SPARQL Update ({first}) is not allowed: this endpoint is read-only."
    return None


# ---------------------------------------------------------------------------------------
# Answers
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SparqlAnswer:
    """One query's answer: solutions (SELECT), a boolean (ASK) or triples (CONSTRUCT,
    DESCRIBE); ``truncated`` when more than the row cap matched."""

    kind: Literal["select", "ask", "graph"]
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None, ...], ...] = ()
    boolean: bool = False
    triples: tuple[ox.Triple, ...] = ()
    truncated: bool = False


@dataclass(frozen=True, slots=True)
class Sync:
    """How the store last caught up with the graph: rebuilt in full, or the documents
    written since reloaded (how many, and how many nodes that was), and why."""

    mode: Literal["full", "incremental"]
    at: dt.datetime
    seconds: float
    documents: int = 0
    nodes: int = 0
    reason: str = ""


@dataclass(frozen=True, slots=True)
class StoreStatus:
    """The store's state: the graph version it holds, how it was last built in full and
    how it last caught up with the graph."""

    version: GraphVersion | None
    built_at: dt.datetime
    build_seconds: float
    triples: int
    entailed: int
    exported: ExportStats = field(default_factory=ExportStats)
    last_sync: Sync | None = None


def _collect(items: Iterator[object], max_rows: int, deadline: float) -> tuple[list, bool]:
    kept: list = []
    for item in items:
        if len(kept) == max_rows:
            return kept, True
        if time.monotonic() > deadline:
            raise SparqlTimeout("The query ran past its timeout.")
        kept.append(item)
    return kept, False


_POSITION = re.compile(r"^error at (\d+):(\d+): ")
#: Oxigraph's messages list the characters it expected; past this they say little.
_REASON_CHARS = 160


def syntax_error(query: str, message: str) -> SparqlSyntaxError:
    """Oxigraph's parse error as a short message naming the line, column and text there."""
    found = _POSITION.match(message)
    if found is None:
        return SparqlSyntaxError(message)
    line, column = int(found.group(1)), int(found.group(2))
    reason = message[found.end() :]
    if "Prefix not found" in reason:
        reason = "a prefixed name whose prefix no PREFIX declares"
    elif len(reason) > _REASON_CHARS:
        reason = reason[:_REASON_CHARS].rstrip() + " …"
    lines = query.splitlines() or [""]
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    near = text[max(0, column - 21) : column + 10].strip()
    where = f"line {line}, column {column}" + (f", near “{near}”" if near else "")
    return SparqlSyntaxError(f"{where}: {reason}", line, column, near or None)


def run_query(store: ox.Store, query: str, *, max_rows: int, deadline: float) -> SparqlAnswer:
    """Run a read-only query on ``store``; refused, syntax and timeout errors as
    :class:`SparqlError`."""
    reason = refused(query)
    if reason is not None:
        raise SparqlRefused(reason)
    try:
        result = store.query(query)
    except SyntaxError as exc:
        raise syntax_error(query, str(exc)) from exc
    except OSError as exc:  # evaluation errors Oxigraph reports as I/O (a bad IRI at run time)
        raise SparqlSyntaxError(str(exc)) from exc
    # Oxigraph's result iterators must be dropped on the thread that made them: an error
    # raised while reading one is re-raised without the traceback whose frames hold it, so
    # the worker thread frees it, not the event loop that receives the error
    failed: SparqlError
    try:
        return _answer(result, max_rows, deadline)
    except SparqlTimeout as exc:
        failed = SparqlTimeout(str(exc))
    except OSError as exc:  # an evaluation error met while reading the solutions
        failed = SparqlSyntaxError(str(exc))
    finally:
        del result
    raise failed


def _answer(
    result: ox.QueryBoolean | ox.QuerySolutions | ox.QueryTriples, max_rows: int, deadline: float
) -> SparqlAnswer:
    if isinstance(result, ox.QueryBoolean):
        return SparqlAnswer("ask", boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        names = tuple(v.value for v in result.variables)
        solutions, truncated = _collect(iter(result), max_rows, deadline)
        rows = tuple(tuple(s[n] for n in names) for s in solutions)
        return SparqlAnswer("select", variables=names, rows=rows, truncated=truncated)
    triples, truncated = _collect(iter(result), max_rows, deadline)
    return SparqlAnswer("graph", triples=tuple(triples), truncated=truncated)


# ---------------------------------------------------------------------------------------
# Building the store
# ---------------------------------------------------------------------------------------

_ENTAIL_CLASSES = f"""
INSERT {{ ?x <{RDF.type}> ?super }}
WHERE {{
  ?x <{RDF.type}> ?class .
  ?class (<{RDFS.subClassOf}>|<{OWL.equivalentClass}>|^<{OWL.equivalentClass}>)+ ?super .
  FILTER(isIRI(?super) && ?super != ?class)
}}
"""
_ENTAIL_PROPERTIES = f"""
INSERT {{ ?s ?super ?o }}
WHERE {{
  ?p (<{RDFS.subPropertyOf}>|<{OWL.equivalentProperty}>|^<{OWL.equivalentProperty}>)+ ?super .
  FILTER(isIRI(?p) && isIRI(?super) && ?super != ?p)
  ?s ?p ?o .
}}
"""
#: The same two hierarchies as pairs, for entailing a few triples in Python
_SUPER_CLASSES = f"""
SELECT DISTINCT ?class ?super WHERE {{
  ?class (<{RDFS.subClassOf}>|<{OWL.equivalentClass}>|^<{OWL.equivalentClass}>)+ ?super .
  FILTER(isIRI(?class) && isIRI(?super) && ?super != ?class)
}}
"""
_SUPER_PROPERTIES = f"""
SELECT DISTINCT ?p ?super WHERE {{
  ?p (<{RDFS.subPropertyOf}>|<{OWL.equivalentProperty}>|^<{OWL.equivalentProperty}>)+ ?super .
  FILTER(isIRI(?p) && isIRI(?super) && ?super != ?p)
}}
"""
_TYPE = ox.NamedNode(str(RDF.type))
_RDF_SUBJECT = ox.NamedNode(str(RDF.subject))
_DEFAULT = ox.DefaultGraph()


def _ontology_files() -> Sequence[str]:
    return [str(p) for p in default_paths()]


def _files_stamp() -> tuple[tuple[str, int], ...]:
    """The ontology files and when each last changed: the store reads them again when
    this differs."""
    return tuple((path, Path(path).stat().st_mtime_ns) for path in _ontology_files())


@dataclass(frozen=True, slots=True)
class OntologyBase:
    """What the ontology files give the store: their triples with their entailments
    (``quads``), those about instances (reference individuals) by subject, and the class
    and property hierarchies the entailment follows."""

    quads: tuple[ox.Quad, ...]
    about: dict[ox.NamedNode, tuple[ox.Triple, ...]]
    super_classes: dict[ox.NamedNode, tuple[ox.NamedNode, ...]]
    super_properties: dict[ox.NamedNode, tuple[ox.NamedNode, ...]]

    @classmethod
    def load(cls) -> OntologyBase:
        store = ox.Store()
        for path in _ontology_files():
            store.load(path=path, format=ox.RdfFormat.TURTLE)
        store.update(_ENTAIL_CLASSES)
        store.update(_ENTAIL_PROPERTIES)
        quads = tuple(store.quads_for_pattern(None, None, None, _DEFAULT))
        about: dict[ox.NamedNode, list[ox.Triple]] = {}
        for quad in quads:
            s = quad.subject
            if isinstance(s, ox.NamedNode) and s.value.startswith(INSTANCE_NS):
                about.setdefault(s, []).append(quad.triple)
        return cls(
            quads,
            {s: tuple(ts) for s, ts in about.items()},
            _pairs(store, _SUPER_CLASSES),
            _pairs(store, _SUPER_PROPERTIES),
        )

    def schema(self) -> set[ox.Quad]:
        """The triples not about instances, their blank nodes canonicalised (two loads of
        the same files give the same set)."""
        rest = ox.Dataset(q for q in self.quads if q.subject not in self.about)
        rest.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
        return set(rest)

    def changed_individuals(self, new: OntologyBase) -> set[ox.NamedNode] | None:
        """The instances whose triples differ in ``new`` (the files loaded again), or None
        when anything else differs, or when an instance's triples hold a blank node (the
        store's blank nodes are those of the base it was built from)."""
        for base in (self, new):
            if any(isinstance(t.object, ox.BlankNode) for ts in base.about.values() for t in ts):
                return None
        if (self.super_classes, self.super_properties) != (
            new.super_classes,
            new.super_properties,
        ) or self.schema() != new.schema():
            return None
        return {
            s
            for s in self.about.keys() | new.about.keys()
            if set(self.about.get(s, ())) != set(new.about.get(s, ()))
        }

    def entail(self, triples: Iterable[ox.Triple]) -> set[ox.Triple]:
        """``triples`` and what the two hierarchies entail from them: what the store's
        entailment adds for them (classes first, then properties, as a rebuild does)."""
        out = set(triples)
        for t in list(out):
            if t.predicate == _TYPE and isinstance(t.object, ox.NamedNode):
                out.update(
                    ox.Triple(t.subject, _TYPE, c) for c in self.super_classes.get(t.object, ())
                )
        for t in list(out):
            supers = self.super_properties.get(t.predicate, ())
            out.update(ox.Triple(t.subject, p, t.object) for p in supers)
        return out


def _pairs(store: ox.Store, query: str) -> dict[ox.NamedNode, tuple[ox.NamedNode, ...]]:
    found: dict[ox.NamedNode, list[ox.NamedNode]] = {}
    result = store.query(query)
    assert isinstance(result, ox.QuerySolutions)
    for row in result:
        a, b = row[0], row[1]
        assert isinstance(a, ox.NamedNode) and isinstance(b, ox.NamedNode)
        found.setdefault(a, []).append(b)
    return {k: tuple(v) for k, v in found.items()}


def build_store(
    graph: Graph, onto: Ontology, base: OntologyBase | None = None
) -> tuple[ox.Store, StoreStatus]:
    """A new in-memory store: the export of ``graph``, the ontology, their entailments.

    The graph version is read *before* the export, so the label is never newer than the
    data: a write committed meanwhile makes the next :meth:`SparqlStore.current` follow it.
    """
    started = time.perf_counter()
    base = base if base is not None else OntologyBase.load()
    version = read_version(graph)
    store = ox.Store()
    store.extend(base.quads)  # the same blank nodes as ``base``: a sync compares them
    stats = ExportStats()
    for page in export_batches(graph, onto, stats=stats):
        store.load(page.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    before = len(store)
    store.update(_ENTAIL_CLASSES)
    store.update(_ENTAIL_PROPERTIES)
    now = dt.datetime.now(dt.UTC)
    seconds = time.perf_counter() - started
    status = StoreStatus(
        version=version,
        built_at=now,
        build_seconds=seconds,
        triples=len(store),
        entailed=len(store) - before,
        exported=stats,
        last_sync=Sync("full", now, seconds, reason="built from the whole graph"),
    )
    return store, status


# ---------------------------------------------------------------------------------------
# Following the graph: the documents written since, or a full rebuild
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SyncPlan:
    """What an incremental sync reloads: the documents written since, the classes whose
    nodes class-scoped writes changed and the nodes that writes named
    (:func:`stkg.graph.version.touching`)."""

    documents: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()
    nodes: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.documents or self.classes or self.nodes)

    def describe(self) -> str:
        parts = [f"{len(self.documents)} document(s)"] if self.documents else []
        parts += [f"the {c} nodes" for c in self.classes]
        parts += [f"{len(self.nodes)} named node(s)"] if self.nodes else []
        return " and ".join(parts) + " written since" if parts else "nothing written"


def plan_sync(
    held: GraphVersion | None, now: GraphVersion | None, journal: Sequence[JournalEntry]
) -> SyncPlan | str:
    """What to reload to bring a store at ``held`` to ``now`` (the journal of the writes
    that led to ``now``), or why it must be rebuilt in full instead."""
    if now is None or held is None:
        return "the graph has no version node: nothing tells what changed"
    if now.tag == held.tag:
        return SyncPlan()
    if now.number <= held.number:
        return "the graph's version went back (a wipe or a restore)"
    since = [e for e in journal if e.number > held.number]
    if not since or since[0].number != held.number + 1:
        return (
            f"the store is {now.number - held.number} writes behind, more than the graph "
            f"version's journal keeps ({JOURNAL})"
        )
    if since[0].after_tag != held.tag:
        return "the graph is not the one the store was built from (a wipe or a restore)"
    other = next((e for e in since if not e.said), None)
    if other is not None:
        return (
            f"write {other.number} did not say what it changed (an ontology sync, an "
            f"import, a write naming more than {JOURNAL_NODES:,} nodes, or another change "
            "the journal cannot place)"
        )
    return SyncPlan(
        tuple(sorted({e.document for e in since if e.document is not None})),
        tuple(sorted({c for e in since for c in e.classes})),
        tuple(sorted({n for e in since for n in e.nodes})),
    )


def _literal_list(values: Iterable[str]) -> str:
    return " ".join(str(ox.Literal(v)) for v in sorted(values))


def _iri_list(ids: Iterable[str]) -> str:
    return " ".join(f"<{instance_iri(i)}>" for i in sorted(ids))


def _ids(store: ox.Store, query: str) -> set[str]:
    result = store.query(query)
    assert isinstance(result, ox.QuerySolutions)
    found = set()
    for row in result:
        term = row[0]
        if isinstance(term, ox.NamedNode) and term.value.startswith(INSTANCE_NS):
            try:
                found.add(typed_id_from_iri(term.value))
            except ValueError:
                continue  # a statement's IRI
    return found


class _Names:
    """The ontology's IRIs the store-side queries of a sync use."""

    def __init__(self, onto: Ontology) -> None:
        self.origin = onto.datatype_properties["origin"].iri
        self.cites = onto.object_properties["citesDocument"].iri
        self.supports = onto.object_properties["supports"].iri
        self.processed = onto.object_properties["processedDocument"].iri


def _held_core(store: ox.Store, names: _Names, origins: Iterable[str]) -> set[str]:
    """What the store holds of these documents' families: the same nodes as ``CORE``."""
    values = _literal_list(origins)
    if not values:
        return set()
    return _ids(
        store,
        f"""SELECT DISTINCT ?x WHERE {{
          VALUES ?origin {{ {values} }}
          ?d <{names.origin}> ?origin .
          {{ BIND(?d AS ?x) }} UNION {{ ?x <{names.cites}> ?d }}
          UNION {{ ?e <{names.cites}> ?d . ?e <{names.supports}> ?x }}
          UNION {{ ?x <{names.processed}> ?d }}
        }}""",
    )


def _held_neighbours(store: ox.Store, ids: Iterable[str]) -> set[str]:
    """The nodes the store links to or from these (their relationships as it holds them)."""
    values = _iri_list(ids)
    if not values:
        return set()
    return _ids(
        store,
        f"""SELECT DISTINCT ?m WHERE {{
          VALUES ?n {{ {values} }}
          {{ ?n ?p ?m }} UNION {{ ?m ?p ?n }}
          FILTER(isIRI(?m) && STRSTARTS(STR(?m), "{INSTANCE_NS}")
                 && ?p != <{RDF.subject}> && ?p != <{RDF.object}>)
        }}""",
    )


def _held_triples(store: ox.Store, subjects: Iterable[ox.NamedNode]) -> set[ox.Triple]:
    """Every triple the store holds about these nodes and about the statements that
    reify their relationships."""
    out: set[ox.Triple] = set()
    for s in subjects:
        out.update(q.triple for q in store.quads_for_pattern(s, None, None, _DEFAULT))
        for stmt in store.quads_for_pattern(None, _RDF_SUBJECT, s, _DEFAULT):
            out.update(
                q.triple for q in store.quads_for_pattern(stmt.subject, None, None, _DEFAULT)
            )
    return out


def _data_block(triples: Iterable[ox.Triple]) -> str:
    return "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)


class _TooMany(Exception):
    pass


class _OxTriples:
    """The export's triples (rdflib terms) as Oxigraph triples, without an rdflib graph
    between: the same terms the N-Triples the full build loads give."""

    def __init__(self) -> None:
        self.triples: list[ox.Triple] = []
        self._iris: dict[str, ox.NamedNode] = {}

    def _iri(self, value: str) -> ox.NamedNode:
        found = self._iris.get(value)
        if found is None:
            found = self._iris[value] = ox.NamedNode(value)
        return found

    def _term(self, term: Node) -> ox.NamedNode | ox.Literal:
        if isinstance(term, URIRef):
            return self._iri(str(term))
        if isinstance(term, RdfLiteral):
            if term.language:
                return ox.Literal(str(term), language=term.language)
            if term.datatype is not None:
                return ox.Literal(str(term), datatype=self._iri(str(term.datatype)))
            return ox.Literal(str(term))
        raise TypeError(f"the export writes no {type(term).__name__}")

    def add(self, triple: tuple[Node, Node, Node], /) -> object:
        s, p, o = (self._term(x) for x in triple)
        assert isinstance(s, ox.NamedNode) and isinstance(p, ox.NamedNode)
        self.triples.append(ox.Triple(s, p, o))
        return self


class SparqlStore:
    """The store of one process: built on first use, then kept current with the graph.

    When the graph's version moved, :meth:`current` reads the version's journal
    (:func:`~stkg.graph.version.read_journal`). When every write since the version the
    store holds said what it changed, it reloads what those writes touched (the documents'
    families, evidence, supported nodes and runs, the named classes' nodes, the named
    nodes, and the neighbours of those, at most ``incremental_max_nodes`` nodes) and
    nothing else; otherwise it rebuilds the store in full. ``status.last_sync`` says which
    it did and why.
    """

    def __init__(
        self,
        graph: Graph,
        onto: Ontology,
        *,
        unversioned_max_age: float = 2.0,
        incremental_max_nodes: int = 20_000,
    ):
        self.graph = graph
        self.onto = onto
        self.unversioned_max_age = unversioned_max_age
        self.incremental_max_nodes = incremental_max_nodes
        self._mapper = RdfMapper(onto)
        self._names = _Names(onto)
        self._lock = threading.Lock()
        self._base: OntologyBase | None = None
        self._base_stamp: tuple[tuple[str, int], ...] = ()
        self._store: ox.Store | None = None
        self._status: StoreStatus | None = None
        #: how many full rebuilds and incremental syncs this store has made
        self.rebuilds = 0
        self.incremental_syncs = 0

    @property
    def status(self) -> StoreStatus | None:
        """How the store now held was built (``None``: not built yet)."""
        return self._status

    def rebuild(self, reason: str = "asked for") -> StoreStatus:
        """Build the store again from Neo4j, whatever its version says."""
        with self._lock:
            return self._rebuild(reason)

    def _rebuild(self, reason: str) -> StoreStatus:
        # the ontology files are read again when they changed (a sync may come with new ones)
        stamp = _files_stamp()
        if self._base is None or stamp != self._base_stamp:
            self._base, self._base_stamp = OntologyBase.load(), stamp
        store, status = build_store(self.graph, self.onto, self._base)
        assert status.last_sync is not None
        status = replace(status, last_sync=replace(status.last_sync, reason=reason))
        self._store, self._status = store, status  # queries running keep the old one
        self.rebuilds += 1
        return status

    def _stale(self, graph_version: GraphVersion | None) -> bool:
        status = self._status
        if status is None or self._store is None:
            return True
        if graph_version is None or status.version is None:
            age = (dt.datetime.now(dt.UTC) - status.built_at).total_seconds()
            return graph_version != status.version or age > self.unversioned_max_age
        return graph_version.tag != status.version.tag

    def current(self) -> tuple[ox.Store, StoreStatus]:
        """The store, brought to the graph's version first when it holds another."""
        if not self._stale(read_version(self.graph)):
            assert self._store is not None and self._status is not None
            return self._store, self._status
        with self._lock:  # one sync at a time; who waited finds it done
            if self._stale(read_version(self.graph)):
                self._sync()
            assert self._store is not None and self._status is not None
            return self._store, self._status

    def lag(self, *, timeout: float | None = None) -> tuple[GraphVersion | None, SyncPlan | str]:
        """The graph's version now and what the next sync will do: the documents it will
        reload, or why it will rebuild in full (reads Neo4j, changes nothing)."""
        now, journal = read_journal(self.graph, timeout=timeout)
        held = self._status.version if self._status else None
        if self._status is None:
            return now, "not built yet"
        return now, plan_sync(held, now, journal)

    def _sync(self) -> None:
        if self._store is None or self._status is None or self._base is None:
            self._rebuild("first query")
            return
        individuals: set[str] = set()
        stamp = _files_stamp()
        if stamp != self._base_stamp:
            # the store holds the files' triples too: when only reference individuals
            # changed (a review's decision appended to ontology/reviewed.ttl) they are
            # reloaded with the writes' nodes; any other change is rebuilt in full
            base = OntologyBase.load()
            changed = self._base.changed_individuals(base)
            if changed is None:
                self._rebuild("the ontology files changed beyond their reference individuals")
                return
            self._base, self._base_stamp = base, stamp
            individuals = {typed_id_from_iri(iri.value) for iri in changed}
        started = time.perf_counter()
        now, journal = read_journal(self.graph)
        plan = plan_sync(self._status.version, now, journal)
        if isinstance(plan, str):
            self._rebuild(plan)
            return
        assert now is not None
        try:
            nodes = self._reload(self._store, self._base, plan, individuals)
        except _TooMany:
            self._rebuild(
                f"the writes since touch more than {self.incremental_max_nodes:,} "
                "nodes (STKG_SPARQL_INCREMENTAL_MAX_NODES)"
            )
            return
        self.incremental_syncs += 1
        self._status = replace(
            self._status,
            version=now,
            triples=len(self._store),
            last_sync=Sync(
                "incremental",
                dt.datetime.now(dt.UTC),
                time.perf_counter() - started,
                documents=len(plan.documents),
                nodes=nodes,
                reason=plan.describe()
                + (
                    f"; {len(individuals)} individual(s) of the ontology files changed"
                    if individuals
                    else ""
                ),
            ),
        )

    def _reload(
        self, store: ox.Store, base: OntologyBase, plan: SyncPlan, individuals: set[str]
    ) -> int:
        """Replace what the store holds about the nodes the plan's writes touched with what
        Neo4j holds now, in one update; the number of nodes reloaded."""
        limit = self.incremental_max_nodes
        if limit <= 0:
            raise _TooMany
        rows = self.graph.rows(q.CORE, {"documents": list(plan.documents)}, max_rows=None).rows
        core: set[str] = set()
        for r in rows:
            core.add(r["id"])
            core.update(r["evidence"], r["supported"], r["runs"])
        core |= _held_core(store, self._names, {r["origin"] for r in rows})
        core.update(plan.nodes)
        core.update(individuals)
        if plan.classes:
            labels = [self.onto.label(c) for c in plan.classes]
            members = self.graph.rows(version_q.CLASS_MEMBERS, {"labels": labels}, max_rows=None)
            core |= {r["id"] for r in members.rows}
            iris = " ".join(f"<{self.onto.classes[c].iri}>" for c in plan.classes)
            core |= _ids(store, f"SELECT DISTINCT ?x WHERE {{ VALUES ?c {{ {iris} }} ?x a ?c }}")
        if len(core) > limit:
            raise _TooMany
        found = self.graph.rows(
            q.NEIGHBOURS, {"ids": sorted(core), "limit": limit + 1}, max_rows=None
        ).rows
        touched = core | {r["id"] for r in found} | _held_neighbours(store, core)
        if len(touched) > limit:
            raise _TooMany
        ids = sorted(touched)

        def read(tx: ManagedTransaction) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
            nodes = [dict(r) for r in tx.run(q.SUBJECTS, ids=ids)]
            rels = [dict(r) for r in tx.run(q.SUBJECT_RELATIONSHIPS, ids=ids)]
            return nodes, rels

        nodes, rels = self.graph.execute_read(read)
        subjects = [ox.NamedNode(instance_iri(i)) for i in ids]
        fresh = _OxTriples()
        fresh.triples += [t for s in subjects for t in base.about.get(s, ())]
        rows_rdf(self._mapper, nodes, rels, fresh)
        wanted = base.entail(fresh.triples)
        held = _held_triples(store, subjects)
        gone, added = held - wanted, wanted - held
        if gone or added:  # one update: a query sees the store before it or after it
            delete, insert = _data_block(gone), _data_block(added)
            store.update(f"DELETE DATA {{\n{delete}\n}};\nINSERT DATA {{\n{insert}\n}}")
        return len(ids)

    def query(
        self, query: str, *, max_rows: int, timeout: float
    ) -> tuple[SparqlAnswer, StoreStatus]:
        """Answer ``query`` from a current store, within ``timeout`` seconds of the call."""
        deadline = time.monotonic() + timeout
        reason = refused(query)  # before any read of Neo4j
        if reason is not None:
            raise SparqlRefused(reason)
        store, status = self.current()
        if time.monotonic() > deadline:
            raise SparqlTimeout("The store was brought up to date past the query's timeout.")
        return run_query(store, query, max_rows=max_rows, deadline=deadline), status


# ---------------------------------------------------------------------------------------
# Rendering (SPARQL 1.1 Query Results JSON, XML, CSV and TSV; RDF for graphs)
# ---------------------------------------------------------------------------------------

_Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RESULTS_NS = "http://www.w3.org/2005/sparql-results#"


def _json_term(term: _Term) -> dict[str, object]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, object] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {
        "type": "triple",
        "value": {
            "subject": _json_term(term.subject),
            "predicate": _json_term(term.predicate),
            "object": _json_term(term.object),
        },
    }


def _results_json(answer: SparqlAnswer) -> bytes:
    if answer.kind == "ask":
        body: dict[str, object] = {"head": {}, "boolean": answer.boolean}
    else:
        bindings = [
            {n: _json_term(t) for n, t in zip(answer.variables, row, strict=True) if t is not None}
            for row in answer.rows
        ]
        body = {"head": {"vars": list(answer.variables)}, "results": {"bindings": bindings}}
    return json.dumps(body, ensure_ascii=False).encode("utf-8")


def _xml_term(term: _Term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != _XSD_STRING:
            dtype = quoteattr(term.datatype.value)
            return f"<literal datatype={dtype}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return (
        f"<triple><subject>{_xml_term(term.subject)}</subject>"
        f"<predicate>{_xml_term(term.predicate)}</predicate>"
        f"<object>{_xml_term(term.object)}</object></triple>"
    )


def _results_xml(answer: SparqlAnswer) -> bytes:
    out = [f'<?xml version="1.0"?>\n<sparql xmlns="{_RESULTS_NS}">\n<head>']
    out += [f"<variable name={quoteattr(n)}/>" for n in answer.variables]
    out.append("</head>")
    if answer.kind == "ask":
        out.append(f"<boolean>{'true' if answer.boolean else 'false'}</boolean>")
    else:
        out.append("<results>")
        for row in answer.rows:
            out.append("<result>")
            for n, t in zip(answer.variables, row, strict=True):
                if t is not None:
                    out.append(f"<binding name={quoteattr(n)}>{_xml_term(t)}</binding>")
            out.append("</result>")
        out.append("</results>")
    out.append("</sparql>\n")
    return "\n".join(out).encode("utf-8")


def _csv_term(term: _Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.NamedNode | ox.Literal):
        return term.value
    return str(term)


def _results_csv(answer: SparqlAnswer) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if answer.kind == "ask":
        writer.writerow(["_askResult"])
        writer.writerow(["true" if answer.boolean else "false"])
    else:
        writer.writerow(answer.variables)
        writer.writerows([_csv_term(t) for t in row] for row in answer.rows)
    return buffer.getvalue().encode("utf-8")


def _results_tsv(answer: SparqlAnswer) -> bytes:
    if answer.kind == "ask":
        return f"?_askResult\n{'true' if answer.boolean else 'false'}\n".encode()
    lines = ["\t".join(f"?{n}" for n in answer.variables)]
    # N-Triples syntax for every term (str() of an Oxigraph term), as the TSV format asks
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in answer.rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


_RESULT_RENDERERS = {
    "json": _results_json,
    "xml": _results_xml,
    "csv": _results_csv,
    "tsv": _results_tsv,
}


def render(answer: SparqlAnswer, fmt: str) -> bytes:
    """The answer in format ``fmt`` (a key of :data:`RESULT_FORMATS` for SELECT and ASK,
    of :data:`GRAPH_FORMATS` for CONSTRUCT and DESCRIBE)."""
    if answer.kind == "graph":
        prefixes = PREFIXES if fmt == "ttl" else None
        data = ox.serialize(answer.triples, format=_OX_GRAPH_FORMATS[fmt], prefixes=prefixes)
        return data or b""  # bytes whenever no output file is given
    return _RESULT_RENDERERS[fmt](answer)


_NUMBERS: dict[str, type] = {
    f"{XSD}{name}": kind
    for names, kind in (
        (("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger"), int),
        (("decimal", "double", "float"), float),
    )
    for name in names
}


def plain_value(term: _Term | None) -> object:
    """A term as a plain Python value (see :func:`solutions`)."""
    if isinstance(term, ox.Literal):
        kind = _NUMBERS.get(term.datatype.value)
        if kind is not None:
            return kind(term.value)
        if term.datatype.value == f"{XSD}boolean":
            return term.value in ("true", "1")
    return None if term is None else _csv_term(term)


def solutions(answer: SparqlAnswer) -> Iterable[dict[str, object]]:
    """Each solution as variable → a plain value (IRI or text as ``str``, numbers as
    ``int``/``float``, booleans as ``bool``; unbound ``None``), for the CLI and tests."""
    for row in answer.rows:
        yield {n: plain_value(t) for n, t in zip(answer.variables, row, strict=True)}
