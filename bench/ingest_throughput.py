"""Ingest throughput and peak memory on generated press releases.

    NEO4J_URI=bolt://127.0.0.1:7698 python -m bench.ingest_throughput [--count 1000]
    python -m bench.ingest_throughput --dry-run --count 300 --jobs 1 2 1 2

Generates ``--count`` releases (bench.press_releases), then measures: raw Kiwi
tokenisation of the same text, extraction alone (``--dry-run`` path: readers, tables,
statements, NLP) once per ``--jobs`` value, in that order (``stkg ingest --jobs``: 1 is
this process alone, N > 1 is N worker processes), and the full ingest (with the first
``--jobs`` value) into the Neo4j at NEO4J_URI (which it wipes and syncs first unless
``--no-wipe`` — point it at a scratch server). Prints MB/s, documents/s, the statements
the full ingest ran per document (each transaction's, counted in the driver) and peak RSS, or
one JSON object with ``--json`` (what ``python -m bench`` reads when it runs this in a
process of its own).

Extraction is timed twice: end to end (with workers, their start-up included: each loads
the ontology and Kiwi) and over the second half of the documents only (from the moment
the first half has been handed back to the last document: every worker has started).
CPU time per document (second half) is counted apart for the workers and for this
process, so a busy machine's share of the cores does not hide what the pool costs. Peak
RSS is this process's own (``getrusage``) and each worker's high-water mark (``VmHWM``,
read from /proc every 0.2 s while the run lasts; Linux only).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psutil
from neo4j._sync.work.transaction import TransactionBase

from bench.press_releases import generate
from bench.query_latency import process_peak_rss_mib
from stkg.graph.driver import Graph
from stkg.graph.schema import sync
from stkg.graph.wipe import wipe as wipe_graph
from stkg.ingest.files import DocumentResult, ingest_paths
from stkg.ingest.nlp import get_kiwi
from stkg.ontology.model import load_ontology


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class _Peaks:
    """The peak RSS and CPU time of every process below this one (workers, and the helpers
    they are started through), sampled in a thread until stopped; :meth:`cpu_seconds` adds
    up the workers' CPU and this process's own at one moment."""

    def __init__(self) -> None:
        self.mib: dict[int, float] = {}
        self.cpu: dict[int, float] = {}
        self.roles: dict[int, str] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> _Peaks:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            self._sample()

    def _sample(self) -> None:
        try:
            below = psutil.Process().children(recursive=True)
        except psutil.Error:
            return
        for proc in below:
            hwm = process_peak_rss_mib(proc.pid)
            try:
                times = proc.cpu_times()
            except psutil.Error:
                continue
            with self._lock:
                if hwm is not None:
                    self.mib[proc.pid] = max(hwm, self.mib.get(proc.pid, 0.0))
                self.cpu[proc.pid] = times.user + times.system
                if proc.pid not in self.roles:
                    self.roles[proc.pid] = _role(proc)

    def workers(self) -> list[float]:
        return sorted(m for pid, m in self.mib.items() if self.roles[pid] == "worker")

    def cpu_seconds(self) -> tuple[float, float]:
        """(the workers' CPU seconds so far, this process's), sampled now."""
        self._sample()
        own = resource.getrusage(resource.RUSAGE_SELF)
        with self._lock:
            workers = sum(c for pid, c in self.cpu.items() if self.roles[pid] == "worker")
        return workers, own.ru_utime + own.ru_stime


def _role(proc: psutil.Process) -> str:
    """ "helper" for multiprocessing's own processes started from here (the forkserver, the
    resource tracker); "worker" for the rest (forked by the forkserver, or spawned)."""
    try:
        mine = proc.ppid() == os.getpid()
        helper = any("forkserver" in p or "resource_tracker" in p for p in proc.cmdline())
    except psutil.Error:
        return "helper"
    return "helper" if mine and helper else "worker"


@contextmanager
def _counting_statements() -> Iterator[list[int]]:
    """The number of statements every transaction runs in the block (``[n]``, read after
    it): the driver's ``run`` counted, for the duration, in this process."""
    count = [0]
    run = TransactionBase.run

    def counted(self: TransactionBase, *args: Any, **kwargs: Any) -> Any:
        count[0] += 1
        return run(self, *args, **kwargs)

    TransactionBase.run = counted  # type: ignore[method-assign]
    try:
        yield count
    finally:
        TransactionBase.run = run  # type: ignore[method-assign]


def _extraction(paths: list[Path], onto: Any, jobs: int, megabytes: float) -> dict[str, Any]:
    """One dry run over ``paths`` with ``jobs`` processes."""
    stamps: list[float] = []
    half = len(paths) // 2
    cpu: list[tuple[float, float]] = []  # at the end of the first half, at the last document

    def stamp(_: DocumentResult) -> None:
        stamps.append(time.perf_counter())
        if len(stamps) in (half, len(paths)):
            cpu.append(peaks.cpu_seconds())

    with _Peaks() as peaks:
        began = time.perf_counter()
        report = ingest_paths(paths, None, onto, dry_run=True, jobs=jobs, on_document=stamp)
        seconds = time.perf_counter() - began
    if report.failed:
        raise RuntimeError(f"extraction failed: {report.failed[:3]}")
    steady = stamps[-1] - stamps[half - 1] if half else 0.0
    (workers_half, own_half), (workers_end, own_end) = cpu
    second = len(paths) - half
    return {
        "jobs": jobs,
        "seconds": seconds,
        "documents_per_second": len(paths) / seconds,
        "megabytes_per_second": megabytes / seconds,
        "first_document_seconds": stamps[0] - began,
        # the second half of the documents only: every worker has started by then
        "steady_documents_per_second": (len(stamps) - half) / steady if steady else None,
        # CPU per document over the second half, in the workers and in this process
        "worker_cpu_ms_per_document": (workers_end - workers_half) / second * 1000,
        "own_cpu_ms_per_document": (own_end - own_half) / second * 1000,
        "worker_peak_rss_mib": peaks.workers(),
        "load_average": os.getloadavg(),
    }


def measure(
    count: int, graph: Graph | None, *, wipe: bool = True, jobs: Sequence[int] = (1,)
) -> dict[str, Any]:
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
        runs = [_extraction(paths, onto, n, mb) for n in jobs]
        out["extraction"] = runs
        out["extraction_seconds"] = runs[0]["seconds"]

        if graph is not None:
            if wipe:
                wipe_graph(graph)
                sync(graph)  # constraints and indexes, as `stkg up` has them
            with _counting_statements() as statements:
                began = time.perf_counter()
                report = ingest_paths(paths, graph, onto, jobs=jobs[0])
                out["ingest_seconds"] = time.perf_counter() - began
            out["ingest_jobs"] = jobs[0]
            out["statements_per_document"] = statements[0] / count
            out["ingest_load_average"] = os.getloadavg()
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
    first = figures["extraction"][0]["jobs"]
    print(f"extraction only (--jobs {first})\t{mb / extract:.3f} MB/s\t{n / extract:.1f} docs/s")
    print(f"extraction / raw Kiwi (--jobs {first})\t{kiwi / extract:.2f}")
    for run in figures["extraction"]:
        _print_run(run)
    if "ingest_seconds" in figures:
        full = figures["ingest_seconds"]
        print(f"full ingest (--jobs {first})\t{mb / full:.3f} MB/s\t{n / full:.1f} docs/s")
        print(f"full ingest / extraction\t{extract / full:.2f}")
        print(
            f"statements per document\t{figures['statements_per_document']:.1f}\t"
            f"load average {', '.join(f'{x:.1f}' for x in figures['ingest_load_average'])}"
        )
        print(
            f"written\t{figures['nodes_written']} nodes\t"
            f"{figures['relationships_written']} relationships"
        )
    print(f"peak RSS\t{figures['peak_rss_mib']:.0f} MiB (this process)")


def _print_run(run: dict[str, Any]) -> None:
    steady = run["steady_documents_per_second"]
    workers = ", ".join(f"{m:.0f}" for m in run["worker_peak_rss_mib"]) or "none"
    load = ", ".join(f"{x:.1f}" for x in run["load_average"])
    print(
        f"extraction --jobs {run['jobs']}\t{run['megabytes_per_second']:.3f} MB/s\t"
        f"{run['documents_per_second']:.1f} docs/s\tsecond half "
        f"{steady or float('nan'):.1f} docs/s\tfirst document at "
        f"{run['first_document_seconds']:.1f} s\tCPU per document: workers "
        f"{run['worker_cpu_ms_per_document']:.1f} ms, this process "
        f"{run['own_cpu_ms_per_document']:.1f} ms\tworker peak RSS {workers} MiB\t"
        f"load average {load}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument(
        "--no-wipe", action="store_true", help="write into the graph as it is (no wipe, no sync)"
    )
    parser.add_argument("--dry-run", action="store_true", help="extraction only, no Neo4j")
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    parser.add_argument(
        "--jobs",
        type=int,
        nargs="+",
        default=[1],
        help="extraction processes, one run per value in this order (e.g. 1 2 1 2); the "
        "full ingest uses the first",
    )
    args = parser.parse_args()
    graph = None if args.dry_run else Graph.from_settings()
    figures = measure(args.count, graph, wipe=not args.no_wipe, jobs=args.jobs)
    if args.json:
        print(json.dumps(figures))
    else:
        _print(figures)


if __name__ == "__main__":
    main()
