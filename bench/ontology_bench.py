"""Time `ontology sync`, `validate`, `export` and `import-rdf` on a generated graph.

Usage (against a scratch server: the graph is wiped first)::

    NEO4J_URI=bolt://127.0.0.1:7691 python bench/ontology_bench.py --fields 10000

``--fields 10000`` is about 100k nodes (see ``bench/synthetic.py``).
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import generate, write

from stkg.graph.driver import Graph
from stkg.graph.rdf import export_graph, import_rdf, validate_graph, write_export
from stkg.graph.schema import sync
from stkg.graph.wipe import wipe
from stkg.ontology.model import load_ontology

T = TypeVar("T")


def timed(label: str, work: Callable[[], T]) -> T:
    started = time.perf_counter()
    result = work()
    print(f"{label:<28} {time.perf_counter() - started:8.1f}s", flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fields", type=int, default=10_000)
    parser.add_argument("--skip-import", action="store_true")
    args = parser.parse_args()
    graph, onto = Graph.from_settings(), load_ontology()
    graph.timeout = 600
    timed("wipe", lambda: wipe(graph))
    timed("sync (empty graph)", lambda: sync(graph))
    data = timed("generate rows", lambda: generate(args.fields))
    timed(f"write {len(data.nodes):,} nodes", lambda: write(graph, onto, data))
    timed("sync (no changes)", lambda: sync(graph))
    report, checked = timed("validate (SHACL)", lambda: validate_graph(graph, onto))
    print(f"  {checked:,} nodes, conforms={report.conforms}, {len(report.violations)} violations")
    buffer = io.BytesIO()
    stats = timed("export nt (streamed)", lambda: write_export(graph, onto, buffer, "nt"))
    print(f"  {stats.triples:,} triples, {len(buffer.getvalue()) / 1e6:.0f} MB")
    timed("export ttl (streamed)", lambda: write_export(graph, onto, io.BytesIO(), "ttl"))
    if not args.skip_import:
        rdf = timed("export to rdflib graph", lambda: export_graph(graph, onto))
        timed("wipe", lambda: wipe(graph))
        timed("import (SHACL + write)", lambda: import_rdf(graph, onto, rdf))


if __name__ == "__main__":
    main()
