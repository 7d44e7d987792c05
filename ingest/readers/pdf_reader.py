"""PDF: the text layer of each page, one block per page, and the ruled tables on it.

A PDF without a text layer (a scan) is refused with ``NoTextLayer`` rather than ingested
as an empty document; OCR is a separate, deliberate step. A truncated download (no
``%%EOF`` marker near the end) or a file pypdf cannot parse is ``UnreadableDocument``.

Tables: roadmap reports print their product → core-technology tables (and patent lists)
as ruled grids. pdfplumber finds the grids a page draws with lines and rectangles; each
becomes a :class:`~stkg.ingest.readers.model.Table` like the other readers' (cells with
their row, column and spans, ``page`` set), so the table extractors read it with cell
evidence. A page with tables is laid out from pdfplumber's characters: the text above,
between and below the tables as blocks of that page, each table in its place, so the
heading above a table stays before it in the text. A page without tables keeps pypdf's
text as before. Within a cell, a line that fills the cell's width and goes on below is
one line wrapped by the layout (joined with a space); a shorter line is one the author
ended, kept as a line break (``Cell.breaks``: a cell listing one technology per line).
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import pdfplumber
from pdfplumber.page import Page
from pdfplumber.table import Table as PlumberTable
from pdfplumber.utils import cluster_objects, extract_text
from pypdf import PageObject, PdfReader
from pypdf.errors import FileNotDecryptedError, PyPdfError

from stkg.ingest.errors import NoTextLayer, UnreadableDocument
from stkg.ingest.readers.builder import CellSpec, Extraction, TextBuilder
from stkg.ingest.readers.txt_reader import normalize_newlines

# Incremental updates and trailing junk are legal, so the marker may sit a little before
# the end; 1024 bytes is the tolerance Acrobat's implementation notes give.
_EOF_WINDOW = 1024
_DAMAGED_HINT = "the file may be truncated or damaged; download or export it again"


def read_pdf(data: bytes, document: str) -> Extraction:
    if b"%%EOF" not in data[-_EOF_WINDOW:]:
        raise UnreadableDocument(
            document, "the PDF has no end-of-file marker (truncated?)", hint=_DAMAGED_HINT
        )
    builder = TextBuilder()
    with _PypdfWarnings() as notes:
        pages, ruled = _page_texts(data, document)
    for note in dict.fromkeys(notes.messages):
        builder.warn(f"{document}: pypdf: {note}")
    empty = [number for number, text in pages if not text.strip()]
    if len(empty) == len(pages):
        raise NoTextLayer(document, "the PDF has no text layer (scanned?)", hint="run OCR first")
    with _PypdfWarnings("pdfminer"):
        laid_out = _page_tables(data, document, ruled)
    for number, text in pages:
        pieces = laid_out.get(number)
        if pieces is None:
            builder.add_block(normalize_newlines(text), kind="page", page=number)
            continue
        for piece in pieces:
            if isinstance(piece, str):
                builder.add_block(normalize_newlines(piece), kind="page", page=number)
            else:
                builder.add_table(piece, source="pdf", page=number)
    if empty:
        listed = ", ".join(str(number) for number in empty)
        builder.warn(f"{document}: pages without a text layer (scanned?): {listed}")
    return builder.finish()


class _PypdfWarnings(logging.Handler):
    """Collect what pypdf logs about a damaged-but-readable file into the document warnings.

    With ``logger="pdfminer"`` it holds what pdfminer (under pdfplumber) logs while the
    tables are looked for: glyph metrics it cannot find (a font without a bounding box),
    which pypdf's reading of the same file already reports on where it matters.
    """

    def __init__(self, logger: str = "pypdf") -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []
        self._logger = logging.getLogger(logger)
        self._propagate = self._logger.propagate

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())

    def __enter__(self) -> _PypdfWarnings:
        self._logger.addHandler(self)
        self._logger.propagate = False
        return self

    def __exit__(self, *_exc: object) -> None:
        self._logger.removeHandler(self)
        self._logger.propagate = self._propagate


def _page_texts(data: bytes, document: str) -> tuple[list[tuple[int, str]], list[int]]:
    """Each page's text, and the pages that draw lines (where a table may be ruled)."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableDocument(
                document, "the PDF is password-protected", hint="remove the password first"
            )
        texts = [(number, page.extract_text() or "") for number, page in enumerate(reader.pages, 1)]
        ruled = [number for number, page in enumerate(reader.pages, 1) if _draws_lines(page)]
        return texts, ruled
    except FileNotDecryptedError as exc:
        raise UnreadableDocument(
            document, "the PDF is encrypted", hint="remove the password first"
        ) from exc
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise UnreadableDocument(
            document, f"the PDF cannot be parsed ({type(exc).__name__}: {exc})", hint=_DAMAGED_HINT
        ) from exc


# --- tables --------------------------------------------------------------------------------

#: The operators that draw a line, a rectangle or a curve (a table's rules are made of them).
_PATH_OPERATOR = re.compile(rb"(?:^|\s)(?:re|l|c|v|y)(?=\s|$)")
#: How deep form XObjects (drawings kept apart and placed on the page) are looked into.
_FORM_DEPTH = 3


def _draws_lines(page: PageObject) -> bool:
    """Whether the page's content (or a form it places) has a path operator at all.

    Laying a page out with pdfplumber costs about as much again as reading its text, and a
    page that draws no line has no ruled table: this cheap look at the content spares
    text-only pages. A token that only looks like an operator (``l`` inside a string)
    costs a needless layout, never a table. A page whose content cannot be looked at is
    laid out (and pdfplumber says what is wrong with it).
    """
    try:
        contents = page.get_contents()
        if contents is not None and _PATH_OPERATOR.search(contents.get_data()):
            return True
        return _forms_draw_lines(page.get("/Resources"), _FORM_DEPTH)
    except Exception:  # a damaged content stream: let the layout report it
        return True


def _forms_draw_lines(resources: Any, depth: int) -> bool:
    if depth == 0 or resources is None:
        return False
    xobjects = resources.get_object().get("/XObject")
    if xobjects is None:
        return False
    for ref in xobjects.get_object().values():
        form = ref.get_object()
        if form.get("/Subtype") != "/Form":
            continue
        if _PATH_OPERATOR.search(form.get_data()):
            return True
        if _forms_draw_lines(form.get("/Resources"), depth - 1):
            return True
    return False


#: Characters whose centres lie this close (points) to one another vertically share a line.
_LINE_TOLERANCE = 3
#: A cell line ending this many character widths (or fewer) short of the cell's right edge
#: filled the cell: the next line continues it.
_WRAP_SLACK_CHARS = 2.5
#: pdfplumber's default: the vertical and horizontal lines drawn on the page.
_TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}

_Piece = str | list[list[CellSpec]]
#: A character as pdfplumber describes it (``x0``, ``x1``, ``top``, ``bottom``, ``text``…).
_Obj = dict[str, Any]


@dataclass(frozen=True)
class _Box:
    x0: float
    top: float
    x1: float
    bottom: float

    def holds(self, obj: _Obj) -> bool:
        """Whether a character's centre lies inside the box."""
        x = (float(obj["x0"]) + float(obj["x1"])) / 2
        y = (float(obj["top"]) + float(obj["bottom"])) / 2
        return self.x0 <= x <= self.x1 and self.top <= y <= self.bottom


def _page_tables(data: bytes, document: str, ruled: list[int]) -> dict[int, list[_Piece]]:
    """For every page that draws a table (of the ``ruled`` ones, which draw lines): its
    text and tables in reading order."""
    out: dict[int, list[_Piece]] = {}
    if not ruled:
        return out
    number = 0
    try:
        with pdfplumber.open(io.BytesIO(data), pages=ruled) as pdf:
            for page in pdf.pages:
                number = page.page_number
                if not page.edges:  # nothing ruled on the page, so no grid
                    continue
                tables = [t for t in page.find_tables(_TABLE_SETTINGS) if _is_grid(t)]
                if tables:
                    out[number] = list(_lay_out_page(page, tables))
    except Exception as exc:
        # pdfminer raises whatever a damaged page makes it trip over (a page without a
        # MediaBox is a TypeError): every one of them is this document's fault, and is
        # named as such rather than losing the page's tables without a word
        where = f"page {number}" if number else None
        raise UnreadableDocument(
            document,
            f"the PDF's tables cannot be read ({type(exc).__name__}: {exc})",
            hint=_DAMAGED_HINT,
            location=where,
        ) from exc
    return out


def _is_grid(table: PlumberTable) -> bool:
    """At least two rows and two columns: a framed paragraph is not a table."""
    return len(table.rows) >= 2 and max(len(row.cells) for row in table.rows) >= 2


def _lay_out_page(page: Page, tables: Sequence[PlumberTable]) -> Iterator[_Piece]:
    """The text above, between and below the tables, and each table, top to bottom.

    Text beside a table (a note in the margin at the table's height) comes after it.
    """
    boxes = [_Box(*t.bbox) for t in tables]
    chars = [c for c in page.chars if not any(box.holds(c) for box in boxes)]
    for table, box in sorted(zip(tables, boxes, strict=True), key=lambda pair: pair[1].top):
        yield _text([c for c in chars if _middle(c) < box.top])
        chars = [c for c in chars if _middle(c) >= box.top]
        yield _cells(page, table)
    yield _text(chars)


def _middle(obj: _Obj) -> float:
    return (float(obj["top"]) + float(obj["bottom"])) / 2


def _text(chars: list[_Obj]) -> str:
    return str(extract_text(chars)) if chars else ""


def _cells(page: Page, table: PlumberTable) -> list[list[CellSpec]]:
    """The grid of ``table``: each cell at the column and row its top-left corner is in,
    spanning the grid lines its box crosses (a merged cell)."""
    boxes = [_Box(*bbox) for bbox in table.cells]
    xs = sorted({round(v, 1) for b in boxes for v in (b.x0, b.x1)})
    ys = sorted({round(v, 1) for b in boxes for v in (b.top, b.bottom)})
    inside = [c for c in page.chars if any(box.holds(c) for box in boxes)]
    rows: dict[int, list[CellSpec]] = {}
    for box in sorted(boxes, key=lambda b: (b.top, b.x0)):
        row, column = ys.index(round(box.top, 1)), xs.index(round(box.x0, 1))
        spec = CellSpec(
            _cell_text(box, [c for c in inside if box.holds(c)]),
            row=row,
            column=column,
            row_span=max(1, ys.index(round(box.bottom, 1)) - row),
            col_span=max(1, xs.index(round(box.x1, 1)) - column),
        )
        rows.setdefault(row, []).append(spec)
    return [rows[r] for r in sorted(rows)]


def _cell_text(box: _Box, chars: list[_Obj]) -> str:
    """The cell's lines; a line that fills the cell is joined to the next by a space."""
    lines = [
        sorted(line, key=lambda c: float(c["x0"]))
        for line in cluster_objects(chars, _middle, _LINE_TOLERANCE)
    ]
    out = ""
    for index, line in enumerate(lines):
        text = str(extract_text(line)).strip()
        if not text:
            continue
        if out:
            previous = lines[index - 1]
            width = sum(float(c["width"]) for c in previous) / len(previous)
            right = float(previous[-1]["x1"])
            out += " " if box.x1 - right <= _WRAP_SLACK_CHARS * width + 2 else "\n"
        out += text
    return out
