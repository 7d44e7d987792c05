"""Programme links name the organisation that ran each programme under the name it had
on the link's day (``as_of`` when given): ``GET /programmes/{id}/links``,
``/programmes/links?edition=``, ``/entities/{id}/programmes`` and the named query
``field-programmes``, in JSON and CSV.

On the seeded graph with the reference organisations synced, 창업성장 is run by
중소벤처기업부, called 중소기업청 until 2017-07-26. The module adds a series of its own
(2016 and 2020 editions of one field, a product in each linked to 창업성장, the 2020 one
also to a programme no organisation runs) and removes it afterwards.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import pytest
from api_helpers import is_problem, ok
from fastapi.testclient import TestClient

from stkg.graph.cypher.asof import body_in_use
from stkg.graph.driver import Graph
from stkg.queries.catalog import load_catalog, today

SMBA = "organization:중소기업청"  # 1996-02-09 .. 2017-07-26
MSS = "organization:중소벤처기업부"  # 2017-07-26 ..
STARTUP = "programme:창업성장"  # managed by MSS
ORPHAN = "programme:시험무주관사업"  # managed by no one
SERIES = "roadmap:시험로드맵"
E2016, E2020 = "edition:시험로드맵@2016", "edition:시험로드맵@2020"
FIELD = "field:시험분야"
V2016, V2020 = "fieldversion:시험분야@시험로드맵@2016", "fieldversion:시험분야@시험로드맵@2020"
P2016, P2020 = "product:시험제품2016", "product:시험제품2020"
FUNDING = "funding:시험제품2020@2021"  # pays for P2020 through 창업성장, for 2021
ORG_COLUMNS = ["managedBy", "organization", "organizationName", "organizationOn"]
NAMES = {SMBA: "중소기업청", MSS: "중소벤처기업부", None: None}

ADD = """
MERGE (r:Entity:Roadmap {id: $series}) SET r.name = '시험 로드맵'
MERGE (c:Entity:StrategicField {id: $field}) SET c.name = '시험분야'
WITH r, c
UNWIND [[$e2016, 2016, $v2016, $p2016], [$e2020, 2020, $v2020, $p2020]] AS row
MERGE (e:Entity:RoadmapEdition {id: row[0]}) SET e.startYear = row[1]
MERGE (e)-[:EDITION_OF]->(r)
MERGE (v:Entity:FieldVersion {id: row[2]}) SET v.name = '시험분야'
MERGE (e)-[:HAS_FIELD_VERSION]->(v)
MERGE (v)-[:VERSION_OF]->(c)
MERGE (s:Entity:StrategicProduct {id: row[3]}) SET s.name = row[3]
MERGE (s)-[:BELONGS_TO_FIELD]->(v)
WITH s
MATCH (p:Programme {id: $startup})
MERGE (s)-[:LINKED_PROGRAMME]->(p)
"""
ADD_ORPHAN = """
MERGE (o:Entity:Programme {id: $orphan}) SET o.name = '시험 무주관 사업'
WITH o
MATCH (s:StrategicProduct {id: $p2020}), (p:Programme {id: $startup})
MERGE (s)-[:LINKED_PROGRAMME]->(o)
MERGE (f:Entity:Funding {id: $funding}) SET f.amountKrw = 1000000000, f.year = 2021
MERGE (f)-[:FUNDING_FOR]->(s)
MERGE (f)-[:FUNDS]->(p)
"""
REMOVE = "MATCH (n:Entity) WHERE n.id IN $ids DETACH DELETE n"
IDS = [SERIES, E2016, E2020, FIELD, V2016, V2020, P2016, P2020, FUNDING, ORPHAN]


@pytest.fixture(scope="module")
def client(synced_client: TestClient, seeded: Graph) -> Iterator[TestClient]:
    params = {
        "series": SERIES, "field": FIELD, "e2016": E2016, "e2020": E2020, "v2016": V2016,
        "v2020": V2020, "p2016": P2016, "p2020": P2020, "startup": STARTUP,
        "orphan": ORPHAN, "funding": FUNDING,
    }  # fmt: skip
    seeded.write(ADD, **params)
    seeded.write(ADD_ORPHAN, **params)
    try:
        yield synced_client
    finally:
        seeded.write(REMOVE, ids=IDS)


def run_by(row: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(row[k] for k in ORG_COLUMNS)


def body(held: str | None, day: str, managed: str | None = MSS) -> tuple[Any, ...]:
    if managed is None:
        return (None, None, None, None)
    return (managed, held, NAMES[held], day)


# GET /programmes/{id}/links ---------------------------------------------------------------


def test_each_link_names_the_organisation_as_it_was_called_on_the_links_day(
    client: TestClient,
) -> None:
    rows = ok(client, f"/programmes/{STARTUP}/links")["rows"]
    mine = {(r["linked"], r["funding"]): run_by(r) for r in rows if r["linked"] in (P2016, P2020)}
    assert mine == {
        (P2016, None): body(SMBA, "2016-01-01"),  # its edition came in on 2016-01-01
        (P2020, FUNDING): body(MSS, "2021-01-01"),  # the funding's year first
    }
    seed = [r for r in rows if r["edition"] == "edition:중소기업기술로드맵@2022"]
    assert seed and {run_by(r) for r in seed} == {body(MSS, "2022-01-01")}


@pytest.mark.parametrize(
    ("day", "held"),
    [("2017-07-25", SMBA), ("2017-07-26", MSS), ("2016-06-01", SMBA), ("2019-12-31", MSS)],
)
def test_with_as_of_the_organisation_is_named_as_it_was_that_day(
    client: TestClient, day: str, held: str
) -> None:
    """Before and after the rename day, while the 2016 edition was in force."""
    rows = ok(client, f"/programmes/{STARTUP}/links", as_of=day)["rows"]
    assert [(r["linked"], run_by(r)) for r in rows] == [(P2016, body(held, day))]


def test_a_programme_no_organisation_runs_has_nulls_not_an_error(client: TestClient) -> None:
    rows = ok(client, f"/programmes/{ORPHAN}/links")["rows"]
    assert [(r["linked"], run_by(r)) for r in rows] == [(P2020, body(None, "", None))]
    rows = ok(client, f"/programmes/{ORPHAN}/links", as_of="2020-06-01")["rows"]
    assert [(r["linked"], run_by(r)) for r in rows] == [(P2020, body(None, "", None))]


def test_a_day_before_any_body_of_the_line_gives_a_null_name(
    client: TestClient, seeded: Graph
) -> None:
    """An edition of 1990 (before 중소기업청 was set up): the programme's body is named,
    no name was in use."""
    seeded.write("MATCH (e:RoadmapEdition {id: $e}) SET e.startYear = 1990", e=E2016)
    try:
        rows = ok(client, f"/programmes/{STARTUP}/links")["rows"]
        mine = [run_by(r) for r in rows if r["linked"] == P2016]
        assert mine == [(MSS, None, None, "1990-01-01")]
    finally:
        seeded.write("MATCH (e:RoadmapEdition {id: $e}) SET e.startYear = 2016", e=E2016)


# the other programme-link answers -------------------------------------------------------


def test_edition_links_name_the_organisation_of_their_day(client: TestClient) -> None:
    rows = ok(client, "/programmes/links", edition=E2016)["rows"]
    assert [(r["subject"], r["programme"], run_by(r)) for r in rows] == [
        (P2016, STARTUP, body(SMBA, "2016-01-01"))
    ]
    rows = ok(client, "/programmes/links", edition=E2020, direction="products")["rows"]
    assert [(r["programme"], r["funding"], run_by(r)) for r in rows] == [
        (ORPHAN, None, body(None, "", None)),
        (STARTUP, FUNDING, body(MSS, "2021-01-01")),
    ]


def test_entity_programmes_name_the_organisation_of_their_day(client: TestClient) -> None:
    rows = ok(client, f"/entities/{P2016}/programmes")["rows"]
    assert [(r["programme"], run_by(r)) for r in rows] == [(STARTUP, body(SMBA, "2016-01-01"))]
    rows = ok(client, f"/entities/{P2016}/programmes", as_of="2018-01-01")["rows"]
    assert [(r["programme"], run_by(r)) for r in rows] == [(STARTUP, body(MSS, "2018-01-01"))]


def test_csv_carries_the_organisation_columns(client: TestClient) -> None:
    response = client.get(
        f"/programmes/{STARTUP}/links", params={"as_of": "2016-06-01", "_format": "csv"}
    )
    assert response.status_code == 200, response.text
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [(r["linked"], r["organization"], r["organizationName"]) for r in rows] == [
        (P2016, SMBA, "중소기업청")
    ]


# the named query field-programmes -----------------------------------------------------


def named(client: TestClient, **params: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = ok(client, "/queries/field-programmes", **params)["rows"]
    return rows


def test_the_named_query_lists_a_fields_product_links_with_the_organisation_then(
    client: TestClient,
) -> None:
    rows = named(client, field="시험분야")
    assert [(r["edition"], r["product"], r["programme"], r["year"], run_by(r)) for r in rows] == [
        (E2016, P2016, STARTUP, None, body(SMBA, "2016-01-01")),
        (E2020, P2020, ORPHAN, None, body(None, "", None)),
        (E2020, P2020, STARTUP, 2021, body(MSS, "2021-01-01")),
    ]
    assert named(client, field=FIELD) == rows
    assert named(client, field=V2016) == rows[:1]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2015-12-31", []),
        ("2017-07-25", [(P2016, STARTUP, body(SMBA, "2017-07-25"))]),
        ("2017-07-26", [(P2016, STARTUP, body(MSS, "2017-07-26"))]),
        (
            "2020-01-01",
            [(P2020, ORPHAN, body(None, "", None)), (P2020, STARTUP, body(MSS, "2020-01-01"))],
        ),
    ],
)
def test_the_named_query_as_of_a_day(
    client: TestClient, day: str, expected: list[tuple[Any, ...]]
) -> None:
    """The links of the edition in force that day, named as that day."""
    rows = named(client, field="시험분야", as_of=day)
    assert [(r["product"], r["programme"], run_by(r)) for r in rows] == expected


def test_the_named_query_in_csv(client: TestClient) -> None:
    response = client.get(
        "/queries/field-programmes", params={"field": "시험분야", "_format": "csv"}
    )
    assert response.status_code == 200, response.text
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [(r["programme"], r["organizationName"]) for r in rows] == [
        (STARTUP, "중소기업청"),
        (ORPHAN, ""),
        (STARTUP, "중소벤처기업부"),
    ]


def test_a_link_with_no_day_of_its_own_names_the_organisation_of_today(
    client: TestClient, seeded: Graph
) -> None:
    seeded.write("MATCH (e:RoadmapEdition {id: $e}) REMOVE e.startYear", e=E2016)
    try:
        rows = named(client, field="시험분야")
        day = today().isoformat()
        assert [run_by(r) for r in rows if r["product"] == P2016] == [body(MSS, day)]
        then = named(client, field="시험분야", today="2016-01-01")
        assert [r["organization"] for r in then if r["product"] == P2016] == [SMBA]
    finally:
        seeded.write("MATCH (e:RoadmapEdition {id: $e}) SET e.startYear = 2016", e=E2016)


def test_the_named_query_runs_the_one_name_in_use_rule_verbatim() -> None:
    """The rule is written once (graph/cypher/asof.py); the named query, which runs
    unchanged in Neo4j Browser, holds that very text."""
    assert body_in_use("org", "day") in load_catalog()["field-programmes"].cypher


def test_an_unknown_field_has_no_rows(client: TestClient) -> None:
    assert named(client, field="없는분야") == []
    assert is_problem(client.get("/queries/field-programmes", params={"as_of": "x"}), 422)
