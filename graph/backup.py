"""Backups that restore: a dump or an export of the graph, its manifest, and the way back.

Two kinds of backup, chosen by where the graph lives:

* **the local server stkg runs** (``stkg neo4j start``, store in ``STKG_HOME/neo4j``): an
  offline ``neo4j-admin database dump`` of the database, the whole of it (instance graph,
  schema nodes, constraints and indexes). Community Neo4j dumps a stopped database only,
  so the server is stopped for the dump and started again; a running server is stopped
  only when the caller says so (``stop=True``), never by surprise.
* **any other server** (``NEO4J_URI`` names one stkg does not run, or ``rdf=True``): the
  instance graph streamed over Bolt as N-Triples (:func:`stkg.graph.rdf.write_export`),
  the form ``ontology/shapes.ttl`` describes. The server keeps running.

Each backup ``stkg-<database>-<UTC time>.<dump|nt>`` has a manifest beside it,
``….manifest.json``: when it was taken, the node and relationship counts, the content
fingerprint (:mod:`stkg.graph.fingerprint`), the ontology version synced into the graph,
the sha256 and size of the backup file, the stkg and Neo4j versions. The fingerprint is
read before the server stops and again after it is back; when the two differ something
wrote in between, the manifest could not be trusted, and the backup is removed.

A restore checks the file against its manifest (size and sha256) before anything else,
refuses a database that holds data unless ``force`` is given, and never works on the live
store: a dump is loaded into a staging directory first (a truncated or corrupted dump
fails there), moved into place only when complete, and the restored database's
fingerprint is checked against the manifest; on any mismatch the previous store is moved
back.

An RDF backup is parsed and every term checked against the ontology before anything is
written (a file that does not parse, or names what the ontology does not define, or has
relationships to nodes neither in it nor in the graph, writes nothing). Then:

* into a graph **without instance data** (the normal restore) it is streamed: a first pass
  reads the N-Triples file line by line and checks it a chunk at a time, keeping only the
  node ids (:func:`stkg.graph.rdf.scan_ntriples`), and a second reads it again and writes
  it in transactions of at most ``batch`` records (:data:`RESTORE_BATCH`; nodes plus
  relationships; :func:`stkg.graph.rdf.write_ntriples_in_batches`): no transaction grows
  with the backup's size, and the client's memory only by its nodes (their ids and the
  line each one's triples end on) besides one chunk. Should one fail (Neo4j refuses a
  batch, the connection drops, the command is interrupted), every node the restore created
  is deleted again with its relationships, and :class:`RestoreFailed` names the file, how
  far it got and the cause: the graph is left as it was, without instance data. Only when
  that deletion fails too (the server is gone) does part of the backup stay, and the error
  says so;
* **merged** into a graph that holds instance data (``force``) it is parsed whole into
  memory and written in one transaction, so a failure changes nothing, and a backup too big
  for the transaction memory is refused by the server: such a backup is restored into an
  emptied graph.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from neo4j.exceptions import AuthError, Neo4jError

from stkg.config.settings import Settings
from stkg.config.version import __version__
from stkg.graph.cypher import backup as q
from stkg.graph.cypher import status as status_q
from stkg.graph.driver import Graph, new_driver
from stkg.graph.faults import QueryFailed, QueryNeedsMemory
from stkg.graph.fingerprint import Fingerprint, fingerprint
from stkg.graph.local.admin import (
    AdminFailed,
    check_no_restore_left,
    database_exists,
    dump_database,
    load_staged,
)
from stkg.graph.local.server import LocalNeo4j
from stkg.graph.local.steps import NO_STEPS, Steps
from stkg.graph.rdf import (
    BatchFailed,
    ExportStats,
    ImportPlan,
    ImportStats,
    NTriplesPlan,
    RdfError,
    RdfSyntaxError,
    plan_import,
    read_rdf_file,
    scan_ntriples,
    write_at_once,
    write_export,
    write_ntriples_in_batches,
)
from stkg.graph.version import advance_version
from stkg.ontology.errors import OntologySyntaxError
from stkg.ontology.model import Ontology, load_ontology

__all__ = [
    "DUMP",
    "MANIFEST_SUFFIX",
    "RDF",
    "RESTORE_BATCH",
    "BackupError",
    "BackupResult",
    "CorruptBackup",
    "GraphChanged",
    "Manifest",
    "NotEmpty",
    "RestoreFailed",
    "RestoreResult",
    "ServerRunning",
    "backup",
    "file_sha256",
    "manifest_for",
    "read_manifest",
    "restore",
]

#: ``kind`` of a backup: an offline Neo4j dump, or an N-Triples export of the instance graph
DUMP, RDF = "neo4j-dump", "rdf-ntriples"
_SUFFIX = {DUMP: ".dump", RDF: ".nt"}
MANIFEST_SUFFIX = ".manifest.json"
#: Records (nodes plus relationships) an RDF restore writes per transaction: far under
#: Neo4j's default 128 MiB of transaction memory (the writer commits 5,000 patents, about
#: 15,000 records, per transaction)
RESTORE_BATCH = 5_000
#: the manifest's own format; a reader refuses a newer one
MANIFEST_VERSION = 1
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}

T = TypeVar("T")


class BackupError(RuntimeError):
    """A backup or restore that cannot go on, phrased for the person at the terminal."""


class ServerRunning(BackupError):
    """The local server runs and the caller did not allow stopping it."""


class NotEmpty(BackupError):
    """The database to restore into holds data and ``force`` was not given."""


class CorruptBackup(BackupError):
    """The backup file does not match its manifest, or Neo4j could not load it."""


class GraphChanged(BackupError):
    """The graph changed while the backup ran, so its manifest would not describe it."""


class RestoreFailed(BackupError):
    """An RDF restore that Neo4j refused part-way; the message says what the graph holds."""


# ---------------------------------------------------------------------------------------
# The manifest
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Manifest:
    """What is known about one backup file; stored as JSON beside it."""

    kind: str
    file: str
    bytes: int
    sha256: str
    created_at: str
    database: str
    nodes: int
    relationships: int
    fingerprint: str
    ontology_version: str | None
    stkg_version: str
    neo4j_version: str
    neo4j_edition: str
    source: str
    took_seconds: float
    #: RDF backups: what the export wrote and what it left out (not in the ontology)
    exported: dict[str, Any] | None = None

    @property
    def content(self) -> Fingerprint:
        return Fingerprint(self.nodes, self.relationships, self.fingerprint)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "manifestVersion": MANIFEST_VERSION,
            "kind": self.kind,
            "file": self.file,
            "bytes": self.bytes,
            "sha256": self.sha256,
            "createdAt": self.created_at,
            "database": self.database,
            "nodes": self.nodes,
            "relationships": self.relationships,
            "fingerprint": self.fingerprint,
            "ontologyVersion": self.ontology_version,
            "stkgVersion": self.stkg_version,
            "neo4jVersion": self.neo4j_version,
            "neo4jEdition": self.neo4j_edition,
            "source": self.source,
            "tookSeconds": self.took_seconds,
        }
        if self.exported is not None:
            data["exported"] = self.exported
        return data

    @classmethod
    def from_json(cls, data: Any, where: Path) -> Manifest:
        """Read a manifest, naming ``where`` and the field when anything is off."""
        if not isinstance(data, dict):
            raise CorruptBackup(f"{where} is not a backup manifest (not a JSON object)")
        version = data.get("manifestVersion")
        if version != MANIFEST_VERSION:
            raise CorruptBackup(
                f"{where}: manifest version {version!r}; this stkg reads version "
                f"{MANIFEST_VERSION} (a newer stkg wrote it?)"
            )
        fields: dict[str, tuple[str, type | tuple[type, ...]]] = {
            "kind": ("kind", str),
            "file": ("file", str),
            "bytes": ("bytes", int),
            "sha256": ("sha256", str),
            "created_at": ("createdAt", str),
            "database": ("database", str),
            "nodes": ("nodes", int),
            "relationships": ("relationships", int),
            "fingerprint": ("fingerprint", str),
            "ontology_version": ("ontologyVersion", (str, type(None))),
            "stkg_version": ("stkgVersion", str),
            "neo4j_version": ("neo4jVersion", str),
            "neo4j_edition": ("neo4jEdition", str),
            "source": ("source", str),
            "took_seconds": ("tookSeconds", (int, float)),
            "exported": ("exported", (dict, type(None))),
        }
        values: dict[str, Any] = {}
        for attr, (key, kind) in fields.items():
            value = data.get(key)
            if not isinstance(value, kind) or isinstance(value, bool):
                raise CorruptBackup(f"{where}: field {key!r} is missing or not a {kind}")
            values[attr] = value
        if values["kind"] not in _SUFFIX:
            raise CorruptBackup(f"{where}: unknown backup kind {values['kind']!r}")
        if Path(values["file"]).name != values["file"]:
            raise CorruptBackup(f"{where}: 'file' must name a file beside the manifest")
        return cls(**values)


def manifest_for(backup_file: Path) -> Path:
    """The manifest beside a backup file (``x.dump`` → ``x.manifest.json``)."""
    return backup_file.with_name(backup_file.stem + MANIFEST_SUFFIX)


def read_manifest(path: Path) -> tuple[Manifest, Path, Path]:
    """``(manifest, its path, the backup file)`` from either the manifest or the backup."""
    path = Path(path)
    mpath = path if path.name.endswith(MANIFEST_SUFFIX) else manifest_for(path)
    if not mpath.exists():
        if not path.exists():
            raise BackupError(f"{path} does not exist")
        raise CorruptBackup(
            f"{path} has no manifest beside it ({mpath.name}); without it the file cannot "
            "be checked, so stkg does not restore it"
        )
    try:
        data = json.loads(mpath.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorruptBackup(f"{mpath} is not a readable manifest: {exc}") from exc
    manifest = Manifest.from_json(data, mpath)
    return manifest, mpath, mpath.with_name(manifest.file)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _write_private(path: Path, text: str) -> None:
    """Write a file only its owner can read, atomically (a partial file is never seen)."""
    partial = path.with_name(f".{path.name}.partial-{os.getpid()}")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    partial.rename(path)


# ---------------------------------------------------------------------------------------
# Where the graph lives
# ---------------------------------------------------------------------------------------


@contextmanager
def _graph(settings: Settings) -> Iterator[Graph]:
    """A graph on a driver of its own (the server may be stopped and started around it)."""
    with new_driver(settings) as driver:
        yield Graph(driver, settings.neo4j_database, settings.neo4j_timeout)


def _answers(settings: Settings) -> bool:
    """Whether some Neo4j answers at NEO4J_URI (a refused password still counts)."""
    try:
        with new_driver(settings, connection_timeout=2) as driver:
            driver.verify_connectivity()
        return True
    except AuthError:
        return True
    except Exception:
        return False


def _local_server(settings: Settings) -> LocalNeo4j | None:
    """The local server when NEO4J_URI names the one stkg runs from STKG_HOME, else None.

    That is: its process is alive; or it is stopped, its store exists, the URI is on this
    machine and nothing else answers there.
    """
    server = LocalNeo4j(settings)
    if server.status().running:
        return server
    if settings.bolt_host not in _LOOPBACK:
        return None
    if database_exists(server, settings.neo4j_database) and not _answers(settings):
        return server
    return None


@dataclass(frozen=True)
class _Snapshot:
    content: Fingerprint
    ontology_version: str | None
    neo4j_version: str
    neo4j_edition: str


def _snapshot(graph: Graph, onto: Ontology) -> _Snapshot:
    info = graph.server_info()
    schema = graph.read(status_q.SCHEMA_NODES)
    version = schema[0]["version"] if schema else None
    return _Snapshot(fingerprint(graph, onto), version, info.version, info.edition)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _target(settings: Settings, directory: Path, kind: str, when: dt.datetime) -> Path:
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    name = f"stkg-{settings.neo4j_database}-{when:%Y%m%dT%H%M%SZ}{_SUFFIX[kind]}"
    target = directory / name
    if target.exists() or manifest_for(target).exists():
        raise BackupError(f"{target} already exists; wait a second or choose another --to")
    return target


# ---------------------------------------------------------------------------------------
# Backup
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupResult:
    manifest: Manifest
    path: Path
    manifest_path: Path
    #: what was done to the local server, for the report (empty for an RDF export)
    server_actions: list[str] = field(default_factory=list)


def backup(
    settings: Settings,
    directory: Path | None = None,
    *,
    stop: bool = False,
    rdf: bool = False,
    steps: Steps = NO_STEPS,
    onto: Ontology | None = None,
) -> BackupResult:
    """Back up the graph NEO4J_URI names into ``directory`` (default STKG_BACKUP_DIR).

    The local server is dumped offline (see the module docstring; ``stop`` allows
    stopping it when it runs); any other server, or ``rdf=True``, is exported as RDF.
    """
    onto = onto or load_ontology()
    directory = Path(directory) if directory is not None else settings.backups
    server = None if rdf else _local_server(settings)
    if server is None:
        if not rdf and not _answers(settings):
            raise BackupError(
                f"Nothing to back up: no Neo4j answers at {settings.neo4j_uri} and there is "
                f"no local store in {settings.neo4j_home}. Start it with `stkg neo4j start`."
            )
        return _backup_rdf(settings, directory, steps, onto)
    return _backup_dump(settings, server, directory, stop, steps, onto)


def _backup_dump(
    settings: Settings,
    server: LocalNeo4j,
    directory: Path,
    stop: bool,
    steps: Steps,
    onto: Ontology,
) -> BackupResult:
    db = settings.neo4j_database
    status = server.status()
    if status.running and not stop:
        raise ServerRunning(
            f"The local Neo4j (pid {status.pid}, {server.bolt_uri}) is running, and Neo4j "
            "Community dumps a stopped database only. Pass --stop to stop it, dump and "
            "start it again (half a minute for a small graph; the API answers 503 "
            "meanwhile), or --rdf for an export of the instance graph while it runs."
        )
    began = time.perf_counter()
    actions: list[str] = []
    when = _now()
    target = _target(settings, directory, DUMP, when)
    was_running = status.running
    if not was_running:
        server.start(quiet=True, steps=steps)
        actions.append("started to read the fingerprint, stopped again")
    steps.step("Reading the graph's counts and content fingerprint")
    try:
        with _graph(settings) as graph:
            before = _snapshot(graph, onto)
    except BaseException:
        if not was_running:
            server.stop()
        raise
    steps.detail(f"{before.content.nodes:,} nodes, {before.content.relationships:,} rels")
    steps.step(f"Stopping Neo4j (pid {server.status().pid}) for the dump")
    server.stop()
    try:
        steps.step(f"Dumping database '{db}' with neo4j-admin into {target}")
        dump_database(server, db, target, steps)
        target.chmod(0o600)
    finally:
        if was_running:
            server.start(quiet=True, steps=steps)
            actions.append("stopped for the dump, started again")
    if was_running:
        steps.step("Checking that nothing wrote to the graph meanwhile")
        with _graph(settings) as graph:
            after = fingerprint(graph, onto)
        if after != before.content:
            target.unlink(missing_ok=True)
            raise GraphChanged(_changed_message(before.content, after))
    steps.step(f"Computing the sha256 of {target.name}")
    return _record(
        DUMP,
        target,
        when,
        began,
        db,
        before,
        source=f"{server.bolt_uri} (local store {server.home})",
        server_actions=actions,
    )


def _changed_message(before: Fingerprint, after: Fingerprint) -> str:
    return (
        "The graph changed while the backup ran (before: "
        f"{before.nodes:,} nodes, {before.relationships:,} relationships; after: "
        f"{after.nodes:,}, {after.relationships:,}): something wrote to it meanwhile (the "
        "API's write endpoints, `stkg ingest`, `stkg feed pull`). Its manifest would not "
        "describe the backup, so the backup was removed. Pause the writers and run it again."
    )


def _backup_rdf(settings: Settings, directory: Path, steps: Steps, onto: Ontology) -> BackupResult:
    began = time.perf_counter()
    when = _now()
    target = _target(settings, directory, RDF, when)
    partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
    stats = ExportStats()
    with _graph(settings) as graph:
        steps.step(f"Reading the counts and content fingerprint at {settings.neo4j_uri}")
        before = _snapshot(graph, onto)
        steps.step(f"Exporting the instance graph as N-Triples into {target}")
        try:
            fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as stream:
                stats = write_export(graph, onto, stream, "nt")
            steps.step("Checking that nothing wrote to the graph meanwhile")
            after = fingerprint(graph, onto)
            if after != before.content:
                raise GraphChanged(_changed_message(before.content, after))
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    partial.rename(target)
    steps.step(f"Computing the sha256 of {target.name}")
    return _record(
        RDF,
        target,
        when,
        began,
        settings.neo4j_database,
        before,
        source=settings.neo4j_uri,
        exported={
            "nodes": stats.nodes,
            "relationships": stats.relationships,
            "triples": stats.triples,
            "leftOut": dict(sorted(stats.skipped.items())),
        },
    )


def _record(
    kind: str,
    target: Path,
    when: dt.datetime,
    began: float,
    database: str,
    before: _Snapshot,
    *,
    source: str,
    server_actions: list[str] | None = None,
    exported: dict[str, Any] | None = None,
) -> BackupResult:
    """The manifest of a finished backup, written beside it (owner-only)."""
    manifest = Manifest(
        kind=kind,
        file=target.name,
        bytes=target.stat().st_size,
        sha256=file_sha256(target),
        created_at=when.isoformat().replace("+00:00", "Z"),
        database=database,
        nodes=before.content.nodes,
        relationships=before.content.relationships,
        fingerprint=before.content.sha256,
        ontology_version=before.ontology_version,
        stkg_version=__version__,
        neo4j_version=before.neo4j_version,
        neo4j_edition=before.neo4j_edition,
        source=source,
        took_seconds=round(time.perf_counter() - began, 2),
        exported=exported,
    )
    mpath = manifest_for(target)
    _write_private(mpath, json.dumps(manifest.to_json(), indent=2, ensure_ascii=False) + "\n")
    return BackupResult(manifest, target, mpath, server_actions or [])


# ---------------------------------------------------------------------------------------
# Restore
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RestoreResult:
    manifest: Manifest
    path: Path
    #: the restored database's content (checked equal to the manifest's for a dump)
    content: Fingerprint | None
    server_actions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: RDF restores: nodes and relationships written, and in how many transactions
    written: tuple[int, int] | None = None
    transactions: int | None = None


def check_file(manifest: Manifest, mpath: Path, path: Path) -> None:
    """Refuse a backup file that is missing, or whose size or sha256 is not the manifest's."""
    untouched = "Nothing was restored; the current store is untouched."
    if not path.exists():
        raise CorruptBackup(f"{path}, named by {mpath.name}, does not exist. {untouched}")
    size = path.stat().st_size
    if size != manifest.bytes:
        raise CorruptBackup(
            f"{path} is damaged: it holds {size:,} bytes, its manifest ({mpath.name}) says "
            f"{manifest.bytes:,} (truncated or altered). {untouched}"
        )
    digest = file_sha256(path)
    if digest != manifest.sha256:
        raise CorruptBackup(
            f"{path} is damaged: its sha256 is {digest}, its manifest ({mpath.name}) says "
            f"{manifest.sha256}. {untouched}"
        )


def restore(
    settings: Settings,
    path: Path,
    *,
    stop: bool = False,
    force: bool = False,
    steps: Steps = NO_STEPS,
    onto: Ontology | None = None,
    batch: int = RESTORE_BATCH,
) -> RestoreResult:
    """Restore the backup ``path`` (the file or its manifest) into the graph NEO4J_URI names.

    ``batch`` bounds the records (nodes plus relationships) an RDF restore writes in one
    transaction into a graph without instance data (see the module docstring).
    """
    if batch < 1:
        raise BackupError("the batch size must be at least 1 record")
    onto = onto or load_ontology()
    manifest, mpath, archive = read_manifest(Path(path))
    steps.step(f"Checking {archive.name} against its manifest (size, sha256)")
    check_file(manifest, mpath, archive)
    notes: list[str] = []
    if manifest.ontology_version not in (None, onto.version_iri):
        notes.append(
            f"The backup was taken with ontology {manifest.ontology_version}; this stkg has "
            f"{onto.version_iri}. Run `stkg ontology diff` and `stkg ontology sync`."
        )
    if manifest.kind == DUMP:
        return _restore_dump(settings, manifest, archive, stop, force, steps, onto, notes)
    return _restore_rdf(settings, manifest, archive, force, steps, onto, notes, batch)


def _restore_dump(
    settings: Settings,
    manifest: Manifest,
    archive: Path,
    stop: bool,
    force: bool,
    steps: Steps,
    onto: Ontology,
    notes: list[str],
) -> RestoreResult:
    db = settings.neo4j_database
    server = LocalNeo4j(settings)
    status = server.status()
    steps.step(f"Checking database '{db}' at {settings.neo4j_uri}")
    if settings.bolt_host not in _LOOPBACK or (not status.running and _answers(settings)):
        raise BackupError(
            f"{archive.name} is a Neo4j dump: it restores only into the local server stkg "
            f"runs from {settings.neo4j_home}, and the Neo4j at {settings.neo4j_uri} is not "
            "that one. Load it on that server with `neo4j-admin database load`, or point "
            "NEO4J_URI at the local server."
        )
    if status.running and not stop:
        raise ServerRunning(
            f"The local Neo4j (pid {status.pid}, {server.bolt_uri}) is running, and Neo4j "
            "Community loads a dump into a stopped database only. Pass --stop to stop it, "
            "restore and start it again (the API answers 503 meanwhile)."
        )
    if status.running:
        with _graph(settings) as graph:
            counts = graph.read(q.COUNTS)[0]
        if (counts["nodes"] or counts["relationships"]) and not force:
            raise NotEmpty(
                f"Database '{db}' at {server.bolt_uri} is not empty ({counts['nodes']:,} "
                f"nodes, {counts['relationships']:,} relationships). Restoring replaces all "
                "of it: pass --force to do so (`stkg backup --stop` keeps a copy first). "
                "Nothing was changed."
            )
    elif database_exists(server, db) and not force:
        raise NotEmpty(
            f"The local store in {server.home} already holds database '{db}', and with the "
            "server stopped stkg cannot tell whether it is empty. Start it (`stkg neo4j "
            "start`) and run again with --stop, or pass --force to replace it. Nothing was "
            "changed."
        )
    check_no_restore_left(server, db)
    actions: list[str] = []
    if status.running:
        steps.step(f"Stopping Neo4j (pid {status.pid}) for the restore")
        server.stop()
    try:
        steps.step(f"Loading {archive.name} into a staging store (the live one is untouched)")
        swap = load_staged(server, db, archive, steps)
    except AdminFailed as exc:
        if status.running:
            server.start(quiet=True, steps=steps)
        steps.step(f"Refusing {archive.name}: Neo4j could not load it")
        raise CorruptBackup(
            f"Neo4j could not load {archive}: the file passed its sha256 check, so it was "
            f"damaged before its manifest was written, or is not a dump this Neo4j "
            f"({settings.neo4j_version}) reads. Nothing was restored; the current store is "
            f"untouched.\n{exc}"
        ) from exc
    except BaseException:
        if status.running:
            server.start(quiet=True, steps=steps)
        raise
    try:
        steps.step("Moving the loaded database into place")
        swap.apply()
        server.start(quiet=True, steps=steps)
        steps.step("Checking the restored graph against the manifest's fingerprint")
        with _graph(settings) as graph:
            content = fingerprint(graph, onto)
            if content == manifest.content:
                # a new store: answers kept against the old one (API caches) are void
                advance_version(graph, onto)
        if content != manifest.content:
            raise CorruptBackup(
                f"The database loaded from {archive} does not match its manifest (manifest: "
                f"{manifest.nodes:,} nodes, {manifest.relationships:,} relationships, "
                f"{manifest.fingerprint[:16]}…; loaded: {content.nodes:,}, "
                f"{content.relationships:,}, {content.sha256[:16]}…). The previous store "
                "was put back."
            )
    except BaseException:
        server.stop()
        swap.roll_back()
        if status.running:
            server.start(quiet=True, steps=steps)
        raise
    swap.discard()
    if status.running:
        actions.append("stopped for the restore, started again on the restored store")
    else:
        server.stop()
        actions.append("started to check the restored graph, stopped again")
    return RestoreResult(manifest, archive, content, actions, notes)


def _restore_rdf(
    settings: Settings,
    manifest: Manifest,
    archive: Path,
    force: bool,
    steps: Steps,
    onto: Ontology,
    notes: list[str],
    batch: int,
) -> RestoreResult:
    entity = onto.label("Entity")
    steps.step(f"Checking the graph at {settings.neo4j_uri}")
    with _graph(settings) as graph:
        found = graph.read(q.HAS_LABELLED_NODE, label=entity, version=onto.label("GraphVersion"))[
            0
        ]["found"]
        if found and not force:
            raise NotEmpty(
                f"The graph at {settings.neo4j_uri} already holds instance data. An RDF "
                "backup is merged into it with --force (nodes and relationships are matched "
                "by id; nothing is deleted). Nothing was changed."
            )
        # a restore writes back what was there, shape violations included (`stkg validate`)
        if found:
            steps.step(f"Reading {archive.name}")
            data = _read(lambda: read_rdf_file(archive, "nt"), archive)
            plan = plan_import(onto, data, source=str(archive), validate=False)
            del data  # the rows are all that is written; the parsed triples can go
            # every transaction advances the graph version, if the graph has one (synced)
            steps.step("Merging it in one transaction (the graph holds instance data)")
            stats = _merge(graph, onto, plan, archive)
            transactions = 1
        else:
            steps.step(f"Reading {archive.name} and checking every term (nothing kept)")
            streamed = _scan(graph, onto, archive)
            steps.step(f"Writing it in transactions of at most {batch:,} records")
            stats, transactions = _write_batched(graph, onto, streamed, archive, batch, steps)
        content = fingerprint(graph, onto)
        schema = graph.read(status_q.SCHEMA_NODES)
    if not schema or not schema[0]["classes"]:
        notes.append(
            "The graph has no schema nodes, constraints or indexes from the ontology yet: "
            "run `stkg ontology sync`."
        )
    return RestoreResult(
        manifest, archive, content, [], notes, (stats.nodes, stats.relationships), transactions
    )


def _merge(graph: Graph, onto: Ontology, plan: ImportPlan, archive: Path) -> ImportStats:
    """A merge into a graph that holds data: one transaction, so a failure changes nothing."""
    try:
        return write_at_once(graph, onto, plan)
    except (Neo4jError, QueryFailed, RdfError) as exc:
        big = isinstance(exc, QueryNeedsMemory)
        hint = (
            " A backup this big restores in bounded batches only into a graph without "
            "instance data: empty it first (docs/operations.md, RDF restores)."
            if big
            else ""
        )
        raise RestoreFailed(
            f"Restoring {archive} failed ({_cause(exc)}). It was one transaction, so "
            f"nothing was written: the graph is as it was.{hint}"
        ) from exc


def _write_batched(
    graph: Graph, onto: Ontology, plan: NTriplesPlan, archive: Path, batch: int, steps: Steps
) -> tuple[ImportStats, int]:
    """Into a graph without instance data: batch by batch, and all of it deleted on failure."""
    done = [0]

    def progress(written: int, total: int) -> None:
        done[0] += 1
        steps.detail(f"{written:,} of {total:,} records written ({done[0]:,} transactions)")

    try:
        stats = write_ntriples_in_batches(graph, onto, plan, batch=batch, progress=progress)
    except BatchFailed as exc:
        cause = exc.__cause__ if exc.__cause__ is not None else exc
        if exc.cleanup is None:
            after = (
                "What it had written was deleted again: the graph holds no instance data, "
                "as before the restore."
            )
        else:
            after = (
                f"Deleting what it had written failed too ({_cause(exc.cleanup)}): the "
                "graph holds part of the backup. Delete its instance data before restoring "
                "again (docs/operations.md, RDF restores)."
            )
        raise RestoreFailed(
            f"Restoring {archive} failed after {exc.written:,} of {exc.total:,} records "
            f"({done[0]:,} transactions committed): {_cause(cause)}. {after}"
        ) from exc
    except RdfError as exc:  # refused before the first write (it names the file)
        raise RestoreFailed(f"{exc}. Nothing was written.") from exc
    return stats, done[0]


def _scan(graph: Graph, onto: Ontology, archive: Path) -> NTriplesPlan:
    """The checking pass over an RDF backup; what it refuses writes nothing."""
    try:
        return _read(lambda: scan_ntriples(graph, onto, archive), archive)
    except CorruptBackup:
        raise
    except RdfError as exc:
        raise RestoreFailed(f"{exc}. Nothing was written.") from exc


def _cause(exc: BaseException) -> str:
    """An exception as one line: the server's code and message for a Neo4j error."""
    text = " ".join(str(getattr(exc, "message", None) or exc).split()) or type(exc).__name__
    code = getattr(exc, "code", None)
    return f"{code}: {text}" if code else text


def _read(read: Callable[[], T], path: Path) -> T:
    try:
        return read()
    except (OntologySyntaxError, RdfSyntaxError) as exc:
        message = f"{path} is not readable N-Triples: {exc}. Nothing was written."
        raise CorruptBackup(message) from exc
