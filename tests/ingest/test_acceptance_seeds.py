"""Acceptance on the two seed releases: the graph, asked in Cypher, holds what a careful
reader takes from them (``expected.json``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from stkg.graph.driver import Graph
from stkg.ingest.files import ingest_paths
from stkg.ingest.normalize import name_key
from stkg.ontology.model import load_ontology

SEED_2022 = "000_f874dc3d0926f1b7.txt"
SEED_2026 = "004_2e30ccd89939a41a.txt"
SECTORS = {"4차산업혁명": "sector:4ir", "중소기업 성장기반": "sector:smeGrowthBase"}


@pytest.fixture(scope="module")
def expected(seeds_dir: Path) -> dict[str, Any]:
    return json.loads((seeds_dir / "expected.json").read_text(encoding="utf-8"))


def test_editions_with_stated_totals(seeded: Graph, expected: dict[str, Any]) -> None:
    for edition in expected[SEED_2022]["editions"]:
        start, end = edition["years"]
        rows = seeded.read(
            "MATCH (e:RoadmapEdition {startYear: $start}) "
            "RETURN e.endYear AS end, e.fieldCount AS fields, e.productCount AS products",
            start=start,
        )
        assert rows == [{"end": end, "fields": edition["fields"], "products": edition["products"]}]
        for sector, counts in edition["sectors"].items():
            stated = seeded.read(
                "MATCH (e:RoadmapEdition {startYear: $start})<-[:QUANTIFIES]-(f:StatedFigure)"
                "-[:IN_SECTOR]->(:Sector {id: $sector}) RETURN f.figureKind AS kind, f.value AS value",
                start=start, sector=SECTORS[sector],
            )  # fmt: skip
            by_kind = {r["kind"]: r["value"] for r in stated}
            assert by_kind == {"fieldCount": counts["fields"], "productCount": counts["products"]}


def test_every_field_row_with_counts_and_sector(seeded: Graph, expected: dict[str, Any]) -> None:
    rows = expected[SEED_2022]["field_table"]
    for row in rows:
        for year in (2021, 2022):
            name = row[f"field_{year}"]
            if name is None:
                continue
            found = seeded.read(
                "MATCH (e:RoadmapEdition {startYear: $year})-[:HAS_FIELD_VERSION]->(v:FieldVersion {name: $name})"
                "-[:IN_SECTOR]->(s:Sector) RETURN v.productCount AS products, s.id AS sector",
                year=year, name=name,
            )  # fmt: skip
            assert found == [
                {"products": row[f"products_{year}"], "sector": SECTORS[row["sector"]]}
            ], (year, name)
    total = seeded.read(
        "MATCH (:RoadmapEdition {startYear: 2022})-[:HAS_FIELD_VERSION]->(v) RETURN count(v) AS n"
    )[0]["n"]
    assert total == sum(1 for r in rows if r["field_2022"])


def test_sector_subtotals_equal_the_sum_of_fields(seeded: Graph) -> None:
    rows = seeded.read(
        "MATCH (e:RoadmapEdition)-[:HAS_FIELD_VERSION]->(v)-[:IN_SECTOR]->(s:Sector) "
        "WITH e, s, sum(v.productCount) AS summed "
        "MATCH (e)<-[:QUANTIFIES]-(f:StatedFigure {figureKind: 'productCount'})-[:IN_SECTOR]->(s) "
        "RETURN e.startYear AS year, s.id AS sector, summed, collect(DISTINCT f.value) AS stated"
    )
    assert len(rows) == 4
    for row in rows:
        assert row["stated"] == [row["summed"]], row


def test_lineage_renames_moves_and_new_fields(seeded: Graph, expected: dict[str, Any]) -> None:
    for row in expected[SEED_2022]["field_table"]:
        old, new = row["field_2021"], row["field_2022"]
        if old and new:
            kinds = seeded.read(
                "MATCH (a:FieldVersion {name: $old})-[s:SUCCEEDED_BY]->(b:FieldVersion {name: $new}) "
                "MATCH (a)-[:VERSION_OF]->(f:StrategicField)<-[:VERSION_OF]-(b) RETURN s.changeKind AS kind",
                old=old, new=new,
            )  # fmt: skip
            want = (
                {"renamedAndRescoped"}
                if row["note"] == "명칭·범위 변경"
                else {"renamed"}
                if row["note"] == "명칭 변경"
                else {"unchanged"}
            )
            assert {k["kind"] for k in kinds} == want, (old, new)
        elif new and row["note"] == "신설":
            preds = seeded.read(
                "MATCH (b:FieldVersion {name: $new}) OPTIONAL MATCH (a)-[:SUCCEEDED_BY]->(b) RETURN count(a) AS n",
                new=new,
            )  # fmt: skip
            assert preds == [{"n": 0}], new
    for move in expected[SEED_2022]["moves"]:
        moved = seeded.read(
            "MATCH (a:FieldVersion {name: $old})-[s:SUCCEEDED_BY]->(b:FieldVersion {name: $new}) "
            "MATCH (a)-[:IN_SECTOR]->(sa), (b)-[:IN_SECTOR]->(sb) "
            "RETURN s.changeKind AS kind, sa.id AS from_sector, sb.id AS to_sector",
            old=move["from"], new=move["to"],
        )  # fmt: skip
        assert moved == [{"kind": "movedAndRenamed", "from_sector": SECTORS[move["from_sector"]],
                          "to_sector": SECTORS[move["to_sector"]]}]  # fmt: skip


def test_drone_history_with_provenance(seeded: Graph) -> None:
    rows = seeded.read(
        "MATCH (f:StrategicField)<-[:VERSION_OF]-(v:FieldVersion)<-[:HAS_FIELD_VERSION]-(e:RoadmapEdition) "
        "WHERE f.name = '드론' "
        "MATCH (x:Evidence)-[:SUPPORTS]->(v) MATCH (x)-[:CITES_DOCUMENT]->(d:SourceDocument) "
        "WITH e, v, d, x WHERE x.quote = v.name "
        "RETURN e.startYear AS year, v.name AS name, v.productCount AS products, "
        "d.origin AS origin, x.spanStart AS start, x.spanEnd AS end, x.tableId AS table "
        "ORDER BY year"
    )
    assert [(r["year"], r["name"], r["products"]) for r in rows] == [
        (2021, "드론", 4),
        (2022, "드론·개인이동수단", 6),
    ]
    for r in rows:
        assert r["origin"].endswith(SEED_2022) and r["table"] == "field_counts"
        text = Path(r["origin"]).read_text(encoding="utf-8")
        assert text[r["start"] : r["end"]] == r["name"]


def test_smart_manufacturing_items(seeded: Graph, expected: dict[str, Any]) -> None:
    items = expected[SEED_2026]["smart_manufacturing_items_2025"]
    rows = seeded.read(
        "MATCH (p:StrategicProduct)-[:BELONGS_TO_FIELD]->(v:FieldVersion)-[:IN_SECTOR]->(s:Sector) "
        "MATCH (e:RoadmapEdition)-[:HAS_FIELD_VERSION]->(v) WHERE e.id STARTS WITH 'edition:스마트제조' "
        "RETURN p.name AS item, p.productType AS type, v.name AS field, s.name AS area, e.id AS edition"
    )
    types = {"①기술혁신형": "technologyInnovation", "②수요기업 활용형": "demandSide"}
    got = sorted((r["area"], r["field"], r["type"], r["item"]) for r in rows)
    want = sorted((i["area"], i["field"], types[i["type"]], i["item"]) for i in items)
    assert got == want
    assert len({r["edition"] for r in rows}) == 1
    assert len({r["area"] for r in rows}) == 4 and len({r["field"] for r in rows}) == 7


def test_published_patent_indicators(seeded: Graph, expected: dict[str, Any]) -> None:
    rows = seeded.read(
        "MATCH (a:PatentAnalysis {analysisKind: 'published'})-[:ANALYSES]->(t:TechnologyClass)"
        "-[:BROADER_TECHNOLOGY]->(c:TechnologyClass) "
        "RETURN c.name AS class, t.name AS sub, a.applicationShare AS share_pct, "
        "a.technologyImportance AS importance, a.koreaCompetitiveness AS kr_competitiveness, "
        "a.isCore AS core, a.koreaStrength AS kr, a.isFocus AS focus"
    )
    strength = {"强": "strong", "弱": "weak"}
    want = [{**r, "kr": strength[r["kr"]]} for r in expected[SEED_2026]["patent_indicators"]]
    assert sorted(rows, key=lambda r: r["sub"]) == sorted(want, key=lambda r: r["sub"])
    focus = seeded.read(
        "MATCH (a:PatentAnalysis {isFocus: true})-[:ANALYSES]->(t) RETURN collect(t.name) AS f"
    )
    assert sorted(focus[0]["f"]) == sorted(["제품설계", "진단", "예측"])


def test_fields_analysed_per_year(seeded: Graph, expected: dict[str, Any]) -> None:
    for year, names in expected[SEED_2026]["fields_analysed"].items():
        rows = seeded.read(
            "MATCH (t:AnalysisTopic {year: $y}) RETURN collect(t.name) AS names", y=int(year)
        )
        assert sorted(rows[0]["names"]) == sorted(names)
        stated = seeded.read(
            "MATCH (f:StatedFigure {figureKind: 'analysedFieldCount', year: $y}) RETURN f.value AS v",
            y=int(year),
        )
        assert stated == [{"v": len(names)}]


def test_organisations_mentioned_resolve_aliases(seeded: Graph) -> None:
    rows = seeded.read(
        "MATCH (x:Evidence)-[:SUPPORTS]->(o:Organization) MATCH (x)-[:CITES_DOCUMENT]->(d) "
        "RETURN o.id AS org, collect(DISTINCT x.quote) AS quotes, collect(DISTINCT d.origin) AS docs"
    )
    by_org = {r["org"]: r for r in rows}
    assert "중기부" in by_org["organization:중소벤처기업부"]["quotes"]
    assert "지재처" in by_org["organization:지식재산처"]["quotes"]
    assert "TIPA" in by_org["organization:중소기업기술정보진흥원"]["quotes"]
    assert "KISTA" in by_org["organization:한국특허전략개발원"]["quotes"]
    assert len(by_org["organization:중소벤처기업부"]["docs"]) == 2


def test_reingest_is_idempotent(seeded: Graph, seeds_dir: Path) -> None:
    def counts() -> dict[str, int]:
        info = seeded.server_info()
        return {"nodes": info.nodes, "relationships": info.relationships}

    before = counts()
    report = ingest_paths([seeds_dir / SEED_2022, seeds_dir / SEED_2026], seeded, load_ontology())
    assert [d.status for d in report.documents] == ["unchanged", "unchanged"]
    assert counts() == before
    forced = ingest_paths([seeds_dir / SEED_2022], seeded, load_ontology(), force=True)
    # rewriting changes nothing but recording the run that did it
    assert forced.documents[0].created_nodes == 1
    assert counts() == {"nodes": before["nodes"] + 1, "relationships": before["relationships"] + 1}


def test_programme_link_and_budgets(seeded: Graph, expected: dict[str, Any]) -> None:
    link = expected[SEED_2022]["programme_link"]
    counts = seeded.read(
        "MATCH (f:StatedFigure {figureKind: 'programmeCount'})-[:QUANTIFIES]->(e:RoadmapEdition) "
        "RETURN e.startYear AS year, f.value AS n ORDER BY year"
    )
    assert counts == [
        {"year": 2021, "n": link["programmes_2021"]},
        {"year": 2022, "n": link["programmes_2022"]},
    ]
    budgets = seeded.read(
        "MATCH (f:Funding)-[:FUNDING_FOR]->(e:RoadmapEdition) "
        "RETURN e.startYear AS year, f.amountKrw AS krw, f.basis AS basis ORDER BY year"
    )
    eok = 100_000_000
    assert [(b["year"], b["krw"]) for b in budgets] == [
        (2021, link["budget_2021_eok"] * eok),
        (2022, link["budget_2022_eok"] * eok),
    ]
    assert budgets[1]["basis"] == link["budget_basis"]
    named = seeded.read(
        "MATCH (:RoadmapEdition {startYear: 2022})-[:LINKED_PROGRAMME]->(p:Programme) "
        "MATCH (:Funding {year: 2022})-[:FUNDS]->(p) RETURN collect(p.name) AS names"
    )[0]["names"]
    assert sorted(named) == sorted(link["named_programmes"])
    period = seeded.read(
        "MATCH (f:StatedFigure {figureKind: 'supportPeriod'}) RETURN f.value AS years, f.qualifier AS q ORDER BY years"
    )
    assert [p["years"] for p in period] == link["startup_commercialisation_support_years"]
    assert period[-1]["q"] == "atMost"


def test_citizen_proposals(seeded: Graph, expected: dict[str, Any]) -> None:
    cp = expected[SEED_2022]["citizen_proposals"]
    figures = seeded.read(
        "MATCH (c:PublicConsultation)-[:CONSULTATION_FOR]->(:RoadmapEdition {startYear: 2022}) "
        "MATCH (f:StatedFigure)-[:QUANTIFIES]->(c) RETURN f.figureKind AS k, f.value AS v"
    )
    assert {r["k"]: r["v"] for r in figures} == {
        "proposalCount": cp["discovered"],
        "selectedProposalCount": cp["selected"],
        "themeCount": len(cp["fields"]),
    }
    themes = seeded.read(
        "MATCH (:PublicConsultation)-[:COVERS_THEME]->(t) RETURN collect(t.name) AS t"
    )[0]["t"]
    assert sorted(themes) == sorted(cp["fields"])
    proposed = seeded.read(
        "MATCH (p:StrategicProduct {citizenProposed: true})-[:PROPOSED_THROUGH]->() RETURN collect(p.name) AS p"
    )[0]["p"]
    assert sorted(proposed) == sorted(cp["examples"])


def test_smart_manufacturing_editions_institutions_and_partnership(
    seeded: Graph, expected: dict[str, Any]
) -> None:
    seed = expected[SEED_2026]
    new = seeded.read(
        "MATCH (e:RoadmapEdition {startYear: $start, endYear: $end})-[:EDITION_OF]->(r:Roadmap) "
        "OPTIONAL MATCH (f:StatedFigure)-[:QUANTIFIES]->(e) "
        "RETURN r.id AS roadmap, e.plannedPublication AS publish, collect([f.figureKind, f.value, f.qualifier]) AS figures",
        start=seed["new_edition"]["years"][0], end=seed["new_edition"]["years"][1],
    )  # fmt: skip
    assert len(new) == 1 and new[0]["publish"] == seed["new_edition"]["publish"]
    figures = {k: (v, q) for k, v, q in new[0]["figures"]}
    levels = seed["new_edition"]["classification"]
    assert figures["targetProductCount"] == (100, "atLeast")
    assert (
        figures["majorCategoryCount"][0],
        figures["middleCategoryCount"][0],
        figures["minorCategoryCount"][0],
    ) == (levels["대분류"], levels["중분류"], levels["소분류"])
    previous = seeded.read(
        "MATCH (e:RoadmapEdition {id: 'edition:스마트제조전략기술로드맵@2025'}) RETURN e.fieldCount AS f, e.productCount AS p"
    )
    assert previous == [
        {"f": seed["previous_edition"]["strategic_fields"], "p": seed["previous_edition"]["items"]}
    ]
    roles = seeded.read(
        "MATCH (e:RoadmapEdition)-[r:PREPARED_BY]->(o:Organization) RETURN o.aliases AS aliases, o.name AS name, r.role AS role"
    )
    for short, info in seed["institutions"].items():
        match = [r for r in roles if r["name"] == info["name"]]
        assert match and short in match[0]["aliases"] and match[0]["role"] == info["role"]
    partners = seeded.read(
        "MATCH (a:Organization)-[:PARTNER_OF]-(b:Organization) RETURN collect(DISTINCT [a.name, b.name]) AS pairs"
    )[0]["pairs"]
    assert ["지식재산처", "중소벤처기업부"] in partners


def test_manufacturing_ai_analysis_counts_and_tasks(
    seeded: Graph, expected: dict[str, Any]
) -> None:
    seed = expected[SEED_2026]
    classification = seed["manufacturing_ai_classification"]
    stated = seeded.read(
        "MATCH (f:StatedFigure)-[:QUANTIFIES]->(t:TechnologyClass) RETURN t.name AS tech, f.figureKind AS k, f.value AS v"
    )
    by_kind = {(r["tech"], r["k"]): r["v"] for r in stated}
    assert (
        by_kind[("제조 AI", "technologyClassCount")] == classification["stated_counts"]["classes"]
    )
    assert (
        by_kind[("제조 AI", "subTechnologyCount")]
        == classification["stated_counts"]["sub_technologies"]
    )
    assert (
        by_kind[("설비건전성", "validPatentCount")]
        == classification["equipment_health_valid_patents"]
    )
    classes = seeded.read(
        "MATCH (c:TechnologyClass {level: 2})-[:BROADER_TECHNOLOGY]->(:TechnologyClass {name: '제조 AI'}) "
        "RETURN c.name AS name, c.definition AS definition"
    )
    got = {name_key(r["name"]): r["definition"] for r in classes}
    assert got == {name_key(k): v for k, v in classification["classes"].items()}
    tasks = seeded.read(
        "MATCH (t:PromisingTask)-[:DERIVED_FROM]->(:TechnologyClass {name: '진단'}) RETURN collect(t.name) AS t"
    )[0]["t"]
    assert sorted(tasks) == sorted(seed["promising_tasks"]["tasks"])
    path = seeded.read(
        "MATCH p = shortestPath((k:Organization {name: '한국특허전략개발원'})-[*..6]-(t:PromisingTask)) RETURN length(p) AS hops LIMIT 1"
    )
    assert path and path[0]["hops"] <= 4
    offices = seeded.read(
        "MATCH (a:PatentAnalysis {analysisKind: 'published'}) RETURN DISTINCT a.offices AS o"
    )
    assert offices == [{"o": ["CN", "EP", "JP", "KR", "US"]}]
