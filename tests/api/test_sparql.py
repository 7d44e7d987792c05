"""``/sparql`` on the seeded graph: the same answers as the named Cypher queries, every
media type of the SPARQL 1.1 Protocol, entailment, and what a read-only endpoint refuses.

The graph holds the two seed releases, with a version node (as ``stkg ontology sync``
leaves one), so the store is labelled with the graph version it was built from.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from api_helpers import EDITION_2021, EDITION_2022, is_problem
from fastapi.testclient import TestClient
from pydantic import SecretStr
from typer.testing import CliRunner

from stkg.api.app import create_app
from stkg.cli import app
from stkg.config.settings import Settings
from stkg.graph.cypher.programmes import ORGANIZATION_COLUMN_NAMES
from stkg.graph.driver import Graph
from stkg.graph.sparql import GRAPH_FORMATS, RESULT_FORMATS, plain_value
from stkg.graph.version import read_version
from stkg.ontology.ids import instance_iri
from stkg.queries.catalog import load_catalog

REPO = Path(__file__).resolve().parents[2]
EDITION_DIFF = (REPO / "queries" / "edition-diff.rq").read_text(encoding="utf-8")
PREFIXES = """PREFIX stkg: <https://w3id.org/stkg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
EDITIONS = PREFIXES + "SELECT ?e ?id WHERE { ?e a stkg:RoadmapEdition ; stkg:id ?id } ORDER BY ?id"


def _rows(response: Any, fmt: ox.QueryResultsFormat = ox.QueryResultsFormat.JSON) -> list[dict]:
    """A SELECT answer parsed back with Oxigraph's own results parser, as plain values
    (CSV, which Oxigraph does not read back, with Python's: every value a string)."""
    if fmt == ox.QueryResultsFormat.CSV:
        return list(csv.DictReader(io.StringIO(response.text)))
    parsed = ox.parse_query_results(response.content, format=fmt)
    names = [v.value for v in parsed.variables]
    return [{n: plain_value(s[n]) for n in names} for s in parsed]


def test_edition_diff_answers_as_its_named_cypher_twin(api: TestClient, versioned: Graph) -> None:
    cypher = load_catalog()["edition-diff"].cypher
    expected = versioned.rows(
        cypher, {"from": EDITION_2021, "to": EDITION_2022, "as_of": None}
    ).rows
    response = api.get("/sparql", params={"query": EDITION_DIFF})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/sparql-results+json"
    got = _rows(response)
    assert len(expected) == 32
    assert got == expected
    renamed = {(r["before"], r["after"]) for r in got if r["change"] == "renamed"}
    assert renamed == {("무기화학", "세라믹"), ("유기화학", "유기소재")}


FIELD_HISTORY = (REPO / "queries" / "field-history.rq").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "field", ["드론", "field:드론", "드론·개인이동수단", "세라믹", "스마트제조"]
)
def test_field_history_answers_as_its_named_cypher_twin(
    api: TestClient, versioned: Graph, field: str
) -> None:
    cypher = load_catalog()["field-history"].cypher
    expected = versioned.rows(cypher, {"field": field, "as_of": None}).rows
    query = FIELD_HISTORY.replace('VALUES ?asked { "드론" }', f'VALUES ?asked {{ "{field}" }}', 1)
    assert query != FIELD_HISTORY or field == "드론"
    got = _rows(api.get("/sparql", params={"query": query}))
    assert len(expected) == 2  # the 2021 and the 2022 edition
    assert got == expected


EDITION_PROGRAMMES = (REPO / "queries" / "edition-programmes.rq").read_text(encoding="utf-8")


def test_edition_programmes_answer_as_the_programme_links_route(api: TestClient) -> None:
    route = api.get("/programmes/links", params={"edition": EDITION_2022})
    assert route.status_code == 200, route.text
    # no twin in SPARQL: the labels (a Neo4j list), the organisation by the name-in-use rule
    untwinned = {"subjectLabels", *ORGANIZATION_COLUMN_NAMES}
    expected = [{k: v for k, v in r.items() if k not in untwinned} for r in route.json()["rows"]]
    got = _rows(api.get("/sparql", params={"query": EDITION_PROGRAMMES}))
    assert len(expected) == 3
    assert got == expected
    assert {r["programmeName"] for r in got} == {"기술혁신", "상용화 R&D", "창업성장"}
    assert {r["amountKrw"] for r in got} == {87_900_000_000}


def test_answers_are_labelled_with_the_graph_version(api: TestClient, versioned: Graph) -> None:
    version = read_version(versioned)
    assert version is not None
    response = api.get("/sparql", params={"query": EDITIONS})
    assert response.headers["stkg-graph-version"] == str(version.number)
    assert response.headers["stkg-truncated"] == "false"
    status = api.get("/sparql/status").json()
    assert status["graph_version"] == status["store_version"] == version.number
    assert status["behind"] == 0 and status["current"] is True
    assert status["triples"] > status["entailed_triples"] > 0


def test_superclasses_and_superproperties_are_entailed(api: TestClient) -> None:
    def count(where: str) -> int:
        query = f"{PREFIXES}SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}"
        return int(_rows(api.get("/sparql", params={"query": query}))[0]["n"])

    products = count("?p a stkg:StrategicProduct")
    assert products > 0
    # the export types products with their own class only; stkg:Entity comes from the
    # ontology's rdfs:subClassOf
    assert count("?p a stkg:StrategicProduct . ?p a stkg:Entity") == products
    organisations = count("?o a stkg:Organization")
    assert organisations > 0
    assert count("?o a stkg:Organization . ?o a prov:Organization") == organisations
    cited = count("?e stkg:citesDocument ?d")
    assert cited > 0
    assert count("?e stkg:citesDocument ?d . ?e prov:wasDerivedFrom ?d") == cited


def test_ask_answers_a_boolean(api: TestClient) -> None:
    yes = api.get("/sparql", params={"query": f'{PREFIXES}ASK {{ ?e stkg:id "{EDITION_2022}" }}'})
    assert yes.status_code == 200
    assert yes.json() == {"head": {}, "boolean": True}
    no = api.get(
        "/sparql", params={"query": f'{PREFIXES}ASK {{ ?e stkg:id "edition:없는판@1999" }}'}
    )
    assert no.json() == {"head": {}, "boolean": False}
    xml = api.get(
        "/sparql",
        params={"query": f"{PREFIXES}ASK {{ ?e a stkg:RoadmapEdition }}"},
        headers={"Accept": "application/sparql-results+xml"},
    )
    assert bool(ox.parse_query_results(xml.content, format=ox.QueryResultsFormat.XML)) is True


CONSTRUCT = (
    PREFIXES
    + f'CONSTRUCT {{ ?e stkg:name ?name ; stkg:startYear ?y }} WHERE {{ ?e stkg:id "{EDITION_2022}" ; stkg:name ?name ; stkg:startYear ?y }}'
)


def test_construct_answers_turtle_by_default(api: TestClient) -> None:
    response = api.post(
        "/sparql", content=CONSTRUCT.encode(), headers={"Content-Type": "application/sparql-query"}
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/turtle")
    triples = list(ox.parse(response.content, format=ox.RdfFormat.TURTLE))
    edition = ox.NamedNode(instance_iri(EDITION_2022))
    assert {(t.subject, t.object) for t in triples} == {
        (edition, ox.Literal("2022~2024 중소기업 기술로드맵")),
        (edition, ox.Literal("2022", datatype=ox.NamedNode(XSD_INTEGER))),
    }


@pytest.mark.parametrize("fmt", list(GRAPH_FORMATS))
def test_construct_in_every_rdf_media_type(api: TestClient, fmt: str) -> None:
    media = GRAPH_FORMATS[fmt]
    by_accept = api.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": media})
    by_param = api.get("/sparql", params={"query": CONSTRUCT, "format": fmt})
    for response in (by_accept, by_param):
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].split(";")[0] == media
        parsed = list(ox.parse(response.content, format=ox.RdfFormat.from_media_type(media)))
        assert len(parsed) == 2, fmt


@pytest.mark.parametrize("fmt", list(RESULT_FORMATS))
def test_select_in_every_results_media_type(api: TestClient, fmt: str) -> None:
    media = RESULT_FORMATS[fmt]
    reference = _rows(api.get("/sparql", params={"query": EDITIONS}))
    assert [r["id"] for r in reference] == sorted(
        [
            EDITION_2021,
            EDITION_2022,
            "edition:스마트제조전략기술로드맵@2025",
            "edition:스마트제조전략기술로드맵@2026",
        ]
    )
    by_accept = api.get("/sparql", params={"query": EDITIONS}, headers={"Accept": media})
    by_form = api.post("/sparql", data={"query": EDITIONS}, params={"format": fmt})
    for response in (by_accept, by_form):
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].split(";")[0] == media
        got = _rows(response, ox.QueryResultsFormat.from_media_type(media))
        if fmt == "csv":  # CSV carries no types: every value is its text
            reference = [{k: str(v) for k, v in r.items()} for r in reference]
        assert got == reference


def test_csv_and_tsv_follow_the_w3c_formats(api: TestClient) -> None:
    text = api.get("/sparql", params={"query": EDITIONS, "format": "csv"}).text
    assert text.startswith("e,id\r\n") and f",{EDITION_2021}\r\n" in text
    tsv = api.get("/sparql", params={"query": EDITIONS, "format": "tsv"}).text
    assert tsv.startswith("?e\t?id\n")
    assert f'<{instance_iri(EDITION_2021)}>\t"{EDITION_2021}"\n' in tsv


def test_accept_quality_values_are_honoured(api: TestClient) -> None:
    response = api.get(
        "/sparql",
        params={"query": EDITIONS},
        headers={"Accept": "application/sparql-results+json;q=0.5, text/csv"},
    )
    assert response.headers["content-type"].startswith("text/csv")


@pytest.mark.parametrize(
    "update",
    [
        'PREFIX stkg: <https://w3id.org/stkg/ontology#> INSERT DATA { <urn:x> stkg:name "x" }',
        "DELETE WHERE { ?s ?p ?o }",
        "# a comment first\nCLEAR ALL",
        "LOAD <http://example.org/data.ttl>",
    ],
)
def test_updates_are_refused_with_a_problem(api: TestClient, update: str) -> None:
    for response in (
        api.post("/sparql", data={"query": update}),
        api.post(
            "/sparql", content=update.encode(), headers={"Content-Type": "application/sparql-query"}
        ),
        api.get("/sparql", params={"query": update}),
    ):
        assert is_problem(response, 400), response.text
        assert response.json()["title"] == "SPARQL not allowed"
        assert "read-only" in response.json()["detail"]
    still = api.get(
        "/sparql", params={"query": f"{PREFIXES}SELECT (COUNT(*) AS ?n) {{ ?s ?p ?o }}"}
    )
    assert int(_rows(still)[0]["n"]) > 1000  # DELETE WHERE deleted nothing


def test_service_federation_is_refused(api: TestClient) -> None:
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"
    response = api.get("/sparql", params={"query": query})
    assert is_problem(response, 400)
    assert "SERVICE" in response.json()["detail"]
    # the word inside a string or as a variable is no federation
    harmless = 'SELECT ?service WHERE { BIND("SERVICE" AS ?service) }'
    assert api.get("/sparql", params={"query": harmless}).status_code == 200


def test_a_syntax_error_names_where_and_what(api: TestClient) -> None:
    response = api.get("/sparql", params={"query": "SELECT ?x WHERE {\n  ?x <urn:p> }"})
    assert is_problem(response, 400)
    body = response.json()
    assert body["title"] == "Invalid SPARQL"
    assert body["detail"].startswith("line 2, column "), body  # where the object is missing
    assert body["line"] == 2 and "<urn:p>" in body["detail"]
    undeclared = api.get("/sparql", params={"query": "SELECT ?x WHERE { ?x stkg:name ?y }"})
    assert is_problem(undeclared, 400)
    detail = undeclared.json()["detail"]
    assert "stkg:name" in detail and "no PREFIX declares" in detail, detail
    empty = api.post("/sparql", data={"query": "   "})
    assert is_problem(empty, 400)


def test_a_format_for_the_other_kind_of_answer_is_a_400(api: TestClient) -> None:
    response = api.get("/sparql", params={"query": EDITIONS, "format": "ttl"})
    assert is_problem(response, 400)
    assert "SELECT and ASK" not in response.json()["detail"]


def test_dataset_parameters_are_refused_not_ignored(api: TestClient) -> None:
    graph = "https://w3id.org/stkg/id/graph"
    by_get = api.get("/sparql", params={"query": EDITIONS, "default-graph-uri": graph})
    by_form = api.post("/sparql", data={"query": EDITIONS, "named-graph-uri": graph})
    for response in (by_get, by_form):
        assert is_problem(response, 400)
        assert "graph-uri" in response.json()["detail"]


def test_a_body_of_another_media_type_is_a_415(api: TestClient) -> None:
    response = api.post("/sparql", content=b"{}", headers={"Content-Type": "application/json"})
    assert is_problem(response, 415)


@pytest.fixture(scope="module")
def capped(neo4j_settings: Settings, versioned: Graph) -> Iterator[TestClient]:
    settings = neo4j_settings.model_copy(update={"sparql_max_rows": 3})
    with TestClient(create_app(settings)) as c:
        yield c


def test_answers_stop_at_the_row_cap_and_say_so(capped: TestClient) -> None:
    response = capped.get("/sparql", params={"query": EDITIONS})
    assert response.headers["stkg-truncated"] == "true"
    assert len(_rows(response)) == 3
    triples = capped.get(
        "/sparql", params={"query": PREFIXES + "CONSTRUCT WHERE { ?e a stkg:RoadmapEdition }"}
    )
    assert triples.headers["stkg-truncated"] == "true"
    assert len(list(ox.parse(triples.content, format=ox.RdfFormat.TURTLE))) == 3
    ask = capped.get("/sparql", params={"query": f"{PREFIXES}ASK {{ ?e a stkg:Entity }}"})
    assert ask.headers["stkg-truncated"] == "false"


def test_a_query_past_its_timeout_is_a_408(neo4j_settings: Settings, versioned: Graph) -> None:
    # a fresh app builds its store on the first query (about half a second on the seed
    # graph): far past a 10 ms timeout
    settings = neo4j_settings.model_copy(update={"sparql_timeout": 0.01})
    with TestClient(create_app(settings)) as c:
        response = c.get("/sparql", params={"query": EDITIONS})
    assert is_problem(response, 408), response.text
    assert "STKG_SPARQL_TIMEOUT" in response.json()["detail"]


def test_the_openapi_document_lists_every_media_type(api: TestClient) -> None:
    paths = api.get("/openapi.json").json()["paths"]
    for method in ("get", "post"):
        content = paths["/sparql"][method]["responses"]["200"]["content"]
        assert set(content) == {*RESULT_FORMATS.values(), *GRAPH_FORMATS.values()}
        assert paths["/sparql"][method]["responses"]["400"]["content"]
    body = paths["/sparql"]["post"]["requestBody"]["content"]
    assert set(body) == {"application/x-www-form-urlencoded", "application/sparql-query"}
    assert json.loads(json.dumps(paths["/sparql/status"]))  # documented


def test_results_json_round_trips_through_a_sparql_parser(api: TestClient) -> None:
    response = api.get("/sparql", params={"query": EDITIONS})
    body = response.json()
    assert body["head"]["vars"] == ["e", "id"]
    first = body["results"]["bindings"][0]
    assert first["e"]["type"] == "uri" and first["id"]["type"] == "literal"
    assert "datatype" not in first["id"]  # xsd:string is the default, left out
    assert ox.parse_query_results(io.BytesIO(response.content), format=ox.QueryResultsFormat.JSON)


def test_the_cli_answers_from_a_store_it_builds(versioned: Graph, cli_settings: Settings) -> None:
    result = CliRunner().invoke(app, ["sparql", str(REPO / "queries" / "edition-diff.rq")])
    refused = CliRunner().invoke(app, ["sparql", "DELETE WHERE { ?s ?p ?o }"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 32
    assert any(r["change"] == "renamed" and r["after"] == "세라믹" for r in rows)
    assert refused.exit_code != 0 and "read-only" in refused.output


def test_the_cli_rebuild_makes_the_api_store_rebuild_in_full(
    api: TestClient, versioned: Graph, cli_settings: Settings
) -> None:
    assert api.get("/sparql", params={"query": EDITIONS}).status_code == 200
    before = api.get("/sparql/status").json()
    assert before["next_sync"]["mode"] == "none"
    result = CliRunner().invoke(app, ["sparql", "--rebuild"])
    assert result.exit_code == 0, result.output
    assert "rebuilds in full" in result.output
    assert api.get("/sparql/status").json()["next_sync"]["mode"] == "full"
    assert api.get("/sparql", params={"query": EDITIONS}).status_code == 200
    after = api.get("/sparql/status").json()
    assert after["last_sync"]["mode"] == "full"
    assert after["rebuilds"] == before["rebuilds"] + 1
    assert CliRunner().invoke(app, ["sparql"]).exit_code != 0  # neither a query nor --rebuild


def test_a_query_past_the_concurrency_bound_is_a_429(
    neo4j_settings: Settings, versioned: Graph
) -> None:
    settings = neo4j_settings.model_copy(update={"sparql_concurrency": 1})
    with TestClient(create_app(settings)) as c:
        held = c.app.state.sparql_pool.try_take()  # as a query still being evaluated would
        assert held is not None
        try:
            busy = c.get("/sparql", params={"query": EDITIONS})
        finally:
            held.release_unused()
        assert is_problem(busy, 429)
        assert busy.headers["retry-after"]
        assert c.get("/sparql", params={"query": EDITIONS}).status_code == 200


def test_the_store_is_rebuilt_on_demand_with_a_key(
    neo4j_settings: Settings, versioned: Graph
) -> None:
    key = "sparql-rebuild-test-key-0123456789"
    settings = neo4j_settings.model_copy(update={"api_keys": [SecretStr(key)]})
    with TestClient(create_app(settings)) as c:
        assert is_problem(c.post("/sparql/rebuild"), 401)
        assert is_problem(c.post("/sparql/rebuild", headers={"X-API-Key": "wrong"}), 403)
        first = c.post("/sparql/rebuild", headers={"X-API-Key": key})
        assert first.status_code == 200, first.text
        second = c.post("/sparql/rebuild", headers={"X-API-Key": key}).json()
    assert first.json()["current"] is True and second["current"] is True
    assert second["built_at"] > first.json()["built_at"]  # built again, same version
    assert second["store_version"] == first.json()["store_version"]
