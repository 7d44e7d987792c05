"""Reviewing candidate entities in the graph: list them, accept, merge or reject one.

The decisions that must survive a rebuild are written as Turtle by
:mod:`stkg.ontology.reviewed`; this module changes only the graph. Each decision names
the nodes it changes in the graph version's journal (:func:`stkg.graph.version.touching`),
so the SPARQL store reloads those and their neighbours instead of rebuilding.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from stkg.graph.cypher import review as cypher
from stkg.graph.driver import Graph
from stkg.graph.version import touching

REVIEWED = "reviewed"
REJECTED = "rejected"


@dataclass(frozen=True)
class Candidate:
    id: str
    label: str
    name: str
    aliases: tuple[str, ...]
    documents: int
    extractors: tuple[str, ...]
    confidence: float | None
    quotes: tuple[str, ...]


class ReviewError(ValueError):
    """A review that cannot be done (unknown id, not a candidate, different classes)."""


def candidates(graph: Graph, label: str | None = None, limit: int = 50) -> list[Candidate]:
    rows = graph.read(cypher.CANDIDATES, label=label, limit=limit)
    return [
        Candidate(
            r["id"],
            r["label"],
            r["name"] or "",
            tuple(r["aliases"] or ()),
            r["documents"],
            tuple(e for e in r["extractors"] if e),
            r["confidence"],
            tuple(r["quotes"]),
        )
        for r in rows
    ]


def node(graph: Graph, node_id: str) -> dict[str, Any]:
    rows = graph.read(cypher.NODE, id=node_id)
    if not rows:
        raise ReviewError(f"no entity {node_id!r} in the graph")
    return rows[0]


def candidate(graph: Graph, node_id: str) -> dict[str, Any]:
    found = node(graph, node_id)
    if found["status"] != "candidate":
        raise ReviewError(
            f"{node_id} is not a candidate (status: {found['status'] or 'reference'})"
        )
    return found


def set_status(graph: Graph, node_id: str, status: str) -> None:
    with touching(nodes=[node_id]):
        graph.write(cypher.SET_STATUS, id=node_id, status=status)


def merge_into(graph: Graph, node_id: str, into: str) -> None:
    """The candidate's evidence supports ``into``, which takes its names as aliases."""
    source, target = candidate(graph, node_id), node(graph, into)
    if source["label"] != target["label"]:
        raise ReviewError(f"{node_id} is a {source['label']}, {into} a {target['label']}")
    # the candidate goes, the target takes its evidence and names: the evidence and the
    # candidate's other neighbours are the neighbours of these two
    with touching(nodes=[node_id, into]):
        graph.write(cypher.MERGE_INTO, id=node_id, into=into)
