"""The SPARQL store follows the graph: a document ingested after the store was built is in
the next answer (reloaded alone), and ``/sparql/status`` says how far behind the store was
meanwhile and what the next query would do."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from stkg.api.app import create_app
from stkg.config.settings import Settings
from stkg.graph.driver import Graph
from stkg.graph.version import advance_version, read_version, touching
from stkg.graph.wipe import wipe
from stkg.ingest.files import ingest_paths
from stkg.ontology.model import load_ontology

SME_RELEASE = "000_f874dc3d0926f1b7.txt"
SMART_MANUFACTURING_RELEASE = "004_2e30ccd89939a41a.txt"
ASK_2025 = (
    "PREFIX stkg: <https://w3id.org/stkg/ontology#>\n"
    'ASK { ?e a stkg:RoadmapEdition ; stkg:id "edition:스마트제조전략기술로드맵@2025" }'
)


@pytest.fixture(scope="module")
def one_release(session_graph: Graph, seeds_dir: Path) -> Graph:
    """A graph with a version node and the SME roadmap release only."""
    wipe(session_graph)
    advance_version(session_graph)
    report = ingest_paths([seeds_dir / SME_RELEASE], session_graph, load_ontology())
    assert [d.status for d in report.documents] == ["written"]
    return session_graph


@pytest.fixture(scope="module")
def api(neo4j_settings: Settings, one_release: Graph) -> Iterator[TestClient]:
    with TestClient(create_app(neo4j_settings)) as c:
        yield c


def test_a_new_ingest_is_in_the_next_answer(
    api: TestClient, one_release: Graph, seeds_dir: Path
) -> None:
    before = api.get("/sparql", params={"query": ASK_2025})
    assert before.status_code == 200
    assert before.json()["boolean"] is False
    built_at = int(before.headers["stkg-graph-version"])
    assert api.get("/sparql/status").json()["behind"] == 0

    report = ingest_paths([seeds_dir / SMART_MANUFACTURING_RELEASE], one_release, load_ontology())
    assert [d.status for d in report.documents] == ["written"]
    now = read_version(one_release)
    assert now is not None and now.number > built_at

    status = api.get("/sparql/status").json()  # reports, does not rebuild
    assert status["current"] is False
    assert status["behind"] == now.number - built_at > 0
    # the ingest wrote one document and nothing else: the next query reloads just it
    assert status["next_sync"] == {
        "mode": "incremental", "documents": 1, "classes": [], "nodes": 0, "reason": None
    }  # fmt: skip
    assert status["last_sync"]["mode"] == "full"

    after = api.get("/sparql", params={"query": ASK_2025})
    assert after.json()["boolean"] is True
    assert after.headers["stkg-graph-version"] == str(now.number)
    status = api.get("/sparql/status").json()
    assert status["current"] is True
    assert status["next_sync"]["mode"] == "none"
    assert status["last_sync"]["mode"] == "incremental"
    assert status["last_sync"]["documents"] == 1
    assert (status["rebuilds"], status["incremental_syncs"]) == (1, 1)


def test_a_write_naming_its_nodes_is_reported_and_followed_incrementally(
    api: TestClient, one_release: Graph
) -> None:
    """A write that is no document but names the nodes it changed (a review, a judged
    sample, stored indicators, …): the status says the next query reloads those nodes,
    and it does."""
    api.get("/sparql", params={"query": ASK_2025})  # current
    edition = "edition:중소기업기술로드맵@2022"
    with touching(nodes=[edition, "edition:중소기업기술로드맵@2021"]):
        one_release.write("MATCH (e:RoadmapEdition {id: $id}) SET e.nameEn = 'renamed'", id=edition)
    status = api.get("/sparql/status").json()
    assert status["next_sync"] == {
        "mode": "incremental", "documents": 0, "classes": [], "nodes": 2, "reason": None
    }  # fmt: skip
    named = (
        "PREFIX stkg: <https://w3id.org/stkg/ontology#>\n"
        f'SELECT ?name WHERE {{ ?e stkg:id "{edition}" ; stkg:nameEn ?name }}'
    )
    answer = api.get("/sparql", params={"query": named}, headers={"Accept": "text/csv"})
    assert answer.text.split() == ["name", "renamed"]
    status = api.get("/sparql/status").json()
    assert status["last_sync"]["mode"] == "incremental"
    assert status["next_sync"] == {
        "mode": "none", "documents": 0, "classes": [], "nodes": 0, "reason": None
    }  # fmt: skip


def test_a_write_that_is_no_document_is_followed_by_a_full_rebuild(
    api: TestClient, one_release: Graph
) -> None:
    api.get("/sparql", params={"query": ASK_2025})  # current
    rebuilds = api.get("/sparql/status").json()["rebuilds"]
    advance_version(one_release)  # what `stkg sparql --rebuild` writes
    status = api.get("/sparql/status").json()
    assert status["next_sync"]["mode"] == "full"
    assert "did not say what it changed" in status["next_sync"]["reason"]
    api.get("/sparql", params={"query": ASK_2025})
    status = api.get("/sparql/status").json()
    assert status["last_sync"]["mode"] == "full"
    assert status["rebuilds"] == rebuilds + 1


def test_a_graph_without_a_version_node_is_rebuilt_by_age(
    neo4j_settings: Settings, one_release: Graph
) -> None:
    one_release.write("MATCH (n:GraphVersion) DETACH DELETE n")
    settings = neo4j_settings.model_copy(update={"sparql_unversioned_max_age": 0.0})
    with TestClient(create_app(settings)) as c:
        first = c.get("/sparql", params={"query": ASK_2025})
        assert first.headers["stkg-graph-version"] == "none"
        assert first.json()["boolean"] is True
        one_release.write(
            "MATCH (e:RoadmapEdition {id: $id}) DETACH DELETE e",
            id="edition:스마트제조전략기술로드맵@2025",
        )
        assert c.get("/sparql", params={"query": ASK_2025}).json()["boolean"] is False
