"""Ingest throughput and peak memory on generated press releases.

    NEO4J_URI=bolt://127.0.0.1:7698 python -m bench.ingest_throughput [--count 1000]

Generates ``--count`` releases (bench.press_releases), then measures, in one process:
raw Kiwi tokenisation of the same text, extraction alone (``--dry-run`` path: readers,
tables, statements, NLP), and the full ingest into the Neo4j at NEO4J_URI (which it
wipes and syncs first — point it at a scratch server). Prints MB/s, documents/s and peak RSS.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from bench.press_releases import generate
from stkg.graph.driver import Graph
from stkg.graph.schema import sync
from stkg.ingest.loader import ingest_paths
from stkg.ingest.nlp import get_kiwi
from stkg.ontology.model import load_ontology


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    onto = load_ontology()
    with tempfile.TemporaryDirectory() as tmp:
        paths = generate(Path(tmp), args.count, seed=7)
        texts = [p.read_text(encoding="utf-8") for p in paths]
        mb = sum(len(t.encode()) for t in texts) / 2**20
        print(f"corpus\t{len(paths)} documents\t{mb:.2f} MB")

        kiwi = get_kiwi()
        kiwi.tokenize("워밍업")
        began = time.perf_counter()
        for _ in kiwi.tokenize(texts):
            pass
        raw = time.perf_counter() - began
        print(f"raw Kiwi tokenisation\t{mb / raw:.3f} MB/s")

        began = time.perf_counter()
        report = ingest_paths(paths, None, onto, dry_run=True)
        extract = time.perf_counter() - began
        assert not report.failed, report.failed[:3]
        print(f"extraction only\t{mb / extract:.3f} MB/s\t{len(paths) / extract:.1f} docs/s")
        print(f"extraction / raw Kiwi\t{raw / extract:.2f}")

        graph = Graph.from_settings()
        _wipe(graph)
        sync(graph)  # constraints and indexes, as `stkg up` has them
        began = time.perf_counter()
        report = ingest_paths(paths, graph, onto)
        full = time.perf_counter() - began
        assert not report.failed
        totals = report.totals()
        print(f"full ingest\t{mb / full:.3f} MB/s\t{len(paths) / full:.1f} docs/s")
        print(f"written\t{totals['new_nodes']} nodes\t{totals['new_relationships']} relationships")
        print(f"peak RSS\t{_peak_rss_mb():.0f} MB")


def _wipe(graph: Graph) -> None:
    with graph.driver.session(database=graph.database) as session:
        session.run(
            "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
        ).consume()


if __name__ == "__main__":
    main()
