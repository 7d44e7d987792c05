"""The local Neo4j launcher, against real JVMs started the way users start them."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError

from stkg.config.settings import Settings
from stkg.graph.driver import Graph
from stkg.graph.local.server import (
    JavaMissing,
    LocalNeo4j,
    MavenMissing,
    PortInUse,
    StoreLocked,
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def private_settings(tmp_path: Path, **overrides: object) -> Settings:
    """A server of its own: fresh store in tmp_path, free ports, the shared jar cache."""
    values: dict[str, object] = {
        "neo4j_uri": f"bolt://127.0.0.1:{free_port()}",
        "neo4j_http_port": free_port(),
        "home": tmp_path / "state",
        "neo4j_stop_timeout": 30.0,
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture
def private_server(tmp_path: Path) -> Iterator[LocalNeo4j]:
    server = LocalNeo4j(private_settings(tmp_path))
    yield server
    server.stop()


def _count(uri: str, auth: tuple[str, str] | None = None) -> int:
    with GraphDatabase.driver(uri, auth=auth) as driver:
        records, _, _ = driver.execute_query("MATCH (n:Entity) RETURN count(n) AS c")
        return int(records[0]["c"])


@pytest.mark.slow
def test_start_twice_stop_start_keeps_data(private_server: LocalNeo4j) -> None:
    status, started = private_server.start(quiet=True)
    assert started and status.running and status.pid
    assert status.rss_bytes and status.rss_bytes > 50 * 2**20

    again, started_again = private_server.start(quiet=True)
    assert not started_again, "a second start must not launch another JVM"
    assert again.pid == status.pid

    with GraphDatabase.driver(private_server.bolt_uri) as driver:
        driver.execute_query("CREATE (:Entity {id: 'test:durable'})")
    assert private_server.stop() is True
    assert not private_server.status().running
    assert not psutil.pid_exists(status.pid) or psutil.Process(status.pid).status() == "zombie"
    assert private_server.stop() is False, "stopping a stopped server says so"

    status2, started2 = private_server.start(quiet=True)
    assert started2 and status2.pid != status.pid
    assert _count(private_server.bolt_uri) == 1


@pytest.mark.slow
def test_kill_9_then_start_recovers_committed_data(private_server: LocalNeo4j) -> None:
    status, _ = private_server.start(quiet=True)
    with GraphDatabase.driver(private_server.bolt_uri) as driver:
        driver.execute_query("UNWIND range(1, 100) AS i CREATE (:Entity {id: 'test:' + i})")
    os.killpg(os.getpgid(status.pid), signal.SIGKILL)  # a crash: no clean shutdown
    psutil.Process(status.pid).wait(30)
    assert not private_server.status().running, "a dead pid in the pid file is not 'running'"

    status2, started = private_server.start(quiet=True)
    assert started and status2.running
    assert _count(private_server.bolt_uri) == 100


def test_port_in_use_names_the_owner(tmp_path: Path) -> None:
    settings = private_settings(tmp_path)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", settings.bolt_port))
        sock.listen()
        with pytest.raises(PortInUse) as info:
            LocalNeo4j(settings).start(quiet=True)
    message = str(info.value)
    assert str(settings.bolt_port) in message
    assert f"pid {os.getpid()}" in message, message
    assert not LocalNeo4j(settings).status().running


def test_java_missing_says_how_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty directory: no java, no mvn
    monkeypatch.delenv("JAVA_HOME", raising=False)
    with pytest.raises(JavaMissing, match="openjdk-17"):
        LocalNeo4j(private_settings(tmp_path)).start(quiet=True)


def test_java_missing_through_the_cli(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "JAVA_HOME"}
    env.update(PATH=str(tmp_path), STKG_HOME=str(tmp_path / "state"))
    proc = subprocess.run(
        [sys.executable, "-m", "stkg.cli", "neo4j", "start"],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert proc.returncode == 1
    assert "Java 17" in proc.stderr and "Traceback" not in proc.stderr + proc.stdout


def test_maven_missing_says_how_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    java_dir = Path(os.path.realpath(_which("java"))).parent
    monkeypatch.setenv("PATH", str(java_dir))
    settings = private_settings(tmp_path, cache_dir=tmp_path / "empty-cache")
    with pytest.raises(MavenMissing, match="apt-get install maven"):
        LocalNeo4j(settings).start(quiet=True)


def test_store_locked_by_another_process(tmp_path: Path) -> None:
    server = LocalNeo4j(private_settings(tmp_path))
    lock = server.data_dir / "databases" / "store_lock"
    lock.parent.mkdir(parents=True)
    lock.touch()
    holder_code = textwrap.dedent(
        f"""
        import fcntl, sys, time
        fh = open({str(lock)!r}, "r+b")
        fcntl.lockf(fh, fcntl.LOCK_EX)
        print("locked", flush=True)
        time.sleep(60)
        """
    )
    holder = subprocess.Popen([sys.executable, "-c", holder_code], stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == b"locked"
        with pytest.raises(StoreLocked) as info:
            server.start(quiet=True)
        assert f"pid {holder.pid}" in str(info.value)
        assert f"kill {holder.pid}" in str(info.value)
    finally:
        holder.kill()
        holder.wait()
    assert not server.status().running


@pytest.mark.slow
def test_password_is_required_when_configured(tmp_path: Path) -> None:
    settings = private_settings(tmp_path, neo4j_password="s3cret-pass")
    server = LocalNeo4j(settings)
    try:
        server.start(quiet=True)
        assert "dbms.security.auth_enabled=true" in (server.conf_dir / "neo4j.conf").read_text()
        assert _count(server.bolt_uri, ("neo4j", "s3cret-pass")) == 0
        with pytest.raises(AuthError):
            _count(server.bolt_uri, ("neo4j", "wrong-password"))
    finally:
        server.stop()


def test_config_listens_on_loopback_only(tmp_path: Path) -> None:
    server = LocalNeo4j(private_settings(tmp_path))
    conf = server.write_config().read_text()
    listen = [line for line in conf.splitlines() if "listen_address" in line]
    assert listen and all("=127.0.0.1" in line for line in listen)
    assert "dbms.security.auth_enabled=false" in conf


def test_config_limits_the_memory_of_transactions(tmp_path: Path) -> None:
    default = LocalNeo4j(private_settings(tmp_path)).write_config().read_text().splitlines()
    assert "db.memory.transaction.max=128m" in default
    assert not any(line.startswith("dbms.memory.transaction.total.max") for line in default)
    chosen = private_settings(tmp_path, neo4j_query_memory="64m", neo4j_query_memory_total="300m")
    conf = LocalNeo4j(chosen).write_config().read_text().splitlines()
    assert "db.memory.transaction.max=64m" in conf
    assert "dbms.memory.transaction.total.max=300m" in conf


def test_running_server_applies_the_transaction_memory_limit(graph: Graph) -> None:
    """The test server was started by LocalNeo4j: its limit is the setting's."""
    rows = graph.read(
        "SHOW SETTINGS YIELD name, value WHERE name = $name RETURN value",
        name="db.memory.transaction.max",
    )
    assert rows == [{"value": "128.00MiB"}]


def test_write_and_read_through_the_graph_module(graph: Graph) -> None:
    graph.write("UNWIND $ids AS id MERGE (:Entity {id: id})", ids=["a:1", "a:2", "a:1"])
    rows = graph.read("MATCH (n:Entity) RETURN n.id AS id ORDER BY id")
    assert [r["id"] for r in rows] == ["a:1", "a:2"]
    info = graph.server_info()
    assert info.version.startswith("5.26.") and info.edition == "community"
    assert info.nodes == 2


def test_routing_uri_works_against_a_single_server(neo4j_settings: Settings) -> None:
    routed = neo4j_settings.model_copy(
        update={"neo4j_uri": neo4j_settings.neo4j_uri.replace("bolt://", "neo4j://")}
    )
    from stkg.graph.driver import get_driver

    graph = Graph(get_driver(routed), routed.neo4j_database)
    graph.write("MERGE (:Entity {id: 'routing:probe'})")
    assert graph.read("MATCH (n:Entity {id: 'routing:probe'}) RETURN count(n) AS c")[0]["c"] == 1
    graph.write("MATCH (n:Entity {id: 'routing:probe'}) DELETE n")


def _which(name: str) -> str:
    import shutil

    found = shutil.which(name)
    assert found, f"{name} must be installed for the tests"
    return found


def test_status_cli_reports_version_and_counts(neo4j_settings: Settings) -> None:
    env = {**os.environ, "NEO4J_URI": neo4j_settings.neo4j_uri}
    if neo4j_settings.password:
        env["NEO4J_PASSWORD"] = neo4j_settings.password
    proc = subprocess.run(
        [sys.executable, "-m", "stkg.cli", "status"],
        env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "Neo4j 5.26." in proc.stdout and "community" in proc.stdout
    assert "nodes" in proc.stdout


def test_status_cli_explains_an_unreachable_server() -> None:
    env = {**os.environ, "NEO4J_URI": f"bolt://127.0.0.1:{free_port()}"}
    proc = subprocess.run(
        [sys.executable, "-m", "stkg.cli", "status"],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert proc.returncode == 1
    assert "not reachable" in proc.stderr and "stkg neo4j start" in proc.stderr
