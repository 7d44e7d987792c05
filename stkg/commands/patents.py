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
    for header in ("technology", "hash", "candidates", "matched", "family dup.", "added",
                   "changed", "removed"):  # fmt: skip
        table.add_column(header, justify="left" if header in ("technology", "hash") else "right")
    for t in report.technologies:
        label = t.technology + (f" ({t.name})" if t.name and t.name not in t.technology else "")
        if t.missing:
            table.add_row(label, t.expression_hash, "[yellow]no such node, skipped[/]")
            continue
        table.add_row(label, t.expression_hash, *(str(n) for n in (
            t.candidates, t.matched, t.collapsed, t.added, t.changed, t.removed)))  # fmt: skip
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
