"""Fields renamed, merged or absorbed, told with the new name in quotes.

An edition redraws its taxonomy, and the news tells it in the active voice without a cue
word after each name: ``지식서비스와 방송통신융합은 ‘ICT융합’으로 묶었고``, ``‘빅데이터·AI’는
‘AI·데이터’로 이름을 바꿨다``, ``‘로봇’은 제조 분야와 합쳐 ‘첨단제조·로봇’이 됐고``.
The quotes delimit the new name, the topic in 은/는 is the old one, and both are fields
when the paragraph speaks of fields (a field cue word occurs in it). The passive form with
the cue (``‘X’ 분야는 ‘Y’로 이름이 바뀌었다``) is :mod:`.enumerations`'. The fields such a
paragraph says an edition keeps or adds (``A, B, C는 그대로 유지됐다``, ``‘D’가 새로
들어왔다``) are read here too.
"""

from __future__ import annotations

import re

from stkg.ingest.extract.base import Source
from stkg.ingest.extract.enumerations import is_kind, plausible
from stkg.ingest.extract.phrases import (
    CLOSING_QUOTES,
    CUE_HEADS,
    OPENING_QUOTES,
    SENTENCE_END,
    cue_class,
)
from stkg.ingest.extract.resolve import Found, add_entity
from stkg.ingest.extract.syllables import past

EXTRACTOR = "renamed_fields"
_OPEN = f"[{re.escape(OPENING_QUOTES)}]"
_CLOSE = f"[{re.escape(CLOSING_QUOTES)}]"
_INSIDE = f"[^{re.escape(OPENING_QUOTES + CLOSING_QUOTES)}\\n,.]{{2,24}}"
#: A field's name: quoted, or one bare word (``지식서비스``).
_NAME = rf"(?:{_OPEN}{_INSIDE}{_CLOSE}|[가-힣A-Za-z][가-힣A-Za-z·ㆍ]+)"
#: A name starts a word, not after a closing quote (``‘A’으로``).
_NOT_INSIDE_A_WORD = rf"(?<![가-힣A-Za-z{re.escape(CLOSING_QUOTES)}])"
#: Verbs that rename, merge, split or absorb.
_RENAME_STEMS = (
    *("바꿨", "바꾸었", "바꾼", "바꾸", "바뀌", "바뀐", "변경", "묶었", "묶어", "묶은"),
    *("통합", "합쳐", "합쳤", "합친", "합치", "개편", "재편", "흡수", "개칭"),
    *("쪼개", "쪼갰", "쪼갠", "나뉘", "나눴", "나누", "나눈", "분리", "갈라"),
)
_RENAME = f"(?:{'|'.join(_RENAME_STEMS)})"
#: Verbs of becoming, which rename only when the old name is quoted too.
_BECOME = r"(?:됐|되었|된다|되면서|되며)"
#: What may follow the old names before their particle: the cue, counted (``두 분야는``).
_OLD_CUE = r"(?:\s+(?:(?:두|세|네)\s+)?(?:분야|부문))?"
#: ``OLD(와 OLD2)는 … ‘NEW’(와 ‘NEW2’)(으)로 … VERB``; the old names also as a subject or an
#: object (``‘웨어러블’ 분야가 ‘헬스케어’에 흡수된``, ``‘A’와 ‘B’ 분야를 ‘C’로 합치는``).
_RENAMED = re.compile(
    rf"{_NOT_INSIDE_A_WORD}(?P<old1>{_NAME})(?:(?:와|과|,)\s*(?P<old2>{_NAME}))?{_OLD_CUE}"
    rf"(?P<case>은|는|이|가|을|를)\s+"
    rf"(?:[가-힣A-Za-z]+\s+){{0,3}}?{_OPEN}(?P<new>{_INSIDE}){_CLOSE}"
    rf"(?:(?:와|과)\s*{_OPEN}(?P<new2>{_INSIDE}){_CLOSE})?(?:\s+(?:분야|하나))?"
    rf"(?P<particle>으로|로|에|이|가)\s+(?:[가-힣]+\s+){{0,2}}?(?P<verb>{_RENAME}|{_BECOME})"
)
#: A pair before another whose verb it shares: ``‘A’는 ‘B’로, ‘C’는 ‘D’로 이름을 바꿨다``.
_SHARED_VERB = re.compile(
    rf"{_NOT_INSIDE_A_WORD}(?P<old1>{_NAME})(?:은|는)\s+"
    rf"{_OPEN}(?P<new>{_INSIDE}){_CLOSE}(?P<particle>으로|로),\s*$"
)
#: A quoted name, and the quote marks around it.
_QUOTED = re.compile(rf"{_OPEN}{_INSIDE}{_CLOSE}")
_QUOTES = re.compile(f"{_OPEN}|{_CLOSE}")
#: Where a paragraph ends: a blank line, or a line break before a bullet.
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*[-○□◦▲*•])")
_CUE_WORD = re.compile(rf"[가-힣A-Za-z]*(?:{CUE_HEADS})")


class RenamedFields:
    name = EXTRACTOR
    needs_nlp = False
    needs_topic = True

    def __call__(self, source: Source) -> None:
        text = source.text
        start = 0
        for end in [m.start() for m in _PARAGRAPH.finditer(text)] + [len(text)]:
            if _about_fields(text, start, end):
                _kept(source, start, end)
                for m in _RENAMED.finditer(text, start, end):
                    renames = m["verb"].startswith(_RENAME_STEMS)
                    _renamed(source, m, renames=renames)
                    shared = _SHARED_VERB.search(text, max(start, m.start() - 40), m.start())
                    if shared is not None and renames:
                        _renamed(source, shared, renames=True)
            start = end


def _about_fields(text: str, start: int, end: int) -> bool:
    return any(cue_class(m[0]) == "StrategicField" for m in _CUE_WORD.finditer(text, start, end))


def _renamed(source: Source, m: re.Match[str], *, renames: bool) -> None:
    olds = [(g, m[g]) for g in ("old1", "old2") if m.groupdict().get(g)]
    bare = [old for _, old in olds if not _QUOTED.fullmatch(old)]
    if bare and (
        m.groupdict().get("case", "는") not in ("은", "는")
        or any(b.endswith("다") or any(map(past, b)) for b in bare)
    ):
        # ``스마트TV 확산을 반영해 ‘…’으로``: only a topic names an old field bare, and no verb
        # (``…로 나뉘었고, ‘A’ 분야는``) is one
        return
    if not renames and not all(_QUOTED.fullmatch(old) for _, old in olds):
        return  # ``올해 화두는 ‘AI’가 됐다``: becoming renames only a quoted field
    names = [
        (_QUOTES.sub("", old).strip(), m.start(g) + (1 if _QUOTED.fullmatch(old) else 0))
        for g, old in olds
    ]
    names += [(m[g].strip(), m.start(g)) for g in ("new", "new2") if m.groupdict().get(g)]
    if not all(_a_field(name) for name, _ in names):
        return
    for name, at in names:
        add_entity(source, Found("StrategicField", name, at, at + len(name), EXTRACTOR, 0.5))


#: A sentence that keeps fields as they were: ``A, B, C는 그대로 유지됐다``, ``‘A’가 새로
#: 들어왔다``.
_KEPT = re.compile(
    r"\s*(?:(?:또|또한|반면|나머지|한편|대신),?\s+)?(?P<items>[^.!?\n]+?)(?P<particle>은|는|이|가)\s+"
    r"(?:(?:그대로|모두|새로|새롭게)\s+)?"
    r"(?:유지됐|유지되었|유지된다|존치됐|존속됐|들어왔|추가됐|신설됐|편입됐)[가-힣]*\s*"
)
#: A bare name in such a list: up to three words, none with a particle.
_BARE_NAME = re.compile(r"(?:[가-힣A-Za-z][가-힣A-Za-z0-9·ㆍ]*(?<![은는을를에의])(?:\s+|$)){1,3}")
_KEPT_SEPARATOR = re.compile(r"\s*,\s*|(?<=[가-힣A-Za-z’'])(?:와|과)\s+|\s+및\s+")


def _kept(source: Source, start: int, end: int) -> None:
    """``시스템반도체, 바이오·헬스, 양자기술은 그대로 유지됐다``, ``대신 ‘첨단소재’가 새로
    들어왔다``: the fields an edition keeps or adds, in a paragraph about fields; two names at
    least, or one quoted."""
    text = source.text
    at = start
    for stop in [m.start() for m in SENTENCE_END.finditer(text, start, end)] + [end]:
        m = _KEPT.fullmatch(text, at, stop)
        names = _kept_names(m) if m is not None else None
        for name, i in names or ():
            add_entity(source, Found("StrategicField", name, i, i + len(name), EXTRACTOR, 0.5))
        at = stop + 1


def _kept_names(m: re.Match[str]) -> list[tuple[str, int]] | None:
    """The names a kept-fields sentence lists and where each starts, or None when a part is
    no name (``올해는 ‘A’와 ‘B’ㆍ‘C’ 분야가``: a clause)."""
    items, base = m["items"], m.start("items")
    bounds = [0, *(b for sep in _KEPT_SEPARATOR.finditer(items) for b in sep.span()), len(items)]
    parts = [(items[a:b], base + a) for a, b in zip(bounds[::2], bounds[1::2], strict=True)]
    if not all(_QUOTED.fullmatch(p) or _BARE_NAME.fullmatch(p) for p, _ in parts):
        return None
    names = [(_QUOTES.sub("", p).strip(), i + (1 if _QUOTED.match(p) else 0)) for p, i in parts]
    quoted = all(_QUOTED.fullmatch(p) for p, _ in parts)
    if (len(names) < 2 and not quoted) or not all(_a_kept_field(n) for n, _ in names):
        return None
    return names


def _a_kept_field(name: str) -> bool:
    """A kept field may end in another kind's cue (``양자기술``, ``첨단소재``): the sentence
    says it is a field."""
    return (
        plausible(name, "StrategicField")
        and not is_kind(name)
        and cue_class(name) in (None, "StrategicField", "CoreTechnology", "StrategicProduct")
        and 1 <= len(name.split()) <= 3
        and not any(map(past, name))
    )


def _a_field(name: str) -> bool:
    return (
        plausible(name, "StrategicField")
        and not is_kind(name)
        and cue_class(name) in (None, "StrategicField")
        and len(name.split()) <= 3
    )


__all__ = ["RenamedFields"]
