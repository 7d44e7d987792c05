"""Cut a press release into sentence/bullet units with a whitespace-collapsed view.

Text extracted from HWP/PDF releases wraps sentences over several lines, with blank lines
in between and words broken mid-way (``반영했`` / ``다.``). Rules are easier to write on
one line per statement, so each unit joins its lines and collapses every whitespace run to
one space, while an offset map keeps every character of the view tied to its place in the
original text. A unit starts at a bullet marker (``□ ◦ - * ※ ⇒ ▶``, box labels such as
``참고 1``/``예시``), at a tab-separated table line, or after a sentence end (``다.``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from stkg.ingest.extract.statements.model import Quote, Spanned
from stkg.ingest.extract.tables.layout import Line, mask_tags, split_lines

__all__ = ["Unit", "split_units", "squash"]

T = TypeVar("T")

#: Leading bullet markers; footnote stars are kept whole (``**`` differs from ``*``).
_MARKER = re.compile(
    r"^\s*(?P<m>\*+|[□■◦○∙•◆◇▶▷⇒➡※]|-(?=\s)|[ㅇ◎](?=\s)|참고\s*\d*(?=\s|$)|예시(?=\s|$)|붙임\s*\d*(?=\s|$))"
)
#: Section headings (□) open a new section; other markers nest under them.
_SECTION_MARKERS = ("□", "■")
#: Box labels (``참고 1``) start an annex: the lead's □ section ends there.
_BOX_LABELS = ("참고", "붙임")
_SENTENCE_END = re.compile(r"(?:[다요함음임]\s*\.|[.!?][\"”’)]?)\s*$")
_BULLET_END = re.compile(
    r"(?:(?<!\S)등\)?|\([^()]*(?:\d|등|기준)[^()]*\)|(?:확대|선정|반영|포함|마련|강화|제공|지원|가능|"
    r"발굴|도출|구축|추진|증가|감소|신설|예정|수립)|\s-)\s*$"
)
_WS = re.compile(r"\s+")


def squash(s: str) -> str:
    """Remove all whitespace: the comparison key for evidence spans."""
    return "".join(s.split())


@dataclass(frozen=True, slots=True)
class Unit:
    """A sentence or bullet line: collapsed text plus the map back to the document.

    ``offsets[i]`` is the document offset of ``flat[i]``; a collapsed whitespace run maps
    to its first character. ``section`` is the index of the ``□`` unit governing this one,
    ``parent`` the nearest preceding unit that is not a footnote (``*``/``**``/``-``).
    """

    index: int
    marker: str
    flat: str
    offsets: tuple[int, ...]
    start: int
    end: int
    line: int
    section: int | None
    parent: int | None
    is_table_row: bool

    def doc_span(self, a: int, b: int) -> tuple[int, int]:
        """Document span of ``flat[a:b]`` (``a < b``)."""
        return self.offsets[a], self.offsets[b - 1] + 1

    def spanned(self, value: T, a: int, b: int) -> Spanned[T]:
        """A :class:`Spanned` for ``flat[a:b]`` (trimmed of surrounding spaces)."""
        while a < b and self.flat[a] == " ":
            a += 1
        while b > a and self.flat[b - 1] == " ":
            b -= 1
        start, end = self.doc_span(a, b) if b > a else (self.offsets[a], self.offsets[a])
        return Spanned(value, self.flat[a:b], start, end)

    def text_at(self, a: int, b: int) -> Spanned[str]:
        """The cleaned text of ``flat[a:b]`` as its own value (see :func:`clean_name`)."""
        return self.spanned(clean_name(self.flat[a:b]), a, b)

    @property
    def quote(self) -> Quote:
        return Quote(self.flat, self.start, self.end, self.line)

    @property
    def body(self) -> str:
        """The text after the leading marker."""
        return self.flat[self.body_start :]

    @property
    def body_start(self) -> int:
        m = _MARKER.match(self.flat)
        pos = m.end() if m else 0
        while pos < len(self.flat) and self.flat[pos] == " ":
            pos += 1
        return pos


def clean_name(s: str) -> str:
    """Collapse whitespace, drop spaces a line break left before ``(`` or after ``·``.

    ``탄소관찰(모니터링) 체제`` / ``(플랫폼)`` on two lines reads ``… 체제(플랫폼)``, and
    ``폐플라스틱·`` / ``폐배터리`` reads ``폐플라스틱·폐배터리``: names in these documents
    never put a space before a parenthetical gloss or after a joining dot. Enclosing
    brackets, paired quotes and stray list punctuation are dropped.
    """
    s = _WS.sub(" ", s).strip()
    s = re.sub(r"\s+(?=\()|(?<=\()\s+|\s+(?=\))|(?<=[·ㆍ])\s+", "", s)
    s = s.strip(" ,:*「」｢｣『』")
    if len(s) > 1 and s[0] in "‘'\"“" and s[-1] in "’'\"”":
        s = s[1:-1].strip()
    return s


def _marker(line: Line) -> str | None:
    m = _MARKER.match(line.text)
    return re.sub(r"\s+", "", m.group("m")) if m else None


def _flatten(text: str, start: int, end: int) -> tuple[str, tuple[int, ...]]:
    raw = mask_tags(text[start:end])
    chars: list[str] = []
    offsets: list[int] = []
    in_space = True  # drop leading whitespace
    for i, ch in enumerate(raw):
        if ch.isspace():
            if not in_space:
                chars.append(" ")
                offsets.append(start + i)
            in_space = True
            continue
        in_space = False
        chars.append(ch)
        offsets.append(start + i)
    while chars and chars[-1] == " ":
        chars.pop()
        offsets.pop()
    return "".join(chars), tuple(offsets)


def _is_whole_sentence(line: str) -> bool:
    """A long line that ends a sentence by itself is a paragraph, not a bullet's wrap."""
    return len(squash(line)) >= 30 and bool(_SENTENCE_END.search(line))


def _groups(lines: Sequence[Line]) -> list[list[Line]]:
    """Group non-blank lines into units (see the module docstring for the rules).

    A bullet (or a line opening with a ``(label)``) also ends at a line that closes a
    list (``… 등``), a parenthetical with figures (``(’21년 512억원→ ’22년 879억원)``) or
    a nominal bullet ending (``… 확대``, ``… 선정``): bullets rarely end in ``다.``.
    """
    groups: list[list[Line]] = []
    open_group = False
    marked = False
    for line in lines:
        if line.blank:
            continue
        tabbed = "\t" in line.text.strip("\t ") or line.text.startswith("\t")
        whole = marked and _is_whole_sentence(line.text)
        if tabbed or whole or _marker(line) is not None or not open_group:
            groups.append([line])
            marked = _marker(line) is not None or line.text.lstrip().startswith("(")
        else:
            groups[-1].append(line)
        ends = _SENTENCE_END.search(line.text) or (marked and _BULLET_END.search(line.text))
        open_group = not tabbed and not ends
    return groups


def split_units(text: str) -> list[Unit]:
    """The document's units in reading order (blank lines dropped)."""
    units: list[Unit] = []
    section: int | None = None
    parent: int | None = None
    for group in _groups(split_lines(text)):
        start, end = group[0].start, group[-1].end
        flat, offsets = _flatten(text, start, end)
        if not flat:
            continue
        marker = _marker(group[0]) or ""
        index = len(units)
        is_table = any("\t" in g.text.strip("\t ") or g.text.startswith("\t") for g in group)
        if marker in _SECTION_MARKERS:
            section = index
        elif marker.startswith(_BOX_LABELS):
            section = None
        is_footnote = marker.startswith("*") or marker in ("-", "※")
        units.append(
            Unit(
                index=index,
                marker=marker,
                flat=flat,
                offsets=offsets,
                start=offsets[0],
                end=offsets[-1] + 1,
                line=group[0].number,
                section=section if marker not in _SECTION_MARKERS else None,
                parent=parent if is_footnote else None,
                is_table_row=is_table,
            )
        )
        if not is_footnote:
            parent = index
    return units
