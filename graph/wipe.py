"""Emptying a database of its data, however big: every node and relationship goes, the
schema (constraints and indexes) stays.

A small graph (up to one batch of records, nodes plus relationships) goes in one write
transaction. A big one (a bench run leaves ~100k nodes, or a million) would not fit in one
transaction's memory, so it is deleted in batches: ``CALL { ... } IN TRANSACTIONS``, which
commits batch by batch and so runs only as an auto-commit query (a plain ``session.run``,
not the managed transactions of :class:`~stkg.graph.driver.Graph`). Relationships go
first, so that no batch holds every relationship of a node with many (DETACH DELETE of a
popular applicant with 100k+ relationships in one inner transaction can exhaust the heap).

The benchmarks wipe the server they measure with it, the tests their own, and ``stkg eval``
its scratch graph.
"""

from __future__ import annotations

from stkg.graph.cypher import backup as q
from stkg.graph.driver import Graph

__all__ = ["BATCH", "wipe"]

#: Records (nodes plus relationships) deleted in one transaction, on both paths.
BATCH = 10_000


def wipe(graph: Graph, batch: int = BATCH) -> None:
    """Delete every node and relationship of ``graph`` (the schema is kept)."""
    (counts,) = graph.read(q.COUNTS)
    if counts["nodes"] + counts["relationships"] <= batch:
        graph.write(q.DELETE_ALL)
        return
    with graph.driver.session(database=graph.database) as session:
        for statement in q.DELETE_IN_BATCHES:
            session.run(statement, rows=batch).consume()
