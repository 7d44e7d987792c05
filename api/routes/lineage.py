"""``GET /lineage/{id}`` and ``GET /paths``: traversals answered as a drawable graph.

The walks themselves are :func:`stkg.graph.lineage.walk` and
:func:`~stkg.graph.lineage.shortest_paths` (``stkg lineage`` calls the same); the routes
check the parameters, resolve ids and shape the answer.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from typing import Annotated, Any, Literal
from urllib.parse import quote, urlencode

import pydantic_core
from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from stkg.api.asof import (
    NAME_IN_USE,
    AsOf,
    NameInUse,
    dated,
    edition_calendar,
    held_on,
    names_on,
    no_edition,
    started_by,
)
from stkg.api.deps import ReaderDep
from stkg.api.envelope import GRAPH, GRAPH_RENDERERS, GraphFormat, negotiate
from stkg.api.lookup import EntityId, entity_id_query, require_entity, resolve_id, unknown_entity
from stkg.api.problems import Problem
from stkg.api.terms import (
    lineage_types,
    ontology,
    relationship_terms,
    types_pattern,
    unknown_types,
)
from stkg.graph.lineage import MAX_DEPTH, UnknownNode, shortest_paths, walk
from stkg.graph.rdf import subgraph_rdf
from stkg.queries.catalog import today

router = APIRouter(tags=["lineage"])

Types = Annotated[
    str | None,
    Query(
        max_length=2000,
        # stated here, checked by parse_types (whose 422 names the unknown types)
        json_schema_extra={"pattern": types_pattern()},
        description="Comma-separated relationship types of the ontology to follow "
        "(default, also when empty: every lineage type; provenance types only when named)",
        examples=["VERSION_OF,BELONGS_TO_FIELD"],
    ),
]


class GraphNode(BaseModel):
    id: str
    labels: list[str]
    properties: dict[str, Any]
    degree: int = Field(description="Hops from the start node")
    nameInUse: NameInUse | None = Field(default=None, description=NAME_IN_USE)


class GraphEdge(BaseModel):
    id: str
    type: str
    source: str
    target: str
    properties: dict[str, Any]


class FanOutGroup(BaseModel):
    """More neighbours than `limit` along one relationship type: one node with a count."""

    id: str = Field(description="The group's id (never an entity's)")
    origin: str = Field(description="The node whose neighbours these are")
    type: str = Field(description="Relationship type", examples=["CLASSIFIED_AS"])
    direction: Literal["out", "in"] = Field(
        description="Seen from `origin`: `out` when the origin starts the relationships"
    )
    count: int = Field(description="How many neighbours", examples=[2314])
    label: str | None = Field(description="Their class, when the ontology allows only one")
    degree: int = Field(description="Hops from the start node")
    members: str = Field(description="The page that lists them (`/entities/{id}/neighbours`)")


class LineageGraph(BaseModel):
    start: str
    direction: str
    depth: int
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    groups: list[FanOutGroup] = Field(
        default_factory=list,
        description="Fan-outs wider than `limit`, each answered as one node with its count; "
        "the walk does not go on through them",
    )
    truncated: bool = Field(False, description="The walk hit its node cap")
    asOf: dt.date | None = Field(None, description="The `as_of` day asked for, if any")
    requested: str | None = Field(
        None,
        description="With `as_of`: the id asked for; `start` is the body of its line of "
        "succession that held it on that day",
    )


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
    """The relationship types asked for, or the default lineage set; 422 names unknown ones.

    Exactly what the parameter's pattern (:func:`stkg.api.terms.types_pattern`) admits:
    names separated by commas, nothing around them.
    """
    if not raw:
        return lineage_types()
    names = raw.split(",")
    unknown = unknown_types(names)
    if unknown:
        raise Problem(
            422,
            "Unknown relationship types",
            f"Not relationship types of the ontology: {', '.join(map(repr, unknown))}.",
            unknown=unknown,
            valid=sorted(relationship_terms()),
        )
    return tuple(dict.fromkeys(names))


@router.get(
    "/lineage/{id:path}",
    response_model=LineageGraph,
    summary="Lineage of an entity as a graph",
    description="Breadth-first walk from an entity. `down` follows each relationship type "
    "from the whole to its parts (field → versions → products → core technologies → "
    "patents → applicants; programme → linked editions, fields and products), `up` the "
    "reverse, `both` either way. Each node carries `degree`, its hop count from the start. "
    "When a node has more than `limit` neighbours along one relationship type and "
    "direction (a core technology's 2,314 patents), they come back as one of `groups`: "
    "the count, their class and the URL of the page that lists them "
    "(`/entities/{id}/neighbours`), not as nodes. As Turtle or JSON-LD "
    "(`_format=ttl|jsonld` or the Accept header): the walked nodes and edges with the "
    "triples and IRIs of `stkg export` (no `degree`, no groups). With `as_of`, the graph "
    "as it stood that day: the walk starts from the body that held the entity then (an "
    "organisation's line of succession, as on `/entities/{id}`) and leaves out the roadmap "
    "editions not yet in force (an edition comes into force on its `publishedDate`, else "
    "on 1 January of its `startYear`), their field versions and what was reached only "
    "through them; a 404 problem when the start is itself such an edition or version, or "
    "nothing but the start is left.",
    responses={
        404: {
            "description": "no entity with that id, or (with `as_of`) no body of its line "
            "existed on that day, or the start is an edition (or one of its field versions) "
            "not yet in force, or nothing but the start was left"
        },
        422: {"description": "bad depth or unknown relationship types"},
    },
)
async def lineage(
    request: Request,
    db: ReaderDep,
    id: EntityId,
    direction: Annotated[Literal["up", "down", "both"], Query()] = "down",
    depth: Annotated[int, Query(ge=1, le=MAX_DEPTH, description="Hops at most")] = 3,
    types: Types = None,
    limit: Annotated[
        int,
        Query(
            ge=1,
            le=500,
            description="Widest fan-out drawn node by node (per node, relationship type and "
            "direction); a wider one is answered as a group",
        ),
    ] = 50,
    as_of: AsOf = None,
    _format: GraphFormat = "json",
) -> Response:
    fmt = negotiate(request, _format, GRAPH)
    chosen = parse_types(types)
    start = resolve_id(id)
    if as_of is not None:
        start = (await held_on(db, start, as_of)).shown

    def run() -> dict[str, Any]:
        return walk(db.graph, start, direction=direction, depth=depth, types=chosen, limit=limit)

    try:  # one query per hop, each with its own timeout
        graph = await db.timed(run, db.settings.neo4j_timeout * (depth + 1))
    except UnknownNode:
        raise unknown_entity(start) from None
    if as_of is not None:
        graph = await _as_it_stood(db, graph, as_of, resolve_id(id))
    if fmt in GRAPH_RENDERERS:
        ids = [n["id"] for n in graph["nodes"]]
        edges = [(e["source"], e["type"], e["target"]) for e in graph["edges"]]
        rdf = await db.timed(
            lambda: subgraph_rdf(db.graph, ontology(), ids, edges), db.settings.neo4j_timeout
        )
        return GRAPH_RENDERERS[fmt].render(rdf)
    nodes = [(n["id"], n["labels"]) for n in graph["nodes"]]
    named = await names_on(db, nodes, as_of or today())
    graph["nodes"] = [
        {**n, "nameInUse": named[n["id"]]} if n["id"] in named else n for n in graph["nodes"]
    ]
    graph["groups"] = [{**g, "members": members_url(g)} for g in graph["groups"]]
    # the walk's plain dicts, serialised once: the shape is LineageGraph's, which the
    # OpenAPI schema names and the tests check
    return Response(pydantic_core.to_json(graph), media_type="application/json")


async def _as_it_stood(
    db: ReaderDep, graph: dict[str, Any], day: dt.date, requested: str
) -> dict[str, Any]:
    """The walk without the editions not in force by ``day`` and their field versions, and
    without what is no longer reachable from the start; ``degree`` counted again."""
    editions = await dated(db, [n["id"] for n in graph["nodes"]])
    if editions:
        mine = set(editions.values())
        calendar = [e for e in await edition_calendar(db) if e.id in mine]
        then = {e.id for e in started_by(calendar, day)}
        gone = {n for n, e in editions.items() if e not in then}
        edges = [e for e in graph["edges"] if not {e["source"], e["target"]} & gone]
        hops = _hops(graph["start"], edges)
        # the start is of an edition not yet in force, or it stood alone then
        if graph["start"] in gone or (gone and len(hops) == 1):
            raise no_edition(day, "the walk reached", requested, calendar)
        graph["nodes"] = [{**n, "degree": hops[n["id"]]} for n in graph["nodes"] if n["id"] in hops]
        graph["groups"] = [
            {**g, "degree": hops[g["origin"]] + 1} for g in graph["groups"] if g["origin"] in hops
        ]
        graph["edges"] = [e for e in edges if e["source"] in hops and e["target"] in hops]
    return {**graph, "asOf": day.isoformat(), "requested": requested}


def members_url(group: dict[str, Any]) -> str:
    """The relative URL of the page listing a group's members."""
    query = urlencode({"type": group["type"], "direction": group["direction"]})
    return f"/entities/{quote(group['origin'], safe=':@')}/neighbours?{query}"


def _hops(start: str, edges: list[dict[str, Any]]) -> dict[str, int]:
    """Hops from ``start`` along ``edges`` taken either way."""
    near: dict[str, list[str]] = {}
    for e in edges:
        near.setdefault(e["source"], []).append(e["target"])
        near.setdefault(e["target"], []).append(e["source"])
    hops = {start: 0}
    queue = deque([start])
    while queue:
        here = queue.popleft()
        for there in near.get(here, []):
            if there not in hops:
                hops[there] = hops[here] + 1
                queue.append(there)
    return hops


@router.get(
    "/paths",
    response_model=PathsGraph,
    summary="Shortest paths between two entities",
    description="All shortest paths (Neo4j `allShortestPaths`, at most `max_hops` long) "
    "along lineage relationship types in either direction, shortest first, plus the union "
    "of their nodes and edges. No path gives empty lists; from an entity to itself the one "
    "path is the entity alone (length 0).",
    responses={404: {"description": "either entity is unknown"}},
)
async def paths(
    db: ReaderDep,
    source: Annotated[str, entity_id_query(["organization:한국특허전략개발원"], alias="from")],
    target: Annotated[str, entity_id_query(["task:비정형데이터분석기술"], alias="to")],
    max_hops: Annotated[int, Query(ge=1, le=MAX_DEPTH)] = 4,
    types: Types = None,
    limit: Annotated[int, Query(ge=1, le=100, description="Paths at most")] = 10,
) -> PathsGraph:
    chosen = parse_types(types)
    a = (await require_entity(db, source))["id"]
    b = (await require_entity(db, target))["id"]

    def run() -> list[dict[str, Any]]:
        return shortest_paths(db.graph, a, b, types=chosen, max_hops=max_hops, limit=limit)

    found = await db.timed(run, db.settings.neo4j_timeout)
    views = [
        PathView(
            length=len(p["edges"]), nodes=p["nodes"], edges=[GraphEdge(**e) for e in p["edges"]]
        )
        for p in found
    ]
    nodes: dict[str, GraphNode] = {}
    edges: dict[str, GraphEdge] = {}
    for p in found:
        for i, n in enumerate(p["nodes"]):
            if n["id"] not in nodes or nodes[n["id"]].degree > i:
                nodes[n["id"]] = _node(n, i)
        for e in p["edges"]:
            edges.setdefault(e["id"], GraphEdge(**e))
    return PathsGraph(
        source=a, target=b, paths=views, nodes=list(nodes.values()), edges=list(edges.values())
    )


def _node(node: dict[str, Any], degree: int) -> GraphNode:
    return GraphNode(
        id=node["id"], labels=node["labels"], properties=node["properties"], degree=degree
    )
