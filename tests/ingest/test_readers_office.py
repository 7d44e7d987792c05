"""Readers for zip-based formats (docx, xlsx, hwpx), zip-bomb refusal and HWP 5 refusal."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
import docx.oxml.document
import docx.styles.styles
import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from stkg.ingest.errors import (
    DocumentTooLarge,
    UnreadableDocument,
    UnsafeArchive,
    UnsupportedFormat,
)
from stkg.ingest.readers import Document, Limits, limits, read_document
from stkg.ingest.readers.builder import clean_cell, clean_cell_lines

MiB = 1024 * 1024


def assert_offsets(doc: Document) -> None:
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == block.text
    for table in doc.tables:
        assert doc.text[table.start : table.end].startswith(table.rows[0][0].text)
    for cell in doc.cells():
        assert doc.text[cell.start : cell.end] == cell.text


def grid(doc: Document, index: int = 0) -> list[list[str]]:
    return [[cell.text for cell in row] for row in doc.tables[index].rows]


# --- docx ------------------------------------------------------------------------------


def make_docx(path: Path) -> Path:
    word = docx.Document()
    word.add_heading("2025 바이오헬스 기술로드맵", level=1)
    word.add_paragraph("디지털 치료기기 분야에서 핵심기술 9개를 도출하였다.")
    table = word.add_table(rows=3, cols=3)
    table.cell(0, 0).text = "전략제품"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "핵심기술"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "수면 관리 앱"
    table.cell(1, 1).text = "생체신호 분석"
    table.cell(1, 2).text = "맞춤형\n피드백"
    table.cell(2, 1).text = "데이터 보안"
    word.add_paragraph("표 다음에 오는 문단이다.")
    word.save(str(path))
    return path


def test_docx_paragraphs_and_tables_in_document_order(tmp_path: Path) -> None:
    doc = read_document(make_docx(tmp_path / "로드맵.docx"))
    assert doc.media_type.endswith("wordprocessingml.document")
    assert [b.text for b in doc.blocks] == [
        "2025 바이오헬스 기술로드맵",
        "디지털 치료기기 분야에서 핵심기술 9개를 도출하였다.",
        "표 다음에 오는 문단이다.",
    ]
    assert doc.blocks[0].kind == "heading"
    assert doc.blocks[1].end < doc.tables[0].start < doc.tables[0].end < doc.blocks[2].start
    assert grid(doc) == [
        ["전략제품", "핵심기술"],
        ["수면 관리 앱", "생체신호 분석", "맞춤형 피드백"],
        ["데이터 보안", ""],
    ]
    rows = doc.tables[0].rows
    assert (rows[0][1].column, rows[0][1].col_span) == (1, 2)
    assert (rows[1][0].row_span, rows[2][0].column, rows[2][0].row) == (2, 1, 2)
    assert_offsets(doc)


def test_docx_styles_are_resolved_once_per_style_not_per_paragraph(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # found by the reader memory benchmark: python-docx resolves a paragraph's style by
    # scanning every style of the document, twice per paragraph here, so 24,000 plain
    # paragraphs took over a minute; the kind is now looked up once per style id
    word = docx.Document()
    for n in range(300):
        word.add_paragraph(f"문단 {n}", style="Heading 1" if n % 100 == 0 else None)
    path = tmp_path / "many.docx"
    word.save(str(path))
    lookups = 0
    resolve = docx.styles.styles.Styles.get_by_id

    def counted(self: object, *args: object, **kwargs: object) -> object:
        nonlocal lookups
        lookups += 1
        return resolve(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(docx.styles.styles.Styles, "get_by_id", counted)
    doc = read_document(path)
    assert [b.kind for b in doc.blocks].count("heading") == 3
    assert len(doc.blocks) == 300
    assert lookups == 2  # the default paragraph style and "Heading 1"


def test_docx_body_is_walked_without_the_quadratic_xpath_union(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # found by the reader memory benchmark: python-docx's iter_inner_content selects the
    # body's paragraphs and tables with the XPath union "./w:p | ./w:tbl", which libxml2
    # merges in quadratic time (two million one-word paragraphs, a 5 MB file, ran for
    # hours); the reader walks the body's children itself, in the same order
    def refuse(_self: object) -> None:
        raise AssertionError("the body was read through inner_content_elements")

    monkeypatch.setattr(docx.oxml.document.CT_Body, "inner_content_elements", property(refuse))
    doc = read_document(make_docx(tmp_path / "로드맵.docx"))
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "paragraph"]
    assert doc.blocks[1].end < doc.tables[0].start < doc.blocks[2].start


# --- xlsx ------------------------------------------------------------------------------


def make_xlsx(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    budget = workbook.active
    budget.title = "예산"
    budget["A1"] = "사업명"
    budget["B1"] = "2025년 예산(억원)"
    budget["A2"] = "창업성장기술개발"
    budget["B2"] = 512.0
    budget["A4"] = "기술혁신개발"
    budget["B4"] = 1234.5
    budget["C4"] = True
    schedule = workbook.create_sheet("일정")
    schedule["B2"] = "공고일"
    schedule["C2"] = dt.datetime(2025, 3, 14)
    workbook.create_sheet("빈 시트")
    workbook.save(path)
    return path


def test_xlsx_sheets_become_tables_with_cell_refs(tmp_path: Path) -> None:
    doc = read_document(make_xlsx(tmp_path / "예산.xlsx"))
    assert [(t.sheet, t.source) for t in doc.tables] == [("예산", "xlsx"), ("일정", "xlsx")]
    assert grid(doc, 0) == [
        ["사업명", "2025년 예산(억원)"],
        ["창업성장기술개발", "512"],
        ["기술혁신개발", "1234.5", "TRUE"],
    ]
    amount = doc.tables[0].rows[2][1]
    assert (amount.ref, amount.row, amount.column) == ("B4", 3, 1)
    date = doc.tables[1].rows[0][2]
    assert (date.text, date.ref) == ("2025-03-14", "C2")
    assert [b.text for b in doc.blocks] == ["예산", "일정"]
    assert_offsets(doc)


# --- hwpx ------------------------------------------------------------------------------

NS = (
    'xmlns:ha="http://www.hancom.co.kr/hwpml/2011/app" '
    'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" '
    'xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" '
    'xmlns:hc="http://www.hancom.co.kr/hwpml/2011/core" '
    'xmlns:hh="http://www.hancom.co.kr/hwpml/2011/head"'
)


def para(text: str, inner: str = "") -> str:
    return (
        '<hp:p id="0" paraPrIDRef="0" styleIDRef="0" pageBreak="0" columnBreak="0" merged="0">'
        f'<hp:run charPrIDRef="0"><hp:t>{text}</hp:t>{inner}</hp:run></hp:p>'
    )


def cell(text: str, row: int, col: int, row_span: int = 1, col_span: int = 1) -> str:
    return (
        '<hp:tc name="" header="0" hasMargin="0" protect="0" editable="0" dirty="0" '
        'borderFillIDRef="1"><hp:subList id="" textDirection="HORIZONTAL" '
        f'lineWrap="BREAK" vertAlign="CENTER">{para(text)}</hp:subList>'
        f'<hp:cellAddr colAddr="{col}" rowAddr="{row}"/>'
        f'<hp:cellSpan colSpan="{col_span}" rowSpan="{row_span}"/>'
        '<hp:cellSz width="10000" height="1000"/></hp:tc>'
    )


def test_xlsx_with_a_damaged_sheet_is_unreadable(tmp_path: Path) -> None:
    # found by the reader fuzzer: read-only openpyxl parses a sheet's XML only while its
    # rows are streamed, after the workbook opened fine, and the ParseError escaped
    data = make_xlsx(tmp_path / "full.xlsx").read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = content[: len(content) // 2]
            target.writestr(info.filename, content)
    path = tmp_path / "cut.xlsx"
    path.write_bytes(out.getvalue())
    with pytest.raises(UnreadableDocument, match=r"cannot read cut\.xlsx \(sheet '예산'\)"):
        read_document(path)


def test_sparse_xlsx_is_refused_before_its_padding_fills_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # found by the reader fuzzer: openpyxl pads the gap between A and XFD on every row, so
    # a 6 KB sheet of 200 such rows became 3.3 million cells and 4.6 GB of memory
    monkeypatch.setattr(limits, "MAX_TABLE_CELLS", 100_000)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "희소"
    for row in range(1, 21):  # 20 rows x 16,384 columns = 327,680 cells once padded
        sheet.cell(row, 1, f"사업 {row}")
        sheet.cell(row, 16384, "끝")
    path = tmp_path / "sparse.xlsx"
    workbook.save(path)
    assert path.stat().st_size < 20_000
    with pytest.raises(
        DocumentTooLarge, match=r"cannot read sparse\.xlsx \(sheet '희소' row 7\): .*100,000 cells"
    ):
        read_document(path)


def test_csv_of_too_many_cells_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_TABLE_CELLS", 1_000)
    path = tmp_path / "commas.csv"
    path.write_text("a,b\n" + ",,,,\n" * 300, encoding="utf-8")
    with pytest.raises(DocumentTooLarge, match=r"cannot read commas\.csv \(line 201\)"):
        read_document(path)


def hwpx_table() -> str:
    return (
        '<hp:tbl id="1" rowCnt="3" colCnt="2" cellSpacing="0" borderFillIDRef="1">'
        '<hp:sz width="20000" height="3000"/>'
        f"<hp:tr>{cell('분야', 0, 0)}{cell('예산', 0, 1)}</hp:tr>"
        f"<hp:tr>{cell('이차전지', 1, 0, row_span=2)}{cell('80억 원', 1, 1)}</hp:tr>"
        f"<hp:tr>{cell('45억 원', 2, 1)}</hp:tr>"
        "</hp:tbl>"
    )


def section(body: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><hs:sec {NS}>{body}</hs:sec>'


def make_hwpx(path: Path, sections: list[str], mimetype: str = "application/hwp+zip") -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr(
            "version.xml",
            # "tagetApplication" is Hancom's own spelling in real files.
            '<?xml version="1.0"?><hv:HCFVersion tagetApplication="WORDPROCESSOR" major="5" '
            'minor="1" xmlns:hv="http://www.hancom.co.kr/hwpml/2011/version"/>',
        )
        archive.writestr(
            "META-INF/container.xml",
            '<?xml version="1.0"?><ocf:container '
            'xmlns:ocf="urn:oasis:names:tc:opendocument:xmlns:container"><ocf:rootfiles>'
            '<ocf:rootfile full-path="Contents/content.hpf" '
            'media-type="application/hwpml-package+xml"/>'
            "</ocf:rootfiles></ocf:container>",
        )
        archive.writestr(
            "Contents/header.xml",
            f'<?xml version="1.0"?><hh:head {NS} version="1.4" secCnt="{len(sections)}"/>',
        )
        archive.writestr(
            "Contents/content.hpf",
            '<?xml version="1.0"?><opf:package xmlns:opf="http://www.idpf.org/2007/opf/"/>',
        )
        for index, body in enumerate(sections):
            archive.writestr(
                f"Contents/section{index}.xml", section(body), compress_type=zipfile.ZIP_DEFLATED
            )
    return path


def test_hwpx_paragraphs_and_tables(tmp_path: Path) -> None:
    first = (
        para("이차전지 소재 분야 로드맵을 공개했다.")
        + para("표 앞 문장", inner=hwpx_table())
        + para("줄<hp:lineBreak/>바꿈과<hp:tab/>탭")
    )
    second = para("둘째 구역의 첫 문단이다.")
    doc = read_document(make_hwpx(tmp_path / "계획.hwpx", [first, second]))
    assert doc.media_type == "application/hwp+zip"
    assert [b.text for b in doc.blocks] == [
        "이차전지 소재 분야 로드맵을 공개했다.",
        "표 앞 문장",
        "줄\n바꿈과\t탭",
        "둘째 구역의 첫 문단이다.",
    ]
    assert grid(doc) == [["분야", "예산"], ["이차전지", "80억 원"], ["45억 원"]]
    corner, lower = doc.tables[0].rows[1][0], doc.tables[0].rows[2][0]
    assert (corner.row_span, lower.row, lower.column) == (2, 2, 1)
    assert doc.blocks[1].end < doc.tables[0].start < doc.blocks[2].start
    assert doc.warnings == []
    assert_offsets(doc)


def test_hwpx_sections_are_read_in_numeric_order(tmp_path: Path) -> None:
    bodies = [para(f"구역 {n}") for n in range(11)]
    doc = read_document(make_hwpx(tmp_path / "many.hwpx", bodies))
    assert [b.text for b in doc.blocks] == [f"구역 {n}" for n in range(11)]


def test_hwpx_with_wrong_mimetype_is_read_with_a_warning(tmp_path: Path) -> None:
    doc = read_document(make_hwpx(tmp_path / "odd.hwpx", [para("본문")], mimetype="text/plain"))
    assert doc.text == "본문"
    assert any("mimetype" in w for w in doc.warnings)


def test_hwpx_entity_tricks_are_refused(tmp_path: Path) -> None:
    evil = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "가가가가">]><hs:sec ' + NS + ">&a;</hs:sec>"
    )
    path = tmp_path / "evil.hwpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/hwp+zip")
        archive.writestr("Contents/section0.xml", evil)
    with pytest.raises(UnreadableDocument, match=r"cannot read evil\.hwpx .*section0\.xml"):
        read_document(path)


@pytest.mark.parametrize("damage", ["local header", "deflate stream"])
def test_hwpx_with_a_damaged_entry_is_unreadable(tmp_path: Path, damage: str) -> None:
    # found by the reader fuzzer: the central directory was intact, so check_zip passed,
    # and zipfile's BadZipFile / zlib.error escaped the reader while reading the entry
    data = bytearray(make_hwpx(tmp_path / "full.hwpx", [para("가" * 2000)]).read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        entry = archive.getinfo("Contents/section0.xml")
    if damage == "local header":
        data[entry.header_offset : entry.header_offset + 4] = b"XXXX"
    else:
        body = entry.header_offset + 30 + len(entry.filename.encode()) + len(entry.extra)
        data[body : body + 8] = b"\xff" * 8
    path = tmp_path / "damaged.hwpx"
    path.write_bytes(bytes(data))
    with pytest.raises(UnreadableDocument, match=r"cannot read damaged\.hwpx \(Contents/section0"):
        read_document(path)


def test_hwpx_text_boxes_nested_thousands_deep_are_read(tmp_path: Path) -> None:
    # found by the reader fuzzer: the walk recursed once per text box (and once per
    # element around a sub-list), so deep nesting raised RecursionError out of the reader
    depth = 5_000
    inner = "<hp:t>가장 깊은 글</hp:t>"
    for level in range(depth):
        box = f"<hp:rect><hp:drawText><hp:subList>{para(f'상자 {level}', inner)}"
        inner = box + "</hp:subList></hp:drawText></hp:rect>"
    wrapped = "<hp:rect>" + "<hp:x>" * depth + f"<hp:subList>{para('감싼 글')}</hp:subList>"
    wrapped += "</hp:x>" * depth + "</hp:rect>"
    doc = read_document(make_hwpx(tmp_path / "deep.hwpx", [para("맨 위", inner + wrapped)]))
    texts = [b.text for b in doc.blocks]
    assert texts[:3] == ["맨 위", "상자 4999", "상자 4998"]
    assert texts[-2:] == ["상자 0가장 깊은 글", "감싼 글"]
    assert len(texts) == depth + 2


# --- zip bombs and other containers ----------------------------------------------------


def bomb(path: Path, member: str, size: int) -> Path:
    """A zip whose one entry is ``size`` zero bytes, streamed so memory stays small."""
    chunk = bytes(MiB)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/hwp+zip")
        with archive.open(member, "w", force_zip64=True) as entry:
            for _ in range(size // MiB):
                entry.write(chunk)
    return path


@pytest.mark.parametrize(
    ("name", "member"),
    [
        ("bomb.xlsx", "xl/workbook.xml"),
        ("bomb.docx", "word/document.xml"),
        ("bomb.hwpx", "Contents/section0.xml"),
    ],
)
def test_zip_bombs_are_refused_before_decompressing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, member: str
) -> None:
    path = bomb(tmp_path / name, member, 16 * MiB)  # ~16 KB on disk, ratio ~1000
    assert path.stat().st_size < MiB

    def no_decompression(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("an entry was opened before the bomb check")

    monkeypatch.setattr(zipfile.ZipFile, "open", no_decompression)
    with pytest.raises(UnsafeArchive) as caught:
        read_document(path)
    assert str(caught.value).startswith(f"cannot read {name}: the entry {member} expands")
    assert "zip bomb" in str(caught.value)


def test_total_uncompressed_size_limit(tmp_path: Path) -> None:
    path = make_hwpx(tmp_path / "big.hwpx", [para("가" * 5000)])
    with pytest.raises(UnsafeArchive, match="more than 10000 bytes"):
        read_document(path, limits=Limits(max_uncompressed_bytes=10_000))
    assert read_document(path).text == "가" * 5000


def test_xml_parts_size_limit(tmp_path: Path) -> None:
    # found by the reader memory benchmark: the parsers build trees ~10x the XML's size,
    # and 190 MiB of one-word paragraphs (a 15 MB file) took 2.5 GB
    path = make_hwpx(tmp_path / "wordy.hwpx", [para("가" * 5000)])
    with pytest.raises(
        DocumentTooLarge, match=r"cannot read wordy\.hwpx: its XML parts hold more than 12000 bytes"
    ):
        read_document(path, limits=Limits(max_xml_bytes=12_000))
    assert read_document(path).text == "가" * 5000


def test_entry_count_limit(tmp_path: Path) -> None:
    path = make_hwpx(tmp_path / "entries.hwpx", [para("하나"), para("둘")])
    with pytest.raises(UnsafeArchive, match=r"has 7 entries \(limit 5\)"):
        read_document(path, limits=Limits(max_zip_entries=5))


def test_truncated_zip_is_unreadable(tmp_path: Path) -> None:
    data = make_docx(tmp_path / "full.docx").read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(UnreadableDocument, match=r"cannot read cut\.docx: the zip container"):
        read_document(path)


def test_zip_of_an_unknown_zip_version_is_unreadable(tmp_path: Path) -> None:
    # found by the reader fuzzer: zipfile raises NotImplementedError for a central
    # directory entry that claims a zip version it cannot extract
    data = bytearray(make_docx(tmp_path / "full.docx").read_bytes())
    directory = data.index(b"PK\x01\x02")
    data[directory + 6] = 168  # "version needed to extract": 16.8
    path = tmp_path / "future.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(UnreadableDocument, match=r"cannot read future\.docx: the zip container"):
        read_document(path)


def test_plain_zip_is_not_a_document(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("사진/목록.txt", "사진 목록")
    path = tmp_path / "photos.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(UnsupportedFormat, match="not a DOCX, XLSX or HWPX"):
        read_document(path)


def test_content_beats_extension_for_containers(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "예산.xlsx")
    renamed = path.rename(tmp_path / "예산.hwpx")
    doc = read_document(renamed)
    assert doc.tables[0].sheet == "예산"
    assert any("content is XLSX" in w for w in doc.warnings)


def test_html_error_page_named_docx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_text("<!DOCTYPE html><html><body>404 찾을 수 없음</body></html>", encoding="utf-8")
    with pytest.raises(UnreadableDocument, match=r"report\.docx: .*content is an HTML page"):
        read_document(path)


# --- HWP 5 -----------------------------------------------------------------------------


def fake_hwp5() -> bytes:
    """An OLE compound-file header followed by an HWP 5 FileHeader signature."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    return header + b"HWP Document File" + bytes(15) + bytes(480)


@pytest.mark.parametrize("name", ["공고문.hwp", "공고문.bin"])
def test_hwp5_is_refused_with_conversion_advice(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(fake_hwp5())
    with pytest.raises(UnsupportedFormat) as caught:
        read_document(path)
    message = str(caught.value)
    assert message.startswith(f"cannot read {name}: HWP 5 binary documents cannot be read")
    assert "HWPX" in message and "PDF" in message


def test_legacy_doc_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000))
    with pytest.raises(UnsupportedFormat, match=r"save it as \.docx"):
        read_document(path)


@given(st.text(alphabet=" \t\n\r가나AB·,", max_size=40))
def test_cell_lines_clean_like_one_line(text: str) -> None:
    """Keeping a cell's line breaks never changes its text, only records where lines begin."""
    cleaned, breaks = clean_cell_lines(text)
    assert cleaned == clean_cell(text)
    starts = [clean_cell(line) for line in text.split("\n") if clean_cell(line)]
    assert [cleaned[b:].split(" ")[0] for b in breaks] == [s.split(" ")[0] for s in starts[1:]]


def test_paragraphs_in_a_cell_are_breaks(tmp_path: Path) -> None:
    word = docx.Document()
    table = word.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "첫째 줄"
    table.cell(0, 0).add_paragraph("둘째 줄")
    word.save(str(tmp_path / "a.docx"))
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = "첫째 줄\n둘째 줄"
    book.save(tmp_path / "a.xlsx")
    (tmp_path / "a.html").write_text("<table><tr><td>첫째 줄<br>둘째 줄</td></tr></table>")
    two = para("첫째 줄") + para("둘째 줄")
    tbl = (
        '<hp:tbl id="1" rowCnt="1" colCnt="1"><hp:tr>'
        + cell("", 0, 0).replace(para(""), two)
        + "</hp:tr></hp:tbl>"
    )
    make_hwpx(tmp_path / "a.hwpx", [para("표", inner=tbl)])
    for name in ("a.docx", "a.xlsx", "a.html", "a.hwpx"):
        doc = read_document(tmp_path / name)
        (only,) = doc.cells()
        assert (only.text, only.breaks) == ("첫째 줄 둘째 줄", (5,)), name
        assert doc.text[only.start : only.end] == only.text
