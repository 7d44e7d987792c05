"""The two endpoints the explorer added: ``/ontology/terms`` and ``/documents/{id}/context``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from ui_helpers import ROADMAP_SEED

from stkg.api.app import create_app
from stkg.api.terms import relationship_terms
from stkg.config.settings import Settings
from stkg.graph.driver import Graph
from stkg.ontology.ids import instance_iri
from stkg.ontology.model import load_ontology

PRODUCT = "product:co2포집제"


@pytest.fixture(scope="module")
def client(neo4j_settings: Settings, seeded: Graph) -> Iterator[TestClient]:
    with TestClient(create_app(neo4j_settings)) as c:
        yield c


def _is_problem(response: httpx.Response, status: int) -> bool:
    return (
        response.status_code == status
        and response.headers["content-type"] == "application/problem+json"
        and response.json()["status"] == status
    )


def test_terms_come_from_the_ontology(client: TestClient) -> None:
    body = client.get("/ontology/terms").json()
    onto = load_ontology()
    classes = {c["label"]: c for c in body["classes"]}
    field = onto.cls("StrategicField")
    assert classes["StrategicField"]["ko"] == field.labels.ko
    assert classes["StrategicField"]["en"] == field.labels.en
    rels = {r["type"]: r for r in body["relationships"]}
    assert {t: r["lineage"] for t, r in rels.items()} == {
        t: term.in_lineage for t, term in relationship_terms().items()
    }
    kinds = {c["notation"]: c for c in body["vocabularies"]["changeKind"]}
    vocab = onto.vocabularies["changeKind"]
    assert set(kinds) == vocab.notations
    assert kinds["movedAndRenamed"]["ko"] == vocab.concept("movedAndRenamed").labels.ko


def _product_evidence(client: TestClient) -> dict[str, Any]:
    rows = client.get(f"/provenance/{PRODUCT}").json()["rows"]
    return next(r for r in rows if r["spanStart"] is not None)


def test_context_is_the_seed_text_around_the_span(client: TestClient, seeds_dir: Path) -> None:
    text = (seeds_dir / ROADMAP_SEED).read_text(encoding="utf-8")
    row = _product_evidence(client)
    assert row["origin"].endswith(ROADMAP_SEED)
    start, end = row["spanStart"], row["spanEnd"]
    for doc in (row["document"], instance_iri(row["document"])):
        body = client.get(f"/documents/{doc}/context",
                          params={"start": start, "end": end, "window": 50}).json()  # fmt: skip
        assert body["quote"] == row["quote"] == text[start:end]
        assert body["before"] == text[start - 50 : start]
        assert body["after"] == text[end : end + 50]
        assert (body["contextStart"], body["contextEnd"]) == (start - 50, end + 50)
        assert body["textLength"] == len(text)
    edge = client.get(f"/documents/{row['document']}/context",
                      params={"start": 0, "end": 3, "window": 10}).json()  # fmt: skip
    assert edge["before"] == "" and edge["contextStart"] == 0 and edge["quote"] == text[:3]


def test_context_problems(client: TestClient) -> None:
    doc = _product_evidence(client)["document"]
    url = f"/documents/{doc}/context"
    # a span the text does not have is named like a missing document: 404 (the schema
    # bounds each offset but cannot relate them, nor know the text's length)
    reversed_span = client.get(url, params={"start": 9, "end": 3})
    assert _is_problem(reversed_span, 404) and reversed_span.json()["start"] == 9
    too_far = client.get(url, params={"start": 0, "end": 10_000_000})
    assert _is_problem(too_far, 404) and too_far.json()["textLength"] > 0
    assert _is_problem(client.get(url, params={"start": 0, "end": 1_000_000_001}), 422)
    assert _is_problem(client.get(url, params={"start": 0, "end": 1, "window": 99_999}), 422)
    assert _is_problem(client.get(url, params={"end": 1}), 422)
    not_a_document = client.get(f"/documents/{PRODUCT}/context", params={"start": 0, "end": 1})
    assert _is_problem(not_a_document, 404) and PRODUCT in not_a_document.json()["detail"]
    assert _is_problem(client.get("/documents/document:없음/context",
                                  params={"start": 0, "end": 1}), 404)  # fmt: skip


def test_explorer_page_and_assets_are_served(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    for asset in ("/static/js/app.js", "/static/style.css", "/static/vendor/cytoscape.min.js"):
        assert asset in page.text, asset
        assert client.get(asset).status_code == 200, asset
    modules = client.get("/static/js/app.js").text
    assert 'from "./entity.js"' in modules and client.get("/static/js/entity.js").status_code == 200
    assert client.get("/static/vendor/cytoscape.LICENSE").text.startswith("Copyright")
    assert "/" not in client.get("/openapi.json").json()["paths"]
