"""One benchmark run at a scale: wipe, sync, load three ways, query, measure the store.

Called by ``python -m bench`` (see its ``--help``: it WIPES the database at NEO4J_URI).
The order matters: the anchors load first and their patents are deleted, then stkg's
writer loads every patent last, so the queries and the store size are measured on the
graph users would have written.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import platform
import resource
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import psutil
from neo4j import GraphDatabase

from bench import bulk_load
from bench.generate import Scale, document, field_id, patents, programme_id, skeleton
from bench.query_latency import Latency, api_latencies, bare_latencies
from stkg.graph.driver import Graph, auth_for
from stkg.graph.schema import sync
from stkg.graph.server import LocalNeo4j
from stkg.graph.writer import FactWriter
from stkg.ontology.model import load_ontology
from stkg.settings import Settings, get_settings

__all__ = ["BenchError", "Config", "Result", "run"]

#: relationships first, then nodes: DETACH DELETE of a node with 100k+ relationships (a
#: popular applicant) in one inner transaction can exhaust the heap
WIPE = (
    "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS",
    "MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS",
)


class BenchError(RuntimeError):
    """The run cannot go on (e.g. the server's import directory is not on this machine)."""


@dataclass(frozen=True)
class Config:
    scale: int
    batch: int = 5000
    naive_rows: int = 300
    requests: int = 200
    store_size: bool = True  # stop and restart the local server to measure its store


@dataclass
class Result:
    config: Config
    date: str
    machine: str
    neo4j: str
    nodes: int = 0
    relationships: int = 0
    skeleton_seconds: float = 0.0
    loads: dict[str, bulk_load.LoadTiming] = field(default_factory=dict)
    bare: dict[str, Latency] = field(default_factory=dict)
    api: dict[str, Latency] = field(default_factory=dict)
    peak_rss_mib: float = 0.0
    store_mib: float | None = None
    tx_log_mib: float | None = None


def run(
    config: Config,
    settings: Settings | None = None,
    progress: Callable[[str], None] = lambda _m: None,
) -> Result:
    """Wipe and sync the database of ``settings``, then measure everything at ``config``."""
    settings = (settings or get_settings()).model_copy(update={"neo4j_timeout": 3600.0})
    # a driver of its own (not the process-wide one): the store-size step closes it
    driver = GraphDatabase.driver(settings.neo4j_uri, auth=auth_for(settings),
                                  notifications_min_severity="OFF")  # fmt: skip
    try:
        return _run(config, settings, Graph(driver, settings.neo4j_database, 3600.0), progress)
    finally:
        driver.close()


def _run(
    config: Config, settings: Settings, graph: Graph, progress: Callable[[str], None]
) -> Result:
    info = graph.server_info()
    result = Result(
        config, dt.date.today().isoformat(), machine(), f"{info.edition} {info.version}"
    )
    scale = Scale(config.scale)
    onto = load_ontology()
    writer = FactWriter(graph, onto)

    progress(f"wiping and syncing {settings.neo4j_uri}")
    wipe(graph)
    sync(graph)
    facts = skeleton(scale)
    began = time.perf_counter()
    writer.write_document(document("skeleton", f"skeleton:{scale}"), facts)
    result.skeleton_seconds = time.perf_counter() - began
    progress(f"skeleton: {len(facts.nodes):,} nodes in {result.skeleton_seconds:.1f}s")

    _anchors(graph, scale, config, result, progress)
    progress(f"stkg writer: {config.scale:,} patents, {config.batch:,} per document")
    step = max(config.batch, config.scale // 10)

    def written(done: int) -> None:
        if done % step < config.batch or done == config.scale:
            progress(f"  {done:,} patents written")

    result.loads["stkg"] = bulk_load.stkg_writer(graph, writer, scale, config.batch, written)

    after = graph.server_info()
    result.nodes, result.relationships = after.nodes, after.relationships

    progress(f"query latency: {config.requests} requests per query and side")
    field, programme = field_id(0), programme_id(0)
    result.bare = bare_latencies(graph.driver, graph.database, field, programme, config.requests)
    api_settings = settings.model_copy(update={"api_keys": [], "neo4j_timeout": 60.0})
    result.api = api_latencies(api_settings, field, programme, config.requests)

    result.peak_rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if config.store_size:
        progress("restarting the server so its store is checkpointed, for du")
        result.store_mib, result.tx_log_mib = store_size(graph, settings)
    return result


def _anchors(
    graph: Graph, scale: Scale, config: Config, result: Result, progress: Callable[[str], None]
) -> None:
    """LOAD CSV of every row, then the naive client on a subset; patents deleted after each."""
    import_dir = server_directory(graph, "server.directories.import")
    if import_dir is None or not import_dir.parent.exists():
        raise BenchError(
            f"the import directory of the server ({import_dir}) is not on this machine: "
            "LOAD CSV needs the CSV file there; run the benchmark beside its server"
        )
    import_dir.mkdir(parents=True, exist_ok=True)
    csv_path = import_dir / bulk_load.CSV_NAME
    try:
        rows = bulk_load.write_csv(csv_path, patents(scale))
        progress(f"LOAD CSV: {rows:,} rows from {csv_path.name}")
        result.loads["load_csv"] = bulk_load.load_csv(graph, csv_path.name, rows, config.batch)
    finally:
        csv_path.unlink(missing_ok=True)
    _check_loaded(graph, rows, "LOAD CSV")
    bulk_load.delete_patents(graph)

    subset = list(itertools.islice(patents(scale), min(config.naive_rows, config.scale)))
    progress(f"naive: {len(subset):,} rows, one transaction each")
    result.loads["naive"] = bulk_load.naive(graph, subset)
    _check_loaded(graph, len(subset), "naive MERGE")
    bulk_load.delete_patents(graph)


def _check_loaded(graph: Graph, expected: int, who: str) -> None:
    found = bulk_load.patent_count(graph)
    if found != expected:
        raise BenchError(f"{who} wrote {found} patents, expected {expected}")


def wipe(graph: Graph) -> None:
    """Delete everything in batches (IN TRANSACTIONS needs an auto-commit query)."""
    with graph.driver.session(database=graph.database) as session:
        for statement in WIPE:
            session.run(statement).consume()


def server_directory(graph: Graph, name: str) -> Path | None:
    """A directory setting of the server (``SHOW SETTINGS``), or None when not readable."""
    try:
        rows = graph.read("SHOW SETTINGS YIELD name, value WHERE name = $name RETURN value",
                          name=name)  # fmt: skip
    except Exception:  # an old or restricted server: fall back to None
        return None
    return Path(rows[0]["value"]) if rows and rows[0]["value"] else None


def store_size(graph: Graph, settings: Settings) -> tuple[float | None, float | None]:
    """MiB on disk (``du``) of the database's store and of its transaction logs.

    Neo4j keeps recent writes in its page cache until a checkpoint, and Community has no
    ``db.checkpoint()``; only a clean shutdown checkpoints. So the local server this
    machine runs for ``settings`` (``stkg neo4j start``) is stopped, measured and started
    again. Anything else (a remote or foreign server) gives None: not measured.
    """
    data = server_directory(graph, "server.directories.data")
    server = LocalNeo4j(settings)
    if data is None or server.pid_file.live_process() is None or shutil.which("du") is None:
        return None, None
    if data.resolve() != server.data_dir.resolve():
        return None, None
    graph.driver.close()  # the runner's own driver: nobody else's connections are cut
    server.stop()
    try:
        db = settings.neo4j_database
        return _du_mib(data / "databases" / db), _du_mib(data / "transactions" / db)
    finally:
        server.start(quiet=True)


def _du_mib(path: Path) -> float | None:
    if not path.exists():
        return None
    out = subprocess.run(["du", "-sk", str(path)], capture_output=True, text=True, check=True)
    return int(out.stdout.split()[0]) / 1024


def machine() -> str:
    """Cores, RAM, OS and Python: what a reader needs to compare figures."""
    ram = psutil.virtual_memory().total / 2**30
    return (f"{os.cpu_count()} cores, {ram:.0f} GiB RAM, {platform.system()} "
            f"{platform.release()}, Python {platform.python_version()}")  # fmt: skip
