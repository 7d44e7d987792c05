"""Country names and codes → ISO 3166-1 alpha-2, for applicants' nationality columns.

Patent lists write an applicant's nationality as a code (``KR``, ``KOR``), an English name
(``Korea``, ``United States``) or a Korean one (``대한민국``, ``미국``, ``독일``). The ISO
names, codes and their Korean translations come from ``pycountry`` (the Debian iso-codes
data); the handful of everyday spellings iso-codes does not carry (``한국``, ``Korea``,
``USA``, ``대만``) are listed here.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from functools import lru_cache

import pycountry

__all__ = ["parse_country", "split_countries"]

#: Everyday spellings iso-codes lacks (folded: NFKC, case-folded, no spaces or dots).
_EXTRA: dict[str, str] = {
    "한국": "KR",
    "남한": "KR",
    "korea": "KR",
    "southkorea": "KR",
    "rok": "KR",
    "kor": "KR",
    "usa": "US",
    "america": "US",
    "미합중국": "US",
    "uk": "GB",
    "britain": "GB",
    "greatbritain": "GB",
    "대만": "TW",
    "taiwan": "TW",
    "중화민국": "TW",
    "홍콩": "HK",
    "북한": "KP",
    "러시아": "RU",
    "russia": "RU",
    "체코": "CZ",
    "베트남": "VN",
    "vietnam": "VN",
    "이란": "IR",
    "iran": "IR",
}
_NOISE = re.compile(r"[\s.·_\-()]+")
_SEPARATORS = re.compile(r"\s*(?:\n|;|\||,|/|、|，|；)\s*")


def _fold(text: str) -> str:
    return _NOISE.sub("", unicodedata.normalize("NFKC", text).casefold())


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Every known spelling (folded) → alpha-2 code."""
    korean = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ko"])
    names: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        spellings = [code, country.alpha_3, country.name, korean.gettext(country.name)]
        spellings += [getattr(country, a, None) or "" for a in ("common_name", "official_name")]
        for spelling in spellings:
            if spelling:
                names.setdefault(_fold(spelling), code)
    names.update(_EXTRA)
    return names


def parse_country(text: str) -> str | None:
    """``KR``, ``KOR``, ``Korea``, ``대한민국``, ``한국`` → ``KR``; None when unknown."""
    key = _fold(text)
    return _names().get(key) if key else None


def split_countries(text: str) -> tuple[list[str], list[str]]:
    """The codes in a cell listing one country per applicant, and the pieces not understood."""
    whole = parse_country(text)
    if whole is not None:  # "Korea, Republic of" is one country, not two pieces
        return [whole], []
    codes: list[str] = []
    unknown: list[str] = []
    for piece in _SEPARATORS.split(text.strip()):
        if not piece:
            continue
        code = parse_country(piece)
        if code is None:
            unknown.append(piece)
        else:
            codes.append(code)
    return codes, unknown
