"""POST /cypher: reads run; anything that writes, administers or escapes is refused.

The hostile queries use undefined names on purpose (schema-names: ignore).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from stkg.api.app import create_app
from stkg.config.settings import Settings
from stkg.graph.driver import Graph

HOSTILE = [
    "CREATE (n:Entity {id: 'x:1'})",
    "MERGE (n:Entity {id: 'x:1'})",
    "MATCH (n) SET n.hacked = true",
    "MATCH (n) DELETE n",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n) REMOVE n.id",
    "MATCH (n) REMOVE n:Entity",
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "CALL () { MATCH (n) SET n.x = 1 } IN TRANSACTIONS RETURN 1",
    "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS",
    "CREATE INDEX hacked FOR (n:Entity) ON (n.hacked)",
    "DROP CONSTRAINT some_constraint",
    "CALL dbms.listConfig()",
    "CALL dbms.security.createUser('eve', 'password123', false)",
    "SHOW USERS",
    "CALL db.createLabel('Hacked')",
    "CALL db.createProperty('hacked')",
    "MATCH (n) CALL (n) { SET n.x = 1 } RETURN count(*)",
    "MATCH (n) /* harmless? */ SET n.x = 1",
    "MATCH (n) // comment\nSET n.x = 1",
    "MATCH (n) ＳＥＴ n.x = 1",
    "MATCH (n) RETURN n; CREATE (m)",
    "FOREACH (i IN range(1, 3) | CREATE (:Entity {id: 'x:' + i}))",
    "CALL db.clearQueryCaches()",
    "CALL dbms.killQueries(['query-1'])",
    "UNWIND [1] AS i CALL (i) { CREATE (:Entity {id: 'sub:' + i}) } RETURN i",
]


@pytest.fixture
def client(neo4j_settings: Settings, graph: Graph) -> Iterator[TestClient]:
    graph.write("UNWIND range(1, 30) AS i CREATE (:Entity {id: 'probe:' + i, n: i})")
    with TestClient(create_app(neo4j_settings)) as c:
        yield c


def _fingerprint(graph: Graph) -> tuple[int, list[str], list[str]]:
    nodes = graph.read("MATCH (n) RETURN count(n) AS c, collect(properties(n)) AS p")[0]
    labels = graph.read("CALL db.labels() YIELD label RETURN collect(label) AS l")[0]["l"]
    idx = graph.read("SHOW INDEXES YIELD name RETURN collect(name) AS n")[0]["n"]
    return nodes["c"], sorted(map(str, nodes["p"])) + sorted(labels), sorted(idx)


def test_read_query_with_params_and_row_cap(client: TestClient) -> None:
    body = {
        "query": "MATCH (n:Entity) WHERE n.n > $min RETURN n ORDER BY n.n",
        "params": {"min": 10},
        "max_rows": 5,
    }
    response = client.post("/cypher", json=body)
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["ok"] and data["truncated"] is True and len(data["rows"]) == 5
    first = data["rows"][0]["n"]
    assert first == {
        "id": "probe:11",
        "labels": ["Entity"],
        "properties": {"id": "probe:11", "n": 11},
    }


def test_paths_and_relationships_serialise_as_nodes_and_edges(
    client: TestClient, graph: Graph
) -> None:
    graph.write(
        "MATCH (a:Entity {id: 'probe:1'}), (b:Entity {id: 'probe:2'}) CREATE (a)-[:SUPPORTS]->(b)"
    )
    body = {"query": "MATCH p = (:Entity {id: 'probe:1'})-[r]->() RETURN p, r"}
    row = client.post("/cypher", json=body).json()["rows"][0]
    assert [n["id"] for n in row["p"]["nodes"]] == ["probe:1", "probe:2"]
    assert (
        row["r"]["type"] == "SUPPORTS"
        and row["r"]["source"] == "probe:1"
        and row["r"]["target"] == "probe:2"
    )


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_cypher_is_refused_and_changes_nothing(
    client: TestClient, graph: Graph, query: str
) -> None:
    before = _fingerprint(graph)
    response = client.post("/cypher", json={"query": query})
    assert response.status_code in (400, 403), (query, response.status_code, response.text)
    assert response.headers["content-type"] == "application/problem+json"
    assert "Traceback" not in response.text
    assert _fingerprint(graph) == before


def test_long_running_query_is_cancelled(client: TestClient) -> None:
    body = {
        # 10^10 rows: no machine finishes this within the one-second budget.
        "query": "UNWIND range(1, 100000) AS i UNWIND range(1, 100000) AS j "
        "WITH i, j WHERE (i * j) % 7 = 99 RETURN count(*)",
        "timeout": 1,
    }
    response = client.post("/cypher", json=body)
    assert response.status_code == 408, response.text


def test_huge_result_is_capped(client: TestClient) -> None:
    body = {"query": "UNWIND range(1, 1000000) AS i RETURN i", "max_rows": 10000}
    data = client.post("/cypher", json=body).json()
    assert len(data["rows"]) == 10000 and data["truncated"] is True


def test_invalid_body_is_a_422_problem(client: TestClient) -> None:
    response = client.post("/cypher", json={"query": "", "max_rows": -1})
    assert response.status_code == 422
    assert {e["loc"][-1] for e in response.json()["errors"]} == {"query", "max_rows"}
