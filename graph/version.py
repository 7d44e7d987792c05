"""The graph version: a counter and a random tag on one node, advanced by every write.

Every write transaction :class:`~stkg.graph.driver.Graph` runs ends by advancing it
(``Graph.execute_write``), so it changes exactly when a write commits — a document
ingested by the CLI, an ontology sync, an RDF import, a review decision, a patent
classification, a feed poll — whatever the process. Readers that kept an answer (the
API's ETags and answer cache, :mod:`stkg.api.answers`) compare tags to know whether it
still holds. The tag, not the counter, identifies a state: it is drawn anew by every
write, so a counter set back by a wipe or a restore never makes an old answer look
current.

The node is created by ``ontology sync`` (:func:`advance_version`, also run after a
restore and after the schema's indexes come online); without it the writes advance
nothing and :func:`read_version` answers ``None``, which the API takes as "do not cache".
"""

from __future__ import annotations

from dataclasses import dataclass

from neo4j import ManagedTransaction

from stkg.graph.cypher import version as q
from stkg.graph.driver import Graph
from stkg.ontology.model import Ontology, load_ontology

__all__ = ["GraphVersion", "advance_version", "read_version", "version_node_id"]


@dataclass(frozen=True, slots=True)
class GraphVersion:
    """How many writes the node has counted, and the random tag of the latest."""

    number: int
    tag: str


def version_node_id(onto: Ontology | None = None) -> str:
    """The typed id of the one version node (``graphversion:graph``)."""
    onto = onto or load_ontology()
    return f"{onto.cls('GraphVersion').id_prefix}:graph"


def read_version(graph: Graph, *, timeout: float | None = None) -> GraphVersion | None:
    """The current version, or ``None`` when the graph has no version node."""
    rows = graph.rows(q.READ, {}, max_rows=1, timeout=timeout).rows
    if not rows or rows[0]["tag"] is None:
        return None
    return GraphVersion(int(rows[0]["version"] or 0), str(rows[0]["tag"]))


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
