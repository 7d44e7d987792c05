"""How routes read from Neo4j: the app's one async driver, read routing, a timeout, a cap.

Every read goes through :func:`read_rows`, so the timeout, the row cap and the way values
are serialised are the same for every endpoint.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from typing import Any, LiteralString

import neo4j
from fastapi import Request
from neo4j import AsyncDriver, AsyncResult, RoutingControl
from neo4j.exceptions import ServiceUnavailable

from stkg.api.metrics import observe_query
from stkg.graph.serialize import record_json
from stkg.settings import Settings

#: Seconds past a query's own timeout before the API stops waiting for Neo4j: a server
#: that is starting up accepts connections but answers nothing, and the driver would wait.
NO_ANSWER_GRACE = 2.0


async def bounded(awaitable: Any, timeout: float) -> Any:
    """Await a Neo4j call for at most ``timeout`` + grace; silence counts as unavailable."""
    try:
        return await asyncio.wait_for(awaitable, timeout + NO_ANSWER_GRACE)
    except TimeoutError as exc:
        raise ServiceUnavailable(f"Neo4j did not answer within {timeout:.0f}s") from exc


@dataclass
class Rows:
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool


def driver_of(request: Request) -> AsyncDriver:
    return request.app.state.driver  # type: ignore[no-any-return]


def settings_of(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


async def read_rows(
    request: Request,
    cypher: LiteralString | str,
    params: dict[str, Any],
    *,
    max_rows: int = 10_000,
    timeout: float | None = None,
) -> Rows:
    """Run a read query (routed to a reader in a cluster) and keep at most ``max_rows``."""
    settings = settings_of(request)

    async def collect(result: AsyncResult) -> Rows:
        columns = list(result.keys())
        rows: list[dict[str, Any]] = []
        truncated = False
        async for record in result:
            if len(rows) >= max_rows:
                truncated = True
                break
            rows.append(record_json(columns, list(record.values())))
        return Rows(columns, rows, truncated)

    seconds = timeout or settings.neo4j_timeout
    query = neo4j.Query(cypher, timeout=seconds)  # type: ignore[arg-type]
    started = time.perf_counter()
    try:
        call = driver_of(request).execute_query(
            query,
            params,
            routing_=RoutingControl.READ,
            database_=settings.neo4j_database,
            result_transformer_=collect,
        )
        rows: Rows = await bounded(call, seconds)
    except Exception as exc:
        observe_query(request, time.perf_counter() - started, exc)
        raise
    observe_query(request, time.perf_counter() - started)
    return rows
