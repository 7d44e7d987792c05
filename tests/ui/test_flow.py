"""The flow view (fields across the editions of a series) and the "as of" day control, in
headless Chromium over the sample corpus (five editions of one series, with crosswalks)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

import httpx
import pytest
from playwright.sync_api import Page, expect
from ui_helpers import serve_api, shoot

from stkg.config.settings import Settings
from stkg.graph.driver import Graph
from stkg.graph.schema import sync

ED = "중소기업기술로드맵"
FLOW = f"/#/flow/{ED}"


@pytest.fixture(scope="module")
def live_api(neo4j_settings: Settings, sampled: Graph) -> Iterator[str]:
    """The API over the sample corpus (the other browser tests use the two seeds) and the
    ontology's reference data (organisations with their names' validity)."""
    sync(sampled)
    with serve_api(neo4j_settings) as url:
        yield url


def answer(live_api: str, **params: str) -> dict[str, Any]:
    body: dict[str, Any] = httpx.get(f"{live_api}/roadmaps/{ED}/flow", params=params).json()
    return body


def drawn(page: Page) -> list[dict[str, str]]:
    """The bands the chart drew, with their data and computed stroke dashes and colours."""
    result: list[dict[str, str]] = page.locator("svg.flow-chart path.flow").evaluate_all(
        """els => els.map(e => ({
          mapping: e.dataset.mapping, change: e.dataset.change, basis: e.dataset.basis,
          source: e.dataset.source, target: e.dataset.target,
          dash: getComputedStyle(e).strokeDasharray, fill: getComputedStyle(e).fill }))"""
    )
    return result


def ready(page: Page) -> None:
    expect(page.locator("#view[data-ready=flow]")).to_be_attached()
    expect(page.locator(".flow-body:not([data-loading])")).to_be_attached()


def test_the_flow_of_every_edition_with_proposed_mappings_dashed(page: Page, live_api: str) -> None:
    expected = answer(live_api, include="proposed")
    page.goto(f"{FLOW}?include=proposed")
    ready(page)
    chart = page.locator("svg.flow-chart")
    expect(chart).to_have_attribute("data-columns", "5")
    years = page.locator(".flow-edition").all_text_contents()
    assert years == ["2019", "2020", "2021", "2022", "2023"]
    boxes = page.locator("a.flow-node")
    expect(boxes).to_have_count(len(expected["nodes"]))  # 50
    bands = drawn(page)
    mappings = expected["edges"] + expected["ends"]
    assert {b["mapping"] for b in bands} == {m["id"] for m in mappings}
    # proposed mappings dashed, stated ones solid
    for b in bands:
        assert (b["dash"] != "none") == (b["basis"] == "proposed"), b
    assert {b["basis"] for b in bands} == {"stated", "proposed"}
    # coloured by the kind of change: one colour per kind, different kinds apart
    colour: dict[str, set[str]] = {}
    for b in bands:
        colour.setdefault(b["change"], set()).add(b["fill"])
    assert all(len(c) == 1 for c in colour.values()), colour
    assert len({next(iter(c)) for c in colour.values()}) == len(colour) >= 6
    # the split of 2022 into two 2023 fields: two bands from one box
    split = [b for b in bands if b["source"] == f"fieldversion:드론개인이동수단@{ED}@2022"]
    assert {b["change"] for b in split} == {"split"} and len(split) == 2
    # a box is as tall as its product count asks (more products, taller box)
    heights = page.locator("a.flow-node rect").evaluate_all(
        "els => els.map(e => [Number(e.dataset.count), e.getBBox().height])"
    )
    by_count = sorted(heights)
    assert by_count[0][1] < by_count[-1][1], by_count
    shoot(page, "flow", readme=True)


def test_stated_by_default_then_proposed_on_request(page: Page, live_api: str) -> None:
    page.goto(FLOW)
    ready(page)
    stated = answer(live_api)
    bands = drawn(page)
    assert len(bands) == len(stated["edges"]) == 6
    assert {b["basis"] for b in bands} == {"stated"}
    assert all(b["dash"] == "none" for b in bands)
    page.get_by_role("radio", name=re.compile("제안")).check(force=True)
    expect(page.locator(".flow-body[data-include=proposed]")).to_be_attached()
    assert "include=proposed" in page.url
    proposed = answer(live_api, include="proposed")
    expect(page.locator("svg.flow-chart path.flow")).to_have_count(
        len(proposed["edges"]) + len(proposed["ends"])
    )
    # a band shows its mapping below the chart
    band = page.locator(f'path.flow[data-source="fieldversion:에너지@{ED}@2019"]').first
    band.click()
    expect(page.locator(".flow-selection")).to_contain_text("에너지")
    expect(page.locator(".flow-selection .chip.basis-proposed")).to_be_visible()


def test_a_box_opens_the_fields_history(page: Page) -> None:
    page.goto(f"{FLOW}?include=proposed")
    ready(page)
    box = page.locator(f'a.flow-node[data-id="fieldversion:드론개인이동수단@{ED}@2022"]')
    field = box.get_attribute("data-field")
    assert field and field.startswith("field:")
    box.click()
    page.wait_for_url(re.compile(r"#/field/"))
    assert unquote(page.url).endswith(f"#/field/{field}")
    expect(page.locator("#view[data-ready=field]")).to_be_attached()
    expect(page.locator("svg.history-chart rect.bar").first).to_be_visible()
    # and back to the flow of its series
    page.locator(".page-head a.flow-link").click()
    page.wait_for_url(re.compile(r"#/flow/"))
    ready(page)
    expect(page.locator(f'a.flow-node[data-field="{field}"]').first).to_be_visible()


def test_the_as_of_day_is_respected_by_every_view(page: Page, live_api: str) -> None:
    page.goto(f"{FLOW}?include=proposed")
    ready(page)
    expect(page.locator("svg.flow-chart")).to_have_attribute("data-columns", "5")
    page.locator("#as-of").fill("2020-06-01")
    page.locator("#as-of").dispatch_event("change")
    expect(page.locator("svg.flow-chart")).to_have_attribute("data-columns", "2")
    assert "as_of=2020-06-01" in page.url
    then = answer(live_api, include="proposed", as_of="2020-06-01")
    expect(page.locator("a.flow-node")).to_have_count(len(then["nodes"]))  # 24
    expect(page.locator(".flow-status")).to_contain_text("2020-06-01")
    shoot(page, "flow-as-of")

    # the day goes with the links: the field's history stops at the edition in force
    page.locator(f'a.flow-node[data-id="fieldversion:드론@{ED}@2020"]').click()
    page.wait_for_url(re.compile(r"#/field/.*as_of=2020-06-01"))
    bars = page.locator("svg.history-chart rect.bar")
    expect(bars).to_have_count(2)  # 2019 and 2020, not 2021-2023
    expect(page.locator("#as-of")).to_have_value("2020-06-01")

    # the lineage graph of an entity leaves out the editions not yet in force
    page.goto("/#/entity/field:드론?as_of=2020-06-01&direction=down&depth=2")
    expect(page.locator("#graph")).to_have_attribute("data-nodes", re.compile(r"\d+"))
    listed = page.locator(".graph-nodes li").evaluate_all("els => els.map(e => e.dataset.nodeId)")
    assert f"fieldversion:드론@{ED}@2020" in listed
    assert not [i for i in listed if i.endswith("@2021") or i.endswith("@2022")], listed

    # an organisation shown by the name it had that day
    page.goto("/#/entity/organization:중소벤처기업부?as_of=2016-01-01")
    expect(page.locator("h1")).to_have_text("중소기업청")
    # the body that ran a programme, under the name it had that day
    page.goto("/#/entity/programme:창업성장?as_of=2016-01-01")
    expect(page.locator(".neighbours .name-in-use")).to_have_attribute(
        "data-name-in-use", "organization:중소기업청"
    )
    expect(page.locator(".neighbours .name-in-use")).to_contain_text("중소기업청")
    page.goto("/#/entity/organization:중소기업청?as_of=2020-01-01")
    expect(page.locator("h1")).to_have_text("중소벤처기업부")

    # the home page lists only the editions in force by the day, and marks the current one
    page.goto("/#/")
    expect(page.locator("#view[data-ready=home]")).to_be_attached()
    editions = page.locator("ul.editions li[data-edition]")
    expect(editions).to_have_count(2)  # 2019 and 2020 of the series
    expect(page.locator("ul.editions li[data-in-force]")).to_have_attribute(
        "data-edition", f"edition:{ED}@2020"
    )
    # before any edition: the flow says so instead of drawing
    page.locator("#as-of").fill("2018-06-01")
    page.locator("#as-of").dispatch_event("change")
    page.goto(FLOW)
    expect(page.locator(".flow-missing")).to_be_visible()
    expect(page.locator(".flow-missing")).to_contain_text("2018-06-01")  # the 404 problem
    page.goto("/#/flow")  # no series named, and none had an edition yet
    expect(page.locator(".flow-missing")).to_have_text("그날 시행 중인 판이 없습니다")
    page.goto(FLOW)
    expect(page.locator(".flow-missing")).to_contain_text("2018-06-01")

    # clearing the day brings the whole series back
    page.locator("#as-of-clear").click()
    ready(page)
    expect(page.locator("svg.flow-chart")).to_have_attribute("data-columns", "5")
    assert "as_of" not in page.url
    # without a day, an old name says which is current
    page.goto("/#/entity/organization:중소기업청")
    expect(page.locator(".page-head .name-in-use")).to_have_text("(현재 이름: 중소벤처기업부)")


def test_editions_link_to_their_series_flow_and_a_series_without_fields_says_so(
    page: Page,
) -> None:
    page.goto(f"/#/entity/edition:{ED}@2021")
    expect(page.locator("#view[data-ready=entity]")).to_be_attached()
    page.locator(".page-head a.flow-link").click()
    page.wait_for_url(re.compile(r"#/flow/"))
    ready(page)
    expect(page.locator("svg.flow-chart")).to_have_attribute("data-columns", "5")
    expect(page.locator("#flow-series option:checked")).to_have_text("중소기업 기술로드맵")
    # the smart-manufacturing roadmap's editions list items, not fields
    page.locator("#flow-series").select_option("스마트제조전략기술로드맵")
    page.wait_for_url(re.compile(r"#/flow/.*%EC%8A%A4%EB%A7%88%ED%8A%B8|#/flow/스마트"))
    ready(page)
    expect(page.locator(".flow-missing")).to_be_visible()
    expect(page.locator("svg.flow-chart")).to_have_count(0)
