"""Benchmarks at scale: stkg's figures next to their anchors, at ``--scale`` patents.

    NEO4J_URI=bolt://127.0.0.1:7701 python -m bench --scale 100000 [--out BENCHMARKS.md]

!!! THIS WIPES THE DATABASE AT NEO4J_URI (every node and relationship; when that is the
!!! local server of STKG_HOME, by stopping it and deleting its store) AND SYNCS THE
!!! ONTOLOGY'S CONSTRAINTS INTO IT. Point it at a scratch server of its own, never at
!!! the one `stkg up` serves. It also writes CSV files into that server's import
!!! directory, so the server must run on this machine.

What it measures, each next to the anchor that says what "good" is:

(a) bulk load, patents per second: stkg's batched writes (``FactWriter.write_documents``
    reading the same CSV, one document = one transaction per ``--batch`` patents, the
    next document prepared while the current one commits) vs Neo4j's own
    ``LOAD CSV … CALL { … } IN TRANSACTIONS`` of the same rows vs naive MERGE with one
    transaction per row (timed on ``--naive-rows`` rows and extrapolated — labelled so);
(b) latency p50/p95/p99 of three lineage queries (field history, lineage depth 3 down from
    a field, a programme's links) through the bare Python driver and through the API
    (``stkg serve``'s app in a uvicorn process of its own on a free port), and the ratio;
(c) throughput at ``--connections`` connections for ``--seconds`` per query and side:
    ``wrk`` (Debian package) against the API process vs that many threads looping the
    same Cypher through the bare driver;
(d) peak RSS of this process and of the API process, and the store's size on disk per
    million patents (extrapolated linearly below a million — labelled so). Community Neo4j cannot be
    told to checkpoint, so to measure the store the runner STOPS the local server
    (`stkg neo4j start` with the same STKG_HOME), runs `du`, and starts it again;
    --no-store-size skips that step;
(e) NLP and ingest on ``--releases`` generated Korean press releases with tables, in a
    child process (``bench.ingest_throughput``): raw Kiwi tokenisation of the same text
    (MB/s) vs extraction (readers, tables, statements, spaCy+Kiwi; MB/s), the full
    ingest into the same database, and the ingest process's peak RSS.

The markdown goes to ``bench/out/<scale>.md``; with ``--out FILE`` it also replaces the
section ``<!-- bench:scale=N -->…<!-- /bench -->`` of FILE (appended when missing).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from bench.runner import Config, run
from bench.scale_report import render, replace_section

OUT_DIR = Path(__file__).resolve().parent / "out"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--scale", type=int, default=1000, help="patents to generate")
    parser.add_argument("--batch", type=int, default=5000, help="patents per document")
    parser.add_argument(
        "--naive-rows", type=int, default=300, help="rows for the one-transaction-per-row anchor"
    )
    parser.add_argument("--requests", type=int, default=200, help="timed requests per query")
    parser.add_argument(
        "--connections", type=int, default=32, help="concurrency of the throughput comparison"
    )
    parser.add_argument(
        "--seconds",
        type=int,
        default=5,
        help="seconds per side and query of the throughput comparison",
    )
    parser.add_argument(
        "--releases",
        type=int,
        default=1000,
        help="generated press releases for the NLP and ingest figures (0 skips them)",
    )
    parser.add_argument(
        "--no-store-size",
        action="store_true",
        help="do not stop/restart the local server to measure its store",
    )
    parser.add_argument(
        "--no-fresh-store",
        action="store_true",
        help="wipe through Cypher instead of replacing the local server's store",
    )
    parser.add_argument("--out", type=Path, help="markdown file whose marked section to replace")
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR, help="where <scale>.md goes")
    parser.add_argument(
        "--section-only",
        action="store_true",
        help="print only the markdown section on stdout (no progress)",
    )
    args = parser.parse_args(argv)
    if (
        min(args.scale, args.batch, args.naive_rows, args.requests, args.connections, args.seconds)
        < 1
    ):
        parser.error(
            "--scale, --batch, --naive-rows, --requests, --connections and "
            "--seconds must be positive"
        )
    return args


#: options whose value shows in the reproducing command only when not the default
DEFAULTS = {
    "batch": 5000,
    "naive_rows": 300,
    "requests": 200,
    "connections": 32,
    "seconds": 5,
    "releases": 1000,
}


def command_line(args: argparse.Namespace) -> str:
    """The command that reproduces the figures (the server is named by NEO4J_URI)."""
    parts = ["NEO4J_URI=<scratch server> python -m bench", f"--scale {args.scale}"]
    for name, default in DEFAULTS.items():
        value = getattr(args, name)
        if value != default:
            parts.append(f"--{name.replace('_', '-')} {value}")
    return " ".join(parts)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    quiet = args.section_only

    def progress(message: str) -> None:
        if not quiet:
            print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    config = Config(
        scale=args.scale,
        batch=args.batch,
        naive_rows=args.naive_rows,
        requests=args.requests,
        store_size=not args.no_store_size,
        connections=args.connections,
        seconds=args.seconds,
        releases=args.releases,
        fresh_store=not args.no_fresh_store,
    )
    result = run(config, progress=progress)
    section = render(result, command_line(args))
    if args.section_only:
        print(section)
        return
    args.out_dir.mkdir(parents=True, exist_ok=True)
    out = args.out_dir / f"{args.scale}.md"
    out.write_text(section + "\n", encoding="utf-8")
    progress(f"wrote {out}")
    if args.out is not None:
        text = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        args.out.write_text(replace_section(text, args.scale, section), encoding="utf-8")
        progress(f"replaced the scale={args.scale} section of {args.out}")


if __name__ == "__main__":
    main()
