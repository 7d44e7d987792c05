"""API fixtures: a TestClient over the app, on the test server holding the two seeds."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest
from api_helpers import DroppingListener
from fastapi.testclient import TestClient

from stkg.api.app import create_app
from stkg.config.settings import Settings
from stkg.graph.driver import Graph
from stkg.graph.schema import sync
from stkg.graph.version import advance_version


@pytest.fixture(scope="module")
def client(neo4j_settings: Settings, seeded: Graph) -> Iterator[TestClient]:
    """The app on the seeded test graph (once per module)."""
    with TestClient(create_app(neo4j_settings)) as c:
        yield c


@pytest.fixture(scope="module")
def synced_client(neo4j_settings: Settings, seeded: Graph) -> Iterator[TestClient]:
    """The app on the seeded graph after an ontology sync, which writes the organisations'
    validity intervals and predecessorOf links that ``as_of`` answers read."""
    sync(seeded)
    with TestClient(create_app(neo4j_settings)) as c:
        yield c


@pytest.fixture(scope="module")
def versioned(seeded: Graph) -> Graph:
    """The seeded graph with its version node (created and advanced once)."""
    advance_version(seeded)
    return seeded


@pytest.fixture(scope="module")
def api(versioned: Graph, client: TestClient) -> TestClient:
    """The app on the seeded graph once it has a version node (the SPARQL store's clock)."""
    return client


@pytest.fixture
def dropping_listener() -> Iterator[DroppingListener]:
    listener = socket.create_server(("127.0.0.1", 0))
    accepted: list[int] = []

    def drop() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            accepted.append(1)
            conn.close()

    threading.Thread(target=drop, daemon=True).start()
    try:
        yield DroppingListener(listener.getsockname()[1], accepted)
    finally:
        listener.close()
