"""The patent-list columns the indicators need: forward citations and applicant nationality.

Every patent here is invented (made-up numbers, titles and applicants).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from stkg.graph.analysis.indicators import IndicatorParams
from stkg.graph.analysis.patent_analysis import analyse_patents
from stkg.graph.driver import Graph
from stkg.ingest.countries import parse_country, split_countries
from stkg.ingest.extract.patents.parse import PatentList, parse_citations, parse_patent_table
from stkg.ingest.files import ingest_paths
from stkg.ingest.readers import read_document
from stkg.ontology.model import load_ontology

HEADER = ["출원번호", "발명의 명칭", "출원인", "출원인 국적", "출원일", "피인용수", "세부기술"]
ROWS = [
    ["10-2021-0000001", "진단 장치", "가온테크; Lakeside Inc.", "KR; US", "2021.03.02", "4", "진단"],
    ["10-2022-0000002", "진단 방법", "가온테크", "대한민국", "2022.05.06", "1,204", "진단"],
    ["US 17/000,003", "Predictor", "Lakeside Inc.", "미국", "2022-07-01", "2건", "예측"],
    ["2023-000004", "予測装置", "Sakura Kikai K.K.", "Japan", "2023-01-10", "0", "예측"],
    ["10-2023-0000005", "모니터", "나래", "KOR", "2023.02.03", "", "모니터링"],
    ["10-2023-0000006", "모니터 2", "나래", "Atlantis", "2023.02.04", "many", "모니터링"],
    ["10-2023-0000007", "모니터 3", "나래; 다온", "KR; US; JP", "2023.02.05", "3", "모니터링"],
]  # fmt: skip


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def parse(path: Path) -> PatentList:
    return parse_patent_table(read_document(path).tables[0], document=path.name)


@pytest.mark.parametrize(
    ("text", "code"),
    [("KR", "KR"), ("kor", "KR"), ("대한민국", "KR"), ("한국", "KR"), ("Korea", "KR"),
     ("Korea, Republic of", "KR"), ("미국", "US"), ("USA", "US"), ("독일", "DE"),
     ("Japan", "JP"), ("중국", "CN"), ("대만", "TW"), ("Atlantis", None), ("", None)],
)  # fmt: skip
def test_country_spellings(text: str, code: str | None) -> None:
    assert parse_country(text) == code


def test_country_lists() -> None:
    assert split_countries("KR; US | 일본") == (["KR", "US", "JP"], [])
    assert split_countries("KR, Atlantis") == (["KR"], ["Atlantis"])


@pytest.mark.parametrize(("text", "count"), [("4", 4), ("1,204", 1204), ("2건", 2), ("3.0", 3)])
def test_citation_counts(text: str, count: int) -> None:
    assert parse_citations(text) == count


@pytest.mark.parametrize("text", ["-1", "2.5", "many", "1,20"])
def test_bad_citation_counts(text: str) -> None:
    with pytest.raises(ValueError, match="citation count"):
        parse_citations(text)


def test_citations_and_countries_are_read_per_row(tmp_path: Path) -> None:
    patents = parse(write_csv(tmp_path / "p.csv", [HEADER, *ROWS]))
    records = {r.application_number: r for r in patents.records}
    first = records["10-2021-0000001"]
    assert first.citations == 4
    assert first.applicants == ("가온테크", "Lakeside Inc.")
    assert first.applicant_countries == ("KR", "US")
    assert first.cells["citations"].text == "4"
    assert records["10-2022-0000002"].citations == 1204
    assert records["10-2022-0000002"].applicant_countries == ("KR",)
    assert records["17000003"].citations == 2
    assert records["2023-000004"].applicant_countries == ("JP",)
    assert records["10-2023-0000005"].citations is None  # empty cell: not stated
    # bad values are warnings naming the row; the patent is kept without them
    assert records["10-2023-0000006"].citations is None
    assert records["10-2023-0000006"].applicant_countries == ()
    assert records["10-2023-0000007"].applicant_countries == ()
    messages = {(w.row, w.message.split(";")[0]) for w in patents.warnings}
    assert (7, "unknown countries: 'Atlantis'") in messages
    assert (7, "not a citation count: 'many' (expected a whole number like 12)") in messages
    assert (8, "3 countries for 2 applicants") in messages


def test_ingested_list_feeds_the_indicators(tmp_path: Path, seeded: Graph) -> None:
    """Patents ingested from a list land in the seed's sub-technologies and are analysed."""
    path = write_csv(tmp_path / "patents.csv", [HEADER, *ROWS])
    report = ingest_paths([path], seeded, load_ontology())
    assert [d.status for d in report.documents] == ["written"], report
    stored = seeded.read(
        "MATCH (p:Patent)-[:APPLIED_BY]->(o:Organization) "
        "RETURN p.applicationNumber AS number, p.citationCount AS cites, o.name AS org, "
        "o.country AS country ORDER BY number, org"
    )
    assert {"number": "10-2021-0000001", "cites": 4, "org": "Lakeside Inc.",
            "country": "US"} in stored  # fmt: skip
    assert {"number": "10-2022-0000002", "cites": 1204, "org": "가온테크",
            "country": "KR"} in stored  # fmt: skip
    result = analyse_patents(
        seeded, load_ontology(), "설비건전성", IndicatorParams(2021, 2023, split_year=2022)
    )
    got = {i.name: i for i in result.indicators}
    assert (got["진단"].patent_count, got["예측"].patent_count) == (2, 2)
    assert got["모니터링"].patent_count == 3
    assert got["진단"].application_share == pytest.approx(100 * 2 / 7)
    # 나래 is one organization: its country, stated in one row, counts for all its patents
    korean = {name: i.korea_patent_count for name, i in got.items()}
    assert korean == {"진단": 2, "예측": 0, "모니터링": 3}
    assert got["예측"].activity_index == 0.0
