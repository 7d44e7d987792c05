"""`stkg status`, `stkg serve`, `stkg up` and `stkg down`: the service as a whole."""

from __future__ import annotations

import sys
import time

import httpx
import typer
from neo4j.exceptions import AuthError, ServiceUnavailable

from stkg.console import console, fail
from stkg.daemon import PidFile, spawn, tail, terminate_group
from stkg.graph.driver import Graph
from stkg.graph.server import LocalNeo4j, Neo4jServerError
from stkg.settings import get_settings


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
    return PidFile(get_settings().home.resolve() / "api.pid", marker="stkg.api.app:create_app")


def up() -> None:
    """Start everything in the background: local Neo4j, then the API; print where."""
    settings = get_settings()
    server = LocalNeo4j(settings)
    try:
        with console.status("Starting Neo4j…"):
            neo, _ = server.start(quiet=True)
    except Neo4jServerError as exc:
        fail(str(exc))
    pidfile = _api_pidfile()
    log = settings.home.resolve() / "logs" / "api.log"
    if pidfile.live_process() is None:
        argv = [sys.executable, "-m", "uvicorn", "stkg.api.app:create_app", "--factory",
                "--host", settings.api_host, "--port", str(settings.api_port)]  # fmt: skip
        proc = spawn(argv, log)
        pidfile.write(proc.pid)
        _wait_http(f"http://{settings.api_host}:{settings.api_port}/health", proc, log)
    api = f"http://{settings.api_host}:{settings.api_port}"
    console.print("[green]stkg is up[/]")
    console.print(f"  API            {api}  (docs: {api}/docs)")
    console.print(f"  Neo4j Browser  {neo.http_url}/browser/  (Bolt {neo.bolt_uri})")
    console.print(f"  Logs           {log} and `stkg neo4j logs`")
    console.print("  Stop with `make stop` (or `stkg down`).")


def _wait_http(url: str, proc: object, log: object) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            fail(f"The API exited while starting:\n{tail(log)}")  # type: ignore[arg-type]
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    fail(f"The API did not answer on {url} within 60s:\n{tail(log)}")  # type: ignore[arg-type]


def down() -> None:
    """Stop the API and the local Neo4j started by `stkg up`."""
    proc = _api_pidfile().live_process()
    if proc is not None:
        terminate_group(proc, 15)
        console.print("API stopped.")
    _api_pidfile().remove()
    if LocalNeo4j(get_settings()).stop():
        console.print("Neo4j stopped.")
