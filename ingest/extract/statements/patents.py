"""The patent big-data method as the prose and its example boxes describe it.

Read: the numbered steps of the method (``①특허 검색식 설계 → ②유효특허 선별 → …``), the
patent offices searched (``한국, 미국, 독일에 출원 또는 등록된``),
stated sizes of classifications (``3개 대분류, 9개 중분류, 27개 소분류``; ``▶ 5개 분류 - 12개
세부기술``), valid-patent counts (``총 8,608건의 유효특허``), the selection of promising
sub-technologies (``10개 분야 중 2개 분야(…)를 유망기술 분야로 도출``) and the promising
tasks box (``▶ 설비 진단 분야 3개 과제 발굴`` with its method steps and ``(1) (2) (3)``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from stkg.ingest.extract.statements.changes import split_list
from stkg.ingest.extract.statements.model import (
    ClassificationCounts,
    NumberedList,
    PatentMethod,
    PatentOffice,
    PromisingTasks,
    Selection,
    Spanned,
    StatementWarning,
    ValidPatents,
)
from stkg.ingest.extract.statements.units import Unit
from stkg.ingest.normalize import CIRCLED_NUMBERS as _CIRCLED

__all__ = ["PATENT_OFFICES", "find_numbered", "read_patent_method"]

#: Country or region words → (country, office code). 우리나라/국내 mean Korea.
PATENT_OFFICES = {
    "우리나라": ("한국", "KR"),
    "국내": ("한국", "KR"),
    "한국": ("한국", "KR"),
    "미국": ("미국", "US"),
    "일본": ("일본", "JP"),
    "중국": ("중국", "CN"),
    "유럽": ("유럽", "EP"),
    "독일": ("독일", "DE"),
    "영국": ("영국", "GB"),
    "프랑스": ("프랑스", "FR"),
    "대만": ("대만", "TW"),
    "캐나다": ("캐나다", "CA"),
    "호주": ("호주", "AU"),
    "인도": ("인도", "IN"),
    "국제": ("국제(PCT)", "WO"),
}
_OFFICE_LIST = re.compile(
    r"(?P<list>(?:[가-힣]+(?:[을를]\s*포함)?\s*,\s*)+(?:및\s*)?[가-힣]+)\s*(?:에|의)\s*(?:출원|등록)"
)
_LEVEL = r"대분류|중분류|소분류|세분류|분류|세부\s?기술|기술"
_LEVEL_COUNT = re.compile(rf"(?P<n>\d[\d,]*)\s*개\s*(?P<l>{_LEVEL})(?![가-힣])")
_SCHEME = re.compile(r"^(?P<s>[^:▶]{2,40}?)\s*[:▶]\s*(?=\d)")
_VALID = re.compile(
    r"(?:\((?P<scope>[^()]{2,30})\)\s*)?(?:(?P<k>\d+)\s*개\s*세부\s?기술[^총]{0,20}?)?"
    r"총\s*(?P<n>\d[\d,]*)\s*건의?\s*유효\s*특허"
)
_SELECTION = re.compile(
    r"(?P<pool>\d+)\s*개\s*(?P<noun>[가-힣]+)\s*중\s*(?P<sel>\d+)\s*개\s*(?P=noun)?\s*"
    r"\((?P<list>[^()]+)\)\s*[을를]\s*(?P<out>[^.]{2,20}?)\s*(?:으로|로)\s*(?:도출|선정)"
)
_TASK_BOX = re.compile(r"▶\s*(?P<area>[^▶]{2,30}?)\s*분야\s*(?P<n>\d+)\s*개\s*과제")
_CIRCLED_CHARS = "".join(_CIRCLED)
_ENUM = re.compile(rf"(?P<c>[{_CIRCLED_CHARS}])|\((?P<p>\d{{1,2}})\)")
_ARROWS = re.compile(r"\s*(?:→|->|⟶|➡|⇒)\s*$")


def find_numbered(unit: Unit, *, style: str | None = None) -> NumberedList | None:
    """Items numbered 1, 2, 3… in a row (①②③ or (1)(2)(3)); ``- gloss -`` kept apart.

    Returns None unless the unit holds a run of at least two consecutive numbers starting
    at 1, so stray enumerators (``①`` in a sentence) are not mistaken for a list.
    """
    marks = []
    for m in _ENUM.finditer(unit.flat):
        kind = "c" if m.group("c") else "p"
        number = _CIRCLED[m.group("c")] if kind == "c" else int(m.group("p"))
        if style and kind != style:
            continue
        if number == 1:
            marks = [(m, kind)]
        elif marks and number == len(marks) + 1 and kind == marks[0][1]:
            marks.append((m, kind))
    if len(marks) < 2:
        return None
    items, glosses = [], []
    bounds = [m.end() for m, _ in marks]
    ends = [m.start() for m, _ in marks[1:]] + [len(unit.flat)]
    for a, b in zip(bounds, ends, strict=True):
        seg = unit.flat[a:b]
        seg = _ARROWS.sub("", seg.rstrip(" ,"))
        gloss = re.search(r"\s+-\s+(?P<g>.+?)\s*-?\s*$", seg)
        name_end = a + (gloss.start() if gloss else len(seg))
        items.append(unit.text_at(a, name_end))
        glosses.append(unit.text_at(a + gloss.start("g"), a + gloss.end("g")) if gloss else None)
    label = re.search(r"\((?P<l>[^()]{2,12})\)\s*$", unit.flat[: marks[0][0].start()])
    return NumberedList(
        unit.text_at(*label.span("l")) if label else None, tuple(items), tuple(glosses), unit.quote
    )


def _offices(unit: Unit) -> list[PatentOffice]:
    m = _OFFICE_LIST.search(unit.flat)
    if not m or "특허" not in unit.flat:
        return []
    out = []
    for w in re.finditer(r"[가-힣]+", m.group("list")):
        word = re.sub(r"[을를]$", "", w.group())
        if word in PATENT_OFFICES:
            country, code = PATENT_OFFICES[word]
            a = m.start("list") + w.start()
            out.append(PatentOffice(unit.spanned(word, a, a + len(word)), country, code))
    return out if len(out) >= 2 else []


def _classification(unit: Unit) -> ClassificationCounts | None:
    counts = list(_LEVEL_COUNT.finditer(unit.flat, unit.body_start))
    if len(counts) < 2 or re.search(r"\s중\s", unit.flat):
        return None
    scheme = _SCHEME.search(unit.body)
    levels = tuple(
        (
            re.sub(r"\s", "", m.group("l")),
            unit.spanned(int(m.group("n").replace(",", "")), *m.span("n")),
        )
        for m in counts
    )
    s = (
        unit.text_at(unit.body_start + scheme.start("s"), unit.body_start + scheme.end("s"))
        if scheme
        else None
    )
    return ClassificationCounts(s, levels, unit.quote)


def _valid(unit: Unit) -> ValidPatents | None:
    m = _VALID.search(unit.flat)
    if not m:
        return None
    return ValidPatents(
        unit.text_at(*m.span("scope")) if m.group("scope") else None,
        unit.spanned(int(m.group("k")), *m.span("k")) if m.group("k") else None,
        unit.spanned(int(m.group("n").replace(",", "")), *m.span("n")),
        unit.quote,
    )


def _selection(unit: Unit) -> Selection | None:
    m = _SELECTION.search(unit.flat)
    if not m:
        return None
    items, _ = split_list(unit, *m.span("list"))
    return Selection(
        unit.spanned(int(m.group("pool")), *m.span("pool")),
        unit.spanned(int(m.group("sel")), *m.span("sel")),
        tuple(items),
        unit.text_at(*m.span("out")),
        unit.quote,
    )


def _tasks(units: Sequence[Unit], unit: Unit) -> PromisingTasks | None:
    """A ``▶ X 분야 N개 과제`` box: the method (①②③) and tasks ((1)(2)(3)) follow it."""
    m = _TASK_BOX.search(unit.flat)
    if not m:
        return None
    method = tasks = None
    for nxt in units[unit.index + 1 : unit.index + 6]:
        if nxt.marker in ("□", "■", "예시") or nxt.marker.startswith("참고"):
            break
        method = method or find_numbered(nxt, style="c")
        tasks = tasks or find_numbered(nxt, style="p")
    return PromisingTasks(
        unit.text_at(*m.span("area")),
        unit.spanned(int(m.group("n")), *m.span("n")),
        method,
        tasks,
        unit.quote,
    )


def read_patent_method(units: Sequence[Unit]) -> tuple[PatentMethod, list[StatementWarning]]:
    out = PatentMethod()
    for unit in units:
        if out.steps is None and re.search(r"→|➡", unit.flat) and "특허" in unit.flat:
            steps = find_numbered(unit, style="c")
            if steps and len(steps.items) >= 2:
                out.steps = steps
        if not out.offices:
            out.offices = _offices(unit)
        if not unit.is_table_row and (c := _classification(unit)):
            out.classifications.append(c)
        if v := _valid(unit):
            out.valid_patents.append(v)
        if s := _selection(unit):
            out.selections.append(s)
        if t := _tasks(units, unit):
            out.promising_tasks.append(t)
    return out, _check(out)


def _warn(message: str, at: Spanned[Any]) -> StatementWarning:
    return StatementWarning(message, at.start, at.end)


def _check(method: PatentMethod) -> list[StatementWarning]:
    """Stated counts against the items listed with them."""
    warnings = []
    for s in method.selections:
        if s.selected.value != len(s.items):
            warnings.append(
                _warn(f"{s.selected.value} selected, {len(s.items)} listed", s.selected)
            )
        if s.selected.value > s.pool.value:
            warnings.append(_warn(f"{s.selected.value} selected out of {s.pool.value}", s.selected))
    for t in method.promising_tasks:
        listed = len(t.tasks.items) if t.tasks else 0
        if t.stated_count and t.tasks and t.stated_count.value != listed:
            warnings.append(
                _warn(
                    f"{t.area.value}: {t.stated_count.value} tasks stated, {listed} listed",
                    t.stated_count,
                )
            )
    subs = [c.count("세부기술") for c in method.classifications if c.count("세부기술")]
    for s in method.selections:
        if subs and s.pool.value not in subs and "분야" in s.quote.text:
            warnings.append(
                _warn(
                    f"selection pool {s.pool.value} differs from stated sub-technologies {subs}",
                    s.pool,
                )
            )
    return warnings
