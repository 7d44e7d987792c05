"""Field tables that arrive as grids (html, docx) become the same lineage as text tables."""

from __future__ import annotations

from pathlib import Path

import docx

from stkg.graph.driver import Graph
from stkg.ingest.files import ingest_paths
from stkg.ontology.model import load_ontology

REPO = Path(__file__).resolve().parents[2]
HEADER = ["부문", "2030~2032 분야", "제품 수", "2031~2033 분야", "제품 수", "비고"]
ROWS = [
    ["미래산업", "양자센서", "3", "양자센서·계측", "5", "명칭·범위 변경"],
    ["", "수소저장", "4", "수소저장", "4", ""],
    ["", "-", "-", "우주부품", "2", "신설"],
    ["합계", "2개 분야", "7", "3개 분야", "11", ""],
]


def _history(graph: Graph, field: str) -> list[tuple[int, str, int, str | None]]:
    rows = graph.read(
        "MATCH (f:StrategicField {name: $f})<-[:VERSION_OF]-(v:FieldVersion)<-[:HAS_FIELD_VERSION]-(e:RoadmapEdition) "
        "OPTIONAL MATCH (:FieldVersion)-[s:SUCCEEDED_BY]->(v) "
        "RETURN e.startYear AS year, v.name AS name, v.productCount AS n, s.changeKind AS kind ORDER BY year",
        f=field,
    )
    return [(r["year"], r["name"], r["n"], r["kind"]) for r in rows]


def test_html_sample_table_gives_field_lineage(graph: Graph) -> None:
    report = ingest_paths(
        [REPO / "samples" / "03_roadmap_field_products.html"], graph, load_ontology()
    )
    assert report.documents[0].status == "written"
    assert _history(graph, "드론") == [
        (2021, "드론", 4, None),
        (2022, "드론·개인이동수단", 6, "renamedAndRescoped"),
    ]
    cells = graph.read(
        "MATCH (v:FieldVersion {name: '드론·개인이동수단'})<-[:SUPPORTS]-(x:Evidence) RETURN x.quote AS q, x.tableRow AS row"
    )
    assert {"드론·개인이동수단", "6"} <= {c["q"] for c in cells}


def test_docx_grid_with_made_up_editions(graph: Graph, tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("가상의 로드맵 두 판을 비교한 표.")
    table = document.add_table(rows=len(ROWS) + 1, cols=len(HEADER))
    for r, row in enumerate([HEADER, *ROWS]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    path = tmp_path / "grid.docx"
    document.save(str(path))
    report = ingest_paths([path], graph, load_ontology())
    assert report.documents[0].status == "written", report.documents[0].error
    assert _history(graph, "양자센서") == [
        (2030, "양자센서", 3, None),
        (2031, "양자센서·계측", 5, "renamedAndRescoped"),
    ]
    assert _history(graph, "수소저장") == [
        (2030, "수소저장", 4, None),
        (2031, "수소저장", 4, "unchanged"),
    ]
    assert _history(graph, "우주부품") == [(2031, "우주부품", 2, None)]


def test_a_grid_header_period_gives_each_edition_its_last_year(tmp_path: Path) -> None:
    from stkg.ingest.build import build_document
    from stkg.ingest.readers import read_document

    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in ROWS)
    head = "".join(f"<th>{h}</th>" for h in HEADER)
    path = tmp_path / "fields.html"
    path.write_text(
        f"<html><body><p>해양기술 로드맵</p><table><tr>{head}</tr>{rows}</table></body></html>",
        encoding="utf-8",
    )
    facts = build_document(read_document(path), load_ontology()).facts
    periods = {
        (n.props.get("startYear"), n.props.get("endYear"))
        for n in facts.nodes.values()
        if n.cls == "RoadmapEdition"
    }
    assert {(2030, 2032), (2031, 2033)} <= periods
