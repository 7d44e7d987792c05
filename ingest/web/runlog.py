"""The feed run log: one JSON object per line in ``STKG_HOME/logs/feeds.jsonl``.

Every URL a pull touched gets a line saying what happened and why (written, unchanged,
filtered, robots, failed…), so an operator can answer "why is this release not in the
graph?" long after the terminal output is gone, with ``jq`` or any JSON-lines reader.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from stkg.config.settings import Settings


def feed_log_path(settings: Settings) -> Path:
    return settings.home / "logs" / "feeds.jsonl"


class RunLog:
    """Appends events to a JSON-lines file (created with its folder on first write)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path

    def write(self, event: dict[str, Any]) -> None:
        if self.path is None:
            return
        line = {"time": datetime.now(UTC).isoformat(), **event}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(line, ensure_ascii=False, default=str) + "\n")
