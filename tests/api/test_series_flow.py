"""GET /roadmaps/{id}/flow on the sample graph: every field version of every edition of a
series and the crosswalk mappings between them (the data behind the explorer's flow view),
stated and reviewed by default, proposed ones on request, as the series stood on a day."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from stkg.api.app import create_app
from stkg.config.settings import Settings
from stkg.graph.driver import Graph
from stkg.ontology.ids import instance_iri
from stkg.queries.catalog import load_catalog

ED = "중소기업기술로드맵"
SERIES = f"roadmap:{ED}"
YEARS = [2019, 2020, 2021, 2022, 2023]


@pytest.fixture(scope="module")
def client(neo4j_settings: Settings, sampled: Graph) -> Iterator[TestClient]:
    with TestClient(create_app(neo4j_settings)) as c:
        yield c


def flow(client: TestClient, series: str = SERIES, **params: str) -> dict[str, Any]:
    answer = client.get(f"/roadmaps/{quote(series, safe=':')}/flow", params=params)
    assert answer.status_code == 200, answer.text
    return answer.json()


def v(name: str, year: int) -> str:
    return f"fieldversion:{name}@{ED}@{year}"


def edges(body: dict[str, Any]) -> set[tuple[str | None, str | None, str, str]]:
    return {(e["source"], e["target"], e["change"], e["basis"]) for e in body["edges"]}


def edges_and_ends(body: dict[str, Any]) -> set[tuple[str | None, str | None, str, str]]:
    return edges({"edges": body["edges"] + body["ends"]})


def test_every_edition_and_field_version_stated_mappings_by_default(
    client: TestClient, sampled: Graph
) -> None:
    body = flow(client)
    assert (body["series"], body["include"], body["asOf"]) == (SERIES, "reviewed", None)
    assert [e["startYear"] for e in body["editions"]] == YEARS
    assert [e["since"] for e in body["editions"]] == [f"{y}-01-01" for y in YEARS]
    counted = sampled.rows(
        "MATCH (:RoadmapEdition {id: $e})-[:HAS_FIELD_VERSION]->(v:FieldVersion) "
        "RETURN count(v) AS n",
        {"e": f"edition:{ED}@2021"},
    ).rows[0]["n"]
    per_edition = {e["id"]: e["fieldVersions"] for e in body["editions"]}
    assert per_edition[f"edition:{ED}@2021"] == counted == 7
    for e in body["editions"]:
        assert e["fieldVersions"] == sum(n["edition"] == e["id"] for n in body["nodes"])
    # the seed's succession table, exactly: stated mappings only, no proposed ones
    assert edges(body) == {
        (v("iot", 2021), v("스마트홈", 2022), "renamedAndRescoped", "stated"),
        (v("드론", 2021), v("드론개인이동수단", 2022), "renamedAndRescoped", "stated"),
        (v("빅데이터", 2021), v("빅데이터", 2022), "unchanged", "stated"),
        (v("스마트제조", 2021), v("스마트제조", 2022), "unchanged", "stated"),
        (v("유기화학", 2021), v("유기소재", 2022), "renamed", "stated"),
        (v("인공지능", 2021), v("인공지능", 2022), "unchanged", "stated"),
    }
    assert body["ends"] == []


def test_with_proposed_every_field_has_a_mapping_or_an_explicit_end(client: TestClient) -> None:
    body = flow(client, include="proposed")
    assert {e["basis"] for e in body["edges"] + body["ends"]} == {"stated", "proposed"}
    year = {n["id"]: n["year"] for n in body["nodes"]}
    # the flow runs from each edition to the next: a DAG
    assert all(year[e["target"]] == year[e["source"]] + 1 for e in body["edges"])
    outgoing = {e["source"] for e in body["edges"] + body["ends"] if e["source"]}
    incoming = {e["target"] for e in body["edges"] + body["ends"] if e["target"]}
    for n in body["nodes"]:
        if n["year"] != YEARS[-1]:
            assert n["id"] in outgoing, f"{n['id']} neither maps on nor is dropped"
        if n["year"] != YEARS[0]:
            assert n["id"] in incoming, f"{n['id']} neither maps from nor is new"
    assert {e["change"] for e in body["ends"] if e["target"] is None} == {"dropped"}
    assert {e["change"] for e in body["ends"] if e["source"] is None} == {"new"}
    # a split and a merge, as in the field lineage
    split = {e[1] for e in edges(body) if e[0] == v("드론개인이동수단", 2022)}
    assert split == {v("드론", 2023), v("개인이동수단", 2023)}
    merged = {e[0] for e in edges(body) if e[1] == v("가상증강현실", 2020)}
    assert merged == {v("가상현실", 2019), v("증강현실", 2019)}


def test_the_flow_holds_each_fields_lineage(client: TestClient) -> None:
    whole = flow(client, include="proposed")
    for field in ("드론", "증강현실", "field:인공지능"):
        one = client.get(f"/fields/{quote(field)}/lineage", params={"include": "proposed"})
        assert one.status_code == 200, one.text
        assert edges(one.json()) <= edges(whole)
        assert {n["id"] for n in one.json()["nodes"]} <= {n["id"] for n in whole["nodes"]}


def test_id_iri_key_name_and_edition_agree(client: TestClient) -> None:
    expected = flow(client, include="proposed")
    for series in (ED, "중소기업 기술로드맵", instance_iri(SERIES), f"edition:{ED}@2021"):
        body = flow(client, series, include="proposed")
        assert (body["series"], body["nodes"], edges(body)) == (
            SERIES,
            expected["nodes"],
            edges(expected),
        )


def test_as_of_the_series_as_it_stood(client: TestClient) -> None:
    plain = flow(client, include="proposed")
    then = flow(client, include="proposed", as_of="2022-06-01")
    assert then["asOf"] == "2022-06-01"
    assert [e["startYear"] for e in then["editions"]] == YEARS[:-1]
    assert {n["year"] for n in then["nodes"]} == set(YEARS[:-1])
    assert edges(then) == {e for e in edges(plain) if not str(e[1]).endswith("@2023")}
    assert (None, v("스마트물류", 2023), "new", "proposed") not in edges_and_ends(then)
    assert (None, v("스마트물류", 2023), "new", "proposed") in edges_and_ends(plain)
    # 조선 of 2021 is dropped once the 2022 edition came in, not before
    dropped = (v("조선", 2021), None, "dropped", "proposed")
    assert dropped in edges_and_ends(then)
    assert dropped not in edges_and_ends(flow(client, include="proposed", as_of="2021-12-31"))
    first = flow(client, include="proposed", as_of="2019-01-01")
    assert ([e["startYear"] for e in first["editions"]], first["edges"], first["ends"]) == (
        [2019],
        [],
        [],
    )
    after = flow(client, include="proposed", as_of="2030-01-01")
    assert (after["editions"], after["nodes"], after["edges"], after["ends"]) == (
        plain["editions"],
        plain["nodes"],
        plain["edges"],
        plain["ends"],
    )
    before = client.get(f"/roadmaps/{quote(SERIES)}/flow", params={"as_of": "2018-12-31"})
    assert before.status_code == 404
    problem = before.json()
    assert problem["title"] == "No edition in force on that date"
    assert {e["edition"] for e in problem["editions"]} >= {f"edition:{ED}@{y}" for y in YEARS}


def test_the_named_query_answers_as_the_route(client: TestClient, sampled: Graph) -> None:
    query = load_catalog()["series-flow"]
    params = query.bind({"series": ED, "include": "proposed", "as_of": "2021-06-01"})
    row = sampled.rows(query.cypher, params, max_rows=1).rows[0]
    body = flow(client, include="proposed", as_of="2021-06-01")
    assert [e["id"] for e in row["editions"]] == [e["id"] for e in body["editions"]]
    assert {(e["source"], e["target"]) for e in row["edges"]} == {
        (e["source"], e["target"]) for e in body["edges"] + body["ends"]
    }
    via_api = client.get("/queries/series-flow", params={"series": ED, "include": "proposed"})
    assert via_api.status_code == 200, via_api.text


def test_unknown_series_bad_include_and_bad_day(client: TestClient) -> None:
    unknown = client.get("/roadmaps/없는로드맵/flow")
    assert unknown.status_code == 404
    assert unknown.headers["content-type"] == "application/problem+json"
    assert unknown.json()["title"] == "Unknown roadmap"
    # a field is no series
    assert client.get("/roadmaps/field:드론/flow").status_code == 404
    assert (
        client.get(f"/roadmaps/{quote(SERIES)}/flow", params={"include": "all"}).status_code == 422
    )
    assert client.get(f"/roadmaps/{quote(SERIES)}/flow", params={"as_of": "0"}).status_code == 422


def test_the_route_is_documented(client: TestClient) -> None:
    op = client.get("/openapi.json").json()["paths"]["/roadmaps/{id}/flow"]["get"]
    assert {p["name"] for p in op["parameters"]} == {"id", "include", "as_of"}
    assert "404" in op["responses"]
