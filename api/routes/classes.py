"""``GET /classes/{label}/entities``: the entities of one class, page by page.

Pages are cut by keyset (``WHERE n.id > $after ORDER BY n.id``), not by offset: the
uniqueness constraint on ``id`` makes each page an index seek, and a page never repeats or
skips a row when nodes are added or removed between two requests. The cursor is opaque to
clients (URL-safe base64 of the last id, unpadded) so the ordering key can change without
breaking them. Its pattern (:data:`CURSOR_PATTERN`) is its whole contract: every string
matching it decodes to a position in the id order, so none is refused once it passed.
"""

from __future__ import annotations

import base64
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from stkg.api.db import Rows
from stkg.api.deps import ReaderDep
from stkg.api.envelope import DEFAULT_FORMAT, Envelope, OutputFormat, renderer_for
from stkg.api.problems import Problem
from stkg.api.terms import entity_labels, quoted_label
from stkg.graph.cypher.entities import CLASS_PAGE

router = APIRouter(tags=["entities"])


#: Unpadded URL-safe base64: whole groups of four characters, then two or three more or
#: none (a single character left over encodes no byte).
CURSOR_PATTERN = "^([A-Za-z0-9_-]{4})*([A-Za-z0-9_-]{2,3})?$"


def encode_cursor(last_id: str) -> str:
    """The opaque cursor after ``last_id``."""
    return base64.urlsafe_b64encode(last_id.encode("utf-8")).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> str:
    """The id a cursor (one matching :data:`CURSOR_PATTERN`) stands for.

    Bytes that are not UTF-8 (a cursor this API did not make) decode to U+FFFD: still a
    position in the id order, which is all a keyset page needs.
    """
    padded = cursor + "=" * (-len(cursor) % 4)
    raw = base64.b64decode(padded.encode("ascii"), altchars=b"-_", validate=True)
    return raw.decode("utf-8", errors="replace")


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
    after: Annotated[
        str | None,
        Query(max_length=2000, pattern=CURSOR_PATTERN, description="Cursor from `next`"),
    ] = None,
    q: Annotated[
        str | None, Query(min_length=1, max_length=200, description="Name contains")
    ] = None,
    _size: Annotated[int, Query(ge=1, le=1000, description="Rows per page")] = 100,
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
    page = Rows(rows.columns, rows.rows[:_size], truncated=False)
    cursor = encode_cursor(page.rows[-1]["id"]) if len(rows.rows) > _size else None
    next_url = str(request.url.include_query_params(after=cursor)) if cursor else None
    headers = {"Link": f'<{next_url}>; rel="next"'} if next_url else {}
    renderer = renderer_for(request, _format)
    if renderer.name != DEFAULT_FORMAT:
        response = renderer.render(page)
        response.headers.update(headers)
        return response
    body = Envelope(columns=page.columns, rows=page.rows, next=cursor, next_url=next_url)
    return _with_headers(body, headers)


def _with_headers(body: Envelope, headers: dict[str, str]) -> Response:
    """The envelope as a JSON response carrying the pagination headers."""
    return Response(body.model_dump_json(), media_type="application/json", headers=headers)
