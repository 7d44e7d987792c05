"""Quantity patterns and their values (pure regex, no Kiwi needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from stkg.ingest.nlp.quantities import find_quantities, parse_value


def _found(text: str) -> list[tuple[str, str, object]]:
    return [(q.label, q.text, parse_value(q.label, q.text)) for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        ("예산 512억원 편성", "MONEY", 51_200_000_000),
        ("총 1조 2,000억원 규모", "MONEY", 1_200_000_000_000),
        ("3천만원 지원", "MONEY", 30_000_000),
        ("5,000원", "MONEY", 5_000),
        ("올해 2천964억원의 절감", "MONEY", 296_400_000_000),
        ("1조2천억원 투입", "MONEY", 1_200_000_000_000),
        # a bracket after a name that holds only an amount in 억: ``…기술개발(4598억)``
        ("창업성장기술개발(4598억) 등", "MONEY", 459_800_000_000),
        ("공정품질(395억5000만), 기타", "MONEY", 39_550_000_000),
        ("’22~’24 계획", "YEAR_RANGE", (2022, 2024)),
        ("‘22~’24년 계획", "YEAR_RANGE", (2022, 2024)),
        ("2022~2024년 계획", "YEAR_RANGE", (2022, 2024)),
        ("로드맵(2027~2029) 수립", "YEAR_RANGE", (2027, 2029)),
        ("2019~21년", "YEAR_RANGE", (2019, 2021)),
        ("’21년 대비", "YEAR", 2021),
        ("2022년 하반기", "YEAR", 2022),
        ("2022년 1월 27일(목)", "DATE", dt.date(2022, 1, 27)),
        ("2022. 1. 27. 배포", "DATE", dt.date(2022, 1, 27)),
        ("32개 분야", "COUNT", 32),
        ("총 8,608건의 특허", "COUNT", 8_608),
        ("점유율 6.5%", "PERCENT", 6.5),
        ("-0.3% 감소", "PERCENT", -0.3),
    ],
)
def test_single_quantity_value(text: str, label: str, value: object) -> None:
    found = _found(text)
    assert [(f[0], f[2]) for f in found] == [(label, value)], found


def test_overlaps_keep_the_longer_reading() -> None:
    labels = [f[0] for f in _found("2022년 1월 27일, ’22~’24년, 1조 2,000억원")]
    assert labels == ["DATE", "YEAR_RANGE", "MONEY"]


@pytest.mark.parametrize(
    "text",
    ["문의(044-204-7740)", "☎042-481-5258", "내선(7750)", "코드 10-2020-0123456", "3개년", "6개월"],
)
def test_phone_numbers_codes_and_durations_are_not_years_or_counts(text: str) -> None:
    assert [f for f in _found(text) if f[0] in ("YEAR", "YEAR_RANGE", "DATE", "COUNT")] == []


def test_match_offsets_are_exact() -> None:
    text = "가나 ’21년 512억원→’22년 879억원"
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
    assert [q.text for q in find_quantities(text)] == ["’21년", "512억원", "’22년", "879억원"]


def test_a_bracketed_number_in_eok_with_more_after_it_is_no_money() -> None:
    # ``(4억 건)`` counts patents; only a bracket closing right after the amount is money
    assert not [f for f in _found("특허(4억 건)와 논문") if f[0] == "MONEY"]
