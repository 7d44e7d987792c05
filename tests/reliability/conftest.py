"""Reliability fixtures: the ontology, and a private Neo4j that tests may stop and start."""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import pytest
from pydantic import SecretStr
from reliability_helpers import free_port

from stkg.config.settings import Settings
from stkg.graph.local.server import LocalNeo4j
from stkg.ontology.model import Ontology, load_ontology


@pytest.fixture(scope="session")
def onto() -> Ontology:
    return load_ontology()


@pytest.fixture(scope="session")
def private_neo4j(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalNeo4j]:
    """A Neo4j of its own (fresh store, free ports, a random password), never the shared one.

    Faults are injected into it (stopped under load), so no other test depends on it.
    """
    settings = Settings(
        neo4j_uri=f"bolt://127.0.0.1:{free_port()}",
        neo4j_http_port=free_port(),
        neo4j_password=SecretStr(f"pw-{secrets.token_hex(12)}"),
        home=tmp_path_factory.mktemp("private-neo4j"),
        neo4j_stop_timeout=30.0,
    )
    server = LocalNeo4j(settings)
    server.start(quiet=True)
    yield server
    server.stop()
