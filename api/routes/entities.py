"""``GET /entities/{id}``: one entity with its names, properties and neighbours; and
``GET /entities/{id}/neighbours``: its neighbours along one relationship type, page by page.

The id is a typed id (``field:드론``) or the node's instance IRI; the display name follows
``?lang=`` (Korean ``name`` or English ``nameEn``, each falling back to the other).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from stkg.api.asof import NAME_IN_USE, AsOf, NameInUse, held_on, names_on
from stkg.api.deps import ReaderDep
from stkg.api.envelope import (
    GRAPH,
    GRAPH_RENDERERS,
    Envelope,
    GraphFormat,
    OutputFormat,
    negotiate,
)
from stkg.api.lookup import display_name, entity_id_path, require_entity, resolve_id
from stkg.api.paging import After, PageSize, decode_cursor, keyset_page
from stkg.api.problems import Problem
from stkg.api.terms import ontology, quoted_types, relationship_terms
from stkg.graph.cypher.entities import ENTITY, NEIGHBOUR_PAGE, NEIGHBOURS
from stkg.graph.rdf import subgraph_rdf
from stkg.ontology.ids import instance_iri
from stkg.queries.catalog import today

router = APIRouter(tags=["entities"])

EntityId = Annotated[
    str, entity_id_path(["field:드론", "https://w3id.org/stkg/id/programme:창업성장"])
]
Lang = Annotated[Literal["ko", "en"], Query(description="Language of `name`")]


class Neighbour(BaseModel):
    type: str = Field(description="Relationship type", examples=["VERSION_OF"])
    direction: Literal["out", "in"] = Field(description="`out`: this entity is the start")
    id: str
    labels: list[str]
    name: str | None
    nameInUse: NameInUse | None = Field(default=None, description=NAME_IN_USE)


class EntityView(BaseModel):
    id: str = Field(examples=["field:드론"])
    iri: str = Field(examples=["https://w3id.org/stkg/id/field:%EB%93%9C%EB%A1%A0"])
    labels: list[str]
    name: str | None = Field(description="Display name in the language asked for")
    names: dict[str, str | None] = Field(description="`ko` and `en` names as stored")
    properties: dict[str, Any]
    neighbours: list[Neighbour]
    neighbours_truncated: bool = False
    asOf: dt.date | None = Field(None, description="The `as_of` day asked for, if any")
    requested: str | None = Field(
        None,
        description="With `as_of`: the id asked for; `id` is the node shown, the body of "
        "its line of succession that held it on that day",
    )
    alsoValid: list[str] | None = Field(
        None, description="With `as_of`: other nodes of the line valid that day (a split)"
    )
    nameInUse: NameInUse | None = Field(
        None,
        description=NAME_IN_USE + " With `as_of` it is the node shown (`id`); without, the "
        "name in use today.",
    )


@router.get(
    "/entities/{id:path}/neighbours",
    response_model=Envelope,
    summary="An entity's neighbours along one relationship type, keyset-paginated",
    description="The nodes at the other end of the entity's `type` relationships, on one "
    "side (`out`: the entity starts them), ordered by id: each with its display name, "
    "labels, properties and the relationship's properties (a classification's score and "
    "matched terms). This is the table behind a fan-out group of `/lineage/{id}` (its "
    "`members`). `q` keeps neighbours whose name or title contains it. Follow `next_url` "
    '(or the `Link: rel="next"` header); CSV with `_format=csv` or `Accept: text/csv`.',
    responses={
        404: {"description": "no entity with that id"},
        422: {"description": "unknown relationship type"},
    },
)
async def entity_neighbours(
    request: Request,
    db: ReaderDep,
    id: EntityId,
    type: Annotated[
        str,
        Query(
            description="A relationship type of the ontology",
            json_schema_extra={"enum": sorted(relationship_terms())},
            examples=["CLASSIFIED_AS"],
        ),
    ],
    direction: Annotated[
        Literal["out", "in"], Query(description="`out`: this entity starts the relationships")
    ] = "out",
    after: After = None,
    q: Annotated[
        str | None, Query(min_length=1, max_length=200, description="Name or title contains")
    ] = None,
    _size: PageSize = 100,
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
    tid = resolve_id(id)
    arrow = quoted_types((type,))
    pattern = f"-[r:{arrow}]->" if direction == "out" else f"<-[r:{arrow}]-"
    params = {
        "id": tid,
        "after": decode_cursor(after) if after is not None else None,
        "q": q.lower() if q else None,
        "limit": _size + 1,
    }
    rows = await db.rows(NEIGHBOUR_PAGE.replace("{pattern}", pattern), params, max_rows=_size + 1)
    if not rows.rows and after is None and q is None:
        await require_entity(db, tid)  # none at all: tell "no such entity" from "no rows"
    return keyset_page(request, rows, _size, _format)


@router.get(
    "/entities/{id:path}",
    response_model=EntityView,
    summary="One entity: labels, properties, names and neighbours",
    description="Accepts a typed id (`field:드론`) or the instance IRI. Neighbours list the "
    "relationship type, its direction seen from this entity and the neighbour's id, labels "
    "and display name; evidence nodes are left out unless `evidence=true`. As Turtle or "
    "JSON-LD (`_format=ttl|jsonld` or the Accept header): the entity, its neighbours and "
    "the relationships between them, with the triples and IRIs of `stkg export`.",
    responses={
        404: {
            "description": "no entity with that id, or (with `as_of`) no body of its line "
            "of succession existed on that day"
        }
    },
)
async def get_entity(
    request: Request,
    db: ReaderDep,
    id: EntityId,
    lang: Lang = "ko",
    evidence: Annotated[bool, Query(description="Also list Evidence neighbours")] = False,
    limit: Annotated[int, Query(ge=1, le=1000, description="Neighbours at most")] = 200,
    as_of: AsOf = None,
    _format: GraphFormat = "json",
) -> EntityView | Response:
    fmt = negotiate(request, _format, GRAPH)
    found = await require_entity(db, id)
    tid = found["id"]
    held = None if as_of is None else await held_on(db, tid, as_of)
    if held is not None and held.shown != tid:
        found = await require_entity(db, held.shown)
        tid = found["id"]
    node = (await db.rows(ENTITY, {"id": tid}, max_rows=1)).rows
    if not node:  # deleted between the two reads
        raise Problem(404, "Unknown entity", f"No entity has the id {tid!r}.", id=tid)
    data = node[0]["n"]
    params = {"id": tid, "evidence": evidence, "limit": limit + 1}
    rows = await db.rows(NEIGHBOURS, params, max_rows=limit + 1)
    if fmt in GRAPH_RENDERERS:
        shown = rows.rows[:limit]
        ids = [tid, *(r["id"] for r in shown)]
        edges = [
            (tid, r["type"], r["id"]) if r["direction"] == "out" else (r["id"], r["type"], tid)
            for r in shown
        ]
        rdf = await db.timed(
            lambda: subgraph_rdf(db.graph, ontology(), ids, edges), db.settings.neo4j_timeout
        )
        return GRAPH_RENDERERS[fmt].render(rdf)
    shown = rows.rows[:limit]
    nodes = [(tid, data["labels"]), *((r["id"], r["labels"]) for r in shown)]
    named = await names_on(db, nodes, as_of or today())
    neighbours = [
        Neighbour(
            type=r["type"],
            direction=r["direction"],
            id=r["id"],
            labels=r["labels"],
            name=display_name(r, lang),
            nameInUse=named.get(r["id"]),
        )
        for r in shown
    ]
    return EntityView(
        id=tid,
        iri=instance_iri(tid),
        labels=data["labels"],
        name=display_name(found, lang),
        names={"ko": found.get("name"), "en": found.get("nameEn")},
        properties=data["properties"],
        neighbours=neighbours,
        neighbours_truncated=len(rows.rows) > limit,
        asOf=as_of,
        requested=None if held is None else held.requested,
        alsoValid=None if held is None else held.also_valid,
        nameInUse=named.get(tid),
    )
