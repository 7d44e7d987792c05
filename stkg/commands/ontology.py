"""`stkg ontology validate|sync|diff|export`: keep the Turtle files and Neo4j in step."""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer

from stkg.commands.rdf import export
from stkg.console import console, err_console, fail, neo4j_failures
from stkg.graph.driver import Graph
from stkg.graph.schema import InvalidOntology, SyncPlan, apply_plan, load_checked, plan_sync
from stkg.ontology.lint import ERROR, WARNING, Issue, validate_paths

app = typer.Typer(
    help="The ontology (ontology/*.ttl): lint it, and make Neo4j match it.",
    no_args_is_help=True,
)

Paths = Annotated[
    list[Path] | None,
    typer.Argument(help="Turtle files (default: the shipped ontology/*.ttl).", show_default=False),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]


def _emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def _where(path: Path | None) -> str:
    if path is None:
        return "<ontology>"
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _issue_json(issue: Issue) -> dict[str, Any]:
    data = asdict(issue)
    data["file"] = str(issue.file) if issue.file else None
    return data


def _print_issues(issues: list[Issue]) -> None:
    """Issues grouped by file, each as ``file:line:col: severity [code] message``."""
    by_file: dict[str, list[Issue]] = defaultdict(list)
    for i in issues:
        by_file[_where(i.file)].append(i)
    for file in sorted(by_file):
        console.print(f"[bold]{file}[/]", highlight=False)
        for i in sorted(by_file[file], key=lambda x: (x.line or 0, x.column or 0, x.code)):
            pos = f"{file}:{i.line}" + (f":{i.column}" if i.column else "") if i.line else file
            colour = "red" if i.severity == ERROR else "yellow"
            console.print(
                f"  {pos}: [{colour}]{i.severity}[/] \\[{i.code}] {i.message}",
                highlight=False,
                soft_wrap=True,
            )


def _summary(issues: list[Issue]) -> tuple[int, int]:
    errors = sum(1 for i in issues if i.severity == ERROR)
    return errors, sum(1 for i in issues if i.severity == WARNING)


@app.command()
def validate(paths: Paths = None, as_json: JsonFlag = False) -> None:
    """Parse and lint the ontology; exit 1 when there is any error.

    Examples:

      stkg ontology validate

      stkg ontology validate ontology/stkg.ttl ontology/shapes.ttl --json
    """
    issues = validate_paths(paths or None)
    errors, warnings = _summary(issues)
    if as_json:
        _emit_json(
            {"errors": errors, "warnings": warnings, "issues": [_issue_json(i) for i in issues]}
        )
    else:
        _print_issues(issues)
        files = len(paths) if paths else "the shipped"
        console.print(f"{errors} error(s), {warnings} warning(s) in {files} file(s)")
    if errors:
        raise typer.Exit(1)


@contextmanager
def _neo4j_errors() -> Iterator[None]:
    """Turn connection and ontology errors into one clear line and exit 1."""
    with neo4j_failures():
        try:
            yield
        except InvalidOntology as exc:
            _print_issues([i for i in exc.issues if i.severity == ERROR])
            fail(f"the ontology has errors; Neo4j was not changed ({len(exc.issues)} issue(s))")


def _print_plan(plan: SyncPlan, *, verb: str) -> None:
    lines = plan.lines()
    if not lines:
        console.print("The graph matches the ontology; nothing to change.")
        return
    console.print(f"{verb}:", highlight=False)
    for line in lines:
        console.print(line, highlight=False, soft_wrap=True)


@app.command()
def sync(
    paths: Paths = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would change; change nothing.")
    ] = False,
    prune: Annotated[
        bool,
        typer.Option("--prune", help="Delete instance data of retired (deprecated) terms."),
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """Make Neo4j match the ontology: constraints, indexes, schema nodes, reference data,
    migrations of deprecated terms. Running it again changes nothing.

    Examples:

      stkg ontology sync --dry-run

      stkg ontology sync
    """
    with _neo4j_errors():
        onto = load_checked(paths or None)
        graph = Graph.from_settings()
        plan = plan_sync(graph, onto)
        if not dry_run and (plan.changes or prune):
            say = (
                (lambda _m: None) if as_json else (lambda m: err_console.print(m, highlight=False))
            )
            apply_plan(graph, onto, plan, prune=prune, progress=say)
    if as_json:
        _emit_json({"dryRun": dry_run, **plan.to_json()})
        return
    _print_plan(plan, verb="Would change" if dry_run else "Changed")


@app.command()
def diff(paths: Paths = None, as_json: JsonFlag = False) -> None:
    """What `stkg ontology sync` would change in the graph, and what the graph holds that
    the ontology does not define (with instance counts). Changes nothing.
    """
    with _neo4j_errors():
        onto = load_checked(paths or None)
        plan = plan_sync(Graph.from_settings(), onto)
    if as_json:
        _emit_json(plan.to_json())
        return
    _print_plan(plan, verb="Differences between the graph and the ontology")


app.command("export", help="Same as `stkg export`: the instance graph as RDF.")(export)
