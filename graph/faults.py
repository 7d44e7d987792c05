"""Errors a query causes itself, told apart from a server that is not there.

Neo4j reports a query that needs more memory than a transaction may use as a *transient*
error (``Neo.TransientError.General.MemoryPoolOutOfMemoryError``), and managed
transactions (``execute_read``, ``execute_query``) retry transient errors: the same query
ran again and again until the retry time was spent, and the caller finally saw "Neo4j
cannot be reached". Running it again fails again, whatever the load.

The same code also reports the pool of *all* transactions running dry
(``dbms.memory.transaction.total.max``): that one is the server's state, not the query's
fault (the query may be small, the others large), so it stays a transient error. The
message names the limit that was reached, and that is how the two are told apart.

:func:`own_fault` sorts a Neo4j error into what the query did (:class:`QueryFailed` and its
kinds) or ``None`` (the server is starting, stopping, unreachable: the caller's "not now").
:func:`no_retry_on_own_fault` wraps a transaction function so that a query's own fault
leaves a managed transaction at once: a :class:`QueryFailed` is not a driver error, and the
driver retries only those.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from neo4j.exceptions import ClientError, Neo4jError

P = ParamSpec("P")
T = TypeVar("T")
X = TypeVar("X")

#: Parts of the Neo4j status codes of a query that wanted more memory than it may have
#: (the per-transaction limit and the pool of all transactions report the same code).
MEMORY_CODES = ("MemoryPoolOutOfMemoryError", "TransactionMemoryLimit", "OutOfMemoryError")
#: The transaction ran past its timeout (the client's or the server's).
TIMEOUT_CODES = ("TransactionTimedOut",)
#: Refused by the server's access rules (a write in a READ transaction, a forbidden call).
REFUSED_CODES = ("AccessMode", "Forbidden", "Security")

#: The setting a pool-wide limit is named by (per database or for the whole server).
POOL_SETTING_SUFFIX = "transaction.total.max"

_LIMIT = re.compile(r"limit (\d+(?:\.\d+)? ?[KMGT]?i?B)")
_SETTING = re.compile(r"([\w.]+) threshold reached")


class QueryFailed(Exception):
    """A query that failed because of what it asks: running it again fails again."""

    kind = "invalid"

    def __init__(self, message: str, code: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class QueryInvalid(QueryFailed):
    """Neo4j cannot run the text: syntax, unknown function, wrong type, bad parameter."""

    kind = "invalid"


class QueryRefused(QueryFailed):
    """Not allowed: not read-only, or refused by the server's access rules."""

    kind = "refused"


class QueryTimedOut(QueryFailed):
    """The transaction ran past its timeout and was cancelled."""

    kind = "timeout"


class QueryNeedsMemory(QueryFailed):
    """The query needed more memory than a transaction may use; ``limit`` as Neo4j put it."""

    kind = "memory"

    def __init__(self, message: str, code: str = "") -> None:
        super().__init__(message, code)
        self.limit, self.setting = memory_limit(message)


def memory_limit(message: str) -> tuple[str | None, str | None]:
    """The limit and the setting a memory error names (``"128.0 MiB"``,
    ``"db.memory.transaction.max"``), each None when the message does not say."""
    limit, setting = _LIMIT.search(message), _SETTING.search(message)
    return (limit.group(1) if limit else None, setting.group(1) if setting else None)


def memory_pool_dry(exc: Neo4jError) -> bool:
    """True when ``exc`` says the memory of all transactions together ran out (the server
    is busy; this query alone may be small)."""
    code = exc.code or ""
    if not any(part in code for part in MEMORY_CODES):
        return False
    setting = memory_limit(exc.message or "")[1]
    return setting is not None and setting.endswith(POOL_SETTING_SUFFIX)


def own_fault(exc: Neo4jError) -> QueryFailed | None:
    """The query's own fault behind ``exc``, or None when the server is the cause."""
    code = exc.code or ""
    message = exc.message or code
    if memory_pool_dry(exc):
        return None  # every transaction's memory together: busy, retry later
    if any(part in code for part in MEMORY_CODES):
        return QueryNeedsMemory(message, code)
    if any(part in code for part in TIMEOUT_CODES):
        return QueryTimedOut(message, code)
    if not isinstance(exc, ClientError):
        return None  # transient and database errors: starting, stopping, terminated
    if any(part in code for part in REFUSED_CODES):
        return QueryRefused(message, code)
    return QueryInvalid(message, code)


def needs_memory(exc: Neo4jError) -> QueryNeedsMemory | None:
    """``exc`` as a :class:`QueryNeedsMemory` when it is one (the only own fault Neo4j calls
    transient), else None."""
    fault = own_fault(exc)
    return fault if isinstance(fault, QueryNeedsMemory) else None


def no_retry_on_own_fault(
    work: Callable[Concatenate[X, P], T],
) -> Callable[Concatenate[X, P], T]:
    """A transaction function whose memory failure ends the managed transaction at once.

    Only the per-transaction memory limit needs it (the other own faults are client
    errors, never retried); it surfaces as :class:`QueryNeedsMemory`. Everything else is
    left to the driver, which still retries a leader switch, a dropped connection or a
    moment when all transactions together are out of memory.
    """

    @functools.wraps(work)
    def once(tx: X, /, *args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return work(tx, *args, **kwargs)
        except Neo4jError as exc:
            fault = needs_memory(exc)
            if fault is None:
                raise
            raise fault from exc

    return once
