"""App latency while analysts run heavy ``POST /cypher`` queries, with and without the pool.

    NEO4J_URI=bolt://127.0.0.1:7687 python -m bench.analyst_isolation [--heavy 6] [-n 300]

Reads only (it writes nothing into the database at NEO4J_URI). For each configuration it
starts the API as ``stkg serve`` runs it (``bench.query_latency.ApiServer``: uvicorn, one
worker, a process of its own) and times ``-n`` sequential app requests (``GET
/queries/editions``, a named query, over one keep-alive connection):

- **unloaded**: nothing else runs;
- **loaded**: ``--heavy`` analyst clients loop heavy queries meanwhile, alternating a
  query that needs more memory than a transaction may use (answered 422) and a CPU-bound
  10^10-row scan cancelled after ``--scan-timeout`` seconds (408). A client told 429 waits
  the ``Retry-After`` it was given, as a well-behaved client does.

The loaded run is made twice: with the analyst pool at its default (2 slots) and with as
many slots as heavy clients (no effective bound). The table gives p50/p95/p99 of the app
requests and what the analysts were answered.
"""

from __future__ import annotations

import argparse
import http.client
import os
import platform
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date

import httpx
import psutil

from bench.query_latency import ApiServer, Latency, percentile
from stkg.config.settings import Settings

APP_PATH = "/queries/editions"
HUNGRY = "UNWIND range(1, 100000000) AS i WITH collect(i) AS c RETURN size(c) AS n"
SCAN = (
    "UNWIND range(1, 100000) AS i UNWIND range(1, 100000) AS j "
    "WITH i, j WHERE (i * j) % 7 = 99 RETURN count(*) AS n"
)


@dataclass(frozen=True)
class Outcome:
    label: str
    app: Latency
    app_answers: Counter[int]
    analysts: Counter[int]


def app_latency(base_url: str, n: int) -> tuple[Latency, Counter[int]]:
    """``n`` sequential app requests over one keep-alive connection, after 20 to warm up;
    their latency and their statuses (an answer other than 200 is timed too)."""
    host, port = base_url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=120)
    samples: list[float] = []
    statuses: Counter[int] = Counter()
    try:
        for i in range(n + 20):
            began = time.perf_counter()
            connection.request("GET", APP_PATH)
            response = connection.getresponse()
            response.read()
            if i >= 20:
                samples.append((time.perf_counter() - began) * 1000)
                statuses[response.status] += 1
    finally:
        connection.close()
    samples.sort()
    latency = Latency(
        len(samples), percentile(samples, 50), percentile(samples, 95), percentile(samples, 99)
    )
    return latency, statuses


def _analyst(base_url: str, stop: threading.Event, answers: Counter[int], timeout: float) -> None:
    with httpx.Client(base_url=base_url, timeout=120) as client:
        queries = [{"query": HUNGRY, "timeout": 60}, {"query": SCAN, "timeout": timeout}]
        i = 0
        while not stop.is_set():
            response = client.post("/cypher", json=queries[i % 2])
            answers[response.status_code] += 1
            i += 1
            if response.status_code == 429:
                stop.wait(float(response.headers.get("Retry-After", "1")))


def measure(settings: Settings, label: str, slots: int, heavy: int, n: int, scan: float) -> Outcome:
    os.environ["STKG_API_CYPHER_CONCURRENCY"] = str(slots)
    answers: Counter[int] = Counter()
    with tempfile.TemporaryFile() as log, ApiServer(settings, stderr=log) as api:
        if heavy == 0:
            return Outcome(label, *app_latency(api.url, n), answers)
        stop = threading.Event()
        workers = [
            threading.Thread(target=_analyst, args=(api.url, stop, answers, scan))
            for _ in range(heavy)
        ]
        for worker in workers:
            worker.start()
        # steady state first: every analyst client has had an answer, and asks again
        deadline = time.monotonic() + 120
        while sum(answers.values()) < heavy and time.monotonic() < deadline:
            time.sleep(0.1)
        try:
            latency, statuses = app_latency(api.url, n)
        finally:
            stop.set()
            for worker in workers:
                worker.join()
    return Outcome(label, latency, statuses, answers)


def render(outcomes: list[Outcome], command: str, heavy: int) -> str:
    cores = psutil.cpu_count(logical=True)
    ram = round(psutil.virtual_memory().total / 2**30)
    lines = [
        f"`{command}`",
        "",
        f"{cores} cores, {ram} GiB RAM, Python {platform.python_version()}; "
        f"date {date.today().isoformat()}. App request: `GET {APP_PATH}`; "
        f"{heavy} analyst clients in the loaded runs.",
        "",
        "| run | app p50 ms | app p95 ms | app p99 ms | app answers | analyst answers |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for o in outcomes:
        app = _statuses(o.app_answers)
        lines.append(
            f"| {o.label} | {o.app.p50:,.1f} | {o.app.p95:,.1f} | {o.app.p99:,.1f} | {app} "
            f"| {_statuses(o.analysts)} |"
        )
    return "\n".join(lines)


def _statuses(counts: Counter[int]) -> str:
    return ", ".join(f"{status}: {n}" for status, n in sorted(counts.items())) or "—"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.analyst_isolation", description=__doc__)
    parser.add_argument("--heavy", type=int, default=6, help="heavy analyst clients")
    parser.add_argument("-n", type=int, default=300, help="app requests timed per run")
    parser.add_argument(
        "--scan-timeout", type=float, default=3.0, help="seconds each CPU-bound scan may run"
    )
    args = parser.parse_args(argv)
    settings = Settings()
    default_slots = Settings.model_fields["api_cypher_concurrency"].default
    runs = [
        ("unloaded", default_slots, 0),
        (
            f"{args.heavy} heavy analysts, pool of {default_slots} (default)",
            default_slots,
            args.heavy,
        ),
        (f"{args.heavy} heavy analysts, pool of {args.heavy} (no bound)", args.heavy, args.heavy),
    ]
    outcomes = [
        measure(settings, label, slots, heavy, args.n, args.scan_timeout)
        for label, slots, heavy in runs
    ]
    command = "python -m bench.analyst_isolation " + " ".join(
        [f"--heavy {args.heavy}", f"-n {args.n}", f"--scan-timeout {args.scan_timeout:g}"]
    )
    print(render(outcomes, command, args.heavy))


if __name__ == "__main__":
    main()
