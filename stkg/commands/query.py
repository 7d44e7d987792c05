"""`stkg query NAME --param k=v`: run a named query from queries/ and print the rows."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from typing import Annotated, Any

import typer
from pydantic import ValidationError
from rich.table import Table

from stkg.console import console, fail
from stkg.graph.driver import Graph
from stkg.graph.faults import QueryFailed
from stkg.queries.catalog import CatalogError, format_errors, load_catalog


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def query(
    name: Annotated[
        str | None, typer.Argument(help="Query name (a file in queries/); omit to list them.")
    ] = None,
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="A parameter as key=value; repeat for more."),
    ] = None,
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="table, json or csv.")
    ] = Format.table,
) -> None:
    """Run a named query from the catalogue (the same ones the API serves at /queries).

    Examples:

      stkg query                                  # list the catalogue

      stkg query field-history -p field=드론       # one field across editions

      stkg query field-history -p field=드론 -f csv > drone.csv
    """
    try:
        catalog = load_catalog()
    except CatalogError as exc:
        fail(str(exc))
    if not name:
        _list(catalog)
        return
    named = catalog.get(name)
    if named is None:
        fail(f"no query named {name!r}; `stkg query` lists them: {', '.join(catalog)}")
    raw: dict[str, Any] = {}
    for item in param or []:
        key, sep, value = item.partition("=")
        if not sep:
            fail(f"--param {item!r} is not key=value")
        raw[key.strip()] = value
    try:
        bound = named.bind(raw)
    except ValidationError as exc:
        problems = "; ".join(f"{e['param']}: {e['msg']}" for e in format_errors(exc))
        fail(f"invalid parameters for {name}: {problems}")
    try:
        rows = Graph.from_settings().read(named.cypher, **bound)
    except QueryFailed as exc:  # it needs more memory than a transaction may use
        fail(f"{name}: {exc.message}")
    _print(rows, fmt)


def _list(catalog: dict[str, Any]) -> None:
    table = Table("name", "parameters", "description", box=None)
    for q in catalog.values():
        params = ", ".join(f"{p.name}:{p.type}" + ("" if p.required else "?") for p in q.params)
        table.add_row(q.name, params, q.title)
    console.print(table)


def _print(rows: list[dict[str, Any]], fmt: Format) -> None:
    if fmt is Format.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    columns = list(rows[0]) if rows else []
    if fmt is Format.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row[c]) for c in columns])
        return
    table = Table(*columns)
    for row in rows:
        table.add_row(*[_cell(row[c]) for c in columns])
    console.print(table)
    console.print(f"{len(rows)} row(s)")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)
