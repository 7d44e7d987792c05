"""Before → after statements: programmes linked, budgets, product counts, support periods.

Releases report growth as ``’23년 3개 사업 → ’24년 6개 사업``, ``(4→7개)``,
``’23년 1,024억원→ ’24년 1조 2,000억원(계속과제 기준)``, ``(‘25)49개 품목 → (‘26)100개 이상의
품목`` and ``‘23년 대비 3개 분야, 15개 품목 증가``. One pattern reads every arrow form;
what the change is about (programmes, budget, products) comes from its unit noun or, when
the numbers are bare, from the words just before it.
"""

from __future__ import annotations

import re

from stkg.ingest.extract.statements.model import Change, Increase, Spanned, SupportPeriodChange
from stkg.ingest.extract.statements.units import Unit, clean_name
from stkg.ingest.nlp.quantities import parse_money, parse_year

__all__ = ["find_changes", "find_increases", "find_support_periods", "named_list_after"]

_YEAR = r"(?:(?:19|20)\d{2}\s*년도?|[’‘'`]\d{2}(?:\s*년도?)?)"
_MONEY = r"(?:\d[\d,]*(?:\.\d+)?\s?[십백천]?[조억만]\s?)+원"
_COUNT = r"\d[\d,]*(?:\s*(?:개|건|명|곳|종))?"
_QUALIFIER = r"이상|이하|미만|초과|내외"


def _side(tag: str) -> str:
    return (
        rf"(?:\(?\s*(?P<{tag}y>{_YEAR})\s*\)?\s*)?"
        rf"(?P<{tag}v>{_MONEY}|{_COUNT})(?![\dA-Za-z])"
        rf"(?:\s*(?P<{tag}q>{_QUALIFIER})의?)?"
        rf"(?:\s(?P<{tag}n>[가-힣]+(?:\s?R&D)?)(?=[\s,.)(→]|$)|(?P<{tag}m>[가-힣]+)(?=[\s,.)(→]|$))?"
    )


_ARROW = r"\s*(?:→|->|⟶|➡|⇒)\s*"
_CHANGE = re.compile(rf"(?<![\d,.])(?:{_side('b')}){_ARROW}(?:{_side('a')})")
_DELTA = re.compile(r"^\s*,\s*(?P<d>[+\-−△▲▽]\s?\d[\d,]*)")
_BASIS = re.compile(r"^\s*[(,]\s*(?P<b>[^(),]*?기준)\s*\)?")
_NAMED = re.compile(r"^\s*\((?P<list>[^()]*(?:\([^()]*\)[^()]*)*)\)")
_INCREASE = re.compile(
    rf"(?P<y>{_YEAR})\s*대비\s*(?P<counts>(?:\d[\d,]*\s*개\s*[가-힣]+\s*,?\s*)+?)"
    r"\s*(?P<dir>증가|감소|확대|축소)"
)
_PERIOD = re.compile(
    r"(?P<subj>(?:[가-힣A-Za-z&]+\s)?[가-힣A-Za-z&]*기간)[을를]?\s*(?:현행\s*)?(?P<b>\d+)\s*년에서\s*"
    r"(?P<max>최대\s*)?(?P<a>\d+)\s*년"
)
_BOUNDARY = re.compile(r"[,(.]|\)\s|^[□◦○\-*※∙•]+\s*")


def _amount(text: str) -> int:
    if text.endswith("원"):
        return parse_money(text)
    return int(re.match(r"[\d,]+", text).group().replace(",", ""))  # type: ignore[union-attr]


def _group_span(unit: Unit, m: re.Match[str], name: str) -> Spanned[int] | None:
    if m.group(name) is None:
        return None
    a, b = m.span(name)
    raw = m.group(name)
    value = parse_year(raw) if name.endswith("y") else _amount(raw)
    return unit.spanned(value, a, b)


def _subject(unit: Unit, pos: int) -> str:
    """The words just before a change: a ``(label)`` or the clause since the last comma."""
    before = unit.flat[:pos].rstrip(" (")
    label = re.search(r"\(([^()]{1,12})\)\s*$", before)
    if label:
        return label.group(1)
    cut = max((m.end() for m in _BOUNDARY.finditer(before)), default=0)
    return clean_name(before[cut:])[-40:]


def _kind(unit: Unit, m: re.Match[str], subject: str) -> str:
    if m.group("bv").endswith("원") or m.group("av").endswith("원"):
        return "budget"
    nouns = " ".join(n for n in (m.group("bn"), m.group("an"), m.group("bm"), m.group("am")) if n)
    context = nouns or subject
    if "사업" in context:
        return "programmes"
    if re.search(r"품목|제품", context):
        return "related_products" if "관련" in subject or "관련" in nouns else "products"
    if re.search(r"품목|제품", subject):
        return "related_products" if "관련" in subject else "products"
    return "count"


def find_changes(unit: Unit) -> list[Change]:
    """Every before → after quantity in a unit, classified by what it counts."""
    out = []
    for m in _CHANGE.finditer(unit.flat):
        money = [m.group(s).endswith("원") for s in ("bv", "av")]
        if money[0] != money[1]:
            continue
        subject = _subject(unit, m.start())
        tail = unit.flat[m.end() :]
        delta = _DELTA.match(tail)
        basis = _BASIS.match(tail)
        before, after = _group_span(unit, m, "bv"), _group_span(unit, m, "av")
        assert before is not None and after is not None
        listed, partial = ([], False) if basis else named_list_after(unit, m.end())
        out.append(
            Change(
                kind=_kind(unit, m, subject),
                subject=subject,
                before=before,
                after=after,
                before_year=_group_span(unit, m, "by"),
                after_year=_group_span(unit, m, "ay"),
                after_qualifier=m.group("aq"),
                delta=_delta(unit, m.end(), delta) if delta else None,
                basis=(
                    unit.spanned(basis.group("b").strip(), *_shift(m.end(), basis, "b"))
                    if basis
                    else None
                ),
                listed=tuple(listed),
                listed_partial=partial,
                quote=unit.quote,
            )
        )
    return out


def _shift(offset: int, m: re.Match[str], group: str) -> tuple[int, int]:
    a, b = m.span(group)
    return offset + a, offset + b


def _delta(unit: Unit, offset: int, m: re.Match[str]) -> Spanned[int]:
    raw = m.group("d").replace(" ", "")
    sign = -1 if raw[0] in "-−△▽" else 1
    return unit.spanned(sign * int(raw[1:].replace(",", "")), *_shift(offset, m, "d"))


def named_list_after(unit: Unit, pos: int) -> tuple[list[Spanned[str]], bool]:
    """The ``(A, B, C 등)`` right after ``pos``: its items and whether ``등`` ends it."""
    m = _NAMED.match(unit.flat[pos:])
    if not m:
        return [], False
    a, b = m.span("list")
    return split_list(unit, pos + a, pos + b)


def split_list(unit: Unit, a: int, b: int) -> tuple[list[Spanned[str]], bool]:
    """Split ``flat[a:b]`` at top-level commas; a trailing ``등`` marks the list partial."""
    text = unit.flat[a:b]
    partial = False
    tail = re.search(r"\s*등\s*(?:\d+\s*개)?\s*$", text)
    if tail:
        partial = tail.group().strip().startswith("등")
        b = a + tail.start()
    items, depth, start = [], 0, a
    for i in range(a, b + 1):
        ch = unit.flat[i] if i < b else ","
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "," and depth == 0:
            if unit.flat[start:i].strip():
                items.append(unit.text_at(start, i))
            start = i + 1
    return items, partial


def find_increases(unit: Unit) -> list[Increase]:
    """``‘23년 대비 3개 분야, 15개 품목 증가`` → reference year and counts per noun."""
    out = []
    for m in _INCREASE.finditer(unit.flat):
        base = m.start("counts")
        counts = tuple(
            (
                c.group(2),
                unit.spanned(int(c.group(1).replace(",", "")), base + c.start(1), base + c.end(1)),
            )
            for c in re.finditer(r"(\d[\d,]*)\s*개\s*([가-힣]+)", m.group("counts"))
        )
        out.append(
            Increase(
                reference_year=unit.spanned(parse_year(m.group("y")), *m.span("y")),
                counts=counts,
                direction=1 if m.group("dir") in ("증가", "확대") else -1,
                quote=unit.quote,
            )
        )
    return out


def find_support_periods(unit: Unit) -> list[SupportPeriodChange]:
    """``지원기간을 현행 2년에서 최대 5년까지로 연장`` → 2 → 5 years (maximum)."""
    return [
        SupportPeriodChange(
            subject=unit.text_at(*m.span("subj")),
            before_years=unit.spanned(int(m.group("b")), *m.span("b")),
            after_years=unit.spanned(int(m.group("a")), *m.span("a")),
            after_is_maximum=m.group("max") is not None,
            quote=unit.quote,
        )
        for m in _PERIOD.finditer(unit.flat)
    ]
