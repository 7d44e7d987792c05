"""A field's patent indicators in the explorer (GET /fields/{id}/indicators as a table of
products and their core technologies), in headless Chromium over the sample corpus with
its core technologies classified by the shipped search expressions."""

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
from stkg.graph.analysis.classification import classify_patents
from stkg.graph.driver import Graph
from stkg.graph.version import advance_version
from stkg.ontology.model import load_ontology
from stkg.ontology.search_expressions import load_for_ontology

FIELD = "스마트제조"


@pytest.fixture(scope="module")
def live_api(neo4j_settings: Settings, sampled: Graph) -> Iterator[str]:
    """The API over the sample corpus, its core technologies' patents classified."""
    classify_patents(sampled, load_for_ontology(load_ontology()))
    advance_version(sampled)
    with serve_api(neo4j_settings) as url:
        yield url


def answer(live_api: str, **params: str) -> list[dict[str, Any]]:
    response = httpx.get(f"{live_api}/fields/{FIELD}/indicators", params=params)
    assert response.status_code == 200, response.text
    rows: list[dict[str, Any]] = response.json()["rows"]
    return rows


def ready(page: Page) -> None:
    expect(page.locator("#view[data-ready=indicators]")).to_be_attached()
    expect(page.locator(".indicators-body:not([data-loading])")).to_be_attached()


def shown(page: Page) -> list[dict[str, str]]:
    """The table's rows as drawn: level, id, product and the cells by column."""
    result: list[dict[str, str]] = page.locator("table.indicators tbody tr").evaluate_all(
        """trs => trs.map(tr => Object.assign(
          { level: tr.dataset.level, id: tr.dataset.id, product: tr.dataset.product,
            name: tr.cells[0].textContent,
            indent: parseFloat(getComputedStyle(tr.cells[0]).paddingLeft) },
          Object.fromEntries([...tr.querySelectorAll('td[data-col]')]
            .map(td => [td.dataset.col, td.textContent]))))"""
    )
    return result


def test_the_field_page_leads_to_its_products_and_core_technologies(
    page: Page, live_api: str
) -> None:
    expected = answer(live_api)
    page.goto(f"/#/field/{FIELD}")
    page.locator(".page-head .indicators-link").click()
    ready(page)
    assert unquote(page.url).endswith(f"#/indicators/{FIELD}")
    rows = shown(page)
    assert [(r["level"], r["id"], r["product"]) for r in rows] == [
        (e["level"], e["coreTechnology"] or e["product"], e["product"]) for e in expected
    ]
    for row, want in zip(rows, expected, strict=True):
        assert row["name"] == want["name"]
        assert row["patents"] == str(want["patents"])
        assert row["applicationShare"] == f"{want['applicationShare']:.1f}"
        importance = want["technologyImportance"]
        assert row["technologyImportance"] == ("–" if importance is None else f"{importance:.2f}")
        assert row["isCore"] == {None: "–", True: "●", False: ""}[want["isCore"]]
    # products first, each followed by its core technologies, drawn indented below it
    assert rows[0]["level"] == "product"
    product_indent = rows[0]["indent"]
    assert all(r["indent"] > product_indent for r in rows if r["level"] == "coreTechnology")
    heading = page.locator(".indicators-edition h2")
    expect(heading).to_have_count(1)
    expect(heading).to_contain_text("edition:중소기업기술로드맵@2022")
    expect(page.locator("table.indicators thead th")).to_have_count(11)
    shoot(page, "field-indicators", readme=True)


def test_the_form_narrows_the_matches_and_keeps_them_in_the_link(page: Page, live_api: str) -> None:
    strict = answer(live_api, min_score="0.95")
    assert strict != answer(live_api)  # the sample's matches score on both sides of 0.95
    page.goto(f"/#/indicators/field:{FIELD}")
    ready(page)
    page.locator("#indicators-min-score").fill("0.95")
    page.locator(".indicators-form button[type=submit]").click()
    expect(page.locator("table.indicators tbody tr").first).to_be_attached()
    page.wait_for_function("() => location.hash.includes('min_score=0.95')")
    ready(page)
    expect(page.locator("tr[data-id='coretech:설비이상진단'] td[data-col=patents]")).to_have_text(
        "0"
    )
    assert [r["patents"] for r in shown(page)] == [str(r["patents"]) for r in strict]
    # the link opens the same rows again
    page.reload()
    ready(page)
    expect(page.locator("#indicators-min-score")).to_have_value("0.95")
    assert [r["patents"] for r in shown(page)] == [str(r["patents"]) for r in strict]


def test_a_field_without_core_technologies_says_so(page: Page, live_api: str) -> None:
    page.goto("/#/entity/field:드론")
    page.locator(".page-head .indicators-link").click()
    ready(page)
    expect(page.locator(".indicators-missing")).to_contain_text(
        "field:드론 has no strategic products with core technologies"
    )
    expect(page.locator("table.indicators")).to_have_count(0)
    page.goto("/#/indicators/없는분야")
    ready(page)
    expect(page.locator(".indicators-missing")).to_contain_text("없는분야")


#: The view's column headings, in the order drawn (the i18n keys of ``editionTable``).
HEADINGS = (
    *("productOrTech", "patentsCount", "share", "growth", "citationIndex", "activityIndex"),
    *("importance", "competitiveness", "core", "koreaStrength", "focus"),
)


def in_page_language(page: Page, keys: list[str], **vars: str) -> list[str]:
    """What the explorer's own strings table says for ``keys`` in the page's language."""
    strings: list[str] = page.evaluate(
        """async ([keys, vars]) => {
          const { t } = await import('/static/js/i18n.js');
          return keys.map(k => t(k, vars));
        }""",
        [keys, vars],
    )
    return strings


def test_the_view_speaks_english_when_asked(page: Page, live_api: str) -> None:
    page.goto(f"/#/indicators/{FIELD}")
    ready(page)
    korean = page.locator("table.indicators thead th").all_text_contents()
    page.locator("#lang").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    ready(page)
    expect(page.locator("table.indicators thead th").first).not_to_have_text(korean[0])
    headings = page.locator("table.indicators thead th").all_text_contents()
    assert headings == in_page_language(page, list(HEADINGS))
    assert headings != korean
    assert not any(re.search("[가-힣]", heading) for heading in headings)
    (title,) = in_page_language(page, ["indicatorsOf"], name=FIELD)
    expect(page.locator(".page-head h1")).to_have_text(title)
    period, score, apply = in_page_language(page, ["period", "minScore", "apply"])
    form = page.locator(".indicators-form")
    expect(form).to_contain_text(period)
    expect(form).to_contain_text(score)
    expect(form.locator("button[type=submit]")).to_have_text(apply)
    # Korea's strength is a word of the page's language, the rest of the cells are figures
    strengths = set(page.locator("td[data-col=koreaStrength]").all_text_contents()) - {"–"}
    assert strengths <= set(in_page_language(page, ["strength_strong", "strength_weak"]))
    shoot(page, "field-indicators-english")
