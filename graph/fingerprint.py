"""A content fingerprint of a whole database: equal graphs, equal fingerprints.

``(nodes, relationships, sha256)``. Every node becomes one canonical JSON line (its key,
its sorted labels, its properties) and every relationship another (start key, type, end
key, properties); a node's key is its ``id`` property, ``iri`` for schema nodes, its
whole property map when it has neither. The sha256 covers the sorted sha256 of each line,
so the order Neo4j returns things in does not matter and memory holds 32 bytes per node
and relationship, never the lines themselves. Neo4j's element ids appear nowhere: a store
loaded from a dump, or a graph built again from the same input, fingerprints alike.

The manifest of every backup records it (``stkg backup``), and a restore is checked
against it (``stkg restore``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any, NamedTuple

from neo4j import ManagedTransaction

from stkg.graph.cypher import backup as q
from stkg.graph.driver import Graph
from stkg.graph.serialize import to_json
from stkg.ontology.model import Ontology, load_ontology

__all__ = ["Fingerprint", "fingerprint"]


class Fingerprint(NamedTuple):
    nodes: int
    relationships: int
    sha256: str


def _canonical(value: Any) -> bytes:
    return json.dumps(to_json(value), sort_keys=True, ensure_ascii=False).encode("utf-8")


def _key(key: Any, props: Any) -> str:
    return str(key) if key is not None else _canonical(props).decode("utf-8")


def fingerprint(
    graph: Graph, onto: Ontology | None = None, *, exclude_labels: Iterable[str] = ()
) -> Fingerprint:
    """Counts and content hash of the database ``graph`` reads (one read transaction).

    Nodes carrying any of ``exclude_labels`` (and the graph version node, always) are
    left out together with every
    relationship touching them (a test comparing two ingest runs leaves out
    ``IngestRun``: each run has its own id and start time).
    """
    onto = onto or load_ontology()
    params = {
        "key": onto.prop("id"),
        "alt": onto.prop("iri"),
        # the graph version counts writes, it is not content: a store loaded from a dump
        # and advanced since fingerprints like the one dumped
        "exclude": sorted({*exclude_labels, onto.label("GraphVersion")}),
    }

    def work(tx: ManagedTransaction) -> Fingerprint:
        nodes = [
            hashlib.sha256(
                _canonical([_key(r["key"], r["props"]), sorted(r["labels"]), r["props"]])
            ).digest()
            for r in tx.run(q.FINGERPRINT_NODES, params)
        ]
        rels = [
            hashlib.sha256(
                _canonical(
                    [
                        _key(r["start"], r["startProps"]),
                        r["type"],
                        _key(r["end"], r["endProps"]),
                        r["props"],
                    ]
                )
            ).digest()
            for r in tx.run(q.FINGERPRINT_RELATIONSHIPS, params)
        ]
        digest = hashlib.sha256(b"nodes\n")
        for d in sorted(nodes):
            digest.update(d)
        digest.update(b"relationships\n")
        for d in sorted(rels):
            digest.update(d)
        return Fingerprint(len(nodes), len(rels), digest.hexdigest())

    return graph.execute_read(work)
