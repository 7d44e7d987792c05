"""Shared by the reliability tests: a fingerprint of the whole graph, and small utilities.

The fingerprint is the one every backup's manifest records (``stkg.graph.fingerprint``):
``(nodes, relationships, sha256)``, the hash covering a canonical form of every node (its
key, labels and properties) and every relationship (start key, type, end key,
properties). Node keys are the ``id`` property (``iri`` for schema nodes), never Neo4j's
element ids, so two graphs built separately from the same input fingerprint alike.
"""

from __future__ import annotations

import os
import socket

from stkg.config.settings import Settings
from stkg.graph.fingerprint import Fingerprint, fingerprint

__all__ = ["Fingerprint", "cli_env", "fingerprint", "free_port"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def cli_env(settings: Settings, **extra: str) -> dict[str, str]:
    """The environment for a ``python -m stkg.cli`` subprocess aimed at ``settings``' server."""
    env = {**os.environ, "NEO4J_URI": settings.neo4j_uri, "COLUMNS": "400", **extra}
    env["NEO4J_DATABASE"] = settings.neo4j_database
    if settings.password:
        env["NEO4J_PASSWORD"] = settings.password
    else:
        env.pop("NEO4J_PASSWORD", None)
    return env
