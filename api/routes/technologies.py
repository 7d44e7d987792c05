"""Patent indicators: ``GET /technologies/{id}/indicators`` (computed beside published, per
technology class) and ``GET /fields/{id}/indicators`` (computed, per strategic product and
core technology of a field).

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

from stkg.api.db import Rows
from stkg.api.deps import ReaderDep
from stkg.api.envelope import Envelope, OutputFormat, respond
from stkg.api.lookup import entity_id_path, require_entity
from stkg.api.problems import Problem
from stkg.api.routes.history import FieldId, typed_path_id
from stkg.graph.analysis.indicators import OFFICES, IndicatorError, IndicatorParams
from stkg.graph.analysis.product_indicators import (
    COLUMNS,
    FIELD_EDITIONS,
    FIELD_UNITS,
    UNIT_COUNTS,
    explain_missing,
    field_trees,
    indicator_rows,
    query_parameters,
)
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


_OFFICE = "|".join(OFFICES)


@router.get(
    "/fields/{id:path}/indicators",
    response_model=Envelope,
    summary="Computed patent indicators of a field's products and core technologies",
    description="One row per strategic product of the field and per core technology of "
    "each product, edition by edition (or in `edition` only): the patents `stkg patents "
    "classify` matched to the core technologies (a product's are those of its core "
    "technologies, each patent once), filed in `period` at `offices`, and the indicators "
    "of docs/patent-indicators.md computed from them: application share (a product's of "
    "the field's, a core technology's of its product's), growth rate, citation index, "
    "Korea activity index, technology importance and Korea competitiveness (z-scores "
    "among the field's products, and separately among its core technologies), and the "
    "core / strength / focus flags. Computed when asked, not stored.",
    responses={
        404: {"description": "no field with that id or name has products with core technologies"},
        400: {
            "description": "a period and split year the indicators cannot use together (a "
            "period that ends before it starts, one year only, a split year outside it)"
        },
    },
)
async def field_indicators(
    request: Request,
    db: ReaderDep,
    id: FieldId,
    period: Annotated[
        str,
        Query(pattern=r"^\d{4}-\d{4}$", examples=["2015-2024"], description="Filing years"),
    ] = "2015-2024",
    edition: Annotated[
        str, Query(max_length=1000, description="Only this edition (id); every edition if empty")
    ] = "",
    offices: Annotated[
        str,
        Query(
            pattern=rf"^({_OFFICE})(,({_OFFICE}))*$",
            description=f"Patent offices, comma-separated ({', '.join(OFFICES)})",
        ),
    ] = ",".join(OFFICES),
    split_year: Annotated[
        int | None, Query(ge=1900, le=2100, description="First year of the late sub-period")
    ] = None,
    min_score: Annotated[
        float, Query(ge=0, le=1, description="Leave out search matches scoring below this")
    ] = 0.0,
    _format: OutputFormat = "json",
) -> Envelope | Response:
    start, end = (int(year) for year in period.split("-"))
    try:
        params = IndicatorParams(start, end, tuple(offices.split(",")), split_year)
    except IndicatorError as exc:
        raise Problem(400, "Unusable indicator parameters", str(exc)) from None
    field = typed_path_id(id)
    units = await db.rows(FIELD_UNITS, {"field": field, "edition": edition}, max_rows=100_000)
    trees = field_trees(units.rows)
    if not trees:
        found = await db.rows(FIELD_EDITIONS, {"field": field}, max_rows=1_000)
        why = explain_missing(found.rows, id, edition)
        raise Problem(404, "No products with core technologies", f"{why}.", id=id)
    out: list[dict[str, object]] = []
    for tree in trees:
        counts = await db.rows(
            UNIT_COUNTS, query_parameters(params, tree, min_score), max_rows=1_000_000
        )
        out.extend(indicator_rows(tree, counts.rows, params))
    return respond(request, Rows(COLUMNS, out), _format)
