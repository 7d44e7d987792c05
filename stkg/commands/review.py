"""`stkg review`: candidate entities extraction proposed, and a maintainer's decisions.

Decisions are written to ``ontology/reviewed.ttl`` (loaded with the reference data), so
the next ingest resolves an accepted name to its node, a merged name to the entity it was
merged into, and never proposes a rejected name again.
"""

from __future__ import annotations

import getpass
import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from stkg.console import console, fail
from stkg.graph.driver import Graph
from stkg.graph.review import (
    REJECTED,
    REVIEWED,
    ReviewError,
    candidate,
    candidates,
    merge_into,
    set_status,
)
from stkg.ontology.model import load_ontology
from stkg.ontology.reviewed import REVIEWED_FILE, alias_block, append_block, individual_block

app = typer.Typer(help="Review the candidate entities extraction proposed.", no_args_is_help=True)
Who = Annotated[str, typer.Option("--by", help="Who decides (recorded in the TTL).")]
File = Annotated[Path, typer.Option("--file", help="Where decisions are written.")]


def _who(by: str | None) -> str:
    return by or getpass.getuser()


@app.command("list")
def list_(
    cls: Annotated[
        str | None, typer.Option("--class", help="Only this class, e.g. Organization.")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print the candidates as JSON.")] = False,
) -> None:
    """Candidates, most documents and highest confidence first."""
    if cls is not None and cls not in load_ontology().classes:
        fail(f"unknown class {cls!r}")
    rows = candidates(Graph.from_settings(), load_ontology().label(cls) if cls else None, limit)
    if as_json:
        console.print_json(json.dumps([asdict(c) for c in rows], ensure_ascii=False))
        return
    table = Table(title=f"{len(rows)} candidate(s)")
    for col in ("id", "class", "documents", "confidence", "found by", "printed as"):
        table.add_column(col)
    for c in rows:
        conf = "–" if c.confidence is None else f"{c.confidence:.2f}"
        table.add_row(
            c.id, c.label, str(c.documents), conf, ", ".join(c.extractors), " | ".join(c.quotes)
        )
    console.print(table)


def _decide(node_id: str, status: str, by: str, file: Path) -> None:
    """Record ``status`` for a candidate: as reference data in ``file``, and in the graph."""
    graph = Graph.from_settings()
    try:
        found = candidate(graph, node_id)
    except ReviewError as exc:
        fail(str(exc))
    onto = load_ontology()
    cls = next((c for c in onto.classes if onto.label(c) == found["label"]), found["label"])
    aliases = list(found["aliases"] or []) if status == REVIEWED else []
    append_block(individual_block(cls, node_id, found["name"], aliases, status, _who(by)), file)
    set_status(graph, node_id, status)


@app.command()
def accept(
    node_id: Annotated[str, typer.Argument(help="The candidate's id.")],
    by: Who = "",
    file: File = REVIEWED_FILE,
) -> None:
    """Accept a candidate: it becomes reference data (ontology/reviewed.ttl)."""
    _decide(node_id, REVIEWED, by, file)
    console.print(f"[green]accepted[/] {node_id} → {file}")


@app.command()
def merge(
    node_id: Annotated[str, typer.Argument(help="The candidate's id.")],
    into: Annotated[str, typer.Option("--into", help="The entity it is another name of.")],
    by: Who = "",
    file: File = REVIEWED_FILE,
) -> None:
    """Merge a candidate into an existing entity: its name becomes that entity's alias."""
    graph = Graph.from_settings()
    try:
        found = candidate(graph, node_id)
        merge_into(graph, node_id, into)
    except ReviewError as exc:
        fail(str(exc))
    append_block(alias_block(into, found["name"], _who(by)), file)
    console.print(f"[green]merged[/] {node_id} into {into}")


@app.command()
def reject(
    node_id: Annotated[str, typer.Argument(help="The candidate's id.")],
    by: Who = "",
    file: File = REVIEWED_FILE,
) -> None:
    """Reject a candidate: it is no entity, and ingest will not propose it again."""
    _decide(node_id, REJECTED, by, file)
    console.print(f"[yellow]rejected[/] {node_id} → {file}")
