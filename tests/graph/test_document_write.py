"""The write of one document: how many statements it takes, and that the one-statement
write leaves exactly the graph the statement-per-shape write leaves (issue 20, item 2)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j import Query
from neo4j._sync.work.transaction import TransactionBase

from stkg.graph import writer as writer_module
from stkg.graph.driver import Graph
from stkg.graph.version import advance_version
from stkg.graph.wipe import wipe
from stkg.ingest.files import IngestReport, ingest_paths
from stkg.ontology.model import load_ontology

REPO = Path(__file__).resolve().parents[2]
#: the real corpus's dev documents, beside the repository (or STKG_CORPUS_DIR), when there
REAL_DEV = (
    Path(os.environ.get("STKG_CORPUS_DIR", REPO.parent / "shared" / "corpus" / "real")) / "dev"
)


def _documents(seeds_dir: Path) -> list[Path]:
    seeds = sorted(p for p in seeds_dir.glob("*.txt"))
    real = sorted(REAL_DEV.glob("*.txt")) if REAL_DEV.is_dir() else []
    return seeds + real


def _export(graph: Graph, runs: dict[str, str]) -> tuple[list[Any], list[Any]]:
    """Every node and relationship with labels, type and properties, in a stable order;
    the ingest runs' ids and times (new for every run) replaced by ``runs``' names."""

    def name(node_id: str) -> str:
        return runs.get(node_id, node_id)

    nodes = []
    for row in graph.read(
        "MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props"
    ):
        props = dict(row["props"])
        if row["id"] in runs:
            props = {"id": name(row["id"]), "softwareVersion": props.get("softwareVersion")}
        nodes.append((name(row["id"]), sorted(row["labels"]), json.dumps(props, sort_keys=True)))
    rels = [
        (name(row["a"]), row["type"], name(row["b"]), json.dumps(row["props"], sort_keys=True))
        for row in graph.read(
            "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, "
            "properties(r) AS props"
        )
    ]
    return sorted(nodes), sorted(rels)


def _ingest_twice(graph: Graph, paths: list[Path], tmp: Path) -> tuple[list[Any], list[Any]]:
    """All ``paths``; then new versions of the first half (same origins, a sentence more:
    the old versions' facts are retracted); then the first of those back as they were
    (A, B, A: written again, superseding B); then that once more (unchanged)."""
    onto = load_ontology()
    wipe(graph)
    origins = {p: f"test/{p.name}" for p in paths}
    first = ingest_paths(paths, graph, onto, origins=origins)
    changed = {}
    for path in paths[: len(paths) // 2]:
        copy = tmp / path.name
        copy.write_text(path.read_text(encoding="utf-8") + "\n\n추가 문장입니다.\n", "utf-8")
        changed[copy] = origins[path]
    second = ingest_paths(list(changed), graph, onto, origins=changed)
    back = {path: origins[path] for path in paths[:2]}
    third = ingest_paths(list(back), graph, onto, origins=back)
    again = ingest_paths(list(back), graph, onto, origins=back)
    _all_went(first, second, third)
    assert all(d.superseded for d in second.documents + third.documents)
    assert {d.status for d in again.documents} == {"unchanged"}
    runs = {r.run_id: f"run{i}" for i, r in enumerate((first, second, third, again))}
    return _export(graph, runs)


def _all_went(*reports: IngestReport) -> None:
    for report in reports:
        assert not report.failed, report.failed


def test_one_statement_writes_the_graph_the_statements_per_shape_write(
    graph: Graph, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    paths = _documents(seeds_dir)
    assert len(paths) >= 4
    (tmp_path / "one").mkdir()
    (tmp_path / "per-shape").mkdir()
    one = _ingest_twice(graph, paths, tmp_path / "one")
    monkeypatch.setattr(writer_module, "ONE_STATEMENT_FACTS", -1)  # every document per shape
    per_shape = _ingest_twice(graph, paths, tmp_path / "per-shape")
    assert one[0] and one[1]
    assert one == per_shape


class _Statements:
    """The statements every transaction runs while it counts (their first words)."""

    def __init__(self) -> None:
        self.seen: list[str] = []


@pytest.fixture
def statements(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Statements]:
    counted = _Statements()
    run = TransactionBase.run

    def counting(self: TransactionBase, query: str | Query, *args: Any, **kwargs: Any) -> Any:
        counted.seen.append(" ".join(str(query).split())[:40])
        return run(self, query, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(TransactionBase, "run", counting)
    yield counted


def test_a_document_is_written_by_three_statements_and_skipped_by_two(
    graph: Graph, seeds_dir: Path, statements: _Statements
) -> None:
    """The check (sha, superseded, the origin's current version), the write, the graph
    version; a document already in: the check and the graph version."""
    advance_version(graph)
    onto = load_ontology()
    paths = _documents(seeds_dir)
    statements.seen.clear()
    report = ingest_paths(paths, graph, onto)
    _all_went(report)
    assert len(statements.seen) == 3 * len(paths), statements.seen
    statements.seen.clear()
    again = ingest_paths(paths, graph, onto)
    assert {d.status for d in again.documents} == {"unchanged"}
    assert len(statements.seen) == 2 * len(paths), statements.seen
