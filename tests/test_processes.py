"""Pid files know their process by the program and the state directory it serves.

Real processes, started here: a sleeping Python whose command line carries the marker and
(or not) the state directory, or whose environment names it. Never the start time: a pid
file written before the wall clock was stepped must still find its process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from stkg.config.processes import HOME_VARIABLE, PidFile, spawn, terminate_group

MARKER = "stkg-test-sleeper"
SLEEP = "import time; time.sleep(120)"


@pytest.fixture
def started() -> Iterator[list[subprocess.Popen[bytes]]]:
    procs: list[subprocess.Popen[bytes]] = []
    yield procs
    for proc in procs:
        proc.kill()
        proc.wait()


def _sleeper(
    started: list[subprocess.Popen[bytes]],
    tmp_path: Path,
    *args: str,
    env: dict[str, str] | None = None,
) -> subprocess.Popen[bytes]:
    proc = spawn([sys.executable, "-c", SLEEP, MARKER, *args], tmp_path / "sleeper.log", env=env)
    started.append(proc)
    return proc


def test_a_process_naming_its_home_in_the_command_line_is_recognised(
    tmp_path: Path, started: list[subprocess.Popen[bytes]]
) -> None:
    home = tmp_path / "state"
    proc = _sleeper(started, tmp_path, f"--home-dir={home}")
    ours = PidFile(tmp_path / "a.pid", MARKER, home)
    ours.write(proc.pid)
    found = ours.live_process()
    assert found is not None and found.pid == proc.pid
    # the same process, seen from another state directory's pid file, is not that one's
    theirs = PidFile(tmp_path / "b.pid", MARKER, tmp_path / "other-state")
    theirs.write(proc.pid)
    assert theirs.live_process() is None
    # nor from a pid file for another program
    assert PidFile(tmp_path / "a.pid", "some-other-program", home).live_process() is None


def test_a_process_naming_its_home_in_its_environment_is_recognised(
    tmp_path: Path, started: list[subprocess.Popen[bytes]]
) -> None:
    home = tmp_path / "state"
    proc = _sleeper(started, tmp_path, env={**os.environ, HOME_VARIABLE: str(home)})
    pid_file = PidFile(tmp_path / "api.pid", MARKER, home)
    pid_file.write(proc.pid)
    assert pid_file.live_process() is not None
    elsewhere = PidFile(tmp_path / "api.pid", MARKER, tmp_path / "elsewhere")
    assert elsewhere.live_process() is None


def test_a_pid_file_from_before_a_clock_step_still_finds_its_process(
    tmp_path: Path, started: list[subprocess.Popen[bytes]]
) -> None:
    # The earlier format recorded the start time and compared it within a second; when the
    # wall clock is stepped, the start time the kernel reports (relative to a boot time
    # in wall-clock terms) moves with it. A start time an hour off stands for that step.
    home = tmp_path / "state"
    proc = _sleeper(started, tmp_path, f"--home-dir={home}")
    path = tmp_path / "neo4j.pid"
    path.write_text(json.dumps({"pid": proc.pid, "create_time": 1.0, "marker": MARKER}))
    found = PidFile(path, MARKER, home).live_process()
    assert found is not None and found.pid == proc.pid


def test_a_reused_pid_is_not_mistaken_for_the_server(tmp_path: Path) -> None:
    # this very test process: alive, but neither the program nor the home of the file
    pid_file = PidFile(tmp_path / "neo4j.pid", f"--home-dir={tmp_path}", tmp_path)
    pid_file.write(os.getpid())
    assert pid_file.live_process() is None


def test_a_stopped_process_is_gone_and_its_pid_file_says_so(
    tmp_path: Path, started: list[subprocess.Popen[bytes]]
) -> None:
    home = tmp_path / "state"
    proc = _sleeper(started, tmp_path, f"--home-dir={home}")
    pid_file = PidFile(tmp_path / "neo4j.pid", MARKER, home)
    pid_file.write(proc.pid)
    found = pid_file.live_process()
    assert found is not None
    terminate_group(found, grace=10.0)
    proc.wait(10)
    assert pid_file.live_process() is None


def test_damaged_pid_files_read_as_no_process(tmp_path: Path) -> None:
    path = tmp_path / "neo4j.pid"
    for text in ("", "not json", "[]", '{"pid": "x"}', '{"marker": "m"}'):
        path.write_text(text)
        assert PidFile(path, MARKER, tmp_path).live_process() is None, text
