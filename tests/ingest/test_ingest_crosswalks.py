"""`stkg ingest` brings the crosswalks up to date after writing, and says what it did."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from stkg.cli import app
from stkg.config.settings import Settings
from stkg.graph.driver import Graph

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_ingest_maps_the_fields_it_wrote(cli_settings: Settings, graph: Graph) -> None:
    result = CliRunner().invoke(
        app, ["ingest", str(SAMPLES / "09_roadmap_fields_2019_2020.html"), "--json"]
    )
    assert result.exit_code == 0, result.output
    crosswalks = json.loads(result.stdout)["crosswalks"]
    assert crosswalks["pairs"] == [
        ["edition:중소기업기술로드맵@2019", "edition:중소기업기술로드맵@2020"]
    ]
    # 12 fields each side: 11 mappings (a split, a merge), 섬유 and 사물인터넷 dropped,
    # 로봇 and IoT new
    assert crosswalks["proposed"] == 15 and crosswalks["stated"] == 0
    again = CliRunner().invoke(
        app, ["ingest", str(SAMPLES / "09_roadmap_fields_2019_2020.html"), "--json"]
    )
    assert "crosswalks" not in json.loads(again.stdout)  # nothing written, nothing redone
    n = graph.read("MATCH (m:CrosswalkMapping {mappingBasis: 'proposed'}) RETURN count(m) AS n")
    assert n == [{"n": 15}]
