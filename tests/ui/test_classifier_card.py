"""The entity page of a technology shows how its search expression was judged."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from stkg.graph.analysis.classification import classify_patents
from stkg.graph.analysis.classifier_check import Evaluation, store_evaluations
from stkg.graph.driver import Graph
from stkg.ingest.files import ingest_paths
from stkg.ontology.model import load_ontology
from stkg.ontology.search_expressions import load_for_ontology

TECH = "coretech:잔존수명예측"


@pytest.fixture(scope="module")
def judged(seeded: Graph, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A core technology beside the seeds, classified and judged once; returns the run."""
    folder = tmp_path_factory.mktemp("classifier-card")
    (folder / "core.html").write_text(
        "<h2>2030~2032 중소기업 기술로드맵</h2><table><tr><th>분야</th><th>전략제품</th>"
        "<th>핵심기술</th></tr><tr><td>스마트제조</td><td>설비 예지보전 시스템</td>"
        "<td>잔존수명 예측</td></tr></table>",
        encoding="utf-8",
    )
    (folder / "patents.csv").write_text(
        "출원번호,발명의 명칭,출원인,출원일,IPC,국가\n"
        "10-2021-0000001,설비 잔여 수명 예측 장치,가상기업,2021.03.01,G06N 20/00,KR\n"
        "10-2021-0000002,공구 마모량 예측 방법,가상기업,2021.04.01,G06N 20/00,KR\n",
        encoding="utf-8",
    )
    onto = load_ontology()
    report = ingest_paths([folder / "core.html", folder / "patents.csv"], seeded, onto)
    assert not report.failed, report.failed
    (folder / "expr.toml").write_text(
        f"[[technology]]\nid = \"{TECH}\"\nexpression = '(수명 OR 마모) AND 예측'\n",
        encoding="utf-8",
    )
    run = classify_patents(seeded, load_for_ontology(onto, [folder / "expr.toml"])).run
    assert run is not None
    store_evaluations(seeded, [Evaluation(TECH, run, 0.9, 0.75, 20, 20)], folder / "j.csv")
    return run


def test_the_technology_page_shows_precision_and_recall(page: Page, judged: str) -> None:
    page.goto(f"/#/entity/{TECH}")
    card = page.locator(".classifier-card")
    expect(card).to_contain_text("정밀도 90.0%")
    expect(card).to_contain_text("재현율 75.0%")
    expect(card.locator(f"li[data-run='{judged}']")).to_have_count(1)


def test_an_unchecked_technology_has_no_card(page: Page, judged: str) -> None:
    page.goto("/#/entity/techclass:진단")
    expect(page.locator(".properties, .card").first).to_be_visible()
    expect(page.locator(".classifier-card")).to_be_hidden()
