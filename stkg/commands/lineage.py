"""`stkg lineage ID`: the lineage walk the API's ``GET /lineage/{id}`` answers, in a terminal."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer
from rich.table import Table

from stkg.console import console, fail
from stkg.graph.driver import Graph
from stkg.graph.lineage import MAX_DEPTH, UnknownNode, lineage_types, unknown_types, walk
from stkg.ontology.ids import as_typed_id


class Direction(StrEnum):
    up = "up"
    down = "down"
    both = "both"


class Format(StrEnum):
    table = "table"
    json = "json"


def lineage(
    node_id: Annotated[str, typer.Argument(metavar="ID", help="Typed id or instance IRI.")],
    direction: Annotated[
        Direction, typer.Option("--direction", "-d", help="down, up or both.")
    ] = Direction.down,
    depth: Annotated[int, typer.Option("--depth", min=1, max=MAX_DEPTH, help="Hops at most.")] = 3,
    types: Annotated[
        str | None,
        typer.Option("--types", "-t", help="Comma-separated relationship types to follow."),
    ] = None,
    limit: Annotated[
        int,
        typer.Option(
            "--limit",
            min=1,
            max=500,
            help="Widest fan-out listed node by node; a wider one is one group with a count.",
        ),
    ] = 50,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table or json.")] = Format.table,
) -> None:
    """Walk an entity's lineage breadth first (the same walk as the API's /lineage).

    Examples:

      stkg lineage field:드론                      # field → versions → products → …

      stkg lineage field:드론 -d up --depth 1 -f json
    """
    try:
        start = as_typed_id(node_id)
    except ValueError:
        fail(f"{node_id!r} is not an instance IRI stkg understands")
    chosen = tuple(t.strip() for t in types.split(",") if t.strip()) if types else None
    if chosen:
        unknown = unknown_types(list(chosen))
        if unknown:
            fail(f"not relationship types of the ontology: {', '.join(unknown)}")
    try:
        graph = walk(
            Graph.from_settings(),
            start,
            direction=direction.value,
            depth=depth,
            types=chosen or lineage_types(),
            limit=limit,
        )
    except UnknownNode:
        fail(f"no entity has the id {start!r}")
    if fmt is Format.json:
        sys.stdout.write(json.dumps(graph, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(box=None)
    for column in ("hop", "id", "labels", "name"):
        table.add_column(column, overflow="fold")  # ids are long: wrap them, never cut them
    for node in sorted(graph["nodes"], key=lambda n: (n["degree"], n["id"])):
        labels = ",".join(label for label in node["labels"] if label != "Entity")
        table.add_row(str(node["degree"]), node["id"], labels, node["properties"].get("name"))
    for group in graph["groups"]:
        arrow = "→" if group["direction"] == "out" else "←"
        table.add_row(
            str(group["degree"]),
            f"{group['origin']} {arrow}{group['type']}{arrow}",
            group["label"] or "",
            f"{group['count']:,}",
        )
    console.print(table)
    grouped = f", {len(graph['groups'])} group(s)" if graph["groups"] else ""
    more = " (truncated: the walk hit its node cap)" if graph["truncated"] else ""
    console.print(f"{len(graph['nodes'])} node(s), {len(graph['edges'])} edge(s){grouped}{more}")
