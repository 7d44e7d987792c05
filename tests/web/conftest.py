"""Fixtures for the web-source tests: a local web site per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from web_helpers import LocalSite, running_site


@pytest.fixture
def site() -> Iterator[LocalSite]:
    """A fresh site on 127.0.0.1 whose robots.txt disallows /private/."""
    yield from running_site()
