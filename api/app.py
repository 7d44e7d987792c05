"""The FastAPI application: one Neo4j driver and one ``Graph`` per process, opened in the
lifespan; routes get them as dependencies (:mod:`stkg.api.deps`).

The driver is the synchronous one, called from worker threads (see :mod:`stkg.api.db`)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio.to_thread
from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware

from stkg.api.analyst import AnalystPool
from stkg.api.answers import (
    NOT_MODIFIED,
    Answers,
    CacheHeaders,
    after_write,
    answer_epoch,
    conditional_get,
    install_answered,
)
from stkg.api.head import HeadAsGet
from stkg.api.limits import BodyLimit
from stkg.api.metrics import RequestMetrics, create_metrics
from stkg.api.openapi import install_openapi
from stkg.api.problems import install_problem_handlers
from stkg.api.routes import (
    admin,
    classes,
    cypher,
    documents,
    entities,
    history,
    lineage,
    programmes,
    provenance,
    queries,
    search,
    service,
    sparql,
    technologies,
    vocabulary,
)
from stkg.api.ui import install_ui
from stkg.config.settings import Settings, get_settings
from stkg.config.version import __version__
from stkg.graph.driver import Graph, new_driver
from stkg.graph.sparql import SparqlStore
from stkg.ontology.model import default_paths, load_ontology
from stkg.queries.catalog import load_catalog


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; tests pass their own settings, ``stkg serve`` the environment's."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        driver = new_driver(
            settings,
            connection_timeout=3.0,
            connection_acquisition_timeout=5.0,
            # one quick retry: an outage answers 503 + Retry-After in about a second
            # instead of stacking back-offs past any client's timeout. The driver retries
            # while less than this has passed since the first failure, after a first
            # back-off of 0.8-1.2 s: at 1.0 a jittered back-off under 1 s bought a second
            # retry 2 s later (an outage answered in 1 s or in 3 s); at 0.5, one retry only
            max_transaction_retry_time=0.5,
            user_agent=f"stkg-api/{__version__}",
            notifications_min_severity="OFF",
        )
        app.state.graph = Graph(driver, settings.neo4j_database, settings.neo4j_timeout)
        app.state.settings = settings
        app.state.sparql = SparqlStore(
            app.state.graph,
            load_ontology(),
            unversioned_max_age=settings.sparql_unversioned_max_age,
            incremental_max_nodes=settings.sparql_incremental_max_nodes,
        )
        try:
            yield
        finally:
            # queries answered 408 may still be reading through the driver: let them end
            for pool in (app.state.analyst_pool, app.state.sparql_pool):
                await anyio.to_thread.run_sync(pool.drain, settings.neo4j_timeout)
            await anyio.to_thread.run_sync(driver.close)

    app = FastAPI(
        title="stkg",
        version=__version__,
        summary="Lineage questions over Korea's strategic-technology roadmaps.",
        lifespan=lifespan,
    )
    install_problem_handlers(app)
    app.state.metrics = create_metrics()
    app.state.analyst_pool = pool = AnalystPool(settings.api_cypher_concurrency)
    app.state.metrics.cypher_slots.set_function(lambda: pool.in_use)
    app.state.sparql_pool = AnalystPool(settings.sparql_concurrency)
    # the answer cache is opt-in (STKG_API_CACHE_BYTES > 0); off, no request reads the
    # graph version and the routes run exactly as they would without this module
    app.state.answers = answers = _answers(app, settings) if settings.api_cache_bytes else None
    # the GET routes whose answer the graph alone decides: ETag, 304, the answer cache
    # (not /documents/{id}/context, which re-reads the ingested file from disk)
    by_graph: dict[str, Any] = {}
    kept: dict[str, Any] = {}
    written: dict[str, Any] = {}
    if answers is not None:
        install_answered(app)
        by_graph = {"dependencies": [Depends(conditional_get)], "responses": NOT_MODIFIED}
        # before the route's own dependencies: a kept answer takes no analyst slot
        kept = {"dependencies": [Depends(cypher.kept_answer)]}
        written = {"dependencies": [Depends(after_write)]}
    app.include_router(queries.build_router(), **by_graph)
    app.include_router(cypher.router, **kept)
    # /entities/{id}/programmes before /entities/{id}: ids may contain "/" (IRIs)
    app.include_router(programmes.router, **by_graph)
    app.include_router(entities.router, **by_graph)
    app.include_router(classes.router, **by_graph)
    app.include_router(lineage.router, **by_graph)
    app.include_router(provenance.router, **by_graph)
    app.include_router(documents.router)
    app.include_router(vocabulary.router, **by_graph)
    app.include_router(history.router, **by_graph)
    app.include_router(technologies.router, **by_graph)
    app.include_router(search.router, **by_graph)
    app.include_router(admin.router, **written)
    app.include_router(service.router)
    # the SPARQL store keeps its own version (graph/sparql.py): no answer cache, no ETags
    app.include_router(sparql.router)
    _add_middleware(app, settings)
    install_openapi(app)
    install_ui(app)

    @app.get("/health", tags=["service"], summary="The process is up")
    async def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    return app


def _answers(app: FastAPI, settings: Settings) -> Answers:
    """The answer cache and version clock; the epoch covers the code answers depend on."""
    sources = [p.read_bytes() for p in default_paths()]
    sources += [q.cypher.encode("utf-8") for q in load_catalog().values()]
    return Answers(settings, answer_epoch(__version__, sources), lambda: app.state.graph)


def _add_middleware(app: FastAPI, settings: Settings) -> None:
    """Innermost first: the cache headers (when the answer cache is on), HEAD as GET, the
    body limit, then CORS, then metrics around everything."""
    answers: Answers | None = app.state.answers
    if answers is not None:
        app.add_middleware(CacheHeaders, answers=answers)
    app.add_middleware(HeadAsGet)
    app.add_middleware(BodyLimit, max_body=settings.api_max_body)
    if settings.api_cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.api_cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Accept", "Content-Type", "X-API-Key"],
            expose_headers=["Link", "Retry-After", *(["ETag"] if answers else [])],
        )
    app.add_middleware(RequestMetrics, metrics=app.state.metrics)
