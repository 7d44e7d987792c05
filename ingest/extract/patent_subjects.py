"""What a patent analysis counts the patents of: the technology named before 특허.

``전고체전지 분야 특허출원이 … 늘었다``, ``메타버스 관련 특허는``, ``그래핀에 대한
특허출원이``, ``마이크로 LED 등록 특허를 조사한 결과``: a patent office's trend report
names the technology whose filings or registered patents it counts right before the
patent word, with 분야, 관련 or 에 대한 between them. That name is a core technology, not a
field (the field reading of ``… 분야`` yields to this one), unless it is who filed
(``한국``, ``중소기업``, a body the document names), when (``지난해``, ``2019년``) or how
many, or a word of quantity or kind (``전체``, ``주요``). A report's subject is printed
more than once; a name whose last word the text prints once is a passing mention.
"""

from __future__ import annotations

import re

from stkg.ingest.countries import parse_country
from stkg.ingest.extract.base import Source
from stkg.ingest.extract.enumerations import PATENTS_NEXT, head_class, is_kind, ranked_by_area
from stkg.ingest.extract.phrases import Phrase
from stkg.ingest.extract.resolve import Found, add_entity, named_in

EXTRACTOR = "patent_subjects"
#: A name, then what ties it to patents, then the patent word, inside one phrase
#: (``전고체전지 분야 특허출원``, ``리튬 확보 기술특허 출원``).
_IN_PHRASE = re.compile(
    r"^(?P<name>.+?)(?:(?P<tech>\s?기술)|\s*관련|\s*(?P<area>분야)|(?=\s))\s*"
    + PATENTS_NEXT.pattern.lstrip("^")
)
#: A name's phrase, then what ties it to patents printed after it (``그래핀에 대한``, ``…의``,
#: ``조영제와 관련된``).
_TIED = re.compile(r"\s*(?:에\s*대한|에\s*관한|관련|의|(?:와|과)\s*관련(?:된|한))\s*")
#: The words that say who filed, not what: kinds of applicant and of office.
FILERS = (
    *("기업", "업체", "개인", "대학", "연구기관", "연구소", "출연연", "공공연", "법인", "기관"),
    *("외국인", "내국인", "국내", "해외", "국외", "국적", "출원인", "특허청", "지식재산처"),
    # where the filers are (``지역에서 출원된 특허``)
    *("지역", "지방", "전국", "수도권", "비수도권"),
)
#: Words that say when, how many or of which kind, never what (``전체 특허출원``).
NOT_SUBJECTS = frozenset(
    [
        *("전체", "전세계", "세계", "글로벌", "주요", "우수", "핵심", "표준", "관련", "해당"),
        *("지난해", "작년", "올해", "금년", "전년", "최근", "상반기", "하반기"),
        *("연간", "연평균", "누적"),
        *("지식재산", "지식재산권", "산업재산권", "기술", "신기술", "특허", "출원", "전략"),
        *("공개", "등록", "심사", "우선", "다출원", "PCT", "IP5", "국제", "미국", "유럽"),
        *("향후", "사전", "중심", "경쟁사", "자사", "타사", "한국인", "외국인", "내국인"),
        # kinds of patent (``유효 특허``, ``해외선행 특허``), not what they are of
        *("유효", "선행", "해외선행", "원천", "공백", "회피", "방어"),
    ]
)
#: Endings of names that are areas, industries or bodies, not technologies.
NOT_TECHNOLOGY_ENDINGS = ("산업", "분야", "부문", "업", "기업", "기관", "국", "청", "처", "원")
#: A last word that divides (``산업별``), says a kind (``맞춤형``) or many (``여성들``).
BY_OR_KIND = ("별", "형", "들")
MIN_CHARS, MAX_CHARS = 2, 30
#: A number in a name says when or how many; one glued to Latin letters is part of a
#: technology's name (``3D 프린팅``, ``5G``).
_NUMBER = re.compile(r"(?<![A-Za-z])\d+(?![\dA-Za-z])")
#: A report's subject is printed more than once (its headline, its lead, its findings).
MIN_MENTIONS = 2


class PatentSubjects:
    name = EXTRACTOR
    needs_nlp = True
    needs_topic = True

    def __call__(self, source: Source) -> None:
        text = source.text
        phrases = source.phrases
        subjects: list[tuple[str, int]] = []
        for i, phrase in enumerate(phrases):
            inside = _IN_PHRASE.match(phrase.text)
            if inside is not None and inside["area"] and ranked_by_area(text, phrase.start_char):
                continue  # ``산업별로는 … 이차전지 분야 특허출원은``: one of the areas ranked
            if inside is not None:
                subjects.append((inside["name"] + (inside["tech"] or ""), phrase.start_char))
                continue
            tied = _TIED.match(text, phrase.end_char)
            if tied is None or i + 1 == len(phrases):
                continue
            # (past a phrase inside the tie: ``…와 관련된``'s 관련)
            following = next(
                (p for p in phrases[i + 1 : i + 3] if p.start_char >= tied.end()), phrases[i + 1]
            )
            if following.start_char == tied.end() and PATENTS_NEXT.match(following.text):
                start = _glossed_start(text, phrases, i)
                subjects.append((text[start : phrase.end_char], start))
        subjects = [(n.strip(), at) for n, at in subjects if _is_subject(source, n.strip())]
        # ``전기차 관련 특허`` and ``전기차 기술에 관한 특허출원``: one technology, named in full
        printed = {n for n, _ in subjects}
        for name, start in subjects:
            full = next((f for f in (f"{name} 기술", f"{name}기술") if f in printed), name)
            _add(source, full, start, len(name))


def _glossed_start(text: str, phrases: list[Phrase], i: int) -> int:
    """Where the name ending with phrase ``i`` starts: at the word before a bracketed gloss
    right before it (``알츠하이머(치매) 진단용 조영제``), else at the phrase."""
    if i >= 2:
        gloss, word = phrases[i - 1], phrases[i - 2]
        opened = gloss.start_char - 1
        if (
            word.end_char == opened
            and text[opened] in "(（"
            and text[gloss.end_char : phrases[i].start_char] in (") ", "） ")
        ):
            return word.start_char
    return phrases[i].start_char


def _add(source: Source, name: str, start: int, length: int) -> None:
    """Add the technology ``name`` (printed at ``start``, ``length`` characters);
    ``…기술`` also answers to its bare stem (``모바일 결제기술``, ``모바일 결제``), and a
    name with a gloss inside to its wording without it (``알츠하이머 진단용 조영제``)."""
    stem = name.removesuffix("기술").strip()
    bare: tuple[str, ...] = (stem,) if stem != name and len(stem) >= MIN_CHARS else ()
    unglossed = re.sub(r"[(（][^()（）]*[)）]", "", name)
    if unglossed != name:
        bare = (*bare, unglossed)
    found = Found("CoreTechnology", name, start, start + length, EXTRACTOR, 0.5, bare)
    add_entity(source, found)


def _is_subject(source: Source, name: str) -> bool:
    """Whether ``name`` can be what the patents are of."""
    if not MIN_CHARS <= len(name) <= MAX_CHARS or _NUMBER.search(name):
        return False
    words = name.removesuffix("기술").split()
    if not words or any(w in NOT_SUBJECTS for w in words) or is_kind(name):
        return False
    if name.endswith(FILERS + NOT_TECHNOLOGY_ENDINGS) or words[-1].endswith(BY_OR_KIND):
        return False
    if parse_country(name) or any(parse_country(w) for w in words):
        return False
    head = re.sub(r"\([^()]*\)$", "", words[-1]).removesuffix("기술") or words[-1]
    if source.text.count(head) < MIN_MENTIONS:
        return False  # a passing mention
    if head_class(name) not in (None, "CoreTechnology"):
        return False
    return not named_in(source, "Organization", name)
