"""Measure `stkg backup` and `stkg restore` on the seed graph: time, size, where time goes.

    python -m bench.backup_restore [SEEDS_DIR] [--runs 3] [--with-samples]
    python -m bench.backup_restore --scale 100000 [--batch 5000] [--runs 3] [--rdf-runs 1]

Everything happens on a Neo4j of its own (a fresh store in a temporary directory, free
ports), never on a server someone uses: the ontology is synced, the two seed releases
(and with ``--with-samples`` the files in ``samples/``) are ingested — or, with
``--scale N``, the benchmark graph of ``python -m bench --scale N`` is written instead
(:mod:`bench.generate`: the roadmap skeleton, then N patents, one document per ``--batch``
patents, through the writer) — then each run

1. backs up with an offline dump (``backup(stop=True)``: fingerprint, stop, dump, start,
   fingerprint again), deletes every node, restores the dump (stop, load into staging,
   swap, start, fingerprint check);
2. restores the same dump into a second, brand-new state directory (a machine that lost
   its disk: the first start creates the system database);
3. backs up as RDF (N-Triples over Bolt, the server running), deletes the instance graph
   and restores it (in transactions of ``--restore-batch`` records, stkg's default unless
   given).

Each figure is the median over ``--runs`` (the RDF figures over ``--rdf-runs``, by default
as many); the steps reported by the backup and restore code are timed too, so the table
says how much of a dump backup is Neo4j stopping and starting. The RDF restore runs as
``stkg restore`` in a process of its own, whose peak RSS is reported. An RDF restore that
fails is reported as a row saying so, and ends the RDF runs. Each run's figures go to
stderr as it ends; the markdown table goes to stdout.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from bench.generate import Scale, document, patent_documents, patents, skeleton
from bench.private_neo4j import private_neo4j, private_settings
from stkg.config.settings import Settings
from stkg.graph.backup import RESTORE_BATCH, backup, restore
from stkg.graph.driver import Graph, new_driver
from stkg.graph.fingerprint import Fingerprint, fingerprint
from stkg.graph.schema import sync
from stkg.graph.wipe import wipe
from stkg.graph.writer import FactWriter
from stkg.ingest.files import expand_paths, ingest_paths
from stkg.ontology.model import Ontology, load_ontology

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
#: seconds any one query of the bench's own server may take (a 100k graph's fingerprint)
TIMEOUT = 3600.0


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


def write_scale_graph(graph: Graph, onto: Ontology, scale: int, batch: int) -> int:
    """Write the benchmark graph of ``python -m bench --scale`` (skeleton, then ``scale``
    patents, ``batch`` per document); the number of documents written."""
    writer = FactWriter(graph, onto)
    writer.write_document(document("skeleton", f"skeleton:{Scale(scale)}"), skeleton(Scale(scale)))
    written = 1
    docs = ((doc, facts) for doc, facts, _ in patent_documents(patents(Scale(scale)), batch))
    for summary in writer.write_documents(docs):
        if summary.skipped:
            raise RuntimeError(f"document {summary.document_id} was skipped")
        written += 1
    return written


def progress(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def measure(
    seeds: Path,
    runs: int,
    with_samples: bool,
    scale: int | None = None,
    batch: int = 5000,
    rdf_runs: int | None = None,
    restore_batch: int = RESTORE_BATCH,
) -> list[tuple[str, str]]:
    """The table's rows: what was loaded, then the median of each figure."""
    onto = load_ontology()
    figures: dict[str, list[float]] = defaultdict(list)
    rows: list[tuple[str, str]] = []
    failures: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        with private_neo4j(root / "state", neo4j_timeout=TIMEOUT) as server:
            settings = server.settings
            with new_driver(settings) as driver:
                graph = Graph(driver, settings.neo4j_database, TIMEOUT)
                sync(graph)
                began = time.perf_counter()
                if scale is not None:
                    progress(f"writing the benchmark graph at {scale:,} patents")
                    written = write_scale_graph(graph, onto, scale, batch)
                    rows.append(("documents written", f"{written:,} (skeleton + patents)"))
                else:
                    files = [seeds / f for f in SEED_FILES]
                    if with_samples:
                        files += expand_paths([REPO / "samples"])
                    report = ingest_paths(files, graph, onto)
                    rows.append(("documents ingested", f"{len(report.documents)}"))
                progress(f"loaded in {time.perf_counter() - began:.1f} s; fingerprinting")
                content = fingerprint(graph, onto)
            rows.append(
                ("graph", f"{content.nodes:,} nodes, {content.relationships:,} relationships")
            )
            progress(rows[-1][1])
            for run in range(runs):
                _dump_run(settings, root / f"run{run}", content, figures)
                progress(f"dump run {run + 1}: " + _latest(figures, "dump"))
            for run in range(runs if rdf_runs is None else rdf_runs):
                failed = _rdf_run(settings, root / f"rdf{run}", figures, restore_batch)
                progress(f"RDF run {run + 1}: " + (failed or _latest(figures, "RDF")))
                if failed:
                    failures.append(("RDF restore", f"fails: {failed}"))
                    break
    for name, values in figures.items():
        value = statistics.median(values)
        rows.append((name, f"{value:.3f}" if "MiB" in name else f"{value:.1f}"))
    return rows + failures


def _latest(figures: dict[str, list[float]], prefix: str) -> str:
    return "; ".join(f"{k} {v[-1]:.2f}" for k, v in figures.items() if k.startswith(prefix))


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
        wipe(Graph(driver, settings.neo4j_database, TIMEOUT))
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
    fresh = private_settings(folder / "fresh-state", neo4j_timeout=TIMEOUT)
    began = time.perf_counter()
    cold = restore(fresh, result.manifest_path, onto=onto)
    assert cold.content == content
    figures["dump restore into a new state directory, s (first start included)"].append(
        time.perf_counter() - began
    )
    shutil.rmtree(folder / "fresh-state", ignore_errors=True)


#: The instance graph (nodes labelled ``$label``) deleted before an RDF restore: its
#: relationships, then its nodes, ``$rows`` per transaction (auto-commit queries, as
#: ``IN TRANSACTIONS`` needs): a 100k-patent graph does not fit in one transaction's memory.
DELETE_INSTANCE_GRAPH = (
    "MATCH (a)-[r]->(b) WHERE $label IN labels(a) OR $label IN labels(b) "
    "CALL (r) { DELETE r } IN TRANSACTIONS OF $rows ROWS",
    "MATCH (n) WHERE $label IN labels(n) CALL (n) { DELETE n } IN TRANSACTIONS OF $rows ROWS",
)


def _rdf_run(
    settings: Settings, folder: Path, figures: dict[str, list[float]], batch: int
) -> str | None:
    """One RDF backup and restore; why the restore failed, or None."""
    onto = load_ontology()
    began = time.perf_counter()
    result = backup(settings, folder, rdf=True, onto=onto)
    figures["RDF backup, s (N-Triples over Bolt, server running)"].append(
        time.perf_counter() - began
    )
    figures["RDF backup size, MiB"].append(result.manifest.bytes / 2**20)
    with new_driver(settings) as driver, driver.session(database=settings.neo4j_database) as s:
        for statement in DELETE_INSTANCE_GRAPH:
            s.run(statement, label=onto.label("Entity"), rows=10_000).consume()
    began = time.perf_counter()
    # `stkg restore` in a process of its own, so its peak RSS is the restore's alone
    command = [sys.executable, "-m", "stkg.cli", "restore", str(result.manifest_path)]
    child = subprocess.Popen(
        [*command, "--batch", str(batch)],
        cwd=REPO,
        env=_child_env(settings),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert child.stdout is not None
    out = child.stdout.read()
    _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    took = time.perf_counter() - began
    if child.returncode != 0:  # the figure is that it fails, and why
        lines = [x for x in out.strip().splitlines() if x.strip()] or [""]
        return f"exit {child.returncode} after {took:.0f} s: {lines[-1][:300]}"
    flat = " ".join(out.split())
    written = re.search(r"written ([\d,]+) nodes, ([\d,]+) relationships in ([\d,]+) trans", flat)
    assert written, flat
    nodes, rels, transactions = (int(x.replace(",", "")) for x in written.groups())
    figures[f"RDF restore, s (instance graph deleted; transactions of {batch:,} records)"].append(
        took
    )
    exported = result.manifest.exported or {}
    assert (nodes, rels) == (exported.get("nodes"), exported.get("relationships")), (
        "the RDF restore must write back what the backup exported"
    )
    figures["RDF restore: transactions"].append(float(transactions))
    # Linux reports KiB
    figures["RDF restore: peak RSS of the `stkg restore` process, MiB"].append(
        usage.ru_maxrss / 1024
    )
    return None


def _child_env(settings: Settings) -> dict[str, str]:
    """The environment of a `stkg` command aimed at the bench's own server only."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "STKG_"))}
    env.update(
        NEO4J_URI=settings.neo4j_uri,
        STKG_HOME=str(settings.home),
        STKG_NEO4J_HTTP_PORT=str(settings.neo4j_http_port),
        STKG_NEO4J_TIMEOUT=str(TIMEOUT),
        COLUMNS="400",
    )
    if settings.password:
        env["NEO4J_PASSWORD"] = settings.password
    return env


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seeds", nargs="?", type=Path, default=REPO.parent / "shared" / "seeds")
    parser.add_argument("--runs", type=int, default=3, help="dump backup/restore runs")
    parser.add_argument("--with-samples", action="store_true", help="ingest samples/ too")
    parser.add_argument(
        "--scale", type=int, help="write the benchmark graph at this many patents instead"
    )
    parser.add_argument("--batch", type=int, default=5000, help="patents per document (--scale)")
    parser.add_argument("--rdf-runs", type=int, help="RDF backup/restore runs (default: --runs)")
    parser.add_argument(
        "--restore-batch",
        type=int,
        default=RESTORE_BATCH,
        help="records per transaction of the RDF restore",
    )
    args = parser.parse_args(argv)
    if args.scale is not None and (args.scale < 1 or args.with_samples):
        parser.error("--scale must be positive and excludes --with-samples")
    if args.runs < 0 or args.batch < 1 or args.restore_batch < 1 or (args.rdf_runs or 0) < 0:
        parser.error(
            "--batch and --restore-batch must be positive, --runs and --rdf-runs not negative"
        )
    rows = measure(
        args.seeds,
        args.runs,
        args.with_samples,
        args.scale,
        args.batch,
        args.rdf_runs,
        args.restore_batch,
    )
    print("| figure | value |\n| --- | --- |")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
