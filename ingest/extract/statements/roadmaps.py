"""Roadmap editions the prose announces, starts or refers to, with their stated totals.

An edition is named in several ways: a bracketed title (``「2026 스마트제조
전략기술로드맵(2027~2029)」``, ``｢2025~2027년 중소기업 기술개발 일정계획(로드맵)｣``), a
caption with a year range (``’25~’27 중소기업 기술일정계획(로드맵)``), an edition year with
its plan period (``’24년 일정계획(로드맵)(’24~’26년)``), a year (``※ 2025년 로드맵``) or a
relative phrase (``지난해 추진된 로드맵``). Mentions are merged into editions by series and
year; counts stated next to a mention (or under a heading naming it, or after 올해/지난해)
become the edition's totals.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from stkg.ingest.extract.statements.changes import find_changes
from stkg.ingest.extract.statements.model import (
    Publication,
    RoadmapEdition,
    RoadmapMention,
    Spanned,
    StatedTotal,
)
from stkg.ingest.extract.statements.timeline import RELATIVE_YEARS, relative_words
from stkg.ingest.extract.statements.units import Unit, squash
from stkg.ingest.nlp.quantities import PATTERNS, parse_year, parse_year_range

__all__ = ["SERIES", "Series", "assemble_editions", "find_mentions", "series_of"]


@dataclass(frozen=True, slots=True)
class Series:
    """A roadmap series: id, printed label, and the pattern its titles match (no spaces)."""

    id: str
    label: str
    pattern: re.Pattern[str]


#: Known series, most specific first. An unknown title still yields a mention (series None).
SERIES = (
    Series(
        "smart_manufacturing_strategic_technology",
        "스마트제조 전략기술로드맵",
        re.compile(r"스마트제조.*로드맵"),
    ),
    Series(
        "sme_technology",
        "중소기업 기술로드맵",
        re.compile(r"중소기업.*로드맵|^(?:전략)?기술(?:개발)?일정계획\(로드맵\)"),
    ),
)

_ROADMAP = r"(?:일정\s?계획\s?\(\s?로드\s?맵\s?\)|로드\s?맵)"
# ‘…’ also quote titles, but ’ doubles as the apostrophe of ’22: no digit right after ‘.
_BRACKETED = re.compile(r"[「｢『](?P<t>[^」｣』]{2,80}?)[」｣』]|‘(?P<q>[^’\d][^’]{1,80}?)’")
_Y = r"(?:(?:19|20)\d{2}|[’‘'`]\d{2})"
_RANGE = rf"{_Y}\s*[~∼〜\-–]\s*{_Y}(?:\s*년도?)?"
_CAPTION = re.compile(rf"(?P<r>{_RANGE})\s*(?P<n>(?:[가-힣]+\s?){{0,3}}?{_ROADMAP})")
_YEAR_AND_PERIOD = re.compile(
    rf"(?P<y>{_Y})\s*년도?\s*(?P<n>{_ROADMAP})\s*\(\s*(?P<r>{_RANGE})\s*\)"
)
_YEAR_ONLY = re.compile(rf"(?<![\d~∼〜])(?P<y>(?:19|20)\d{{2}})\s*년도?\s*(?P<n>{_ROADMAP})")
_RELATIVE = re.compile(
    r"(?P<rel>" + "|".join(RELATIVE_YEARS) + r")\s*(?:에\s*)?(?:[가-힣]+[된는한]\s+)?"
    rf"(?P<n>(?:[가-힣]+\s?){{0,2}}?{_ROADMAP})"
)
_NOT_A_TITLE = re.compile(r"누리집|홈페이지|https?:|\.go\.kr")
_COUNT = re.compile(
    r"(?P<n>\d[\d,]*)\s*(?P<u>개|대)\s*(?:(?P<q>이상|이하|이내|내외)의?\s*)?"
    r"(?P<noun>전략\s?분야|분야|전략\s?품목|전략\s?제품|기술\s?품목|품목|제품)(?!\s*중)"
)
_TOTAL_GROUP = re.compile(
    r"총\s*(?P<g>\d[\d,]*\s*[개대]\s*[가-힣 ]{1,6}?(?:\s*,\s*\d[\d,]*\s*[개대]\s*[가-힣 ]{1,6}?)*)"
    r"\s*[을를]\s*(?:[가-힣]+\s*){0,2}?(?:선정|도출)"
)
_PUBLICATION = re.compile(
    r"(?:(?P<rel>내년|올해|금년)\s*)?(?:\(\s*[’‘'`](?P<yy>\d{2})\s*\)|(?P<y4>(?:19|20)\d{2})\s*년)?"
    r"\s*(?P<part>상반기|하반기|연초|연말|\d{1,2}\s*월)\s*(?:중|에|까지)?\s*(?:공개|발표|발간|공표)"
)


def series_of(title: str) -> Series | None:
    key = squash(title)
    return next((s for s in SERIES if s.pattern.search(key)), None)


def _relation(unit: Unit, end: int, rel_word: str | None) -> str:
    window = unit.flat[end : end + 30]
    if re.search(r"착수", window):
        return "started"
    if re.search(r"발표(?!되)", window):
        return "announced"
    if rel_word and RELATIVE_YEARS[rel_word] < 0:
        return "previous"
    return "mentioned"


def _years_in(unit: Unit, a: int, b: int) -> Spanned[tuple[int, int]] | None:
    for pattern in PATTERNS["YEAR_RANGE"]:
        m = pattern.search(unit.flat, a, b)
        if m:
            return unit.spanned(parse_year_range(m.group()), m.start(), m.end())
    return None


def _bracketed(unit: Unit, main: Series | None) -> list[RoadmapMention]:
    out = []
    for m in _BRACKETED.finditer(unit.flat):
        group = "t" if m.group("t") else "q"
        title = m.group(group)
        if not re.search(_ROADMAP, title) or _NOT_A_TITLE.search(title):
            continue
        a, b = m.span(group)
        lead = re.match(r"\s*(?P<y>(?:19|20)\d{2})\s*년?\s(?!\s*[~∼〜])", title)
        year = (
            unit.spanned(int(lead.group("y")), a + lead.start("y"), a + lead.end("y"))
            if lead
            else None
        )
        series = series_of(title)
        out.append(
            RoadmapMention(
                series=series.id if series else None,
                title=unit.text_at(a, b),
                edition_year=year,
                years=_years_in(unit, a, b),
                relation=_relation(unit, m.end(), None),
                quote=unit.quote,
                form="title",
            )
        )
    return out


def _captions(
    unit: Unit, main: Series | None, taken: list[tuple[int, int]]
) -> list[RoadmapMention]:
    """Unbracketed mentions: ``’22~’24 … 로드맵``, ``’21년 로드맵(’21~’23년)``, ``2025년 로드맵``.

    ``taken`` holds flat spans already claimed (bracketed titles); it grows as we go.
    """
    out: list[RoadmapMention] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    # Each shape in turn (the order decides which claims a span first). A caption has no
    # year of its own and takes its relation from the words after it; the others are
    # mentions.
    shapes = (
        (_YEAR_AND_PERIOD, "year_period", parse_year),
        (_CAPTION, "caption", None),
        (_YEAR_ONLY, "year", int),
    )
    for pattern, form, read_year in shapes:
        for m in pattern.finditer(unit.flat):
            if not free(*m.span()):
                continue
            series = series_of(m.group("n")) or main
            out.append(
                RoadmapMention(
                    series.id if series else None,
                    unit.text_at(*m.span()),
                    unit.spanned(read_year(m.group("y")), *m.span("y")) if read_year else None,
                    unit.spanned(parse_year_range(m.group("r")), *m.span("r"))
                    if "r" in pattern.groupindex
                    else None,
                    _relation(unit, m.end(), None) if form == "caption" else "mentioned",
                    unit.quote,
                    form,
                )
            )
            taken.append(m.span())
    return out


def _relatives(
    unit: Unit, main: Series | None, ref_year: int | None, taken: list[tuple[int, int]]
) -> list[RoadmapMention]:
    out = []
    for m in _RELATIVE.finditer(unit.flat):
        if ref_year is None or any(not (m.end() <= s or m.start() >= e) for s, e in taken):
            continue
        series = series_of(m.group("n")) or main
        rel = m.group("rel")
        out.append(
            RoadmapMention(
                series.id if series else None,
                unit.text_at(*m.span()),
                unit.spanned(ref_year + RELATIVE_YEARS[rel], *m.span("rel")),
                None,
                _relation(unit, m.end(), rel),
                unit.quote,
                "relative",
            )
        )
    return out


def find_mentions(units: Sequence[Unit], ref_year: int | None) -> list[RoadmapMention]:
    """Every roadmap mention, bracketed titles first (they fix the main series)."""
    bracketed = [(u, m) for u in units for m in _bracketed(u, None)]
    main_id = next((m.series for _, m in bracketed if m.series and m.years), None)
    main = next((s for s in SERIES if s.id == main_id), None)
    out = []
    for unit in units:
        own = [m for u, m in bracketed if u is unit]
        taken = [_flat_span(unit, m.title) for m in own]
        others = _captions(unit, main, taken) + _relatives(unit, main, ref_year, taken)
        out.extend(sorted(own + others, key=lambda m: m.title.start))
    return out


def _flat_span(unit: Unit, s: Spanned[Any]) -> tuple[int, int]:
    a = unit.offsets.index(s.start)
    b = max(i for i, off in enumerate(unit.offsets) if off < s.end) + 1
    return a, b


# --- editions -------------------------------------------------------------------------------


def _key(m: RoadmapMention) -> tuple[str, str, object] | None:
    if m.series is None:
        return None
    if m.edition_year is not None:
        return (m.series, "y", m.edition_year.value)
    if m.years is not None:
        return (m.series, "r", m.years.value)
    return None


def _name(series: str, edition: RoadmapEdition) -> str:
    label = next((s.label for s in SERIES if s.id == series), series)
    titled_year = any(m.form == "title" and m.edition_year for m in edition.mentions)
    if edition.years and not titled_year:
        return f"{edition.years[0]}~{edition.years[1]} {label}"
    return f"{edition.edition_year} {label}"


_STATUS_ORDER = ("started", "announced", "previous", "mentioned")


def _merge(mentions: Sequence[RoadmapMention]) -> list[RoadmapEdition]:
    editions: dict[tuple[str, str, object], RoadmapEdition] = {}
    for m in mentions:
        key = _key(m)
        if key is None:
            continue
        ed = editions.get(key)
        if ed is None:
            ed = editions[key] = RoadmapEdition(
                series=key[0], name="", edition_year=None, years=None, status="mentioned"
            )
        ed.mentions.append(m)
        ed.edition_year = ed.edition_year or (m.edition_year.value if m.edition_year else None)
        ed.years = ed.years or (m.years.value if m.years else None)
    # A range-only edition joins the edition that states the same range with its year.
    for key in [k for k in editions if k[1] == "r"]:
        twin = next(
            (
                e
                for k, e in editions.items()
                if k[1] == "y" and k[0] == key[0] and e.years == key[2]
            ),
            None,
        )
        if twin is not None:
            twin.mentions.extend(editions.pop(key).mentions)
    for ed in editions.values():
        ed.mentions.sort(key=lambda m: m.title.start)
        relations = {m.relation for m in ed.mentions}
        ed.status = next(s for s in _STATUS_ORDER if s in relations or s == "mentioned")
        ed.name = _name(ed.series, ed)
    return sorted(editions.values(), key=lambda e: min(m.title.start for m in e.mentions))


def _main_edition(editions: Sequence[RoadmapEdition]) -> RoadmapEdition | None:
    for status in ("started", "announced"):
        hit = next((e for e in editions if e.status == status), None)
        if hit:
            return hit
    return editions[0] if editions else None


def _edition_at(
    editions: Sequence[RoadmapEdition],
    unit: Unit,
    pos: int,
    units: Sequence[Unit],
    ref_year: int | None,
) -> RoadmapEdition | None:
    """Which edition a count at ``pos`` in ``unit`` is about (see the module docstring)."""
    main = _main_edition(editions)

    def of_unit(u: Unit, before: int | None = None) -> RoadmapEdition | None:
        hits = [
            (m.title.start, e)
            for e in editions
            for m in e.mentions
            if u.start <= m.title.start < u.end
            and (before is None or m.title.start <= u.offsets[min(before, len(u.offsets) - 1)])
        ]
        return max(hits, key=lambda h: h[0])[1] if hits else None

    own = of_unit(unit, pos) or of_unit(unit)
    if own:
        return own
    words = [(p, w) for p, w in relative_words(unit) if p < pos]
    if words and main is not None and ref_year is not None:
        year = ref_year + RELATIVE_YEARS[words[-1][1]]
        same = [e for e in editions if e.series == main.series]
        hit = next((e for e in same if e.edition_year == year), None)
        if hit is None and RELATIVE_YEARS[words[-1][1]] == 0:
            hit = main
        return hit
    if unit.section is not None:
        heading = of_unit(units[unit.section])
        if heading:
            return heading
    return None


def _counts(unit: Unit, a: int, b: int) -> list[re.Match[str]]:
    return [
        m
        for m in _COUNT.finditer(unit.flat, a, b)
        if not re.search(r"등\s*$", unit.flat[: m.start()])
    ]


def _total(unit: Unit, m: re.Match[str]) -> StatedTotal:
    noun = squash(m.group("noun"))
    kind = "fields" if noun.endswith("분야") else "products"
    return StatedTotal(
        kind,
        unit.spanned(int(m.group("n").replace(",", "")), *m.span("n")),
        noun,
        m.group("q"),
        unit.quote,
    )


def _attach(ed: RoadmapEdition | None, total: StatedTotal) -> None:
    if ed is None:
        return
    bucket = ed.targets if total.qualifier else ed.totals
    if all(t.count.start != total.count.start for t in bucket):
        bucket.append(total)


def assemble_editions(
    units: Sequence[Unit], mentions: Sequence[RoadmapMention], ref_year: int | None
) -> list[RoadmapEdition]:
    """Merge mentions into editions and attach stated totals and publication plans."""
    editions = _merge(mentions)
    for unit in units:
        if unit.is_table_row:
            continue
        _totals_after_titles(unit, editions, units, ref_year)
        for g in _TOTAL_GROUP.finditer(unit.flat):
            for m in _counts(unit, *g.span("g")):
                _attach(_edition_at(editions, unit, m.start(), units, ref_year), _total(unit, m))
        for m in _COUNT.finditer(unit.flat):
            if m.group("u") == "대" and "분야" in m.group("noun"):
                _attach(_edition_at(editions, unit, m.start(), units, ref_year), _total(unit, m))
        _totals_from_changes(unit, editions)
        _totals_in_caption(unit, editions)
        _publication(unit, editions, units, ref_year)
    return editions


def _totals_after_titles(
    unit: Unit, editions: Sequence[RoadmapEdition], units: Sequence[Unit], ref_year: int | None
) -> None:
    """``｢…로드맵｣ 발표(28개 분야, 190개 품목)``: counts in the parenthesis after a title."""
    for m in _BRACKETED.finditer(unit.flat):
        tail = re.match(r"[^()]{0,8}\((?P<c>[^()]*)\)", unit.flat[m.end() :])
        if not tail or not re.search(_ROADMAP, m.group("t") or m.group("q")):
            continue
        a = m.end() + tail.start("c")
        for c in _counts(unit, a, m.end() + tail.end("c")):
            _attach(_edition_at(editions, unit, m.start() + 1, units, ref_year), _total(unit, c))


def _totals_from_changes(unit: Unit, editions: Sequence[RoadmapEdition]) -> None:
    """``(‘29)40개 품목 → (‘30)60개 이상의 품목``: year-tagged counts of whole editions."""
    for change in find_changes(unit):
        if change.kind != "products":
            continue
        for year, count, qualifier in (
            (change.before_year, change.before, None),
            (change.after_year, change.after, change.after_qualifier),
        ):
            if year is None:
                continue
            ed = next((e for e in editions if e.edition_year == year.value), None)
            _attach(ed, StatedTotal("products", count, "품목", qualifier, unit.quote))


def _totals_in_caption(unit: Unit, editions: Sequence[RoadmapEdition]) -> None:
    """``유망 기술품목(49개) ※ 2025년 로드맵``: a captioned count of a year's edition."""
    year = _YEAR_ONLY.search(unit.flat)
    count = re.search(r"(?:품목|제품)\s*\(\s*(?P<n>\d[\d,]*)\s*개\s*\)", unit.flat)
    if not year or not count:
        return
    ed = next((e for e in editions if e.edition_year == int(year.group("y"))), None)
    n = unit.spanned(int(count.group("n").replace(",", "")), *count.span("n"))
    _attach(ed, StatedTotal("products", n, "품목", None, unit.quote))


def _publication(
    unit: Unit, editions: Sequence[RoadmapEdition], units: Sequence[Unit], ref_year: int | None
) -> None:
    m = _PUBLICATION.search(unit.flat)
    if not m or not re.search(_ROADMAP, unit.flat):
        return
    if m.group("yy"):
        year = 2000 + int(m.group("yy"))
    elif m.group("y4"):
        year = int(m.group("y4"))
    elif m.group("rel") and ref_year is not None:
        year = ref_year + RELATIVE_YEARS[m.group("rel")]
    else:
        return
    ed = _edition_at(editions, unit, m.start(), units, ref_year)
    if ed is not None and ed.publication is None:
        part = squash(m.group("part"))
        when = unit.spanned(f"{year} {part}", m.start(), m.end("part"))
        ed.publication = Publication(year, part, when, unit.quote)
