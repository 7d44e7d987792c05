"""Time the patent-indicator analysis on N generated patents (default 1,000,000).

    NEO4J_URI=bolt://127.0.0.1:7696 python bench/indicators.py [-n 1000000] [--keep]

EMPTIES the database NEO4J_URI names (point it at a server of its own), creates the
ontology's constraints (``stkg ontology sync``), writes the tree of
``bench/patent_data.py`` and N patents (UNWIND batches of 20,000; one Korean or foreign
applicant each, forward citations, five offices, 2015-2024), then runs
:func:`stkg.graph.analysis.patent_analysis.analyse_patents` over all of them twice (cold: first
read after the load; warm: page cache filled) and prints the time of each step.
``--keep`` reuses the patents already loaded (no wipe, no load).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import patent_data

from stkg.config.settings import get_settings
from stkg.graph.analysis.indicators import IndicatorParams
from stkg.graph.analysis.patent_analysis import analyse_patents
from stkg.graph.driver import Graph
from stkg.graph.schema import sync
from stkg.graph.wipe import wipe
from stkg.ontology.model import load_ontology


def load(graph: Graph, n: int) -> float:
    """Wipe the database and write the tree and ``n`` patents; returns seconds taken."""
    began = time.perf_counter()
    wipe(graph)
    sync(graph)  # constraints: the loader finds applicants and classes by id
    patent_data.write_tree(graph)

    def report(done: int) -> None:
        print(f"\r  written {done:>9,} patents", end="", file=sys.stderr, flush=True)

    patent_data.write(graph, patent_data.generate(n), progress=report)
    print(file=sys.stderr)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=1_000_000, help="patents to generate")
    parser.add_argument("--keep", action="store_true", help="reuse the patents loaded")
    args = parser.parse_args()
    settings = get_settings().model_copy(update={"neo4j_timeout": 600.0})
    graph = Graph.from_settings(settings)
    print(f"server {settings.neo4j_uri}", file=sys.stderr)
    if not args.keep:
        print(f"loading {args.n:,} patents in {load(graph, args.n):.1f}s", file=sys.stderr)
    onto = load_ontology()
    params = IndicatorParams(2015, 2024)
    for run in ("cold", "warm"):
        report = analyse_patents(graph, onto, patent_data.ROOT, params)
        print(
            f"{run}: {report.patent_count:,} patents, {len(report.indicators)} classes: "
            f"count {report.count_seconds:.2f}s, compute {report.compute_seconds:.3f}s, "
            f"store {report.write_seconds:.2f}s, total {report.seconds:.2f}s"
        )


if __name__ == "__main__":
    main()
