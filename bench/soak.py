"""Soak: ingest, API reads and analyst queries together for minutes, with a Neo4j restart.

    python -m bench.soak --minutes 10 [--readers 4] [--analysts 2] [--json report.json]

Everything runs against a Neo4j of its own (a fresh store in a temporary directory, free
ports; never a server someone uses), with the ontology synced and the sample corpus
ingested first. Then, for ``--minutes``:

- an **ingest process** (``python -m bench.soak --ingest-worker``, the way ``stkg ingest``
  runs: one process, the NLP models loaded once) ingests generated Korean press releases
  (``bench.press_releases``), one document after another;
- ``--readers`` threads loop GET requests against the **API** (``stkg serve``'s app in a
  uvicorn process of its own): a named query, the search, an entity, the health check;
- ``--analysts`` threads loop read-only ``POST /cypher`` queries;
- half-way through, the local Neo4j is **stopped and started again** (the clients keep
  going; the ingest process retries the document it was on).

The report (markdown on stdout, JSON with ``--json``) gives the requests and documents
done, the errors by kind (an HTTP status or an exception class, per operation), the p50
and p99 latency of each operation per ``--bucket`` seconds (a minute by default), the
restart (how long Neo4j was away), and the RSS of the API and ingest processes at the
start (after their first answer and first document) and at the end.

The stated bound: neither process grows by more than ``--rss-growth-mib`` MiB (256)
between start and end; the command exits 1 when one does. Figures in BENCHMARKS.md
come from this command.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import psutil

from bench.private_neo4j import private_neo4j
from stkg.config.settings import Settings
from stkg.graph.driver import Graph, new_driver
from stkg.graph.local.server import LocalNeo4j
from stkg.graph.schema import sync
from stkg.ingest.files import expand_paths, ingest_paths
from stkg.ontology.model import load_ontology

REPO = Path(__file__).resolve().parents[1]
MiB = 1024 * 1024

#: The API reads the readers loop over (operation name → path).
READS = {
    "GET /queries/editions": "/queries/editions",
    "GET /search": "/search?q=" + quote("벤처"),
    "GET /entities/{id}": "/entities/" + quote("organization:중소벤처기업부"),
    "GET /health": "/health",
}
#: The analysts' queries: plain reads that use no names (labels, types) at all.
ANALYST_QUERIES = (
    "MATCH (n) RETURN count(n) AS nodes",
    "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY n DESC LIMIT 10",
    "MATCH (n) WITH n LIMIT 200 MATCH (n)--(m) RETURN count(DISTINCT m) AS neighbours",
)


@dataclass
class Recorder:
    """Latencies and outcomes of every operation, bucketed by time since the start."""

    started: float
    bucket: float
    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: dict[tuple[str, int], list[float]] = field(default_factory=lambda: defaultdict(list))
    done: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    errors_when: Counter[tuple[str, int]] = field(default_factory=Counter)

    def record(self, operation: str, began: float, seconds: float, error: str | None) -> None:
        index = int((began - self.started) // self.bucket)
        with self.lock:
            self.done[operation] += 1
            if error is None:
                self.latencies[(operation, index)].append(seconds)
            else:
                self.errors[f"{operation}: {error}"] += 1
                self.errors_when[(f"{operation}: {error}", index)] += 1


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


# --- the clients ----------------------------------------------------------------------------


def _reader(base: str, recorder: Recorder, stop: threading.Event, seed: int) -> None:
    rng = random.Random(seed)
    with httpx.Client(base_url=base, timeout=30) as client:
        while not stop.is_set():
            operation = rng.choice(sorted(READS))
            _call(recorder, operation, client.get, READS[operation])


def _analyst(base: str, recorder: Recorder, stop: threading.Event, seed: int) -> None:
    rng = random.Random(seed)
    with httpx.Client(base_url=base, timeout=30) as client:
        while not stop.is_set():
            query = rng.choice(ANALYST_QUERIES)
            answer = _call(recorder, "POST /cypher", client.post, "/cypher", json={"query": query})
            if answer is not None and answer.status_code in (429, 503):
                stop.wait(float(answer.headers.get("Retry-After", "1")))


def _call(
    recorder: Recorder, operation: str, send: Any, *args: Any, **kwargs: Any
) -> httpx.Response | None:
    began = time.monotonic()
    try:
        answer = send(*args, **kwargs)
    except httpx.HTTPError as exc:
        recorder.record(operation, began, time.monotonic() - began, type(exc).__name__)
        time.sleep(0.2)
        return None
    seconds = time.monotonic() - began
    error = None if answer.status_code < 400 else str(answer.status_code)
    recorder.record(operation, began, seconds, error)
    return answer


# --- the ingest process ---------------------------------------------------------------------


def ingest_worker(folder: Path, seconds: float, seed: int) -> None:
    """Ingest generated releases until ``seconds`` have passed; one JSON line per attempt."""
    from bench.press_releases import release

    settings = Settings()
    onto = load_ontology()
    rng = random.Random(seed)
    deadline = time.monotonic() + seconds
    index = 0
    text = release(rng, index)
    with new_driver(settings) as driver:
        graph = Graph(driver, settings.neo4j_database)
        while time.monotonic() < deadline:
            path = folder / f"soak_{index:06d}.txt"
            path.write_text(text, encoding="utf-8")
            began = time.monotonic()
            event: dict[str, Any] = {"t": time.time(), "document": index}
            try:
                report = ingest_paths([path], graph, onto)
                (result,) = report.documents
                event["status"] = result.status
                if result.status == "failed":
                    event["error"] = "refused: " + (result.error or "")[:80]
            except Exception as exc:  # the outage: counted by kind, then the same document again
                event["error"] = type(exc).__name__
            event["seconds"] = time.monotonic() - began
            print(json.dumps(event), flush=True)
            if "error" in event:
                time.sleep(1.0)
                continue
            path.unlink()
            index += 1
            text = release(rng, index)


# --- the run --------------------------------------------------------------------------------


def rss(pid: int) -> int | None:
    try:
        return int(psutil.Process(pid).memory_info().rss)
    except psutil.Error:
        return None


def _wait_first_document(events: Path, worker: subprocess.Popen[bytes], limit: float) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if events.exists() and events.read_text().strip():
            return
        if worker.poll() is not None:
            raise RuntimeError("the ingest process ended before its first document")
        time.sleep(0.5)
    raise RuntimeError("the ingest process wrote no document in time")


def run(args: argparse.Namespace) -> dict[str, Any]:
    seconds = args.minutes * 60
    with tempfile.TemporaryDirectory(prefix="stkg-soak-") as tmp, ExitStack() as stack:
        root = Path(tmp)
        if args.reuse_local:
            # the caller's local server (NEO4J_URI, STKG_HOME, ...), which it lets us
            # write into and restart; it is left running
            settings = Settings()
            server = LocalNeo4j(settings)
            if not server.status().running:
                raise SystemExit(f"--reuse-local: no local Neo4j of {settings.home} runs")
        else:
            server = stack.enter_context(private_neo4j(root / "state"))
            settings = server.settings
        with new_driver(settings) as driver:
            graph = Graph(driver, settings.neo4j_database)
            sync(graph)
            ingest_paths(expand_paths([REPO / "samples"]), graph, load_ontology())
        return _soak(args, settings, server, root, seconds)


def _soak(
    args: argparse.Namespace, settings: Settings, server: LocalNeo4j, root: Path, seconds: float
) -> dict[str, Any]:
    from bench.query_latency import ApiServer

    env = {**os.environ, "NEO4J_URI": settings.neo4j_uri, "STKG_HOME": str(settings.home)}
    if settings.password:
        env["NEO4J_PASSWORD"] = settings.password
    else:
        env.pop("NEO4J_PASSWORD", None)
    events = root / "ingest-events.jsonl"
    docs = root / "documents"
    docs.mkdir()
    log = (root / "api.log").open("wb")
    with ApiServer(settings, stderr=log) as api, events.open("wb") as sink:
        worker = subprocess.Popen(
            [sys.executable, "-m", "bench.soak", "--ingest-worker", str(docs),
             "--minutes", str(args.minutes + 5), "--seed", str(args.seed)],
            cwd=REPO, env=env, stdout=sink, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        api_pid = api.process.pid if api.process else -1
        try:
            _wait_first_document(events, worker, 300)
            httpx.get(f"{api.url}/queries/editions", timeout=30)
            rss_start = {"api": rss(api_pid), "ingest": rss(worker.pid)}
            started = time.monotonic()
            first_event = time.time()
            recorder = Recorder(started, args.bucket)
            stop = threading.Event()
            threads = [
                threading.Thread(target=_reader, args=(api.url, recorder, stop, i), daemon=True)
                for i in range(args.readers)
            ] + [
                threading.Thread(target=_analyst, args=(api.url, recorder, stop, 100 + i))
                for i in range(args.analysts)
            ]
            for thread in threads:
                thread.start()
            restart = _restart_midway(server, started, seconds)
            remaining = started + seconds - time.monotonic()
            if remaining > 0:
                time.sleep(remaining)
            rss_end = {"api": rss(api_pid), "ingest": rss(worker.pid)}
            stop.set()
            for thread in threads:
                thread.join(timeout=60)
            elapsed = time.monotonic() - started
        finally:
            worker.send_signal(signal.SIGTERM)
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()
    log.close()
    ingested = [json.loads(line) for line in events.read_text().splitlines() if line.strip()]
    ingested = [e for e in ingested if e["t"] >= first_event and e["t"] <= first_event + elapsed]
    for event in ingested:
        began = started + (event["t"] - first_event)
        recorder.record("ingest (one document)", began, event["seconds"], event.get("error"))
    return _report(args, recorder, elapsed, restart, rss_start, rss_end)


def _restart_midway(server: LocalNeo4j, started: float, seconds: float) -> dict[str, float]:
    time.sleep(max(0.0, started + seconds / 2 - time.monotonic()))
    stopping = time.monotonic()
    server.stop()
    stopped = time.monotonic()
    server.start(quiet=True)
    answered = time.monotonic()
    return {
        "at_seconds": round(stopping - started, 1),
        "stop_seconds": round(stopped - stopping, 1),
        "start_seconds": round(answered - stopped, 1),
    }


def _report(
    args: argparse.Namespace,
    recorder: Recorder,
    elapsed: float,
    restart: dict[str, float],
    rss_start: dict[str, int | None],
    rss_end: dict[str, int | None],
) -> dict[str, Any]:
    buckets: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for (operation, index), values in sorted(recorder.latencies.items()):
        buckets[operation].append(
            {
                "from_seconds": round(index * args.bucket),
                "ok": len(values),
                "p50_ms": round(1000 * statistics.median(values), 1),
                "p99_ms": round(1000 * percentile(values, 99), 1),
            }
        )
    growth = {
        name: None if rss_start[name] is None or rss_end[name] is None
        else (rss_end[name] - rss_start[name]) / MiB  # type: ignore[operator]
        for name in rss_start
    }  # fmt: skip
    within = all(g is not None and g <= args.rss_growth_mib for g in growth.values())
    return {
        "seconds": round(elapsed, 1),
        "readers": args.readers,
        "analysts": args.analysts,
        "bucket_seconds": args.bucket,
        "done": dict(sorted(recorder.done.items())),
        "errors": dict(sorted(recorder.errors.items())),
        "errors_per_bucket": {
            kind: {
                str(round(index * args.bucket)): n
                for (k, index), n in sorted(recorder.errors_when.items())
                if k == kind
            }
            for kind in sorted(recorder.errors)
        },
        "latency": dict(buckets),
        "restart": restart,
        "rss_mib": {
            name: {
                "start": None if rss_start[name] is None else round(rss_start[name] / MiB),  # type: ignore[operator]
                "end": None if rss_end[name] is None else round(rss_end[name] / MiB),  # type: ignore[operator]
            }
            for name in rss_start
        },
        "rss_growth_bound_mib": args.rss_growth_mib,
        "rss_within_bound": within,
    }


def markdown(report: dict[str, Any]) -> str:
    lines = [
        f"Soak of {report['seconds']:.0f} s: {report['readers']} API readers, "
        f"{report['analysts']} analysts, one ingest process; Neo4j stopped at "
        f"{report['restart']['at_seconds']:.0f} s (stop {report['restart']['stop_seconds']:.1f} s, "
        f"start {report['restart']['start_seconds']:.1f} s).",
        "",
        "| operation | done | errors |",
        "|---|---:|---|",
    ]
    for operation, count in report["done"].items():
        errors = ", ".join(
            f"{kind.split(': ', 1)[1]} ×{n}"
            for kind, n in report["errors"].items()
            if kind.startswith(operation + ": ")
        )
        lines.append(f"| {operation} | {count:,} | {errors or 'none'} |")
    when = [
        f"{kind} at " + ", ".join(f"{start} s ×{n}" for start, n in buckets.items())
        for kind, buckets in report["errors_per_bucket"].items()
    ]
    if when:
        lines += ["", "Errors by time (the bucket they fell in): " + "; ".join(when) + "."]
    lines += ["", f"p99 in ms per {report['bucket_seconds']:.0f} s (from the start):", ""]
    operations = sorted(report["latency"])
    starts = sorted({b["from_seconds"] for op in operations for b in report["latency"][op]})
    lines.append("| from s | " + " | ".join(operations) + " |")
    lines.append("|---:|" + "---:|" * len(operations))
    for start in starts:
        cells = []
        for op in operations:
            found = [b for b in report["latency"][op] if b["from_seconds"] == start]
            cells.append(f"{found[0]['p99_ms']:,.1f}" if found else "–")
        lines.append(f"| {start} | " + " | ".join(cells) + " |")
    lines += ["", "| process | RSS at start MiB | RSS at end MiB |", "|---|---:|---:|"]
    for name, values in report["rss_mib"].items():
        lines.append(f"| {name} | {values['start']} | {values['end']} |")
    verdict = "within" if report["rss_within_bound"] else "OVER"
    lines += ["", f"RSS growth {verdict} the bound of {report['rss_growth_bound_mib']} MiB."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.soak",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--minutes", type=float, default=10.0, help="how long the soak runs")
    parser.add_argument("--readers", type=int, default=4, help="API reader threads")
    parser.add_argument("--analysts", type=int, default=2, help="POST /cypher threads")
    parser.add_argument("--bucket", type=float, default=60.0, help="seconds per latency bucket")
    parser.add_argument("--rss-growth-mib", type=int, default=256, help="the stated bound")
    parser.add_argument("--seed", type=int, default=7, help="seed of the generated documents")
    parser.add_argument("--json", type=Path, help="also write the report as JSON here")
    parser.add_argument(
        "--reuse-local",
        action="store_true",
        help="use the running local Neo4j of STKG_HOME (NEO4J_URI, NEO4J_PASSWORD) instead of "
        "starting one; the soak writes into it and restarts it",
    )
    parser.add_argument("--ingest-worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.ingest_worker is not None:
        ingest_worker(args.ingest_worker, args.minutes * 60, args.seed)
        return 0
    report = run(args)
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2))
    print(markdown(report))
    return 0 if report["rss_within_bound"] else 1


if __name__ == "__main__":
    sys.exit(main())
