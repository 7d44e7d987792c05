"""Backups that restore: `stkg backup` and `stkg restore`, run as users run them.

The offline dump and load need the local server stopped, so those tests run on a Neo4j
of their own (a fresh store in a temporary directory, free ports, a password), started
once for the module and stopped at its end; the shared test server is never stopped. The
seed releases are ingested into it after an ontology sync, backed up once (`stkg backup
--stop`), and every test starts from that backup. The RDF export, what a server stkg does
not run gets, is tried against the shared test server seen from a state directory that
holds no store.

Costly steps (each stops and starts the private server): the backup, the restore after
the graph was deleted, and the refused load of a truncated dump whose manifest matches it.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import secrets
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pydantic import SecretStr
from reliability_helpers import Fingerprint, fingerprint, free_port

from stkg.config.settings import Settings
from stkg.config.version import __version__
from stkg.graph.driver import Graph, new_driver
from stkg.graph.local.server import LocalNeo4j
from stkg.graph.rdf import (
    plan_import,
    read_rdf_file,
    scan_ntriples,
    write_export,
    write_ntriples_in_batches,
)
from stkg.graph.schema import sync
from stkg.graph.wipe import wipe
from stkg.ingest.files import ingest_paths
from stkg.ontology.ids import INSTANCE_NS, instance_iri
from stkg.ontology.model import Ontology

REPO = Path(__file__).resolve().parents[2]
SEED_FILES = ("000_f874dc3d0926f1b7.txt", "004_2e30ccd89939a41a.txt")


def _env(settings: Settings) -> dict[str, str]:
    """A `stkg` subprocess aimed at ``settings`` only: its server, its state directory."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "STKG_"))}
    env.update(
        NEO4J_URI=settings.neo4j_uri,
        STKG_HOME=str(settings.home),
        STKG_NEO4J_HTTP_PORT=str(settings.neo4j_http_port),
        STKG_NEO4J_STOP_TIMEOUT=str(settings.neo4j_stop_timeout),
        STKG_CACHE_DIR=str(settings.cache_dir),
        COLUMNS="400",
    )
    if settings.password:
        env["NEO4J_PASSWORD"] = settings.password
    return env


def stkg(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stkg.cli", *args],
        cwd=REPO,
        env=_env(settings),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def _refused(proc: subprocess.CompletedProcess[str], *words: str) -> None:
    """Exit 1, an error naming ``words``, and no traceback."""
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "Traceback" not in out, out
    flat = " ".join(out.split())
    for word in words:
        assert word in flat, f"{word!r} not in: {flat}"


def _manifest(path: Path) -> dict[str, object]:
    return json.loads(path.read_text(encoding="utf-8"))


def _with_manifest(manifest: dict[str, object], dump: Path, target: Path) -> Path:
    """A copy of the manifest for ``dump`` (a damaged copy), named after it."""
    data = dict(manifest, file=dump.name)
    path = target / f"{dump.stem}.manifest.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@dataclass
class Backed:
    server: LocalNeo4j
    graph: Graph
    manifest: Path
    dump: Path
    content: Fingerprint
    backup_run: subprocess.CompletedProcess[str]
    refused_run: subprocess.CompletedProcess[str]
    pid_before: int


@pytest.fixture(scope="module")
def backed(
    tmp_path_factory: pytest.TempPathFactory, onto: Ontology, seeds_dir: Path
) -> Iterator[Backed]:
    """A private server holding the synced ontology and the seeds, backed up once."""
    root = tmp_path_factory.mktemp("backup")
    settings = Settings(
        neo4j_uri=f"bolt://127.0.0.1:{free_port()}",
        neo4j_http_port=free_port(),
        neo4j_password=SecretStr(f"pw-{secrets.token_hex(12)}"),
        home=root / "state",
        neo4j_stop_timeout=30.0,
    )
    server = LocalNeo4j(settings)
    server.start(quiet=True)
    driver = new_driver(settings)
    try:
        graph = Graph(driver, settings.neo4j_database)
        sync(graph)
        report = ingest_paths([seeds_dir / f for f in SEED_FILES], graph, onto)
        assert [d.status for d in report.documents] == ["written", "written"], report
        content = fingerprint(graph, onto)
        pid = server.status().pid
        assert pid is not None
        refused = stkg(settings, "backup", "--to", str(root / "backups"))
        run = stkg(settings, "backup", "--stop", "--to", str(root / "backups"), "--json")
        assert run.returncode == 0, run.stdout + run.stderr
        (manifest,) = (root / "backups").glob("*.manifest.json")
        (dump,) = (root / "backups").glob("*.dump")
        yield Backed(server, graph, manifest, dump, content, run, refused, pid)
    finally:
        driver.close()
        server.stop()


def test_backup_of_a_running_server_needs_stop(backed: Backed) -> None:
    _refused(backed.refused_run, "is running", "--stop", "--rdf")


def test_manifest_describes_the_dump(backed: Backed, onto: Ontology) -> None:
    manifest = _manifest(backed.manifest)
    assert json.loads(backed.backup_run.stdout) == manifest, "--json prints the manifest"
    assert manifest["kind"] == "neo4j-dump"
    assert manifest["file"] == backed.dump.name
    assert manifest["bytes"] == backed.dump.stat().st_size > 0
    assert manifest["sha256"] == hashlib.sha256(backed.dump.read_bytes()).hexdigest()
    assert (manifest["nodes"], manifest["relationships"], manifest["fingerprint"]) == tuple(
        backed.content
    )
    assert backed.content.nodes > 500 and backed.content.relationships > 500
    assert manifest["ontologyVersion"] == onto.version_iri
    assert manifest["stkgVersion"] == __version__
    assert manifest["neo4jVersion"] == backed.server.settings.neo4j_version
    assert str(manifest["createdAt"]).endswith("Z")
    # only the owner reads a backup
    assert backed.dump.stat().st_mode & 0o077 == 0
    assert backed.manifest.stat().st_mode & 0o077 == 0


def test_backup_restarts_the_server_it_stopped(backed: Backed, onto: Ontology) -> None:
    status = backed.server.status()
    assert status.running and status.pid != backed.pid_before
    said = backed.backup_run.stderr
    assert said.index("Waiting for Neo4j to answer") > said.index("Dumping database")
    assert fingerprint(backed.graph, onto) == backed.content


def test_restore_after_deleting_everything_gives_the_same_fingerprint(
    backed: Backed, onto: Ontology
) -> None:
    wipe(backed.graph)
    assert fingerprint(backed.graph, onto).nodes == 0
    run = stkg(backed.server.settings, "restore", str(backed.manifest), "--stop")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "fingerprint equals the manifest's" in run.stdout
    assert backed.server.status().running
    assert fingerprint(backed.graph, onto) == backed.content
    assert not (backed.server.home / "restore").exists(), "staging and previous store removed"


def test_restore_onto_a_non_empty_database_needs_force(backed: Backed, onto: Ontology) -> None:
    before = fingerprint(backed.graph, onto)
    assert before.nodes > 0
    pid = backed.server.status().pid
    run = stkg(backed.server.settings, "restore", str(backed.manifest), "--stop")
    _refused(run, "not empty", "--force", "Nothing was changed")
    assert backed.server.status().pid == pid, "refused before stopping anything"
    assert fingerprint(backed.graph, onto) == before


def test_damaged_dumps_are_refused_and_the_store_untouched(
    backed: Backed, onto: Ontology, tmp_path: Path
) -> None:
    before = fingerprint(backed.graph, onto)
    assert before.nodes > 0
    pid = backed.server.status().pid
    data = backed.dump.read_bytes()
    manifest = _manifest(backed.manifest)

    # truncated, with the manifest of the whole dump: refused on its size, nothing stopped
    truncated = tmp_path / "truncated" / backed.dump.name
    truncated.parent.mkdir()
    truncated.write_bytes(data[: len(data) // 2])
    listed = _with_manifest(manifest, truncated, truncated.parent)
    run = stkg(backed.server.settings, "restore", str(truncated), "--stop", "--force")
    _refused(run, str(truncated), "truncated", "untouched")
    # one byte changed, same size: refused on its sha256
    flipped = tmp_path / "flipped" / backed.dump.name
    flipped.parent.mkdir()
    flipped.write_bytes(data[:-100] + bytes([data[-100] ^ 0xFF]) + data[-99:])
    _with_manifest(manifest, flipped, flipped.parent)
    run = stkg(backed.server.settings, "restore", str(flipped), "--stop", "--force")
    _refused(run, str(flipped), "sha256", manifest["sha256"], "untouched")
    assert backed.server.status().pid == pid, "refused before stopping anything"
    assert listed.exists()

    # truncated, and a manifest that matches it (damaged before the manifest was written):
    # Neo4j refuses to load it into the staging store; the live store is started again
    matching = dict(
        manifest,
        bytes=truncated.stat().st_size,
        sha256=hashlib.sha256(truncated.read_bytes()).hexdigest(),
    )
    forged = _with_manifest(matching, truncated, truncated.parent)
    run = stkg(backed.server.settings, "restore", str(forged), "--stop", "--force")
    _refused(run, str(truncated), "could not load", "Truncated", "untouched")
    assert backed.server.status().running
    assert fingerprint(backed.graph, onto) == before
    assert not (backed.server.home / "restore").exists(), "the staging store is removed"


# --- a server stkg does not run: an RDF export --------------------------------------------


def test_rdf_backup_of_a_server_stkg_does_not_run(
    graph: Graph, neo4j_settings: Settings, onto: Ontology, seeds_dir: Path, tmp_path: Path
) -> None:
    report = ingest_paths([seeds_dir / f for f in SEED_FILES], graph, onto)
    assert [d.status for d in report.documents] == ["written", "written"], report
    content = fingerprint(graph, onto)
    ids = {r["id"] for r in graph.read("MATCH (n:Entity) RETURN n.id AS id")}
    # the same server, seen from a state directory that holds no store: not stkg's to stop
    remote = neo4j_settings.model_copy(update={"home": tmp_path / "elsewhere"})
    run = stkg(remote, "backup", "--to", str(tmp_path / "backups"), "--json")
    assert run.returncode == 0, run.stdout + run.stderr
    manifest = json.loads(run.stdout)
    (nt,) = (tmp_path / "backups").glob("*.nt")
    assert manifest["kind"] == "rdf-ntriples" and manifest["file"] == nt.name
    assert manifest["sha256"] == hashlib.sha256(nt.read_bytes()).hexdigest()
    assert (manifest["nodes"], manifest["relationships"], manifest["fingerprint"]) == tuple(content)
    assert manifest["exported"]["nodes"] == len(ids)
    assert not (tmp_path / "elsewhere").exists(), "no local store was created or started"

    wipe(graph)
    mpath = tmp_path / "backups" / f"{nt.stem}.manifest.json"
    run = stkg(remote, "restore", str(mpath))
    assert run.returncode == 0, run.stdout + run.stderr
    assert {r["id"] for r in graph.read("MATCH (n:Entity) RETURN n.id AS id")} == ids
    restored = fingerprint(graph, onto)
    assert (restored.nodes, restored.relationships) == (content.nodes, content.relationships)

    again = stkg(remote, "restore", str(mpath))
    _refused(again, "already holds instance data", "--force")


def test_a_restore_not_matching_its_manifest_puts_the_previous_store_back(
    backed: Backed, onto: Ontology, tmp_path: Path
) -> None:
    # the live graph differs from the dump by one node, so a kept restore would show
    backed.graph.write("CREATE (:Entity {id: 'test:kept-by-the-rollback'})")
    before = fingerprint(backed.graph, onto)
    assert before.nodes == backed.content.nodes + 1
    # an intact dump whose manifest promises other content (the wrong manifest beside it)
    dump = tmp_path / backed.dump.name
    dump.write_bytes(backed.dump.read_bytes())
    wrong = _with_manifest(dict(_manifest(backed.manifest), fingerprint="0" * 64), dump, tmp_path)
    try:
        run = stkg(backed.server.settings, "restore", str(wrong), "--stop", "--force")
        _refused(run, str(dump), "does not match its manifest", "previous store was put back")
        assert backed.server.status().running
        assert fingerprint(backed.graph, onto) == before
        assert not (backed.server.home / "restore").exists()
    finally:
        backed.graph.write("MATCH (n:Entity {id: 'test:kept-by-the-rollback'}) DETACH DELETE n")


# --- RDF restores bigger than one transaction ----------------------------------------------


@dataclass
class RdfBackup:
    remote: Settings
    manifest: Path
    nt: Path
    content: Fingerprint


def _rdf_backup(
    graph: Graph, neo4j_settings: Settings, onto: Ontology, seeds_dir: Path, tmp_path: Path
) -> RdfBackup:
    """The seeds ingested into the test graph and backed up as RDF; the graph emptied."""
    report = ingest_paths([seeds_dir / f for f in SEED_FILES], graph, onto)
    assert [d.status for d in report.documents] == ["written", "written"], report
    content = fingerprint(graph, onto)
    remote = neo4j_settings.model_copy(update={"home": tmp_path / "elsewhere"})
    run = stkg(remote, "backup", "--to", str(tmp_path / "backups"))
    assert run.returncode == 0, run.stdout + run.stderr
    (nt,) = (tmp_path / "backups").glob("*.nt")
    wipe(graph)
    return RdfBackup(remote, tmp_path / "backups" / f"{nt.stem}.manifest.json", nt, content)


def _ntriples(graph: Graph, onto: Ontology) -> list[bytes]:
    stream = io.BytesIO()
    write_export(graph, onto, stream, "nt")
    return sorted(line for line in stream.getvalue().splitlines() if line.strip())


def test_an_rdf_restore_bigger_than_one_batch_gives_the_graph_back(
    graph: Graph, neo4j_settings: Settings, onto: Ontology, seeds_dir: Path, tmp_path: Path
) -> None:
    backed = _rdf_backup(graph, neo4j_settings, onto, seeds_dir, tmp_path)
    triples = sorted(line for line in backed.nt.read_bytes().splitlines() if line.strip())
    run = stkg(backed.remote, "restore", str(backed.manifest), "--batch", "200")
    assert run.returncode == 0, run.stdout + run.stderr
    flat = " ".join(run.stdout.split())
    written = re.search(r"written ([\d,]+) nodes, ([\d,]+) relationships in ([\d,]+) trans", flat)
    assert written, flat
    nodes, rels, transactions = (int(x.replace(",", "")) for x in written.groups())
    assert (nodes, rels) == (backed.content.nodes, backed.content.relationships)
    # every transaction but the last holds exactly 200 records: none holds more
    assert transactions == -(-(nodes + rels) // 200) > 1
    restored = fingerprint(graph, onto)
    assert (restored.nodes, restored.relationships) == (nodes, rels)
    # the restored graph exports, triple for triple, as the backup it came from
    assert _ntriples(graph, onto) == triples


def test_an_rdf_restore_refused_part_way_deletes_what_it_wrote(
    graph: Graph, neo4j_settings: Settings, onto: Ontology, seeds_dir: Path, tmp_path: Path
) -> None:
    sync(graph)  # the uniqueness constraints the blocking node below trips
    backed = _rdf_backup(graph, neo4j_settings, onto, seeds_dir, tmp_path)
    plan = plan_import(onto, read_rdf_file(backed.nt, "nt"), validate=False)
    # the last node the restore writes: a node with its label and id but not an instance
    # node (no Entity label) already holds that id, so Neo4j refuses the last node batch
    labels, rows = plan.nodes[-1]
    label = next(lbl for lbl in labels if lbl != onto.label("Entity"))
    blocked = rows[-1]["id"]
    key = onto.prop("id")
    graph.write(f"CREATE (n:`{label}`) SET n.`{key}` = $id", id=blocked)
    before = fingerprint(graph, onto)
    assert before.nodes == 1

    run = stkg(backed.remote, "restore", str(backed.manifest), "--batch", "100")
    _refused(run, str(backed.nt), "ConstraintValidationFailed", blocked, "deleted again")
    flat = " ".join((run.stdout + run.stderr).split())
    part = re.search(r"failed after ([\d,]+) of ([\d,]+) records \(([\d,]+) transactions", flat)
    assert part, flat
    done, total, committed = (int(x.replace(",", "")) for x in part.groups())
    assert 0 < done < total and committed == done // 100 > 1, "it failed part-way"
    assert fingerprint(graph, onto) == before, "nothing of the restore is left"

    # the cause removed, the same backup restores
    graph.write(f"MATCH (n:`{label}`) WHERE n.`{key}` = $id DELETE n", id=blocked)
    run = stkg(backed.remote, "restore", str(backed.manifest), "--batch", "100")
    assert run.returncode == 0, run.stdout + run.stderr
    # the synced schema nodes are not in an RDF backup: what it exported came back
    exported = _manifest(backed.manifest)["exported"]
    assert isinstance(exported, dict)
    restored = fingerprint(graph, onto)
    assert (restored.nodes, restored.relationships) == (
        exported["nodes"],
        exported["relationships"],
    )


def test_an_rdf_restore_pointing_outside_its_nodes_writes_nothing(
    graph: Graph, neo4j_settings: Settings, onto: Ontology, seeds_dir: Path, tmp_path: Path
) -> None:
    backed = _rdf_backup(graph, neo4j_settings, onto, seeds_dir, tmp_path)
    plan = plan_import(onto, read_rdf_file(backed.nt, "nt"), validate=False)
    # a node other nodes point at, its own triples taken out of the file (and the manifest
    # made to match): the relationships to it point at nothing
    _type, rels = plan.relationships[-1]
    gone = rels[-1]["b"]
    subject = f"<{instance_iri(gone)}> ".encode()
    lines = backed.nt.read_bytes().splitlines(keepends=True)
    kept = b"".join(line for line in lines if not line.startswith(subject))
    assert len(kept) < backed.nt.stat().st_size
    backed.nt.write_bytes(kept)
    manifest = dict(
        _manifest(backed.manifest), bytes=len(kept), sha256=hashlib.sha256(kept).hexdigest()
    )
    backed.manifest.write_text(json.dumps(manifest), encoding="utf-8")

    run = stkg(backed.remote, "restore", str(backed.manifest), "--batch", "100")
    _refused(run, str(backed.nt), "neither in the data nor in the graph", "Nothing was written")
    assert fingerprint(graph, onto).nodes == 0


def _rewrite(backed: RdfBackup, data: bytes) -> None:
    """Replace the backup file, its manifest made to match (a file damaged before it)."""
    backed.nt.write_bytes(data)
    manifest = dict(
        _manifest(backed.manifest), bytes=len(data), sha256=hashlib.sha256(data).hexdigest()
    )
    backed.manifest.write_text(json.dumps(manifest), encoding="utf-8")


def test_an_rdf_backup_with_a_bad_line_in_the_middle_writes_nothing(
    graph: Graph, neo4j_settings: Settings, onto: Ontology, seeds_dir: Path, tmp_path: Path
) -> None:
    backed = _rdf_backup(graph, neo4j_settings, onto, seeds_dir, tmp_path)
    lines = backed.nt.read_bytes().splitlines(keepends=True)
    middle = len(lines) // 2
    lines.insert(middle, f"<{INSTANCE_NS}x:y> not N-Triples .\n".encode())
    _rewrite(backed, b"".join(lines))

    # the lines before it are many batches of 100 records: none of them was written
    run = stkg(backed.remote, "restore", str(backed.manifest), "--batch", "100")
    _refused(run, f"{backed.nt}:{middle + 1}:", "not readable N-Triples", "Nothing was written")
    assert fingerprint(graph, onto).nodes == 0


def test_an_rdf_file_streams_in_chunks_and_relationships_may_come_before_their_end(
    graph: Graph, onto: Ontology, seeds_dir: Path, tmp_path: Path
) -> None:
    report = ingest_paths([seeds_dir / f for f in SEED_FILES], graph, onto)
    assert [d.status for d in report.documents] == ["written", "written"], report
    content = fingerprint(graph, onto)
    triples = _ntriples(graph, onto)
    # the export's lines grouped by the node they belong with (its own triples, its
    # relationships and their rdf:Statements), nodes in descending order: a relationship to
    # a node of a lower id points further down the file
    ns = f"<{INSTANCE_NS}".encode()

    def owner(line: bytes) -> bytes:
        subject = line.split(b" ", 1)[0]
        if not subject.startswith(ns):
            return subject
        return subject[len(ns) :].split(b"/", 1)[0].rstrip(b">")

    exported = _export_lines(graph, onto)
    lines = [line + b"\n" for line in sorted(exported, key=owner, reverse=True)]
    first: dict[bytes, int] = {}
    for number, line in enumerate(lines):
        first.setdefault(line.split(b" ", 1)[0], number)
    later = [
        n
        for n, line in enumerate(lines)
        if (parts := line.split(b" "))[2].startswith(ns) and first.get(parts[2], -1) > n
    ]
    assert len(later) > 100, "relationships to nodes defined later in the file"
    nt = tmp_path / "backwards.nt"
    nt.write_bytes(b"".join(lines))
    wipe(graph)

    # chunks of about 50 lines, transactions of 100 records: many of each
    plan = scan_ntriples(graph, onto, nt, chunk_lines=50)
    assert (plan.nodes, plan.relationships) == (content.nodes, content.relationships)
    stats = write_ntriples_in_batches(graph, onto, plan, batch=100, chunk_lines=50)
    assert (stats.nodes_created, stats.relationships_created) == (
        content.nodes,
        content.relationships,
    )
    assert _ntriples(graph, onto) == triples


def _export_lines(graph: Graph, onto: Ontology) -> list[bytes]:
    stream = io.BytesIO()
    write_export(graph, onto, stream, "nt")
    return [line for line in stream.getvalue().splitlines() if line.strip()]
