"""The reader output: a document as one text with positioned blocks and tables.

Every piece of structure points into ``Document.text`` by character offsets, so an NLP
span found in the text maps back to a block, a table cell and finally to an ``Evidence``
node (see docs/architecture.md, Provenance) without re-reading the file.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TextBlock(_Frozen):
    """A run of non-table text (paragraph, heading, PDF page...).

    ``Document.text[start:end] == text``.
    """

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    kind: str = "paragraph"
    page: int | None = None


class Cell(_Frozen):
    """One table cell; ``Document.text[start:end] == text``.

    ``row``/``column`` are 0-based grid coordinates of the cell's top-left corner (for a
    spreadsheet: the sheet's own coordinates, so ``ref`` and ``row``/``column`` agree).
    ``ref`` is the native locator where the format has one (xlsx: ``"B7"``).
    """

    text: str
    row: int = Field(ge=0)
    column: int = Field(ge=0)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    ref: str | None = None
    row_span: int = Field(default=1, ge=1)
    col_span: int = Field(default=1, ge=1)
    #: Offsets into ``text`` where the source cell started a new line or paragraph (the
    #: layout keeps a cell on one line, so this is the only trace of them): a cell listing
    #: one item per line can be split where its author split it.
    breaks: tuple[int, ...] = ()


class Table(_Frozen):
    """A table from a structured format (csv/xlsx/docx/hwpx/html).

    ``rows`` lists the rows that hold cells, in order; a row's cells are in column order.
    ``start``/``end`` span the table's text in ``Document.text`` (cells are separated by a
    tab and rows by a newline there). ``source`` is the reader format (``"xlsx"``...).
    ``page`` is the 1-based page the table is printed on, where the format has pages (pdf).
    """

    id: str
    rows: list[list[Cell]]
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    source: str
    sheet: str | None = None
    caption: str | None = None
    page: int | None = None


class Document(_Frozen):
    """A read document: its identity (path, sha256, size) and its extracted content."""

    path: str
    media_type: str
    sha256: str
    size: int = Field(ge=0)
    text: str
    blocks: list[TextBlock]
    tables: list[Table]
    warnings: list[str]
    encoding: str | None = None

    def pages(self) -> list[tuple[int, int, int]]:
        """``(start, end, page)`` of every block and table printed on a known page, in
        document order: where a span or a cell of a paged format (pdf) was printed."""
        placed = [(b.start, b.end, b.page) for b in self.blocks if b.page is not None]
        placed += [(t.start, t.end, t.page) for t in self.tables if t.page is not None]
        return sorted(placed)

    def cells(self) -> list[Cell]:
        """All cells of all tables, in document order (handy for span → cell lookup)."""
        return [cell for table in self.tables for row in table.rows for cell in row]
