"""The OpenAPI document states what the API answers: media types, headers, constraints.

schemathesis (test_schemathesis.py) finds where answers and document part; these tests
pin the pieces down one by one, each from its single source (the renderer registry, the
ontology), so a renderer or a class added later is documented without a second list.
"""

from __future__ import annotations

from typing import Any

import pytest
from api_helpers import is_problem
from fastapi.testclient import TestClient

from stkg.api.envelope import FORMAT_PARAMETER, MEDIA_TYPES, RENDERERS
from stkg.api.openapi import LINKS
from stkg.api.problems import RETRY_AFTER_STATUSES
from stkg.api.terms import entity_labels, id_pattern, relationship_terms


@pytest.fixture(scope="module")
def document(client: TestClient) -> dict[str, Any]:
    return client.get("/openapi.json").json()


def _operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(m, p, op) for p, ops in document["paths"].items() for m, op in ops.items()]


def _parameter(operation: dict[str, Any], name: str) -> dict[str, Any]:
    return next(p for p in operation["parameters"] if p["name"] == name)


def test_every_renderer_media_type_is_documented_where_format_is_taken(
    client: TestClient, document: dict[str, Any]
) -> None:
    media_types = {r.media_type for r in RENDERERS.values()}
    rendering = [
        (m, p, op)
        for m, p, op in _operations(document)
        if any(q["name"] == FORMAT_PARAMETER for q in op.get("parameters", []))
    ]
    assert len(rendering) > 10
    for _, path, operation in rendering:
        offered = _parameter(operation, FORMAT_PARAMETER)["schema"]["enum"]
        assert set(operation["responses"]["200"]["content"]) == {MEDIA_TYPES[n] for n in offered}, (
            path
        )
        assert "406" in operation["responses"], path
    tabular = [
        op for _, _, op in rendering if set(op["responses"]["200"]["content"]) == media_types
    ]
    assert len(tabular) > 10
    csv = client.get("/search", params={"q": "드론", FORMAT_PARAMETER: "csv"})
    assert csv.status_code == 200
    assert csv.headers["content-type"].split(";")[0] in media_types


def test_every_429_and_503_states_retry_after(document: dict[str, Any]) -> None:
    stated = 0
    for _, path, operation in _operations(document):
        for code, response in operation["responses"].items():
            if int(code) in RETRY_AFTER_STATUSES:
                assert response["headers"]["Retry-After"]["required"] is True, (path, code)
                stated += 1
    assert stated > len(document["paths"])  # every 503, and the 429 of POST /cypher


def test_a_405_lists_every_method_of_the_path_in_allow(client: TestClient) -> None:
    for method, path, allow in [
        ("TRACE", "/health", "GET, HEAD"),
        ("GET", "/cypher", "POST"),
        ("DELETE", "/sparql", "GET, HEAD, POST"),  # a route per method, one router
        ("DELETE", "/ontology/terms", "GET, HEAD"),
        ("PUT", "/static/style.css", "GET, HEAD"),
    ]:
        response = client.request(method, path)
        assert is_problem(response, 405), (method, path)
        assert response.headers["allow"] == allow, (method, path)


def test_class_and_relationship_parameters_are_enums_of_the_ontology(
    document: dict[str, Any],
) -> None:
    paths = document["paths"]
    label = _parameter(paths["/classes/{label}/entities"]["get"], "label")
    assert label["schema"]["enum"] == list(entity_labels())
    search_label = _parameter(paths["/search"]["get"], "label")
    assert search_label["schema"]["enum"] == list(entity_labels())
    rel_type = _parameter(paths["/provenance/relationship"]["get"], "type")
    assert rel_type["schema"]["enum"] == sorted(relationship_terms())


def test_ids_carry_the_pattern_of_the_ontology_id_prefixes(document: dict[str, Any]) -> None:
    patterned = [
        (path, p["name"])
        for _, path, operation in _operations(document)
        for p in operation.get("parameters", [])
        if p["schema"].get("pattern") == id_pattern()
    ]
    assert ("/entities/{id}", "id") in patterned and ("/paths", "from") in patterned
    assert len(patterned) >= 12, patterned


def test_links_lead_to_operations_the_document_has(document: dict[str, Any]) -> None:
    offered = {
        (path, name)
        for _, path, operation in _operations(document)
        for name in operation["responses"]["200"].get("links", {})
    }
    assert offered == {(path, name) for (_, path), links in LINKS.items() for name in links}


def test_head_answers_as_get_without_a_body(client: TestClient) -> None:
    for path in ("/health", "/ontology/terms", "/queries"):
        get = client.get(path)
        head = client.head(path)
        assert head.status_code == get.status_code == 200, path
        assert head.content == b"", path
        assert head.headers["content-type"] == get.headers["content-type"], path
        assert head.headers["content-length"] == get.headers["content-length"], path
    missing = client.head("/entities/field:없는분야")
    assert missing.status_code == 404 and missing.content == b""
