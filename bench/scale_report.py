"""The markdown of one scale run, and its place in BENCHMARKS.md.

A run renders as one section between ``<!-- bench:scale=N -->`` and ``<!-- /bench -->``,
so re-running a scale replaces its own figures and leaves every other section alone.
Every table cell that holds a figure is a plain number (thousands separated by commas);
units live in the column headers, so the smoke test (and a reader) can check each cell.
"""

from __future__ import annotations

import re

from bench.runner import Result

__all__ = ["begin_marker", "render", "replace_section"]

END = "<!-- /bench -->"
MILLION = 1_000_000


def begin_marker(scale: int) -> str:
    return f"<!-- bench:scale={scale} -->"


def _n(value: float, digits: int = 0) -> str:
    return f"{value:,.{digits}f}"


def render(result: Result, command: str) -> str:
    """The section for ``result``, markers included."""
    c = result.config
    lines = [
        begin_marker(c.scale),
        f"### At scale: {c.scale:,} patents",
        "",
        f"`{command}` (wipes and syncs the database at NEO4J_URI)",
        "",
        f"Machine: {result.machine}; {result.neo4j}; date {result.date}. Graph after the "
        f"run: {result.nodes:,} nodes, {result.relationships:,} relationships (roadmap "
        f"skeleton written in {result.skeleton_seconds:.1f} s as one document).",
        "",
        *_load_table(result),
        "",
        *_latency_table(result),
        "",
        *_throughput_table(result),
        "",
        *_cached_table(result),
        "",
        *_ingest_table(result),
        *_resource_table(result),
        END,
    ]
    return "\n".join(lines)


def _load_table(result: Result) -> list[str]:
    c = result.config
    loads = result.loads
    anchor = loads["load_csv"].rows_per_second
    rows = [
        (
            f"stkg `FactWriter.write_documents` reading the same CSV, {c.batch:,} patents "
            "per document (one transaction each)",
            loads["stkg"],
        ),
        (
            f"anchor: Neo4j `LOAD CSV … CALL {{…}} IN TRANSACTIONS OF {c.batch:,} ROWS`",
            loads["load_csv"],
        ),
        (
            f"anchor: naive MERGE, one transaction per row (measured on "
            f"{loads['naive'].rows:,} rows; patents/s extrapolates to all rows)",
            loads["naive"],
        ),
    ]
    out = [
        "Bulk load of the same patent rows (each: one node, two relationships, MERGE on id), "
        "after both loaders warmed up on the first two batches:",
        "",
        "| loader | patents | seconds | patents/s | / LOAD CSV |",
        "| --- | --- | --- | --- | --- |",
    ]
    for label, timing in rows:
        out.append(
            f"| {label} | {_n(timing.rows)} | {_n(timing.seconds, 2)} | "
            f"{_n(timing.rows_per_second)} | {_n(timing.rows_per_second / anchor, 2)} |"
        )
    naive = loads["naive"].rows_per_second
    out += [
        "",
        f"At the naive rate all {c.scale:,} patents would take "
        f"{_n(c.scale / naive, 0)} s (extrapolated).",
    ]
    return out


def _latency_table(result: Result) -> list[str]:
    n = result.config.requests
    out = [
        f"Query latency, ms, {n} sequential requests per side after 20 warm-ups, the two "
        "sides alternating request by request (anchor: the bare Python driver running the "
        "route's own Cypher; the API side is one keep-alive HTTP connection to the API "
        "(uvicorn, one worker) in a process of its own):",
        "",
        "| query | bare p50 | bare p95 | bare p99 | API p50 | API p95 | API p99 | API / bare p50 |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for label, bare in result.bare.items():
        api = result.api[label]
        out.append(
            f"| {label} | {_n(bare.p50, 2)} | {_n(bare.p95, 2)} | {_n(bare.p99, 2)} | "
            f"{_n(api.p50, 2)} | {_n(api.p95, 2)} | {_n(api.p99, 2)} | "
            f"{_n(api.p50 / bare.p50, 2)} |"
        )
    return out


def _throughput_table(result: Result) -> list[str]:
    c = result.config
    out = [
        f"Throughput at {c.connections} connections, {c.seconds} s per side and query (API: "
        f"`wrk -t2 -c{c.connections}` on loopback; anchor: {c.connections} threads looping "
        "the same Cypher through one bare driver; one after the other, on the same Neo4j):",
        "",
        "| query | bare req/s | bare p50 | bare p99 | API req/s | API p50 | API p99 "
        "| API errors | API / bare req/s |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for label, bare in result.bare_throughput.items():
        api = result.api_throughput[label]
        out.append(
            f"| {label} | {_n(bare.requests_per_second)} | {_n(bare.p50_ms, 2)} | "
            f"{_n(bare.p99_ms, 2)} | {_n(api.requests_per_second)} | {_n(api.p50_ms, 2)} | "
            f"{_n(api.p99_ms, 2)} | {api.errors} | "
            f"{_n(api.requests_per_second / bare.requests_per_second, 2)} |"
        )
    return out


def _cached_table(result: Result) -> list[str]:
    """The same questions repeated of an API with the answer cache on, beside the
    uncached figures above (that API ran with the cache off, the default)."""
    c = result.config
    out = [
        "Cached: each question repeated, of a second API process with the answer cache on "
        "(`STKG_API_CACHE_BYTES` > 0; the API above ran with it off, the default). "
        f"Sequential: {c.requests} requests after 20 warm-ups, then as many conditional "
        "requests sending the answer's "
        f"ETag (`If-None-Match`); throughput: `wrk -t2 -c{c.connections}`, {c.seconds} s "
        "each. A kept answer and a 304 each still read the graph version from Neo4j:",
        "",
        "| query | cached p50 | cached p99 | cached / uncached p50 | 304 p50 | 304 rate "
        "| cached req/s | 304 req/s | cached / uncached req/s |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for label, cached in result.cached.items():
        uncached, kept = result.api[label], result.cached_throughput[label]
        revalidated = result.not_modified_throughput[label]
        out.append(
            f"| {label} | {_n(cached.latency.p50, 2)} | {_n(cached.latency.p99, 2)} | "
            f"{_n(cached.latency.p50 / uncached.p50, 2)} | {_n(cached.not_modified.p50, 2)} | "
            f"{_n(cached.not_modified_rate, 2)} | {_n(kept.requests_per_second)} | "
            f"{_n(revalidated.requests_per_second)} | "
            f"{_n(kept.requests_per_second / result.api_throughput[label].requests_per_second, 2)}"
            " |"
        )
    return out


def _ingest_table(result: Result) -> list[str]:
    f = result.ingest
    if not f:
        return []
    mb, n = f["megabytes"], f["documents"]
    kiwi, extract = mb / f["kiwi_seconds"], mb / f["extraction_seconds"]
    full = f["ingest_seconds"]
    return [
        f"NLP and ingest: {n:,} generated press releases ({mb:.2f} MB of Korean text with "
        "field tables; `bench.press_releases`, seeded), in a process of their own:",
        "",
        "| figure | value | / raw Kiwi |",
        "| --- | --- | --- |",
        f"| anchor: raw Kiwi tokenisation of the same texts | {kiwi:.3f} MB/s | 1.00 |",
        f"| extraction (readers, tables, statements, spaCy + Kiwi) | {extract:.3f} MB/s, "
        f"{n / f['extraction_seconds']:.1f} documents/s | {extract / kiwi:.2f} |",
        f"| full ingest into the same database (one transaction per document) | "
        f"{mb / full:.3f} MB/s, {n / full:.1f} documents/s | {mb / full / kiwi:.2f} |",
        f"| written | {f['nodes_written']:,} nodes, {f['relationships_written']:,} "
        "relationships | |",
        f"| peak RSS of the ingest process | {f['peak_rss_mib']:.0f} MiB | |",
        "",
    ]


def _resource_table(result: Result) -> list[str]:
    c = result.config
    if c.scale == MILLION:
        per = "measured"
    elif c.scale < MILLION:  # the fixed roadmap part and empty store scale too: upper bound
        per = f"scaled linearly from {c.scale:,}; an upper bound"
    else:
        per = f"scaled linearly from {c.scale:,}"
    out = [
        "| resource | MiB |",
        "| --- | --- |",
        f"| peak RSS of the runner (generator, CSV reader, writer, bare driver) "
        f"| {_n(result.peak_rss_mib)} |",
    ]
    if result.api_peak_rss_mib is not None:
        out.append(
            f"| peak RSS of the API process (after the latency and throughput runs) "
            f"| {_n(result.api_peak_rss_mib)} |"
        )
    if result.store_mib is not None:
        out.append(
            f"| store on disk (`du` of the database directory) | {_n(result.store_mib, 1)} |"
        )
        out.append(
            f"| store on disk per million patents ({per}) "
            f"| {_n(result.store_mib * MILLION / c.scale, 1)} |"
        )
    if result.tx_log_mib is not None:
        out.append(
            f"| transaction logs on disk (preallocated in 256 MiB files) "
            f"| {_n(result.tx_log_mib, 1)} |"
        )
    if result.store_mib is None:
        out += [
            "",
            "Store size not measured (`--no-store-size`, or the server is not the "
            "local one of STKG_HOME).",
        ]
    return out


def replace_section(text: str, scale: int, section: str) -> str:
    """``text`` with the marked section of ``scale`` replaced by ``section`` (or appended)."""
    pattern = re.compile(re.escape(begin_marker(scale)) + r".*?" + re.escape(END), re.S)
    if pattern.search(text):
        return pattern.sub(lambda _m: section, text, count=1)
    return text.rstrip("\n") + "\n\n" + section + "\n"
