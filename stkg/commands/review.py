"""`stkg review`: candidate entities extraction proposed, proposed crosswalk mappings,
and a maintainer's decisions.

Decisions on entities are written to ``ontology/reviewed.ttl`` (loaded with the reference
data), so the next ingest resolves an accepted name to its node, a merged name to the
entity it was merged into, and never proposes a rejected name again. Decisions on crosswalk
mappings (ids ``mapping:…``) are written to ``ontology/crosswalks/reviewed.ttl`` and applied
to the graph at once and after every rebuild (``stkg up``, ``stkg crosswalk propose``); a
rejected mapping is never proposed again.
"""

from __future__ import annotations

import getpass
import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from stkg.console import console, fail
from stkg.graph import crosswalk
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
from stkg.ontology.crosswalks import CROSSWALK_FILE, append_decision
from stkg.ontology.errors import UnknownTerm
from stkg.ontology.model import load_ontology
from stkg.ontology.reviewed import REVIEWED_FILE, alias_block, append_block, individual_block

app = typer.Typer(
    help="Review the candidate entities extraction proposed and the proposed crosswalk mappings.",
    no_args_is_help=True,
)
Who = Annotated[str, typer.Option("--by", help="Who decides (recorded in the TTL).")]
File = Annotated[
    Path | None,
    typer.Option(
        "--file",
        help="Where decisions are written (default: ontology/reviewed.ttl for entities, "
        "ontology/crosswalks/reviewed.ttl for mappings).",
    ),
]
MAPPING_PREFIX = "mapping:"


def _who(by: str | None) -> str:
    return by or getpass.getuser()


@app.command("list")
def list_(
    cls: Annotated[
        str | None, typer.Option("--class", help="Only this class, e.g. Organization.")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print the candidates as JSON.")] = False,
    mappings: Annotated[
        bool, typer.Option("--mappings", help="Proposed crosswalk mappings instead of entities.")
    ] = False,
    edition: Annotated[
        str | None, typer.Option("--edition", help="Mappings from or to this edition only.")
    ] = None,
) -> None:
    """Candidates, most documents and highest confidence first (or, with --mappings, the
    proposed crosswalk mappings, least confident first)."""
    if mappings:
        _list_mappings(edition, limit, as_json)
        return
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


def _list_mappings(edition: str | None, limit: int, as_json: bool) -> None:
    rows = crosswalk.mappings(Graph.from_settings(), edition=edition, limit=limit)
    if as_json:
        console.print_json(json.dumps(rows, ensure_ascii=False, default=str))
        return
    table = Table(title=f"{len(rows)} proposed mapping(s)")
    table.add_column("id", overflow="fold")  # whole, to be copied into accept/correct/reject
    for col in ("from", "relation", "change", "to", "confidence"):
        table.add_column(col)
    for r in rows:
        table.add_row(
            r["id"],
            r["sourceName"] or "–",
            r["relation"] or "–",
            r["change"],
            r["targetName"] or "–",
            f"{r['confidence']:.2f}",
        )
    console.print(table)


def _decide_mapping(
    mapping_id: str, decision: str, by: str, file: Path | None, **correction: Any
) -> None:
    """Record a decision on a proposed mapping in the crosswalk TTL, then in the graph."""
    graph = Graph.from_settings()
    path = file or CROSSWALK_FILE
    try:
        decisions = crosswalk.decide(graph, mapping_id, decision, _who(by), **correction)
    except (crosswalk.CrosswalkError, UnknownTerm) as exc:
        fail(str(exc))
    for d in decisions:
        append_decision(d, path)
    crosswalk.after_review(graph, decisions, path)
    for d in decisions:
        console.print(f"[green]{d.decision}[/] {d.id} → {path}")


def _decide(node_id: str, status: str, by: str, file: Path | None) -> None:
    """Record ``status`` for a candidate: as reference data in ``file``, and in the graph."""
    graph = Graph.from_settings()
    try:
        found = candidate(graph, node_id)
    except ReviewError as exc:
        fail(str(exc))
    onto = load_ontology()
    cls = next((c for c in onto.classes if onto.label(c) == found["label"]), found["label"])
    aliases = list(found["aliases"] or []) if status == REVIEWED else []
    block = individual_block(cls, node_id, found["name"], aliases, status, _who(by))
    append_block(block, file or REVIEWED_FILE)
    set_status(graph, node_id, status)


@app.command()
def accept(
    node_id: Annotated[str, typer.Argument(help="The candidate's id.")],
    by: Who = "",
    file: File = None,
) -> None:
    """Accept a candidate: it becomes reference data (ontology/reviewed.ttl); or accept a
    proposed crosswalk mapping (mapping:…) as it is."""
    if node_id.startswith(MAPPING_PREFIX):
        _decide_mapping(node_id, "accepted", by, file)
        return
    _decide(node_id, REVIEWED, by, file)
    console.print(f"[green]accepted[/] {node_id} → {file or REVIEWED_FILE}")


@app.command()
def merge(
    node_id: Annotated[str, typer.Argument(help="The candidate's id.")],
    into: Annotated[str, typer.Option("--into", help="The entity it is another name of.")],
    by: Who = "",
    file: File = None,
) -> None:
    """Merge a candidate into an existing entity: its name becomes that entity's alias."""
    graph = Graph.from_settings()
    try:
        found = candidate(graph, node_id)
        merge_into(graph, node_id, into)
    except ReviewError as exc:
        fail(str(exc))
    append_block(alias_block(into, found["name"], _who(by)), file or REVIEWED_FILE)
    console.print(f"[green]merged[/] {node_id} into {into}")


@app.command()
def reject(
    node_id: Annotated[str, typer.Argument(help="The candidate's id.")],
    by: Who = "",
    file: File = None,
) -> None:
    """Reject a candidate: it is no entity, and ingest will not propose it again; or reject
    a proposed crosswalk mapping (mapping:…): it is deleted and never proposed again."""
    if node_id.startswith(MAPPING_PREFIX):
        _decide_mapping(node_id, "rejected", by, file)
        return
    _decide(node_id, REJECTED, by, file)
    console.print(f"[yellow]rejected[/] {node_id} → {file or REVIEWED_FILE}")


@app.command()
def correct(
    mapping_id: Annotated[str, typer.Argument(help="The proposed mapping's id (mapping:…).")],
    to: Annotated[
        str | None, typer.Option("--to", help="The right counterpart (a field version id).")
    ] = None,
    dropped: Annotated[
        bool, typer.Option("--dropped", help="The field has no counterpart.")
    ] = False,
    relation: Annotated[
        str | None, typer.Option("--relation", help="exactMatch, closeMatch, broadMatch, …")
    ] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", help="The change kind: renamed, moved, split, …")
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="A comment kept with it.")] = None,
    by: Who = "",
    file: File = None,
) -> None:
    """Correct a proposed crosswalk mapping: another relation, change kind or target."""
    if not mapping_id.startswith(MAPPING_PREFIX):
        fail(f"{mapping_id} is no crosswalk mapping id (mapping:…)")
    _decide_mapping(
        mapping_id,
        "corrected",
        by,
        file,
        target=to,
        dropped=dropped,
        relation=relation,
        change=kind,
        note=note,
    )
