"""`stkg sparql QUERY`: a SPARQL query over a store built from Neo4j there and then.

The store is the one ``/sparql`` answers from (:mod:`stkg.graph.sparql`: the export, the
ontology files and their RDFS entailments), built anew from the graph for this command,
so it is never behind: the one command to check what SPARQL sees when in doubt.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from stkg.commands.rdf import _errors
from stkg.console import err_console, fail
from stkg.graph.driver import Graph
from stkg.graph.sparql import (
    GRAPH_FORMATS,
    RESULT_FORMATS,
    SparqlError,
    build_store,
    render,
    run_query,
)
from stkg.ontology.model import load_ontology

_FORMATS = [*RESULT_FORMATS, *GRAPH_FORMATS]


def sparql(
    query: Annotated[
        str,
        typer.Argument(
            help="The query, a file holding it (e.g. queries/edition-diff.rq), or - "
            "for standard input."
        ),
    ],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help=f"{', '.join(RESULT_FORMATS)} (SELECT, ASK; default csv) or "
            f"{', '.join(GRAPH_FORMATS)} (CONSTRUCT, DESCRIBE; default ttl).",
        ),
    ] = None,
    max_rows: Annotated[
        int, typer.Option("--max-rows", "-n", min=1, help="Keep at most this many rows.")
    ] = 100_000,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds.")] = 60.0,
) -> None:
    """Ask SPARQL of the graph, through a store rebuilt from Neo4j for this command.

    Examples:

      stkg sparql queries/edition-diff.rq

      stkg sparql 'PREFIX stkg: <https://w3id.org/stkg/ontology#>
      SELECT (COUNT(*) AS ?n) WHERE { ?p a stkg:Entity }' --format csv
    """
    if fmt is not None and fmt not in _FORMATS:
        fail(f"unknown format {fmt!r}; choose one of {', '.join(_FORMATS)}")
    text = sys.stdin.read() if query == "-" else query
    if "\n" not in query and len(query) < 1024 and Path(query).is_file():
        text = Path(query).read_text(encoding="utf-8")
    with _errors():
        store, status = build_store(Graph.from_settings(), load_ontology())
    version = status.version.number if status.version else "none"
    err_console.print(
        f"store built from graph version {version} in {status.build_seconds:.2f}s "
        f"({status.triples:,} triples, {status.entailed:,} entailed)",
        highlight=False,
    )
    try:
        answer = run_query(store, text, max_rows=max_rows, deadline=time.monotonic() + timeout)
    except SparqlError as exc:
        fail(f"{exc.title}: {exc}")
    formats = GRAPH_FORMATS if answer.kind == "graph" else RESULT_FORMATS
    chosen = fmt or ("ttl" if answer.kind == "graph" else "csv")
    if chosen not in formats:
        fail(f"--format {chosen} does not fit this query; choose one of {', '.join(formats)}")
    sys.stdout.buffer.write(render(answer, chosen))
    sys.stdout.flush()
    if answer.truncated:
        err_console.print(f"cut at {max_rows:,} rows (--max-rows)", highlight=False)
