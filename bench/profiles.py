"""The profiles behind the benchmark goals that are not met (BENCHMARKS.md, "Why").

    NEO4J_URI=<scratch server> python -m bench.profiles load [--rows 100000]
    NEO4J_URI=<scratch server> python -m bench.profiles api [--seconds 4]
    python -m bench.profiles extraction [--count 200]

``load`` and ``api`` expect the graph ``python -m bench --scale N`` leaves behind (its
skeleton and patents) on the local server of STKG_HOME; ``load`` adds ``--rows`` new
patents twice (stkg's writer, then LOAD CSV) and deletes them again.

* ``load``: PROFILE db hits of one 5,000-patent batch, stkg's statements vs LOAD CSV's
  body (rolled back), then wall time and the CPU seconds of Neo4j and of this process
  for ``--rows`` new patents through each loader;
* ``api``: CPU milliseconds per request of the API process (``wrk -c1`` for ``--seconds``)
  vs this process running the same Cypher through the bare driver;
* ``extraction``: where extraction's time goes (cProfile, cumulative seconds per stage) on
  ``--count`` generated releases, next to raw Kiwi on the same text.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import itertools
import pstats
import re
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psutil

from bench import bulk_load
from bench.generate import PatentRow, Scale, field_id, patent_document, patents, programme_id
from bench.query_latency import ApiServer, api_urls, bare_calls
from bench.runner import server_directory
from stkg.config.settings import get_settings
from stkg.graph.driver import Graph
from stkg.graph.local.server import LocalNeo4j
from stkg.graph.writer import FactWriter
from stkg.ontology.model import load_ontology

NEW = "profile-"  # the number prefix of the patents this script adds (and deletes)
DELETE_NEW = (
    "MATCH (p:Patent) WHERE p.applicationNumber STARTS WITH $prefix "
    "CALL (p) { DETACH DELETE p } IN TRANSACTIONS OF 10000 ROWS"
)


def _new_rows(n: int) -> list[PatentRow]:
    base = patents(Scale(max(n, 1000)))
    return [
        dataclasses.replace(
            p, id=p.id.replace("bench-", NEW), number=p.number.replace("bench-", NEW)
        )
        for p in itertools.islice(base, n)
    ]


def _db_hits(plan: dict[str, Any]) -> int:
    return int(plan.get("dbHits", 0)) + sum(_db_hits(c) for c in plan.get("children", []))


def _neo4j_process() -> psutil.Process:
    process = LocalNeo4j(get_settings()).pid_file.live_process()
    if process is None:
        raise SystemExit("no local Neo4j for STKG_HOME: start it with `stkg neo4j start`")
    return process


def _cpu(process: psutil.Process) -> float:
    times = process.cpu_times()
    return float(times.user + times.system)


def _delete_new(graph: Graph) -> None:
    with graph.driver.session(database=graph.database) as session:
        session.run(DELETE_NEW, prefix=NEW).consume()
    bulk_load.delete_patent_documents(graph)


def load(rows: int) -> None:
    graph = Graph.from_settings()
    writer = FactWriter(graph, load_ontology())
    batch = _new_rows(5000)
    document, facts = patent_document(99_999, batch)
    with graph.driver.session(database=graph.database) as session:
        tx = session.begin_transaction()
        summary = tx.run(
            "PROFILE UNWIND $rows AS row WITH row" + bulk_load.ROW_BODY,
            rows=[p.csv_row() for p in batch],
        ).consume()
        anchor = _db_hits(summary.profile or {})
        tx.rollback()
        tx = session.begin_transaction()
        ours = 0
        for statement, params in writer._batches(document["id"], facts):
            if params:
                summary = tx.run("PROFILE " + statement, rows=params, doc=document["id"]).consume()
                ours += _db_hits(summary.profile or {})
        tx.rollback()
    print(f"PROFILE, one batch of 5,000 patents: stkg {ours:,} db hits, LOAD CSV body {anchor:,}")

    neo4j, me = _neo4j_process(), psutil.Process()
    import_dir = server_directory(graph, "server.directories.import")
    if import_dir is None:
        raise SystemExit("the server does not say where its import directory is")
    csv_path = import_dir / "stkg-profile-patents.csv"
    bulk_load.write_csv(csv_path, _new_rows(rows))
    try:
        for name, call in (
            ("stkg write_documents", lambda: bulk_load.stkg_writer(writer, csv_path, 5000)),
            ("LOAD CSV", lambda: bulk_load.load_csv(graph, csv_path.name, rows, 5000)),
        ):
            n0, c0, began = _cpu(neo4j), _cpu(me), time.perf_counter()
            timing = call()
            wall = time.perf_counter() - began
            n, c = _cpu(neo4j) - n0, _cpu(me) - c0
            rate = timing.rows_per_second
            print(
                f"{name}: {rows:,} new patents in {wall:.1f} s ({rate:,.0f}/s); "
                f"Neo4j CPU {n:.1f} s ({n / wall:.2f} cores), this process {c:.1f} s "
                f"({c / wall:.2f} cores)"
            )
            _delete_new(graph)
    finally:
        csv_path.unlink(missing_ok=True)


def api(seconds: int) -> None:
    graph = Graph.from_settings()
    field, programme = field_id(0), programme_id(0)
    bare = bare_calls(graph.driver, graph.database, field, programme)
    me = psutil.Process()
    with ApiServer(get_settings().model_copy(update={"neo4j_timeout": 60.0})) as server:
        assert server.process is not None
        api_process = psutil.Process(server.process.pid)
        for label, url in api_urls(field, programme).items():
            per_bare = _cpu_per_call(me, bare[label], 300)
            c0 = _cpu(api_process)
            out = subprocess.run(
                ["wrk", "-t1", "-c1", f"-d{seconds}s", server.url + url],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            done = re.search(r"(\d+) requests in", out)
            if done is None:
                raise SystemExit(f"wrk printed no request count:\n{out}")
            per_api = (_cpu(api_process) - c0) / int(done.group(1)) * 1000
            print(
                f"{label}: API process {per_api:.2f} ms CPU a request, "
                f"bare driver client {per_bare:.2f} ms"
            )


def _cpu_per_call(me: psutil.Process, call: Callable[[], None], n: int) -> float:
    for _ in range(20):
        call()
    c0 = _cpu(me)
    for _ in range(n):
        call()
    return (_cpu(me) - c0) / n * 1000


#: (label, function name) of each extraction stage; Kiwi's is a C function, which cProfile
#: names ``<function Kiwi.analyze at 0x…>``
STAGES = (
    ("Kiwi analysis", "Kiwi.analyze"),
    ("spaCy Doc building", "_to_doc"),
    ("quantities", "quantities_component"),
    ("statements", "extract_statements"),
    ("table extraction", "extract_tables"),
    ("table facts", "build_table_facts"),
    ("reading", "read_document"),
    ("all of extraction", "ingest_paths"),
)


def extraction(count: int) -> None:
    from bench.press_releases import generate
    from stkg.ingest.files import ingest_paths
    from stkg.ingest.nlp import get_kiwi

    onto = load_ontology()
    with tempfile.TemporaryDirectory() as tmp:
        paths = generate(Path(tmp), count, seed=7)
        texts = [p.read_text(encoding="utf-8") for p in paths]
        kiwi = get_kiwi()
        kiwi.tokenize("워밍업")
        began = time.perf_counter()
        for _ in kiwi.tokenize(texts):
            pass
        raw = time.perf_counter() - began
        ingest_paths(paths[:1], None, onto, dry_run=True)
        profile = cProfile.Profile()
        profile.runcall(ingest_paths, paths, None, onto, dry_run=True)
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    cumulative: dict[str, float] = {}
    for (file, _line, name), (_cc, _nc, _tt, ct, _callers) in stats.items():
        for label, wanted in STAGES:
            if name == wanted or (file == "~" and wanted in name):
                cumulative[label] = cumulative.get(label, 0.0) + ct
    print(f"{count} releases: raw Kiwi, all texts in one call: {raw:.3f} s")
    for label, _wanted in STAGES:
        print(f"  {label}: {cumulative.get(label, 0.0):.3f} s (cProfile, cumulative)")


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.profiles",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="what", required=True)
    sub.add_parser("load").add_argument("--rows", type=int, default=100_000)
    sub.add_parser("api").add_argument("--seconds", type=int, default=4)
    sub.add_parser("extraction").add_argument("--count", type=int, default=200)
    args = parser.parse_args()
    if args.what == "load":
        load(args.rows)
    elif args.what == "api":
        api(args.seconds)
    else:
        extraction(args.count)


if __name__ == "__main__":
    main()
