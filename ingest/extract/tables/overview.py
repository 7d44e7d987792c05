"""The edition-overview table: fields and products per sector for two editions, and deltas.

Shape: a ``< ... >`` caption, header lines naming each edition with its year range
(``’21~’23년``), then per sector one line ``<label> N개 분야, M개 품목 N개 분야, M개 품목``
followed by a delta line ``(분야 +3, 품목 +40)``; the ``계`` line holds the totals. A
footnote under the table may record moves such as ``조선→미래형선박``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from stkg.ingest.extract.tables.layout import Line, split_lines
from stkg.ingest.extract.tables.model import (
    Cell,
    CellRef,
    EditionTotals,
    FieldMove,
    OverviewRow,
    OverviewTable,
    TableWarning,
)

__all__ = ["read_overview_table"]

TABLE_ID = "edition_overview"

_COUNTS = r"(\d+)\s*개\s*분야\s*,\s*(\d+)\s*개\s*품목"
_ROW = re.compile(rf"^\s*(\S(?:.*?\S)?)\s+{_COUNTS}\s+{_COUNTS}\s*$")
_DELTA = re.compile(
    r"^\s*\(\s*분야\s*([+△▲▽▼\-−]\s*\d+\*?)\s*,\s*품목\s*([+△▲▽▼\-−]\s*\d+\*?)\s*\)\s*$"
)
_CAPTION = re.compile(r"^\s*<\s*(.+?)\s*>\s*$")
_RANGE = re.compile(r"[’‘'`](\d{2})\s*~\s*[’‘'`](\d{2})\s*년")
_MOVE = re.compile(r"([0-9A-Za-z가-힣·]+)\s*→\s*([0-9A-Za-z가-힣·]+)")
_TOTAL_LABELS = ("계", "합계", "총계", "전체")
_PARAGRAPH_MARKERS = ("◦", "○", "□", "-", "※", "■", "▶", "참고")


def _cell(line: Line, m: re.Match[str], group: int, row: int, col: int) -> Cell:
    return Cell(
        m.group(group),
        line.start + m.start(group),
        line.start + m.end(group),
        CellRef(TABLE_ID, row, col),
    )


def _rows(lines: Sequence[Line], first: int) -> tuple[list[OverviewRow], int]:
    """Read count lines and their delta lines from ``first``; return rows and end index."""
    rows: list[OverviewRow] = []
    i = first
    while i < len(lines):
        line = lines[i]
        m = _ROW.match(line.text)
        if line.blank:
            i += 1
            continue
        if not m:
            break
        r = len(rows)
        before = EditionTotals(_cell(line, m, 2, r, 1), _cell(line, m, 3, r, 2))
        after = EditionTotals(_cell(line, m, 4, r, 3), _cell(line, m, 5, r, 4))
        delta_f = delta_p = None
        j = i + 1
        while j < len(lines) and lines[j].blank:
            j += 1
        if j < len(lines) and (d := _DELTA.match(lines[j].text)):
            delta_f, delta_p = _cell(lines[j], d, 1, r, 5), _cell(lines[j], d, 2, r, 6)
            i = j
        label = _cell(line, m, 1, r, 0)
        rows.append(
            OverviewRow(
                label, before, after, delta_f, delta_p, is_total=label.value in _TOTAL_LABELS
            )
        )
        i += 1
    return rows, i


def _moves(text: str, lines: Sequence[Line], start: int) -> list[FieldMove]:
    """``A→B`` pairs in the footnote right under the table (lines up to the next paragraph)."""
    i = start
    while i < len(lines) and lines[i].blank:
        i += 1
    if i >= len(lines) or not lines[i].text.lstrip().startswith(("*", "※")):
        return []
    moves, r = [], 0
    while i < len(lines) and not (
        lines[i].text.lstrip().startswith(_PARAGRAPH_MARKERS) and not lines[i].blank
    ):
        line = lines[i]
        for m in _MOVE.finditer(line.text):
            a = Cell(
                m.group(1),
                line.start + m.start(1),
                line.start + m.end(1),
                CellRef(TABLE_ID + ".footnote", r, 0),
            )
            b = Cell(
                m.group(2),
                line.start + m.start(2),
                line.start + m.end(2),
                CellRef(TABLE_ID + ".footnote", r, 1),
            )
            moves.append(FieldMove(a, b, None, None))
            r += 1
        i += 1
    return moves


def read_overview_table(text: str) -> tuple[OverviewTable | None, list[TableWarning]]:
    """Find and read the edition-overview table; None if the document has none."""
    lines = split_lines(text)
    first = next((i for i, ln in enumerate(lines) if _ROW.match(ln.text)), None)
    if first is None:
        return None, []
    caption_i = next(
        (i for i in range(first - 1, max(-1, first - 12), -1) if _CAPTION.match(lines[i].text)),
        None,
    )
    caption = None
    editions: list[tuple[int, int]] = []
    edition_cells: list[Cell] = []
    if caption_i is not None:
        cl = lines[caption_i]
        cm = _CAPTION.match(cl.text)
        assert cm is not None
        caption = Cell(
            cm.group(1), cl.start + cm.start(1), cl.start + cm.end(1), CellRef(TABLE_ID, -1, 0)
        )
        for line in lines[caption_i + 1 : first]:
            for m in _RANGE.finditer(line.text):
                editions.append((2000 + int(m.group(1)), 2000 + int(m.group(2))))
                edition_cells.append(
                    Cell(
                        m.group(0),
                        line.start + m.start(),
                        line.start + m.end(),
                        CellRef(TABLE_ID, -1, 1 + len(edition_cells)),
                    )
                )
    rows, end = _rows(lines, first)
    table = OverviewTable(
        TABLE_ID, caption, editions, edition_cells, rows, _moves(text, lines, end)
    )
    return table, _check(table)


def _check(table: OverviewTable) -> list[TableWarning]:
    """Stated deltas must equal after − before, and the total row the sum of the sectors."""
    warnings = []
    for row in table.rows:
        for stated, a, b in (
            (row.delta_fields, row.before.fields, row.after.fields),
            (row.delta_products, row.before.products, row.after.products),
        ):
            value = OverviewRow.delta_value(stated)
            if stated is not None and value != b.as_int() - a.as_int():
                warnings.append(
                    TableWarning(
                        TABLE_ID,
                        f"{row.label.value}: stated change {stated.value} but {a.value}→{b.value}",
                        stated.start,
                        stated.end,
                    )
                )
    totals = [r for r in table.rows if r.is_total]
    sectors = [r for r in table.rows if not r.is_total]
    for total in totals:
        for name, get in (
            ("fields before", lambda r: r.before.fields),
            ("products before", lambda r: r.before.products),
            ("fields after", lambda r: r.after.fields),
            ("products after", lambda r: r.after.products),
        ):
            s = sum(get(r).as_int() for r in sectors)
            if s != get(total).as_int():
                c = get(total)
                warnings.append(
                    TableWarning(
                        TABLE_ID,
                        f"total {name} stated {c.value} but sectors sum to {s}",
                        c.start,
                        c.end,
                    )
                )
    return warnings
