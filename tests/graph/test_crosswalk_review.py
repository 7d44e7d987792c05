"""`stkg review` on proposed crosswalk mappings: list, accept, correct, reject — written as
Turtle, applied to the graph at once, and back after the graph is rebuilt."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from rdflib import URIRef
from typer.testing import CliRunner

from stkg.cli import app
from stkg.config.settings import Settings
from stkg.graph.crosswalk import refresh
from stkg.graph.driver import Graph
from stkg.graph.wipe import wipe
from stkg.ingest.files import expand_paths, ingest_paths
from stkg.ontology.crosswalks import read_decisions
from stkg.ontology.ids import instance_iri
from stkg.ontology.model import load_ontology, parse_turtle

runner = CliRunner()
REPO = Path(__file__).resolve().parents[2]
ED = "중소기업기술로드맵"
IOT_DROPPED = f"mapping:사물인터넷@{ED}@2019~dropped"
IOT_NEW = f"mapping:new~iot@{ED}@2020"
IOT_2020 = f"fieldversion:iot@{ED}@2020"
ENERGY = f"mapping:에너지@{ED}@2019~신재생에너지@{ED}@2020"
ROBOT_NEW = f"mapping:new~로봇@{ED}@2020"


@pytest.fixture
def cli_graph(cli_settings: Settings, sampled: Graph) -> Graph:
    """The sample graph, with the CLI pointed at the test server."""
    return sampled


def mapping(graph: Graph, mid: str) -> dict[str, Any] | None:
    rows = graph.read(
        "MATCH (m:CrosswalkMapping {id: $id}) "
        "OPTIONAL MATCH (m)-[:MAPS_FROM]->(a) OPTIONAL MATCH (m)-[:MAPS_TO]->(b) "
        "RETURN m.mappingBasis AS basis, m.reviewDecision AS decision, m.reviewedBy AS by, "
        "m.reviewedAt AS at, m.mappingRelation AS relation, m.mappingChange AS change, "
        "a.id AS source, b.id AS target",
        id=mid,
    )
    return rows[0] if rows else None


def invoke(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_review_mappings_and_the_rebuilt_graph_keeps_the_decisions(
    cli_graph: Graph, tmp_path: Path
) -> None:
    ttl = tmp_path / "crosswalks.ttl"
    listed = json.loads(invoke("review", "list", "--mappings", "--json", "--limit", "1000"))
    ids = {r["id"] for r in listed}
    assert {IOT_DROPPED, IOT_NEW, ENERGY, ROBOT_NEW} <= ids
    assert all(r["basis"] == "proposed" for r in listed)

    # correct: 사물인터넷 was not dropped, it was renamed IoT
    invoke("review", "correct", IOT_DROPPED, "--to", IOT_2020, "--relation", "closeMatch",
           "--kind", "renamed", "--by", "tester", "--file", str(ttl))  # fmt: skip
    fixed = f"mapping:사물인터넷@{ED}@2019~iot@{ED}@2020"
    got = mapping(cli_graph, fixed)
    assert got is not None
    assert (got["basis"], got["decision"], got["by"]) == ("reviewed", "corrected", "tester")
    assert (got["relation"], got["change"], got["target"]) == ("closeMatch", "renamed", IOT_2020)
    assert got["at"] is not None
    # the proposals it replaces are gone: the dropped one, and IoT as a new field
    assert mapping(cli_graph, IOT_DROPPED) is None
    assert mapping(cli_graph, IOT_NEW) is None

    invoke("review", "accept", ENERGY, "--by", "tester", "--file", str(ttl))
    got = mapping(cli_graph, ENERGY)
    assert got is not None and (got["basis"], got["decision"]) == ("reviewed", "accepted")

    invoke("review", "reject", ROBOT_NEW, "--by", "tester", "--file", str(ttl))
    assert mapping(cli_graph, ROBOT_NEW) is None

    # proposed mappings cannot be reviewed twice; ids that are no mappings are refused
    again = runner.invoke(app, ["review", "accept", ENERGY, "--file", str(ttl)])
    assert again.exit_code != 0 and "not a proposed mapping" in again.output
    bad = runner.invoke(app, ["review", "correct", "mapping:없음~없음", "--file", str(ttl)])
    assert bad.exit_code != 0

    # the Turtle: one block per decision, the SKOS triple for the accepted and corrected
    decisions = {d.id: d for d in read_decisions(ttl)}
    assert {k: d.decision for k, d in decisions.items()} == {
        IOT_DROPPED: "rejected", fixed: "corrected", ENERGY: "accepted", ROBOT_NEW: "rejected"
    }  # fmt: skip
    g = parse_turtle(ttl)
    skos = "http://www.w3.org/2004/02/skos/core#"
    assert (
        URIRef(instance_iri(f"fieldversion:사물인터넷@{ED}@2019")),
        URIRef(skos + "closeMatch"),
        URIRef(instance_iri(IOT_2020)),
    ) in g

    # a rejected mapping is not proposed again
    refresh(cli_graph, path=ttl)
    assert mapping(cli_graph, ROBOT_NEW) is None and mapping(cli_graph, IOT_DROPPED) is None

    # rebuild: an empty graph, the samples again, the crosswalks again
    wipe(cli_graph)
    report = ingest_paths(expand_paths([REPO / "samples"]), cli_graph, load_ontology())
    assert {d.status for d in report.documents} == {"written"}
    assert mapping(cli_graph, fixed) is None
    refreshed = refresh(cli_graph, path=ttl)
    assert refreshed.reviewed == 2 and refreshed.pending == []
    for mid, decision in ((fixed, "corrected"), (ENERGY, "accepted")):
        got = mapping(cli_graph, mid)
        assert got is not None and (got["basis"], got["decision"], got["by"]) == (
            "reviewed", decision, "tester",
        )  # fmt: skip
    for gone in (IOT_DROPPED, IOT_NEW, ROBOT_NEW):
        assert mapping(cli_graph, gone) is None
    # the lineage named query follows the reviewed mapping by default
    from stkg.queries.catalog import load_catalog

    q = load_catalog()["field-lineage"]
    [row] = cli_graph.rows(q.cypher, q.bind({"field": "사물인터넷"})).rows
    assert [(e["source"], e["target"], e["basis"]) for e in row["edges"]] == [
        (f"fieldversion:사물인터넷@{ED}@2019", IOT_2020, "reviewed")
    ]


def test_a_decision_on_the_same_mapping_replaces_the_earlier_one(tmp_path: Path) -> None:
    import datetime as dt

    from stkg.ontology.crosswalks import MappingDecision, append_decision

    ttl = tmp_path / "c.ttl"
    when = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    base = {"source": "fieldversion:a@x@2030", "target": "fieldversion:b@x@2031",
            "from_edition": "edition:x@2030", "to_edition": "edition:x@2031", "by": "kim",
            "at": when}  # fmt: skip
    append_decision(MappingDecision("mapping:a@x@2030~b@x@2031", relation="exactMatch",
                                    change="unchanged", decision="accepted", **base), ttl)  # fmt: skip
    append_decision(MappingDecision("mapping:a@x@2030~b@x@2031", relation=None,
                                    change="unchanged", decision="rejected", **base), ttl)  # fmt: skip
    [d] = read_decisions(ttl)
    assert d.decision == "rejected"
    assert "skos:exactMatch" not in ttl.read_text(encoding="utf-8")
