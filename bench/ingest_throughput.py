"""Ingest throughput and peak memory on generated press releases.

    NEO4J_URI=bolt://127.0.0.1:7698 python -m bench.ingest_throughput [--count 1000]

Generates ``--count`` releases (bench.press_releases), then measures, in one process:
raw Kiwi tokenisation of the same text, extraction alone (``--dry-run`` path: readers,
tables, statements, NLP), and the full ingest into the Neo4j at NEO4J_URI (which it
wipes and syncs first unless ``--no-wipe`` — point it at a scratch server). Prints MB/s,
documents/s and the peak RSS of this process, or one JSON object with ``--json`` (what
``python -m bench`` reads when it runs this in a process of its own).
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.press_releases import generate
from stkg.graph.driver import Graph
from stkg.graph.schema import sync
from stkg.graph.wipe import wipe as wipe_graph
from stkg.ingest.files import ingest_paths
from stkg.ingest.nlp import get_kiwi
from stkg.ontology.model import load_ontology


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(count: int, graph: Graph | None, *, wipe: bool = True) -> dict[str, Any]:
    """Every figure for ``count`` releases; the full ingest only when ``graph`` is given."""
    onto = load_ontology()
    out: dict[str, Any] = {"documents": count}
    with tempfile.TemporaryDirectory() as tmp:
        paths = generate(Path(tmp), count, seed=7)
        texts = [p.read_text(encoding="utf-8") for p in paths]
        mb = sum(len(t.encode()) for t in texts) / 2**20
        out["megabytes"] = mb

        kiwi = get_kiwi()
        kiwi.tokenize("워밍업")
        began = time.perf_counter()
        for _ in kiwi.tokenize(texts):
            pass
        out["kiwi_seconds"] = time.perf_counter() - began

        ingest_paths(paths[:1], None, onto, dry_run=True)  # builds the spaCy pipeline once
        began = time.perf_counter()
        report = ingest_paths(paths, None, onto, dry_run=True)
        out["extraction_seconds"] = time.perf_counter() - began
        if report.failed:
            raise RuntimeError(f"extraction failed: {report.failed[:3]}")

        if graph is not None:
            if wipe:
                wipe_graph(graph)
                sync(graph)  # constraints and indexes, as `stkg up` has them
            began = time.perf_counter()
            report = ingest_paths(paths, graph, onto)
            out["ingest_seconds"] = time.perf_counter() - began
            if report.failed:
                raise RuntimeError(f"ingest failed: {report.failed[:3]}")
            totals = report.totals()
            out["nodes_written"] = totals["new_nodes"]
            out["relationships_written"] = totals["new_relationships"]
    out["peak_rss_mib"] = _peak_rss_mib()
    return out


def _print(figures: dict[str, Any]) -> None:
    mb, n = figures["megabytes"], figures["documents"]
    kiwi, extract = figures["kiwi_seconds"], figures["extraction_seconds"]
    print(f"corpus\t{n} documents\t{mb:.2f} MB")
    print(f"raw Kiwi tokenisation\t{mb / kiwi:.3f} MB/s")
    print(f"extraction only\t{mb / extract:.3f} MB/s\t{n / extract:.1f} docs/s")
    print(f"extraction / raw Kiwi\t{kiwi / extract:.2f}")
    if "ingest_seconds" in figures:
        full = figures["ingest_seconds"]
        print(f"full ingest\t{mb / full:.3f} MB/s\t{n / full:.1f} docs/s")
        print(
            f"written\t{figures['nodes_written']} nodes\t"
            f"{figures['relationships_written']} relationships"
        )
    print(f"peak RSS\t{figures['peak_rss_mib']:.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument(
        "--no-wipe", action="store_true", help="write into the graph as it is (no wipe, no sync)"
    )
    parser.add_argument("--dry-run", action="store_true", help="extraction only, no Neo4j")
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    args = parser.parse_args()
    graph = None if args.dry_run else Graph.from_settings()
    figures = measure(args.count, graph, wipe=not args.no_wipe)
    if args.json:
        print(json.dumps(figures))
    else:
        _print(figures)


if __name__ == "__main__":
    main()
