"""Patent lists: generated CSV (UTF-8, CP949) and XLSX files read through ``read_document``.

Every patent here is invented (made-up numbers, titles and applicants).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest

from stkg.ingest.errors import IngestError
from stkg.ingest.extract.patents.parse import (
    OFFICES,
    Office,
    PatentList,
    PatentTableError,
    is_patent_table,
    normalize_application_number,
    normalize_ipc,
    parse_date,
    parse_office,
    parse_patent_table,
    read_patent_lists,
    split_applicants,
)
from stkg.ingest.readers import Document, read_document
from stkg.ontology.model import load_ontology

Rows = list[list[object]]


def write_csv(path: Path, rows: Rows, encoding: str = "utf-8") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, sheets: dict[str, Rows]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def parse(path: Path, index: int = 0) -> tuple[Document, PatentList]:
    document = read_document(path)
    return document, parse_patent_table(document.tables[index], document=path.name)


KOREAN_ROWS: Rows = [
    ["번호", "출원번호", "발명의 명칭", "출원인(대표)", "출원일", "국제특허분류", "세부기술"],
    [1, "10-2021-0456789", "가상 공정 설계 장치", "(주)한결스마트; 다온대학교 산학협력단",
     "2021.04.05", "G06N 3/08, G05B 19/418", "공정설계"],
    [2, "US 17/654,321", "Die layout generator", "Hanbit Robotics Co., Ltd.",
     "2022-03-09", "G06F30/27", "제품설계"],
    [3, "2021-098765", "設備の異常予兆 검지", "가상기계 주식회사 | Mirae Labs Inc.",
     "20210611", "G05B 23/02", "예측"],
    [4, "CN202110987654.3", "设备诊断 모델", "누리테크", "2021/7/9", "G06Q 10/20", "진단"],
    [5, "EP21765432", "Sensor drift monitor", "Oberland Sensorik GmbH",
     "2021. 8. 30.", "G01M 13/04", "모니터링"],
]  # fmt: skip


@pytest.mark.parametrize("encoding", ["utf-8", "cp949"])
def test_korean_csv_every_office(tmp_path: Path, encoding: str) -> None:
    rows = [list(row) for row in KOREAN_ROWS]
    if encoding == "cp949":  # CP949 has no kana or simplified hanzi: keep those titles Korean
        rows[3][2], rows[4][2] = "설비 이상 예측", "설비 진단 모델"
    _, patents = parse(write_csv(tmp_path / f"patents-{encoding}.csv", rows, encoding))

    assert patents.warnings == ()
    assert patents.header_row == 1
    assert [r.id for r in patents.records] == [
        "patent:KR:10-2021-0456789",
        "patent:US:17654321",
        "patent:JP:2021-098765",
        "patent:CN:202110987654",
        "patent:EP:21765432",
    ]
    assert [r.office for r in patents.records] == ["KR", "US", "JP", "CN", "EP"]
    assert patents.records[3].application_number == "202110987654.3"
    assert [r.filing_date for r in patents.records] == [
        dt.date(2021, 4, 5),
        dt.date(2022, 3, 9),
        dt.date(2021, 6, 11),
        dt.date(2021, 7, 9),
        dt.date(2021, 8, 30),
    ]
    first = patents.records[0]
    assert first.title == "가상 공정 설계 장치"
    assert first.applicants == ("(주)한결스마트", "다온대학교 산학협력단")
    assert first.ipc_codes == ("G06N 3/08", "G05B 19/418")
    assert first.technology == "공정설계"
    assert patents.records[1].applicants == ("Hanbit Robotics Co., Ltd.",)
    assert patents.records[1].ipc_codes == ("G06F 30/27",)
    assert patents.records[2].applicants == ("가상기계 주식회사", "Mirae Labs Inc.")


def test_every_value_cites_its_cell(tmp_path: Path) -> None:
    document, patents = parse(write_csv(tmp_path / "p.csv", KOREAN_ROWS))
    record = patents.records[0]
    columns = {"application_number": 1, "title": 2, "applicants": 3, "filing_date": 4}
    columns |= {"ipc_codes": 5, "technology": 6, "office": 1}  # office inferred from number
    assert {name: cell.column for name, cell in record.cells.items()} == columns
    for cell in record.cells.values():
        assert cell.row == 1 and record.row == 2
        assert document.text[cell.start : cell.end] == cell.text
    assert record.cells["filing_date"].text == "2021.04.05"
    assert patents.columns["title"].text == "발명의 명칭"


def test_english_xlsx_with_date_cells_serials_and_title_rows(tmp_path: Path) -> None:
    rows: Rows = [
        ["Manufacturing AI patents (invented sample)"],
        [],
        ["No.", "Application No.", "Title", "Applicant(s)", "Filing Date", "IPC", "Office",
         "Technology"],
        [1, 1020220012345, "Recipe tuner", "Gaon AI Corp.; Hanbit Robotics Co., Ltd.",
         dt.datetime(2022, 1, 28), "G05B 13/02 (2006.01)", "KR", "Process design"],
        [2, "18123456", "Spindle wear forecaster", "Lakeside Machines, Inc.",
         44927, "G06N 20/00", "USPTO", "Prediction"],
        [3, "2023-012345", "Vibration monitor", "Sakura Kikai K.K.",
         "2023-02-01T09:30:00", "G01H 1/00", "Japan", "Monitoring"],
    ]  # fmt: skip
    path = write_xlsx(tmp_path / "patents.xlsx", {"Patents": rows})
    _, patents = parse(path)

    assert patents.warnings == ()
    assert patents.sheet == "Patents" and patents.header_row == 3
    kr, us, jp = patents.records
    assert (kr.id, kr.row, kr.filing_date) == ("patent:KR:10-2022-0012345", 4, dt.date(2022, 1, 28))
    assert kr.applicants == ("Gaon AI Corp.", "Hanbit Robotics Co., Ltd.")
    assert kr.ipc_codes == ("G05B 13/02",)
    assert kr.cells["office"].ref == "G4" and kr.cells["application_number"].ref == "B4"
    assert (us.id, us.filing_date) == ("patent:US:18123456", dt.date(2023, 1, 1))
    assert us.applicants == ("Lakeside Machines, Inc.",)
    assert (jp.office, jp.filing_date, jp.technology) == ("JP", dt.date(2023, 2, 1), "Monitoring")


@pytest.mark.parametrize(
    ("text", "office", "number", "key"),
    [
        ("10-2020-0123456", "KR", "10-2020-0123456", "10-2020-0123456"),
        ("KR 10-2020-0123456", "KR", "10-2020-0123456", "10-2020-0123456"),
        ("1020200123456", "KR", "10-2020-0123456", "10-2020-0123456"),
        ("20-2019-0001234", "KR", "20-2019-0001234", "20-2019-0001234"),
        ("US 17/123,456", "US", "17123456", "17123456"),
        ("17/123456", "US", "17123456", "17123456"),
        ("2020-123456", "JP", "2020-123456", "2020-123456"),
        ("特願2020-123456", "JP", "2020-123456", "2020-123456"),
        ("JP2020123456", "JP", "2020-123456", "2020-123456"),
        ("CN202010123456.7", "CN", "202010123456.7", "202010123456"),
        ("202010123456.7", "CN", "202010123456.7", "202010123456"),
        ("CN 202110123456", "CN", "202110123456", "202110123456"),
        ("2021101234565", "CN", "202110123456.5", "202110123456"),
        ("EP20123456", "EP", "20123456", "20123456"),
        ("EP 20 123 456.7", "EP", "20123456.7", "20123456"),
        ("10-2020-0123456 (2020.09.18)", "KR", "10-2020-0123456", "10-2020-0123456"),
    ],
)
def test_office_is_inferred_from_the_number(text: str, office: str, number: str, key: str) -> None:
    found = normalize_application_number(text)
    assert (found.office, found.number, found.key) == (office, number, key)


@pytest.mark.parametrize(
    ("text", "office"),
    [("17123456", "US"), ("20123456.7", "EP"), ("2020200012345", "KR"), ("1999-000123", "JP")],
)
def test_office_column_settles_numbers_that_do_not_speak_for_themselves(
    text: str, office: Office
) -> None:
    assert normalize_application_number(text, office).office == office


@pytest.mark.parametrize(
    ("text", "office", "message"),
    [
        ("17123456", None, "cannot tell the office"),
        ("2020200012345", None, "KR or CN"),
        ("P-2020-77", None, "cannot tell the office"),
        ("US 17/123,456", "KR", "office column says KR"),
        ("10-2020-0123456", "US", "not a US application number"),
    ],
)
def test_numbers_of_no_known_office_are_refused(
    text: str, office: Office | None, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        normalize_application_number(text, office)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Samsung-like Electronics Co., Ltd.", ("Samsung-like Electronics Co., Ltd.",)),
        ("A Co., Ltd., B Inc.", ("A Co., Ltd.", "B Inc.")),
        ("Foo Inc., Bar Corp", ("Foo Inc.", "Bar Corp")),
        ("Delta LLC, Omega GmbH", ("Delta LLC", "Omega GmbH")),
        ("(주)가람; 나래대학교 산학협력단", ("(주)가람", "나래대학교 산학협력단")),
        ("가람 | 나래\n다솜", ("가람", "나래", "다솜")),
        ("(주)가람, (주)나래", ("(주)가람", "(주)나래")),
        ("(주)가람 외 2", ("(주)가람",)),
        ("대외무역연구소", ("대외무역연구소",)),
        ("Orion Ltd.; Orion Ltd.", ("Orion Ltd.",)),
    ],
)
def test_applicants_are_split_without_breaking_company_names(
    text: str, names: tuple[str, ...]
) -> None:
    assert split_applicants(text) == names


@pytest.mark.parametrize(
    "text",
    ["2020.01.02", "2020-01-02", "20200102", "2020/1/2", "2020. 1. 2.", "2020년 1월 2일",
     "43832", "43832.0", "2020-01-02T08:15:00", "2020-01-02 08:15"],
)  # fmt: skip
def test_dates_in_every_format(text: str) -> None:
    assert parse_date(text) == dt.date(2020, 1, 2)


@pytest.mark.parametrize("text", ["2020.13.01", "2020-02-30", "2020", "다음 주", "1/2/2020"])
def test_bad_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="not a date"):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "codes", "leftover"),
    [
        ("G06N 3/08", ("G06N 3/08",), []),
        ("G06N3/08;G05B 19/418", ("G06N 3/08", "G05B 19/418"), []),
        ("G06N-003/08(2006.01) | g06q 10/04", ("G06N 3/08", "G06Q 10/04"), []),
        ("G06N 3/0464\nG06N", ("G06N 3/0464", "G06N"), []),
        ("G06N 3/08, 미분류", ("G06N 3/08",), ["미분류"]),
    ],
)
def test_ipc_codes_are_normalised(text: str, codes: tuple[str, ...], leftover: list[str]) -> None:
    assert normalize_ipc(text) == (codes, leftover)


@pytest.mark.parametrize(
    ("text", "office"),
    [("KR", "KR"), ("대한민국", "KR"), ("US(미국)", "US"), ("jpo", "JP"), ("중국", "CN")],
)
def test_office_names(text: str, office: str) -> None:
    assert parse_office(text) == office


def test_offices_match_the_ontology_vocabulary() -> None:
    vocabulary = load_ontology().vocab("patentOffice")
    assert set(OFFICES) == vocabulary.notations
    for concept in vocabulary.concepts:
        names = [concept.notation, concept.labels.ko, concept.labels.en]
        names += [label for label, _ in concept.alt_labels]
        for name in names:
            assert name is not None and parse_office(name) == concept.notation, name


def test_bad_rows_become_warnings_with_row_numbers(tmp_path: Path) -> None:
    rows: Rows = [
        ["출원번호", "발명의명칭", "출원인", "출원일", "IPC", "국가"],
        ["10-2021-0111111", "정상 행", "가람", "2021-01-05", "G06N 3/08", "KR"],
        ["", "번호 없는 행", "나래", "2021-01-06", "", "KR"],
        ["10-2021-0222222", "날짜가 틀린 행", "다솜", "2021-13-40", "", "KR"],
        ["10-2021-0333333", "모르는 국가", "라온", "2021-01-07", "", "화성"],
        ["10-2021-0111111", "중복 행", "마루", "2021-01-08", "", "KR"],
        ["10-2021-0444444", "IPC가 틀린 행", "바다", "2021-01-09", "G06N 3/08; 없음", "KR"],
        ["10-2021-0555555", "국가와 다른 번호", "사랑", "2021-01-10", "", "US"],
    ]
    _, patents = parse(write_csv(tmp_path / "bad.csv", rows))

    assert [r.title for r in patents.records] == ["정상 행", "날짜가 틀린 행", "IPC가 틀린 행"]
    assert patents.records[1].filing_date is None
    assert "filing_date" not in patents.records[1].cells
    assert patents.records[2].ipc_codes == ("G06N 3/08",)
    by_row = {w.row: w for w in patents.warnings}
    assert sorted(by_row) == [3, 4, 5, 6, 7, 8]
    assert "no application number" in by_row[3].message
    assert "2021-13-40" in by_row[4].message and by_row[4].cell is not None
    assert "화성" in by_row[5].message
    assert "repeats row 2" in by_row[6].message
    assert "'없음'" in by_row[7].message
    assert "not a US application number" in by_row[8].message
    assert str(by_row[4]).startswith("bad.csv row 4: ")


def test_number_and_date_in_one_column(tmp_path: Path) -> None:
    rows: Rows = [
        ["출원번호(일자)", "발명의명칭", "출원인"],
        ["10-2020-0765432 (2020.11.23)", "합성 데이터 생성기", "가람"],
        ["1020200765433(2020-11-24)", "라벨 검수기", "나래"],
    ]
    _, patents = parse(write_csv(tmp_path / "combined.csv", rows))
    assert patents.warnings == ()
    first, second = patents.records
    assert first.filing_date == dt.date(2020, 11, 23)
    assert first.cells["filing_date"] == first.cells["application_number"]
    assert (second.application_number, second.filing_date) == (
        "10-2020-0765433",
        dt.date(2020, 11, 24),
    )


def test_header_variants_and_repeated_header_rows(tmp_path: Path) -> None:
    rows: Rows = [
        ["  출원 번호 ", "발명의명칭(국문)", "출원인 [대표]", "출원일자", "IPC 코드", "등록번호",
         "국가/출원국가", "세부기술/기술분류"],
        ["JP2019-054321", "가공 경로 재설계", "가람", "2019.03.02", "B23Q 15/00", "",
         "JP", "공정 재설계"],
        ["출원번호", "발명의명칭", "출원인", "출원일", "IPC", "등록번호", "국가", "세부기술"],
        ["10-2019-0054322", "공구 마모 진단", "나래", "2019.03.03", "B23Q 17/09",
         "10-2345678", "한국", "진단"],
    ]  # fmt: skip
    _, patents = parse(write_csv(tmp_path / "variants.csv", rows))
    assert patents.warnings == ()
    assert set(patents.columns) == {
        "application_number", "title", "applicants", "filing_date", "ipc_codes",
        "registration_number", "office", "technology",
    }  # fmt: skip
    jp, kr = patents.records
    assert (jp.id, jp.technology, jp.registration_number) == (
        "patent:JP:2019-054321",
        "공정 재설계",
        None,
    )
    assert (kr.office, kr.registration_number) == ("KR", "10-2345678")


def test_table_without_patent_header_is_an_error_naming_the_document(tmp_path: Path) -> None:
    rows: Rows = [["분야", "제품 수"], ["인공지능", "9"], ["빅데이터", "8"]]
    document = read_document(write_csv(tmp_path / "fields.csv", rows))
    assert not is_patent_table(document.tables[0])
    with pytest.raises(PatentTableError) as caught:
        parse_patent_table(document.tables[0], document="fields.csv")
    assert isinstance(caught.value, IngestError)
    message = str(caught.value)
    assert "fields.csv" in message and "출원번호" in message and "application number" in message


def test_a_number_column_alone_is_not_a_header(tmp_path: Path) -> None:
    rows: Rows = [["출원번호", "비고"], ["10-2020-0123456", "-"]]
    document = read_document(write_csv(tmp_path / "numbers.csv", rows))
    assert not is_patent_table(document.tables[0])


def test_read_patent_lists_takes_only_patent_sheets(tmp_path: Path) -> None:
    sheets: dict[str, Rows] = {
        "요약": [["분야", "건수"], ["진단", 2]],
        "KR": [["출원번호", "발명의명칭"], ["10-2022-0100001", "진단 모델"]],
        "Overseas": [["Application number", "Title"], ["EP22100002", "Diagnosis model"]],
    }
    document = read_document(write_xlsx(tmp_path / "book.xlsx", sheets))
    lists = read_patent_lists(document)
    assert [(p.document, p.sheet) for p in lists] == [
        ("book.xlsx", "KR"),
        ("book.xlsx", "Overseas"),
    ]
    assert [r.id for p in lists for r in p.records] == [
        "patent:KR:10-2022-0100001",
        "patent:EP:22100002",
    ]


# --- export layouts: the texts searched, families, CPC, right types ----------------------

#: A KIPRIS-style export (Korean headers, 13-digit numbers without hyphens, an abstract and
#: a representative claim over several lines, a family column). Every value is invented.
KIPRIS_ROWS: Rows = [
    ["검색식: (설비 AND 진단) — 내려받은 목록"],
    ["번호", "출원번호", "출원일자", "발명의명칭", "출원인", "요약", "대표청구항",
     "IPC분류", "CPC분류", "패밀리번호", "등록번호"],
    [1, "1020210123456", "2021.03.02", "공작기계 관리 장치", "가온정밀 주식회사",
     "본 발명은  설비의 진동을 분석하여\n고장을 진단하는 장치에 관한 것이다.",
     "1. 진동 센서;\n  및 진단부를 포함하는 장치.", "G05B 23/02", "G05B 23/0283, Y02P 90/02",
     "F-0001", "10-2345678"],
    [2, "2020210004567", "2021.05.20", "공구 거치대", "다온공구", "공구를 거치하는 받침대.",
     "", "B25H 3/00", "", "", ""],
    [3, "3020210001234", "2021.06.01", "공구 케이스 디자인", "다온공구", "", "", "", "",
     "", ""],
    [4, "4020210007777", "2021.06.02", "가온 상표", "가온정밀 주식회사", "", "", "", "",
     "", ""],
]  # fmt: skip


def test_a_kipris_export_gives_abstract_claims_family_and_cpc(tmp_path: Path) -> None:
    """The texts a search expression searches besides the title, the family a patent counts
    once in, and CPC codes beside the IPC ones, each citing its cell; lines of a claim are
    kept, spaces within a line folded."""
    document, patents = parse(write_csv(tmp_path / "kipris.csv", KIPRIS_ROWS))
    assert patents.header_row == 2
    first, second = patents.records
    assert first.id == "patent:KR:10-2021-0123456"
    assert first.abstract == "본 발명은 설비의 진동을 분석하여\n고장을 진단하는 장치에 관한 것이다."
    assert first.claims == "1. 진동 센서;\n및 진단부를 포함하는 장치."
    assert first.family_id == "F-0001"
    assert first.ipc_codes == ("G05B 23/02",)
    assert first.cpc_codes == ("G05B 23/0283", "Y02P 90/02")
    for name in ("abstract", "claims", "family_id", "cpc_codes"):
        cell = first.cells[name]
        assert document.text[cell.start : cell.end] == cell.text
    assert patents.columns["claims"].text == "대표청구항"
    # a utility model (type code 20) is read; its empty cells stay unset and uncited
    assert second.id == "patent:KR:20-2021-0004567"
    assert (second.claims, second.family_id, second.cpc_codes) == (None, None, ())
    assert "claims" not in second.cells


def test_designs_and_trademarks_in_a_kipris_export_are_refused_by_row(tmp_path: Path) -> None:
    _, patents = parse(write_csv(tmp_path / "kipris.csv", KIPRIS_ROWS))
    assert [r.row for r in patents.records] == [3, 4]
    messages = {w.row: w.message for w in patents.warnings}
    assert set(messages) == {5, 6}
    assert "design application (type code 30)" in messages[5]
    assert "trademark application (type code 40)" in messages[6]
    assert all("row skipped" in m for m in messages.values())
    with pytest.raises(ValueError, match="not a patent \\(10\\) or utility model \\(20\\)"):
        normalize_application_number("KR 30-2021-0001234")


def test_an_english_export_with_abstract_claims_and_family_columns(tmp_path: Path) -> None:
    rows: Rows = [
        ["Application Number", "Title", "Abstract", "Claims", "DOCDB Family ID", "CPC",
         "Assignee"],
        ["US 17/123,456", "Tool holder", "A holder for tools.", "1. A holder.", 55501234,
         "B25H3/00", "Hanbit Robotics Inc."],
    ]  # fmt: skip
    _, patents = parse(write_xlsx(tmp_path / "export.xlsx", {"Results": rows}))
    (record,) = patents.records
    assert (record.abstract, record.claims) == ("A holder for tools.", "1. A holder.")
    assert record.family_id == "55501234"
    assert record.cpc_codes == ("B25H 3/00",)


def test_cpc_codes_add_section_y_which_ipc_has_not() -> None:
    assert normalize_ipc("Y02P 90/02, G06N 3/08", cpc=True) == (("Y02P 90/02", "G06N 3/08"), [])
    codes, leftover = normalize_ipc("Y02P 90/02, G06N 3/08")
    assert codes == ("G06N 3/08",) and leftover[0] == "Y02P"


def refusal(path: Path) -> str:
    """The error building the document at ``path`` raises: a patent-list refusal."""
    from stkg.ingest.build import build_document

    with pytest.raises(PatentTableError) as caught:
        build_document(read_document(path), load_ontology(), use_nlp=False)
    return str(caught.value)


def test_a_list_without_its_number_column_is_refused_naming_the_column(tmp_path: Path) -> None:
    """A spreadsheet whose header names patent columns but no application number is an
    error that names the missing column and where the header is, not an empty success."""
    rows: Rows = [["발명의 명칭", "출원인", "요약"], ["공구 거치대", "다온공구", "받침대."]]
    message = refusal(write_csv(tmp_path / "no-number.csv", rows))
    assert "no-number.csv" in message and "row 1" in message
    assert "no application number column (출원번호 / Application Number)" in message
    assert "발명의 명칭 (1), 출원인 (2), 요약 (3)" in message
    assert "Google" not in message


def test_a_google_patents_result_list_is_refused_saying_why(tmp_path: Path) -> None:
    """Google Patents' CSV opens with the search URL, then ``id`` (a publication number),
    title, assignee, dates and links: no application number to key a patent by."""
    rows: Rows = [
        ["search URL:", "https://patents.google.com/?q=tool+holder"],
        ["id", "title", "assignee", "inventor/author", "priority date",
         "filing/creation date", "publication date", "grant date", "result link",
         "representative figure link"],
        ["US-11234567-B2", "Tool holder", "Hanbit Robotics Inc.", "Kim", "2020-01-02",
         "2021-01-02", "2022-01-02", "2022-01-02", "https://patents.google.com/patent/x", ""],
    ]  # fmt: skip
    message = refusal(write_csv(tmp_path / "gp-search.csv", rows))
    assert "row 2" in message and "title (2), assignee (3)" in message
    assert "Google Patents result list gives publication numbers (id)" in message


def test_a_number_two_offices_could_own_is_read_as_the_lists_own_office(tmp_path: Path) -> None:
    """A KIPRIS utility model (2020210004567) has the shape of a CNIPA number too; in a list
    whose other numbers are all Korean it is Korean. With the offices mixed it stays a
    warning: nothing says whose it is."""
    _, kipris = parse(write_csv(tmp_path / "kipris.csv", KIPRIS_ROWS))
    assert "patent:KR:20-2021-0004567" in {r.id for r in kipris.records}
    mixed: Rows = [["출원번호", "발명의 명칭"], ["1020210123456", "가"], ["CN202110987654.3", "나"],
                   ["2020210004567", "다"]]  # fmt: skip
    _, patents = parse(write_csv(tmp_path / "mixed.csv", mixed))
    assert len(patents.records) == 2
    assert "could be a KR or CN application number" in patents.warnings[0].message
