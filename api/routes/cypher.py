"""``POST /cypher``: read-only Cypher for analysts, planned and judged before it runs."""

from __future__ import annotations

from typing import Any

import neo4j
from fastapi import APIRouter
from fastapi.responses import Response
from neo4j import ManagedTransaction
from neo4j.exceptions import ClientError
from pydantic import BaseModel, Field

from stkg.api.db import Rows, in_thread
from stkg.api.deps import GraphDep, SettingsDep
from stkg.api.envelope import Envelope, json_response
from stkg.api.problems import Problem
from stkg.graph.readonly import judge_plan
from stkg.graph.serialize import collect_rows

router = APIRouter(tags=["cypher"])
MAX_ROWS = 10_000


class CypherRequest(BaseModel):
    query: str = Field(..., min_length=1, max_length=20_000, examples=["MATCH (n) RETURN count(n)"])
    params: dict[str, Any] = Field(default_factory=dict)
    max_rows: int = Field(1000, ge=1, le=MAX_ROWS)
    timeout: float = Field(10.0, gt=0, le=60, description="Seconds before the query is cancelled")


@router.post(
    "/cypher",
    response_model=Envelope,
    summary="Run read-only Cypher",
    description="Runs in a READ transaction with a timeout and a row cap. Writes, schema "
    "changes, LOAD CSV, CALL … IN TRANSACTIONS and procedures other than schema "
    "introspection and full-text search are refused with 403.",
    responses={403: {"description": "not read-only"}, 400: {"description": "invalid Cypher"}},
)
async def run_cypher(graph: GraphDep, settings: SettingsDep, body: CypherRequest) -> Response:
    timeout = min(body.timeout, settings.neo4j_timeout)

    def work(tx: ManagedTransaction) -> Rows:
        explained = tx.run("EXPLAIN " + body.query, body.params)  # type: ignore[arg-type]
        summary = explained.consume()
        verdict = judge_plan(summary.query_type, summary.plan)
        if not verdict.allowed:
            raise Problem(403, "Query refused", verdict.reason)
        result = tx.run(body.query, body.params)  # type: ignore[arg-type]
        return collect_rows(result, body.max_rows)

    def read() -> Rows:
        with graph.driver.session(
            database=graph.database, default_access_mode=neo4j.READ_ACCESS
        ) as session:
            return session.execute_read(neo4j.unit_of_work(timeout=timeout)(work))

    try:
        rows = await in_thread(read, timeout)
    except ClientError as exc:
        raise _client_problem(exc) from exc
    return json_response(Envelope(columns=rows.columns, rows=rows.rows, truncated=rows.truncated))


def _client_problem(exc: ClientError) -> Problem:
    code = exc.code or ""
    if "Transaction" in code and ("Timed" in code or "Terminated" in code):
        return Problem(408, "Query timed out", "The query ran past its timeout and was cancelled.")
    if "AccessMode" in code or "Forbidden" in code or "Security" in code:
        return Problem(403, "Query refused", exc.message or "not allowed")
    return Problem(400, "Invalid Cypher", exc.message or code)
