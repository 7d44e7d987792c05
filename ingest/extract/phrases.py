"""Noun phrases and words from Kiwi's morphology — the units prose extractors read.

A *word* (어절) is a run of tokens without whitespace between them; Korean names of
institutions are written as one word (``한국산업기술진흥원``), programme names often as a
few (``창업성장 기술개발사업``). A *noun phrase* is a run of nominal words: each word is
nouns (and foreign words, numbers, prefixes, noun suffixes, middle dots) optionally
followed by particles, which end the phrase. Nothing here knows about roadmaps: the
extractors type the phrases by their head noun.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Token

from stkg.ingest.nlp.tokenizer import TEXT_KEY

#: Kiwi tags of the tokens that make up a name.
NOMINAL_TAGS = frozenset({"NNG", "NNP", "SL", "SH", "SN", "XPN", "XSN", "NR"})
#: Joiners allowed inside a name between nominal tokens (``소재·부품``, ``R&D``, ``3D``).
JOINERS = frozenset({"·", "ㆍ", "&", "-", "/", "+", "ᐧ", "・", "․", "‧"})


#: Bullets and circled numbers that open the items of a list inside a sentence.
BULLET_MARKERS = "△▲▴▵▶▷▸▹►◆◇◈■□●○▼▽" + "".join(chr(c) for c in range(0x2460, 0x2474))
#: Marks that open and close a quotation or a title (some outlets print a backtick).
OPENING_QUOTES = "‘'“\"「『《〈`"
CLOSING_QUOTES = "’'”\"」』》〉`"
#: Any quotation mark, to strip from a name or a gap between words.
QUOTE_MARKS = re.compile(f"[{re.escape(OPENING_QUOTES + CLOSING_QUOTES)}]")
#: A name in quotes or title brackets (``‘디지털 협업공장’``, ``「…」``); group 1 is inside.
QUOTED = re.compile(
    f"[{re.escape(OPENING_QUOTES)}]"
    rf"([^{re.escape(OPENING_QUOTES + CLOSING_QUOTES)}\n]{{2,40}})"
    f"[{re.escape(CLOSING_QUOTES)}]"
)
#: Middle dots that join the members of a list written as one word (``석유화학·철강·시멘트``).
LIST_DOTS = "·ㆍ・ᐧ․‧"


def dotted_parts(text: str, start: int) -> list[tuple[str, int]]:
    """The parts of ``text`` (at ``start``) between middle dots, each with its offset."""
    parts, offset = [], start
    for part in re.split(f"[{LIST_DOTS}]", text):
        parts.append((part, offset))
        offset += len(part) + 1
    return parts


@dataclass(frozen=True)
class Phrase:
    """A noun phrase: character span in the document and its tokens."""

    doc: Doc
    start: int  # token index
    end: int  # token index, exclusive

    @property
    def start_char(self) -> int:
        return self.doc[self.start].idx

    @property
    def end_char(self) -> int:
        last = self.doc[self.end - 1]
        return last.idx + len(last.text)

    @cached_property
    def text(self) -> str:
        return text_of(self.doc)[self.start_char : self.end_char]

    def words(self) -> list[tuple[int, int]]:
        """Token ranges of the phrase's words (split where whitespace separates tokens)."""
        out, begin = [], self.start
        for i in range(self.start, self.end):
            if self.doc[i].whitespace_ and i + 1 < self.end:
                out.append((begin, i + 1))
                begin = i + 1
        out.append((begin, self.end))
        return out


def text_of(doc: Doc) -> str:
    """``doc.text``, computed once: spaCy rebuilds the string from the tokens at each call."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


#: Kiwi's tag of a sentence's final mark (``.``, ``?``, ``!``).
SENTENCE_END_TAG = "SF"


#: Where a sentence ends in plain text: a final mark before whitespace, or a line break.
SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


def sentence_first(doc: Doc, i: int, *, at_line_breaks: bool = False) -> int:
    """The first token of the sentence token ``i`` is in; with ``at_line_breaks``, of its
    line too (a headline has no final mark)."""
    j = i - 1
    while (
        j >= 0
        and doc[j].tag_ != SENTENCE_END_TAG
        and not (at_line_breaks and "\n" in doc[j].whitespace_)
    ):
        j -= 1
    return j + 1


def sentence_last(doc: Doc, i: int) -> int:
    """The last token (its final mark, if any) of the sentence token ``i`` is in."""
    while i < len(doc) - 1 and doc[i].tag_ != SENTENCE_END_TAG:
        i += 1
    return i


#: One Latin letter and a full stop, as Kiwi reads an interview's ``Q.`` and ``A.``.
_LETTER_MARK = re.compile(r"[A-Za-z]\.")


def is_nominal(token: Token) -> bool:
    parts = token.tag_.split("+")
    if len(parts) > 1 and parts[-1].startswith("J") and len(token.text) == 1:
        return False  # ``40%를``: 를 as NNG+JKO, a particle Kiwi read as a noun and its case
    if parts[0] == "SL" and _LETTER_MARK.fullmatch(token.text):
        return False  # ``Q. 기술로드맵 품목이면``: an interview's question mark, no name
    tag = parts[0]
    return tag in NOMINAL_TAGS or (token.text in JOINERS and tag in {"SP", "SO", "SW"})


def noun_phrases(doc: Doc, start: int = 0, end: int | None = None) -> Iterator[Phrase]:
    """Maximal runs of nominal tokens joined by nothing, one space or a joiner.

    A phrase never starts or ends with a joiner, and never crosses a line break.
    """
    end = len(doc) if end is None else end
    i = start
    while i < end:
        ordinal = _ordinal_end(doc, i, end)
        prefixed = _glued_prefix(doc, i, end)  # ``전고체전지``, ``전주기``: 전 opens the word
        if ordinal is None and not prefixed and (not is_nominal(doc[i]) or doc[i].text in JOINERS):
            i += 1
            continue
        j = i + 1 if ordinal is None else ordinal + 1
        while j < end and doc[j - 1].whitespace_ in ("", " "):
            glued = (
                _ordinal_end(doc, j, end)
                if not doc[j - 1].whitespace_ or doc[j].text in SINO_KOREAN_ORDINALS
                else None
            )
            if glued is not None:  # ``태양전지·2차전지``: an ordinal glued inside the name
                j = glued + 1
                continue
            if j == i + 1 and not doc[i].whitespace_ and _latin_gloss(doc, j, end):
                j = _gloss_end(doc, j, end)  # ``증강현실(AR)``: one word and its abbreviation
                continue
            if not is_nominal(doc[j]) and not _glued_bound(doc, j):
                break
            if doc[j].text == "-" and doc[j - 1].whitespace_ and doc[j].whitespace_:
                break  # ``로드맵 확정 - 종자·식품``: a spaced dash parts a headline, joins nothing
            if doc[j - 1].whitespace_ and SPAN_OF_TIME.fullmatch(doc[j - 1].text):
                break  # ``향후 10년간 태양광, …``: how long, then the name
            if doc[j - 1].whitespace_ and doc[j - 1].text in LINKING_NOUNS:
                break  # ``R&D 지원의 경우 민관공동투자개발사업``: the case, then the name
            unit_like = j + 1 < end and doc[j + 1].tag_ == "SL" and not doc[j].whitespace_
            if doc[j - 1].whitespace_ and doc[j].tag_ in ("SN", "NR") and not unit_like:
                break  # a number opening a word is an amount or a count, not a name part
            j += 1
            if j < end and doc[j - 1].whitespace_ == "" and doc[j].text in "(（":
                j = _gloss_end(doc, j, end)  # "인공지능(AI)", "3차원(3D)": the gloss belongs
        while j > i + 1 and doc[j - 1].text in JOINERS:
            j -= 1
        if j > i + 1 and doc[j - 2].whitespace_ and doc[j - 1].text in ORDER_WORDS:
            j -= 1  # ``퀄컴, 인텔, 화웨이 순으로``: the order the list is in, not the name's
        if j == i + 1 and doc[i].text in LINKING_NOUNS:
            pass  # ``… 돌파한 가운데, …``: a linking noun alone names nothing
        elif any(doc[k].tag_ not in ("SN", "NR") for k in range(i, j)):
            yield Phrase(doc, i, j)
        i = j


#: Nouns that link a clause to what follows rather than name anything with the word after
#: them (``…의 경우 X``, ``… 가운데 X``, ``…할 때 X``).
LINKING_NOUNS = frozenset(["경우", "가운데", "때", "당시", "이후", "이전"])
#: A word closing a list that says in which order it runs (``…, 화웨이 순으로``).
ORDER_WORDS = frozenset(["순"])
#: The suffix that makes a number a span of time (``10년간``, ``3개월간``).
SPAN_OF_TIME = re.compile("간|동안")


#: Determiners Kiwi splits off the noun they are glued to (``전고체전지``: 전 + 고체전지).
GLUED_PREFIXES = frozenset(["전"])
#: Kiwi's tag of a bound noun (``수``, ``중``, ``건``), which stands after a word of its own.
BOUND_NOUN = "NNB"


def _glued_prefix(doc: Doc, i: int, end: int) -> bool:
    """Whether token ``i`` is a determiner glued to the noun after it, inside one word, or
    an adverb or a pronoun Kiwi read into the start of one (``홀로그램``: 홀로 + 그램;
    ``자기공명``: 자기, "oneself", + 공명; adverbs and pronouns stand apart)."""
    return (
        (
            (doc[i].text in GLUED_PREFIXES and doc[i].tag_ == "MM")
            or doc[i].tag_ in ("MAG", "NP", BOUND_NOUN)
        )
        and not doc[i].whitespace_
        and i + 1 < end
        and doc[i + 1].tag_.split("+")[0] in NOMINAL_TAGS
        and (i == 0 or doc[i - 1].whitespace_ != "")
    )


def _glued_bound(doc: Doc, j: int) -> bool:
    """Whether token ``j`` is a bound noun Kiwi read inside a noun's word (``건식``: 건 +
    식/NNB; ``차폐``: 차/NNB + 폐): glued to a noun before it, not to a figure (``58건``), and
    not a list's 등 glued before a space."""
    return (
        doc[j].tag_ == BOUND_NOUN
        # ``임베디드 SW등 핵심부품``: a list's 등, glued by a typo, closes the list
        and not (doc[j].text == "등" and doc[j].whitespace_)
        and j > 0
        and not doc[j - 1].whitespace_
        and doc[j - 1].tag_.split("+")[0] in NOMINAL_TAGS - {"SN", "NR"}
    )


#: Sino-Korean numerals an ordinal may be spelt with (``이차전지``).
SINO_KOREAN_ORDINALS = frozenset(["일", "이", "삼", "사", "오"])


def _ordinal_end(doc: Doc, i: int, end: int) -> int | None:
    """The index of the first noun after an ordinal opening a name (``4차 산업혁명``,
    ``제4차 산업혁명``, ``2차 전지``, ``2차전지``), or None when ``i`` opens none."""
    k = i + 1 if doc[i].text == "제" and not doc[i].whitespace_ else i
    if k + 2 < end and doc[k].text in SINO_KOREAN_ORDINALS and doc[k].tag_ == "NR":
        # ``이차전지``, ``일차전지``: the ordinal spelt in Sino-Korean, glued to its name
        glued = not doc[k].whitespace_ and not doc[k + 1].whitespace_
        if glued and doc[k + 1].text == "차" and doc[k + 2].tag_.split("+")[0] in NOMINAL_TAGS:
            return k + 2
        return None
    if k + 2 >= end or doc[k].tag_ != "SN" or doc[k].whitespace_:
        return None
    if doc[k + 1].text != "차" or doc[k + 1].whitespace_ not in ("", " "):
        return None  # ``2차 전지`` and ``2차전지`` alike
    return k + 2 if doc[k + 2].tag_.split("+")[0] in NOMINAL_TAGS else None


def _latin_gloss(doc: Doc, j: int, end: int) -> bool:
    """Whether a bracket opening at ``j`` holds one Latin word and closes (``(AR)``)."""
    return (
        j + 2 < end
        and doc[j].text in "(（"
        and doc[j + 1].tag_ == "SL"
        and doc[j + 2].text in ")）"
    )


def _gloss_end(doc: Doc, j: int, end: int) -> int:
    """Past a bracketed gloss of nominal tokens starting at ``j`` (else ``j`` itself)."""
    k = j + 1
    while k < end and k - j <= 6 and is_nominal(doc[k]):
        k += 1
    if k < end and k > j + 1 and doc[k].text in ")）":
        return k + 1
    return j


def token_range(doc: Doc, start_char: int, end_char: int) -> tuple[int, int]:
    """Token indices covering a character span."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None:
        return 0, 0
    return span.start, span.end


#: The last noun of a cue → the class of the listed items. Checked in order.
CUE_CLASSES = (
    ("국가전략기술", "StrategicField"),
    ("전략기술", "StrategicField"),
    ("분야", "StrategicField"),
    ("부문", "StrategicField"),
    ("영역", "StrategicField"),
    ("산업", "StrategicField"),
    ("업종", "StrategicField"),
    ("성장동력", "StrategicField"),  # ``A, B 등 미래 성장동력``: growth engines are areas
    ("품목", "StrategicProduct"),
    ("제품", "StrategicProduct"),
    ("소재", "StrategicProduct"),
    ("부품", "StrategicProduct"),
    ("기술", "CoreTechnology"),
    ("사업", "Programme"),
    ("프로그램", "Programme"),
    ("기업", "Organization"),
    ("업계", "Organization"),
    ("업체", "Organization"),
    ("기관", "Organization"),
    ("기구", "Organization"),
    ("대학", "Organization"),
)

#: A bracket closing a name (``산업기술혁신계획(…)``, ``센서·지도기술(43.1%)``).
TRAILING_GLOSS = re.compile(r"\s*[(（][^()（）]*[)）]$")
#: A list closed by 등 and tasks or aims (``분야별로 △A △B 등 추진과제를``, ``X 분야에는 A, B
#: 등 8개 과제가``): its items are those, not the areas a topic before them names.
TASKS_AFTER = re.compile(
    r"\s*등의?\s+(?:총\s*)?(?:\d+\s*(?:개|대|가지)\s*)?(?:[가-힣]+\s+)?[가-힣]*"
    r"(?:과제|전략|방안|대책|목표|정책)(?:을|를|이|가|은|는|으로|로|에|과|와|\s|$)"
)

#: The cue nouns as one regular-expression alternation, longest first (shared by the list
#: extractors: bullets, quoted terms).
CUE_HEADS = "|".join(sorted({h for h, _ in CUE_CLASSES}, key=len, reverse=True))


#: Words after a figure that make it a change, not a total (``35개가 증가한``, ``862억원
#: 늘어난``); the count and budget extractors skip such figures.
CHANGE_WORDS = r"(?:증가|감소|늘어|늘었|늘린|줄어|줄었|줄인|많은|적은)"

#: Native Korean numerals that count the noun after them (``세 분야``, ``두 가지``).
NATIVE_COUNTS = {"두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9}
#: A count before a cue word, in digits or a native numeral (``3개``, ``12대``, ``세``).
COUNTED = (
    r"(?:\d+\s*(?:개|대|가지|종)|(?:"
    + "|".join(sorted(NATIVE_COUNTS, key=len, reverse=True))
    + r")\s+(?:(?:개|가지|종)\s*)?)"
)


def cue_class(cue: str) -> str | None:
    cue = cue.replace(" ", "")
    for head, cls in CUE_CLASSES:
        if cue.endswith(head):
            return cls
    return None
