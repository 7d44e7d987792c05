"""Prometheus metrics: request latency per route template and status, Neo4j query time.

Each app gets its own :class:`~prometheus_client.CollectorRegistry` (tests build many apps
in one process, and the default registry refuses a second metric of the same name).
Requests are labelled by the route *template* (``/entities/{id:path}``), never the raw
path, so ids do not explode the number of series; paths no route matches share one label.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from fastapi import Request
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from starlette.types import ASGIApp, Message, Receive, Scope, Send

UNMATCHED = "<unmatched>"
_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)


@dataclass(frozen=True)
class ApiMetrics:
    registry: CollectorRegistry
    requests: Histogram
    queries: Histogram
    failures: Counter
    cypher_attempts: Counter
    cypher_slots: Gauge


def create_metrics() -> ApiMetrics:
    registry = CollectorRegistry(auto_describe=True)
    return ApiMetrics(
        registry=registry,
        requests=Histogram(
            "stkg_http_request_duration_seconds",
            "Time to answer an HTTP request, by method, route template and status.",
            ("method", "route", "status"),
            buckets=_BUCKETS,
            registry=registry,
        ),
        queries=Histogram(
            "stkg_neo4j_query_duration_seconds",
            "Time a Neo4j read took, results included, by the route that ran it.",
            ("route",),
            buckets=_BUCKETS,
            registry=registry,
        ),
        failures=Counter(
            "stkg_neo4j_query_failures",
            "Neo4j reads that raised, by route and exception class.",
            ("route", "error"),
            registry=registry,
        ),
        cypher_attempts=Counter(
            "stkg_cypher_attempts",
            "POST /cypher queries sent to Neo4j after their plan was allowed, one per "
            "attempt (never retried, so one per request).",
            registry=registry,
        ),
        cypher_slots=Gauge(
            "stkg_cypher_slots_in_use",
            "Slots of the analyst pool taken by running POST /cypher queries.",
            registry=registry,
        ),
    )


def route_template(scope: Scope) -> str:
    """The matched route's path template, or :data:`UNMATCHED`."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) else UNMATCHED


def observe_query(request: Request, seconds: float, error: BaseException | None = None) -> None:
    """Record one Neo4j read for the route serving ``request`` (no-op without metrics)."""
    metrics: ApiMetrics | None = getattr(request.app.state, "metrics", None)
    if metrics is None:
        return
    route = route_template(request.scope)
    metrics.queries.labels(route).observe(seconds)
    if error is not None:
        metrics.failures.labels(route, type(error).__name__).inc()


class RequestMetrics:
    """Pure ASGI middleware timing every HTTP request until its last body byte is sent."""

    def __init__(self, app: ASGIApp, metrics: ApiMetrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def record_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, record_status)
        finally:
            self.metrics.requests.labels(
                scope["method"], route_template(scope), str(status)
            ).observe(time.perf_counter() - started)
