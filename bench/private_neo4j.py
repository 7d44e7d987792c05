"""A Neo4j of the bench's own: a store in a folder it is given, free loopback ports.

The benches that write, restart or time a server (``bench.soak``, ``bench.backup_restore``,
``bench.neo4j_start``) never use a server someone else runs: they start this one through
the very code ``stkg neo4j start`` uses (:class:`~stkg.graph.local.server.LocalNeo4j`).
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from stkg.config.settings import Settings
from stkg.graph.local.server import LocalNeo4j


def free_port() -> int:
    """A TCP port nothing listens on at the moment, on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def private_settings(home: Path, **extra: Any) -> Settings:
    """Settings of a private server: its state in ``home``, Bolt and HTTP on free ports.

    ``extra``: other settings (e.g. ``cache_dir`` for an empty jar cache).
    """
    return Settings(
        neo4j_uri=f"bolt://127.0.0.1:{free_port()}",
        neo4j_http_port=free_port(),
        home=home,
        **extra,
    )


@contextmanager
def private_neo4j(home: Path, **extra: Any) -> Iterator[LocalNeo4j]:
    """A private server (:func:`private_settings`), started quietly, stopped on leaving.

    The caller may stop and start it meanwhile (``server.settings`` says where it is);
    ``home`` is left in place, for the caller's temporary folder to remove.
    """
    server = LocalNeo4j(private_settings(home, **extra))
    server.start(quiet=True)
    try:
        yield server
    finally:
        server.stop()
