"""Measure the local Neo4j launcher: jar download, cold and warm start, idle memory.

    python -m bench.neo4j_start [--runs 5] [--with-download]

Cold start = a fresh store (the first start of a new STKG_HOME, jars already cached);
warm start = starting again on an existing store. Each is the median of ``--runs``.
``--with-download`` also times fetching the jars into an empty cache (network bound).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench.private_neo4j import private_settings
from stkg.graph.local.server import LocalNeo4j


def _timed_start(server: LocalNeo4j) -> float:
    began = time.perf_counter()
    server.start(quiet=True)
    return time.perf_counter() - began


def measure(runs: int, with_download: bool) -> dict[str, float]:
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        if with_download:
            cache = root / "cache"
            server = LocalNeo4j(private_settings(root / "dl", cache_dir=cache))
            began = time.perf_counter()
            lib = server.ensure_runtime(quiet=True)
            results["download_s"] = time.perf_counter() - began
            results["jars_mb"] = sum(p.stat().st_size for p in lib.glob("*.jar")) / 2**20
        cold, warm, rss = [], [], []
        for i in range(runs):
            server = LocalNeo4j(private_settings(root / f"cold{i}"))
            cold.append(_timed_start(server))
            time.sleep(5)  # let it settle before reading idle memory
            rss.append((server.status().rss_bytes or 0) / 2**20)
            server.stop()
            warm.append(_timed_start(server))
            server.stop()
            shutil.rmtree(root / f"cold{i}", ignore_errors=True)
        results.update(
            cold_start_median_s=statistics.median(cold),
            warm_start_median_s=statistics.median(warm),
            idle_rss_median_mb=statistics.median(rss),
        )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--with-download", action="store_true")
    args = parser.parse_args()
    for key, value in measure(args.runs, args.with_download).items():
        print(f"{key}\t{value:.2f}")


if __name__ == "__main__":
    main()
