"""The layering holds: import-linter's contracts (``[tool.importlinter]`` in pyproject.toml).

The concern folders install as sub-packages of ``stkg`` (``package-dir``), which
import-linter cannot follow on disk, so the test copies the Python files into a temporary
tree laid out as the installed package and lints that.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _package_tree(target: Path) -> Path:
    tool = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]
    for dotted, folder in sorted(tool["package-dir"].items()):
        dest = target.joinpath(*dotted.split("."))
        shutil.copytree(
            REPO / folder,
            dest,
            ignore=shutil.ignore_patterns("__pycache__", "static", "*.ttl", "*.cypher"),
            dirs_exist_ok=True,
        )
    return target


def test_import_contracts_hold(tmp_path: Path) -> None:
    tree = _package_tree(tmp_path / "src")
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is a dev dependency (pip install -e '.[dev]')"
    env = {**os.environ, "PYTHONPATH": str(tree)}
    result = subprocess.run(
        [lint, "--config", str(REPO / "pyproject.toml"), "--no-cache"],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 4 kept, 0 broken" in result.stdout, result.stdout
