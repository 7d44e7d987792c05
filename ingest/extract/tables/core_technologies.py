"""Product → core-technology tables, from any format that keeps its table grid.

Roadmap reports and the roadmap site list, per strategic product, the core technologies
it rests on, often with a development goal and goals per year. The columns are headed in
many wordings (전략제품 / 전략품목 / 품목, 핵심기술 / 요소기술 / 핵심요소기술, 개발목표 /
최종목표, 연차별 목표 over one column per year …), so a column is recognised by what its
header says, compared without spaces, brackets or case, never by its position.

A table is read as a core-technology table when its header names a core-technology
column beside a product, field or goal column, or a product column beside a goal column
(a lone 핵심기술 column in some other table is left alone). Then it must also name:

- the product (a 전략제품 column) and the core technology (a 핵심기술 column);
- the strategic field: a 전략분야 column, or ``분야: …`` in the caption or the heading
  above the table;
- the roadmap edition: a year range (``2022~2024``) in the caption, the rows above the
  header or the nearest text before the table (``2025 스마트제조 전략기술로드맵`` names
  an edition of that roadmap by its year).

Anything missing is a :class:`CoreTechnologyTableError` naming the document, the table
and the column. Merged cells are followed through the grid: a product (or field, or goal)
cell that spans several rows holds for each of them, and an empty product or field cell
(a spreadsheet's merged cell, or ``〃``) continues the one above. A cell holding several
technologies on lines of their own (paragraphs, ``<br>``, line breaks: the reader's
``Cell.breaks``) or separated by bullets, circled numbers, ``;`` or ``,`` gives one
technology per item, each with its own span. A PDF table that breaks at the end of a
page and goes on, without its header, as the first table of the next page is read on as
one table (see :func:`_continues`).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from stkg.ingest.errors import IngestError
from stkg.ingest.extract.tables.model import Cell, CellRef
from stkg.ingest.normalize import strip_enumerator
from stkg.ingest.readers.model import Cell as GridCell
from stkg.ingest.readers.model import Document, Table

__all__ = [
    "HEADER_ALIASES",
    "CoreTechnologyRow",
    "CoreTechnologyTable",
    "CoreTechnologyTableError",
    "read_core_technology_tables",
]

#: How many rows may precede the header (titles, notes, a blank row).
HEADER_SEARCH_ROWS = 8

#: column → header names, compared after :func:`header_key` (no spaces, brackets, case).
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "product": (
        "전략제품",
        "전략제품명",
        "전략품목",
        "전략품목명",
        "제품",
        "제품명",
        "품목",
        "품목명",
        "대상제품",
        "strategicproduct",
        "strategicproducts",
        "strategicitem",
        "product",
        "products",
        "productname",
    ),
    "technology": (
        "핵심기술",
        "핵심기술명",
        "요소기술",
        "요소기술명",
        "핵심요소기술",
        "핵심요소기술명",
        "핵심기술요소",
        "coretechnology",
        "coretechnologies",
        "keytechnology",
        "keytechnologies",
        "elementtechnology",
        "elementtechnologies",
    ),
    "field": (
        "전략분야",
        "전략분야명",
        "분야",
        "분야명",
        "strategicfield",
        "field",
    ),
    "goal": (
        "개발목표",
        "기술개발목표",
        "최종목표",
        "최종개발목표",
        "developmentgoal",
        "developmentgoals",
        "developmenttarget",
        "finalgoal",
    ),
    "yearly": (
        "연차별목표",
        "연차별개발목표",
        "연도별목표",
        "연도별개발목표",
        "연차별",
        "yearlygoals",
        "goalsbyyear",
        "annualgoals",
        "yearlytargets",
    ),
}

#: What the error messages call each column.
COLUMN_NAMES = {
    "product": "전략제품 (strategic product)",
    "technology": "핵심기술 (core technology)",
    "field": "전략분야 (strategic field)",
}

_ALIAS_COLUMN = {alias: name for name, aliases in HEADER_ALIASES.items() for alias in aliases}
_HEADER_NOISE = re.compile(r"[\s_\-.·ㆍ:*/#()\[\]{}<>（）［］「」]+")
_BRACKETED = re.compile(r"[(（\[［][^)）\]］]*[)）\]］]")
#: A column of one year's goal: ``2023``, ``'23``, ``2023년``, ``1차년도``, ``2년차``,
#: ``Year 1`` (optionally followed by 목표 / goal).
_PERIOD = re.compile(
    r"^(?:(?:19|20)\d{2}\s*년?(?:도)?|[’'‘]\d{2}|\d{1,2}\s*차\s*년\s*도?|\d{1,2}\s*년\s*차"
    r"|year\s*\d{1,2})\s*(?:목표|goals?|targets?)?$",
    re.I,
)
_YEAR_RANGE = re.compile(r"((?:19|20)\d{2})\s*년?\s*[~∼〜\-–—]\s*((?:19|20)?\d{2})\s*년?")
_SMART_MANUFACTURING = re.compile(
    r"((?:19|20)\d{2})\s*년?\s*(?:판\s*)?스마트\s*제조\s*전략\s*기술\s*로드맵"
)
_FIELD_LABEL = re.compile(r"(?:전략)?분야\s*[:：]\s*([^()\[\],;:：]+?)\s*(?:[)\],;]|$)")
_CONTINUED = {"〃", "″", '"', "''", "상동", "ditto"}
_EMPTY = {"", "-", "–", "—"}
#: Separators between technologies listed in one cell.
_ITEM_SEPARATOR = re.compile(
    r"\s*[;,；，]\s*"
    r"|(?:^|\s+)[•▪◦○●∙▶■□◆◇]\s*"
    r"|(?:^|\s+)[-–]\s+"
    r"|\s*[\u2460-\u2473\u2776-\u277f]\s*"
    r"|(?:^|\s+)\(?\d{1,2}[).]\s+"
)


class CoreTechnologyTableError(IngestError):
    """A core-technology table lacks a column (or the field or edition) it needs."""


@dataclass(frozen=True, slots=True)
class YearlyGoal:
    """One year's goal: the period as the header prints it, and the goal cell."""

    period: str
    goal: Cell


@dataclass(frozen=True, slots=True)
class CoreTechnologyRow:
    """One core technology of one product, with the goals the table gives it."""

    field: Cell
    product: Cell
    technology: Cell
    goal: Cell | None = None
    yearly: tuple[YearlyGoal, ...] = ()


@dataclass(slots=True)
class CoreTechnologyTable:
    """The rows of one table and the roadmap edition it belongs to.

    ``roadmap`` is ``"sme"`` (an edition named by its year range) or
    ``"smart-manufacturing"``; ``edition`` is the cell (a span of the caption or of the
    text above) that names the edition.
    """

    table_id: str
    roadmap: str
    start_year: int
    end_year: int | None
    edition: Cell
    rows: list[CoreTechnologyRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# --- headers -----------------------------------------------------------------------------


def header_key(text: str) -> tuple[str, ...]:
    """``핵심 기술(요소기술)`` → (``핵심기술요소기술``, ``핵심기술``): with and without brackets."""
    folded = unicodedata.normalize("NFKC", text).casefold().strip()
    whole = _HEADER_NOISE.sub("", folded)
    bare = _HEADER_NOISE.sub("", _BRACKETED.sub("", folded))
    return (whole, bare) if bare != whole else (whole,)


def header_column(text: str) -> str | None:
    """The column a header names (``product``, ``technology``, ``field``, ``goal``,
    ``yearly``), or None."""
    for key in header_key(text):
        if key in _ALIAS_COLUMN:
            return _ALIAS_COLUMN[key]
    return None


def _is_period(text: str) -> bool:
    return bool(_PERIOD.match(unicodedata.normalize("NFKC", text).strip()))


@dataclass
class _Header:
    index: int  # into table.rows
    columns: dict[str, int]  # column name -> grid column
    periods: dict[int, str]  # grid column -> period label
    cells: dict[str, GridCell]
    body_start: int  # first body row, into table.rows


def _find_header(table: Table) -> _Header | None:
    for index, row in enumerate(table.rows[:HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        cells: dict[str, GridCell] = {}
        periods: dict[int, str] = {}
        for cell in row:
            name = header_column(cell.text)
            if name is not None and name not in columns:
                columns[name], cells[name] = cell.column, cell
            elif name is None and _is_period(cell.text):
                periods[cell.column] = cell.text.strip()
        if not _is_core_technology_header(columns, periods):
            continue
        body_start = index + 1
        if "yearly" in columns:
            sub = {}
            if index + 1 < len(table.rows):
                sub = _period_row(table.rows[index + 1], cells["yearly"], columns)
            if sub:
                periods.update(sub)
                body_start = index + 2
            else:  # one column holding the goals of every year
                periods[columns["yearly"]] = cells["yearly"].text.strip()
        return _Header(index, columns, periods, cells, body_start)
    return None


def _is_core_technology_header(columns: dict[str, int], periods: dict[int, str]) -> bool:
    """A core-technology column beside a product, field or goal column, or a product
    column beside a goal column. A lone 핵심기술 column in some other table is not enough:
    the table would be refused for lacking a product column it never meant to have."""
    goals = "goal" in columns or "yearly" in columns or bool(periods)
    if "technology" in columns:
        return "product" in columns or "field" in columns or goals
    return "product" in columns and goals


def _period_row(
    row: Sequence[GridCell], group: GridCell, columns: dict[str, int]
) -> dict[int, str]:
    """The period labels under a ``연차별 목표`` header that spans several columns.

    Where the reader knows the span (html, docx, hwpx) only the columns under it count;
    a spreadsheet read cell by cell does not say, so every column from the group header up
    to the next recognised column counts.
    """
    first = group.column
    if group.col_span > 1:
        last = first + group.col_span - 1
    else:
        after = [c for c in columns.values() if c > first]
        last = min(after) - 1 if after else 10**6
    found = {c.column: c.text.strip() for c in row if first <= c.column <= last and c.text.strip()}
    return found if found and all(_is_period(t) for t in found.values()) else {}


# --- the edition and the field ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Place:
    """Text that may name the edition or the field: a cell above the header (a title row)
    or a text block before the table (the caption, a heading, the sheet name)."""

    start: int
    text: str

    def cell(self, start: int, end: int) -> Cell:
        """A span of this place, cited as a span of the text (``CellRef.table`` empty):
        it is not one of the table's body cells."""
        return Cell(self.text[start:end], self.start + start, self.start + end, NO_CELL)


#: The reference of a value read from text outside the table's body cells.
NO_CELL = CellRef("", -1, -1)


def _context(doc: Document, table: Table, header: _Header) -> list[_Place]:
    """Where the edition or the field may be named, nearest first: rows above the header,
    then the text blocks before the table (caption, heading, sheet name, paragraphs)."""
    out: list[_Place] = []
    for row in reversed(table.rows[: header.index]):
        out.extend(_Place(c.start, c.text) for c in row if c.text.strip())
    for block in reversed([b for b in doc.blocks if b.end <= table.start]):
        out.append(_Place(block.start, block.text))
    return out


def _find_edition(
    places: Sequence[_Place],
) -> tuple[str, int, int | None, Cell] | None:
    """The nearest statement of an edition, preferring places that name a roadmap."""
    for want_roadmap in (True, False):
        for place in places:
            folded = place.text.replace(" ", "").lower()
            if want_roadmap and "로드맵" not in folded and "roadmap" not in folded:
                continue
            m = _SMART_MANUFACTURING.search(place.text)
            if m:
                cell = place.cell(m.start(), m.end())
                return "smart-manufacturing", int(m.group(1)), None, cell
            for m in _YEAR_RANGE.finditer(place.text):
                first, last_text = int(m.group(1)), m.group(2)
                last = (
                    int(last_text) if len(last_text) == 4 else first // 100 * 100 + int(last_text)
                )
                if first < last <= first + 10:
                    end = m.start() + len(m.group(0).rstrip())
                    return "sme", first, last, place.cell(m.start(), end)
    return None


def _find_field(places: Sequence[_Place]) -> Cell | None:
    """``분야: 스마트제조`` in one of the few places nearest the table."""
    for place in places[:4]:
        m = _FIELD_LABEL.search(place.text)
        if m and m.group(1).strip():
            return place.cell(m.start(1), m.end(1))
    return None


# --- rows --------------------------------------------------------------------------------


def _grid(table: Table, first_row: int) -> list[dict[int, GridCell]]:
    """Body rows as column → cell, a merged cell filling every slot it spans.

    Only rows that hold a cell of their own are returned: a row wholly covered by merged
    cells above it says nothing new.
    """
    slots: dict[int, dict[int, GridCell]] = {}
    for row in table.rows:
        for cell in row:
            for dr in range(cell.row_span):
                for dc in range(cell.col_span):
                    slots.setdefault(cell.row + dr, {}).setdefault(cell.column + dc, cell)
    return [slots[row[0].row] for row in table.rows[first_row:] if row]


def _cell(cell: GridCell, table_id: str, row: int) -> Cell:
    return Cell(cell.text.strip(), cell.start, cell.end, CellRef(table_id, row, cell.column))


def split_technologies(cell: Cell, breaks: Sequence[int] = ()) -> list[Cell]:
    """The technologies listed in one cell, each with its own span: one per line of the
    source cell (``breaks``, offsets into ``cell.value``), and within a line one per item
    of a bulleted, numbered, ``;``- or ``,``-separated list."""
    text = cell.value
    pieces: list[Cell] = []
    lines = [0, *(b for b in breaks if 0 < b < len(text)), len(text)]
    for line_start, line_end in itertools.pairwise(lines):
        pos = line_start
        line = text[line_start:line_end]
        bounds = [
            (line_start + m.start(), line_start + m.end()) for m in _ITEM_SEPARATOR.finditer(line)
        ]
        bounds.append((line_end, line_end))
        for sep_start, sep_end in bounds:
            raw = text[pos:sep_start]
            name = strip_enumerator(raw)
            if name:
                offset = pos + raw.index(name)
                ref = CellRef(cell.ref.table, cell.ref.row, cell.ref.column, len(pieces))
                pieces.append(Cell(name, cell.start + offset, cell.start + offset + len(name), ref))
            pos = max(pos, sep_end)
    if len(pieces) == 1:  # one technology, perhaps numbered: the cell itself
        only = pieces[0]
        return [Cell(only.value, only.start, only.end, cell.ref)]
    return pieces


def _value(slots: dict[int, GridCell], column: int | None, table_id: str, row: int) -> Cell | None:
    if column is None or column not in slots:
        return None
    cell = slots[column]
    if cell.text.strip() in _EMPTY:
        return None
    return _cell(cell, table_id, row)


def _is_repeated_header(slots: dict[int, GridCell], header: _Header) -> bool:
    return any(
        header_column(slots[c].text) == name
        for name, c in header.columns.items()
        if c in slots and name in ("product", "technology")
    )


@dataclass
class _Reading:
    """A core-technology table being read: its header, what was read, what carries on
    (the field and product a merged cell or ``〃`` continues), and its last grid (a table
    continued on the next page of a PDF goes on from there)."""

    header: _Header
    out: CoreTechnologyTable
    carried: dict[str, Cell | None]
    where: str
    last: Table


def _start(doc: Document, table: Table, source: str) -> _Reading | None:
    """The reading of ``table`` when it is a core-technology table, else None."""
    header = _find_header(table)
    if header is None:
        return None
    where = _where(table)
    for name in ("product", "technology"):
        if name not in header.columns:
            raise CoreTechnologyTableError(
                source,
                f"the core-technology table has no {COLUMN_NAMES[name]} column",
                location=where,
                hint=f"name a column {' / '.join(HEADER_ALIASES[name][:4])}",
            )
    places = _context(doc, table, header)
    field_label = None if "field" in header.columns else _find_field(places)
    if "field" not in header.columns and field_label is None:
        raise CoreTechnologyTableError(
            source,
            f"the core-technology table has no {COLUMN_NAMES['field']} column, and its "
            "caption or heading names no field",
            location=where,
            hint="add a 전략분야 column or write '분야: …' above the table",
        )
    edition = _find_edition(places)
    if edition is None:
        raise CoreTechnologyTableError(
            source,
            "the core-technology table names no roadmap edition",
            location=where,
            hint="state the edition's years (e.g. 2022~2024) in the caption or the heading above",
        )
    roadmap, start_year, end_year, edition_cell = edition
    out = CoreTechnologyTable(table.id, roadmap, start_year, end_year, edition_cell)
    return _Reading(header, out, {"field": field_label, "product": None}, where, table)


def _read_rows(reading: _Reading, table: Table, first_row: int, source: str) -> None:
    """The rows of ``table`` from ``first_row`` on, read with ``reading``'s header."""
    header, out, carried = reading.header, reading.out, reading.carried
    where, cols = _where(table), header.columns
    for r, slots in enumerate(_grid(table, first_row)):
        if not slots or _is_repeated_header(slots, header):
            continue
        for name in ("field", "product"):
            value = _value(slots, cols.get(name), table.id, r)
            if value is not None and value.value not in _CONTINUED:
                before = carried["field"]
                if name == "field" and (before is None or before.value != value.value):
                    carried["product"] = None  # a new field starts its own products
                carried[name] = value
        tech = _value(slots, cols["technology"], table.id, r)
        if tech is None:
            continue
        product, field_cell = carried["product"], carried["field"]
        if product is None or field_cell is None:
            missing = "product" if product is None else "field"
            out.warnings.append(
                f"{source} {where} body row {r + 1}: core technology {tech.value!r} "
                f"has no {missing} above it; skipped"
            )
            continue
        goal = _value(slots, cols.get("goal"), table.id, r)
        yearly = tuple(
            YearlyGoal(period, value)
            for column, period in sorted(header.periods.items())
            if (value := _value(slots, column, table.id, r)) is not None
        )
        for item in split_technologies(tech, slots[cols["technology"]].breaks):
            out.rows.append(CoreTechnologyRow(field_cell, product, item, goal, yearly))
    reading.last = table


def _where(table: Table) -> str:
    return table.id + (f" (sheet {table.sheet!r})" if table.sheet else "")


def _width(table: Table) -> int:
    """How many grid columns the table spans."""
    return max((c.column + c.col_span for row in table.rows for c in row), default=0)


def _continues(tables: Sequence[Table], index: int, reading: _Reading | None) -> bool:
    """Whether ``tables[index]`` (which has no header) goes on with the table read last.

    In a PDF a long table breaks at the page's end, and unless its header row is repeated,
    the part on the next page is a grid of its own without one: it continues the table
    when it is the first table on the page right after the table's last part, that part
    was the last table on its page, and the two have as many columns.
    """
    if reading is None or index == 0 or tables[index - 1] is not reading.last:
        return False
    table, before = tables[index], reading.last
    if table.page is None or before.page is None or table.page != before.page + 1:
        return False
    alone_before = all(t.page != before.page for t in tables[index:])
    first_here = all(t.page != table.page for t in tables[:index])
    return alone_before and first_here and _width(table) == _width(before)


def read_core_technology_tables(doc: Document, source: str) -> list[CoreTechnologyTable]:
    """Every core-technology table of ``doc``; ``source`` names the file in errors.

    A table a PDF continues on the next page without repeating its header is read on as
    part of the table before it (its rows cite their own grid and page).
    """
    found: list[_Reading] = []
    reading: _Reading | None = None
    for index, table in enumerate(doc.tables):
        started = _start(doc, table, source)
        if started is not None:
            reading = started
            _read_rows(reading, table, reading.header.body_start, source)
            found.append(reading)
        elif _continues(doc.tables, index, reading):
            assert reading is not None
            _read_rows(reading, table, 0, source)
        else:
            reading = None
    for done in found:
        if not done.out.rows:
            done.out.warnings.append(f"{source} {done.where}: a core-technology header but no rows")
    return [done.out for done in found]
