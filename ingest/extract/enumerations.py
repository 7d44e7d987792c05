"""Items listed in a sentence and typed by the noun that governs the list.

``녹색, 첨단 융합, 제조기반 등 3개 대분야`` lists fields; ``12가지 기술은 반도체·디스플레이,
이차전지, … 양자다`` lists strategic technologies; ``주요 지원 분야는 반도체·디스플레이
315억원, 기계·장비 546억원 …`` lists fields with a budget each; ``현대중공업, LG전자 등 10개
기업`` lists companies. A list is two or more noun phrases separated by commas (the last
may be joined by 및/와/과); the governing *cue* is the noun after it (past 등, a count)
or the topic before it (``X는``/``X로는``/``X:``). The cue's last noun decides the class
(:data:`CUE_CLASSES`); a list without a cue is not typed and not kept.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass
from itertools import takewhile

from spacy.tokens import Doc

from stkg.ingest.countries import parse_country
from stkg.ingest.extract.base import Source
from stkg.ingest.extract.organizations import (
    institution_confidence,
    is_place,
    is_short_university,
)
from stkg.ingest.extract.phrases import (
    BULLET_MARKERS,
    COUNTED,
    CUE_CLASSES,
    CUE_HEADS,
    JOINERS,
    LIST_DOTS,
    NATIVE_COUNTS,
    QUOTE_MARKS,
    QUOTED,
    SENTENCE_END,
    TASKS_AFTER,
    TRAILING_GLOSS,
    Phrase,
    cue_class,
    dotted_parts,
    text_of,
)
from stkg.ingest.extract.programmes import HEADS as PROGRAMME_HEADS
from stkg.ingest.extract.resolve import PERSON_TITLES, Found, add_entity, resolve
from stkg.ingest.normalize import name_key

#: When a list has no cue, each item's own last noun may type it: a listed ``…제어기술`` is a
#: technology, a listed ``…금속소재`` or ``…센서 모듈`` a product.
HEAD_CLASSES = (
    ("기술", "CoreTechnology"),
    *(
        (h, "StrategicProduct")
        for h in ("소재", "부품", "장비", "모듈", "장치", "시스템", "센서", "칩", "소자")
    ),
)


def head_class(item: str) -> str | None:
    for head, cls in HEAD_CLASSES:
        if item.endswith(head) and len(item) > len(head) + 1:
            return cls
    return None


#: A listed programme ends like one (``…기술개발``, ``…지원``, ``…과제``); other items under a
#: 사업 cue are its terms (``신청자격``, ``접수방법``).
PROGRAMME_ENDINGS = (
    "개발",
    "지원",
    "사업",
    "과제",
    "육성",
    "혁신",
    "R&D",
    "프로그램",
    "바우처",
    "구축",
    "실증",
    "조성",
)


#: An item that ends in its class's own cue noun is a kind, not a name (``해외기업``, ``공공기관``).
GENERIC_ENDINGS = {
    "Organization": ("기업", "업체", "기관", "대학", "기업들", "공공연", "출연연"),
    "Programme": ("사업",),
}
#: What may stand between two items (lists behind bullets or circled numbers: :mod:`.bullets`).
_LIST_JOIN = re.compile(
    rf"^\s*(?:,|및|와|과|、|[{LIST_DOTS}]|[을를]\s*비롯[해한]|[은는]\s*물론|뿐\s*아니라"
    # a ranking: ``분야별로는 A가 12개로 가장 많고 B 8개, C 5개 순``
    r"|[이가]\s*\d[\d,.]*\s*(?:개|건|곳|종|%)\s*(?:으로|로)\s*가장\s*(?:많|높|크)[고았었으며]*\s*,?)"
    r"\s*$"
)
#: What may stand between a list's topic and its first item (``X는 A, B``, ``[업계] A, B``).
_TOPIC = frozenset(
    {"은", "는", "로는", "으로는", "에는", ":", "은요", "]", "(", "인", "로", "으로"}
    # a release's label and a dash or a full-width colon (``지원분야 - A, B``, ``분야： A``)
    | {"-", "–", "—", "："}
    # ``선정된 기술을 살펴보면 A, B 등이 있다``
    | {f"{p} {v}" for p in ("을", "를") for v in ("살펴보면", "보면")}
)
_AND = frozenset({"및", "와", "과"})
MAX_ITEM_CHARS = 24
EXTRACTOR = "enumerations"


@dataclass
class Item:
    phrase: Phrase
    text: str
    start: int
    cue: str | None = None  # a cue word printed with the item itself ("… 분야")


class Enumerations:
    name = EXTRACTOR
    needs_nlp = True
    needs_topic = True

    def __call__(self, source: Source) -> None:
        doc = source.analysis
        phrases = source.phrases
        i = 0
        contact = _contact_spans(text_of(doc))
        while i < len(phrases):
            if any(a <= phrases[i].start_char < b for a, b in contact):
                i += 1  # ``우주기술과 박경수 과장(02-…)``: who to call, no list of things
                continue
            if cue_class(phrases[i].text) and (
                len(phrases[i].text) <= 3 or _COUNTED_CUE.match(phrases[i].text)
            ):
                # a cue word alone (``12개 품목, B 분야``) or counted (``… 등 17대 신산업, C
                # 등 10대 주력산업``) ends a list before it; it starts none
                i += 1
                continue
            if phrases[i].text in LONE_WORDS:
                i += 1  # ``…으로 전환, A·B 등``: the clause's verb before a comma, no item
                continue
            if _headline_speaker(source, phrases, i):
                i += 1  # ``산업부, 소부장 핵심전략기술 150개로 확대``: who speaks, no list
                continue
            items, last = _list_from(doc, phrases, i)
            if len(items) < 2:
                items = _dotted_list(doc, phrases, i, items[0])
            if len(items) < 2:
                _named_field(source, items[0])
                _renamed_field(source, items[0], last)
                _ranked_field(source, items[0], last)
                _example(source, phrases, i, items[0])
                i = _designated_group(source, phrases, i) + 1
                continue
            if _for_others(doc, phrases, last) or _criteria(doc, phrases, last):
                i = last + 1
                continue
            # ``주요 기술분야는 센서·지도기술(43.1%), 주행경로 제어기술(29.6%), …``: each item
            # as printed says it is a technology
            technologies = len(items) >= 3 and all(_technology_named(it.text) for it in items)
            # "A‧B‧C 분야와 D 분야": an item written as a dotted list is its parts
            items = [part for it in items for part in _dotted_item(doc, it)]
            items = [part for it in items for part in _and_item(text_of(doc), it)]
            own = items[-1].cue
            if own and _APPOSITION.match(text_of(doc), phrases[last].end_char):
                # ``A, B와 필수기반 기술인 C, D``: "… 기술인" says what the next list is
                items, own = items[:-1], None
                if len(items) < 2:
                    i = last
                    continue
            # a cue the list is named as (``… 등을 '전략적 7대 진흥산업'으로``) outranks the
            # last item's own head (``…, 차세대 IT 기술``)
            named_as = _named_as(doc, phrases, last)
            if named_as and own and cue_class(own) != named_as:
                # ``…, 차세대 IT 기술 등을 …산업으로``: the head is part of that item's name
                last_item = items[-1]
                full = text_of(doc)[last_item.start : last_item.phrase.end_char]
                items[-1] = Item(last_item.phrase, full, last_item.start, None)
            counted_topic = _counted_topic(doc, phrases, i)
            if counted_topic and own and cue_class(own) != counted_topic:
                # ``4대 중점 분야는 다음과 같다: A, B, C 기술``: the counted set the list is
                # the topic of outranks the last item's own head, which is part of its name
                last_item = items[-1]
                full = text_of(doc)[last_item.start : last_item.phrase.end_char]
                items[-1] = Item(last_item.phrase, full, last_item.start, None)
                own = None
            counted_as = _counted_as(doc, phrases, last)
            if counted_as and own and cue_class(own) != counted_as:
                # ``녹색성장, 첨단융합, 제조기반 기술 등 20대 전략분야``: the set the list is
                # counted as outranks the last item's own head
                own = None
            ranked = None  # the class of a ranking's items, when that types the list
            cue = (
                named_as
                or (cue_class(own) if own else None)
                or _cue_after(doc, phrases, last)
                or (
                    None
                    if TASKS_AFTER.match(text_of(doc), phrases[last].end_char)
                    else _cue_before(doc, phrases, i)
                )
                or _tracks_of(doc, phrases, i, last, len(items))
                or (ranked := _ranked_areas(doc, phrases[i], phrases[last]))
                or _designated_as(text_of(doc), phrases[last].end_char)
            )
            areas = _AREAS_COUNTED_FIRST.match(_text_after(doc, phrases, last))
            if (
                cue in ("StrategicProduct", "CoreTechnology")
                and areas
                and (
                    all(" " not in it.text for it in items) or _number(areas["areas"]) == len(items)
                )
            ):
                # ``반도체, 이차전지 등 12개 분야 312개 품목``: one-word items, and ``A, B, C
                # 등 3개 분야 24개 기술``: as many items as areas, are the areas the first
                # count counts (``초고효율 태양전지, … 등 8개 분야 35개 기술``: the
                # technologies the second count counts)
                cue = "StrategicField"
            if cue == "StrategicField" and (
                # ``세부 기술별로는 A와 B 분야의 출원이``: areas of technology
                _ranked_here(text_of(doc), phrases[i].start_char) == "CoreTechnology"
                or _technologies_as_strategic(doc, phrases, i, last)
                or _sub_areas(doc, items, phrases[last])
                or technologies
            ):
                cue = "CoreTechnology"
            if cue == "CoreTechnology" and _listed_fields(source, items):
                # ``태양광, 풍력 등 15대 분야`` then ``태양광, 풍력, 연료전지, … 등 15개 기술``:
                # the same list again, with the rest of its members (a list of 품목 names
                # products, even of names that are fields too: ``AI, 빅데이터 등 … 품목 추가``)
                cue = "StrategicField"
            # uncued, or under a field cue (``디딤돌·전략형·팁스 세 가지 분야``): its tracks
            known = _known_kind(source, items) if cue in (None, "StrategicField") else None
            cue = known or cue or _listed_kind(source, items)
            if _mostly_countries(items):
                i = last + 1  # ``미국, 유럽연합(EU), 중국 등 주요국이``: places, not things
                continue
            if cue != "Organization" and _mostly_institutions(items):
                cue = "Organization"  # ``A연구원·B소재·C평가원 등``: B is a body like its peers
            if len(items) == 2 and cue and not all(plausible(it.text, cue) for it in items):
                i = last + 1  # "태양광과 전력 저장 관련 기술": a pair stands or falls together
                continue
            if cue == "CoreTechnology" and all(it.cue == "기술" for it in items):
                # "A 기술, B 기술, C 기술": each item prints its 기술, which is part of its name
                items = [Item(it.phrase, f"{it.text} 기술", it.start, None) for it in items]
            if cue == "Organization":
                _works(source, items)
            for item in items:
                if ranked and cue == ranked and _CLAUSE_INSIDE.search(item.text):
                    continue  # ``… 해저 센서를 결합한 결합계 44건 순``: a description, no name
                cls = cue or head_class(item.text)
                if cls is None and item.cue == "기술":
                    # ``A 기술, B 분석기술 등 26개 과제``: typed by the 기술 printed with it
                    item = Item(item.phrase, f"{item.text} 기술", item.start, None)
                    cls = "CoreTechnology"
                if cls == "Organization" and _APPLICANT_KIND.fullmatch(item.text):
                    continue  # ``대기업(43%), 외국인(12%)``: kinds of applicant, no bodies
                if cls == "Organization":  # ``연세대 산학협력단(전장용 MLCC 소재)``: its work
                    item = Item(item.phrase, _without_place(item.text), item.start, item.cue)
                    item = _without_country(item)
                if cls == "Programme" and not (
                    known
                    or item.text.endswith(PROGRAMME_ENDINGS)
                    or _counted_programmes(doc, phrases, last, len(items))
                ):
                    continue
                if cls == "StrategicField":  # ``녹색산업 중소기업과 …``: the firms of a field
                    item = _without_firms(item)
                if (
                    cls
                    and plausible(item.text, cls)
                    and not item.text.endswith(GENERIC_ENDINGS.get(cls, ()))
                    # ``12대 국가전략기술 분야``: a set
                    and (
                        item.text not in _CUE_WORDS
                        or (cls == "StrategicField" and item.text in _GOODS)
                    )
                ):
                    node = add_entity(
                        source,
                        Found(
                            cls,
                            item.text,
                            item.start,
                            item.start + len(item.text),
                            EXTRACTOR,
                            0.6 if cue else 0.5,
                            # ``…, 선진 원자력 기술 등``, ``…, 수소 산업, …``: the wording
                            # printed with the cue
                            (f"{item.text} {item.cue}",)
                            if (cls, item.cue) in _PRINTED_WITH_CUE
                            else (),
                        ),
                    )
                    if cls == "Programme" and node is not None:
                        _sub_programmes(source, item, node)
            i = last + 1


def _headline_speaker(source: Source, phrases: list[Phrase], i: int) -> bool:
    """Whether phrase ``i`` opens a headline as the body that speaks in it: a line with no
    final mark that starts with a body's name and a comma (``특허청, 전고체 전지 특허
    분석…``), the next phrase naming no body (``특허청, 산업부 등 5개 부처`` is a list)."""
    text = text_of(source.analysis)
    phrase = phrases[i]
    at, end = phrase.start_char, phrase.end_char
    if (at and text[at - 1] != "\n") or not text.startswith(",", end):
        return False
    line_end = text.find("\n", end)
    line = text[at : len(text) if line_end < 0 else line_end].rstrip()
    if line.endswith((".", "?", "!")) or i + 1 >= len(phrases):
        return False

    def a_body(p: Phrase) -> bool:
        name = p.text
        return (
            resolve(source.ctx.onto, "Organization", name, on=source.as_of) is not None
            or institution_confidence(name, source.analysis[p.end - 1].text) is not None
        )

    return a_body(phrase) and not a_body(phrases[i + 1])


#: A 전략기술 cue after a list (``… 등 미래·도전적인 국가전략기술로``): a field by default.
_STRATEGIC_AFTER = re.compile(r"^\s*등의?\s+(?:[^\s,.]+\s+){0,3}?[가-힣·]*전략기술")
#: What stands between a subject that is technologies and its list (``… 분야 기술이 A, B``).
_SUBJECT_GAP = frozenset(["이", "가", "은", "는", "도", "또한", "이 또한", "은 또한", "는 또한"])


def _technologies_as_strategic(doc: Doc, phrases: list[Phrase], first: int, last: int) -> bool:
    """``우주 분야 기술이 A, B 등 국가전략기술로``: under a 전략기술 cue, a list whose subject
    is a field's technologies lists technologies, not fields."""
    after = text_of(doc)[phrases[last].end_char : phrases[last].end_char + 40]
    if first == 0 or not _STRATEGIC_AFTER.match(after):
        return False
    subject = phrases[first - 1]
    gap = _between(doc, subject, phrases[first]).strip()
    return gap in _SUBJECT_GAP and subject.text.split()[-1] == "기술"


#: ``A, B 등 3개 분야``, ``A, B 등 분야별``: a list counted or divided as areas.
_AREAS_AFTER = re.compile(r"^\s*등의?\s+(?:(?:총\s*)?\d+\s*(?:개|대|가지)\s*)?분야")
#: Words that qualify many fields alike (``첨단바이오, 첨단모빌리티``), never one field's name.
_QUALIFIERS = frozenset(
    ["첨단", "차세대", "스마트", "미래", "미래형", "지능형", "신", "고부가", "친환경", "디지털"]
)


def _sub_areas(doc: Doc, items: list[Item], last: Phrase) -> bool:
    """``양자컴퓨팅, 양자통신, 양자 센싱 등 3개 분야`` in a text about 양자기술: areas each
    named after one field that the text speaks of (``S기술``, ``S 산업``) divide that field;
    they are its technologies, not fields of their own."""
    text = text_of(doc)
    if not _AREAS_AFTER.match(text[last.end_char : last.end_char + 20]):
        return False
    names = [it.text for it in items]
    shared = takewhile(lambda chars: len(set(chars)) == 1, zip(*names, strict=False))
    stem = "".join(chars[0] for chars in shared).rstrip()
    if len(stem) < 2 or stem in _QUALIFIERS or not re.fullmatch(r"[가-힣]+", stem):
        return False
    if any(len(n.replace(" ", "")) < len(stem) + 2 for n in names):
        return False  # ``양자, 양자컴퓨팅``: the field itself is listed
    return re.search(rf"(?<![가-힣]){stem}\s?(?:기술|산업)", text) is not None


def _works(source: Source, items: list[Item]) -> None:
    """``A사(전력반도체), B사(배터리 장비) 등 22개 기업``: a listed body's bracket that says
    what it works on names a technology, when two or more bodies of the list carry one."""
    text = text_of(source.analysis)
    works = []
    for item in items:
        inside = _WORK_INSIDE.search(item.text)
        after = _WORK_AFTER.match(text, item.phrase.end_char)
        m, at = (inside, item.start) if inside else (after, 0)
        if m is None or set(m["work"].split()) & PERSON_TITLES:
            continue  # ``(대표 홍길동)``: who leads it, no work
        if is_place(m["work"]):
            continue  # ``숭실대(수도권)``: where it is, no work
        works.append((m["work"], at + m.start("work")))
    if len(works) < 2:
        return
    for work, start in works:
        if plausible(work, "CoreTechnology") and not _NOT_WORK.match(work):
            add_entity(
                source, Found("CoreTechnology", work, start, start + len(work), EXTRACTOR, 0.5)
            )


#: A bracket of Hangul words at a listed body's end or right after it.
_WORK_INSIDE = re.compile(r"[(（](?P<work>[^()（）\d]*[가-힣][^()（）\d]*)[)）]$")
_WORK_AFTER = re.compile(r"\s*[(（](?P<work>[^()（）\d]*[가-힣][^()（）\d]*)[)）]")
#: Brackets after a body that say something else: a former or tentative name, a short form.
_NOT_WORK = re.compile(r"(?:구|舊|옛|가칭|이하|약칭|전\s)")


#: Items whose cue, printed with them, is kept in an alias (``선진 원자력 기술``, ``수소 산업``).
_PRINTED_WITH_CUE = {
    ("CoreTechnology", "기술"),
    ("StrategicField", "산업"),
    ("StrategicField", "분야"),
}
#: A bracket after a body's name that says what it does, not what it is called.
_DESCRIBED = re.compile(r"\s*[(（][^()（）]*[가-힣][^()（）]*\s[^()（）]*[)）]$")


#: A copula's adnominal right after a cue word: the cue describes what follows.
_APPOSITION = re.compile(r"인\s")


def _without_place(name: str) -> str:
    """A listed body's name without a bracket that describes it or says where it is
    (``대구대(대구·경북권)``)."""
    name = _DESCRIBED.sub("", name)
    m = _WORK_INSIDE.search(name)
    return name[: m.start()].rstrip() if m and is_place(m["work"]) else name


#: A body named after its country only as a kind of office (``미국 특허청``, ``중국 국무원``,
#: ``독일 연방교육연구부``): the country is part of its name.
_COUNTRY_OFFICE = re.compile(r"^(?:국립|국가|연방|정부).*|.*(?:청|국|부|처|국무원)$")


def _without_country(item: Item) -> Item:
    """A listed foreign body without the country printed to place it (``미국 퍼듀대학교``,
    ``독일 프라운호퍼 연구소``); an office named by its country keeps it (``미국 특허청``)."""
    first, _, rest = item.text.partition(" ")
    if rest and parse_country(first) and not _COUNTRY_OFFICE.match(rest.replace(" ", "")):
        return Item(item.phrase, rest, item.start + len(first) + 1, item.cue)
    return item


def _mostly_institutions(items: list[Item]) -> bool:
    """Whether more than half the items are institutions by their shape (``…연구원``,
    ``…평가관리원``): the list is one of bodies, whatever its cue says."""
    bodies = sum(
        institution_confidence(it.text, it.text.split()[-1]) is not None
        or is_short_university(it.text)
        for it in items
        if it.text
    )
    return 2 * bodies > len(items)


def _without_firms(item: Item) -> Item:
    """A listed field without the firms word after it (``녹색산업 중소기업`` → ``녹색산업``)."""
    words = item.text.split()
    if len(words) > 1 and words[-1].endswith(GENERIC_ENDINGS["Organization"]):
        return Item(item.phrase, " ".join(words[:-1]), item.start, item.cue)
    return item


def _mostly_countries(items: list[Item]) -> bool:
    """Whether at least half the items, and two or more, are countries."""
    countries = sum(parse_country(it.text) is not None for it in items)
    return countries >= 2 and 2 * countries >= len(items)


#: Classes a known item can type its uncued list with.
KNOWN_KINDS = ("Programme",)


#: A telephone number (``02-2110-2430``, ``044-204-7000``): the line is a press contact.
_PHONE = re.compile(r"(?<!\d)0\d{1,2}[-)]\s?\d{3,4}-\d{4}(?!\d)")
#: How far from a telephone number its contact's unit, name and title are printed.
CONTACT_REACH = 40


def _contact_spans(text: str) -> list[tuple[int, int]]:
    """The stretch of line around each telephone number (a release's contacts: a unit,
    a name, a title), no farther than :data:`CONTACT_REACH` characters from it."""
    spans = []
    for m in _PHONE.finditer(text):
        start = max(text.rfind("\n", 0, m.start()) + 1, m.start() - CONTACT_REACH)
        end = text.find("\n", m.end())
        spans.append((start, min(len(text) if end < 0 else end, m.end() + CONTACT_REACH)))
    return spans


def _technology_named(text: str) -> bool:
    """Whether an item's name ends in 기술 and is no kind or domain (``주행경로 제어기술``)."""
    name = TRAILING_GLOSS.sub("", text)
    return name.endswith("기술") and not names_no_technology(name)


#: The kinds a list may take from its members listed before.
_LISTED_KINDS = ("StrategicField", "StrategicProduct", "CoreTechnology")


def _listed_as(source: Source, items: list[Item]) -> Counter[str]:
    """How many of a list's items the document listed before as each kind."""
    kinds: dict[str, set[str]] = {}
    for n in source.ctx.facts.nodes.values():
        if n.cls in _LISTED_KINDS:
            kinds.setdefault(name_key(str(n.props.get("name") or "")), set()).add(n.cls)
    kinds.pop("", None)
    return Counter(cls for it in items for cls in kinds.get(name_key(it.text), ()))


def _listed_fields(source: Source, items: list[Item]) -> bool:
    """Whether two or more of a list's items are fields the document listed before: the
    list is that one again, whatever cue it ends with this time."""
    return _listed_as(source, items)["StrategicField"] >= 2


def _listed_kind(source: Source, items: list[Item]) -> str | None:
    """The kind of an uncued list two or more of whose items the document listed before
    as one kind (``태양광, 풍력 등 16개 기술`` then ``여기에는 태양광, 풍력, 수소연료전지, …
    등이 포함된다``): the same list again, in full."""
    best = _listed_as(source, items).most_common(1)
    return best[0][0] if best and best[0][1] >= 2 else None


def _known_kind(source: Source, items: list[Item]) -> str | None:
    """An uncued list of three or more with a programme the reference data knows lists
    programmes (``프리팁스(Pre-TIPS), 팁스, 포스트팁스(Post-TIPS)로``)."""
    if len(items) < 3:
        return None
    for cls in KNOWN_KINDS:
        if any(resolve(source.ctx.onto, cls, it.text) is not None for it in items):
            return cls
    return None


#: A bracket after a listed programme that lists its own parts: ``창업성장기술개발(창업과제,
#: 기술창업투자연계)``.
_PARTS = re.compile(r"\s*[(（](?P<parts>[^()（）]{3,80})[)）]")
_PART_SPLIT = re.compile(r"\s*[,、]\s*")
#: Bracketed words that say what kind of support a programme is, not a part of it.
NOT_PARTS = frozenset(["R&D", "비R&D", "신규", "계속", "융자", "출연", "보조", "보증", "투자"])


def _sub_programmes(source: Source, item: Item, parent: str) -> None:
    """The parts (내역사업, 트랙) a listed programme's bracket lists, each linked to it."""
    doc, ctx = source.analysis, source.ctx
    at = item.phrase.end_char
    m = _PARTS.match(text_of(doc), at)
    if m is None:
        return
    parts = _PART_SPLIT.split(m["parts"].strip())
    if len(parts) < 2 or not all(_a_part(p) for p in parts):
        return
    offset = m.start("parts")
    for part in parts:
        start = text_of(doc).index(part, offset)
        offset = start + len(part)
        found = Found("Programme", part, start, offset, EXTRACTOR, 0.5)
        node = add_entity(source, found)
        if node is not None and node != parent:
            ctx.facts.rel("partOfProgramme", node, parent, ctx.span(item.start, m.end()))


def _a_part(text: str) -> bool:
    return (
        2 <= len(text) <= 15
        and text not in NOT_PARTS
        and re.search(r"[가-힣]", text) is not None
        and re.search(r"\d", text) is None
    )


#: Words that name no field before 분야/산업 (``해당 분야``, ``기술 분야``, ``전 산업``).
GENERIC_FIELDS = frozenset(
    [
        "해당",
        "각",
        "관련",
        "기술",
        "전략기술",
        "주요",
        "신산업",
        "모든",
        "전",
        "타",
        "다른",
        "이",
        "그",
        "여러",
        "일부",
        "기존",
        "신규",
        "세부",
        "전략",
        "국가",
        "핵심",
        "첨단",
        "유망",
        "미래",
        "중점",
        "지원",
        "사업",
        "연구",
        "개발",
        "기술개발",
        "R&D",
        "민간",
        "공공",
        "기초",
        "응용",
        "별도",
        "다양한",
        "특정",
        "동일",
        "유사",
        "인접",
        "해외",
        "국내",
        "대상",
        "필요",
        # an office's own work, not a field of technology (``심사분야에서는``)
        "심사",
        "심판",
        "행정",
        "홍보",
        "정책",
        "제도",
        "예산",
        "인력",
        # how open, new or narrow an area is, which names none (``미개척 분야``, ``틈새 분야``)
        "미개척",
        "틈새",
        "새로운",
        "권리",
        # what an area is to someone, which names none (``특성화 분야``, ``취약 분야``)
        "특성화",
        "주력",
        "취약",
        "집중",
        "우선",
        "역점",
        # a pointer, the rest or a manner, which names none (``이들 분야``, ``기타``,
        # ``독립 분야로 두기엔``)
        "이들",
        "기타",
        "독립",
    ]
)


def is_kind(stem: str) -> bool:
    """Whether ``stem`` is made only of generic words (``미래유망``, ``핵심 원천``): what it
    heads is a kind, not a name."""
    rest = re.sub(f"[ {LIST_DOTS}]", "", stem)
    while rest:
        word = next((w for w in _GENERIC_BY_LENGTH if rest.startswith(w)), None)
        if word is None:
            return False
        rest = rest[len(word) :]
    return True


def names_no_technology(name: str) -> bool:
    """Whether a name ending in 기술 is a kind (``유망기술``, ``미래유망기술``) or a domain's
    science and technology (``해양수산과학기술``), not one technology."""
    return is_kind(name.removesuffix("기술")) or name.endswith("과학기술")


_GENERIC_BY_LENGTH = sorted(
    # qualities a technology is wanted for (``초격차·대체불가 기술``) name none either
    GENERIC_FIELDS
    | {"원천", "선도", "차세대", "요소", "핵심요소", "초격차", "대체불가", "융복합", "게임체인저"}
    # and what a technology is worth or where it stands (``고부가가치 기술``, ``공백기술``)
    | {"고부가가치", "고부가", "공백", "자체", "독자", "고유", "신격차"}
    # and how it is built or staged (``원천기반기술``, ``단계별 기술``)
    | {"기반", "단계별"}
    # and how near the market it is or who makes it (``상용화 기술``, ``산학협력 기술``), or
    # how good (``세계 최고 기술``)
    | {"상용화", "실용화", "사업화", "산학협력", "세계", "최고", "전략적", "특화"},
    key=len,
    reverse=True,
)
#: How an industry's name ends (``제조업``, ``바이오산업``): no technology's.
INDUSTRY_ENDINGS = ("산업", "제조업", "서비스업", "농업", "수산업", "건설업")
#: A list written as one word needs this many parts to be read as a list on its own:
#: ``항공·우주`` or ``첨단기계·로봇`` is often one name, ``석유화학·철강·시멘트`` is three.
MIN_DOTTED_PARTS = 3
#: Taxonomies name one broad area by two-syllable words joined by dots (``건설‧교통``,
#: ``기계‧제조‧공정``); a list written as one word names its members in full
#: (``바이오‧인공지능‧첨단로봇``, ``석유화학·철강·시멘트``).
AREA_WORD = 2


def _dotted_list(doc: Doc, phrases: list[Phrase], i: int, item: Item) -> list[Item]:
    """One phrase whose one-word parts are joined by middle dots, read as a list when it
    has three parts or more, or when 등 follows it (``자동차・전자 등 국내 주력산업``)."""
    for separator in (_SPACED_DOTS, _SLASHES):
        split = separator.split(item.text)
        if len(split) >= MIN_DOTTED_PARTS and all(plausible(p, "StrategicField") for p in split):
            return _spaced_list(item, split)  # "해양드론 · 극지로봇 · 심해자원", "A/B/C"
    after = text_of(doc)[phrases[i].end_char : phrases[i].end_char + 12].lstrip()
    return _dotted_item(doc, item, 2 if after.startswith("등") else MIN_DOTTED_PARTS)


def _dotted_item(doc: Doc, item: Item, min_parts: int = MIN_DOTTED_PARTS) -> list[Item]:
    """An item written as one word of ``min_parts`` parts or more joined by middle dots, as
    its parts — unless the document prints the whole as one item behind a bullet, or
    abbreviates it as one name (``소재·부품·장비(소부장)``)."""
    parts = dotted_parts(item.text, item.start)
    if _FUNDED.match(text_of(doc)[item.phrase.end_char : item.phrase.end_char + 20]):
        return [item]  # ``반도체·디스플레이·LED에는 1,627억원``: funded as one, one area
    if any(p.count("(") != p.count(")") for p, _ in parts):
        return [item]  # ``증강·가상현실(AR·VR)``: the dots inside a bracket gloss one name
    if min_parts == MIN_DOTTED_PARTS and all(len(p) == AREA_WORD for p, _ in parts):
        return [item]  # ``우주‧항공‧해양``, ``전자‧정보‧통신``: one area of a taxonomy
    # ``첨단 IT융합부품·…·스마트 기계부품을 4대 주력산업으로``: counted as many as its parts,
    # spaced parts at its ends are whole items
    counted = _COUNTED_AS_PARTS.match(text_of(doc), item.phrase.end_char)
    whole_ends = (counted is not None and int(counted["n"]) == len(parts)) or (
        # ``플렉시블 디스플레이·OLED조명·무안경 3D 등``: three parts or more closed by 등,
        # where no word runs on
        len(parts) >= MIN_CLOSED_PARTS
        and _CLOSED_BY_DEUNG.match(text_of(doc), item.phrase.end_char) is not None
    )
    if (
        len(parts) < min_parts
        or any(
            not p
            or (" " in p and not whole_ends and not _inner_of_long(k, len(parts)))
            or not _a_dotted_part(p)
            for k, (p, _) in enumerate(parts)
        )
        or _bulleted(doc, item)
    ):
        # ``소재·부품·장비``: parts too generic to stand alone name one thing; ``반도체·디스플레이
        # 장비``: a spaced part at either end may run on into the words after the list
        return [item]
    text = text_of(doc)
    if re.search(f"[{BULLET_MARKERS}]\\s*{re.escape(item.text)}", text):
        return [item]  # the document lists the whole as one item elsewhere
    if _comma_listed(text, item):
        return [item]  # ``재난·안전, 의료기기, …`` before ``재난·안전 등 분야``: one item
    after = text[item.phrase.end_char : item.phrase.end_char + 12].lstrip()
    gloss = re.search(r"[(（]([^()（）]+)[)）]$", item.text) or re.match(
        r"[(（]([^()（）]+)", after
    )
    if gloss and gloss[1].startswith("".join(p[0] for p, _ in parts)):
        return [item]
    return [Item(item.phrase, p, at, item.cue) for p, at in parts]


#: 등 right after a dotted word: the list ends there.
_CLOSED_BY_DEUNG = re.compile(r"\s+등(?:[을를이의과와은는에도]|\s)")
MIN_CLOSED_PARTS = 3
#: A count right after a dotted word, in a particle: ``…을 4대 주력산업으로``.
_COUNTED_AS_PARTS = re.compile(
    r"(?:을|를|이|가|은|는|의)?\s+(?:총\s*)?(?P<n>\d+)\s*(?:대|개|가지)\s"
)


#: A dotted list this long is a list even where an inner part has a space
#: (``시스템반도체·차세대 디스플레이·그린카·조선해양``).
LONG_DOTTED = 4


def _and_item(text: str, item: Item) -> list[Item]:
    """An item of two names joined by 및, each printed elsewhere in the text on its own
    (``한국판 뉴딜 및 미래 신산업, 소재·부품·장비 등``, with ``한국판 뉴딜`` and ``미래 신산업``
    named again later), as the two."""
    parts = item.text.split(" 및 ")
    if len(parts) != 2 or not all(parts):
        return [item]
    if any(text.count(part) < 2 for part in parts):
        return [item]  # ``리튬이온전지 및 핵심소재``: one name, its parts nowhere alone
    second = item.start + len(parts[0]) + len(" 및 ")
    return [
        Item(item.phrase, parts[0], item.start, None),
        Item(item.phrase, parts[1], second, item.cue),
    ]


def _inner_of_long(k: int, parts: int) -> bool:
    """Whether part ``k`` of ``parts`` lies between two dots of a long dotted list."""
    return parts >= LONG_DOTTED and 0 < k < parts - 1


def _comma_listed(text: str, item: Item) -> bool:
    """Whether the document prints the whole dotted word elsewhere as one item of a list
    written with commas."""
    for m in re.finditer(re.escape(item.text), text):
        if m.start() == item.start:
            continue
        if text[m.end() :].lstrip().startswith((",", "，")) or text[: m.start()].rstrip().endswith(
            (",", "，")
        ):
            return True
    return False


def _a_dotted_part(part: str) -> bool:
    """Whether a part of a dotted word can stand alone: a field or an institution."""
    return plausible(part, "StrategicField") or institution_confidence(part, part) is not None


_SPACED_DOTS = re.compile(rf"\s+[{LIST_DOTS}]\s+")
_SLASHES = re.compile(r"\s*/\s*")


def _spaced_list(item: Item, parts: list[str]) -> list[Item]:
    out, at = [], 0
    for part in parts:
        at = item.text.index(part, at)
        out.append(Item(item.phrase, part, item.start + at, item.cue))
        at += len(part)
    return out


#: 등 and a count right after an item: it is one example of a counted set (``A 등 5개 품목``),
#: also past words that say what the set is (``A 등 중소기업 성장기반 10개 분야``, ``A 등
#: 4차 산업혁명 분야 20개``).
_COUNTED_ETC = re.compile(
    r"^\s*등\s*(?:의\s*)?(?:[가-힣A-Za-z0-9·ㆍ‧]+ +){0,2}?(?:[가-힣A-Za-z]*(?:"
    + CUE_HEADS
    + r") *)?\d+\s*(?:개|대|가지|종)"
)


#: An item made one of a kind: ``수소는 신규 전략분야로 추가됐다``.
_DESIGNATE = r"(?:지정|선정|추가|편입|신설|포함|꼽|제시|유지)"
_DESIGNATED = re.compile(
    # the words between are no subject of their own (``변화는 A(MSR)가 별도 분야로 신설``)
    r"^(?:은|는|이|가|을|를)\s+(?:[^\s,.]+(?<![은는이가])\s+){0,2}?(?P<cue>[가-힣A-Za-z]*?(?:"
    + CUE_HEADS
    + r"))(?:으로|로)\s+(?:[^\s,.]+\s+)?"
    + _DESIGNATE
)
#: An item dropped from a kind's list: ``A(DDI)가 전략품목 목록에서 제외됐다``.
_DROPPED_FROM = re.compile(
    r"^(?:은|는|이|가)\s+(?:[^\s,.]+(?<![어아고며서])\s+){0,2}?(?P<cue>[가-힣A-Za-z]*?(?:"
    + CUE_HEADS
    + r"))\s*(?:목록|명단|리스트)?에서\s+(?:[^\s,.]+\s+)?(?:제외|빠지|빠졌|빠진|삭제)"
)
#: The same, the kind first: ``신규 전략품목으로 수중 글라이더를 선정``.
_AS_KIND = re.compile(
    r"(?P<cue>[가-힣A-Za-z]*?(?:[·ㆍ][가-힣A-Za-z]+)*?(?:" + CUE_HEADS + r"))(?:으로|로)\s+$"
)
_DESIGNATED_AFTER = re.compile(r"^(?:을|를)\s+(?:[^\s,.]+\s+)?" + _DESIGNATE)


def _example(source: Source, phrases: list[Phrase], i: int, item: Item) -> None:
    """``수중 글라이더 등 5개 품목``: one item given as an example of a counted set;
    ``수소는 신규 전략분야로 추가``, ``전략품목으로 수중 글라이더를 선정``: one item made one
    of a kind."""
    doc = source.analysis
    after = _past_aside(text_of(doc)[phrases[i].end_char : phrases[i].end_char + 40])
    designated = _DESIGNATED.match(after) or _DROPPED_FROM.match(after)
    if designated is None and _DESIGNATED_AFTER.match(after):
        designated = _AS_KIND.search(text_of(doc)[max(0, item.start - 30) : item.start])
    if _bulleted(doc, item) or not (_COUNTED_ETC.match(after) or designated):
        return
    cls = cue_class(designated["cue"]) if designated else _cue_after(doc, phrases, i)
    if cls == "Organization" and (not _FIRMS_COUNTED.match(after) or " " in item.text):
        return  # one firm's name, one word (``LG 삼성 SK 등 3개사``: the groups, each alone)
    if cls in ("StrategicField", "StrategicProduct", "CoreTechnology", "Organization") and (
        plausible(item.text, cls)
    ):
        if item.text in GENERIC_FIELDS or item.text.split()[0] in GENERIC_FIELDS:
            return
        text = f"{item.text} 기술" if cls == "CoreTechnology" and item.cue == "기술" else item.text
        found = Found(cls, text, item.start, item.start + len(text), EXTRACTOR, 0.5)
        add_entity(source, found)


#: What joins the members of a group that is one subject (``A와 B가``, ``A, B가``).
_GROUP_JOIN = re.compile(r"^\s*(?:,|와|과|및)\s*$")
#: A designation of a kind after a subject: ``(A와 B가) 핵심품목으로 선정됐다``.
_DESIGNATION = (
    r"\s+(?:[^\s,.]+\s+){0,2}?(?P<cue>[가-힣A-Za-z]*?(?:" + CUE_HEADS + r"))(?:으로|로)\s+"
    r"(?:[^\s,.]+\s+)?(?:" + _DESIGNATE + r"|꼽|제시|발굴)"
)
#: A group's subject particle, then the designation right away …
_GROUP_DESIGNATED = re.compile(r"(?:이|가)" + _DESIGNATION)
#: … or a comma and, later in the sentence, another group's (``A와 B가, C 분야에서는 D가
#: 핵심품목으로 선정됐다``).
_GROUP_DESIGNATED_LATER = re.compile(r"(?:이|가)\s*,[^.!?\n]*?[이가]" + _DESIGNATION)


def _designated_as(text: str, end: int) -> str | None:
    """The kind a designation after a subject ending at ``end`` names (:data:`_DESIGNATION`)."""
    m = _GROUP_DESIGNATED_LATER.match(text, end) or _GROUP_DESIGNATED.match(text, end)
    cls = cue_class(m["cue"]) if m else None
    return cls if cls in ("StrategicField", "StrategicProduct", "CoreTechnology") else None


def _designated_group(source: Source, phrases: list[Phrase], i: int) -> int:
    """``A와 B가, C 분야에서는 D와 E가 핵심품목으로 선정됐다``, ``X는 A, B가 핵심기술로
    꼽혔다``: the members of each subject of a designation are of the kind it names. Returns
    the last phrase read."""
    doc, text = source.analysis, text_of(source.analysis)
    group, j = [phrases[i]], i
    while j + 1 < len(phrases) and _GROUP_JOIN.match(
        QUOTE_MARKS.sub("", text[phrases[j].end_char : phrases[j + 1].start_char])
    ):
        j += 1
        group.append(phrases[j])
    later = _GROUP_DESIGNATED_LATER.match(text, group[-1].end_char) is not None
    # a single subject designated right away is :func:`_example`'s
    cls = _designated_as(text, group[-1].end_char) if later or len(group) >= 2 else None
    if cls is None:
        return i
    for phrase in group:
        item = _item(phrase)
        if not plausible(item.text, cls) or item.text in GENERIC_FIELDS or _bulleted(doc, item):
            continue
        name = f"{item.text} 기술" if cls == "CoreTechnology" and item.cue == "기술" else item.text
        add_entity(source, Found(cls, name, item.start, item.start + len(name), EXTRACTOR, 0.5))
    return j


#: A field renamed, merged or widened into what follows: ``‘X’ 분야는 ‘Y’로 이름이 바뀌었고``,
#: ``X 분야는 Y로 통합됐다``, ``X 분야가 Y로 확대 개편됐다``.
_RENAMED_TO = re.compile(
    r"\s*(?:분야|부문)(?:은|는|이|가)\s+[‘'\"“]?(?P<to>[^‘’'\"“”()\s,.][^‘’'\"“”(),.]{0,22}?)"
    r"[’'\"”]?(?:으로|로)\s+(?:(?:이름|명칭|분야명)이\s+|(?:확대|축소|통합)\s+)?"
    r"(?:바뀌|변경|개편|통합|재편|개칭|전환|흡수)"
)


def _renamed_field(source: Source, item: Item, last: int) -> None:
    """``‘스마트 디바이스’ 분야는 ‘지능형 디바이스’로 이름이 바뀌었다``: what a field became is a
    field too (the field itself is :func:`_named_field`'s)."""
    text = text_of(source.analysis)
    m = _RENAMED_TO.match(
        QUOTE_MARKS.sub(lambda q: " " * len(q[0]), text), item.start + len(item.text)
    )
    if m is None or item.cue not in ("분야", "부문", None):
        return
    to = m["to"].strip()
    if not plausible(to, "StrategicField") or to in GENERIC_FIELDS or is_kind(to):
        return
    add_entity(
        source, Found("StrategicField", to, m.start("to"), m.start("to") + len(to), EXTRACTOR, 0.5)
    )


def _named_field(source: Source, item: Item) -> None:
    """``조선 분야에서는``, ``전기·자율차 분야``: a field named with its cue word after it.

    Items behind a bullet or a circled number are the :mod:`.bullets` extractor's.
    """
    if item.cue not in ("분야", "부문", "산업") or not plausible(item.text, "StrategicField"):
        return
    if item.text in GENERIC_FIELDS or item.text.split()[0] in GENERIC_FIELDS:
        return
    if is_kind(re.sub(r"(?:기술|산업)$", "", item.text)):
        return  # ``첨단산업 분야``, ``미래기술 분야``: a kind of field
    if _bulleted(source.analysis, item):
        return
    if " " in _ORDINAL.sub("", item.text) and _CLOSED_BEFORE.search(
        text_of(source.analysis), max(0, item.start - 4), item.start
    ):
        # ``A·B 등 FTA 피해 예상 분야``: words describing the set a list closed by 등 makes
        # (one word may be an area of its own: ``A, B 등 탄소중립 분야``)
        return
    if _APPOSITION.match(text_of(source.analysis), item.phrase.end_char):
        return  # ``거대과학 분야인 차세대 원자력``: the kind of the fields named next
    if _FIELD_OF_PATENTS.match(
        text_of(source.analysis), item.start + len(item.text)
    ) and not ranked_by_area(text_of(source.analysis), item.start):
        return  # ``전고체전지 분야 특허출원``: the technology a patent analysis counts
    if text_of(source.analysis).count(item.text) >= SUBJECT_MENTIONS:
        # ``해양수산 분야 과학기술 정책`` in a text about 해양수산 throughout: the text's own
        # subject, not one of the fields it names (a listed field is the lists' to find)
        return
    found = Found(
        "StrategicField", item.text, item.start, item.start + len(item.text), EXTRACTOR, 0.5
    )
    add_entity(source, found)


#: The patent word after a name and what ties it (``… 특허출원``, ``… 등록 특허``; not
#: ``특허청``): the name is what the patents are of (:mod:`.patent_subjects`).
PATENTS_NEXT = re.compile(
    r"^\s*(?:PCT\s*)?(?:국내|국제|해외)?\s*(?:등록\s*)?특허"
    r"(?=\s?(?:출원|등록|건수|동향)|[이가은는을를의도]?(?:\s|$))"
)
#: A ranking by area: ``산업별로는``, ``분야별로 보면``.
_BY_AREA = re.compile(r"(?:산업|분야)별")


def ranked_by_area(text: str, at: int) -> bool:
    """Whether the sentence holding ``at``, or the one before, ranks its figures by area
    (``산업별로는 … ICT 관련 산업 특허출원이 …. 이차전지 분야 특허출원은 …``): what it
    names before 분야 is one of the areas, a field."""
    ends = [m.end() for m in SENTENCE_END.finditer(text, 0, at)]
    start = ends[-2] if len(ends) >= 2 else 0
    return _BY_AREA.search(text, start, at) is not None


#: An object and its verb inside an item: a clause describes it.
_CLAUSE_INSIDE = re.compile(r"[을를]\s")
#: What closes the items of a ranking: ``… B, C 순이었다``, ``… B, C가 뒤를 이었다``.
_RANKING_END = re.compile(
    r"^\s*(?:등\s*)?(?:의\s*)?(?:순(?:으로|이|$|[,.\s])|(?:이|가)\s+(?:그\s+)?뒤를\s+이)"
)
#: What the first of a ranking is said to be (``A가 가장 많았고``, ``A가 46.2%로 가장
#: 높았고``, ``A가 1위``), or any item its share (``A가 38%, B가 27%를 차지``).
_RANKED_FIRST = re.compile(
    r"^\s*(?:이|가)\s+(?:(?:\d+\s*[개건]|[\d.]+\s*%)\s*(?:으로|로)\s+)?"
    r"(?:가장\s+(?:많|높|크|큰|활발)|1위)"
    r"|^\s*(?:이|가)\s+[\d.]+\s*%\s*(?:,|를|을)"
)
#: What a sentence ranks by, and the class of the items ranked: ``분야별로는`` (fields),
#: ``기술 분야별``, ``세부 기술별`` (technologies), ``품목별`` (products), ``출원인 순위는``
#: (organisations).
_RANKED_BY = re.compile(
    r"(?P<CoreTechnology>기술\s?(?:분야)?별)"
    r"|(?P<StrategicField>(?:산업|분야|업종|부문)별)"
    r"|(?P<StrategicProduct>(?:품목|제품)별)"
    r"|(?P<Organization>출원인\s?(?:별|순위))"
)


#: Kinds of applicant, which name no body: ``대기업``, ``대학·연구소``, ``외국 기업``.
_APPLICANT_KIND = re.compile(
    r"(?:(?:대|중소|중견|외국|국내|해외|국외|벤처)\s?)?(?:기업|개인|대학|연구소|연구기관|공공기관|"
    r"출연연|내국인|외국인)(?:[·ㆍ‧](?:대학|연구소|연구기관|공공기관|개인))*"
)


#: The first of a ranking named with its cue: ``미래차 분야가 25개 제품으로 가장 많고``.
_FIRST_WITH_CUE = re.compile(
    r"[가-힣A-Za-z]\s?(?P<cue>분야|부문|산업|업종|품목|제품)(?:이|가)\s+(?:[^\s,.]+\s+){0,3}?"
    r"가장\s+(?:많|높|크|큰)"
)


def _ranked_here(text: str, at: int) -> str | None:
    """The class of what the sentence holding ``at`` ranks before it (:data:`_RANKED_BY`),
    or of the first of the ranking named with its cue (:data:`_FIRST_WITH_CUE`)."""
    ends = [m.end() for m in SENTENCE_END.finditer(text, 0, at)]
    found = list(_RANKED_BY.finditer(text, ends[-1] if ends else 0, at))
    if found:
        return found[-1].lastgroup  # the last one before ``at``
    first = list(_FIRST_WITH_CUE.finditer(text, ends[-1] if ends else 0, at))
    return cue_class(first[-1]["cue"]) if first else None


def _ranked_areas(doc: Doc, first: Phrase, last: Phrase) -> str | None:
    """``분야별로 보면 … 이어 A, B 순이었다``: the items of a ranking by area are fields."""
    text = text_of(doc)
    after = _past_aside(text[last.end_char : last.end_char + 40])  # ``… D(14.5%) 순``
    if _RANKING_END.match(QUOTE_MARKS.sub("", after)):
        return _ranked_here(text, first.start_char)
    return None


def _ranked_field(source: Source, item: Item, last: int) -> None:
    """``산업별로는 A가 가장 많았고``, ``… 이어 B 순이었다``, ``기술별로는 A가 38%``: one
    item of a ranking."""
    text = text_of(source.analysis)
    end = source.phrases[last].end_char
    after = text[end : end + 30]
    if not (_RANKED_FIRST.match(after) or _RANKING_END.match(after)):
        return
    cls = _ranked_here(text, item.start)
    if cls is None or not plausible(item.text, cls):
        return
    if item.text in GENERIC_FIELDS or is_kind(item.text) or cue_class(item.text):
        return
    if cls == "Organization" and (_APPLICANT_KIND.fullmatch(item.text) or parse_country(item.text)):
        return  # ``출원인 순위는 … 순``: firms and bodies, not ``대기업`` or ``일본``
    found = Found(cls, item.text, item.start, item.start + len(item.text), EXTRACTOR, 0.5)
    add_entity(source, found)


#: A field's cue, then the patent word: ``전고체전지 분야 특허출원``.
_FIELD_OF_PATENTS = re.compile(r"\s*(?:분야|부문)\s*" + PATENTS_NEXT.pattern.lstrip("^"))
#: A name printed this often is what the whole text is about.
SUBJECT_MENTIONS = 5
#: A list's 등 right before a phrase.
_CLOSED_BEFORE = re.compile(r"등의?\s+$")
#: An ordinal opening a name, which makes one word with it (``4차 산업혁명``).
_ORDINAL = re.compile(r"^제?\d+차\s")


def _bulleted(doc: Doc, item: Item) -> bool:
    """Whether a bullet or circled number stands right before the item."""
    before = text_of(doc)[max(0, item.start - 2) : item.start].strip()
    return bool(before) and before[-1] in BULLET_MARKERS


def _between(doc: Doc, a: Phrase, b: Phrase) -> str:
    return text_of(doc)[a.end_char : b.start_char]


def _list_from(doc: Doc, phrases: list[Phrase], i: int) -> tuple[list[Item], int]:
    """Phrases ``i, i+1, …`` joined as a list; an amount after an item is allowed."""
    items = [_item(phrases[i])]
    j = i
    listed = False  # a comma, bullet or number between two items: "A와 B" alone is no list
    joins: list[str] = []  # what joins each item to the one before it
    text = text_of(doc)
    while j + 1 < len(phrases):
        end = phrases[j].end_char
        rest = text[end : end + 100]
        end += len(rest) - len(_past_aside(rest, inner=True))  # "해양드론(글라이더, 잠수정), …"
        k = next((n for n in range(j + 1, len(phrases)) if phrases[n].start_char >= end), None)
        if k is None:
            break
        gap = QUOTE_MARKS.sub("", text[end : phrases[k].start_char])
        inner = _inner_clause_end(doc, phrases, k) if listed and _OBJECT.match(gap) else None
        if inner is not None:
            # ``A, 드론을 활용한 관제시스템 등``: a listed item may hold a short clause
            merged, at = _item(phrases[inner]), items[-1].start
            items[-1] = Item(phrases[inner], text[at : merged.start] + merged.text, at, merged.cue)
            j = inner
            continue
        if listed and gap.rstrip() == "의" and _GOES_ON.match(text, phrases[k].end_char):
            # ``A, 직업의 전문 서비스용 로봇, B``: an item inside a list may hold a genitive
            merged, at = _item(phrases[k]), items[-1].start
            items[-1] = Item(phrases[k], text[at : merged.start] + merged.text, at, merged.cue)
            j = k
            continue
        if not _LIST_JOIN.match(gap) or phrases[k].text.split()[0] == "이하":
            break  # ``(위원장: A, 이하 ‘특위’)``: 이하 opens the short name of what came before
        if "," in gap and _PLACE_TOPIC.match(text, phrases[k].end_char):
            break  # ``A 분야에는 B가, C 분야에는 D가``: a comma before the next clause's topic
        if gap.strip() in _AND and _quoted_together(text, items[-1].start, phrases[k].end_char):
            # ``‘초정밀 디스플레이 공정 및 장비기술’``: the quotes make one name of the pair
            last = _item(phrases[k])
            at = items[-1].start
            items[-1] = Item(phrases[k], text[at : last.start] + last.text, at, last.cue)
            j = k
            continue
        # a middle dot between items apart (``A(12개)·B(9개)``) lists them as a comma does
        listed = listed or "," in gap or "、" in gap or any(d in gap for d in LIST_DOTS)
        items.append(_item(phrases[k]))
        joins.append(gap.strip())
        j = k
    items = _joined_within(text, items, joins)
    copula = _GLUED_COPULA.search(items[-1].text) if len(items) > 1 else None
    if copula and SENTENCE_END.match(text, items[-1].phrase.end_char):
        # ``…, 디지털 헬스케어다.``: a copula Kiwi read into the last item's noun
        last = items[-1]
        items[-1] = Item(last.phrase, last.text[: copula.start()], last.start, last.cue)
    # "A와 B 등 2개 분야": a pair counted after 등 is a list
    counted = _COUNTED_ETC.match(_past_aside(text[phrases[j].end_char : phrases[j].end_char + 30]))
    listed = listed or (len(items) == 2 and counted is not None)
    # "A와 B 두 가지로 운영된다": a pair counted as what something is run as is a list
    run_as = _RUN_AS.match(_past_aside(text[phrases[j].end_char : phrases[j].end_char + 30]))
    listed = listed or (len(items) == 2 and run_as is not None and _number(run_as["n"]) == 2)
    # "A와 B 등 해외 양자 기업과": a pair closed by 등 and a cue after it is a list too
    listed = listed or (
        len(items) == 2
        and re.match(r"\s*등\s", text[phrases[j].end_char : phrases[j].end_char + 3]) is not None
        and _cue_after(doc, phrases, j) is not None
    )
    # "A와 B 같은 전략제품": a pair given as examples of a cue after it is a list
    listed = listed or (
        len(items) == 2
        and _SUCH_AS.match(text, phrases[j].end_char) is not None
        and _cue_after(doc, phrases, j) is not None
    )
    # "A와 B 기술": two items joined by 와/과/및 make a list when the cue is printed with B
    listed = listed or (
        len(items) == 2 and items[-1].cue is not None and items[0].cue in (None, items[-1].cue)
    )
    # "요소기술은 A와 B로 구성된다": a pair that completes a qualified cue before it
    listed = listed or (
        len(items) == 2
        and _qualified_topic(doc, phrases, i)
        and _PAIR_END.match(
            QUOTE_MARKS.sub("", text[phrases[j].end_char : phrases[j].end_char + 10])
        )
        is not None
    )
    # "새로 생긴 분야는 A와 B 두 곳이다": a pair counted as two after a cue as its topic
    listed = listed or (
        len(items) == 2
        and _PAIR_COUNTED.match(text[phrases[j].end_char : phrases[j].end_char + 12]) is not None
        and _cue_before(doc, phrases, i) is not None
    )
    # "A와 B를 새 전략분야로 지정했다": a pair chosen as a set is a list
    listed = listed or (len(items) == 2 and _named_as(doc, phrases, j) is not None)
    # "전략제품인 A와 B는": a pair in apposition to a qualified cue before it
    listed = (
        listed
        or (
            len(items) == 2
            and i > 0
            and _between(doc, phrases[i - 1], phrases[i]).strip() == "인"
            # ``표준화기구인 IEEE와 ETSI를``: bodies in apposition to a kind of body
            and (
                _qualified_topic(doc, phrases, i) or _cue_before(doc, phrases, i) == "Organization"
            )
            and _APPOSED_END.match(text[phrases[j].end_char : phrases[j].end_char + 4]) is not None
        )
    )
    return (items if listed else items[:1]), j


#: A place or area as the topic of a clause: ``… 분야에는``, ``… 분야에서는`` (not one given
#: an amount: ``…에는 981억원``).
_PLACE_TOPIC = re.compile(r"\s*(?:에는|에서는|에선|에서도|에도)\s+(?!\d)")
#: A copula glued to the last item of a list that ends its sentence (``헬스케어다.``).
_GLUED_COPULA = re.compile(r"(?<=[가-힣]{2})(?:이)?다$")
#: A comma after an item: the list goes on past it.
_GOES_ON = re.compile(r"\s*,")


def _quoted_together(text: str, start: int, end: int) -> bool:
    """Whether one pair of quotes holds the span from ``start`` to ``end``."""
    window = QUOTED.finditer(text, max(0, start - QUOTE_REACH), min(len(text), end + QUOTE_REACH))
    return any(m.start(1) <= start and end <= m.end(1) for m in window)


#: How far a quote may open before a span it holds (the longest quoted name, and its marks).
QUOTE_REACH = 42


def _joined_within(text: str, items: list[Item], joins: list[str]) -> list[Item]:
    """``A 및 B, C 등``: 및 before a comma joins the words of one item, since a list's own
    및 comes before its last item (``A, B 및 C``)."""
    if "," not in joins:
        return items
    out, out_joins = [items[0]], []
    for n, (item, join) in enumerate(zip(items[1:], joins, strict=True)):
        if join == "및" and "," in joins[n + 1 :]:
            at = out[-1].start
            out[-1] = Item(item.phrase, text[at : item.start] + item.text, at, item.cue)
        else:
            out.append(item)
            out_joins.append(join)
    # ``화학(1만9753건), …, 광학 및 영상·음향기기(1만769건)``: where every item prints its
    # own bracket, a last 및 after an item without one joins the words of the last item
    bracketed = [_BRACKET_AFTER.match(text, it.phrase.end_char) is not None for it in out]
    if (
        len(out) >= 4
        and out_joins[-1] in _AND
        and all(bracketed[:-2])
        and bracketed[-1]
        and not bracketed[-2]
    ):
        last, at = out.pop(), out[-1].start
        out[-1] = Item(last.phrase, text[at : last.start] + last.text, at, last.cue)
    return out


#: A bracket right after an item (``화학(1만9753건)``).
_BRACKET_AFTER = re.compile(r"\s*[(（]")


#: Verbal nouns of a short clause inside a listed item: ``드론을 활용한``, ``그리드를 연계한``.
CLAUSE_VERBS = frozenset(["활용", "연계", "이용", "적용", "융합", "결합", "접목"])
_OBJECT = re.compile(r"^\s*[을를]\s+$")


def _inner_clause_end(doc: Doc, phrases: list[Phrase], k: int) -> int | None:
    """The phrase a clause opened at ``k`` (``활용`` + ``한``) leads to, if it is one."""
    if phrases[k].text not in CLAUSE_VERBS or k + 1 >= len(phrases):
        return None
    after = text_of(doc)[phrases[k].end_char : phrases[k + 1].start_char]
    return k + 1 if re.fullmatch(r"한\s+", after) else None


#: What follows examples of a kind: ``A와 B 같은``, ``A와 B와 같은``.
_SUCH_AS = re.compile(r"\s*(?:와|과)?\s*같은\s")
#: What ends a pair that completes its topic (``…이다``, ``…로 구성``, ``…가 포함``), never 의.
_PAIR_END = re.compile(r"^\s*(?:이다|다[.,\s]|입니다|으로\s|로\s|이[\s,]|가[\s,]|을\s|를\s|등)")
#: A pair's own count of two (``A와 B 두 곳이다``, ``A와 B 2개다``).
_PAIR_COUNTED = re.compile(r"^\s*(?:두|2)\s*(?:곳|개|가지)\s*(?:이다|다|으로|로|가|이|를|을|에)")
#: The particle closing a pair in apposition (``전략제품인 A와 B는 …``).
_APPOSED_END = re.compile(r"^(?:은|는|이|가|을|를|도|의)\s")
#: Words that point back (``이 기술은``): what follows is about that thing, not a list of it.
_DEICTIC = ("이", "그", "해당", "각", "모든", "전", "타", "다른", "이번", "동")


def _qualified_topic(doc: Doc, phrases: list[Phrase], first: int) -> bool:
    """Whether the topic before ``first`` is a cue with a qualifier that makes it a set
    (``요소기술은``, ``유망 품목에는``, ``신규 전략분야는``), not a thing pointed back to."""
    if first == 0 or _cue_before(doc, phrases, first) is None:
        return False
    topic = phrases[first - 1]
    words = topic.text.split()
    if len(words) > 1 and words[-1] in LIST_WORDS:
        words = words[:-1]
    head = next((h for h, _ in CUE_CLASSES if words[-1].endswith(h)), "")
    stem = "".join(words)[: -len(head) or None]
    if words[0] not in _DEICTIC and _CHOSEN_BEFORE.search(
        text_of(doc), max(0, topic.start_char - 12), topic.start_char
    ):
        return True  # ``새로 추가된 분야는``, ``이번에 선정된 기술은``: the set chosen
    if words[0] not in _DEICTIC and bool(stem) and is_kind(stem):
        return True
    # ``이 분야 전략제품으로는``, ``스마트 양식 분야 전략제품은``: the set of a field named
    # before the qualified cue
    field = next((n for n, w in enumerate(words[:-1]) if w in ("분야", "부문")), None)
    own = words[-1][: -len(head) or None]
    return field is not None and field == len(words) - 2 and bool(own) and is_kind(own)


#: A clause of choosing right before a cue (``새로 추가된 분야``, ``올해 선정된 품목``).
_CHOSEN_BEFORE = re.compile(r"(?:" + _DESIGNATE + r"|발굴|확정|선택)(?:된|한)\s+$")


#: 에 may tie an amount on to the item before it (``청정제조기반에 1,243억원``).
_TIED = r"^(?:에|에는)?\s*"
_MONEY = r"\d[\d,.]*\s*(?:조\s*[\d,]*\s*)?(?:억|만)?\s*원"
#: An amount or a count right after an item (``315억원``, ``12개``).
_AMOUNT = re.compile(_TIED + r"(?:" + _MONEY + r"|\d[\d,.]*\s*여?\s*(?:개|건|종|곳|명)(?![가-힣]))")
#: An amount of money right after an item (``…에는 1,627억원``).
_FUNDED = re.compile(_TIED + _MONEY)
#: Quotes around listed items (``'A', 'B', 'C' 등``).
_GLOSS = re.compile(r"^\s*[(（][^()（）]{1,20}[)）]")
#: Within a list an item's bracket may hold its own sub-list (``해양드론(글라이더, 잠수정)``).
_INNER = re.compile(r"^\s*[(（][^()（）]{1,60}[)）]")


def _past_aside(text: str, *, inner: bool = False) -> str:
    """The text after an item, past its amount or count (``315억원``, ``12개``) and its
    bracketed gloss (``(AI)``, ``(50억원)``), which stay with the item."""
    return (_INNER if inner else _GLOSS).sub("", _AMOUNT.sub("", text))


#: Words that open an item's phrase without being part of its name: time words and the
#: words that order a text's points (``마지막 환경분야에서는``), and the roadmap whose item it
#: is (``로드맵 기계·소재 분야에는``).
_LEADING_WORDS = re.compile(
    r"^(?:올해|내년|지난해|작년|금년|이번|기존|주요|각|마지막|첫째|둘째|셋째|끝으로|경우|반면|한편"
    r"|로드맵|기술로드맵)\s+"
)
#: A cue printed with the item: after a space, or attached when it only names a kind of area
#: (``미래 우주분야``; ``…산업``, ``…기술`` attached are part of the name).
_TRAILING_CUE = re.compile(
    r"(?:\s+(?P<cue>분야|산업|부문|영역|품목|제품|기술)|(?<=\S\S)(?P<own>분야|부문|영역))$"
)


#: 분야 or 부문 inside a phrase: ``딥테크 분야 스타트업``, ``극지로봇 분야 창업``. The words
#: before it name a field; those after it what is done in that field.
_INNER_CUE = re.compile(r"\s+(?P<cue>분야|부문)\s+(?=\S)")
#: ... unless the phrase is a programme's name (``애플리케이션 분야 전용사업``).
_NAMED_PROGRAMME = ("사업", "프로그램", "바우처")


def _item(phrase: Phrase) -> Item:
    text = phrase.text
    start = phrase.start_char
    lead = _LEADING_WORDS.match(text)
    if lead:
        text, start = text[lead.end() :], start + lead.end()
    inner = _INNER_CUE.search(text)
    if inner and not text.endswith(_NAMED_PROGRAMME):
        return Item(phrase, text[: inner.start()], start, inner["cue"])
    trailing = _TRAILING_CUE.search(text)
    if trailing:
        text = text[: trailing.start()]
    cue = (trailing["cue"] or trailing["own"]) if trailing else None
    return Item(phrase, text, start, cue)


#: Words that qualify a cue noun printed before it (``8대 주요 기술``).
CUE_MODIFIERS = ("주요", "핵심", "중점", "유망", "선도", "신규")
#: After a list: 등/등의, then at most four words (``등 지식경제부 소관``), an optional count, and
#: the cue word (``35개 산업``, ``3개 대분야``, ``각 분야``).
_CUE_AFTER = re.compile(
    r"^\s*(?:(?:등의?|등과\s+같은|(?:와|과)?\s*같은|이상)\s+(?:(?!\d+\s*[명곳건])[^\s,.]+(?<![을를한된할과와])(?<!로부터)(?<!에서)\s+){0,4}?"
    # ``A, B 등 정책·투자의 핵심 대상이 될 총 50개의 중점기술``: a clause, then the count
    # (not past a second 등: ``A, B 등 환경변화 등을 고려해 12대 …`` groups them as 환경변화)
    r"|등\s+(?:(?!등[을를이가의\s])[^.,\n\d]){0,40}?(?=(?:총\s*)?\d+\s*(?:개|대|가지|종))"
    # ``A, B 및 C의 5대 산업분야``: the set the items make, counted, after 의
    r"|의\s+(?=(?:총\s*)?\d+\s*(?:개|대|가지|종))"
    # ``A, B 등이 포함된 19대 미래성장동력``, ``A 등을 포함한 5개 분야``: the set they are in
    r"|등[이을를]?\s*포함(?:된|한|하는|해)\s+(?=(?:총\s*)?\d+\s*(?:개|대|가지|종)))?"
    r"(?:각\s*)?(?:총\s*)?(?:" + COUNTED + r"(?:의)?\s*)?"
    # ``A, B 등 다양한 분야의``: an adjective of number before areas, which a clause's 한 is
    # not (``등 다양한 제품에 적용``: what a technology goes into, no products of a roadmap)
    r"(?:(?:다양한|여러|각종)\s+(?=분야|부문))?"
    r"(?:(?:" + "|".join(CUE_MODIFIERS) + r")\s+)?"
    r"(?P<cue>[가-힣A-Za-z]*?(?:[·ㆍ][가-힣A-Za-z]+)*?(?:"
    + CUE_HEADS
    # ``A, B 등 17대 신산업, C 등 10대 주력산업``: a comma after the cue starts the next list
    # (a 로 that goes on is no particle: ``… 등 중소기업통합기술로드맵에서``)
    # a plural cue is its noun's (``… 등 업체들까지도``)
    + r"))(?:들)?(?:별|의|을|를|이|가|은|는|도|에|까지|(?:으로|로)(?![가-힣])|과|와|다|,|\(|\s|$)"
)


#: Verbs that choose a set's members: ``…로 선정했다``, ``…로 꼽았다``, ``…로 정했다``.
CHOSEN = r"(?:선정|지정|꼽|뽑|정했|정하|정한|확정|제시|발굴|선택|삼았|삼아|삼고|삼는)"
#: A counted cue phrase: ``17대 신산업``, ``3개 분야``.
_COUNTED_CUE = re.compile(r"^(?:총\s*)?\d+\s*(?:대|개|가지)\s*\S*$")


#: A list named as what it is chosen to be: ``A, B 등을 전략분야로 선정``; without 등, the
#: verb of choosing says the list is the whole set (``A, B, C를 3대 중점 분야로 꼽았다``).
CUE_AS = re.compile(
    r"^\s*(?:등[을를]|[을를](?=[^.\n]{1,24}?(?:으로|로)\s+(?:[^\s,.]+\s+)?" + CHOSEN + r"))"
    r"\s+(?:[^\s,.]+\s+){0,2}?(?P<cue>[가-힣A-Za-z]*?(?:[·ㆍ][가-힣A-Za-z]+)*?(?:"
    + CUE_HEADS
    + r"))(?:으로|로)\s"
)


def _text_after(doc: Doc, phrases: list[Phrase], last: int) -> str:
    """What follows a list ending at ``last``, past an aside and without quote marks."""
    end = phrases[last].end_char
    return QUOTE_MARKS.sub("", _past_aside(text_of(doc)[end : end + 60]))


def _named_as(doc: Doc, phrases: list[Phrase], last: int) -> str | None:
    """``A, B, C 기술 등을 전략적 7대 진흥산업으로 선정``: the class the list is chosen as."""
    m = CUE_AS.match(_text_after(doc, phrases, last))
    return cue_class(m["cue"]) if m else None


#: ``… 등 (미래 성장유망) 20대 전략분야``: a list closed by 등 and counted as a set.
_COUNTED_AFTER = re.compile(r"^\s*등의?\s+(?:[^\s,.\d]+\s+){0,3}?(?:총\s*)?\d+\s*(?:개|대|가지)\s*")


def _counted_as(doc: Doc, phrases: list[Phrase], last: int) -> str | None:
    """The class of the counted set a list is closed as (``… 등 20대 전략분야``)."""
    if not _COUNTED_AFTER.match(_text_after(doc, phrases, last)):
        return None
    return _cue_after(doc, phrases, last)


#: A list closed by 등 and a count of firms (``… 등 그린벤처 15개사``).
_FIRMS_COUNTED = re.compile(r"^\s*등\s+(?:[가-힣A-Za-z0-9·]+\s+){0,2}?(?:총\s*)?\d+\s*개사")


def _cue_after(doc: Doc, phrases: list[Phrase], last: int) -> str | None:
    """``… 등 3개 대분야``, ``… 등의 분야``, ``… 등 지식경제부 소관 35개 산업``,
    ``… 등을 전략분야로``."""
    after = _text_after(doc, phrases, last)
    if _FIRMS_COUNTED.match(after):
        return "Organization"  # ``대창솔루션 등 그린벤처 15개사``: firms, counted
    m = _CUE_AFTER.match(after) or CUE_AS.match(after)
    if m is None:
        return "CoreTechnology" if _DEVELOPED.match(after) else None
    cls = cue_class(m["cue"])
    rest = after[m.end("cue") :]
    if set(after[: m.start("cue")].split()[-1:]) & POINTING_BACK:
        return None  # ``A, B 등 해당 기업에 필요한``: the cue points back to another set
    if cls == "Organization" and _DEVELOPED_BY.match(rest):
        return "CoreTechnology"  # ``A, B 등의 중소기업 기술개발을 지원``: what firms develop
    if cls == "Organization" and re.match(r"\s+[가-힣A-Za-z]|에\s*(?:대한|게|의)", rest):
        return None  # ``… 등의 중소기업 육성``, ``… 등 기업에 대한``: for the firms
    if _ABOUT_KIND.match(rest):
        return None  # ``특허·논문 등 기술 문헌``: documents about technology, no technologies
    if cls == "StrategicField" and _GOODS_OF.match(rest):
        return "StrategicProduct"  # ``A, B 등 신산업 분야의 소재·부품·장비``: the field's goods
    counted = COUNT_BEFORE_CUE.search(after[: m.start("cue")])
    return (counted and _second_count(rest)) or head_cue(rest, counted=bool(counted)) or cls


#: The goods of a field named after its cue: ``… 분야의 소재·부품·장비``, ``… 산업의 품목``.
_GOODS_OF = re.compile(
    r"^(?:\s*(?:분야|산업|부문))?의\s+(?:소재[·ㆍ‧]부품[·ㆍ‧]장비|소재|부품|품목|제품)(?:[을를이가은는의에과와도]|[\s,.]|$)"
)
#: Nouns a cue word may qualify, which then head the phrase: what is said is about the
#: kind (its documents, people, level), not members of it.
_ABOUT_KIND = re.compile(
    r"^\s*(?:문헌|인력|수준|격차|동향|유출|보호|이전)(?:[을를이가은는의에과와도]|[\s,.]|$)"
)


#: A count right before a cue (``10대 분야``).
COUNT_BEFORE_CUE = re.compile(COUNTED + r"\s*$")
#: A second counted cue right after the first: ``… 등 10대 분야 30개 국방전략기술``.
_SECOND_COUNTED = re.compile(
    r"^\s+(?:총\s*)?" + COUNTED + r"(?:의)?\s*(?P<cue>[가-힣A-Za-z]*?(?:" + CUE_HEADS + r"))"
    r"(?:[별의을를이가은는에로과와다]|으로|\s|$)"
)


#: A list closed by counted areas and then a second count: ``… 등 12개 분야 312개 품목``.
_AREAS_COUNTED_FIRST = re.compile(
    r"^\s*(?:등의?\s+)?(?:총\s*)?(?P<areas>\d+|"
    + "|".join(NATIVE_COUNTS)
    + r")\s*(?:개|대|가지)?\s*(?:전략|중점|핵심)?\s?(?:분야|부문)\s+(?:총\s*)?"
    + COUNTED
)


def _second_count(rest: str) -> str | None:
    """``A, B 등 10대 분야 30개 국방전략기술``, ``A, B 등 8개 분야 35개 기술``: the items are
    what the last count counts, the areas only group them. (Joined by 와 or 에서, as in
    ``… 등 3개 대분야와 112개 전략제품``, or after areas not counted, as in ``A, B 등 뉴딜
    분야 170개 품목``, the items stay areas.)"""
    second = _SECOND_COUNTED.match(rest)
    if second is None:
        return None
    # under counted areas, a 전략기술 (a field on its own) is one of their technologies
    return "CoreTechnology" if second["cue"].endswith("기술") else cue_class(second["cue"])


#: Words before a cue that point back to a set named before (``등 해당 기업에``).
POINTING_BACK = frozenset(["해당", "그", "이", "동"])
#: After a firms cue, the development the items are the subject of: ``… 등의 중소기업
#: 기술개발을``.
_DEVELOPED_BY = re.compile(r"\s+(?:기술\s?개발|연구\s?개발|R&D)(?:을|를|에|과|와|\s|$)")

#: A list that is what is commercialised or developed: ``A, B 등을 상용화하는``, ``A, B 등
#: 상용화 R&D``, ``A(479억 원), B(377억 원) 등 연구개발(R&D)에 … 투자``.
_DEVELOPED = re.compile(
    r"^\s*등[을를]?\s+(?:(?:상용화|국산화|고도화|기술개발|개발)"
    r"(?:하[는기고며여]|\s+(?:R&D|연구개발|기술개발))"
    r"|(?:연구개발|기술개발|R&D)(?:\s*\((?:R&D|연구개발)\))?(?:에|을|를)\s)"
)


def head_cue(rest: str, *, counted: bool = False) -> str | None:
    """The class of a second cue noun right after a cue, which heads the phrase:
    ``… 등 경제안보 분야 기술 10종`` lists technologies, ``… 등 20개 기술 분야`` fields; or,
    after a cue no count binds, a few words further (``등 산업 AI 확산 기술에``)."""
    head = _HEAD_AFTER.match(rest) or (None if counted else _HEAD_FURTHER.match(rest))
    return cue_class(head["head"]) if head else None


#: A second cue noun right after a cue heads the phrase (``분야 기술``, ``기술 분야``).
_HEAD_AFTER = re.compile(
    r"^\s+(?P<head>" + CUE_HEADS + r")(?:[별의을를이가은는에로과와다]|으로|\s|$)"
)
#: … and so does one past up to two words with no particle, after a cue no count binds
#: (``등 산업 AI 확산 기술(M.AX)에``: a phrase's last noun is its head; not ``등 16개 기술
#: 중점투자 분야``, where the count says what the items are).
_HEAD_FURTHER = re.compile(
    r"^\s+(?:[가-힣A-Za-z]+(?<![을를의에은는이가과와도])\s+){1,2}?(?P<head>"
    + CUE_HEADS
    + r")(?:\([A-Za-z0-9.&\- ]{1,15}\))?(?:[의을를이가은는에과와]|으로|\s|$)"
)


def _for_others(doc: Doc, phrases: list[Phrase], last: int) -> bool:
    """``자동차, 에너지 등 타 산업과의 연계``: the items are other industries, not the
    document's own, whatever the topic before them says."""
    after = _past_aside(text_of(doc)[phrases[last].end_char : phrases[last].end_char + 60])
    m = _CUE_AFTER.match(after)
    return bool(m and _OTHERS.search(after[: m.start("cue")]))


def _criteria(doc: Doc, phrases: list[Phrase], last: int) -> bool:
    """``A, B, C 가능성 등을 기준으로 선정``: the items are what things are judged by."""
    after = text_of(doc)[phrases[last].end_char : phrases[last].end_char + 20]
    return _CRITERIA.match(_past_aside(after)) is not None


#: What makes a list's items criteria: ``등을 기준으로``, ``을 평가 기준으로``, ``등의 요건``.
_CRITERIA = re.compile(
    r"^\s*(?:등)?\s*[을를의]?\s*(?:(?:주요|핵심|선정|평가)\s*)?(?:기준|요건|잣대|평가항목)"
)

#: Words that make a cue's items others than the document's own (``타 산업``, ``다른 분야``).
_OTHERS = re.compile(r"(?:^|\s)(?:타|다른|기타|인접|여타)\s*$")


#: A topic that is an area of technology (``단일기술 분야``, ``융·복합기술 분야``): what it
#: lists are technologies, unless a number makes it a set of areas (``12대 기술 분야``).
_TECHNOLOGY_AREA = re.compile(r"기술\s?분야$")


def _cue_before(doc: Doc, phrases: list[Phrase], first: int) -> str | None:
    """``X는 A, B, C`` / ``X로는 A, B`` / ``X: A, B``: the topic right before the list."""
    if first == 0:
        return None
    topic = phrases[first - 1]
    gap = _between(doc, topic, phrases[first]).strip()
    # ``전략분야(4개)는 A, B``, ``분야는 총 5개로, A, B``: the topic's count, then the list
    gap = _COUNT_OF_TOPIC.sub(lambda m: m["particle"] or m["p2"] or "", gap)
    if topic.text == "다음" and _AS_FOLLOWS.fullmatch(gap) and first >= 2:
        # ``4대 중점 분야는 다음과 같다: A, B``: the topic before "as follows"
        topic = phrases[first - 2]
        gap = _between(doc, topic, phrases[first - 1]).strip()
    if gap not in _TOPIC:
        return None
    if topic.text.endswith("별") and gap in ("로", "으로"):
        return None  # ``산업분야별로 A, B 등으로 …``: per field, not a list of fields
    words = topic.text.split(" ")
    if len(words) > 1 and words[-1] in LIST_WORDS:
        words = words[:-1]  # ``요소기술 항목에는 A와 B``: the entries of a kind are of it
    elif words == [topic.text] and topic.text in LIST_WORDS:
        # ``… 12대 전략품목을 확정했다. 목록에는 A, B, C 등이``: the list the sentence before
        # counted
        return _counted_before(text_of(doc), topic.start_char)
    cls = cue_class(re.sub(r"별$", "", words[-1])) or _measured_by(topic.text)
    if gap == ":" and (outer := _bracket_cue(text_of(doc), topic.start_char)) is not None:
        return outer  # ``17대 전략분야(녹색기술: 풍력, 태양광 등, …)``: a group of the set
    before = text_of(doc)[max(0, topic.start_char - 8) : topic.start_char]
    words = topic.text.split()
    if (_POINTING.search(before) and len(words) == 1) or (words[0] in _DEICTIC and len(words) <= 2):
        # ``이 기술은 A, B 등 …에``: about that technology, not a list of them (but ``이 분야
        # 전략제품으로는 A와 B``: the products of that field)
        return None
    # ``12가지 기술은``, ``10대 기술은``: the count before the topic or opening its phrase
    numbered = (
        re.search(r"\d+\s*(?:대|가지)\s*$", before) is not None
        or re.match(r"\d+\s*(?:대|가지)\s", topic.text) is not None
    )
    if cls == "CoreTechnology" and numbered:
        return "StrategicField"  # "12가지 기술은 …", "10대 기술은 …": a numbered set of areas
    if cls == "StrategicField" and _TECHNOLOGY_AREA.search(topic.text) and not numbered:
        return "CoreTechnology"  # ``단일기술 분야는 A·B·C 등이고``: areas of technology
    return cls


def _counted_before(text: str, at: int) -> str | None:
    """The class of the last counted cue in the sentence before ``at`` (``12대 전략품목``)."""
    ends = [0, *(m.end() for m in SENTENCE_END.finditer(text, 0, at))]
    # the last stretch between two ends that holds words (a mark and a line break end one)
    spans = [(a, b) for a, b in itertools.pairwise(ends) if text[a:b].strip(" .!?\n")]
    if not spans:
        return None
    found = list(_COUNTED_CUE_IN.finditer(text, *spans[-1]))
    return cue_class(found[-1]["cue"]) if found else None


#: A counted cue inside a sentence: ``12대 전략품목``, ``16개 핵심 부품``.
_COUNTED_CUE_IN = re.compile(
    COUNTED
    + r"\s*(?:(?:"
    + "|".join(CUE_MODIFIERS)
    + r")\s+)?(?P<cue>[가-힣A-Za-z]*?(?:"
    + CUE_HEADS
    + r"))(?=[을를이가은는의에과와도로\s,.])"
)
#: Nouns for a kind's list or its entries, which a cue may stand before (``요소기술 항목``).
LIST_WORDS = frozenset(["항목", "목록", "명단", "리스트"])
#: Nouns that measure what a topic distributes (``분야별 품목 수는``, ``전략분야별 배정액은``).
MEASURES = frozenset(
    [
        "수",
        "건수",
        "예산",
        "예산액",
        "배정액",
        "배분액",
        "지원액",
        "투자액",
        "금액",
        "규모",
        "비중",
        "비율",
    ]
)


def _measured_by(topic: str) -> str | None:
    """``분야별 품목 수는 A 18개, B 16개``: a measure per area lists the areas."""
    words = topic.split()
    if len(words) < 2 or words[-1] not in MEASURES:
        return None
    by = next((w for w in reversed(words[:-1]) if w.endswith("별")), None)
    return cue_class(by.removesuffix("별")) if by else None


def _counted_topic(doc: Doc, phrases: list[Phrase], first: int) -> str | None:
    """The class of a counted topic before a list (``4대 중점 분야는 …``)."""
    cls = _cue_before(doc, phrases, first)
    if cls is None:
        return None
    topic = phrases[first - 1] if phrases[first - 1].text != "다음" else phrases[first - 2]
    return cls if re.match(COUNTED, topic.text) else None


#: A topic's own count between it and its list: a bracket before the particle (``(4개)는``)
#: or a clause after it (``는 총 5개로,``, ``은 모두 3개다:``).
_COUNT_OF_TOPIC = re.compile(
    r"^[(（]\s*(?:총\s*)?\d+\s*(?:개|대|가지)\s*[)）]\s*(?P<particle>은|는|로는|으로는|:|：)$"
    r"|^(?P<p2>은|는)\s*(?:총|모두)?\s*\d+\s*(?:개|대|가지)\s*(?:로|이며|이고|다)?\s*[,:]$"
)


#: What follows "다음" when a list is announced: ``다음과 같다:``.
_AS_FOLLOWS = re.compile(r"과\s*같(?:다|습니다)\s*[:.]?")


#: ``… 등 6개 사업``: a list of programmes closed by their count.
_PROGRAMMES_COUNTED = re.compile(
    r"^\s*등\s+(?:총\s*)?(?P<n>\d+)\s*개\s*(?:사업|프로그램)(?:[을를이가은는의에과와도]|으로|로)?(?![가-힣])"
)


def _counted_programmes(doc: Doc, phrases: list[Phrase], last: int, n: int) -> bool:
    """Whether the list ending at ``last`` is closed by a count of programmes that is its
    length (``기술혁신, 융·복합, …, 이전기술개발사업 등 6개 사업``): then each item is a
    programme's short name, though it lacks a programme's ending."""
    after = _past_aside(text_of(doc)[phrases[last].end_char : phrases[last].end_char + 30])
    m = _PROGRAMMES_COUNTED.match(after) or _RUN_AS.match(after)
    return m is not None and _number(m["n"]) == n


def _tracks_of(doc: Doc, phrases: list[Phrase], first: int, last: int, n: int) -> str | None:
    """``이번 사업은 A와 B 두 가지로 운영된다``: the items a programme, named as the topic
    before them, is run as are its tracks (programmes)."""
    after = _past_aside(text_of(doc)[phrases[last].end_char : phrases[last].end_char + 30])
    m = _RUN_AS.match(after)
    if first == 0 or m is None or _number(m["n"]) != n:
        return None
    topic = phrases[first - 1]
    if _between(doc, topic, phrases[first]).strip() not in _TOPIC:
        return None
    return "Programme" if cue_class(topic.text.split()[-1]) == "Programme" else None


def _number(n: str) -> int:
    return NATIVE_COUNTS.get(n) or int(n)


#: ``(이번 사업은) A와 B 두 가지로 운영된다``: the tracks a programme is run as.
_RUN_AS = re.compile(
    rf"^\s*(?:등\s+)?(?:총\s*)?(?P<n>\d+|{'|'.join(NATIVE_COUNTS)})\s*(?:개|가지)\s*"
    r"(?:유형|트랙|분야|부문|방식)?\s*(?:으로|로)\s*(?:운영|구성|나뉘|나눠|나누어|구분|추진)"
)


#: A counted set of fields whose bracket opens right before (``17대 전략분야(``).
_COUNTED_FIELDS_OPEN = re.compile(
    COUNTED + r"\s*(?P<cue>[가-힣A-Za-z]*(?:분야|부문|산업))\s*[(（]$"
)
#: How far inside such a bracket a labelled group may start.
BRACKET_REACH = 120


def _bracket_cue(text: str, at: int) -> str | None:
    """The class of the counted set whose open bracket holds ``at``: its labelled groups
    (``녹색기술: 풍력, 태양광``) are groups of that set, whatever their labels' heads."""
    window = text[max(0, at - BRACKET_REACH) : at]
    opening = max(window.rfind("("), window.rfind("（"))
    if opening < 0 or ")" in window[opening:] or "）" in window[opening:]:
        return None
    m = _COUNTED_FIELDS_OPEN.search(text, 0, at - len(window) + opening + 1)
    return cue_class(m["cue"]) if m else None


#: A determiner that points back, right before a topic (``이 기술은``, ``해당 분야는``).
_POINTING = re.compile(r"(?:^|\s)(?:이|그|해당|동|본|각|이런|이러한|그런)\s*$")


#: Verbal nouns that end a clause, not a name (``집중 육성``, ``기술 선정``).
ACTION_NOUNS = (
    "선정",
    "육성",
    "투자",
    "협력",
    "협업",
    "관련",
    "추진",
    "지원",
    "제시",
    "개발 목표",
    "목표",
    "방향",
    # what a plan means to reach (``역동경제 구현``, ``국가안보 유지``, ``미래 전장 선도``)
    "구현",
    "유지",
    "선도",
    "실현",
    "달성",
    # what a plan does to its means (``특허 빅데이터 활용 강화``, ``심사 서비스 제공``)
    "강화",
    "활성화",
    "제공",
    "확대",
    "확보",
    "제고",
    # and how it goes about them (``표준특허 전략``, ``연구개발(R&D) 방향성``)
    "전략",
    "방향성",
    # and what it finds or creates (``신사업 유망 기술 발굴``, ``신시장 창출``), and how it
    # advances what it has (``… 고도화``)
    "발굴",
    "창출",
    "고도화",
    # and how it answers needs or proves things (``미래 수요 대응``, ``후보물질 도출``,
    # ``인프라·장비 구축``, ``초기 상용화·실증``); glued, 대응 and 구축 may end a name
    # (``WMD대응``, ``기반구축``)
    " 대응",
    "도출",
    " 구축",
    "실증",
    # and how it runs itself (``멘토링지원단 운영``, ``졸업제 도입``)
    " 운영",
    " 도입",
)
#: What a plan studies: no field (``특허-표준 연계 분석``), though a technology may analyse
#: (``제조 빅데이터 분석``).
FIELD_ACTIONS = (
    *("분석", "조사", "평가"),
    # work done in an area, not the area: ``전략기술 분야 R&D``, ``나노 산업화``
    *("R&D", "연구개발", "기술개발", "산업화", "상용화", "사업화", "국산화"),
)


def names_programme(item: str) -> bool:
    """Whether a listed item is a programme by its head (``▷창업성장기술개발사업 ▷… 등 5개
    분야``): the programme reader adds it, and the cue of the list does not make it a field."""
    return TRAILING_GLOSS.sub("", item).endswith(PROGRAMME_HEADS)


#: Heads of plans and policies: a listed plan is an edition or a policy, never a field,
#: product, technology or programme.
PLANS = ("계획", "로드맵", "방안", "정책", "대책")


#: Words that name nothing on their own: verbal nouns used as verbs (``…등을 분석, 최종
#: 181개 전략제품``), time and quantity words, the government.
LONE_WORDS = frozenset(
    [
        "분석",
        "최종",
        "신청",
        "정부",
        "현황",
        "대응",
        "검토",
        "평가",
        "조사",
        "선정",
        "지원",
        "개발",
        "추진",
        "구축",
        "확대",
        "강화",
        "도출",
        "발굴",
        "마련",
        "수립",
        "전환",
        "개편",
        "확충",
        "시행",
        "운영",
        "활용",
        "적용",
        "제공",
        "참여",
        "기타",
        "일부",
        "전체",
        "최근",
        "향후",
        "현재",
        "기존",
        "신규",
        "한편",
        "반면",
        # ``분석한 결과, A, B 등``: what the clause before found, no item
        "결과",
        # ``대상자를 모집, 이달 총 32개 기업과``: a clause's verbal noun, then a time
        *("모집", "접수", "공고", "발표", "체결", "협약"),
        *("이달", "올해", "지난해", "내년", "작년", "금년", "이번"),
        # ``중기청, 협력재단과 공동으로``: how the list acts, together, no member of it
        *("공동", "협력", "협업"),
        # ``△LED·광 6개 과제 등``: the tasks an item has, no item
        "과제",
    ]
)


_CUE_WORDS = frozenset(head for head, _ in CUE_CLASSES)
#: Words that open a phrase about a share of a set, not a member of it.
_QUANTIFIERS = frozenset(["전체", "모든", "각", "일부", "여러", "다수"])
#: Cue words for goods that are also the names of fields (``부품 산업``, ``소재 분야``).
_GOODS = frozenset(["소재", "부품"])


#: A kind of body, not one by name (``조합``, ``관련협회``, ``유관기관``).
_BODY_KIND = re.compile(
    r"(?:관련|유관|각|각종|업종별|분야별|지역)?\s?(?:협회|조합|단체|학회|협동조합|연구회|기관|재단)"
)
#: What firms suffer, listed after them (``중소기업은 경제적 부담, 연구인력 발굴 어려움 등으로``),
#: and what they are told (``참가조건, 사업계획 작성 방법, 대면평가 요령 등을 설명``): no bodies.
HARDSHIPS = ("부담", "어려움", "부족", "애로", "한계", "문제", "조건", "방법", "요령")


def plausible(text: str, cls: str) -> bool:
    if not text or len(text) > MAX_ITEM_CHARS or not re.search(r"[가-힣A-Za-z]", text):
        return False
    if text in LONE_WORDS or text in MEASURES or text.split()[0] in _QUANTIFIERS:
        return False  # ``전체 기술 분야``: all of them, none by name; ``비중``: a measure
    if re.match(r"^\d+\s*(?:대|개|가지|여|종|건|곳)|^제?\d+차$", text) or len(text) < 2:
        return False
    if re.match(r"^\d[\d,.]*\s", text):
        return False  # ``40 유망 기술``: a figure from a flattened table, then words
    if (
        cue_class(text)
        and len(text) <= 3
        and not (cls == "StrategicField" and cue_class(text) == "StrategicProduct")
    ):
        # a cue word alone (품목, 분야) names no item; but goods name a field among fields
        # (``농림수산식품, 부품, 신재생에너지 등 5대 산업분야``, ``로봇과 신소재 분야``)
        return False
    if cls != "Programme" and text.endswith(ACTION_NOUNS):  # a programme may be a 지원
        return False
    if cls == "StrategicField" and text.endswith(FIELD_ACTIONS):
        return False
    if cls == "StrategicField" and text in GENERIC_FIELDS:
        return False  # ``해양드론 분야와 틈새 분야``: a kind of area, listed or not
    if cls == "StrategicField" and text.endswith("적"):
        return False  # ``과학적 분야``: a manner (-적), no area by name
    if re.search(r"\d+\s*(?:개|건)\s", text):
        return False  # ``… 바이오부문 5개 과제``: a count inside, not a name
    if cls != "Organization" and TRAILING_GLOSS.sub("", text).endswith(PLANS):
        return False  # ``과학기술기본계획, 산업기술혁신계획(…) 등``: plans, not what they fund
    if cls not in ("Programme", "Organization") and names_programme(text):
        return False
    if cls == "CoreTechnology" and names_no_technology(text):
        return False
    if cls == "CoreTechnology" and text.endswith(INDUSTRY_ENDINGS):
        return False  # ``제조업과 인공지능 기술을 융합한``: an industry, no technology
    if re.fullmatch(rf"(?:{'|'.join(CUE_MODIFIERS)})\s?(?:{CUE_HEADS})", text):
        return False  # ``3개 핵심기술과 A, B 등 4대 분야``: the kind, no member of the list
    last = text.split()[-1]
    if cls != "Organization" and institution_confidence(last, last) is not None:
        return False
    if cls == "Organization" and (_BODY_KIND.fullmatch(text) or text.endswith(HARDSHIPS)):
        return False  # ``조합ㆍ협회 등``: kinds of body; ``경제적 부담, … 어려움 등``: no body
    return not all(ch in JOINERS or ch.isdigit() for ch in text.replace(" ", ""))


__all__ = [
    "COUNT_BEFORE_CUE",
    "CUE_AS",
    "Enumerations",
    "head_cue",
    "is_kind",
    "names_no_technology",
]
