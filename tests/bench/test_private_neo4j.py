"""The benches' private Neo4j (``bench/private_neo4j.py``): its settings, without starting it.

Starting it is the launcher's code path, tested in ``tests/graph/test_server.py``; what the
benches add is where the server lives: a home of their choosing and free loopback ports.
"""

from __future__ import annotations

from pathlib import Path

from bench_modules import bench_module

PRIVATE = bench_module("private_neo4j")


def test_private_settings_use_the_given_home_and_free_loopback_ports(tmp_path: Path) -> None:
    settings = PRIVATE.private_settings(tmp_path / "state", cache_dir=tmp_path / "cache")
    assert settings.home == tmp_path / "state"
    assert settings.cache_dir == tmp_path / "cache"
    assert settings.neo4j_uri == f"bolt://127.0.0.1:{settings.bolt_port}"
    assert 1024 <= settings.bolt_port <= 65535 and 1024 <= settings.neo4j_http_port <= 65535
