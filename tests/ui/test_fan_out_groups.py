"""A core technology with more patents than the walk's limit: one group, opened as a table."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from ui_helpers import click_node, graph_ids, shoot, wait_for_graph

from stkg.graph.analysis.classification import classify_patents
from stkg.graph.driver import Graph
from stkg.ingest.files import ingest_paths
from stkg.ontology.model import load_ontology
from stkg.ontology.search_expressions import load_for_ontology

TECH = "coretech:잔존수명예측"
PATENTS = 130  # more than the walk's default limit (50) and than one table page (100)


@pytest.fixture(scope="module")
def classified(seeded: Graph, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """A core technology beside the seeds with PATENTS patents classified under it."""
    folder = tmp_path_factory.mktemp("fan-out")
    (folder / "core.html").write_text(
        "<h2>2030~2032 중소기업 기술로드맵</h2><table><tr><th>분야</th><th>전략제품</th>"
        "<th>핵심기술</th></tr><tr><td>스마트제조</td><td>설비 예지보전 시스템</td>"
        "<td>잔존수명 예측</td></tr></table>",
        encoding="utf-8",
    )
    rows = [
        f"10-2021-{n:07d},설비 잔여 수명 예측 장치 {n},가상기업{n % 7},2021.03.01,G06N 20/00,KR"
        for n in range(1, PATENTS + 1)
    ]
    (folder / "patents.csv").write_text(
        "출원번호,발명의 명칭,출원인,출원일,IPC,국가\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    onto = load_ontology()
    report = ingest_paths([folder / "core.html", folder / "patents.csv"], seeded, onto)
    assert not report.failed, report.failed
    (folder / "expr.toml").write_text(
        f"[[technology]]\nid = \"{TECH}\"\nexpression = '수명 AND 예측'\n", encoding="utf-8"
    )
    classify_patents(seeded, load_for_ontology(onto, [folder / "expr.toml"]))
    found = seeded.read(
        "MATCH (p:Patent)-[:MATCHES_TECHNOLOGY]->(:CoreTechnology {id: $t}) RETURN p.id AS id",
        t=TECH,
    )
    assert len(found) == PATENTS
    return sorted(r["id"] for r in found)


def test_the_patents_are_one_box_that_opens_as_a_paged_table(
    page: Page, classified: list[str]
) -> None:
    page.goto(f"/#/entity/{TECH}?direction=both&depth=1")
    wait_for_graph(page, 2)
    groups = page.locator(".graph-groups li[data-group-id]")
    expect(groups).to_have_count(1)
    group_id = groups.first.get_attribute("data-group-id")
    assert groups.first.get_attribute("data-count") == str(PATENTS)
    drawn = graph_ids(page)
    assert group_id in drawn and not drawn & set(classified)  # one box, no patent dot
    expect(groups.first).to_contain_text(f"{PATENTS}개")

    click_node(page, group_id)
    table = page.locator(f"table.members[data-group-id='{group_id}'] tbody tr")
    expect(table).to_have_count(100)
    expect(page.locator(".members-shown")).to_have_text(f"{PATENTS}개 중 100개")
    shoot(page, "fan-out-group", readme=True)
    page.locator(".members-more").click()
    expect(table).to_have_count(PATENTS)
    expect(page.locator(".members-more")).to_be_hidden()
    listed = table.evaluate_all("rows => rows.map(r => r.dataset.id)")
    assert listed == classified  # every member once, in id order
    link = table.first.locator("a").get_attribute("href")
    assert link is not None and link.startswith("#/entity/patent:")
    csv = page.locator(".members-head a.button").get_attribute("href")
    assert csv is not None and "_format=csv" in csv and "MATCHES_TECHNOLOGY" in csv


def test_a_wider_limit_draws_the_patents_one_by_one(page: Page, classified: list[str]) -> None:
    page.goto(f"/#/entity/{TECH}?direction=both&depth=1&limit=200")
    wait_for_graph(page, PATENTS)
    assert set(classified) <= graph_ids(page)
    expect(page.locator(".graph-groups li")).to_have_count(0)
    expect(page.locator("#limit")).to_have_value("200")
