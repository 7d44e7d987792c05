"""The API skeleton: liveness, readiness, and problem+json when Neo4j is away."""

from __future__ import annotations

import socket

from api_helpers import DroppingListener
from fastapi.testclient import TestClient

from stkg.api.app import create_app
from stkg.config.settings import Settings


def test_health_and_ready(neo4j_settings: Settings) -> None:
    with TestClient(create_app(neo4j_settings)) as client:
        assert client.get("/health").json()["status"] == "ok"
        ready = client.get("/ready")
        assert ready.status_code == 200 and ready.json()["status"] == "ready"


def test_not_ready_is_a_503_problem_with_retry_after() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings = Settings(neo4j_uri=f"bolt://127.0.0.1:{port}")
    with TestClient(create_app(settings)) as client:
        response = client.get("/ready")
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["retry-after"]
    body = response.json()
    assert (
        body["status"] == 503 and body["instance"] == "/ready" and "Traceback" not in body["detail"]
    )


def test_a_read_while_neo4j_is_away_is_retried_once(dropping_listener: DroppingListener) -> None:
    """An outage answers 503 after one retry, never two: each request connects twice
    (counted at a listener that accepts and drops, as a Neo4j going away does)."""
    accepted = dropping_listener.accepted
    uri = f"bolt://127.0.0.1:{dropping_listener.port}"
    with TestClient(create_app(Settings(neo4j_uri=uri))) as client:
        for _ in range(4):
            accepted.clear()
            response = client.get("/queries/editions")
            assert response.status_code == 503 and response.headers["retry-after"]
            assert len(accepted) == 2, f"{len(accepted)} connections: one retry, no more"


def test_unknown_route_is_a_problem() -> None:
    with TestClient(create_app(Settings())) as client:
        response = client.get("/no/such/thing")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["title"] == "Not Found"
