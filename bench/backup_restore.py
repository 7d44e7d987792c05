"""Measure `stkg backup` and `stkg restore` on the seed graph: time, size, where time goes.

    python -m bench.backup_restore [SEEDS_DIR] [--runs 3] [--with-samples]

Everything happens on a Neo4j of its own (a fresh store in a temporary directory, free
ports), never on a server someone uses: the ontology is synced, the two seed releases
(and with ``--with-samples`` the files in ``samples/``) are ingested, then each run

1. backs up with an offline dump (``backup(stop=True)``: fingerprint, stop, dump, start,
   fingerprint again), deletes every node, restores the dump (stop, load into staging,
   swap, start, fingerprint check);
2. restores the same dump into a second, brand-new state directory (a machine that lost
   its disk: the first start creates the system database);
3. backs up as RDF (N-Triples over Bolt, the server running), deletes the instance graph
   and restores it (one transaction).

Each figure is the median over ``--runs``; the steps reported by the backup and restore
code are timed too, so the table says how much of a dump backup is Neo4j stopping and
starting. Prints a markdown table.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from bench.private_neo4j import private_neo4j, private_settings
from stkg.config.settings import Settings
from stkg.graph.backup import backup, restore
from stkg.graph.driver import Graph, new_driver
from stkg.graph.fingerprint import Fingerprint, fingerprint
from stkg.graph.schema import sync
from stkg.ingest.files import expand_paths, ingest_paths
from stkg.ontology.model import load_ontology

REPO = Path(__file__).resolve().parents[1]
SEED_FILES = ("000_f874dc3d0926f1b7.txt", "004_2e30ccd89939a41a.txt")
#: step titles (their first words) → the part of the work they are
PARTS = {
    "Stopping": "stop",
    "Starting": "start",
    "Waiting": "start",
    "Dumping": "dump / load",
    "Loading": "dump / load",
    "Reading the graph": "fingerprint",
    "Reading the counts": "fingerprint",
    "Checking that nothing": "fingerprint",
    "Checking the restored": "fingerprint",
    "Exporting": "export / import",
    "Writing": "export / import",
    "Reading stkg": "export / import",
}


class StepTimer:
    """A :class:`~stkg.graph.local.steps.Steps` that times each step by its part."""

    def __init__(self) -> None:
        self.parts: dict[str, float] = defaultdict(float)
        self._title: str | None = None
        self._began = 0.0

    def step(self, title: str) -> None:
        self.end()
        self._title, self._began = title, time.perf_counter()

    def detail(self, text: str) -> None:
        pass

    def end(self) -> None:
        if self._title is not None:
            part = next((p for k, p in PARTS.items() if self._title.startswith(k)), "other")
            self.parts[part] += time.perf_counter() - self._began
            self._title = None


def measure(seeds: Path, runs: int, with_samples: bool) -> list[tuple[str, str]]:
    onto = load_ontology()
    figures: dict[str, list[float]] = defaultdict(list)
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        with private_neo4j(root / "state") as server:
            settings = server.settings
            with new_driver(settings) as driver:
                graph = Graph(driver, settings.neo4j_database)
                sync(graph)
                files = [seeds / f for f in SEED_FILES]
                if with_samples:
                    files += expand_paths([REPO / "samples"])
                report = ingest_paths(files, graph, onto)
                content = fingerprint(graph, onto)
            rows.append(("documents ingested", f"{len(report.documents)}"))
            rows.append(
                ("graph", f"{content.nodes:,} nodes, {content.relationships:,} relationships")
            )
            for run in range(runs):
                _dump_run(settings, root / f"run{run}", content, figures)
            for run in range(runs):
                _rdf_run(settings, root / f"rdf{run}", figures)
    for name, values in figures.items():
        value = statistics.median(values)
        rows.append((name, f"{value:.3f}" if "MiB" in name else f"{value:.1f}"))
    return rows


def _dump_run(
    settings: Settings, folder: Path, content: Fingerprint, figures: dict[str, list[float]]
) -> None:
    onto = load_ontology()
    steps = StepTimer()
    began = time.perf_counter()
    result = backup(settings, folder, stop=True, steps=steps, onto=onto)
    steps.end()
    figures["dump backup, s (server running: stopped and started again)"].append(
        time.perf_counter() - began
    )
    for part in ("stop", "dump / load", "start", "fingerprint"):
        figures[f"dump backup: {part}, s"].append(steps.parts[part])
    figures["dump size, MiB"].append(result.manifest.bytes / 2**20)
    with new_driver(settings) as driver:
        Graph(driver, settings.neo4j_database).write("MATCH (n) DETACH DELETE n")
    steps = StepTimer()
    began = time.perf_counter()
    done = restore(settings, result.manifest_path, stop=True, steps=steps, onto=onto)
    steps.end()
    assert done.content == content, "the restored graph must fingerprint as the original"
    figures["dump restore, s (emptied database; stop, load, start, check)"].append(
        time.perf_counter() - began
    )
    for part in ("stop", "dump / load", "start", "fingerprint"):
        figures[f"dump restore: {part}, s"].append(steps.parts[part])
    fresh = private_settings(folder / "fresh-state")
    began = time.perf_counter()
    cold = restore(fresh, result.manifest_path, onto=onto)
    assert cold.content == content
    figures["dump restore into a new state directory, s (first start included)"].append(
        time.perf_counter() - began
    )
    shutil.rmtree(folder / "fresh-state", ignore_errors=True)


def _rdf_run(settings: Settings, folder: Path, figures: dict[str, list[float]]) -> None:
    onto = load_ontology()
    began = time.perf_counter()
    result = backup(settings, folder, rdf=True, onto=onto)
    figures["RDF backup, s (N-Triples over Bolt, server running)"].append(
        time.perf_counter() - began
    )
    figures["RDF backup size, MiB"].append(result.manifest.bytes / 2**20)
    entity = onto.label("Entity")
    with new_driver(settings) as driver:
        graph = Graph(driver, settings.neo4j_database)
        graph.write("MATCH (n) WHERE $label IN labels(n) DETACH DELETE n", label=entity)
    began = time.perf_counter()
    restore(settings, result.manifest_path, onto=onto)
    figures["RDF restore, s (instance graph deleted; one transaction)"].append(
        time.perf_counter() - began
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seeds", nargs="?", type=Path, default=REPO.parent / "shared" / "seeds")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--with-samples", action="store_true", help="ingest samples/ too")
    args = parser.parse_args()
    rows = measure(args.seeds, args.runs, args.with_samples)
    print("| figure | value |\n| --- | --- |")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
