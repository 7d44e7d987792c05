"""HTML: the visible text as blocks (headings, paragraphs, list items) and tables as ``Table``s.

The charset comes from a byte-order mark or the page's own declaration (``<meta charset>``,
``http-equiv``), as browsers do; pages that declare EUC-KR are decoded as CP949, its
superset (the WHATWG encoding standard does the same, and real EUC-KR pages use UHC
syllables). Without a usable declaration the text detection of ``encoding.py`` decides.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.dammit import EncodingDetector
from bs4.element import (
    CData,
    Comment,
    Declaration,
    Doctype,
    PageElement,
    ProcessingInstruction,
)

from stkg.ingest.readers.builder import CellSpec, Extraction, TextBuilder
from stkg.ingest.readers.encoding import Decoded, decode_text
from stkg.ingest.readers.limits import check_html_tags

_SKIP = {"script", "style", "noscript", "template", "head", "nav", "aside", "iframe", "svg"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = _HEADINGS | {
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "address",
    "form",
    "fieldset",
    "hr",
    "body",
    "center",
}
_NON_TEXT = (Comment, CData, Declaration, Doctype, ProcessingInstruction)
_BREAK = "\x00"  # stands for <br> while whitespace is collapsed
_SPACES = re.compile(r"[ \t\r\n\f\v\xa0]+")
_CP949_ALIASES = {"euc-kr", "euc_kr", "euckr", "ks_c_5601-1987", "ksc5601", "cp949", "uhc"}


def read_html(data: bytes, document: str) -> Extraction:
    check_html_tags(data, document)
    decoded, note = _decode(data, document)
    soup = BeautifulSoup(decoded.text, "lxml")
    builder = TextBuilder()
    if note:
        builder.warn(note)
    root = soup.find("main") or soup.body or soup
    _HtmlWalker(builder).walk(root)
    return builder.finish(encoding=decoded.encoding)


def _decode(data: bytes, document: str) -> tuple[Decoded, str | None]:
    declared = EncodingDetector.find_declared_encoding(
        data, is_html=True, search_entire_document=False
    )
    if not declared or data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(data, document), None
    name = "cp949" if declared.lower() in _CP949_ALIASES else declared.lower()
    try:
        text = data.decode(name)
    except (LookupError, ValueError):  # unknown codec, bytes that do not fit, a NUL in the name
        return decode_text(data, document), (
            f"the page declares charset {declared}, but its bytes do not fit it; detected instead"
        )
    return Decoded(text, name), None


class _HtmlWalker:
    """Depth-first walk that flushes inline text at block boundaries."""

    def __init__(self, builder: TextBuilder) -> None:
        self.builder = builder
        self.pending: list[str] = []

    def walk(self, node: Tag, kind: str = "paragraph") -> None:
        """Visit the node's descendants in document order, flushing inline text at block
        boundaries, then flush its trailing inline text as ``kind``.

        The walk keeps its own stack instead of recursing: pages nested thousands deep
        (unclosed ``<font>`` or ``<div>`` tags, repeated) must not exhaust Python's.
        An entry is either a block's pending flush (its kind) or the children still to
        visit of an open element.
        """
        stack: list[str | Iterator[PageElement]] = [kind, iter(node.children)]
        while stack:
            top = stack[-1]
            if isinstance(top, str):
                stack.pop()
                self.flush(top)
                continue
            child = next(top, None)
            if child is None:
                stack.pop()
            elif isinstance(child, NavigableString):
                if not isinstance(child, _NON_TEXT):
                    self.pending.append(str(child))
            elif isinstance(child, Tag):
                stack.extend(self._visit(child))

    def _visit(self, tag: Tag) -> list[str | Iterator[PageElement]]:
        """Handle one element; returns what to push: nothing, its children, or (for a
        block) its flush under its children."""
        name = tag.name.lower()
        if name in _SKIP:
            return []
        if name == "br":
            self.pending.append(_BREAK)
            return []
        if name == "table":
            self.flush()
            self._table(tag)
            return []
        if name in _BLOCKS:
            self.flush()
            return ["heading" if name in _HEADINGS else "paragraph", iter(tag.children)]
        return [iter(tag.children)]

    def flush(self, kind: str = "paragraph") -> None:
        if self.pending:
            self.builder.add_block(_collapse("".join(self.pending)), kind=kind)
            self.pending = []

    def _table(self, table: Tag) -> None:
        caption_tag = table.find("caption")
        caption = _collapse(caption_tag.get_text(" ")) if caption_tag else None
        if caption:
            self.builder.add_block(caption, kind="caption")
        # A nested table's rows are skipped here: they are flattened into their cell's text.
        trs = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
        rows = _grid([tr.find_all(["td", "th"], recursive=False) for tr in trs])
        self.builder.add_table(rows, source="html", caption=caption or None)


# The HTML standard's caps (browsers clamp to them): a page that says colspan="100000"
# gets 1000 columns, and a rowspan never reaches past the table's last row.
_MAX_COLSPAN = 1000
_MAX_ROWSPAN = 65534


def _grid(rows: list[list[Tag]]) -> list[list[CellSpec]]:
    """Give each cell its grid column, skipping slots taken by rowspan/colspan above."""
    taken: set[tuple[int, int]] = set()
    grid: list[list[CellSpec]] = []
    for row_index, cells in enumerate(rows):
        column = 0
        specs: list[CellSpec] = []
        rows_left = len(rows) - row_index
        for cell in cells:
            while (row_index, column) in taken:
                column += 1
            row_span = min(_span(cell.get("rowspan")), _MAX_ROWSPAN, rows_left)
            col_span = min(_span(cell.get("colspan")), _MAX_COLSPAN)
            specs.append(CellSpec(_cell_text(cell), row_index, column, None, row_span, col_span))
            taken.update(
                (row_index + dr, column + dc) for dr in range(row_span) for dc in range(col_span)
            )
            column += col_span
        grid.append(specs)
    return grid


#: Tags that start a new line inside a table cell.
_CELL_LINE_TAGS = _BLOCKS | {"tr", "table"}


def _cell_text(cell: Tag) -> str:
    """``cell.get_text(" ")``, with a newline wherever ``<br>`` or a block (``<p>``,
    ``<li>``, ``<div>`` …) starts a new line; the newlines become the cell's ``breaks``."""
    parts: list[str] = []
    for node in cell.descendants:
        if type(node) in (NavigableString, CData):
            parts.append(str(node))
        elif isinstance(node, Tag) and (node.name == "br" or node.name in _CELL_LINE_TAGS):
            parts.append("\n")
    return " ".join(parts)


def _span(value: object) -> int:
    try:
        return max(1, int(str(value)))
    except ValueError:
        return 1


def _collapse(text: str) -> str:
    text = _SPACES.sub(" ", text)
    return "\n".join(line.strip() for line in text.split(_BREAK)).strip()
