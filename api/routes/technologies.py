"""``GET /technologies/{id}/indicators``: computed patent indicators beside published ones.

Wraps the named query ``indicators-compared`` (so analysts running it in Neo4j Browser or
``stkg query`` get the same rows): for the technology class and every class below it,
the published values, the latest computed ones (``stkg analyse patents``) and their
difference. The route adds the id/IRI spellings and a 404 for anything that is not a
technology class.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from stkg.api.deps import ReaderDep
from stkg.api.envelope import Envelope, OutputFormat, respond
from stkg.api.lookup import entity_id_path, require_entity
from stkg.api.problems import Problem
from stkg.queries.catalog import load_catalog

router = APIRouter(tags=["patent indicators"])


@router.get(
    "/technologies/{id:path}/indicators",
    response_model=Envelope,
    summary="Computed and published patent indicators of a technology class",
    description="One row per technology class (the one asked for and every class below "
    "it) that has a published or a computed patent analysis: application share, "
    "technology importance and Korea competitiveness as published, as computed, and "
    "computed − published; the core / strength / focus flags of both and whether they "
    "agree; the computed growth rate, citation index, activity index, patent count, "
    "period and offices (named query `indicators-compared`).",
    responses={404: {"description": "no technology class with that id"}},
)
async def technology_indicators(
    request: Request,
    db: ReaderDep,
    id: Annotated[str, entity_id_path(["techclass:제조ai"], "Technology class id or IRI")],
    period: Annotated[
        str | None,
        Query(
            pattern=r"^\d{4}-\d{4}$",
            examples=["2015-2024"],
            description="Only computed analyses of this period",
        ),
    ] = None,
    _format: OutputFormat = "json",
) -> Envelope | Response:
    found = await require_entity(db, id)
    if "TechnologyClass" not in found["labels"]:
        raise Problem(
            404,
            "Unknown technology class",
            f"{found['id']!r} is not a technology class.",
            id=found["id"],
        )
    query = load_catalog()["indicators-compared"]
    params = {"technology": found["id"], "period": period}
    rows = await db.rows(query.cypher, params, max_rows=10_000)
    return respond(request, rows, _format)
