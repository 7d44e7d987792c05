"""What a route may ask FastAPI for: the settings, the app's one ``Graph``, a ``Reader``.

The app opens one driver in its lifespan (:func:`stkg.api.app.create_app`) and keeps one
``Graph`` over it; routes declare what they need as annotated parameters, the way the
FastAPI project template's ``deps.py`` does::

    async def route(db: ReaderDep, settings: SettingsDep) -> ...

and never reach into ``request.app.state`` themselves. The providers are ``async`` so
FastAPI calls them on the event loop instead of in a worker thread.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from typing import Annotated

from fastapi import Depends, Request

from stkg.api.analyst import AnalystPool, Slot
from stkg.api.db import Reader
from stkg.api.metrics import ApiMetrics
from stkg.api.problems import Problem
from stkg.config.settings import Settings
from stkg.graph.driver import Graph
from stkg.graph.sparql import SparqlStore


async def app_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    return request.app.state.settings


async def app_graph(request: Request) -> Graph:
    """The app's one ``Graph`` (its driver opened in the lifespan)."""
    return request.app.state.graph


SettingsDep = Annotated[Settings, Depends(app_settings)]
GraphDep = Annotated[Graph, Depends(app_graph)]


async def reader(request: Request, graph: GraphDep, settings: SettingsDep) -> Reader:
    """Reads for this request, timed under its route's metrics."""
    return Reader(graph, settings, request)


ReaderDep = Annotated[Reader, Depends(reader)]


async def app_metrics(request: Request) -> ApiMetrics:
    """The app's Prometheus registry and instruments."""
    return request.app.state.metrics


MetricsDep = Annotated[ApiMetrics, Depends(app_metrics)]


async def analyst_slot(request: Request, settings: SettingsDep) -> AsyncIterator[Slot]:
    """A slot of the analyst pool for this ``/cypher`` request; 429 when all are taken.

    The route hands the slot to the thread that runs the query (``slot.hold``), which frees
    it when the query ends; a request that ends before that frees it here.
    """
    pool: AnalystPool = request.app.state.analyst_pool
    refusal = (
        "Too many analyst queries",
        f"{pool.size} analyst queries are running, as many as this service runs at once "
        "(STKG_API_CYPHER_CONCURRENCY); retry after the time in Retry-After.",
    )
    with _taken(pool, refusal, settings) as slot:
        yield slot


AnalystSlotDep = Annotated[Slot, Depends(analyst_slot)]


async def sparql_store(request: Request) -> SparqlStore:
    """The app's one SPARQL store (built on a first query, :mod:`stkg.graph.sparql`)."""
    return request.app.state.sparql


SparqlStoreDep = Annotated[SparqlStore, Depends(sparql_store)]


async def sparql_slot(request: Request, settings: SettingsDep) -> AsyncIterator[Slot]:
    """A slot of the SPARQL pool for this ``/sparql`` request; 429 when all are taken.

    As for ``/cypher``: the thread evaluating the query holds the slot until Oxigraph is
    done, past the request's timeout too (Oxigraph cannot stop a query).
    """
    pool: AnalystPool = request.app.state.sparql_pool
    refusal = (
        "Too many SPARQL queries",
        f"{pool.size} SPARQL queries are being evaluated, as many as this service runs at "
        "once (STKG_SPARQL_CONCURRENCY); retry after the time in Retry-After.",
    )
    with _taken(pool, refusal, settings) as slot:
        yield slot


@contextmanager
def _taken(pool: AnalystPool, refusal: tuple[str, str], settings: Settings) -> Iterator[Slot]:
    """A slot of ``pool`` for one request, freed here if no query took it over; 429 with
    ``refusal`` (title, detail) when all are taken."""
    slot = pool.try_take()
    if slot is None:
        title, detail = refusal
        raise Problem(
            429,
            title,
            detail,
            headers={"Retry-After": str(settings.api_cypher_retry_after)},
            limit=pool.size,
        )
    try:
        yield slot
    finally:
        slot.release_unused()


SparqlSlotDep = Annotated[Slot, Depends(sparql_slot)]
