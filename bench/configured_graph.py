"""The graph a bench measures when it starts no server of its own: the configured Neo4j
(``STKG_NEO4J_*``), opened for one run and closed after it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from stkg.config.settings import get_settings
from stkg.graph.driver import Graph, new_driver


@contextmanager
def configured_graph() -> Iterator[Graph]:
    """The configured database, its driver closed when the block ends."""
    settings = get_settings()
    driver = new_driver(settings)
    try:
        yield Graph(driver, settings.neo4j_database)
    finally:
        driver.close()
