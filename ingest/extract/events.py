"""Dated events the text reports: ``1일 발표했다``, ``오는 27일 공청회``, ``2015년 3월 착수``.

A date — full (``2019년 2월 20일``, ``’19.2.20``), month and day, a day alone, a year and
month, or a year — followed within its clause by an event word (발표, 공고, 공청회, 접수,
마감, 착수, 발족 …) becomes a ``StatedEvent`` at the precision printed. Dates without a year
are read against the document's own date: a day later than the article's is last month's
unless the text says 오는 (coming). An article dated only to a month (``DATE: 2016-12``)
dates its bare days in that month; one dated only to a year dates what names its month
(``내년 1월 2일``), and a bare day by that year alone. An event word may also come before
the date: a clause's topic (``과제 신청은 3월 2일부터``), or the object of a window the date
opens or closes (``접수를 11월 3일까지 진행한다``).
A date that opens a sentence dates the event its predicate names, however long the
sentence (``2020년 6월 특허청은 … 센터를 개소했다.``), and so does one right after its topic
(``미래부는 민간기업과 공동으로 24일 … 발표했다``). A quoted name between a date and its
event counts as one word (``22일 ‘… 설명회’를 연다``), and a date that closes a window
looks further for what it closes (``3월 16일까지 … 사업 공모를``). A half-year that opens a
name (``2023년 상반기 IP-R&D 전략지원 사업``) dates nothing. A year alone dates only a
beginning right after it (``2010년 시작됐다``, ``2013년 사업을 시작한``). Bare dates with
no event word are not kept.
"""

from __future__ import annotations

import datetime as dt
import re

from stkg.ingest.extract.base import Source
from stkg.ingest.extract.dates import RELATIVE_YEARS
from stkg.ingest.extract.phrases import QUOTED
from stkg.ingest.extract.syllables import past
from stkg.ingest.normalize import name_key

EVENT_WORDS = (
    "발표",
    "공고",
    "공모",
    "공청회",
    "개최",
    "접수",
    "마감",
    "착수",
    "발족",
    "개소(?=[했하한식])",
    "출범",
    "선정",
    "확정",
    "시행",
    "공개",
    "발간",
    "신설",
    "수립",
    "모집",
    "보고회",
    "간담회",
    "설명회",
    "상정",
    "의결",
    "시작",
    "열",
    "연다",
    "밝혔",
    "체결",
    "출시",
    "제공",
    "신청",
    "구성",
    "마련",
    "개정",
    # a publication, in the words news uses for one (``2010년 12월 나온 2011~2013년판``)
    "나온",
    "나왔",
    "내놓",
    "내놨",
    "펴낸",
    "펴냈",
)
_EVENT = re.compile("|".join(EVENT_WORDS))
#: Event words that only say the article reports something (``…고 1일 밝혔다``).
REPORTED = frozenset(["밝혔"])
#: Right before a date, the clause reported with an event word of its own (``보고서를
#: 발간한다고``, ``과제를 선정했다고``).
_REPORTED_CLAUSE = re.compile(rf"(?P<event>{_EVENT.pattern})[가-힣]{{0,3}}다고\s*$")
_YEAR = r"(?P<y>(?:19|20)\d{2})\s*년"
_SHORT = r"[’‘'`](?P<yy>\d{2})\s*\.\s*(?P<m2>\d{1,2})\s*\.\s*(?P<d2>\d{1,2})"
_DOTTED = r"(?P<y3>(?:19|20)\d{2})\s*[.-]\s*(?P<m3>\d{1,2})\s*[.-]\s*(?P<d3>\d{1,2})"
#: Months named relative to the article's: 지난달 20일, 다음 달 1일, 이달 말.
RELATIVE_MONTHS = {
    "지난달": -1,
    "지난 달": -1,
    "이달": 0,
    "이번 달": 0,
    "이번달": 0,
    "다음 달": 1,
    "다음달": 1,
    "내달": 1,
}
_MONTH_WORDS = "|".join(sorted(RELATIVE_MONTHS, key=len, reverse=True))
#: A month and day with its weekday, as releases print them (``4.1(월)``, ``4. 19.(금)``).
_WEEKDAY = r"(?<![\d.])(?P<m7>\d{1,2})\.\s?(?P<d7>\d{1,2})\.?\s*\((?:월|화|수|목|금|토|일)\)"
_DATE = re.compile(
    rf"{_SHORT}|{_DOTTED}|{_WEEKDAY}"
    rf"|(?:{_YEAR}\s*|(?P<rel_d>올해|지난해|작년|내년)\s+)?"
    rf"(?:(?P<m>\d{{1,2}})\s*월\s*|(?P<rel_m>{_MONTH_WORDS})\s*)?"
    rf"(?:(?P<d>\d{{1,2}})\s*일(?!\s*(?:간|동안|이내)))"
    rf"|{_YEAR.replace('y>', 'y4>')}\s*(?P<m4>\d{{1,2}})\s*월"
    rf"|(?P<half>(?:(?P<y5>(?:19|20)\d{{2}})\s*년\s*)?(?:상반기|하반기))"
    # ``5~6월`` (a range of months: its first), ``2·5·9월`` (a list: each of them)
    rf"|(?:(?P<rel>올해|지난해|작년|내년)\s+)?(?P<m6a>(?:\d{{1,2}}\s*[~∼–·ㆍ,]\s*)+)?"
    rf"(?P<m6>\d{{1,2}})\s*월(?!\s*\d)"
    rf"|(?P<rel_m7>{_MONTH_WORDS})(?:\s*(?:초|중순|말|중))?(?!\s*\d)"
    # ``2012년부터 추진 중``, ``2019년부터 2028년까지 … 운영되는``: the year something began
    rf"|(?P<since>(?:19|20)\d{{2}})\s*년도?\s*부터"
)
#: Verbs that say something has gone on since a year (``2012년부터 추진 중이다``).
ONGOING = re.compile("추진|진행|운영|실시|작성|시행|시작|적용|투입|투자")
SINCE_GAP = 50
#: Verbs that say something runs over a span of years from its first (``2019년부터
#: 2028년까지 … 운영되는``, ``2008년부터 2016년까지 실시한``); a plan's period (``…까지
#: 추진하는 계획``) begins nothing yet.
RUN_OVER = re.compile("운영|실시|투입|투자")
#: After a year something runs from, the year it runs to (``부터 2028년까지``).
_SPAN_END = re.compile(r"\s*(?:19|20)?\d{2,4}\s*년")
_COMING = re.compile(r"오는\s*$")
MAX_GAP = 30
#: How far after a range's last day its event may be printed (``…까지 홈페이지를 통해 신청``).
RANGE_GAP = 50
EXTRACTOR = "events"


def resolve_date(
    m: re.Match[str],
    base: dt.date,
    before: str,
    *,
    known: str = "day",
    opens: bool = False,
    ahead: bool = False,
) -> str | None:
    """The ISO date a match names, at its own precision, read against ``base``.

    ``known`` says how much of ``base`` the document states (``day``, ``month`` or
    ``year``): a day without its month needs the article's day, a month alone its year.
    ``opens`` says the day opens a range (``28일부터 …까지``): a window still to come, like
    one the text calls 오는. ``ahead`` says the clause tells it in the present (``부산(17일)
    등에서 행사를 연다``): a later day than the article's is then not last month's.
    """
    g = m.groupdict()
    if g["since"]:
        return g["since"]
    if g["d"] and not g["m"] and not g["y"] and known == "year":
        # "22일" against an article dated only to a year ("2016"): that year, or the one its
        # relative year word names
        return str(base.year + _offset(g["rel_d"]))
    if g["yy"]:
        return _iso(2000 + int(g["yy"]), int(g["m2"]), int(g["d2"]))
    if g["y3"]:
        return _iso(int(g["y3"]), int(g["m3"]), int(g["d3"]))
    if g["m7"]:
        return _iso(base.year, int(g["m7"]), int(g["d7"])) if known == "day" else None
    if g["d"]:
        year = int(g["y"]) if g["y"] else base.year + _offset(g["rel_d"])
        if g["m"] and not (g["y"] or g["rel_d"]) and known == "day":
            return _nearest(base, int(g["m"]), int(g["d"]), before)
        if g["m"]:
            return _iso(year, int(g["m"]), int(g["d"]))
        if g["rel_m"]:
            return _iso(*_shift(base, g["rel_m"]), int(g["d"]))
        ranged = _RANGE_MONTH.search(before)
        if ranged:  # ``이달 1∼29일``: the month named before the range's first day
            return _iso(*_shift(base, ranged["rel"]), int(g["d"]))
        numbered = _RANGE_IN_MONTH.search(before)
        if numbered and known == "day":  # ``3월 2~28일``: the month printed before the range
            return _nearest(base, int(numbered["m"]), int(g["d"]), before[: numbered.start()])
        day, month = int(g["d"]), base.month
        if known == "month":  # an article dated to a month: its bare days are that month's
            return _iso(year, month, day)
        coming = opens or _COMING.search(before)
        if not coming and not ahead and day > base.day + 1:
            month, year = (month - 1, year) if month > 1 else (12, year - 1)
        elif coming and day < base.day - 1:
            # a day before the article's by one is this month's: a release printed a day late
            # (``6일부터 7일까지 … 개최한다`` in an article of the 7th)
            month, year = (month + 1, year) if month < 12 else (1, year + 1)
        return _iso(year, month, day)
    if g["y4"]:
        return _iso(int(g["y4"]), int(g["m4"]))
    if g["half"]:
        return str(int(g["y5"]) if g["y5"] else base.year)
    if g["m6"] and not g["rel"] and not g["m6a"] and known == "day":
        return _nearest(base, int(g["m6"]), None, before)
    if g["m6"]:
        return _iso(base.year + _offset(g["rel"]), int(g["m6"]))
    if g["rel_m7"] and known != "year":
        return _iso(*_shift(base, g["rel_m7"]))
    return None


#: Before a month with no year, a word that says it is past (``지난 12월 3일``) or to come
#: (``오는 3월``, ``새해 1월 22일``).
_PAST_MONTH = re.compile(r"지난\s*$")
_COMING_MONTH = re.compile(r"(?:오는|새해|다음해)\s*$")
#: A month with no year is the article's year's, unless it is far from the article's date
#: and the year before or after brings it near (``12월 3일`` in a January article).
NEAR_DAYS, FAR_DAYS = 92, 183


def _nearest(base: dt.date, month: int, day: int | None, before: str) -> str | None:
    """The ISO date of a month (and day) printed without a year, read against ``base``:
    past where the text says 지난, to come where it says 오는 or 새해, else the article's
    year, unless a day is more than :data:`FAR_DAYS` away and the year before or after
    brings it within :data:`NEAR_DAYS` (a bare month, ``12월까지``, is often a deadline
    ahead, so it keeps the article's year)."""

    def at(year: int) -> dt.date | None:
        try:
            return dt.date(year, month, day or 1)
        except ValueError:
            return None

    same = at(base.year)
    if same is None:
        return None
    year = base.year
    if _PAST_MONTH.search(before):
        year -= same > base
    elif _COMING_MONTH.search(before):
        year += same < base and (day is not None or month < base.month)
    elif day is not None and abs((same - base).days) > FAR_DAYS:
        for other in (base.year - 1, base.year + 1):
            near = at(other)
            if near is not None and abs((near - base).days) <= NEAR_DAYS:
                year = other
    return _iso(year, month, day)


#: A relative month and the first day of a range before its last: ``이달 1∼``.
_RANGE_MONTH = re.compile(rf"(?P<rel>{_MONTH_WORDS})\s*\d{{1,2}}\s*일?\s*[~∼〜\-–]\s*$")
#: A month and the first day of a range before its last, printed without 일: ``3월 2~``.
_RANGE_IN_MONTH = re.compile(r"(?<!\d)(?P<m>\d{1,2})\s*월\s*(?P<first>\d{1,2})\s*[~∼〜\-–]\s*$")


def _range_first(m: re.Match[str], text: str, date: str) -> str | None:
    """The first day of a range printed as ``3월 2~28일``, in the month of its last
    (``date``, already read), when ``m`` is that last day."""
    before = text[max(0, m.start() - 10) : m.start()]
    numbered = _RANGE_IN_MONTH.search(before) if m["d"] and not m["m"] else None
    if numbered is None or len(date) != 10:
        return None
    return _iso(int(date[:4]), int(date[5:7]), int(numbered["first"]))


def _shift(base: dt.date, word: str) -> tuple[int, int]:
    """The year and month that 지난달, 이달 or 다음 달 names, read against ``base``."""
    months = base.year * 12 + base.month - 1 + RELATIVE_MONTHS[word]
    return months // 12, months % 12 + 1


def _offset(relative: str | None) -> int:
    """Years from the article's own year that 지난해, 올해 or 내년 names."""
    return RELATIVE_YEARS.get(relative or "", 0)


def _iso(year: int, month: int, day: int | None = None) -> str | None:
    try:
        return dt.date(year, month, day or 1).isoformat()[: 10 if day else 7]
    except ValueError:
        return None


class Events:
    name = EXTRACTOR
    needs_nlp = False
    needs_topic = True

    def __call__(self, source: Source) -> None:
        if not source.states_topic_facts():
            return
        _dated_titles(source)
        _year_begun(source)
        base, known = source.date, "day"
        if base is None and source.period is not None:
            year, month = source.period
            base, known = dt.date(year, month or 1, 1), "month" if month else "year"
        if base is None:
            return
        text = source.text
        previous: tuple[int, str] | None = None  # where the last date ended, and its ISO form
        previous_event: str | None = None
        year_said: tuple[int, str] | None = None  # the last year a sentence stated, and where
        day_said: tuple[int, str] | None = None  # the last bare day a sentence stated, and where
        opening: tuple[re.Match[str], str] | None = None  # a range's first day, still undated
        listed: tuple[re.Match[str], str] | None = None  # a date with no event of its own
        for m in _DATE.finditer(text):
            if not m.group().strip() or _BYLINE.match(text, text.rfind("\n", 0, m.start()) + 1):
                continue
            if _in_caption(text, m.start()):
                continue  # ``사진은 … 18일 … 열린 간담회를 주재하고 있는 모습``: a photo's day
            if m["half"] and _NAMED_HALF.match(text, m.end()):
                continue  # ``2023년 상반기 IP-R&D 전략지원 사업``: the round a name is for
            opens = _OPENS.match(text, m.end()) is not None
            before = text[max(0, m.start() - 10) : m.start()]
            ahead = _told_as_coming(text, m.end())
            date = resolve_date(m, base, before, known=known, opens=opens, ahead=ahead)
            sentence = _sentence_opening(text, m.start())
            if m["y"] or m["y4"] or m["y3"]:
                year_said = (sentence, (m["y"] or m["y4"] or m["y3"]))
            elif date and year_said and year_said[0] == sentence and _yearless_month(m):
                # ``2026년 1월 공고해 4월 협약을``: a later month of the sentence, that year
                date = year_said[1] + date[4:]
            if day_said and _continues_month(m, date, day_said, sentence):
                # ``18일 광주를 시작으로 19일 대전, 22일 부산``: a later day of the sentence
                # continues the month of the day before it
                date = day_said[1][:8] + f"{int(m['d']):02d}"
            day_said = (sentence, date) if date and _bare_day(m) else day_said
            closes = previous is not None and _RANGE.match(text[previous[0] : m.start()])
            date = _range_end(m, text, previous) or date
            previous = (m.end(), date) if date else None
            since = m["since"] is not None  # a year something began dates only its verb
            # the last day of a range (``…까지``) dates the clause that follows it, further on
            # ``10월부터 … 분석을 진행해``: a month something began dates its ongoing work too
            began = not since and (m["m6"] or m["m4"]) and _OPENS_MONTH.match(text, m.end())
            pattern = ONGOING if since else _EVENT_OR_ONGOING if began else _EVENT
            if since and _SPAN_END.match(text, m.end()):
                pattern = RUN_OVER  # ``2022년부터 2024년까지 추진하는 계획``: a plan's period
            until = _UNTIL_END.match(text, m.end()) is not None
            reach = SINCE_GAP if since or began else RANGE_GAP if closes or until else MAX_GAP
            event, end = _event_after(text, m.end(), pattern, reach)
            if event is None and not since:
                event, end = _predicate(text, m)
            if event is None and not since:
                event, end = _labelled(text, m.start())
            if event is None and not since:
                event, end = _topic(text, m.start(), until=_UNTIL.match(text, m.end()) is not None)
            if event is None and closes:  # ``접수기간은 4.1(월)~4.19(금)``: the range's event
                event, end = previous_event, m.end()
            if event is not None and closes and opening is not None:
                # ``28일부터 3월21일까지 … 접수``: the event dates the range's first day too
                _stated(source, opening[0], opening[1], event, m.end())
            opening = (m, date) if event is None and date and opens else None
            previous_event = event
            if (
                event is not None
                and listed is not None
                and _LISTED_DATES.match(text[listed[0].end() : m.start()])
            ):
                # ``1차(1월25일), 2차(6월)에 나누어 공고``: dates listed for one event
                _stated(source, listed[0], listed[1], event, end)
            listed = (m, date) if event is None and date else None
            if event is None or date is None:
                continue
            if event in REPORTED:
                # ``보고서를 발간한다고 9일 밝혔다``: what the text reports is the event
                reported = _REPORTED_CLAUSE.search(text, max(0, m.start() - MAX_GAP), m.start())
                if reported is not None:
                    event = reported["event"]
                elif known == "year" and m["d"] and not (m["m"] or m["y"]):
                    continue  # ``1일 밝혔다`` in an article dated only "2013": no news of its own
            for each in _months(m, date):
                _stated(source, m, each, event, end)
            first = _range_first(m, text, date)
            if first is not None:  # ``3월 2~28일까지 … 접수``: the range opens that day
                _stated(source, m, first, event, end)


def _continues_month(
    m: re.Match[str], date: str | None, day_said: tuple[int, str] | None, sentence: int
) -> bool:
    """Whether a bare day follows an earlier, smaller bare day of the same sentence."""
    if not (date and _bare_day(m) and day_said and day_said[0] == sentence):
        return False
    return len(day_said[1]) == 10 and int(day_said[1][8:]) < int(m["d"])


def _bare_day(m: re.Match[str]) -> bool:
    """Whether the match is a day of the month printed alone (``22일``)."""
    g = m.groupdict()
    return bool(g["d"]) and not (g["m"] or g["y"] or g["rel_m"] or g["rel_d"])


def _yearless_month(m: re.Match[str]) -> bool:
    """Whether the match is a month (with or without its day) that names no year."""
    named = (m["m"] and m["d"]) or m["m6"]
    return bool(named) and not (m["y"] or m["rel_d"] or m["rel"])


def _months(m: re.Match[str], date: str) -> list[str]:
    """The months a month match dates: ``5~6월`` its first, ``2·5·9월`` each."""
    if not m["m6a"]:
        return [date]
    firsts = [int(x) for x in re.findall(r"\d{1,2}", m["m6a"])]
    listed = [*firsts, int(m["m6"])] if re.search(r"[·ㆍ,]", m["m6a"]) else firsts[:1]
    return [f"{date[:4]}-{month:02d}" for month in listed if 1 <= month <= 12]


def _stated(source: Source, m: re.Match[str], date: str, kind: str, end: int) -> None:
    """A ``StatedEvent`` of ``kind`` on ``date``, evidenced from the date to ``end``."""
    ctx = source.ctx
    key = f"{ctx.document_id.split(':', 1)[1]}@{date}@{name_key(kind)}"
    eid = ctx.raw_id("StatedEvent", key)
    evidence = ctx.span(min(m.start(), end), max(m.end(), end))
    ctx.facts.node("StatedEvent", eid, evidence, eventDate=date, eventKind=kind)
    ctx.facts.rel("eventOf", eid, ctx.document_id, evidence)


#: After a half-year, the name it opens (``상반기 IP-R&D 사업``), not a time word (``상반기
#: 중``, ``하반기에``) or an event (``하반기 발표``).
_NAMED_HALF = re.compile(
    rf"\s+(?!(?:(?:중|내|말|초|경)(?![가-힣])|에|까지|부터|쯤|{_EVENT.pattern}))[가-힣A-Za-z]"
)


#: A weekday printed in brackets after a day (``18일(목)``).
_WEEKDAY_AFTER = r"(?:\s*[(（](?:월|화|수|목|금|토|일)[)）])?"
#: After a date, the window it closes (``3월 16일까지``): its event may be further on.
_UNTIL_END = re.compile(r"\s*까지")
#: What follows a range's first day (``28일부터``, ``7일~``).
_OPENS = re.compile(rf"{_WEEKDAY_AFTER}\s*(?:부터|~|∼|–)")
#: What joins the two ends of a range of days (``7일부터 14일까지``, ``7일~14일``, ``2월7일부터
#: 같은 달 14일까지``).
_RANGE = re.compile(
    rf"^{_WEEKDAY_AFTER}\s*(?:부터|~|∼|-|–|에서)\s*(?:오는\s*|같은\s?달\s*|동월\s*)?$"
)


#: What may stand between two dates listed for one event: ``(1월25일), 2차(``.
_LISTED_DATES = re.compile(r"^\s*[)）]?\s*(?:,|및|와|과)\s*[^\s,.()（）]{0,6}\s*[(（]?\s*$")


def _range_end(m: re.Match[str], text: str, previous: tuple[int, str] | None) -> str | None:
    """A bare day that closes a range is in the month its first day was:
    ``다음 달 7일부터 14일까지``."""
    g = m.groupdict()
    if previous is None or not g["d"] or g["m"] or g["y"] or g["rel_m"] or g["rel_d"]:
        return None
    end, first = previous
    if len(first) != 10 or not _RANGE.match(text[end : m.start()]):
        return None
    return _iso(int(first[:4]), int(first[5:7]), int(g["d"]))


#: A year and month in brackets right after a quoted document's name: when it came out
#: (``「…혁신전략」(‘18.12)``, ``‘…’(2018.12)``).
_DATED_TITLE = re.compile(
    r"[(（]\s*(?:[’‘'](?P<yy>\d{2})|(?P<y>(?:19|20)\d{2}))\s*[.\-/]\s*(?P<m>\d{1,2})\s*\.?\s*[)）]"
)
PUBLISHED = "발표"


#: A year and the beginning it dates, right after it (``사업으로 2010년 시작됐다``,
#: ``2006년 처음 시작해``, ``2020년 출범한``): a year alone dates nothing else.
_YEAR_BEGUN = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*년(?:도)?(?:에)?\s+(?:처음\s*|첫\s+)?"
    # what began, as the object between (``2013년 사업을 시작한``)
    r"(?:[가-힣]{1,6}(?:을|를)\s+)?"
    r"(?P<event>시작|출범|착수|발족|개소|신설|도입|시행(?=[한된했하]))"
)


def _year_begun(source: Source) -> None:
    """``…사업으로 2010년 시작됐다``: the year a programme or body began."""
    for m in _YEAR_BEGUN.finditer(source.text):
        _stated(source, m, m["y"], m["event"], m.end())


def _dated_titles(source: Source) -> None:
    """``「제조업 활력 회복 및 혁신전략」(‘18.12)``: the document came out that month."""
    ctx, text = source.ctx, source.text
    for title in QUOTED.finditer(text):
        m = _DATED_TITLE.match(text, title.end())
        if m is None:
            continue
        year = int(m["y"]) if m["y"] else 2000 + int(m["yy"])
        date = _iso(year, int(m["m"]))
        if date is None:
            continue
        key = f"{ctx.document_id.split(':', 1)[1]}@{date}@{name_key(PUBLISHED)}"
        eid = ctx.raw_id("StatedEvent", key)
        evidence = ctx.span(title.start(), m.end())
        ctx.facts.node("StatedEvent", eid, evidence, eventDate=date, eventKind=PUBLISHED)
        ctx.facts.rel("eventOf", eid, ctx.document_id, evidence)


def _event_after(
    text: str, at: int, pattern: re.Pattern[str], reach: int = MAX_GAP
) -> tuple[str | None, int]:
    """The event word ``pattern`` finds in the clause that follows a date (``17일부터 접수``),
    and where it ends.

    A date set off by a comma (``특허청이 14일, … 신설한다``) dates the clause after the comma.
    A year something began (``2012년부터``) dates only a verb of ongoing work in its clause.
    """
    window = text[at : at + reach]
    quoted = QUOTED.search(text, at)
    if (
        quoted is not None
        and quoted.start() < at + reach
        and not _CLAUSE_END.search(text, at, quoted.start())
    ):
        window = text[at : quoted.end() + reach - (quoted.start() - at)]  # a name counts as one
    skip = len(window) - len(window.lstrip(" ,"))
    clause = _CLAUSE_END.split(window[skip:], maxsplit=1)[0]
    event = pattern.search(clause)
    return (event.group(), at + skip + event.end()) if event else (None, at)


#: A month that opens ongoing work: ``10월부터``, ``지난 2월부터``.
_OPENS_MONTH = re.compile(r"\s*부터")
_EVENT_OR_ONGOING = re.compile(f"{_EVENT.pattern}|{ONGOING.pattern}")


#: Where a clause ends: a comma, a line break, or a full stop not inside a word
#: (``sanhak.smba.go.kr``, ``2.5``).
_CLAUSE_END = re.compile(r"[,\n]|\.(?![\w])")


#: Where a sentence ends: a full stop after a verb's ending, at a line's end or before a space.
_SENTENCE_END = re.compile(r"다\.(?=\s|$)|\n")
#: The predicate of a sentence: its last word, up to the full stop.
_LAST_WORD = re.compile(r"(\S+)다\.$")


def _predicate(text: str, m: re.Match[str]) -> tuple[str | None, int]:
    """A date that opens a sentence (``2020년 6월 특허청은 … 센터를 개소했다.``) dates the
    event its predicate names, however long the sentence."""
    i = m.start()
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    opening = _sentence_opening(text, i)
    if i > 0 and text[i - 1] not in ".\n" and not _AFTER_TOPIC.fullmatch(text, opening, i):
        return None, m.start()  # the date is inside its sentence, not at its start
    if _UNTIL.match(text, m.end()):
        return None, m.start()  # ``…까지``: a window, not the day of the sentence's act
    ends = _SENTENCE_END.search(text, m.end())
    if ends is None or ends.group() == "\n":
        return None, m.start()
    last = _LAST_WORD.search(text, m.end(), ends.end())
    event = _EVENT.search(last.group(1)) if last else None
    return (event.group(), last.start(1) + event.end()) if event and last else (None, m.start())


#: A sentence's topic and a few words after it, before its date: ``미래부는 민간기업과 공동으로
#: 24일 …``, ``특허청은 지난달 19일 …``.
#: (a bracketed byline may open the line: ``[아시아경제 김종화 기자]중소벤처기업부는 20일 …``)
_AFTER_TOPIC = re.compile(
    r"\s*(?:\[[^\[\]\n]{1,30}\]\s*)?[^\s.,]+(?:\s[^\s.,]+)?(?:은|는)(?:\s+[^\s.,]+){0,3}?\s*"
)


def _labelled(text: str, at: int) -> tuple[str | None, int]:
    """The event a line's label names before its date (``접수기간 : 2021. 2. 1.``)."""
    line = text[text.rfind("\n", 0, at) + 1 : at]
    label = _LABEL.search(line)
    return (label["event"], at - len(line) + label.start("event")) if label else (None, at)


def _topic(text: str, at: int, *, until: bool = False) -> tuple[str | None, int]:
    """The event a clause's topic names before its date (``과제 신청은 3월 2일부터``), or,
    when the date opens or closes a window (``until``), its object (``접수를 11월 3일까지
    진행한다``)."""
    start = max(0, at - 16)
    topic = (_TOPIC_OR_OBJECT if until else _TOPIC).search(text[start:at])
    return (topic["event"], start + topic.start("event")) if topic else (None, at)


_TOPIC_WORD = rf"(?P<event>{_EVENT.pattern})(?:\s?(?:기간|일정|일시))?"
_TOPIC = re.compile(_TOPIC_WORD + r"(?:은|는|이|가)\s+$")
_TOPIC_OR_OBJECT = re.compile(_TOPIC_WORD + r"(?:은|는|이|가|을|를)\s+$")
#: After a date, the window it opens or closes.
_UNTIL = re.compile(r"\s*(?:까지|부터)")
_LABEL = re.compile(rf"(?P<event>{_EVENT.pattern})\s*(?:기간|일시|일정|기한|일)?\s*[:：]\s*$")

#: A photo caption's opening: ``사진은 …``, ``[사진=연합뉴스]``.
_CAPTION = re.compile(r"\s*(?:\[?사진\s*[=:]|사진은\s)")


def _in_caption(text: str, at: int) -> bool:
    """Whether offset ``at`` is in a photo caption (a sentence opening ``사진은``)."""
    return _CAPTION.match(text, _sentence_opening(text, at)) is not None


#: The first predicate after a date in its sentence: a word ending in 다 before 고, a comma,
#: a full stop or a space (``연다고``, ``개최한다.``, ``열었다``).
_PREDICATE_AFTER = re.compile(r"[^.\n]{0,80}?([가-힣])다(?=고|[.,]|\s|$)")
_PAST_DAY = re.compile(r"지난\s*\d{1,2}\s*일\s*$")


def _told_as_coming(text: str, at: int) -> bool:
    """Whether the first predicate after ``at`` in its sentence is not in the past tense
    (``행사를 연다``, ``개최할 예정이다``, ``신청할 수 있다``), so that a day later than the
    article's is this month's, not last month's."""
    if _PAST_DAY.search(text, max(0, at - 12), at):
        return False  # ``지난 5일``
    m = _PREDICATE_AFTER.match(text, at)
    if m is None or m.group(1) == "보":
        return False  # ``전년보다``: a particle, no predicate
    syllable = m.group(1)
    return syllable in "있없" or not past(syllable)


def _sentence_opening(text: str, at: int) -> int:
    """Where the sentence or line holding offset ``at`` starts (after a full stop or a
    line break)."""
    return max(text.rfind(".", 0, at), text.rfind("\n", 0, at)) + 1


#: Lines that date the page (header, byline), not an event.
_BYLINE = re.compile(r"\s*(?:SOURCE|DATE|입력|기사입력|등록|수정|업데이트|승인|발행)\b")
