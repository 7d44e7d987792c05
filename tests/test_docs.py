"""Docs that name every setting, so a new knob cannot go undocumented."""

from __future__ import annotations

import re
from pathlib import Path

from stkg.config.settings import Settings

REPO = Path(__file__).resolve().parents[1]


def test_every_setting_is_documented() -> None:
    doc = (REPO / "docs" / "configuration.md").read_text()
    for name, field in Settings.model_fields.items():
        alias = field.validation_alias
        env = alias.choices[0] if alias is not None else f"STKG_{name.upper()}"  # type: ignore[union-attr]
        assert f"`{env}`" in doc, f"{env} is missing from docs/configuration.md"


def _shape(path: str) -> str:
    """``/entities/{id:path}/programmes`` and ``/entities/{id}/programmes`` alike."""
    return re.sub(r"\{[^}]*\}", "{}", path.split("?")[0]).rstrip("/") or "/"


def test_every_api_route_is_documented() -> None:
    """Each operation of the app's OpenAPI schema appears in docs/api.md as `METHOD /path`."""
    from stkg.api.app import create_app
    from stkg.queries.catalog import load_catalog

    text = (REPO / "docs" / "api.md").read_text(encoding="utf-8")
    documented = {
        (method, _shape(path))
        for method, path in re.findall(r"`(GET|POST) (/(?:[^`\s{]|\{[^}]*\})*)", text)
    }
    named = {f"/queries/{name}" for name in load_catalog()}
    paths = create_app().openapi()["paths"]
    assert len(paths) > 20
    missing = []
    for path, operations in paths.items():
        shown = "/queries/{name}" if path in named else path
        for method in operations:
            if (method.upper(), _shape(shown)) not in documented:
                missing.append(f"{method.upper()} {path}")
    assert not missing, f"routes missing from docs/api.md: {missing}"
