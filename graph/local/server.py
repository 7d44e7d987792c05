"""A real Neo4j Community server on a plain Linux machine: Java 17 and Maven, no Docker.

The jars come from Maven Central (``graph/local/neo4j-pom.xml``) into a cache outside the
project; the server is the same class the official tarball runs
(``org.neo4j.server.CommunityEntryPoint``) with a generated ``neo4j.conf`` that listens on
loopback only. Everything the user may trip over (no Java, no Maven, a busy port, a
server already running, a store locked by a surviving JVM) gets a message that says what
to do.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import psutil
from neo4j.exceptions import AuthError, ClientError, Neo4jError, ServiceUnavailable

from stkg.config.processes import PidFile, port_owner, spawn, tail, terminate_group
from stkg.config.settings import Settings
from stkg.graph.driver import new_driver
from stkg.graph.local.steps import NO_STEPS, Steps, run_reporting

ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"
#: Flags ``bin/neo4j`` passes on Java 17; without the java.nio one the server dies with
#: "Cannot to link java.nio.DirectByteBuffer".
JVM_FLAGS = (
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+ExitOnOutOfMemoryError",
    "-Djdk.nio.maxCachedBufferSize=1024",
)


class Neo4jServerError(RuntimeError):
    """A problem with the local server, phrased for the person at the terminal."""


class JavaMissing(Neo4jServerError):
    pass


class MavenMissing(Neo4jServerError):
    pass


class RuntimeFetchFailed(Neo4jServerError):
    pass


class PortInUse(Neo4jServerError):
    pass


class StoreLocked(Neo4jServerError):
    pass


class StartFailed(Neo4jServerError):
    pass


@dataclass(frozen=True)
class ServerStatus:
    running: bool
    pid: int | None
    bolt_uri: str
    http_url: str
    home: Path
    rss_bytes: int | None = None
    uptime_s: float | None = None


class LocalNeo4j:
    """The local Neo4j server for one state directory (``STKG_HOME/neo4j``)."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.home = settings.neo4j_home
        self.conf_dir = self.home / "conf"
        self.data_dir = self.home / "data"
        self.logs_dir = self.home / "logs"
        self.console_log = self.logs_dir / "console.log"
        self.pid_file = PidFile(
            self.home / "neo4j.pid", marker=f"--home-dir={self.home}", home=self.home
        )

    # -- addresses -----------------------------------------------------------------------
    @property
    def bolt_uri(self) -> str:
        return f"bolt://127.0.0.1:{self.settings.bolt_port}"

    @property
    def http_url(self) -> str:
        return f"http://127.0.0.1:{self.settings.neo4j_http_port}"

    @property
    def lib_dir(self) -> Path:
        return self.settings.cache_dir / f"neo4j-{self.settings.neo4j_version}" / "lib"

    # -- runtime: Java and the jars ---------------------------------------------------------
    def java(self) -> str:
        """The java binary (JAVA_HOME first, then PATH), checked to be Java 17 or newer."""
        java_home = os.environ.get("JAVA_HOME")
        candidate = Path(java_home, "bin", "java") if java_home else None
        java = str(candidate) if candidate and candidate.exists() else shutil.which("java")
        if not java:
            raise JavaMissing(
                "Java 17 is needed to run Neo4j 5.26 and none was found on PATH or in "
                "JAVA_HOME. Install it, e.g. `sudo apt-get install openjdk-17-jre-headless` "
                "(Debian/Ubuntu) or `brew install openjdk@17` (macOS), or use Docker "
                "(`docker compose up`), or point NEO4J_URI at a server you already run."
            )
        major = java_major_version(java)
        if major is not None and major < 17:
            raise JavaMissing(
                f"{java} is Java {major}; Neo4j 5.26 needs Java 17 or 21. Install "
                "openjdk-17-jre-headless and set JAVA_HOME to it."
            )
        return java

    def ensure_runtime(self, quiet: bool = False, steps: Steps | None = None) -> Path:
        """The Neo4j jars, fetched from Maven Central the first time (atomically).

        With ``steps``, Maven's output is read instead of shown: what it downloaded and
        copied is reported as the step's detail, and its end is kept for an error.
        """
        marker = self.lib_dir / ".complete"
        if marker.exists():
            return self.lib_dir
        mvn = shutil.which("mvn")
        if not mvn:
            raise MavenMissing(
                "Maven is needed once, to fetch Neo4j from Maven Central, and `mvn` is not "
                "on PATH. Install it, e.g. `sudo apt-get install maven` (Debian/Ubuntu) or "
                "`brew install maven` (macOS)."
            )
        staging = self.lib_dir.with_name(f"lib.partial-{os.getpid()}")
        shutil.rmtree(staging, ignore_errors=True)
        pom = resources.files("stkg.graph.local").joinpath("neo4j-pom.xml")
        with resources.as_file(pom) as pom_path:
            cmd = [
                mvn,
                "-B",
                "-f",
                str(pom_path),
                "dependency:copy-dependencies",
                f"-DoutputDirectory={staging}",
                "-DincludeScope=runtime",
                f"-Dneo4j.version={self.settings.neo4j_version}",
                f"-Dneo4j.browser.version={self.settings.neo4j_browser_version}",
            ]
            if steps is not None:
                steps.step(
                    f"Fetching Neo4j {self.settings.neo4j_version} from Maven Central "
                    "(about 140 MB, first run only)"
                )
                code, output = run_reporting(cmd, steps)
                detail = output[-3000:]
            else:
                if quiet:
                    cmd.insert(2, "-q")
                proc = subprocess.run(cmd, capture_output=quiet, text=True, check=False)
                code = proc.returncode
                detail = (proc.stdout or "")[-3000:] if quiet else "see Maven's output above"
        if code != 0:
            shutil.rmtree(staging, ignore_errors=True)
            raise RuntimeFetchFailed(
                f"Maven could not fetch Neo4j {self.settings.neo4j_version} from Maven "
                f"Central (exit {code}): {detail}"
            )
        (staging / ".complete").write_text(self.settings.neo4j_version)
        if self.lib_dir.exists():  # another process finished first
            shutil.rmtree(staging, ignore_errors=True)
        else:
            staging.rename(self.lib_dir)
        return self.lib_dir

    # -- configuration ------------------------------------------------------------------------
    def write_config(self) -> Path:
        """Generate neo4j.conf: loopback only, small memory, auth only with a password."""
        s = self.settings
        auth = "true" if s.password is not None else "false"
        conf = {
            "server.default_listen_address": "127.0.0.1",
            "server.default_advertised_address": "127.0.0.1",
            "server.bolt.listen_address": f"127.0.0.1:{s.bolt_port}",
            "server.bolt.advertised_address": f"127.0.0.1:{s.bolt_port}",
            "server.http.listen_address": f"127.0.0.1:{s.neo4j_http_port}",
            "server.http.advertised_address": f"127.0.0.1:{s.neo4j_http_port}",
            "server.https.enabled": "false",
            "server.directories.data": str(self.data_dir),
            "server.directories.logs": str(self.logs_dir),
            "server.directories.import": str(self.home / "import"),
            "server.memory.pagecache.size": s.neo4j_pagecache,
            "dbms.security.auth_enabled": auth,
            "dbms.usage_report.enabled": "false",
            "db.transaction.timeout": "0",
            # a query that needs more memory than this fails at once (not the JVM, not the
            # other transactions): POST /cypher answers 422 naming the limit
            "db.memory.transaction.max": s.neo4j_query_memory,
        }
        if s.neo4j_query_memory_total is not None:
            conf["dbms.memory.transaction.total.max"] = s.neo4j_query_memory_total
        self.conf_dir.mkdir(parents=True, exist_ok=True)
        path = self.conf_dir / "neo4j.conf"
        header = "# Generated by `stkg neo4j start`; edit STKG_* settings instead.\n"
        path.write_text(header + "".join(f"{k}={v}\n" for k, v in conf.items()))
        return path

    # -- lifecycle ----------------------------------------------------------------------------
    def status(self) -> ServerStatus:
        proc = self.pid_file.live_process()
        rss = uptime = None
        if proc is not None:
            try:
                rss = proc.memory_info().rss
                uptime = time.time() - proc.create_time()
            except psutil.Error:
                proc = None
        return ServerStatus(
            running=proc is not None,
            pid=proc.pid if proc else None,
            bolt_uri=self.bolt_uri,
            http_url=self.http_url,
            home=self.home,
            rss_bytes=rss,
            uptime_s=uptime,
        )

    def start(self, quiet: bool = False, steps: Steps | None = None) -> tuple[ServerStatus, bool]:
        """Start the server and wait until Bolt answers.

        Returns the status and whether this call started it (False: it was already up).
        ``steps`` hears each step: fetching the jars (the first time), starting the JVM,
        waiting for Bolt.
        """
        current = self.status()
        if current.running:
            return current, False
        self.pid_file.remove()  # stale: its process is gone
        java = self.java()
        lib = self.ensure_runtime(quiet=quiet, steps=steps)
        steps = NO_STEPS if steps is None else steps
        steps.step(f"Starting Neo4j {self.settings.neo4j_version} (store in {self.home})")
        self._check_port(self.settings.bolt_port, "Bolt", "NEO4J_URI")
        self._check_port(self.settings.neo4j_http_port, "HTTP", "STKG_NEO4J_HTTP_PORT")
        self._check_store_lock()
        self.write_config()
        for sub in (self.data_dir, self.logs_dir, self.home / "import"):
            sub.mkdir(parents=True, exist_ok=True)
        if self.settings.password is not None:
            self._set_initial_password(java, lib)
        argv = [
            java,
            f"-Xms{self.settings.neo4j_heap}",
            f"-Xmx{self.settings.neo4j_heap}",
            *JVM_FLAGS,
            "-cp",
            f"{lib}/*",
            ENTRY_POINT,
            f"--home-dir={self.home}",
            f"--config-dir={self.conf_dir}",
            "--console-mode",
        ]
        started_at = self.console_log.stat().st_size if self.console_log.exists() else 0
        popen = spawn(argv, self.console_log)
        self.pid_file.write(popen.pid)
        steps.step(f"Waiting for Neo4j to answer on {self.bolt_uri}")
        steps.detail(f"pid {popen.pid}, log {self.console_log}")
        self._wait_ready(popen, started_at)
        return self.status(), True

    def stop(self) -> bool:
        """Stop the server: SIGTERM to its process group, SIGKILL after the grace period.

        Returns False when no server was running.
        """
        proc = self.pid_file.live_process()
        if proc is None:
            self.pid_file.remove()
            return False
        terminate_group(proc, self.settings.neo4j_stop_timeout)
        self.pid_file.remove()
        return True

    def logs(self, lines: int = 50) -> str:
        return tail(self.console_log, lines)

    # -- checks -------------------------------------------------------------------------------
    def _check_port(self, port: int, what: str, setting: str) -> None:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind(("127.0.0.1", port))
                return
            except OSError:
                pass
        owner = port_owner(port) or "another process"
        raise PortInUse(
            f"Port {port} ({what}) on 127.0.0.1 is already in use by {owner}. Stop that "
            f"process, or choose another port with {setting}. If it is a Neo4j you already "
            "run, point NEO4J_URI at it instead of starting a local one."
        )

    def _check_store_lock(self) -> None:
        """Refuse to start when another process holds the store lock (a surviving JVM)."""
        for lock in (self.data_dir / "databases" / "store_lock", self.data_dir / "store_lock"):
            if not lock.exists():
                continue
            locked, holder = _lock_holder(lock)
            if locked:
                who = f"pid {holder.pid} ({holder.name()})" if holder else "another process"
                kill = f"`kill {holder.pid}`" if holder else f"`fuser -k {lock}`"
                raise StoreLocked(
                    f"The store in {self.data_dir} is locked by {who}, probably a Neo4j "
                    f"left over from an earlier run. Stop it with {kill} (add -9 if it "
                    "hangs), then run `stkg neo4j start` again; Neo4j recovers the store "
                    "from its transaction log on the next start."
                )

    def _set_initial_password(self, java: str, lib: Path) -> None:
        """Use Neo4j's own admin tool; it only takes effect before the first start."""
        if (self.data_dir / "databases" / "system").exists():
            return
        env = {**os.environ, "NEO4J_HOME": str(self.home), "NEO4J_CONF": str(self.conf_dir)}
        cmd = [
            java,
            *JVM_FLAGS[:3],
            "-cp",
            f"{lib}/*",
            ADMIN_TOOL,
            "dbms",
            "set-initial-password",
            self.settings.password or "",
        ]
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            secret = self.settings.password or ""
            output = (proc.stdout + proc.stderr).replace(secret, "***") if secret else ""
            raise StartFailed(f"Setting the initial Neo4j password failed: {output[-2000:]}")

    def _wait_ready(self, popen: subprocess.Popen[bytes], log_offset: int) -> None:
        deadline = time.monotonic() + self.settings.neo4j_start_timeout
        with new_driver(self.settings, uri=self.bolt_uri, connection_timeout=2) as driver:
            while True:
                if popen.poll() is not None:
                    self.pid_file.remove()
                    raise StartFailed(
                        f"Neo4j exited with code {popen.returncode} while starting. The end "
                        f"of its log ({self.console_log}):\n{self._log_since(log_offset)}"
                    )
                try:
                    driver.verify_connectivity()
                    # Bolt answers before the database does: ready means a query runs
                    with driver.session(database=self.settings.neo4j_database) as session:
                        session.run("RETURN 1").consume()
                    return
                except AuthError as exc:
                    raise StartFailed(
                        "Neo4j is up but refused NEO4J_PASSWORD. The password is set only "
                        "on the first start of a store; use the one it was created with, or "
                        f"remove {self.data_dir} to start afresh (this deletes the data)."
                    ) from exc
                except ClientError:
                    return  # up; a missing database is the caller's error, not the server's
                except (ServiceUnavailable, Neo4jError, OSError):
                    pass
                if time.monotonic() > deadline:
                    proc = self.pid_file.live_process()
                    if proc is not None:
                        terminate_group(proc, 10)
                    self.pid_file.remove()
                    raise StartFailed(
                        f"Neo4j did not answer on {self.bolt_uri} within "
                        f"{self.settings.neo4j_start_timeout:.0f}s (STKG_NEO4J_START_TIMEOUT)."
                        f" The end of its log:\n{self._log_since(log_offset)}"
                    )
                time.sleep(0.25)

    def _log_since(self, offset: int) -> str:
        try:
            with open(self.console_log, "rb") as fh:
                fh.seek(offset)
                text = fh.read().decode("utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-40:])


def java_major_version(java: str) -> int | None:
    """Parse `java -version` ('openjdk version "17.0.15"' → 17; '1.8.0' → 8)."""
    try:
        out = subprocess.run(
            [java, "-version"], capture_output=True, text=True, timeout=30, check=False
        ).stderr
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    if not match:
        return None
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


def _lock_holder(lock: Path) -> tuple[bool, psutil.Process | None]:
    """Whether another process holds a POSIX lock on ``lock``, and which one if visible.

    A lock file left behind by a JVM that died is harmless (the OS released the lock);
    only a live holder is a problem.
    """
    try:
        with open(lock, "r+b") as fh:
            try:
                fcntl.lockf(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                pass
            else:
                fcntl.lockf(fh, fcntl.LOCK_UN)
                return False, None
    except OSError:
        return False, None
    for proc in psutil.process_iter(["pid"]):
        try:
            if any(f.path == str(lock) for f in proc.open_files()):
                return True, proc
        except psutil.Error:
            continue
    return True, None
