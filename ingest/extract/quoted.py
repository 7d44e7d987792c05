"""Terms set in quotes and typed by the cue word printed right after them.

``‘로터세일’ 기술`` names a core technology, ``‘그린 모빌리티’ 분야`` a field, ``‘…’ 품목`` a
product: the quotes delimit the name, so it may hold words Kiwi would not chain into one
noun phrase, and the cue (:data:`.phrases.CUE_CLASSES`) types it. Quoted programme
and edition names are their own extractors' (:mod:`.programmes`, :mod:`.editions`): a
cue here only types fields, products and technologies.
"""

from __future__ import annotations

import re

from stkg.ingest.extract.base import Source
from stkg.ingest.extract.phrases import CUE_CLASSES, LIST_DOTS, QUOTED, cue_class
from stkg.ingest.extract.resolve import Found, add_entity

#: The classes a cue after a quoted term may give it.
TYPED = frozenset({"StrategicField", "StrategicProduct", "CoreTechnology"})
_CUE_HEADS = "|".join(sorted({h for h, c in CUE_CLASSES if c in TYPED}, key=len, reverse=True))
#: The cue: a cue noun right after the closing quote, then a particle, a space or a
#: punctuation mark (``’ 기술을``, ``’ 분야에서``, ``’기술``). A particle ends the word: in
#: ``’ 기술로드맵`` the cue is part of a longer noun (a roadmap), and types nothing.
_CUE = re.compile(
    rf"\s?(?P<cue>(?:{_CUE_HEADS}))"
    r"(?:별|(?:의|을|를|이|가|은|는|에서는|에서|에는|에도|에|으로는|으로서|으로|로는|로서|로"
    r"|과|와|도|이다|이며|인|만|까지)(?![가-힣])|\s|[,.]|$)"
)
MAX_CHARS = 24
#: A quoted name opening with a count names the set its items make up.
_COUNTED_SET = re.compile(r"\d+\s*(?:대|개|가지)\s")
EXTRACTOR = "quoted"


#: What joins two quoted items of one list.
_JOIN = re.compile(rf"\s*(?:,|및|와|과|[{LIST_DOTS}])\s*")
#: What closes a quoted list and types it: ``… 등 5대 분야``, ``… 등의 기술``, or the cue
#: right after the last item (``‘A’과 ‘B’ 분야가``).
_CLOSE = re.compile(
    r"\s*(?:등의?\s+(?:(?:총\s*)?\d+\s*(?:대|개|가지)\s*)?)?"
    rf"(?P<cue>[가-힣]{{0,6}}?(?:{_CUE_HEADS}))"
    r"(?:별|의|을|를|이|가|은|는|에서|에|으로|로|과|와|도)?(?![가-힣])"
)


def _quoted_lists(source: Source) -> None:
    """``‘A’, ‘B’, ‘C’ 등 3대 분야``, ``‘A’과 ‘B’ 분야``: quoted items listed together and
    closed by a cue are of the cue's class, though their words make no one noun phrase
    (``‘깨끗하고 편리한 환경 조성’``)."""
    text = source.text
    run: list[re.Match[str]] = []
    for m in [*QUOTED.finditer(text), None]:
        if m is not None and run and _JOIN.fullmatch(text, run[-1].end(), m.start()):
            run.append(m)
            continue
        close = _CLOSE.match(text, run[-1].end()) if len(run) >= 2 else None
        cls = cue_class(close["cue"]) if close else None
        if close and cls in TYPED:
            for item in run:
                inner = item.group(1).strip()
                if 2 <= len(inner) <= MAX_CHARS and not _COUNTED_SET.match(inner):
                    start = item.start(1) + item.group(1).index(inner)
                    found = Found(cls, inner, start, start + len(inner), EXTRACTOR, 0.6)
                    add_entity(source, found)
        run = [m] if m is not None else []


class QuotedTerms:
    name = EXTRACTOR
    needs_nlp = False
    needs_topic = True

    def __call__(self, source: Source) -> None:
        text = source.text
        _quoted_lists(source)
        for m in QUOTED.finditer(text):
            inner = m.group(1).strip()
            cue = _CUE.match(text, m.end())
            if (
                not cue
                or not 2 <= len(inner) <= MAX_CHARS
                or not re.search(r"[가-힣A-Za-z]", inner)
                or _COUNTED_SET.match(inner)
            ):
                continue  # ``‘5대 신산업 선도 프로젝트’ 분야``: a counted set, no one field
            cls = cue_class(cue["cue"])
            if cls in TYPED:
                start = m.start(1) + m.group(1).index(inner)
                add_entity(source, Found(cls, inner, start, start + len(inner), EXTRACTOR, 0.6))
