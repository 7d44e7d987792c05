"""Smoke test of the benchmark runner at 1,000 patents: the report is well-formed.

It runs ``python -m bench`` exactly as documented, against the test server (which the
runner wipes and syncs — the ``graph`` fixture wipes it before, and every other test
starts from a wiped graph anyway, so nothing depends on what this one leaves). It checks
the shape of the output — the tables, a number in every figure cell, each anchor row,
the marked section replaced in place — and never how fast anything was.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from stkg.config.settings import Settings
from stkg.graph.driver import Graph
from stkg.graph.wipe import wipe

REPO = Path(__file__).resolve().parents[2]
NUMBER = re.compile(r"^\d{1,3}(,\d{3})*(\.\d+)?$")
OTHER = "## Some other section\n\nkept as it is\n"


def _env(settings: Settings) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "STKG_NEO4J"))}
    env.update(NEO4J_URI=settings.neo4j_uri, STKG_HOME=str(settings.home),
               STKG_NEO4J_HTTP_PORT=str(settings.neo4j_http_port))  # fmt: skip
    if settings.password:
        env["NEO4J_PASSWORD"] = settings.password
    return env


def _rows(table_header: str, text: str) -> list[list[str]]:
    """The body rows (cells stripped) of the table whose header line starts so."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(table_header))
    assert set(lines[start + 1].replace("|", "").split()) == {"---"}, lines[start + 1]
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([c.strip() for c in line.strip().strip("|").split("|")])
    return rows


def test_runner_writes_a_well_formed_section(
    graph: Graph, neo4j_settings: Settings, tmp_path: Path
) -> None:
    target = tmp_path / "BENCHMARKS.md"
    target.write_text(f"# Benchmarks\n\n<!-- bench:scale=1000 -->\nOLD\n<!-- /bench -->\n\n{OTHER}")
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--scale", "1000", "--requests", "20",
         "--naive-rows", "50", "--no-store-size", "--no-fresh-store", "--connections", "4",
         "--seconds", "1", "--releases", "5", "--out", str(target),
         "--out-dir", str(tmp_path / "out")],
        cwd=REPO, env=_env(neo4j_settings), capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    wipe(graph)  # leave the graph as other tests expect it
    assert done.returncode == 0, done.stderr[-3000:]

    section = (tmp_path / "out" / "1000.md").read_text(encoding="utf-8")
    assert section.startswith("<!-- bench:scale=1000 -->")
    assert section.rstrip().endswith("<!-- /bench -->")
    assert "python -m bench --scale 1000" in section  # the command that reproduces it
    assert re.search(r"\d+ cores, \d+ GiB RAM", section)
    assert re.search(r"date \d{4}-\d{2}-\d{2}", section)

    loads = _rows("| loader |", section)
    assert [r[0].split(":")[0] for r in loads] == [
        "stkg `FactWriter.write_documents` reading the same CSV, 5,000 patents per document "
        "(one transaction each)", "anchor", "anchor"]  # fmt: skip
    assert "LOAD CSV" in loads[1][0] and "naive MERGE" in loads[2][0]
    assert [r[1] for r in loads] == ["1,000", "1,000", "50"]
    latencies = _rows("| query |", section)
    assert [r[0] for r in latencies] == [
        "field history", "lineage depth 3 down from a field", "programme links"]  # fmt: skip
    throughput = _rows("| query | bare req/s |", section)
    assert [r[0] for r in throughput] == [r[0] for r in latencies]
    cached = _rows("| query | cached p50 |", section)
    assert [r[0] for r in cached] == [r[0] for r in latencies]
    assert all(r[5] == "1.00" for r in cached), "every conditional request answered 304"
    ingest = _rows("| figure | value | / raw Kiwi |", section)
    assert [r[0].split(":")[0] for r in ingest] == [
        "anchor", "extraction (readers, tables, statements, spaCy + Kiwi)",
        "full ingest into the same database (one transaction per document)", "written",
        "peak RSS of the ingest process"]  # fmt: skip
    assert re.match(r"^[\d.]+ MB/s$", ingest[0][1]) and NUMBER.match(ingest[1][2])
    resources = _rows("| resource |", section)
    assert resources and resources[0][0].startswith("peak RSS")
    assert resources[1][0].startswith("peak RSS of the API process")
    for row in loads + latencies + throughput + cached + resources:
        for cell in row[1:]:
            assert NUMBER.match(cell), (row, cell)
    assert all(float(r[3].replace(",", "")) > 0 for r in loads)

    merged = target.read_text(encoding="utf-8")
    assert "OLD" not in merged and merged.count("<!-- bench:scale=1000 -->") == 1
    assert section.strip() in merged and merged.rstrip().endswith(OTHER.rstrip())


GENERATOR_PROBE = """
import collections, json
from bench.generate import Scale, patents, skeleton
scale = Scale(2000)
first, second = list(patents(scale)), list(patents(scale))
facts = skeleton(scale)
classes = collections.Counter(n.cls for n in facts.nodes.values())
applicants = collections.Counter(p.applicant for p in first)
print(json.dumps({
    "same": first == second,
    "other_seed_differs": first != list(patents(Scale(2000, seed=8))),
    "ids": len({p.id for p in first}),
    "top_share": applicants.most_common(1)[0][1] / len(first),
    "applicants": len(applicants),
    "classes": classes,
    "years": sorted({p.filing_date.year for p in first}),
}))
"""


def test_generator_is_deterministic_and_skewed() -> None:
    done = subprocess.run([sys.executable, "-c", GENERATOR_PROBE], cwd=REPO,
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    probe = json.loads(done.stdout)
    assert probe["same"] and probe["other_seed_differs"]
    assert probe["ids"] == 2000
    # Zipf-like: with 50 applicants an even spread gives each 2%; the top one holds far more
    assert probe["top_share"] > 0.15
    assert probe["applicants"] > 25
    assert probe["classes"]["RoadmapEdition"] == 4
    assert probe["classes"]["StrategicField"] == 40
    assert probe["classes"]["FieldVersion"] == 160
    assert probe["classes"]["StrategicProduct"] == 300
    assert probe["classes"]["CoreTechnology"] == 3000
    assert probe["classes"]["Programme"] == 12 and probe["classes"]["Funding"] == 48
    assert probe["years"][0] >= 2010 and probe["years"][-1] <= 2024 and len(probe["years"]) > 10


def test_extraction_profile_names_every_stage() -> None:
    done = subprocess.run([sys.executable, "-m", "bench.profiles", "extraction", "--count", "3"],
                          cwd=REPO, capture_output=True, text=True, timeout=180)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert lines[0].startswith("3 releases: raw Kiwi")
    stages = dict(re.findall(r"^  (.+): ([\d.]+) s \(cProfile", done.stdout, re.M))
    assert list(stages)[-1] == "all of extraction" and len(stages) == 8
    total = float(stages.pop("all of extraction"))
    assert total > 0 and all(0 < float(v) <= total for v in stages.values()), stages


def test_analyst_isolation_bench_prints_its_table(graph: Graph, neo4j_settings: Settings) -> None:
    """The shape of ``python -m bench.analyst_isolation``'s table, never its figures."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.analyst_isolation", "--heavy", "2", "-n", "20",
         "--scan-timeout", "1"],
        cwd=REPO, env=_env(neo4j_settings), capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert "python -m bench.analyst_isolation --heavy 2 -n 20 --scan-timeout 1" in done.stdout
    _check_isolation_table(done.stdout)


ISOLATION_PROBE = """
from collections import Counter
from bench.analyst_isolation import Outcome, render
from bench.query_latency import Latency
slow = Latency(20, 1234.56, 98765.4, 1234567.8)  # a loaded machine: seconds, not ms
print(render([
    Outcome("unloaded", Latency(20, 0.04, 9.95, 999.96), Counter({200: 20}), Counter()),
    Outcome("2 heavy analysts, pool of 2 (default)", slow, Counter({200: 20}),
            Counter({408: 3, 422: 2, 429: 5})),
    Outcome("2 heavy analysts, pool of 2 (no bound)", slow, Counter({200: 20}),
            Counter({503: 1})),
], "python -m bench.analyst_isolation", 2))
"""


def test_analyst_isolation_table_keeps_its_shape_at_any_magnitude() -> None:
    """Latencies of seconds (a machine under load) print as well-formed figures too."""
    done = subprocess.run([sys.executable, "-c", ISOLATION_PROBE], cwd=REPO,
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    _check_isolation_table(done.stdout)
    rows = _rows("| run |", done.stdout)
    assert rows[1][1:4] == ["1,234.6", "98,765.4", "1,234,567.8"], rows[1]
    assert rows[0][1:4] == ["0.0", "9.9", "1,000.0"], rows[0]


def _check_isolation_table(out: str) -> None:
    """The table of ``bench.analyst_isolation`` for ``--heavy 2 -n 20``: its rows, a figure
    in every latency cell, the app's requests all answered, the analysts' statuses."""
    rows = _rows("| run |", out)
    assert [r[0] for r in rows] == [
        "unloaded", "2 heavy analysts, pool of 2 (default)",
        "2 heavy analysts, pool of 2 (no bound)"]  # fmt: skip
    for row in rows:
        assert len(row) == 6, row
        assert all(NUMBER.match(cell) for cell in row[1:4]), row
        assert row[4] == "200: 20", row  # the app's own requests all answered
    assert rows[0][5] == "—"
    # what the analysts were told: statuses only from the documented set
    for row in rows[1:]:
        statuses = {int(part.split(":")[0]) for part in row[5].split(", ")}
        assert statuses and statuses <= {200, 408, 422, 429, 503}, row
