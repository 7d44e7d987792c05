"""One Neo4j driver per process, and reads/writes through managed transactions.

Managed transactions (``execute_read`` / ``execute_write``) are what make the same code
work on a single server, a cluster or Aura: the driver retries transient errors and routes
reads to followers and writes to the leader. Going over the memory one transaction may
use is the one "transient" error a retry cannot mend; it ends the transaction at once as
:class:`~stkg.graph.faults.QueryNeedsMemory` (see :mod:`stkg.graph.faults`). Everything in
stkg that talks to Neo4j goes through :class:`Graph`.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, LiteralString, TypeVar

import neo4j
from neo4j import Driver, GraphDatabase, ManagedTransaction

from stkg.config.settings import Settings, get_settings
from stkg.graph.cypher import version as version_q
from stkg.graph.faults import no_retry_on_own_fault
from stkg.graph.serialize import Rows, collect_rows
from stkg.graph.version import JOURNAL, TOUCHING, VersionProbe, claimed_probe, scope_entry

T = TypeVar("T")

_lock = threading.Lock()
_drivers: dict[tuple[str, str, str | None], Driver] = {}


def auth_for(settings: Settings) -> tuple[str, str] | None:
    """No password configured means a local server without auth (loopback only)."""
    password = settings.password
    return (settings.neo4j_user, password) if password is not None else None


def new_driver(settings: Settings, *, uri: str | None = None, **options: Any) -> Driver:
    """A new driver for ``settings`` (the only place stkg builds one).

    ``options`` override the driver configuration below (the API, for one, waits less
    for a connection and retries less, so an outage answers 503 quickly). The caller
    closes the driver; most code wants the shared one, :func:`get_driver`.
    """
    config: dict[str, Any] = {
        "auth": auth_for(settings),
        "connection_timeout": 5.0,
        "max_transaction_retry_time": 10.0,
        "user_agent": "stkg",
        # deprecation notices are for us, in tests, not for users' terminals
        "notifications_min_severity": "OFF",
    }
    return GraphDatabase.driver(uri or settings.neo4j_uri, **{**config, **options})


def get_driver(settings: Settings | None = None) -> Driver:
    """The process-wide driver for these settings (drivers are thread-safe and pooled)."""
    settings = settings or get_settings()
    key = (settings.neo4j_uri, settings.neo4j_user, settings.password)
    with _lock:
        driver = _drivers.get(key)
        if driver is None:
            driver = _drivers[key] = new_driver(settings)
        return driver


def close_drivers() -> None:
    """Close every driver this process opened (tests, CLI exit)."""
    with _lock:
        for driver in _drivers.values():
            driver.close()
        _drivers.clear()


@dataclass(frozen=True)
class ServerInfo:
    """What ``stkg status`` prints."""

    address: str
    version: str
    edition: str
    nodes: int
    relationships: int


class Graph:
    """Reads and writes against one database, each in a managed transaction."""

    def __init__(self, driver: Driver, database: str = "neo4j", timeout: float = 30.0):
        self.driver = driver
        self.database = database
        self.timeout = timeout

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> Graph:
        settings = settings or get_settings()
        return cls(get_driver(settings), settings.neo4j_database, settings.neo4j_timeout)

    def read(self, query: LiteralString, **params: Any) -> list[dict[str, Any]]:
        """Run a read query; rows come back as JSON-ready dicts (see graph.serialize)."""
        return self.execute_read(_unit(query, params, self.timeout)).rows

    def rows(
        self,
        query: LiteralString,
        params: Mapping[str, Any],
        *,
        max_rows: int | None = None,
        timeout: float | None = None,
    ) -> Rows:
        """Run a read query, keeping ``max_rows`` rows at most (``truncated`` says if more)."""
        return self.execute_read(_unit(query, params, timeout or self.timeout, max_rows))

    def write(self, query: LiteralString, **params: Any) -> list[dict[str, Any]]:
        """Run a write query in its own transaction (retried on transient errors)."""
        return self.execute_write(_unit(query, params, self.timeout)).rows

    def execute_read(self, work: Callable[[ManagedTransaction], T]) -> T:
        """Run ``work`` in a read transaction (retried when the server was the cause).

        While a :class:`~stkg.graph.version.VersionProbe` waits in this context (an API
        request whose answer may be kept), the first such transaction reads the graph
        version first, in the same transaction (one small statement more, no transaction of
        its own).
        """
        probe = claimed_probe()
        if probe is not None:
            work = _probing(work, probe)
        with self.driver.session(database=self.database) as session:
            return session.execute_read(no_retry_on_own_fault(work))

    def execute_write(
        self,
        work: Callable[[ManagedTransaction], T],
        *,
        document: str | None = None,
        nodes: set[str] | None = None,
    ) -> T:
        """Run ``work`` in one write transaction: all of it commits, or none of it.

        The transaction ends by advancing the graph version (:mod:`stkg.graph.version`),
        so the version moves if and only if the write commits, whichever process made it.
        ``document`` is the id of the source document the write wrote, when it wrote one
        and nothing else (:class:`~stkg.graph.writer.FactWriter`): the version's journal
        records it, so a copy of the graph can reload that document alone. ``nodes``, a
        set ``work`` fills as it runs, names the nodes it changed besides (a document's
        nodes that nothing else of it reaches); the journal names them with the document
        or with what :func:`~stkg.graph.version.touching` declared, and only then.
        """
        advancing = _advancing(work, document, nodes)
        with self.driver.session(database=self.database) as session:
            return session.execute_write(no_retry_on_own_fault(advancing))

    def server_info(self) -> ServerInfo:
        info = self.driver.get_server_info()
        components = self.read(
            "CALL dbms.components() YIELD name, versions, edition "
            "RETURN name, versions[0] AS version, edition"
        )
        counts = self.read(
            "CALL () { MATCH (n) RETURN count(n) AS nodes } "
            "CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } "
            "RETURN nodes, relationships"
        )[0]
        kernel = next((c for c in components if c["name"] == "Neo4j Kernel"), components[0])
        return ServerInfo(
            address=str(info.address),
            version=kernel["version"],
            edition=kernel["edition"],
            nodes=counts["nodes"],
            relationships=counts["relationships"],
        )


def _probing(
    work: Callable[[ManagedTransaction], T], probe: VersionProbe
) -> Callable[[ManagedTransaction], T]:
    """The graph version read into ``probe``, then ``work``, in one transaction (keeping
    the timeout and metadata ``neo4j.unit_of_work`` gave ``work``)."""

    @functools.wraps(work)
    def noted(tx: ManagedTransaction) -> T:
        probe.note(tx)
        return work(tx)

    return noted


def _advancing(
    work: Callable[[ManagedTransaction], T],
    document: str | None = None,
    nodes: set[str] | None = None,
) -> Callable[[ManagedTransaction], T]:
    """``work``, then the graph version advanced in the same transaction (keeping the
    timeout and metadata ``neo4j.unit_of_work`` gave ``work``); the journal entry names
    ``document``, what :func:`~stkg.graph.version.touching` declared, and ``nodes`` as
    ``work`` left it (:func:`~stkg.graph.version.scope_entry`)."""
    declared = TOUCHING.get()

    @functools.wraps(work)
    def and_advance(tx: ManagedTransaction) -> T:
        if nodes is not None:
            nodes.clear()  # a retried attempt names what it changed, not the failed one
        answer = work(tx)
        scope = scope_entry(document, declared, nodes or ())
        tx.run(version_q.ADVANCE, {"scope": scope, "keep": JOURNAL}).consume()
        return answer

    return and_advance


def _unit(
    query: LiteralString, params: Mapping[str, Any], timeout: float, max_rows: int | None = None
) -> Callable[[ManagedTransaction], Rows]:
    """A transaction function running one query with a server-side timeout."""

    @neo4j.unit_of_work(timeout=timeout)
    def work(tx: ManagedTransaction) -> Rows:
        return collect_rows(tx.run(query, dict(params)), max_rows)

    return work
