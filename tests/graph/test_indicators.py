"""Patent indicators computed from the graph: hand-checked small cases, a generated set
with a built-in answer, and the seed's published flags under the default thresholds."""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import Counter
from typing import Any

import pytest
from patent_helpers import patent_data

from stkg.graph.analysis.indicator_store import analysis_id
from stkg.graph.analysis.indicators import (
    IndicatorError,
    IndicatorParams,
    TechnologyIndicators,
    cagr,
    flags,
    zscores,
)
from stkg.graph.analysis.patent_analysis import analyse_patents
from stkg.graph.analysis.patent_counts import AmbiguousTechnology, UnknownTechnology
from stkg.graph.driver import Graph
from stkg.graph.wipe import wipe
from stkg.ontology.model import load_ontology

ONTO = load_ontology()

TREE = """
UNWIND $classes AS row
CREATE (c:Entity:TechnologyClass {id: row.id, name: row.name})
WITH c, row WHERE row.parent IS NOT NULL
MATCH (parent:TechnologyClass {id: row.parent})
CREATE (c)-[:BROADER_TECHNOLOGY]->(parent)
"""

PATENTS = """
UNWIND $rows AS row
CREATE (p:Entity:Patent {id: row.id, office: row.office, filingDate: row.date,
        citationCount: row.cites})
WITH p, row
UNWIND row.classes AS cls
MATCH (t:TechnologyClass {id: cls})
CREATE (p)-[:CLASSIFIED_AS]->(t)
WITH DISTINCT p, row
MERGE (o:Entity:Organization {id: row.applicant})
SET o.country = row.country
CREATE (p)-[:APPLIED_BY]->(o)
"""


def build(graph: Graph, classes: list[tuple[str, str | None]], patents: list[tuple]) -> None:
    """Classes as (id, parent); patents as (classes, office, year, citations, country)."""
    graph.write(TREE, classes=[{"id": c, "name": c.split(":")[1], "parent": p}
                               for c, p in classes])  # fmt: skip
    rows = []
    for i, (cls, office, year, cites, country) in enumerate(patents):
        rows.append({
            "id": f"patent:{office}:t{i}", "office": office, "date": dt.date(year, 6, 1),
            "cites": cites, "classes": list(cls),
            # Korean applicants share one organization; others get their own
            "applicant": "organization:kr" if country == "KR" else f"organization:o{i}",
            "country": country,
        })  # fmt: skip
    graph.write(PATENTS, rows=rows)


def by_id(indicators: list[TechnologyIndicators]) -> dict[str, TechnologyIndicators]:
    return {i.technology: i for i in indicators}


# --- formulas alone --------------------------------------------------------------------------


def test_cagr_between_sub_period_means() -> None:
    # 10 a year for 5 years, then 20 a year for 5 years: the means are 5 years apart
    assert cagr(50, 100, 5, 5) == pytest.approx(2 ** (1 / 5) - 1)
    assert cagr(4, 4, 2, 2) == pytest.approx(0.0)
    assert cagr(0, 7, 3, 3) is None  # growth from nothing has no rate


def test_zscores_use_the_sample_sd_and_keep_gaps() -> None:
    z = zscores({"a": 1.0, "b": 2.0, "c": 3.0, "d": None})
    assert z == {"a": pytest.approx(-1.0), "b": pytest.approx(0.0), "c": pytest.approx(1.0),
                 "d": None}  # fmt: skip
    assert zscores({"a": 5.0, "b": 5.0}) == {"a": 0.0, "b": 0.0}
    assert zscores({"a": 5.0, "b": None}) == {"a": None, "b": None}


def test_flags_follow_the_thresholds() -> None:
    assert flags(0.38, 0.19) == (True, "strong", True)
    assert flags(1.78, -0.31) == (True, "weak", False)
    assert flags(-0.05, 0.07) == (False, "strong", False)
    assert flags(0.38, 0.19, core_threshold=0.5) == (False, "strong", False)
    assert flags(None, 0.19) == (None, "strong", None)


@pytest.mark.parametrize(
    "kwargs",
    [{"start_year": 2020, "end_year": 2019}, {"start_year": 2020, "end_year": 2020},
     {"start_year": 2015, "end_year": 2024, "split_year": 2015},
     {"start_year": 2015, "end_year": 2024, "offices": ("KR", "XX")}],
)  # fmt: skip
def test_impossible_parameters_are_refused(kwargs: dict[str, Any]) -> None:
    with pytest.raises(IndicatorError):
        IndicatorParams(**kwargs)


# --- a small tree, computed by hand ---------------------------------------------------------

HAND_CLASSES = [("techclass:r", None), ("techclass:a", "techclass:r"),
                ("techclass:b", "techclass:r")]  # fmt: skip
HAND_PATENTS = [
    # A: six patents, three early (2020-2021) and three late (2022-2023); 6 citations;
    # one Korean applicant
    (["techclass:a"], "KR", 2020, 1, "KR"),
    (["techclass:a"], "US", 2020, 0, "US"),
    (["techclass:a"], "US", 2021, 2, "JP"),
    (["techclass:a"], "KR", 2022, 1, "US"),
    (["techclass:a"], "US", 2022, 0, "DE"),
    (["techclass:a"], "KR", 2023, 2, "CN"),
    # B: four patents with citations (8 in all), one early and three late; three Korean
    (["techclass:b"], "KR", 2021, 4, "KR"),
    (["techclass:b"], "KR", 2022, 2, "KR"),
    (["techclass:b"], "US", 2023, 0, "KR"),
    (["techclass:b"], "US", 2023, 2, "US"),
    # B: a fifth, late, without a citation count and with an applicant of unknown country
    (["techclass:b"], "KR", 2023, None, None),
    # outside the analysis: another office, and a year before the period
    (["techclass:b"], "JP", 2022, 50, "KR"),
    (["techclass:a"], "KR", 2019, 50, "KR"),
]


def test_small_tree_by_hand(graph: Graph) -> None:
    build(graph, HAND_CLASSES, HAND_PATENTS)
    params = IndicatorParams(2020, 2023, ("KR", "US"), split_year=2022)
    report = analyse_patents(graph, ONTO, "techclass:r", params)
    a, b = by_id(report.indicators)["techclass:a"], by_id(report.indicators)["techclass:b"]

    assert report.patent_count == 11
    assert (a.patent_count, b.patent_count) == (6, 5)
    assert a.application_share == pytest.approx(100 * 6 / 11)
    assert b.application_share == pytest.approx(100 * 5 / 11)
    # growth: sub-periods of two years each, their means two years apart
    assert (a.early_count, a.late_count, b.early_count, b.late_count) == (3, 3, 1, 4)
    assert a.growth_rate == pytest.approx(0.0)
    assert b.growth_rate == pytest.approx(math.sqrt((4 / 2) / (1 / 2)) - 1)  # = 1.0
    # citations per patent, over the patents that state a count: A 6/6, B 8/4, all 14/10
    assert a.citations_per_patent == pytest.approx(1.0)
    assert b.citations_per_patent == pytest.approx(2.0)
    assert a.citation_index == pytest.approx(1.0 / 1.4)
    assert b.citation_index == pytest.approx(2.0 / 1.4)
    # RTA over patents of known nationality: Korean 1 of 6 in A, 3 of 4 in B, 4 of 10 all
    assert (a.korea_patent_count, b.korea_patent_count) == (1, 3)
    assert a.activity_index == pytest.approx((1 / 4) / (6 / 10))
    assert b.activity_index == pytest.approx((3 / 4) / (4 / 10))
    # two peers: every standard score is ±1/√2
    assert b.technology_importance == pytest.approx(1 / math.sqrt(2))
    assert a.technology_importance == pytest.approx(-1 / math.sqrt(2))
    assert b.korea_competitiveness == pytest.approx(1 / math.sqrt(2))
    assert (a.is_core, a.korea_strength, a.is_focus) == (False, "weak", False)
    assert (b.is_core, b.korea_strength, b.is_focus) == (True, "strong", True)


def test_stored_analyses_sit_beside_the_technology(graph: Graph) -> None:
    build(graph, HAND_CLASSES, HAND_PATENTS)
    params = IndicatorParams(2020, 2023, ("KR", "US"), split_year=2022)
    analyse_patents(graph, ONTO, "r", params)
    analyse_patents(graph, ONTO, "r", params)  # again: replaced, not duplicated
    rows = graph.read(
        "MATCH (a:PatentAnalysis)-[:ANALYSES]->(t:TechnologyClass {id: 'techclass:b'}) "
        "MATCH (a)-[:USES_METHOD]->(m:AnalysisMethod) "
        "RETURN a.id AS id, a.analysisKind AS kind, a.period AS period, a.offices AS offices, "
        "a.patentCount AS n, a.applicationShare AS share, a.growthRate AS growth, "
        "a.parameters AS parameters, a.computedAt AS at, a.method AS method, "
        "a.isFocus AS focus, m.name AS methodName"
    )
    assert len(rows) == 1
    row = rows[0]
    assert row["id"] == analysis_id("techclass:b", params)
    assert (row["kind"], row["period"], row["offices"], row["n"]) == (
        "computed", "2020-2023", ["KR", "US"], 5)  # fmt: skip
    assert row["share"] == pytest.approx(100 * 5 / 11, abs=1e-4)
    assert row["growth"] == pytest.approx(1.0)
    assert json.loads(row["parameters"])["split_year"] == 2022
    assert row["focus"] is True and "RTA" in row["method"] and row["at"]
    # another period is another analysis, next to the first
    analyse_patents(graph, ONTO, "r", IndicatorParams(2020, 2023, ("KR",), split_year=2021))
    count = graph.read("MATCH (a:PatentAnalysis)-[:ANALYSES]->(:TechnologyClass {id: 'techclass:b'}) "
                       "RETURN count(a) AS n")[0]["n"]  # fmt: skip
    assert count == 2


def test_patents_in_two_classes_are_counted_once_per_ancestor(graph: Graph) -> None:
    classes = [("techclass:r", None), ("techclass:a", "techclass:r"),
               ("techclass:a1", "techclass:a"), ("techclass:a2", "techclass:a"),
               ("techclass:b", "techclass:r")]  # fmt: skip
    patents = [
        (["techclass:a1", "techclass:a2"], "KR", 2020, 3, "KR"),  # in both sub-classes
        (["techclass:a1"], "KR", 2021, 1, "US"),
        (["techclass:a2"], "US", 2022, 1, "US"),
        (["techclass:a"], "US", 2023, 1, "US"),  # classified in the middle level itself
        (["techclass:b"], "US", 2023, 0, "JP"),
    ]
    build(graph, classes, patents)
    report = analyse_patents(graph, ONTO, "techclass:r", IndicatorParams(2020, 2023))
    got = by_id(report.indicators)
    assert report.patent_count == 5
    assert {k: v.patent_count for k, v in got.items()} == {
        "techclass:a": 4, "techclass:b": 1, "techclass:a1": 2, "techclass:a2": 2}  # fmt: skip
    assert got["techclass:a"].application_share == pytest.approx(80.0)
    assert got["techclass:a1"].application_share == pytest.approx(50.0)
    # a1 and a2 are peers of each other (depth 2), a and b of each other (depth 1)
    assert got["techclass:a"].citations_per_patent == pytest.approx(6 / 4)
    assert got["techclass:a"].korea_patent_count == 1


def test_unknown_ambiguous_and_leaf_technologies_are_refused(graph: Graph) -> None:
    build(graph, [("techclass:r", None), ("techclass:x", "techclass:r")], [])
    graph.write("CREATE (:Entity:TechnologyClass {id: 'techclass:y', name: 'x'})")
    with pytest.raises(UnknownTechnology, match="nothing"):
        analyse_patents(graph, ONTO, "nothing", IndicatorParams(2020, 2023))
    with pytest.raises(AmbiguousTechnology, match=r"techclass:x, techclass:y"):
        analyse_patents(graph, ONTO, "x", IndicatorParams(2020, 2023))
    with pytest.raises(IndicatorError, match="no narrower classes"):
        analyse_patents(graph, ONTO, "techclass:x", IndicatorParams(2020, 2023))
    with pytest.raises(IndicatorError, match="no patents"):
        analyse_patents(graph, ONTO, "techclass:r", IndicatorParams(2020, 2023))


# --- 20,000 generated patents with a built-in answer -------------------------------------------

N_GENERATED = 20_000


@pytest.fixture(scope="module")
def generated(session_graph: Graph) -> tuple[Graph, list[Any]]:
    pd = patent_data()
    wipe(session_graph)
    pd.write_tree(session_graph)
    rows = list(pd.generate(N_GENERATED))
    pd.write(session_graph, rows)
    return session_graph, rows


def test_generated_set_counts_match_the_generator(generated: tuple[Graph, list[Any]]) -> None:
    graph, rows = generated
    params = IndicatorParams(2015, 2024, ("KR", "US", "JP"), split_year=2020)
    report = analyse_patents(graph, ONTO, "합성 AI", params, store=False)
    kept = [r for r in rows if r.office in params.offices]
    expected = Counter(r.technology for r in kept)
    got = {i.technology: i.patent_count for i in report.indicators if i.depth == 2}
    assert got == dict(expected)
    korean = {o[0] for o in patent_data().organizations() if o[2] == "KR"}
    for tech, ind in by_id(report.indicators).items():
        if ind.depth != 2:
            continue
        mine = [r for r in kept if r.technology == tech]
        assert ind.korea_patent_count == sum(r.applicant in korean for r in mine)
        assert ind.late_count == sum(r.filing_date.year >= 2020 for r in mine)
        cpp = sum(r.citations for r in mine) / len(mine)
        assert ind.citations_per_patent == pytest.approx(cpp)
    assert report.patent_count == len(kept)


def test_generated_set_ranks_as_built(generated: tuple[Graph, list[Any]]) -> None:
    graph, _ = generated
    report = analyse_patents(graph, ONTO, "techclass:합성ai", IndicatorParams(2015, 2024))
    subs = [i for i in report.indicators if i.depth == 2]
    assert len(subs) == 6 and report.written == 8

    def best(key: str) -> str:
        return max(subs, key=lambda i: getattr(i, key)).name or ""

    def worst(key: str) -> str:
        return min(subs, key=lambda i: getattr(i, key)).name or ""

    assert best("korea_competitiveness") == "예측"  # built with the most Korean applicants
    assert best("technology_importance") == "진단"  # fastest growth, most citations
    assert best("growth_rate") == "진단" and best("citation_index") == "진단"
    assert worst("technology_importance") == "모니터링"
    assert worst("korea_competitiveness") == "모니터링"
    # standardised across the six peers
    assert sum(i.technology_importance for i in subs) == pytest.approx(0.0, abs=1e-9)  # type: ignore[misc]
    assert all(i.is_focus == (i.is_core and i.korea_strength == "strong") for i in subs)
    by_name = {i.name: i for i in subs}
    assert by_name["진단"].is_focus and not by_name["모니터링"].is_core
    # shares within each parent add up to 100
    for parent in ("techclass:설계", "techclass:설비건전성"):
        shares = [i.application_share for i in subs if i.parent == parent]
        assert sum(shares) == pytest.approx(100.0)  # type: ignore[arg-type]


# --- the seed's published values ---------------------------------------------------------------


def test_published_flags_follow_from_published_values_with_default_thresholds(
    seeded: Graph,
) -> None:
    rows = seeded.read(
        "MATCH (a:PatentAnalysis)-[:ANALYSES]->(t:TechnologyClass) "
        "WHERE a.analysisKind = 'published' "
        "RETURN t.name AS name, a.technologyImportance AS importance, "
        "a.koreaCompetitiveness AS competitiveness, a.isCore AS core, "
        "a.koreaStrength AS strength, a.isFocus AS focus"
    )
    assert len(rows) == 6
    for row in rows:
        core, strength, focus = flags(row["importance"], row["competitiveness"])
        assert (core, strength, focus) == (
            bool(row["core"]), row["strength"], bool(row["focus"])), row  # fmt: skip
