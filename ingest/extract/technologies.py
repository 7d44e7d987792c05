"""Core technologies named in running prose as what is developed, secured or applied.

``배터리팩 에너지밀도 향상기술을 개발한다``, ``초급속 충전시스템 기술 확보``: a noun phrase
whose last word ends in 기술, that is more than a kind of technology (``핵심기술``,
``관련 기술``), and that a development verb governs in its clause (개발, 확보, 적용,
상용화, 고도화, 국산화 …) names a technology, and so does one whose object particle a verb of
passing it on takes a few words later (``… 촉매 기술을 지역 기업에 이전하기로``). Lists of
technologies are the
:mod:`.enumerations` extractor's; this one reads the single mentions between them.
"""

from __future__ import annotations

import re

from stkg.ingest.extract.base import Source
from stkg.ingest.extract.dates import RELATIVE_YEARS
from stkg.ingest.extract.enumerations import GENERIC_FIELDS, head_class, names_no_technology
from stkg.ingest.extract.organizations import institution_confidence
from stkg.ingest.extract.phrases import QUOTED, Phrase
from stkg.ingest.extract.resolve import Found, add_entity

#: Verbal nouns that say a technology is worked on, right after the phrase's particle.
DEVELOP = ("개발", "확보", "적용", "상용화", "고도화", "국산화", "선점", "실증", "접목", "구현")
#: A development verb ending the phrase itself (``기술개발``, ``기술 확보``).
_DEVELOPED_IN = re.compile(rf"\s?(?:{'|'.join(DEVELOP)})$")
#: What may stand between the phrase and its verb: a particle or nothing.
_GOVERNED = re.compile(
    rf"(?:을|를|의|이|가)?\s*(?:(?:집중|적극|본격|공동|우선|중점)\s*)?(?:{'|'.join(DEVELOP)})"
)
#: Verbs that say a technology changes hands or reaches use, as its clause's verb
#: (``… 촉매 기술을 지역 기업에 이전하기로``, ``… 측정 기술을 내년까지 현장에 보급``).
PASSED_ON = ("이전", "보급", "사업화", "개발", "확보", "상용화", "실용화", "국산화", "고도화")
#: The object of such a verb a few words later, in the same clause.
_PASSED_ON = re.compile(
    rf"[을를]\s+(?:[^\s,.。]+\s+){{0,3}}?(?:[^\s,.。]+에\s+)?(?:{'|'.join(PASSED_ON)})(?:하|한|할|해|했|된|될|됐|에)"
)
#: What joins a phrase to the one before it.
_JOINED_BEFORE = re.compile(r"(?:[,、]|(?<=[가-힣])(?:와|과)|\s및)\s*$")
#: A stem ending like these names whose technology it is (a product class, a field, a body),
#: not one technology.
NOT_TECHNOLOGY_STEMS = (
    "소재",
    "부품",
    "장비",
    "제품",
    "물품",
    "품목",
    "산업",
    "분야",
    "기업",
    "기관",
    "업체",
    "대학",
    "스타트업",
)
#: Words for bodies: a phrase holding one anywhere (``스타트업 스케일업·글로벌 스타트업
#: 기술``) says whose technology it is or what it is for, not which technology.
BODY_WORDS = ("기업", "기관", "업체", "대학", "스타트업")
#: Words that, right before 기술, say what kind of technology, whose or how many it is
#: (``핵심 원천기술``, ``고효율 자체 기술``, ``개별 기술``), not which: the phrase names none.
KIND_BEFORE = frozenset(
    [
        *("원천", "자체", "고유", "독자", "관련", "분야", "핵심", "기반", "개별", "복수", "다수"),
        *("단일", "요소", "융합", "맞춤형"),
    ]
)
#: A technology as the subject of its share of all (``… 코팅 기술이 전체의 45%를 차지``,
#: ``… 기술이 38.2%로 가장 많았다``): what a patent analysis breaks its filings down into.
_SHARE_OF_ALL = re.compile(
    r"(?:이|가)\s+(?:전체(?:\s?[가-힣]+)?의\s+)?(?:약\s*)?\d+(?:\.\d+)?\s*%"
    r"(?:[를을]\s*차지|(?:로|으로)\s*가장)"
)
#: What joins two coordinated phrases (a bracketed figure may follow the first).
_COORDINATED = re.compile(r"^(?:\([^()\n]{1,20}\))?\s*(?:,|및|와|과)\s*$")
#: What ties a modifying phrase to the technology it is for (``효율 향상을 위한 … 기술``).
_MODIFIER = re.compile(r"^\s*(?:[을를]\s*위한|에\s*필요한|의)\s*$")
#: A bracketed target figure after a technology's name.
_SPEC = re.compile(r"\([^()]*\d[^()]*\)$")
#: After a phrase ending in 기술개발, what makes it a programme's name: a gloss naming its
#: kind (``(이스라엘식 프로그램)``) or the programme being run (``운영``).
_RUN_AS_PROGRAMME = re.compile(
    r"(?:\([^()]*(?:프로그램|사업)\))?\s*(?:운영|사업)|\([^()]*(?:프로그램|사업)\)"
)
#: A word made an adjective by -적 (``독자적``, ``혁신적``; two syllables before it at least,
#: so not ``표적``): it says of what kind a technology is.
_ADJECTIVAL = re.compile(r"^[가-힣]{2,}적$")
MIN_CHARS = 5
MAX_CHARS = 30
EXTRACTOR = "technologies"


class Technologies:
    name = EXTRACTOR
    needs_nlp = True
    needs_topic = True

    def __call__(self, source: Source) -> None:
        text = source.text
        phrases = source.phrases
        for i, phrase in enumerate(phrases):
            printed = phrase.text
            end = phrase.end_char
            # "… 충전시스템 기술개발을 추진", "… 재제조 기술 확보 등": the verb in the phrase
            developed = _DEVELOPED_IN.search(printed)
            if developed and _RUN_AS_PROGRAMME.match(text, end):
                continue  # ``글로벌시장형 창업기술개발(이스라엘식 프로그램) 운영``: a programme
            if developed and printed[: developed.start()].endswith("기술"):
                printed, end = printed[: developed.start()], end - len(developed.group())
            elif not (
                _GOVERNED.match(text, end)
                or _SHARE_OF_ALL.match(text, end)
                or (
                    _PASSED_ON.match(text, end)
                    and not _JOINED_BEFORE.search(
                        text, max(0, phrase.start_char - 4), phrase.start_char
                    )
                )
            ):
                # a phrase joined to one before it (``A와 B 기술을 … 보급``) is the last item of
                # a list, whose 기술 the list extractor has shared out
                continue
            if _add(source, printed, end):
                _coordinated(source, phrases, i)
        for m in QUOTED.finditer(text):
            _quoted_made(source, m.group(1), m.start(1), m.end())


#: Verbs whose quoted object is a technology whatever its head (``‘한국형 양자컴퓨팅’을 개발``).
MADE = ("개발", "국산화", "상용화", "고도화")
_QUOTED_MADE = re.compile(rf"[을를]\s*(?:{'|'.join(MADE)})")
#: Heads of a quoted name that is a plan, a programme or a body's, not what is developed.
NOT_MADE_HEADS = ("계획", "전략", "로드맵", "방안", "사업", "프로젝트", "과제", "R&D", "센터")


def _quoted_made(source: Source, inner: str, start: int, after: int) -> None:
    """A quoted name developed (``‘…’을 개발해``) is a technology."""
    name = inner.strip()
    if not _QUOTED_MADE.match(source.text, after) or not MIN_CHARS <= len(name) <= MAX_CHARS:
        return
    if name.endswith(NOT_MADE_HEADS) or head_class(name) not in (None, "CoreTechnology"):
        return
    at = start + inner.index(name)
    add_entity(source, Found("CoreTechnology", name, at, at + len(name), EXTRACTOR, 0.5))


def _add(source: Source, printed: str, end: int) -> bool:
    """Add the technology ``printed`` names (ending at ``end``); whether it names one."""
    name = _technology(printed)
    if name is not None:
        # ``고체전해질 이차전지 기술``: 기술 printed as a word of its own says what the name is
        bare = (name.removesuffix(" 기술"),) if name.endswith(" 기술") else ()
        found = Found("CoreTechnology", name, end - len(name), end, EXTRACTOR, 0.5, bare)
        add_entity(source, found)
    return name is not None


def _coordinated(source: Source, phrases: list[Phrase], governed: int) -> None:
    """``A 기술(200Wh/kg), B 기술을 개발``: the verb governs the technologies joined to the
    one it follows, past a phrase that only says what that one is for (``…을 위한``)."""
    k = governed
    while k > 0:
        between = source.text[phrases[k - 1].end_char : phrases[k].start_char]
        if _MODIFIER.match(between) and k > 1:  # "… 향상을 위한 구동시스템 기술"
            k -= 1
            continue
        if not _COORDINATED.match(between):
            return
        k -= 1
        printed = phrases[k].text
        spec = _SPEC.search(printed)  # "향상기술(200Wh/kg)": the figure is no part of it
        if spec:
            printed = printed[: spec.start()]
        if not _add(source, printed, phrases[k].start_char + len(printed)):
            return


def _technology(printed: str) -> str | None:
    words = printed.split(" ")
    # ``중기청 융복합기술개발``: a body before the name says whose work it is, and a year
    # word when, no part of it
    while words and (
        words[0] in GENERIC_FIELDS
        or words[0] in RELATIVE_YEARS
        or institution_confidence(words[0], words[0])
    ):
        words = words[1:]
    name = " ".join(words)
    if not name.endswith("기술") or not MIN_CHARS <= len(name) <= MAX_CHARS:
        return None
    stem = name.removesuffix("기술").strip()
    if not stem or names_no_technology(name) or stem.split(" ")[-1] in GENERIC_FIELDS:
        return None
    last = re.split(r"[ ·ㆍ‧]", stem)[-1]
    if _ADJECTIVAL.search(last):
        return None  # ``독자적 기술``, ``혁신적 기술``: of what kind, not which
    if "분야" in stem.split(" ") or last.endswith(tuple(KIND_BEFORE)) or len(last) < 2:
        # "수소에너지 분야 핵심 원천기술", "고출력‧고효율 자체 기술", "융합원천기술", "…
        # 장수명화 요소기술": a kind, glued or not; "신제품·신기술": new technology, whichever
        return None
    if any(w[0].isdigit() for w in stem.split(" ")) or stem.endswith(NOT_TECHNOLOGY_STEMS):
        return None  # "100대 핵심품목 기술", "소재·부품 기술", "중소기업 기술": a set's or a body's
    if any(w.endswith(BODY_WORDS) for p in stem.split(" ") for w in re.split(r"[·ㆍ]", p)):
        return None
    return name
