"""`stkg ingest --jobs N`: documents read and extracted in worker processes, written here in
order; the report and the graph are those of one process, a bad file or a dead worker
costs only its own document."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from stkg.cli import app
from stkg.config.settings import Settings
from stkg.graph.driver import Graph
from stkg.graph.fingerprint import fingerprint
from stkg.graph.wipe import wipe
from stkg.ingest import files
from stkg.ingest.files import IngestReport, ingest_paths
from stkg.ingest.readers import Limits
from stkg.ingest.workers import Built, Task, WorkerStartError, built_in_workers
from stkg.ontology.model import Ontology, load_ontology

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
#: one document of each kind of extraction: prose, an HTML table, PDF tables, a patent list
CORPUS = [
    SAMPLES / "01_sme_roadmap_2022.txt",
    SAMPLES / "03_roadmap_field_products.html",
    SAMPLES / "07_manufacturing_ai_patents_kr.csv",
    SAMPLES / "11_core_technologies.xlsx",
    SAMPLES / "12_core_technologies.pdf",
]


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of jobs of every worker pool ingest_paths starts (so a test knows the
    workers really ran)."""
    started: list[int] = []

    def spied(tasks: list[Task], onto: Ontology, limits: Limits, **kwargs: Any) -> Any:
        started.append(kwargs["jobs"])
        return built_in_workers(tasks, onto, limits, **kwargs)

    monkeypatch.setattr(files, "built_in_workers", spied)
    return started


def _rows(report: IngestReport) -> list[dict[str, Any]]:
    return [asdict(d) for d in report.documents]


def test_jobs_2_writes_the_graph_and_report_jobs_1_does(graph: Graph, pools: list[int]) -> None:
    onto = load_ontology()
    alone = ingest_paths(CORPUS, graph, onto, jobs=1)
    assert {d.status for d in alone.documents} == {"written"}, alone.failed
    expected = fingerprint(graph, onto, exclude_labels=["IngestRun"])
    assert pools == []

    wipe(graph)
    pooled = ingest_paths(CORPUS, graph, onto, jobs=2)
    assert pools == [2]
    assert _rows(pooled) == _rows(alone)
    assert fingerprint(graph, onto, exclude_labels=["IngestRun"]) == expected
    assert expected.nodes > 100 and expected.relationships > 100


def test_a_bad_file_among_good_ones_is_reported_and_the_others_written(
    cli_settings: Settings, graph: Graph, tmp_path: Path, pools: list[int]
) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 8)
    paths = [CORPUS[0], junk, CORPUS[1]]
    result = CliRunner().invoke(app, ["ingest", *map(str, paths), "--jobs", "2", "--json"])
    assert result.exit_code == 1, result.output
    assert pools == [2]
    documents = json.loads(result.stdout)["documents"]
    assert [(d["path"], d["status"]) for d in documents] == [
        (str(paths[0]), "written"),
        (str(junk), "failed"),
        (str(paths[2]), "written"),
    ]
    assert "junk.txt" in documents[1]["error"]
    origins = graph.read("MATCH (d:SourceDocument) RETURN d.origin AS origin ORDER BY origin")
    assert [r["origin"] for r in origins] == sorted([paths[0].as_posix(), paths[2].as_posix()])


def test_a_dry_run_with_jobs_2_reports_what_jobs_1_does(pools: list[int]) -> None:
    onto = load_ontology()
    paths = [*CORPUS[:2], SAMPLES / "missing.txt", *CORPUS[2:]]
    alone = ingest_paths(paths, None, onto, dry_run=True, jobs=1)
    pooled = ingest_paths(paths, None, onto, dry_run=True, jobs=2)
    assert pools == [2]
    assert _rows(pooled) == _rows(alone)
    assert [d.status for d in pooled.documents].count("dry-run") == len(CORPUS)
    assert pooled.documents[2].status == "failed"


def _dies_on_crash_txt(path: Path, onto: Ontology, limits: Limits, origin: str | None) -> Built:
    """The build of a worker whose process is killed by one document (crash.txt)."""
    if path.name == "crash.txt":
        os.kill(os.getpid(), signal.SIGKILL)
    return files._build(path, onto, limits, origin)


def test_a_worker_that_dies_fails_only_the_document_it_was_building(tmp_path: Path) -> None:
    crash = tmp_path / "crash.txt"
    crash.write_text("중기부 발표\n", encoding="utf-8")
    paths = [crash, CORPUS[0], CORPUS[1], CORPUS[2]]
    build: Callable[..., Built] = _dies_on_crash_txt
    outcomes = list(
        built_in_workers([Task(p) for p in paths], load_ontology(), Limits(), jobs=2, build=build)
    )
    assert [path for path, _, _ in outcomes] == paths
    (_, nothing, error), *others = outcomes
    assert nothing is None
    assert error == (
        "cannot read crash.txt: the worker process extracting it ended unexpectedly "
        "(killed by SIGKILL); nothing was written for it"
    )
    assert all(built is not None and error is None for _, built, error in others), others


def test_workers_that_cannot_start_end_the_command_with_a_clear_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def unable(*_: Any, **__: Any) -> Any:
        raise WorkerStartError("an ingest worker could not start (ontology or NLP pipeline)")
        yield  # a generator, as the real one

    monkeypatch.setattr(files, "built_in_workers", unable)
    result = CliRunner().invoke(app, ["ingest", *map(str, CORPUS[:2]), "--jobs", "2", "--dry-run"])
    assert result.exit_code == 1
    assert "error: an ingest worker could not start" in result.output
    assert "--jobs 1" in result.output
    assert "Traceback" not in result.output


def test_a_short_run_left_to_the_default_starts_no_workers(monkeypatch):
    monkeypatch.setattr("stkg.config.settings.available_cores", lambda: 4)
    auto = Settings(ingest_jobs=0, ingest_pool_min_documents=32)
    assert auto.ingest_workers(31) == 1  # workers take seconds to start: not for 31 files
    assert auto.ingest_workers(32) == 4
    assert Settings(ingest_jobs=3).ingest_workers(2) == 3  # asked for: always
