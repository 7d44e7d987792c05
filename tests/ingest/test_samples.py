"""The sample corpus in samples/: every file reads, patents parse cleanly, files are current."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from stkg.ingest.extract.patents.parse import OFFICES, read_patent_lists
from stkg.ingest.readers import read_document

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
NOT_DOCUMENTS = {"README.md", "make_samples.py", "expected-mappings.md"}
DOCUMENTS = sorted(p.name for p in SAMPLES.iterdir() if p.is_file() and p.name not in NOT_DOCUMENTS)
PATENT_LISTS = [name for name in DOCUMENTS if "_patents_" in name]
SUB_TECHNOLOGIES = {"공정설계", "제품설계", "공정 재설계", "모니터링", "진단", "예측"}


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_samples", SAMPLES / "make_samples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_reader_format_is_covered() -> None:
    suffixes = {Path(name).suffix for name in DOCUMENTS}
    assert suffixes == {".txt", ".html", ".docx", ".hwpx", ".pdf", ".csv", ".xlsx"}


@pytest.mark.parametrize("name", DOCUMENTS)
def test_sample_reads_without_warnings(name: str) -> None:
    document = read_document(SAMPLES / name)
    assert document.text.strip()
    assert document.warnings == []
    if not name.endswith(".csv"):  # a note row would make the CSV ragged; README says it
        assert "stkg" in document.text  # each document says it was written for stkg


def test_encodings_are_as_described() -> None:
    assert read_document(SAMPLES / "01_sme_roadmap_2022.txt").encoding == "utf-8"
    for name in ("02_ip_sme_smart_manufacturing.txt", "07_manufacturing_ai_patents_kr.csv"):
        data = (SAMPLES / name).read_bytes()
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
        assert read_document(SAMPLES / name).encoding == "cp949"


def test_patent_lists_are_the_csv_and_one_xlsx() -> None:
    assert PATENT_LISTS == [
        "07_manufacturing_ai_patents_kr.csv",
        "08_manufacturing_ai_patents_en.xlsx",
    ]


def test_core_technology_sample_names_products_of_sample_fields() -> None:
    """The core-technology sheet hangs its products under fields the field table of the same
    edition (03) lists, so the chain joins the lineage."""
    from stkg.ingest.extract.tables.core_technologies import read_core_technology_tables

    name = "11_core_technologies.xlsx"
    (table,) = read_core_technology_tables(read_document(SAMPLES / name), name)
    assert (table.roadmap, table.start_year, table.end_year) == ("sme", 2022, 2024)
    assert table.warnings == []
    fields_2022 = {row[3] for row in load_generator().FIELD_ROWS}
    assert {row.field.value for row in table.rows} <= fields_2022
    assert len({row.product.value for row in table.rows}) == 4
    assert all(len(row.yearly) == 3 and row.goal for row in table.rows)


def test_pdf_core_technology_sample_reads_its_ruled_table() -> None:
    """The PDF sample's table (page 2) gives the 인공지능 field of the same edition four
    core technologies of two products: the merged field and product cells hold for every
    row below them, a cell listing two technologies on lines of its own gives two."""
    from stkg.ingest.extract.tables.core_technologies import read_core_technology_tables

    name = "12_core_technologies.pdf"
    document = read_document(SAMPLES / name)
    assert [t.page for t in document.tables] == [2]
    (table,) = read_core_technology_tables(document, name)
    assert (table.roadmap, table.start_year, table.end_year) == ("sme", 2022, 2024)
    assert table.warnings == []
    fields_2022 = {row[3] for row in load_generator().FIELD_ROWS}
    assert {row.field.value for row in table.rows} == {"인공지능"} <= fields_2022
    assert [(row.product.value, row.technology.value) for row in table.rows] == [
        ("AI 외관 검사 시스템", "결함 영상 분할"),
        ("AI 외관 검사 시스템", "소량 데이터 학습"),
        ("AI 외관 검사 시스템", "검사 모델 경량화"),
        ("상담 에이전트", "한국어 의도 분류"),
    ]
    assert table.rows[0].goal is not None
    assert table.rows[0].goal.value == "검출률 99% 이상, 오탐률 1% 이하"  # wrapped, not split
    assert all(len(row.yearly) == 3 for row in table.rows)


@pytest.mark.parametrize("name", PATENT_LISTS)
def test_patent_lists_parse_without_warnings(name: str) -> None:
    (patents,) = read_patent_lists(read_document(SAMPLES / name))
    assert patents.warnings == ()
    assert len(patents.records) == 20
    assert {r.office for r in patents.records} == set(OFFICES)
    assert {r.technology for r in patents.records} == SUB_TECHNOLOGIES
    for record in patents.records:
        assert record.title and record.applicants and record.ipc_codes
        assert record.filing_date is not None
        if record.office == "KR":  # 10-YYYY-NNNNNNN: the number carries the filing year
            assert record.application_number[3:7] == str(record.filing_date.year)


def test_generator_reproduces_the_committed_files(tmp_path: Path) -> None:
    generator = load_generator()
    written = generator.generate(tmp_path)
    assert sorted(path.name for path in written) == DOCUMENTS
    stale = [
        path.name for path in written if path.read_bytes() != (SAMPLES / path.name).read_bytes()
    ]
    assert stale == [], "run `.venv/bin/python samples/make_samples.py` to refresh"
