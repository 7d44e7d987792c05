"""``GET /search?as_of=``: a field renamed before the day is found by the name it had then
and ranked by it; its former name is found as one no longer in use. A product listed under
a field version of a dated edition is in use while an edition listing it is in force.

On the two seeds the field IoT (``field:iot``) is printed 스마트홈 in the 2022 edition, in
force from 2022-01-01 (the 2021 edition, from 2021-01-01, prints IoT)."""

from __future__ import annotations

from typing import Any

import pytest
from api_helpers import ok
from fastapi.testclient import TestClient

from stkg.graph.driver import Graph
from stkg.graph.schema import drop_schema, sync

IOT = "field:iot"
IOT_2021 = "fieldversion:iot@중소기업기술로드맵@2021"
HOME_2022 = "fieldversion:스마트홈@중소기업기술로드맵@2022"
IN_2021, IN_2023 = "2021-06-01", "2023-06-01"


@pytest.fixture(scope="module")
def client(synced_client: TestClient) -> TestClient:
    return synced_client


def search(client: TestClient, q: str, day: str, **params: str) -> dict[str, Any]:
    body: dict[str, Any] = ok(client, "/search", q=q, as_of=day, limit="200", **params)
    flags = [r["validOnDate"] for r in body["rows"]]
    assert flags == sorted(flags, reverse=True), flags  # names in use first
    return body


def rows(body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in body["rows"]}


@pytest.mark.parametrize("index", [True, False], ids=["fulltext", "contains"])
def test_a_field_is_found_by_the_name_it_had_that_day_and_ranked_by_it(
    client: TestClient, seeded: Graph, index: bool
) -> None:
    if not index:
        drop_schema(seeded)
    try:
        body = search(client, "스마트홈", IN_2023)
        assert body["method"] == ("fulltext" if index else "contains")
        found = rows(body)
        assert found[IOT]["validOnDate"] is True
        assert found[IOT]["nameOnDate"] == "스마트홈" and found[IOT]["name"] == "IoT"
        assert found[IOT]["score"] == found[HOME_2022]["score"]  # ranked by that name
        fields = search(client, "스마트홈", IN_2023, label="StrategicField")["rows"]
        assert fields[0]["id"] == IOT
        # before the 2022 edition came in, 스마트홈 was no name of the field yet
        early = rows(search(client, "스마트홈", IN_2021))
        assert early[IOT]["validOnDate"] is False and early[IOT]["nameOnDate"] is None
        assert early[HOME_2022]["validOnDate"] is False
    finally:
        if not index:
            sync(seeded)


def test_the_former_name_is_found_as_no_longer_in_use(client: TestClient) -> None:
    later = search(client, "IoT", IN_2023)
    found = rows(later)
    assert found[IOT]["validOnDate"] is False and found[IOT]["nameOnDate"] is None
    assert found[IOT_2021]["validOnDate"] is False  # its edition no longer in force
    ids = [r["id"] for r in later["rows"]]
    valid = [r["id"] for r in later["rows"] if r["validOnDate"]]
    assert valid and all(ids.index(v) < ids.index(IOT) for v in valid)
    then = search(client, "IoT", IN_2021)
    assert then["rows"][0]["id"] in (IOT, IOT_2021)
    assert rows(then)[IOT]["validOnDate"] is True and rows(then)[IOT]["nameOnDate"] == "IoT"


def test_without_as_of_the_answer_is_as_before(client: TestClient) -> None:
    body = ok(client, "/search", q="스마트홈")
    assert "validOnDate" not in body["columns"] and "nameOnDate" not in body["columns"]
    assert IOT not in {r["id"] for r in body["rows"]}


def _listed_products(seeded: Graph, edition: str) -> dict[str, str]:
    """id → name of the products listed under a field version of ``edition``."""
    rows = seeded.rows(
        "MATCH (p:StrategicProduct)-[:BELONGS_TO_FIELD]->(:FieldVersion)"
        "<-[:HAS_FIELD_VERSION]-(:RoadmapEdition {id: $edition}) "
        "RETURN DISTINCT p.id AS id, p.name AS name",
        {"edition": edition},
    ).rows
    return {r["id"]: r["name"] for r in rows}


@pytest.mark.parametrize("index", [True, False], ids=["fulltext", "contains"])
def test_a_product_is_in_use_while_an_edition_listing_it_is_in_force(
    client: TestClient, seeded: Graph, index: bool
) -> None:
    listed = _listed_products(seeded, "edition:중소기업기술로드맵@2022")
    assert listed, "the 2022 seed lists products under its fields"
    if not index:
        drop_schema(seeded)
    try:
        for pid, name in listed.items():
            then = rows(search(client, name, IN_2023, label="StrategicProduct"))
            assert then[pid]["validOnDate"] is True and then[pid]["nameOnDate"] == name
            before = rows(search(client, name, IN_2021, label="StrategicProduct"))
            assert before[pid]["validOnDate"] is False  # the 2021 edition did not list it
        # a product no field version lists keeps its own interval: in use on every day
        unlisted = rows(search(client, "AI", IN_2021, label="StrategicProduct"))
        assert unlisted["product:ai"]["validOnDate"] is True
        # so does one listed only by an undated edition (in force on no day)
        pid, name = next(
            iter(_listed_products(seeded, "edition:스마트제조전략기술로드맵@2025").items())
        )
        assert rows(search(client, name, IN_2021, label="StrategicProduct"))[pid]["validOnDate"]
    finally:
        if not index:
            sync(seeded)
