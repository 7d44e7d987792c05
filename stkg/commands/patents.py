"""`stkg patents classify`: link patents to technologies by their search expressions."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from neo4j.exceptions import Neo4jError, ServiceUnavailable
from rich.table import Table

from stkg.console import console, err_console, fail
from stkg.graph.analysis.classification import ClassificationReport, classify_patents
from stkg.graph.analysis.classifier_check import (
    CheckError,
    Evaluation,
    draw_sample,
    estimate,
    read_judgements,
    store_evaluations,
    write_sample,
)
from stkg.graph.driver import Graph
from stkg.graph.faults import QueryFailed
from stkg.ontology.model import load_ontology
from stkg.ontology.search_expressions import SearchExpressionError, load_for_ontology

app = typer.Typer(help="Patents in the graph.", no_args_is_help=True)


@app.command()
def classify(
    tech: Annotated[
        list[str] | None,
        typer.Option("--tech", "-t", help="Only this technology id (repeatable)."),
    ] = None,
    expressions: Annotated[
        list[Path] | None,
        typer.Option(
            "--expressions",
            "-e",
            help="Expression files or folders of *.toml (default: the ontology's search/).",
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Report what would change; write nothing.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Link patents to the technologies whose search expression they satisfy.

    The expressions (ontology/search/*.toml, docs/patents.md) are all checked first: a
    syntax error or an unknown IPC pattern is reported with its file and line and nothing
    is written. Each match becomes a MATCHES_TECHNOLOGY link with its score, the matched
    terms and the expression hash, written by a recorded ClassificationRun; running again
    with nothing changed writes nothing.

    Examples:

      stkg patents classify

      stkg patents classify --tech techclass:공정설계 --dry-run
    """
    onto = load_ontology()
    try:
        found = load_for_ontology(onto, expressions)
    except SearchExpressionError as exc:
        fail("the search expressions have errors; nothing was written\n" + str(exc))
    if tech:
        unknown = sorted(set(tech) - {e.technology for e in found})
        if unknown:
            fail(f"no search expression for {', '.join(unknown)}")
        found = [e for e in found if e.technology in tech]
    graph = Graph.from_settings()
    try:
        with err_console.status("classifying patents") as status:
            report = classify_patents(
                graph, found, dry_run=dry_run, progress=lambda t: status.update(f"classifying {t}")
            )
    except (ServiceUnavailable, Neo4jError, QueryFailed) as exc:
        fail(f"Neo4j: {exc}")
    missing = [t.technology for t in report.technologies if t.missing]
    if tech and missing:
        fail(f"no technology node {', '.join(missing)} in the graph")
    if as_json:
        _print_json(report, dry_run)
    else:
        _print_table(report, dry_run)


def _print_table(report: ClassificationReport, dry_run: bool) -> None:
    table = Table(box=None)
    for header in (
        "technology",
        "hash",
        "candidates",
        "matched",
        "family dup.",
        "added",
        "changed",
        "removed",
    ):
        table.add_column(header, justify="left" if header in ("technology", "hash") else "right")
    for t in report.technologies:
        label = t.technology + (f" ({t.name})" if t.name and t.name not in t.technology else "")
        if t.missing:
            table.add_row(label, t.expression_hash, "[yellow]no such node, skipped[/]")
            continue
        table.add_row(
            label,
            t.expression_hash,
            *(
                str(n)
                for n in (t.candidates, t.matched, t.collapsed, t.added, t.changed, t.removed)
            ),
        )
    console.print(table)
    totals = f"{report.added} added, {report.changed} changed, {report.removed} removed"
    if dry_run:
        console.print(f"Dry run: would write {totals}")
    elif report.run is None:
        console.print("Nothing changed; no run recorded")
    else:
        console.print(f"Run {report.run}: {totals}")


def _print_json(report: ClassificationReport, dry_run: bool) -> None:
    payload = {
        "run": report.run,
        "dryRun": dry_run,
        "startedAt": report.started.isoformat(),
        "added": report.added,
        "changed": report.changed,
        "removed": report.removed,
        "technologies": [vars(t) for t in report.technologies],
    }
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


@app.command()
def sample(
    tech: Annotated[str, typer.Option("--tech", "-t", help="The technology id to check.")],
    n: Annotated[
        int, typer.Option("--n", "-n", min=1, help="Matches to draw, and as many non-matches.")
    ] = 20,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write the CSV here (default: stdout).")
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Another seed draws another sample.")] = 0,
    expressions: Annotated[
        list[Path] | None,
        typer.Option("--expressions", "-e", help="Expression files or folders of *.toml."),
    ] = None,
) -> None:
    """Draw patents a person judges, to check a technology's search expression.

    N matched patents, and N that were not matched: half near misses (they hold a search
    term), half from the rest. Fill in the empty judgement column (y / n) and read it back
    with `stkg patents judge`. The same graph and seed give the same sample.

    Examples:

      stkg patents sample --tech coretech:설비이상진단 --n 30 -o 진단-표본.csv
    """
    onto = load_ontology()
    try:
        found = {e.technology: e for e in load_for_ontology(onto, expressions)}
    except SearchExpressionError as exc:
        fail("the search expressions have errors\n" + str(exc))
    if tech not in found:
        fail(f"no search expression for {tech}")
    graph = Graph.from_settings()
    try:
        rows = draw_sample(graph, found[tech], n, seed=seed)
    except CheckError as exc:
        fail(str(exc))
    except (ServiceUnavailable, Neo4jError, QueryFailed) as exc:
        fail(f"Neo4j: {exc}")
    if out is None:
        write_sample(rows, sys.stdout)
    else:
        with out.open("w", encoding="utf-8-sig", newline="") as handle:  # BOM: Excel reads it
            write_sample(rows, handle)
    counts = {s: sum(r.stratum == s for r in rows) for s in ("match", "near", "other")}
    sizes = {r.stratum: r.stratum_size for r in rows}
    summary = ", ".join(f"{counts[s]} of {sizes.get(s, 0)} {s}" for s in counts)
    err_console.print(f"{tech}: drew {summary} (run {rows[0].run if rows else '-'})")


@app.command()
def judge(
    file: Annotated[Path, typer.Argument(help="A sample CSV with its judgement column filled.")],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the estimates; store nothing.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the estimates as JSON.")] = False,
) -> None:
    """Read a judged sample back: precision and recall per technology, stored with the run.

    A row whose judgement is empty is left out. A missing column, a judgement that is no
    yes or no, or a technology or run the graph does not hold is reported with the file
    and line, and nothing is stored.

    Examples:

      stkg patents judge 진단-표본.csv
    """
    if not file.is_file():
        fail(f"{file}: no such file")
    try:
        evaluations = estimate(read_judgements(file), file)
        if not dry_run:
            store_evaluations(Graph.from_settings(), evaluations, file)
    except CheckError as exc:
        fail(str(exc))
    except (ServiceUnavailable, Neo4jError, QueryFailed) as exc:
        fail(f"Neo4j: {exc}")
    if as_json:
        payload = [
            {
                "id": e.id,
                "technology": e.technology,
                "run": e.run,
                "precision": e.precision,
                "recall": e.recall,
                "judgedMatches": e.judged_matches,
                "judgedNonMatches": e.judged_non_matches,
                "unjudged": e.unjudged,
                "stratumSizes": e.sizes,
                "stored": not dry_run,
            }
            for e in evaluations
        ]
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return
    _print_evaluations(evaluations, dry_run)


def _print_evaluations(evaluations: list[Evaluation], dry_run: bool) -> None:
    table = Table(box=None)
    for header in (
        "technology",
        "run",
        "judged matches",
        "judged non-matches",
        "precision",
        "recall",
    ):
        table.add_column(header, justify="left" if header in ("technology", "run") else "right")
    for e in evaluations:
        table.add_row(
            e.technology,
            e.run,
            str(e.judged_matches),
            str(e.judged_non_matches),
            "-" if e.precision is None else f"{e.precision:.3f}",
            "-" if e.recall is None else f"{e.recall:.3f}",
        )
    console.print(table)
    console.print(
        "Dry run: nothing stored" if dry_run else f"Stored {len(evaluations)} evaluation(s)"
    )
