"""Readers for text-like formats (txt, csv, html) and the checks every file passes first."""

from __future__ import annotations

import os
import random
import unicodedata
from pathlib import Path

import pytest

from stkg.ingest.errors import (
    BinaryContent,
    DocumentNotFound,
    DocumentTooLarge,
    EmptyDocument,
    IngestError,
    UnsupportedFormat,
)
from stkg.ingest.readers import Document, Limits, limits, read_document

# Made-up Korean prose in the style of a roadmap press release.
KOREAN = (
    "중소벤처기업부는 수소 연료전지 분야의 핵심기술 12개를 새로 선정했다.\n"
    "올해 연구개발 예산은 340억 원으로, 작년보다 15% 늘었다.\n"
    "\n"
    "※ 세부 과제는 누리집에서 확인할 수 있다.\n"
)
SHORT_KOREAN = "스마트 농업 로봇 기술개발 착수"


def assert_offsets(doc: Document) -> None:
    for block in doc.blocks:
        assert doc.text[block.start : block.end] == block.text
    for table in doc.tables:
        assert table.start <= table.end <= len(doc.text)
        for cell in doc.cells():
            assert doc.text[cell.start : cell.end] == cell.text


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- txt -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("cp949", "cp949"),
        ("euc-kr", "cp949"),
        ("utf-16", "utf-16"),
        ("utf-16-le", "utf-16-le"),
        ("utf-16-be", "utf-16-be"),
    ],
)
def test_txt_encodings_are_detected_and_recorded(
    tmp_path: Path, encoding: str, expected: str
) -> None:
    doc = read_document(write(tmp_path, "보도자료.txt", KOREAN.encode(encoding)))
    assert doc.text == KOREAN
    assert doc.encoding == expected
    assert doc.media_type == "text/plain"
    assert [b.text for b in doc.blocks] == [
        KOREAN.split("\n\n")[0],
        "※ 세부 과제는 누리집에서 확인할 수 있다.",
    ]
    assert_offsets(doc)


@pytest.mark.parametrize("encoding", ["cp949", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [SHORT_KOREAN, "반도체", "로봇 손", "배터리 셀 123"])
def test_short_korean_without_bom_is_decoded_right(
    tmp_path: Path, encoding: str, text: str
) -> None:
    # charset-normalizer alone reads some of these in CP949 as Big5 or UTF-16-BE.
    doc = read_document(write(tmp_path, "짧은.txt", text.encode(encoding)))
    assert doc.text == text
    assert doc.encoding == encoding


def test_txt_identity_and_newlines(tmp_path: Path) -> None:
    data = "첫 문단입니다.\r\n둘째 줄.\r\n\r\n다음 문단.".encode()
    doc = read_document(write(tmp_path, "a.txt", data))
    assert doc.text == "첫 문단입니다.\n둘째 줄.\n\n다음 문단."
    assert doc.size == len(data)
    assert len(doc.sha256) == 64
    assert doc.path.endswith("a.txt")
    assert_offsets(doc)


def test_decomposed_hangul_is_composed(tmp_path: Path) -> None:
    text = unicodedata.normalize("NFD", "반도체 장비")
    doc = read_document(write(tmp_path, "nfd.txt", text.encode()))
    assert doc.text == "반도체 장비"


def test_binary_junk_named_txt_fails_clearly(tmp_path: Path) -> None:
    junk = random.Random(7).randbytes(4096)
    with pytest.raises(BinaryContent) as caught:
        read_document(write(tmp_path, "junk.txt", junk))
    assert "junk.txt" in str(caught.value)
    assert "binary" in str(caught.value)


def test_control_characters_without_nul_fail(tmp_path: Path) -> None:
    data = bytes(range(1, 32)) * 20 + "한글".encode()
    with pytest.raises(BinaryContent, match=r"cannot read ctrl\.txt: .*control"):
        read_document(write(tmp_path, "ctrl.txt", data))


def test_image_named_txt_fails_naming_what_it_is(tmp_path: Path) -> None:
    data = b"\x89PNG\r\n\x1a\n" + bytes(200)
    with pytest.raises(UnsupportedFormat, match=r"cannot read photo\.txt: .*PNG image"):
        read_document(write(tmp_path, "photo.txt", data))


def test_text_starting_like_a_magic_number_is_still_text(tmp_path: Path) -> None:
    data = "MZ세대,선호 기술\n20대,생성형 AI\n".encode()
    doc = read_document(write(tmp_path, "설문.csv", data))
    assert doc.tables[0].rows[0][0].text == "MZ세대"


# --- limits and generic failures --------------------------------------------------------


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "큰파일.txt", ("가" * 400).encode())
    with pytest.raises(DocumentTooLarge) as caught:
        read_document(path, limits=Limits(max_bytes=1000))
    message = str(caught.value)
    assert message.startswith("cannot read 큰파일.txt: the file has 1200 bytes")
    assert "1000" in message
    assert read_document(path, limits=Limits(max_bytes=1200)).text == "가" * 400


def test_empty_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(EmptyDocument, match=r"^cannot read empty\.txt: the file is empty"):
        read_document(write(tmp_path, "empty.txt", b""))


def test_whitespace_only_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(EmptyDocument, match="no text"):
        read_document(write(tmp_path, "blank.txt", b" \r\n\t\n"))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DocumentNotFound, match=r"cannot read nothere\.txt: the file does not"):
        read_document(tmp_path / "nothere.txt")


def test_error_carries_document_reason_and_hint() -> None:
    error = IngestError("report.pdf", "the PDF has no text layer (scanned?)", hint="run OCR first")
    assert (
        str(error) == "cannot read report.pdf: the PDF has no text layer (scanned?); run OCR first"
    )
    located = IngestError("표.csv", "malformed CSV", location="line 4")
    assert str(located) == "cannot read 표.csv (line 4): malformed CSV"
    assert (located.document, located.reason, located.location) == (
        "표.csv",
        "malformed CSV",
        "line 4",
    )


def test_unknown_extension_is_read_as_text_with_a_warning(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "메모.dat", SHORT_KOREAN.encode()))
    assert doc.text == SHORT_KOREAN
    assert any("unknown extension" in w for w in doc.warnings)


# --- csv -------------------------------------------------------------------------------

ROWS = [
    ["전략분야", "전략제품", "예산(억원)"],
    ["수소", "연료전지 스택", "120"],
    ["드론", "비행제어 모듈", "85"],
]


@pytest.mark.parametrize(
    ("delimiter", "name"), [(",", "a.csv"), ("\t", "a.csv"), (";", "a.csv"), ("\t", "a.tsv")]
)
def test_csv_delimiters_are_sniffed(tmp_path: Path, delimiter: str, name: str) -> None:
    data = "\n".join(delimiter.join(row) for row in ROWS).encode()
    doc = read_document(write(tmp_path, name, data))
    assert [[c.text for c in row] for row in doc.tables[0].rows] == ROWS
    assert doc.tables[0].source == "csv"
    assert doc.warnings == []
    assert_offsets(doc)


def test_csv_cells_know_row_and_column_and_quotes_are_undone(tmp_path: Path) -> None:
    data = '분야,설명\n수소,"생산, 저장 및 운송"\n드론,"""초경량"" 기체"\n'.encode("cp949")
    doc = read_document(write(tmp_path, "설명.csv", data))
    assert doc.encoding == "cp949"
    cell = doc.tables[0].rows[1][1]
    assert (cell.text, cell.row, cell.column) == ("생산, 저장 및 운송", 1, 1)
    assert doc.tables[0].rows[2][1].text == '"초경량" 기체'
    assert_offsets(doc)


def test_ragged_csv_rows_are_reported_not_padded(tmp_path: Path) -> None:
    data = "분야,제품,예산\n수소,스택\n드론,모듈,85,추가\n로봇,그리퍼,40\n".encode()
    doc = read_document(write(tmp_path, "ragged.csv", data))
    rows = doc.tables[0].rows
    assert [len(row) for row in rows] == [3, 2, 4, 3]
    assert len(doc.warnings) == 2
    assert "ragged.csv line 2: 2 fields, expected 3" in doc.warnings[0]
    assert "line 3: 4 fields" in doc.warnings[1]
    assert_offsets(doc)


# --- html ------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><title>무시</title><style>p {color: red}</style></head>
<body>
<nav>메뉴 홈 소개</nav>
<h1>  2025년   기술로드맵  발표 </h1>
<p>중기부는 <b>인공지능 반도체</b> 분야를<br>새로 추가했다.</p>
<script>var x = "보이지 않음";</script>
<ul><li>첫째 항목</li><li>둘째 항목</li></ul>
<table>
  <caption>분야별 예산</caption>
  <tr><th>분야</th><th colspan="2">예산</th></tr>
  <tr><td rowspan="2">반도체</td><td>2024</td><td>50억</td></tr>
  <tr><td>2025</td><td>70억</td></tr>
</table>
<p>끝 문단 &amp; 부록</p>
</body></html>"""


def test_html_blocks_and_tables(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "page.html", PAGE.encode()))
    texts = [b.text for b in doc.blocks]
    assert texts == [
        "2025년 기술로드맵 발표",
        "중기부는 인공지능 반도체 분야를\n새로 추가했다.",
        "첫째 항목",
        "둘째 항목",
        "분야별 예산",
        "끝 문단 & 부록",
    ]
    assert doc.blocks[0].kind == "heading"
    assert "보이지 않음" not in doc.text and "메뉴" not in doc.text and "무시" not in doc.text
    table = doc.tables[0]
    assert table.caption == "분야별 예산"
    grid = [[(c.text, c.row, c.column) for c in row] for row in table.rows]
    assert grid == [
        [("분야", 0, 0), ("예산", 0, 1)],
        [("반도체", 1, 0), ("2024", 1, 1), ("50억", 1, 2)],
        [("2025", 2, 1), ("70억", 2, 2)],
    ]
    assert table.rows[0][1].col_span == 2 and table.rows[1][0].row_span == 2
    assert_offsets(doc)


def test_html_declared_euc_kr_is_decoded_as_cp949(tmp_path: Path) -> None:
    # "똠" is outside EUC-KR proper (KS X 1001) but in CP949, as on many real pages.
    page = '<html><head><meta charset="euc-kr"></head><body><p>똠방각하 기술 과제</p></body></html>'
    doc = read_document(write(tmp_path, "old.htm", page.encode("cp949")))
    assert doc.encoding == "cp949"
    assert doc.blocks[0].text == "똠방각하 기술 과제"


def test_html_wrong_declared_charset_falls_back_to_detection(tmp_path: Path) -> None:
    page = '<html><head><meta charset="us-ascii"></head><body><p>수소 충전소 확충</p></body></html>'
    doc = read_document(write(tmp_path, "mis.html", page.encode()))
    assert doc.blocks[0].text == "수소 충전소 확충"
    assert doc.encoding == "utf-8"
    assert any("declares charset" in w for w in doc.warnings)


@pytest.mark.parametrize("declared", ["rot13", "x-no-such-charset"])
def test_html_unusable_charset_name_falls_back_to_detection(tmp_path: Path, declared: str) -> None:
    page = (
        f'<html><head><meta charset="{declared}"></head><body><p>수소 충전소 확충</p></body></html>'
    )
    doc = read_document(write(tmp_path, "odd.html", page.encode()))
    assert doc.blocks[0].text == "수소 충전소 확충"
    assert doc.encoding == "utf-8"


def test_html_charset_name_with_a_nul_byte_is_refused_as_binary(tmp_path: Path) -> None:
    # found by the reader fuzzer: the NUL in the declared name made the codec lookup raise
    # ValueError ("embedded null character"), which escaped the reader
    page = '<html><head><meta charset="utf\x00-8"></head><body><p>수소</p></body></html>'
    with pytest.raises(BinaryContent, match=r"cannot read nul\.html: .*NUL bytes"):
        read_document(write(tmp_path, "nul.html", page.encode()))


@pytest.mark.timeout(60)  # a hang guard: before the fix this page took hours
def test_html_huge_spans_are_clamped(tmp_path: Path) -> None:
    # found by the reader fuzzer: the grid marked rowspan x colspan slots one by one, so
    # one cell saying rowspan="100000" colspan="100000" meant 10^10 set entries
    page = (
        '<table><tr><td rowspan="100000" colspan="100000">넓은 칸</td><td>옆</td></tr>'
        '<tr><td colspan="2">아래</td></tr></table>'
    )
    doc = read_document(write(tmp_path, "spans.html", page.encode()))
    wide, beside = doc.tables[0].rows[0]
    (below,) = doc.tables[0].rows[1]
    assert (wide.row_span, wide.col_span, beside.column) == (2, 1000, 1000)
    assert (below.row, below.column) == (1, 1000)


@pytest.mark.parametrize("tag", ["div", "font", "span"])
def test_html_nested_thousands_deep_is_read(tmp_path: Path, tag: str) -> None:
    # found by the reader fuzzer: the walk recursed once per element, so 50,000 unclosed
    # tags raised RecursionError out of the reader
    page = f"<html><body><p>첫 문단</p>{f'<{tag}>' * 50_000}깊은 곳의 글<p>끝 문단</p>"
    doc = read_document(write(tmp_path, "deep.html", page.encode()))
    assert [block.text for block in doc.blocks] == ["첫 문단", "깊은 곳의 글", "끝 문단"]


def test_html_with_too_many_tags_is_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # found by the reader memory benchmark: 50 MiB of small table cells parsed into a
    # tree of over 6 GB
    monkeypatch.setattr(limits, "MAX_HTML_TAGS", 1_000)
    page = "<table>" + "<tr><td>가</td><td>나</td></tr>" * 200 + "</table>"
    with pytest.raises(DocumentTooLarge, match=r"cannot read rows\.html: the page has 1,202 tags"):
        read_document(write(tmp_path, "rows.html", page.encode()))
    assert read_document(write(tmp_path, "fewer.html", page[:3000].encode())).tables


# --- the seed press releases -------------------------------------------------------------


def seeds_dir() -> Path:
    """``shared/seeds`` beside the repository root (tests/ingest/ -> repo -> its parent)."""
    configured = os.environ.get("STKG_SEEDS_DIR")
    return (
        Path(configured) if configured else Path(__file__).resolve().parents[3] / "shared" / "seeds"
    )


def test_seed_press_releases_read_losslessly() -> None:
    seeds = sorted(seeds_dir().glob("*.txt"))
    assert seeds, f"no seed press releases in {seeds_dir()}"
    for path in seeds:
        doc = read_document(path)
        raw = path.read_bytes().decode("utf-8-sig")
        assert doc.encoding in {"utf-8", "utf-8-sig"}
        assert doc.text == unicodedata.normalize("NFC", raw.replace("\r\n", "\n"))
        assert len(doc.blocks) > 10
        covered = "".join(block.text for block in doc.blocks)
        assert "".join(covered.split()) == "".join(doc.text.split())
        assert_offsets(doc)
