"""Browser fixtures: the API on a loopback port over the seeded test graph, and Chromium.

The explorer is tested the way people use it: a real headless Chromium (the system's
Debian ``chromium`` package, driven by Playwright; Playwright's own browser download is
never used) loads the page the API serves and clicks through it. Every test leaves a
screenshot in ``tests/artifacts/``; the README's screenshots are the ones taken with
``readme=True`` and are also written to ``$STKG_UI_SCREENSHOTS_DIR`` when it is set
(``python -m tests.ui.screenshots`` sets it to ``docs/screenshots``).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, sync_playwright
from ui_helpers import ARTIFACTS, serve_api

from stkg.config.settings import Settings
from stkg.graph.driver import Graph

#: Without the background-networking flags Chromium keeps dialling Google's hosts.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
#: A laptop screen: the explorer must be readable at this size.
VIEWPORT: ViewportSize = {"width": 1366, "height": 800}


def chromium_path() -> str:
    """The system Chromium (``STKG_TEST_CHROMIUM`` overrides); a clear error when absent."""
    path = os.environ.get("STKG_TEST_CHROMIUM") or shutil.which("chromium")
    if not path:
        raise RuntimeError(
            "no chromium on PATH: install the distribution's package "
            "(apt-get install chromium) or set STKG_TEST_CHROMIUM"
        )
    return path


@pytest.fixture(scope="module")
def live_api(neo4j_settings: Settings, seeded: Graph) -> Iterator[str]:
    """Base URL of the API (and its page) served by uvicorn in a thread, on the seeds."""
    with serve_api(neo4j_settings) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Chromium for one test file: Playwright's sync API keeps an event loop running in
    the process while it is open, and the suite runs in parallel processes that take the
    next file whatever it is (``asyncio.run`` in a later file would refuse to start)."""
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser, live_api: str, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh page (Korean first, empty storage); fails the test on any script error."""
    context = browser.new_context(viewport=VIEWPORT, locale="ko-KR", base_url=live_api)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.set_default_timeout(10_000)
    yield page
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"))
    context.close()
    assert not errors, f"script errors on the page: {errors}"
