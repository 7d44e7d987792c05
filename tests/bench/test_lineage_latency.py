"""Smoke test of ``python -m bench.lineage_latency`` at 500 patents: it loads the bench
graph into a Neo4j of its own, refreshes the crosswalks and prints a well-formed table
with a figure in every cell and mappings in every answer (never how fast anything was)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FIGURES = re.compile(r"^\d+\.\d{2} / \d+\.\d{2} / \d+\.\d{2}$")


def test_the_lineage_bench_prints_a_figure_for_each_question() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "STKG_NEO4J"))}
    done = subprocess.run(
        [sys.executable, "-m", "bench.lineage_latency", "--scale", "500", "--requests", "5",
         "--batch", "250"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Long lineage at 500 patents (")
    assert "120 stated mappings" in lines[0]
    rows = [line.strip("|").split("|") for line in lines if line.startswith("| ")][2:]
    assert [r[0].strip() for r in rows] == [
        "field lineage",
        "field lineage, include=proposed",
        "series flow",
        "series flow, include=proposed",
    ]
    # 40 fields through 4 editions: 3 mappings per field, 120 in the series
    assert [int(r[1]) for r in rows] == [3, 3, 120, 120]
    for r in rows:
        assert FIGURES.match(r[2].strip()) and FIGURES.match(r[3].strip()), r
