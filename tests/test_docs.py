"""Docs that name every setting, so a new knob cannot go undocumented."""

from __future__ import annotations

from pathlib import Path

from stkg.settings import Settings

REPO = Path(__file__).resolve().parents[1]


def test_every_setting_is_documented() -> None:
    doc = (REPO / "docs" / "configuration.md").read_text()
    for name, field in Settings.model_fields.items():
        alias = field.validation_alias
        env = alias.choices[0] if alias is not None else f"STKG_{name.upper()}"  # type: ignore[union-attr]
        assert f"`{env}`" in doc, f"{env} is missing from docs/configuration.md"
