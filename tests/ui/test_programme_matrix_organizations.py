"""The programme matrix names the organisation that ran each programme under the name it
had on the links' day, in headless Chromium over the two seeds and the ontology's
reference data (창업성장 is run by 중소벤처기업부, called 중소기업청 until 2017-07-26)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect
from ui_helpers import EDITION_2022, serve_api, shoot

from stkg.config.settings import Settings
from stkg.graph.driver import Graph
from stkg.graph.schema import sync

STARTUP = "programme:창업성장"
FUNDING = "funding:중소기업기술로드맵@2022@2022"  # pays for the 2022 links, for 2022
HEADER = f"table.matrix th[data-programme='{STARTUP}'] .org"


@pytest.fixture(scope="module")
def live_api(neo4j_settings: Settings, seeded: Graph) -> Iterator[str]:
    """The API over the seeds with the reference organisations synced (MANAGED_BY and the
    names' validity)."""
    sync(seeded)
    with serve_api(neo4j_settings) as url:
        yield url


def test_the_matrix_names_the_organisation_of_the_links_day(page: Page) -> None:
    page.goto(f"/#/programmes/{EDITION_2022}")
    expect(page.locator(HEADER)).to_have_text("운영: 중소벤처기업부")
    expect(page.locator(HEADER)).to_have_attribute(
        "data-organization", "organization:중소벤처기업부"
    )
    shoot(page, "programme-matrix", readme=True)  # as a user sees it after `stkg up`


def test_a_link_of_a_year_before_the_rename_shows_the_old_name(page: Page, seeded: Graph) -> None:
    seeded.write("MATCH (f:Funding {id: $f}) SET f.year = 2016", f=FUNDING)
    try:
        page.goto(f"/#/programmes/{EDITION_2022}")
        expect(page.locator(HEADER)).to_have_text("운영: 중소기업청")
        expect(page.locator(HEADER)).to_have_attribute("title", "2016-01-01")
    finally:
        seeded.write("MATCH (f:Funding {id: $f}) SET f.year = 2022", f=FUNDING)
