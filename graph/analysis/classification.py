"""``stkg patents classify``: link patents to the technologies whose search expression they meet.

For each expression (:mod:`stkg.ontology.search_expressions`), Neo4j returns the patents in its
offices and filing years whose searched texts contain at least one of its terms (a
superset); Python then evaluates the boolean expression, the IPC scope and the exclusions
exactly, and keeps one patent per family (the earliest filed, then the smallest id) when
patents carry a ``familyId``. The result is compared with the ``MATCHES_TECHNOLOGY`` links
the technology already has:

* nothing differs → nothing is written, not even a run (re-running changes nothing);
* otherwise one ``ClassificationRun`` node is created and, in the same transaction, the new
  and changed links are written (score, matched terms, expression hash, run id) and the
  links of patents that no longer match are deleted. Unchanged links keep the run that
  wrote them, so only what changed is touched.

The write names what it changed in the graph version's journal (the run and the patents
whose links it wrote or deleted; the technologies are their neighbours), so the SPARQL
store reloads those instead of rebuilding; a run that changes more patents than a journal
entry names (:data:`stkg.graph.version.JOURNAL_NODES`) says nothing, and the store rebuilds.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from neo4j import ManagedTransaction

from stkg.config.version import __version__
from stkg.graph.cypher import classification as q
from stkg.graph.driver import Graph
from stkg.graph.version import touching
from stkg.ontology.search_expressions import SearchExpression

__all__ = [
    "ClassificationReport",
    "TechnologyResult",
    "candidate_scope",
    "classify_patents",
    "plan_links",
]

#: Rows per UNWIND when links are written.
BATCH = 5000


@dataclass
class TechnologyResult:
    technology: str
    name: str | None
    expression_hash: str
    candidates: int = 0
    matched: int = 0
    collapsed: int = 0  # family members left out
    added: int = 0
    changed: int = 0
    removed: int = 0
    missing: bool = False  # no such technology node in the graph


@dataclass
class ClassificationReport:
    run: str | None  # the run id, None when nothing changed (or a dry run)
    started: dt.datetime
    technologies: list[TechnologyResult] = field(default_factory=list)

    @property
    def added(self) -> int:
        return sum(t.added for t in self.technologies)

    @property
    def changed(self) -> int:
        return sum(t.changed for t in self.technologies)

    @property
    def removed(self) -> int:
        return sum(t.removed for t in self.technologies)


Link = tuple[float, tuple[str, ...], str]  # score, terms, expression hash


def plan_links(
    expr: SearchExpression, rows: Sequence[dict[str, Any]]
) -> tuple[dict[str, Link], int]:
    """The links the expression asks for among candidate rows, and how many family members
    were collapsed into their family's representative."""
    matches: dict[str, tuple[dict[str, Any], Link]] = {}
    for row in rows:
        found = expr.match(
            {"title": row["title"], "abstract": row["abstract"], "claims": row["claims"]},
            row["codes"],
            row["office"],
        )
        if found is not None:
            matches[row["id"]] = (row, (found.score, found.terms, expr.hash))
    families: dict[str, list[tuple[dict[str, Any], Link]]] = {}
    out: dict[str, Link] = {}
    for pid, (row, link) in matches.items():
        if row["family"]:
            families.setdefault(row["family"], []).append((row, link))
        else:
            out[pid] = link
    collapsed = 0
    for members in families.values():
        members.sort(key=lambda m: (_date(m[0]["filed"]), m[0]["id"]))
        row, link = members[0]
        out[row["id"]] = link
        collapsed += len(members) - 1
    return out, collapsed


def _date(value: Any) -> str:
    """A filing date as ISO text (the graph returns dates or their ISO strings); none last."""
    return "9999-12-31" if value is None else str(value)


def candidate_scope(expr: SearchExpression) -> dict[str, Any]:
    """The CANDIDATES parameters of an expression: offices, filing dates, fields, needles."""
    return {
        "offices": list(expr.offices) or None,
        "start": dt.date(expr.first_year, 1, 1) if expr.first_year else None,
        "end": dt.date(expr.last_year, 12, 31) if expr.last_year else None,
        "fields": list(expr.fields),
        "needles": expr.needles,
    }


def classify_patents(
    graph: Graph,
    expressions: Sequence[SearchExpression],
    *,
    dry_run: bool = False,
    progress: Callable[[str], None] | None = None,
) -> ClassificationReport:
    """Classify the graph's patents by the expressions; see the module docstring."""
    started = dt.datetime.now(dt.UTC)
    report = ClassificationReport(None, started)
    present = {
        r["id"]: r["name"]
        for r in graph.read(q.TECHNOLOGIES, ids=[e.technology for e in expressions])
    }
    upserts: list[dict[str, Any]] = []
    removals: list[dict[str, str]] = []
    for expr in expressions:
        result = TechnologyResult(expr.technology, present.get(expr.technology), expr.hash)
        report.technologies.append(result)
        if expr.technology not in present:
            result.missing = True
            continue
        if progress is not None:
            progress(expr.technology)
        rows = graph.read(q.CANDIDATES, **candidate_scope(expr))
        wanted, result.collapsed = plan_links(expr, rows)
        result.candidates, result.matched = len(rows), len(wanted)
        existing = {
            r["patent"]: (r["score"], tuple(r["terms"] or ()), r["hash"])
            for r in graph.read(q.EXISTING, tech=expr.technology)
        }
        for pid, link in sorted(wanted.items()):
            before = existing.get(pid)
            if before == link:
                continue
            if before is None:
                result.added += 1
            else:
                result.changed += 1
            upserts.append(
                {
                    "patent": pid,
                    "tech": expr.technology,
                    "score": link[0],
                    "terms": list(link[1]),
                    "hash": link[2],
                }
            )
        for pid in sorted(set(existing) - set(wanted)):
            result.removed += 1
            removals.append({"patent": pid, "tech": expr.technology})
    if dry_run or not (upserts or removals):
        return report
    finished = dt.datetime.now(dt.UTC)
    digest = hashlib.sha256(
        "|".join(f"{e.technology}={e.hash}" for e in expressions).encode("utf-8")
    ).hexdigest()[:8]
    report.run = f"classrun:{started.strftime('%Y%m%dT%H%M%S%fZ')}-{digest}"

    def work(tx: ManagedTransaction) -> None:
        tx.run(
            q.RUN,
            id=report.run,
            name=f"patent classification {started.isoformat(timespec='seconds')}",
            started=started,
            finished=finished,
            version=__version__,
            added=report.added,
            changed=report.changed,
            removed=report.removed,
        ).consume()
        for i in range(0, len(upserts), BATCH):
            tx.run(q.UPSERT, rows=upserts[i : i + BATCH], run=report.run).consume()
        for i in range(0, len(removals), BATCH):
            tx.run(q.REMOVE, rows=removals[i : i + BATCH]).consume()

    changed = {report.run} | {r["patent"] for r in upserts} | {r["patent"] for r in removals}
    with touching(nodes=changed):
        graph.execute_write(work)
    return report
