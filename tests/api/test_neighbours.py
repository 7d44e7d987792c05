"""``/entities/{id}/neighbours``: one relationship type of one entity, page by page."""

from __future__ import annotations

import csv
import io

from api_helpers import EDITION_2022, is_problem
from fastapi.testclient import TestClient

from stkg.graph.driver import Graph

VERSIONS = f"/entities/{EDITION_2022}/neighbours"


def _pages(client: TestClient, url: str, **params: object) -> list[list[str]]:
    pages: list[list[str]] = []
    response = client.get(url, params=params)
    while True:
        assert response.status_code == 200, response.text
        body = response.json()
        pages.append([r["id"] for r in body["rows"]])
        if body["next_url"] is None:
            return pages
        assert response.headers["link"] == f'<{body["next_url"]}>; rel="next"'
        response = client.get(body["next_url"])
        assert len(pages) < 100


def test_pages_walk_one_type_on_one_side_without_duplicates_or_gaps(
    client: TestClient, seeded: Graph
) -> None:
    expected = [
        r["id"]
        for r in seeded.read(
            "MATCH (:Entity {id: $e})-[:HAS_FIELD_VERSION]->(v) RETURN v.id AS id ORDER BY id",
            e=EDITION_2022,
        )
    ]
    assert len(expected) > 7
    for size in (1, 7, 1000):
        pages = _pages(client, VERSIONS, type="HAS_FIELD_VERSION", _size=size)
        assert [i for page in pages for i in page] == expected, size
        assert all(len(page) <= size for page in pages)


def test_rows_carry_the_neighbour_and_the_relationship(client: TestClient) -> None:
    body = client.get(VERSIONS, params={"type": "HAS_FIELD_VERSION", "q": "드론"}).json()
    assert body["columns"] == ["id", "name", "nameEn", "labels", "properties", "relationship"]
    (row,) = body["rows"]
    assert row["id"] == "fieldversion:드론개인이동수단@중소기업기술로드맵@2022"
    assert "FieldVersion" in row["labels"] and row["properties"]["id"] == row["id"]
    assert row["name"] == row["properties"]["name"]
    assert isinstance(row["relationship"], dict)


def test_the_other_side_reads_the_relationships_the_entity_ends(client: TestClient) -> None:
    version = "fieldversion:드론@중소기업기술로드맵@2021"
    body = client.get(
        f"/entities/{version}/neighbours", params={"type": "VERSION_OF", "direction": "in"}
    ).json()
    assert body["rows"] == []  # a field version starts VERSION_OF; it ends none
    out = client.get(f"/entities/{version}/neighbours", params={"type": "VERSION_OF"}).json()
    assert [r["id"] for r in out["rows"]] == ["field:드론"]
    back = client.get(
        "/entities/field:드론/neighbours", params={"type": "VERSION_OF", "direction": "in"}
    ).json()
    assert version in [r["id"] for r in back["rows"]]


def test_csv_and_problems(client: TestClient) -> None:
    response = client.get(
        VERSIONS, params={"type": "HAS_FIELD_VERSION", "_size": 2}, headers={"Accept": "text/csv"}
    )
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0][:4] == ["id", "name", "nameEn", "labels"] and len(rows) == 3
    assert 'rel="next"' in response.headers["link"]
    unknown_type = client.get(VERSIONS, params={"type": "FLIES_TO"})
    assert is_problem(unknown_type, 422) and "FLIES_TO" in unknown_type.json()["detail"]
    missing = client.get("/entities/field:없는분야/neighbours", params={"type": "VERSION_OF"})
    assert is_problem(missing, 404) and missing.json()["id"] == "field:없는분야"
    assert is_problem(client.get(VERSIONS), 422)  # the type is required
