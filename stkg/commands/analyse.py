"""`stkg analyse patents --tech …`: patent indicators computed from the graph's patents."""

from __future__ import annotations

import json
import re
import sys
from typing import Annotated

import typer
from neo4j.exceptions import Neo4jError, ServiceUnavailable
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from stkg.console import console, err_console, fail
from stkg.graph.analysis.indicators import (
    OFFICES,
    IndicatorError,
    IndicatorParams,
    TechnologyIndicators,
)
from stkg.graph.analysis.patent_analysis import AnalysisReport, analyse_patents
from stkg.graph.driver import Graph
from stkg.graph.faults import QueryFailed
from stkg.ontology.model import load_ontology

app = typer.Typer(help="Analyses computed from the graph.", no_args_is_help=True)

_PERIOD = re.compile(r"^\s*(\d{4})\s*[-~–]\s*(\d{4})\s*$")


def parse_period(text: str) -> tuple[int, int]:
    """``2015-2024`` (or ``2015~2024``) → (2015, 2024)."""
    match = _PERIOD.match(text)
    if match is None:
        raise typer.BadParameter(f"{text!r} is not a period like 2015-2024", param_hint="--period")
    return int(match.group(1)), int(match.group(2))


def parse_offices(text: str) -> tuple[str, ...]:
    offices = tuple(dict.fromkeys(o.strip().upper() for o in text.split(",") if o.strip()))
    unknown = [o for o in offices if o not in OFFICES]
    if unknown or not offices:
        raise typer.BadParameter(
            f"unknown offices {', '.join(unknown) or '(none)'}; choose from {','.join(OFFICES)}",
            param_hint="--offices",
        )
    return offices


@app.command()
def patents(
    tech: Annotated[
        str, typer.Option("--tech", "-t", help="Technology class id (techclass:…) or name.")
    ],
    period: Annotated[str, typer.Option(help="Filing years, first-last.")] = "2015-2024",
    offices: Annotated[str, typer.Option(help="Patent offices, comma-separated.")] = ",".join(
        OFFICES
    ),
    split_year: Annotated[
        int | None,
        typer.Option(help="First year of the late sub-period for growth (default: mid-period)."),
    ] = None,
    core_threshold: Annotated[
        float, typer.Option(help="Core field when technology importance is above this.")
    ] = 0.0,
    strong_threshold: Annotated[
        float, typer.Option(help="Korea strong when competitiveness is above this.")
    ] = 0.0,
    country: Annotated[
        str, typer.Option(help="Applicant country whose competitiveness is measured.")
    ] = "KR",
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Compute and print; store nothing.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the results as JSON.")] = False,
) -> None:
    """Compute patent indicators for every class below a technology and store them.

    Each class gets a PatentAnalysis (analysisKind `computed`) beside any published one:
    application share, growth, citation index, technology importance, Korea's activity
    index and competitiveness, and the core / strong-weak / focus flags
    (docs/patent-indicators.md has the formulas).

    Examples:

      stkg analyse patents --tech "제조 AI" --period 2015-2024

      stkg analyse patents --tech techclass:설비건전성 --offices KR,US --split-year 2020
    """
    start, end = parse_period(period)
    try:
        params = IndicatorParams(
            start,
            end,
            parse_offices(offices),
            split_year,
            core_threshold,
            strong_threshold,
            country.strip().upper(),
        )
    except IndicatorError as exc:
        fail(str(exc))
    graph = Graph.from_settings()
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    try:
        with Progress(*columns, console=err_console, disable=as_json, transient=True) as bar:
            task = bar.add_task("counting patents", total=None)

            def advance(cls: str, done: int, total: int) -> None:
                bar.update(task, completed=done, total=total, description=f"counting {cls}")

            report = analyse_patents(
                graph, load_ontology(), tech, params, progress=advance, store=not dry_run
            )
    except IndicatorError as exc:
        fail(str(exc))
    except (ServiceUnavailable, Neo4jError, QueryFailed) as exc:
        fail(f"Neo4j: {exc}")
    if as_json:
        _print_json(report)
    else:
        _print_table(report, dry_run)


def _fmt(value: float | None, pattern: str = "{:.2f}") -> str:
    return "–" if value is None else pattern.format(value)


def _flag(value: bool | None) -> str:
    return "–" if value is None else ("o" if value else "")


def _print_table(report: AnalysisReport, dry_run: bool) -> None:
    p = report.params
    table = Table(
        title=f"{report.name or report.technology}: {p.period} "
        f"(split {p.split}), {','.join(p.offices)}",
        box=None,
        caption="share % of the parent class; growth = CAGR; CI = citation index; RTA = "
        "Korea activity index; imp./comp. = importance / competitiveness (z-scores)",
    )
    table.add_column("technology")
    for header in ("patents", "share%", "growth", "CI", "RTA", "imp.", "comp."):
        table.add_column(header, justify="right", no_wrap=True)
    for header in ("core", "KR", "focus"):
        table.add_column(header, justify="center", no_wrap=True)
    for i in _tree_order(report):
        table.add_row(
            "  " * (i.depth - 1) + (i.name or i.technology),
            str(i.patent_count),
            _fmt(i.application_share, "{:.1f}"),
            _fmt(i.growth_rate, "{:+.1%}"),
            _fmt(i.citation_index),
            _fmt(i.activity_index),
            _fmt(i.technology_importance),
            _fmt(i.korea_competitiveness),
            _flag(i.is_core),
            {"strong": "强", "weak": "弱"}.get(i.korea_strength or "", "–"),
            _flag(i.is_focus),
        )
    console.print(table)
    stored = "not stored (dry run)" if dry_run else f"{report.written} analyses stored"
    console.print(
        f"{report.patent_count} patents; counted in {report.count_seconds:.2f}s, computed in "
        f"{report.compute_seconds:.3f}s, {stored} in {report.write_seconds:.2f}s"
    )


def _tree_order(report: AnalysisReport) -> list[TechnologyIndicators]:
    """Each class followed by its sub-classes, depth first, as the tree is read."""
    children: dict[str, list[TechnologyIndicators]] = {}
    for i in report.indicators:
        children.setdefault(i.parent or "", []).append(i)
    out: list[TechnologyIndicators] = []

    def visit(parent: str) -> None:
        for child in children.get(parent, []):
            out.append(child)
            visit(child.technology)

    visit(report.technology)
    return out


def _print_json(report: AnalysisReport) -> None:
    payload = {
        "technology": report.technology,
        "name": report.name,
        "parameters": json.loads(report.params.as_json()),
        "patentCount": report.patent_count,
        "computedAt": report.computed_at.isoformat(),
        "stored": report.written,
        "seconds": round(report.seconds, 3),
        "indicators": [vars(i) for i in report.indicators],
    }
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
