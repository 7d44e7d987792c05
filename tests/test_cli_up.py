"""`stkg up` says what it is doing: every step, as plain lines when output is not a terminal.

The first test runs the real command against a server of its own (fresh store, an empty
jar cache so Maven runs, free ports) with its output piped, as `make run` in CI or a log
file sees it, and times every line.
"""

from __future__ import annotations

import io
import itertools
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rich.console import Console

from stkg.graph.local.steps import MavenProgress
from stkg.progress import HEARTBEAT, StepReporter

REPO = Path(__file__).resolve().parents[1]

STEPS = (
    "Fetching Neo4j",
    "Starting Neo4j",
    "Waiting for Neo4j to answer",
    "Syncing the ontology schema",
    "Ingesting the sample documents",
    "Starting the API",
    "stkg is up",
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.slow
def test_up_shows_each_step_in_plain_lines_and_never_goes_quiet(tmp_path: Path) -> None:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "STKG_", "FORCE_COLOR"))
    }
    env.update(
        STKG_HOME=str(tmp_path / "state"),
        STKG_CACHE_DIR=str(tmp_path / "cache"),  # empty: Maven fetches (from its local repo)
        NEO4J_URI=f"bolt://127.0.0.1:{_free_port()}",
        STKG_NEO4J_HTTP_PORT=str(_free_port()),
        STKG_API_PORT=str(_free_port()),
    )
    cli = [sys.executable, "-m", "stkg.cli"]
    began = time.monotonic()
    lines: list[tuple[float, str]] = []
    try:
        with subprocess.Popen(
            [*cli, "up", "--samples", str(REPO / "samples")],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        ) as proc:
            assert proc.stdout is not None
            for line in proc.stdout:
                lines.append((time.monotonic(), line.rstrip("\n")))
            code = proc.wait()
    finally:
        subprocess.run([*cli, "down"], cwd=tmp_path, env=env, capture_output=True, timeout=180)
        shutil.rmtree(tmp_path / "cache", ignore_errors=True)
    output = "\n".join(text for _, text in lines)
    assert code == 0, output
    assert "\x1b[" not in output, "no colours or cursor moves when not a terminal"
    at = [next((i for i, (_, t) in enumerate(lines) if t.startswith(s)), -1) for s in STEPS]
    assert -1 not in at and at == sorted(at), output
    assert re.search(r"copied \d+ jars, [\d.]+ MiB", output), output
    # the requirement is itself about time: a plain-text `up` prints a line at least every
    # HEARTBEAT seconds while a step runs. Six heartbeats leave room for a loaded machine
    # and still catch a step that never says anything.
    stamps = [began] + [t for t, _ in lines]
    gaps = [b - a for a, b in itertools.pairwise(stamps)]
    assert max(gaps) < 6 * HEARTBEAT, f"{max(gaps):.1f}s without a line:\n{output}"


def test_plain_steps_say_done_and_still_working() -> None:
    out = io.StringIO()
    with StepReporter(Console(file=out, force_terminal=False), heartbeat=0.3) as steps:
        steps.step("Counting sheep")
        steps.detail("12 sheep")
        # wait for the heartbeat line rather than a fixed time (the guard: a hang only)
        deadline = time.monotonic() + 120
        while "still working" not in out.getvalue() and time.monotonic() < deadline:
            time.sleep(0.05)
        steps.step("Sleeping")
    lines = out.getvalue().splitlines()
    assert lines[0] == "Counting sheep ..."
    assert any(line.startswith("  still working, ") and "12 sheep" in line for line in lines)
    assert "Sleeping ..." in lines and lines[-1].startswith("  done after ")


def test_maven_batch_output_becomes_counts(tmp_path: Path) -> None:
    jar = tmp_path / "neo4j-kernel-5.26.31.jar"
    jar.write_bytes(b"x" * 3000)
    progress = MavenProgress()
    lines = [
        "[INFO] Scanning for projects...",
        "Downloading from central: https://repo.maven.apache.org/maven2/org/neo4j/neo4j-kernel/"
        "5.26.31/neo4j-kernel-5.26.31.pom",
        "Downloaded from central: https://repo.maven.apache.org/maven2/org/neo4j/neo4j-kernel/"
        "5.26.31/neo4j-kernel-5.26.31.pom (4.2 kB at 21 kB/s)",
        "Downloaded from central: https://repo.maven.apache.org/maven2/org/neo4j/neo4j-kernel/"
        "5.26.31/neo4j-kernel-5.26.31.jar (7.4 MB at 2.1 MB/s)",
        f"\x1b[0m[INFO] Copying neo4j-kernel-5.26.31.jar to {jar}",
        "[INFO] BUILD SUCCESS",
    ]
    changed = [progress.feed(line) for line in lines]
    progress.finish()
    assert changed == [False, False, True, True, True, False]
    assert progress.downloaded_files == 2
    assert progress.downloaded_bytes == 4_200 + 7_400_000
    assert (progress.copied_files, progress.copied_bytes) == (1, 3000)
    assert progress.summary() == "downloaded 2 files, 7.1 MiB; copied 1 jars, 0.0 MiB"
