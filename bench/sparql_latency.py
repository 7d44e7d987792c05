"""The SPARQL store next to Neo4j: lineage questions asked both ways, and a rebuild.

    NEO4J_URI=bolt://127.0.0.1:7688 python -m bench.sparql_latency [-n 300] [--rebuilds 5]

On a graph holding the two seed releases (``stkg ingest ../shared/seeds/*.txt``, the
graph the API tests use). Reads only.

Each question is a Cypher query and its SPARQL twin in ``queries/*.rq``: "what changed
between the 2021 and 2022 SME editions" (the named query ``edition-diff``), "the history
of the drone field across editions" (``field-history``) and "the programmes the 2022
edition is linked to, with budgets" (the query of ``GET /programmes/links``,
``edition-programmes.rq``). The Cypher runs
through ``Graph.rows`` (the path an API read takes); the SPARQL through
:class:`stkg.graph.sparql.SparqlStore` as ``/sparql`` asks it (the graph version read
from Neo4j first), and through Oxigraph alone on the built store; alternating call by
call after a warm-up (:func:`bench.query_latency.paired`). Both answers are checked to be
the same rows first. Then the time of a full rebuild of the store from Neo4j (export,
ontology, entailment) and of the export alone, the median of ``--rebuilds`` each.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path
from typing import Any

from bench.query_latency import Latency, paired
from stkg.config.settings import get_settings
from stkg.graph.cypher.programmes import EDITION_LINKS
from stkg.graph.driver import Graph, new_driver
from stkg.graph.rdf import export_batches
from stkg.graph.sparql import SparqlStore, build_store, run_query, solutions
from stkg.graph.version import read_version
from stkg.ontology.model import load_ontology
from stkg.queries.catalog import load_catalog

QUERIES = Path(__file__).resolve().parents[1] / "queries"
EDITION = "edition:중소기업기술로드맵@2022"
#: SPARQL twin (``queries/<name>.rq``) → its Cypher (a named query, or the API route's),
#: the parameters its VALUES line holds, and a Cypher column SPARQL has no twin for
QUESTIONS: dict[str, tuple[str, dict[str, Any], str | None]] = {
    "edition-diff": (
        load_catalog()["edition-diff"].cypher,
        {"from": "edition:중소기업기술로드맵@2021", "to": EDITION},
        None,
    ),
    "field-history": (
        load_catalog()["field-history"].cypher,
        load_catalog()["field-history"].bind({"field": "드론"}),
        None,
    ),
    "edition-programmes": (
        EDITION_LINKS,
        {"edition": EDITION, "byProgramme": False, "limit": 10_000},
        "subjectLabels",  # a Neo4j list of labels
    ),
}
MAX_ROWS = 10_000
TIMEOUT = 30.0


def measure(
    graph: Graph,
    store: SparqlStore,
    name: str,
    question: tuple[str, dict[str, Any], str | None],
    n: int,
) -> tuple[int, Latency, Latency, Latency]:
    """Rows, then Cypher, SPARQL through the store, and Oxigraph alone."""
    cypher, params, untwinned = question
    sparql = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")

    def ask_cypher() -> list[dict[str, object]]:
        rows = graph.rows(cypher, params, max_rows=MAX_ROWS).rows
        return [{k: v for k, v in r.items() if k != untwinned} for r in rows]

    def ask_sparql() -> list[dict[str, object]]:
        answer, _ = store.query(sparql, max_rows=MAX_ROWS, timeout=TIMEOUT)
        return list(solutions(answer))

    expected, got = ask_cypher(), ask_sparql()
    if not expected or got != expected:
        raise SystemExit(
            f"{name}: the two answers differ ({len(expected)} Cypher rows, {len(got)} SPARQL "
            "rows); does the graph hold the seed releases?"
        )
    built, _ = store.current()

    def time_cypher() -> None:
        ask_cypher()

    def time_sparql() -> None:
        ask_sparql()

    def oxigraph_only() -> None:
        run_query(built, sparql, max_rows=MAX_ROWS, deadline=time.monotonic() + TIMEOUT)

    cy, sp = paired(time_cypher, time_sparql, n)
    _, ox_only = paired(lambda: None, oxigraph_only, n)
    return len(expected), cy, sp, ox_only


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.sparql_latency", description=__doc__)
    parser.add_argument("-n", type=int, default=300, help="timed queries per side")
    parser.add_argument("--rebuilds", type=int, default=5, help="timed full rebuilds")
    args = parser.parse_args()
    settings = get_settings()
    driver = new_driver(settings)
    try:
        graph = Graph(driver, settings.neo4j_database)
        onto = load_ontology()
        versioned = read_version(graph) is not None
        # without a version node the store could not tell a write: keep it for the run
        store = SparqlStore(graph, onto, unversioned_max_age=float("inf"))
        results = {name: measure(graph, store, name, q, args.n) for name, q in QUESTIONS.items()}
        rebuilds, exports = [], []
        for _ in range(args.rebuilds):
            began = time.perf_counter()
            _, status = build_store(graph, onto)
            rebuilds.append(time.perf_counter() - began)
            began = time.perf_counter()
            pages = list(export_batches(graph, onto))  # the part Neo4j and rdflib take
            exports.append(time.perf_counter() - began)
    finally:
        driver.close()
    print(f"n={args.n} per side; graph version node: {'yes' if versioned else 'no'}")
    for name, (rows, cy, sp, ox_only) in results.items():
        print(f"{name} ({rows} rows)")
        for side, lat in (
            ("Cypher (Graph.rows)", cy),
            ("SPARQL (store + version read)", sp),
            ("SPARQL (Oxigraph only)", ox_only),
        ):
            print(f"  {side:>30}: p50 {lat.p50:.2f} ms, p95 {lat.p95:.2f} ms, p99 {lat.p99:.2f} ms")
    print(
        f"full rebuild: median {statistics.median(rebuilds):.2f} s of {args.rebuilds} "
        f"({status.triples:,} triples, {status.entailed:,} of them entailed); the export "
        f"alone (Neo4j reads into {len(pages)} rdflib page(s)): median "
        f"{statistics.median(exports):.2f} s"
    )


if __name__ == "__main__":
    main()
