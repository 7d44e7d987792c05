"""The OpenAPI document tells the truth about errors: every 4xx/5xx is problem+json.

FastAPI documents its own 422 body (``HTTPValidationError``) and nothing else, while this
API answers every error as RFC 9457 problem details (:mod:`stkg.api.problems`). Clients
and contract tests generated from the schema would otherwise expect a body they never get,
so the generated document is rewritten once: error responses point at one ``Problem``
schema, and every operation lists 503 (Neo4j unreachable) and 422 when it takes input.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from stkg.api.problems import PROBLEM_JSON

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


def install_openapi(app: FastAPI) -> None:
    """Replace ``app.openapi`` with the rewritten document (built once, then cached)."""

    def build() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title, version=app.version, summary=app.summary, routes=app.routes
            )
            app.openapi_schema = rewrite_errors(schema)
        return app.openapi_schema

    app.openapi = build  # type: ignore[method-assign]


def rewrite_errors(schema: dict[str, Any]) -> dict[str, Any]:
    """Point every error response at ``Problem`` and add the ones every route can give."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components["Problem"] = PROBLEM_SCHEMA
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
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
    for name in _UNUSED:
        components.pop(name, None)
    return schema
