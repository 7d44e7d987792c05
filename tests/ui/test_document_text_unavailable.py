"""``/documents/{id}/context`` answers 404 once the ingested file is changed or gone."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from stkg.api.app import create_app
from stkg.config.settings import Settings
from stkg.graph.driver import Graph
from stkg.graph.wipe import wipe
from stkg.ingest.files import ingest_paths
from stkg.ontology.model import load_ontology

SEED = "004_2e30ccd89939a41a.txt"


@pytest.fixture(scope="module")
def copied(session_graph: Graph, seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of one seed, ingested from a temporary folder into an emptied graph."""
    path = tmp_path_factory.mktemp("docs") / SEED
    shutil.copyfile(seeds_dir / SEED, path)
    wipe(session_graph)
    report = ingest_paths([path], session_graph, load_ontology())
    assert [d.status for d in report.documents] == ["written"], report
    return path


@pytest.fixture(scope="module")
def client(neo4j_settings: Settings, copied: Path) -> Iterator[TestClient]:
    with TestClient(create_app(neo4j_settings)) as c:
        yield c


def test_changed_then_missing_file_is_a_404(client: TestClient, copied: Path) -> None:
    doc = client.get("/classes/SourceDocument/entities").json()["rows"][0]["id"]
    url = f"/documents/{doc}/context"
    text = copied.read_text(encoding="utf-8")
    ok = client.get(url, params={"start": 10, "end": 20, "window": 5})
    assert ok.status_code == 200 and ok.json()["quote"] == text[10:20]

    copied.write_text(text.replace(text[10:20], "x" * 10, 1), encoding="utf-8")
    changed = client.get(url, params={"start": 10, "end": 20})
    assert changed.status_code == 404
    assert changed.headers["content-type"] == "application/problem+json"
    assert "changed since it was ingested" in changed.json()["detail"]

    copied.unlink()
    gone = client.get(url, params={"start": 10, "end": 20})
    assert gone.status_code == 404 and SEED in gone.json()["detail"]
