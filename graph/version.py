"""The graph version: a counter and a random tag on one node, advanced by every write.

Every write transaction :class:`~stkg.graph.driver.Graph` runs ends by advancing it
(``Graph.execute_write``), so it changes exactly when a write commits — a document
ingested by the CLI, an ontology sync, an RDF import, a review decision, a patent
classification, a feed poll — whatever the process. Readers that kept an answer (the
API's ETags and answer cache, :mod:`stkg.api.answers`) compare tags to know whether it
still holds. The tag, not the counter, identifies a state: it is drawn anew by every
write, so a counter set back by a wipe or a restore never makes an old answer look
current.

Writes advance it whether or not any API keeps answers (``STKG_API_CACHE_BYTES``): the
process that writes — ``stkg ingest``, a sync, another API worker — cannot know whether
some API process caches, and an answer kept across a write it never saw would be stale.
It costs one small statement at the end of each write transaction (BENCHMARKS.md).

Two ways to read it:

- **With an answer** (:class:`VersionProbe`): while a probe is set (:data:`PROBE`, a
  context variable the API sets for a request when its answer cache is on; never
  otherwise, so with the cache off no read transaction reads the version), the first
  read transaction of that request reads the version as its first statement, in the
  same transaction as the answer's own query — no transaction of its own (one small
  statement more, about a quarter of a millisecond on loopback), and the answer's data
  is never older than the version it is labelled with.
- **Alone, once** (:func:`read_version_once`): one explicit transaction, one attempt,
  never retried — what the API asks before giving a kept answer or a 304.

Every write also appends itself to the node's journal (``writeJournal``, the last
:data:`JOURNAL` writes): the tag it replaced and what it changed when it can say — the
source document it wrote, the classes whose nodes alone it changed, the nodes it changed
(:func:`touching`; at most :data:`JOURNAL_NODES`) — (:func:`read_journal`). The SPARQL
store (:mod:`stkg.graph.sparql`) reads it to reload only what changed since the tag it
holds.

The node is created by ``ontology sync`` (:func:`advance_version`, also run after a
restore and after the schema's indexes come online); without it the writes advance
nothing and the reads answer ``None``, which the API takes as "do not cache".
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import neo4j
from neo4j import ManagedTransaction, Record, Transaction

from stkg.graph.cypher import version as q

if TYPE_CHECKING:
    from stkg.graph.driver import Graph
    from stkg.ontology.model import Ontology

__all__ = [
    "JOURNAL",
    "JOURNAL_NODES",
    "PROBE",
    "TOUCHING",
    "GraphVersion",
    "JournalEntry",
    "Touching",
    "VersionProbe",
    "advance_version",
    "read_journal",
    "read_version",
    "read_version_once",
    "scope_entry",
    "touching",
    "version_node_id",
]


@dataclass(frozen=True, slots=True)
class GraphVersion:
    """How many writes the node has counted, and the random tag of the latest."""

    number: int
    tag: str


#: How many of the latest writes the version node's journal keeps (``writeJournal``).
JOURNAL = 64


#: The most node ids one journal entry names; a write that changed more names none of
#: them (and so says nothing: a copy of the graph rebuilds).
JOURNAL_NODES = 1000


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """One committed write: the version it made, the tag it replaced, and what it
    changed when it could say: the source document it wrote, the classes whose nodes
    (and the relationships at them) alone it changed, the nodes it changed besides.
    None of these: it could be anything."""

    number: int
    after_tag: str
    document: str | None
    classes: tuple[str, ...] = ()
    nodes: tuple[str, ...] = ()

    @property
    def said(self) -> bool:
        """Whether the write said what it changed."""
        return self.document is not None or bool(self.classes or self.nodes)


@dataclass(slots=True)
class Touching:
    """What the writes in a :func:`touching` block change: the nodes of ``classes`` and
    the nodes ``nodes`` (ids; code inside the block may add the ids it learns, before
    the write that changes them commits), and the relationships at them."""

    classes: tuple[str, ...] = ()
    nodes: set[str] = field(default_factory=set)

    def add(self, ids: Iterable[str]) -> None:
        self.nodes.update(ids)


#: What the writes made in this context change (:func:`touching`); None: nothing declared.
TOUCHING: ContextVar[Touching | None] = ContextVar("stkg_touching", default=None)


@contextmanager
def touching(*classes: str, nodes: Iterable[str] = ()) -> Iterator[Touching]:
    """Declare that the writes in this block change only nodes of ``classes`` (local
    names), the nodes ``nodes`` (ids, also those added to the yielded :class:`Touching`),
    and relationships at them: the journal says so, and the SPARQL store reloads those
    nodes and their neighbours instead of rebuilding (``stkg.graph.crosswalk.refresh``
    declares its mappings and runs, a review the nodes it decides on)."""
    scope = Touching(tuple(classes), set(nodes))
    token = TOUCHING.set(scope)
    try:
        yield scope
    finally:
        TOUCHING.reset(token)


def scope_entry(document: str | None, scope: Touching | None, nodes: Iterable[str] = ()) -> str:
    """The journal's text for a write of ``document`` (if any) in ``scope`` (if any) that
    also changed ``nodes``: the document id alone, ``@`` and the classes, or a JSON
    object naming all three; ``""`` when it cannot say (no scope, or more than
    :data:`JOURNAL_NODES` nodes)."""
    classes = scope.classes if scope is not None else ()
    named = set(nodes) | (scope.nodes if scope is not None else set())
    if document is None and scope is None:
        return ""  # nodes a write found it changed, in a write that declared nothing
    if len(named) > JOURNAL_NODES:
        return ""
    if not named:
        if document is not None:
            return document
        return f"@{','.join(classes)}" if classes else ""
    found: dict[str, object] = {"nodes": sorted(named)}
    if document is not None:
        found["document"] = document
    if classes:
        found["classes"] = list(classes)
    return json.dumps(found, ensure_ascii=False, separators=(",", ":"))


def _entry(number: int, text: str) -> JournalEntry:
    tag, _, scope = text.partition(" ")
    if scope.startswith("{"):
        found = json.loads(scope)
        return JournalEntry(
            number,
            tag,
            found.get("document"),
            tuple(found.get("classes", ())),
            tuple(found.get("nodes", ())),
        )
    if scope.startswith("@"):
        return JournalEntry(number, tag, None, tuple(scope[1:].split(",")))
    return JournalEntry(number, tag, scope or None)


def read_journal(
    graph: Graph, *, timeout: float | None = None
) -> tuple[GraphVersion | None, list[JournalEntry]]:
    """The current version and the journal of the writes that led to it, oldest first
    (at most :data:`JOURNAL`; the last one made the current version)."""
    rows = graph.rows(q.READ_JOURNAL, {}, max_rows=1, timeout=timeout).rows
    version = _version(rows)
    if version is None:
        return None, []
    raw = [str(e) for e in rows[0]["journal"] or []]
    first = version.number - len(raw) + 1
    return version, [_entry(first + i, entry) for i, entry in enumerate(raw)]


class VersionProbe:
    """The graph version as the first read transaction of one answer saw it.

    The read runs as that transaction's first statement (:meth:`note`), so whatever the
    answer read afterwards — in that transaction or in later ones — is at least as new
    as ``version``: an answer kept under it is never staler than its label. Only one
    transaction reads it (:meth:`claim`); the reads of one answer run one after another.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._claimed = False
        #: whether a read finished, the version it saw (None: no version node) and
        #: when it started (``time.monotonic()``)
        self.read = False
        self.version: GraphVersion | None = None
        self.started = float("-inf")

    def claim(self) -> bool:
        """True for the first transaction that asks, False for every later one."""
        with self._lock:
            if self._claimed:
                return False
            self._claimed = True
            return True

    def note(self, tx: ManagedTransaction | Transaction) -> None:
        """Read the version in ``tx`` (again on a retried attempt: the last one counts)."""
        started = time.monotonic()
        version = _version(list(tx.run(q.READ)))
        self.version, self.started, self.read = version, started, True


#: The probe of the answer being computed in this context (the API sets it per request;
#: ``Graph.execute_read`` and the analyst's read-only transaction fill it).
PROBE: ContextVar[VersionProbe | None] = ContextVar("stkg_version_probe", default=None)


def claimed_probe() -> VersionProbe | None:
    """The current probe if this transaction is the one to fill it, else None."""
    probe = PROBE.get()
    return probe if probe is not None and probe.claim() else None


def _version(rows: list[Record] | list[dict[str, Any]]) -> GraphVersion | None:
    if not rows or rows[0]["tag"] is None:
        return None
    return GraphVersion(int(rows[0]["version"] or 0), str(rows[0]["tag"]))


def version_node_id(onto: Ontology | None = None) -> str:
    """The typed id of the one version node (``graphversion:graph``)."""
    from stkg.ontology.model import load_ontology

    onto = onto or load_ontology()
    return f"{onto.cls('GraphVersion').id_prefix}:graph"


def read_version(graph: Graph, *, timeout: float | None = None) -> GraphVersion | None:
    """The current version, or ``None`` when the graph has no version node."""
    return _version(graph.rows(q.READ, {}, max_rows=1, timeout=timeout).rows)


def read_version_once(graph: Graph, *, timeout: float) -> GraphVersion | None:
    """The current version from one attempt: an explicit read transaction that is never
    retried, so a server that is away fails it at once (``ServiceUnavailable``)."""
    with (
        graph.driver.session(
            database=graph.database, default_access_mode=neo4j.READ_ACCESS
        ) as session,
        session.begin_transaction(timeout=timeout) as tx,
    ):
        rows = list(tx.run(q.READ))
    return _version(rows)


def advance_version(graph: Graph, onto: Ontology | None = None) -> GraphVersion:
    """Create the version node if it is missing and advance it, in a write of its own.

    For changes no write transaction of :class:`Graph` makes: schema statements (an
    index coming online changes what a search answers) and a store loaded from a dump.
    """
    params = {"id": version_node_id(onto)}

    def work(tx: ManagedTransaction) -> None:
        tx.run(q.ENSURE, params).consume()

    graph.execute_write(work)  # ends with ADVANCE, as every write does
    found = read_version(graph)
    assert found is not None  # created just now
    return found
