"""`stkg review` on a real graph: candidates listed, accepted, merged, rejected — and the
next ingest knowing each decision through the Turtle it wrote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stkg.cli import app
from stkg.config.settings import Settings
from stkg.graph.driver import Graph
from stkg.graph.schema import sync
from stkg.ingest.build import build_document
from stkg.ingest.files import ingest_paths
from stkg.ingest.readers import read_document
from stkg.ontology.model import default_paths, load_ontology

runner = CliRunner()
TEXT = (
    "DATE: 2025-05-02\n\n"
    "한국미래소재진흥원(KFMA)과 한국소재평가원은 수소, 우주항공, 첨단바이오 등 3개 전략분야의 "
    "기술로드맵을 만든다. 중소기업기술정보평가원도 참여한다.\n"
)


@pytest.fixture
def ingested(cli_settings: Settings, graph: Graph, tmp_path: Path) -> Graph:
    sync(graph)  # the reference individuals a candidate may be merged into
    doc = tmp_path / "release.txt"
    doc.write_text(TEXT, encoding="utf-8")
    report = ingest_paths([doc], graph, load_ontology())
    assert [d.status for d in report.documents] == ["written"]
    return graph


def status(graph: Graph, node_id: str) -> str | None:
    rows = graph.read("MATCH (n:Entity {id: $id}) RETURN n.extractionStatus AS s", id=node_id)
    return rows[0]["s"] if rows else "gone"


def test_review_accept_merge_reject_and_the_next_ingest_knows(ingested: Graph, tmp_path: Path):
    listed = runner.invoke(app, ["review", "list", "--class", "Organization", "--json"])
    assert listed.exit_code == 0, listed.output
    found = {c["id"]: c for c in json.loads(listed.output)}
    assert set(found) == {
        "organization:한국미래소재진흥원",
        "organization:한국소재평가원",
        "organization:중소기업기술정보평가원",
    }
    assert found["organization:한국미래소재진흥원"]["aliases"] == ["KFMA"]
    assert found["organization:한국미래소재진흥원"]["extractors"] == ["organizations"]
    assert found["organization:한국미래소재진흥원"]["documents"] == 1

    decisions = tmp_path / "reviewed.ttl"
    accepted = runner.invoke(
        app,
        [
            "review",
            "accept",
            "organization:한국미래소재진흥원",
            "--by",
            "tester",
            "--file",
            str(decisions),
        ],
    )
    assert accepted.exit_code == 0, accepted.output
    assert status(ingested, "organization:한국미래소재진흥원") == "reviewed"

    merged = runner.invoke(
        app,
        [
            "review",
            "merge",
            "organization:중소기업기술정보평가원",
            "--into",
            "organization:중소기업기술정보진흥원",
            "--file",
            str(decisions),
        ],
    )
    assert merged.exit_code == 0, merged.output
    assert status(ingested, "organization:중소기업기술정보평가원") == "gone"
    aliases = ingested.read(
        "MATCH (n:Entity {id: 'organization:중소기업기술정보진흥원'}) RETURN n.aliases AS a"
    )
    assert "중소기업기술정보평가원" in aliases[0]["a"]

    rejected = runner.invoke(
        app, ["review", "reject", "organization:한국소재평가원", "--file", str(decisions)]
    )
    assert rejected.exit_code == 0, rejected.output
    again = runner.invoke(
        app, ["review", "reject", "organization:한국소재평가원", "--file", str(decisions)]
    )
    assert again.exit_code != 0 and "not a candidate" in again.output

    onto = load_ontology([*default_paths(), decisions])
    doc = tmp_path / "next.txt"
    doc.write_text(TEXT, encoding="utf-8")
    nodes = build_document(read_document(doc), onto).facts.nodes
    assert "extractionStatus" not in nodes["organization:한국미래소재진흥원"].props  # reference now
    assert "organization:한국소재평가원" not in nodes  # rejected: not proposed again
    assert "organization:중소기업기술정보평가원" not in nodes  # merged: resolves to the target
    assert "organization:중소기업기술정보진흥원" in nodes


def test_review_of_an_unknown_id_says_so(ingested: Graph, tmp_path: Path):
    result = runner.invoke(
        app, ["review", "accept", "organization:없음", "--file", str(tmp_path / "r.ttl")]
    )
    assert result.exit_code == 1 and "no entity" in result.output
    assert not (tmp_path / "r.ttl").exists()
