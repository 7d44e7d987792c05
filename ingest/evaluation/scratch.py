"""A scratch graph for scoring: its own local Neo4j, or a server the caller names.

Either way the graph is emptied and the ontology synced before anything is ingested, so
a score never depends on what an earlier run left behind.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from stkg.config.settings import Settings, get_settings
from stkg.graph.driver import Graph, get_driver
from stkg.graph.local.server import LocalNeo4j
from stkg.graph.schema import sync
from stkg.graph.wipe import wipe

SCRATCH_BOLT_PORT = 7691
SCRATCH_HTTP_PORT = 7476


def scratch_settings(base: Settings | None = None) -> Settings:
    base = base or get_settings()
    return base.model_copy(
        update={
            "neo4j_uri": f"bolt://127.0.0.1:{SCRATCH_BOLT_PORT}",
            "neo4j_http_port": SCRATCH_HTTP_PORT,
            "home": base.home / "eval",
        }
    )


@contextmanager
def scratch_graph(uri: str | None = None) -> Iterator[Graph]:
    """An empty, synced graph: at ``uri`` if given, else a local server started for it."""
    settings = get_settings()
    server = None
    if uri is not None:
        settings = settings.model_copy(update={"neo4j_uri": uri})
    else:
        settings = scratch_settings(settings)
        server = LocalNeo4j(settings)
        _, started = server.start(quiet=True)
        if not started:
            server = None  # somebody else's: leave it running
    graph = Graph(get_driver(settings), settings.neo4j_database)
    try:
        wipe(graph)
        sync(graph)
        yield graph
    finally:
        if server is not None:
            server.stop()
