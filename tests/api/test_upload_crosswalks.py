"""An upload (POST /ingest) brings the crosswalks up to date: the fields of the editions
it lists are mapped at once, and the long lineage follows them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from stkg.api.app import create_app
from stkg.config.settings import Settings
from stkg.graph.driver import Graph

KEY = "key-crosswalk-5d1e"
SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "09_roadmap_fields_2019_2020.html"
ED = "중소기업기술로드맵"


@pytest.fixture
def client(neo4j_settings: Settings, graph: Graph) -> Iterator[TestClient]:
    settings = neo4j_settings.model_copy(update={"api_keys": [SecretStr(KEY)]})
    with TestClient(create_app(settings)) as c:
        yield c


def test_an_upload_maps_the_fields_of_its_editions(client: TestClient, graph: Graph) -> None:
    assert client.get("/fields/에너지/lineage").status_code == 404
    answer = client.post(
        "/ingest",
        files=[("files", (SAMPLE.name, SAMPLE.read_bytes(), "text/html"))],
        headers={"X-API-Key": KEY},
    )
    assert answer.status_code == 200, answer.text
    body = client.get("/fields/에너지/lineage", params={"include": "proposed"}).json()
    assert {(e["target"], e["change"], e["basis"]) for e in body["edges"]} == {
        (f"fieldversion:신재생에너지@{ED}@2020", "split", "proposed"),
        (f"fieldversion:에너지저장@{ED}@2020", "split", "proposed"),
    }
    # nothing is stated about them, so the default lineage has no edge
    assert client.get("/fields/에너지/lineage").json()["edges"] == []
    runs = graph.read("MATCH (r:CrosswalkRun) RETURN count(r) AS n")
    assert runs == [{"n": 1}]


def test_an_uploaded_patent_list_is_classified_by_the_search_expressions(
    client: TestClient, graph: Graph
) -> None:
    """As with `stkg ingest`: the patents an upload states are linked to the technologies
    whose shipped search expressions they meet, in one classification run."""
    patents = SAMPLE.parent / "07_manufacturing_ai_patents_kr.csv"
    answer = client.post(
        "/ingest",
        files=[("files", (patents.name, patents.read_bytes(), "text/csv"))],
        headers={"X-API-Key": KEY},
    )
    assert answer.status_code == 200, answer.text
    linked = graph.read(
        "MATCH (p:Patent)-[m:MATCHES_TECHNOLOGY]->(t) "
        "RETURN count(DISTINCT p) AS patents, collect(DISTINCT m.classifiedIn) AS runs"
    )
    assert linked[0]["patents"] == 20 and len(linked[0]["runs"]) == 1
