"""Session fixtures: one real Neo4j per test process, and a clean graph per test.

The tests never touch the server `stkg up` runs for people: they use their own, at
STKG_TEST_NEO4J_URI (default bolt://127.0.0.1:7688) with its store under .stkg/test-<port>.
The suite runs in parallel (pytest-xdist, one process per core, a test file at a time):
each worker has a server of its own, its ports 10 apart (worker gw1 at 7698 and 7485).
If stkg's own test server (started from that store) already answers there it is reused
(fast local iterations); any other server answering there is refused, because every test
empties the graph (set STKG_TEST_REUSE_ANY_NEO4J=1 to allow it). Otherwise one is started
through the very code path `stkg neo4j start` uses, and stopped at the end unless
STKG_TEST_KEEP_NEO4J=1.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import GraphDatabase

from stkg.config.settings import Settings, get_settings
from stkg.graph.driver import Graph, close_drivers, get_driver
from stkg.graph.local.server import LocalNeo4j
from stkg.graph.wipe import wipe

REPO = Path(__file__).resolve().parents[1]


#: How far apart the ports of two parallel workers' servers are (pytest-xdist: gw0, gw1, …).
WORKER_PORT_STEP = 10


def _worker_offset() -> int:
    """Ports to add for this pytest-xdist worker: each worker runs its own test server,
    since every test empties the graph it uses (0 without xdist and for the first worker)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    return int(worker.removeprefix("gw") or 0) * WORKER_PORT_STEP


def _test_settings() -> Settings:
    uri = os.environ.get("STKG_TEST_NEO4J_URI", "bolt://127.0.0.1:7688")
    host, _, port = uri.rpartition(":")
    offset = _worker_offset()
    settings = Settings(
        neo4j_uri=f"{host}:{int(port) + offset}",
        neo4j_password=os.environ.get("STKG_TEST_NEO4J_PASSWORD") or None,
        neo4j_http_port=int(os.environ.get("STKG_TEST_NEO4J_HTTP_PORT", "7475")) + offset,
    )
    # one store per port, so two test servers side by side never share a store
    return settings.model_copy(update={"home": REPO / ".stkg" / f"test-{settings.bolt_port}"})


def _answers(settings: Settings) -> bool:
    auth = (settings.neo4j_user, settings.password) if settings.password else None
    try:
        with GraphDatabase.driver(settings.neo4j_uri, auth=auth, connection_timeout=2) as d:
            d.verify_connectivity()
        return True
    except Exception:
        return False


@pytest.fixture(scope="session")
def neo4j_settings() -> Iterator[Settings]:
    """Settings pointing at the test server, started if nothing answers there."""
    settings = _test_settings()
    server = LocalNeo4j(settings)
    started = False
    if not _answers(settings):
        _, started = server.start(quiet=True)
    elif not server.status().running and os.environ.get("STKG_TEST_REUSE_ANY_NEO4J") != "1":
        # the tests empty the graph before each test: never someone else's server
        pytest.exit(
            f"A Neo4j that is not stkg's test server (no live process from {server.home}) "
            f"answers at {settings.neo4j_uri}, and the tests delete every node in the graph "
            "they use. Point STKG_TEST_NEO4J_URI at a free port, or set "
            "STKG_TEST_REUSE_ANY_NEO4J=1 if that server's data may be deleted.",
            returncode=4,
        )
    yield settings
    close_drivers()
    if started and os.environ.get("STKG_TEST_KEEP_NEO4J") != "1":
        server.stop()


@pytest.fixture(scope="session")
def session_graph(neo4j_settings: Settings) -> Graph:
    return Graph(get_driver(neo4j_settings), neo4j_settings.neo4j_database)


@pytest.fixture
def graph(session_graph: Graph) -> Graph:
    """The test server's graph, emptied of data before the test (schema is kept; in
    batches when a bench left a graph too big for one transaction, see ``stkg.graph.wipe``)."""
    wipe(session_graph)
    return session_graph


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The shared seed documents, beside the repository (or STKG_SEEDS_DIR)."""
    path = Path(os.environ.get("STKG_SEEDS_DIR", REPO.parent / "shared" / "seeds"))
    if not (path / "expected.json").exists():
        raise RuntimeError(f"seed documents not found in {path}; set STKG_SEEDS_DIR")
    return path


@pytest.fixture
def cli_settings(neo4j_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    """The test server's connection in the environment, for CLI commands invoked in-process
    (``CliRunner``): their settings are read again, and forgotten after the test."""
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.neo4j_uri)
    monkeypatch.setenv("NEO4J_DATABASE", neo4j_settings.neo4j_database)
    if neo4j_settings.password:
        monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.password)
    get_settings.cache_clear()
    yield neo4j_settings
    get_settings.cache_clear()


SEED_FILES = ("000_f874dc3d0926f1b7.txt", "004_2e30ccd89939a41a.txt")


@pytest.fixture(scope="module")
def seeded(session_graph: Graph, seeds_dir: Path) -> Graph:
    """The test graph holding exactly the two seed releases (once per test module)."""
    from stkg.ingest.files import ingest_paths
    from stkg.ontology.model import load_ontology

    wipe(session_graph)
    report = ingest_paths([seeds_dir / f for f in SEED_FILES], session_graph, load_ontology())
    assert [d.status for d in report.documents] == ["written", "written"], report
    return session_graph


@pytest.fixture(scope="module")
def sampled(session_graph: Graph, tmp_path_factory: pytest.TempPathFactory) -> Graph:
    """The test graph holding exactly the sample corpus (``samples/``, as `stkg up` ingests
    it) and its crosswalks, with no reviewed decisions (once per test module)."""
    from stkg.graph.crosswalk import refresh
    from stkg.ingest.files import expand_paths, ingest_paths
    from stkg.ontology.model import load_ontology

    wipe(session_graph)
    files = expand_paths([REPO / "samples"])
    report = ingest_paths(files, session_graph, load_ontology())
    assert {d.status for d in report.documents} == {"written"}, report
    refresh(session_graph, path=tmp_path_factory.mktemp("crosswalks") / "none.ttl")
    return session_graph


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    """A folder for one test module's files (tmp_path is per test; Hypothesis tests need
    one that outlives an example)."""
    with tempfile.TemporaryDirectory(prefix="stkg-scratch-") as folder:
        yield Path(folder)
