"""`stkg neo4j start|stop|status|logs`: a local Neo4j without Docker."""

from __future__ import annotations

import time

import typer

from stkg.config.settings import get_settings
from stkg.console import console, fail
from stkg.graph.local.server import LocalNeo4j, Neo4jServerError, ServerStatus
from stkg.progress import StepReporter

app = typer.Typer(
    help="Run a local Neo4j Community 5.26 server (Java 17 + Maven, no Docker).\n\n"
    "The jars are fetched once from Maven Central into STKG_CACHE_DIR; the store lives in "
    "STKG_HOME/neo4j. The server listens on 127.0.0.1 only.",
    no_args_is_help=True,
)


def _server() -> LocalNeo4j:
    return LocalNeo4j(get_settings())


def _describe(status: ServerStatus) -> None:
    console.print(f"  Bolt     {status.bolt_uri}")
    console.print(f"  Browser  {status.http_url}/browser/")
    console.print(f"  Store    {status.home}")
    if status.pid:
        console.print(f"  pid      {status.pid}")
    if status.rss_bytes:
        console.print(f"  RSS      {status.rss_bytes / 2**20:.0f} MiB")


@app.command()
def start(
    quiet: bool = typer.Option(
        False, "--quiet", "-q", help="No step-by-step progress; Maven runs quiet."
    ),
) -> None:
    """Start the server (fetching Neo4j the first time) and wait until Bolt answers.

    Each step is shown as it happens. Starting a server that already runs reports it and
    starts nothing.
    """
    server = _server()
    began = time.monotonic()
    try:
        if quiet:
            with console.status("Starting Neo4j…"):
                status, started = server.start(quiet=True)
        else:
            with StepReporter(console) as steps:
                status, started = server.start(steps=steps)
    except Neo4jServerError as exc:
        fail(str(exc))
    if started:
        console.print(f"[green]Neo4j is up[/] ({time.monotonic() - began:.1f}s)")
    else:
        console.print(
            f"[yellow]Neo4j is already running[/] (pid {status.pid}); not starting another."
        )
    _describe(status)
    console.print("  Stop it with `stkg neo4j stop`.")


@app.command()
def stop() -> None:
    """Stop the server cleanly (SIGTERM, then SIGKILL after STKG_NEO4J_STOP_TIMEOUT)."""
    if _server().stop():
        console.print("[green]Neo4j stopped.[/]")
    else:
        console.print("Neo4j was not running.")


@app.command()
def status() -> None:
    """Say whether the local server runs, where, and how much memory it uses."""
    status = _server().status()
    console.print("[green]running[/]" if status.running else "[yellow]not running[/]")
    _describe(status)
    if not status.running:
        raise typer.Exit(3)


@app.command()
def logs(lines: int = typer.Option(50, "--lines", "-n", min=1, help="How many lines.")) -> None:
    """Print the end of the server's log."""
    console.print(_server().logs(lines), highlight=False, markup=False)
