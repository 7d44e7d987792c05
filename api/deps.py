"""What a route may ask FastAPI for: the settings, the app's one ``Graph``, a ``Reader``.

The app opens one driver in its lifespan (:func:`stkg.api.app.create_app`) and keeps one
``Graph`` over it; routes declare what they need as annotated parameters, the way the
FastAPI project template's ``deps.py`` does::

    async def route(db: ReaderDep, settings: SettingsDep) -> ...

and never reach into ``request.app.state`` themselves. The providers are ``async`` so
FastAPI calls them on the event loop instead of in a worker thread.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from stkg.api.db import Reader
from stkg.api.metrics import ApiMetrics
from stkg.config.settings import Settings
from stkg.graph.driver import Graph


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
