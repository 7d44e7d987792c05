"""The graph wipe (``graph/wipe.py``): one transaction when small, batches when big."""

from __future__ import annotations

from typing import Any, LiteralString

from stkg.graph.driver import Graph
from stkg.graph.wipe import wipe
from stkg.ontology.model import load_ontology
from stkg.ontology.names import quote_name

COUNT = (
    "CALL () { MATCH (n) RETURN count(n) AS nodes } "
    "CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } "
    "RETURN nodes + relationships AS records"
)


def _fill(graph: Graph, pairs: int) -> None:
    link = quote_name(load_ontology().rel("belongsToField"))
    graph.write(f"UNWIND range(1, $pairs) AS i CREATE ()-[:{link}]->()", pairs=pairs)


def test_a_small_graph_is_deleted_at_once(graph: Graph) -> None:
    _fill(graph, 40)  # 120 records: under the batch
    wipe(graph, batch=200)
    assert graph.read(COUNT) == [{"records": 0}]


class NoOneTransaction(Graph):
    """The test graph, refusing the single write transaction of the small path."""

    def write(self, query: LiteralString, **params: Any) -> list[dict[str, Any]]:
        raise AssertionError(f"one transaction for a big graph: {query}")


def test_a_graph_bigger_than_a_batch_is_deleted_in_batches(graph: Graph) -> None:
    _fill(graph, 700)  # 2,100 records: relationships, then nodes, 100 per transaction
    wipe(NoOneTransaction(graph.driver, graph.database), batch=100)
    assert graph.read(COUNT) == [{"records": 0}]
