"""The sample corpus as `stkg up` loads it: field → product → core technology (from the
core-technology sample) → patents (by the shipped search expressions) → applicants."""

from __future__ import annotations

from stkg.graph.analysis.classification import classify_patents
from stkg.graph.driver import Graph
from stkg.ontology.model import load_ontology
from stkg.ontology.search_expressions import load_for_ontology
from stkg.queries.catalog import load_catalog

#: each sample core technology and the sub-technology the patent lists file its patents under
SUB_TECHNOLOGY = {
    "coretech:공정설계최적화": "techclass:공정설계",
    "coretech:제품형상설계최적화": "techclass:제품설계",
    "coretech:설비상태모니터링": "techclass:모니터링",
    "coretech:설비이상진단": "techclass:진단",
    "coretech:잔존수명예측": "techclass:예측",
}


def test_field_to_applicants_through_core_technologies(sampled: Graph) -> None:
    report = classify_patents(sampled, load_for_ontology(load_ontology()))
    assert not [t.technology for t in report.technologies if t.missing]
    query = load_catalog()["field-core-technologies"]
    rows = sampled.read(query.cypher, **query.bind({"field": "스마트제조", "applicants": 50}))
    assert {(r["edition"], r["product"], r["coreTechnology"]) for r in rows} == {
        ("edition:중소기업기술로드맵@2022", "AI 공정설계 솔루션", "coretech:공정설계최적화"),
        ("edition:중소기업기술로드맵@2022", "AI 제품설계 지원 도구", "coretech:제품형상설계최적화"),
        ("edition:중소기업기술로드맵@2022", "설비 예지보전 시스템", "coretech:설비상태모니터링"),
        ("edition:중소기업기술로드맵@2022", "설비 예지보전 시스템", "coretech:설비이상진단"),
        ("edition:중소기업기술로드맵@2022", "설비 예지보전 시스템", "coretech:잔존수명예측"),
    }
    for row in rows:
        # the search expressions find exactly the patents the lists file under the
        # matching sub-technology, and the query names their applicants
        listed = sampled.read(
            "MATCH (p:Patent)-[:CLASSIFIED_AS]->(:TechnologyClass {id: $sub}) "
            "OPTIONAL MATCH (p)-[:APPLIED_BY]->(o:Organization) "
            "RETURN count(DISTINCT p) AS patents, collect(DISTINCT o.name) AS applicants",
            sub=SUB_TECHNOLOGY[row["coreTechnology"]],
        )[0]
        assert row["patents"] == listed["patents"] > 0, row
        assert row["applicants"] == len(listed["applicants"])
        assert sorted(row["topApplicants"]) == sorted(listed["applicants"])
        assert row["developmentGoal"] and len(row["yearlyGoals"]) == 3
    # each match link names the classification run that wrote it
    runs = sampled.read(
        "MATCH (:Patent)-[m:MATCHES_TECHNOLOGY]->(:CoreTechnology) "
        "RETURN collect(DISTINCT m.classifiedIn) AS runs"
    )[0]["runs"]
    assert runs == [report.run]


def test_the_lineage_walks_down_from_a_product_to_patents_and_applicants(sampled: Graph) -> None:
    """``down`` runs whole → parts: product → core technology → the patents the search
    expressions matched (stated patent → technology) → their applicants."""
    from stkg.graph.lineage import walk

    classify_patents(sampled, load_for_ontology(load_ontology()))
    product = sampled.read(
        "MATCH (p:StrategicProduct)-[:HAS_CORE_TECHNOLOGY]->(:CoreTechnology {id: $t}) "
        "RETURN p.id AS id",
        t="coretech:공정설계최적화",
    )[0]["id"]
    matched = {
        r["id"]
        for r in sampled.read(
            "MATCH (p:Patent)-[:MATCHES_TECHNOLOGY]->(:CoreTechnology {id: $t}) RETURN p.id AS id",
            t="coretech:공정설계최적화",
        )
    }
    graph = walk(sampled, product, direction="down", depth=3)
    degrees = {n["id"]: n["degree"] for n in graph["nodes"]}
    assert degrees["coretech:공정설계최적화"] == 1
    assert matched and all(degrees.get(p) == 2 for p in matched)
    applicants = {e["target"] for e in graph["edges"] if e["type"] == "APPLIED_BY"}
    assert applicants and all(degrees[a] == 3 for a in applicants)
    # and up from a patent: the technology it matches, not its own applicants
    up = walk(sampled, next(iter(matched)), direction="up", depth=1)
    assert "coretech:공정설계최적화" in {n["id"] for n in up["nodes"]}
    assert not any(e["type"] == "APPLIED_BY" for e in up["edges"])
