"""A Neo4j that holds a connection open and answers nothing costs a request one timeout
and the grace after it, however many reads the request makes (:mod:`stkg.api.db`).

(A Neo4j that is starting up accepts connections and answers nothing for seconds; under
load the API must still answer 503 within a client's patience, see ``test_outage``.)
"""

from __future__ import annotations

import asyncio
import threading
import time

import pytest
from starlette.requests import Request

from stkg.api.db import NO_ANSWER_GRACE, NoAnswer, in_thread, waiting_since


def test_a_silent_call_answers_no_answer_before_its_thread_returns() -> None:
    released = threading.Event()
    returned = threading.Event()

    def silent() -> str:
        released.wait(30)  # the driver's socket, waiting on a server that says nothing
        returned.set()
        return "late"

    async def ask() -> None:
        with pytest.raises(NoAnswer, match="did not answer"):
            await in_thread(silent, timeout=0.05)

    try:
        asyncio.run(ask())
        assert not returned.is_set()  # the request gave up while the thread still waited
    finally:
        released.set()
    assert returned.wait(5)


def test_an_answering_call_comes_back() -> None:
    assert asyncio.run(in_thread(lambda: 42, timeout=1.0)) == 42


def test_one_request_shares_one_wait_across_its_reads() -> None:
    request = Request({"type": "http", "state": {}})
    first = waiting_since(request)
    assert waiting_since(request) == first  # noted once, on the first wait

    # a request whose first read waited out its timeout and grace starts no second read
    request.state.neo4j_waiting_since = time.monotonic() - (1.0 + NO_ANSWER_GRACE)
    calls: list[int] = []

    async def second_read() -> None:
        with pytest.raises(NoAnswer):
            await in_thread(lambda: calls.append(1), 1.0, since=waiting_since(request))

    asyncio.run(second_read())
    assert calls == []
    # with time left it runs
    request.state.neo4j_waiting_since = time.monotonic()
    asyncio.run(in_thread(lambda: calls.append(1), 1.0, since=waiting_since(request)))
    assert calls == [1]
