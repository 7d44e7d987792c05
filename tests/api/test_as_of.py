"""``as_of=YYYY-MM-DD`` on ``/entities/{id}`` and ``/search``, on the seeded graph with the
reference organisations synced (their ``validFrom``/``validUntil`` and ``predecessorOf``
links, as ``stkg ontology sync`` writes them)."""

from __future__ import annotations

import pytest
from api_helpers import is_problem
from fastapi.testclient import TestClient

from stkg.graph.driver import Graph
from stkg.graph.schema import drop_schema, sync

SMBA = "organization:중소기업청"  # 1996-02-09 .. 2017-07-26
MSS = "organization:중소벤처기업부"  # 2017-07-26 ..
KIPO = "organization:특허청"  # 1977-03-12 .. 2025-10-01
MOIP = "organization:지식재산처"  # 2025-10-01 ..
MEST = "organization:교육과학기술부"  # 2008-02-29 .. 2013-03-23, split in two
MOE = "organization:교육부"
MSIP = "organization:미래창조과학부"  # 2013-03-23 .. 2017-07-26
MSIT = "organization:과학기술정보통신부"  # 2017-07-26 ..
MOST = "organization:과학기술부"  # 1998-02-28 .. 2008-02-29, merged into MEST
MOEHRD = "organization:교육인적자원부"  # 2001-01-29 .. 2008-02-29, merged into MEST


@pytest.fixture(scope="module")
def client(synced_client: TestClient) -> TestClient:
    return synced_client


@pytest.mark.parametrize(
    ("asked", "day", "shown"),
    [
        # 중소기업청 → 중소벤처기업부: before, first day, inside, last day, rename day, after
        (SMBA, "1996-02-09", SMBA),
        (SMBA, "2016-01-01", SMBA),
        (SMBA, "2017-07-25", SMBA),
        (SMBA, "2017-07-26", MSS),
        (SMBA, "2020-01-01", MSS),
        (MSS, "2016-01-01", SMBA),
        (MSS, "1996-02-09", SMBA),
        (MSS, "2017-07-26", MSS),
        (MSS, "2030-01-01", MSS),
        # 특허청 → 지식재산처
        (KIPO, "1977-03-12", KIPO),
        (KIPO, "2020-01-01", KIPO),
        (KIPO, "2025-09-30", KIPO),
        (KIPO, "2025-10-01", MOIP),
        (KIPO, "2026-01-01", MOIP),
        (MOIP, "2020-01-01", KIPO),
        (MOIP, "2025-10-01", MOIP),
        # two renames along the line: 미래창조과학부 → 과학기술정보통신부, from 교육과학기술부
        (MSIT, "2010-01-01", MEST),
        (MEST, "2015-01-01", MOE),
    ],
)
def test_an_organisation_as_of_a_day_is_the_body_of_its_line_valid_then(
    client: TestClient, asked: str, day: str, shown: str
) -> None:
    response = client.get(f"/entities/{asked}", params={"as_of": day})
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["id"], body["requested"], body["asOf"]) == (shown, asked, day)
    assert body["name"] == shown.split(":", 1)[1]
    props = body["properties"]
    assert props["validFrom"] <= day and ("validUntil" not in props or day < props["validUntil"])


def test_the_body_shown_is_the_whole_entity_of_that_node(client: TestClient) -> None:
    """``?as_of=2020-01-01`` on 중소기업청 answers what ``/entities/중소벤처기업부`` does,
    with the day and the id asked for."""
    shown = client.get(f"/entities/{SMBA}", params={"as_of": "2020-01-01"}).json()
    plain = client.get(f"/entities/{MSS}").json()
    assert shown.pop("requested") == SMBA and shown.pop("asOf") == "2020-01-01"
    assert shown.pop("alsoValid") == []
    assert plain.pop("requested") is None and plain.pop("asOf") is None
    assert plain.pop("alsoValid") is None
    # the names in use are those of the day asked for, and of today without it
    assert shown.pop("nameInUse")["on"] == "2020-01-01" and plain.pop("nameInUse")["id"] == MSS
    for answer in (shown, plain):
        for n in answer["neighbours"]:
            n.pop("nameInUse")
    assert shown == plain
    # the same through the instance IRI
    iri = client.get(f"/entities/{plain['iri']}", params={"as_of": "2016-01-01"}).json()
    assert (iri["id"], iri["requested"]) == (SMBA, MSS)


def test_a_split_shows_the_nearest_body_and_lists_the_others(client: TestClient) -> None:
    """교육과학기술부 became 교육부 and 미래창조과학부 (then 과학기술정보통신부)."""
    body = client.get(f"/entities/{MEST}", params={"as_of": "2020-01-01"}).json()
    assert body["id"] == MOE and body["alsoValid"] == [MSIT]
    merged = client.get(f"/entities/{MEST}", params={"as_of": "2005-01-01"}).json()
    assert {merged["id"], *merged["alsoValid"]} == {MOST, MOEHRD}


@pytest.mark.parametrize(
    ("asked", "day"),
    [(SMBA, "1990-01-01"), (MSS, "1996-02-08"), (KIPO, "1970-01-01"), (MOIP, "1977-03-11")],
)
def test_no_body_of_the_line_on_that_day_is_a_404_problem(
    client: TestClient, asked: str, day: str
) -> None:
    response = client.get(f"/entities/{asked}", params={"as_of": day})
    assert is_problem(response, 404), response.text
    body = response.json()
    assert body["title"] == "No body on that date"
    assert body["id"] == asked and body["asOf"] == day and day in body["detail"]
    line = {row["id"]: row for row in body["line"]}
    assert asked in line and all(row["validFrom"] > day for row in line.values())


@pytest.mark.parametrize(
    "day",
    ["2020-13-01", "2020-02-30", "yesterday", "2020-1-1", "0", "1577836800", "2020-01-01T00:00"],
)
def test_an_invalid_day_is_a_422_problem(client: TestClient, day: str) -> None:
    for path, params in (
        (f"/entities/{SMBA}", {"as_of": day}),
        ("/search", {"q": "중소기업청", "as_of": day}),
    ):
        response = client.get(path, params=params)
        assert is_problem(response, 422), (path, day, response.text)
        assert response.json()["errors"][0]["loc"] == ["query", "as_of"]


def test_an_entity_without_an_interval_is_itself_on_every_day(client: TestClient) -> None:
    for day in ("1900-01-01", "2022-06-01"):
        body = client.get("/entities/field:드론", params={"as_of": day}).json()
        assert (body["id"], body["requested"], body["asOf"]) == ("field:드론", "field:드론", day)


def test_without_as_of_nothing_changes(client: TestClient) -> None:
    body = client.get(f"/entities/{SMBA}").json()
    assert body["id"] == SMBA
    assert body["asOf"] is None and body["requested"] is None and body["alsoValid"] is None


def _ranked(client: TestClient, q: str, day: str, **params: str) -> dict:
    body = client.get("/search", params={"q": q, "as_of": day, **params}).json()
    flags = [row["validOnDate"] for row in body["rows"]]
    assert flags == sorted(flags, reverse=True), flags  # every valid hit before the others
    return body


def test_search_as_of_ranks_the_names_in_use_that_day_first(client: TestClient) -> None:
    for day, valid, stale in (("2016-01-01", SMBA, MSS), ("2020-01-01", MSS, SMBA)):
        body = _ranked(client, "중소", day, label="Organization")
        assert body["method"] == "fulltext" and "validOnDate" in body["columns"]
        rows = {row["id"]: row["validOnDate"] for row in body["rows"]}
        assert rows[valid] is True and rows[stale] is False
        ids = [row["id"] for row in body["rows"]]
        assert ids.index(valid) < ids.index(stale)
    # a name no longer in use is still found, after those in use
    old = _ranked(client, "중소기업청", "2020-01-01")
    assert {"id": SMBA, "validOnDate": False}.items() <= next(
        row for row in old["rows"] if row["id"] == SMBA
    ).items()
    # without as_of the answer is as before: no validOnDate column
    plain = client.get("/search", params={"q": "중소"}).json()
    assert "validOnDate" not in plain["columns"]


def test_search_as_of_without_the_index_ranks_the_same_way(
    client: TestClient, seeded: Graph
) -> None:
    drop_schema(seeded)
    try:
        for day, valid, stale in (("2016-01-01", SMBA, MSS), ("2020-01-01", MSS, SMBA)):
            body = _ranked(client, "중소", day, label="Organization")
            assert body["method"] == "contains"
            rows = {row["id"]: row["validOnDate"] for row in body["rows"]}
            assert rows[valid] is True and rows[stale] is False
    finally:
        sync(seeded)


def test_the_openapi_documents_as_of(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/entities/{id}", "/search"):
        params = {p["name"]: p for p in paths[path]["get"]["parameters"]}
        schema = params["as_of"]["schema"]
        assert {"type": "string", "format": "date"} in schema.get("anyOf", [schema])
        assert "`YYYY-MM-DD`" in params["as_of"]["description"]
    entity = paths["/entities/{id}"]["get"]["responses"]
    assert "404" in entity and "as_of" in entity["404"]["description"]
