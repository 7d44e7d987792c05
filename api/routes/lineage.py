"""``GET /lineage/{id}`` and ``GET /paths``: traversals answered as a drawable graph.

Lineage walks breadth first, one query per hop, so each hop can cap its fan-out per node
and every node keeps the hop count at which it was first reached (its ``degree``). What
"up" and "down" mean for each relationship type is the table in :mod:`stkg.api.terms`
(derived from the ontology's domain → range direction). Paths use Neo4j's
``allShortestPaths`` with a bounded length over the same lineage relationship types, so a
path never shortcuts through the evidence two facts happen to share.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

import pydantic_core
from fastapi import APIRouter, Path, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from stkg.api.deps import ReaderDep
from stkg.api.lookup import require_entity, resolve_id, unknown_entity
from stkg.api.problems import Problem
from stkg.api.terms import (
    lineage_types,
    quoted_types,
    relationship_terms,
    split_by_direction,
    unknown_types,
)

router = APIRouter(tags=["lineage"])

MAX_DEPTH = 6
MAX_NODES = 5000

HOP = """
UNWIND $frontier AS fid
MATCH (n:Entity {id: fid})
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  WHERE (startNode(r) = n AND type(r) IN $outgoing) OR (endNode(r) = n AND type(r) IN $incoming)
  RETURN r, m
  ORDER BY m.id, type(r)
  LIMIT $limit
}
RETURN n.id AS origin, elementId(r) AS rid, type(r) AS type,
       startNode(r).id AS source, endNode(r).id AS target, properties(r) AS properties,
       m AS node
"""

NODE = "MATCH (n:Entity {id: $id}) RETURN n AS node"

#: ``{types}`` and ``{hops}`` are filled with checked relationship types and a bounded int.
SHORTEST = """
MATCH (a:Entity {id: $source}), (b:Entity {id: $target})
MATCH p = allShortestPaths((a)-[:{types}*1..{hops}]-(b))
RETURN p
LIMIT $limit
"""

Types = Annotated[
    str | None,
    Query(
        max_length=2000,
        description="Comma-separated relationship types to follow (default: every lineage "
        "type; provenance types only when named)",
        examples=["VERSION_OF,BELONGS_TO_FIELD"],
    ),
]


class GraphNode(BaseModel):
    id: str
    labels: list[str]
    properties: dict[str, Any]
    degree: int = Field(description="Hops from the start node")


class GraphEdge(BaseModel):
    id: str
    type: str
    source: str
    target: str
    properties: dict[str, Any]


class LineageGraph(BaseModel):
    start: str
    direction: str
    depth: int
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    truncated: bool = Field(False, description="A hop hit its fan-out limit or the node cap")


class PathView(BaseModel):
    length: int
    nodes: list[dict[str, Any]]
    edges: list[GraphEdge]


class PathsGraph(BaseModel):
    source: str
    target: str
    paths: list[PathView] = Field(description="Shortest first")
    nodes: list[GraphNode] = Field(description="Union of the paths' nodes; degree from source")
    edges: list[GraphEdge]


def parse_types(raw: str | None) -> tuple[str, ...]:
    """The relationship types asked for, or the default lineage set; 422 names unknown ones."""
    if raw is None or not raw.strip():
        return lineage_types()
    names = [n.strip() for n in raw.split(",") if n.strip()]
    unknown = unknown_types(names)
    if unknown:
        raise Problem(
            422, "Unknown relationship types",
            f"Not relationship types of the ontology: {', '.join(unknown)}.",
            unknown=unknown, valid=sorted(relationship_terms()),
        )  # fmt: skip
    return tuple(dict.fromkeys(names))


@router.get(
    "/lineage/{id:path}",
    response_model=LineageGraph,
    summary="Lineage of an entity as a graph",
    description="Breadth-first walk from an entity. `down` follows each relationship type "
    "from the whole to its parts (field → versions → products → core technologies → "
    "patents → applicants; programme → linked editions, fields and products), `up` the "
    "reverse, `both` either way. Each node carries `degree`, its hop count from the start. "
    "`limit` caps the neighbours taken per node and hop.",
    responses={404: {"description": "no entity with that id"},
               422: {"description": "bad depth or unknown relationship types"}},
)  # fmt: skip
async def lineage(
    db: ReaderDep,
    id: Annotated[str, Path(description="Typed id or instance IRI", examples=["field:드론"])],
    direction: Annotated[Literal["up", "down", "both"], Query()] = "down",
    depth: Annotated[int, Query(ge=1, le=MAX_DEPTH, description="Hops at most")] = 3,
    types: Types = None,
    limit: Annotated[int, Query(ge=1, le=500, description="Neighbours per node and hop")] = 50,
) -> Response:
    chosen = parse_types(types)
    start = resolve_id(id)
    outgoing, incoming = split_by_direction(chosen, direction)
    found = (await db.rows(NODE, {"id": start}, max_rows=1)).rows
    if not found:  # the root query is the existence check: no separate lookup
        raise unknown_entity(start)
    # plain dicts, serialised once at the end: a walk returns hundreds of nodes, and a
    # pydantic model per node and edge would validate data this code built itself; the
    # shape is LineageGraph's, which the OpenAPI schema names and the tests check
    nodes: dict[str, dict[str, Any]] = {start: _node_dict(found[0]["node"], 0)}
    edges: dict[str, dict[str, Any]] = {}
    frontier = [start]
    truncated = False
    for hop in range(1, depth + 1):
        if not frontier:
            break
        params = {"frontier": frontier, "outgoing": outgoing, "incoming": incoming,
                  "limit": limit + 1}  # fmt: skip
        rows = (await db.rows(HOP, params, max_rows=MAX_NODES * 2)).rows
        truncated |= _fanout_exceeded(rows, limit)
        frontier = []
        for row in _within_limit(rows, limit):
            node = row["node"]
            if row["rid"] not in edges:
                edges[row["rid"]] = _edge_dict(row)
            if node["id"] not in nodes:
                if len(nodes) >= MAX_NODES:
                    truncated = True
                    continue
                nodes[node["id"]] = _node_dict(node, hop)
                frontier.append(node["id"])
    kept = [e for e in edges.values() if e["source"] in nodes and e["target"] in nodes]
    graph = {"start": start, "direction": direction, "depth": depth,
             "nodes": list(nodes.values()), "edges": kept, "truncated": truncated}  # fmt: skip
    return Response(pydantic_core.to_json(graph), media_type="application/json")


@router.get(
    "/paths",
    response_model=PathsGraph,
    summary="Shortest paths between two entities",
    description="All shortest paths (Neo4j `allShortestPaths`, at most `max_hops` long) "
    "along lineage relationship types in either direction, shortest first, plus the union "
    "of their nodes and edges. No path gives empty lists.",
    responses={404: {"description": "either entity is unknown"}},
)
async def paths(
    db: ReaderDep,
    source: Annotated[str, Query(alias="from", min_length=1, max_length=1000,
                                 examples=["organization:한국특허전략개발원"])],
    target: Annotated[str, Query(alias="to", min_length=1, max_length=1000,
                                 examples=["task:비정형데이터분석기술"])],
    max_hops: Annotated[int, Query(ge=1, le=MAX_DEPTH)] = 4,
    types: Types = None,
    limit: Annotated[int, Query(ge=1, le=100, description="Paths at most")] = 10,
) -> PathsGraph:  # fmt: skip
    chosen = parse_types(types)
    a = (await require_entity(db, source))["id"]
    b = (await require_entity(db, target))["id"]
    if a == b:
        raise Problem(422, "Same entity", f"'from' and 'to' are both {a!r}.", id=a)
    cypher = SHORTEST.replace("{types}", quoted_types(chosen)).replace("{hops}", str(max_hops))
    rows = await db.rows(cypher, {"source": a, "target": b, "limit": limit},
                           max_rows=limit)  # fmt: skip
    found = sorted((r["p"] for r in rows.rows), key=_path_key)
    views = [PathView(length=len(p["edges"]), nodes=p["nodes"],
                      edges=[GraphEdge(**e) for e in p["edges"]]) for p in found]  # fmt: skip
    nodes: dict[str, GraphNode] = {}
    edges: dict[str, GraphEdge] = {}
    for p in found:
        for i, n in enumerate(p["nodes"]):
            if n["id"] not in nodes or nodes[n["id"]].degree > i:
                nodes[n["id"]] = _node(n, i)
        for e in p["edges"]:
            edges.setdefault(e["id"], GraphEdge(**e))
    return PathsGraph(source=a, target=b, paths=views, nodes=list(nodes.values()),
                      edges=list(edges.values()))  # fmt: skip


def _node(node: dict[str, Any], degree: int) -> GraphNode:
    return GraphNode(id=node["id"], labels=node["labels"], properties=node["properties"],
                     degree=degree)  # fmt: skip


def _node_dict(node: dict[str, Any], degree: int) -> dict[str, Any]:
    """A :class:`GraphNode` as the dict it serialises to."""
    return {"id": node["id"], "labels": node["labels"], "properties": node["properties"],
            "degree": degree}  # fmt: skip


def _edge_dict(row: dict[str, Any]) -> dict[str, Any]:
    """A :class:`GraphEdge` as the dict it serialises to."""
    return {"id": row["rid"], "type": row["type"], "source": row["source"],
            "target": row["target"], "properties": row["properties"]}  # fmt: skip


def _within_limit(rows: list[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    """Drop the one extra row per node that the query fetched to detect truncation."""
    seen: dict[str, int] = {}
    kept = []
    for row in rows:
        seen[row["origin"]] = seen.get(row["origin"], 0) + 1
        if seen[row["origin"]] <= limit:
            kept.append(row)
    return kept


def _fanout_exceeded(rows: list[dict[str, Any]], limit: int) -> bool:
    """True when some node had more neighbours than the limit (the query asks for one more)."""
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["origin"]] = counts.get(row["origin"], 0) + 1
    return any(c > limit for c in counts.values())


def _path_key(path: dict[str, Any]) -> tuple[int, list[str]]:
    return len(path["edges"]), [n["id"] for n in path["nodes"]]
