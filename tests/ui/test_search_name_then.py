"""The explorer's search, with an "as of" day, says by which name in use a hit was found
when it is not the hit's own (headless Chromium, the two seeds synced: the field IoT is
printed 스마트홈 from the 2022 edition on)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect
from ui_helpers import serve_api

from stkg.config.settings import Settings
from stkg.graph.driver import Graph
from stkg.graph.schema import sync


@pytest.fixture(scope="module")
def live_api(neo4j_settings: Settings, seeded: Graph) -> Iterator[str]:
    sync(seeded)  # the full-text index
    with serve_api(neo4j_settings) as url:
        yield url


def results(page: Page, day: str) -> None:
    page.goto(f"/#/entity/field:iot?as_of={day}")
    expect(page.locator("#view[data-ready=entity]")).to_be_attached()
    page.locator("#search").fill("스마트홈")
    expect(page.locator("#results [role=option]").first).to_be_visible()


def test_a_renamed_field_is_shown_with_the_name_it_was_found_by(page: Page) -> None:
    results(page, "2023-06-01")
    first = page.locator("#results [role=option]").first
    expect(first).to_have_attribute("data-id", "field:iot")
    expect(first.locator(".result-name")).to_have_text("IoT")
    expect(first.locator(".result-then")).to_have_text("(그날의 이름: 스마트홈)")


def test_before_the_rename_the_name_was_not_yet_in_use(page: Page) -> None:
    """In 2021 스마트홈 was no name of the field yet: it is not the first hit (the
    explorer asks for twelve, and names in use rank first) and no hit claims that name."""
    results(page, "2021-06-01")
    first = page.locator("#results [role=option]").first
    expect(first).not_to_have_attribute("data-id", "field:iot")
    expect(page.locator("#results .result-then", has_text="스마트홈")).to_have_count(0)
