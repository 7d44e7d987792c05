"""``GET /classes/{label}/entities``: the entities of one class, page by page.

Pages are cut by keyset (``WHERE n.id > $after ORDER BY n.id``), not by offset: the
uniqueness constraint on ``id`` makes each page an index seek, and a page never repeats or
skips a row when nodes are added or removed between two requests. The cursor is
:mod:`stkg.api.paging`'s.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from stkg.api.deps import ReaderDep
from stkg.api.envelope import Envelope, OutputFormat
from stkg.api.paging import After, PageSize, decode_cursor, keyset_page
from stkg.api.problems import Problem
from stkg.api.terms import entity_labels, quoted_label
from stkg.graph.cypher.entities import CLASS_PAGE

router = APIRouter(tags=["entities"])


@router.get(
    "/classes/{label}/entities",
    response_model=Envelope,
    summary="Entities of one class, keyset-paginated",
    description='Rows ordered by id. Follow `next_url` (or the `Link: rel="next"` header) '
    "for the next page; `next` is the opaque cursor to pass as `after`. `q` keeps entities "
    "whose Korean or English name contains it (case-insensitive). CSV with `_format=csv` "
    "or `Accept: text/csv`.",
    responses={404: {"description": "the ontology defines no such class"}},
)
async def class_entities(
    request: Request,
    db: ReaderDep,
    label: Annotated[
        str,
        Path(
            description="An entity class of the ontology (its node label)",
            json_schema_extra={"enum": list(entity_labels())},
            examples=["StrategicField"],
        ),
    ],
    after: After = None,
    q: Annotated[
        str | None, Query(min_length=1, max_length=200, description="Name contains")
    ] = None,
    _size: PageSize = 100,
    _format: OutputFormat = "json",
) -> Envelope | Response:
    if label not in entity_labels():
        raise Problem(
            404,
            "Unknown class",
            f"The ontology defines no entity class {label!r}. Valid: {', '.join(entity_labels())}.",
            valid=list(entity_labels()),
        )
    cypher = CLASS_PAGE.replace("{label}", quoted_label(label))
    params = {
        "after": decode_cursor(after) if after is not None else None,
        "q": q.lower() if q else None,
        "limit": _size + 1,
    }
    rows = await db.rows(cypher, params, max_rows=_size + 1)
    return keyset_page(request, rows, _size, _format)
