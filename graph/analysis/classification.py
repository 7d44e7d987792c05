"""``stkg patents classify``: link patents to the technologies whose search expression they meet.

The patents are read **once**, page by page, whatever the number of expressions
(:mod:`stkg.ontology.search_expressions`): one Aho–Corasick automaton over every
expression's needles (a substring each matching text holds) finds, in each searched text of
a patent, which expressions it may meet; only those are evaluated exactly (the boolean
expression, offices, filing years, the IPC scope and the exclusions). Reading the
collection once per expression instead made a thousand expressions a thousand scans.
Then each technology keeps one patent per family (the earliest filed, then the smallest
id) when patents carry a ``familyId``, and the result is compared with the
``MATCHES_TECHNOLOGY`` links the technology already has:

* nothing differs → nothing is written, not even a run (re-running changes nothing);
* otherwise one ``ClassificationRun`` node is created, then the new and changed links are
  written (score, matched terms, expression hash, run id) and the links of patents that no
  longer match are deleted, :data:`BATCH` per transaction (Neo4j caps a transaction's
  memory; a collection's links outgrow any cap), and last the run gets its
  ``finishedAt``. Unchanged links keep the run that wrote them, so only what changed is
  touched. A run cut short has no ``finishedAt``; running again writes what is left,
  because what was written is already what the expressions ask for.

The write names what it changed in the graph version's journal (the run and the patents
whose links it wrote or deleted; the technologies are their neighbours), so the SPARQL
store reloads those instead of rebuilding; a run that changes more patents than a journal
entry names (:data:`stkg.graph.version.JOURNAL_NODES`) says nothing, and the store rebuilds.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, LiteralString

import ahocorasick
from neo4j import ManagedTransaction

from stkg.config.version import __version__
from stkg.graph.cypher import classification as q
from stkg.graph.driver import Graph
from stkg.graph.version import touching
from stkg.ontology.search_expressions import FIELDS, SearchExpression, normalize_text

__all__ = [
    "ClassificationReport",
    "Needles",
    "TechnologyResult",
    "candidate_scope",
    "classify_documents",
    "classify_patents",
    "collapse_families",
]

#: Links written per transaction.
BATCH = 5000
#: Patents per page of the one pass over the collection.
PAGE = 5000


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
Work = Callable[[ManagedTransaction], None]


def _link(expr: SearchExpression, row: dict[str, Any]) -> Link | None:
    found = expr.match(
        {"title": row["title"], "abstract": row["abstract"], "claims": row["claims"]},
        row["codes"],
        row["office"],
    )
    return None if found is None else (found.score, found.terms, expr.hash)


def collapse_families(
    matches: dict[str, tuple[dict[str, Any], Link]],
) -> tuple[dict[str, Link], int]:
    """One link per family (the earliest filed, then the smallest id), and how many family
    members were left out; ``matches`` maps a patent id to its row and link."""
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


class Needles:
    """Which expressions a patent may meet: every expression's needles in one Aho–Corasick
    automaton, run once over each searched text (normalised, spaces taken out, so Korean
    needles are found whatever the spacing; a Latin needle holds no space either)."""

    def __init__(self, expressions: Sequence[SearchExpression]) -> None:
        owners: dict[str, list[int]] = {}
        for index, expr in enumerate(expressions):
            for needle in expr.needles:
                owners.setdefault(needle, []).append(index)
        self.fields = [frozenset(expr.fields) for expr in expressions]
        self.automaton = ahocorasick.Automaton()
        for needle, indexes in owners.items():
            self.automaton.add_word(needle, tuple(indexes))
        if owners:
            self.automaton.make_automaton()
        self.empty = not owners

    def candidates(self, row: dict[str, Any]) -> set[int]:
        """The expressions with a needle in one of the fields they search."""
        found: set[int] = set()
        if self.empty:
            return found
        for name in FIELDS:
            text = row.get(name)
            if not text:
                continue
            squeezed = normalize_text(text).replace(" ", "")
            for _, indexes in self.automaton.iter(squeezed):
                found.update(i for i in indexes if name in self.fields[i])
        return found


def _in_scope(expr: SearchExpression, row: dict[str, Any]) -> bool:
    """The expression's offices and filing years (CANDIDATES' filters, in Python)."""
    if expr.offices and row["office"] not in expr.offices:
        return False
    if expr.first_year is None and expr.last_year is None:
        return True
    if row["filed"] is None:
        return False
    year = int(str(row["filed"])[:4])
    return (expr.first_year is None or year >= expr.first_year) and (
        expr.last_year is None or year <= expr.last_year
    )


def _pages(graph: Graph, patents: Sequence[str] | None) -> Iterator[list[dict[str, Any]]]:
    """Every patent (or those of ``patents``), a page at a time, in id order."""
    if patents is not None:
        for start in range(0, len(patents), PAGE):
            yield graph.read(q.PATENTS_BY_ID, ids=list(patents[start : start + PAGE]))
        return
    after = ""
    while True:
        rows = graph.read(q.PATENT_PAGE, after=after, limit=PAGE)
        yield rows
        if len(rows) < PAGE:  # a short page is the last
            return
        after = rows[-1]["id"]


def _scan(
    graph: Graph,
    expressions: Sequence[SearchExpression],
    results: Sequence[TechnologyResult],
    progress: Callable[[str], None] | None = None,
    patents: Sequence[str] | None = None,
) -> list[dict[str, tuple[dict[str, Any], Link]]]:
    """One pass over every patent (or those of ``patents``); per expression, its matches
    (patent id → row, link). A row keeps only what family collapsing needs."""
    needles = Needles(expressions)
    matches: list[dict[str, tuple[dict[str, Any], Link]]] = [{} for _ in expressions]
    read = 0
    for rows in [] if needles.empty else _pages(graph, patents):
        read += len(rows)
        if progress is not None:
            progress(f"{len(expressions):,} expressions, {read:,} patents read")
        for row in rows:
            for index in needles.candidates(row):
                expr = expressions[index]
                if not _in_scope(expr, row):
                    continue
                results[index].candidates += 1
                link = _link(expr, row)
                if link is not None:
                    kept = {"id": row["id"], "filed": row["filed"], "family": row["family"]}
                    matches[index][row["id"]] = (kept, link)
    return matches


def classify_documents(
    graph: Graph, expressions: Sequence[SearchExpression], documents: Sequence[str]
) -> ClassificationReport | None:
    """Classify the patents some documents state (with the other members of their
    families): what ``stkg ingest`` and ``POST /ingest`` do after writing, so a new patent
    list is linked at once. None when the documents state no patent."""
    patents = [r["id"] for r in graph.read(q.DOCUMENT_PATENTS, documents=list(documents))]
    if not patents or not expressions:
        return None
    return classify_patents(graph, expressions, patents=patents)


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
    patents: Sequence[str] | None = None,
) -> ClassificationReport:
    """Classify the graph's patents by the expressions; see the module docstring.

    With ``patents`` (ids) only those are read, and only their links may change: how a
    patent list's new patents are classified as it is ingested (:func:`classify_documents`).
    """
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
        result.missing = expr.technology not in present
    scanned = [
        (e, r) for e, r in zip(expressions, report.technologies, strict=True) if not r.missing
    ]
    found = _scan(graph, [e for e, _ in scanned], [r for _, r in scanned], progress, patents)
    techs = [e.technology for e, _ in scanned]
    existing_rows = (
        graph.read(q.EXISTING_ALL, techs=techs)
        if patents is None
        else graph.read(q.EXISTING_OF, techs=techs, patents=list(patents))
    )
    existing_by: dict[str, dict[str, Link]] = {}
    for r in existing_rows:
        existing_by.setdefault(r["tech"], {})[r["patent"]] = (
            r["score"],
            tuple(r["terms"] or ()),
            r["hash"],
        )
    for (expr, result), matches in zip(scanned, found, strict=True):
        wanted, result.collapsed = collapse_families(matches)
        result.matched = len(wanted)
        existing = existing_by.get(expr.technology, {})
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
    digest = hashlib.sha256(
        "|".join(f"{e.technology}={e.hash}" for e in expressions).encode("utf-8")
    ).hexdigest()[:8]
    run = report.run = f"classrun:{started.strftime('%Y%m%dT%H%M%S%fZ')}-{digest}"

    def begin(tx: ManagedTransaction) -> None:
        tx.run(
            q.RUN,
            id=run,
            name=f"patent classification {started.isoformat(timespec='seconds')}",
            started=started,
            version=__version__,
            added=report.added,
            changed=report.changed,
            removed=report.removed,
        ).consume()

    def batch(statement: LiteralString, rows: list[dict[str, Any]]) -> Work:
        def work(tx: ManagedTransaction) -> None:
            tx.run(statement, rows=rows, run=run).consume()

        return work

    def finish(tx: ManagedTransaction) -> None:
        tx.run(q.FINISH, id=run, finished=dt.datetime.now(dt.UTC)).consume()

    # One transaction per batch: Neo4j caps each transaction's memory, and a collection's
    # links outgrow any cap. A run cut short keeps no finishedAt; running again writes the
    # rest, since what was written already is what the expressions ask for.
    steps: list[Work] = [begin]
    steps += [batch(q.UPSERT, upserts[i : i + BATCH]) for i in range(0, len(upserts), BATCH)]
    steps += [batch(q.REMOVE, removals[i : i + BATCH]) for i in range(0, len(removals), BATCH)]
    changed = {run} | {r["patent"] for r in upserts} | {r["patent"] for r in removals}
    with touching(nodes=changed):
        for step in [*steps, finish]:
            graph.execute_write(step)
    return report
