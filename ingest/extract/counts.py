"""Counts bound to the noun they count: ``112개 전략제품``, ``100대 핵심품목``, ``녹색분야 435개``.

A number with a counter (개, 대, 건, 가지, 종, 개사, 곳) counts the noun phrase that follows
it; when none follows (``… 435개,``), the noun phrase just before it, else the topic the
count answers (``전략제품은 지난해 200개``) or the noun of the count it changes from
(``17개에서 20개로``). The parts of a whole broken down in a sentence count its noun
(``도약형(300개), 혁신형(40개) 등 340개 과제``: 도약형 과제). What the noun is —
fields, products, technologies, projects, organisations, patents — comes from the
ontology's figure-kind vocabulary (its altLabels are counted nouns), so a new counted
noun is taught in TTL. The figure quantifies the document it is stated in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from spacy.tokens import Doc

from stkg.ingest.countries import parse_country
from stkg.ingest.extract.base import Source
from stkg.ingest.extract.dates import RELATIVE_YEARS
from stkg.ingest.extract.phrases import (
    CHANGE_WORDS,
    CUE_HEADS,
    JOINERS,
    LIST_DOTS,
    NATIVE_COUNTS,
    SPAN_OF_TIME,
    cue_class,
    is_nominal,
    sentence_first,
    sentence_last,
    text_of,
)
from stkg.ingest.extract.programmes import KIND_WORDS
from stkg.ingest.extract.resolve import Found, add_entity, named_in
from stkg.ingest.nlp.quantities import UNIT_VALUE
from stkg.ingest.normalize import name_key
from stkg.ontology.model import Ontology

#: Counters and, where the counter itself is the noun (``226개사``), what it counts.
COUNTERS = {
    "개": None,
    "대": None,
    "건": None,
    "가지": None,
    "종": None,
    "곳": None,
    "명": None,
    "개사": "기업",
    "개국": "국가",
    "개소": "곳",
    # ``모두 900과제를 선정``: R&D releases count tasks with the noun itself
    "과제": "과제",
}
OTHER_KIND = "otherCount"
#: Periods named against a year (``이듬해``, ``전년동기``): when a count is of, never its noun.
PERIOD_WORDS = ("이듬해", "다음해", "전년도", "전년동기", "동기", "같은 기간")
#: Verbal nouns that follow a count in headlines (``1050개 선정``): an action, not what is counted.
ACTIONS = frozenset(
    [
        "선정",
        "발표",
        "지원",
        "확정",
        "투입",
        "추진",
        "개발",
        "구축",
        "육성",
        "도출",
        "공개",
        "공모",
        "모집",
        "확대",
        "달성",
        "돌파",
        "증가",
        "감소",
        "추가",
        "신설",
        "포함",
        "양성",
        "창출",
        "확보",
        "배출",
        "유치",
        "보급",
        "억",
        "만",
        "조",
    ]
)
#: Nouns a count may print that are no roadmap's, programme's or analysis's: languages
#: (``5개 국어``) and the rank a goal names (``로봇 3대 강국``).
NOT_COUNTED = frozenset(["국어", "강국", "선진강국"])


def _an_action(word: str) -> bool:
    """Whether a word after a count is what is done to the counted (``선정·육성``)."""
    return all(part in ACTIONS for part in re.split(f"[{LIST_DOTS}]", word) if part)


#: A second word after a counted noun that says what is done about it (``7대 산업 육성``).
TRAILING_ACTIONS = ACTIONS | {"관련", "발전", "정책"}
#: One word after a count naming work done on what is counted, not a thing counted
#: (``전략 품목 146개 기술개발에``, ``신규품목 60개 R&D에``): the noun before is counted.
_ACTIVITY = re.compile(r"(?:[가-힣]*개발|R&D|연구)")
#: Nouns that say what about a counted set is meant, not what is counted
#: (``기술 10종의 현황``, ``4억 건의 가치``): the noun before the count is counted.
ASPECTS = frozenset(
    ["현황", "결과", "내용", "동향", "규모", "가치", "비중", "수준", "목록", "특징", "분석", "평가"]
)
EXTRACTOR = "counts"


def figure_kind(onto: Ontology, noun: str) -> str:
    """The figure kind whose counted nouns (altLabels) the noun ends with, longest first."""
    key = name_key(noun)
    best, best_len = OTHER_KIND, 0
    for concept in onto.vocab("figureKind").concepts:
        for label, lang in concept.alt_labels:
            form = name_key(label)
            if lang == "ko" and form and key.endswith(form) and len(form) > best_len:
                best, best_len = concept.notation, len(form)
    return best


#: A genitive glued to a counter (``120개의``).
_OF = re.compile(r"의\s")
#: Figure kinds of a roadmap's own sets, which a count before a genitive counts.
ROADMAP_KINDS = frozenset(["fieldCount", "productCount", "technologyCount"])
#: A counter glued to a unit of time: ``직전 3개년도``, ``9개월``.
_DURATION = re.compile(r"^(?:년|월)")
#: The other side of a ratio after N대 (``7.8대 1``, a headline's ``34대 1...``), not a
#: figure of its own (``1.5``, ``1,200``).
_ONE = re.compile(r"^\s?1(?!\d|[,.]\d)")
#: After a count, words that make it a change, not a count (``35개가 증가한 203개``, ``100개
#: 늘어난``); ``203개로 증가`` states the new total.
_CHANGE = re.compile(r"^\s*(?:[(（][^()（）]*%[^()（）]*[)）])?\s*(?:이|가)?\s*" + CHANGE_WORDS)


class Counts:
    name = EXTRACTOR
    needs_nlp = True
    needs_topic = True

    def __call__(self, source: Source) -> None:
        doc = source.analysis
        seen: dict[float, list[tuple[str, str]]] = {}  # value → (noun key, figure id)
        previous: tuple[str, int] | None = None  # the last count's noun and counter index
        stated: list[_Stated] = []
        i = 0
        while i < len(doc) - 1:
            first, token = i, doc[i]
            number = _number(doc, i) if token.tag_ == "SN" else None
            i += 1
            if number is None:
                continue
            value, c, approximate = number
            glued, c = c, _glued_counter(doc, c)
            i = c + 1
            counter = doc[c]
            counter_text = text_of(doc)[doc[glued].idx : counter.idx + len(counter.text)]
            rest = text_of(doc)[counter.idx + len(counter.text) : counter.idx + 40]
            if _DURATION.match(rest) or _CHANGE.match(rest):
                continue  # ``3개년도``, ``9개월``: a time; ``35개가 증가한``: a change
            if counter_text == "대" and _ONE.match(rest):
                continue  # ``평균 13.2대 1의 경쟁률``: a ratio, no count
            if _PER.match(rest) or _PER_BEFORE.search(
                text_of(doc), max(0, token.idx - PER_REACH), token.idx
            ):
                # ``인구 10만명당 246건``, ``특허 1건당``: a rate and its unit, not counts
                previous = None
                continue
            after = _noun_after(doc, c + 1)
            aspect = after is not None and after[0].split()[0] in ASPECTS
            if after is not None and (
                _an_action(after[0].split()[0])
                or after[0].split()[0] in ASPECTS
                # ``총 4458건 가운데 일본이``, ``45만7955건 대비 4.9% 증가``
                or after[0].split()[0] in AMONG | COMPARED | ORDER
                or _ACTIVITY.fullmatch(after[0])
            ):
                after = None
            if after is not None and len(after[0].split()) > 1 and after[0].split()[-1] in AMONG:
                # ``121개 과제 가운데 111개가``: the noun, not the word that picks some out
                head = after[0].rsplit(" ", 1)[0]
                after = (head, text_of(doc).index(head, doc[c + 1].idx) + len(head))
            if after is not None and after[0].split()[-1] in TRAILING_ACTIONS:
                # ``7대 산업 육성``, ``7대 산업 관련 특허``: what is done about the set
                head = after[0].split()[0]
                after = (head, text_of(doc).index(head, doc[c + 1].idx) + len(head))
            if after is None:  # ``최소 2개에서 최대 4개의 세부과제``: the range's noun
                after = _range_noun(doc, c)
            qualified = _qualified_counter(doc, first, COUNTERS[counter_text])
            before = _noun_before(doc, first) or _share_first(doc, first)
            stated_after = (
                qualified
                or COUNTERS[counter_text]
                or after
                or _listed_total(doc, first)
                or _share_of(doc, first)
                or _recorded_as(doc, c)
                or _filed(doc, c)
            )
            # ``협력사 11개사``: the noun printed before says which companies; else it is
            # counted when nothing after the number says what is
            named_before = before if (c != glued and not qualified) or not stated_after else None
            if (
                named_before is None
                and before is not None
                and _OF.match(text_of(doc), counter.idx + len(counter.text))
                and figure_kind(source.ctx.onto, before) in ROADMAP_KINDS
            ):
                # ``후보 품목 240여 개의 유효특허``, ``전략제품 120개의 특허 동향``: the kind
                # before the count is counted, what follows is about them
                named_before = before
            topic = None if named_before or stated_after else _topic_before(doc, first)
            noun = (
                named_before
                or stated_after
                or topic
                or _looked_at(doc, first)
                or _changed_from(doc, first, previous)
                or _object_changed(doc, first, c)
                or _object_counted(doc, first, c)
                # ``특허 빅데이터는 … 4억 8000만여 건의 가치가``: what the sentence is about
                or (_sentence_topic(doc, first) if aspect else None)
            )
            if counter_text == "건" and (not noun or _FILINGS_OF.fullmatch(str(noun))):
                # ``2014년 39건``, ``전년동기(10만7620건)``; ``2004년 74건에서 2008년 538건으로``:
                # a count changed to another time is of that time, not of the one before
                noun = _filings_when(doc, first) or noun
            previous = None
            if not noun or (noun if isinstance(noun, str) else noun[0]).split()[0] in NOT_COUNTED:
                continue  # ``5개 국어``, ``로봇 3대 강국``
            noun_text, noun_end = (
                noun if isinstance(noun, tuple) else (noun, counter.idx + len(counter.text))
            )
            noun_text = noun_text.removesuffix("별") or noun_text
            # ``출원건수는 39만6996건``, ``출원량은 55만7000여 건``: a number of filings counts them
            noun_text = _NUMBER_OF.sub("", noun_text) or noun_text
            end = max(counter.idx + len(counter.text), noun_end)
            stated.append(_Stated(value, noun_text, (token.idx, end), approximate, c, first))
            if counter_text in BREAKDOWN_COUNTERS and (
                named_before or (topic and _subject_part(doc, first, c))
            ):
                # ``중소기업이 1580건(54%)``, ``개인이 483건, 대학이 378건``: who has how many
                # of a whole
                stated[-1].item = True
                previous = (noun_text, c)  # recorded once the breakdown is read
            else:
                _filings_of_party(source, stated[-1])  # ``한국 1567건으로 1위``
                if _record(source, seen, value, stated[-1].noun, (token.idx, end), approximate):
                    previous = (noun_text, c)
        for count in _breakdowns(source, stated):
            _record(source, seen, count.value, count.noun, count.span, count.approximate)
        _native_counts(source, seen)


@dataclass
class _Stated:
    """A count as read, before it is recorded (a breakdown's items wait for their noun)."""

    value: float
    noun: str
    span: tuple[int, int]
    approximate: bool
    counter: int
    first: int
    item: bool = False


#: Counters of a breakdown's parts (``정보통신 15개, 지식서비스 3개``, ``중국(504건)``).
BREAKDOWN_COUNTERS = frozenset(["개", "건"])
#: ``과제는 분야별로``, ``출원은 국가별로는``: what a sentence breaks down, and by what.
_BROKEN_DOWN = re.compile(
    # (not a verb's adnominal before: ``사용되는 의료데이터 종류별로``)
    r"(?P<what>[가-힣A-Za-z]+?)(?:은|(?<![되하있없])는|이|가)\s+(?:[가-힣]+\s+)?[가-힣]+별로(?:는)?\s+"
)


def _breakdowns(source: Source, stated: list[_Stated]) -> list[_Stated]:
    """The counts named by the word printed before them, with the noun they count when
    they break a whole down: ``첫걸음(430개), 사회문제해결형(20개) 등 총 450개 과제`` counts
    과제 of each kind (``첫걸음 과제``), and so does ``과제는 분야별로 정보통신 15개, …``.

    Two or more such counts in a sentence are a breakdown; its noun is that of a count of
    the whole in the same sentence (after the parts first), else what the sentence breaks
    down (``…는 분야별로``), else the noun of the breakdown the sentence before went on
    with. A lone count keeps the noun before it (``녹색분야 435개``).

    A breakdown by a kind of item (``분야별로 정보통신 15개, 지식서비스 3개``) names items
    of that kind: its parts are fields (or products, technologies) too."""
    doc = source.analysis
    items = [s for s in stated if s.item]
    inner = _bracketed_parts(doc, items)
    by_sentence: dict[int, list[_Stated]] = {}
    for s in items:
        if id(s) not in inner:
            by_sentence.setdefault(sentence_first(doc, s.first), []).append(s)
    # (sentence end, noun, whether by who filed) of the breakdown before
    last_noun: tuple[int, str, bool] | None = None
    for start, parts in sorted(by_sentence.items()):
        if len(parts) < 2 and not _SHARE.match(text_of(doc), doc[parts[0].counter].idx + 1):
            # one part is a breakdown when it says its share (``1580건(54%)``); alone, a
            # country's or a body's count in 건 is its filings (``한국이 1567건으로 1위``)
            _filings_of_party(source, parts[0])
            continue
        end = sentence_last(doc, parts[-1].counter)
        whole = [
            s
            for s in stated
            if not s.item
            and start <= s.first <= end
            and doc[s.counter].text == doc[parts[0].counter].text
        ]
        # the whole is at least its parts (``한국은 5770건으로 일본(9881건)``: a peer, no whole),
        # and no party's own count (``이어 ㈜디오가 174건, 경희대 87건, …``: a peer too)
        whole = [
            s
            for s in whole
            if s.value >= sum(p.value for p in parts) and not _FILINGS_OF.fullmatch(s.noun)
        ]
        after = [s for s in whole if s.first > parts[-1].first]
        nearest = after[:1] or whole[-1:]
        unit = nearest[0].noun if nearest else None
        if unit is None:
            # ``A(3,169건), B(1,978건)에 관한 특허 출원``: what the parts are counts of, after them
            last = doc[parts[-1].counter]
            about = _COUNTS_OF.match(text_of(doc), last.idx + len(last.text))
            unit = about["unit"] if about else None
        if unit is None:
            head = text_of(doc)[doc[start].idx : doc[parts[0].first].idx]
            m = _BROKEN_DOWN.search(head)
            unit = m["what"] if m else None
        filed_by = False  # parts named by who or where filed, not by a noun printed with them
        if unit is None and last_noun is not None and last_noun[0] == start - 1:
            _, unit, filed_by = last_noun
        if unit is None:
            # ``779개 신규과제를 선정 … △수출지향형(80개 …) △시장확대형(444개 …) △…(255개
            # …)``: a whole stated before whose count the parts add up to
            total = sum(p.value for p in parts)
            counter = doc[parts[0].counter].text
            earlier = [
                s
                for s in stated
                if not s.item
                and s.first < parts[0].first
                and s.value == total
                and doc[s.counter].text == counter
            ]
            unit = earlier[-1].noun if earlier else None
        if unit is None and doc[parts[0].counter].text == "건":
            # ``주요 출원인으로는 A(107건, 8.36%), B(37건, …)``: what a text that has spoken
            # of filings counts in 건 part by part is filings
            unit = filings_noun(text_of(doc)[: doc[end].idx])
            filed_by = unit is not None
        names = [_whole_item(doc, b, s) for b, s in zip([None, *parts], parts, strict=False)]
        _items_by_kind(source, start, parts, names)
        if not unit:
            continue
        if doc[parts[0].counter].text == "건":
            _applicants(source, start, parts, names)
        if name_key(unit).endswith(TASKS):
            _tracks(source, parts, names)
        for s, item in zip(parts, names, strict=True):
            if filed_by and not name_key(item).endswith(name_key(unit)):
                # ``수원시(12,139건), 유성구(9,337건)``: filings, by who or where (출원 (수원시))
                s.noun = f"{unit} ({item})"
                continue
            # ``해저산업 분야 8개, … 등 15개 분야``: the part already says what it is
            s.noun = item if name_key(item).endswith(name_key(unit)) else f"{item} {unit}"
        last_noun = (end, unit, filed_by)
    return items


#: After a breakdown's last part, the noun its parts are counts of: ``…(1,438건)에 관한 특허
#: 출원``, ``… 관련 특허가``.
_COUNTS_OF = re.compile(
    r"\s*(?:,\s*[\d.]+\s*%\s*)?[)）]?\s*(?:에\s*(?:관한|대한)|관련)\s+"
    r"(?P<unit>[가-힣]+?(?:\s[가-힣]+?)?)(?:이|가|은|는|을|를|의|에)?(?=[\s,.]|$)"
)
#: The number word after what a count in 건 counts (``출원건수``, ``출원 건수``, ``출원량``).
_NUMBER_OF = re.compile(r"(?<=[가-힣])\s?건수$|(?<=출원|등록|신청|접수)량$")
#: After a count, 당 (per), glued to its counter or to the noun after it: the unit of a
#: rate (``10만명당``, ``1건당``, ``1개 기관당``; not a hall or a party, ``강당``, ``정당``).
_PER = re.compile(r"\s*(?:[가-힣]{1,4}(?<![강정식전해담상])\s?)?당(?![가-힣])")
#: Before a count, a unit it is a rate per (``인구 10만명당 134건에서``), looked for only in
#: the characters right before the count (no rescanning of the text before it).
_PER_BEFORE = re.compile(r"\d\s*[가-힣]{0,3}\s*당\s+$")
PER_REACH = 12
#: A share printed right after a count (``1580건(54%)``): a part of a whole.
_SHARE = re.compile(r"\s*[(（]\s*\d+(?:\.\d+)?\s*%\s*[)）]")
#: After a count, the share it has or the words that rank it among others.
_PART_AFTER = re.compile(
    r"\s*[(（]\s*\d+(?:\.\d+)?\s*%\s*[,)）]|\s*(?:으로|로)?\s*(?:가장|뒤를|뒤이|그\s*뒤)"
)


def _bracketed_parts(doc: Doc, items: list[_Stated]) -> set[int]:
    """Parts printed in a bracket glued to a part of their own (``예비연구과제 375개(산학협력
    268개, 산연협력 107개)``) break that part down: each counts its noun
    (``산학협력 예비연구과제``). Returns the ids of the parts read so; the outer part stays
    a part of its sentence's breakdown."""
    text = text_of(doc)
    inner: set[int] = set()
    for outer in items:
        counter = doc[outer.counter]
        opening = counter.idx + len(counter.text)
        if not text.startswith(("(", "（"), opening):
            continue
        closing = min(
            (i for i in (text.find(")", opening), text.find("）", opening)) if i > 0), default=-1
        )
        parts = [s for s in items if opening < doc[s.first].idx < closing]
        if len(parts) < 2:
            continue
        for part in parts:
            inner.add(id(part))
            if not name_key(part.noun).endswith(name_key(outer.noun)):
                part.noun = f"{part.noun} {outer.noun}"
    return inner


def _subject_part(doc: Doc, first: int, counter: int) -> bool:
    """Whether the count at ``first`` is a part its subject has (``개인이 483건(16.4%)``,
    ``중소기업이 1580건으로 가장 많았다``): its subject particle is 이/가 (a topic's 은/는
    says what is counted) and a share or a ranking follows."""
    before = text_of(doc)[max(0, doc[first].idx - 3) : doc[first].idx]
    after = text_of(doc)[doc[counter].idx + len(doc[counter].text) :]
    return re.search(r"[이가]\s+$", before) is not None and _PART_AFTER.match(after) is not None


#: What says the parts of a breakdown of filings are who filed them.
_APPLICANTS = re.compile(
    r"출원인(?:별|은|는|으로는|들은|을\s*(?:살펴\s?)?보면)|(?:기업|업체|기관|출원인)별"
)
#: In the parts' own sentence: ``엘지화학이 24건으로 가장 많이 출원했고 삼양사(15건), …``.
_FILED_MOST = re.compile(r"많이\s?출원")
#: Parts that are kinds of applicant or what was filed, not applicants by name.
NOT_APPLICANTS = (
    *("기업", "법인", "개인", "대학", "연구소", "연구기관", "기관", "출연연"),
    *("기술", "분야", "부문", "국가", "지역", "유럽", "북미", "아시아"),
    *("장치", "방법", "방식", "시스템"),
)


def _applicants(source: Source, start: int, parts: list[_Stated], names: list[str]) -> None:
    """The parts of a breakdown of filings by applicant (``출원인별로 … 도요타가 24건으로
    가장 많았고 히타치(10건), …``) are organisations: not countries, kinds of applicant
    (``중소기업``, ``개인``) or what was filed."""
    doc = source.analysis
    first = sentence_first(doc, max(start - 1, 0), at_line_breaks=True)
    head = text_of(doc)[doc[first].idx : doc[parts[-1].first].idx]
    own = text_of(doc)[doc[start].idx : doc[parts[-1].first].idx]
    if not _APPLICANTS.search(head) and not _FILED_MOST.search(own):
        return
    text = text_of(doc)
    for part, name in zip(parts, names, strict=True):
        at = text.rfind(name, 0, doc[part.first].idx)
        if at < 0 or name.endswith(NOT_APPLICANTS) or parse_country(name) or re.search(r"\d", name):
            continue
        add_entity(source, Found("Organization", name, at, at + len(name), EXTRACTOR, 0.5))


FILINGS = "출원"
PATENT_FILINGS = "특허출원"
REGISTERED = "등록 특허"
#: What a patent text counts in 건: its filings (``출원``, ``특허출원``; not ``출원인``), or
#: the patents it registered (``등록 특허``, ``특허 등록``, ``다등록``), as it last said.
_FILINGS = re.compile(
    r"(?P<registered>등록\s?특허|특허\s?등록|다등록)|(?P<word>[가-힣A-Za-z]+\s?)?출원(?!인)"
)
#: A particle that ends the word before 출원: it says nothing of what was filed (``특허를 출원``).
_PARTICLE_END = re.compile(r"(?:을|를|이|가|은|는|의|에|로|도|과|와|만)\s?$")
#: Words before 출원 that say how much was filed, not what (``특허 최다출원 기업``).
HOW_MUCH_FILED = frozenset(["최다", "다", "최대", "총", "누적", "신규"])


def filings_noun(text: str) -> str | None:
    """What the last noun of filings or registered patents ``text`` prints counts, if any:
    patent filings (``특허출원``) in a text that speaks of patents, unless a word before
    출원 says what else was filed (``PCT 출원``, ``상표 출원``, ``그래핀 출원``: 출원)."""
    found = list(_FILINGS.finditer(text))
    if not found:
        return None
    last = found[-1]
    if last["registered"]:
        return REGISTERED
    word = (last["word"] or "").strip()
    plain = (
        not word
        or word.endswith("특허")
        or (last["word"] or "") in HOW_MUCH_FILED  # glued: ``최다출원``, not ``…했다 출원``
        or _PARTICLE_END.search(word) is not None
    )
    return PATENT_FILINGS if plain and "특허" in text else FILINGS


#: Right before a count, the time it is of (``2016년 90건``, ``전년동기(10만7620건)``): a
#: year, a relative year or one of :data:`PERIOD_WORDS`.
_WHEN_BEFORE = re.compile(
    r"(?P<when>(?:19|20)\d{2}년|"
    + "|".join(
        re.escape(w).replace(r"\ ", r"\s?")
        for w in sorted({*RELATIVE_YEARS, *PERIOD_WORDS, "전년 동기"}, key=len, reverse=True)
    )
    + r")(?:의)?\s*[(（]?\s*$"
)


#: A noun :func:`_filings_when` or :func:`_filings_of_party` made.
_FILINGS_OF = re.compile(rf"(?:{PATENT_FILINGS}|{FILINGS}|{REGISTERED}) \(.+\)")


def _filings_when(doc: Doc, first: int) -> str | None:
    """A count in 건 with only a time before it, in a text that has spoken of filings or
    registered patents, counts those of that time (``출원 (2016년)``)."""
    text = text_of(doc)
    when = _WHEN_BEFORE.search(text, max(0, doc[first].idx - 12), doc[first].idx)
    unit = filings_noun(text[: doc[first].idx]) if when else None
    return f"{unit} ({when['when']})" if when and unit else None


#: Kinds of applicant a count of filings may be broken down by (``중소기업이 75건으로``).
APPLICANT_KINDS = (
    *("기업", "개인", "대학", "연구기관", "출연연", "공공연", "법인", "연구소"),
    *("외국인", "내국인"),
)


#: A field's cue words: a count in 건 of a named field counts its filings.
FIELD_CUES = ("분야", "부문")


def _filings_of_party(source: Source, part: _Stated) -> None:
    """A lone count in 건 whose noun is a country, a body the document names, a kind of
    applicant or a named field counts what it filed or registered, as the text last called
    that (``등록 특허 (한국)``, ``출원 (중소기업)``, ``출원 (이차전지 분야)``)."""
    doc = source.analysis
    if doc[part.counter].text != "건":
        return
    party = (
        parse_country(part.noun)
        or part.noun.endswith(APPLICANT_KINDS)
        # ``이차전지 분야도 1만624건``: the filings of a field
        or (" " in part.noun and part.noun.endswith(FIELD_CUES))
        or named_in(source, "Organization", _unmarked(part.noun))
    )
    if not party:
        return
    unit = filings_noun(text_of(doc)[: doc[part.first].idx])
    if unit:
        part.noun = f"{unit} ({part.noun})"


#: ``분야별로``, ``품목별로는``, ``기술 분야별로 보면`` before a breakdown's first part (up
#: to three words that say what the first part is may come between): what kind its parts are.
_BY_KIND = re.compile(
    r"(?P<by>[가-힣]+)별로(?:는|\s*(?:살펴\s?)?보면)?\s*,?\s*(?P<lead>(?:[가-힣]+\s){0,3})$"
)
#: A ranking begun by a kind of item (``분야별로 보면``, ``기술별로는``): the head of
#: :data:`_BY_KIND`, read anywhere in the sentence before.
_RANKED_BY = re.compile(r"(?P<by>[가-힣]+)별로(?:는|\s*(?:살펴\s?)?보면)")
#: A word ending in a particle or a verb's ending: it ties what comes before to the part,
#: and is no part of its name (``가상세계 구축을 위한``).
_TIES = re.compile(r"(?:[은는이가을를의에로와과도]|한|된|인|할|하는|위한)$")
#: A sentence's opening that goes on with the ranking of the sentence before.
_GOES_ON = re.compile(r"\s*(?:그\s?뒤로는|그\s?뒤를\s?이어|이어서?|다음으로는?|그\s?다음으로는?)\s")
#: Words that alone name no part of a breakdown: the rest (``기타``) or a kind's own word.
OTHERS_AND_KINDS = frozenset(["기타", "그외", "그 외", "기술", "분야", "품목", "제품", "부문"])
#: The kinds a breakdown's parts may be named as.
BROKEN_DOWN_KINDS = frozenset(["StrategicField", "StrategicProduct", "CoreTechnology"])
#: A field's cue word printed with a part (``녹색분야``, ``첨단 융합 분야``).
_FIELD_CUE = re.compile(r"\s*(?:분야|부문|영역)$")


def _items_by_kind(source: Source, start: int, parts: list[_Stated], names: list[str]) -> None:
    """The parts of a breakdown by a kind of item, as items of that kind."""
    doc = source.analysis
    text = text_of(doc)
    first = text.rfind(names[0], 0, doc[parts[0].first].idx)
    by = _BY_KIND.search(text[doc[start].idx : first]) if first >= 0 else None
    if by is None and first >= 0 and _GOES_ON.match(text, doc[start].idx) and start > 0:
        # ``기술 분야별로 보면 A가 3221건으로 … . 그 뒤로는 B 2292건(33%), C …``: a ranking
        # the sentence before began by a kind of item goes on
        before = text[doc[sentence_first(doc, start - 1)].idx : doc[start].idx]
        by = _RANKED_BY.search(before)
    cls = cue_class(by["by"]) if by else None
    if cls not in BROKEN_DOWN_KINDS:
        return
    lead = (by.groupdict().get("lead") or "").split() if by else []
    if lead and not any(_TIES.search(w) for w in lead):
        # ``기술별로는 통합제어 기술이 126건``: the first part's name is all its words
        names = [" ".join(lead) + " " + names[0], *names[1:]]
    for part, name in zip(parts, names, strict=True):
        at = text.rfind(name, 0, doc[part.first].idx)
        item = _FIELD_CUE.sub("", name) if cls == "StrategicField" else name
        if set(item.split()) <= OTHERS_AND_KINDS:
            continue  # ``기타 기술 29건``, ``기술``: the rest, or the kind itself
        if at >= 0 and item and not re.search(r"\d", item):
            add_entity(source, Found(cls, item, at, at + len(item), EXTRACTOR, 0.5))


#: The noun of a breakdown whose parts are a programme's tracks.
TASKS = "과제"


#: Up to three words right before a bracket, none ending in a particle.
_TRACK_WORDS = re.compile(
    r"(?:(?<=[\s,(（△▲·])|^)"
    r"(?:[가-힣A-Za-z·]*[가-힣A-Za-z·](?<![는은을를에이가의도과와])\s){0,2}[가-힣A-Za-z·]+$"
)


def _tracks(source: Source, parts: list[_Stated], names: list[str]) -> None:
    """``첫걸음(430개), 사회문제해결형(20개) 등 총 450개 과제``: the kinds of task a programme
    selects, each printed with its count in brackets, are its tracks (programmes); a kind
    printed as a field (``백신 원부자재 분야(25개)``) is a field."""
    doc = source.analysis
    text = text_of(doc)
    for part, name in zip(parts, names, strict=True):
        bracket = doc[part.first].idx - 1
        while bracket > 0 and text[bracket] == " ":
            bracket -= 1
        if text[bracket] not in "(（":
            continue  # not ``name(N개``: a part of another shape
        # the words before the bracket, back to one with a particle (``상반기에는 디지털 혁신(``)
        words = _TRACK_WORDS.search(text, 0, bracket)
        name = words.group().strip() if words else name
        at = bracket - len(name)
        field = _FIELD_CUE.sub("", name)
        cls = "StrategicField" if field != name else "Programme"
        if cls == "Programme" and set(field.split()) <= KIND_WORDS:
            continue  # ``장기(2개), 단기(4개), 소규모(4개)``: tasks by term or size, no tracks
        if field and not re.search(r"\d", field) and not name_key(field).endswith(TASKS):
            add_entity(source, Found(cls, field, at, at + len(field), EXTRACTOR, 0.5))


#: What separates a breakdown's parts: ``435개, 첨단 융합 분야 284개``, ``(430개), 사회…(``.
_PART_MARKS = re.compile(r"[△▲□■○●◇◆·ㆍ]")
_PART_EDGES = re.compile(r"^(?:[(（][^()（）]*[)）])?[\s,)）%0-9.]*(?:및\s+)?|[\s(（]*$")


#: The words a part's name may run back over; one more when 및 joins two of them.
PART_WORDS = 3
#: Syllables glued before a noun that make one word with it (``이차`` of ``이차전지``).
_GLUED_BEFORE = re.compile(r"(?<![가-힣A-Za-z])[가-힣]{1,6}\Z")


def _whole_item(doc: Doc, before: _Stated | None, part: _Stated) -> str:
    """A part's name, from the part before it on (``…, 첨단 융합 분야 284개``: all three
    words), when that is a short name; else the noun read before its count."""
    if before is None:
        # ``기술 분야별로 보면 이차전지(8660건)``: the whole word the noun ends
        text = text_of(doc)
        at = text.rfind(part.noun, 0, doc[part.first].idx)
        glued = _GLUED_BEFORE.search(text, 0, at) if at > 0 else None
        return glued.group() + part.noun if glued else part.noun
    between = _PART_EDGES.sub("", text_of(doc)[before.span[1] : doc[part.first].idx])
    # ``…(80개 176억원) △시장확대형(444개``, ``정부 3800개·민간 1800개``: from its marker on
    between = _PART_MARKS.split(between)[-1].strip()
    # ``인도(3826건, 14.4% 증가), 대만(3365건``: the rest of the part before's bracket
    between = _PART_EDGES.sub("", re.split(r"[)）]", between)[-1]).strip()
    words = [w for w in between.split() if w != "및"]
    joined = len(words) < len(between.split())
    if (
        between.endswith(part.noun)
        and len(words) <= (PART_WORDS + 1 if joined else PART_WORDS)
        and not re.search(r"\d", between)
        and not any(_TIES.search(w) for w in words[:-1])
    ):
        # ``…, 관수 및 양액 공급 기술 47건``: two nouns joined by 및 under one head are one part
        return between
    return part.noun


#: Words before a counter that is its own noun which say which of them are counted
#: (``주요 5개국``: the main countries).
COUNTER_QUALIFIERS = frozenset(["주요", "선진", "해외", "국내", "유망", "우수", "혁신"])


def _qualified_counter(doc: Doc, first: int, counted: str | None) -> str | None:
    """``주요 5개국`` counts 주요 국가: the qualifier printed before a counter that names what
    it counts stays with it."""
    if counted is None or first < 1 or doc[first - 1].whitespace_ != " ":
        return None
    word = _word_before(doc, first) if doc[first - 1].text in COUNTER_QUALIFIERS else None
    return f"{word} {counted}" if word in COUNTER_QUALIFIERS else None


def _record(
    source: Source,
    seen: dict[float, list[tuple[str, str]]],
    value: float,
    noun_text: str,
    span: tuple[int, int],
    approximate: bool,
) -> bool:
    """A ``StatedFigure`` of ``value`` ``noun_text``; False when the document stated that
    number of that thing already (the span is more evidence for it)."""
    ctx = source.ctx
    noun_key = name_key(noun_text)
    same = next((f for k, f in seen.get(value, []) if k in noun_key or noun_key in k), None)
    if same is not None:  # the same number of the same thing, stated again
        ctx.facts.node("StatedFigure", same, ctx.span(*span))
        return False
    key = f"count@{ctx.document_id.split(':', 1)[1]}@{value}@{noun_key}"
    fid = ctx.raw_id("StatedFigure", key)
    seen.setdefault(value, []).append((noun_key, fid))
    ctx.facts.node(
        "StatedFigure",
        fid,
        ctx.span(*span),
        figureKind=figure_kind(ctx.onto, noun_text),
        value=value,
        unit="count",
        qualifier="approximately" if approximate else "exact",
        countedNoun=noun_text,
    )
    ctx.facts.rel("quantifies", fid, ctx.document_id, ctx.span(*span))
    return True


def _native_counts(source: Source, seen: dict[float, list[tuple[str, str]]]) -> None:
    """A native numeral as its own word before a cue noun (``세 분야로``) or a counter and
    a noun (``두 가지 기술``, ``네 개 부처``)."""
    doc = source.analysis
    for i, token in enumerate(doc[:-1]):
        value = NATIVE_COUNTS.get(token.text)
        if value is None or token.whitespace_ != " " or (i > 0 and not doc[i - 1].whitespace_):
            continue
        j = i + 1
        counted = doc[j].text in NATIVE_COUNTERS and doc[j].whitespace_ == " "
        after = _noun_after(doc, j + 1 if counted else j)
        if after is None or not (counted or cue_class(after[0].split()[0])):
            continue
        if after[0].split()[0] in ACTIONS | ASPECTS:
            continue
        if not counted and len(after[0].split()) > 1 and after[0].split()[-1] in OF_THE_SET:
            continue  # ``두 사업 예산은 각각 …``: the budgets of the two named before, no count
        _record(source, seen, value, after[0], (token.idx, after[1]), False)


#: What belongs to a set a native numeral points back to (``두 사업 예산``, ``세 부처
#: 관계자``): the numeral says which set, it counts nothing new.
OF_THE_SET = frozenset(["예산", "규모", "관계자", "담당자", "책임자", "합계", "총액", "예산안"])


#: Counters a native numeral may take before its noun (``두 가지 기술``).
NATIVE_COUNTERS = frozenset(["개", "가지", "종", "곳"])


#: Number words Kiwi tags apart from the digits they multiply (``3억``, ``26만``).
MULTIPLIERS = {word: UNIT_VALUE[word] for word in ("천", "만", "억", "조")}
MULTIPLIERS.update({"천만": 10**7, "백만": 10**6, "십만": 10**5, "천억": 10**11})
#: Words between a topic and its count that say when, not what (``전략제품은 지난해 200개``).
TIME_WORDS = frozenset(
    [
        *(*RELATIVE_YEARS, "기존", "종전", "당초", "현재", "총", "모두", "약"),
        # the year after, the same period a year before: when, not what is counted
        *PERIOD_WORDS,
        # a bound: ``최소 2개에서 최대 4개의 세부과제``
        *("최소", "최대", "최고", "최저"),
        # a rate: ``(연 20개)``, ``매년 30건``: how often, not what is counted
        *("연", "연간", "매년", "해마다", "월", "매월", "연평균"),
        # the end of a span of time (``향후 10년간 350만 명``): how long, not what is counted
        *("간", "동안"),
    ]
)
#: ``N건에 달하는 X``, ``N개에 이르는 X``, ``N건에 불과하던 X``: the count reaches (or
#: only reaches) the noun after the verb.
_REACHING = re.compile(r"에\s*(?:달하는|이르는|육박하는|달한|이른|불과하던|불과한|불과했던)\s+")
#: Bounds between a count and its noun (``100만 건 이상의 특허``).
BOUNDS = frozenset(["이상", "이하", "미만", "초과", "가량", "정도", "내외", "안팎", "남짓"])
#: Particles that make the noun before a count its topic (``과제는 총 300여 개``).
TOPIC_PARTICLES = frozenset(["은", "는", "이", "가", "도"])


#: Counters Kiwi reads as 개 and a noun of one syllable (``800개사``: 개 + 사).
GLUED_COUNTERS = frozenset(c[1:] for c in COUNTERS if c.startswith("개") and len(c) == 2)


def _glued_counter(doc: Doc, c: int) -> int:
    """The index of the counter's last token: ``800개사로`` is one counter, 개사, though
    Kiwi reads it as 개 and a noun 사."""
    if (
        doc[c].text == "개"
        and c + 1 < len(doc)
        and not doc[c].whitespace_
        and doc[c + 1].text in GLUED_COUNTERS
        and (c + 2 >= len(doc) or doc[c + 1].whitespace_ or not is_nominal(doc[c + 2]))
    ):
        return c + 1
    return c


#: Thousands printed after 억 or 조 without their 만 (``4억 5000개``, ``5억8000건``): no writer
#: means 400,005,000, so the digits count ten-thousands.
_ELIDED_MAN = re.compile(r"[1-9],?\d{3}")


#: Counters some outlets print a space before (``175 개``, ``105 개사``); not 대, which
#: after a space is an age or a rank (``20 대``).
SPACED_COUNTERS = frozenset({"개", "개사", "건", "곳", "가지", "종"})


def _spaced_counter(doc: Doc, j: int) -> bool:
    """Whether token ``j`` is a counter printed one space after its number."""
    return j < len(doc) and doc[j - 1].whitespace_ == " " and doc[j].text in SPACED_COUNTERS


def _number(doc: Doc, i: int) -> tuple[float, int, bool] | None:
    """The value of the number that starts at token ``i``, the index of its counter, and
    whether it is approximate.

    A counter may stand one space after its digits (``175 개``, :data:`SPACED_COUNTERS`).
    Digits may carry 만/억/조 (``3억건``, ``4억 5000만 개``, ``26만 건``; a 만 left out after 억
    is read in: ``4억 5000개``), decimals (``2.37건``)
    and 여 (``60여개``, ``3억여 건``: about); the last digits are glued to the counter unless
    a multiplier or 여 ends the number.
    """
    total, j = Decimal(0), i
    approximate = i > 0 and doc[i - 1].text == "약"
    while j < len(doc) and doc[j].tag_ == "SN":
        try:
            part = Decimal(doc[j].text.replace(",", ""))
        except InvalidOperation:
            return None
        j += 1
        if (
            total >= 10**8
            and j < len(doc)
            and doc[j].text not in MULTIPLIERS
            and _ELIDED_MAN.fullmatch(doc[j - 1].text)
        ):
            part *= MULTIPLIERS["만"]  # ``4억 5000개``: 4억 5000만, the 만 left out
        if j < len(doc) and doc[j].text in MULTIPLIERS and not doc[j - 1].whitespace_:
            total += part * MULTIPLIERS[doc[j].text]
            j += 1
            if j < len(doc) and doc[j].tag_ == "SN" and doc[j - 1].whitespace_ in ("", " "):
                continue
            break
        if doc[j - 1].whitespace_ and not _spaced_counter(doc, j):
            return None
        total += part
        break
    if j < len(doc) and doc[j].text == "여" and not doc[j - 1].whitespace_:
        approximate, j = True, j + 1
    if j >= len(doc) or j == i or doc[j].text not in COUNTERS:
        return None
    if (
        doc[j - 1].whitespace_
        and doc[j - 1].text not in {*MULTIPLIERS, "여"}
        and not _spaced_counter(doc, j)
    ):
        return None
    return (int(total) if total == total.to_integral_value() else float(total)), j, approximate


#: Words opening a counted noun that say which ones, not what: the two words after them are
#: still the noun (``300여명의 관련 산·학·연 전문가``).
LEADING_MODIFIERS = frozenset(["관련", "주요", "해당"])


def _noun_after(doc: Doc, i: int) -> tuple[str, int] | None:
    """The noun right after the counter and one space (``3개 대분야``, ``100대 핵심 품목``),
    also past a genitive (``58명의 전략위원``): at most two words, up to the particle;
    nothing when another particle is glued to the counter."""
    if i < len(doc) and doc[i].text == "의" and not doc[i - 1].whitespace_:
        i += 1
    i = _past_breakdown(doc, i)  # ``5600개(정부 3800개·민간 1800개) 스마트공장``
    reaching = _REACHING.match(text_of(doc), doc[i].idx) if i < len(doc) else None
    if reaching is not None:  # ``4억 건에 달하는 특허 빅데이터``
        while i < len(doc) and doc[i].idx < reaching.end():
            i += 1
    # ``100만 건 이상의 특허데이터``: past a bound to the noun it bounds
    if i + 1 < len(doc) and doc[i].text in BOUNDS and doc[i - 1].whitespace_ == " ":
        i += 2 if doc[i + 1].text == "의" and not doc[i].whitespace_ else 1
    if i >= len(doc) or doc[i - 1].whitespace_ not in (" ", ""):
        return None
    if not doc[i - 1].whitespace_ and (doc[i].text in JOINERS or len(doc[i].text) < 2):
        return None  # glued, only a noun of its own (``6개부처가``), not ``268개·…``, ``800개사``
    j, words = i, 0 if doc[i].text in LEADING_MODIFIERS and doc[i].whitespace_ == " " else 1
    while j < len(doc) and is_nominal(doc[j]) and doc[j].tag_ != "SN" and doc[j].text != "씩":
        if j > i and doc[j - 1].whitespace_:
            if doc[j - 1].whitespace_ != " " or words == 2:
                break
            words += 1
        j += 1
    if j == i:
        return None
    end = doc[j - 1].idx + len(doc[j - 1].text)
    return text_of(doc)[doc[i].idx : end], end


def _past_breakdown(doc: Doc, i: int) -> int:
    """Past a bracket glued to a count that breaks it down into counts of its own."""
    if i >= len(doc) or doc[i].text not in "(（" or doc[i - 1].whitespace_:
        return i
    k = i + 1
    while k < len(doc) and k - i < MAX_BREAKDOWN_TOKENS and doc[k].text not in ")）":
        k += 1
    inner = doc[i + 1 : k]
    if k < len(doc) and doc[k].text in ")）" and any(t.tag_ == "SN" for t in inner):
        return k + 1
    return i


#: How long a bracket that breaks a count down may be, in tokens.
MAX_BREAKDOWN_TOKENS = 20


#: The rest of a range after its first count: ``에서 최대 4개의``, ``~4개``.
_RANGE_REST = re.compile(
    r"\s*(?:에서|부터|[~∼〜\-–])\s*(?:최대|최고)?\s*\d+\s*(?:개|건|명|곳|종)\s*(?:의\s*)?(?=\S)"
)


def _range_noun(doc: Doc, c: int) -> tuple[str, int] | None:
    """The noun after a range whose first count ends at counter ``c``."""
    m = _RANGE_REST.match(text_of(doc), doc[c].idx + len(doc[c].text))
    if m is None:
        return None
    k = next((k for k in range(c + 1, len(doc)) if doc[k].idx >= m.end()), None)
    return _noun_after(doc, k) if k is not None and k > c + 1 else None


def _noun_before(doc: Doc, i: int) -> str | None:
    """The noun word right before the number (``녹색분야 435개``, ``유망기술(60여개)``)."""
    j = i - 1
    if j > 0 and doc[j].text == "(" and not doc[j].whitespace_ and not doc[j - 1].whitespace_:
        j -= 1
    elif j < 0 or not doc[j].whitespace_:
        return None
    k = last = j
    if doc[j].tag_ == "NNB" and j > 0 and not doc[j - 1].whitespace_ and doc[j - 1].tag_ == "NNP":
        k = last = j - 1  # ``조선대 56건``: a bound noun Kiwi splits off the name it ends
    while (
        k >= 0
        and is_nominal(doc[k])
        and doc[k].tag_ != "SN"
        and (k == last or not doc[k].whitespace_)
    ):
        k -= 1
    while k + 1 < j and doc[k + 1].text in JOINERS:
        k += 1  # ``268개·산연협력 107개``: the dot joins two counts, it opens no noun
    if k == j:
        return None
    if k >= 0 and doc[k].tag_ == "SN" and not doc[k].whitespace_:
        return None  # ``약 2.8배(145건→403건)``: a measure glued to its number, no noun
    if k > 0 and doc[k].text in SET_COUNTERS and doc[k - 1].tag_ == "SN":
        return None  # ``6대 분야 100개``: the members of a counted set, not more of the set
    noun = _qualified(doc, k + 1, text_of(doc)[doc[k + 1].idx : doc[j].idx + len(doc[j].text)])
    # ``15.5% 증가(6천580건)``: a change, not what changed
    # ``… 가운데 111개가``: picked out of a count before, whose noun it is not
    if f"{_printed_word_before(doc, k + 1)} {noun}" in TIME_WORDS:
        return None  # ``전년 같은 기간(12만3792건)``: when, not what
    if noun in TIME_WORDS or noun in CHANGE_NOUNS or noun in AMONG or noun in STAGE_NOUNS:
        return None
    return noun


#: Counters that make a set of the noun after them (``6대 분야``, ``3개 부문``).
SET_COUNTERS = frozenset(["대", "개", "가지"])
#: Words after a count that pick some out of it (``총 4458건 가운데``): no counted noun.
AMONG = frozenset(["가운데", "중", "중에서"])
#: Words after a count that close a ranking (``조선대 56건 순이었다``): no counted noun.
ORDER = frozenset(["순", "순서", "순위"])
#: Words after a count that compare another with it (``45만7955건 대비``): no counted noun.
COMPARED = frozenset(["대비", "대비해", "대비로"])


#: Nouns before a count that say at which stage or how it is tallied (``최종 23개사가``,
#: ``누적 1200개``), not what is counted.
STAGE_NOUNS = frozenset(["최종", "누적", "연간", "최대", "최소", "잠정"])
#: Nouns that name a change: a count glossing one counts what changed, which they are not.
CHANGE_NOUNS = frozenset(["증가", "감소", "상승", "하락", "증대", "확대", "축소"])


def _qualified(doc: Doc, first: int, noun: str) -> str:
    """A cue word alone keeps the word before it, which says what kind is counted
    (``신산업 분야 20개``, ``투자 품목을 146개로``); ``first`` is the noun's first token."""
    if (
        len(noun) <= 2
        and noun in QUALIFIED_NOUNS
        and first > 0
        and doc[first - 1].whitespace_ == " "
    ):
        qualifier = _word_before(doc, first)
        if qualifier and qualifier not in TIME_WORDS and qualifier not in QUALIFIED_NOUNS:
            return f"{qualifier} {noun}"
    return noun


#: Nouns that need the word before them to say what is counted (``신산업 분야``).
QUALIFIED_NOUNS = frozenset(["분야", "부문", "영역", "산업", "품목", "제품", "기술", "과제"])


#: ``전략분야는 A, B, C 3개다``: a count closing a list counts the list's topic.
_LISTED_TOTAL = re.compile(
    r"(?P<topic>[가-힣A-Za-z]*(?:" + CUE_HEADS + r"))(?:은|는|로는|으로는)\s+"
    r"(?:[^,.\s]+(?:\s[^,.\s]+){0,2}\s*,\s*)+[^,.\s]+(?:\s[^,.\s]+){0,2}\s+$"
)


def _listed_total(doc: Doc, i: int) -> str | None:
    line = text_of(doc)[: doc[i].idx]
    m = _LISTED_TOTAL.search(line[max(line.rfind("\n"), line.rfind(". "), 0) :])
    return m["topic"] if m else None


def _topic_before(doc: Doc, i: int) -> str | None:
    """The topic a count answers, past time words: ``전문가는 400여명``, ``전략제품은
    지난해 200개``, ``과제는 총 300여 개``."""
    j = i - 1
    while j >= 0 and doc[j].whitespace_:
        if doc[j].text in TIME_WORDS:
            j -= 1
        elif doc[j].text in ("년", "년도") and j > 0 and _YEAR_NUMBER.fullmatch(doc[j - 1].text):
            j -= 2  # ``특허출원이 2008년 71건``: the year of the count
        else:
            break
    if j < 1 or doc[j].text not in TOPIC_PARTICLES or not doc[j].whitespace_:
        return None
    if doc[j - 1].whitespace_:
        return None
    word = _word_before(doc, j)
    if word in NUMBER_NOUNS and j >= 2 and doc[j - 1].text == word:
        k = j - 1
        if k >= 2 and doc[k - 1].text in QUANTITY_WORDS and doc[k - 1].whitespace_:
            k -= 1  # ``특허출원 총 건수는``: past 총, what is counted
        counted = _word_before(doc, k)  # ``과제 수는 186건``: the tasks are counted
        if counted is None or SPAN_OF_TIME.fullmatch(counted) or counted in TIME_WORDS:
            # ``…국제특허출원은 … 최근 10년간 건수가 1만8290건``: the number of what the
            # sentence is about
            return _opening_topic(doc, i) or word
        return counted
    if word in TIME_WORDS:
        return None  # ``올해는 1,400명을``: when, not what
    start = _word_start(doc, j)
    if word in QUALIFIED_NOUNS | ASPECTS and start is not None and start > 0:
        before = _word_before_space(doc, start)
        if before and before not in TIME_WORDS and before not in QUALIFIED_NOUNS:
            # ``이차전지 분야도 1만624건``: which field; ``특허출원 규모가 26만건``: the
            # size of the filings, which are counted
            return f"{before} {word}" if word in QUALIFIED_NOUNS else before
    return word


#: Words before a number noun that say how it is totalled, not what is counted.
QUANTITY_WORDS = frozenset(["총", "전체", "누적", "연간"])


def _opening_topic(doc: Doc, i: int) -> str | None:
    """The word its sentence opens with as its topic (``…국제특허출원은``), before ``i``."""
    for k in range(sentence_first(doc, i, at_line_breaks=True) + 1, i):
        if doc[k].text in ("은", "는") and doc[k].tag_ == "JX" and doc[k].whitespace_:
            return _word_before(doc, k)
    return None


#: ``X을 보면, 2012년 N건``: what a sentence looks at is what its first count counts.
_LOOKED_AT = re.compile(
    r"(?P<what>[가-힣A-Za-z]+)(?:을|를)\s*(?:살펴\s*)?보면\s*,?\s*(?:(?:19|20)\d{2}\s*년도?\s*)?$"
)


def _looked_at(doc: Doc, i: int) -> str | None:
    """The noun a sentence looks at (``전체 출원을 보면, 2012년 6,710건``), when the count
    follows it (past the year it is of)."""
    m = _LOOKED_AT.search(
        text_of(doc), doc[sentence_first(doc, i, at_line_breaks=True)].idx, doc[i].idx
    )
    return m["what"] if m else None


#: A year as printed before 년: the year a count is of.
_YEAR_NUMBER = re.compile(r"(?:19|20)\d{2}")
#: Between two counts of a series by year: ``71건, 2009년 148건``.
_NEXT_IN_SERIES = re.compile(r"\s*,\s*(?:19|20)\d{2}\s*년도?\s*")
#: Nouns that say "the number of" the noun before them (``과제 수``, ``기업수``).
NUMBER_NOUNS = frozenset(["수", "개수", "건수"])


def _word_start(doc: Doc, j: int) -> int | None:
    """The first token of the nominal run glued to the particle at ``j`` (one word)."""
    k = j - 1
    while (
        k >= 0
        and (is_nominal(doc[k]) or doc[k].text in INCORPORATED_MARKS)
        and doc[k].tag_ != "SN"
        and (k == j - 1 or not doc[k].whitespace_)
    ):
        k -= 1
    return None if k == j - 1 else k + 1


#: The mark of an incorporated company, printed before or after its name (``오스템임플란트㈜가``).
INCORPORATED_MARKS = frozenset(["㈜", "(주)"])


def _unmarked(name: str) -> str:
    """A company's name without its mark of incorporation."""
    for mark in INCORPORATED_MARKS:
        name = name.replace(mark, "")
    return name.strip()


def _word_before_space(doc: Doc, k: int) -> str | None:
    """The nominal word printed right before token ``k``, a space between them."""
    if k < 1 or doc[k - 1].whitespace_ != " " or not is_nominal(doc[k - 1]):
        return None
    if doc[k - 1].tag_ == "SN":
        return None
    word = _printed_word_before(doc, k)
    return word if word and re.fullmatch(r"[가-힣A-Za-z·ㆍ]+", word) else None


def _printed_word_before(doc: Doc, k: int) -> str | None:
    """The word (as printed, between spaces) that ends right before token ``k``."""
    if k < 1 or doc[k - 1].whitespace_ != " ":
        return None
    end = doc[k - 1].idx + len(doc[k - 1].text)
    word = re.search(r"\S+\Z", text_of(doc)[max(0, end - 30) : end])
    return word.group() if word else None


def _word_before(doc: Doc, j: int) -> str | None:
    """The nominal run glued to the particle at ``j`` (one word)."""
    k = _word_start(doc, j)
    return None if k is None else text_of(doc)[doc[k].idx : doc[j - 1].idx + len(doc[j - 1].text)]


#: A name with its share and then its count in one bracket: ``모빌아이(13.3%·88건)``.
_SHARE_FIRST = re.compile(
    r"(?P<name>[가-힣A-Za-z][가-힣A-Za-z·]*)\s?[(（]\s*\d+(?:\.\d+)?\s*%\s*[·ㆍ,]\s*\Z"
)


def _share_first(doc: Doc, i: int) -> str | None:
    """The name a bracket of share and count is glued to (``스테이트팜(7.5%·50건)``)."""
    text = text_of(doc)
    m = _SHARE_FIRST.search(text, max(0, doc[i].idx - 40), doc[i].idx)
    return m["name"] if m else None


def _share_of(doc: Doc, i: int) -> str | None:
    """A count glossing a share counts whose share it is: ``대기업이 22.3%(2천803건)``,
    ``대학·공공연 31.3%(995건)``."""
    k = i - 3  # the number of the share, before its ``%`` and the bracket
    if k < 1 or doc[i - 1].text not in "(（" or doc[i - 2].text != "%" or doc[k].tag_ != "SN":
        return None
    if doc[k - 1].text in ("이", "가", "은", "는") and doc[k - 1].whitespace_ == " ":
        return _word_before(doc, k - 1)
    if doc[k - 1].whitespace_ == " " and is_nominal(doc[k - 1]) and doc[k - 1].tag_ != "SN":
        return _word_before(doc, k)
    return None


#: Verbal nouns whose passive says what a count of items became (``8천660건이 출원돼``):
#: applications, registrations and filings are what is counted.
RECORDED = frozenset(["출원", "등록", "접수", "신청"])


def _recorded_as(doc: Doc, counter: int) -> str | None:
    """``5천110건이 출원되며``: a count that is the subject of a passive filing verb counts
    the filings."""
    j = counter + 1
    if j + 2 >= len(doc) or doc[counter].whitespace_ or doc[j].text not in ("이", "가"):
        return None
    noun, verb = doc[j + 1], doc[j + 2]
    if noun.text in RECORDED and not noun.whitespace_ and verb.text[:1] in ("되", "돼", "됐"):
        return noun.text
    return None


#: After a count, the filing it is the object of: ``37건을 특허출원하는데``, ``696건을 출원했다``.
_FILED = re.compile(r"\s*(?:을|를)\s*(?P<noun>(?:특허\s?)?출원)(?:하|했|한|할|해)")


def _filed(doc: Doc, counter: int) -> str | None:
    """``테슬라는 총 37건을 특허출원하는데 그쳤다``: a count a body files counts filings."""
    end = doc[counter].idx + len(doc[counter].text)
    m = _FILED.match(text_of(doc), end)
    return m["noun"] if m else None


def _sentence_topic(doc: Doc, i: int) -> str | None:
    """The topic its sentence opens with (``특허 빅데이터는``), up to two words, when the
    count at ``i`` is the sentence's first number."""
    first = sentence_first(doc, i, at_line_breaks=True)
    if any(doc[k].tag_ == "SN" for k in range(first, i)):
        return None
    for k in range(first + 1, i):
        if doc[k].text in ("은", "는") and doc[k].whitespace_:
            if doc[k - 1].whitespace_ or not is_nominal(doc[k - 1]):
                return None
            start = _word_start(doc, k)
            if start is None:
                return None
            if start > first and is_nominal(doc[start - 1]) and doc[start - 1].whitespace_ == " ":
                start = _word_start(doc, start) or start  # ``특허 빅데이터는``: two words
            return text_of(doc)[doc[start].idx : doc[k - 1].idx + len(doc[k - 1].text)]
    return None


def _object_changed(doc: Doc, i: int, counter: int) -> str | None:
    """The object whose count changes: ``전략분야를 16개에서 20개로``."""
    if i < 2 or doc[i - 1].text not in ("을", "를") or not doc[i - 1].whitespace_:
        return None
    if doc[i - 2].whitespace_ or counter + 1 >= len(doc) or doc[counter + 1].text != "에서":
        return None
    return _word_before(doc, i - 1)


#: Verbs that set a count an object is brought to (``품목을 146개로 확대``).
_BROUGHT_TO = re.compile(r"\s*(?:(?:대폭|크게|더)\s+)?(?:확대|늘|줄|축소|확정|조정|재편|개편|압축)")


def _object_counted(doc: Doc, i: int, counter: int) -> str | None:
    """The object a count brings to a number: ``투자 품목을 146개로 대폭 확대``."""
    if i < 2 or doc[i - 1].text not in ("을", "를") or not doc[i - 1].whitespace_:
        return None
    if (
        doc[i - 2].whitespace_
        or counter + 1 >= len(doc)
        or doc[counter + 1].text not in ("로", "으로")
    ):
        return None
    after, start = doc[counter + 1], _word_start(doc, i - 1)
    if start is None or not _BROUGHT_TO.match(text_of(doc), after.idx + len(after.text)):
        return None
    return _qualified(doc, start, text_of(doc)[doc[start].idx : doc[i - 1].idx])


def _changed_from(doc: Doc, i: int, previous: tuple[str, int] | None) -> str | None:
    """A count changed from the last one counts the same noun: ``17개에서 20개로`` (also
    past the year it is of: ``2010년 71건에서 2019년 148건으로``); so does
    the next of a series by year (``2008년 71건, 2009년 148건``)."""
    if previous is None:
        return None
    between = text_of(doc)[doc[previous[1]].idx + len(doc[previous[1]].text) : doc[i].idx]
    if _NEXT_IN_SERIES.fullmatch(between):
        return previous[0]
    words = between.split()
    if not words or words[0] not in ("에서", "→", "에서는"):
        return None
    # ``2007년 14건에서 2011년에는 336건으로``: a time word may carry its particle
    times = [_TIME_PARTICLE.sub("", w) for w in words[1:]]
    if any(w not in TIME_WORDS and not _YEAR_WORD.fullmatch(w) for w in times):
        return None
    return previous[0]


#: The particle a time word between two counts of a change may carry (``2011년에는``).
_TIME_PARTICLE = re.compile(r"(?<=[년해])(?:에는|에도|에|엔|은|는)$")


#: A year as its own word between two counts of a change (``2010년 5,874건에서 2019년
#: 17,446건으로``): when the second count is, not what it counts.
_YEAR_WORD = re.compile(r"(?:19|20)\d{2}\s*년도?")
