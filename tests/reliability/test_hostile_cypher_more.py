"""More hostile Cypher for ``POST /cypher`` and the named queries, beyond tests/api.

Each attempt must be refused (or, for parameters, treated as plain data) and leave the
graph's fingerprint exactly as it was. The queries use undefined names on purpose
(schema-names: ignore).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from reliability_helpers import fingerprint

from stkg.api.app import create_app
from stkg.config.settings import Settings
from stkg.graph.driver import Graph

ZWSP, RLO = "\u200b", "\u202e"
LONG_OR = " OR ".join(f"n.id = 'probe:{i}'" for i in range(700))

#: Refused with 403 (plan judged) or 400 (Neo4j cannot even plan it).
HOSTILE = {
    "removed fulltext create procedure": (
        "CALL db.index.fulltext.createNodeIndex('hack', ['Entity'], ['id'])"),
    "set config value": "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')",
    "legacy CALL subquery create": "CALL { CREATE (:Entity {id: 'x:sub'}) } RETURN 1",
    "CALL subquery set, returning": (
        "CALL { MATCH (n) SET n.pwned = 1 RETURN count(*) AS c } RETURN c"),
    "OPTIONAL CALL create": "OPTIONAL CALL { CREATE (a) } RETURN 1",
    "UNION with a writing branch": (
        "MATCH (n) RETURN n.id AS x UNION CALL { CREATE (m) RETURN m.id AS x } RETURN x"),
    "USE system SHOW USERS": "USE system SHOW USERS",
    "USE system MATCH": "USE system MATCH (n) RETURN n",
    "LOAD CSV after WITH": "WITH 1 AS x LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "LOAD CSV from a computed url": (
        "WITH 'http://127.0.0.1:1/' + 'x.csv' AS u LOAD CSV FROM u AS row RETURN count(row)"),
    "zero-width space inside SET": f"MATCH (n) S{ZWSP}ET n.x = 1",
    "cyrillic homoglyph MATCH": "\u041cATCH (n) SET n.x = 1",
    "right-to-left override in a comment": f"MATCH (n) /*{RLO} RETURN n */ SET n.x = 1",
    "PROFILE a write": "PROFILE MATCH (n) SET n.x = 1",
    "EXPLAIN a write": "EXPLAIN MATCH (n) SET n.x = 1",
    "CYPHER options then a write": "CYPHER runtime=slotted MATCH (n) SET n.x = 1",
    "fulltext search then a write": (
        "CALL db.index.fulltext.queryNodes('stkg_names', 'x') YIELD node SET node.x = 1"),
    "TERMINATE TRANSACTIONS": "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "SHOW TRANSACTIONS (others' queries and parameters)": "SHOW TRANSACTIONS YIELD *",
    "SHOW SETTINGS": "SHOW SETTINGS",
    "ALTER CURRENT USER": "ALTER CURRENT USER SET PASSWORD FROM 'a' TO 'b'",
    "CREATE DATABASE": "CREATE DATABASE hacked",
    "tx metadata procedure": "CALL tx.setMetaData({owner: 'eve'})",
    "query statistics reset": "CALL db.stats.clear('QUERIES')",
    "very long query ending in a write": f"MATCH (n) WHERE {LONG_OR} SET n.x = 1",
}  # fmt: skip


@pytest.fixture
def client(neo4j_settings: Settings, graph: Graph) -> Iterator[TestClient]:
    graph.write("UNWIND range(1, 30) AS i CREATE (:Entity {id: 'probe:' + i, n: i})")
    with TestClient(create_app(neo4j_settings)) as c:
        yield c


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_query_is_refused(client: TestClient, graph: Graph, case: str) -> None:
    query = HOSTILE[case]
    before = fingerprint(graph)
    response = client.post("/cypher", json={"query": query})
    assert response.status_code in (400, 403), (case, response.status_code, response.text[:300])
    assert response.headers["content-type"] == "application/problem+json"
    assert "Traceback" not in response.text
    assert fingerprint(graph) == before


def test_query_over_the_length_limit_is_a_422(client: TestClient, graph: Graph) -> None:
    before = fingerprint(graph)
    query = "MATCH (n) WHERE " + " OR ".join(f"n.n = {i}" for i in range(3000)) + " SET n.x = 1"
    response = client.post("/cypher", json={"query": query})
    assert response.status_code == 422 and len(query) > 20_000
    assert fingerprint(graph) == before


def test_huge_unwind_is_bounded_by_the_row_cap(client: TestClient, graph: Graph) -> None:
    before = fingerprint(graph)
    body = {"query": "UNWIND range(1, 1000000000) AS i RETURN i", "max_rows": 10}
    response = client.post("/cypher", json=body)
    # a 200 is the proof: a query that went on past the cap would meet its own timeout
    # (10 s by default) and answer 408; the test itself times nothing
    assert response.status_code == 200, response.text[:300]
    data = response.json()
    assert [r["i"] for r in data["rows"]] == list(range(1, 11)) and data["truncated"] is True
    assert fingerprint(graph) == before


INJECTIONS = [
    "probe:1' }) DETACH DELETE n //",
    'probe:1"}) SET n.x = 1 RETURN n //',
    "x' OR 1=1 //",
    "}]->(m) DELETE m //",
]


@pytest.mark.parametrize("value", INJECTIONS)
def test_cypher_params_are_data(client: TestClient, graph: Graph, value: str) -> None:
    before = fingerprint(graph)
    body = {"query": "MATCH (n:Entity {id: $id}) RETURN n.id AS id, $id AS echo",
            "params": {"id": value}}  # fmt: skip
    response = client.post("/cypher", json=body)
    assert response.status_code == 200 and response.json()["rows"] == []
    echo = client.post("/cypher", json={"query": "RETURN $id AS echo", "params": {"id": value}})
    assert echo.json()["rows"] == [{"echo": value}]
    assert fingerprint(graph) == before


@pytest.mark.parametrize("value", INJECTIONS)
def test_named_query_params_are_data(client: TestClient, graph: Graph, value: str) -> None:
    before = fingerprint(graph)
    response = client.get("/queries/field-history", params={"field": value})
    assert response.status_code == 200 and response.json()["rows"] == [], response.text[:300]
    assert fingerprint(graph) == before
