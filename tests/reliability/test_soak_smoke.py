"""Smoke test of the soak (``python -m bench.soak``): a few seconds, tiny sizes, a restart.

It runs the command as documented, against this session's private Neo4j (which faults
may stop and start; the soak restarts it half-way), and checks that the report is
well-formed: every operation counted, latency buckets with numbers, the restart timed, the
RSS of both processes at start and end, and the RSS verdict. It never checks how fast
anything was.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from reliability_helpers import cli_env

from stkg.graph.local.server import LocalNeo4j

REPO = Path(__file__).resolve().parents[2]
OPERATIONS = {
    "GET /queries/editions",
    "GET /search",
    "GET /entities/{id}",
    "GET /health",
    "POST /cypher",
    "ingest (one document)",
}


@pytest.mark.slow  # restarts the private Neo4j and loads the NLP models in two processes
def test_soak_reports_errors_latency_restart_and_memory(
    private_neo4j: LocalNeo4j, tmp_path: Path
) -> None:
    settings = private_neo4j.settings
    env = cli_env(
        settings,
        STKG_HOME=str(settings.home),
        STKG_NEO4J_HTTP_PORT=str(settings.neo4j_http_port),
        STKG_NEO4J_STOP_TIMEOUT="30",
    )
    out = tmp_path / "soak.json"
    done = subprocess.run(
        [sys.executable, "-m", "bench.soak", "--minutes", "0.1", "--readers", "1",
         "--analysts", "1", "--bucket", "2", "--json", str(out), "--reuse-local"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert private_neo4j.status().running  # restarted, and left running

    report = json.loads(out.read_text())
    assert set(report["done"]) == OPERATIONS, report["done"]
    assert all(isinstance(n, int) and n > 0 for n in report["done"].values())
    for kind, count in report["errors"].items():
        operation, _, what = kind.partition(": ")
        assert operation in OPERATIONS and what and count > 0, kind
        assert sum(report["errors_per_bucket"][kind].values()) == count, kind
    for operation, buckets in report["latency"].items():
        assert operation in OPERATIONS
        for bucket in buckets:
            assert bucket["from_seconds"] % 2 == 0 and bucket["ok"] > 0
            assert 0 <= bucket["p50_ms"] <= bucket["p99_ms"]
    assert set(report["restart"]) == {"at_seconds", "stop_seconds", "start_seconds"}
    assert all(value >= 0 for value in report["restart"].values())
    assert set(report["rss_mib"]) == {"api", "ingest"}
    for values in report["rss_mib"].values():
        assert values["start"] > 0 and values["end"] > 0
    assert report["rss_within_bound"] is True

    # the markdown on stdout carries the same figures
    assert "| operation | done | errors |" in done.stdout
    assert f"| POST /cypher | {report['done']['POST /cypher']:,} |" in done.stdout
