"""DOCX: body paragraphs and tables in document order (python-docx).

Merged cells appear once: a horizontally merged cell carries ``col_span``; a vertically
merged one carries ``row_span`` and its continuation slots (empty in the XML) are left
out. A table nested in a cell is flattened into that cell's text. Headers, footers and
footnotes are not read.
"""

from __future__ import annotations

import io
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.oxml.text.paragraph import CT_P
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from stkg.ingest.errors import UnreadableDocument
from stkg.ingest.readers.builder import CellSpec, Extraction, TextBuilder

_HEADING_STYLES = ("heading", "title", "제목")


def read_docx(data: bytes, document: str) -> Extraction:
    try:
        word = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises bare KeyError/ValueError on bad parts
        raise UnreadableDocument(
            document,
            f"the DOCX cannot be opened ({type(exc).__name__}: {exc})",
            hint="open and re-save it in Word or LibreOffice",
        ) from exc
    builder = TextBuilder()
    kinds: dict[str | None, str] = {}
    # The body's children one by one, not python-docx's iter_inner_content: that selects
    # them with the XPath union "./w:p | ./w:tbl", whose merge in libxml2 is quadratic
    # (24,000 paragraphs took 2.6 s, two million would take hours).
    for element in word.element.body.iterchildren():
        if isinstance(element, CT_P):
            paragraph = Paragraph(element, word)
            builder.add_block(paragraph.text, kind=_kind(paragraph, kinds))
        elif isinstance(element, CT_Tbl):
            builder.add_table(_rows(DocxTable(element, word)), source="docx")
    return builder.finish()


def _kind(paragraph: Paragraph, kinds: dict[str | None, str]) -> str:
    """ "heading" or "paragraph" by the paragraph's style, looked up once per style id:
    python-docx resolves a style by scanning every style of the document (the default
    one twice), which made a DOCX of 24,000 paragraphs take over a minute."""
    style_id = paragraph._p.style
    if style_id not in kinds:
        style = paragraph.style
        name = (style.name or "").lower() if style is not None else ""
        kinds[style_id] = "heading" if name.startswith(_HEADING_STYLES) else "paragraph"
    return kinds[style_id]


def _rows(table: DocxTable) -> list[list[CellSpec]]:
    rows: list[list[CellSpec]] = []
    open_merges: dict[int, int] = {}  # grid column -> index in its row of the restart cell
    merged_spans: dict[tuple[int, int], int] = {}
    for row_index, tr in enumerate(table._tbl.tr_lst):
        column = tr.grid_before
        specs: list[CellSpec] = []
        for tc in tr.tc_lst:
            span = tc.grid_span
            if tc.vMerge == "continue" and column in open_merges:
                start_row = open_merges[column]
                merged_spans[(start_row, column)] = row_index - start_row + 1
            else:
                if tc.vMerge == "restart":
                    open_merges[column] = row_index
                else:
                    open_merges.pop(column, None)
                specs.append(CellSpec(_cell_text(tc), row_index, column, None, 1, span))
            column += span
        rows.append(specs)
    return [
        [
            CellSpec(
                s.text, s.row, s.column, None, merged_spans.get((s.row, s.column), 1), s.col_span
            )
            for s in specs
        ]
        for specs in rows
    ]


def _cell_text(tc: Any) -> str:
    """All paragraph text in the cell, nested tables included, one line per paragraph.

    python-docx's ``Paragraph.text`` renders breaks and tabs; whitespace is collapsed later,
    the lines becoming the cell's ``breaks``.
    """
    texts = (Paragraph(p, None).text for p in tc.iter(qn("w:p")))  # type: ignore[arg-type]
    return "\n".join(text for text in texts if text)
