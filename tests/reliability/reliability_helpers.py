"""Shared by the reliability tests: a fingerprint of the whole graph, and small utilities.

A fingerprint is ``(nodes, relationships, sha256)`` where the hash covers a canonical dump
of every node (its key, labels and properties) and every relationship (start key, type,
end key, properties). Node keys are the ``id`` property (``iri`` for schema nodes), never
Neo4j's element ids, so two graphs built separately from the same input fingerprint alike.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
from collections.abc import Iterable
from typing import Any, NamedTuple

from stkg.config.settings import Settings
from stkg.graph.driver import Graph

NODES = "MATCH (n) RETURN elementId(n) AS eid, labels(n) AS labels, properties(n) AS props"
RELS = (
    "MATCH (a)-[r]->(b) "
    "RETURN elementId(a) AS a, type(r) AS type, elementId(b) AS b, properties(r) AS props"
)


class Fingerprint(NamedTuple):
    nodes: int
    rels: int
    sha256: str


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def fingerprint(graph: Graph, *, exclude_labels: Iterable[str] = ()) -> Fingerprint:
    """Counts and a content hash of the graph.

    Nodes carrying any of ``exclude_labels`` are left out together with every relationship
    touching them (the crash test leaves out ``IngestRun``: each run has a fresh id and
    start time, so two runs over the same corpus never match on those).
    """
    excluded = set(exclude_labels)
    keys: dict[str, str] = {}
    nodes: list[str] = []
    for row in graph.read(NODES):
        if excluded & set(row["labels"]):
            continue
        props = row["props"]
        key = str(props.get("id") or props.get("iri") or _canonical(props))
        keys[row["eid"]] = key
        nodes.append(_canonical([key, sorted(row["labels"]), props]))
    rels = [
        _canonical([keys[row["a"]], row["type"], keys[row["b"]], row["props"]])
        for row in graph.read(RELS)
        if row["a"] in keys and row["b"] in keys
    ]
    digest = hashlib.sha256()
    for line in [*sorted(nodes), "--", *sorted(rels)]:
        digest.update(line.encode("utf-8") + b"\n")
    return Fingerprint(len(nodes), len(rels), digest.hexdigest())


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
