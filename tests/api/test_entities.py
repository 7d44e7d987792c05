"""``/entities/{id}`` and ``/classes/{label}/entities`` against the seeded graph."""

from __future__ import annotations

import base64
import csv
import io

from api_helpers import is_problem
from fastapi.testclient import TestClient

from stkg.graph.driver import Graph
from stkg.ontology.ids import instance_iri


def test_entity_by_typed_id_and_by_iri(client: TestClient) -> None:
    by_id = client.get("/entities/field:드론")
    assert by_id.status_code == 200
    body = by_id.json()
    assert body["id"] == "field:드론" and "StrategicField" in body["labels"]
    assert body["name"] == "드론" and body["iri"] == instance_iri("field:드론")
    versions = {n["name"] for n in body["neighbours"] if n["type"] == "VERSION_OF"}
    assert versions == {"드론", "드론·개인이동수단"}
    assert all(n["direction"] == "in" for n in body["neighbours"] if n["type"] == "VERSION_OF")
    by_iri = client.get("/entities/" + instance_iri("field:드론"))
    assert by_iri.status_code == 200 and by_iri.json() == body


def test_display_name_follows_lang_and_falls_back(client: TestClient) -> None:
    kista = "organization:한국특허전략개발원"
    ko = client.get(f"/entities/{kista}").json()
    en = client.get(f"/entities/{kista}", params={"lang": "en"}).json()
    assert ko["name"] == "한국특허전략개발원"
    assert en["name"] == ko["names"]["en"] and en["name"] and en["name"] != ko["name"]
    # a field has no English name: English falls back to Korean
    assert client.get("/entities/field:드론", params={"lang": "en"}).json()["name"] == "드론"


def test_evidence_neighbours_only_on_request(client: TestClient) -> None:
    vid = "fieldversion:드론@중소기업기술로드맵@2021"
    plain = client.get(f"/entities/{vid}").json()["neighbours"]
    with_evidence = client.get(f"/entities/{vid}", params={"evidence": "true"}).json()["neighbours"]
    assert not any("Evidence" in n["labels"] for n in plain)
    assert any(n["type"] == "SUPPORTS" and n["direction"] == "in" for n in with_evidence)


def test_unknown_entities_are_404_problems_naming_the_id(client: TestClient) -> None:
    for raw in ("field:없는분야", "https://w3id.org/stkg/id/field:%EC%97%86%EC%9D%8C"):
        response = client.get(f"/entities/{raw}")
        assert is_problem(response, 404), raw
    missing = client.get("/entities/field:없는분야").json()
    assert "field:없는분야" in missing["detail"] and missing["id"] == "field:없는분야"


def test_what_is_not_an_id_is_refused_by_the_schema_pattern(client: TestClient) -> None:
    """An id's type must be the id prefix of an entity class (the OpenAPI pattern says so)."""
    for raw in ("no-colon", "nosuchtype:드론", "https://example.org/field:드론", " field:드론"):
        response = client.get(f"/entities/{raw}")
        assert is_problem(response, 422), raw
        assert response.json()["errors"][0]["loc"] == ["path", "id"], raw


def _walk(client: TestClient, label: str, size: int, **extra: str) -> list[str]:
    ids: list[str] = []
    response = client.get(f"/classes/{label}/entities", params={"_size": size, **extra})
    pages = 0
    while True:
        assert response.status_code == 200
        body = response.json()
        ids.extend(r["id"] for r in body["rows"])
        pages += 1
        if body["next_url"] is None:
            assert "link" not in response.headers
            return ids
        assert response.headers["link"] == f'<{body["next_url"]}>; rel="next"'
        assert base64.urlsafe_b64decode(body["next"] + "==").decode() == body["rows"][-1]["id"]
        response = client.get(body["next_url"])
        assert pages < 200


def test_keyset_pagination_walks_a_class_without_duplicates_or_gaps(
    client: TestClient, seeded: Graph
) -> None:
    expected = [
        r["id"] for r in seeded.read("MATCH (n:FieldVersion) RETURN n.id AS id ORDER BY id")
    ]
    assert len(expected) > 30
    for size in (1, 7, 30, 1000):
        walked = _walk(client, "FieldVersion", size)
        assert walked == expected, size


def test_name_filter_and_csv(client: TestClient) -> None:
    walked = _walk(client, "FieldVersion", 1, q="드론")
    assert walked == [
        "fieldversion:드론@중소기업기술로드맵@2021",
        "fieldversion:드론개인이동수단@중소기업기술로드맵@2022",
    ]
    english = client.get("/classes/Organization/entities", params={"q": "property STRATEGY"}).json()
    assert [r["id"] for r in english["rows"]] == ["organization:한국특허전략개발원"]
    response = client.get(
        "/classes/Programme/entities", params={"_size": 2}, headers={"Accept": "text/csv"}
    )
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == ["id", "name", "nameEn", "labels"] and len(rows) == 3
    assert 'rel="next"' in response.headers["link"]


def test_unknown_class_and_bad_cursor(client: TestClient) -> None:
    response = client.get("/classes/Drone/entities")
    assert is_problem(response, 404)
    assert "StrategicField" in response.json()["valid"] and "Drone" in response.json()["detail"]
    # a meta class is defined, but its nodes have no typed ids to page by
    assert is_problem(client.get("/classes/OntologyClass/entities"), 404)
    for bad in ("%%%", "abcde", "cHJv=", "a b"):  # not unpadded URL-safe base64
        response = client.get("/classes/Programme/entities", params={"after": bad})
        assert is_problem(response, 422) and response.json()["errors"][0]["loc"] == [
            "query",
            "after",
        ], bad
    assert is_problem(client.get("/classes/Programme/entities", params={"_size": 0}), 422)


def test_any_cursor_the_pattern_admits_is_a_position_in_the_id_order(
    client: TestClient, seeded: Graph
) -> None:
    """The cursor's pattern is its whole contract: one this API did not make still pages."""
    ids = [r["id"] for r in seeded.read("MATCH (n:Programme) RETURN n.id AS id ORDER BY id")]
    for after in ("programme:", ids[0], "zz"):
        cursor = base64.urlsafe_b64encode(after.encode()).decode().rstrip("=")
        body = client.get("/classes/Programme/entities", params={"after": cursor}).json()
        assert [r["id"] for r in body["rows"]] == [i for i in ids if i > after]
    not_utf8 = client.get("/classes/Programme/entities", params={"after": "_w"})  # b"\xff"
    assert not_utf8.status_code == 200 and not_utf8.json()["rows"] == []
