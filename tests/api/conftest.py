"""API fixtures: a TestClient over the app, on the test server holding the two seeds."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from stkg.api.app import create_app
from stkg.config.settings import Settings
from stkg.graph.driver import Graph


@pytest.fixture(scope="module")
def client(neo4j_settings: Settings, seeded: Graph) -> Iterator[TestClient]:
    """The app on the seeded test graph (once per module)."""
    with TestClient(create_app(neo4j_settings)) as c:
        yield c
