"""Checking the classifier: draw a sample for a person to judge, read the judgements back,
store precision and recall per technology with the classification run.

``stkg patents sample`` splits a technology's patents into three strata and draws from
each:

* ``match`` — patents its search expression matched (``MATCHES_TECHNOLOGY`` links);
* ``near`` — patents that hold at least one of its search terms but were not matched (the
  near misses, where a missed patent is most likely);
* ``other`` — every other patent.

``n`` matches are drawn, and ``n`` non-matches split between ``near`` and ``other`` (half
each, the rest from whichever has more). Each row of the CSV carries its stratum and the
stratum's size, the run that last wrote the technology's links, and an empty
``judgement`` column for a person to fill in (``y``/``n``, ``yes``/``no``, ``1``/``0``,
``관련``/``무관``; an empty cell is left out).

``stkg patents judge`` estimates, per technology, from the judged rows:

* precision = relevant / judged among the ``match`` rows;
* recall = TP / (TP + FN), with TP = precision × |match| and FN the relevant share of each
  judged non-match stratum times its size (a stratified estimate: each stratum counts for
  the patents it stands for, however many of them were drawn). When every patent of a
  stratum is judged, its part of the estimate is exact.

The estimates are stored as one ``ClassifierEvaluation`` node per technology and run,
linked to both; judging the same run again replaces it. The write names those evaluation
nodes in the graph version's journal (:func:`stkg.graph.version.touching`), so the SPARQL
store reloads them and their neighbours (the technologies and runs) instead of
rebuilding. A CSV that cannot be trusted (a
missing column, a judgement that is no yes or no, rows of one technology that disagree on
their run or a stratum's size, a technology or run the graph does not hold) is refused
with the file and line, and nothing is written.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from stkg.graph.analysis.classification import candidate_scope
from stkg.graph.cypher import classification as q
from stkg.graph.driver import Graph
from stkg.graph.version import touching
from stkg.ontology.search_expressions import SearchExpression

__all__ = [
    "COLUMNS",
    "STRATA",
    "CheckError",
    "Evaluation",
    "JudgedRow",
    "SampleRow",
    "draw_sample",
    "estimate",
    "read_judgements",
    "store_evaluations",
    "write_sample",
]

STRATA = ("match", "near", "other")
#: The sample CSV's columns, in order; ``judgement`` is left empty for the person judging.
COLUMNS = (
    "technology",
    "stratum",
    "stratumSize",
    "patent",
    "matched",
    "matchScore",
    "matchedTerms",
    "title",
    "applicants",
    "office",
    "filingDate",
    "ipc",
    "run",
    "judgement",
)
#: Columns ``judge`` needs; the others are there for the person.
REQUIRED = ("technology", "stratum", "stratumSize", "patent", "matched", "run", "judgement")
RELEVANT = frozenset({"y", "yes", "1", "true", "o", "○", "relevant", "예", "네", "관련", "적합"})
NOT_RELEVANT = frozenset(
    {"n", "no", "0", "false", "x", "×", "irrelevant", "not relevant", "아니오", "아니요", "무관"}
    | {"부적합"}
)


class CheckError(ValueError):
    """A sample cannot be drawn or a judged CSV cannot be used; names the file and line."""

    def __init__(self, message: str, *, path: Path | None = None, line: int | None = None):
        self.path, self.line, self.message = path, line, message
        where = f"{path.name if path else ''}{f':{line}' if line else ''}"
        super().__init__(f"{where}: {message}" if where else message)


# --- drawing --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SampleRow:
    technology: str
    stratum: str
    stratum_size: int
    patent: str
    matched: bool
    score: float | None
    terms: tuple[str, ...]
    title: str
    applicants: tuple[str, ...]
    office: str
    filed: str
    ipc: tuple[str, ...]
    run: str

    def as_csv(self) -> list[str]:
        return [
            self.technology,
            self.stratum,
            str(self.stratum_size),
            self.patent,
            "yes" if self.matched else "no",
            "" if self.score is None else f"{self.score:.4f}",
            "; ".join(self.terms),
            self.title,
            "; ".join(self.applicants),
            self.office,
            self.filed,
            "; ".join(self.ipc),
            self.run,
            "",
        ]


def draw_sample(graph: Graph, expr: SearchExpression, n: int, *, seed: int = 0) -> list[SampleRow]:
    """``n`` matches and ``n`` non-matches of ``expr``'s technology (fewer where a stratum
    is smaller), the same for the same graph and seed."""
    if n < 1:
        raise CheckError("the sample size must be at least 1")
    links = {r["patent"]: r for r in graph.read(q.EXISTING, tech=expr.technology)}
    runs = sorted({r["run"] for r in links.values() if r["run"]})
    if not runs:
        raise CheckError(
            f"no classification run has linked a patent to {expr.technology}; "
            "run `stkg patents classify` first"
        )
    candidates = {r["id"] for r in graph.read(q.CANDIDATES, **candidate_scope(expr))}
    everyone = [r["id"] for r in graph.read(q.PATENT_IDS)]
    strata = {
        "match": sorted(links),
        "near": sorted(candidates - set(links)),
        "other": sorted(set(everyone) - candidates - set(links)),
    }
    rng = random.Random(f"{seed}:{expr.technology}")
    near_n = min(len(strata["near"]), n - min(len(strata["other"]), n // 2))
    other_n = min(len(strata["other"]), n - near_n)
    counts = {"match": min(n, len(strata["match"])), "near": near_n, "other": other_n}
    picked = {name: sorted(rng.sample(strata[name], counts[name])) for name in STRATA}
    ids = [pid for name in STRATA for pid in picked[name]]
    details = {r["id"]: r for r in graph.read(q.PATENT_DETAILS, ids=ids)}
    rows = []
    for name in STRATA:
        for pid in picked[name]:
            d, link = details[pid], links.get(pid)
            rows.append(
                SampleRow(
                    technology=expr.technology,
                    stratum=name,
                    stratum_size=len(strata[name]),
                    patent=pid,
                    matched=link is not None,
                    score=link["score"] if link else None,
                    terms=tuple(link["terms"] or ()) if link else (),
                    title=d["title"] or "",
                    applicants=tuple(d["applicants"]),
                    office=d["office"] or "",
                    filed="" if d["filed"] is None else str(d["filed"]),
                    ipc=tuple(d["ipc"]),
                    run=runs[-1],
                )
            )
    return rows


def write_sample(rows: Sequence[SampleRow], out: TextIO) -> None:
    """The sample as CSV with a header row and an empty ``judgement`` column."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(row.as_csv() for row in rows)


# --- judging ------------------------------------------------------------------------------


@dataclass(frozen=True)
class JudgedRow:
    line: int
    technology: str
    stratum: str
    stratum_size: int
    patent: str
    matched: bool
    run: str
    relevant: bool | None  # None: not judged


def read_judgements(path: Path) -> list[JudgedRow]:
    """The rows of a judged sample CSV (UTF-8, with or without BOM, or CP949 as Korean
    Excel saves it); raises :class:`CheckError` naming the file and line."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp949")
        except UnicodeDecodeError as exc:
            raise CheckError("neither UTF-8 nor CP949 text", path=path) from exc
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None:
        raise CheckError("the file is empty", path=path, line=1)
    index = {name.strip(): i for i, name in enumerate(header)}
    missing = [name for name in REQUIRED if name not in index]
    if missing:
        raise CheckError(
            f"no column {', '.join(missing)} (a sample from `stkg patents sample` has "
            f"{', '.join(COLUMNS)})",
            path=path,
            line=1,
        )
    rows = []
    for line, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        cell = {name: values[i].strip() if i < len(values) else "" for name, i in index.items()}
        rows.append(_judged(cell, path, line))
    if not rows:
        raise CheckError("no rows below the header", path=path, line=2)
    return rows


def _judged(cell: dict[str, str], path: Path, line: int) -> JudgedRow:
    def fail(message: str) -> CheckError:
        return CheckError(message, path=path, line=line)

    if cell["stratum"] not in STRATA:
        raise fail(f"stratum {cell['stratum']!r} is none of {', '.join(STRATA)}")
    try:
        size = int(cell["stratumSize"])
    except ValueError:
        raise fail(f"stratumSize {cell['stratumSize']!r} is not a whole number") from None
    matched = _yes_no(cell["matched"])
    if matched is None:
        raise fail(f"matched {cell['matched']!r} is neither yes nor no")
    if matched != (cell["stratum"] == "match"):
        raise fail(f"matched is {cell['matched']!r} in the {cell['stratum']!r} stratum")
    for name in ("technology", "patent", "run"):
        if not cell[name]:
            raise fail(f"{name} is empty")
    relevant = None
    if cell["judgement"]:
        relevant = _yes_no(cell["judgement"])
        if relevant is None:
            raise fail(
                f"judgement {cell['judgement']!r} is neither relevant (y, yes, 1, 관련) "
                "nor not relevant (n, no, 0, 무관); leave it empty to skip the row"
            )
    return JudgedRow(
        line, cell["technology"], cell["stratum"], size, cell["patent"], matched, cell["run"],
        relevant,
    )  # fmt: skip


def _yes_no(value: str) -> bool | None:
    folded = value.strip().casefold()
    if folded in RELEVANT:
        return True
    if folded in NOT_RELEVANT:
        return False
    return None


@dataclass
class Evaluation:
    technology: str
    run: str
    precision: float | None
    recall: float | None
    judged_matches: int
    judged_non_matches: int
    sizes: dict[str, int] = field(default_factory=dict)
    unjudged: int = 0

    @property
    def id(self) -> str:
        return f"classcheck:{self.technology.split(':', 1)[-1]}@{self.run.split(':', 1)[-1]}"


def estimate(rows: Sequence[JudgedRow], path: Path) -> list[Evaluation]:
    """Precision and recall per technology (see the module docstring)."""
    by_tech: dict[str, list[JudgedRow]] = {}
    for row in rows:
        by_tech.setdefault(row.technology, []).append(row)
    out = []
    for tech, tech_rows in by_tech.items():
        first = tech_rows[0]
        sizes: dict[str, int] = {}
        for row in tech_rows:
            if row.run != first.run:
                raise CheckError(
                    f"run {row.run} differs from {first.run} (line {first.line}) for {tech}; "
                    "judge one sample per run",
                    path=path,
                    line=row.line,
                )
            if sizes.setdefault(row.stratum, row.stratum_size) != row.stratum_size:
                raise CheckError(
                    f"stratumSize {row.stratum_size} differs from {sizes[row.stratum]} "
                    f"earlier in the {row.stratum!r} stratum of {tech}",
                    path=path,
                    line=row.line,
                )
        judged = [r for r in tech_rows if r.relevant is not None]
        by_stratum = {s: [r for r in judged if r.stratum == s] for s in STRATA}
        matches = by_stratum["match"]
        precision = sum(bool(r.relevant) for r in matches) / len(matches) if matches else None
        recall = None
        if precision is not None:
            found = precision * sizes.get("match", 0)
            missed = 0.0
            complete = True
            for stratum in ("near", "other"):
                size, sample = sizes.get(stratum, 0), by_stratum[stratum]
                if size and not sample:
                    complete = False  # a stratum that stands for patents nobody judged
                elif sample:
                    missed += sum(bool(r.relevant) for r in sample) / len(sample) * size
            if complete and found + missed > 0:
                recall = found / (found + missed)
        out.append(
            Evaluation(
                technology=tech,
                run=first.run,
                precision=precision,
                recall=recall,
                judged_matches=len(matches),
                judged_non_matches=len(by_stratum["near"]) + len(by_stratum["other"]),
                sizes=sizes,
                unjudged=len(tech_rows) - len(judged),
            )
        )
    return out


def store_evaluations(
    graph: Graph, evaluations: Sequence[Evaluation], path: Path, *, at: dt.datetime | None = None
) -> int:
    """Write the evaluations in one transaction; every technology and run must exist.

    The journal names the evaluations (their technologies and runs are their neighbours:
    the relationships between them leave the evaluation)."""
    rows: list[dict[str, Any]] = [
        {
            "id": e.id,
            "tech": e.technology,
            "run": e.run,
            "name": f"{e.technology} @ {e.run}",
            "precision": None if e.precision is None else round(e.precision, 4),
            "recall": None if e.recall is None else round(e.recall, 4),
            "judgedMatches": e.judged_matches,
            "judgedNonMatches": e.judged_non_matches,
        }
        for e in evaluations
    ]
    for target in graph.read(q.EVALUATION_TARGETS, rows=rows):
        if not target["hasTech"]:
            raise CheckError(f"no technology {target['tech']} in the graph", path=path)
        if not target["hasRun"]:
            raise CheckError(
                f"no classification run {target['run']} in the graph (for {target['tech']})",
                path=path,
            )
    when = at or dt.datetime.now(dt.UTC)
    with touching(nodes=[r["id"] for r in rows]):
        written = graph.write(q.EVALUATION, rows=rows, at=when)
    return int(written[0]["written"]) if written else 0
