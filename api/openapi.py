"""The OpenAPI document tells the truth, to the letter, about what the API answers.

FastAPI documents its own 422 body (``HTTPValidationError``), one media type per answer
and no headers, while this API answers every error as RFC 9457 problem details
(:mod:`stkg.api.problems`), renders rows in every format of the renderer registry
(:data:`stkg.api.envelope.RENDERERS`) and sends ``Retry-After`` with every 429 and 503.
Clients and contract tests generated from the schema would otherwise expect answers they
never get, so the generated document is rewritten once:

* error responses point at one ``Problem`` schema; every operation lists 503 (Neo4j
  unreachable), 500, and 422 when it takes input;
* 429 and 503 state their ``Retry-After`` header;
* an operation with the ``_format`` parameter lists the media type of each format it
  admits on 200, and 406 for an ``Accept`` header naming none of them;
* :data:`LINKS` ties operations together (OpenAPI links: the id a search answers is the
  id ``/entities/{id}`` takes, and so on), for clients and for stateful contract tests.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from stkg.api.envelope import FORMAT_PARAMETER, TABULAR, openapi_content
from stkg.api.problems import PROBLEM_JSON, RETRY_AFTER_STATUSES

PROBLEM_SCHEMA: dict[str, Any] = {
    "title": "Problem",
    "type": "object",
    "description": "RFC 9457 problem details; extra members (errors, id, valid, …) may follow.",
    "required": ["type", "title", "status", "detail", "instance"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
    },
    "additionalProperties": True,
}
_PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
_ALWAYS = {"503": "Neo4j cannot be reached (with Retry-After)", "500": "unexpected error"}
_UNUSED = ("HTTPValidationError", "ValidationError")
RETRY_AFTER_HEADER: dict[str, Any] = {
    "description": "Seconds to wait before asking again",
    "required": True,
    "schema": {"type": "integer", "minimum": 0},
}

#: Links between operations: (method, path) of the answering operation → link name →
#: (method and path of the operation it leads to, its parameters as runtime expressions).
#: An answer without the value a link reads (no rows, say) simply offers no such call.
LINKS: dict[tuple[str, str], dict[str, tuple[str, dict[str, str]]]] = {
    ("get", "/search"): {
        "entity": ("GET /entities/{id}", {"id": "$response.body#/rows/0/id"}),
        "lineage": ("GET /lineage/{id}", {"id": "$response.body#/rows/0/id"}),
        "provenance": ("GET /provenance/{id}", {"id": "$response.body#/rows/0/id"}),
    },
    ("get", "/ontology/terms"): {
        "classEntities": (
            "GET /classes/{label}/entities",
            {"label": "$response.body#/classes/0/label"},
        ),
    },
    ("get", "/classes/{label}/entities"): {
        "nextPage": (
            "GET /classes/{label}/entities",
            {"label": "$request.path.label", "after": "$response.body#/next"},
        ),
        "entity": ("GET /entities/{id}", {"id": "$response.body#/rows/0/id"}),
    },
    ("get", "/entities/{id}"): {
        "neighbour": ("GET /entities/{id}", {"id": "$response.body#/neighbours/0/id"}),
        "lineage": ("GET /lineage/{id}", {"id": "$response.body#/id"}),
        "provenance": ("GET /provenance/{id}", {"id": "$response.body#/id"}),
        "programmes": ("GET /entities/{id}/programmes", {"id": "$response.body#/id"}),
        "pathToNeighbour": (
            "GET /paths",
            {"from": "$response.body#/id", "to": "$response.body#/neighbours/0/id"},
        ),
    },
    ("get", "/lineage/{id}"): {
        "node": ("GET /entities/{id}", {"id": "$response.body#/nodes/1/id"}),
        "edgeProvenance": (
            "GET /provenance/relationship",
            {
                "start": "$response.body#/edges/0/source",
                "type": "$response.body#/edges/0/type",
                "end": "$response.body#/edges/0/target",
            },
        ),
    },
    ("get", "/paths"): {
        "node": ("GET /entities/{id}", {"id": "$response.body#/nodes/1/id"}),
    },
    ("get", "/queries/editions"): {
        "programmeLinks": ("GET /programmes/links", {"edition": "$response.body#/rows/0/edition"}),
        "diff": (
            "GET /editions/diff",
            {"from": "$response.body#/rows/0/edition", "to": "$response.body#/rows/1/edition"},
        ),
    },
    ("get", "/programmes/links"): {
        "programme": ("GET /programmes/{id}/links", {"id": "$response.body#/rows/0/programme"}),
        "subject": ("GET /entities/{id}/programmes", {"id": "$response.body#/rows/0/subject"}),
    },
    ("get", "/provenance/{id}"): {
        "context": (
            "GET /documents/{id}/context",
            {
                "id": "$response.body#/rows/0/document",
                "start": "$response.body#/rows/0/spanStart",
                "end": "$response.body#/rows/0/spanEnd",
            },
        ),
    },
}


def install_openapi(app: FastAPI) -> None:
    """Replace ``app.openapi`` with the rewritten document (built once, then cached)."""

    def build() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title, version=app.version, summary=app.summary, routes=app.routes
            )
            app.openapi_schema = add_links(document_formats(rewrite_errors(schema)))
        return app.openapi_schema

    app.openapi = build  # type: ignore[method-assign]


def rewrite_errors(schema: dict[str, Any]) -> dict[str, Any]:
    """Point every error response at ``Problem`` and add the ones every route can give."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components["Problem"] = PROBLEM_SCHEMA
    for operation in _operations(schema):
        responses = operation.setdefault("responses", {})
        if operation.get("parameters") or operation.get("requestBody"):
            responses.setdefault("422", {"description": "invalid parameters"})
        if operation.get("requestBody"):
            responses.setdefault("413", {"description": "request body too large"})
        for code, description in _ALWAYS.items():
            responses.setdefault(code, {"description": description})
        for code, response in responses.items():
            if code[0] in "45":
                response["content"] = {PROBLEM_JSON: {"schema": _PROBLEM_REF}}
            if code.isdigit() and int(code) in RETRY_AFTER_STATUSES:
                response.setdefault("headers", {})["Retry-After"] = RETRY_AFTER_HEADER
    for name in _UNUSED:
        components.pop(name, None)
    return schema


def document_formats(schema: dict[str, Any]) -> dict[str, Any]:
    """List the media type of each format an operation's ``_format`` admits (its
    ``enum``) on its 200, and the 406 its ``Accept`` header may get (see
    :func:`stkg.api.envelope.negotiate`)."""
    for operation in _operations(schema):
        parameter = next(
            (
                p
                for p in operation.get("parameters", [])
                if p.get("in") == "query" and p.get("name") == FORMAT_PARAMETER
            ),
            None,
        )
        ok = operation.get("responses", {}).get("200")
        if parameter is None or ok is None:
            continue
        names = tuple(parameter.get("schema", {}).get("enum", TABULAR))
        own = ok.get("content", {}).get("application/json", {}).get("schema", {})
        ok["content"] = openapi_content(own, names)
        operation["responses"].setdefault(
            "406",
            {
                "description": "the Accept header names only formats this operation does not give",
                "content": {PROBLEM_JSON: {"schema": _PROBLEM_REF}},
            },
        )
    return schema


def add_links(schema: dict[str, Any]) -> dict[str, Any]:
    """Attach :data:`LINKS` to the 200 answers; a link naming an operation the document
    does not have is a bug here, not something to drop quietly."""
    paths = schema.get("paths", {})
    for (method, path), links in LINKS.items():
        source = paths.get(path, {}).get(method)
        if source is None:
            raise RuntimeError(f"OpenAPI link from an unknown operation: {method.upper()} {path}")
        out = source["responses"]["200"].setdefault("links", {})
        for name, (target, parameters) in links.items():
            target_method, target_path = target.split(" ", 1)
            operation = paths.get(target_path, {}).get(target_method.lower())
            if operation is None:
                raise RuntimeError(f"OpenAPI link {name!r} to an unknown operation: {target}")
            declared = {p["name"] for p in operation.get("parameters", [])}
            if undeclared := set(parameters) - declared:
                raise RuntimeError(f"OpenAPI link {name!r}: {target} takes no {undeclared}")
            out[name] = {
                "operationRef": operation_ref(target_path, target_method),
                "parameters": parameters,
            }
    return schema


def operation_ref(path: str, method: str) -> str:
    """``#/paths/…/get``: the JSON pointer (RFC 6901) to an operation, as a URI fragment."""
    pointer = path.replace("~", "~0").replace("/", "~1")
    return f"#/paths/{quote(pointer, safe='~')}/{method.lower()}"


def _operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    return [op for ops in schema.get("paths", {}).values() for op in ops.values()]
