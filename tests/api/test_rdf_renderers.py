"""``_format=ttl|jsonld`` (and their Accept headers) on the entity, lineage and provenance
routes: the RDF parses, and its IRIs and triples are those of ``stkg export``."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from api_helpers import EDITION_2022, is_problem
from fastapi.testclient import TestClient
from rdflib import RDF, Graph, URIRef

from stkg.api.app import create_app
from stkg.api.envelope import GRAPH_RENDERERS, MEDIA_TYPES
from stkg.config.settings import Settings
from stkg.graph.driver import Graph as Neo4jGraph
from stkg.graph.rdf import export_graph, statement_iri
from stkg.graph.schema import sync
from stkg.ontology.ids import instance_iri
from stkg.ontology.model import load_ontology

FIELD = "field:드론"
VERSION = "fieldversion:드론@중소기업기술로드맵@2021"
TURTLE, JSONLD = MEDIA_TYPES["ttl"], MEDIA_TYPES["jsonld"]
PARSERS = {"ttl": "turtle", "jsonld": "json-ld"}


@pytest.fixture(scope="module")
def synced_seed(seeded: Neo4jGraph) -> Neo4jGraph:
    """The seed graph with the ontology synced: the version node the answer cache needs
    is there, and the reference individuals carry the ontology's aliases."""
    sync(seeded)
    return seeded


@pytest.fixture(scope="module")
def export(synced_seed: Neo4jGraph) -> Graph:
    """The full export of the seed graph, as ``stkg export`` writes it."""
    return export_graph(synced_seed, load_ontology())


@pytest.fixture(scope="module")
def cached(neo4j_settings: Settings, synced_seed: Neo4jGraph) -> Iterator[TestClient]:
    """The app with its answer cache on (ETags, kept answers)."""
    settings = neo4j_settings.model_copy(update={"api_cache_bytes": 4_000_000})
    with TestClient(create_app(settings)) as c:
        yield c


def _rdf(response: httpx.Response, fmt: str) -> Graph:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == MEDIA_TYPES[fmt]
    return Graph().parse(data=response.content, format=PARSERS[fmt])


def _subset_of_export(rdf: Graph, export: Graph) -> None:
    assert len(rdf) > 0
    missing = [t for t in rdf if t not in export]
    assert not missing, missing[:5]


def _typed_subjects(rdf: Graph) -> set[str]:
    return {str(s) for s, o in rdf.subject_objects(RDF.type) if o != RDF.Statement}


@pytest.mark.parametrize("fmt", list(GRAPH_RENDERERS))
def test_entity_as_rdf_is_part_of_the_export(client: TestClient, export: Graph, fmt: str) -> None:
    view = client.get(f"/entities/{FIELD}").json()
    rdf = _rdf(client.get(f"/entities/{FIELD}", params={"_format": fmt}), fmt)
    _subset_of_export(rdf, export)
    iri = URIRef(view["iri"])
    assert iri == URIRef(instance_iri(FIELD))
    # the entity's own triples: all of the export's
    assert set(rdf.triples((iri, None, None))) >= {
        t for t in export.triples((iri, None, None)) if not isinstance(t[2], URIRef)
    }
    # every neighbour, with its IRI, and the relationship to it
    assert _typed_subjects(rdf) == {view["iri"]} | {
        instance_iri(n["id"]) for n in view["neighbours"]
    }
    for n in view["neighbours"]:
        other = URIRef(instance_iri(n["id"]))
        ends = (iri, other) if n["direction"] == "out" else (other, iri)
        assert any(rdf.triples((ends[0], None, ends[1]))), n


def test_entity_negotiated_by_accept(client: TestClient, export: Graph) -> None:
    by_param = _rdf(client.get(f"/entities/{FIELD}", params={"_format": "ttl"}), "ttl")
    by_turtle = _rdf(client.get(f"/entities/{FIELD}", headers={"Accept": TURTLE}), "ttl")
    by_jsonld = _rdf(client.get(f"/entities/{FIELD}", headers={"Accept": JSONLD}), "jsonld")
    assert set(by_param) == set(by_turtle) == set(by_jsonld)
    # a browser's Accept still gets JSON, and so does application/json
    for accept in ("text/html,application/xhtml+xml,*/*;q=0.8", "application/json"):
        answer = client.get(f"/entities/{FIELD}", headers={"Accept": accept})
        assert answer.headers["content-type"].startswith("application/json")
        assert answer.json()["id"] == FIELD


def test_each_representation_is_kept_apart(cached: TestClient) -> None:
    """The answer cache keys on the format, whether ``_format`` or Accept chose it."""
    as_json = cached.get(f"/entities/{FIELD}")
    as_ttl = cached.get(f"/entities/{FIELD}", headers={"Accept": TURTLE})
    assert as_json.headers["content-type"].startswith("application/json")
    assert as_ttl.headers["content-type"].startswith(TURTLE)
    assert as_json.headers["etag"] != as_ttl.headers["etag"]
    assert as_ttl.headers["vary"] == "Accept"
    again = cached.get(f"/entities/{FIELD}", headers={"Accept": TURTLE})
    assert again.content == as_ttl.content and again.headers["etag"] == as_ttl.headers["etag"]
    assert cached.get(f"/entities/{FIELD}").headers["content-type"].startswith("application/json")


@pytest.mark.parametrize("fmt", list(GRAPH_RENDERERS))
def test_lineage_as_rdf_is_part_of_the_export(client: TestClient, export: Graph, fmt: str) -> None:
    params = {"direction": "down", "depth": 2}
    walked = client.get(f"/lineage/{FIELD}", params=params).json()
    rdf = _rdf(client.get(f"/lineage/{FIELD}", params={**params, "_format": fmt}), fmt)
    _subset_of_export(rdf, export)
    assert _typed_subjects(rdf) == {instance_iri(n["id"]) for n in walked["nodes"]}
    onto = load_ontology()
    by_type = {p.rel_type: p for p in onto.object_properties.values()}
    for e in walked["edges"]:
        triple = (
            URIRef(instance_iri(e["source"])),
            URIRef(by_type[e["type"]].iri),
            URIRef(instance_iri(e["target"])),
        )
        assert triple in rdf, e


@pytest.mark.parametrize("fmt", list(GRAPH_RENDERERS))
def test_node_provenance_as_rdf_is_part_of_the_export(
    client: TestClient, export: Graph, fmt: str
) -> None:
    rows = client.get(f"/provenance/{VERSION}").json()["rows"]
    assert rows
    rdf = _rdf(client.get(f"/provenance/{VERSION}", params={"_format": fmt}), fmt)
    _subset_of_export(rdf, export)
    named = {VERSION} | {r["evidence"] for r in rows} | {r["document"] for r in rows}
    assert _typed_subjects(rdf) == {instance_iri(i) for i in named}
    # each evidence links to the node it supports and to its document, as in the export
    for r in rows:
        evidence = URIRef(instance_iri(r["evidence"]))
        assert (evidence, None, URIRef(instance_iri(VERSION))) in rdf
        assert (evidence, None, URIRef(instance_iri(r["document"]))) in rdf


def test_relationship_provenance_as_rdf_carries_the_statement(
    client: TestClient, export: Graph
) -> None:
    params = {"start": EDITION_2022, "type": "LINKED_PROGRAMME", "end": "programme:창업성장"}
    rows = client.get("/provenance/relationship", params=params).json()["rows"]
    rdf = _rdf(
        client.get("/provenance/relationship", params=params, headers={"Accept": JSONLD}),
        "jsonld",
    )
    _subset_of_export(rdf, export)
    op = next(
        p for p in load_ontology().object_properties.values() if p.rel_type == "LINKED_PROGRAMME"
    )
    stmt = statement_iri(EDITION_2022, op, "programme:창업성장")
    assert (stmt, RDF.type, RDF.Statement) in rdf
    assert {str(s) for s in rdf.subjects(RDF.type, None)} >= {
        instance_iri(r["evidence"]) for r in rows
    }
    # the CSV of the same rows is still offered here
    assert (
        client.get("/provenance/relationship", params={**params, "_format": "csv"})
        .headers["content-type"]
        .startswith("text/csv")
    )


def test_formats_a_route_does_not_give_are_problems(client: TestClient) -> None:
    # a _format outside the route's enum: parameter validation, 422
    assert is_problem(client.get(f"/entities/{FIELD}", params={"_format": "csv"}), 422)
    assert is_problem(client.get("/search", params={"q": "드론", "_format": "ttl"}), 422)
    # an Accept header naming only formats the route does not give: 406
    refused = client.get("/search", params={"q": "드론"}, headers={"Accept": TURTLE})
    assert is_problem(refused, 406)
    assert set(refused.json()["available"]) == {MEDIA_TYPES["json"], MEDIA_TYPES["csv"]}
    assert is_problem(client.get(f"/entities/{FIELD}", headers={"Accept": "text/csv"}), 406)
    assert is_problem(client.get(f"/lineage/{FIELD}", headers={"Accept": "text/csv"}), 406)
    # unknown entity as Turtle: the usual 404 problem
    assert is_problem(client.get("/entities/field:없음", params={"_format": "ttl"}), 404)


def test_openapi_lists_each_routes_own_formats(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    graph = {MEDIA_TYPES[n] for n in ("json", *GRAPH_RENDERERS)}
    assert set(paths["/entities/{id}"]["get"]["responses"]["200"]["content"]) == graph
    assert set(paths["/lineage/{id}"]["get"]["responses"]["200"]["content"]) == graph
    both = set(MEDIA_TYPES.values())
    assert set(paths["/provenance/{id}"]["get"]["responses"]["200"]["content"]) == both
    search = set(paths["/search"]["get"]["responses"]["200"]["content"])
    assert search == {MEDIA_TYPES["json"], MEDIA_TYPES["csv"]}
    assert "406" in paths["/search"]["get"]["responses"]
