"""The ontology and RDF commands end to end, through the real CLI and a real Neo4j."""

# Uses a throwaway test ontology with its own terms (schema-names: ignore).

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stkg.cli import app
from stkg.config.settings import Settings, get_settings
from stkg.graph.driver import Graph
from stkg.graph.schema import existing_schema_objects
from stkg.ontology.model import default_paths

runner = CliRunner()


@pytest.fixture
def cli_env(
    neo4j_settings: Settings, graph: Graph, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Graph]:
    """The CLI pointed at the test server, with an empty graph."""
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.neo4j_uri)
    monkeypatch.setenv("NEO4J_DATABASE", neo4j_settings.neo4j_database)
    if neo4j_settings.password:
        monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.password)
    get_settings.cache_clear()
    yield graph
    get_settings.cache_clear()


def _state(graph: Graph) -> tuple[object, ...]:
    counts = graph.read("MATCH (n) RETURN count(n) AS n")[0]["n"]
    rels = graph.read("MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"]
    return counts, rels, sorted(o.name for o in existing_schema_objects(graph))


def _broken_copy(tmp_path: Path) -> list[Path]:
    paths = []
    for src in default_paths():
        dst = tmp_path / src.name
        shutil.copy(src, dst)
        paths.append(dst)
    with (tmp_path / "stkg.ttl").open("a", encoding="utf-8") as f:
        f.write("\nstkg:Broken a owl:Class\nstkg:Other a owl:Class .\n")
    return paths


def test_validate_shipped_ontology() -> None:
    result = runner.invoke(app, ["ontology", "validate"])
    assert result.exit_code == 0, result.output
    assert "0 error(s), 0 warning(s)" in result.output
    as_json = runner.invoke(app, ["ontology", "validate", "--json"])
    assert json.loads(as_json.stdout) == {"errors": 0, "warnings": 0, "issues": []}


def test_validate_reports_file_line_and_exits_1(tmp_path: Path) -> None:
    paths = _broken_copy(tmp_path)
    lines = (tmp_path / "stkg.ttl").read_text(encoding="utf-8").count("\n")
    result = runner.invoke(app, ["ontology", "validate", *map(str, paths)])
    assert result.exit_code == 1
    assert f"stkg.ttl:{lines}" in result.output and "error [syntax]" in result.output
    data = json.loads(
        runner.invoke(app, ["ontology", "validate", "--json", *map(str, paths)]).stdout
    )
    syntax = [i for i in data["issues"] if i["code"] == "syntax"]
    assert data["errors"] >= 1 and len(syntax) == 1
    assert syntax[0]["line"] == lines and syntax[0]["file"].endswith("stkg.ttl")


def test_sync_dry_run_sync_and_diff(cli_env: Graph) -> None:
    dry = runner.invoke(app, ["ontology", "sync", "--dry-run", "--json"])
    assert dry.exit_code == 0, dry.output
    assert json.loads(dry.stdout)["dryRun"] is True
    assert cli_env.read("MATCH (n:OntologyClass) RETURN count(n) AS n")[0]["n"] == 0
    first = runner.invoke(app, ["ontology", "sync"])
    assert first.exit_code == 0, first.output
    assert "Changed:" in first.stdout
    again = runner.invoke(app, ["ontology", "sync"])
    assert again.exit_code == 0 and "nothing to change" in again.stdout
    cli_env.write("CREATE (:Entity:Widget {id: 'widget:1'})")
    diff = runner.invoke(app, ["ontology", "diff", "--json"])
    assert json.loads(diff.stdout)["undefinedInGraph"] == {"labels": {"Widget": 1}}
    human = runner.invoke(app, ["ontology", "diff"])
    assert "Widget: 1" in human.stdout


def test_sync_refuses_broken_ontology(cli_env: Graph, tmp_path: Path) -> None:
    before = _state(cli_env)
    result = runner.invoke(app, ["ontology", "sync", *map(str, _broken_copy(tmp_path))])
    assert result.exit_code == 1
    assert "stkg.ttl:" in result.output and "Neo4j was not changed" in result.output
    assert _state(cli_env) == before


def test_export_import_validate(cli_env: Graph, tmp_path: Path) -> None:
    cli_env.write(
        "CREATE (r:Entity:Roadmap {id: 'roadmap:r', name: '로드맵'}), "
        "(e:Entity:RoadmapEdition {id: 'edition:e', name: '2022~2024', startYear: 2022, "
        "endYear: 2024, publishedDate: date('2021-12-30')}), "
        "(e)-[:EDITION_OF {evidence: ['evidence:x']}]->(r)"
    )
    ok = runner.invoke(app, ["validate", "--json"])
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.stdout)["conforms"] is True
    out = tmp_path / "g.nt"
    exported = runner.invoke(app, ["export", "--format", "nt", "-o", str(out)])
    assert exported.exit_code == 0, exported.output
    assert "publishedDate" in out.read_text(encoding="utf-8")
    cli_env.write("MATCH (n) DETACH DELETE n")
    imported = runner.invoke(app, ["import-rdf", str(out)])
    assert imported.exit_code == 0, imported.output
    assert "imported 2 nodes" in imported.stdout
    again = cli_env.read(
        "MATCH (e:RoadmapEdition)-[r:EDITION_OF]->(:Roadmap) RETURN r.evidence AS ev"
    )
    assert again == [{"ev": ["evidence:x"]}]


def test_import_refuses_shape_violation_naming_the_node(cli_env: Graph, tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix stkg: <https://w3id.org/stkg/ontology#> .\n"
        "<https://w3id.org/stkg/id/edition:x> a stkg:RoadmapEdition ;\n"
        '    stkg:id "edition:x" ; stkg:name "판" .\n',
        encoding="utf-8",
    )
    before = _state(cli_env)
    result = runner.invoke(app, ["import-rdf", str(bad)])
    assert result.exit_code == 1
    assert "edition:x" in result.output and "nothing was written" in result.output
    assert _state(cli_env) == before
    invalid = runner.invoke(app, ["validate"])
    assert invalid.exit_code == 0  # the graph itself is still fine


def test_validate_reports_violations(cli_env: Graph) -> None:
    cli_env.write("CREATE (:Entity:Funding {id: 'funding:f', amountKrw: -5})")
    result = runner.invoke(app, ["validate", "--label", "Funding"])
    assert result.exit_code == 1
    assert "funding:f" in result.stdout and "violation" in result.stdout
