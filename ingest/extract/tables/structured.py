"""Tables that arrive already structured (html, docx, hwpx, xlsx) in the shapes of
:mod:`.parse`.

Plain-text releases need a layout parser; a document format that keeps its table grid
only needs its header recognised. Today: the two-edition field table (sector, field and
product count for each edition, note), whose header names two edition year ranges.
"""

from __future__ import annotations

import re

from stkg.ingest.extract.tables.model import (
    Cell,
    CellRef,
    EditionEntry,
    FieldCountRow,
    FieldCountTable,
)
from stkg.ingest.readers.model import Cell as GridCell
from stkg.ingest.readers.model import Table

__all__ = ["field_counts_from_grid"]

_YEAR_RANGE = re.compile(r"((?:19|20)\d{2})\s*[~∼-]\s*((?:19|20)?\d{2})(?!\d)")
_EMPTY = {"", "-", "–", "—"}
_TOTALS = ("합계", "소계", "계")


def field_counts_from_grid(table: Table) -> FieldCountTable | None:
    """A FieldCountTable when ``table``'s header is ``sector | field | count | field |
    count | note`` with an edition year range over each field column; else None."""
    if not table.rows or len(table.rows[0]) < 5:
        return None
    header = [c.text for c in table.rows[0]]
    ranges = [m for h in header if (m := _YEAR_RANGE.search(h))]
    years = [int(m.group(1)) for m in ranges]
    if len(years) != 2 or not any("분야" in h for h in header):
        return None
    ends = [_end_year(int(m.group(1)), m.group(2)) for m in ranges]
    table_id = f"{table.id}"
    out = FieldCountTable(
        table_id=table_id, years=(years[0], years[1]), caption=None, end_years=(ends[0], ends[1])
    )
    sector: Cell | None = None
    for r, row in enumerate(table.rows[1:]):
        cells = [_cell(c, table_id, r) for c in row[:6]]
        if len(cells) < 5:
            continue
        if cells[0].value and cells[0].value.startswith(_TOTALS):
            continue  # stated totals: edition-level, read from the prose
        if cells[0].value:
            sector = cells[0]
        if sector is None:
            continue
        before = _entry(cells[1], cells[2])
        after = _entry(cells[3], cells[4])
        if before is None and after is None:
            continue
        note = cells[5] if len(cells) > 5 and cells[5].value else None
        out.rows.append(FieldCountRow(sector, before, after, note, (years[0], years[1])))
    return out if out.rows else None


def _end_year(start: int, printed: str) -> int | None:
    """The last year of ``start~printed`` (``2019~2021``, ``2019~21``); None if not after it."""
    end = int(printed) if len(printed) == 4 else start // 100 * 100 + int(printed)
    return end if end > start else None


def _cell(cell: GridCell, table_id: str, row: int) -> Cell:
    return Cell(cell.text.strip(), cell.start, cell.end, CellRef(table_id, row, cell.column))


def _entry(name: Cell, count: Cell) -> EditionEntry | None:
    if name.value in _EMPTY or count.value in _EMPTY:
        return None
    if not count.value.replace(",", "").isdigit():
        return None
    return EditionEntry(name, count)
