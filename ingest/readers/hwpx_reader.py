"""HWPX (OWPML, KS X 6101): a zip whose ``Contents/section<N>.xml`` parts hold the body.

Paragraphs are ``hp:p`` elements whose runs (``hp:run``) carry text in ``hp:t``; tables
are ``hp:tbl`` → ``hp:tr`` → ``hp:tc``, each cell giving its grid position in
``hp:cellAddr`` and its merge in ``hp:cellSpan``, and its content in ``hp:subList``.
Text boxes and other drawing objects keep their paragraphs in ``hp:subList`` too; they
are read after the paragraph that anchors them. XML is parsed with defusedxml (no DTDs,
no entity expansion); the zip has already passed ``limits.check_zip``.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as safe_xml
from defusedxml import DefusedXmlException

from stkg.ingest.errors import UnreadableDocument
from stkg.ingest.readers.builder import CellSpec, Extraction, TextBuilder

HP = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"
MIMETYPE = "application/hwp+zip"
_SECTION = re.compile(r"^Contents/section(\d+)\.xml$")
_INLINE = {f"{HP}tab": "\t", f"{HP}lineBreak": "\n", f"{HP}nbSpace": " ", f"{HP}fwSpace": " "}


def section_names(names: list[str]) -> list[str]:
    """The body parts in reading order (section0, section1, ... by number)."""
    found = [(int(m.group(1)), name) for name in names if (m := _SECTION.match(name))]
    return [name for _, name in sorted(found)]


# What zipfile raises for an entry whose local header, compressed data or offset is
# damaged (the central directory, checked by limits.check_zip, can still look fine).
_DAMAGED_ENTRY = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    ValueError,
    OSError,
    NotImplementedError,
    RuntimeError,
)


def read_hwpx(data: bytes, document: str) -> Extraction:
    builder = TextBuilder()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        _check_mimetype(archive, names, builder, document)
        sections = section_names(names)
        if not sections:
            raise UnreadableDocument(
                document,
                "the HWPX has no Contents/section*.xml body part",
                hint="open and re-save it in Hancom Office",
            )
        for name in sections:
            root = _parse(_read_entry(archive, name, document), document, name)
            _HwpxWalker(builder).paragraphs(root)
    return builder.finish()


def _read_entry(archive: zipfile.ZipFile, name: str, document: str) -> bytes:
    try:
        return archive.read(name)
    except _DAMAGED_ENTRY as exc:
        raise UnreadableDocument(
            document,
            f"the zip entry {name} is damaged ({type(exc).__name__}: {exc})",
            hint="the file may be truncated; download or export it again",
            location=name,
        ) from exc


def _check_mimetype(
    archive: zipfile.ZipFile, names: list[str], builder: TextBuilder, document: str
) -> None:
    if "mimetype" not in names:
        builder.warn("HWPX without a mimetype entry; read as OWPML anyway")
        return
    declared = _read_entry(archive, "mimetype", document).decode("ascii", "replace").strip()
    if declared != MIMETYPE:
        builder.warn(f"HWPX mimetype is {declared!r}, expected {MIMETYPE!r}; read anyway")


def _parse(xml: bytes, document: str, part: str) -> Element:
    try:
        return safe_xml.fromstring(xml)
    except DefusedXmlException as exc:
        raise UnreadableDocument(
            document, f"{part} uses forbidden XML constructs ({exc})", location=part
        ) from exc
    except safe_xml.ParseError as exc:
        raise UnreadableDocument(
            document, f"{part} is not well-formed XML ({exc})", location=part
        ) from exc


class _HwpxWalker:
    def __init__(self, builder: TextBuilder) -> None:
        self.builder = builder

    def paragraphs(self, container: Element) -> None:
        """Emit the direct ``hp:p`` children of a section, in order, each followed by the
        tables and the text-box paragraphs it anchors (depth first).

        The walk keeps its own stack of iterators instead of recursing, so text boxes
        nested thousands deep do not exhaust Python's stack. An iterator yields the
        paragraphs (``hp:p``) and tables (``hp:tbl``) still to emit at its level.
        """
        stack: list[Iterator[Element]] = [iter(container.findall(f"{HP}p"))]
        while stack:
            element = next(stack[-1], None)
            if element is None:
                stack.pop()
            elif element.tag == f"{HP}tbl":
                self.builder.add_table(table_rows(element), source="hwpx")
            else:
                self.builder.add_block(paragraph_text(element))
                stack.append(_anchored(element))


def _anchored(paragraph: Element) -> Iterator[Element]:
    """What a paragraph anchors, in order: its tables, and the paragraphs of the
    sub-lists of its other objects (text boxes, shapes)."""
    for run in paragraph.findall(f"{HP}run"):
        for obj in run:
            if obj.tag == f"{HP}tbl":
                yield obj
            elif obj.tag != f"{HP}t":
                for sub_list in _sub_lists_outside_tables(obj):
                    yield from sub_list.findall(f"{HP}p")


def paragraph_text(paragraph: Element) -> str:
    """The paragraph's own text: its runs' ``hp:t`` (not text inside tables or boxes)."""
    return "".join(
        _t_text(t) for run in paragraph.findall(f"{HP}run") for t in run.findall(f"{HP}t")
    )


def _t_text(t: Element) -> str:
    parts = [t.text or ""]
    for child in t:
        parts.append(_INLINE.get(child.tag, ""))
        parts.append(child.tail or "")
    return "".join(parts)


def _sub_lists_outside_tables(element: Element) -> Iterator[Element]:
    """The ``hp:subList`` descendants of ``element`` not inside a table or another
    sub-list, in document order (iteratively: see :meth:`_HwpxWalker.paragraphs`)."""
    stack = [iter(element)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag == f"{HP}subList":
            yield child
        elif child.tag != f"{HP}tbl":
            stack.append(iter(child))


def table_rows(table: Element) -> list[list[CellSpec]]:
    rows: list[list[CellSpec]] = []
    for row_index, tr in enumerate(table.findall(f"{HP}tr")):
        rows.append(
            [_cell(tc, row_index, column) for column, tc in enumerate(tr.findall(f"{HP}tc"))]
        )
    return rows


def _cell(tc: Element, row: int, column: int) -> CellSpec:
    """A cell, one line per paragraph; nested tables' paragraphs are flattened into it."""
    text = "\n".join(filter(None, (paragraph_text(p) for p in tc.iter(f"{HP}p"))))
    addr = tc.find(f"{HP}cellAddr")
    span = tc.find(f"{HP}cellSpan")
    return CellSpec(
        text=text,
        row=max(0, _int(addr, "rowAddr", row)),
        column=max(0, _int(addr, "colAddr", column)),
        row_span=max(1, _int(span, "rowSpan", 1)),
        col_span=max(1, _int(span, "colSpan", 1)),
    )


def _int(element: Element | None, attribute: str, default: int) -> int:
    if element is None:
        return default
    try:
        return int(element.get(attribute, default))
    except ValueError:
        return default
