"""The space-aligned two-edition table: strategic fields and product counts side by side.

Shape (as text extraction leaves it): a caption ``< ... >``, a header whose last line
repeats ``전략분야 제품(개)`` once per edition with the edition years above it, then body
lines ``<name> <count> <name> <count> [note]``. Names may contain spaces, an edition side
may be ``- -`` (field absent in that edition), a sector label sits on its own line(s)
before its block (``4차`` / ``산업혁명``), ``소계`` rows state subtotals, and one body row
may be wrapped onto two lines (the old side on the first, the new side on the next).

The parser is driven by that shape, not by line numbers: it finds the header, reads the
years, then reads entries (name tokens up to an integer, or a ``- -`` placeholder).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from stkg.ingest.extract.tables.layout import Line, Piece, split_lines, tokens
from stkg.ingest.extract.tables.model import (
    Cell,
    CellRef,
    EditionEntry,
    FieldCountRow,
    FieldCountTable,
    Subtotal,
    TableParseError,
    TableWarning,
)

__all__ = ["NEW_FIELD_NOTES", "REMOVED_FIELD_NOTES", "read_field_count_table"]

TABLE_ID = "field_counts"

#: Notes that mean the field exists only in the newer edition / only in the older one.
#: They decide which side a one-sided row belongs to when it has no ``- -`` placeholder.
NEW_FIELD_NOTES = ("신설", "신규")
REMOVED_FIELD_NOTES = ("폐지", "삭제", "통합")

_HEADER = re.compile(r"^\s*(?:전략분야\s+제품\s*\(개\)\s*){2}$")
_YEAR = re.compile(r"[’‘'`](\d{2})\s*년|((?:19|20)\d{2})\s*년")
_CAPTION = re.compile(r"^\s*<\s*(.+?)\s*>\s*$")
_INT = re.compile(r"^\d{1,3}(?:,\d{3})*$|^\d+$")
_SUBTOTAL = ("소계", "합계", "계")
_END_MARKERS = ("※", "*", "□", "◦", "○", "■", "▶", "참고")

# columns of the logical table
COL_SECTOR, COL_FIELD0, COL_COUNT0, COL_FIELD1, COL_COUNT1, COL_NOTE = range(6)


@dataclass(slots=True)
class _Entry:
    name: Piece
    count: Piece


@dataclass(slots=True)
class _ParsedLine:
    """One body line split into up to two entries (None = ``- -``) and a trailing note."""

    entries: list[_Entry | None]
    note: Piece | None


def _join(parts: Sequence[Piece], text: str) -> Piece:
    return Piece(parts[0].start, parts[-1].end, text[parts[0].start : parts[-1].end])


def _parse_body_line(text: str, line: Line) -> _ParsedLine | None:
    """Read entries from a body line; None if the line has no entry at all."""
    toks = tokens(text, line)
    entries: list[_Entry | None] = []
    name: list[Piece] = []
    i = 0
    while i < len(toks) and len(entries) < 2:
        tok = toks[i]
        if tok.text == "-" and not name and i + 1 < len(toks) and toks[i + 1].text == "-":
            entries.append(None)
            i += 2
            continue
        if _INT.match(tok.text) and name:
            entries.append(_Entry(_join(name, text), tok))
            name = []
        else:
            name.append(tok)
        i += 1
    rest = name + toks[i:]
    if not entries:
        return None
    return _ParsedLine(entries, _join(rest, text) if rest else None)


def _is_sector_fragment(line: Line) -> bool:
    """A short label line without numbers: part of a sector name (``4차``, ``산업혁명``)."""
    stripped = line.text.strip()
    if not stripped or len(stripped) > 12 or stripped.startswith(_END_MARKERS):
        return False
    return not re.search(r"\d\s|\s\d|^\d+$", stripped) and " " not in stripped


def _join_wrapped_label(parts: list[Piece], text: str) -> str:
    """Join a label wrapped over lines, with or without a space.

    The cell width, not the language, decided where the line broke, so the spelling that
    the document itself uses more often elsewhere wins; ties keep a space.
    """
    tight = "".join(p.text for p in parts)
    spaced = " ".join(p.text for p in parts)
    return tight if text.count(tight) > text.count(spaced) else spaced


def _years(
    text: str, lines: Sequence[Line], caption_i: int, header_i: int, source: str
) -> tuple[int, int]:
    found: list[int] = []
    for line in lines[caption_i + 1 : header_i]:
        for m in _YEAR.finditer(line.text):
            found.append(2000 + int(m.group(1)) if m.group(1) else int(m.group(2)))
    if len(found) != 2:
        h = lines[header_i]
        raise TableParseError(
            f"expected two edition years above the header, found {found}",
            source=source,
            line=h.number,
            offset=h.start,
        )
    return found[0], found[1]


class _Builder:
    """Accumulates rows while walking the body; owns row numbering and warnings."""

    def __init__(self, text: str, table: FieldCountTable) -> None:
        self.text = text
        self.table = table
        self.row = 0
        self.sector: Cell | None = None
        self.pending: tuple[_Entry, Line] | None = None
        self.warnings: list[TableWarning] = []

    def cell(self, piece: Piece, column: int, value: str | None = None) -> Cell:
        return Cell(
            value if value is not None else piece.text,
            piece.start,
            piece.end,
            CellRef(TABLE_ID, self.row, column),
        )

    def entry(self, e: _Entry | None, side: int) -> EditionEntry | None:
        if e is None:
            return None
        col = COL_FIELD0 if side == 0 else COL_FIELD1
        return EditionEntry(self.cell(e.name, col), self.cell(e.count, col + 1))

    def add_row(self, before: _Entry | None, after: _Entry | None, note: Piece | None) -> None:
        if self.sector is None:
            raise ValueError("row before any sector label")
        self.table.rows.append(
            FieldCountRow(
                sector=self.sector,
                before=self.entry(before, 0),
                after=self.entry(after, 1),
                note=self.cell(note, COL_NOTE) if note else None,
                years=self.table.years,
            )
        )
        self.row += 1

    def flush_pending(self) -> None:
        """A one-sided row never completed by the next line: keep it, but say so."""
        if self.pending is None:
            return
        entry, line = self.pending
        self.pending = None
        self.warnings.append(
            TableWarning(
                TABLE_ID,
                f"line {line.number}: one-sided row without note; read as the older edition only",
                line.start,
                line.end,
            )
        )
        self.add_row(entry, None, None)

    def one_sided(self, entry: _Entry, note: Piece | None, line: Line) -> None:
        if self.pending is not None:  # second half of a wrapped row
            before, _ = self.pending
            self.pending = None
            self.add_row(before, entry, note)
        elif note is None:
            self.pending = (entry, line)
        elif note.text.startswith(NEW_FIELD_NOTES):
            self.add_row(None, entry, note)
        elif note.text.startswith(REMOVED_FIELD_NOTES):
            self.add_row(entry, None, note)
        else:
            self.warnings.append(
                TableWarning(
                    TABLE_ID,
                    f"line {line.number}: one-sided row with note "
                    f"{note.text!r}; read as the newer edition",
                    line.start,
                    line.end,
                )
            )
            self.add_row(None, entry, note)

    def subtotal(self, parsed: _ParsedLine) -> None:
        if self.sector is None:
            raise ValueError("subtotal before any sector label")
        sides = [e.count if e else None for e in parsed.entries] + [None, None]
        self.table.subtotals.append(
            Subtotal(
                sector=self.sector,
                before=self.cell(sides[0], COL_COUNT0) if sides[0] else None,
                after=self.cell(sides[1], COL_COUNT1) if sides[1] else None,
            )
        )
        self.row += 1


def read_field_count_table(
    text: str, source: str = "<text>"
) -> tuple[FieldCountTable | None, list[TableWarning]]:
    """Find and read the two-edition field/product-count table; None if absent."""
    lines = split_lines(text)
    header_i = next((i for i, ln in enumerate(lines) if _HEADER.match(ln.text)), None)
    if header_i is None:
        return None, []
    caption_i = next(
        (
            i
            for i in range(header_i - 1, max(-1, header_i - 8), -1)
            if _CAPTION.match(lines[i].text)
        ),
        None,
    )
    if caption_i is None:
        h = lines[header_i]
        raise TableParseError(
            "table header without a '< caption >' line above it",
            source=source,
            line=h.number,
            offset=h.start,
        )
    cap_line = lines[caption_i]
    cap_m = _CAPTION.match(cap_line.text)
    assert cap_m is not None
    caption = Cell(
        cap_m.group(1),
        cap_line.start + cap_m.start(1),
        cap_line.start + cap_m.end(1),
        CellRef(TABLE_ID, -1, 0),
    )
    years = _years(text, lines, caption_i, header_i, source)
    table = FieldCountTable(TABLE_ID, years, caption)
    b = _Builder(text, table)
    _read_body(text, lines[header_i + 1 :], b, source)
    b.flush_pending()
    if not table.rows:
        h = lines[header_i]
        raise TableParseError(
            "table header found but no rows under it", source=source, line=h.number, offset=h.start
        )
    return table, b.warnings + _check_subtotals(table)


def _read_body(text: str, lines: Sequence[Line], b: _Builder, source: str) -> None:
    fragments: list[Piece] = []
    for line in lines:
        if line.blank:
            continue
        if _is_sector_fragment(line):
            if not fragments:
                b.flush_pending()
            fragments.append(tokens(text, line)[0])
            continue
        if fragments:
            value = _join_wrapped_label(fragments, text)
            b.sector = Cell(
                value, fragments[0].start, fragments[-1].end, CellRef(TABLE_ID, b.row, COL_SECTOR)
            )
            fragments = []
        parsed = _parse_body_line(text, line)
        if parsed is None or line.text.lstrip().startswith(_END_MARKERS):
            return
        try:
            _dispatch(parsed, line, b)
        except ValueError as exc:
            raise TableParseError(
                str(exc), source=source, line=line.number, offset=line.start
            ) from exc


def _dispatch(parsed: _ParsedLine, line: Line, b: _Builder) -> None:
    first = parsed.entries[0]
    if first is not None and first.name.text in _SUBTOTAL:
        b.flush_pending()
        b.subtotal(parsed)
    elif len(parsed.entries) == 2:
        b.flush_pending()
        b.add_row(parsed.entries[0], parsed.entries[1], parsed.note)
    elif first is None:
        raise ValueError("a '- -' placeholder alone on a line")
    else:
        b.one_sided(first, parsed.note, line)


def _check_subtotals(table: FieldCountTable) -> list[TableWarning]:
    """Compare each stated 소계 with the sum of its sector's rows; warn on disagreement."""
    warnings = []
    for st in table.subtotals:
        rows = [r for r in table.rows if r.sector == st.sector]
        for side, stated in ((0, st.before), (1, st.after)):
            if stated is None:
                continue
            total = sum(
                (e.count if e else 0) for e in ((r.before if side == 0 else r.after) for r in rows)
            )
            if total != stated.as_int():
                warnings.append(
                    TableWarning(
                        TABLE_ID,
                        f"subtotal {stated.value} for {st.sector.value} ({table.years[side]}) "
                        f"but rows sum to {total}",
                        stated.start,
                        stated.end,
                    )
                )
    return warnings
