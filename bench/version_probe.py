"""What reading the graph version inside a route's transaction costs an uncached answer.

    NEO4J_URI=bolt://127.0.0.1:7701 python -m bench.version_probe [-n 600]

Runs the field-history query (the API's route Cypher, on a graph ``python -m bench`` left:
it needs ``field:`` ids from ``bench.generate``) through ``Graph.rows`` — the path an API
read takes — ``-n`` times each way, alternating call by call: without a version probe,
and with one, so the transaction first reads the graph version
(:class:`stkg.graph.version.VersionProbe`). Prints p50/p95 of each and the difference,
which is what an uncached API request pays for its ETag. Reads only.
"""

from __future__ import annotations

import argparse
import time

from bench.configured_graph import configured_graph
from bench.generate import field_id
from bench.query_latency import percentile
from stkg.graph.driver import Graph
from stkg.graph.version import PROBE, VersionProbe
from stkg.queries.catalog import load_catalog

WARMUP = 50


def measure(graph: Graph, n: int) -> dict[str, list[float]]:
    """Milliseconds per read, without and with the probe, alternating."""
    named = load_catalog()["field-history"]
    query, params = named.cypher, named.bind({"field": field_id(0)})

    def plain() -> None:
        if not graph.rows(query, params, max_rows=10_000).rows:
            raise RuntimeError(f"field-history found nothing for {params['field']}")

    def probed() -> None:
        token = PROBE.set(probe := VersionProbe())
        try:
            plain()
        finally:
            PROBE.reset(token)
        if not probe.read:
            raise RuntimeError("the probe was not read")

    sides = {"without probe": plain, "with probe": probed}
    for call in sides.values():
        for _ in range(WARMUP):
            call()
    samples: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(n):
        for name, call in sides.items():
            began = time.perf_counter()
            call()
            samples[name].append((time.perf_counter() - began) * 1000)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.version_probe", description=__doc__)
    parser.add_argument("-n", type=int, default=600, help="timed reads per side")
    args = parser.parse_args()
    with configured_graph() as graph:
        samples = measure(graph, args.n)
    p50 = {}
    for name, values in samples.items():
        values.sort()
        p50[name] = percentile(values, 50)
        print(f"{name:>14}: p50 {p50[name]:.3f} ms, p95 {percentile(values, 95):.3f} ms")
    print(f"{'difference':>14}: p50 {p50['with probe'] - p50['without probe']:+.3f} ms")


if __name__ == "__main__":
    main()
