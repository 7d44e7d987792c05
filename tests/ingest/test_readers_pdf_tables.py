"""Ruled tables on PDF pages: read into the same table model as the other readers', with
the page they are printed on; pages without tables keep their text as before.

The PDFs are written by hand here, as in ``test_readers_pdf`` (a Type0 font with a
ToUnicode CMap and no glyph widths: every character is one em wide).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from test_readers_pdf import TO_UNICODE, build_pdf, korean_page, serialize, stream, write

from stkg.ingest.errors import UnreadableDocument
from stkg.ingest.extract.tables.core_technologies import read_core_technology_tables
from stkg.ingest.readers import Document, read_document
from stkg.ingest.readers.builder import normalize

SIZE = 8  # font size of the table text; one character is SIZE points wide


def text_at(x: float, y: float, text: str, size: int = SIZE) -> bytes:
    shown = text.encode("utf-16-be").hex().encode()
    return f"BT /F1 {size} Tf {x:g} {y:g} Td <".encode() + shown + b"> Tj ET\n"


def grid(
    cells: list[tuple[int, int, int, int, list[str]]],
    columns: tuple[float, ...],
    top: float = 700,
    height: float = 30,
) -> bytes:
    """One stroked rectangle per (row, column, row span, column span, lines) cell."""
    out = bytearray(b"0.5 w\n")
    for row, column, row_span, col_span, lines in cells:
        x0, x1 = columns[column], columns[column + col_span]
        y1 = top - row * height
        y0 = y1 - row_span * height
        out += f"{x0:g} {y0:g} {x1 - x0:g} {y1 - y0:g} re S\n".encode()
        for index, line in enumerate(lines):
            out += text_at(x0 + 3, y1 - 11 - index * (SIZE + 3), line)
    return bytes(out)


#: 분야 | 전략제품 | 핵심기술 | 개발목표, the product cell merged over two rows, two
#: technologies one per line, a goal wrapped by the cell's width (its first line fills the
#: 100-point cell: 12 characters of 8 points from 3 points in).
COLUMNS = (40.0, 100.0, 200.0, 300.0, 400.0)
CELLS = [
    (0, 0, 1, 1, ["분야"]),
    (0, 1, 1, 1, ["전략제품"]),
    (0, 2, 1, 1, ["핵심기술"]),
    (0, 3, 1, 1, ["개발목표"]),
    (1, 0, 2, 1, ["로봇"]),
    (1, 1, 2, 1, ["물류 로봇"]),
    (1, 2, 1, 1, ["경로 계획", "군집 제어"]),
    (1, 3, 1, 1, ["최대 적재량 500kg", "이상 운반"]),
    (2, 2, 1, 1, ["장애물 인식"]),
    (2, 3, 1, 1, ["인식률 99%"]),
]
HEADING = "2030~2032 중소기업 기술로드맵 핵심기술"


def table_page(beside: str = "") -> bytes:
    note = text_at(420, 680, beside, 9) if beside else b""
    return text_at(40, 760, HEADING, 11) + grid(CELLS, COLUMNS) + note + text_at(40, 560, "끝", 11)


def assert_offsets(doc: Document) -> None:
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == block.text
    for table in doc.tables:
        for cell in (c for row in table.rows for c in row):
            assert doc.text[cell.start : cell.end] == cell.text


def test_a_ruled_grid_becomes_a_table_on_its_page(tmp_path: Path) -> None:
    data = build_pdf([korean_page(["표지"]), table_page(beside="※ 단위: 건")], korean=True)
    doc = read_document(write(tmp_path, "core.pdf", data))
    assert_offsets(doc)
    (table,) = doc.tables
    assert (table.id, table.source, table.page) == ("table-1", "pdf", 2)
    grid_cells = [(c.text, c.row, c.column, c.row_span, c.col_span) for r in table.rows for c in r]
    assert grid_cells == [
        ("분야", 0, 0, 1, 1), ("전략제품", 0, 1, 1, 1), ("핵심기술", 0, 2, 1, 1), ("개발목표", 0, 3, 1, 1),
        ("로봇", 1, 0, 2, 1), ("물류 로봇", 1, 1, 2, 1), ("경로 계획 군집 제어", 1, 2, 1, 1),
        ("최대 적재량 500kg 이상 운반", 1, 3, 1, 1),
        ("장애물 인식", 2, 2, 1, 1), ("인식률 99%", 2, 3, 1, 1),
    ]  # fmt: skip
    # the author's line break is kept; the wrapped line is not a break
    breaks = {c.text: c.breaks for r in table.rows for c in r}
    assert breaks["경로 계획 군집 제어"] == (6,)
    assert breaks["최대 적재량 500kg 이상 운반"] == ()
    # the heading above the table comes before it in the text; a note beside it and the
    # line below come after it
    assert [(b.page, b.text) for b in doc.blocks] == [
        (1, "표지"),
        (2, HEADING),
        (2, "※ 단위: 건\n끝"),
    ]
    assert doc.blocks[1].end < table.start < table.end < doc.blocks[2].start
    assert doc.pages() == [
        (doc.blocks[0].start, doc.blocks[0].end, 1),
        (doc.blocks[1].start, doc.blocks[1].end, 2),
        (table.start, table.end, 2),
        (doc.blocks[2].start, doc.blocks[2].end, 2),
    ]


def test_the_core_technology_extractor_reads_a_pdf_table(tmp_path: Path) -> None:
    data = build_pdf([table_page()], korean=True)
    doc = read_document(write(tmp_path, "core.pdf", data))
    (table,) = read_core_technology_tables(doc, "core.pdf")
    assert (table.roadmap, table.start_year, table.end_year) == ("sme", 2030, 2032)
    assert [(r.field.value, r.product.value, r.technology.value, r.goal.value if r.goal else None)
            for r in table.rows] == [
        ("로봇", "물류 로봇", "경로 계획", "최대 적재량 500kg 이상 운반"),
        ("로봇", "물류 로봇", "군집 제어", "최대 적재량 500kg 이상 운반"),
        ("로봇", "물류 로봇", "장애물 인식", "인식률 99%"),
    ]  # fmt: skip


def test_pages_without_tables_keep_their_text(tmp_path: Path) -> None:
    """A page of text and a page with a framed note and an underline (ruled, but no grid)
    read exactly as pypdf reads them; only the page with a grid has a table."""
    framed = (
        b"0.5 w 40 600 300 40 re S 40 540 m 300 540 l S\n"
        + text_at(45, 625, "※ 참고: 틀 안의 문장은 표가 아니다", 10)
        + text_at(45, 550, "밑줄 친 문장", 10)
    )
    pages = [korean_page(["로드맵 개요", "예산 10억원"]), framed, table_page()]
    data = build_pdf(pages, korean=True)
    doc = read_document(write(tmp_path, "mixed.pdf", data))
    pypdf_pages = [
        normalize(page.extract_text()).strip()
        for page in PdfReader(write(tmp_path, "p.pdf", data)).pages
    ]
    assert [(b.page, b.text) for b in doc.blocks if b.page in (1, 2)] == [
        (1, pypdf_pages[0]),
        (2, pypdf_pages[1]),
    ]
    assert [t.page for t in doc.tables] == [3]
    assert doc.warnings == []
    assert_offsets(doc)


def test_a_table_drawn_in_a_form_xobject_is_found(tmp_path: Path) -> None:
    """Some writers draw a page's tables in a form XObject the page places (``Do``): the
    page's own content then draws no line, and the table is found all the same."""
    form = (
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792]"
        b" /Resources << /Font << /F1 3 0 R >> >> /Length %d >>\nstream\n"
    )
    drawing = table_page()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [6 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /HYSMyeongJo-Medium /Encoding /Identity-H"
        b" /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HYSMyeongJo-Medium"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>",
        stream(TO_UNICODE),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources"
        b" << /Font << /F1 3 0 R >> /XObject << /Fm1 8 0 R >> >> /Contents 7 0 R >>",
        stream(b"q /Fm1 Do Q"),
        form % len(drawing) + drawing + b"\nendstream",
    ]
    doc = read_document(write(tmp_path, "form.pdf", serialize(objects)))
    (table,) = doc.tables
    assert (table.page, table.rows[0][0].text, len(table.rows)) == (1, "분야", 3)


def test_a_malformed_pdf_is_refused_naming_the_document(tmp_path: Path) -> None:
    """A page without a MediaBox (required) that pypdf reads text from regardless: its
    tables cannot be laid out, and that is an error naming the file rather than a document
    whose table silently went missing."""
    data = build_pdf([table_page()], korean=True)
    box = b"/MediaBox [0 0 612 792]"
    data = data.replace(box, b" " * len(box))  # same length: the xref offsets still hold
    assert PdfReader(write(tmp_path, "p.pdf", data)).pages[0].extract_text()
    with pytest.raises(UnreadableDocument) as caught:
        read_document(write(tmp_path, "깨진표.pdf", data))
    assert str(caught.value).startswith("cannot read 깨진표.pdf: the PDF's tables cannot be read")


def test_a_table_continued_on_the_next_page_without_its_header(tmp_path: Path) -> None:
    """The rest of a long table on the next page, without the header row: read on as part
    of the table before it (the product cell continues), each row citing its own grid."""
    first = text_at(40, 760, HEADING, 11) + grid(CELLS[:8], COLUMNS)
    rest = [
        (0, 0, 1, 1, [""]),  # the field and product cells went on from the page before
        (0, 1, 1, 1, [""]),
        (0, 2, 1, 1, ["장애물 인식"]),
        (0, 3, 1, 1, ["인식률 99%"]),
        (1, 0, 1, 1, [""]),
        (1, 1, 1, 1, ["배송 로봇"]),
        (1, 2, 1, 1, ["자율 주행"]),
        (1, 3, 1, 1, [""]),
    ]
    # a grid of three columns on the page after: another table, not more of this one
    narrow = [(r, c, 1, 1, [f"기타 {r}{c}"]) for r in range(2) for c in range(3)]
    pages = [first, grid(rest, COLUMNS, top=760), grid(narrow, COLUMNS[:4], top=760)]
    doc = read_document(write(tmp_path, "long.pdf", build_pdf(pages, korean=True)))
    assert [t.page for t in doc.tables] == [1, 2, 3]
    (table,) = read_core_technology_tables(doc, "long.pdf")
    assert [(r.product.value, r.technology.value, r.technology.ref.table) for r in table.rows] == [
        ("물류 로봇", "경로 계획", "table-1"),
        ("물류 로봇", "군집 제어", "table-1"),
        ("물류 로봇", "장애물 인식", "table-2"),
        ("배송 로봇", "자율 주행", "table-2"),
    ]
    assert table.warnings == []
