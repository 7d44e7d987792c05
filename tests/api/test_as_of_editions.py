"""``as_of=YYYY-MM-DD`` on the field history, the field lineage, the programme links and
``/lineage/{id}``, and on the ``field-history`` named query: the graph as it stood that day.

On the two seeds the series 중소기업기술로드맵 has two editions, neither with a
``publishedDate``: 2021 (startYear 2021, in force from 2021-01-01) and 2022 (from
2022-01-01, still in force after its plan period ends in 2024). 창업성장 is linked to the
2022 edition only.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import parse_qsl

import pytest
from api_helpers import is_problem, ok
from fastapi.testclient import TestClient

from stkg.api.asof import Edition, in_force, started_by
from stkg.graph.driver import Graph
from stkg.ontology.model import load_ontology
from stkg.ontology.names import quote_name
from stkg.queries.catalog import today

E2021 = "edition:중소기업기술로드맵@2021"
E2022 = "edition:중소기업기술로드맵@2022"
DRONE = "field:드론"
PROGRAMME = "programme:창업성장"
BEFORE, FIRST_DAY, IN_2021, LAST_2021, SECOND_DAY, IN_2022, AFTER = (
    "2020-12-31",
    "2021-01-01",
    "2021-06-01",
    "2021-12-31",
    "2022-01-01",
    "2023-06-01",
    "2030-01-01",
)
BAD_DAYS = ["2021-13-01", "0", "1609459200", "2021-06-01T00:00:00", "21-06-01", "yesterday"]


@pytest.fixture(scope="module")
def client(synced_client: TestClient) -> TestClient:
    return synced_client


def no_edition(client: TestClient, url: str, day: str) -> dict[str, Any]:
    response = client.get(url, params={"as_of": day})
    assert is_problem(response, 404), response.text
    body: dict[str, Any] = response.json()
    assert body["title"] == "No edition in force on that date" and body["asOf"] == day
    return body


def same_links(dated: list[dict[str, Any]], plain: list[dict[str, Any]], day: str) -> None:
    """Programme links with ``as_of`` are those without it; only the day their organisation
    is named on differs: ``as_of`` itself (tests/api/test_programme_organizations.py)."""
    assert all(r["organizationOn"] == day for r in dated)

    def links(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{k: v for k, v in r.items() if k != "organizationOn"} for r in rows]

    assert links(dated) == links(plain)


# the field history ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "editions"),
    [
        (FIRST_DAY, [E2021]),
        (IN_2021, [E2021]),
        (LAST_2021, [E2021]),
        (SECOND_DAY, [E2021, E2022]),
        (IN_2022, [E2021, E2022]),
        (AFTER, [E2021, E2022]),
    ],
)
def test_field_history_as_of_a_day_holds_the_editions_in_force_by_then(
    client: TestClient, day: str, editions: list[str]
) -> None:
    body = ok(client, f"/fields/{DRONE}/history", as_of=day)
    assert [r["edition"] for r in body["rows"]] == editions
    # the last row is the version of the edition in force that day
    assert body["rows"][-1]["edition"] == editions[-1]
    named = ok(client, "/queries/field-history", field="드론", as_of=day)
    assert named["rows"] == body["rows"]


def test_field_history_before_the_first_edition_is_a_404_problem(client: TestClient) -> None:
    body = no_edition(client, f"/fields/{DRONE}/history", BEFORE)
    assert body["id"] == DRONE
    assert body["editions"] == [
        {"edition": E2021, "series": "roadmap:중소기업기술로드맵", "since": "2021-01-01"},
        {"edition": E2022, "series": "roadmap:중소기업기술로드맵", "since": "2022-01-01"},
    ]


def test_field_history_of_an_unknown_field_stays_unknown_with_as_of(client: TestClient) -> None:
    response = client.get("/fields/없는분야/history", params={"as_of": IN_2021})
    assert response.status_code == 404 and response.json()["title"] == "Unknown field"


def test_field_history_without_as_of_is_unchanged(client: TestClient) -> None:
    body = ok(client, f"/fields/{DRONE}/history")
    assert [r["edition"] for r in body["rows"]] == [E2021, E2022]
    assert body == ok(client, f"/fields/{DRONE}/history", as_of=AFTER)
    named = ok(client, "/queries/field-history", field="드론")
    assert named["rows"] == body["rows"]


def test_the_named_query_before_the_first_edition_has_no_rows(client: TestClient) -> None:
    assert ok(client, "/queries/field-history", field="드론", as_of=BEFORE)["rows"] == []


@pytest.mark.parametrize("day", BAD_DAYS)
@pytest.mark.parametrize(
    "url",
    [
        f"/fields/{DRONE}/history",
        f"/fields/{DRONE}/lineage",
        f"/programmes/{PROGRAMME}/links",
        f"/programmes/links?edition={E2022}",
        f"/entities/{DRONE}/programmes",
        f"/lineage/{DRONE}",
        "/queries/field-history?field=드론",
        f"/editions/diff?from={E2021}&to={E2022}",
        f"/queries/edition-diff?from={E2021}&to={E2022}",
        "/queries/editions",
    ],
)
def test_a_day_not_written_yyyy_mm_dd_is_a_422(client: TestClient, url: str, day: str) -> None:
    path, _, query = url.partition("?")
    params = dict(parse_qsl(query))  # `params=` would replace the URL's own query
    assert ok(client, path, **params)  # answered without the day
    response = client.get(path, params={**params, "as_of": day})
    assert is_problem(response, 422), (url, day, response.text)
    assert [e["loc"] for e in response.json()["errors"]] == [["query", "as_of"]]


@pytest.mark.parametrize(
    ("day", "started", "current"),
    [
        (BEFORE, [], []),
        (FIRST_DAY, [E2021], [E2021]),
        (IN_2021, [E2021], [E2021]),
        (LAST_2021, [E2021], [E2021]),
        (SECOND_DAY, [E2021, E2022], [E2022]),
        (IN_2022, [E2021, E2022], [E2022]),
        (AFTER, [E2021, E2022], [E2022]),
    ],
)
def test_the_editions_named_query_as_of_a_day(
    client: TestClient, day: str, started: list[str], current: list[str]
) -> None:
    """Every edition, whatever the day; ``started`` and ``inForce`` answered for it."""
    rows = ok(client, "/queries/editions", as_of=day)["rows"]
    mine = [r for r in rows if r["edition"] in (E2021, E2022)]
    assert [r["edition"] for r in mine] == [E2021, E2022]
    assert [(r["since"]) for r in mine] == ["2021-01-01", "2022-01-01"]
    assert [r["edition"] for r in mine if r["started"]] == started
    assert [r["edition"] for r in mine if r["inForce"]] == current
    for r in rows:  # whichever editions the graph holds besides the seeds'
        assert r["started"] == (r["since"] is not None and r["since"] <= day)
        assert not r["inForce"] or r["started"]
    undated = [r for r in rows if r["since"] is None]
    assert undated and not any(r["started"] or r["inForce"] for r in undated)


def test_the_editions_named_query_without_as_of_answers_for_today(client: TestClient) -> None:
    """``as_of`` defaults to the day the query is asked (UTC), not to every day."""
    day = today().isoformat()
    assert (
        ok(client, "/queries/editions")["rows"]
        == ok(client, "/queries/editions", as_of=day)["rows"]
    )
    spec = {
        p["name"]: p
        for p in next(q for q in ok(client, "/queries") if q["name"] == "editions")["params"]
    }
    assert (spec["as_of"]["default"], spec["as_of"]["required"]) == ("today", False)


# the field lineage ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "editions"),
    [(IN_2021, [E2021]), (SECOND_DAY, [E2021, E2022]), (AFTER, [E2021, E2022])],
)
def test_field_lineage_as_of_a_day(client: TestClient, day: str, editions: list[str]) -> None:
    body = ok(client, f"/fields/{DRONE}/lineage", as_of=day)
    assert body["asOf"] == day
    assert [n["edition"] for n in body["nodes"]] == editions
    kept = {n["id"] for n in body["nodes"]}
    for m in body["edges"] + body["ends"]:
        assert {m["source"], m["target"]} - {None} <= kept


def test_field_lineage_before_the_first_edition_and_without_as_of(client: TestClient) -> None:
    no_edition(client, f"/fields/{DRONE}/lineage", BEFORE)
    plain = ok(client, f"/fields/{DRONE}/lineage")
    assert plain["asOf"] is None
    assert {**plain, "asOf": AFTER} == ok(client, f"/fields/{DRONE}/lineage", as_of=AFTER)


# the edition in force -------------------------------------------------------------------


def test_the_edition_in_force_is_the_latest_of_its_series_to_come_in() -> None:
    calendar = [
        Edition("edition:a@2021", "roadmap:a", "2021-01-01"),
        Edition("edition:a@2022", "roadmap:a", "2022-03-15"),  # a publishedDate
        Edition("edition:b@2025", "roadmap:b", None),  # undated: in force on no day
        Edition("edition:c@2020", None, "2020-01-01"),  # no series: its own
    ]
    day = dt.date.fromisoformat
    assert {k: e.id for k, e in in_force(calendar, day("2022-03-14")).items()} == {
        "roadmap:a": "edition:a@2021",
        "edition:c@2020": "edition:c@2020",
    }
    assert in_force(calendar, day("2022-03-15"))["roadmap:a"].id == "edition:a@2022"
    assert in_force(calendar, day("2019-12-31")) == {}
    assert [e.id for e in started_by(calendar, day("2099-01-01"))] == [
        "edition:a@2021",
        "edition:a@2022",
        "edition:c@2020",
    ]


# the programme links --------------------------------------------------------------------


def test_programme_links_before_its_edition_came_in_are_a_404_problem(client: TestClient) -> None:
    for day in (BEFORE, IN_2021, LAST_2021):
        body = no_edition(client, f"/programmes/{PROGRAMME}/links", day)
        assert [e["edition"] for e in body["editions"]] == [E2022]


@pytest.mark.parametrize("day", [SECOND_DAY, IN_2022, AFTER])
def test_programme_links_as_of_a_day_are_those_of_the_edition_in_force(
    client: TestClient, day: str
) -> None:
    body = ok(client, f"/programmes/{PROGRAMME}/links", as_of=day)
    assert body["rows"] and {r["edition"] for r in body["rows"]} == {E2022}
    same_links(body["rows"], ok(client, f"/programmes/{PROGRAMME}/links")["rows"], day)


def test_programme_links_of_one_edition(client: TestClient) -> None:
    assert ok(client, f"/programmes/{PROGRAMME}/links", edition=E2021)["rows"] == []
    rows = ok(client, f"/programmes/{PROGRAMME}/links", edition=E2022)["rows"]
    assert rows and {r["edition"] for r in rows} == {E2022}
    response = client.get(f"/programmes/{PROGRAMME}/links", params={"edition": DRONE})
    assert response.status_code == 404 and response.json()["title"] == "Unknown roadmap edition"


def test_a_link_to_no_edition_carries_no_date_and_is_kept(
    client: TestClient, seeded: Graph
) -> None:
    """A field concept (no edition) linked to the programme: kept on every day with
    ``as_of``, left out by ``edition=``."""
    onto = load_ontology()
    link = quote_name(onto.rel("linkedProgramme"))
    key = quote_name(onto.prop("id"))
    linked = f"MATCH (f {{{key}: $f}}), (p {{{key}: $p}}) MERGE (f)-[:{link}]->(p)"
    unlinked = f"MATCH ({{{key}: $f}})-[r:{link}]->({{{key}: $p}}) DELETE r"
    seeded.write(linked, f=DRONE, p=PROGRAMME)
    try:
        early = ok(client, f"/programmes/{PROGRAMME}/links", as_of=IN_2021)["rows"]
        assert [(r["linked"], r["edition"]) for r in early] == [(DRONE, None)]
        later = ok(client, f"/programmes/{PROGRAMME}/links", as_of=IN_2022)["rows"]
        assert {(r["linked"], r["edition"]) for r in later} == {(DRONE, None), (E2022, E2022)}
        one = ok(client, f"/programmes/{PROGRAMME}/links", edition=E2022)["rows"]
        assert {r["linked"] for r in one} == {E2022}
    finally:
        seeded.write(unlinked, f=DRONE, p=PROGRAMME)


@pytest.mark.parametrize(
    ("edition", "day", "in_force"),
    [
        (E2021, BEFORE, None),
        (E2021, FIRST_DAY, E2021),
        (E2021, LAST_2021, E2021),
        (E2021, SECOND_DAY, E2022),
        (E2022, IN_2021, E2021),
        (E2022, SECOND_DAY, E2022),
        (E2022, AFTER, E2022),
    ],
)
def test_edition_links_as_of_a_day_need_the_edition_in_force(
    client: TestClient, edition: str, day: str, in_force: str | None
) -> None:
    params = {"edition": edition, "as_of": day}
    response = client.get("/programmes/links", params=params)
    if in_force == edition:
        assert response.status_code == 200, response.text
        plain = ok(client, "/programmes/links", edition=edition)
        dated = response.json()
        same_links(dated.pop("rows"), plain.pop("rows"), day)
        assert dated == plain
    else:
        assert is_problem(response, 404), response.text
        body = response.json()
        assert body["title"] == "Edition not in force on that date"
        assert (body["id"], body["asOf"], body["inForce"]) == (edition, day, in_force)
        assert [e["edition"] for e in body["editions"]] == [E2021, E2022]


def test_edition_links_as_of_a_day_of_what_is_no_edition(client: TestClient) -> None:
    response = client.get("/programmes/links", params={"edition": DRONE, "as_of": IN_2022})
    assert is_problem(response, 404) and response.json()["title"] == "Unknown roadmap edition"


def test_entity_programmes_as_of_a_day_are_carried_by_the_editions_in_force(
    client: TestClient,
) -> None:
    url = f"/entities/{DRONE}/programmes"
    plain = ok(client, url)["rows"]
    assert plain and {r["via"] for r in plain} == {E2022}
    assert ok(client, url, as_of=IN_2021)["rows"] == []  # the 2021 edition links none
    same_links(ok(client, url, as_of=IN_2022)["rows"], plain, IN_2022)
    same_links(ok(client, url, as_of=AFTER)["rows"], plain, AFTER)
    same_links(ok(client, f"/entities/{E2022}/programmes", as_of=IN_2022)["rows"], plain, IN_2022)
    body = no_edition(client, f"/entities/{E2022}/programmes", IN_2021)
    assert [e["edition"] for e in body["editions"]] == [E2022]
    no_edition(client, f"/entities/{E2021}/programmes", IN_2022)  # superseded by then
    gone = client.get("/entities/field:없는분야/programmes", params={"as_of": IN_2022})
    assert is_problem(gone, 404) and gone.json()["title"] != "No edition in force on that date"


def test_programme_links_of_an_unknown_programme_stay_unknown(client: TestClient) -> None:
    response = client.get("/programmes/programme:없는사업/links", params={"as_of": IN_2022})
    assert is_problem(response, 404)
    assert response.json()["title"] != "No edition in force on that date"


# the edition diff -----------------------------------------------------------------------

DIFF = {"from": E2021, "to": E2022}


def test_edition_diff_as_of_a_day(client: TestClient) -> None:
    """The diff as the graph stood: the same rows once both editions had come in, a 404
    problem naming the one(s) still ahead before that (the named query: no row)."""
    plain = ok(client, "/editions/diff", **DIFF)["rows"]
    assert plain and {"renamedAndRescoped", "added"} <= {r["change"] for r in plain}
    for day in (SECOND_DAY, IN_2022, AFTER):
        assert ok(client, "/editions/diff", as_of=day, **DIFF)["rows"] == plain
        assert ok(client, "/queries/edition-diff", as_of=day, **DIFF)["rows"] == plain
    for day, ahead in [
        (BEFORE, [E2021, E2022]),
        (FIRST_DAY, [E2022]),
        (IN_2021, [E2022]),
        (LAST_2021, [E2022]),
    ]:
        response = client.get("/editions/diff", params={**DIFF, "as_of": day})
        assert is_problem(response, 404), response.text
        body = response.json()
        assert body["title"] == "Edition not yet in force on that date"
        assert (body["id"], body["asOf"], body["ahead"]) == (ahead[0], day, ahead)
        assert [(e["edition"], e["since"]) for e in body["editions"]] == [
            (E2021, "2021-01-01"),
            (E2022, "2022-01-01"),
        ]
        assert "came into force on 2022-01-01" in body["detail"]
        assert ok(client, "/queries/edition-diff", as_of=day, **DIFF)["rows"] == []
    # what is no edition stays unknown whatever the day
    response = client.get("/editions/diff", params={"from": DRONE, "to": E2022, "as_of": AFTER})
    assert is_problem(response, 404) and response.json()["title"] == "Unknown roadmap edition"


# /lineage/{id} --------------------------------------------------------------------------


def test_lineage_as_of_a_day_leaves_out_editions_not_yet_in_force(client: TestClient) -> None:
    params = {"depth": "2", "types": "VERSION_OF,HAS_FIELD_VERSION", "direction": "both"}
    plain = ok(client, f"/lineage/{DRONE}", **params)
    then = ok(client, f"/lineage/{DRONE}", as_of=IN_2021, **params)
    assert (then["asOf"], then["requested"], then["start"]) == (IN_2021, DRONE, DRONE)
    ids = {n["id"] for n in then["nodes"]}
    assert E2021 in ids and E2022 not in ids
    assert {n["id"] for n in plain["nodes"]} >= ids | {E2022}
    assert not any("2022" in n["id"] for n in then["nodes"])
    for e in then["edges"]:
        assert {e["source"], e["target"]} <= ids
    degree = {n["id"]: n["degree"] for n in then["nodes"]}
    assert degree[DRONE] == 0 and degree[E2021] == 2
    after = ok(client, f"/lineage/{DRONE}", as_of=AFTER, **params)
    assert {n["id"] for n in after["nodes"]} == {n["id"] for n in plain["nodes"]}
    assert "asOf" not in plain


def test_lineage_before_any_edition_or_of_an_edition_not_yet_in_force(
    client: TestClient,
) -> None:
    no_edition(client, f"/lineage/{DRONE}", BEFORE)
    no_edition(client, f"/lineage/{E2022}", IN_2021)


def test_lineage_of_an_organisation_starts_from_its_name_on_that_day(client: TestClient) -> None:
    body = ok(client, "/lineage/organization:중소기업청", as_of="2020-01-01", direction="both")
    assert (body["start"], body["requested"]) == (
        "organization:중소벤처기업부",
        "organization:중소기업청",
    )
    assert body["nodes"][0]["id"] == "organization:중소벤처기업부"


# OpenAPI --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/fields/{id}/history",
        "/fields/{id}/lineage",
        "/programmes/{id}/links",
        "/programmes/links",
        "/entities/{id}/programmes",
        "/lineage/{id}",
        "/queries/field-history",
        "/queries/editions",
        "/editions/diff",
        "/queries/edition-diff",
    ],
)
def test_openapi_documents_as_of(client: TestClient, path: str) -> None:
    spec = client.get("/openapi.json").json()
    params = {p["name"]: p for p in spec["paths"][path]["get"]["parameters"]}
    as_of = params["as_of"]
    assert as_of["in"] == "query" and not as_of.get("required", False)
    assert '"format": "date"' in str(as_of["schema"]).replace("'", '"')
