"""Change over time: a field's history, its long lineage, the flow of a whole series'
fields through its editions and the diff between two editions.

All wrap named queries (``field-history``, ``field-lineage``, ``series-flow``,
``edition-diff``) so analysts
running them in Neo4j Browser or ``stkg query`` get the rows this API returns; the routes
add REST paths, the id/IRI spellings and 404s for unknown fields, series and editions.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from stkg.api.asof import AsOf, edition_calendar, no_edition, require_started
from stkg.api.deps import ReaderDep
from stkg.api.envelope import Envelope, OutputFormat, json_response, respond
from stkg.api.lookup import entity_id_query, require_entity
from stkg.api.problems import Problem
from stkg.ontology.ids import INSTANCE_NS, typed_id_from_iri
from stkg.queries.catalog import load_catalog

router = APIRouter(tags=["history"])

FieldId = Annotated[
    str,
    Path(
        min_length=1,
        max_length=1000,
        description="Field id, IRI or name",
        examples=["field:드론", "드론·개인이동수단"],
    ),
]
Include = Annotated[
    Literal["reviewed", "proposed"],
    Query(description="reviewed: stated and reviewed mappings; proposed: also proposed ones"),
]
RoadmapId = Annotated[
    str,
    Path(
        min_length=1,
        max_length=1000,
        description="Roadmap id, IRI or name, or an edition id",
        examples=["roadmap:중소기업기술로드맵", "중소기업기술로드맵"],
    ),
]


class LineageVersion(BaseModel):
    """A field version: a node of the lineage DAG."""

    id: str
    name: str | None = None
    edition: str
    year: int | None = Field(None, description="The edition's start year")
    sector: str | None = None
    fields: list[str] = Field(
        default_factory=list, description="The field concepts it is a version of"
    )
    productCount: int | None = None


class LineageMapping(BaseModel):
    """A crosswalk mapping between versions of consecutive editions."""

    id: str = Field(description="The mapping's id (mapping:…)")
    source: str | None = Field(
        None, description="Version in the earlier edition; none for a new field"
    )
    target: str | None = Field(
        None, description="Version in the later edition; none for a dropped field"
    )
    relation: str | None = Field(
        None,
        description="SKOS mapping relation: exactMatch, closeMatch, broadMatch, narrowMatch "
        "or relatedMatch",
    )
    change: str = Field(
        description="Change kind (unchanged, renamed, moved, split, merged, dropped, new, …)"
    )
    basis: str = Field(description="stated, reviewed or proposed")
    confidence: float | None = None
    note: str | None = None


class FieldLineage(BaseModel):
    field: str
    include: Literal["reviewed", "proposed"]
    asOf: dt.date | None = Field(
        None, description="The `as_of` day asked for: only editions in force by then"
    )
    nodes: list[LineageVersion] = Field(description="Field versions, by edition")
    edges: list[LineageMapping] = Field(description="Mappings with both ends: the DAG's edges")
    ends: list[LineageMapping] = Field(
        description="Dropped (no target) and new (no source) mappings of its versions"
    )


def typed_path_id(id: str, what: str = "field") -> str:
    """The typed id of an IRI (404 naming ``what`` for an IRI of no id), else ``id``."""
    field = id.strip()
    if field.startswith(INSTANCE_NS):
        try:
            field = typed_id_from_iri(field)
        except ValueError:
            raise Problem(404, f"Unknown {what}", f"No {what} is named {id!r}.", id=id) from None
    return field


@router.get(
    "/fields/{id:path}/history",
    response_model=Envelope,
    summary="History of a strategic field across editions",
    description="Each version of the field, edition by edition: printed name, sector, "
    "product count and the change from the version before. `id` is a field id, its IRI, "
    "or any name the field was printed under (named query `field-history`). With "
    "`as_of`, the history as it stood that day: only the versions of editions in force on "
    "or before it (an edition comes into force on its `publishedDate`, else on 1 January "
    "of its `startYear`); the last row is the version of the edition in force that day.",
    responses={
        404: {
            "description": "no field with that id or name, or (with `as_of`) none of its "
            "editions was in force on that day"
        }
    },
)
async def field_history(
    request: Request,
    db: ReaderDep,
    id: FieldId,
    as_of: AsOf = None,
    _format: OutputFormat = "json",
) -> Envelope | Response:
    field = typed_path_id(id)
    query = load_catalog()["field-history"]
    rows = await db.rows(query.cypher, {"field": field, "as_of": as_of}, max_rows=10_000)
    if not rows.rows and as_of is not None:
        every = await db.rows(query.cypher, {"field": field, "as_of": None}, max_rows=10_000)
        if every.rows:
            mine = {r["edition"] for r in every.rows}
            calendar = [e for e in await edition_calendar(db) if e.id in mine]
            raise no_edition(as_of, "of the field", id, calendar)
    if not rows.rows:
        raise Problem(404, "Unknown field", f"No strategic field has the id or name {id!r}.", id=id)
    return respond(request, rows, _format)


@router.get(
    "/fields/{id:path}/lineage",
    response_model=FieldLineage,
    summary="Long lineage of a strategic field through every edition",
    description="The field followed through every edition of its series along the crosswalk "
    "mappings between consecutive editions, forwards and backwards, as a DAG: `nodes` are "
    "field versions, `edges` the mappings between them (SKOS relation, change kind, basis, "
    "confidence) — a split is one version with several outgoing edges, a merge several "
    "versions with edges into one. `ends` are the dropped and new mappings of its versions. "
    "Stated and reviewed mappings by default; `include=proposed` adds the proposed ones. "
    "`id` is a field id, its IRI, any name the field was printed under, or a field version "
    "id (named query `field-lineage`). With `as_of`, the lineage as it stood that day: "
    "only the versions of editions in force on or before it, and the mappings between them "
    "(a mapping into a later edition is left out, not shown as dropped).",
    responses={
        404: {
            "description": "no field with that id or name, or (with `as_of`) none of its "
            "editions was in force on that day"
        }
    },
)
async def field_lineage(
    db: ReaderDep,
    id: FieldId,
    include: Include = "reviewed",
    as_of: AsOf = None,
) -> Response:
    field = typed_path_id(id)
    query = load_catalog()["field-lineage"]
    params = {"field": field, "include": include, "as_of": as_of}
    rows = await db.rows(query.cypher, params, max_rows=1)
    if not rows.rows and as_of is not None:
        every = await db.rows(query.cypher, {**params, "as_of": None}, max_rows=1)
        if every.rows:
            mine = {n["edition"] for n in every.rows[0]["nodes"]}
            calendar = [e for e in await edition_calendar(db) if e.id in mine]
            raise no_edition(as_of, "of the field", id, calendar)
    if not rows.rows:
        raise Problem(404, "Unknown field", f"No strategic field has the id or name {id!r}.", id=id)
    found = rows.rows[0]
    edges, ends = _edges_and_ends(found["edges"])
    return json_response(
        FieldLineage(
            field=field,
            include=include,
            asOf=as_of,
            nodes=[LineageVersion(**n) for n in found["nodes"]],
            edges=edges,
            ends=ends,
        )
    )


def _edges_and_ends(rows: list[dict]) -> tuple[list[LineageMapping], list[LineageMapping]]:
    """The mappings with both ends, and the dropped (no target) and new (no source) ones."""
    mappings = [LineageMapping(**e) for e in rows]
    return (
        [m for m in mappings if m.source and m.target],
        [m for m in mappings if not (m.source and m.target)],
    )


class SeriesEdition(BaseModel):
    """An edition of the series: a column of the flow."""

    id: str
    name: str | None = None
    startYear: int | None = None
    endYear: int | None = None
    since: dt.date | None = Field(
        None,
        description="The day it came into force: its publishedDate, else 1 January of its "
        "startYear",
    )
    fieldVersions: int = Field(description="Field versions the graph records for it")


class SeriesFlow(BaseModel):
    series: str = Field(description="The roadmap's id")
    name: str | None = None
    include: Literal["reviewed", "proposed"]
    asOf: dt.date | None = Field(
        None, description="The `as_of` day asked for: only editions in force by then"
    )
    editions: list[SeriesEdition] = Field(description="In the order they came into force")
    nodes: list[LineageVersion] = Field(description="Every field version of those editions")
    edges: list[LineageMapping] = Field(description="Mappings with both ends")
    ends: list[LineageMapping] = Field(
        description="Dropped (no target) and new (no source) mappings"
    )


@router.get(
    "/roadmaps/{id:path}/flow",
    response_model=SeriesFlow,
    summary="Fields flowing through every edition of a roadmap series",
    description="Every edition of the series (a roadmap) in the order they came into force, "
    "all their field versions, and the crosswalk mappings between consecutive editions: "
    "the data of a Sankey or alluvial chart of the whole series, where "
    "`/fields/{id}/lineage` follows one field. `edges` are mappings with both ends (SKOS "
    "relation, change kind, basis, confidence), `ends` the dropped and new ones. Stated "
    "and reviewed mappings by default; `include=proposed` adds the proposed ones. `id` is "
    "the roadmap's id, its IRI, the part of the id after `roadmap:`, its name, or the id "
    "of one of its editions (named query `series-flow`). With `as_of`, the series as it "
    "stood that day: only the editions in force on or before it (an edition comes into "
    "force on its `publishedDate`, else on 1 January of its `startYear`) and the mappings "
    "between them, so a field is shown dropped only once the next edition came in.",
    responses={
        404: {
            "description": "no roadmap with that id or name, or (with `as_of`) none of its "
            "editions was in force on that day"
        }
    },
)
async def series_flow(
    db: ReaderDep,
    id: RoadmapId,
    include: Include = "reviewed",
    as_of: AsOf = None,
) -> Response:
    series = typed_path_id(id, "roadmap")
    query = load_catalog()["series-flow"]
    params = {"series": series, "include": include, "as_of": as_of}
    rows = await db.rows(query.cypher, params, max_rows=1)
    if not rows.rows:
        raise Problem(
            404, "Unknown roadmap", f"No roadmap series has the id or name {id!r}.", id=id
        )
    found = rows.rows[0]
    if as_of is not None and not found["editions"]:
        calendar = [e for e in await edition_calendar(db) if e.series == found["series"]]
        raise no_edition(as_of, "of the series", id, calendar)
    edges, ends = _edges_and_ends(found["edges"])
    return json_response(
        SeriesFlow(
            series=found["series"],
            name=found["name"],
            include=include,
            asOf=as_of,
            editions=[SeriesEdition(**e) for e in found["editions"]],
            nodes=[LineageVersion(**n) for n in found["nodes"]],
            edges=edges,
            ends=ends,
        )
    )


@router.get(
    "/editions/diff",
    response_model=Envelope,
    summary="What changed between two roadmap editions",
    description="Field by field: added, removed, renamed, rescoped, moved, recounted or "
    "unchanged, with names, sectors and product counts before and after (named query "
    "`edition-diff`). With `as_of`, the diff as the graph stood that day: both editions "
    "must have come into force on or before it (an edition comes into force on its "
    "`publishedDate`, else on 1 January of its `startYear`); the rows are those without "
    "`as_of` (a stated succession carries no date of its own).",
    responses={
        404: {
            "description": "either edition is unknown, or (with `as_of`) one of them had "
            "not come into force by that day"
        }
    },
)
async def edition_diff(
    request: Request,
    db: ReaderDep,
    source: Annotated[str, entity_id_query(["edition:중소기업기술로드맵@2021"], alias="from")],
    target: Annotated[str, entity_id_query(["edition:중소기업기술로드맵@2022"], alias="to")],
    as_of: AsOf = None,
    _format: OutputFormat = "json",
) -> Envelope | Response:
    ids = []
    for raw in (source, target):
        found = await require_entity(db, raw)
        if "RoadmapEdition" not in found["labels"]:
            raise Problem(
                404,
                "Unknown roadmap edition",
                f"{found['id']!r} is not a roadmap edition.",
                id=found["id"],
            )
        ids.append(found["id"])
    if as_of is not None:
        require_started(await edition_calendar(db), as_of, ids)
    query = load_catalog()["edition-diff"]
    params = {"from": ids[0], "to": ids[1], "as_of": as_of}
    rows = await db.rows(query.cypher, params, max_rows=10_000)
    return respond(request, rows, _format)
