"""How routes read from Neo4j: the app's one ``Graph``, read routing, a timeout, a cap.

Every read goes through :meth:`Reader.rows`, so the timeout, the row cap and the way values
are serialised are the same for every endpoint. Routes get a :class:`Reader` (and the
``Graph`` and ``Settings`` behind it) as FastAPI dependencies, see :mod:`stkg.api.deps`.

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
from fastapi import Request
from neo4j.exceptions import ServiceUnavailable

from stkg.api.metrics import observe_query
from stkg.config.settings import Settings
from stkg.graph.driver import Graph
from stkg.graph.serialize import Rows

__all__ = ["NO_ANSWER_GRACE", "NoAnswer", "Reader", "Rows", "in_thread", "waiting_since"]

#: Seconds past a query's own timeout before the API stops waiting for Neo4j: a server
#: that is starting up accepts connections but answers nothing, and the driver would wait.
NO_ANSWER_GRACE = 2.0

T = TypeVar("T")


class NoAnswer(ServiceUnavailable):
    """Neo4j did not answer within a query's timeout and the grace after it."""


def waiting_since(request: Request) -> float:
    """When ``request`` first waited for Neo4j (``time.monotonic()``), noted on first call.

    Every wait of one request counts from here: a route that reads twice, or after the
    graph version was read for it, still answers within one timeout and the grace.
    """
    since: float | None = getattr(request.state, "neo4j_waiting_since", None)
    if since is None:
        since = request.state.neo4j_waiting_since = time.monotonic()
    return since


async def in_thread(call: Callable[[], T], timeout: float, *, since: float | None = None) -> T:
    """Run a blocking driver call in a worker thread; wait ``timeout`` + grace at most,
    counted from ``since`` (a request's first wait, :func:`waiting_since`) when given.

    Past that the request answers 503 (Neo4j is not answering; :class:`NoAnswer`); the
    thread itself ends when the driver's socket gives up. It is abandoned, not waited for:
    anyio would otherwise hold a cancellation until the thread returns.
    """
    start = time.monotonic() if since is None else since
    wait = start + timeout + NO_ANSWER_GRACE - time.monotonic()
    if wait <= 0:
        raise NoAnswer(f"Neo4j did not answer within {timeout:.0f}s")
    work = anyio.to_thread.run_sync(call, abandon_on_cancel=True)
    try:
        return await asyncio.wait_for(work, wait)
    except TimeoutError as exc:
        raise NoAnswer(f"Neo4j did not answer within {timeout:.0f}s") from exc


@dataclass(frozen=True, slots=True)
class Reader:
    """Read queries for one request: the app's graph, its timeout, metrics by route."""

    graph: Graph
    settings: Settings
    request: Request

    async def rows(
        self,
        cypher: LiteralString | str,
        params: dict[str, Any],
        *,
        max_rows: int = 10_000,
        timeout: float | None = None,
    ) -> Rows:
        """Run a read query (routed to a reader in a cluster), keep at most ``max_rows``.

        A query that needs more memory than a transaction may use is not retried
        (``QueryNeedsMemory``, answered 422); a server that is away still is.
        """
        seconds = timeout or self.settings.neo4j_timeout
        graph = self.graph

        def call() -> Rows:
            return graph.rows(cypher, params, max_rows=max_rows, timeout=seconds)

        return await self.timed(call, seconds)

    async def timed(self, call: Callable[[], T], seconds: float) -> T:
        """Run a blocking read in a worker thread, recording its time for the route."""
        started = time.perf_counter()
        try:
            answer = await in_thread(call, seconds, since=waiting_since(self.request))
        except Exception as exc:
            observe_query(self.request, time.perf_counter() - started, exc)
            raise
        observe_query(self.request, time.perf_counter() - started)
        return answer
