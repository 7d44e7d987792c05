"""How routes read from Neo4j: the app's one driver, read routing, a timeout, a cap.

Every read goes through :func:`read_rows`, so the timeout, the row cap and the way values
are serialised are the same for every endpoint.

The driver is the synchronous one, called from worker threads (:func:`in_thread`). The
async driver wraps every socket read in a timed ``wait_for`` task (an asyncio task per
read); the sync driver uses the socket's own timeout, and a thread hop is cheap. The
event loop stays free while a thread waits on Neo4j.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, LiteralString, TypeVar

import anyio.to_thread
import neo4j
from fastapi import Request
from neo4j import Driver, Result, RoutingControl
from neo4j.exceptions import ServiceUnavailable

from stkg.api.metrics import observe_query
from stkg.graph.serialize import record_json
from stkg.settings import Settings

#: Seconds past a query's own timeout before the API stops waiting for Neo4j: a server
#: that is starting up accepts connections but answers nothing, and the driver would wait.
NO_ANSWER_GRACE = 2.0

T = TypeVar("T")


async def in_thread(call: Callable[[], T], timeout: float) -> T:
    """Run a blocking driver call in a worker thread; wait ``timeout`` + grace at most.

    Past that the request answers 503 (Neo4j is not answering); the thread itself ends
    when the driver's socket gives up.
    """
    try:
        return await asyncio.wait_for(anyio.to_thread.run_sync(call), timeout + NO_ANSWER_GRACE)
    except TimeoutError as exc:
        raise ServiceUnavailable(f"Neo4j did not answer within {timeout:.0f}s") from exc


@dataclass
class Rows:
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool


def driver_of(request: Request) -> Driver:
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

    def collect(result: Result) -> Rows:
        columns = list(result.keys())
        rows: list[dict[str, Any]] = []
        truncated = False
        for record in result:
            if len(rows) >= max_rows:
                truncated = True
                break
            rows.append(record_json(columns, list(record.values())))
        return Rows(columns, rows, truncated)

    seconds = timeout or settings.neo4j_timeout
    query = neo4j.Query(cypher, timeout=seconds)  # type: ignore[arg-type]
    driver = driver_of(request)

    def call() -> Rows:
        return driver.execute_query(
            query,
            params,
            routing_=RoutingControl.READ,
            database_=settings.neo4j_database,
            result_transformer_=collect,
        )

    started = time.perf_counter()
    try:
        rows = await in_thread(call, seconds)
    except Exception as exc:
        observe_query(request, time.perf_counter() - started, exc)
        raise
    observe_query(request, time.perf_counter() - started)
    return rows
