"""The ontology and RDF commands end to end, through the real CLI and a real Neo4j."""

# Uses a throwaway test ontology with its own terms (schema-names: ignore).

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stkg.cli import app
from stkg.config.settings import Settings
from stkg.graph.driver import Graph
from stkg.graph.schema import existing_schema_objects
from stkg.graph.wipe import wipe
from stkg.ontology.model import default_paths

runner = CliRunner()


@pytest.fixture
def cli_env(cli_settings: Settings, graph: Graph) -> Graph:
    """The CLI pointed at the test server, with an empty graph."""
    return graph


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
    wipe(cli_env)
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


MSS = "organization:중소벤처기업부"
SMBA = "organization:중소기업청"
SMART = "policy:ai기반스마트제조3.0전략"
NET_ZERO = "policy:탄소중립"
NEW_ORG = "organization:소재부품기술진흥원"


def _edited_copy(tmp_path: Path) -> list[Path]:
    """The shipped ontology with what a maintainer changes in reference data and vocabularies:
    an altLabel added (and nothing else), a predecessor link removed, two individuals
    removed, one added, a label changed, a vocabulary altLabel added."""
    paths = []
    for src in default_paths():
        shutil.copy(src, tmp_path / src.name)
        paths.append(tmp_path / src.name)
    ref = tmp_path / "reference.ttl"
    blocks = ref.read_text(encoding="utf-8").split("\n\n")
    out = []
    for block in blocks:
        if f'stkg:id "{SMART}"' in block or f'stkg:id "{NET_ZERO}"' in block:
            continue
        if f'stkg:id "{MSS}"' in block:
            block = block.replace('"MSS"@en .', '"MSS"@en , "중소기업부"@ko , "MOSS"@en .')
        if f'stkg:id "{SMBA}"' in block:
            block = "\n".join(ln for ln in block.split("\n") if "stkg:predecessorOf" not in ln)
            block = block.replace('"Small and Medium Business Administration"@en ;', '"SMBA"@en ;')
        out.append(block)
    out.append(
        "<https://w3id.org/stkg/id/organization:"
        "%EC%86%8C%EC%9E%AC%EB%B6%80%ED%92%88%EA%B8%B0%EC%88%A0%EC%A7%84%ED%9D%A5%EC%9B%90> "
        f'a owl:NamedIndividual , stkg:Organization ;\n    stkg:id "{NEW_ORG}" ;\n'
        '    rdfs:label "소재부품기술진흥원"@ko , "Materials and Components Agency"@en ;\n'
        '    skos:altLabel "소부진"@ko .\n'
    )
    ref.write_text("\n\n".join(out), encoding="utf-8")
    with (tmp_path / "vocab.ttl").open("a", encoding="utf-8") as f:
        f.write('\n<https://w3id.org/stkg/vocab/sector/4ir> skos:altLabel "사차산업"@ko .\n')
    return paths


def test_reference_and_vocabulary_changes_diff_sync_and_search(
    cli_env: Graph, neo4j_settings: Settings, tmp_path: Path
) -> None:
    from fastapi.testclient import TestClient

    from stkg.api.app import create_app

    assert runner.invoke(app, ["ontology", "sync"]).exit_code == 0
    # a document cites one of the policies about to leave the Turtle
    cli_env.write(
        "MATCH (p:Entity {id: $p}) CREATE (:Entity:Evidence {id: 'evidence:t'})-[:SUPPORTS]->(p)",
        p=SMART,
    )
    paths = [str(p) for p in _edited_copy(tmp_path)]
    assert runner.invoke(app, ["ontology", "validate", *paths]).exit_code == 0

    with TestClient(create_app(neo4j_settings)) as client:
        # (중소기업부 shares bigrams with 중소벤처기업부, so the full-text search finds the
        # node by it already; MOSS it cannot find until the node carries it)
        before = client.get("/search", params={"q": "MOSS"}).json()
        assert MSS not in [r["id"] for r in before["rows"]]

        human = runner.invoke(app, ["ontology", "diff", *paths])
        assert human.exit_code == 0, human.output
        out = human.stdout
        assert f"{MSS}: aliases +MOSS +중소기업부" in out
        assert f"{SMBA}: nameEn 'Small and Medium Business Administration' → 'SMBA'" in out
        assert f"{SMBA} -PREDECESSOR_OF-> {MSS}" in out.split("reference links to remove")[1]
        assert NEW_ORG in out.split("reference nodes to add")[1]
        assert f"{NET_ZERO}: delete" in out and f"{SMART}: keep" in out
        assert "sector:4ir: aliases +사차산업" in out
        assert "stkgv:sector/4ir: aliases +사차산업" in out  # the concept's schema node
        data = json.loads(runner.invoke(app, ["ontology", "diff", "--json", *paths]).stdout)
        assert data["referenceData"]["changes"][MSS] == ["aliases +MOSS +중소기업부"]
        assert data["referenceData"]["removed"] == {SMART: "keep", NET_ZERO: "delete"}
        assert data["referenceData"]["links"]["removed"] == [f"{SMBA} -PREDECESSOR_OF-> {MSS}"]

        synced = runner.invoke(app, ["ontology", "sync", *paths])
        assert synced.exit_code == 0 and "Changed:" in synced.stdout, synced.output
        again = runner.invoke(app, ["ontology", "sync", *paths])
        assert "nothing to change" in again.stdout, again.stdout

        node = cli_env.read("MATCH (n:Organization {id: $id}) RETURN n.aliases AS a", id=MSS)
        assert node == [{"a": ["MOSS", "MSS", "중기부", "중소기업부"]}]
        assert (
            cli_env.read(
                "MATCH (:Entity {id: $a})-[r:PREDECESSOR_OF]->(:Entity {id: $b}) RETURN r",
                a=SMBA,
                b=MSS,
            )
            == []
        )
        assert cli_env.read(
            "MATCH (n:Organization {id: $id}) RETURN n.name AS n, n.aliases AS a", id=NEW_ORG
        ) == [{"n": "소재부품기술진흥원", "a": ["소부진"]}]
        assert cli_env.read("MATCH (n:Entity {id: $id}) RETURN n", id=NET_ZERO) == []
        kept = cli_env.read(
            "MATCH (n:Policy {id: $id}) RETURN n.definedInOntology AS d, n.name AS n", id=SMART
        )
        assert kept == [{"d": None, "n": "AI 기반 스마트제조 3.0 전략"}]
        sector = cli_env.read("MATCH (s:Sector {id: 'sector:4ir'}) RETURN s.aliases AS a")
        assert "사차산업" in sector[0]["a"]

        found = client.get("/search", params={"q": "MOSS"}).json()
        assert MSS in [r["id"] for r in found["rows"]], found
        assert found["method"] == "fulltext"
    # and back: the shipped ontology undoes it all except the node that documents use
    back = runner.invoke(app, ["ontology", "diff", "--json"])
    assert json.loads(back.stdout)["referenceData"]["changes"][MSS] == ["aliases -MOSS -중소기업부"]
    assert runner.invoke(app, ["ontology", "sync"]).exit_code == 0
    assert "nothing to change" in runner.invoke(app, ["ontology", "sync"]).stdout
    assert cli_env.read("MATCH (n:Entity {id: $id}) RETURN n.aliases AS a", id=MSS) == [
        {"a": ["MSS", "중기부"]}
    ]
