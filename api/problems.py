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
    ServiceUnavailable,
    SessionError,
    SessionExpired,
    TransientError,
)
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_JSON = "application/problem+json"
log = logging.getLogger("stkg.api")


#: Neo4j status codes (parts of them) that mean "not now" rather than "wrong": the database
#: is shutting down or starting, or ended the transaction (terminated, timed out) meanwhile.
#: POST /cypher maps its own timeouts to 408 before they get here.
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


class Problem(Exception):
    """Raise anywhere in a route to answer with a problem+json body."""

    def __init__(self, status: int, title: str, detail: str = "", **extra: Any):
        super().__init__(detail or title)
        self.status = status
        self.title = title
        self.detail = detail
        self.extra = extra


def problem_response(
    request: Request, status: int, title: str, detail: str = "", **extra: Any
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": f"https://w3id.org/stkg/problems/{status}",
        "title": title,
        "status": status,
        "detail": detail,
        "instance": str(request.url.path),
        **extra,
    }
    headers = {"Retry-After": "5"} if status == 503 else None
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def install_problem_handlers(app: FastAPI) -> None:
    """Route every kind of failure to a problem+json answer."""

    @app.exception_handler(Problem)
    async def _problem(request: Request, exc: Problem) -> JSONResponse:
        return problem_response(request, exc.status, exc.title, exc.detail, **exc.extra)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return problem_response(request, exc.status_code, str(exc.detail), "")

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

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s", request.url.path)
        return problem_response(request, 500, "Internal error", "The error was logged.")
