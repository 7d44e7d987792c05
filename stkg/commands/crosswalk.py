"""`stkg crosswalk`: mappings between consecutive editions of each roadmap series.

``propose`` brings the graph's crosswalks up to date: stated mappings from the successions
documents state, the reviewed decisions (``ontology/crosswalks/reviewed.ttl``), and
proposals for every field the two leave uncovered. Running it again changes nothing.
Review the proposals with ``stkg review list --mappings`` and ``stkg review accept|correct|
reject mapping:…``.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from stkg.console import console
from stkg.graph.crosswalk import refresh
from stkg.graph.driver import Graph
from stkg.ontology.crosswalks import CROSSWALK_FILE

app = typer.Typer(help="Crosswalks between consecutive editions.", no_args_is_help=True)


@app.command()
def propose(
    series: Annotated[
        str | None, typer.Option("--series", help="Only this roadmap series (id or name).")
    ] = None,
    file: Annotated[
        Path, typer.Option("--file", help="The reviewed decisions to apply.")
    ] = CROSSWALK_FILE,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Stated, reviewed and proposed mappings for every pair of consecutive editions."""
    report = refresh(Graph.from_settings(), series=series, path=file)
    if as_json:
        console.print_json(json.dumps(asdict(report), ensure_ascii=False))
        return
    console.print(
        f"[green]Crosswalks[/]: {len(report.pairs)} edition pair(s); {report.stated} stated, "
        f"{report.reviewed} reviewed, {report.proposed} proposed mapping(s); "
        + (f"run {report.runs[0]}" if report.runs else "proposals unchanged")
    )
    for pending in report.pending:
        console.print(f"  [yellow]not applied[/] (its versions are not in the graph): {pending}")
