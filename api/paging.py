"""Keyset pages: the cursor after a page's last row, and the answer that carries it.

A page is cut by keyset (``WHERE n.id > $after ORDER BY n.id``), not by offset. The cursor
is URL-safe base64 of the last id, unpadded, so the ordering key can change without
breaking clients. Its pattern (:data:`CURSOR_PATTERN`) is its whole contract: every string
matching it decodes to a position in the id order, so none is refused once it passed.
"""

from __future__ import annotations

import base64
import string
from typing import Annotated
from urllib.parse import quote

from fastapi import Query, Request
from fastapi.responses import Response

from stkg.api.db import Rows
from stkg.api.envelope import DEFAULT_FORMAT, Envelope, renderer_for

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


#: What a URL may already hold: ASCII punctuation (``%`` of escapes made before included).
URL_SAFE = string.punctuation

After = Annotated[
    str | None,
    Query(max_length=2000, pattern=CURSOR_PATTERN, description="Cursor from `next`"),
]
PageSize = Annotated[int, Query(ge=1, le=1000, description="Rows per page")]


def keyset_page(request: Request, rows: Rows, size: int, fmt: str) -> Envelope | Response:
    """One page of ``rows`` (fetched with one row more than ``size``, ordered by ``id``) in
    the format asked for, with ``next``, ``next_url`` and a ``Link: rel="next"`` header when
    the extra row says there is more."""
    page = Rows(rows.columns, rows.rows[:size], truncated=False)
    cursor = encode_cursor(page.rows[-1]["id"]) if len(rows.rows) > size else None
    # an id in the path may be Hangul: percent-encoded, the URL fits a header (Latin-1)
    next_url = (
        quote(str(request.url.include_query_params(after=cursor)), safe=URL_SAFE)
        if cursor
        else None
    )
    headers = {"Link": f'<{next_url}>; rel="next"'} if next_url else {}
    renderer = renderer_for(request, fmt)
    if renderer.name != DEFAULT_FORMAT:
        response = renderer.render(page)
        response.headers.update(headers)
        return response
    body = Envelope(columns=page.columns, rows=page.rows, next=cursor, next_url=next_url)
    return Response(body.model_dump_json(), media_type="application/json", headers=headers)
