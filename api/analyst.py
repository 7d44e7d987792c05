"""Analysts' queries: the pool that bounds them, and how one runs in it.

The pool: at most ``STKG_API_CYPHER_CONCURRENCY`` ``POST /cypher`` queries at once.

An analyst's query may scan the whole graph; the app's own endpoints must keep their
latency meanwhile. So ``/cypher`` takes a slot before it runs and, when every slot is
taken, answers ``429`` with ``Retry-After`` at once instead of queueing (a queue would only
move the wait into the client's timeout).

A slot is held by the worker thread that runs the query and freed when that thread ends,
not when the request ends: if the API stops waiting for a silent Neo4j, the query still
running there keeps its slot, so the bound holds for what Neo4j actually runs.

:func:`run_analyst_query` runs one query in a slot: once, in a worker thread
(``stkg.graph.readonly.run_read_only``), counting the attempt.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from stkg.api.db import NoAnswer, in_thread
from stkg.api.metrics import ApiMetrics
from stkg.api.problems import Problem
from stkg.graph.driver import Graph
from stkg.graph.readonly import ANALYST_METADATA, run_read_only
from stkg.graph.serialize import Rows

T = TypeVar("T")


class AnalystPool:
    """A fixed number of slots, taken without waiting."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._in_use = 0

    @property
    def in_use(self) -> int:
        """Slots taken right now (the ``stkg_cypher_slots_in_use`` gauge)."""
        return self._in_use

    def try_take(self) -> Slot | None:
        """A slot, or None when all ``size`` are taken."""
        with self._lock:
            if self._in_use >= self.size:
                return None
            self._in_use += 1
        return Slot(self)

    def drain(self, timeout: float) -> bool:
        """Wait until no slot is taken, at most ``timeout`` seconds; whether none is.

        A query answered past its timeout goes on in its worker thread; the app waits for
        it before closing the driver that thread reads through."""
        with self._idle:
            return self._idle.wait_for(lambda: self._in_use == 0, timeout)

    def _give_back(self) -> None:
        with self._idle:
            self._in_use -= 1
            if self._in_use == 0:
                self._idle.notify_all()


class Slot:
    """One taken slot: handed to the worker thread by :meth:`hold`, freed exactly once."""

    def __init__(self, pool: AnalystPool) -> None:
        self._pool = pool
        self._lock = threading.Lock()
        self._state = "taken"  # taken → running → freed, or taken → freed

    def hold(self, call: Callable[[], T]) -> Callable[[], T]:
        """``call``, keeping this slot until it returns or raises (in its own thread)."""

        def holding() -> T:
            with self._lock:
                if self._state != "taken":
                    raise RuntimeError("the analyst slot was freed before its query ran")
                self._state = "running"
            try:
                return call()
            finally:
                self._free()

        return holding

    def release_unused(self) -> None:
        """Free the slot if no query took it over (the request ended before it ran)."""
        with self._lock:
            if self._state != "taken":
                return
            self._state = "freed"
        self._pool._give_back()

    def _free(self) -> None:
        with self._lock:
            if self._state == "freed":
                return
            self._state = "freed"
        self._pool._give_back()


async def run_analyst_query(
    graph: Graph,
    slot: Slot,
    metrics: ApiMetrics,
    query: str,
    params: Mapping[str, Any],
    *,
    timeout: float,
    max_rows: int,
) -> Rows:
    """Run an analyst's query once in ``slot``; its own faults raise ``QueryFailed``.

    The API stops waiting ``NO_ANSWER_GRACE`` seconds after the timeout. If the query had
    been sent by then, it is past its timeout and Neo4j has not stopped it yet (a busy
    server checks late): 408, and it keeps its slot until it has stopped. If not, Neo4j is
    not answering at all: 503.
    """
    sent = threading.Event()

    def attempt() -> None:
        metrics.cypher_attempts.inc()
        sent.set()

    def read() -> Rows:
        return run_read_only(
            graph.driver,
            graph.database,
            query,
            params,
            timeout=timeout,
            max_rows=max_rows,
            metadata=ANALYST_METADATA,
            on_attempt=attempt,
        )

    try:
        return await in_thread(slot.hold(read), timeout)
    except NoAnswer:
        if not sent.is_set():
            raise
        raise Problem(
            408,
            "Query timed out",
            f"The query ran past its timeout ({timeout:g}s) and is being cancelled.",
        ) from None
