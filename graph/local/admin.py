"""Offline dump and load of the local server's database with Neo4j's own admin tool.

``neo4j-admin database dump`` and ``load`` (class ``org.neo4j.cli.AdminTool``, in the jars
the launcher already fetched) work on a stopped database only; Community cannot stop one
database alone, so the whole server is stopped (:mod:`stkg.graph.backup` decides when).

A load never writes into the live store directly. It goes into a staging data directory
beside it (``STKG_HOME/neo4j/restore/staging``, through ``--additional-config``), so a
truncated or corrupted archive fails there and the store is untouched. Only a complete
load is moved into place, by renaming the database's two directories (its store and its
transaction logs); the store it replaces is kept aside (``restore/previous``) until the
caller has checked the result, and can be moved back.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections import deque
from pathlib import Path

from stkg.graph.local.server import ADMIN_TOOL, JVM_FLAGS, LocalNeo4j, Neo4jServerError
from stkg.graph.local.steps import NO_STEPS, Steps

__all__ = [
    "AdminFailed",
    "RestoreInterrupted",
    "StoreSwap",
    "check_no_restore_left",
    "database_exists",
    "dump_database",
    "load_staged",
]

#: the admin tool's progress lines: ``Files: 12/36, data: 57.0%``
_PROGRESS = re.compile(r"^Files: (\d+)/(\d+), data:\s*([\d.]+)%")
#: the two directories that hold one database in a data directory
_PARTS = ("databases", "transactions")


class AdminFailed(Neo4jServerError):
    """``neo4j-admin`` refused or failed; the message holds the end of its output."""


class RestoreInterrupted(Neo4jServerError):
    """A restore directory is left from an earlier run that did not finish."""


def database_exists(server: LocalNeo4j, database: str) -> bool:
    """Whether the local store holds ``database`` (a store directory exists for it)."""
    return (server.data_dir / "databases" / database).is_dir()


def _run_admin(
    server: LocalNeo4j, args: list[str], steps: Steps, *, stdin: Path | None = None
) -> None:
    """Run ``neo4j-admin ARGS`` on the server's home; its progress goes to ``steps``."""
    java = server.java()
    lib = server.ensure_runtime(quiet=True)
    server.write_config()  # the admin tool reads the same neo4j.conf the server does
    env = {**os.environ, "NEO4J_HOME": str(server.home), "NEO4J_CONF": str(server.conf_dir)}
    cmd = [java, *JVM_FLAGS[:3], "-cp", f"{lib}/*", ADMIN_TOOL, *args]
    tail: deque[str] = deque(maxlen=40)
    with (
        open(stdin, "rb") if stdin is not None else open(os.devnull, "rb") as source,
        subprocess.Popen(
            cmd,
            env=env,
            stdin=source,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            errors="replace",
        ) as proc,
    ):
        assert proc.stdout is not None
        for raw in proc.stdout:
            line = raw.strip()
            if match := _PROGRESS.match(line):
                files, total, pct = match.groups()
                steps.detail(f"{files}/{total} files, {float(pct):.0f}% of the data")
            elif line:
                tail.append(line)
        code = proc.wait()
    if code != 0:
        output = "\n".join(tail)
        raise AdminFailed(f"neo4j-admin {' '.join(args[:2])} failed (exit {code}):\n{output}")


def dump_database(server: LocalNeo4j, database: str, target: Path, steps: Steps = NO_STEPS) -> None:
    """Dump ``database`` of the stopped server into the file ``target`` (atomically).

    The admin tool writes ``<database>.dump`` into a directory of its own beside
    ``target``; the file is renamed to ``target`` only once the dump is complete.
    """
    if server.status().running:
        raise AdminFailed(f"the local Neo4j (pid {server.status().pid}) must be stopped first")
    partial = target.parent / f".{target.name}.partial-{os.getpid()}"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True, mode=0o700)
    try:
        _run_admin(server, ["database", "dump", database, f"--to-path={partial}"], steps)
        (partial / f"{database}.dump").rename(target)
    finally:
        shutil.rmtree(partial, ignore_errors=True)


def check_no_restore_left(server: LocalNeo4j, database: str) -> None:
    """Refuse to start a restore while an earlier one left its directory behind."""
    root = server.home / "restore"
    if root.exists():
        raise RestoreInterrupted(
            f"{root} is left from a restore that did not finish. If "
            f"{root / 'previous'} exists it holds the store that restore replaced: move its "
            f"'databases/{database}' and 'transactions/{database}' back under {server.data_dir} "
            f"if the current store is not the one you want, then delete {root}."
        )


def load_staged(
    server: LocalNeo4j, database: str, archive: Path, steps: Steps = NO_STEPS
) -> StoreSwap:
    """Load ``archive`` into a staging data directory; the live store is not touched.

    Raises :class:`AdminFailed` (the staging directory removed) when Neo4j cannot load
    it: a truncated or corrupted archive fails here.
    """
    check_no_restore_left(server, database)
    root = server.home / "restore"
    staging = root / "staging"
    (staging / "data").mkdir(parents=True)
    conf = staging / "staging.conf"
    conf.write_text(f"server.directories.data={staging / 'data'}\n")
    try:
        _run_admin(
            server,
            ["database", "load", database, f"--additional-config={conf}", "--from-stdin"],
            steps,
            stdin=archive,
        )
        for part in _PARTS:
            if not (staging / "data" / part / database).is_dir():
                raise AdminFailed(f"neo4j-admin load left no {part}/{database} directory")
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise
    return StoreSwap(server, database, root)


class StoreSwap:
    """A database loaded into staging, ready to replace the live one (server stopped)."""

    def __init__(self, server: LocalNeo4j, database: str, root: Path) -> None:
        self.server = server
        self.database = database
        self.root = root
        self.staging = root / "staging" / "data"
        self.previous = root / "previous"
        self._moved: list[tuple[Path, Path]] = []

    def _move(self, src: Path, dst: Path) -> None:
        dst.parent.mkdir(parents=True, exist_ok=True)
        src.rename(dst)
        self._moved.append((src, dst))

    def apply(self) -> None:
        """Put the staged database in place, keeping the current one aside."""
        if self.server.status().running:
            raise AdminFailed("the local Neo4j must be stopped before its store is replaced")
        data = self.server.data_dir
        try:
            for part in _PARTS:
                live = data / part / self.database
                if live.exists():
                    self._move(live, self.previous / part / self.database)
                self._move(self.staging / part / self.database, live)
        except OSError:
            self.roll_back()
            raise

    def roll_back(self) -> None:
        """Undo :meth:`apply`: the previous store is back, the staged one deleted."""
        for src, dst in reversed(self._moved):
            dst.rename(src)
        self._moved.clear()
        self.discard()

    def discard(self) -> None:
        """Forget the staging area and the previous store (after a checked restore)."""
        shutil.rmtree(self.root, ignore_errors=True)
