"""Lineage: which way "down" runs along each relationship type, and walks over the graph.

The direction table follows the ontology: "down" goes from an object property's domain to
its range (product → core technology → patent → applicant). A few properties are stated
from the part towards the whole (a product *belongs to* a field version, a field version
*is a version of* a field, something *links to* a programme); for those the roadmap's
hierarchy reads the other way, so "down" runs from range to domain (field → versions →
products; programme → linked fields and products).

:func:`walk` goes breadth first, one query per hop, so every node keeps the hop count at
which it was first reached (its ``degree``) and each hop can count a node's neighbours
before it fetches them: a fan-out wider than the walk's limit along one relationship type
(a core technology's 2,314 patents) comes back as one *group* with its count, not as
2,314 nodes nor as an arbitrary first fifty. ``GET /entities/{id}/neighbours`` pages
through a group's members.
:func:`shortest_paths` uses Neo4j's ``allShortestPaths`` with a bounded length over the
same lineage relationship types, so a path never shortcuts through the evidence two facts
happen to share. ``GET /lineage``, ``GET /paths`` and ``stkg lineage`` are thin callers.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from stkg.graph.driver import Graph
from stkg.ontology.model import load_ontology
from stkg.ontology.names import quote_name

Direction = Literal["up", "down", "both"]

MAX_DEPTH = 6
MAX_NODES = 5000
#: Origins asked about per query: bounds the rows one query returns (origins × relationship
#: types × ``limit`` at most) and lets a walk stop fetching once it holds ``MAX_NODES``.
FRONTIER_CHUNK = 200

#: Object properties (local names) whose "down" runs from range to domain: the part
#: points at the whole, and the lineage reads from the whole to its parts. A patent
#: *matches* a technology and is *classified as* a technology class: down from the
#: technology are its patents (core technology → patents → applicants).
DOWN_AGAINST_DOMAIN_RANGE: frozenset[str] = frozenset(
    {
        "belongsToField",
        "versionOf",
        "linkedProgramme",
        "funds",
        "conductedUnder",
        "matchesTechnology",
        "classifiedAs",
    }
)

#: Object properties left out of a traversal unless asked for by name: provenance and the
#: bookkeeping of ingest, crosswalk and classification runs, which would link every fact to
#: every other fact of the same document or run, the editions a crosswalk mapping sits
#: between (every mapping of an edition pair would hang off its editions), and the
#: schema's own description of itself.
NOT_LINEAGE: frozenset[str] = frozenset(
    {
        "supports",
        "citesDocument",
        "generatedBy",
        "processedDocument",
        "quantifies",
        "proposedIn",
        "evaluatesRun",
        "fromEdition",
        "toEdition",
    }
)

HOP = """
UNWIND $frontier AS fid
MATCH (n:Entity {id: fid})
CALL (n) {
  MATCH (n)-[r]-(:Entity)
  WHERE (startNode(r) = n AND type(r) IN $outgoing) OR (endNode(r) = n AND type(r) IN $incoming)
  RETURN type(r) AS type, startNode(r) = n AS out, count(*) AS count
}
CALL (n, type, out, count) {
  WITH n, type, out, count
  WHERE count <= $limit
  MATCH (n)-[r]-(m:Entity)
  WHERE type(r) = type AND (startNode(r) = n) = out
  WITH r, m ORDER BY m.id
  RETURN collect({rid: elementId(r), source: startNode(r).id, target: endNode(r).id,
                  properties: properties(r), node: m}) AS members
}
RETURN n.id AS origin, type, out, count, members
ORDER BY origin, type, out
"""

NODE = "MATCH (n:Entity {id: $id}) RETURN n AS node"

#: ``{types}`` and ``{hops}`` are filled with checked relationship types and a bounded int.
SHORTEST = """
MATCH (a:Entity {id: $source}), (b:Entity {id: $target})
MATCH p = allShortestPaths((a)-[:{types}*1..{hops}]-(b))
RETURN p
LIMIT $limit
"""


@dataclass(frozen=True)
class RelationshipTerm:
    """One relationship type and the way "down" runs along it (``out`` = domain → range)."""

    rel_type: str
    local_name: str
    down: Literal["out", "in"]
    in_lineage: bool


class UnknownNode(LookupError):
    """No entity has the id a walk was asked to start from."""

    def __init__(self, node_id: str) -> None:
        super().__init__(f"no entity has the id {node_id!r}")
        self.node_id = node_id


@cache
def relationship_terms() -> dict[str, RelationshipTerm]:
    """Every instance relationship type (meta-schema ones excluded), by Neo4j name."""
    onto = load_ontology()
    meta = {c.local_name for c in onto.classes.values() if c.is_meta}
    terms: dict[str, RelationshipTerm] = {}
    for prop in onto.object_properties.values():
        if set(prop.domain) & meta:
            continue
        terms[prop.rel_type] = RelationshipTerm(
            rel_type=prop.rel_type,
            local_name=prop.local_name,
            down="in" if prop.local_name in DOWN_AGAINST_DOMAIN_RANGE else "out",
            in_lineage=prop.local_name not in NOT_LINEAGE,
        )
    return dict(sorted(terms.items()))


def lineage_types() -> tuple[str, ...]:
    """The relationship types a traversal follows when none are named."""
    return tuple(t.rel_type for t in relationship_terms().values() if t.in_lineage)


def unknown_types(names: list[str]) -> list[str]:
    """The names in ``names`` that are not instance relationship types of the ontology."""
    known = relationship_terms()
    return [n for n in names if n not in known]


def split_by_direction(types: tuple[str, ...], direction: Direction) -> tuple[list[str], list[str]]:
    """Types to follow outgoing and incoming for a walk ``direction`` from a node."""
    terms = relationship_terms()
    outgoing: list[str] = []
    incoming: list[str] = []
    for name in types:
        down = terms[name].down
        if direction == "both":
            outgoing.append(name)
            incoming.append(name)
        elif (direction == "down") == (down == "out"):
            outgoing.append(name)
        else:
            incoming.append(name)
    return outgoing, incoming


def quoted_types(types: tuple[str, ...]) -> str:
    """``A|B|C`` for a relationship pattern; every name is checked and quoted."""
    unknown = unknown_types(list(types))
    if unknown:
        raise ValueError(f"not relationship types of the ontology: {unknown}")
    return "|".join(quote_name(t) for t in types)


def walk(
    graph: Graph,
    start: str,
    *,
    direction: Direction = "down",
    depth: int = 3,
    types: tuple[str, ...] | None = None,
    limit: int = 50,
    max_nodes: int = MAX_NODES,
) -> dict[str, Any]:
    """The lineage of ``start`` as ``{start, direction, depth, nodes, edges, groups, truncated}``.

    ``types`` default to :func:`lineage_types`. ``limit`` is the largest fan-out drawn node
    by node: when a node has more neighbours than that along one relationship type and
    direction, they are answered as one group instead (see :func:`_group_dict`: its
    ``count``, the class of its members, and where to page through them), and the walk
    does not go on through them. ``truncated`` says the walk hit ``max_nodes``.
    Raises :class:`UnknownNode` when no entity has the id ``start``.
    """
    outgoing, incoming = split_by_direction(types or lineage_types(), direction)
    found = graph.rows(NODE, {"id": start}, max_rows=1).rows
    if not found:  # the root query is the existence check: no separate lookup
        raise UnknownNode(start)
    # plain dicts, serialised once by the caller: a walk returns hundreds of nodes, and a
    # model per node and edge would validate data this code built itself
    nodes: dict[str, dict[str, Any]] = {start: _node_dict(found[0]["node"], 0)}
    edges: dict[str, dict[str, Any]] = {}
    groups: dict[str, dict[str, Any]] = {}
    frontier = [start]
    truncated = False
    for hop in range(1, depth + 1):
        if not frontier:
            break
        here, frontier = frontier, []
        # a few origins per query: once the node cap is reached no more rows are fetched
        for at in range(0, len(here), FRONTIER_CHUNK):
            if truncated:
                break
            params = {
                "frontier": here[at : at + FRONTIER_CHUNK],
                "outgoing": outgoing,
                "incoming": incoming,
                "limit": limit,
            }
            for row in graph.rows(HOP, params).rows:
                if row["count"] > limit:
                    group = _group_dict(row, hop)
                    groups.setdefault(group["id"], group)
                    continue
                for member in row["members"]:
                    node = member["node"]
                    if member["rid"] not in edges:
                        edges[member["rid"]] = _edge_dict(row["type"], member)
                    if node["id"] not in nodes:
                        if len(nodes) >= max_nodes:
                            truncated = True
                            continue
                        nodes[node["id"]] = _node_dict(node, hop)
                        frontier.append(node["id"])
    kept = [e for e in edges.values() if e["source"] in nodes and e["target"] in nodes]
    return {
        "start": start,
        "direction": direction,
        "depth": depth,
        "nodes": list(nodes.values()),
        "edges": kept,
        "groups": list(groups.values()),
        "truncated": truncated,
    }


def group_id(origin: str, rel_type: str, side: Literal["out", "in"]) -> str:
    """The id of the group of ``origin``'s neighbours along ``rel_type`` on one side.

    ``group:`` is no entity class's id prefix, so a group id never names an entity."""
    return f"group:{side}:{rel_type}:{origin}"


def member_class(rel_type: str, side: Literal["out", "in"]) -> str | None:
    """The label of the nodes at the far end of ``rel_type`` seen from one end: the range
    of the object property from its domain (``out``), the domain from its range (``in``);
    None when the ontology allows more than one class there."""
    onto = load_ontology()
    prop = next(p for p in onto.object_properties.values() if p.rel_type == rel_type)
    far = prop.range if side == "out" else prop.domain
    return onto.cls(far[0]).label if len(far) == 1 else None


def shortest_paths(
    graph: Graph,
    source: str,
    target: str,
    *,
    types: tuple[str, ...] | None = None,
    max_hops: int = 4,
    limit: int = 10,
) -> list[dict[str, Any]]:
    """All shortest paths between two entities, shortest first (``{nodes, edges}`` each).

    From an entity to itself the one shortest path is the empty one: the node alone.
    """
    if source == target:
        found = graph.rows(NODE, {"id": source}, max_rows=1).rows
        return [{"nodes": [found[0]["node"]], "edges": []}] if found and limit > 0 else []
    hops = max(1, min(int(max_hops), MAX_DEPTH))
    cypher = SHORTEST.replace("{types}", quoted_types(types or lineage_types())).replace(
        "{hops}", str(hops)
    )
    params = {"source": source, "target": target, "limit": limit}
    rows = graph.rows(cypher, params, max_rows=limit).rows
    return sorted((r["p"] for r in rows), key=_path_key)


def _node_dict(node: dict[str, Any], degree: int) -> dict[str, Any]:
    return {
        "id": node["id"],
        "labels": node["labels"],
        "properties": node["properties"],
        "degree": degree,
    }


def _edge_dict(rel_type: str, member: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": member["rid"],
        "type": rel_type,
        "source": member["source"],
        "target": member["target"],
        "properties": member["properties"],
    }


def _group_dict(row: dict[str, Any], degree: int) -> dict[str, Any]:
    """A fan-out answered as one node: ``origin``'s ``count`` neighbours along ``type``
    (``direction`` seen from the origin: ``out`` when the origin starts the relationships),
    of class ``label``; ``degree`` is the hop at which they would have been drawn."""
    side: Literal["out", "in"] = "out" if row["out"] else "in"
    return {
        "id": group_id(row["origin"], row["type"], side),
        "origin": row["origin"],
        "type": row["type"],
        "direction": side,
        "count": row["count"],
        "label": member_class(row["type"], side),
        "degree": degree,
    }


def _path_key(path: dict[str, Any]) -> tuple[int, list[str]]:
    return len(path["edges"]), [n["id"] for n in path["nodes"]]
