"""Text tables read by the kind their columns' headers name."""

from __future__ import annotations

from stkg.ingest.extract.phrases import cue_class
from stkg.ingest.extract.tables.kind_columns import kind_cells


def _cells(text: str) -> list[tuple[str, str]]:
    return [(c.cls, c.cell.text) for c in kind_cells(text, cue_class)]


def test_a_box_drawn_table_is_read_across_its_rule_lines():
    text = (
        "┌──────┬──────────┐\n"
        "│ 분야 │ 전략품목 │\n"
        "├──────┼──────────┤\n"
        "│ 수소 │ 액상 수소 펌프 │\n"
        "├──────┼──────────┤\n"
        "│ 해양 │ 부유식 풍력 계류체 │\n"
        "└──────┴──────────┘\n"
    )
    cells = _cells(text)
    assert ("StrategicProduct", "액상 수소 펌프") in cells
    assert ("StrategicField", "해양") in cells
    for found in kind_cells(text, cue_class):
        assert text[found.cell.start : found.cell.end] == found.cell.text


def test_tab_rows_count_columns_and_totals_name_nothing():
    text = "분야\t전략제품 수\t핵심기술(개)\n수소\t12\t40\n해양\t9\t31\n합계\t21\t71\n"
    assert _cells(text) == [("StrategicField", "수소"), ("StrategicField", "해양")]


def test_two_separated_lines_are_no_table():
    assert _cells("분야 | 제품\n수소 | 액상 수소 펌프\n") == []
