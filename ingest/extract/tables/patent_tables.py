"""Tables of the patent big-data analysis: indicators, classification, fields per year.

These tables come out of the source with merged (row-spanning) cells dropped rather than
left empty, so rows are ragged: ``제조 AI | 설계 | 공정설계 | 6.5% …`` but later
``설비건전성 | 모니터링 | 20.4% …`` with the spanning ``제조 AI`` cell simply missing.
Rows that carry values are therefore aligned on their first value cell (everything left of
it is the classification path, read right to left); rows without values keep their
positions, and empty or missing path cells inherit from the row above.
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
    ClassificationEntry,
    ClassificationTable,
    FieldsAnalysedTable,
    FieldsAnalysedYear,
    PatentIndicatorRow,
    PatentIndicatorTable,
    TableParseError,
    TableWarning,
)

__all__ = ["read_classification_table", "read_fields_analysed", "read_patent_indicators"]

INDICATORS_ID = "patent_indicators"
CLASSES_ID = "technology_classes"
FIELDS_ID = "fields_analysed"

_NUMBER = re.compile(r"^[+\-−]?\d+(?:\.\d+)?%?$")
#: header names of the indicator table → attribute they fill
_INDICATOR_COLUMNS = {
    "출원점유율": "share_pct",
    "기술중요도": "importance",
    "한국경쟁력": "kr_competitiveness",
    "핵심분야": "core",
    "한국강약점": "kr",
    "중점분야": "focus",
}
_MARKS = {"o", "O", "○", "●", "V", "v", "✓", "✔"}


def _cell(p: Piece, table: str, row: int, col: int, item: int | None = None) -> Cell:
    return Cell(p.text, p.start, p.end, CellRef(table, row, col, item))


def _float(c: Cell) -> float:
    return float(c.value.rstrip("%").replace("−", "-"))


# --- indicator table ----------------------------------------------------------------------


def read_patent_indicators(
    text: str, source: str = "<text>"
) -> tuple[PatentIndicatorTable | None, list[TableWarning]]:
    """Find the indicator table by its header (``세부기술`` plus indicator names) and read it."""
    lines = split_lines(text)
    header_i = next(
        (
            i
            for i, ln in enumerate(lines)
            if "\t" in ln.text and "세부기술" in ln.text and "출원점유율" in ln.text
        ),
        None,
    )
    if header_i is None:
        return None, []
    names = [c.text for c in split_tabs(text, lines[header_i]) if c.text]
    value_names = names[names.index("세부기술") + 1 :]
    missing = [n for n in _INDICATOR_COLUMNS if n not in value_names]
    if missing:
        h = lines[header_i]
        raise TableParseError(
            f"indicator table lacks columns {missing}", source=source, line=h.number, offset=h.start
        )
    table = PatentIndicatorTable(INDICATORS_ID, names)
    warnings: list[TableWarning] = []
    path: list[Cell | None] = []
    for r, (line, cells) in enumerate(tab_block(text, lines, header_i + 1)):
        anchor = next((k for k, c in enumerate(cells) if _NUMBER.match(c.text)), None)
        if anchor is None:
            _unmeasured(cells, r, path, table)
            continue
        path = _merge_path(
            path,
            [
                (_cell(c, INDICATORS_ID, r, k) if c.text else None)
                for k, c in enumerate(cells[:anchor])
            ],
        )
        values = {
            name: _cell(c, INDICATORS_ID, r, anchor + k)
            for k, (name, c) in enumerate(zip(value_names, cells[anchor:], strict=False))
        }
        extra = [c for c in cells[anchor + len(value_names) :] if c.text]
        if extra:
            warnings.append(
                TableWarning(
                    INDICATORS_ID,
                    f"line {line.number}: cells beyond the header ignored",
                    extra[0].start,
                    extra[-1].end,
                )
            )
        table.rows.append(_indicator_row(path, values, line, source))
    return table, warnings


def _merge_path(above: list[Cell | None], row: list[Cell | None]) -> list[Cell | None]:
    """Right-align a row's classification cells with the path above; gaps inherit."""
    depth = max(len(above), len(row))
    pad: list[Cell | None] = [None] * depth
    above = pad[: depth - len(above)] + above
    row = pad[: depth - len(row)] + row
    return [r if r is not None else a for a, r in zip(above, row, strict=True)]


def _unmeasured(
    cells: list[Piece], r: int, path: list[Cell | None], table: PatentIndicatorTable
) -> None:
    """A row without values: a classification listed but not measured (kept positionally)."""
    for k, c in enumerate(cells):
        if c.text:
            cell = _cell(c, INDICATORS_ID, r, k)
            table.unmeasured.append(cell)
            if k < len(path):
                path[k] = cell


def _indicator_row(
    path: list[Cell | None], values: dict[str, Cell], line: Line, source: str
) -> PatentIndicatorRow:
    if len(path) < 2 or path[-1] is None or path[-2] is None:
        raise TableParseError(
            "indicator row without class and sub-technology",
            source=source,
            line=line.number,
            offset=line.start,
        )
    try:
        share, imp, comp = (_float(values[n]) for n in ("출원점유율", "기술중요도", "한국경쟁력"))
    except (KeyError, ValueError) as exc:
        raise TableParseError(
            f"indicator row has a missing or non-numeric value: {exc}",
            source=source,
            line=line.number,
            offset=line.start,
        ) from exc
    kr = values.get("한국강약점")
    return PatentIndicatorRow(
        domain=path[-3] if len(path) >= 3 else None,
        cls=path[-2],
        sub=path[-1],
        share_pct=share,
        importance=imp,
        kr_competitiveness=comp,
        core=_marked(values.get("핵심분야")),
        kr=kr.value if kr and kr.value else None,
        focus=_marked(values.get("중점분야")),
        values=values,
    )


def _marked(c: Cell | None) -> bool:
    return c is not None and c.value in _MARKS


# --- classification table ----------------------------------------------------------------

_CLASS_COUNTS = re.compile(r"(\d+)\s*개\s*분류\s*[-–~]\s*(\d+)\s*개\s*세부기술")


def _is_description(p: Piece) -> bool:
    """A description is a phrase of three or more words; a class name is one or two."""
    return len(p.text.split()) >= 3


def read_classification_table(text: str) -> tuple[ClassificationTable | None, list[TableWarning]]:
    """Classes and their descriptions, plus the class/sub-technology counts stated above.

    The body is ragged (spanning cells dropped), so each row's class is the short cell
    just before its first multi-word description rather than a fixed column.
    """
    lines = split_lines(text)
    header_i = next(
        (
            i
            for i, ln in enumerate(lines)
            if "\t" in ln.text and "기술분류체계" in ln.text and "세부기술" in ln.text
        ),
        None,
    )
    if header_i is None:
        return None, []
    caption, stated = _class_caption(lines, header_i)
    table = ClassificationTable(CLASSES_ID, caption, stated[0], stated[1])
    for r, (_line, cells) in enumerate(tab_block(text, lines, header_i + 1)):
        k = next(
            (
                k
                for k, c in enumerate(cells)
                if k > 0
                and _is_description(c)
                and cells[k - 1].text
                and not _is_description(cells[k - 1])
            ),
            None,
        )
        if k is None:
            continue
        table.classes.append(
            ClassificationEntry(
                _cell(cells[k - 1], CLASSES_ID, r, k - 1), _cell(cells[k], CLASSES_ID, r, k)
            )
        )
    warnings = []
    if table.stated_classes is not None and table.stated_classes != len(table.classes):
        warnings.append(
            TableWarning(
                CLASSES_ID,
                f"{table.stated_classes} classes stated, {len(table.classes)} found",
                lines[header_i].start,
                lines[header_i].end,
            )
        )
    return table, warnings


def _class_caption(
    lines: Sequence[Line], header_i: int
) -> tuple[Cell | None, tuple[int | None, int | None]]:
    for i in range(header_i - 1, max(-1, header_i - 4), -1):
        m = _CLASS_COUNTS.search(lines[i].text)
        if m:
            line = lines[i]
            cap = Cell(
                m.group(0), line.start + m.start(), line.start + m.end(), CellRef(CLASSES_ID, -1, 0)
            )
            return cap, (int(m.group(1)), int(m.group(2)))
    return None, (None, None)


# --- fields analysed per year ------------------------------------------------------------

_YEAR_CELL = re.compile(r"^((?:19|20)\d{2})\s*\(\s*(\d+)\s*개\s*\)$")


def read_fields_analysed(text: str) -> tuple[FieldsAnalysedTable | None, list[TableWarning]]:
    """Rows ``2023 (10개) | ▲ a ▲ b | ▲ c …``: the year, its stated count, one field per ▲."""
    lines = split_lines(text)
    first = next(
        (
            i
            for i, ln in enumerate(lines)
            if "\t" in ln.text and _YEAR_CELL.match(split_tabs(text, ln)[0].text)
        ),
        None,
    )
    if first is None:
        return None, []
    caption = _angle_caption(lines, first)
    table = FieldsAnalysedTable(FIELDS_ID, caption)
    warnings = []
    for r, (line, cells) in enumerate(tab_block(text, lines, first)):
        m = _YEAR_CELL.match(cells[0].text)
        if not m:
            break
        fields = [
            _cell(item, FIELDS_ID, r, k, j)
            for k, c in enumerate(cells[1:], start=1)
            for j, item in enumerate(split_items(text, c, markers="▲"))
        ]
        year = FieldsAnalysedYear(
            int(m.group(1)), _cell(cells[0], FIELDS_ID, r, 0), int(m.group(2)), fields
        )
        table.years.append(year)
        if year.stated_count != len(fields):
            warnings.append(
                TableWarning(
                    FIELDS_ID,
                    f"{year.year}: {year.stated_count} fields stated, {len(fields)} listed",
                    line.start,
                    line.end,
                )
            )
    return table, warnings


def _angle_caption(lines: Sequence[Line], first: int) -> Cell | None:
    for i in range(first - 1, max(-1, first - 5), -1):
        m = re.match(r"^\s*<\s*(.+?)\s*>\s*$", lines[i].text)
        if m:
            line = lines[i]
            return Cell(
                m.group(1),
                line.start + m.start(1),
                line.start + m.end(1),
                CellRef(FIELDS_ID, -1, 0),
            )
    return None
