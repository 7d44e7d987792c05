"""``/queries``: the named-query catalogue as JSON (and CSV) endpoints.

One route per file in ``queries/``, built at start-up from the file's header, so each
query has its own typed parameters in the OpenAPI docs.
"""

# no `from __future__ import annotations`: the endpoint signatures are built at run time
# from each query file, and FastAPI must see the real classes, not strings.

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from stkg.api.deps import ReaderDep
from stkg.api.envelope import Envelope, OutputFormat, respond
from stkg.queries.catalog import NamedQuery, load_catalog


class QueryInfo(BaseModel):
    name: str
    title: str
    description: str
    params: list[dict[str, Any]]
    cypher: str
    example: str


def build_router() -> APIRouter:
    router = APIRouter(prefix="/queries", tags=["named queries"])
    catalog = load_catalog()

    @router.get("", summary="The catalogue of named queries", response_model=list[QueryInfo])
    async def list_queries() -> list[QueryInfo]:
        return [_info(q) for q in catalog.values()]

    for named in catalog.values():
        router.add_api_route(
            f"/{named.name}",
            _endpoint(named),
            methods=["GET"],
            summary=named.title,
            description=named.description + _example(named),
            response_model=Envelope,
            name=f"query_{named.name}",
        )
    return router


def _endpoint(named: NamedQuery) -> Any:
    model = named.model(forbid_extra=False)

    async def run(
        request: Request,
        db: ReaderDep,
        params: Annotated[model, Query()],  # type: ignore[valid-type]
        _size: Annotated[int, Query(ge=1, le=10_000, description="Rows at most")] = 1000,
        _format: OutputFormat = "json",
    ) -> Envelope | Response:
        rows = await db.rows(named.cypher, params.model_dump(), max_rows=_size)  # type: ignore[attr-defined]
        return respond(request, rows, _format)

    run.__name__ = f"query_{named.name.replace('-', '_')}"
    return run


def _info(q: NamedQuery) -> QueryInfo:
    params = [
        {
            "name": p.name,
            "type": p.type,
            "required": p.required,
            "default": p.default,
            "description": p.description,
            "example": p.example,
        }
        for p in q.params
    ]
    return QueryInfo(
        name=q.name,
        title=q.title,
        description=q.description,
        params=params,
        cypher=q.cypher,
        example=q.example,
    )


def _example(q: NamedQuery) -> str:
    return f"\n\nExample: `{q.example}`" if q.example else ""
