"""Product → core-technology tables: read from every grid format in several wordings,
written as edition → field version ← product → core technology with cell evidence."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest
from test_readers_office import cell as hwpx_cell
from test_readers_office import make_hwpx
from test_readers_office import para as hwpx_para

from stkg.graph.driver import Graph
from stkg.graph.fingerprint import fingerprint
from stkg.graph.rdf import export_graph
from stkg.ingest.extract.tables.core_technologies import (
    CoreTechnologyTableError,
    read_core_technology_tables,
    split_technologies,
)
from stkg.ingest.extract.tables.model import Cell, CellRef
from stkg.ingest.files import ingest_paths
from stkg.ingest.readers import read_document
from stkg.ontology.model import ONTOLOGY_DIR, load_ontology
from stkg.ontology.shacl import validate_instances
from stkg.queries.catalog import load_catalog

REPO = Path(__file__).resolve().parents[2]

# --- documents in several formats and wordings --------------------------------------------


def html_table(path: Path) -> Path:
    """Korean headers with spaces, a two-row header (연차별 목표 over three years), a field
    cell and a product cell spanning rows, two technologies in one cell."""
    path.write_text(
        """<html><body><h2>2030~2032 중소기업 기술로드맵 — 핵심기술 (가상의 예)</h2>
<table>
<tr><th rowspan="2">전략 분야</th><th rowspan="2">전략 제품</th><th rowspan="2">핵심 기술</th>
<th rowspan="2">개발 목표</th><th colspan="3">연차별 목표</th></tr>
<tr><th>2030</th><th>2031</th><th>2032</th></tr>
<tr><td rowspan="4">양자센서</td><td rowspan="2">양자 자력계</td><td>광펌핑 셀 제작</td>
<td>감도 1 fT</td><td>10 fT</td><td>5 fT</td><td>1 fT</td></tr>
<tr><td>자기 차폐 설계</td><td>잔류자장 1 nT</td><td>10 nT</td><td>5 nT</td><td>1 nT</td></tr>
<tr><td>양자 중력계</td><td>① 원자 간섭계 ② 진동 보상 알고리즘</td><td>-</td><td></td><td></td><td></td></tr>
<tr><td>양자 시계</td><td>이온 포획<br>레이저 안정화</td><td>오차 1e-18</td><td></td><td></td><td></td></tr>
</table></body></html>""",
        encoding="utf-8",
    )
    return path


def xlsx_table(path: Path) -> Path:
    """A title row naming the edition, 품목 / 요소기술 / 최종목표 / 1차년도 / 2차년도, a merged
    product cell (read as empty continuation cells), a repeated header row."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "요소기술"
    sheet.append(["2031~2033 중소기업 기술로드맵 요소기술 목록 (가상의 예)"])
    sheet.append([])
    header = ["분야", "품목", "요소기술", "최종목표", "1차년도", "2차년도"]
    sheet.append(header)
    sheet.append(
        ["수소저장", "액체수소 저장탱크", "극저온 단열재", "증발률 0.1%/일", "0.5%", "0.3%"]
    )
    sheet.append([None, None, "탱크 구조 해석", "안전율 4", "3", "4"])
    sheet.merge_cells("B4:B5")
    sheet.append(header)  # the table continues on the next page with its header repeated
    sheet.append([None, "수소 충전 노즐", "실링 소재", "누설 0", None, None])
    sheet.append(["우주부품", "위성 전원 모듈", "내방사선 반도체", "100 krad", None, None])
    sheet.append([None, "〃", "열 제어 패널\n방열 코팅", None, None, None])
    book.save(path)
    return path


def docx_table(path: Path) -> Path:
    """English headers, the field named in the heading (``분야: …``), the edition of the
    smart-manufacturing roadmap by its year, a vertically merged product cell."""
    document = docx.Document()
    document.add_heading("2029 스마트제조 전략기술로드맵 (분야: 협동로봇)", level=2)
    rows = [
        ("Strategic product", "Core technologies", "Development goal"),
        ("힘 제어 협동로봇", "• 관절 토크 센싱 • 충돌 감지", "충돌 감지 10 ms"),
        ("", "경로 학습", "교시 시간 50% 단축"),
    ]
    table = document.add_table(rows=len(rows), cols=3)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(2, 1).add_paragraph("비전 기반 파지")  # a second technology, its own paragraph
    table.cell(1, 0).merge(table.cell(2, 0))
    table.cell(1, 0).text = "힘 제어 협동로봇"
    document.save(str(path))
    return path


def two_paragraphs(cell_xml: str, second: str) -> str:
    """An HWPX cell whose sub-list holds a second paragraph."""
    return cell_xml.replace("</hp:subList>", hwpx_para(second) + "</hp:subList>", 1)


def hwpx_table(path: Path) -> Path:
    """핵심요소기술 / 전략품목 headers in HWPX, the product cell spanning two rows."""
    tbl = (
        '<hp:tbl id="1" rowCnt="3" colCnt="3" cellSpacing="0" borderFillIDRef="1">'
        '<hp:sz width="30000" height="3000"/>'
        f"<hp:tr>{hwpx_cell('전략분야', 0, 0)}{hwpx_cell('전략품목', 0, 1)}"
        f"{hwpx_cell('핵심요소기술', 0, 2)}</hp:tr>"
        f"<hp:tr>{hwpx_cell('스마트팜', 1, 0, row_span=2)}{hwpx_cell('생육 진단 로봇', 1, 1, row_span=2)}"
        f"{hwpx_cell('작물 영상 분할', 1, 2)}</hp:tr>"
        f"<hp:tr>{two_paragraphs(hwpx_cell('병해 진단 모델', 2, 2), '수확 시기 예측')}</hp:tr>"
        "</hp:tbl>"
    )
    body = hwpx_para("2032~2034 중소기업 기술로드맵 스마트팜 분야") + hwpx_para("", inner=tbl)
    return make_hwpx(path, [body])


def rows_of(path: Path) -> list[tuple[str, str, str, str | None, tuple[str, ...]]]:
    document = read_document(path)
    tables = read_core_technology_tables(document, path.name)
    out = []
    for table in tables:
        for row in table.rows:
            # every value is the text at its span
            for value in (row.field, row.product, row.technology):
                assert document.text[value.start : value.end] == value.value
            out.append(
                (
                    row.field.value,
                    row.product.value,
                    row.technology.value,
                    row.goal.value if row.goal else None,
                    tuple(f"{y.period}: {y.goal.value}" for y in row.yearly),
                )
            )
    return out


# --- extraction ---------------------------------------------------------------------------


def test_html_merged_cells_two_row_header_and_items(tmp_path: Path) -> None:
    path = html_table(tmp_path / "a.html")
    assert rows_of(path) == [
        ("양자센서", "양자 자력계", "광펌핑 셀 제작", "감도 1 fT", ("2030: 10 fT", "2031: 5 fT", "2032: 1 fT")),
        ("양자센서", "양자 자력계", "자기 차폐 설계", "잔류자장 1 nT", ("2030: 10 nT", "2031: 5 nT", "2032: 1 nT")),
        ("양자센서", "양자 중력계", "원자 간섭계", None, ()),
        ("양자센서", "양자 중력계", "진동 보상 알고리즘", None, ()),
        ("양자센서", "양자 시계", "이온 포획", "오차 1e-18", ()),
        ("양자센서", "양자 시계", "레이저 안정화", "오차 1e-18", ()),
    ]  # fmt: skip
    (table,) = read_core_technology_tables(read_document(path), path.name)
    assert (table.roadmap, table.start_year, table.end_year) == ("sme", 2030, 2032)
    assert table.edition.value == "2030~2032"


def test_xlsx_continued_cells_repeated_header_and_periods(tmp_path: Path) -> None:
    path = xlsx_table(tmp_path / "a.xlsx")
    assert rows_of(path) == [
        ("수소저장", "액체수소 저장탱크", "극저온 단열재", "증발률 0.1%/일", ("1차년도: 0.5%", "2차년도: 0.3%")),
        ("수소저장", "액체수소 저장탱크", "탱크 구조 해석", "안전율 4", ("1차년도: 3", "2차년도: 4")),
        ("수소저장", "수소 충전 노즐", "실링 소재", "누설 0", ()),
        ("우주부품", "위성 전원 모듈", "내방사선 반도체", "100 krad", ()),
        ("우주부품", "위성 전원 모듈", "열 제어 패널", None, ()),
        ("우주부품", "위성 전원 모듈", "방열 코팅", None, ()),
    ]  # fmt: skip
    (table,) = read_core_technology_tables(read_document(path), path.name)
    assert (table.start_year, table.end_year) == (2031, 2033)


def test_xlsx_a_new_field_does_not_inherit_the_product_above(tmp_path: Path) -> None:
    path = xlsx_table(tmp_path / "a.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet is not None
    sheet["B8"] = None  # 우주부품 with an empty product: not the hydrogen nozzle above
    sheet["B9"] = None
    book.save(path)
    document = read_document(path)
    (table,) = read_core_technology_tables(document, path.name)
    assert [r.technology.value for r in table.rows if r.field.value == "우주부품"] == []
    assert any("내방사선 반도체" in w and "no product" in w for w in table.warnings)
    assert any("열 제어 패널" in w and "no product" in w for w in table.warnings)


def test_docx_english_headers_field_from_heading_smart_manufacturing_edition(
    tmp_path: Path,
) -> None:
    path = docx_table(tmp_path / "a.docx")
    assert rows_of(path) == [
        ("협동로봇", "힘 제어 협동로봇", "관절 토크 센싱", "충돌 감지 10 ms", ()),
        ("협동로봇", "힘 제어 협동로봇", "충돌 감지", "충돌 감지 10 ms", ()),
        ("협동로봇", "힘 제어 협동로봇", "경로 학습", "교시 시간 50% 단축", ()),
        ("협동로봇", "힘 제어 협동로봇", "비전 기반 파지", "교시 시간 50% 단축", ()),
    ]
    (table,) = read_core_technology_tables(read_document(path), path.name)
    assert (table.roadmap, table.start_year, table.end_year) == ("smart-manufacturing", 2029, None)


def test_hwpx_row_spanning_product(tmp_path: Path) -> None:
    path = hwpx_table(tmp_path / "a.hwpx")
    assert rows_of(path) == [
        ("스마트팜", "생육 진단 로봇", "작물 영상 분할", None, ()),
        ("스마트팜", "생육 진단 로봇", "병해 진단 모델", None, ()),
        ("스마트팜", "생육 진단 로봇", "수확 시기 예측", None, ()),
    ]


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("설비 이상 진단", ["설비 이상 진단"]),
        ("설비 이상 진단, 잔존수명 예측", ["설비 이상 진단", "잔존수명 예측"]),
        ("• 센서 융합 • AI·빅데이터 분석", ["센서 융합", "AI·빅데이터 분석"]),
        ("1) 열 관리 2) 셀 밸런싱", ["열 관리", "셀 밸런싱"]),
        ("- 경량화 - 고강도 접합", ["경량화", "고강도 접합"]),
        ("③ 스마트제조 3.0 플랫폼", ["스마트제조 3.0 플랫폼"]),
    ],
)
def test_technologies_listed_in_one_cell(text: str, items: list[str]) -> None:
    cell = Cell(text, 100, 100 + len(text), CellRef("table-1", 0, 2))
    found = split_technologies(cell)
    assert [c.value for c in found] == items
    for c in found:
        assert text[c.start - 100 : c.end - 100] == c.value


def test_lines_of_a_cell_are_technologies_of_their_own() -> None:
    text = "설비 이상 진단 잔존수명 예측, 고장 원인 분석"
    cell = Cell(text, 10, 10 + len(text), CellRef("table-1", 0, 2))
    found = split_technologies(cell, breaks=(9,))
    assert [c.value for c in found] == ["설비 이상 진단", "잔존수명 예측", "고장 원인 분석"]
    assert [text[c.start - 10 : c.end - 10] for c in found] == [c.value for c in found]
    assert [c.value for c in split_technologies(cell)] == [
        "설비 이상 진단 잔존수명 예측",
        "고장 원인 분석",
    ]


def test_other_tables_are_not_core_technology_tables() -> None:
    for name in (
        "03_roadmap_field_products.html",
        "04_rnd_programme_linkage.docx",
        "05_smart_manufacturing_2025.hwpx",
        "08_manufacturing_ai_patents_en.xlsx",
    ):
        document = read_document(REPO / "samples" / name)
        assert document.tables
        assert read_core_technology_tables(document, name) == [], name


def test_a_technology_column_alone_does_not_make_a_core_technology_table(tmp_path: Path) -> None:
    path = tmp_path / "programmes.html"
    path.write_text(
        "<h2>2030~2032 지원사업</h2><table><tr><th>지원사업</th><th>핵심기술</th><th>예산</th></tr>"
        "<tr><td>기술혁신</td><td>인공지능</td><td>10억원</td></tr></table>",
        encoding="utf-8",
    )
    assert read_core_technology_tables(read_document(path), path.name) == []


# --- errors -------------------------------------------------------------------------------


def _bad_html(path: Path, head: str, heading: str = "2030~2032 중소기업 기술로드맵") -> Path:
    path.write_text(
        f"<html><body><h2>{heading}</h2><table><tr>{head}</tr>"
        "<tr><td>양자센서</td><td>양자 자력계</td><td>자기 차폐 설계</td></tr></table></body></html>",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("head", "heading", "message"),
    [
        ("<th>분야</th><th>비고</th><th>핵심기술</th>", None, "전략제품 (strategic product)"),
        ("<th>분야</th><th>전략제품</th><th>개발목표</th>", None, "핵심기술 (core technology)"),
        ("<th>부문</th><th>전략제품</th><th>핵심기술</th>", None, "전략분야 (strategic field)"),
        ("<th>분야</th><th>전략제품</th><th>핵심기술</th>", "핵심기술 목록", "roadmap edition"),
    ],
)
def test_a_missing_column_is_a_clear_error(
    tmp_path: Path, head: str, heading: str | None, message: str
) -> None:
    path = (
        _bad_html(tmp_path / "bad.html", head)
        if heading is None
        else _bad_html(tmp_path / "bad.html", head, heading)
    )
    with pytest.raises(CoreTechnologyTableError) as caught:
        read_core_technology_tables(read_document(path), path.name)
    text = str(caught.value)
    assert "bad.html" in text and "table-1" in text and message in text


# --- in the graph -------------------------------------------------------------------------


def run_query(graph: Graph, name: str, params: dict[str, object]) -> list[dict[str, object]]:
    query = load_catalog()[name]
    return graph.read(query.cypher, **query.bind(params))


CHAIN = (
    "MATCH (e:RoadmapEdition)-[:HAS_FIELD_VERSION]->(v:FieldVersion)-[:VERSION_OF]->(f:StrategicField), "
    "(p:StrategicProduct)-[:BELONGS_TO_FIELD]->(v), (p)-[h:HAS_CORE_TECHNOLOGY]->(t:CoreTechnology) "
    "RETURN e.startYear AS year, e.endYear AS last, f.name AS field, p.name AS product, "
    "t.name AS tech, h.developmentGoal AS goal, h.yearlyGoals AS yearly ORDER BY product, tech"
)


def test_ingest_writes_the_chain_with_evidence(graph: Graph, tmp_path: Path) -> None:
    path = html_table(tmp_path / "core.html")
    report = ingest_paths([path], graph, load_ontology())
    assert report.documents[0].status == "written", report.documents[0].error
    rows = [tuple(r.values()) for r in graph.read(CHAIN)]
    assert rows == [
        (2030, 2032, "양자센서", "양자 시계", "레이저 안정화", "오차 1e-18", None),
        (2030, 2032, "양자센서", "양자 시계", "이온 포획", "오차 1e-18", None),
        (2030, 2032, "양자센서", "양자 자력계", "광펌핑 셀 제작", "감도 1 fT", ["2030: 10 fT", "2031: 5 fT", "2032: 1 fT"]),
        (2030, 2032, "양자센서", "양자 자력계", "자기 차폐 설계", "잔류자장 1 nT", ["2030: 10 nT", "2031: 5 nT", "2032: 1 nT"]),
        (2030, 2032, "양자센서", "양자 중력계", "원자 간섭계", None, None),
        (2030, 2032, "양자센서", "양자 중력계", "진동 보상 알고리즘", None, None),
    ]  # fmt: skip
    # the core technology and its link cite the table cell they were read from
    cited = graph.read(
        "MATCH (t:CoreTechnology {name: '자기 차폐 설계'})<-[:SUPPORTS]-(x:Evidence)"
        "-[:CITES_DOCUMENT]->(d:SourceDocument) "
        "RETURN x.quote AS quote, x.tableId AS tbl, x.tableRow AS row, x.tableColumn AS col"
    )
    assert [(c["quote"], c["tbl"], c["row"], c["col"]) for c in cited] == [
        ("자기 차폐 설계", "table-1", 1, 2)
    ]
    link = graph.read(
        "MATCH (:StrategicProduct {name: '양자 자력계'})-[h:HAS_CORE_TECHNOLOGY]->"
        "(:CoreTechnology {name: '자기 차폐 설계'}) RETURN h.evidence AS ev"
    )[0]["ev"]
    quotes = graph.read(
        "MATCH (x:Evidence) WHERE x.id IN $ids RETURN collect(x.quote) AS q", ids=link
    )[0]["q"]
    assert {"자기 차폐 설계", "양자 자력계", "잔류자장 1 nT", "5 nT"} <= set(quotes)


def test_a_pdf_table_lands_in_the_graph_with_page_and_cell_evidence(graph: Graph) -> None:
    """The PDF sample's ruled table: product → core technology under the 2022 edition's
    field, each core technology citing its page, table, row and column."""
    path = REPO / "samples" / "12_core_technologies.pdf"
    report = ingest_paths([path], graph, load_ontology())
    assert report.documents[0].status == "written", report.documents[0].error
    rows = [tuple(r.values()) for r in graph.read(CHAIN)]
    assert [row[:5] for row in rows] == [
        (2022, 2024, "인공지능", "AI 외관 검사 시스템", "검사 모델 경량화"),
        (2022, 2024, "인공지능", "AI 외관 검사 시스템", "결함 영상 분할"),
        (2022, 2024, "인공지능", "AI 외관 검사 시스템", "소량 데이터 학습"),
        (2022, 2024, "인공지능", "상담 에이전트", "한국어 의도 분류"),
    ]
    assert rows[1][5:] == (
        "검출률 99% 이상, 오탐률 1% 이하",
        ["2022: 95%", "2023: 97%", "2024: 99%"],
    )
    edition = graph.read(
        "MATCH (e:RoadmapEdition)-[:HAS_FIELD_VERSION]->(:FieldVersion)"
        "<-[:BELONGS_TO_FIELD]-(:StrategicProduct {name: '상담 에이전트'}) RETURN e.id AS id"
    )
    assert [e["id"] for e in edition] == ["edition:중소기업기술로드맵@2022"]
    cited = graph.read(
        "MATCH (t:CoreTechnology)<-[:SUPPORTS]-(x:Evidence)-[:CITES_DOCUMENT]->(d:SourceDocument) "
        "RETURN t.name AS tech, x.quote AS quote, x.page AS page, x.tableId AS tbl, "
        "x.tableRow AS row, x.tableColumn AS col ORDER BY row, quote"
    )
    assert [tuple(c.values()) for c in cited] == [
        ("결함 영상 분할", "결함 영상 분할", 2, "table-1", 0, 2),
        ("소량 데이터 학습", "소량 데이터 학습", 2, "table-1", 0, 2),
        ("검사 모델 경량화", "검사 모델 경량화", 2, "table-1", 1, 2),
        ("한국어 의도 분류", "한국어 의도 분류", 2, "table-1", 2, 2),
    ]
    # the named provenance query says where too; the text before the table is on page 1
    provenance = run_query(graph, "provenance", {"id": "coretech:한국어의도분류"})
    assert [(r["page"], r["tableId"], r["quote"]) for r in provenance] == [
        (2, "table-1", "한국어 의도 분류")
    ]


def test_reingest_changes_nothing(graph: Graph, tmp_path: Path) -> None:
    onto = load_ontology()
    paths = [html_table(tmp_path / "core.html"), xlsx_table(tmp_path / "core.xlsx")]
    first = ingest_paths(paths, graph, onto)
    assert [d.status for d in first.documents] == ["written", "written"], first.failed
    before = fingerprint(graph, exclude_labels=["IngestRun"])
    forced = ingest_paths(paths, graph, onto, force=True)
    assert [d.status for d in forced.documents] == ["written", "written"]
    assert fingerprint(graph, exclude_labels=["IngestRun"]) == before


def test_a_bad_table_is_refused_and_the_graph_is_unchanged(graph: Graph, tmp_path: Path) -> None:
    onto = load_ontology()
    ingest_paths([html_table(tmp_path / "good.html")], graph, onto)
    before = fingerprint(graph)
    bad = _bad_html(tmp_path / "bad.html", "<th>분야</th><th>비고</th><th>요소기술</th>")
    report = ingest_paths([bad], graph, onto)
    (result,) = report.documents
    assert result.status == "failed"
    assert "bad.html" in (result.error or "") and "전략제품" in (result.error or "")
    assert fingerprint(graph) == before


def test_the_chain_conforms_to_the_shapes(graph: Graph, tmp_path: Path) -> None:
    """Products have their field version, goals are strings, yearly goals `period: goal`."""
    onto = load_ontology()
    paths = [html_table(tmp_path / "core.html"), xlsx_table(tmp_path / "core.xlsx")]
    assert not ingest_paths(paths, graph, onto).failed
    exported = export_graph(graph, onto)
    report = validate_instances(exported, [ONTOLOGY_DIR / "stkg.ttl", ONTOLOGY_DIR / "shapes.ttl"])
    assert report.conforms, "\n".join(map(str, report.violations[:20]))
    goals = {str(o) for _, p, o in exported if str(p).endswith("#yearlyGoals")}
    assert "2031: 5 fT" in goals and "1차년도: 0.5%" in goals
