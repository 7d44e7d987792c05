"""One benchmark run at a scale: wipe, sync, load three ways, query, measure the store.

Called by ``python -m bench`` (see its ``--help``: it WIPES the database at NEO4J_URI).
The order matters: the anchors load first and their patents are deleted, then stkg's
writer loads every patent last, so the queries and the store size are measured on the
graph users would have written.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil
from neo4j import Driver

from bench import bulk_load, throughput
from bench.generate import Scale, document, field_id, patents, programme_id, skeleton
from bench.query_latency import (
    ApiServer,
    Cached,
    Latency,
    api_urls,
    bare_calls,
    cached_latencies,
    latencies,
)
from stkg.config.settings import Settings, get_settings
from stkg.graph.driver import Graph, new_driver
from stkg.graph.local.server import LocalNeo4j
from stkg.graph.schema import sync
from stkg.graph.wipe import wipe
from stkg.graph.writer import FactWriter
from stkg.ontology.model import load_ontology

__all__ = ["BenchError", "Config", "Result", "run"]

WARM_UP_CSV = "stkg-bench-warm-up.csv"
#: the answer cache of the API measured cached (it is off unless STKG_API_CACHE_BYTES is set)
CACHE_BYTES = 64 * 1024 * 1024


class BenchError(RuntimeError):
    """The run cannot go on (e.g. the server's import directory is not on this machine)."""


@dataclass(frozen=True)
class Config:
    scale: int
    batch: int = 5000
    naive_rows: int = 300
    requests: int = 200
    store_size: bool = True  # stop and restart the local server to measure its store
    fresh_store: bool = True  # start from an empty store when the server is local
    connections: int = 32  # concurrency of the throughput comparison
    seconds: int = 5  # how long each side of the throughput comparison runs
    releases: int = 1000  # generated press releases for the NLP and ingest figures


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
    api_throughput: dict[str, throughput.Throughput] = field(default_factory=dict)
    bare_throughput: dict[str, throughput.Throughput] = field(default_factory=dict)
    #: the same questions repeated, of an API with its answer cache on
    cached: dict[str, Cached] = field(default_factory=dict)
    cached_throughput: dict[str, throughput.Throughput] = field(default_factory=dict)
    not_modified_throughput: dict[str, throughput.Throughput] = field(default_factory=dict)
    peak_rss_mib: float = 0.0
    api_peak_rss_mib: float | None = None
    ingest: dict[str, Any] = field(default_factory=dict)
    store_mib: float | None = None
    tx_log_mib: float | None = None


def run(
    config: Config,
    settings: Settings | None = None,
    progress: Callable[[str], None] = lambda _m: None,
) -> Result:
    """Wipe and sync the database of ``settings``, then measure everything at ``config``."""
    settings = (settings or get_settings()).model_copy(update={"neo4j_timeout": 3600.0})
    fresh = config.fresh_store and fresh_store(settings, progress)
    # a driver of its own (not the process-wide one): the store-size step closes it
    driver = _driver(settings)
    try:
        graph = Graph(driver, settings.neo4j_database, 3600.0)
        return _run(config, settings, graph, progress, wiped=fresh)
    finally:
        driver.close()


def _driver(settings: Settings) -> Driver:
    return new_driver(settings)


def _run(
    config: Config,
    settings: Settings,
    graph: Graph,
    progress: Callable[[str], None],
    *,
    wiped: bool,
) -> Result:
    info = graph.server_info()
    result = Result(
        config, dt.date.today().isoformat(), machine(), f"{info.edition} {info.version}"
    )
    scale = Scale(config.scale)
    writer = FactWriter(graph, load_ontology())

    if not wiped:
        progress(f"wiping {settings.neo4j_uri}")
        wipe(graph)
    progress("syncing the ontology's constraints and indexes")
    sync(graph)
    facts = skeleton(scale)
    began = time.perf_counter()
    writer.write_document(document("skeleton", f"skeleton:{scale}"), facts)
    result.skeleton_seconds = time.perf_counter() - began
    progress(f"skeleton: {len(facts.nodes):,} nodes in {result.skeleton_seconds:.1f}s")

    csv_path = _import_dir(graph) / bulk_load.CSV_NAME
    try:
        rows = bulk_load.write_csv(csv_path, patents(scale))
        _anchors(graph, writer, scale, config, result, csv_path, rows, progress)
        progress(f"stkg writer: {rows:,} patents from the same CSV, {config.batch:,} per document")
        step = max(config.batch, config.scale // 10)

        def written(done: int) -> None:
            if done % step < config.batch or done == rows:
                progress(f"  {done:,} patents written")

        result.loads["stkg"] = bulk_load.stkg_writer(writer, csv_path, config.batch, written)
    finally:
        csv_path.unlink(missing_ok=True)
    _check_loaded(graph, rows, "stkg writer")

    after = graph.server_info()
    result.nodes, result.relationships = after.nodes, after.relationships

    progress(f"query latency: {config.requests} requests per query and side")
    field, programme = field_id(0), programme_id(0)
    api_settings = settings.model_copy(update={"neo4j_timeout": 60.0})
    # uncached: the answer cache off (the default), every request runs its query alone
    with ApiServer(api_settings, env={"STKG_API_CACHE_BYTES": "0"}) as api:
        result.bare, result.api = latencies(
            graph.driver, graph.database, api.url, field, programme, config.requests
        )
        _throughput(graph, api.url, field, programme, config, result, progress)
    result.api_peak_rss_mib = api.peak_rss_mib
    progress("cached: the same questions repeated, answer cache on")
    with ApiServer(api_settings, env={"STKG_API_CACHE_BYTES": str(CACHE_BYTES)}) as api:
        _cached(api.url, field, programme, config, result)

    result.peak_rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if config.store_size:
        progress("restarting the server so its store is checkpointed, for du")
        result.store_mib, result.tx_log_mib = store_size(graph, settings)
    if config.releases:
        progress(f"ingest: {config.releases:,} generated press releases, in a process of its own")
        result.ingest = ingest(settings, config.releases)
    return result


def ingest(settings: Settings, releases: int) -> dict[str, Any]:
    """``bench.ingest_throughput`` in a child process (its peak RSS is the ingest's own),
    writing into the same database, after the patents."""
    env = {**os.environ, "NEO4J_URI": settings.neo4j_uri, "NEO4J_DATABASE": settings.neo4j_database}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.ingest_throughput",
            "--count",
            str(releases),
            "--no-wipe",
            "--json",
        ],
        env=env,
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    if done.returncode != 0:
        raise BenchError(f"the ingest benchmark failed:\n{done.stderr[-3000:]}")
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def _throughput(
    graph: Graph,
    base_url: str,
    field: str,
    programme: str,
    config: Config,
    result: Result,
    progress: Callable[[str], None],
) -> None:
    """Each query at ``config.connections``: wrk on the API, then threads on the bare driver."""
    bare = bare_calls(graph.driver, graph.database, field, programme)
    for label, url in api_urls(field, programme).items():
        progress(f"throughput at {config.connections} connections: {label}")
        result.api_throughput[label] = throughput.wrk(
            base_url + url, config.connections, config.seconds
        )
        result.bare_throughput[label] = throughput.bare_loop(
            bare[label], config.connections, config.seconds
        )


def _cached(base_url: str, field: str, programme: str, config: Config, result: Result) -> None:
    """Each question repeated: kept answers, then conditional requests (304s), each
    sequentially and at ``config.connections`` connections."""
    urls = api_urls(field, programme)
    result.cached = cached_latencies(base_url, urls, config.requests)
    for label, url in urls.items():
        result.cached_throughput[label] = throughput.wrk(
            base_url + url, config.connections, config.seconds
        )
        result.not_modified_throughput[label] = throughput.wrk(
            base_url + url,
            config.connections,
            config.seconds,
            headers=(f"If-None-Match: {result.cached[label].etag}",),
        )


def _import_dir(graph: Graph) -> Path:
    import_dir = server_directory(graph, "server.directories.import")
    if import_dir is None or not import_dir.parent.exists():
        raise BenchError(
            f"the import directory of the server ({import_dir}) is not on this machine: "
            "LOAD CSV needs the CSV file there; run the benchmark beside its server"
        )
    import_dir.mkdir(parents=True, exist_ok=True)
    return import_dir


def _anchors(
    graph: Graph,
    writer: FactWriter,
    scale: Scale,
    config: Config,
    result: Result,
    csv_path: Path,
    rows: int,
    progress: Callable[[str], None],
) -> None:
    """LOAD CSV of every row, then the naive client on a subset; patents deleted after each."""
    _warm_up(graph, writer, config, csv_path, progress)
    progress(f"LOAD CSV: {rows:,} rows from {csv_path.name}")
    result.loads["load_csv"] = bulk_load.load_csv(graph, csv_path.name, rows, config.batch)
    _check_loaded(graph, rows, "LOAD CSV")
    bulk_load.delete_patents(graph)

    subset = list(itertools.islice(patents(scale), min(config.naive_rows, config.scale)))
    progress(f"naive: {len(subset):,} rows, one transaction each")
    result.loads["naive"] = bulk_load.naive(graph, subset)
    _check_loaded(graph, len(subset), "naive MERGE")
    bulk_load.delete_patents(graph)


def _warm_up(
    graph: Graph,
    writer: FactWriter,
    config: Config,
    csv_path: Path,
    progress: Callable[[str], None],
) -> None:
    """Both loaders once on the first two batches, untimed, then deleted.

    The server's JIT and page cache are cold after a fresh start; without this the loader
    that runs first would pay for warming them and the ratio would mean little.
    """
    warm = csv_path.with_name(WARM_UP_CSV)
    try:
        with csv_path.open(encoding="utf-8") as source:
            lines = list(itertools.islice(source, 2 * config.batch + 1))  # + the header
        warm.write_text("".join(lines), encoding="utf-8")
        rows = len(lines) - 1
        progress(f"warming up both loaders on {rows:,} rows (untimed)")
        bulk_load.load_csv(graph, warm.name, rows, config.batch)
        bulk_load.delete_patents(graph)
        bulk_load.stkg_writer(writer, warm, config.batch)
        bulk_load.delete_patents(graph)
        bulk_load.delete_patent_documents(graph)
    finally:
        warm.unlink(missing_ok=True)


def _check_loaded(graph: Graph, expected: int, who: str) -> None:
    found = bulk_load.patent_count(graph)
    if found != expected:
        raise BenchError(f"{who} wrote {found} patents, expected {expected}")


def fresh_store(settings: Settings, progress: Callable[[str], None]) -> bool:
    """Replace the local server's store with an empty one; False when it is not ours.

    Deleting records does not shrink Neo4j's store files, so a store that held a bigger
    graph before would inflate the store size measured at the end; and removing files is
    much faster than deleting a million patents through Cypher. Only the server that
    ``stkg neo4j start`` runs for these settings (same STKG_HOME, same Bolt port) is
    touched; any other server is wiped through Cypher instead.
    """
    server = LocalNeo4j(settings)
    if server.pid_file.live_process() is None:
        return False
    driver = _driver(settings)
    try:
        data = server_directory(
            Graph(driver, settings.neo4j_database, 60.0), "server.directories.data"
        )
    finally:
        driver.close()
    if data is None or data.resolve() != server.data_dir.resolve():
        return False
    progress(f"replacing the store of the local server at {settings.neo4j_uri} with an empty one")
    server.stop()
    shutil.rmtree(server.data_dir)
    server.start(quiet=True)
    return True


def server_directory(graph: Graph, name: str) -> Path | None:
    """A directory setting of the server (``SHOW SETTINGS``), or None when not readable."""
    try:
        rows = graph.read(
            "SHOW SETTINGS YIELD name, value WHERE name = $name RETURN value", name=name
        )
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
    return (
        f"{os.cpu_count()} cores, {ram:.0f} GiB RAM, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}"
    )
