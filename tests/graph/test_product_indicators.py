"""Patent indicators per strategic product and per core technology of a field, on the
sample corpus as `stkg up` loads it (its core technologies classified by the shipped
search expressions)."""

from __future__ import annotations

import statistics
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from stkg.api.app import create_app
from stkg.config.settings import Settings
from stkg.graph.analysis.classification import classify_patents
from stkg.graph.analysis.indicators import IndicatorParams
from stkg.graph.analysis.product_indicators import product_indicators
from stkg.graph.driver import Graph
from stkg.graph.version import advance_version
from stkg.ontology.model import load_ontology
from stkg.ontology.search_expressions import load_for_ontology

PARAMS = IndicatorParams(2015, 2024)


@pytest.fixture(scope="module")
def rows(sampled: Graph) -> list[dict[str, object]]:
    classify_patents(sampled, load_for_ontology(load_ontology()))
    return product_indicators(sampled, "스마트제조", PARAMS)


def _distinct_patents(graph: Graph, technologies: list[str]) -> int:
    found = graph.read(
        "MATCH (p:Patent)-[:MATCHES_TECHNOLOGY]->(t:CoreTechnology) WHERE t.id IN $ids "
        "AND p.filingDate.year >= 2015 AND p.filingDate.year <= 2024 "
        "RETURN count(DISTINCT p) AS n",
        ids=technologies,
    )
    return int(found[0]["n"])


def test_each_product_counts_the_distinct_patents_of_its_core_technologies(
    sampled: Graph, rows: list[dict[str, object]]
) -> None:
    products = [r for r in rows if r["level"] == "product"]
    assert sorted(str(r["name"]) for r in products) == [
        "AI 공정설계 솔루션",
        "AI 제품설계 지원 도구",
        "설비 예지보전 시스템",
    ]
    for product in products:
        below = [
            r for r in rows if r["level"] == "coreTechnology" and r["product"] == product["product"]
        ]
        assert below, product["name"]
        techs = [str(r["coreTechnology"]) for r in below]
        assert product["patents"] == _distinct_patents(sampled, techs) > 0
        for tech in below:
            assert tech["patents"] == _distinct_patents(sampled, [str(tech["coreTechnology"])])
            # a core technology's share is of its product's patents
            assert tech["applicationShare"] == round(
                100 * int(tech["patents"]) / int(product["patents"]),
                1,  # type: ignore[call-overload]
            )
    # the rows list each product before its core technologies
    assert rows[0]["level"] == "product"
    assert {r["edition"] for r in rows} == {"edition:중소기업기술로드맵@2022"}


def test_products_and_core_technologies_are_standardised_among_their_own_peers(
    rows: list[dict[str, object]],
) -> None:
    """The sample patents state no citations and no applicant country, so importance comes
    from growth alone and competitiveness is unset; importance is a z-score among the
    products, and separately among the core technologies."""
    for level in ("product", "coreTechnology"):
        values = [
            float(v)  # type: ignore[arg-type]
            for r in rows
            if r["level"] == level and (v := r["technologyImportance"]) is not None
        ]
        assert len(values) >= 2, level
        # z-scores over the peers of one level: mean 0 (two decimals are kept)
        assert abs(statistics.fmean(values)) < 0.01, (level, values)
    for r in rows:
        if r["technologyImportance"] is not None:
            assert r["isCore"] == (float(r["technologyImportance"]) > 0)  # type: ignore[arg-type]


def test_a_field_without_core_technologies_gives_no_rows(sampled: Graph) -> None:
    assert product_indicators(sampled, "드론", PARAMS) == []


# --- GET /fields/{id}/indicators ----------------------------------------------------------


@pytest.fixture(scope="module")
def client(
    neo4j_settings: Settings, sampled: Graph, rows: list[dict[str, object]]
) -> Iterator[TestClient]:
    advance_version(sampled)  # the patents classify wrote
    with TestClient(create_app(neo4j_settings)) as c:
        yield c


def test_the_endpoint_answers_the_same_rows(
    client: TestClient, rows: list[dict[str, object]]
) -> None:
    response = client.get("/fields/스마트제조/indicators", params={"period": "2015-2024"})
    assert response.status_code == 200, response.text
    assert response.json()["rows"] == rows
    csv = client.get("/fields/field:스마트제조/indicators", params={"_format": "csv"})
    assert csv.status_code == 200
    header = csv.text.splitlines()[0].split(",")
    assert header[:6] == ["edition", "field", "level", "product", "coreTechnology", "name"]
    assert len(csv.text.splitlines()) == len(rows) + 1


def test_the_endpoint_refuses_what_it_cannot_answer(client: TestClient) -> None:
    unknown = client.get("/fields/없는분야/indicators")
    assert unknown.status_code == 404
    assert "없는분야" in unknown.json()["detail"]
    one_year = client.get("/fields/스마트제조/indicators", params={"period": "2020-2020"})
    assert one_year.status_code == 400
    assert "one-year period" in one_year.json()["detail"]
    late_split = client.get(
        "/fields/스마트제조/indicators", params={"period": "2015-2024", "split_year": 2030}
    )
    assert late_split.status_code == 400
    assert "split year 2030" in late_split.json()["detail"]
    office = client.get("/fields/스마트제조/indicators", params={"offices": "KR,XX"})
    assert office.status_code == 422  # not an office: the schema says so
