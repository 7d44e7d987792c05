"""Latency of the long lineage: a field through every edition, and a whole series' flow.

    python -m bench.lineage_latency --scale 1000000 [--requests 200] [--batch 5000]

Starts a Neo4j of its own (:mod:`bench.private_neo4j`, in a temporary folder removed
afterwards), writes the benchmark graph of :mod:`bench.generate` at ``--scale`` patents
through the path users run (the skeleton, then one document per ``--batch`` patents), and
refreshes the crosswalks as ``stkg ingest`` does (stated mappings from the successions,
then proposals). Then it times, through the bare Python driver and through the API
(``stkg serve``'s app in a uvicorn process of its own, answer cache off), alternating
request by request as :func:`bench.query_latency.paired` does:

- the named query ``field-lineage`` for one field (stated and reviewed mappings) and with
  ``include=proposed``, against ``GET /fields/{id}/lineage``;
- the named query ``series-flow`` for the series, against ``GET /roadmaps/{id}/flow``.

Prints a markdown table of p50/p95/p99 in milliseconds.
"""

from __future__ import annotations

import argparse
import http.client
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from neo4j import RoutingControl

from bench.generate import ROADMAP, Scale, document, field_id, patent_documents, patents, skeleton
from bench.private_neo4j import private_neo4j
from bench.query_latency import ApiServer, Latency, get_ok, paired
from stkg.graph.crosswalk import refresh
from stkg.graph.driver import Graph, get_driver
from stkg.graph.schema import sync
from stkg.graph.writer import FactWriter
from stkg.ontology.model import load_ontology
from stkg.queries.catalog import load_catalog


def load(graph: Graph, scale: Scale, batch: int, folder: Path) -> dict[str, Any]:
    """Write the benchmark graph and its crosswalks; what it took."""
    sync(graph)
    writer = FactWriter(graph, load_ontology())
    began = time.perf_counter()
    writer.write_document(document("skeleton", f"skeleton:{scale}"), skeleton(scale))
    docs = ((doc, facts) for doc, facts, _ in patent_documents(patents(scale), batch))
    for summary in writer.write_documents(docs):
        if summary.skipped:
            raise RuntimeError(f"document {summary.document_id} was skipped")
    loaded = time.perf_counter() - began
    began = time.perf_counter()
    report = refresh(graph, path=folder / "no-reviewed-decisions.ttl")
    crosswalked = time.perf_counter() - began
    counts = graph.rows("MATCH (n) RETURN count(n) AS nodes", {}, max_rows=1).rows[
        0
    ]  # the size of the graph the latencies are taken on
    return {
        "load_s": loaded,
        "crosswalk_s": crosswalked,
        "stated": report.stated,
        "nodes": counts["nodes"],
    }


def questions(field: str) -> list[tuple[str, str, dict[str, Any], str]]:
    """(label, named query, its parameters, the API path answering the same)."""
    f, s = quote(field, safe=":"), quote(ROADMAP, safe=":")
    return [
        ("field lineage", "field-lineage", {"field": field}, f"/fields/{f}/lineage"),
        (
            "field lineage, include=proposed",
            "field-lineage",
            {"field": field, "include": "proposed"},
            f"/fields/{f}/lineage?include=proposed",
        ),
        ("series flow", "series-flow", {"series": ROADMAP}, f"/roadmaps/{s}/flow"),
        (
            "series flow, include=proposed",
            "series-flow",
            {"series": ROADMAP, "include": "proposed"},
            f"/roadmaps/{s}/flow?include=proposed",
        ),
    ]


def measure(
    graph: Graph, base_url: str, field: str, n: int
) -> list[tuple[str, Latency, Latency, int]]:
    """(label, bare, API, edges in the answer) per question."""
    catalog = load_catalog()
    address = urlsplit(base_url)
    connection = http.client.HTTPConnection(address.hostname or "127.0.0.1", address.port)
    out = []
    try:
        for label, name, raw, url in questions(field):
            query = catalog[name]
            params = query.bind(raw)
            rows = graph.rows(query.cypher, params, max_rows=1).rows
            if not rows or not rows[0]["edges"]:
                raise RuntimeError(f"{name} {raw}: no mappings in the answer")

            def bare(cypher: str = query.cypher, params: dict[str, Any] = params) -> None:
                graph.driver.execute_query(
                    cypher, params, database_=graph.database, routing_=RoutingControl.READ
                )

            def api(url: str = url) -> None:
                get_ok(connection, url)

            b, a = paired(bare, api, n)
            out.append((label, b, a, len(rows[0]["edges"])))
    finally:
        connection.close()
    return out


def render(
    scale: int, loaded: dict[str, Any], rows: list[tuple[str, Latency, Latency, int]]
) -> str:
    lines = [
        f"Long lineage at {scale:,} patents ({loaded['nodes']:,} nodes; "
        f"{loaded['stated']:,} stated mappings; load {loaded['load_s']:.0f} s, "
        f"crosswalk refresh {loaded['crosswalk_s']:.1f} s; Python {platform.python_version()})",
        "",
        "| question | mappings | bare p50 / p95 / p99 ms | API p50 / p95 / p99 ms |",
        "| --- | ---: | --- | --- |",
    ]
    for label, b, a, edges in rows:
        lines.append(
            f"| {label} | {edges} | {b.p50:.2f} / {b.p95:.2f} / {b.p99:.2f} "
            f"| {a.p50:.2f} / {a.p95:.2f} / {a.p99:.2f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.lineage_latency", description=__doc__)
    parser.add_argument("--scale", type=int, default=1_000_000, help="patents to generate")
    parser.add_argument("--batch", type=int, default=5000, help="patents per document")
    parser.add_argument("--requests", type=int, default=200, help="timed requests per side")
    args = parser.parse_args(argv)
    progress: Callable[[str], None] = lambda text: print(text, file=sys.stderr, flush=True)  # noqa: E731
    with tempfile.TemporaryDirectory(prefix="stkg-lineage-bench-") as tmp:
        folder = Path(tmp)
        with private_neo4j(folder / "home") as server:
            settings = server.settings.model_copy(update={"neo4j_timeout": 600.0})
            graph = Graph(get_driver(settings), settings.neo4j_database)
            progress(f"loading {args.scale:,} patents into {settings.neo4j_uri}")
            loaded = load(graph, Scale(args.scale), args.batch, folder)
            progress(f"loaded in {loaded['load_s']:.0f} s; timing {args.requests} requests")
            api_settings = settings.model_copy(update={"neo4j_timeout": 60.0})
            with ApiServer(api_settings, env={"STKG_API_CACHE_BYTES": "0"}) as api:
                rows = measure(graph, api.url, field_id(0), args.requests)
            graph.driver.close()
    print(render(args.scale, loaded, rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
