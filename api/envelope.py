"""The success envelope (Datasette's, which analysts know) and CSV output."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from fastapi import Request
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
    """JSON envelope, or CSV when asked by ``_format=csv`` or ``Accept: text/csv``."""
    wants_csv = fmt == "csv" or "text/csv" in request.headers.get("accept", "")
    if wants_csv:
        return csv_response(rows)
    return json_response(Envelope(columns=rows.columns, rows=rows.rows, truncated=rows.truncated))


def json_response(model: BaseModel, status_code: int = 200) -> Response:
    """The model as JSON, serialised once by pydantic-core.

    Returning the model itself makes FastAPI validate it again against the route's
    ``response_model`` and then encode it in Python, work done twice on every request.
    The routes still declare ``response_model``, so the OpenAPI
    schema is unchanged; tests check answers against it.
    """
    return Response(model.model_dump_json(), status_code=status_code,
                    media_type="application/json")  # fmt: skip


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
