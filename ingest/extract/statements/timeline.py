"""The release date and the year that ``올해``/``지난해``/``내년`` are relative to.

Press releases date themselves in an embargo line (``2022년 1월 27일(목) 석간부터 보도``)
and then speak of 올해, 지난해 and 내년. When the date is missing, a relative word with its
year in brackets (``내년('27)``) still fixes the reference year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from stkg.ingest.extract.statements.model import Spanned
from stkg.ingest.extract.statements.units import Unit
from stkg.ingest.nlp.quantities import find_quantities, parse_date

__all__ = ["RELATIVE_YEARS", "find_release_date", "reference_year", "relative_words"]

#: Offsets of relative year words from the document's year.
RELATIVE_YEARS = {
    "지난해": -1,
    "작년": -1,
    "전년": -1,
    "올해": 0,
    "금년": 0,
    "이번": 0,
    "내년": 1,
    "명년": 1,
}
_RELATIVE = re.compile("|".join(sorted(RELATIVE_YEARS, key=len, reverse=True)))
_ANCHORED = re.compile(
    r"(?P<rel>" + _RELATIVE.pattern + r")\s*\(\s*[’‘'`]?(?P<yy>(?:19|20)?\d{2})\s*년?\s*\)"
)
_RELEASE_CONTEXT = re.compile(r"보도|배포|발표일|작성일")
#: How far into the document the release date may appear (the header block).
_HEADER_UNITS = 8


def find_release_date(units: Sequence[Unit]) -> Spanned[dt.date] | None:
    """The first full date in a header unit that speaks of 보도/배포 (embargo/release)."""
    for unit in units[:_HEADER_UNITS]:
        if not _RELEASE_CONTEXT.search(unit.flat):
            continue
        for q in find_quantities(unit.flat):
            if q.label == "DATE":
                return unit.spanned(parse_date(q.text), q.start, q.end)
    return None


def reference_year(units: Sequence[Unit], released: Spanned[dt.date] | None) -> int | None:
    """The document's own year: the release date, else a bracketed relative anchor."""
    if released is not None:
        return released.value.year
    for unit in units:
        m = _ANCHORED.search(unit.flat)
        if m:
            yy = m.group("yy")
            year = int(yy) if len(yy) == 4 else 2000 + int(yy)
            return year - RELATIVE_YEARS[m.group("rel")]
    return None


def relative_words(unit: Unit) -> list[tuple[int, str]]:
    """``(position, word)`` of every relative year word in the unit, in order."""
    return [(m.start(), m.group()) for m in _RELATIVE.finditer(unit.flat)]
