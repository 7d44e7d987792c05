"""`stkg status`, `stkg serve`, `stkg up` and `stkg down`: the service as a whole."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Annotated

import httpx
import typer
from neo4j.exceptions import AuthError, ServiceUnavailable

from stkg.config.processes import HOME_VARIABLE, PidFile, spawn, tail, terminate_group
from stkg.config.settings import get_settings
from stkg.console import console, fail
from stkg.graph.driver import Graph
from stkg.graph.local.server import LocalNeo4j, Neo4jServerError
from stkg.progress import StepReporter


def status() -> None:
    """Show the Neo4j server stkg talks to: version, edition, address and counts."""
    settings = get_settings()
    try:
        info = Graph.from_settings(settings).server_info()
    except (ServiceUnavailable, OSError) as exc:
        fail(
            f"Neo4j at {settings.neo4j_uri} is not reachable ({exc}). "
            "Start a local one with `stkg neo4j start`."
        )
    except AuthError:
        fail(f"Neo4j at {settings.neo4j_uri} refused the credentials in NEO4J_USER/NEO4J_PASSWORD.")
    console.print(f"Neo4j {info.version} {info.edition} at {info.address} ({settings.neo4j_uri})")
    console.print(f"  database       {settings.neo4j_database}")
    console.print(f"  nodes          {info.nodes:,}")
    console.print(f"  relationships  {info.relationships:,}")


def serve(
    host: str = typer.Option(None, help="Interface to bind (default STKG_API_HOST)."),
    port: int = typer.Option(None, help="Port (default STKG_API_PORT)."),
    workers: int = typer.Option(1, min=1, help="uvicorn worker processes."),
) -> None:
    """Run the HTTP API in the foreground (Ctrl-C stops it)."""
    import uvicorn

    settings = get_settings()
    uvicorn.run(
        "stkg.api.app:create_app",
        factory=True,
        host=host or settings.api_host,
        port=port or settings.api_port,
        workers=workers,
        log_level="info",
    )


def _api_pidfile() -> PidFile:
    home = get_settings().home.resolve()
    return PidFile(home / "api.pid", marker="stkg.api.app:create_app", home=home)


def up(
    samples: Annotated[
        Path | None,
        typer.Option(help="Documents to ingest after the ontology sync (a file or folder)."),
    ] = Path("samples"),
    no_samples: Annotated[bool, typer.Option("--no-samples", help="Ingest nothing.")] = False,
) -> None:
    """Start everything: local Neo4j, the ontology sync, the sample corpus, then the API.

    Neo4j and the API keep running in the background; `stkg down` stops both. Running it
    again is safe: a running server is reused, the sync and the ingest change nothing
    the second time. Each step is shown as it happens (the first run fetches Neo4j).
    """
    settings = get_settings()
    server = LocalNeo4j(settings)
    api = f"http://{settings.api_host}:{settings.api_port}"
    pidfile = _api_pidfile()
    log = settings.home.resolve() / "logs" / "api.log"
    with StepReporter(console) as steps:
        try:
            neo, started = server.start(quiet=True, steps=steps)
        except Neo4jServerError as exc:
            fail(str(exc))
        if not started:
            steps.step(f"Using the Neo4j already running at {neo.bolt_uri}")
            steps.detail(f"pid {neo.pid}")
        _sync_ontology(steps)
        if samples is not None and not no_samples and samples.exists():
            _ingest_samples(samples, steps)
            _classify_patents(steps)
        _crosswalks(steps)
        proc = pidfile.live_process()
        steps.step(f"Starting the API on {api}")
        if proc is None:
            argv = [
                sys.executable,
                "-m",
                "uvicorn",
                "stkg.api.app:create_app",
                "--factory",
                "--host",
                settings.api_host,
                "--port",
                str(settings.api_port),
            ]
            # the API's state directory, in its environment: how its pid file knows it
            env = {**os.environ, HOME_VARIABLE: pidfile.home}
            popen = spawn(argv, log, env=env)
            pidfile.write(popen.pid)
            steps.detail(f"pid {popen.pid}, log {log}")
            _wait_http(f"{api}/health", popen, log)
        else:
            steps.detail(f"already running (pid {proc.pid})")
    console.print("[green]stkg is up[/]")
    console.print(f"  API            {api}  (docs: {api}/docs)")
    console.print(f"  Neo4j Browser  {neo.http_url}/browser/  (Bolt {neo.bolt_uri})")
    console.print(f"  Logs           {log} and `stkg neo4j logs`")
    console.print("  Stop with `make stop` (or `stkg down`).")


def _sync_ontology(steps: StepReporter) -> None:
    from stkg.graph.schema import sync

    steps.step("Syncing the ontology schema (constraints, indexes, schema nodes)")
    plan = sync(Graph.from_settings())
    if plan.changes:
        detail = (
            f"{len(plan.create)} constraints/indexes created, "
            f"{len(plan.schema_nodes_added)} schema nodes and "
            f"{len(plan.reference_added)} reference nodes added"
        )
    else:
        detail = "already in sync"
    console.print(f"[green]Ontology synced[/] ({detail})")


def _ingest_samples(folder: Path, steps: StepReporter) -> None:
    steps.step(f"Ingesting the sample documents in {folder}")
    steps.detail("loading the Korean NLP models")
    from stkg.ingest.files import DocumentResult, expand_paths, ingest_paths
    from stkg.ontology.model import load_ontology

    files = expand_paths([folder])
    done: list[DocumentResult] = []

    def each(result: DocumentResult) -> None:
        done.append(result)
        steps.detail(f"{len(done)}/{len(files)} {result.path.name}: {result.status}")

    report = ingest_paths(files, Graph.from_settings(), load_ontology(), on_document=each)
    totals = report.totals()
    console.print(
        f"[green]Samples ingested[/] from {folder}: {totals['written']} written, "
        f"{totals['unchanged']} unchanged, {totals['failed']} failed"
    )
    for doc in report.failed:
        console.print(f"  [red]failed:[/] {doc.error}")


def _crosswalks(steps: StepReporter) -> None:
    from stkg.graph.crosswalk import refresh

    steps.step("Crosswalks between consecutive editions (stated, reviewed, proposed)")
    report = refresh(Graph.from_settings())
    console.print(
        f"[green]Crosswalks[/] for {len(report.pairs)} edition pair(s): {report.stated} stated, "
        f"{report.reviewed} reviewed, {report.proposed} proposed"
    )
    for pending in report.pending:
        console.print(f"  [yellow]reviewed mapping not applied[/] (versions missing): {pending}")


def _classify_patents(steps: StepReporter) -> None:
    from stkg.graph.analysis.classification import classify_patents
    from stkg.ontology.model import load_ontology
    from stkg.ontology.search_expressions import SearchExpressionError, load_for_ontology

    steps.step("Classifying patents by the technology search expressions")
    try:
        expressions = load_for_ontology(load_ontology())
    except SearchExpressionError as exc:
        console.print(f"[red]Search expressions not used[/] (nothing classified):\n{exc}")
        return
    report = classify_patents(Graph.from_settings(), expressions)
    linked = sum(1 for t in report.technologies if not t.missing)
    console.print(
        f"[green]Patents classified[/] for {linked} technologies: {report.added} links added, "
        f"{report.changed} changed, {report.removed} removed"
    )


def _wait_http(url: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            fail(f"The API exited while starting:\n{tail(log)}")
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    fail(f"The API did not answer on {url} within 60s:\n{tail(log)}")


def down() -> None:
    """Stop the API and the local Neo4j started by `stkg up`."""
    proc = _api_pidfile().live_process()
    if proc is not None:
        terminate_group(proc, 15)
        console.print("API stopped.")
    _api_pidfile().remove()
    if LocalNeo4j(get_settings()).stop():
        console.print("Neo4j stopped.")
