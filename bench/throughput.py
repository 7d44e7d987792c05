"""Requests per second at N connections: wrk against the API next to a bare-driver loop.

The API side is ``wrk`` (a C load generator, Debian package ``wrk``) on loopback against
the API process; the bare side is N threads of this process, each running the same route's
Cypher through one synchronous driver (pool of N connections) in a loop for the same
time. Both hit the same Neo4j, one after the other, never at once.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Throughput", "bare_loop", "wrk"]


class WrkMissing(RuntimeError):
    """wrk is not installed."""


@dataclass(frozen=True)
class Throughput:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int


def wrk(url: str, connections: int, seconds: int, headers: tuple[str, ...] = ()) -> Throughput:
    """``wrk -t2 -cN -dS --latency [-H header]… url``, parsed (a 304 is no error)."""
    if shutil.which("wrk") is None:
        raise WrkMissing("wrk is not installed (Debian: apt-get install wrk)")
    options = [item for header in headers for item in ("-H", header)]
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", *options, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if rps is None:
        raise RuntimeError(f"wrk printed no Requests/sec:\n{out}")
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    failed = int(non2xx.group(1)) if non2xx else 0
    if errors:
        failed += sum(int(g) for g in errors.groups())
    return Throughput(
        float(rps.group(1)),
        _ms(re.search(r"50%\s+([\d.]+)(us|ms|s)\b", out)),
        _ms(re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)),
        failed,
    )


def _ms(match: re.Match[str] | None) -> float:
    if match is None:
        return float("nan")
    value, unit = float(match.group(1)), match.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


def bare_loop(call: Callable[[], None], connections: int, seconds: float) -> Throughput:
    """``connections`` threads calling ``call`` until the time is up."""
    deadline = time.perf_counter() + seconds
    samples: list[list[float]] = [[] for _ in range(connections)]
    failures: list[BaseException] = []

    def worker(mine: list[float]) -> None:
        try:
            while time.perf_counter() < deadline:
                began = time.perf_counter()
                call()
                mine.append((time.perf_counter() - began) * 1000)
        except BaseException as exc:  # reported after the run, not lost in a thread
            failures.append(exc)

    threads = [threading.Thread(target=worker, args=(s,)) for s in samples]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began
    if failures:
        raise RuntimeError(f"the bare loop failed: {failures[0]!r}") from failures[0]
    latencies = sorted(ms for s in samples for ms in s)
    if not latencies:
        raise RuntimeError("the bare loop completed no request")
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    return Throughput(len(latencies) / elapsed, latencies[len(latencies) // 2], p99, 0)
