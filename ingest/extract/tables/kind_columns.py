"""Columns of a text table headed by a kind: ``분야 | 대표 전략제품 | 핵심기술``.

An article or a release laid out as a text table (cells parted by ``|``, ``│`` or tabs,
rule lines of ``-``, ``─`` or ``┼`` between rows) names one field, product or core
technology per cell under a header that says which kind the column holds. This module
finds such tables and yields each cell of a kind column with its span; what a header
means is the caller's (a cue word: :func:`.phrases.cue_class`). Count columns (``전략품목
수``, ``품목(개)``) and totals rows (``합계``) name nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from stkg.ingest.extract.tables.layout import Line, Piece, split_lines

__all__ = ["KindCell", "kind_cells"]

#: What parts two cells of a row.
_SEPARATOR = re.compile(r"[|│┃]|\t+")
#: A rule line between rows: only rule characters and spaces.
_RULE = re.compile(r"^[\s|│┃─━┼┿╋├┤┬┴┌┐└┘+=:\-]+$")
#: A header that counts its kind instead of naming it.
_COUNT_HEADER = re.compile(r"(?:수|개수|건수|규모|비중|\((?:개|건|%|억원)\))$")
#: A row of totals.
_TOTALS = re.compile(r"^(?:합\s*계|소\s*계|총\s*계|계|총합|전체)$")
#: A cell that is a figure, not a name.
_FIGURE = re.compile(r"^[\d,.\s%()~∼\-]*$")
#: The rows a table needs below its header.
MIN_ROWS = 2


@dataclass(frozen=True, slots=True)
class KindCell:
    """A cell of a column whose header names a kind: the class, and the cell's text."""

    cls: str
    cell: Piece


def kind_cells(text: str, kind_of: Callable[[str], str | None]) -> Iterator[KindCell]:
    """Every named cell under a header ``kind_of`` gives a class, in every text table."""
    for header, rows in _tables(text):
        kinds = [
            None if _COUNT_HEADER.search(h.text.replace(" ", "")) else kind_of(h.text)
            for h in header
        ]
        if not any(kinds):
            continue
        for row in rows:
            if row and _TOTALS.match(row[0].text):
                continue
            for kind, cell in zip(kinds, row, strict=False):
                if kind and cell.text and not _FIGURE.match(cell.text):
                    yield KindCell(kind, cell)


def _tables(text: str) -> Iterator[tuple[list[Piece], list[list[Piece]]]]:
    """``(header, rows)`` of each block of separated lines with as many cells in each row."""
    block: list[list[Piece]] = []
    for line in (*split_lines(text), None):
        if line is not None and _RULE.match(line.text) and block:
            continue
        cells = _cells(text, line) if line is not None else []
        if len(cells) >= 2 and (not block or len(cells) == len(block[0])):
            block.append(cells)
            continue
        if len(block) > MIN_ROWS:
            yield block[0], block[1:]
        block = [cells] if len(cells) >= 2 else []


def _cells(text: str, line: Line) -> list[Piece]:
    """The cells of a line, trimmed; the empty edges of ``| a | b |`` are no cells."""
    if not _SEPARATOR.search(line.text):
        return []
    bounds = [line.start] + [line.start + m.end() for m in _SEPARATOR.finditer(line.text)]
    ends = [line.start + m.start() for m in _SEPARATOR.finditer(line.text)] + [line.end]
    cells = []
    for a, b in zip(bounds, ends, strict=True):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        cells.append(Piece(a, b, text[a:b]))
    if cells and not cells[0].text:
        cells = cells[1:]
    if cells and not cells[-1].text:
        cells = cells[:-1]
    return cells
