"""``/provenance``: where a node or a relationship came from.

A node's evidence is reached through ``SUPPORTS`` (the named query ``provenance``); a
relationship cannot be the end of another relationship, so it lists its evidence ids in
its ``evidence`` property and the route follows those ids to the Evidence nodes and their
documents. Both answer with the same columns.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from stkg.api.deps import ReaderDep
from stkg.api.envelope import Envelope, OutputFormat, respond
from stkg.api.lookup import EntityId, entity_id_query, require_entity, resolve_id
from stkg.api.problems import Problem
from stkg.api.terms import relationship_terms
from stkg.graph.cypher.provenance import RELATIONSHIP_EVIDENCE, RELATIONSHIP_EXISTS
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
    _format: OutputFormat = "json",
) -> Envelope | Response:
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
    return respond(request, rows, _format)


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
    _format: OutputFormat = "json",
) -> Envelope | Response:
    tid = (await require_entity(db, resolve_id(id)))["id"]
    query = load_catalog()["provenance"]
    rows = await db.rows(query.cypher, {"id": tid, "limit": limit}, max_rows=limit)
    return respond(request, rows, _format)
