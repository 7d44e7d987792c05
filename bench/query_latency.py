"""Latency of the three main lineage questions: bare Python driver vs the API in-process.

The bare side runs the very Cypher the API routes run (imported from the routes, so the
two cannot drift apart) through the synchronous driver; the API side asks the routes over
HTTP (httpx) against uvicorn serving :func:`stkg.api.app.create_app` on a free loopback
port in a thread of this process. The API side also pays for what only it does: looking
the id up (404s), validating and serialising the envelope.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import httpx
import uvicorn
from neo4j import Driver, RoutingControl

from stkg.api.app import create_app
from stkg.api.routes.lineage import HOP, NODE
from stkg.api.routes.programmes import PROGRAMME_LINKS
from stkg.api.terms import lineage_types, split_by_direction
from stkg.queries.catalog import load_catalog
from stkg.settings import Settings

__all__ = ["QUERIES", "Latency", "api_latencies", "bare_latencies", "percentile"]

LINEAGE_DEPTH = 3
LINEAGE_LIMIT = 50  # the route's default fan-out per node and hop
WARMUP = 5


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


def _measure(call: Callable[[], None], n: int) -> Latency:
    for _ in range(WARMUP):
        call()
    samples = []
    for _ in range(n):
        began = time.perf_counter()
        call()
        samples.append((time.perf_counter() - began) * 1000)
    samples.sort()
    return Latency(n, percentile(samples, 50), percentile(samples, 95), percentile(samples, 99))


# -- the three questions, bare ------------------------------------------------------------
def _read(driver: Driver, database: str, cypher: str, **params: Any) -> list[Any]:
    return driver.execute_query(
        cypher, params, database_=database, routing_=RoutingControl.READ
    ).records


def field_history(driver: Driver, database: str, field: str) -> None:
    rows = _read(driver, database, load_catalog()["field-history"].cypher, field=field)
    if not rows:
        raise RuntimeError(f"field-history found nothing for {field}")


def lineage(driver: Driver, database: str, start: str) -> None:
    """The route's walk: the start node, then one HOP query per level, capped per node."""
    outgoing, incoming = split_by_direction(lineage_types(), "down")
    _read(driver, database, NODE, id=start)
    seen, frontier = {start}, [start]
    for _ in range(LINEAGE_DEPTH):
        rows = _read(driver, database, HOP, frontier=frontier, outgoing=outgoing,
                     incoming=incoming, limit=LINEAGE_LIMIT + 1)  # fmt: skip
        per_origin: dict[str, int] = {}
        frontier = []
        for row in rows:
            per_origin[row["origin"]] = per_origin.get(row["origin"], 0) + 1
            node_id = row["node"]["id"]
            if per_origin[row["origin"]] <= LINEAGE_LIMIT and node_id not in seen:
                seen.add(node_id)
                frontier.append(node_id)
        if not frontier:
            break


def programme_links(driver: Driver, database: str, programme: str) -> None:
    rows = _read(driver, database, PROGRAMME_LINKS, id=programme, limit=1000)
    if not rows:
        raise RuntimeError(f"no links for {programme}")


#: (label, bare call, API path) per question; ids filled in by the caller
QUERIES: tuple[tuple[str, str], ...] = (
    ("field history", "/fields/{field}/history"),
    ("lineage depth 3 down from a field", "/lineage/{field}?direction=down&depth=3"),
    ("programme links", "/programmes/{programme}/links"),
)


def bare_latencies(
    driver: Driver, database: str, field: str, programme: str, n: int
) -> dict[str, Latency]:
    calls: dict[str, Callable[[], None]] = {
        QUERIES[0][0]: lambda: field_history(driver, database, field),
        QUERIES[1][0]: lambda: lineage(driver, database, field),
        QUERIES[2][0]: lambda: programme_links(driver, database, programme),
    }
    return {label: _measure(call, n) for label, call in calls.items()}


# -- the same questions through the API ---------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _ApiServer:
    """uvicorn serving the app on a free loopback port, in a daemon thread."""

    def __init__(self, settings: Settings):
        self.port = _free_port()
        app = create_app(settings)
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError(f"the API did not start on port {self.port}")
            time.sleep(0.05)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)


def api_latencies(settings: Settings, field: str, programme: str, n: int) -> dict[str, Latency]:
    ids = {"field": quote(field, safe=":"), "programme": quote(programme, safe=":")}
    out: dict[str, Latency] = {}
    with _ApiServer(settings) as base, httpx.Client(base_url=base, timeout=60) as client:
        for label, path in QUERIES:
            url = path.format(**ids)

            def call(url: str = url) -> None:
                response = client.get(url)
                if response.status_code != 200:
                    raise RuntimeError(f"GET {url}: {response.status_code} {response.text[:200]}")

            out[label] = _measure(call, n)
    return out
