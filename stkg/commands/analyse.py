"""`stkg analyse patents --tech …` and `stkg analyse field …`: patent indicators computed
from the graph's patents, per technology class (stored) or per strategic product and core
technology of a field (computed when asked, as `GET /fields/{id}/indicators` does)."""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Sequence
from enum import StrEnum
from typing import Annotated, Any

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
from stkg.graph.analysis.product_indicators import (
    COLUMNS,
    FieldUnknown,
    require_units,
    tree_indicators,
)
from stkg.graph.driver import Graph
from stkg.graph.faults import QueryFailed
from stkg.ontology.ids import as_typed_id
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


#: The options both commands share: which patents, and where growth's late years start.
ALL_OFFICES = ",".join(OFFICES)
Period = Annotated[str, typer.Option(help="Filing years, first-last.")]
Offices = Annotated[str, typer.Option(help="Patent offices, comma-separated.")]
SplitYear = Annotated[
    int | None,
    typer.Option(help="First year of the late sub-period for growth (default: mid-period)."),
]


@app.command()
def patents(
    tech: Annotated[
        str, typer.Option("--tech", "-t", help="Technology class id (techclass:…) or name.")
    ],
    period: Period = "2015-2024",
    offices: Offices = ALL_OFFICES,
    split_year: SplitYear = None,
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


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@app.command()
def field(
    field_ref: Annotated[
        str,
        typer.Argument(
            metavar="FIELD", help="Strategic field: id (field:…), IRI, name or a printed name."
        ),
    ],
    edition: Annotated[
        str, typer.Option(help="Only this edition (id, edition:…); every edition by default.")
    ] = "",
    min_score: Annotated[
        float,
        typer.Option(min=0.0, max=1.0, help="Leave out search matches scoring below this."),
    ] = 0.0,
    period: Period = "2015-2024",
    offices: Offices = ALL_OFFICES,
    split_year: SplitYear = None,
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="table, json or csv.")
    ] = Format.table,
) -> None:
    """Patent indicators of a field's strategic products and their core technologies.

    The rows of `GET /fields/{id}/indicators`: per edition of the field, each product
    (its patents are those `stkg patents classify` matched to any of its core
    technologies, each once) followed by its core technologies, with application share,
    growth, citation index, Korea activity index, importance and competitiveness
    (z-scores among the products, and among the core technologies) and the core /
    strong-weak / focus flags (docs/patent-indicators.md). Nothing is stored.

    Examples:

      stkg analyse field 스마트제조

      stkg analyse field field:스마트제조 --edition edition:중소기업기술로드맵@2022 -f csv
    """
    start, end = parse_period(period)
    try:
        params = IndicatorParams(start, end, parse_offices(offices), split_year)
    except IndicatorError as exc:
        fail(str(exc))
    try:
        ref = as_typed_id(field_ref)
    except ValueError:
        fail(f"no strategic field is named {field_ref!r}")
    graph = Graph.from_settings()
    try:
        trees = require_units(graph, ref, edition.strip())
        rows = tree_indicators(graph, trees, params, min_score)
    except FieldUnknown as exc:
        fail(str(exc))
    except (ServiceUnavailable, Neo4jError, QueryFailed) as exc:
        fail(f"Neo4j: {exc}")
    if fmt is Format.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif fmt is Format.csv:
        _write_csv(rows)
    else:
        _print_field_tables(rows, params, min_score)


def _write_csv(rows: Sequence[dict[str, Any]]) -> None:
    """The columns and cells `GET /fields/{id}/indicators?_format=csv` gives."""
    writer = csv.writer(sys.stdout)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(["" if row[c] is None else _csv_cell(row[c]) for c in COLUMNS])


def _csv_cell(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _print_field_tables(
    rows: Sequence[dict[str, Any]], params: IndicatorParams, min_score: float
) -> None:
    """One table per field version (the field in one edition), each product above its
    core technologies."""
    versions: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in rows:
        versions.setdefault((row["edition"], row["field"] or ""), []).append(row)
    scope = f"{params.period} (split {params.split}), {','.join(params.offices)}"
    if min_score:
        scope += f", match score ≥ {min_score:g}"
    for (edition, name), group in versions.items():
        table = Table(title=f"{name} · {edition}: {scope}", box=None, title_justify="left")
        table.add_column("product / core technology")
        for header in ("patents", "share%", "growth", "CI", "RTA", "imp.", "comp."):
            table.add_column(header, justify="right", no_wrap=True)
        for header in ("core", "KR", "focus"):
            table.add_column(header, justify="center", no_wrap=True)
        for row in group:
            indent = "" if row["level"] == "product" else "  "
            table.add_row(
                indent + str(row["name"] or row["coreTechnology"] or row["product"]),
                str(row["patents"]),
                _fmt(row["applicationShare"], "{:.1f}"),
                _fmt(row["growthRate"], "{:+.1%}"),
                _fmt(row["citationIndex"]),
                _fmt(row["activityIndex"]),
                _fmt(row["technologyImportance"]),
                _fmt(row["koreaCompetitiveness"]),
                _flag(row["isCore"]),
                {"strong": "强", "weak": "弱"}.get(row["koreaStrength"] or "", "–"),
                _flag(row["isFocus"]),
            )
        console.print(table)
    products = sum(1 for r in rows if r["level"] == "product")
    console.print(
        f"{products} product(s), {len(rows) - products} core technology row(s) in "
        f"{len(versions)} edition(s); computed, not stored"
    )
    console.print(
        "share% = a product's of the field, a core technology's of its product; growth = "
        "CAGR; CI = citation index; RTA = Korea activity index; imp./comp. = importance / "
        "competitiveness (z-scores among the products, and among the core technologies)",
        style="dim",
    )
