"""The document's own date, and the dates it gives for what it announces.

A news page dates itself in a header (``DATE: 2011-03-01``), a byline (``입력
2020-01-31 13:52``, ``기사입력 : 2022.10.28``) or, for a press release, its embargo line
(:func:`stkg.ingest.extract.statements.timeline.find_release_date`). That date anchors ``1일``,
``올해`` and ``지난해`` in the text.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stkg.ingest.extract.base import Source

#: Words that name a year relative to the document's own (``지난해 10월``, ``내년 1월 2일``).
RELATIVE_YEARS = {"지난해": -1, "작년": -1, "전년": -1, "올해": 0, "금년": 0, "내년": 1}

_HEADER_LINES = 12
_DATED_LINE = re.compile(
    r"^\s*(?:DATE|Date|날짜|입력|기사입력|등록|등록일|발행일|작성일|게재|승인|보도일)\s*[:：]?\s*"
    r"(?P<y>(?:19|20)\d{2})\s*[-./년]\s*(?P<m>\d{1,2})\s*[-./월]\s*(?P<d>\d{1,2})",
    re.M,
)


def _header_end(text: str) -> int:
    """Where the first :data:`_HEADER_LINES` lines of ``text`` end."""
    end = 0
    for _ in range(_HEADER_LINES):
        end = text.find("\n", end) + 1
        if end == 0:
            return len(text)
    return end


def header_line(quote: str) -> bool:
    """Whether ``quote`` is a dated header or byline line (``DATE: 2011-03-01``)."""
    return _DATED_LINE.match(quote) is not None


def _header_match(text: str) -> re.Match[str] | None:
    """The dated header or byline line among the first lines of ``text``."""
    return _DATED_LINE.search(text, 0, _header_end(text))


_PERIOD_LINE = re.compile(
    r"^\s*(?:DATE|Date|날짜)\s*[:：]?\s*(?P<y>(?:19|20)\d{2})(?:\s*[-./년]\s*(?P<m>\d{1,2})(?!\d))?"
    r"(?!\s*[-./월]\s*\d)",
    re.M,
)


def document_period(source: Source) -> tuple[int, int | None] | None:
    """``(year, month or None)`` of a document whose header dates it less precisely than a
    day (``DATE: 2016-12``, ``DATE: 2013``); None when it gives a full date or none."""
    if source.date is not None:
        return None
    m = _PERIOD_LINE.search(source.text, 0, _header_end(source.text))
    if m is None:
        return None
    month = int(m["m"]) if m["m"] else None
    return int(m["y"]), month if month is None or 1 <= month <= 12 else None


def document_date(source: Source) -> dt.date | None:
    m = _header_match(source.text)
    if m:
        try:
            return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            return None
    released = source.statements.released if source.text.strip() else None
    return released.value if released is not None else None


def _day_in_body(text: str, header: re.Match[str], day: dt.date) -> re.Match[str] | None:
    """Where the text after its header prints the document's day (``13일``, ``7월 13일``,
    ``2020.7.13``): the day the article reports something on, not only the day it is filed."""
    d = day.day
    pattern = rf"(?<![\d.]){day.month}\s*[./]\s*0?{d}(?!\d)|(?<![\d.])0?{d}\s*일"
    return re.compile(pattern).search(text, header.end())


class DocumentDate:
    """The document's date as ``SourceDocument.publishedDate`` when a header states it.

    The evidence is the header line, and also where the text prints that day when it does:
    a date known from the header alone is the file's, not one the text states (the
    evaluation counts only the latter as a stated date).
    """

    name = "document-date"
    needs_nlp = False
    needs_topic = True

    def __call__(self, source: Source) -> None:
        m = _header_match(source.text)
        if m is None or source.date is None or not source.states_topic_facts():
            return
        ctx = source.ctx
        evidence = ctx.span(m.start(), m.end())
        ctx.facts.node("SourceDocument", ctx.document_id, evidence, publishedDate=source.date)
        printed = _day_in_body(source.text, m, source.date)
        if printed is not None:
            ctx.facts.node("SourceDocument", ctx.document_id, ctx.span(*printed.span()))
