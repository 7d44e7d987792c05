"""The success envelope (Datasette's, which analysts know) and the output renderers.

Rows a route returns can be rendered in any format of :data:`RENDERERS` (like Datasette's
output renderers): ``?_format=<name>`` picks one, and so does an ``Accept`` header naming
its media type. Adding a format (TTL, JSON-LD…) is adding one entry; the ``_format``
parameter every route declares (:data:`OutputFormat`) and the media types the OpenAPI
document lists for those routes (:func:`openapi_content`) are derived from the registry.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from stkg.api.db import Rows


class Envelope(BaseModel):
    ok: bool = True
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool = False
    next: str | None = None
    next_url: str | None = None


def respond(request: Request, rows: Rows, fmt: str = "json") -> Envelope | Response:
    """The rows in the format asked for by ``_format`` or the ``Accept`` header."""
    return renderer_for(request, fmt).render(rows)


def json_response(model: BaseModel, status_code: int = 200) -> Response:
    """The model as JSON, serialised once by pydantic-core.

    Returning the model itself makes FastAPI validate it again against the route's
    ``response_model`` and then encode it in Python, work done twice on every request.
    The routes still declare ``response_model``, so the OpenAPI
    schema is unchanged; tests check answers against it.
    """
    return Response(model.model_dump_json(), status_code=status_code, media_type="application/json")


def csv_response(rows: Rows) -> Response:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(rows.columns)
    for row in rows.rows:
        writer.writerow([_cell(row.get(c)) for c in rows.columns])
    return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _json(rows: Rows) -> Response:
    return json_response(Envelope(columns=rows.columns, rows=rows.rows, truncated=rows.truncated))


@dataclass(frozen=True)
class Renderer:
    """One output format: its ``_format`` name, media type and how rows become a response.

    ``schema`` is the OpenAPI schema of its body; ``None`` means the route's own response
    model (the JSON envelope, or the route's subclass of it).
    """

    name: str
    media_type: str
    render: Callable[[Rows], Response]
    schema: dict[str, Any] | None = None


#: The output formats, by ``_format`` name; the first is the default.
RENDERERS: dict[str, Renderer] = {
    r.name: r
    for r in (
        Renderer("json", "application/json", _json),
        Renderer(
            "csv",
            "text/csv",
            csv_response,
            {
                "type": "string",
                "description": "RFC 4180 CSV: a header row of the columns, then one line per "
                "row; lists and maps as JSON.",
            },
        ),
    )
}
DEFAULT_FORMAT = next(iter(RENDERERS))
#: The name of the query parameter that picks a renderer.
FORMAT_PARAMETER = "_format"

#: The ``_format`` query parameter: one of the registry's names.
OutputFormat = Annotated[
    str,
    Query(
        pattern=f"^({'|'.join(RENDERERS)})$",
        description=f"Output format: {', '.join(RENDERERS)} (or send an Accept header)",
    ),
]


def openapi_content(own_schema: dict[str, Any]) -> dict[str, Any]:
    """The OpenAPI ``content`` of a success answer any renderer may give.

    ``own_schema`` is the schema of the route's response model, which renderers without a
    schema of their own (JSON) answer with.
    """
    return {
        r.media_type: {"schema": own_schema if r.schema is None else r.schema}
        for r in RENDERERS.values()
    }


def renderer_for(request: Request, fmt: str = DEFAULT_FORMAT) -> Renderer:
    """``_format`` when it names a non-default format, else the first renderer whose
    media type the ``Accept`` header names, else the default (JSON)."""
    if fmt != DEFAULT_FORMAT and fmt in RENDERERS:
        return RENDERERS[fmt]
    accept = request.headers.get("accept", "")
    for renderer in RENDERERS.values():
        if renderer.name != DEFAULT_FORMAT and renderer.media_type in accept:
            return renderer
    return RENDERERS[DEFAULT_FORMAT]
