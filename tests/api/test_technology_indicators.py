"""``GET /technologies/{id}/indicators``: the seed's published indicators beside indicators
computed from generated patents classified in the seed's own sub-technologies."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from api_helpers import is_problem
from fastapi.testclient import TestClient

from stkg.graph.analysis.indicators import IndicatorParams
from stkg.graph.analysis.patent_analysis import AnalysisReport, analyse_patents
from stkg.graph.driver import Graph
from stkg.ontology.model import load_ontology

REPO = Path(__file__).resolve().parents[2]
ROOT = "techclass:제조ai"


def _patent_data() -> ModuleType:
    name = "stkg_bench_patent_data"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "bench" / "patent_data.py")
        assert spec is not None and spec.loader is not None
        sys.modules[name] = module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="module")
def computed(seeded: Graph) -> AnalysisReport:
    """3,000 patents in the six published sub-technologies, analysed under 제조 AI."""
    pd = _patent_data()
    pd.write_organizations(seeded)
    pd.write(seeded, pd.generate(3_000))  # the generator's classes are the seed's ids
    return analyse_patents(seeded, load_ontology(), "제조 AI", IndicatorParams(2015, 2024))


def test_published_and_computed_side_by_side(client: TestClient, computed: AnalysisReport) -> None:
    response = client.get(f"/technologies/{ROOT}/indicators")
    assert response.status_code == 200, response.text
    rows = {row["name"]: row for row in response.json()["rows"]}
    mine = {i.name: i for i in computed.indicators}
    # the six published sub-technologies, each with its computed twin
    published = [r for r in rows.values() if r["publishedAnalysis"]]
    assert len(published) == 6
    assert all(r["computedAnalysis"] for r in published)
    diagnosis = rows["진단"]
    assert diagnosis["publishedShare"] == pytest.approx(28.2)
    assert diagnosis["publishedImportance"] == pytest.approx(1.54)
    assert diagnosis["computedShare"] == pytest.approx(mine["진단"].application_share, abs=1e-3)
    assert diagnosis["computedImportance"] == pytest.approx(
        mine["진단"].technology_importance, abs=1e-3)  # fmt: skip
    assert diagnosis["shareDifference"] == pytest.approx(
        round(diagnosis["computedShare"] - 28.2, 2))  # fmt: skip
    assert diagnosis["importanceDifference"] == pytest.approx(
        round(diagnosis["computedImportance"] - 1.54, 2))  # fmt: skip
    assert diagnosis["computedPatentCount"] == mine["진단"].patent_count > 0
    assert diagnosis["computedPeriod"] == "2015-2024"
    assert diagnosis["flagsAgree"] == (
        (diagnosis["publishedCore"], diagnosis["publishedStrength"], diagnosis["publishedFocus"])
        == (diagnosis["computedCore"], diagnosis["computedStrength"], diagnosis["computedFocus"]))  # fmt: skip
    # a class with only a computed analysis has no published values and no difference
    design = rows["설계"]
    assert design["publishedAnalysis"] is None and design["computedAnalysis"]
    assert design["shareDifference"] is None


def test_named_query_gives_the_same_rows(client: TestClient, computed: AnalysisReport) -> None:
    api = client.get(f"/technologies/{ROOT}/indicators").json()["rows"]
    named = client.get("/queries/indicators-compared", params={"technology": "제조 AI"})
    assert named.status_code == 200
    assert named.json()["rows"] == api


def test_period_filter_and_unknown_ids(client: TestClient, computed: AnalysisReport) -> None:
    none = client.get(f"/technologies/{ROOT}/indicators", params={"period": "1990-1999"})
    rows = none.json()["rows"]
    assert rows and all(r["computedAnalysis"] is None for r in rows)  # published rows remain
    assert is_problem(client.get("/technologies/techclass:없음/indicators"), 404)
    assert is_problem(client.get("/technologies/organization:한국특허전략개발원/indicators"), 404)
