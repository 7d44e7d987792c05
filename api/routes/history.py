"""Change over time: a field's history and the diff between two editions.

Both wrap named queries (``field-history``, ``edition-diff``) so analysts running them in
Neo4j Browser or ``stkg query`` get the rows this API returns; the routes add REST paths,
the id/IRI spellings and 404s for unknown fields and editions.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response

from stkg.api.deps import ReaderDep
from stkg.api.envelope import Envelope, OutputFormat, respond
from stkg.api.lookup import entity_id_query, require_entity
from stkg.api.problems import Problem
from stkg.ontology.ids import INSTANCE_NS, typed_id_from_iri
from stkg.queries.catalog import load_catalog

router = APIRouter(tags=["history"])


@router.get(
    "/fields/{id:path}/history",
    response_model=Envelope,
    summary="History of a strategic field across editions",
    description="Each version of the field, edition by edition: printed name, sector, "
    "product count and the change from the version before. `id` is a field id, its IRI, "
    "or any name the field was printed under (named query `field-history`).",
    responses={404: {"description": "no field with that id or name"}},
)
async def field_history(
    request: Request,
    db: ReaderDep,
    id: Annotated[
        str,
        Path(
            min_length=1,
            max_length=1000,
            description="Field id, IRI or name",
            examples=["field:드론", "드론·개인이동수단"],
        ),
    ],
    _format: OutputFormat = "json",
) -> Envelope | Response:
    field = id.strip()
    if field.startswith(INSTANCE_NS):
        try:
            field = typed_id_from_iri(field)
        except ValueError:
            raise Problem(404, "Unknown field", f"No field is named {id!r}.", id=id) from None
    query = load_catalog()["field-history"]
    rows = await db.rows(query.cypher, {"field": field}, max_rows=10_000)
    if not rows.rows:
        raise Problem(404, "Unknown field", f"No strategic field has the id or name {id!r}.", id=id)
    return respond(request, rows, _format)


@router.get(
    "/editions/diff",
    response_model=Envelope,
    summary="What changed between two roadmap editions",
    description="Field by field: added, removed, renamed, rescoped, moved, recounted or "
    "unchanged, with names, sectors and product counts before and after (named query "
    "`edition-diff`).",
    responses={404: {"description": "either edition is unknown"}},
)
async def edition_diff(
    request: Request,
    db: ReaderDep,
    source: Annotated[str, entity_id_query(["edition:중소기업기술로드맵@2021"], alias="from")],
    target: Annotated[str, entity_id_query(["edition:중소기업기술로드맵@2022"], alias="to")],
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
    query = load_catalog()["edition-diff"]
    rows = await db.rows(query.cypher, {"from": ids[0], "to": ids[1]}, max_rows=10_000)
    return respond(request, rows, _format)
