"""The strategic-item matrix: area × strategic field × type, cells holding bullet lists.

Shape: a caption line stating the item count (``…(49개)``), a tab-separated header
``영역 | 전략분야 | Type ① … | Type ② …``, then one line per strategic field. The area
cell is empty on continuation rows (it spans rows in the original), and each type cell
holds ``<ul …> • item • item`` — one item per bullet.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from stkg.ingest.extract.tables.layout import (
    Line,
    Piece,
    split_items,
    split_lines,
    split_tabs,
    tab_block,
)
from stkg.ingest.extract.tables.model import (
    Cell,
    CellRef,
    SmartManufacturingItem,
    SmartManufacturingTable,
    TableParseError,
    TableWarning,
)

__all__ = ["read_item_matrix"]

TABLE_ID = "strategic_items"

_TYPE_HEADER = re.compile(r"^\s*type\b", re.I)
_STATED = re.compile(r"\((\d+)\s*개\)")


def _is_header(cells: list[Piece]) -> bool:
    names = [c.text for c in cells]
    return (
        len(names) >= 3
        and "영역" in names
        and "전략분야" in names
        and any(_TYPE_HEADER.match(n) for n in names)
    )


def read_item_matrix(
    text: str, source: str = "<text>"
) -> tuple[SmartManufacturingTable | None, list[TableWarning]]:
    """Find the area/field/type matrix by its header and read one item per bullet."""
    lines = split_lines(text)
    header_i = next(
        (i for i, ln in enumerate(lines) if "\t" in ln.text and _is_header(split_tabs(text, ln))),
        None,
    )
    if header_i is None:
        return None, []
    header = split_tabs(text, lines[header_i])
    names = [c.text for c in header]
    area_col, field_col = names.index("영역"), names.index("전략분야")
    type_cols = [i for i, n in enumerate(names) if _TYPE_HEADER.match(n)]
    caption, stated = _caption(text, lines, header_i)
    table = SmartManufacturingTable(TABLE_ID, caption, stated)
    area: Cell | None = None
    for r, (line, cells) in enumerate(tab_block(text, lines, header_i + 1)):
        if len(cells) <= max(field_col, *type_cols) - 1 or not cells[field_col].text:
            raise TableParseError(
                f"row has {len(cells)} cells, expected {len(names)} with a strategic field",
                source=source,
                line=line.number,
                offset=line.start,
            )
        if cells[area_col].text:
            area = _to_cell(cells[area_col], r, area_col)
        if area is None:
            raise TableParseError(
                "first row has no area", source=source, line=line.number, offset=line.start
            )
        field = _to_cell(cells[field_col], r, field_col)
        for col in type_cols:
            if col >= len(cells):
                continue
            type_cell = _to_cell(header[col], -1, col)
            for k, item in enumerate(split_items(text, cells[col], markers="•")):
                table.items.append(
                    SmartManufacturingItem(area, field, type_cell, _to_cell(item, r, col, k))
                )
    warnings = []
    if stated is not None and stated != len(table.items):
        warnings.append(
            TableWarning(
                TABLE_ID,
                f"caption states {stated} items but the table lists {len(table.items)}",
                caption.start if caption else 0,
                caption.end if caption else 0,
            )
        )
    return table, warnings


def _to_cell(p: Piece, row: int, col: int, item: int | None = None) -> Cell:
    return Cell(p.text, p.start, p.end, CellRef(TABLE_ID, row, col, item))


def _caption(text: str, lines: Sequence[Line], header_i: int) -> tuple[Cell | None, int | None]:
    """The nearest non-blank line above the header, and the item count it states."""
    for i in range(header_i - 1, max(-1, header_i - 4), -1):
        line = lines[i]
        if line.blank:
            continue
        m = _STATED.search(line.text)
        cap = Cell(
            line.text.strip(),
            line.start + len(line.text) - len(line.text.lstrip()),
            line.start + len(line.text.rstrip()),
            CellRef(TABLE_ID, -1, 0),
        )
        return cap, int(m.group(1)) if m else None
    return None, None
