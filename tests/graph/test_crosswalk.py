"""How crosswalk proposals are computed: names, shared products and core technologies,
sector; splits, merges, drops and new fields; what stated and reviewed mappings cover."""

from __future__ import annotations

from pathlib import Path

import pytest

from stkg.graph.crosswalk import (
    Version,
    mapping_id,
    name_similarity,
    normalise,
    propose,
    propose_pair,
    refresh,
)
from stkg.graph.driver import Graph


def v(
    vid: str, name: str, sector: str | None = "sector:4ir", items: tuple[str, ...] = ()
) -> Version:
    return Version(vid, name, vid.rsplit("@", 1)[-1], sector, frozenset(items))


def by_pair(proposals: list) -> dict:
    return {(p.source, p.target): (p.relation, p.change) for p in proposals}


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("빅데이터", "빅 데이터", True), ("드론·개인이동수단", "드론 개인이동수단", True),
     ("IoT", "iot", True), ("스마트제조", "스마트물류", False)],
)  # fmt: skip
def test_names_are_compared_without_spaces_dots_or_case(a: str, b: str, same: bool) -> None:
    assert (normalise(a) == normalise(b)) is same


def test_name_similarity_counts_parts_of_compound_names() -> None:
    assert name_similarity("드론", "드론·개인이동수단") >= 0.75
    assert name_similarity("가상현실", "가상·증강현실") >= 0.75
    assert name_similarity("에너지", "신재생에너지") >= 0.75
    assert name_similarity("조선", "미래형선박") == 0.0
    assert 0.4 < name_similarity("스마트제조", "스마트물류") < 0.75


def test_one_to_one_changes_get_their_relation_and_kind() -> None:
    before = [v("a@1", "인공지능"), v("b@1", "조선", "sector:smeGrowthBase"), v("c@1", "바이오"),
              v("d@1", "섬유")]  # fmt: skip
    after = [v("a@2", "인공 지능"), v("b@2", "조선"), v("c@2", "바이오헬스"), v("e@2", "로봇")]
    got = by_pair(propose_pair(before, after))
    assert got == {
        ("a@1", "a@2"): ("exactMatch", "unchanged"),
        ("b@1", "b@2"): ("exactMatch", "moved"),
        ("c@1", "c@2"): ("broadMatch", "renamedAndRescoped"),
        ("d@1", None): (None, "dropped"),
        (None, "e@2"): (None, "new"),
    }


def test_splits_and_merges() -> None:
    before = [v("e@1", "에너지"), v("v@1", "가상현실"), v("r@1", "증강현실")]
    after = [v("n@2", "신재생에너지"), v("s@2", "에너지저장"), v("x@2", "가상·증강현실")]
    got = by_pair(propose_pair(before, after))
    assert got == {
        ("e@1", "n@2"): ("narrowMatch", "split"),
        ("e@1", "s@2"): ("narrowMatch", "split"),
        ("v@1", "x@2"): ("broadMatch", "merged"),
        ("r@1", "x@2"): ("broadMatch", "merged"),
    }


def test_a_weak_name_overlap_does_not_split_a_field_that_continues() -> None:
    got = by_pair(
        propose_pair([v("h@1", "스마트홈")], [v("h@2", "스마트홈"), v("l@2", "스마트물류")])
    )
    assert got == {("h@1", "h@2"): ("exactMatch", "unchanged"), (None, "l@2"): (None, "new")}


def test_shared_products_find_a_renamed_field() -> None:
    before = [v("i@1", "사물인터넷", items=("product:a", "product:b", "coretech:c"))]
    after = [v("t@2", "IoT", items=("product:a", "product:b", "coretech:c", "product:d"))]
    [p] = propose_pair(before, after)
    assert (p.source, p.target, p.relation, p.change) == ("i@1", "t@2", "closeMatch", "renamed")
    assert p.shared_items == 3 and p.name_similarity == 0.0
    assert p.confidence >= 0.75
    # without the shared items the names alone say nothing: dropped and new
    alone = by_pair(propose_pair([v("i@1", "사물인터넷")], [v("t@2", "IoT")]))
    assert alone == {("i@1", None): (None, "dropped"), (None, "t@2"): (None, "new")}


def test_covered_versions_and_rejected_pairs_are_not_proposed() -> None:
    before = [v("a@1", "드론"), v("b@1", "빅데이터")]
    after = [v("a@2", "드론"), v("b@2", "빅데이터")]
    got = by_pair(propose_pair(before, after, covered={"a@1", "a@2"}, rejected={("b@1", "b@2")}))
    assert got == {("b@1", None): (None, "dropped"), (None, "b@2"): (None, "new")}


def test_mapping_ids_name_both_ends() -> None:
    assert (
        mapping_id("fieldversion:a@r@2021", "fieldversion:b@r@2022") == "mapping:a@r@2021~b@r@2022"
    )
    assert mapping_id("fieldversion:a@r@2021", None) == "mapping:a@r@2021~dropped"
    assert mapping_id(None, "fieldversion:b@r@2022") == "mapping:new~b@r@2022"


SHARED = """
CREATE (r:Entity:Roadmap {id: 'roadmap:x', name: 'x'})
CREATE (e1:Entity:RoadmapEdition {id: 'edition:x@2030', startYear: 2030})-[:EDITION_OF]->(r)
CREATE (e2:Entity:RoadmapEdition {id: 'edition:x@2031', startYear: 2031})-[:EDITION_OF]->(r)
CREATE (e1)-[:HAS_FIELD_VERSION]->(a:Entity:FieldVersion {id: 'fieldversion:사물인터넷@x@2030', name: '사물인터넷'})
CREATE (e2)-[:HAS_FIELD_VERSION]->(b:Entity:FieldVersion {id: 'fieldversion:iot@x@2031', name: 'IoT'})
CREATE (e2)-[:HAS_FIELD_VERSION]->(:Entity:FieldVersion {id: 'fieldversion:로봇@x@2031', name: '로봇'})
CREATE (p:Entity:StrategicProduct {id: 'product:스마트센서'})-[:BELONGS_TO_FIELD]->(a)
CREATE (p)-[:BELONGS_TO_FIELD]->(b)
CREATE (p)-[:HAS_CORE_TECHNOLOGY]->(:Entity:CoreTechnology {id: 'coretech:저전력통신'})
"""


def test_propose_reads_shared_products_from_the_graph_and_runs_once(
    graph: Graph, tmp_path: Path
) -> None:
    graph.write(SHARED)
    first = propose(graph, series="x", path=tmp_path / "none.ttl")
    assert first.pairs == [("edition:x@2030", "edition:x@2031")] and len(first.runs) == 1
    rows = graph.read(
        "MATCH (m:CrosswalkMapping)-[:PROPOSED_IN]->(run:CrosswalkRun) "
        "OPTIONAL MATCH (m)-[:MAPS_FROM]->(a) OPTIONAL MATCH (m)-[:MAPS_TO]->(b) "
        "RETURN a.name AS a, b.name AS b, m.mappingRelation AS rel, m.mappingChange AS ch, "
        "m.sharedItems AS shared, m.mappingBasis AS basis, run.id AS run ORDER BY a, b"
    )
    assert [(r["a"], r["b"], r["rel"], r["ch"], r["shared"], r["basis"]) for r in rows] == [
        ("사물인터넷", "IoT", "closeMatch", "renamed", 2, "proposed"),
        (None, "로봇", None, "new", None, "proposed"),
    ]
    assert {r["run"] for r in rows} == set(first.runs)
    again = propose(graph, series="x", path=tmp_path / "none.ttl")
    assert again.runs == [] and again.unchanged_pairs == 1
    assert graph.read("MATCH (r:CrosswalkRun) RETURN count(r) AS n")[0]["n"] == 1


def test_a_stated_succession_becomes_a_stated_mapping_and_goes_with_it(
    graph: Graph, tmp_path: Path
) -> None:
    graph.write(SHARED)
    graph.write(
        "MATCH (a:FieldVersion {id: 'fieldversion:사물인터넷@x@2030'}), "
        "(b:FieldVersion {id: 'fieldversion:로봇@x@2031'}) "
        "CREATE (x:Entity:Evidence {id: 'evidence:1', quote: '사물인터넷→로봇'}) "
        "CREATE (a)-[:SUCCEEDED_BY {changeKind: 'renamed', changeNote: '명칭 변경', "
        "evidence: ['evidence:1']}]->(b)"
    )
    report = refresh(graph, series="x", path=tmp_path / "none.ttl")
    assert report.stated == 1
    stated = graph.read(
        "MATCH (m:CrosswalkMapping {mappingBasis: 'stated'})-[:MAPS_TO]->(b) "
        "MATCH (x:Evidence)-[:SUPPORTS]->(m) "
        "RETURN b.name AS b, m.mappingChange AS ch, m.mappingRelation AS rel, x.id AS x"
    )
    assert stated == [{"b": "로봇", "ch": "renamed", "rel": "closeMatch", "x": "evidence:1"}]
    # the stated end is covered: IoT is proposed as new, not as 사물인터넷's successor
    proposed = graph.read(
        "MATCH (m:CrosswalkMapping {mappingBasis: 'proposed'}) RETURN m.mappingChange AS ch"
    )
    assert [r["ch"] for r in proposed] == ["new"]
    graph.write("MATCH ()-[s:SUCCEEDED_BY]->() DELETE s")
    report = refresh(graph, series="x", path=tmp_path / "none.ttl")
    assert (report.stated, report.stated_removed) == (0, 1)
    assert not graph.read("MATCH (m:CrosswalkMapping {mappingBasis: 'stated'}) RETURN m")
