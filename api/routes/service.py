"""``/ready`` and ``/metrics``: what an orchestrator and a Prometheus server poll.

Ready means Neo4j answers; the answer also says whether the ontology has been synced into
it (the ``Entity`` id constraint exists and the schema nodes are there), since lookups are
slower and search falls back to substring matching until ``stkg ontology sync`` has run.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from stkg.api.db import in_thread
from stkg.api.deps import MetricsDep, ReaderDep
from stkg.api.problems import Problem
from stkg.api.terms import ontology
from stkg.graph.cypher.status import CONSTRAINT_EXISTS, SCHEMA_NODES
from stkg.graph.schema import PREFIX

router = APIRouter(tags=["service"])


def entity_constraint() -> str:
    """Name of the uniqueness constraint sync creates on ``Entity`` ids."""
    entity = ontology().cls("Entity")
    return f"{PREFIX}{entity.label}_{entity.key}"


@router.get(
    "/ready",
    summary="Neo4j answers; says whether the ontology is synced",
    responses={503: {"description": "Neo4j cannot be reached"}},
)
async def ready(db: ReaderDep) -> dict[str, Any]:
    try:
        timeout = db.settings.neo4j_timeout
        info = await in_thread(db.graph.driver.get_server_info, timeout)
        constraint = await db.rows(CONSTRAINT_EXISTS, {"constraint": entity_constraint()})
        schema = await db.rows(SCHEMA_NODES, {})
    except Exception as exc:  # any failure to reach the server means "not ready"
        raise Problem(503, "Not ready", f"Neo4j is not reachable: {type(exc).__name__}") from exc
    row = {**constraint.rows[0], **schema.rows[0]}
    synced = bool(row["constraints"]) and bool(row["classes"])
    return {
        "status": "ready",
        "neo4j": str(info.address),
        "agent": info.agent,
        "ontology": {
            "synced": synced,
            "constraint": bool(row["constraints"]),
            "schemaClasses": row["classes"],
            "graphVersion": row["version"],
            "shippedVersion": ontology().version_iri,
        },
    }


@router.get("/metrics", summary="Prometheus metrics", response_class=Response)
async def metrics(registry: MetricsDep) -> Response:
    return Response(generate_latest(registry.registry), media_type=CONTENT_TYPE_LATEST)
