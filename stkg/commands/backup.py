"""`stkg backup` and `stkg restore`: backups with a manifest, and restores checked against it."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable

from stkg.config.settings import get_settings
from stkg.console import console, err_console, fail
from stkg.graph.backup import RESTORE_BATCH, BackupError, Manifest
from stkg.graph.backup import backup as run_backup
from stkg.graph.backup import restore as run_restore
from stkg.graph.local.server import Neo4jServerError
from stkg.ontology.errors import OntologyError
from stkg.progress import StepReporter

StopOption = Annotated[
    bool,
    typer.Option(
        "--stop",
        help="Stop the local Neo4j if it runs (an offline dump or load needs it stopped) "
        "and start it again afterwards. Without it a running local server is refused.",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the manifest as JSON.")]


@contextmanager
def _errors() -> Iterator[None]:
    settings = get_settings()
    try:
        yield
    except (BackupError, Neo4jServerError, OntologyError) as exc:
        fail(str(exc))
    except AuthError:
        fail(f"Neo4j at {settings.neo4j_uri} refused the credentials in NEO4J_USER/NEO4J_PASSWORD.")
    except ServiceUnavailable as exc:
        fail(f"Neo4j at {settings.neo4j_uri} is not reachable ({exc}); try `stkg neo4j start`.")
    except Neo4jError as exc:
        fail(f"Neo4j refused a statement: {exc.message}")
    except OSError as exc:
        fail(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "))


def _describe(manifest: Manifest) -> None:
    console.print(
        f"  content   {manifest.nodes:,} nodes, {manifest.relationships:,} relationships, "
        f"fingerprint {manifest.fingerprint[:16]}…",
        highlight=False,
    )
    console.print(f"  ontology  {manifest.ontology_version or '(not synced)'}", highlight=False)
    console.print(
        f"  taken     {manifest.created_at} by stkg {manifest.stkg_version}, "
        f"Neo4j {manifest.neo4j_version} {manifest.neo4j_edition}",
        highlight=False,
    )


def backup(
    to: Annotated[
        Path | None,
        typer.Option("--to", help="Directory for the backup and its manifest (STKG_BACKUP_DIR)."),
    ] = None,
    stop: StopOption = False,
    rdf: Annotated[
        bool,
        typer.Option(
            "--rdf",
            help="Export the instance graph as N-Triples over Bolt instead of dumping the "
            "local store (the server keeps running; what a remote server always gets).",
        ),
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Back up the graph, with a manifest (counts, fingerprint, sha256) beside it.

    The local server stkg runs is dumped with `neo4j-admin database dump`, which needs it
    stopped: give --stop to stop it and start it again. A server stkg does not run (or
    --rdf) gets a streamed RDF export of the instance graph. See docs/operations.md.

    Examples:

      stkg backup --stop

      stkg backup --to /srv/backups/stkg --stop

      NEO4J_URI=neo4j+s://example.databases.neo4j.io stkg backup
    """
    settings = get_settings()
    began = time.monotonic()
    with _errors(), StepReporter(err_console) as steps:
        result = run_backup(settings, to, stop=stop, rdf=rdf, steps=steps)
    if as_json:
        sys.stdout.write(json.dumps(result.manifest.to_json(), indent=2) + "\n")
        return
    m = result.manifest
    console.print(
        f"[green]Backed up[/] in {time.monotonic() - began:.1f}s: {result.path} "
        f"({m.bytes / 2**20:.2f} MiB, {m.kind})",
        highlight=False,
    )
    console.print(f"  manifest  {result.manifest_path}", highlight=False)
    _describe(m)
    for action in result.server_actions:
        console.print(f"  Neo4j     {action}", highlight=False)
    if m.exported is not None:
        left = sum(m.exported["leftOut"].values())
        console.print(
            f"  exported  {m.exported['nodes']:,} nodes, {m.exported['relationships']:,} "
            f"relationships ({m.exported['triples']:,} triples); {left:,} items outside the "
            "ontology left out",
            highlight=False,
        )
    console.print(f"  Restore with `stkg restore {result.manifest_path}`.", highlight=False)


def restore(
    path: Annotated[Path, typer.Argument(help="A backup file or its .manifest.json.")],
    stop: StopOption = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Restore even when the database holds data: a dump replaces all of it, an "
            "RDF backup is merged into it (in one transaction).",
        ),
    ] = False,
    batch: Annotated[
        int,
        typer.Option(
            "--batch",
            min=1,
            help="RDF backups: records (nodes plus relationships) written per transaction "
            "into a graph without instance data.",
        ),
    ] = RESTORE_BATCH,
) -> None:
    """Restore a backup made by `stkg backup`, checked against its manifest.

    The file's size and sha256 must match the manifest; a database holding data is refused
    unless --force. A dump is loaded into a staging store first and moved into place only
    when complete; the restored graph's fingerprint must equal the manifest's, or the
    previous store is put back. An RDF backup is written in batches into a graph without
    instance data, and what it wrote is deleted again if a batch fails.

    Examples:

      stkg restore .stkg/backups/stkg-neo4j-20250101T020000Z.manifest.json --stop --force
    """
    settings = get_settings()
    began = time.monotonic()
    with _errors(), StepReporter(err_console) as steps:
        result = run_restore(settings, path, stop=stop, force=force, steps=steps, batch=batch)
    m = result.manifest
    console.print(
        f"[green]Restored[/] {result.path} in {time.monotonic() - began:.1f}s "
        f"into database '{settings.neo4j_database}' at {settings.neo4j_uri}",
        highlight=False,
    )
    _describe(m)
    if result.written is not None:
        console.print(
            f"  written   {result.written[0]:,} nodes, {result.written[1]:,} relationships "
            f"in {result.transactions or 1:,} transaction(s)",
            highlight=False,
        )
    elif result.content is not None:
        console.print("  checked   the restored graph's fingerprint equals the manifest's")
    for action in result.server_actions:
        console.print(f"  Neo4j     {action}", highlight=False)
    for note in result.notes:
        console.print(f"[yellow]note:[/] {note}", highlight=False)
