"""``kill -9`` of a running ``stkg ingest``: no half-written document, and a rerun heals.

The corpus is generated: copies of the two sample press releases, each made distinct by a
numbered line, so every copy has its own document node, evidence and run of transactions
while sharing entities and relationships with the others (the writes that could clash).
The fingerprints compared leave out ``IngestRun`` nodes and their relationships: every run
has its own id and clock, so a crashed-then-resumed ingest and a clean one differ there by
design, and nowhere else.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from reliability_helpers import cli_env, fingerprint

from stkg.config.settings import Settings
from stkg.graph.driver import Graph
from stkg.graph.wipe import wipe
from stkg.ingest.files import ingest_paths
from stkg.ontology.model import Ontology

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
BASES = ("01_sme_roadmap_2022.txt", "02_ip_sme_smart_manufacturing.txt")
DOCUMENTS = 30
KILL_AFTER = 3  # documents committed before the kill

EVIDENCE_OF_DOCUMENTS = """
MATCH (d:SourceDocument)
OPTIONAL MATCH (e:Evidence)-[:CITES_DOCUMENT]->(d)
OPTIONAL MATCH (e)-[:SUPPORTS]->(n)
WITH d, e, collect(n.id) AS supported
RETURN d.id AS doc, collect([e.id, supported]) AS evidence
"""


def _corpus(folder: Path) -> list[Path]:
    texts = [_text(SAMPLES / name) for name in BASES]
    paths = []
    for i in range(DOCUMENTS):
        path = folder / f"copy_{i:03d}.txt"
        path.write_text(f"{texts[i % 2]}\n\n(사본 {i:03d})\n", encoding="utf-8")
        paths.append(path)
    return paths


def _text(path: Path) -> str:
    """A sample's text (one of them is stored in CP949 on purpose)."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp949")


def _evidence_by_document(graph: Graph) -> dict[str, list[tuple[str, list[str]]]]:
    return {
        row["doc"]: sorted((e, sorted(s)) for e, s in row["evidence"] if e is not None)
        for row in graph.read(EVIDENCE_OF_DOCUMENTS)
    }


def _documents(graph: Graph) -> int:
    return int(graph.read("MATCH (d:SourceDocument) RETURN count(d) AS c")[0]["c"])


def _ingest_and_kill(corpus: list[Path], settings: Settings, graph: Graph) -> int:
    """Start the CLI, wait until a few documents are committed, SIGKILL its whole group."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "stkg.cli", "ingest", *map(str, corpus)],
        env=cli_env(settings), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while _documents(graph) < KILL_AFTER:
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else proc.returncode
            assert time.monotonic() < deadline, "the ingest never committed a document"
            time.sleep(0.02)
        assert proc.poll() is None, "the ingest finished before it could be killed"
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(30)
        if proc.stderr:
            proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    return _documents(graph)


def test_kill_9_mid_ingest_then_rerun_equals_a_clean_ingest(
    graph: Graph, onto: Ontology, neo4j_settings: Settings, tmp_path: Path
) -> None:
    corpus = _corpus(tmp_path)
    in_after_kill = _ingest_and_kill(corpus, neo4j_settings, graph)
    assert KILL_AFTER <= in_after_kill < DOCUMENTS
    partial = _evidence_by_document(graph)

    rerun = ingest_paths(corpus, graph, onto)
    statuses = [d.status for d in rerun.documents]
    assert statuses.count("unchanged") == in_after_kill, statuses
    assert statuses.count("written") == DOCUMENTS - in_after_kill, statuses
    resumed = fingerprint(graph, exclude_labels=["IngestRun"])

    wipe(graph)
    clean = ingest_paths(corpus, graph, onto)
    assert [d.status for d in clean.documents] == ["written"] * DOCUMENTS
    assert resumed == fingerprint(graph, exclude_labels=["IngestRun"])

    # all or nothing: every document the kill left behind has all of its evidence
    complete = _evidence_by_document(graph)
    assert len(partial) == in_after_kill
    for doc, evidence in partial.items():
        assert evidence and evidence == complete[doc], doc
