"""Latency of the three main lineage questions: bare Python driver vs the API.

The bare side runs the very Cypher the API routes run (imported from the routes, so the
two cannot drift apart) through the synchronous driver; the API side asks the routes over
one keep-alive HTTP connection to ``stkg serve``'s app, in its own process on a free
loopback port. The API side also pays for what only it does: parsing the request,
validating parameters, serialising the JSON answer, HTTP itself.
"""

from __future__ import annotations

import datetime as dt
import http.client
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote, urlsplit

import httpx
from neo4j import Driver, RoutingControl

from bench.private_neo4j import free_port
from stkg.config.settings import Settings
from stkg.graph.cypher.programmes import PROGRAMME_LINKS
from stkg.graph.lineage import HOP, NODE, lineage_types, split_by_direction
from stkg.queries.catalog import load_catalog

__all__ = ["QUERIES", "ApiServer", "Latency", "latencies", "percentile"]

LINEAGE_DEPTH = 3
LINEAGE_LIMIT = 50  # the route's default fan-out per node and hop
WARMUP = 20


@dataclass(frozen=True)
class Latency:
    """Milliseconds at the 50th, 95th and 99th percentile of ``n`` sequential requests."""

    n: int
    p50: float
    p95: float
    p99: float


def percentile(sorted_ms: list[float], q: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    if not sorted_ms:
        raise ValueError("no samples")
    rank = max(1, min(len(sorted_ms), round(q / 100 * len(sorted_ms) + 0.5)))
    return sorted_ms[rank - 1]


def get_ok(connection: http.client.HTTPConnection, url: str) -> http.client.HTTPResponse:
    """GET ``url`` on a keep-alive connection, its body read; an error unless 200."""
    connection.request("GET", url)
    response = connection.getresponse()
    body = response.read()
    if response.status != 200:
        raise RuntimeError(f"GET {url}: {response.status} {body[:200]!r}")
    return response


def paired(
    first: Callable[[], None], second: Callable[[], None], n: int
) -> tuple[Latency, Latency]:
    """Both calls ``n`` times, alternating, after warming both up.

    Alternating puts both sides under the same conditions (the server's caches, whatever
    else the machine is doing at that moment); timing one side after the other let the
    side that went first pay for warming Neo4j up.
    """
    for _ in range(WARMUP):
        first()
        second()
    a: list[float] = []
    b: list[float] = []
    for _ in range(n):
        for call, samples in ((first, a), (second, b)):
            began = time.perf_counter()
            call()
            samples.append((time.perf_counter() - began) * 1000)
    return _latency(a), _latency(b)


def _latency(samples: list[float]) -> Latency:
    samples = sorted(samples)
    return Latency(
        len(samples), percentile(samples, 50), percentile(samples, 95), percentile(samples, 99)
    )


# -- the three questions, bare ------------------------------------------------------------
def _read(driver: Driver, database: str, cypher: str, **params: Any) -> list[Any]:
    return driver.execute_query(
        cypher, params, database_=database, routing_=RoutingControl.READ
    ).records


def field_history(driver: Driver, database: str, field: str) -> None:
    query = load_catalog()["field-history"]
    rows = _read(driver, database, query.cypher, **query.bind({"field": field}))
    if not rows:
        raise RuntimeError(f"field-history found nothing for {field}")


def lineage(driver: Driver, database: str, start: str) -> None:
    """The route's walk: the start node, then one HOP query per level; a fan-out wider than
    the limit comes back as a count (a group), not followed."""
    outgoing, incoming = split_by_direction(lineage_types(), "down")
    _read(driver, database, NODE, id=start)
    seen, frontier = {start}, [start]
    for _ in range(LINEAGE_DEPTH):
        rows = _read(
            driver,
            database,
            HOP,
            frontier=frontier,
            outgoing=outgoing,
            incoming=incoming,
            limit=LINEAGE_LIMIT,
        )
        frontier = []
        for row in rows:
            if row["count"] > LINEAGE_LIMIT:
                continue
            for member in row["members"]:
                node_id = member["node"]["id"]
                if node_id not in seen:
                    seen.add(node_id)
                    frontier.append(node_id)
        if not frontier:
            break


def programme_links(driver: Driver, database: str, programme: str) -> None:
    # every link, as the route without as_of= or edition= asks
    rows = _read(
        driver,
        database,
        PROGRAMME_LINKS,
        id=programme,
        limit=1000,
        editions=None,
        undated=True,
        asOf=None,
        today=dt.date.today(),
    )
    if not rows:
        raise RuntimeError(f"no links for {programme}")


#: (label, bare call, API path) per question; ids filled in by the caller
QUERIES: tuple[tuple[str, str], ...] = (
    ("field history", "/fields/{field}/history"),
    ("lineage depth 3 down from a field", "/lineage/{field}?direction=down&depth=3"),
    ("programme links", "/programmes/{programme}/links"),
)


def bare_calls(
    driver: Driver, database: str, field: str, programme: str
) -> dict[str, Callable[[], None]]:
    """Each question as a call of the bare driver, by label."""
    return {
        QUERIES[0][0]: lambda: field_history(driver, database, field),
        QUERIES[1][0]: lambda: lineage(driver, database, field),
        QUERIES[2][0]: lambda: programme_links(driver, database, programme),
    }


def api_urls(field: str, programme: str) -> dict[str, str]:
    """Each question as the API path that answers it, by label."""
    ids = {"field": quote(field, safe=":"), "programme": quote(programme, safe=":")}
    return {label: path.format(**ids) for label, path in QUERIES}


# -- the same questions through the API ---------------------------------------------------
class ApiServer:
    """The API as ``stkg serve`` runs it (uvicorn, one worker), on a free loopback port.

    A process of its own, as users run it: in the benchmark's own process the HTTP client
    and the server would share one GIL and each slow the other down. ``peak_rss_mib``
    reads the kernel's high-water mark of the server process before it is stopped.
    """

    def __init__(
        self,
        settings: Settings,
        stderr: IO[bytes] | None = None,
        env: dict[str, str] | None = None,
    ):
        """``stderr``: where the server's log goes (a file for long runs that log much:
        a pipe nobody reads would fill up and stall the server); by default a pipe, read
        when the server fails to start. ``env``: settings of the server's own
        (``STKG_API_CACHE_BYTES=0`` for the uncached figures)."""
        self.stderr = stderr
        self.env = env or {}
        self.port = free_port()
        self.settings = settings
        self.process: subprocess.Popen[bytes] | None = None
        self.peak_rss_mib: float | None = None

    def __enter__(self) -> ApiServer:
        env = {
            **os.environ,
            "NEO4J_URI": self.settings.neo4j_uri,
            "NEO4J_DATABASE": self.settings.neo4j_database,
            "STKG_API_KEYS": "",
            "STKG_NEO4J_TIMEOUT": str(self.settings.neo4j_timeout),
            **self.env,
        }
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "stkg.api.app:create_app",
                "--factory",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--log-level",
                "warning",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=self.stderr or subprocess.PIPE,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{self.url}/health", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                stderr = self.process.stderr
                err = stderr.read().decode(errors="replace") if stderr else ""
                self.__exit__()
                raise RuntimeError(f"the API did not start on port {self.port}: {err[-2000:]}")
            time.sleep(0.2)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc: object) -> None:
        if self.process is None:
            return
        self.peak_rss_mib = process_peak_rss_mib(self.process.pid)
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@dataclass(frozen=True)
class Cached:
    """One question asked again and again of an API whose answer cache is on."""

    latency: Latency  # sequential requests, the answer kept
    not_modified: Latency  # sequential conditional requests (If-None-Match: its ETag)
    not_modified_rate: float  # share of the conditional requests answered 304
    etag: str


def cached_latencies(base_url: str, urls: dict[str, str], n: int) -> dict[str, Cached]:
    """Per question: p50/p95/p99 of ``n`` repeated requests (after warm-ups, so each is a
    kept answer), then of ``n`` conditional requests sending the answer's ETag."""
    address = urlsplit(base_url)
    connection = http.client.HTTPConnection(
        address.hostname or "127.0.0.1", address.port, timeout=60
    )
    try:
        return {label: _cached_one(connection, url, n) for label, url in urls.items()}
    finally:
        connection.close()


def _cached_one(connection: http.client.HTTPConnection, url: str, n: int) -> Cached:
    etag = ""
    statuses: list[int] = []

    def plain() -> None:
        nonlocal etag
        etag = get_ok(connection, url).getheader("ETag") or ""

    def conditional() -> None:
        connection.request("GET", url, headers={"If-None-Match": etag})
        response = connection.getresponse()
        response.read()
        statuses.append(response.status)

    for _ in range(WARMUP):
        plain()
    kept = _timed(plain, n)
    revalidated = _timed(conditional, n)
    rate = statuses.count(304) / len(statuses) if statuses else 0.0
    return Cached(kept, revalidated, rate, etag)


def _timed(call: Callable[[], None], n: int) -> Latency:
    samples = []
    for _ in range(n):
        began = time.perf_counter()
        call()
        samples.append((time.perf_counter() - began) * 1000)
    return _latency(samples)


def process_peak_rss_mib(pid: int) -> float | None:
    """VmHWM of a live process (Linux), in MiB; None where /proc does not say."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


def latencies(
    driver: Driver, database: str, base_url: str, field: str, programme: str, n: int
) -> tuple[dict[str, Latency], dict[str, Latency]]:
    """(bare, API) latencies of each question, the two sides alternating request by request.

    The API side uses one keep-alive connection of the standard library's HTTP client,
    not httpx: httpx's own per-request work, several times the standard library's, would
    be charged to the API, while the bare side pays no HTTP client.
    """
    address = urlsplit(base_url)
    connection = http.client.HTTPConnection(
        address.hostname or "127.0.0.1", address.port, timeout=60
    )
    bare_out: dict[str, Latency] = {}
    api_out: dict[str, Latency] = {}
    calls = bare_calls(driver, database, field, programme)
    try:
        for label, url in api_urls(field, programme).items():

            def call(url: str = url) -> None:
                get_ok(connection, url)

            bare_out[label], api_out[label] = paired(calls[label], call, n)
    finally:
        connection.close()
    return bare_out, api_out
