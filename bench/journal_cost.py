"""What the graph version's journal costs a write when its entries name nodes.

    NEO4J_URI=<scratch server> python -m bench.journal_cost [-n 300]

Every write transaction ends by advancing the graph version and appending itself to the
version node's journal (``writeJournal``, the last 64 writes; :mod:`stkg.graph.version`).
An entry that names the nodes a write changed (:func:`stkg.graph.version.touching`) holds
their ids, at most :data:`~stkg.graph.version.JOURNAL_NODES`; the statement rewrites the
whole list each time. This times a write transaction holding the version statements alone
(:func:`~stkg.graph.version.advance_version`), ``-n`` times after the journal is full of
the same kind of entry: entries naming one node, then entries naming as many nodes as an
entry keeps (made-up ids), the journal's largest. Writes the version node only; its
journal is left full of entries naming nodes that are not there (a SPARQL store reloads
nothing for them).
"""

from __future__ import annotations

import argparse
import time

from bench.configured_graph import configured_graph
from bench.query_latency import percentile
from stkg.graph.driver import Graph
from stkg.graph.version import JOURNAL, JOURNAL_NODES, advance_version, touching
from stkg.ontology.model import Ontology, load_ontology


def timed(graph: Graph, onto: Ontology, nodes: list[str], n: int) -> list[float]:
    """Milliseconds per write naming ``nodes``, after :data:`JOURNAL` such writes,
    ascending."""
    out = []
    for i in range(JOURNAL + n):
        began = time.perf_counter()
        with touching(nodes=nodes):
            advance_version(graph, onto)
        if i >= JOURNAL:
            out.append((time.perf_counter() - began) * 1000)
    return sorted(out)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.journal_cost", description=__doc__)
    parser.add_argument("-n", type=int, default=300, help="timed writes of each kind")
    args = parser.parse_args()
    with configured_graph() as graph:
        onto = load_ontology()
        one = timed(graph, onto, ["patent:KR:bench-journal"], args.n)
        ids = [f"patent:KR:bench-journal-{i:012d}" for i in range(JOURNAL_NODES)]
        full = timed(graph, onto, ids, args.n)
    for what, found in (("1 node", one), (f"{JOURNAL_NODES:,} nodes", full)):
        print(
            f"write naming {what}, journal full of such entries: "
            f"p50 {percentile(found, 50):.2f} ms, p95 {percentile(found, 95):.2f} ms"
        )


if __name__ == "__main__":
    main()
