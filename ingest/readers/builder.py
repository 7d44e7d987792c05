"""Assemble ``Document.text`` piece by piece while recording exact offsets.

Readers of structured formats (html, docx, hwpx, csv, xlsx) do not have one text to point
into; they build it here. Blocks are separated by a blank line; a table is laid out with
tabs between cells and newlines between rows, so the text stays readable for NLP and
every offset is exact by construction.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from stkg.ingest.readers.model import Cell, Table, TextBlock

BLOCK_SEPARATOR = "\n\n"
CELL_SEPARATOR = "\t"
ROW_SEPARATOR = "\n"

_CELL_WHITESPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """NFC-normalise (Korean from macOS is often decomposed; Kiwi wants syllables)."""
    return unicodedata.normalize("NFC", text)


def clean_cell(text: str) -> str:
    """Collapse whitespace so a cell never breaks the tab/newline table layout."""
    return _CELL_WHITESPACE.sub(" ", normalize(text)).strip()


def clean_cell_lines(text: str) -> tuple[str, tuple[int, ...]]:
    """``clean_cell(text)``, and the offsets in it where a line of ``text`` begins.

    Lines are split at ``\n`` only; empty lines leave no break. The cleaned text is the
    same as ``clean_cell``'s: lines are joined by the one space whitespace collapses to.
    """
    out: list[str] = []
    breaks: list[int] = []
    length = 0
    for line in normalize(text).split("\n"):
        part = clean_cell(line)
        if not part:
            continue
        if out:
            length += 1
            breaks.append(length)
        out.append(part)
        length += len(part)
    return " ".join(out), tuple(breaks)


@dataclass(frozen=True)
class CellSpec:
    """A cell as a reader finds it, before it has offsets."""

    text: str
    row: int
    column: int
    ref: str | None = None
    row_span: int = 1
    col_span: int = 1


@dataclass
class TextBuilder:
    """Accumulates text, blocks and tables; ``build`` hands them to ``Document``."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    blocks: list[TextBlock] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def _append(self, piece: str) -> int:
        start = self.length
        self.parts.append(piece)
        self.length += len(piece)
        return start

    def _separate(self) -> None:
        if self.length:
            self._append(BLOCK_SEPARATOR)

    def add_block(self, text: str, *, kind: str = "paragraph", page: int | None = None) -> None:
        """Add a block; blank text is dropped (it has nothing to point at)."""
        text = normalize(text).strip()
        if not text:
            return
        self._separate()
        start = self._append(text)
        self.blocks.append(
            TextBlock(text=text, start=start, end=start + len(text), kind=kind, page=page)
        )

    def add_table(
        self,
        rows: list[list[CellSpec]],
        *,
        source: str,
        sheet: str | None = None,
        caption: str | None = None,
        page: int | None = None,
    ) -> Table | None:
        """Lay out a table and record every cell's offsets; empty tables are dropped."""
        rows = [row for row in rows if row]
        if not any(clean_cell(spec.text) for row in rows for spec in row):
            return None
        self._separate()
        table_start = self.length
        laid_out: list[list[Cell]] = []
        for row_index, row in enumerate(rows):
            if row_index:
                self._append(ROW_SEPARATOR)
            laid_out.append(self._lay_out_row(row))
        table = Table(
            id=f"table-{len(self.tables) + 1}",
            rows=laid_out,
            start=table_start,
            end=self.length,
            source=source,
            sheet=sheet,
            caption=caption,
            page=page,
        )
        self.tables.append(table)
        return table

    def _lay_out_row(self, row: list[CellSpec]) -> list[Cell]:
        cells: list[Cell] = []
        for index, spec in enumerate(row):
            if index:
                self._append(CELL_SEPARATOR)
            text, breaks = clean_cell_lines(spec.text)
            start = self._append(text)
            cells.append(
                Cell(
                    text=text,
                    row=spec.row,
                    column=spec.column,
                    start=start,
                    end=start + len(text),
                    ref=spec.ref,
                    row_span=spec.row_span,
                    col_span=spec.col_span,
                    breaks=breaks,
                )
            )
        return cells

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    def finish(self, encoding: str | None = None) -> Extraction:
        return Extraction(
            text=self.text,
            blocks=list(self.blocks),
            tables=list(self.tables),
            warnings=list(self.warnings),
            encoding=encoding,
        )


@dataclass(frozen=True)
class Extraction:
    """What a format reader returns; ``read_document`` adds the file's identity."""

    text: str
    blocks: list[TextBlock]
    tables: list[Table]
    warnings: list[str]
    encoding: str | None = None
