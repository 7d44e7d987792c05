"""A decision on a proposed crosswalk mapping (``stkg review accept / correct / reject``)
changes mappings and runs only, and says so: the SPARQL store follows it without a rebuild
and holds what a store built from scratch holds (``stkg.graph.sparql``)."""

from __future__ import annotations

from pathlib import Path

from sparql_helpers import caught_up_incrementally, rows
from typer.testing import CliRunner

from stkg.cli import app
from stkg.config.settings import Settings
from stkg.graph.driver import Graph
from stkg.graph.sparql import SparqlStore
from stkg.graph.version import advance_version
from stkg.ontology.model import load_ontology

ED = "중소기업기술로드맵"
IOT_DROPPED = f"mapping:사물인터넷@{ED}@2019~dropped"
IOT_2020 = f"fieldversion:iot@{ED}@2020"
ENERGY = f"mapping:에너지@{ED}@2019~신재생에너지@{ED}@2020"
ROBOT_NEW = f"mapping:new~로봇@{ED}@2020"
DECISIONS = """
PREFIX stkg: <https://w3id.org/stkg/ontology#>
SELECT ?id ?decision WHERE { ?m stkg:id ?id ; stkg:reviewDecision ?decision } ORDER BY ?id
"""


def _invoke(*args: str) -> None:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output


def test_mapping_reviews_are_followed_incrementally(
    cli_settings: Settings, sampled: Graph, tmp_path: Path
) -> None:
    onto = load_ontology()
    advance_version(sampled, onto)
    store = SparqlStore(sampled, onto)
    store.current()
    ttl = str(tmp_path / "reviewed.ttl")
    _invoke("review", "accept", ENERGY, "--by", "tester", "--file", ttl)
    caught_up_incrementally(store, sampled, onto)
    assert rows(store, DECISIONS) == [{"id": ENERGY, "decision": "accepted"}]

    _invoke("review", "reject", ROBOT_NEW, "--by", "tester", "--file", ttl)
    _invoke(
        "review", "correct", IOT_DROPPED, "--to", IOT_2020, "--relation", "closeMatch",
        "--by", "tester", "--file", ttl,
    )  # fmt: skip
    caught_up_incrementally(store, sampled, onto)
    assert store.status is not None and store.status.last_sync is not None
    assert "CrosswalkMapping" in store.status.last_sync.reason
    decided = {r["id"]: r["decision"] for r in rows(store, DECISIONS)}
    assert decided[ENERGY] == "accepted" and "corrected" in decided.values()
    assert ROBOT_NEW not in decided
