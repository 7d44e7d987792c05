"""Emptying the test server's graph, however big a bench left it.

A small graph (what a test leaves) goes in one write transaction, as before. A big one (a
bench run against the test server can leave ~100k nodes) would not fit in one
transaction's memory, so it is deleted in batches: ``CALL { ... } IN TRANSACTIONS``,
which commits batch by batch and so runs only as an auto-commit query (a plain
``session.run``, not the managed transactions of :class:`~stkg.graph.driver.Graph`).
Relationships go first, so that no batch holds every relationship of a node with many.
"""

from __future__ import annotations

from stkg.graph.driver import Graph

#: Records (nodes plus relationships) deleted in one transaction, on both paths.
BATCH = 10_000

COUNT = (
    "CALL () { MATCH (n) RETURN count(n) AS nodes } "
    "CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } "
    "RETURN nodes + relationships AS records"
)
DELETE_ALL = "MATCH (n) DETACH DELETE n"
IN_BATCHES = (
    "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF $rows ROWS",
    "MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF $rows ROWS",
)


def wipe(graph: Graph, batch: int = BATCH) -> None:
    """Delete every node and relationship of ``graph`` (the schema is kept)."""
    (count,) = graph.read(COUNT)
    if count["records"] <= batch:
        graph.write(DELETE_ALL)
        return
    with graph.driver.session(database=graph.database) as session:
        for statement in IN_BATCHES:
            session.run(statement, rows=batch).consume()
