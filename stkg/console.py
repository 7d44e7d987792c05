"""Shared Rich consoles and the way every command reports a failure."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

import typer
from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable
from rich.console import Console

from stkg.config.settings import get_settings
from stkg.graph.faults import QueryFailed
from stkg.ontology.errors import OntologyError

console = Console()
err_console = Console(stderr=True)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print a clear error (no traceback) and exit non-zero."""
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


@contextmanager
def neo4j_failures() -> Iterator[None]:
    """Report what a command that reads or changes the graph can meet, as one line and exit 1:
    an ontology error, an unreachable server, refused credentials, a refused statement."""
    uri = get_settings().neo4j_uri
    try:
        yield
    except OntologyError as exc:
        fail(str(exc))
    except (ServiceUnavailable, OSError) as exc:
        fail(f"Neo4j at {uri} is not reachable ({exc}); try `stkg neo4j start`.")
    except AuthError:
        fail(f"Neo4j at {uri} refused the credentials in NEO4J_USER/NEO4J_PASSWORD.")
    except (Neo4jError, QueryFailed) as exc:
        fail(f"Neo4j refused a statement: {exc.message}")
