"""The front door: packaging, compose file, Makefile and CI agree with each other."""

from __future__ import annotations

import tomllib
from pathlib import Path

import yaml

from stkg.config.settings import NEO4J_VERSION

REPO = Path(__file__).resolve().parents[1]


def test_compose_file_runs_neo4j_526_with_volume_healthcheck_and_api() -> None:
    compose = yaml.safe_load((REPO / "docker-compose.yml").read_text())
    neo4j = compose["services"]["neo4j"]
    minor = ".".join(NEO4J_VERSION.split(".")[:2])
    assert neo4j["image"] == f"neo4j:{minor}-community"
    assert any(v.endswith(":/data") for v in neo4j["volumes"])
    assert "neo4j-data" in compose["volumes"]
    assert neo4j["healthcheck"]["test"]
    assert "NEO4J_PASSWORD" in neo4j["environment"]["NEO4J_AUTH"]
    api = compose["services"]["api"]
    assert api["build"] == "."
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert all(p.startswith("127.0.0.1:") for s in compose["services"].values() for p in s["ports"])


def test_dockerfile_copies_every_package_folder() -> None:
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text())
    folders = set(pyproject["tool"]["setuptools"]["package-dir"].values())
    dockerfile = (REPO / "Dockerfile").read_text()
    for folder in folders:
        assert f"COPY {folder} ./{folder}" in dockerfile, folder


def test_ci_runs_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text()
    ci = [
        line.strip()
        for line in (REPO / ".ci" / "run").read_text().splitlines()
        if line.strip() and not line.startswith(("#", "set "))
    ]
    assert ci == ["make test"]
    assert "make test" in readme and "make run" in readme


def test_every_python_package_folder_is_packaged() -> None:
    """A wheel only contains listed packages; an editable install would hide the gap."""
    tool = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(tool["packages"])
    for dotted, folder in tool["package-dir"].items():
        for init in (REPO / folder).rglob("__init__.py"):
            rel = init.parent.relative_to(REPO / folder)
            name = ".".join([dotted, *rel.parts]) if rel.parts else dotted
            assert name in listed, (
                f"{name} ({init.parent}) is missing from [tool.setuptools] packages"
            )


def test_license_is_an_spdx_string_with_its_file() -> None:
    """A TOML-table ``license`` is deprecated by setuptools (a warning on every install)."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    assert project["license"] == "Apache-2.0"
    assert all((REPO / name).is_file() for name in project["license-files"])


def test_every_data_folder_is_a_listed_package() -> None:
    """setuptools warns when a folder of data files inside a package is not listed."""
    tool = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(tool["packages"])
    for dotted, folder in tool["package-dir"].items():
        for sub in (REPO / folder).rglob("*"):
            if not sub.is_dir() or sub.name == "__pycache__":
                continue
            if not any(f.is_file() and f.suffix != ".pyc" for f in sub.iterdir()):
                continue
            name = ".".join([dotted, *sub.relative_to(REPO / folder).parts])
            assert name in listed, f"{name} ({sub}) is missing from [tool.setuptools] packages"
