"""The code type-checks: mypy over every installed concern folder (``make typecheck``)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FOLDERS = ("stkg", "config", "graph", "api", "ontology", "ingest")


def test_mypy_finds_no_errors(tmp_path: Path) -> None:
    mypy = shutil.which("mypy", path=str(Path(sys.executable).parent))
    assert mypy, "mypy is a dev dependency (pip install -e '.[dev]')"
    result = subprocess.run(
        [mypy, "--cache-dir", str(tmp_path / "cache"), *FOLDERS],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
