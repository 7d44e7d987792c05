"""Neo4j values as plain JSON, the same way everywhere (API, CLI, exports).

Nodes become ``{"id", "labels", "properties"}`` (``id`` is stkg's stable typed id when the
node has one, the element id otherwise), relationships ``{"id", "type", "source",
"target", "properties"}``, paths ``{"nodes": [...], "edges": [...]}`` — the shape front
ends can draw directly. Temporal and spatial values become ISO strings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from neo4j import Result
from neo4j.graph import Node, Path, Relationship
from neo4j.spatial import Point
from neo4j.time import Date, DateTime, Duration, Time

KEY = "id"


def node_json(node: Node) -> dict[str, Any]:
    props = {k: to_json(v) for k, v in node.items()}
    return {
        "id": props.get(KEY, node.element_id),
        "labels": sorted(node.labels),
        "properties": props,
    }


def relationship_json(rel: Relationship) -> dict[str, Any]:
    start, end = rel.start_node, rel.end_node
    return {
        "id": rel.element_id,
        "type": rel.type,
        "source": (start.get(KEY) or start.element_id) if start is not None else None,
        "target": (end.get(KEY) or end.element_id) if end is not None else None,
        "properties": {k: to_json(v) for k, v in rel.items()},
    }


def path_json(path: Path) -> dict[str, Any]:
    return {
        "nodes": [node_json(n) for n in path.nodes],
        "edges": [relationship_json(r) for r in path.relationships],
    }


#: types that are JSON already: most values are, and an exact type check is far cheaper
#: than the isinstance chain below (Mapping is an ABC; the API serialises every value)
_PLAIN = frozenset({str, int, float, bool, type(None)})


def to_json(value: Any) -> Any:
    """Any value a Cypher query can return, as JSON-ready Python."""
    if type(value) in _PLAIN:
        return value
    if isinstance(value, list):
        return [to_json(v) for v in value]
    if isinstance(value, Node):
        return node_json(value)
    if isinstance(value, Relationship):
        return relationship_json(value)
    if isinstance(value, Path):
        return path_json(value)
    if isinstance(value, Date | DateTime | Time):
        return value.iso_format()
    if isinstance(value, Duration):
        return str(value)
    if isinstance(value, Point):
        return {"srid": value.srid, "coordinates": list(value)}
    if isinstance(value, Mapping):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if isinstance(value, bytes):
        return value.hex()
    return value


def record_json(keys: list[str], values: list[Any]) -> dict[str, Any]:
    return {k: to_json(v) for k, v in zip(keys, values, strict=True)}


@dataclass
class Rows:
    """A query's answer as JSON-ready dicts; ``truncated`` when rows past the cap were left."""

    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool = False


def collect_rows(result: Result, max_rows: int | None = None) -> Rows:
    """The records of ``result`` as dicts (the one loop that does this), ``max_rows`` at most."""
    columns = list(result.keys())
    rows: list[dict[str, Any]] = []
    for record in result:
        if max_rows is not None and len(rows) >= max_rows:
            return Rows(columns, rows, truncated=True)
        rows.append(record_json(columns, list(record.values())))
    return Rows(columns, rows)
