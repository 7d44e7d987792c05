"""Regenerate the README's screenshots: ``python -m tests.ui.screenshots``.

Runs the browser tests with ``STKG_UI_SCREENSHOTS_DIR=docs/screenshots``, so the views
they check are the views the README shows (over the two seed releases, with the reference
bodies synced for the programme matrix, and the sample corpus for the flow and indicator
views, on the test Neo4j the test suite starts or reuses). Extra arguments go to pytest.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TARGET = REPO / "docs" / "screenshots"


def main(argv: list[str]) -> int:
    os.environ["STKG_UI_SCREENSHOTS_DIR"] = str(TARGET)
    files = (
        "test_explorer.py",
        "test_flow.py",
        "test_field_indicators.py",
        "test_programme_matrix_organizations.py",
    )
    tests = [str(REPO / "tests" / "ui" / name) for name in files]
    code = pytest.main([*tests, "-q", *argv])
    if code == 0:
        names = ", ".join(sorted(p.name for p in TARGET.glob("*.png")))
        print(f"screenshots in {TARGET.relative_to(REPO)}: {names}")
    return int(code)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
