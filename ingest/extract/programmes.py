"""Funding programmes named in prose: noun phrases headed by 사업/프로그램, and quoted names.

A programme name is the noun phrase whose last word ends in a programme head
(``창업성장 기술개발사업``, ``구매조건부 신제품개발사업``, ``스마트공장 보급·확산사업``),
taken back over at most four topic words (words such as 기술, 개발, 지원 that a name
spelled with spaces is made of do not count) and never over a time word, a number or an
institution. A name that is only a generic head (``기술개발사업``, ``신규사업``) is no
name. A quoted name (‘…’, “…”, 「…」) that ends like a programme is taken whole, past the
year a yearly programme is printed with, which stays as an alias.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from stkg.ingest.extract.base import Source
from stkg.ingest.extract.organizations import institution_confidence
from stkg.ingest.extract.phrases import OPENING_QUOTES, QUOTED, TRAILING_GLOSS, Phrase, text_of
from stkg.ingest.extract.resolve import Found, add_entity, resolve
from stkg.ingest.normalize import name_key

HEADS = ("사업", "프로그램", "프로젝트", "바우처", "패키지", "펀드")
#: Words that open a phrase but are not part of a name: time, quantity and deixis.
NOT_NAME_WORDS = frozenset(
    [
        "올해",
        "내년",
        "금년",
        "지난해",
        "작년",
        "전년",
        # the same years as a budget year (``내년도 기술로드맵``, ``금년도 사업``)
        "내년도",
        "금년도",
        "전년도",
        "작년도",
        "이번",
        "이",
        "그",
        "각",
        "총",
        "전체",
        "기존",
        "신규",
        "계속",
        "주요",
        "해당",
        "본",
        "동",
        "정부",
        "국가",
        "관련",
        "해당",
        "모든",
        "올",
        "차년도",
        "당해",
        "다음",
        "향후",
        "개",
        "등",
        "소관",
        "대상",
        # a share of programmes, not one (``수행하던 일부 사업을 이관받아``)
        "일부",
        "다수",
        "여러",
        "개별",
        # ``…에 기여한다는 목적 아래 사업을 펼치고``: under an aim, no name
        "아래",
    ]
)
#: Government, which opens no name but that of its research (``정부 R&D …사업``).
GOVERNMENT = "정부"
RESEARCH_WORDS = frozenset(["R&D", "연구개발"])
#: A programme's state, which opens no name (``확대 사업``, ``신설 사업``); unlike
#: :data:`NOT_NAME_WORDS`, such a word after a name does not end it for the mentions.
STATES = frozenset(["종료", "확대", "축소", "신설", "폐지"])
#: Heads that name no programme on their own.
GENERIC = frozenset(
    name_key(n)
    for n in [
        "사업",
        "지원사업",
        "개발사업",
        "기술개발사업",
        "연구개발사업",
        "R&D사업",
        "신규사업",
        "계속사업",
        "주요사업",
        "해당사업",
        "정부사업",
        "국가사업",
        "프로그램",
        "프로젝트",
        "바우처",
        "패키지",
        "협력사업",
        "기술사업",
        "융자사업",
        "대상사업",
        "시범사업",
        "후속사업",
        "보조사업",
        "출연사업",
        "단위사업",
        "세부사업",
        "내역사업",
        "사업화사업",
        "지원프로그램",
        "기술개발지원사업",
        "R&D지원사업",
        "연구개발지원사업",
        "국가R&D사업",
        "정부R&D사업",
        "R&D과제",
        "과제",
        "실증사업",
        "구축사업",
        "인프라사업",
        "기반구축사업",
        "예타사업",
        "연계사업",
        # what a programme is for, not which: ``…기업을 위한 전용 사업``
        "전용사업",
        "전용R&D사업",
        "특화사업",
        "특화지원사업",
        # a programme's state (``종료사업``, ``신설사업``)
        "종료사업",
        "확대사업",
        "신설사업",
        # which of a set, or of what size, not which programme (``나머지 사업``)
        "추진사업",
        "나머지사업",
        "주축사업",
        "대규모사업",
        "정보화사업",
        # software, not a programme
        "응용프로그램",
        # a fund by its kind, not by name (``투자기업과 협력펀드를 조성해``)
        "펀드",
        "협력펀드",
        "전용펀드",
        "투자펀드",
        "정책펀드",
        "관련펀드",
    ]
)
#: A programme's track (``팁스 일반트랙``, ``‘스케일업 팁스 글로벌 트랙’``) is named as one
#: when quoted or when the programme it belongs to opens its name.
TRACK = "트랙"
#: A phase or round of a programme is no name of its own (``1단계 사업``, ``2차 사업``), nor
#: is a count of them (``10대 프로젝트``, ``3개 사업``).
_PHASE = re.compile(r"^(?:제?\s*\d+\s*(?:단계|차|기|년차|대|개|가지)|[일이삼사오]단계)\s*")
_QUOTED_HEADS = tuple(
    name_key(h)
    for h in ("사업", "프로그램", "프로젝트", "개발", "R&D", "지원", "바우처", "과제", TRACK)
)
#: Tasks as the topic of a sentence, whose quoted items are their titles (``이번
#: 기업제안과제에는 ‘…분전함 개발’과 …``), not a sentence end between.
_TASK_TOPIC = re.compile(r"과제(?:에는|에선|로는|으로는|는|은)\s[^.!?\n]*$")
TASK_TOPIC_REACH = 80
#: A programme's name followed by the tasks of a round (``…사업 신규과제``, ``…사업 계속 과제``).
_ROUND_TASKS = re.compile(r"(?<=사업)\s*(?:신규|계속|지원)\s?과제$")
#: Money given to a quoted name right after it (``‘…’에 2718억원``, ``‘…’(386억원)``): a
#: quoted name that receives a budget is a programme whatever its head.
_WON = r"(?:약\s*)?[\d,.]+\s*(?:조\s*[\d,]*\s*)?(?:억|만)\s*원"
_FUNDED = re.compile(r"\s*(?:에는?|에\s*총|\()\s*" + _WON)
#: A programme head printed after a quoted name (``‘…융자’ 사업을 통해``): the quotes hold
#: the programme's name whatever its own last word.
_HEAD_AFTER = re.compile(
    r"\s?(?P<head>사업|프로그램)(?:을|를|이|가|은|는|에|의|으로|로|과|와|도)?(?![가-힣])"
)
#: An amount of money inside quotes: the quoted words state terms (``‘최대 2억원 지원’``).
#: So is a sum without its 원 or a term in years (``“과제당 최대 200억 지원”``, ``‘4년간 지원’``).
_TERMS = re.compile(r"\d\s*(?:조|억|만)\s*원|\d\s*(?:조|억)(?![가-힣])|\d\s*(?:년|개월)\s*간")
#: A subject or object and the verb it goes with (``돈이 되는``, ``세계를 여는``), or a topic
#: and what is said of it (``…과제는 내년 처음 신설된 사업``): a clause, not a name.
_SLOGAN = re.compile(
    r"[가-힣](?:이|가|을|를)\s+[가-힣]*(?:는|은|한|될|할|인)\s"
    r"|[가-힣](?:은|는)\s+(?:[가-힣]+\s+){0,2}[가-힣]*(?:한|된|될|할|인)\s"
)
_YEAR_WORD = re.compile(r"^(?:19|20)\d{2}년?$|^\d+$")
#: An ordinal round of a call (``제2차``): a programme's name never opens with one.
_ROUND_TEXT = r"제\s?\d+\s?차"
_ROUND = re.compile(rf"^{_ROUND_TEXT}$")
#: The year an edition of a yearly programme is printed with (``2024년 중소기업 …사업``).
_DATED = re.compile(r"(?<!\d)(?:19|20)\d{2}\s*년도?\s+$")
#: A number printed just before a programme's head as part of its name (``1000+``, ``300``).
_COUNTED = re.compile(r"^(?!(?:19|20)\d{2}$)\d{2,4}\+?$")
MAX_WORDS = 4
#: Words a name spelled with spaces is made of besides its topic (``창업 성장 기술 개발
#: 사업``): they do not count towards :data:`MAX_WORDS`.
SPACED_PARTS = frozenset(
    ["기술", "개발", "연구", "지원", "R&D", "연구개발", "기술개발", "사업화", "기반"]
)
_BRACKETED = re.compile(r"\([^)]*\)")
#: Words that name an area, which no programme's name starts with (``해양 분야 창업 … 사업``).
AREA_WORDS = frozenset(["분야", "부문", "영역", "업종", "품목"])
EXTRACTOR = "programmes"


#: Nouns for who runs a programme or takes part in it, which its name may stand before in
#: one phrase without being part of a longer name (``스케일업 팁스 운영사``, ``팁스 창업팀``).
ROLE_WORDS = frozenset(
    ["운영사", "운영기관", "주관기관", "전문기관", "창업팀", "창업기업", "투자사", "추천"]
)
#: Nouns a programme's name may stand before in one phrase (``…개발사업 자금은``).
AFTER_NAME = frozenset(
    [
        *("자금", "예산", "규모", "과제", "공고", "통합공고", "모집공고", "지원금", "참여기업"),
        *("신청", "접수", "접수기간", "신청기간", "모집"),
        # what is done to it, printed as a noun (``… 프로젝트 착수``, ``… 프로젝트 신설한다``)
        *("착수", "신설", "추진", "시행", "계속", "도입", "확대", "개편", "운영"),
        # what is planned, chosen or judged in it (``…사업 기획에``, ``…조성사업 대상지로는``)
        *("기획", "대상", "대상지", "대상자", "공모", "선정", "평가", "성과", "설명회"),
        *ROLE_WORDS,
    ]
)


def programme_name(phrase: Phrase) -> tuple[int, str] | None:
    """``(start char, name)`` of the programme a phrase names, if it names one."""
    words = phrase.words()
    doc = phrase.doc
    if phrase.text.endswith((")", "）")):  # ``스텝-업 프로그램(Step-up Program)``: its gloss
        opening = next(
            (k for k in range(phrase.end - 1, phrase.start, -1) if doc[k].text in "(（"), None
        )
        if opening is None or opening == phrase.start or doc[opening + 1].text == "이하":
            return None  # ``…사업(이하 청사진 사업)``: the short form's reader names it
        return programme_name(Phrase(doc, phrase.start, opening))
    # ``투자연계형 과제``, ``글로벌 강소기업 육성과제``: a programme's typed track
    track = _TRACK.search(phrase.text) is not None
    if not track and not phrase.text.endswith(HEADS):
        # "민관공동투자개발사업 자금": the name ends one word before a money or task noun
        last = words[-1]
        if len(words) < 2 or text_of(doc)[doc[last[0]].idx : phrase.end_char] not in AFTER_NAME:
            return None
        inner = Phrase(doc, phrase.start, last[0])
        return programme_name(inner) if inner.text.endswith(HEADS) else None
    last_start = words[-1][0]
    last = text_of(doc)[doc[last_start].idx : phrase.end_char]
    if not last.endswith(HEADS) and not track:
        return None
    chosen = [words[-1]]
    # words that say what the programme is about, not what kind it is (a bare head is not)
    content = 0 if name_key(last) in GENERIC else 1
    for w_start, w_end in reversed(words[:-1]):
        word = _word(doc, (w_start, w_end))
        spaced_part = _BRACKETED.sub("", word) in SPACED_PARTS
        if (content >= MAX_WORDS and not spaced_part) or word in NOT_NAME_WORDS | STATES:
            break
        if word in AREA_WORDS:
            break  # ``해양기술 분야 심해 탐사 … 사업``: the area the programme is in, no part
        if _ROUND.match(word):
            break  # ``2015년도 제2차 …수시개발사업``: the round of its call, no part of the name
        if _YEAR_WORD.match(word) and not (_COUNTED.match(word) and len(chosen) == 1):
            break  # a year opens no name, but ``월드클래스 300 프로젝트`` counts its firms
        if institution_confidence(word, doc[w_end - 1].text) is not None and not (
            # ``한방자연치유센터 건립 사업``: the facility the programme builds, no body
            _BUILDING.fullmatch(" ".join(_word(doc, w) for w in chosen[:-1]))
        ):
            break
        chosen.insert(0, (w_start, w_end))
        content += not spaced_part
    before = [w for w in words if w[1] <= chosen[0][0]]
    if (
        before
        and _ORDINAL.match(_word(doc, before[-1]))
        and _word(doc, chosen[0]) in ORDINAL_COMPOUNDS
    ):
        chosen.insert(0, before[-1])  # ``4차 산업혁명 대응 …사업``: the ordinal opens the name
    elif (
        before
        and _word(doc, before[-1]) == GOVERNMENT
        and _word(doc, chosen[0]) in RESEARCH_WORDS
        and len(chosen) >= 2
        and name_key(last) not in GENERIC
    ):
        # ``정부 R&D 특허전략지원사업``: government R&D is one thing, named with the rest
        chosen.insert(0, before[-1])
    start = doc[chosen[0][0]].idx
    name = text_of(doc)[start : phrase.end_char]
    while (
        name.split(" ", 1)[0] in NOT_NAME_WORDS | AREA_WORDS
        and " " in name
        and not name.startswith(f"{GOVERNMENT} ")
    ):
        head, name = name.split(" ", 1)
        start += len(head) + 1
    if name_key(name) in GENERIC or len(name_key(name)) < 4 or _a_kind(name):
        return None
    if _described(phrase, chosen[0][0]):
        return None
    if _PHASE.match(name) and name_key(_PHASE.sub("", name)) in GENERIC:
        return None
    return start, name


#: What a programme does to a facility named before it (``…센터 건립 사업``).
_BUILDING = re.compile(r"(?:건립|설립|구축|조성|건설|설치|신축|확충)")
#: An ordinal that opens the word after it (``4차 산업혁명``, ``제4차 산업혁명``).
_ORDINAL = re.compile(r"^제?\d+차$")
#: The words an ordinal makes one thing with (``4차 산업혁명``, ``6차 산업``); before any
#: other, it is the round of a call (``제2차 산업현장핵심기술수시개발사업``).
ORDINAL_COMPOUNDS = frozenset(["산업혁명", "산업", "산업화"])


def _word(doc: Doc, word: tuple[int, int]) -> str:
    """The text of a phrase's word, given as its token range."""
    return text_of(doc)[doc[word[0]].idx : doc[word[1] - 1].idx + len(doc[word[1] - 1].text)]


#: A track of a programme, named by its type and 과제 (``투자연계형 과제``, ``농공상 융합형
#: 과제``, ``글로벌 강소기업 육성과제``).
_TRACK = re.compile(r"[가-힣](?:형\s?(?:창업)?|\s?육성|\s?창업|협력|제안|연계|도약)과제$")
_COPULA = re.compile(r"\s*(?:이다|입니다|이었다|였다)")


def _described(phrase: Phrase, name_start: int) -> bool:
    """Whether the phrase only describes a programme: a clause before it and a copula
    after it (``…방향을 제시하는 맞춤형 R&D 전략 지원 사업이다``)."""
    doc = phrase.doc
    before = doc[name_start - 1] if name_start > 0 else None
    if before is None or not before.tag_.endswith("ETM"):
        return False
    return bool(_COPULA.match(text_of(doc), phrase.end_char))


#: Words that only say what kind of support a programme gives (``투자·융자 프로그램``,
#: ``비R&D 사업``): a name made of them and a head is a kind of programme, not one.
KIND_WORDS = frozenset(
    [
        *("투자", "융자", "보증", "지원", "출연", "보조", "연구개발", "기술개발", "R&D", "비R&D"),
        *("개발", "맞춤형", "자체", "단계별", "성장단계별", "기존", "별도"),
        # or of what size, term or standing it is (``대규모 플래그십 프로젝트``, ``중장기 사업``,
        # ``8대 선도사업``, ``각종 중점 추진사업``), or who takes part (``기업 참여 …``)
        *("대규모", "대형", "중대형", "소규모", "플래그십", "중장기", "장기", "단기"),
        *("선도", "중점", "추진", "각종", "기업", "참여", "평가", "운영"),
        # or whose or where it is run (``부처사업``, ``지역사업``, ``국정과제``, ``대표 R&D사업``)
        *("부처", "지역", "국제", "공공", "민간", "국정", "농정", "대표", "대표적", "자율"),
        # or what any programme does for people (``양성 프로그램``, ``멘토링 사업``, ``기업의
        # 육성화 사업``), or the word for a programme itself (``사업 프로그램``)
        *("양성", "육성", "육성화", "교육", "멘토링", "사업"),
    ]
)


#: A type of task: one word in 형 before 과제 (``품목지정형 과제``, ``자유공모형 과제``).
_TASK_TYPE = re.compile(r"^[가-힣]+형\s?과제$")


def _a_kind(name: str) -> bool:
    if _TASK_TYPE.match(name):
        return True  # how a programme's tasks are set or sized, not a programme
    words = re.split(r"[\s·ㆍ]+", _PHASE.sub("", name))
    head = next((h for h in (*HEADS, "과제") if words[-1].endswith(h)), "")
    stem = [w for w in words[:-1]] + ([words[-1][: -len(head)]] if head else [])
    # ``컨소시엄당 프로젝트``: what each unit gets, no name
    return all(w in KIND_WORDS or (w.endswith("당") and len(w) > 2) for w in stem if w)


class Programmes:
    name = EXTRACTOR
    needs_nlp = True
    needs_topic = True

    def __call__(self, source: Source) -> None:
        # ``‘2025년도 환경기술개발사업 신규과제’``: the programme, not the round's tasks
        quoted = [
            (m, _ROUND_TASKS.sub("", m.group(1).strip())) for m in QUOTED.finditer(source.text)
        ]
        quoted = [
            (m, inner)
            for m, inner in quoted
            if name_key(inner) not in GENERIC and re.search(r"[가-힣A-Za-z]", inner)
        ]
        listed = [
            m.span()
            for m, inner in quoted
            if name_key(inner).endswith(_QUOTED_HEADS)
            and _quoted_list(source, inner, m.start(1) + m.group(1).index(inner))
        ]
        phrases = source.phrases
        for k, phrase in enumerate(phrases):
            if any(a <= phrase.start_char < b for a, b in listed):
                continue  # the items of a quoted list are named already
            if k and _counted_apart(phrases[k - 1], phrase):
                phrase = Phrase(phrase.doc, phrases[k - 1].start, phrase.end)
            if _APPOSITION.match(source.text, phrase.end_char):
                continue  # ``…육성사업인 '월드클래스 300'``: what the quoted programme is
            named = (
                programme_name(phrase)
                or _track(source, phrase)
                or _funded_rnd(source, phrase)
                or _funded_development(source, phrase)
                or _funded_tasks(source, phrase)
            )
            if named is not None:
                start, name = named
                dated = _DATED.search(source.text, max(0, start - 8), start)
                aliases = (source.text[dated.start() : start] + name,) if dated else ()
                _add(source, name, start, start + len(name), 0.7, aliases)
        for m, inner in quoted:
            if m.span() in listed or _TERMS.search(inner) or _SLOGAN.search(inner):
                # ``‘최대 1년간 2억원 지원’``: the terms of support, not a name; ``‘돈이 되는
                # R&D’``: a clause with its subject or object, a slogan
                continue
            headed = name_key(inner).endswith(_QUOTED_HEADS)
            if name_key(inner).endswith(("개발", "과제")) and _TASK_TOPIC.search(
                source.text[max(0, m.start() - TASK_TOPIC_REACH) : m.start()]
            ):
                continue  # ``이번 기업제안과제에는 ‘… 개발’과 …``: a task's title, no programme
            head_after = _HEAD_AFTER.match(source.text, m.end())
            described = _described_as(source, m.start())
            if described is not None:
                # ``글로벌 강소기업 육성사업인 '월드클래스 300'``: the quoted name is the
                # programme, and what it is said to be another wording of it
                start = m.start(1) + m.group(1).index(inner)
                _add(source, inner, start, start + len(inner), 0.8, (described,))
            elif headed or _FUNDED.match(source.text, m.end()) or head_after:
                start = m.start(1) + m.group(1).index(inner)
                end = start + len(inner)
                # ``‘…’ 사업``: the name with its head is the same programme's
                with_head = (inner + head_after["head"],) if head_after else ()
                # ``‘2023년 창업성장기술개발사업’``: the yearly programme, its dated wording kept
                dated = _LEADING_DATE.match(inner)
                if dated and name_key(inner[dated.end() :]) not in GENERIC:
                    aliases = (inner, *with_head)
                    _add(source, inner[dated.end() :], start + dated.end(), end, 0.8, aliases)
                else:
                    _add(source, inner, start, end, 0.8, with_head)


#: An amount glossing the name before it: ``창업성장 R&D(1,624억원)``, ``(산학연 R&D, 1,520억원)``.
_GLOSSED_AMOUNT = re.compile(r"\s*[(,]\s*" + _WON + r"?\s*\)")


def _funded_rnd(source: Source, phrase: Phrase) -> tuple[int, str] | None:
    """``(창업성장 R&D, 1,624억원)``: a line of R&D glossed with its own budget is a
    programme, though it has no programme head."""
    text, end = _unglossed(phrase)
    if not text.endswith("R&D") or not _GLOSSED_AMOUNT.match(source.text, end):
        return None
    words = _named_words(text.split())
    name = " ".join(words)
    if not 2 <= len(words) <= MAX_WORDS + 1 or _a_kind(name) or name_key(name) in GENERIC:
        return None
    return end - len(name), name


def _named_words(words: list[str]) -> list[str]:
    """A phrase's words from the first that can open a name: past time, quantity and area
    words and a year (``올해 창업과제``, ``2020년 산학연 R&D``)."""
    while words and (words[0] in NOT_NAME_WORDS | AREA_WORDS or _YEAR_WORD.match(words[0])):
        words = words[1:]
    return words


def _unglossed(phrase: Phrase) -> tuple[str, int]:
    """The phrase's text and end without an amount glossing it that the phrase took in
    (``산학연 콜래보 R&D(316.6억)``)."""
    m = _TRAILING_AMOUNT.search(phrase.text)
    if m is None:
        return phrase.text, phrase.end_char
    return phrase.text[: m.start()], phrase.end_char - len(m.group())


_TRAILING_AMOUNT = re.compile(r"\s*\(\s*" + _WON + r"?\s*\)$")


#: One word naming a line of development, and the money it gets right after it
#: (``미래산업선도기술개발에 129억원``, ``에너지수요관리핵심기술개발이 141억원으로``).
_DEVELOPMENT = re.compile(r"[가-힣A-Za-z]{3,}기술개발")
_GETS = re.compile(r"(?:에는?|이|가|은|는)?\s*(?:총\s*)?" + _WON)


def _funded_development(source: Source, phrase: Phrase) -> tuple[int, str] | None:
    """A development line written as one word that gets a budget of its own is a programme
    though it has no programme head: budget tables and releases name them so."""
    text, end = _unglossed(phrase)
    word = text.split()[-1] if text.split() else ""
    # ``중소기업상용화기술개발(2297억)``: glossed with it, too
    gets = _GETS.match(source.text, end) or _GLOSSED_AMOUNT.match(source.text, end)
    if not _DEVELOPMENT.fullmatch(word) or not gets:
        return None
    if word.removesuffix("기술개발") in KIND_WORDS or name_key(word) in GENERIC:
        return None  # ``맞춤형기술개발에``: a kind of development, no line of its own
    return end - len(word), word


#: An amount with the number of tasks it funds (``200억 원(200개 과제)``), after an optional
#: gloss of the name before it (``기술이전사업화(1단계 PoC·PoM) 200억 원(200개 과제)``).
_TASKS_FUNDED = re.compile(
    r"\s*(?:[(（][^()（）]{1,30}[)）]\s*)?" + _WON + r"\s*[(（]\s*\d[\d,]*\s*개\s*과제\s*[)）]"
)


def _funded_tasks(source: Source, phrase: Phrase) -> tuple[int, str] | None:
    """A line of tasks with a budget of its own is a programme's track though it has no
    programme head: one glossed with its budget (``창업과제(760억원)``), or one printed with
    its budget and how many tasks that funds (``△구매연계·상생협력 201억 원(94개 과제)``)."""
    text = phrase.text
    gloss = TRAILING_GLOSS.search(text)  # ``기술이전사업화(1단계 PoC·PoM)``: the name before it
    end = phrase.end_char - (len(gloss.group()) if gloss else 0)
    words = _named_words((text[: gloss.start()] if gloss else text).split())
    name = " ".join(words)
    glossed = name.endswith("과제") and _GLOSSED_AMOUNT.match(source.text, phrase.end_char)
    if not (glossed or _TASKS_FUNDED.match(source.text, phrase.end_char)):
        return None
    stem = name.removesuffix("과제")
    if (
        len(name) < 4
        or len(words) > MAX_WORDS
        or stem in NOT_NAME_WORDS | KIND_WORDS
        or name_key(name) in GENERIC
    ):
        return None  # ``신규과제(1274억원)``: new tasks of all lines, no line of its own
    return end - len(name), name


def _track(source: Source, phrase: Phrase) -> tuple[int, str] | None:
    """``팁스 일반트랙``: a track named after the known programme it belongs to."""
    words = phrase.text.split()
    if len(words) < 2 or not words[-1].endswith(TRACK) or words[-1] == TRACK:
        return None
    if resolve(source.ctx.onto, "Programme", words[0]) is None:
        return None
    return phrase.start_char, phrase.text


def _quoted_list(source: Source, inner: str, start: int) -> bool:
    """``‘스타트업 100, 강소기업 100, 특화선도기업 100 프로젝트’``: a quoted list of programmes
    sharing the head printed once after the last; each is added, with the head as an alias.
    """
    parts = inner.split(",")
    if len(parts) < 2 or any(not p.strip() for p in parts):
        return False
    last, _, head = parts[-1].strip().rpartition(" ")
    if head not in HEADS or not last:
        return False
    if all(len(p.split()) == 1 for p in parts[:-1]) and len(last.split()) > 1:
        # ``‘소재, 부품, 장비 스타트업 100 지원 사업’``: single words listed before a longer
        # name are what it is about, one programme's name
        return False
    offset = 0
    for part in [*parts[:-1], last]:
        name = part.strip()
        at = inner.index(name, offset)
        offset = at + len(name)
        if name_key(name) not in GENERIC:
            _add(source, name, start + at, start + offset, 0.7, (f"{name} {head}",))
    return True


def _counted_apart(before: Phrase, phrase: Phrase) -> bool:
    """Whether ``phrase`` opens with a number that continues the name ``before`` holds
    (``초격차 스타트업 1000+ 프로젝트``: phrases part before a number that opens a word)."""
    first = phrase.words()[0]
    word = text_of(phrase.doc)[
        phrase.start_char : phrase.doc[first[1] - 1].idx + len(phrase.doc[first[1] - 1].text)
    ]
    return (
        before.end == phrase.start
        and phrase.doc[before.end - 1].whitespace_ == " "
        and _COUNTED.match(word) is not None
        and len(phrase.words()) == 2
    )


#: A programme phrase in apposition to a quoted name after it (``…육성사업인 '…'``).
_APPOSITION = re.compile(r"인\s*[" + re.escape(OPENING_QUOTES) + "]")
#: The programme phrase right before such an apposition.
_DESCRIBED_BY = re.compile(
    r"(?:^|[\s,(])(?P<what>[가-힣A-Za-z&·]+(?:\s[가-힣A-Za-z&·]+){0,2}?(?:사업|프로그램))인\s*$"
)


def _described_as(source: Source, quote_start: int) -> str | None:
    """What a quoted name is said to be right before it (``…육성사업인 '월드클래스 300'``),
    when that is a programme phrase."""
    m = _DESCRIBED_BY.search(source.text, max(0, quote_start - 40), quote_start)
    if m is None:
        return None
    what = m["what"]
    while what.split(" ", 1)[0] in NOT_NAME_WORDS and " " in what:
        what = what.split(" ", 1)[1]
    return None if name_key(what) in GENERIC else what


#: A year printed before a programme's name (``2023년 ``, ``2023 ``), with the round of its
#: call (``2015년도 제2차 ``).
_LEADING_DATE = re.compile(rf"^(?:19|20)\d{{2}}\s*년?도?\s+(?:{_ROUND_TEXT}\s+)?")
#: The shortest stem (in name-key characters) a programme is also known by without its head.
MIN_STEM = 4
#: A head printed apart from a programme's name (``팁스 프로그램``, ``세종과학펠로우십 사업``).
_HEAD_APART = re.compile(r"\s+(?:사업|프로그램)$")


def _add(
    source: Source, name: str, start: int, end: int, confidence: float, aliases: tuple[str, ...]
) -> None:
    """Add the programme; a known programme's name with its head printed apart
    (``팁스 프로그램``) is that programme, and any other's name so printed is also known
    without its head (``세종과학펠로우십 사업``: 세종과학펠로우십)."""
    stem = _HEAD_APART.sub("", name)
    if stem != name and (
        resolve(source.ctx.onto, "Programme", stem) is not None
        or (name_key(stem) not in GENERIC and len(name_key(stem)) >= MIN_STEM)
    ):
        aliases = (*aliases, stem)
    add_entity(source, Found("Programme", name, start, end, EXTRACTOR, confidence, aliases))
