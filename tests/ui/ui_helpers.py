"""Helpers shared by the browser tests (imported by name: pytest puts this folder on sys.path)."""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn
from playwright.sync_api import Page

from stkg.api.app import create_app
from stkg.config.settings import Settings

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "tests" / "artifacts"
EDITION_2021 = "edition:중소기업기술로드맵@2021"
EDITION_2022 = "edition:중소기업기술로드맵@2022"
ROADMAP_SEED = "000_f874dc3d0926f1b7.txt"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve_api(settings: Settings) -> Iterator[str]:
    """Serve the API (and its page) with uvicorn in a thread on a loopback port; its URL."""
    port = free_port()
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port,
                            log_level="warning", lifespan="on")  # fmt: skip
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the API did not start on port {port}")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def shoot(page: Page, name: str, *, readme: bool = False) -> None:
    """Save a screenshot to tests/artifacts, and to $STKG_UI_SCREENSHOTS_DIR when ``readme``."""
    settle(page)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))
    target = os.environ.get("STKG_UI_SCREENSHOTS_DIR")
    if readme and target:
        folder = Path(target) if Path(target).is_absolute() else REPO / target
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / f"{name}.png"))


def settle(page: Page) -> None:
    """Let Cytoscape finish drawing: it repaints on animation frames, scaling a cached
    bitmap while the viewport changes, so a screenshot taken at once can catch that frame."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    page.wait_for_timeout(250)


def field_row(seeds_dir: Path, field_2021: str) -> dict[str, Any]:
    """The roadmap seed's field-table row for a 2021 field, as a careful reader took it."""
    expected = json.loads((seeds_dir / "expected.json").read_text(encoding="utf-8"))
    rows = expected[ROADMAP_SEED]["field_table"]
    return next(r for r in rows if r["field_2021"] == field_2021)


def graph_ids(page: Page) -> set[str]:
    """Ids of the nodes Cytoscape has drawn (not the list twin: the drawing itself)."""
    return set(page.evaluate("() => window.stkgExplorer.graph.nodes().map(n => n.id())"))


def wait_for_graph(page: Page, min_nodes: int = 1) -> None:
    """Until no walk is loading and the drawn graph holds at least ``min_nodes`` nodes."""
    page.wait_for_function(
        """n => {
          const el = document.querySelector('#graph');
          return el && !el.dataset.loading && window.stkgExplorer
            && window.stkgExplorer.graph.nodes().length >= n;
        }""",
        arg=min_nodes,
    )


def click_node(page: Page, node_id: str) -> None:
    """Click a drawn node where it is on screen, as a person would."""
    box = page.evaluate(
        """id => {
          const node = window.stkgExplorer.graph.getElementById(id);
          const p = node.renderedPosition();
          const r = document.querySelector('#graph').getBoundingClientRect();
          return { x: r.left + p.x, y: r.top + p.y };
        }""",
        node_id,
    )
    page.mouse.click(box["x"], box["y"])
