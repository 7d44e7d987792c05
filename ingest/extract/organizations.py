"""Institutions named in prose, found by the shape of the name rather than a list.

Korean public bodies are written as one word ending in a typing suffix: ministries and
agencies end in 부/청/처 (``산업통상자원부``, ``방위사업청``, ``지식재산처``), institutes and
agencies in 진흥원/평가원/연구원/재단/공단/센터, committees in 위원회/자문회의 and so on.
Kiwi keeps such words together (``자원부``, ``평가원`` are single morphemes), so a word
whose nominal part ends in one of these suffixes is a candidate. An abbreviation printed
in brackets after it (``한국산업기술진흥원(KIAT)``) becomes an alias, and later bare uses
of the abbreviation are evidence for the same node.
"""

from __future__ import annotations

import itertools
import re

from spacy.tokens import Doc

from stkg.ingest.countries import parse_country
from stkg.ingest.extract.base import Source
from stkg.ingest.extract.nested import drop
from stkg.ingest.extract.phrases import (
    JOINERS,
    LIST_DOTS,
    QUOTED,
    cue_class,
    is_nominal,
    text_of,
    token_range,
)
from stkg.ingest.extract.resolve import Found, add_entity, resolve
from stkg.ingest.nlp.tokenizer import is_user_word
from stkg.ingest.normalize import name_key

#: Suffixes that type a word as an institution, with the confidence they carry.
LONG_SUFFIXES = {
    "진흥원": 0.9,
    "평가원": 0.9,
    "관리원": 0.85,
    "기획원": 0.85,
    "개발원": 0.85,
    "정보원": 0.8,
    "보호원": 0.85,
    "전략원": 0.85,
    "연구원": 0.75,
    "기술원": 0.8,
    "재단": 0.85,
    "공단": 0.85,
    "위원회": 0.9,
    "협회": 0.85,
    "협의회": 0.8,
    "협의체": 0.75,
    "중앙회": 0.85,
    "진흥회": 0.85,
    "연합회": 0.8,
    "학회": 0.8,
    "대학교": 0.85,
    "연구소": 0.8,
    "연구회": 0.8,
    "회의소": 0.85,
    "자문회의": 0.85,
    "장관회의": 0.8,  # ``과학기술관계장관회의``: ministers meeting as a standing body
    "심의회": 0.8,
    "센터": 0.7,
    "테크노파크": 0.85,
    "공사": 0.6,
    "기금": 0.6,
    "은행": 0.6,
    "기업청": 0.8,  # ``대전·세종지방중소벤처기업청``, where Kiwi may split off 청
    # task forces and headquarters (``R&D전략기획단``, ``국가전략기술특허지원단``,
    # ``과학기술혁신본부``); a bare one is named by the subject before it (:data:`BY_SUBJECT`)
    "추진단": 0.75,
    "기획단": 0.75,
    "지원단": 0.75,
    "본부": 0.75,
}
#: Ministries and agencies: one-syllable suffixes, trusted only on a word of 3+ syllables
#: whose last morpheme carries the suffix (not ``구매조건부``, where 부 is a suffix of its own).
SHORT_SUFFIXES = {"부": 0.75, "청": 0.75, "처": 0.7}
#: Common nouns for a counterpart that end like an agency (``수요처``): a word they end
#: (``해외수요처``) is one too.
COUNTERPARTS = frozenset(
    [
        *("수요처", "사용처", "거래처", "판매처", "납품처", "구매처", "연락처", "투자처"),
        *("수출처", "공급처", "조달처", "출처", "수입처"),
    ]
)
#: Everyday two-syllable nouns that end in 부, 처 or 청 (``지정여부``, ``…대처``): a word whose
#: last morpheme is one of them is no ministry or agency.
ENDS_LIKE_AN_AGENCY = frozenset(
    [
        *("여부", "거부", "기부", "승부", "포부", "안부", "납부", "배부", "첨부", "주부"),
        *("대처", "상처", "근처", "용처"),
        # a school's faculty, a person's affiliation (``서울대 전기공학부 교수``)
        *("학부", "공학부"),
    ]
)
#: Common nouns that end like an institution (places, parts, requests).
NOT_INSTITUTIONS = COUNTERPARTS | frozenset(
    [
        "사무처",
        "대부분",
        "일부",
        "전부",
        "내부",
        "외부",
        "세부",
        "상부",
        "하부",
        "본부",
        "간부",
        "지도부",
        "집행부",
        "요청",
        "신청",
        "민원청",
        "연구센터",
        "지원센터",
        "센터",
        "데이터센터",
        "콜센터",
        "고객센터",
        "우주센터",
        "전략위원회",
        "연구원",
        "위원회",
        "공사",
        "기금",
        "은행",
        "협회",
        "재단",
        "학회",
    ]
)
#: Common nouns ending in 센터 that a word may end in without naming a body
#: (``그린데이터센터``, ``AI콜센터``).
COMMON_CENTRES = ("데이터센터", "콜센터", "고객센터")
#: …but a big-data centre is a body that analyses data, not a building (``특허빅데이터센터``).
BIG_DATA_CENTRE = "빅데이터센터"
#: Stems that make an institution word a kind of body, not one (``출연연구소``, ``지역센터``).
KIND_STEMS = frozenset(
    [
        "출연",
        "정부출연",
        "국책",
        "공공",
        "민간",
        "지역",
        "해외",
        "관계",
        "전문",
        "산하",
        "유관",
        "지방",
        "부설",
        "기업부설",
        "전담",
        "각",
        "협력",
        "주관",
        "참여",
        "소속",
        "대학",
        "국내",
        "국립",
        # kinds of bank by market or role (``시중은행``, ``취급은행``, ``주거래은행``)
        *("시중", "취급", "주거래", "외국", "외국계"),
        # what a committee does, not whose it is (``특별위원회``, ``심의조정위원회``)
        *("특별", "운영", "심의", "심의조정", "자문", "실무", "추진", "평가", "조정", "선정"),
        "지원",
        "개발",  # ``개발협의체``: a council of the developers, unnamed
    ]
)
#: Generic words that end a word without making it a name (``수요신청``, ``지방정부``, ``범부처``,
#: ``중소벤처``, ``혁신바우처``: 처 ending a loanword).
NOT_INSTITUTION_ENDINGS = ("신청", "요청", "정부", "부처", "처부", "벤처", "바우처")
#: A ministry whose name ends in 정부 (``기획재정부``, ``안전행정부``), unlike ``지방정부`` or
#: ``미국 행정부``.
_MINISTRY_OF_ADMINISTRATION = re.compile(r"[가-힣]{2,}(?:행정|재정)부$")
_ABBREVIATION = re.compile(r"^[A-Z][A-Za-z&]{1,9}$")
EXTRACTOR = "organizations"
#: The longest quoted name read as a body's (``‘국가 특허 빅데이터 센터’``).
MAX_QUOTED_NAME = 30


_ANY_SUFFIX = re.compile("(?:" + "|".join([*LONG_SUFFIXES, *SHORT_SUFFIXES]) + ")$")


def institution_confidence(name: str, last_token: str) -> float | None:
    """How sure the shape of ``name`` makes it an institution (None: not one)."""
    if not _ANY_SUFFIX.search(name):
        return None
    if name in NOT_INSTITUTIONS or not re.search(r"[가-힣]", name):
        return None
    if name.endswith(NOT_INSTITUTION_ENDINGS) and not _MINISTRY_OF_ADMINISTRATION.search(name):
        return None
    if name.endswith(COMMON_CENTRES) and not name.endswith(BIG_DATA_CENTRE):
        return None
    for suffix, confidence in LONG_SUFFIXES.items():
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            stem = name[: -len(suffix)].replace(" ", "")
            return None if stem in KIND_STEMS else confidence
    short = SHORT_SUFFIXES.get(name[-1])
    if short is not None and len(name) >= 3 and len(last_token) >= 2:
        if last_token in COUNTERPARTS or last_token in ENDS_LIKE_AN_AGENCY:
            return None
        return short
    return None


#: The title of a body's head, glued to its name (``특허청장``, ``…진흥원장``, ``…센터장``).
HEAD_TITLE = "장"
#: Divisions whose head's title is a rank, not a body speaking (``미래전략본부장``).
RANKED = ("본부",)


#: A company marked as incorporated: ``㈜엔도로보틱스``, ``(주)한빛``, ``한빛(주)``.
_INCORPORATED = re.compile(
    r"(?:㈜|\(주\))\s?(?P<a>[가-힣A-Za-z][가-힣A-Za-z0-9&]{1,20})"
    r"|(?<![가-힣A-Za-z0-9&])(?P<b>[가-힣A-Za-z][가-힣A-Za-z0-9&]{1,20})(?:㈜|\(주\))"
)


def _incorporated(source: Source, doc: Doc, start: int, end: int) -> None:
    """The company a ㈜/(주) mark names: the nominal part of the word it is glued to."""
    first, last = token_range(doc, start, end)
    names = _names_in_word(doc, first, last)
    if not names or names[0][0] != first:
        return
    name_start, name_end = names[0]
    name = text_of(doc)[doc[name_start].idx : _end_char(doc, name_end)]
    if len(name) >= 2 and name != "주" and institution_confidence(name, name) is None:
        at = doc[name_start].idx
        add_entity(source, Found("Organization", name, at, at + len(name), EXTRACTOR, 0.8))


#: Nouns that say the next word names a company (``조선사인 한화오션``, ``혁신기업 엔도로보틱스``).
COMPANY_KINDS = (
    "기업",
    "업체",
    "회사",
    "스타트업",
    "조선사",
    "제약사",
    "협력사",
    "자회사",
    "계열사",
    "제조사",
    "건설사",
    "통신사",
    "완성차사",
)


#: Business groups whose name opens their companies' (``삼성전자``, ``SK하이닉스``,
#: ``두산산업차량``); 현대 is an everyday word too, so only before a business it runs.
BUSINESS_GROUPS = (
    *("삼성", "LG", "SK", "두산", "포스코", "한화", "롯데", "CJ", "GS", "LS", "효성", "코오롱"),
    "HD현대",
    "현대(?=자동차|모비스|중공업|건설|제철|로템|글로비스|위아|오일뱅크|엘리베이터)",
)
#: A group's name glued to two or more Hangul syllables, or to a few capitals (``삼성SDI``):
#: one of its companies.
_GROUP_COMPANY = re.compile(rf"(?:{'|'.join(BUSINESS_GROUPS)})(?:[가-힣]{{2,8}}|[A-Z]{{2,4}})")
GROUP_CONFIDENCE = 0.6
#: A business group named alone (``LG 삼성 SK 등 3개사``, ``포스코가``): the group, as a
#: party; 현대 is an everyday word and stays out.
_GROUP_ALONE = re.compile(
    r"(?<![가-힣A-Za-z0-9&])(?P<name>"
    + "|".join(g for g in BUSINESS_GROUPS if not g.startswith("현대"))
    + r")(?=(?:[은는이가과와의도을를]|에서|에|으로|로)?(?![가-힣A-Za-z0-9&]))"
)
#: A company printed with its six-digit stock code (``삼성중공업(010140)``, ``LG전자(066570)``).
_LISTED = re.compile(
    r"(?<![가-힣A-Za-z0-9&])(?P<name>[가-힣A-Za-z][가-힣A-Za-z0-9&]{1,19})\s?[(（]\d{6}[)）]"
)


#: The National Assembly where it acts on a budget or a bill (``국회 본회의에서 의결``,
#: ``국회에 제출``, ``국회를 통과``); not a 국회의원, a member, nor a 국회 seminar.
_LEGISLATURE = re.compile(
    r"(?<![가-힣])(?P<name>국회)(?=\s*(?:본회의|에\s*제출|[를을]\s*통과|에서\s*(?:의결|통과|확정|심의)"
    r"|의\s*(?:의결|심의)|(?:심의|의결)))"
)


#: A province's government where it acts (``경기도는``, ``충북도가``, ``경남도와 경남TP``,
#: ``경북도·R&D기관``, ``충북도에 따르면``): the body, not the place (``경기도내``, ``경기도
#: 소재``).
#: Provinces by their short names (``충북``); with 도 they name the province (``충북도``).
PROVINCES = ("경기", "강원", "충북", "충남", "전북", "전남", "경북", "경남", "제주")
#: The metropolitan cities, whose governments act like a province's (``부산시는``,
#: ``울산광역시가``).
METROPOLITAN = ("서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종")
_PROVINCE_ACTING = re.compile(
    rf"(?<![가-힣])(?P<name>(?:{'|'.join(PROVINCES)})도"
    r"|(?:충청|전라|경상)[남북]도|(?:강원|전북|제주)특별자치도"
    rf"|(?:{'|'.join(METROPOLITAN)})(?:시|광역시|특별시|특별자치시))"
    r"(?=(?:는|가|와|과)\s|·|\s*에\s*따르면)"
)


#: The full names of the provinces whose short name has a full form of its own.
_PROVINCES_IN_FULL = {
    "충북": ("충청북도",),
    "충남": ("충청남도",),
    "전북": ("전라북도", "전북특별자치도"),
    "전남": ("전라남도",),
    "경북": ("경상북도",),
    "경남": ("경상남도",),
    "강원": ("강원특별자치도",),
    "제주": ("제주특별자치도",),
    **{city: (f"{city}광역시",) for city in ("부산", "대구", "인천", "광주", "대전", "울산")},
    "서울": ("서울특별시",),
    "세종": ("세종특별자치시",),
}


def _province_in_full(text: str, name: str) -> str:
    """A province's full name for its short one (``경북도``: ``경상북도``) when the text
    prints it too; else the name as printed."""
    return next((f for f in _PROVINCES_IN_FULL.get(name[:-1], ()) if f in text), name)


#: A holder of patents ranked with its country in brackets and its count after: ``퀄컴(미국)이
#: 1만252건으로``, ``톰슨라이센싱(프랑스)이 907``.
_HOLDER_WITH_COUNTRY = re.compile(
    r"(?<![가-힣A-Za-z0-9])(?P<name>[가-힣A-Za-z][가-힣A-Za-z&]{1,19})\s?[(（](?P<country>[가-힣]{2,6})[)）]"
    r"(?:이|가|은|는)\s*(?:총\s*)?\d"
)


#: Bodies a pattern names whole (its ``name`` group), with the confidence each carries: a
#: listed company, a business group named alone, the National Assembly acting on a budget,
#: a province's government acting.
NAMED_BY_PATTERN = (
    (_LISTED, 0.7),
    (_GROUP_ALONE, 0.5),
    (_LEGISLATURE, 0.7),
    (_PROVINCE_ACTING, 0.6),
)


class Organizations:
    name = EXTRACTOR
    needs_nlp = True
    needs_topic = True

    def __call__(self, source: Source) -> None:
        doc = source.analysis
        aliases: dict[str, str] = {}  # abbreviation → full name, as the text defines them
        words = _words(doc)
        for (_, before_end), (start, end) in itertools.pairwise(words):
            _company_after_its_kind(source, doc, before_end, start, end)
        for k, (start, end) in enumerate(words):
            for name_start, name_end in _names_in_word(doc, start, end):
                name = text_of(doc)[doc[name_start].idx : _end_char(doc, name_end)]
                confidence = institution_confidence(name, doc[name_end - 1].text)
                name_end_char = _end_char(doc, name_end)
                titled = (
                    confidence is None
                    and name.endswith(HEAD_TITLE)
                    and name[: -len(HEAD_TITLE)].endswith(tuple(LONG_SUFFIXES))
                    # a 본부장 is a rank (``과학기술혁신본부장``: a ministry's vice-minister)
                    and not name[: -len(HEAD_TITLE)].endswith(RANKED)
                )
                if confidence is None and _GROUP_COMPANY.fullmatch(name):
                    confidence = GROUP_CONFIDENCE  # ``LG전자는``, ``삼성전자가``: a group's firm
                if titled:  # ``…정책연구센터장은``: the body its head speaks for
                    name, name_end_char = name[: -len(HEAD_TITLE)], name_end_char - 1
                    confidence = institution_confidence(name, name)
                generic = name in GENERIC_BODIES
                if (
                    (confidence is None or generic)
                    and name_start == start
                    and k > 0
                    and (name in BY_SUBJECT or generic)
                ):
                    # ``국가전략기술 특별위원회``, ``녹색성장 과학기술계 협의체``, ``로봇산업
                    # 정책협의회``: a body named by its subject before it, in a word or a few
                    name_start = _subject_words(doc, words, k, name_start)
                    if name_start != start:
                        name = text_of(doc)[doc[name_start].idx : name_end_char]
                        confidence = COMMITTEE_CONFIDENCE
                    elif generic:
                        continue  # ``분야별 분과위원회``: a kind of body, no subject named
                if (
                    confidence is not None
                    and name_start == start
                    and k > 0
                    and name.endswith("위원회")
                    and _dotted_subject(doc, words[k - 1])
                ):
                    # ``소재·부품·장비 경쟁력위원회``: a subject listed before a committee
                    name_start = _subject_start(doc, words[k - 1], name_start)
                    name = text_of(doc)[doc[name_start].idx : name_end_char]
                if (
                    confidence is not None
                    and name_start == start
                    and k > 0
                    and name.endswith(tuple(BY_SUBJECT))
                    and _QUALIFIER.fullmatch(_word(doc, words[k - 1]))
                ):
                    # ``R&D 전략기획단``, ``범부처 로봇산업정책협의회``: what it is for or whose
                    name_start = words[k - 1][0]
                    name = text_of(doc)[doc[name_start].idx : name_end_char]
                if confidence is None or (name_start == start and _venue(doc, words, k)):
                    continue
                if _ALMA_MATER.match(text_of(doc), name_end_char):
                    continue  # ``부산대학교 행정학과를 졸업``: where a person studied
                if (
                    name_start == start
                    and k > 0
                    and _COUNTED.fullmatch(_word(doc, words[k - 1]))
                    and resolve(source.ctx.onto, "Organization", name) is None
                ):
                    continue  # ``선진 5개 지식재산관청``: a kind of body, counted
                if name_start == start and k > 0 and name.endswith(SUB_UNITS):
                    name_start = _parent_start(doc, words[k - 1], name_start)
                    name = text_of(doc)[doc[name_start].idx : name_end_char]
                at = doc[name_start].idx
                glued = _unglued(name) if " " not in name else [name]
                for part in glued[:-1]:  # all but the last: that one may carry a gloss
                    add_entity(
                        source, Found("Organization", part, at, at + len(part), EXTRACTOR, 0.7)
                    )
                    at += len(part)
                if len(glued) > 1:
                    name = glued[-1]
                    confidence = institution_confidence(name, name) or confidence
                abbreviation = None if titled else _bracketed_abbreviation(doc, name_end)
                found = Found(
                    "Organization",
                    name,
                    at,
                    name_end_char,
                    EXTRACTOR,
                    confidence,
                    (abbreviation,) if abbreviation else (),
                )
                add_entity(source, found)
                if abbreviation:
                    aliases[abbreviation] = name
        for m in QUOTED.finditer(source.text):
            _quoted_institution(source, doc, m.start(1), m.end(1))
        for pattern, confidence in NAMED_BY_PATTERN:
            for m in pattern.finditer(source.text):
                name = _province_in_full(source.text, m["name"])
                short: tuple[str, ...] = ()
                if pattern is _PROVINCE_ACTING and name != m["name"]:
                    short = (m["name"],)  # ``경북도`` where the text prints ``경상북도`` too
                found = Found(
                    "Organization", name, m.start(), m.end("name"), EXTRACTOR, confidence, short
                )
                add_entity(source, found)
        for m in _HOLDER_WITH_COUNTRY.finditer(source.text):
            if (
                parse_country(m["country"]) is not None
                and resolve(source.ctx.onto, "Organization", m["name"]) is None
                and parse_country(m["name"]) is None
            ):
                # ``노키아(핀란드)가 2,559건으로 2위``: a holder ranked with its country
                found = Found(
                    "Organization", m["name"], m.start("name"), m.end("name"), EXTRACTOR, 0.6
                )
                add_entity(source, found)
        for m in _INCORPORATED.finditer(source.text):
            _incorporated(source, doc, m.start("a") if m["a"] else m.start("b"), m.end())
        for m in _FORMER_NAME.finditer(source.text):
            _former_name(source, m)
        for token in doc if aliases else ():
            full = aliases.get(token.text)
            if full is not None and token.tag_ == "SL":
                found = Found(
                    "Organization",
                    full,
                    token.idx,
                    token.idx + len(token.text),
                    EXTRACTOR,
                    0.8,
                    (token.text,),
                )
                add_entity(source, found)


#: A body's former name in brackets after its name: ``지식재산처(옛 특허청)``, ``(구 …)``.
_FORMER_NAME = re.compile(
    r"(?<![가-힣A-Za-z])(?P<name>[가-힣A-Za-z·]{2,30})\s?[(（]\s*(?:옛|구|舊|前)\s*"
    r"(?P<former>[가-힣A-Za-z·]{2,30})\s*[)）]"
)


def _former_name(source: Source, m: re.Match[str]) -> None:
    """``지식재산처(옛 특허청)``: the former name identifies the body it became; printed only
    there, it is an alias of that body, not a body of its own in this text."""
    name, former = m["name"], m["former"]
    if (
        institution_confidence(name, name) is None
        and resolve(source.ctx.onto, "Organization", name) is None
    ):
        return
    node_id = add_entity(
        source,
        Found("Organization", name, m.start("name"), m.end("name"), EXTRACTOR, 0.8, (former,)),
    )
    if node_id is None:
        return
    facts, key = source.ctx.facts, name_key(former)
    alone = {
        n.id
        for n in facts.nodes.values()
        if n.cls == "Organization"
        and n.id != node_id
        and key
        in {name_key(str(f)) for f in (n.props.get("name"), *(n.props.get("aliases") or ()))}
        and n.evidence
        and all(
            e.start is not None and m.start() <= e.start and (e.end or 0) <= m.end()
            for e in n.evidence
        )
    }
    drop(facts, alone)


def _quoted_institution(source: Source, doc: Doc, start: int, end: int) -> None:
    """A body named in quotes in several words (``‘국가 특허 빅데이터 센터’를 개소``): the
    quotes delimit the name the words alone would not make one, and its suffix types it."""
    name = source.text[start:end].strip()
    if " " not in name or len(name) > MAX_QUOTED_NAME:
        return
    first, last = token_range(doc, start, end)
    if last <= first or not all(is_nominal(t) for t in doc[first:last]):
        return
    confidence = institution_confidence(name, doc[last - 1].text)
    if confidence is not None:
        at = source.text.index(name, start)
        add_entity(source, Found("Organization", name, at, at + len(name), EXTRACTOR, confidence))


def _company_after_its_kind(
    source: Source, doc: Doc, before_end: int, start: int, end: int
) -> None:
    """A proper noun right after a company-kind noun names a company: ``대형 조선사인
    한화오션과``, ``딥테크 혁신기업 엔도로보틱스에서``."""
    kind_end = before_end - 1 if doc[before_end - 1].tag_.startswith("VCP") else before_end
    kind = doc[kind_end - 1]
    if not kind.text.endswith(COMPANY_KINDS) or not is_nominal(kind):
        return
    names = _names_in_word(doc, start, end)
    if len(names) >= 3 and names[0][0] == start:
        _companies_listed(source, doc, names, end)  # ``클라우드 기업 A·B·C``
        return
    if not names or names[0][0] != start or doc[start].tag_ != "NNP":
        return
    if names[0][1] == end and end < len(doc) and is_nominal(doc[end]):
        return  # ``중소기업 기술이전 전용사업``: the word goes on into a longer noun phrase
    if is_user_word(doc[start].text):  # a term from the reference data, not an unknown name
        return
    name_start, name_end = names[0]
    name = text_of(doc)[doc[name_start].idx : _end_char(doc, name_end)]
    if institution_confidence(name, doc[name_end - 1].text) is not None or len(name) < 2:
        return  # an institution: the suffix rule's
    found = Found(
        "Organization", name, doc[name_start].idx, _end_char(doc, name_end), EXTRACTOR, 0.6
    )
    add_entity(source, found)


def _companies_listed(source: Source, doc: Doc, names: list[tuple[int, int]], end: int) -> None:
    """Three or more names joined by middle dots right after a company-kind noun are
    companies, unless one is a term of the reference data or a cue noun follows them
    (``중소기업 반도체·디스플레이·바이오 분야``: fields)."""
    text = text_of(doc)
    parts = [(text[doc[a].idx : _end_char(doc, b)], a, b) for a, b in names]
    if any(is_user_word(doc[a].text) or not 2 <= len(name) <= 15 for name, a, _ in parts):
        return
    if end < len(doc) and cue_class(doc[end].text) is not None:
        return
    if any(doc[b].text not in LIST_DOTS for (_, b), _ in itertools.pairwise(names)):
        return  # ``중소기업 연구개발(R&D)사업화``: a gloss in brackets, no list of firms
    for name, a, b in parts:
        if institution_confidence(name, doc[b - 1].text) is None:
            found = Found("Organization", name, doc[a].idx, _end_char(doc, b), EXTRACTOR, 0.6)
            add_entity(source, found)


#: A school's department and degree after its name: a person's studies, not a party.
_ALMA_MATER = re.compile(
    r"\s*(?:[가-힣]{1,10}(?:학과|학부|전공|대학원)\s*(?:를|을|에서)?\s*)?"
    r"(?:졸업|수료|[가-힣]{1,8}\s*(?:학사|석사|박사)\s*(?:학위|과정)?)"
)
#: Institutions that belong to a parent named right before them (``서울대 경제연구소``).
SUB_UNITS = ("연구소", "연구센터", "연구단", "사업단", "병원", "센터")
#: Committees named by what they do, which a subject word before them names
#: (``국가전략기술 특별위원회``, ``탄소중립 특별위원회``).
COMMITTEES = frozenset(["특별위원회", "자문위원회", "운영위원회", "실무위원회", "추진위원회"])
#: Bodies a bare word names by what they do, and the subject before it by what about
#: (``국가전략기술 특별위원회``, ``미래성장동력 추진단``).
BY_SUBJECT = COMMITTEES | {"추진단", "기획단", "지원단", "지원본부", "추진본부", "협의체", "협의회"}
#: … and research or support centres (``휴머노이드로봇 연구센터``): a bare one names no body.
BY_SUBJECT |= {"연구센터", "지원센터"}
#: A word before a body's one-word name that is part of it: an acronym of what it is for
#: (``R&D 전략기획단``) or whose it is (``범부처 …협의회``).
_QUALIFIER = re.compile(r"[A-Za-z][A-Za-z&\-]*|범부처")
#: How many subject words a body named by its subject may take (``국가 탄소소재 IP 협의체``).
MAX_SUBJECT_WORDS = 3
#: Words that date or count a body, not name its subject (``올해 추진단``).
_NOT_SUBJECT_WORDS = frozenset(["올해", "내년", "지난해", "작년", "금년", "신규", "최근", "향후"])
COMMITTEE_CONFIDENCE = 0.7
#: Words before a committee that name none of its subject (``이번 특별위원회``).
_NO_SUBJECT = frozenset(
    [
        *("이", "그", "이번", "해당", "각", "동", "전체", "민간", "정부", "합동", "공동", "직속"),
        # who sits on it, not what about (``전문가 협의체``, ``민·관 연구 협의체``)
        *("전문가", "연구", "민관", "민·관", "관계부처", "부처", "실무", "범부처"),
    ]
)


#: What a body named by its subject does, glued before its kind (``정책협의회``,
#: ``분과위원회``): the word names no body without the subject before it.
#: … and who sits on it or what stage it serves (``민관협의회``, ``상용화연구센터``).
GENERIC_BODY_PREFIXES = (
    *("정책", "분과", "운영", "실무", "자문", "추진", "기획", "육성", "전략"),
    *("민관", "상용화"),
)
GENERIC_BODIES = frozenset(
    prefix + body for prefix in GENERIC_BODY_PREFIXES for body in (*BY_SUBJECT, "위원회")
)


def _dotted_subject(doc: Doc, word: tuple[int, int]) -> bool:
    """Whether a word lists nouns joined by middle dots (``소재·부품·장비``), not who runs
    the body (``민·관합동``)."""
    text = text_of(doc)[doc[word[0]].idx : _end_char(doc, word[1])]
    return any(ch in LIST_DOTS for ch in text) and not text.endswith(_RUN_BY)


#: How a body is run, not what about: ``민·관합동 …위원회``.
_RUN_BY = ("합동", "공동", "주재")


def _word(doc: Doc, word: tuple[int, int]) -> str:
    return text_of(doc)[doc[word[0]].idx : _end_char(doc, word[1])]


def _subject_words(doc: Doc, words: list[tuple[int, int]], k: int, start: int) -> int:
    """Where a body named by its subject starts: back over up to three subject words on its
    line (``국가 탄소소재 IP 협의체``), stopping at a body (``산업부 R&D 전략기획단``: whose it
    is, not its name) or a time word."""
    first = start
    for back in range(1, MAX_SUBJECT_WORDS + 1):
        if k - back < 0:
            break
        before = words[k - back]
        word = _word(doc, before)
        if "\n" in doc[before[1] - 1].whitespace_ or word in _NOT_SUBJECT_WORDS:
            break
        if institution_confidence(word, doc[before[1] - 1].text) is not None:
            break
        at = _subject_start(doc, before, first)
        if at == first:
            break
        first = at
    return first


def _subject_start(doc: Doc, before: tuple[int, int], start: int) -> int:
    """Where a committee's name starts: at the subject word right before it, when that word
    is all nouns (no particle) and says what about (``국가전략기술 특별위원회``)."""
    word = text_of(doc)[doc[before[0]].idx : _end_char(doc, before[1])]
    nominal = all(is_nominal(t) and t.tag_ != "SN" for t in doc[before[0] : before[1]])
    if not nominal or word in _NO_SUBJECT or word in KIND_STEMS or len(word) < 2:
        return start
    if word.endswith("별"):
        return start  # ``분야별 분과위원회``: one per field, named by none
    return before[0]


#: A count of bodies printed as a word before their kind (``5개``, ``12곳``).
_COUNTED = re.compile(r"\d[\d,]*\s?(?:개|곳|개의)")
#: Words that name a university in short (``서울대``, ``카이스트``) or in full.
_UNIVERSITY = re.compile(r"^[가-힣]{1,6}(?:대|대학|대학교)$")
#: A university's short name (``숭실대``, ``순천향대``): two to four syllables and 대 (one
#: syllable and 대 is as often an everyday word: ``확대``, ``현대``, ``고대``).
_SHORT_UNIVERSITY = re.compile(r"^[가-힣]{2,4}대$")
#: Words of three or more syllables ending in 대 that name no university.
NOT_UNIVERSITIES = frozenset(
    # ``초거대 AI``, a vehicle's ``충전대``, an army's ``군부대``: a 대 of size, stand or unit
    ["초거대", "군부대", "거치대", "충전대", "관제대", "신세대", "구세대", "전세대", "차세대"]
)


#: A region named by its sphere (``수도권``, ``대구·경북권``, ``동남권``).
_REGION = re.compile(r"^[가-힣·ㆍ]{1,8}권$")


def is_place(words: str) -> bool:
    """Whether ``words`` name places only: regions, cities and provinces, districts
    (``충청권``, ``대구·경북``, ``서울 강남구``)."""
    parts = [p for p in re.split(r"[·ㆍ,\s]+", words.strip()) if p]
    return bool(parts) and all(p in CITIES or _REGION.match(p) or _DISTRICT.match(p) for p in parts)


def is_short_university(name: str) -> bool:
    """Whether ``name`` has the shape of a university's short name (``창원대``); alone it
    proves little, but a list of such names is one of universities."""
    return bool(_SHORT_UNIVERSITY.match(name)) and name not in NOT_UNIVERSITIES


#: Address words: a place named after one is where something happens (``서울 강남구
#: 한국기술센터에서 열린``), not who does it.
_DISTRICT = re.compile(r"^[가-힣]{1,5}(?:구|군|시|동|읍|면)$")
#: Cities and provinces by their short names (``광주``, ``충남``), as addresses print them.
CITIES = frozenset([*METROPOLITAN, *PROVINCES])


def _parent_start(doc: Doc, before: tuple[int, int], start: int) -> int:
    """Where a sub-unit's name starts: at its parent's word when that is a university or an
    institution written as one bare word right before it."""
    parent = text_of(doc)[doc[before[0]].idx : _end_char(doc, before[1])]
    if not all(is_nominal(t) for t in doc[before[0] : before[1]]):
        return start
    if _UNIVERSITY.match(parent) or institution_confidence(parent, doc[before[1] - 1].text):
        return before[0]
    return start


def _venue(doc: Doc, words: list[tuple[int, int]], k: int) -> bool:
    """Whether the k-th word names a venue: after an address word or a 장소 label, or a
    centre an event is held in (``한국지식재산센터에서 설명회를 연다``)."""
    if _held_in(doc, words[k]):
        return True
    if k == 0:
        return False
    before = text_of(doc)[doc[words[k - 1][0]].idx : _end_char(doc, words[k - 1][1])]
    line = text_of(doc)[: doc[words[k][0]].idx].rsplit("\n", 1)[-1]
    if _DISTRICT.match(before) or re.search(r"장소\s*[:：]\s*$", line):
        return True
    # ``18일 광주 김대중컨벤션센터를 시작으로 19일 대전 충남대학교``: a day and a city, a tour
    day = ""
    if k > 1:
        day = text_of(doc)[doc[words[k - 2][0]].idx : _end_char(doc, words[k - 2][1])]
    # (``19일 서울 ○○위원회 대회의실에서``: the body whose room it is stays a body)
    after = text_of(doc)[_end_char(doc, words[k][1]) :][:8]
    name = text_of(doc)[doc[words[k][0]].idx : _end_char(doc, words[k][1])]
    if (
        name.rstrip(" /,").endswith(VENUE_SUFFIX)
        and before.endswith(",")
        and before[:-1] in CITIES
        and _SCHEDULED.search(line[-24:])
    ):
        # ``1. 18.(목) 광주, 김대중컨벤션센터 / …``: a schedule's centre is where, not who
        return True
    return (
        before in CITIES
        and re.fullmatch(r"\d{1,2}일(?:에는|에|은|엔)?", day) is not None
        and not re.match(r"\s*(?:대회의실|회의실|대강당|강당|본관|별관|대연회장)", after)
    )


#: A day of a schedule, printed with its weekday: ``1. 18.(목)``, ``18일(목)``.
_SCHEDULED = re.compile(r"\d{1,2}\s*[.일]\s*\((?:월|화|수|목|금|토|일)\)")


#: A place an event is held in: ``…에서 개소행사를 개최했다``, ``…에서 설명회를 연다``.
_HOSTING = re.compile(r"\s+[^.,\n]{0,60}?(?:개최|열[었렸린리고]|연다|열린다)")
#: The building-like bodies a sentence may name only as where an event is held.
VENUE_SUFFIX = "센터"


def _held_in(doc: Doc, word: tuple[int, int]) -> bool:
    """Whether the word is a centre followed by 에서 and an event held there."""
    start, end = word
    if end - start < 2 or doc[end - 1].text != "에서":
        return False
    name = text_of(doc)[doc[start].idx : _end_char(doc, end - 1)]
    return (
        name.endswith(VENUE_SUFFIX)
        and _HOSTING.match(text_of(doc), _end_char(doc, end)) is not None
    )


def _end_char(doc: Doc, end: int) -> int:
    last = doc[end - 1]
    return last.idx + len(last.text)


def _words(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of whitespace-separated words."""
    out, begin = [], 0
    for i, token in enumerate(doc):
        if token.whitespace_ or token.tag_ == "_SP":
            if i + 1 > begin:
                out.append((begin, i + 1))
            begin = i + 1
    if begin < len(doc):
        out.append((begin, len(doc)))
    return out


#: Brackets inside a word separate names (``매칭기관(기술보증기금·한국산학연협회)``).
BRACKETS = frozenset("()（）")


def _names_in_word(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The nominal runs of a word, split at joiners (``과기정통부·산업부`` → two) and
    brackets."""
    out, begin = [], None
    for i in range(start, end):
        token = doc[i]
        if (is_nominal(token) and token.text not in JOINERS) or _joiner_in_letters(
            doc, i, start, end
        ):
            begin = i if begin is None else begin
            continue
        if begin is not None:
            out.append((begin, i))
            if not is_nominal(token) and token.text not in BRACKETS:
                return _joint_places(doc, out)  # a particle ends the word's name part
        begin = None
    if begin is not None:
        out.append((begin, end))
    return _joint_places(doc, out)


def _joiner_in_letters(doc: Doc, i: int, start: int, end: int) -> bool:
    """Whether token ``i`` is an ampersand or hyphen glued between letters (``R&D특허센터``,
    ``IP-R&D``)."""
    return (
        doc[i].text in ("&", "-")
        and start < i < end - 1
        and doc[i - 1].tag_ == "SL"
        and doc[i + 1].tag_ == "SL"
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
    )


def _joint_places(doc: Doc, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``대전·세종지방중소벤처기업청``: a city or province joined by a dot to a body's name
    is a place the body serves with the next one, and part of its name."""
    out: list[tuple[int, int]] = []
    for run in runs:
        if out and run[0] == out[-1][1] + 1 and doc[out[-1][1]].text in LIST_DOTS:
            head = text_of(doc)[doc[out[-1][0]].idx : _end_char(doc, out[-1][1])]
            if head in CITIES:
                out[-1] = (out[-1][0], run[1])
                continue
        out.append(run)
    return _dotted_committee(doc, out)


#: Heads of a body named after what it is for (``…경쟁력위원회``, ``…협의회``).
_BY_SUBJECT_HEAD = re.compile(r"(?:위원회|협의회|협의체|추진단|기획단)$")


def _dotted_committee(doc: Doc, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``소재·부품·장비경쟁력위원회``: a committee's subject listed with dots in the same word
    is part of its name, when no listed part is a body of its own."""
    if len(runs) < 2 or not _BY_SUBJECT_HEAD.search(_run_text(doc, runs[-1])):
        return runs
    joined = all(
        b == nxt[0] - 1 and doc[b].text in LIST_DOTS and not doc[b - 1].whitespace_
        for (_, b), nxt in itertools.pairwise(runs)
    )
    parts = [_run_text(doc, run) for run in runs[:-1]]
    if not joined or any(institution_confidence(p, p) is not None for p in parts):
        return runs
    return [(runs[0][0], runs[-1][1])]


def _run_text(doc: Doc, run: tuple[int, int]) -> str:
    return text_of(doc)[doc[run[0]].idx : _end_char(doc, run[1])]


def _unglued(name: str) -> list[str]:
    """A name split where a text that lost its separators glued institutions together
    (``기획재정부외교부국방부``), when every part is an institution by its shape; else the
    name alone. A name with a list dot kept its separators, and lost none
    (``소재·부품·장비경쟁력위원회`` is no ``소재·부`` glued to another body)."""
    if any(ch in LIST_DOTS for ch in name):
        return [name]
    for cut in range(3, len(name) - 2):
        head = name[:cut]
        if institution_confidence(head, head) is None:
            continue
        rest = _unglued(name[cut:])
        if len(rest) > 1 or institution_confidence(rest[0], rest[0]) is not None:
            return [head, *rest]
    return [name]


def _bracketed_abbreviation(doc: Doc, end: int) -> str | None:
    """``(KIAT)`` right after the name, as an abbreviation."""
    if end + 2 < len(doc) and doc[end].text in "(（" and doc[end + 2].text in ")）":
        text = doc[end + 1].text
        if _ABBREVIATION.match(text):
            return text
    return None
