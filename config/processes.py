"""Background processes that outlive the command that started them.

The local Neo4j and the API started by ``stkg up`` both run detached, each in its own
process group (so a stop reaches the JVM and anything it forked), tracked by a pid file
that records the command line, so a pid reused by an unrelated process is never mistaken
for ours.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import psutil


@dataclass(frozen=True)
class PidRecord:
    pid: int
    create_time: float
    marker: str


class PidFile:
    """A JSON pid file: pid, process start time and a marker found in its command line."""

    def __init__(self, path: Path, marker: str):
        self.path = path
        self.marker = marker

    def write(self, pid: int) -> None:
        record = {"pid": pid, "create_time": psutil.Process(pid).create_time()}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps({**record, "marker": self.marker}))

    def read(self) -> PidRecord | None:
        try:
            data = json.loads(self.path.read_text())
            return PidRecord(int(data["pid"]), float(data["create_time"]), str(data["marker"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def live_process(self) -> psutil.Process | None:
        """The recorded process if it still runs and is still ours, else None."""
        record = self.read()
        if record is None:
            return None
        try:
            proc = psutil.Process(record.pid)
            same_start = abs(proc.create_time() - record.create_time) < 1.0
            ours = record.marker in " ".join(proc.cmdline())
            if same_start and ours and proc.status() != psutil.STATUS_ZOMBIE:
                return proc
        except psutil.Error:
            pass
        return None

    def remove(self) -> None:
        self.path.unlink(missing_ok=True)


def spawn(
    argv: Sequence[str], log_path: Path, env: dict[str, str] | None = None
) -> subprocess.Popen[bytes]:
    """Start ``argv`` detached in a new session, stdout and stderr appended to ``log_path``."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "ab") as log:
        return subprocess.Popen(
            list(argv),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            env=env,
        )


def terminate_group(proc: psutil.Process, grace: float) -> bool:
    """SIGTERM the process group, then SIGKILL after ``grace`` seconds.

    Returns True when the process ended on SIGTERM (a clean shutdown).
    """
    try:
        pgid = os.getpgid(proc.pid)
    except ProcessLookupError:
        return True
    _signal_group(pgid, signal.SIGTERM)
    if _wait_gone(proc, grace):
        return True
    _signal_group(pgid, signal.SIGKILL)
    _wait_gone(proc, 10.0)
    return False


def _signal_group(pgid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, sig)


def _wait_gone(proc: psutil.Process, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if proc.status() == psutil.STATUS_ZOMBIE:
                proc.wait(0)
                return True
        except psutil.NoSuchProcess:
            return True
        except psutil.TimeoutExpired:
            pass
        time.sleep(0.2)
    return not proc.is_running()


def tail(path: Path, lines: int = 40) -> str:
    """The last ``lines`` lines of a log file ('' when it does not exist)."""
    try:
        with open(path, "rb") as fh:
            fh.seek(0, os.SEEK_END)
            size = fh.tell()
            fh.seek(max(0, size - 256 * 1024))
            data = fh.read().decode("utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(data.splitlines()[-lines:])


def port_owner(port: int) -> str | None:
    """Who listens on a TCP port, as 'pid NNN (name)', when the OS lets us see it."""
    try:
        for conn in psutil.net_connections(kind="inet"):
            if conn.laddr and conn.laddr.port == port and conn.status == psutil.CONN_LISTEN:
                if conn.pid is None:
                    return "another process (its pid is not visible to this user)"
                try:
                    name = psutil.Process(conn.pid).name()
                except psutil.Error:
                    name = "?"
                return f"pid {conn.pid} ({name})"
    except (psutil.AccessDenied, PermissionError):
        return None
    return None
