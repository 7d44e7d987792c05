"""Background processes that outlive the command that started them.

The local Neo4j and the API started by ``stkg up`` both run detached, each in its own
process group (so a stop reaches the JVM and anything it forked), tracked by a pid file.
A pid alone proves nothing (pids are reused), so the process must also show which program
it is (a marker in its command line) and which state directory it serves: the directory
is named in its command line (Neo4j's ``--home-dir=``) or in its environment
(``STKG_HOME``, which the API is started with). Start times are deliberately not compared:
the kernel reports a start time relative to boot, and the wall-clock boot time it is
added to moves when the clock is stepped (NTP, a VM resumed), so a pid file would stop
recognising its own server.
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

#: The environment variable that names a process's state directory (pydantic-settings
#: reads it as ``Settings.home``).
HOME_VARIABLE = "STKG_HOME"


@dataclass(frozen=True)
class PidRecord:
    pid: int
    marker: str
    home: str


class PidFile:
    """A JSON pid file for the process running ``marker`` for the state directory ``home``."""

    def __init__(self, path: Path, marker: str, home: Path):
        self.path = path
        self.marker = marker
        self.home = str(home)

    def write(self, pid: int) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        record = {"pid": pid, "marker": self.marker, "home": self.home}
        self.path.write_text(json.dumps(record))

    def read(self) -> PidRecord | None:
        try:
            data = json.loads(self.path.read_text())
            # files written before the home was recorded name only pid and marker
            return PidRecord(int(data["pid"]), str(data["marker"]), str(data.get("home", "")))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def live_process(self) -> psutil.Process | None:
        """The recorded process if it still runs and is still ours, else None."""
        record = self.read()
        if record is None:
            return None
        try:
            proc = psutil.Process(record.pid)
            if proc.status() == psutil.STATUS_ZOMBIE:
                return None
            cmdline = proc.cmdline()
            if self.marker in " ".join(cmdline) and serves(proc, cmdline, self.home):
                return proc
        except psutil.Error:
            pass
        return None

    def remove(self) -> None:
        self.path.unlink(missing_ok=True)


def serves(proc: psutil.Process, cmdline: Sequence[str], home: str) -> bool:
    """Whether ``proc`` works for the state directory ``home``: an argument names it
    (``HOME`` or ``--option=HOME``), or its environment's ``STKG_HOME`` does."""
    wanted = {home, os.path.realpath(home)}
    for arg in cmdline:
        value = arg.split("=", 1)[1] if arg.startswith("-") and "=" in arg else arg
        if value in wanted:
            return True
    try:
        named = proc.environ().get(HOME_VARIABLE)
    except psutil.Error:  # another user's process: its environment is not ours to read
        return False
    return named is not None and (named in wanted or os.path.realpath(named) in wanted)


def spawn(
    argv: Sequence[str], log_path: Path, env: dict[str, str] | None = None
) -> subprocess.Popen[bytes]:
    """Start ``argv`` detached in a new session, stdout and stderr appended to ``log_path``."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "ab") as log:
        popen = subprocess.Popen(
            list(argv),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            env=env,
        )
    _wait_exec_visible(popen, has_environment=bool(os.environ if env is None else env))
    return popen


def _wait_exec_visible(
    popen: subprocess.Popen[bytes], has_environment: bool, timeout: float = 5.0
) -> None:
    """Wait until the kernel shows the new program's command line and environment.

    ``Popen`` returns once ``exec`` has begun, but on a loaded machine there is a moment in
    which the new process reports an empty command line and environment: a pid file
    checked then would not recognise its own process.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            proc = psutil.Process(popen.pid)
            if proc.cmdline() and (proc.environ() or not has_environment):
                return
        except psutil.AccessDenied:
            return
        except psutil.Error:  # already gone: the caller's readiness check reports it
            return
        if popen.poll() is not None:
            return
        time.sleep(0.005)


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
