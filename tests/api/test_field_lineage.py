"""GET /fields/{id}/lineage on the sample graph: the long lineage of a field as a DAG over
the crosswalk mappings, stated and reviewed by default, proposed ones on request."""

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


@pytest.fixture(scope="module")
def client(neo4j_settings: Settings, sampled: Graph) -> Iterator[TestClient]:
    with TestClient(create_app(neo4j_settings)) as c:
        yield c


def lineage(client: TestClient, field: str, **params: str) -> dict[str, Any]:
    answer = client.get(f"/fields/{quote(field)}/lineage", params=params)
    assert answer.status_code == 200, answer.text
    return answer.json()


def edges(body: dict[str, Any]) -> set[tuple[str, str, str, str, str]]:
    return {(e["source"].split(":", 1)[1], e["target"].split(":", 1)[1], e["relation"],
             e["change"], e["basis"]) for e in body["edges"]}  # fmt: skip


def test_stated_and_reviewed_by_default(client: TestClient) -> None:
    body = lineage(client, "드론")
    assert body["include"] == "reviewed"
    assert edges(body) == {
        (f"드론@{ED}@2021", f"드론개인이동수단@{ED}@2022", "broadMatch", "renamedAndRescoped",
         "stated"),
    }  # fmt: skip
    assert all(e["basis"] != "proposed" for e in body["edges"] + body["ends"])


def test_proposed_on_request_a_dag_with_a_split(client: TestClient) -> None:
    body = lineage(client, "드론", include="proposed")
    got = edges(body)
    assert (f"드론@{ED}@2019", f"드론@{ED}@2020", "exactMatch", "unchanged", "proposed") in got
    split = {e for e in got if e[0] == f"드론개인이동수단@{ED}@2022"}
    assert {e[1] for e in split} == {f"드론@{ED}@2023", f"개인이동수단@{ED}@2023"}
    assert {e[3] for e in split} == {"split"}
    years = {n["year"] for n in body["nodes"]}
    assert years == {2019, 2020, 2021, 2022, 2023}
    ids = {n["id"] for n in body["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in body["edges"])
    # a DAG: every edge goes from an earlier edition to the next one
    year = {n["id"]: n["year"] for n in body["nodes"]}
    assert all(year[e["target"]] == year[e["source"]] + 1 for e in body["edges"])


def test_a_merge_and_the_dropped_ends(client: TestClient) -> None:
    body = lineage(client, "증강현실", include="proposed")
    into = [e for e in body["edges"] if e["target"].endswith(f"가상증강현실@{ED}@2020")]
    assert {e["source"] for e in into} == {
        f"fieldversion:가상현실@{ED}@2019", f"fieldversion:증강현실@{ED}@2019"
    }  # fmt: skip
    assert {e["change"] for e in into} == {"merged"}
    dropped = [e for e in body["ends"] if e["change"] == "dropped"]
    assert [e["source"] for e in dropped] == [f"fieldversion:가상증강현실@{ED}@2020"]
    assert dropped[0]["target"] is None and dropped[0]["relation"] is None


def test_field_id_iri_and_version_id_agree(client: TestClient) -> None:
    by_name = lineage(client, "드론", include="proposed")
    by_id = lineage(client, "field:드론", include="proposed")
    by_iri = lineage(client, instance_iri("field:드론"), include="proposed")
    assert edges(by_name) == edges(by_id) == edges(by_iri)
    by_version = lineage(client, f"fieldversion:드론@{ED}@2019", include="proposed")
    assert edges(by_version) <= edges(by_name) and len(edges(by_version)) >= 4


def test_unknown_field_and_bad_include(client: TestClient) -> None:
    assert client.get("/fields/없는분야/lineage").status_code == 404
    assert client.get("/fields/드론/lineage", params={"include": "everything"}).status_code == 422


def test_the_route_is_documented(client: TestClient) -> None:
    doc = client.get("/openapi.json").json()
    op = doc["paths"]["/fields/{id}/lineage"]["get"]
    assert {p["name"] for p in op["parameters"]} == {"id", "include", "as_of"}
    assert "404" in op["responses"]


def test_as_of_a_day_the_lineage_stops_at_the_edition_in_force(client: TestClient) -> None:
    """The sample editions have no publishedDate: each came in on 1 January of its
    startYear, so on 2022-06-01 the 2023 edition (and the split into it) was still ahead."""
    plain = lineage(client, "드론", include="proposed")
    then = lineage(client, "드론", include="proposed", as_of="2022-06-01")
    assert then["asOf"] == "2022-06-01"
    assert {n["year"] for n in then["nodes"]} == {2019, 2020, 2021, 2022}
    assert edges(then) == {e for e in edges(plain) if not e[1].endswith("@2023")}
    after = lineage(client, "드론", include="proposed", as_of="2030-01-01")
    assert (edges(after), after["nodes"]) == (edges(plain), plain["nodes"])
    before = client.get("/fields/드론/lineage", params={"as_of": "2018-12-31"})
    assert (
        before.status_code == 404 and before.json()["title"] == "No edition in force on that date"
    )


def test_as_of_a_day_a_field_is_dropped_only_once_the_next_edition_came_in(
    client: TestClient,
) -> None:
    def dropped(day: str) -> list[str]:
        body = lineage(client, "증강현실", include="proposed", as_of=day)
        return [e["source"] for e in body["ends"] if e["change"] == "dropped"]

    assert dropped("2020-12-31") == []
    assert dropped("2021-01-01") == [f"fieldversion:가상증강현실@{ED}@2020"]
    merged = lineage(client, "증강현실", include="proposed", as_of="2020-01-01")
    assert {e[3] for e in edges(merged)} == {"merged"}


@pytest.mark.parametrize(
    "day", ["2019-06-01", "2020-12-31", "2021-01-01", "2022-06-01", "2030-01-01"]
)
@pytest.mark.parametrize("field", ["드론", "증강현실"])
def test_the_named_query_as_of_a_day_answers_as_the_route(
    client: TestClient, sampled: Graph, field: str, day: str
) -> None:
    query = load_catalog()["field-lineage"]
    params = query.bind({"field": field, "include": "proposed", "as_of": day})
    [row] = sampled.rows(query.cypher, params, max_rows=2).rows
    body = lineage(client, field, include="proposed", as_of=day)
    assert [n["id"] for n in row["nodes"]] == [n["id"] for n in body["nodes"]]
    assert {m["id"] for m in row["edges"]} == {m["id"] for m in body["edges"] + body["ends"]}


def test_the_named_query_before_any_edition_has_no_row(sampled: Graph) -> None:
    query = load_catalog()["field-lineage"]
    params = query.bind({"field": "드론", "as_of": "2018-12-31"})
    assert sampled.rows(query.cypher, params, max_rows=2).rows == []
    params = query.bind({"field": "드론"})
    assert len(sampled.rows(query.cypher, params, max_rows=2).rows) == 1
