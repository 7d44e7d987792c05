"""RFC 9457 problem details: every error the API returns, and never a stack trace."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from neo4j.exceptions import (
    ConnectionAcquisitionTimeoutError,
    Neo4jError,
    ResultFailedError,
    ServiceUnavailable,
    SessionError,
    SessionExpired,
    TransientError,
)
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from stkg.graph.faults import QueryFailed, memory_limit, memory_pool_dry, needs_memory

PROBLEM_JSON = "application/problem+json"
log = logging.getLogger("stkg.api")


#: Neo4j status codes (parts of them) that mean "not now" rather than "wrong": the database
#: is shutting down or starting, or ended the transaction (terminated, timed out) meanwhile.
#: POST /cypher maps its own timeouts to 408 before they get here (a QueryTimedOut).
_UNAVAILABLE_CODES = (
    "DatabaseUnavailable",
    "DatabaseNotFound",
    "TransactionStartFailed",
    "Transaction.Terminated",
    "TransactionTerminated",
    "Shutdown",
    "ShuttingDown",
    "TransactionTimedOut",
)


#: Seconds a client is asked to wait (``Retry-After``) when Neo4j is unavailable.
UNAVAILABLE_RETRY_AFTER = 5
#: Answers that always carry ``Retry-After`` (RFC 9110 §10.2.3): too many requests, and
#: unavailable. A problem raised without one gets :data:`UNAVAILABLE_RETRY_AFTER`.
RETRY_AFTER_STATUSES = frozenset({429, 503})


class Problem(Exception):
    """Raise anywhere in a route to answer with a problem+json body.

    ``headers`` go on the answer as they are (``Retry-After`` on a 429, say); ``extra``
    keyword arguments become members of the body.
    """

    def __init__(
        self,
        status: int,
        title: str,
        detail: str = "",
        *,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ):
        super().__init__(detail or title)
        self.status = status
        self.title = title
        self.detail = detail
        self.headers = headers
        self.extra = extra


def problem_response(
    request: Request,
    status: int,
    title: str,
    detail: str = "",
    *,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": f"https://w3id.org/stkg/problems/{status}",
        "title": title,
        "status": status,
        "detail": detail,
        "instance": str(request.url.path),
        **extra,
    }
    if status in RETRY_AFTER_STATUSES:
        headers = {"Retry-After": str(UNAVAILABLE_RETRY_AFTER), **(headers or {})}
    if status == 405:  # RFC 9110 §15.5.6: a 405 lists the methods the resource supports
        given = (headers or {}).get("Allow", "")
        allow = set(allowed_methods(request)) or {m.strip() for m in given.split(",") if m.strip()}
        if "GET" in allow:
            allow.add("HEAD")  # answered as GET without a body (api/head.py)
        headers = {**(headers or {}), "Allow": ", ".join(sorted(allow))}
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def allowed_methods(request: Request) -> list[str]:
    """The methods the app's routes answer at the request's path, sorted.

    Starlette's own ``Allow`` names the methods of the first route whose path matches;
    ids may contain ``/``, so several routes can match one path, and one path may have a
    route per method (``GET`` and ``POST /sparql``). A router included in the app is
    looked into (FastAPI keeps it as one routing entry). A mount (the static files)
    declares no methods: its own ``Allow`` is kept.
    """
    return sorted(_methods(request.app.router.routes, dict(request.scope)))


def _methods(routes: list[Any], scope: dict[str, Any]) -> set[str]:
    methods: set[str] = set()
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:  # an included router: its own routes, under its prefix
            prefix = getattr(getattr(route, "include_context", None), "prefix", "") or ""
            path = str(scope.get("path", ""))
            if path.startswith(prefix):
                methods |= _methods(inner.routes, {**scope, "path": path[len(prefix) :]})
            continue
        match, _ = route.matches(scope)
        if match != Match.NONE:
            methods |= getattr(route, "methods", None) or set()
    return methods


def query_problem(fault: QueryFailed, configured_limit: str | None = None) -> Problem:
    """The answer to a query that failed by its own fault (never a 503: retrying fails too).

    ``configured_limit`` is ``STKG_NEO4J_QUERY_MEMORY``, named when Neo4j's message does
    not state the limit it applied.
    """
    if fault.kind == "memory":
        limit = getattr(fault, "limit", None) or configured_limit
        setting = getattr(fault, "setting", None) or "db.memory.transaction.max"
        stated = f" (the limit is {limit}, {setting})" if limit else f" ({setting})"
        return Problem(
            422,
            "Query needs more memory than allowed",
            f"The query needs more memory than one query may use{stated}. It was stopped, "
            "not retried; ask for less at once (LIMIT, fewer or smaller collect()s).",
            limit=limit,
            setting=setting,
        )
    if fault.kind == "timeout":
        return Problem(408, "Query timed out", "The query ran past its timeout and was cancelled.")
    if fault.kind == "refused":
        return Problem(403, "Query refused", fault.message or "not allowed")
    return Problem(400, "Invalid Cypher", fault.message or fault.code)


def install_problem_handlers(app: FastAPI) -> None:
    """Route every kind of failure to a problem+json answer."""

    @app.exception_handler(Problem)
    async def _problem(request: Request, exc: Problem) -> JSONResponse:
        return _answer(request, exc)

    # a query's own fault (memory, timeout, invalid, refused), from /cypher or any read
    @app.exception_handler(QueryFailed)
    async def _query_failed(request: Request, exc: QueryFailed) -> JSONResponse:
        return _answer(request, query_problem(exc, _configured_limit(request)))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        headers = dict(exc.headers) if exc.headers else None  # Allow on a 405, say
        return problem_response(request, exc.status_code, str(exc.detail), "", headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": list(err.get("loc", ())), "msg": err.get("msg", ""), "type": err.get("type")}
            for err in exc.errors()
        ]
        return problem_response(
            request, 422, "Invalid request", "Some parameters are not valid.", errors=errors
        )

    # unreachable, a dead connection, no free connection in time, a database still starting
    @app.exception_handler(ServiceUnavailable)
    @app.exception_handler(SessionExpired)
    @app.exception_handler(ConnectionAcquisitionTimeoutError)
    @app.exception_handler(TransientError)
    async def _unavailable(request: Request, exc: Exception) -> JSONResponse:
        fault = needs_memory(exc) if isinstance(exc, Neo4jError) else None
        if fault is not None:  # transient by Neo4j's code, yet the query's own doing
            return _answer(request, query_problem(fault, _configured_limit(request)))
        if isinstance(exc, Neo4jError) and memory_pool_dry(exc):
            limit, setting = memory_limit(exc.message or "")
            return problem_response(
                request,
                503,
                "Graph database busy",
                f"Neo4j has used up the memory all its transactions may use together "
                f"({limit or 'its limit'}, {setting}): other queries hold it, or this one "
                "alone needs that much (then it fails again). Retry soon.",
                limit=limit,
                setting=setting,
            )
        return problem_response(
            request, 503, "Graph database unavailable", "Neo4j cannot be reached; retry soon."
        )

    # errors the server reports while it stops or starts (it terminates or times out the
    # transactions it was running): "not now", like an unreachable server
    @app.exception_handler(Neo4jError)
    @app.exception_handler(SessionError)
    async def _neo4j(request: Request, exc: Exception) -> JSONResponse:
        code = getattr(exc, "code", None) or ""
        if isinstance(exc, SessionError) or any(part in code for part in _UNAVAILABLE_CODES):
            return problem_response(
                request,
                503,
                "Graph database unavailable",
                "Neo4j is busy, stopping or starting; retry soon.",
            )
        log.exception("unhandled Neo4j error on %s", request.url.path)
        return problem_response(request, 500, "Internal error", "The error was logged.")

    # a result whose transaction failed under it: the server went away mid-query if what
    # made it fail was an unreachable, expired or stopping server
    @app.exception_handler(ResultFailedError)
    async def _result_failed(request: Request, exc: Exception) -> JSONResponse:
        if server_went_away(exc):
            return problem_response(
                request, 503, "Graph database unavailable", "Neo4j cannot be reached; retry soon."
            )
        log.exception("unhandled failed result on %s", request.url.path)
        return problem_response(request, 500, "Internal error", "The error was logged.")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s", request.url.path)
        return problem_response(request, 500, "Internal error", "The error was logged.")


def _answer(request: Request, problem: Problem) -> JSONResponse:
    return problem_response(
        request,
        problem.status,
        problem.title,
        problem.detail,
        headers=problem.headers,
        **problem.extra,
    )


def _configured_limit(request: Request) -> str | None:
    settings = getattr(request.app.state, "settings", None)
    limit = getattr(settings, "neo4j_query_memory", None)
    return limit if limit and limit.strip("0kmgKMG") else None  # "0": no limit set


def server_went_away(exc: BaseException) -> bool:
    """Whether a failed result's causes include the server going away: unreachable, a
    dead or expired connection, or a transaction the stopping server ended."""
    seen: set[int] = set()
    cause: BaseException | None = exc.__cause__ or exc.__context__
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        if isinstance(cause, (ServiceUnavailable, SessionExpired, SessionError, OSError)):
            return True
        code = getattr(cause, "code", None) or ""
        if isinstance(cause, Neo4jError) and any(part in code for part in _UNAVAILABLE_CODES):
            return True
        cause = cause.__cause__ or cause.__context__
    return False
