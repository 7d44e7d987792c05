"""The lineage explorer end to end, in headless Chromium over the two seed releases."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import httpx
from playwright.sync_api import Page, expect
from ui_helpers import (
    EDITION_2021,
    EDITION_2022,
    ROADMAP_SEED,
    click_node,
    field_row,
    graph_ids,
    shoot,
    wait_for_graph,
)

PRODUCT = "product:co2포집제"


def _change_label(live_api: str, kind: str, lang: str) -> str:
    """The ontology's name for a change kind, as the API serves it to the page."""
    terms = httpx.get(f"{live_api}/ontology/terms").json()
    concept = next(c for c in terms["vocabularies"]["changeKind"] if c["notation"] == kind)
    return str(concept[lang])


def test_search_keyboard_then_field_timeline(page: Page, seeds_dir: Path, live_api: str) -> None:
    row = field_row(seeds_dir, "드론")
    page.goto("/")
    expect(page.locator("#view[data-ready=home]")).to_be_attached()
    page.keyboard.press("/")
    expect(page.locator("#search")).to_be_focused()
    page.keyboard.type("드론")
    options = page.locator("#results [role=option]")
    expect(options.first).to_be_visible()
    ids = options.evaluate_all("els => els.map(e => e.dataset.id)")
    assert "field:드론" in ids, ids
    for _ in range(ids.index("field:드론")):
        page.keyboard.press("ArrowDown")
    selected = page.locator("#results [aria-selected=true]")
    expect(selected).to_have_attribute("data-id", "field:드론")
    shoot(page, "search", readme=True)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#/entity/"))
    assert unquote(page.url).endswith("#/entity/field:드론")
    expect(page.locator("h1")).to_have_text("드론")

    step = page.locator("li.step").first
    expect(step).to_have_attribute("data-change", "renamedAndRescoped")
    assert step.get_attribute("data-from") == str(row["products_2021"])  # 4
    assert step.get_attribute("data-to") == str(row["products_2022"])  # 6
    expect(step).to_contain_text(row["field_2022"])  # 드론·개인이동수단
    bars = page.locator("svg.history-chart rect.bar")
    expect(bars).to_have_count(2)
    counts = bars.evaluate_all("els => els.map(e => Number(e.dataset.count))")
    assert counts == [row["products_2021"], row["products_2022"]]
    label = _change_label(live_api, "renamedAndRescoped", "ko")
    expect(page.locator("svg.history-chart .step-label")).to_have_text(label)
    page.locator(".history").scroll_into_view_if_needed()
    shoot(page, "field-timeline")


def test_search_escape_closes_and_deep_link_to_field_page(page: Page, seeds_dir: Path) -> None:
    row = field_row(seeds_dir, "드론")
    page.goto("/#/field/드론")
    expect(page.locator("li.step")).to_contain_text(row["field_2022"])
    shoot(page, "field-history", readme=True)
    page.locator("#search").fill("드론")
    expect(page.locator("#results")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#results")).to_be_hidden()
    expect(page.locator("#search")).not_to_be_focused()


def test_product_graph_expands_filters_and_reaches_programmes(page: Page) -> None:
    page.goto(f"/#/entity/{PRODUCT}?direction=up&depth=1")
    wait_for_graph(page, 2)
    first = graph_ids(page)
    versions = {i for i in first if i.startswith("fieldversion:")}
    assert len(first) == 2 and len(versions) == 1, first
    (version,) = versions

    click_node(page, version)  # one more hop up from the field version
    wait_for_graph(page, 3)
    expanded = graph_ids(page)
    assert EDITION_2022 in expanded
    fields = {i for i in expanded if i.startswith("field:")}
    assert fields, expanded  # the product's strategic field (through its version)
    expect(page.locator(".selection")).to_contain_text("CCUS")

    page.fill("#depth", "3")
    page.press("#depth", "Enter")
    page.locator("#depth").blur()
    wait_for_graph(page, 5)
    assert "depth=3" in page.url and "direction=up" in page.url
    ids = graph_ids(page)
    programmes = {i for i in ids if i.startswith("programme:")}
    assert "programme:창업성장" in programmes, ids
    assert fields <= ids
    twin = page.locator(".graph-edges li[data-edge-type=LINKED_PROGRAMME]")
    expect(twin).to_have_count(len(programmes))
    shoot(page, "product-lineage", readme=True)

    page.locator("details.types summary").click()
    page.locator("label.type-option", has=page.locator("input[value=LINKED_PROGRAMME]")).click()
    wait_for_graph(page, 2)
    filtered = graph_ids(page)
    assert not {i for i in filtered if i.startswith("programme:")}, filtered
    assert fields <= filtered
    assert "types=" in page.url and "LINKED_PROGRAMME" not in unquote(page.url).split("types=")[1]


def test_provenance_highlights_the_quote_in_the_roadmap_seed(page: Page, seeds_dir: Path) -> None:
    seed_text = (seeds_dir / ROADMAP_SEED).read_text(encoding="utf-8")
    page.goto(f"/#/entity/{PRODUCT}?direction=up&depth=2")
    wait_for_graph(page, 3)
    card = page.locator("#provenance article.evidence").first
    expect(card).to_have_attribute("data-context", "document")
    assert card.get_attribute("data-origin") == ROADMAP_SEED
    mark = card.locator("mark").inner_text()
    assert mark == "CO2 포집제"
    context = card.locator("blockquote").inner_text().strip("…")
    assert len(context) > len(mark) + 100 and context in seed_text  # the seed's own text
    shoot(page, "provenance", readme=True)

    # a relationship's evidence: the product's link to its field version
    page.locator("details.graph-as-list summary").click()
    page.locator(".graph-edges li[data-edge-type=BELONGS_TO_FIELD] button").click()
    expect(page.locator("#provenance .provenance-body")).to_have_attribute(
        "data-target", "relationship"
    )
    rel = page.locator("#provenance article.evidence").first
    expect(rel).to_have_attribute("data-context", "document")
    assert rel.get_attribute("data-origin") == ROADMAP_SEED
    assert rel.locator("blockquote").inner_text().strip("…") in seed_text


def test_programme_matrix_shows_links_and_budget(page: Page, live_api: str) -> None:
    api = httpx.get(f"{live_api}/programmes/links", params={"edition": EDITION_2022}).json()
    expected = {(r["subject"], r["programme"]) for r in api["rows"]}
    assert expected  # the roadmap seed links its 2022 edition to programmes
    page.goto(f"/#/programmes/{EDITION_2022}")
    cells = page.locator("table.matrix td.linked")
    expect(cells.first).to_be_visible()
    shown = {
        (c["subject"], c["programme"])
        for c in cells.evaluate_all(
            "els => els.map(e => ({subject: e.closest('tr').dataset.subject,"
            " programme: e.dataset.programme}))"
        )
    }
    assert shown == expected
    assert "programme:창업성장" in {p for _, p in shown}
    amount = next(r["amountKrw"] for r in api["rows"] if r["amountKrw"])
    budget = f"{amount / 1e8:,.0f}억 원"  # 879억 원
    expect(page.locator("table.funding td.money").first).to_have_text(budget)
    shoot(page, "programme-matrix-seeds")  # the README's is taken with the bodies synced


def test_edition_diff_shows_the_moved_and_renamed_field(page: Page, live_api: str) -> None:
    page.goto(f"/#/diff/{EDITION_2021}/{EDITION_2022}")
    row = page.locator("table.diff tr[data-after=미래형선박]")
    expect(row).to_have_attribute("data-change", "movedAndRenamed")
    expect(row.locator(".chip")).to_have_text(_change_label(live_api, "movedAndRenamed", "ko"))
    shoot(page, "edition-diff", readme=True)
    page.locator(".change-summary button[data-change=movedAndRenamed]").click()
    visible = page.locator("table.diff tbody tr:visible")
    expect(visible).to_have_count(2)  # 조선 → 미래형선박 and 식품 → 기능성식품
    assert set(visible.evaluate_all("els => els.map(e => e.dataset.change)")) == {"movedAndRenamed"}


def test_language_toggle_switches_labels_and_sticks(page: Page, live_api: str) -> None:
    page.goto(f"/#/diff/{EDITION_2021}/{EDITION_2022}")
    nav = page.locator("nav a[data-view=diff]")
    expect(nav).to_have_text("판 비교")
    chip = page.locator("table.diff tr[data-after=미래형선박] .chip")
    expect(chip).to_have_text(_change_label(live_api, "movedAndRenamed", "ko"))
    page.locator("#lang").click()
    expect(nav).to_have_text("Edition diff")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(chip).to_have_text(_change_label(live_api, "movedAndRenamed", "en"))
    expect(page.locator("#search")).to_have_attribute("placeholder", re.compile("Search"))
    page.goto(f"/#/entity/{PRODUCT}?direction=up&depth=3")  # the choice survives navigation
    wait_for_graph(page, 5)
    expect(page.locator(".graph-card h2")).to_have_text("Lineage graph")
    expect(page.locator(".segmented")).to_contain_text("Up")
    shoot(page, "entity-english", readme=True)
    page.locator("#lang").click()
    expect(page.locator(".graph-card h2")).to_have_text("계보 그래프")
