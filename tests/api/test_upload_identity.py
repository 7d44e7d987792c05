"""POST /ingest: an uploaded document keeps its identity across versions (issue 17).

An upload used to be known by the path of its temporary copy, so a changed upload never
superseded the earlier one. Now it is known by its ``source_url``, else its ``name``, else
its file name within the caller's key scope, and versions supersede each other exactly as
files ingested again from disk do.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from api_helpers import is_problem
from fastapi.testclient import TestClient
from pydantic import SecretStr

from stkg.api.app import create_app
from stkg.config.settings import Settings
from stkg.graph.driver import Graph

KEY_A, KEY_B = "key-a-7f3c9d2e", "key-b-81c4e6a0"
FIRST = "중기부와 KISTA가 함께 로드맵을 수립했다.\n".encode()
SECOND = "지재처가 특허 분석을 맡는다.\n".encode()
FIRST_ORGS = {"organization:중소벤처기업부", "organization:한국특허전략개발원"}
SECOND_ORGS = {"organization:지식재산처"}
URL = "https://www.example.go.kr/press/2025/plan.txt"

#: organisations the current (not superseded) version of each origin supports
CURRENT_FACTS = (
    "MATCH (x:Evidence)-[:SUPPORTS]->(o:Organization) MATCH (x)-[:CITES_DOCUMENT]->(d) "
    "WHERE NOT ()-[:SUPERSEDES]->(d) RETURN d.origin AS origin, collect(DISTINCT o.id) AS orgs"
)
#: organisations any evidence supports, whatever its document
ALL_FACTS = "MATCH (x:Evidence)-[:SUPPORTS]->(o:Organization) RETURN collect(DISTINCT o.id) AS orgs"
HISTORY = (
    "MATCH (new:SourceDocument)-[:SUPERSEDES]->(old:SourceDocument) "
    "RETURN new.id AS new, old.id AS old, new.origin AS origin ORDER BY new, old"
)
COUNTS = (
    "CALL () { MATCH (n) RETURN count(n) AS nodes } "
    "CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels"
)


@pytest.fixture
def client(neo4j_settings: Settings, graph: Graph) -> Iterator[TestClient]:
    settings = neo4j_settings.model_copy(update={"api_keys": [SecretStr(KEY_A), SecretStr(KEY_B)]})
    with TestClient(create_app(settings)) as c:
        yield c


def upload(
    client: TestClient, content: bytes, file: str = "plan.txt", key: str = KEY_A, **form: Any
) -> httpx.Response:
    return client.post(
        "/ingest",
        files=[("files", (file, content, "text/plain"))],
        data=form,
        headers={"X-API-Key": key},
    )


def report(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 200, response.text
    documents = response.json()["documents"]
    assert len(documents) == 1, documents
    return documents[0]


def current(graph: Graph) -> dict[str, set[str]]:
    return {r["origin"]: set(r["orgs"]) for r in graph.read(CURRENT_FACTS)}


def test_a_changed_upload_supersedes_the_earlier_version(client: TestClient, graph: Graph) -> None:
    first = report(upload(client, FIRST))
    assert first["status"] == "written" and first["superseded"] is None
    origin = first["origin"]
    assert origin.startswith("upload:key-") and origin.endswith("/plan.txt")
    assert current(graph) == {origin: FIRST_ORGS}

    second = report(upload(client, SECOND))
    assert second["status"] == "written" and second["origin"] == origin
    assert second["superseded"] == first["document"] != second["document"]
    # the facts only the first version asserted are gone, not merely hidden
    assert set(graph.read(ALL_FACTS)[0]["orgs"]) == SECOND_ORGS
    assert current(graph) == {origin: SECOND_ORGS}
    assert graph.read(HISTORY) == [
        {"new": second["document"], "old": first["document"], "origin": origin}
    ]

    # the same content again is a no-op
    before = graph.read(COUNTS)
    again = report(upload(client, SECOND))
    assert again["status"] == "unchanged" and again["document"] == second["document"]
    assert graph.read(COUNTS) == before


def test_a_given_name_identifies_the_upload_whatever_the_file_is_called(
    client: TestClient, graph: Graph
) -> None:
    first = report(upload(client, FIRST, file="draft-1.txt", name="roadmaps/2025/plan"))
    second = report(upload(client, SECOND, file="draft-2-final.txt", name="roadmaps/2025/plan"))
    assert first["origin"] == second["origin"]
    assert first["origin"].endswith("/roadmaps/2025/plan")
    assert second["superseded"] == first["document"]
    assert current(graph) == {first["origin"]: SECOND_ORGS}


def test_each_api_key_names_its_own_uploads(client: TestClient, graph: Graph) -> None:
    a = report(upload(client, FIRST, key=KEY_A))
    b = report(upload(client, SECOND, key=KEY_B))
    assert b["status"] == "written" and b["superseded"] is None
    assert a["origin"] != b["origin"] and a["origin"].endswith("/plan.txt")
    assert current(graph) == {a["origin"]: FIRST_ORGS, b["origin"]: SECOND_ORGS}
    # the scope is not the key, nor anything that contains it
    assert KEY_A not in a["origin"] and KEY_B not in b["origin"]


def test_a_source_url_is_the_identity_for_every_key(client: TestClient, graph: Graph) -> None:
    first = report(upload(client, FIRST, key=KEY_A, source_url=URL))
    assert first["origin"] == URL  # as `stkg ingest URL` records a download
    second = report(upload(client, SECOND, file="other-name.txt", key=KEY_B, source_url=URL))
    assert second["origin"] == URL and second["superseded"] == first["document"]
    assert current(graph) == {URL: SECOND_ORGS}


def test_an_upload_that_goes_back_to_an_earlier_version_is_current_again(
    client: TestClient, graph: Graph
) -> None:
    first = report(upload(client, FIRST))
    second = report(upload(client, SECOND))
    back = report(upload(client, FIRST))
    assert back["status"] == "written" and back["document"] == first["document"]
    assert back["superseded"] == second["document"]
    assert current(graph) == {first["origin"]: FIRST_ORGS}
    assert set(graph.read(ALL_FACTS)[0]["orgs"]) == FIRST_ORGS
    # one current version, and the history says which replaced which last
    assert graph.read(HISTORY) == [
        {"new": first["document"], "old": second["document"], "origin": first["origin"]}
    ]


def test_several_files_take_their_names_in_order(client: TestClient, graph: Graph) -> None:
    response = client.post(
        "/ingest",
        files=[
            ("files", ("a.txt", FIRST, "text/plain")),
            ("files", ("b.txt", SECOND, "text/plain")),
        ],
        data={"name": ["", "notes/b"], "source_url": [URL, ""]},
        headers={"X-API-Key": KEY_A},
    )
    assert response.status_code == 200, response.text
    origins = [d["origin"] for d in response.json()["documents"]]
    assert origins[0] == URL and origins[1].endswith("/notes/b")


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ({"name": "../etc/passwd"}, "'..'"),
        ({"name": "a//b"}, "empty"),
        ({"name": "x" * 301}, "300"),
        ({"name": "bad\x00name"}, "control"),
        ({"source_url": "ftp://example.org/plan.txt"}, "http(s)"),
        ({"source_url": "file:///etc/passwd"}, "http(s)"),
        ({"name": "plan", "source_url": URL}, "not both"),
        ({"name": ["a", "b"]}, "one per file"),
    ],
)
def test_a_bad_identity_is_refused_before_anything_is_written(
    client: TestClient, graph: Graph, form: dict[str, Any], expected: str
) -> None:
    before = graph.read(COUNTS)
    response = upload(client, FIRST, **form)
    assert is_problem(response, 422), response.text
    assert expected in response.json()["detail"]
    assert graph.read(COUNTS) == before


def test_an_uploaded_documents_text_is_not_served_back(client: TestClient) -> None:
    document = report(upload(client, FIRST))["document"]
    response = client.get(f"/documents/{document}/context", params={"start": 0, "end": 3})
    assert is_problem(response, 404)
    assert "uploads are not kept" in response.json()["detail"]


def test_openapi_documents_the_identity_fields(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    body = schema["paths"]["/ingest"]["post"]["requestBody"]["content"]["multipart/form-data"]
    ref = body["schema"]["$ref"].rsplit("/", 1)[-1]
    fields = schema["components"]["schemas"][ref]["properties"]
    assert {"files", "name", "source_url"} <= set(fields)
    assert "scope" in fields["name"]["description"]
    assert "URL" in fields["source_url"]["description"]
