"""The SPARQL store follows the two patent analyses that write nodes incrementally: a
judged sample (``stkg patents judge``: ClassifierEvaluation nodes) and stored patent
indicators (``stkg analyse patents``: computed PatentAnalysis nodes and their method).
Each names what it changed in the graph version's journal; the store reloads that, holds
the new values and drops the old ones, and ends up as a store built from scratch would;
a write naming more nodes than a journal entry keeps still makes it rebuild in full."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from sparql_helpers import caught_up_incrementally, rows, same_as_a_rebuild
from typer.testing import CliRunner

from stkg.cli import app
from stkg.config.settings import Settings
from stkg.graph import version
from stkg.graph.analysis.classification import classify_patents
from stkg.graph.analysis.classifier_check import draw_sample, write_sample
from stkg.graph.analysis.indicators import IndicatorParams
from stkg.graph.analysis.patent_analysis import analyse_patents
from stkg.graph.driver import Graph
from stkg.graph.facts import FactSet
from stkg.graph.sparql import SparqlStore
from stkg.graph.version import advance_version
from stkg.graph.writer import FactWriter
from stkg.ontology.model import Ontology, load_ontology
from stkg.ontology.search_expressions import SearchExpression, load_for_ontology


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return load_ontology()


def _reason(store: SparqlStore) -> str:
    assert store.status is not None and store.status.last_sync is not None
    return store.status.last_sync.reason


def _full(store: SparqlStore) -> None:
    """The store's last catch-up was a full rebuild, because a write said nothing."""
    assert store.status is not None and store.status.last_sync is not None
    assert store.status.last_sync.mode == "full"
    assert "did not say" in store.status.last_sync.reason


# -- a judged sample -----------------------------------------------------------------------

MONITORING = "techclass:모니터링"
TITLES = {
    "patent:KR:j0": "설비 상태 모니터링 장치",
    "patent:KR:j1": "설비 이상 감시 방법",
    "patent:KR:j2": "배터리 상태 진단",
    "patent:KR:j3": "커피 추출 방법",
}
EVALUATION = """
PREFIX stkg: <https://w3id.org/stkg/ontology#>
SELECT ?tech ?run ?precision ?recall ?matches ?nonMatches WHERE {
  ?e a stkg:ClassifierEvaluation ; stkg:evaluatesTechnology ?t ; stkg:evaluatesRun ?r ;
     stkg:estimatedPrecision ?precision ; stkg:judgedMatches ?matches ;
     stkg:judgedNonMatches ?nonMatches .
  ?t stkg:id ?tech . ?r stkg:id ?run .
  OPTIONAL { ?e stkg:estimatedRecall ?recall }
}
"""


def _patents() -> tuple[dict[str, Any], FactSet]:
    facts = FactSet()
    for i, (pid, title) in enumerate(TITLES.items()):
        facts.node(
            "Patent", pid, name=title, title=title, office="KR", filingDate=dt.date(2020, 1, 1 + i)
        )
    facts.node("TechnologyClass", MONITORING, name="모니터링")
    return {"id": "document:judged", "sha256": "9" * 64, "origin": "memory/judged.txt"}, facts


def _expression(onto: Ontology, folder: Path) -> SearchExpression:
    path = folder / "technologies.toml"
    path.write_text(
        f"[[technology]]\nid = \"{MONITORING}\"\nexpression = '모니터링 OR 감시'\n",
        encoding="utf-8",
    )
    (expr,) = load_for_ontology(onto, [path])
    return expr


def _judged_sample(graph: Graph, onto: Ontology, folder: Path, verdicts: dict[str, str]) -> Path:
    """The sample ``stkg patents sample`` draws for the monitoring class, with the
    judgement column filled from ``verdicts`` (patent → y / n / empty)."""
    expr = _expression(onto, folder)
    out = io.StringIO()
    write_sample(draw_sample(graph, expr, 10), out)
    table = list(csv.reader(io.StringIO(out.getvalue())))
    patent, judgement = table[0].index("patent"), table[0].index("judgement")
    for row in table[1:]:
        row[judgement] = verdicts[row[patent]]
    path = folder / "판정.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(table)
    return path


def _judge(path: Path) -> list[dict[str, Any]]:
    result = CliRunner().invoke(app, ["patents", "judge", str(path), "--json"])
    assert result.exit_code == 0, result.output
    reported: list[dict[str, Any]] = json.loads(result.stdout)
    assert all(r["stored"] for r in reported)
    return reported


def test_a_judged_sample_is_followed_incrementally(
    graph: Graph,
    onto: Ontology,
    cli_settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``stkg patents judge`` names the evaluations it writes (their technology and run
    are neighbours); judging the run again replaces the values, and an estimate the new
    judgements cannot give (recall, with a stratum left unjudged) leaves the store."""
    advance_version(graph, onto)
    FactWriter(graph, onto).write_document(*_patents())
    run = classify_patents(graph, [_expression(onto, tmp_path)]).run
    assert run is not None
    store = SparqlStore(graph, onto)
    store.current()
    assert rows(store, EVALUATION) == []

    # matched: j0 relevant, j1 not; the others (not matched) judged not relevant
    first = {"patent:KR:j0": "y", "patent:KR:j1": "n", "patent:KR:j2": "n", "patent:KR:j3": "n"}
    (judged,) = _judge(_judged_sample(graph, onto, tmp_path, first))
    assert (judged["precision"], judged["recall"]) == (0.5, 1.0)
    caught_up_incrementally(store, graph, onto)
    assert _reason(store) == "1 named node(s) written since"  # the evaluation
    assert rows(store, EVALUATION) == [
        {"tech": MONITORING, "run": run, "precision": 0.5, "recall": 1.0, "matches": 2,
         "nonMatches": 2}
    ]  # fmt: skip

    # the same run judged again: both matches relevant, the non-matches left unjudged
    again = {"patent:KR:j0": "y", "patent:KR:j1": "y", "patent:KR:j2": "", "patent:KR:j3": ""}
    (judged,) = _judge(_judged_sample(graph, onto, tmp_path, again))
    assert (judged["precision"], judged["recall"]) == (1.0, None)
    caught_up_incrementally(store, graph, onto)
    assert rows(store, EVALUATION) == [
        {"tech": MONITORING, "run": run, "precision": 1.0, "recall": None, "matches": 2,
         "nonMatches": 0}
    ]  # fmt: skip
    assert store.rebuilds == 1

    # a judgement naming more evaluations than a journal entry keeps says nothing
    monkeypatch.setattr(version, "JOURNAL_NODES", 0)
    _judge(_judged_sample(graph, onto, tmp_path, first))
    store.current()
    _full(store)
    assert rows(store, EVALUATION)[0]["recall"] == 1.0
    same_as_a_rebuild(store, graph, onto)


# -- stored patent indicators -----------------------------------------------------------------

CLASSES = (("techclass:r", None), ("techclass:a", "techclass:r"), ("techclass:b", "techclass:r"))
#: (class, office, filing year, citations, applicant's country)
PATENTS = [
    ("techclass:a", "KR", 2020, 1, "KR"),
    ("techclass:a", "US", 2021, 2, "US"),
    ("techclass:a", "KR", 2022, 1, "US"),
    ("techclass:a", "US", 2023, 0, "KR"),
    ("techclass:b", "KR", 2021, 4, "KR"),  # b's one early patent (before the split year)
    ("techclass:b", "KR", 2022, 2, "KR"),
    ("techclass:b", "US", 2023, 2, "US"),
]
PARAMS = IndicatorParams(2020, 2023, ("KR", "US"), split_year=2022)
INDICATORS = """
PREFIX stkg: <https://w3id.org/stkg/ontology#>
SELECT ?tech ?patents ?growth WHERE {
  VALUES ?tech { "techclass:a" "techclass:b" }
  ?x a stkg:PatentAnalysis ; stkg:analysisKind "computed" ; stkg:analyses ?t ;
     stkg:patentCount ?patents .
  ?t stkg:id ?tech .
  OPTIONAL { ?x stkg:growthRate ?growth }
} ORDER BY ?tech
"""


def _patent_document(
    patents: list[tuple[str, str, int, int, str]], key: str, first: int = 0
) -> tuple[dict[str, Any], FactSet]:
    facts = FactSet()
    for cid, parent in CLASSES:
        facts.node("TechnologyClass", cid, name=cid.split(":")[1])
        if parent is not None:
            facts.rel("broaderTechnology", cid, parent)
    for i, (cls, office, year, cites, country) in enumerate(patents, start=first):
        pid = f"patent:{office}:i{i}"
        facts.node(
            "Patent", pid, name=f"특허 {i}", office=office, filingDate=dt.date(year, 6, 1),
            citationCount=cites,
        )  # fmt: skip
        facts.rel("classifiedAs", pid, cls)
        org = f"organization:출원인{country}"
        facts.node("Organization", org, name=f"출원인 {country}", country=country)
        facts.rel("appliedBy", pid, org)
    document = {"id": f"document:{key}", "sha256": key.rjust(64, "0"), "origin": f"memory/{key}"}
    return document, facts


def test_stored_patent_indicators_are_followed_incrementally(
    graph: Graph, onto: Ontology, cli_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``stkg analyse patents`` names the analyses it stores, and the method node when it
    creates or changes it; stored again over changed patents, a changed count follows
    and a growth the data no longer gives (no early patent) leaves the store."""
    advance_version(graph, onto)
    writer = FactWriter(graph, onto)
    writer.write_document(*_patent_document(PATENTS, "1"))
    store = SparqlStore(graph, onto)
    store.current()

    stored = CliRunner().invoke(
        app,
        ["analyse", "patents", "--tech", "techclass:r", "--period", "2020-2023",
         "--offices", "KR,US", "--split-year", "2022", "--json"],
    )  # fmt: skip
    assert stored.exit_code == 0, stored.output
    analyses = graph.read("MATCH (a:PatentAnalysis) RETURN count(a) AS n")[0]["n"]
    assert analyses >= 2
    caught_up_incrementally(store, graph, onto)
    # the analyses and the method, created by this run
    assert _reason(store) == f"{analyses + 1} named node(s) written since"
    found = rows(store, INDICATORS)
    assert [(r["tech"], r["patents"]) for r in found] == [("techclass:a", 4), ("techclass:b", 3)]
    growth = found[1]["growth"]
    assert isinstance(growth, float) and growth == pytest.approx(2**0.5 - 1, abs=1e-4)

    # another document: a fifth patent of a (filed late), and b's one early patent
    # filed late after all
    document, facts = _patent_document([("techclass:a", "KR", 2023, 3, "KR")], "2", first=7)
    facts.node("Patent", "patent:KR:i4", filingDate=dt.date(2023, 6, 1))
    writer.write_document(document, facts)
    store.current()
    report = analyse_patents(graph, onto, "techclass:r", PARAMS)
    assert report.written == analyses
    caught_up_incrementally(store, graph, onto)
    assert _reason(store) == f"{analyses} named node(s) written since"  # the method as it was
    found = rows(store, INDICATORS)
    assert [(r["tech"], r["patents"]) for r in found] == [("techclass:a", 5), ("techclass:b", 3)]
    # a: two early patents, three late (was two and two); b: none early, so no growth
    assert found[0]["growth"] == pytest.approx(1.5**0.5 - 1, abs=1e-4)
    assert found[1]["growth"] is None
    assert store.rebuilds == 1

    # a run naming more analyses than a journal entry keeps says nothing
    monkeypatch.setattr(version, "JOURNAL_NODES", 1)
    analyse_patents(graph, onto, "techclass:r", PARAMS)
    store.current()
    _full(store)
    same_as_a_rebuild(store, graph, onto)
