"""Offset-preserving helpers for tables that text extraction flattened into lines.

Press-release text keeps tables as tab- or space-separated lines, with lists inside cells
as ``<ul>`` markup or ``•``/``▲`` bullets. These helpers cut lines, cells and list items
without ever rewriting the text, so every piece keeps its exact character span.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "Line",
    "Piece",
    "find_line",
    "mask_tags",
    "split_items",
    "split_lines",
    "split_tabs",
    "tab_block",
    "tokens",
]

_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")


@dataclass(frozen=True, slots=True)
class Line:
    """A line of the document: 1-based number, span (newline excluded) and text."""

    number: int
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True, slots=True)
class Piece:
    """A trimmed piece of text with its span; an empty piece has ``start == end``."""

    start: int
    end: int
    text: str


@lru_cache(maxsize=4)  # every table reader splits the same document
def split_lines(text: str) -> tuple[Line, ...]:
    """All lines with their spans; a trailing ``\\r`` is left out of the line."""
    lines, pos = [], 0
    for number, raw in enumerate(text.split("\n"), start=1):
        end = pos + len(raw) - (1 if raw.endswith("\r") else 0)
        lines.append(Line(number, pos, end, text[pos:end]))
        pos += len(raw) + 1
    return tuple(lines)


def find_line(lines: Sequence[Line], pattern: re.Pattern[str], start: int = 0) -> int | None:
    """Index of the first line at or after ``start`` whose text matches ``pattern``."""
    for i in range(start, len(lines)):
        if pattern.search(lines[i].text):
            return i
    return None


def _trim(text: str, start: int, end: int) -> Piece:
    """The piece of ``text[start:end]`` without surrounding whitespace."""
    s, e = start, end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Piece(s, e, text[s:e])


def split_tabs(text: str, line: Line) -> list[Piece]:
    """The tab-separated cells of a line, each trimmed, empty cells kept in place."""
    cells, pos = [], line.start
    for part in line.text.split("\t"):
        cells.append(_trim(text, pos, pos + len(part)))
        pos += len(part) + 1
    return cells


def tokens(text: str, line: Line) -> list[Piece]:
    """Whitespace-separated tokens of a line with their spans."""
    return [
        Piece(line.start + m.start(), line.start + m.end(), m.group())
        for m in re.finditer(r"\S+", line.text)
    ]


def mask_tags(s: str) -> str:
    """Replace each HTML tag by as many spaces, so offsets into ``s`` stay valid."""
    return _TAG.sub(lambda m: " " * len(m.group()), s)


def split_items(text: str, piece: Piece, markers: str = "•▲▪◦·") -> list[Piece]:
    """Split a cell holding a list into its items, keeping each item's span.

    Tags such as ``<ul style=...>`` and ``<li>`` are masked first. Items are separated by
    any of ``markers`` or by ``<li>`` tags; a cell without markers is one item. The middle
    dot is a marker only when it stands alone between spaces (inside words it joins names).
    """
    raw = text[piece.start : piece.end]
    masked = mask_tags(raw)
    li_breaks = [m.start() for m in re.finditer(r"<li\b", raw, re.I)]
    marks = "".join(re.escape(c) for c in markers if c != "·")
    pattern = f"(?:^|(?<=\\s))[{marks}](?=\\s)" if marks else r"(?!x)x"
    if "·" in markers:
        pattern += r"|(?:^|(?<=\s))·(?=\s)"
    cuts = sorted({m.start() for m in re.finditer(pattern, masked)} | set(li_breaks))
    bounds = [0, *cuts, len(masked)]
    items = []
    for a, b in itertools.pairwise(bounds):
        seg_start = a + 1 if a in cuts and masked[a] != " " else a
        item = _trim(masked, seg_start, b)
        if item.text:
            items.append(
                Piece(piece.start + item.start, piece.start + item.end, raw[item.start : item.end])
            )
    return items


def tab_block(text: str, lines: Sequence[Line], first: int) -> list[tuple[Line, list[Piece]]]:
    """Tab-separated rows from ``lines[first]`` up to the first blank line.

    A continuation line without tabs still belongs to the block when it is indented by a
    tab (``\\t생산 관리``); rows may be ragged, callers decide how to align them.
    """
    rows = []
    for line in lines[first:]:
        if line.blank:
            break
        rows.append((line, split_tabs(text, line)))
    return rows
