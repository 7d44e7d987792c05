"""Canonical keys for names that the sources spell in several ways.

Korean government documents write the same strategic field as ``전기·수소차`` in one table
and ``전기수소차`` in the next paragraph, ``자원순환·에너지재활용`` in a table and
``자원순환 및 에너지 재활용`` in a box, prefix list items with circled numbers, and mix
full-width and half-width characters. The graph needs one identity per thing, so every
name is reduced to a *key* that ignores those differences. Keys are for matching only;
the printed form is kept as the label.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "CIRCLED_NUMBERS",
    "MIDDLE_DOTS",
    "NameIndex",
    "name_key",
    "name_keys",
    "same_name",
    "split_parenthetical",
    "strip_enumerator",
]

#: Characters used as "and"/list separators inside names (middle dot, katakana middle dot,
#: Hangul araea, hyphenation point, bullet, halfwidth katakana middle dot).
MIDDLE_DOTS = "·・ㆍ‧•･․"

_CIRCLED = {chr(cp): i for i, cp in enumerate(range(0x2460, 0x2474), start=1)}  # ①..⑳
_CIRCLED.update({chr(cp): i for i, cp in enumerate(range(0x3251, 0x3260), start=21)})  # ㉑..㉟
_CIRCLED.update({chr(cp): i for i, cp in enumerate(range(0x32B1, 0x32C0), start=36)})  # ㊱..㊿
_CIRCLED.update({chr(cp): i for i, cp in enumerate(range(0x2776, 0x2780), start=1)})  # ❶..❿

#: Circled enumerators (①…⑳, ㉑…㊿, ❶…❿) → their number, for reading numbered lists.
CIRCLED_NUMBERS: dict[str, int] = dict(_CIRCLED)

# An enumerator at the start of a name: circled numbers, the "◯21" form used where the
# font had no circled 21, "(1)", "1)", "1.", "가.", and bullets.
_ENUMERATOR = re.compile(
    r"^\s*(?:"
    r"[" + "".join(_CIRCLED) + r"]"
    r"|[◯○]\s?\d{1,2}"
    r"|\(\d{1,2}\)"
    r"|\d{1,2}[.)](?!\d)"
    r"|[가-하][.)]"
    r"|[▲△▶▷■□◆◇●◦∙•\-–]"
    r")\s*"
)

_QUOTES = "‘’“”'\"「」『』《》〈〉<>"
_SEPARATORS = re.compile(r"[\s" + re.escape(MIDDLE_DOTS) + r"/,_\-–]+")
_AND_WORD = re.compile(r"(?<=\S)\s+(?:및|와|과|and|&)\s+(?=\S)")
_PAREN = re.compile(r"\s*[(（\[]([^()（）\[\]]*)[)）\]]\s*")
_TRAILING_MARKS = re.compile(r"[*※†‡]+$")


def strip_enumerator(s: str) -> str:
    """Remove one leading list enumerator (``①``, ``◯21``, ``(1)``, ``1.``, ``▲``).

    Lists in press releases number their items; the number is layout, not part of the name.
    """
    return _ENUMERATOR.sub("", s, count=1).strip()


def split_parenthetical(s: str) -> tuple[str, list[str]]:
    """Split ``CCUS(탄소 포집·활용·저장)`` into ``("CCUS", ["탄소 포집·활용·저장"])``.

    Parentheses in names hold a gloss or the spelled-out form; both halves name the same
    thing, so callers can register each as an alias.
    """
    glosses = [m.group(1).strip() for m in _PAREN.finditer(s) if m.group(1).strip()]
    head = _PAREN.sub(" ", s).strip()
    return head, glosses


_DOT_TABLE = {ord(c): "·" for c in MIDDLE_DOTS}


def _fold(s: str) -> str:
    """Strip the enumerator, unify middle dots, then NFKC (full-width → half-width) and NFC.

    The enumerator and the dots go first because NFKC turns ``⑭`` into ``14`` and the
    Hangul araea ``ㆍ`` into a conjoining jamo, after which neither is recognisable.
    """
    text = strip_enumerator(s).translate(_DOT_TABLE)
    return unicodedata.normalize("NFC", unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=65536)  # a document names the same fields and sectors dozens of times
def name_key(s: str, *, keep_parenthetical: bool = False) -> str:
    """Return the matching key of a name.

    The key drops the enumerator, quotes, footnote marks, "및/와/과" joining two parts,
    middle dots, slashes and spaces, and case-folds Latin letters. Parenthetical glosses
    are dropped unless ``keep_parenthetical``. Two spellings of one name give one key:
    ``name_key("전기·수소차") == name_key("전기수소차")``.
    """
    text = _fold(s)
    if not keep_parenthetical:
        text, _ = split_parenthetical(text)
    text = text.translate({ord(q): " " for q in _QUOTES})
    text = _TRAILING_MARKS.sub("", text.strip())
    text = _AND_WORD.sub("·", text)
    text = _SEPARATORS.sub("", text)
    return text.casefold()


def name_keys(s: str) -> set[str]:
    """All keys a name answers to: its own key and the key of each parenthetical gloss.

    ``CCUS(탄소 포집·활용·저장)`` answers to the keys of ``CCUS`` and of
    ``탄소 포집·활용·저장``, because the document uses both for the same field.
    """
    head, glosses = split_parenthetical(_fold(s))
    keys = {name_key(head)} | {name_key(g) for g in glosses}
    keys.add(name_key(s, keep_parenthetical=True))
    return {k for k in keys if k}


def same_name(a: str, b: str) -> bool:
    """True when two spellings share a key (either may carry a parenthetical gloss)."""
    return bool(name_keys(a) & name_keys(b))


class NameIndex:
    """Canonical names by key, growing as the text reveals aliases.

    ``add`` registers a canonical name with its known spellings. ``learn`` takes a glossed
    form seen in a document (``탄소 포집·활용·저장(CCUS)``): when one half is already known,
    the other half becomes an alias of the same canonical name. Keys claimed by two
    canonical names are ambiguous and resolve to nothing rather than to a guess.
    """

    def __init__(self) -> None:
        self._by_key: dict[str, str] = {}
        self._ambiguous: set[str] = set()

    def _claim(self, key: str, canonical: str) -> None:
        if key in self._ambiguous:
            return
        other = self._by_key.setdefault(key, canonical)
        if other != canonical:
            del self._by_key[key]
            self._ambiguous.add(key)

    def add(self, canonical: str, *aliases: str) -> None:
        for name in (canonical, *aliases):
            for key in name_keys(name):
                self._claim(key, canonical)

    def resolve(self, name: str) -> str | None:
        """The canonical name for a spelling: its own key first, then its glosses."""
        own = name_key(name)
        if own in self._by_key:
            return self._by_key[own]
        hits = {self._by_key[k] for k in name_keys(name) if k in self._by_key}
        return hits.pop() if len(hits) == 1 else None

    def learn(self, glossed: str) -> str | None:
        """Register every half of a glossed form under the canonical name one half has."""
        hits = {self._by_key[k] for k in name_keys(glossed) if k in self._by_key}
        if len(hits) != 1:
            return None
        canonical = hits.pop()
        self.add(canonical, glossed)
        return canonical
