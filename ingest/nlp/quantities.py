"""Money, years, year ranges, counts, dates and percentages in Korean text, with values.

These are regular expressions over the document text (not token patterns) because Korean
writes them with unit suffixes (``512억원``, ``’22~’24년``, ``8,608건``) that a tokenizer
may cut anywhere; the pipeline aligns each match to token boundaries afterwards. Years are
kept to 19xx/20xx (or a quoted two-digit year such as ``’21``) so phone numbers and codes
are not read as years.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

__all__ = [
    "LABELS",
    "QuantityMatch",
    "find_quantities",
    "parse_count",
    "parse_date",
    "parse_money",
    "parse_percent",
    "parse_value",
    "parse_year",
    "parse_year_range",
]

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_UNIT = r"[십백천]?[조억만]|[천백]"
_Q = r"[’‘'`]"  # the seeds use both ’ and ‘ before two-digit years
_SEP = r"\s*[~∼〜\-–]\s*"
_Y4 = r"(?:19|20)\d{2}"

PATTERNS: dict[str, list[re.Pattern[str]]] = {
    "MONEY": [
        re.compile(rf"(?<![\d.,])(?:(?:{_NUM})\s?(?:{_UNIT})\s?)+원"),
        re.compile(rf"(?<![\d.,])(?:{_NUM})원"),
        # 억/조 without 원 where the words after say it is spent: ``360억 투입``, ``262억 규모``,
        # ``372억 지원``, ``500억을 조성``, or by how much a budget changed: ``47억이 증액``,
        # ``3500억 정도 늘었다``, or what it amounts to: ``1조 4550억에 달한다``
        re.compile(
            rf"(?<![\d.,])(?:{_NUM})\s?[십백천]?[조억](?:\s?(?:{_NUM})\s?[십백천]?[조억만])*"
            rf"(?=\s*(?:[을를이가]\s*)?(?:투입|투자|규모|편성|예산|지원|배정|출연|조성|반영"
            rf"|(?:(?:정도|가량|가까이)\s*)?(?:증액|감액|삭감|증가|감소|늘|줄))"
            rf"|\s*에\s*(?:달|이르))"
        ),
        # or the first side of a change whose second prints 원: ``694억→765억원``
        re.compile(
            rf"(?<![\d.,])(?:{_NUM})\s?[십백천]?[조억](?:\s?(?:{_NUM})\s?[십백천]?[조억만])*"
            rf"(?=\s*(?:→|->|⟶|➡|⇒)\s*(?:{_NUM})\s?[십백천]?[조억][^원\n]{{0,12}}원)"
        ),
        # or where a budget is set to it: ``내년 예산은 … 1조5170억으로 확정됐다``
        re.compile(
            rf"(?<![\d.,])(?:{_NUM})\s?[십백천]?[조억](?:\s?(?:{_NUM})\s?[십백천]?[조억만])*"
            rf"(?=\s*(?:으로|로)\s*(?:확정|증액|감액|편성|확대|축소|늘|줄))"
        ),
        # or where a bracket after a name holds nothing else: ``창업성장기술개발(4598억)``
        re.compile(
            rf"(?<=[(（])(?:{_NUM})\s?[십백천]?[조억](?:\s?(?:{_NUM})\s?[십백천]?[조억만])*"
            rf"(?=\s*[)）,])"
        ),
    ],
    "DATE": [
        re.compile(rf"(?<!\d)({_Y4})\s*년\s*(\d{{1,2}})\s*월\s*(\d{{1,2}})\s*일"),
        re.compile(rf"(?<![\d.])({_Y4})([.\-/])\s?(\d{{1,2}})\2\s?(\d{{1,2}})(?![\d])\.?"),
    ],
    "YEAR_RANGE": [
        re.compile(rf"(?<![\d.\-])({_Y4}){_SEP}({_Y4})(?![\d\-])(?:\s*년도?)?"),
        re.compile(rf"(?<![\d.\-])({_Y4})\s*[~∼〜]\s*{_Q}?(\d{{2}})(?!\d)(?:\s*년도?)?"),
        re.compile(rf"{_Q}(\d{{2}})\s*[~∼〜]\s*{_Q}?(\d{{2}})(?!\d)(?:\s*년도?)?"),
    ],
    "YEAR": [
        re.compile(rf"(?<![\d.\-])({_Y4})\s*년도?"),
        re.compile(rf"{_Q}(\d{{2}})(?![\d~∼〜.,])(?:\s*년도?)?"),
    ],
    "PERCENT": [re.compile(rf"(?<![\d.])[+\-−]?(?:{_NUM})\s?(?:%|％|퍼센트)")],
    "COUNT": [
        re.compile(
            rf"(?<![\d.,])(?:{_NUM})\s?(?:개국|개사|개소|개|건|명|곳|종|가지|단계)(?![년월])"
        )
    ],
}
LABELS = tuple(PATTERNS)
# Longer and more specific readings win over the pieces they contain.
_PRIORITY = {"DATE": 0, "MONEY": 1, "YEAR_RANGE": 2, "PERCENT": 3, "COUNT": 4, "YEAR": 5}


@dataclass(frozen=True, slots=True)
class QuantityMatch:
    label: str
    start: int
    end: int
    text: str


def find_quantities(text: str) -> list[QuantityMatch]:
    """All quantity matches, overlaps resolved: earlier start, then longer, then priority."""
    found = [
        QuantityMatch(label, m.start(), m.end(), m.group())
        for label, patterns in PATTERNS.items()
        for pattern in patterns
        for m in pattern.finditer(text)
    ]
    found.sort(key=lambda q: (q.start, -(q.end - q.start), _PRIORITY[q.label]))
    chosen: list[QuantityMatch] = []
    for q in found:
        if chosen and q.start < chosen[-1].end:
            continue
        chosen.append(q)
    return chosen


def _number(s: str) -> Decimal:
    return Decimal(s.replace(",", ""))


#: What each Korean number word multiplies by.
UNIT_VALUE = {"조": 10**12, "억": 10**8, "만": 10**4, "천": 10**3, "백": 100, "십": 10}


def _unit_multiplier(unit: str) -> int:
    mult = 1
    for ch in unit:
        mult *= UNIT_VALUE[ch]
    return mult


_LARGE_UNITS = "조억만"


def parse_money(s: str) -> int:
    """``512억원`` → 51_200_000_000; ``1조 2,000억원`` → 1_200_000_000_000 (KRW).

    천/백/십 count within a group that the next 만/억/조 multiplies, as Korean reads
    them: ``2천964억원`` is (2,000 + 964) 억원, ``3천억원`` is 3 × 1,000 억원.
    """
    total = group = Decimal(0)
    parts = list(re.finditer(rf"({_NUM})\s?({_UNIT})?", s))
    if not parts:
        raise ValueError(f"no amount in {s!r}")
    for m in parts:
        unit = m.group(2) or ""
        if unit and unit[-1] in _LARGE_UNITS:
            total += (group + _number(m.group(1)) * _unit_multiplier(unit[:-1])) * UNIT_VALUE[
                unit[-1]
            ]
            group = Decimal(0)
        else:
            group += _number(m.group(1)) * _unit_multiplier(unit)
    return int(total + group)


def _year2(yy: str, century_of: int = 2000) -> int:
    return century_of + int(yy)


def parse_year_range(s: str) -> tuple[int, int]:
    """``’22~’24`` → (2022, 2024); ``2027~2029`` → (2027, 2029); ``2022~24년`` → (2022, 2024)."""
    m = PATTERNS["YEAR_RANGE"][0].search(s)
    if m:
        return int(m.group(1)), int(m.group(2))
    m = PATTERNS["YEAR_RANGE"][1].search(s)
    if m:
        start = int(m.group(1))
        return start, _year2(m.group(2), start // 100 * 100)
    m = PATTERNS["YEAR_RANGE"][2].search(s)
    if m:
        return _year2(m.group(1)), _year2(m.group(2))
    raise ValueError(f"no year range in {s!r}")


def parse_year(s: str) -> int:
    """``’21년`` → 2021; ``2022년`` → 2022."""
    m = PATTERNS["YEAR"][0].search(s)
    if m:
        return int(m.group(1))
    m = PATTERNS["YEAR"][1].search(s)
    if m:
        return _year2(m.group(1))
    raise ValueError(f"no year in {s!r}")


def parse_date(s: str) -> dt.date:
    """``2022년 1월 27일`` or ``2022.1.27.`` → ``date(2022, 1, 27)``."""
    m = PATTERNS["DATE"][0].search(s)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = PATTERNS["DATE"][1].search(s)
    if m:
        return dt.date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
    raise ValueError(f"no date in {s!r}")


def parse_count(s: str) -> int:
    """``8,608건`` → 8608; ``32개 분야`` → 32."""
    m = re.search(_NUM, s)
    if not m:
        raise ValueError(f"no count in {s!r}")
    return int(_number(m.group()))


def parse_percent(s: str) -> float:
    """``6.5%`` → 6.5; ``-0.3%`` → -0.3."""
    m = re.search(rf"([+\-−]?)({_NUM})", s)
    if not m:
        raise ValueError(f"no percentage in {s!r}")
    sign = -1 if m.group(1) in ("-", "−") else 1
    return sign * float(_number(m.group(2)))


_PARSERS = {
    "MONEY": parse_money,
    "YEAR_RANGE": parse_year_range,
    "YEAR": parse_year,
    "DATE": parse_date,
    "COUNT": parse_count,
    "PERCENT": parse_percent,
}


def parse_value(label: str, s: str) -> object:
    """The normalised value of a quantity of ``label``; None for labels without a parser."""
    parser = _PARSERS.get(label)
    return parser(s) if parser else None
