"""`stkg ingest PATH...`: read documents and write their facts, with provenance."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from stkg.commands.feed import ingest_urls, is_url, print_web_results
from stkg.commands.followups import follow_up_payload, print_follow_ups, run_follow_ups
from stkg.config.settings import get_settings
from stkg.console import console, err_console, fail
from stkg.graph.driver import Graph
from stkg.ingest.files import DocumentResult, IngestReport, expand_paths, ingest_paths
from stkg.ingest.followups import FollowUps
from stkg.ingest.readers import Limits
from stkg.ingest.web import WebResult
from stkg.ingest.workers import WorkerStartError
from stkg.ontology.model import load_ontology


def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders (searched recursively) or http(s) URLs (the page and the "
            "files it attaches are fetched).",
            show_default=False,
        ),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Read and extract, write nothing.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Rewrite documents already in the graph.")
    ] = False,
    max_mb: Annotated[
        float, typer.Option("--max-mb", min=0.001, help="Refuse files larger than this.")
    ] = 50.0,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Processes that read and extract the files; this one writes them, in the "
            "order given, one transaction each. 1: no worker processes. Default: "
            "STKG_INGEST_JOBS, else one per core for 32 files or more (workers take "
            "10-25 s to start), else 1.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Ingest press releases, tables and patent lists (txt, html, pdf, docx, hwpx, csv, xlsx),
    from files or from the web.

    Each document is written in one transaction: a document that cannot be read is
    reported and skipped with nothing written; one already in the graph with the same
    content is left as it is; a changed one replaces what its earlier version said.

    Examples:

      stkg ingest samples/                 # a folder

      stkg ingest release.hwpx --dry-run   # what would be extracted

      stkg ingest archive/ --jobs 4        # extract in 4 processes

      stkg ingest patents.xlsx --json      # machine-readable report

      stkg ingest https://www.example.go.kr/news/view?id=1   # a page and its attachments
    """
    urls = [p for p in paths if is_url(p)]
    files = expand_paths([Path(p) for p in paths if not is_url(p)])
    if not files and not urls:
        fail("no supported documents found in " + ", ".join(map(str, paths)))
    onto = load_ontology()
    graph = None if dry_run else Graph.from_settings()
    limits = Limits(max_bytes=int(max_mb * 2**20))
    web = ingest_urls(urls, graph, onto, limits=limits, dry_run=dry_run, force=force)
    if not files:
        followed = run_follow_ups(graph, onto, [], web)
        if as_json:
            _emit({"web": [r.as_dict() for r in web], **follow_up_payload(followed)})
        else:
            print_web_results(web)
            if followed is not None:
                print_follow_ups(followed)
        if any(r.status == "failed" for r in web):
            raise typer.Exit(1)
        return
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err_console, disable=as_json, transient=True) as bar:
        task = bar.add_task("ingesting", total=len(files))

        def advance(result: DocumentResult) -> None:
            bar.update(task, advance=1, description=result.path.name)

        try:
            report = ingest_paths(
                files,
                graph,
                onto,
                dry_run=dry_run,
                force=force,
                limits=limits,
                on_document=advance,
                jobs=jobs or get_settings().ingest_workers(len(files)),
            )
        except WorkerStartError as exc:
            fail(f"{exc}\n(--jobs 1 reads and extracts in this process, without workers)")
    followed = run_follow_ups(graph, onto, report.documents, web)
    if as_json:
        _print_json(report, web, followed)
    else:
        _print_report(report)
        if web:
            print_web_results(web)
        if followed is not None:
            print_follow_ups(followed)
    if report.failed or any(r.status == "failed" for r in web):
        raise typer.Exit(1)


def _print_json(
    report: IngestReport, web: list[WebResult], followed: FollowUps | None = None
) -> None:
    docs = [{**asdict(d), "path": str(d.path)} for d in report.documents]
    payload: dict[str, object] = {
        "run": report.run_id,
        "totals": report.totals(),
        "documents": docs,
    }
    if web:
        payload["web"] = [r.as_dict() for r in web]
    _emit(payload | follow_up_payload(followed))


def _emit(payload: dict[str, object]) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n")


def _print_report(report: IngestReport) -> None:
    table = Table(
        "document",
        "status",
        "entities",
        "relationships",
        "evidence",
        "new nodes",
        "warnings",
        box=None,
    )
    style = {"written": "green", "unchanged": "dim", "failed": "red", "dry-run": "cyan"}
    for d in report.documents:
        table.add_row(
            d.path.name,
            f"[{style[d.status]}]{d.status}[/]",
            str(d.nodes),
            str(d.relationships),
            str(d.evidence),
            str(d.created_nodes),
            str(len(d.warnings)),
        )
    console.print(table)
    for d in report.documents:
        if d.error:
            err_console.print(f"[red]error:[/] {d.error}", highlight=False)
        for warning in d.warnings:
            err_console.print(f"[yellow]warning:[/] {d.path.name}: {warning}", highlight=False)
    t = report.totals()
    console.print(
        f"{t['documents']} document(s): {t['written']} written, {t['unchanged']} unchanged, "
        f"{t['failed']} failed; {t['new_nodes']} new nodes, "
        f"{t['new_relationships']} new relationships"
    )
