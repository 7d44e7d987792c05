"""Service qualities: 503s, readiness, body limit, CORS, metrics, API keys, uploads."""

from __future__ import annotations

import asyncio
import logging
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from api_helpers import EDITION_2021, EDITION_2022, KISTA, is_problem
from fastapi import FastAPI
from fastapi.testclient import TestClient
from neo4j import GraphDatabase
from pydantic import SecretStr

from stkg.api.app import create_app
from stkg.api.deps import app_graph
from stkg.api.routes.admin import UPLOAD_SUFFIXES
from stkg.config.settings import Settings
from stkg.graph.driver import Graph

KEY = "k-7c1d2e"
#: One request per read route, each with valid parameters.
READ_ROUTES = [
    "/entities/field:드론",
    "/entities/field:드론/programmes",
    "/classes/StrategicField/entities",
    "/lineage/field:드론",
    f"/paths?from={KISTA}&to=field:드론",
    "/provenance/field:드론",
    f"/provenance/relationship?start={EDITION_2022}&type=LINKED_PROGRAMME&end=programme:창업성장",
    f"/programmes/links?edition={EDITION_2022}",
    "/programmes/programme:창업성장/links",
    "/fields/드론/history",
    f"/editions/diff?from={EDITION_2021}&to={EDITION_2022}",
    "/search?q=드론",
    "/queries/editions",
    "/ready",
]


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def _call_all(app: FastAPI, urls: list[str]) -> list[httpx.Response]:
    """Every GET plus a POST /cypher, concurrently (each waits out the driver's retries)."""
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            calls = [client.get(u) for u in urls]
            calls.append(client.post("/cypher", json={"query": "RETURN 1"}))
            return list(await asyncio.gather(*calls))


def test_every_read_route_answers_503_with_retry_after_when_neo4j_is_away() -> None:
    app = create_app(Settings(neo4j_uri=f"bolt://127.0.0.1:{_closed_port()}"))
    urls = [*READ_ROUTES, "POST /cypher"]
    responses = asyncio.run(_call_all(app, READ_ROUTES))
    for url, response in zip(urls, responses, strict=True):
        assert is_problem(response, 503), (url, response.status_code, response.text)
        assert int(response.headers["retry-after"]) > 0, url


def test_connection_acquisition_timeout_is_a_503(neo4j_settings: Settings, seeded: Graph) -> None:
    with TestClient(create_app(neo4j_settings)) as client:
        assert client.get("/entities/field:드론").status_code == 200

        driver = GraphDatabase.driver(
            neo4j_settings.neo4j_uri, max_connection_pool_size=1,
            connection_acquisition_timeout=0.5, auth=None,
        )  # fmt: skip
        session = driver.session(database=neo4j_settings.neo4j_database)
        tx = session.begin_transaction()
        tx.run("RETURN 1").consume()

        async def starved() -> Graph:
            return Graph(driver, neo4j_settings.neo4j_database)

        client.app.dependency_overrides[app_graph] = starved  # type: ignore[attr-defined]
        try:
            response = client.get("/entities/field:드론")
            assert is_problem(response, 503) and response.headers["retry-after"]
        finally:
            client.app.dependency_overrides.clear()  # type: ignore[attr-defined]
            tx.close()
            session.close()
            driver.close()


def test_request_body_limit(neo4j_settings: Settings) -> None:
    settings = neo4j_settings.model_copy(update={"api_max_body": 2048})
    with TestClient(create_app(settings)) as client:
        small = client.post("/cypher", json={"query": "RETURN 1"})
        assert small.status_code == 200
        big = client.post("/cypher", json={"query": "RETURN '" + "x" * 4000 + "'"})
        assert is_problem(big, 413) and "2048" in big.json()["detail"]

        def chunks() -> Any:
            for _ in range(10):
                yield b"x" * 1000

        streamed = client.post(
            "/cypher", content=chunks(), headers={"content-type": "application/json"}
        )
        assert is_problem(streamed, 413)


def test_cors_is_closed_by_default_and_configurable(neo4j_settings: Settings) -> None:
    preflight = {"Origin": "https://analyst.example", "Access-Control-Request-Method": "GET"}
    with TestClient(create_app(neo4j_settings)) as client:
        closed = client.options("/search", headers=preflight)
        assert "access-control-allow-origin" not in closed.headers
    settings = neo4j_settings.model_copy(update={"api_cors_origins": ["https://analyst.example"]})
    with TestClient(create_app(settings)) as client:
        opened = client.options("/search", headers=preflight)
        assert opened.headers["access-control-allow-origin"] == "https://analyst.example"
        other = client.options("/search", headers={**preflight, "Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers


def test_metrics_by_route_template_and_neo4j_time(client: TestClient) -> None:
    client.get("/entities/field:드론")
    client.get("/entities/field:없음")
    client.get("/no/such/route")
    text = client.get("/metrics").text
    template = 'route="/entities/{id:path}"'
    assert (
        f'stkg_http_request_duration_seconds_count{{method="GET",{template},status="200"}}' in text
    )
    assert (
        f'stkg_http_request_duration_seconds_count{{method="GET",{template},status="404"}}' in text
    )
    assert 'route="<unmatched>"' in text and "field:드론" not in text
    assert f"stkg_neo4j_query_duration_seconds_count{{{template}}}" in text


def test_write_endpoints_are_off_without_keys(client: TestClient) -> None:
    response = client.post("/ontology/sync", params={"dry_run": "true"})
    assert is_problem(response, 404) and "STKG_API_KEYS" in response.json()["detail"]
    assert is_problem(client.post("/ingest", headers={"X-API-Key": "anything"}), 404)


def test_api_keys(
    neo4j_settings: Settings, seeded: Graph, caplog: pytest.LogCaptureFixture
) -> None:
    settings = neo4j_settings.model_copy(update={"api_keys": [SecretStr("other"), SecretStr(KEY)]})
    caplog.set_level(logging.DEBUG)
    with TestClient(create_app(settings)) as client:
        url = "/ontology/sync?dry_run=true"
        assert is_problem(client.post(url), 401)
        wrong = client.post(url, headers={"X-API-Key": KEY + "x"})
        assert is_problem(wrong, 403) and KEY not in wrong.text
        right = client.post(url, headers={"X-API-Key": KEY})
        assert right.status_code == 200 and right.json()["dryRun"] is True
        assert KEY not in right.text and KEY not in str(right.headers)
    assert KEY not in caplog.text and KEY not in repr(settings)


def test_ingest_upload(neo4j_settings: Settings, seeded: Graph, seeds_dir: Path) -> None:
    settings = neo4j_settings.model_copy(update={"api_keys": [SecretStr(KEY)]})
    seed = seeds_dir / "000_f874dc3d0926f1b7.txt"
    with TestClient(create_app(settings)) as client:
        files = [("files", (seed.name, seed.read_bytes(), "text/plain"))]
        response = client.post("/ingest", files=files, headers={"X-API-Key": KEY})
        assert response.status_code == 200, response.text
        body = response.json()
        # the seed is in the graph already: same content, nothing rewritten
        assert [(d["file"], d["status"]) for d in body["documents"]] == [(seed.name, "unchanged")]
        assert body["totals"]["documents"] == 1 and body["run_id"].startswith("ingestrun:")
        bad = client.post("/ingest", files=[("files", ("x.exe", b"MZ", "application/octet-stream"))],
                          headers={"X-API-Key": KEY})  # fmt: skip
        assert is_problem(bad, 415) and "x.exe" in bad.json()["detail"]


def test_upload_suffixes_match_the_loader() -> None:
    from stkg.ingest.files import SUPPORTED_SUFFIXES

    assert set(SUPPORTED_SUFFIXES) == UPLOAD_SUFFIXES


def test_the_api_starts_without_loading_nlp() -> None:
    code = (
        "import sys; from stkg.api.app import create_app; create_app(); "
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('spacy', 'kiwipiepy')]; "
        "print(loaded); assert not loaded"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, timeout=120)
