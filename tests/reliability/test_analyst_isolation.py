"""One analyst's query cannot take the service down with it (issue 17).

A ``POST /cypher`` query that needs more memory than a transaction may use answers 422,
once (it used to be retried as a "transient" error and end as a false 503); a timeout
answers 408, once; a full analyst pool answers 429 with ``Retry-After`` while the app's
own endpoints keep answering; and after heavy queries Neo4j still serves ordinary ones.

Attempts are counted where the query is sent to Neo4j (``stkg_cypher_attempts``, and a
counting transaction function for the named-query path): a retry loop around that code
would count each run, so "exactly once" needs no clock.

When only the memory of all transactions together is limited (a server without a
per-transaction limit), running out of it is the server's state: 503 "busy" with
Retry-After, still sent once.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from neo4j import ManagedTransaction
from reliability_helpers import free_port

from stkg.api.app import create_app
from stkg.config.settings import Settings
from stkg.graph.driver import Graph, new_driver
from stkg.graph.faults import QueryNeedsMemory
from stkg.graph.local.server import LocalNeo4j
from stkg.graph.readonly import ANALYST_METADATA

#: Collects 100 million integers in one list: gigabytes, far over any transaction limit.
HUNGRY = "UNWIND range(1, 100000000) AS i WITH collect(i) AS c RETURN size(c) AS n"
#: 10^10 rows: runs until its timeout (or until it is terminated) on any machine.
ENDLESS = (
    "UNWIND range(1, 100000) AS i UNWIND range(1, 100000) AS j "
    "WITH i, j WHERE (i * j) % 7 = 99 RETURN count(*) AS n"
)
ANALYST_TRANSACTIONS = (
    "SHOW TRANSACTIONS YIELD transactionId, metaData, currentQuery "
    "WHERE metaData = $meta RETURN transactionId, currentQuery"
)


@pytest.fixture
def client(neo4j_settings: Settings, graph: Graph) -> Iterator[TestClient]:
    graph.write("UNWIND range(1, 30) AS i CREATE (:Entity {id: 'probe:' + i})")
    with TestClient(create_app(neo4j_settings)) as c:
        yield c


def _metric(client: TestClient, name: str) -> float:
    text = client.get("/metrics").text
    found = re.search(rf"^{name} ([0-9.e+]+)$", text, re.M)
    assert found, f"{name} is not in /metrics"
    return float(found.group(1))


def _is_problem(response: httpx.Response, status: int) -> bool:
    return (
        response.status_code == status
        and response.headers["content-type"] == "application/problem+json"
        and response.json()["status"] == status
        and "Traceback" not in response.text
    )


def test_memory_hungry_query_answers_422_once_naming_the_limit(
    client: TestClient, neo4j_settings: Settings
) -> None:
    before = _metric(client, "stkg_cypher_attempts_total")
    response = client.post("/cypher", json={"query": HUNGRY, "timeout": 60})
    assert _is_problem(response, 422), (response.status_code, response.text[:500])
    body = response.json()
    assert body["title"] == "Query needs more memory than allowed"
    # the limit Neo4j applied, as it put it: STKG_NEO4J_QUERY_MEMORY on the test server
    assert body["setting"] == "db.memory.transaction.max"
    assert body["limit"] == "128.0 MiB" and "128.0 MiB" in body["detail"]
    assert neo4j_settings.neo4j_query_memory == "128m"
    assert _metric(client, "stkg_cypher_attempts_total") - before == 1


def test_memory_hungry_read_is_not_retried_by_managed_transactions(graph: Graph) -> None:
    """The path of named queries and app reads: a managed transaction, one attempt."""
    attempts = 0

    def work(tx: ManagedTransaction) -> Any:
        nonlocal attempts
        attempts += 1
        return tx.run(HUNGRY).single()

    with pytest.raises(QueryNeedsMemory) as raised:
        graph.execute_read(work)
    assert attempts == 1
    assert raised.value.limit == "128.0 MiB"


def test_timeout_answers_408_once(client: TestClient) -> None:
    before = _metric(client, "stkg_cypher_attempts_total")
    response = client.post("/cypher", json={"query": ENDLESS, "timeout": 1})
    assert _is_problem(response, 408), (response.status_code, response.text[:500])
    assert _metric(client, "stkg_cypher_attempts_total") - before == 1


def test_syntax_error_answers_400_and_is_not_sent_twice(client: TestClient) -> None:
    before = _metric(client, "stkg_cypher_attempts_total")
    response = client.post("/cypher", json={"query": "MATCH (n RETURN n"})
    assert _is_problem(response, 400)
    assert _metric(client, "stkg_cypher_attempts_total") == before  # its plan never ran


def _wait_for(condition: Any, what: str) -> None:
    """Poll until ``condition()`` holds (a liveness guard, not a latency assertion)."""
    deadline = time.monotonic() + 120
    while not condition():
        assert time.monotonic() < deadline, f"never saw {what}"
        time.sleep(0.05)


def test_full_pool_answers_429_with_retry_after_while_the_app_answers(
    neo4j_settings: Settings, graph: Graph
) -> None:
    graph.write("UNWIND range(1, 30) AS i CREATE (:Entity {id: 'probe:' + i})")
    settings = neo4j_settings.model_copy(
        update={"api_cypher_concurrency": 1, "api_cypher_retry_after": 3, "neo4j_timeout": 600}
    )
    held: dict[str, httpx.Response] = {}
    with TestClient(create_app(settings)) as client:

        def hold() -> None:
            held["answer"] = client.post("/cypher", json={"query": ENDLESS, "timeout": 60})

        holder = threading.Thread(target=hold)
        holder.start()
        try:
            # the one slot is taken, and its query runs in Neo4j
            def running() -> list[dict[str, Any]]:
                rows = graph.read(ANALYST_TRANSACTIONS, meta=ANALYST_METADATA)
                return [r for r in rows if r["currentQuery"] == ENDLESS]

            _wait_for(running, "the analyst query running in Neo4j")
            assert _metric(client, "stkg_cypher_slots_in_use") == 1

            extra = client.post("/cypher", json={"query": "RETURN 1 AS one"})
            assert _is_problem(extra, 429), (extra.status_code, extra.text[:500])
            assert extra.headers["Retry-After"] == "3"
            assert extra.json()["limit"] == 1

            # the app's own endpoints are not part of the pool
            assert client.get("/queries/editions").status_code == 200
            assert client.get("/ready").status_code == 200
            assert running(), "the held query ended early; the 429 above proves nothing"
        finally:
            for row in graph.read(ANALYST_TRANSACTIONS, meta=ANALYST_METADATA):
                graph.write("TERMINATE TRANSACTIONS $ids", ids=[row["transactionId"]])
            holder.join()
        assert held["answer"].status_code != 200
        assert held["answer"].headers["content-type"] == "application/problem+json"
        # the slot came back with the query's end: the next analyst query runs
        _wait_for(lambda: _metric(client, "stkg_cypher_slots_in_use") == 0, "a free slot")
        again = client.post("/cypher", json={"query": "RETURN 1 AS one"})
        assert again.status_code == 200 and again.json()["rows"] == [{"one": 1}]


def test_neo4j_still_answers_after_heavy_queries(neo4j_settings: Settings, graph: Graph) -> None:
    graph.write("UNWIND range(1, 30) AS i CREATE (:Entity {id: 'probe:' + i})")
    with TestClient(create_app(neo4j_settings)) as client:
        answers: list[int] = []

        def heavy() -> None:
            for _ in range(2):
                answers.append(client.post("/cypher", json={"query": HUNGRY}).status_code)

        workers = [threading.Thread(target=heavy) for _ in range(2)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        # each heavy query was stopped by its limit (or, with both slots taken, told to
        # come back), never a 503 and never a 500
        assert answers and set(answers) <= {422, 429} and 422 in answers, answers

        ordinary = client.post("/cypher", json={"query": "MATCH (n:Entity) RETURN count(n) AS n"})
        assert ordinary.status_code == 200 and ordinary.json()["rows"] == [{"n": 30}]
        assert client.get("/queries/editions").status_code == 200
        assert client.get("/ready").status_code == 200
    assert graph.read("RETURN 1 AS one") == [{"one": 1}]


@pytest.fixture(scope="module")
def pool_only_neo4j(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """A server of its own with no per-transaction limit, only a small pool for all."""
    settings = Settings(
        neo4j_uri=f"bolt://127.0.0.1:{free_port()}",
        neo4j_http_port=free_port(),
        home=tmp_path_factory.mktemp("pool-only-neo4j"),
        neo4j_query_memory="0",
        neo4j_query_memory_total="96m",
        neo4j_stop_timeout=30.0,
    )
    server = LocalNeo4j(settings)
    server.start(quiet=True)
    try:
        yield settings
    finally:
        server.stop()


@pytest.mark.slow
def test_memory_pool_of_all_transactions_dry_answers_503_busy_once(
    pool_only_neo4j: Settings,
) -> None:
    with TestClient(create_app(pool_only_neo4j)) as client:
        before = _metric(client, "stkg_cypher_attempts_total")
        response = client.post("/cypher", json={"query": HUNGRY})
        assert _is_problem(response, 503), (response.status_code, response.text[:500])
        assert response.json()["title"] == "Graph database busy"
        assert response.json()["setting"] == "dbms.memory.transaction.total.max"
        assert response.json()["limit"] == "96.0 MiB"
        assert response.headers["Retry-After"]
        assert _metric(client, "stkg_cypher_attempts_total") - before == 1
        # nothing else holds memory now: an ordinary query runs
        ordinary = client.post("/cypher", json={"query": "RETURN 1 AS one"})
        assert ordinary.status_code == 200, ordinary.text

    # managed reads still retry it (the server's state may change), then give up
    driver = new_driver(pool_only_neo4j, max_transaction_retry_time=1.0)
    try:
        attempts = 0

        def work(tx: ManagedTransaction) -> Any:
            nonlocal attempts
            attempts += 1
            return tx.run(HUNGRY).single()

        with pytest.raises(Exception) as raised:
            Graph(driver, pool_only_neo4j.neo4j_database).execute_read(work)
        assert not isinstance(raised.value, QueryNeedsMemory)
        assert attempts > 1
    finally:
        driver.close()
