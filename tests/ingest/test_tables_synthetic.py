"""Table readers on small made-up inputs: ragged rows, wrapped lines, disagreements, errors."""

from __future__ import annotations

import pytest

from stkg.ingest.extract.tables.layout import Piece, split_items, split_lines, split_tabs
from stkg.ingest.extract.tables.model import TableParseError
from stkg.ingest.extract.tables.parse import extract_tables

FIELD_TABLE = """앞 문단
< 가상 분야 현황 >
구분
’23년 ’24년
비고
전략분야 제품(개) 전략분야 제품(개)

가상
부문

알파 소재 3 알파 소재 4

- - 베타 2 신설

감마·델타 5
감마·델타 확장 6 명칭·범위 변경

소계 8 소계 11

나머지
부문
엡실론 2 - - 이관
소계 3 소계 0

※ 가상부문 기준
"""


def _check_spans(text: str, cells: list) -> None:
    for c in cells:
        held = text[c.start : c.end]
        assert held == c.value or "".join(held.split()) == "".join(c.value.split()), c


def test_two_edition_table_with_wrapped_row_and_placeholders() -> None:
    result = extract_tables(FIELD_TABLE, "made-up.txt")
    ft = result.field_counts
    assert ft is not None and ft.years == (2023, 2024)
    assert [r.as_record() for r in ft.rows] == [
        {
            "sector": "가상부문",
            "field_2023": "알파 소재",
            "products_2023": 3,
            "field_2024": "알파 소재",
            "products_2024": 4,
            "note": None,
        },
        {
            "sector": "가상부문",
            "field_2023": None,
            "products_2023": None,
            "field_2024": "베타",
            "products_2024": 2,
            "note": "신설",
        },
        {
            "sector": "가상부문",
            "field_2023": "감마·델타",
            "products_2023": 5,
            "field_2024": "감마·델타 확장",
            "products_2024": 6,
            "note": "명칭·범위 변경",
        },
        {
            "sector": "나머지 부문",
            "field_2023": "엡실론",
            "products_2023": 2,
            "field_2024": None,
            "products_2024": None,
            "note": "이관",
        },
    ]
    _check_spans(FIELD_TABLE, result.cells())


def test_wrapped_label_joins_as_the_document_spells_it_elsewhere() -> None:
    ft = extract_tables(FIELD_TABLE).field_counts
    # "가상부문" occurs tight elsewhere in the text, "나머지 부문" nowhere: keep the space
    assert [s.sector.value for s in ft.subtotals] == ["가상부문", "나머지 부문"]


def test_subtotal_disagreeing_with_rows_is_a_warning() -> None:
    warnings = extract_tables(FIELD_TABLE).warnings
    messages = [w.message for w in warnings]
    assert any("11" in m and "12" in m for m in messages), messages  # 4 + 2 + 6 = 12
    assert any("3" in m and "나머지 부문" in m for m in messages), messages  # stated 3, sum 2
    assert len(warnings) == 2
    w = warnings[0]
    assert FIELD_TABLE[w.start : w.end] == "11"


def test_header_without_years_is_an_error_naming_source_and_line() -> None:
    broken = FIELD_TABLE.replace("’23년 ’24년", "연도 미상")
    with pytest.raises(TableParseError) as info:
        extract_tables(broken, "made-up.txt")
    assert info.value.source == "made-up.txt"
    assert info.value.line == 6
    assert "made-up.txt" in str(info.value) and "line 6" in str(info.value)


RAGGED = (
    "기술분류\t세부기술\t출원점유율\t기술중요도\t한국경쟁력\t핵심분야\t한국강약점\t중점분야\n"
    "가상기술\t분류A\t세부1\t10.0%\t1.00\t-0.50\to\t弱\t\n"
    "\t\t세부2\t20.0%\t0.10\t0.20\t\t强\tV\n"
    "\t분류B\n"
    "분류C\t세부3\t30.5%\t-0.10\t0.30\t\t强\t\t\n"
    "\t세부4\t5%\t2\t0\to\t强\tV\t\n"
    "\n끝\n"
)


def test_ragged_tab_rows_align_on_their_values() -> None:
    result = extract_tables(RAGGED)
    pi = result.patent_indicators
    got = [
        (r.domain.value, r.cls.value, r.sub.value, r.share_pct, r.core, r.kr, r.focus)
        for r in pi.rows
    ]
    assert got == [
        ("가상기술", "분류A", "세부1", 10.0, True, "弱", False),
        ("가상기술", "분류A", "세부2", 20.0, False, "强", True),
        ("가상기술", "분류C", "세부3", 30.5, False, "强", False),
        ("가상기술", "분류C", "세부4", 5.0, True, "强", True),
    ]
    assert [c.value for c in pi.unmeasured] == ["분류B"]
    assert pi.rows[2].kr_competitiveness == 0.3 and pi.rows[0].importance == 1.0
    _check_spans(RAGGED, result.cells())


def test_indicator_row_with_text_in_a_value_column_is_an_error() -> None:
    bad = RAGGED.replace("\t1.00\t", "\t높음\t")
    with pytest.raises(TableParseError) as info:
        extract_tables(bad, "bad.tsv")
    assert info.value.line == 2


MATRIX = (
    "[가상] 품목 목록(4개)\n"
    "\n"
    "영역\t전략분야\tType ① 도전형\tType ② 활용형\n"
    '영역가\t분야1\t<ul style="x"> • 품목 하나 • 품목 둘 </ul>\t<ul><li>품목 셋</li></ul>\n'
    "\t분야2\t• 품목 넷\t\n"
    "\n"
)


def test_item_matrix_inherits_area_and_splits_bullets_and_li() -> None:
    result = extract_tables(MATRIX)
    sm = result.smart_manufacturing
    assert [i.as_record() for i in sm.items] == [
        {"area": "영역가", "field": "분야1", "type": "①도전형", "item": "품목 하나"},
        {"area": "영역가", "field": "분야1", "type": "①도전형", "item": "품목 둘"},
        {"area": "영역가", "field": "분야1", "type": "②활용형", "item": "품목 셋"},
        {"area": "영역가", "field": "분야2", "type": "①도전형", "item": "품목 넷"},
    ]
    assert result.warnings == []
    _check_spans(MATRIX, result.cells())


def test_item_count_disagreeing_with_caption_is_a_warning() -> None:
    result = extract_tables(MATRIX.replace("(4개)", "(5개)"))
    assert len(result.smart_manufacturing.items) == 4
    assert [w.table for w in result.warnings] == ["strategic_items"]


def test_fields_per_year_count_mismatch_is_a_warning() -> None:
    text = "< 분석 분야 >\n연도\t분 야\n2030 (3개)\t▲ 가나 ▲ 다라\t▲ 마바 ▲ 사 아\n"
    result = extract_tables(text)
    year = result.fields_analysed.years[0]
    assert (year.year, year.stated_count) == (2030, 3)
    assert [c.value for c in year.fields] == ["가나", "다라", "마바", "사 아"]
    assert len(result.warnings) == 1 and "3" in result.warnings[0].message


OVERVIEW = """< 가상 개요 >
구분 ’23년 계획(’23~’25년) ’24년 계획(’24~’26년)
부문가 2개 분야, 10개 품목 3개 분야, 12개 품목
(분야 +1, 품목 △2)
계 2개 분야, 10개 품목 3개 분야, 12개 품목
(분야 +1, 품목 +2)

 * 옛분야→새분야 로 조정
◦ 다음 문단
"""


def test_overview_reads_editions_deltas_and_moves() -> None:
    ov = extract_tables(OVERVIEW).overview
    assert ov.editions == [(2023, 2025), (2024, 2026)]
    assert [r.label.value for r in ov.rows] == ["부문가", "계"]
    assert [r.is_total for r in ov.rows] == [False, True]
    assert [(m.from_field.value, m.to_field.value) for m in ov.moves] == [("옛분야", "새분야")]


def test_overview_delta_with_wrong_sign_is_a_warning() -> None:
    warnings = extract_tables(OVERVIEW).warnings
    assert len(warnings) == 1
    assert OVERVIEW[warnings[0].start : warnings[0].end] == "△2"


def test_split_items_keeps_offsets_through_markup() -> None:
    text = "x\t<ul><li>첫째 항목</li><li>둘째</li></ul> • 셋째\t"
    line = split_lines(text)[0]
    cell = split_tabs(text, line)[1]
    items = split_items(text, cell)
    assert [i.text for i in items] == ["첫째 항목", "둘째", "셋째"]
    assert all(text[i.start : i.end] == i.text for i in items)
    assert split_items(text, Piece(0, 1, "x")) == [Piece(0, 1, "x")]
