"""``/provenance``: where a node or a relationship came from.

A node's evidence is reached through ``SUPPORTS`` (the named query ``provenance``); a
relationship cannot be the end of another relationship, so it lists its evidence ids in
its ``evidence`` property and the route follows those ids to the Evidence nodes and their
documents. Both answer with the same columns, or (``_format=ttl|jsonld``) with the RDF
of the nodes they name (the entity or relationship ends, the Evidence nodes and their
documents) and the relationships among them, as ``stkg export`` writes them.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from stkg.api.db import Reader, Rows
from stkg.api.deps import ReaderDep
from stkg.api.envelope import (
    GRAPH_RENDERERS,
    RENDERERS,
    TABULAR_AND_GRAPH,
    Envelope,
    RowsOrGraphFormat,
    negotiate,
)
from stkg.api.lookup import EntityId, entity_id_query, require_entity, resolve_id
from stkg.api.problems import Problem
from stkg.api.terms import ontology, relationship_terms
from stkg.graph.cypher.provenance import RELATIONSHIP_EVIDENCE, RELATIONSHIP_EXISTS
from stkg.graph.rdf import subgraph_rdf
from stkg.queries.catalog import load_catalog

router = APIRouter(prefix="/provenance", tags=["provenance"])

Limit = Annotated[int, Query(ge=1, le=1000, description="Evidence rows at most")]


@router.get(
    "/relationship",
    response_model=Envelope,
    summary="Evidence behind a relationship",
    description="The relationship `(start)-[type]->(end)`: each evidence id in its "
    "`evidence` list, with the document, span or table cell and quote.",
    responses={
        404: {"description": "unknown entity or no such relationship"},
        422: {"description": "unknown relationship type"},
    },
)
async def relationship_provenance(
    request: Request,
    db: ReaderDep,
    start: Annotated[str, entity_id_query(["edition:중소기업기술로드맵@2022"])],
    type: Annotated[
        str,
        Query(
            description="A relationship type of the ontology",
            json_schema_extra={"enum": sorted(relationship_terms())},
            examples=["LINKED_PROGRAMME"],
        ),
    ],
    end: Annotated[str, entity_id_query(["programme:창업성장"])],
    limit: Limit = 100,
    _format: RowsOrGraphFormat = "json",
) -> Envelope | Response:
    fmt = negotiate(request, _format, TABULAR_AND_GRAPH)
    if type not in relationship_terms():
        raise Problem(
            422,
            "Unknown relationship type",
            f"{type!r} is not a relationship type of the ontology.",
            unknown=[type],
            valid=sorted(relationship_terms()),
        )
    a = (await require_entity(db, start))["id"]
    b = (await require_entity(db, end))["id"]
    params = {"start": a, "end": b, "type": type}
    count = await db.rows(RELATIONSHIP_EXISTS, params, max_rows=1)
    if not count.rows or not count.rows[0]["n"]:
        raise Problem(
            404,
            "Unknown relationship",
            f"No relationship ({a})-[:{type}]->({b}).",
            id=f"{a} {type} {b}",
        )
    rows = await db.rows(RELATIONSHIP_EVIDENCE, {**params, "limit": limit}, max_rows=limit)
    return await _answer(db, rows, fmt, (a, b))


@router.get(
    "/{id:path}",
    response_model=Envelope,
    summary="Evidence behind a node",
    description="Each source document, character span or table cell and quoted text that "
    "supports the node (the named query `provenance`).",
    responses={404: {"description": "no entity with that id"}},
)
async def node_provenance(
    request: Request,
    db: ReaderDep,
    id: EntityId,
    limit: Limit = 100,
    _format: RowsOrGraphFormat = "json",
) -> Envelope | Response:
    fmt = negotiate(request, _format, TABULAR_AND_GRAPH)
    tid = (await require_entity(db, resolve_id(id)))["id"]
    query = load_catalog()["provenance"]
    rows = await db.rows(query.cypher, {"id": tid, "limit": limit}, max_rows=limit)
    return await _answer(db, rows, fmt, (tid,))


async def _answer(db: Reader, rows: Rows, fmt: str, ends: tuple[str, ...]) -> Response:
    """The rows, or as RDF the nodes they name (``ends``, each evidence and document) and
    the relationships among them."""
    if fmt not in GRAPH_RENDERERS:
        return RENDERERS[fmt].render(rows)
    ids = [*ends, *(r[c] for r in rows.rows for c in ("evidence", "document") if r.get(c))]
    rdf = await db.timed(lambda: subgraph_rdf(db.graph, ontology(), ids), db.settings.neo4j_timeout)
    return GRAPH_RENDERERS[fmt].render(rdf)
