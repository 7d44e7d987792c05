"""`stkg export`, `stkg import-rdf` and `stkg validate`: the instance graph as RDF."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from stkg.console import console, err_console, fail, neo4j_failures
from stkg.graph.driver import Graph
from stkg.graph.rdf import (
    ShapeViolations,
    read_rdf_file,
    validate_graph,
    write_export,
)
from stkg.graph.rdf import (
    import_rdf as import_graph,
)
from stkg.ontology.ids import typed_id_from_iri
from stkg.ontology.model import load_ontology


class Format(StrEnum):
    ttl = "ttl"
    jsonld = "jsonld"
    nt = "nt"


LabelOption = Annotated[
    str | None, typer.Option("--label", "-l", help="Only nodes with this label (a class).")
]


@contextmanager
def _errors() -> Iterator[None]:
    with neo4j_failures():
        try:
            yield
        except ShapeViolations as exc:
            for v in exc.report.violations[:50]:
                err_console.print(f"  {_node(v.focus_node)}: {v.message}", highlight=False)
            fail(
                f"{len(exc.report.violations)} SHACL violation(s); nothing was written "
                "(`stkg validate` checks the graph the same way)"
            )


def _node(iri: str) -> str:
    """A focus node as its typed id when it is an instance, else its IRI."""
    try:
        return typed_id_from_iri(iri)
    except ValueError:
        return iri


def export(
    fmt: Annotated[Format, typer.Option("--format", "-f", help="ttl, jsonld or nt.")] = Format.ttl,
    label: LabelOption = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")
    ] = None,
) -> None:
    """Export the instance graph as RDF (the form the SHACL shapes describe).

    Examples:

      stkg export -o graph.ttl

      stkg export --format nt --label StrategicField > fields.nt
    """
    onto = load_ontology()
    started = time.perf_counter()
    with _errors():
        graph = Graph.from_settings()
        if output is None:
            stats = write_export(graph, onto, sys.stdout.buffer, fmt.value, label=label)
            sys.stdout.flush()
        else:
            with output.open("wb") as stream:
                stats = write_export(graph, onto, stream, fmt.value, label=label)
    took = time.perf_counter() - started
    err_console.print(
        f"exported {stats.nodes:,} nodes, {stats.relationships:,} relationships "
        f"({stats.triples:,} triples) in {took:.1f}s",
        highlight=False,
    )
    for what, count in sorted(stats.skipped.items()):
        err_console.print(f"  left out (not in the ontology): {what} ×{count}", highlight=False)


def import_rdf(
    file: Annotated[Path, typer.Argument(help="An RDF file (.ttl, .nt, .jsonld).")],
    fmt: Annotated[
        Format | None, typer.Option("--format", "-f", help="Override the format from the suffix.")
    ] = None,
) -> None:
    """Import instance data from RDF: validated against the shapes first, then written in
    one transaction (nothing is written when anything is wrong).
    """
    onto = load_ontology()
    with _errors():
        data = read_rdf_file(file, fmt.value if fmt else None)
        stats = import_graph(Graph.from_settings(), onto, data, source=str(file))
    console.print(
        f"imported {stats.nodes:,} nodes ({stats.nodes_created:,} new) and "
        f"{stats.relationships:,} relationships ({stats.relationships_created:,} new)"
    )


def validate(
    label: LabelOption = None,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", min=1, help="Check at most N nodes.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
) -> None:
    """Check the instance graph against the SHACL shapes; exit 1 on any violation.

    Examples:

      stkg validate

      stkg validate --label FieldVersion --json
    """
    onto = load_ontology()
    started = time.perf_counter()
    with _errors():
        report, checked = validate_graph(Graph.from_settings(), onto, label=label, limit=limit)
    took = time.perf_counter() - started
    if as_json:
        rows = [{**asdict(v), "node": _node(v.focus_node)} for v in report.violations]
        data = {
            "conforms": report.conforms,
            "nodes": checked,
            "seconds": round(took, 2),
            "violations": rows,
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        for v in report.violations:
            path = f" {v.path.rsplit('#', 1)[-1]}" if v.path else ""
            console.print(f"{_node(v.focus_node)}{path}: {v.message}", highlight=False)
        verdict = "conforms" if report.conforms else f"{len(report.violations)} violation(s)"
        console.print(f"{checked:,} node(s) checked in {took:.1f}s: {verdict}")
    if not report.conforms:
        raise typer.Exit(1)
