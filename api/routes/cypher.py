"""``POST /cypher``: read-only Cypher for analysts, planned and judged before it runs.

The query runs once (``stkg.graph.readonly.run_read_only``: an explicit READ transaction,
never retried), in a slot of the analyst pool (``stkg.api.analyst``); its own faults answer
400, 403, 408 or 422 (``stkg.api.problems.query_problem``), an unreachable Neo4j 503.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from stkg.api.analyst import run_analyst_query
from stkg.api.answers import AnswersDep, cached_cypher
from stkg.api.deps import AnalystSlotDep, GraphDep, MetricsDep, SettingsDep
from stkg.api.envelope import Envelope, json_response

router = APIRouter(tags=["cypher"])
MAX_ROWS = 10_000


class CypherRequest(BaseModel):
    query: str = Field(..., min_length=1, max_length=20_000, examples=["MATCH (n) RETURN count(n)"])
    params: dict[str, Any] = Field(default_factory=dict)
    max_rows: int = Field(1000, ge=1, le=MAX_ROWS)
    timeout: float = Field(10.0, gt=0, le=60, description="Seconds before the query is cancelled")


async def kept_answer(request: Request, answers: AnswersDep) -> None:
    """The answer kept for this query at this graph version, before a slot is taken
    (:func:`stkg.api.answers.cached_cypher`); an invalid body is left to the route's 422.
    A dependency of the router only when the answer cache is on (``api/app.py``)."""
    try:
        body = CypherRequest.model_validate(await request.json())
    except ValueError:
        return
    await cached_cypher(request, answers, body.query, body.params, body.max_rows)


@router.post(
    "/cypher",
    response_model=Envelope,
    summary="Run read-only Cypher",
    description="Runs once, in a READ transaction with a timeout, a row cap and the memory "
    "limit of one transaction. Writes, schema changes, LOAD CSV, CALL … IN TRANSACTIONS and "
    "procedures other than schema introspection and full-text search are refused with 403. "
    "At most `STKG_API_CYPHER_CONCURRENCY` queries run at once; one more gets 429 with "
    "Retry-After. With the answer cache on (`STKG_API_CACHE_BYTES`), the same query with "
    "the same parameters and row cap is answered from it until the graph changes (not a "
    "query reading the clock or random values).",
    responses={
        400: {"description": "invalid Cypher"},
        403: {"description": "not read-only"},
        408: {"description": "the query ran past its timeout"},
        422: {"description": "the query needs more memory than one query may use"},
        429: {"description": "every analyst slot is taken; see Retry-After"},
        503: {"description": "Neo4j cannot be reached; see Retry-After"},
    },
)
async def run_cypher(
    graph: GraphDep,
    settings: SettingsDep,
    metrics: MetricsDep,
    slot: AnalystSlotDep,
    body: CypherRequest,
) -> Response:
    rows = await run_analyst_query(
        graph,
        slot,
        metrics,
        body.query,
        body.params,
        timeout=min(body.timeout, settings.neo4j_timeout),
        max_rows=body.max_rows,
    )
    return json_response(Envelope(columns=rows.columns, rows=rows.rows, truncated=rows.truncated))
