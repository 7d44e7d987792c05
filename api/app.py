"""The FastAPI application: one async Neo4j driver per process, opened in the lifespan."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from neo4j import AsyncDriver, AsyncGraphDatabase

from stkg import __version__
from stkg.api.problems import Problem, install_problem_handlers
from stkg.api.routes import cypher, queries
from stkg.graph.driver import auth_for
from stkg.settings import Settings, get_settings


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; tests pass their own settings, ``stkg serve`` the environment's."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        driver = AsyncGraphDatabase.driver(
            settings.neo4j_uri,
            auth=auth_for(settings),
            connection_timeout=3.0,
            connection_acquisition_timeout=5.0,
            max_transaction_retry_time=3.0,
            user_agent=f"stkg-api/{__version__}",
        )
        app.state.driver = driver
        app.state.settings = settings
        try:
            yield
        finally:
            await driver.close()

    app = FastAPI(
        title="stkg",
        version=__version__,
        summary="Lineage questions over Korea's strategic-technology roadmaps.",
        lifespan=lifespan,
    )
    install_problem_handlers(app)
    app.include_router(queries.build_router())
    app.include_router(cypher.router)

    @app.get("/health", tags=["service"], summary="The process is up")
    async def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    @app.get("/ready", tags=["service"], summary="Neo4j answers")
    async def ready(request: Request) -> dict[str, Any]:
        driver: AsyncDriver = request.app.state.driver
        try:
            info = await driver.get_server_info()
        except Exception as exc:  # any failure to reach the server means "not ready"
            raise Problem(
                503, "Not ready", f"Neo4j is not reachable: {type(exc).__name__}"
            ) from exc
        return {"status": "ready", "neo4j": str(info.address), "agent": info.agent}

    return app
