"""Smoke test of ``python -m bench.backup_restore --scale``: the benchmark graph instead of
the seeds, on a Neo4j of the bench's own, and a figure in every row of its table (never
how fast anything was)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FIGURE = re.compile(r"^\d+\.\d+$")


@pytest.mark.slow
def test_the_backup_bench_writes_the_benchmark_graph_at_a_scale_and_reports_each_figure() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "STKG_NEO4J"))}
    done = subprocess.run(
        [sys.executable, "-m", "bench.backup_restore", "--scale", "200", "--batch", "100",
         "--runs", "1", "--rdf-runs", "1", "--restore-batch", "250"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    rows = dict(
        tuple(c.strip() for c in line.strip("|").split("|"))
        for line in done.stdout.splitlines()[2:]
        if line.startswith("| ")
    )
    # the skeleton, then 200 patents in two documents of 100
    assert rows.pop("documents written") == "3 (skeleton + patents)"
    graph = re.fullmatch(r"([\d,]+) nodes, ([\d,]+) relationships", rows.pop("graph"))
    assert graph and int(graph[1].replace(",", "")) > 200, done.stdout
    assert (
        "dump size, MiB" in rows
        and "RDF restore, s (instance graph deleted; transactions of 250 records)" in rows
    )
    # a graph of more than 250 records restores in more than one transaction
    assert float(rows["RDF restore: transactions"]) > 1
    assert all(FIGURE.match(value) for value in rows.values()), rows
    # per run, on stderr as each ends
    assert "dump run 1: " in done.stderr and "RDF run 1: " in done.stderr
