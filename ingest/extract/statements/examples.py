"""Footnoted example lists, new fields and citizen-proposed products.

Releases attach examples to a phrase with stars: ``… 관련 품목*과 … 관련 품목**을`` and
below it ``* A, B 등`` / ``** C, D 등``. A footnote is linked to the nearest earlier unit
holding the same number of stars after a word. Inside a list, ``X 분야 신설(A, B)`` names
a new field with its products; ``수소 분야를 신설하여 A, B 등 6개 품목을 신규 선정`` says
the same in a sentence. Citizen proposals (국민 제안품목) are read from the units that speak
of them and their footnotes: how many were found (발굴) and chosen (선정), in which fields,
by which method (재밍, 자유토론).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from stkg.ingest.extract.statements.changes import split_list
from stkg.ingest.extract.statements.model import (
    CitizenProposals,
    ExampleList,
    NewField,
    Spanned,
    StatementWarning,
)
from stkg.ingest.extract.statements.units import Unit

__all__ = ["find_citizen_proposals", "find_example_lists", "find_new_fields"]

_STARS = re.compile(r"^\s*(?:-\s*)?(?P<s>\*+)\s*")
_STOP_SUFFIX = tuple("을를의에는은고해서며과와도")
_MAX_ANCHOR_WORDS = 5
_LOOKBACK = 8
_NEW_FIELD_ITEM = re.compile(r"^(?P<f>.+?)\s*분야\s*신설\s*\((?P<p>[^()]+(?:\([^()]*\)[^()]*)*)\)$")
_NEW_FIELD_SENTENCE = re.compile(
    r"(?P<f>[^\s,]+)\s*분야를?\s*신설하(?:여|고)\s*(?P<list>.+?)\s*등\s*(?P<n>\d[\d,]*)\s*개\s*"
    r"(?:품목|제품)"
)
_CITIZEN = re.compile(r"국민\s*제안")
_SELECTED = re.compile(
    r"국민\s*제안\s*(?:품목|제품)\s*(?P<n>\d[\d,]*)\s*개|(?P<m>\d[\d,]*)\s*개를?\s*선정"
)
_DISCOVERED = re.compile(r"(?P<n>\d[\d,]*)\s*개\s*(?:의\s*)?(?:품목|제품)?을?\s*발굴")
_FIELDS = re.compile(r"(?P<list>[가-힣]+(?:\s*,\s*[가-힣]+)+\s*등)\s*(?P<n>\d+)\s*개")
_METHODS = re.compile(r"재밍|자유\s?토론|브레인\s?스토밍|Jamming|설문\s?조사|아이디어\s?공모")


def _anchor(unit: Unit, stars: int) -> tuple[int, int] | None:
    """Flat span of the phrase carrying ``stars`` stars (the last one in the unit)."""
    pattern = re.compile(rf"(?<=[^\s*])\*{{{stars}}}(?!\*)")
    hits = [m for m in pattern.finditer(unit.flat, unit.body_start)]
    if not hits:
        return None
    end = hits[-1].start()
    words = list(re.finditer(r"\S+", unit.flat[unit.body_start : end]))
    if not words:
        return None
    start = words[-1].start()
    for w in reversed(words[:-1][-(_MAX_ANCHOR_WORDS - 1) :]):
        text = w.group()
        bare = text.rstrip(")")
        if text.endswith(",") or bare == "등" or text.endswith(_STOP_SUFFIX):
            break
        if text.count(")") > text.count("("):
            break
        start = w.start()
    last = words[-1]
    cut = last.end()
    return unit.body_start + start, unit.body_start + cut


def _topic(anchor: str, anchor_unit: Unit) -> str:
    """What a footnote exemplifies, judged by its anchor phrase and sentence."""
    if _CITIZEN.search(anchor):
        return "citizen_proposals"
    if re.search(r"품목|제품", anchor) and re.search(r"확대|추가|신규", anchor_unit.flat):
        return "expanded_products"
    return "other"


def find_example_lists(units: Sequence[Unit]) -> tuple[list[ExampleList], list[NewField]]:
    """Footnotes ``* A, B 등`` linked to their anchors; new fields named inside them."""
    lists, fields = [], []
    for unit in units:
        m = _STARS.match(unit.flat)
        if not m or not re.search(r"등\s*$", unit.flat):
            continue
        stars = len(m.group("s"))
        anchor_unit, span = _find_anchor(units, unit, stars)
        items, partial = split_list(unit, m.end(), len(unit.flat))
        items, new = _expand_new_fields(unit, items)
        fields.extend(new)
        anchor = anchor_unit.text_at(*span) if anchor_unit and span else None
        topic = _topic(anchor.value, anchor_unit) if anchor and anchor_unit else "other"
        lists.append(ExampleList(m.group("s"), anchor, topic, tuple(items), partial, unit.quote))
    return lists, fields


def _find_anchor(
    units: Sequence[Unit], unit: Unit, stars: int
) -> tuple[Unit | None, tuple[int, int] | None]:
    for prev in reversed(units[max(0, unit.index - _LOOKBACK) : unit.index]):
        if prev.marker in ("□", "■"):
            break
        span = _anchor(prev, stars)
        if span:
            return prev, span
    return None, None


def _expand_new_fields(
    unit: Unit, items: list[Spanned[str]]
) -> tuple[list[Spanned[str]], list[NewField]]:
    """Replace ``X 분야 신설(A, B)`` by A and B, recording X as a new field."""
    out, fields = [], []
    for item in items:
        a = unit.offsets.index(item.start)
        m = _NEW_FIELD_ITEM.match(item.text)
        if not m:
            out.append(item)
            continue
        products, partial = split_list(unit, a + m.start("p"), a + m.end("p"))
        out.extend(products)
        fields.append(
            NewField(
                unit.text_at(a + m.start("f"), a + m.end("f")),
                tuple(products),
                None,
                partial,
                unit.quote,
            )
        )
    return out, fields


def find_new_fields(unit: Unit) -> list[NewField]:
    """``수소 분야를 신설하여 A, B 등 6개 품목을 신규 선정`` → field, products, count."""
    out = []
    for m in _NEW_FIELD_SENTENCE.finditer(unit.flat):
        products, _ = split_list(unit, *m.span("list"))
        out.append(
            NewField(
                unit.text_at(*m.span("f")),
                tuple(products),
                unit.spanned(int(m.group("n").replace(",", "")), *m.span("n")),
                True,
                unit.quote,
            )
        )
    return out


def find_citizen_proposals(
    units: Sequence[Unit], lists: Sequence[ExampleList]
) -> tuple[CitizenProposals | None, list[StatementWarning]]:
    """Citizen proposals from the units that mention them and the bullets under those."""
    topical = {u.index for u in units if _CITIZEN.search(u.flat) and not u.is_table_row}
    related = [u for u in units if u.index in topical or (u.parent in topical and u.marker)]
    if not related:
        return None, []
    out = CitizenProposals()
    for unit in related:
        out.quotes.append(unit.quote)
        _read_counts(unit, out)
        _read_fields(unit, out)
        for m in _METHODS.finditer(unit.flat):
            if all(x.value != m.group() for x in out.methods):
                out.methods.append(unit.spanned(m.group(), *m.span()))
    for lst in lists:
        if lst.topic == "citizen_proposals":
            out.examples.extend(lst.items)
    return out, _check(out)


def _read_counts(unit: Unit, out: CitizenProposals) -> None:
    for m in _SELECTED.finditer(unit.flat):
        g = "n" if m.group("n") else "m"
        out.selected.append(unit.spanned(int(m.group(g).replace(",", "")), *m.span(g)))
    d = _DISCOVERED.search(unit.flat)
    if d and out.discovered is None and re.search(r"선정", unit.flat[d.end() :]):
        out.discovered = unit.spanned(int(d.group("n").replace(",", "")), *d.span("n"))


def _read_fields(unit: Unit, out: CitizenProposals) -> None:
    for m in _FIELDS.finditer(unit.flat):
        near = unit.flat[max(0, m.start() - 3) : m.end() + 4]
        if "분야" not in near:
            continue
        items, _ = split_list(unit, *m.span("list"))
        if not out.fields:
            out.fields = items
            out.fields_stated = unit.spanned(int(m.group("n")), *m.span("n"))


def _check(out: CitizenProposals) -> list[StatementWarning]:
    warnings = []
    values = {s.value for s in out.selected}
    if len(values) > 1:
        s = out.selected[-1]
        warnings.append(
            StatementWarning(
                f"citizen proposals: selected counts disagree {sorted(values)}", s.start, s.end
            )
        )
    if out.discovered and values and max(values) > out.discovered.value:
        d = out.discovered
        warnings.append(
            StatementWarning(
                f"citizen proposals: {max(values)} selected but only {d.value} discovered",
                d.start,
                d.end,
            )
        )
    if out.fields_stated and len(out.fields) > out.fields_stated.value:
        f = out.fields_stated
        warnings.append(
            StatementWarning(
                f"citizen proposals: {len(out.fields)} fields listed, {f.value} stated",
                f.start,
                f.end,
            )
        )
    return warnings
