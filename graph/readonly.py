"""Is this Cypher safe to run for an anonymous analyst? Ask Neo4j's own planner.

Text filters are easy to fool (comments, unicode look-alikes, procedures hidden in
subqueries). Instead the query is planned with ``EXPLAIN`` — nothing runs — and the plan
is judged: the server's own query type must be read-only (``r``), no operator may load
files or run in separate transactions, and every procedure called must be on a short
allow-list of read-only schema and search procedures. The query then runs in a READ
access-mode transaction, which Neo4j itself refuses to let write.

:func:`run_read_only` runs it **once**: an explicit transaction, not a managed one, so an
error the query causes itself (more memory than a transaction may use, its timeout, a
syntax error) surfaces at the first attempt as a :class:`~stkg.graph.faults.QueryFailed`
instead of being retried; only an unreachable server is left to the caller as the driver
raised it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import neo4j
from neo4j import Driver, Transaction
from neo4j.exceptions import DriverError, Neo4jError

from stkg.graph.faults import QueryFailed, QueryRefused, own_fault
from stkg.graph.serialize import Rows, collect_rows
from stkg.graph.version import claimed_probe

#: Transaction metadata of analyst queries: ``SHOW TRANSACTIONS YIELD metaData`` tells them
#: from the service's own reads.
ANALYST_METADATA = {"app": "stkg", "kind": "analyst"}
#: Procedures an analyst may call: schema introspection and full-text search.
ALLOWED_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshipTypes",
        "db.propertyKeys",
        "db.schema.visualization",
        "db.schema.nodeTypeProperties",
        "db.schema.relTypeProperties",
        "db.index.fulltext.queryNodes",
        "db.index.fulltext.queryRelationships",
        "dbms.components",
    }
)
#: Plan operators that reach outside the graph or outside the transaction.
FORBIDDEN_OPERATORS = {
    "LoadCSV": "LOAD CSV reads files and URLs",
    "TransactionApply": "CALL { ... } IN TRANSACTIONS commits on its own",
    "TransactionForeach": "CALL { ... } IN TRANSACTIONS commits on its own",
    "AdministrationCommand": "administration commands are not allowed",
    # planned as read-only ("r") by Neo4j, yet they act on or reveal other sessions
    "TerminateTransactions": "TERMINATE TRANSACTIONS stops other people's queries",
    "ShowTransactions": "SHOW TRANSACTIONS reveals other sessions' queries and parameters",
    "ShowSettings": "SHOW SETTINGS reveals the server's configuration",
}


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    reason: str = ""


def judge_plan(query_type: str | None, plan: dict[str, Any] | None) -> Verdict:
    """Decide from an EXPLAIN summary whether the query may run."""
    if plan is None:
        return Verdict(False, "the query could not be planned")
    for operator, details in _operators(plan):
        if operator in FORBIDDEN_OPERATORS:
            return Verdict(False, FORBIDDEN_OPERATORS[operator])
        if operator == "ProcedureCall":
            name = (details or "").split("(", 1)[0].strip()
            if name not in ALLOWED_PROCEDURES:
                return Verdict(False, f"procedure {name or '?'} is not on the read-only list")
    if query_type != "r":
        kinds = {"w": "writes", "rw": "writes", "s": "changes the schema"}
        return Verdict(False, f"the query {kinds.get(query_type or '', 'is not read-only')}")
    return Verdict(True)


def _operators(plan: dict[str, Any]) -> Iterator[tuple[str, str | None]]:
    stack = [plan]
    while stack:
        node = stack.pop()
        operator = str(node.get("operatorType", "")).split("@", 1)[0]
        details = (node.get("args") or {}).get("Details")
        yield operator, details if isinstance(details, str) else None
        stack.extend(node.get("children") or [])


def run_read_only(
    driver: Driver,
    database: str,
    query: str,
    params: Mapping[str, Any],
    *,
    timeout: float,
    max_rows: int,
    metadata: dict[str, Any] | None = None,
    on_attempt: Callable[[], None] | None = None,
) -> Rows:
    """Plan ``query``, judge the plan, run it: one READ transaction, one attempt.

    ``on_attempt`` is called each time the query itself is sent to Neo4j (after its plan
    was allowed), so a caller can count attempts. Raises :class:`QueryRefused` for a plan
    that is not read-only, another :class:`QueryFailed` for the query's own faults, and the
    driver's own exceptions (``ServiceUnavailable``, ``SessionExpired``, transient errors)
    when the server is the cause. An API request whose answer may be kept has the graph
    version read first, in the same transaction (:class:`stkg.graph.version.VersionProbe`).
    """
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
        tx = session.begin_transaction(metadata=metadata, timeout=timeout)
        try:
            summary = tx.run("EXPLAIN " + query, dict(params)).consume()
            verdict = judge_plan(summary.query_type, summary.plan)
            if not verdict.allowed:
                raise QueryRefused(verdict.reason)
            probe = claimed_probe()  # an API request whose answer may be kept
            if probe is not None:
                probe.note(tx)
            if on_attempt is not None:
                on_attempt()
            return collect_rows(tx.run(query, dict(params)), max_rows)
        except Neo4jError as exc:
            fault: QueryFailed | None = own_fault(exc)
            if fault is None:
                raise
            raise fault from exc
        finally:
            _end(tx)


def _end(tx: Transaction) -> None:
    """Roll the transaction back: it only read. Closing one that failed may fail again
    (the driver re-raises the result's error); the first error is the one that counts."""
    with contextlib.suppress(Neo4jError, DriverError):
        tx.close()
