"""How a long start-up says what it is doing: the steps of a start and Maven's transfers.

The launcher reports through a :class:`Steps` object it is given; the command line shows
it (Rich progress in a terminal, plain lines otherwise). :class:`MavenProgress` turns
the lines Maven prints in batch mode into a running count of what it fetched and copied.
"""

from __future__ import annotations

import contextlib
import re
import subprocess
from collections import deque
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

__all__ = ["NO_STEPS", "MavenProgress", "Steps", "run_reporting"]


class Steps(Protocol):
    """Where a long operation reports its steps."""

    def step(self, title: str) -> None:
        """A new step begins (the one before it is done)."""

    def detail(self, text: str) -> None:
        """How the current step is going (a count, a size, a pid)."""


class _NoSteps:
    def step(self, title: str) -> None:
        pass

    def detail(self, text: str) -> None:
        pass


#: Reports nothing: the default of every call that takes a :class:`Steps`.
NO_STEPS: Steps = _NoSteps()

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
#: ``Downloaded from central: https://…/neo4j-kernel-5.26.31.jar (7.4 MB at 2.1 MB/s)``
_DOWNLOADED = re.compile(r"Downloaded from [^:]+: (\S+) \(([\d.,]+) (B|kB|KB|MB|GB)")
#: ``Copying neo4j-kernel-5.26.31.jar to /…/lib.partial-123/neo4j-kernel-5.26.31.jar``
_COPYING = re.compile(r"Copying (\S+) to (\S+)\s*$")
_UNITS = {"B": 1, "kB": 1000, "KB": 1000, "MB": 1000**2, "GB": 1000**3}


class MavenProgress:
    """What Maven has fetched so far, read from its batch-mode output line by line."""

    def __init__(self) -> None:
        self.downloaded_files = 0
        self.downloaded_bytes = 0
        self.copied_files = 0
        self.copied_bytes = 0
        self._last_copy: Path | None = None

    def feed(self, line: str) -> bool:
        """Read one line of Maven's output; True when it changed the counts."""
        line = _ANSI.sub("", line)
        if match := _DOWNLOADED.search(line):
            size = float(match.group(2).replace(",", ""))
            self.downloaded_files += 1
            self.downloaded_bytes += int(size * _UNITS[match.group(3)])
            return True
        if match := _COPYING.search(line):
            # a file is complete once Maven names the next one
            self._add_copied()
            self._last_copy = Path(match.group(2))
            self.copied_files += 1
            return True
        return False

    def finish(self) -> None:
        """Count the size of the last file copied (call when Maven has exited)."""
        self._add_copied()

    def _add_copied(self) -> None:
        if self._last_copy is not None:
            with contextlib.suppress(OSError):
                self.copied_bytes += self._last_copy.stat().st_size
            self._last_copy = None

    def summary(self) -> str:
        parts = []
        if self.downloaded_files:
            parts.append(f"downloaded {self.downloaded_files} files, {_mib(self.downloaded_bytes)}")
        if self.copied_files:
            parts.append(f"copied {self.copied_files} jars, {_mib(self.copied_bytes)}")
        return "; ".join(parts) or "resolving dependencies"


def _mib(n: int) -> str:
    return f"{n / 2**20:.1f} MiB"


def run_reporting(cmd: Sequence[str], steps: Steps, keep: int = 200) -> tuple[int, str]:
    """Run Maven, reporting its transfers to ``steps``; returns (exit code, output tail)."""
    progress = MavenProgress()
    tail: deque[str] = deque(maxlen=keep)
    steps.detail(progress.summary())
    with subprocess.Popen(
        list(cmd),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
    ) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            tail.append(_ANSI.sub("", line.rstrip("\n")))
            if progress.feed(line):
                steps.detail(progress.summary())
        code = proc.wait()
    progress.finish()
    steps.detail(progress.summary())
    return code, "\n".join(tail)
