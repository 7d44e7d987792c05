"""The success envelope (Datasette's, which analysts know) and the output renderers.

Rows a route returns can be rendered in any format of :data:`RENDERERS` (like Datasette's
output renderers): ``?_format=<name>`` picks one, and so does an ``Accept`` header naming
its media type. Routes whose answer is a piece of the graph (an entity, a lineage, a
provenance) also render it as RDF with :data:`GRAPH_RENDERERS` (Turtle, JSON-LD), from
an rdflib graph built with the export's mapping (:func:`stkg.graph.rdf.subgraph_rdf`), so
the IRIs are those of ``stkg export``.

Each route offers a tuple of format names (:data:`TABULAR`, :data:`GRAPH`,
:data:`TABULAR_AND_GRAPH`); its ``_format`` parameter (:func:`output_format`) admits
exactly those, and the OpenAPI document lists exactly their media types
(:func:`openapi_content`, read back from the parameter's ``enum``). Adding a format is
adding one registry entry. A ``_format`` the route does not offer is refused by parameter
validation (422, like any value outside a parameter's enum); an ``Accept`` header naming
only media types the API renders elsewhere but this route does not gets 406 Not
Acceptable (RFC 9110 §15.5.7). Any other ``Accept`` (a browser's ``text/html``…) gets JSON.
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
from rdflib import Graph as RdfGraph

from stkg.api.db import Rows
from stkg.api.problems import Problem
from stkg.graph.rdf import FORMATS as RDF_SERIALIZERS
from stkg.graph.sparql import GRAPH_FORMATS


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


def _rdf(name: str) -> Callable[[RdfGraph], Response]:
    media_type = GRAPH_FORMATS[name]

    def render(graph: RdfGraph) -> Response:
        options: dict[str, Any] = {"auto_compact": True} if name == "jsonld" else {}
        body = graph.serialize(format=RDF_SERIALIZERS[name], encoding="utf-8", **options)
        return Response(body, media_type=media_type)

    return render


@dataclass(frozen=True)
class GraphRenderer:
    """One RDF format: its ``_format`` name, media type and how an rdflib graph becomes a
    response (triples with the export's IRIs, see :func:`stkg.graph.rdf.subgraph_rdf`)."""

    name: str
    media_type: str
    render: Callable[[RdfGraph], Response]
    schema: dict[str, Any]


#: The RDF formats of the routes that answer with a piece of the graph.
GRAPH_RENDERERS: dict[str, GraphRenderer] = {
    name: GraphRenderer(
        name,
        GRAPH_FORMATS[name],
        _rdf(name),
        {**schema, "description": description},
    )
    for name, schema, description in (
        (
            "ttl",
            {"type": "string"},
            "Turtle: the answer's nodes and relationships with the IRIs of the export.",
        ),
        (
            "jsonld",
            {"type": "object", "required": ["@context"]},
            "JSON-LD (compacted, with its @context): the answer's nodes and relationships "
            "with the IRIs of the export.",
        ),
    )
}

#: Format names offered by routes answering rows, a piece of the graph, or either.
TABULAR: tuple[str, ...] = tuple(RENDERERS)
GRAPH: tuple[str, ...] = (DEFAULT_FORMAT, *GRAPH_RENDERERS)
TABULAR_AND_GRAPH: tuple[str, ...] = (*RENDERERS, *GRAPH_RENDERERS)
#: Every format of the API → its media type.
MEDIA_TYPES: dict[str, str] = {
    **{r.name: r.media_type for r in RENDERERS.values()},
    **{r.name: r.media_type for r in GRAPH_RENDERERS.values()},
}


def output_format(names: tuple[str, ...]) -> Any:
    """The ``_format`` query parameter admitting exactly ``names``."""
    return Annotated[
        str,
        Query(
            pattern=f"^({'|'.join(names)})$",
            json_schema_extra={"enum": list(names)},
            description=f"Output format: {', '.join(names)} (or send an Accept header)",
        ),
    ]


#: The ``_format`` query parameter of the routes answering rows.
OutputFormat = output_format(TABULAR)
#: ``_format`` of the routes answering a piece of the graph (JSON, Turtle, JSON-LD).
GraphFormat = output_format(GRAPH)
#: ``_format`` of the routes answering rows that are also a piece of the graph.
RowsOrGraphFormat = output_format(TABULAR_AND_GRAPH)


def openapi_content(own_schema: dict[str, Any], names: tuple[str, ...] = TABULAR) -> dict[str, Any]:
    """The OpenAPI ``content`` of a success answer in any of the formats ``names``.

    ``own_schema`` is the schema of the route's response model, which renderers without a
    schema of their own (JSON) answer with.
    """
    content: dict[str, Any] = {}
    for name in names:
        r: Renderer | GraphRenderer = (
            RENDERERS[name] if name in RENDERERS else GRAPH_RENDERERS[name]
        )
        content[r.media_type] = {"schema": own_schema if r.schema is None else r.schema}
    return content


def _media_ranges(accept: str) -> set[str]:
    return {part.split(";")[0].strip().lower() for part in accept.split(",")} - {""}


def negotiate(request: Request, fmt: str, offered: tuple[str, ...]) -> str:
    """The format to answer in, among ``offered``: ``_format`` when it names a non-default
    one, else the first whose media type the ``Accept`` header names, else the default.

    406 (problem+json) when ``Accept`` names only media types of the API's formats and
    none of those this route offers (``text/turtle`` on a route answering rows).
    """
    if fmt != DEFAULT_FORMAT and fmt in offered:
        return fmt
    accept = request.headers.get("accept", "")
    for name in offered:
        if name != DEFAULT_FORMAT and MEDIA_TYPES[name] in accept:
            return name
    ranges = _media_ranges(accept)
    known = set(MEDIA_TYPES.values())
    if ranges and ranges <= known and not ranges & {MEDIA_TYPES[n] for n in offered}:
        raise Problem(
            406,
            "Not acceptable",
            f"This resource is not available as {', '.join(sorted(ranges))}; it is "
            f"available as {', '.join(MEDIA_TYPES[n] for n in offered)}.",
            available=[MEDIA_TYPES[n] for n in offered],
        )
    return DEFAULT_FORMAT


def format_name(request: Request, fmt: str) -> str:
    """The format an answer will be in, among all the API's formats, without refusing:
    part of the key under which answers are kept (an ETag per representation)."""
    if fmt in MEDIA_TYPES and fmt != DEFAULT_FORMAT:
        return fmt
    accept = request.headers.get("accept", "")
    return next(
        (n for n, t in MEDIA_TYPES.items() if n != DEFAULT_FORMAT and t in accept),
        DEFAULT_FORMAT,
    )


def renderer_for(request: Request, fmt: str = DEFAULT_FORMAT) -> Renderer:
    """The row renderer :func:`negotiate` picks among :data:`RENDERERS` (406 when the
    ``Accept`` header names only formats the API renders but not as rows)."""
    return RENDERERS[negotiate(request, fmt, TABULAR)]
