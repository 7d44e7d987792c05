"""`stkg sparql QUERY`: a SPARQL query over a store built from Neo4j there and then.

The store is the one ``/sparql`` answers from (:mod:`stkg.graph.sparql`: the export, the
ontology files and their RDFS entailments), built anew from the graph for this command,
so it is never behind: the one command to check what SPARQL sees when in doubt.
``--rebuild`` also makes every API's store rebuild in full on its next query (it writes
an advance of the graph version that names no document), for when an incremental reload
is in doubt.
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
from stkg.graph.version import advance_version
from stkg.ontology.model import load_ontology

_FORMATS = [*RESULT_FORMATS, *GRAPH_FORMATS]


def sparql(
    query: Annotated[
        str | None,
        typer.Argument(
            help="The query, a file holding it (e.g. queries/edition-diff.rq), or - "
            "for standard input."
        ),
    ] = None,
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
    rebuild: Annotated[
        bool,
        typer.Option(
            "--rebuild",
            help="Make every SPARQL store (each API process's) rebuild in full from Neo4j "
            "on its next query, instead of reloading only the documents written since.",
        ),
    ] = False,
) -> None:
    """Ask SPARQL of the graph, through a store rebuilt from Neo4j for this command.

    Examples:

      stkg sparql queries/edition-diff.rq

      stkg sparql 'PREFIX stkg: <https://w3id.org/stkg/ontology#>
      SELECT (COUNT(*) AS ?n) WHERE { ?p a stkg:Entity }' --format csv

      stkg sparql --rebuild
    """
    if fmt is not None and fmt not in _FORMATS:
        fail(f"unknown format {fmt!r}; choose one of {', '.join(_FORMATS)}")
    if query is None and not rebuild:
        fail("give a query (or --rebuild)")
    with _errors():
        graph, onto = Graph.from_settings(), load_ontology()
        if rebuild:
            # a write naming no document: every store's next sync is a full rebuild
            advanced = advance_version(graph, onto)
            err_console.print(
                f"graph version {advanced.number}: every SPARQL store rebuilds in full "
                "on its next query",
                highlight=False,
            )
        store, status = build_store(graph, onto)
    version = status.version.number if status.version else "none"
    err_console.print(
        f"store built from graph version {version} in {status.build_seconds:.2f}s "
        f"({status.triples:,} triples, {status.entailed:,} entailed)",
        highlight=False,
    )
    if query is None:
        return
    text = sys.stdin.read() if query == "-" else query
    if "\n" not in query and len(query) < 1024 and Path(query).is_file():
        text = Path(query).read_text(encoding="utf-8")
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
