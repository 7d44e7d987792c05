"""A list under a kind cue, read by its punctuation: ``주요 개발 품목은 A, B, C다``.

The list extractor (:mod:`.enumerations`) reads a list from Kiwi's noun phrases, so an
item Kiwi splits into other parts of speech (``자동급이기``: 자 + 동급 + 이 + 기) is lost
with the rest of its list. A sentence that says what kind its list is — a cue as its
topic (``품목은``, ``핵심기술로는``) or as what the list is named (``… 가 대표 품목으로
꼽혔다``) — delimits the items itself: commas and 와/과 between them, the topic before and
the predicate after. This stage reads such a list by that surface alone, and types every
item by the cue; each item must still look like a name (no particle inside, no clause).
"""

from __future__ import annotations

import re

from stkg.ingest.extract.base import Source
from stkg.ingest.extract.enumerations import plausible
from stkg.ingest.extract.phrases import CUE_HEADS, SENTENCE_END, cue_class
from stkg.ingest.extract.resolve import Found, add_entity
from stkg.ingest.extract.syllables import adnominal, closed, is_syllable, past
from stkg.ingest.normalize import name_key

EXTRACTOR = "cued_lists"
#: The kinds a cue may give a list read this way.
KINDS = frozenset({"StrategicField", "StrategicProduct", "CoreTechnology"})
#: Counted closings of a list: ``… 등 3가지가``, ``… 5개다``.
_COUNT = r"(?:\s*(?:등\s*)?(?:\d+\s*(?:개|가지|종|곳)|(?:두|세|네|다섯)\s*(?:개|가지|곳)))"
#: Verbs that designate the members of a set.
_DESIGNATE = (
    r"(?:꼽히|꼽혔|꼽힌|선정|선택|지정|포함|제시|도출|발굴|확정|추가|편입|뽑혔|뽑힌"
    r"|이름을\s올|들어갔|들었|있다|있으며|있고|올랐)"
)
#: A release's labelled line: a bullet, a cue word as the label, a colon, the items.
_LABEL_LINE = re.compile(
    rf"^[ \t]*(?:[○ㅇ\-·▲△□■◦*]\s*)?(?P<cue>[가-힣A-Za-z]*(?:{CUE_HEADS}))[ \t]*[:：][ \t]*"
    r"(?P<items>[^\n]+)",
    re.M,
)
#: What closes a labelled line's items: ``… 등``, a final mark.
_LINE_END = re.compile(r"\s*(?:등\s*)?(?:[.。]\s*)?$")
#: The topic: a cue word and 은/는, 으로는/로는 or 에는 (``20개 품목에는``), opening the list.
_TOPIC = re.compile(rf"(?P<cue>[가-힣A-Za-z]*(?:{CUE_HEADS}))(?P<mark>은|는|으로는|로는|에는)\s+")
#: A list after a topic in 은/는 ends the sentence with a copula: ``…, C다``, ``… 등이다``
#: (a bare 다 only after an open syllable: ``추가됐다``, ``정리한다`` are verbs).
_COPULA_END = re.compile(rf"(?:\s*등)?{_COUNT}?(?:\s+순)?(?P<copula>이다|다|입니다)\s*$")
#: A kind cue picking some of its members out (``세부 기술 중에서는``): the subject after it
#: names them (``… 중에서는 A와 B가 전체 출원의 절반을 차지했다``).
_AMONG = re.compile(
    rf"(?P<cue>[가-힣A-Za-z]*(?:{CUE_HEADS}))\s?(?:중|가운데)(?:에서는|에서도|에선|에는|에서)\s+"
)
#: The subject closing the members picked out: 이/가 before a space.
_PICKED_END = re.compile(r"(?:\s*등)?(?P<particle>이|가)\s")
#: A participle of choosing right before the topic's cue (``새로 추가된 분야는``).
_CHOSEN = re.compile(
    r"(?:(?:추가|신설|지정|선정|편입|포함|제외|발굴|확정)(?:된|됐던)|새로\s(?:생긴|들어간|들어온))\s+"
    r"(?:[가-힣]+\s+)?$"
)
#: A list after 으로는/로는 ends with 이/가 and a designating verb: ``…, C가 꼽혔다``.
_SUBJECT_END = re.compile(rf"(?:\s*등)?{_COUNT}?(?P<particle>이|가)\s+(?:[가-힣]+\s+)?{_DESIGNATE}")
#: Verbs of choosing in the active voice, closing a list in the object case.
_CHOOSE = r"(?:골랐|선정했|선택했|꼽았|지정했|제시했|담았|정했|삼았)"
#: An adverb between a naming and its verb: ``… 품목으로 다시 이름을 올렸다``.
_AGAIN = r"(?:(?:다시|새로|새롭게|각각|모두|함께|또)\s+)?"
#: A list named as the cue: ``A와 B가 대표 품목으로 꼽혔다``, ``A, B를 … 품목으로 지정했다``.
_NAMED_AS = re.compile(
    rf"(?:\s*등)?{_COUNT}?(?P<particle>이|가|을|를)\s+(?:[가-힣A-Za-z]+\s+){{0,3}}?"
    rf"(?P<cue>[가-힣A-Za-z]*(?:{CUE_HEADS}))(?:으로|로)\s+{_AGAIN}{_DESIGNATE}"
)
#: Where a list named as the cue may begin: the sentence's start (after a connective) or
#: a place topic (``디지털헬스 분야에서는``).
#: A release's bracketed label may follow its bullet (``○ (제품 예시) …``).
_SENTENCE_OPENING = re.compile(
    r"\s*(?:[○ㅇ\-·▲△]\s*)?(?:[(（][가-힣A-Za-z ]{1,12}[)）]\s*)?"
    r"(?:(?:특히|또한?|아울러|이\s?밖에|이와\s함께),?\s+)?"
)
_PLACE_TOPIC = re.compile(r"(?:에서는|에는|에선|에서도)\s+")
#: The end of one owner's group before the next: ``…, 원격 결합 제어가, LNG …``.
_GROUP_END = re.compile(r"(?<=[가-힣A-Za-z)])(?P<particle>이|가),\s+")
#: An owner's topic opening its group: ``심해용 유압 커넥터는 ``.
_GROUP_TOPIC = re.compile(r"(?<=[가-힣A-Za-z)])(?P<particle>은|는)\s+")
#: What separates two items: a comma, 및, or 와/과 glued to the word before.
_SEPARATOR = re.compile(r"\s*[,、]\s*|\s+및\s+|(?<=[가-힣A-Za-z0-9)])(?P<and>와|과)\s+")
#: A word inside an item that ends like a particle or a verb: a clause, not a name.
_NOT_IN_NAME = re.compile(
    r"(?:을|를|의|에서|에게|으로|하는|하고|하며|되는|되고|된|한|적인|까지|부터|에는|에도|"
    r"이며|이고|이나|처럼|했다|한다|된다|하여|(?<![분재])해|에서는|에선|에서도|으로는|로는)$"
)
#: A figure inside an item (``반도체·디스플레이 315억원``): an amount or a count beside it.
_FIGURE = re.compile(r"^\d[\d,.]*\s*(?:조|억|만|천)?\s*(?:원|%|개|건|곳|명|종|가지|년|월|배|대)?$")
#: An action printed after the last item (``A와 B 국산화가``): what is done, not the name.
_ACTION = re.compile(r"\s+(?:국산화|개발|상용화|실용화|고도화|확보)$")
#: A bracketed gloss after a name (``구조용 직교적층재(CLT)``).
_GLOSS = re.compile(r"\s*[(（](?P<gloss>[^()（）]{1,20})[)）]$")
MAX_WORDS = 6
#: Words that count or point, never part of a listed name.
_NOT_WORDS_OF_A_NAME = frozenset(
    ["두", "세", "네", "다섯", "곳", "개", "가지", "등", "모두", "각각", "순"]
)


class CuedLists:
    name = EXTRACTOR
    needs_nlp = False
    needs_topic = True

    def __call__(self, source: Source) -> None:
        text = source.text
        for line in _LABEL_LINE.finditer(text):
            # ``○ 전략제품 : A, B, C``: a release's labelled line lists the label's kind
            cls = cue_class(line["cue"])
            if cls in KINDS:
                end = line.end("items")
                closing = _LINE_END.search(text, line.start("items"), end)
                _read(
                    source, cls, line.start("items"), closing.start() if closing else end, minimum=1
                )
        start = before = 0
        for end in [m.end() for m in SENTENCE_END.finditer(text)] + [len(text)]:
            self._sentence(source, start, end, before)
            start, before = end, start

    def _sentence(self, source: Source, start: int, end: int, before: int = 0) -> None:
        text = source.text
        sentence = text[start:end].rstrip(".!?\n ")
        stop = start + len(sentence)
        _area_groups(source, before, start, stop)
        _per_area(source, start, stop)
        _examples(source, before, start, stop)
        for topic in _TOPIC.finditer(text, start, stop):
            cls = cue_class(topic["cue"])
            if cls not in KINDS:
                continue
            if topic["mark"] in ("은", "는"):
                closing = _COPULA_END.search(text, topic.end(), stop)
                if (
                    closing is not None
                    and closing.end() == stop
                    and (closing["copula"] != "다" or not _closed(text, closing.start("copula")))
                ):
                    # one item is a list too when the topic says it was chosen: ``신규로
                    # 추가된 분야는 A이다``
                    chosen = _CHOSEN.search(text, max(start, topic.start() - 12), topic.start())
                    _read(source, cls, topic.end(), closing.start(), minimum=1 if chosen else 2)
            else:
                if topic["mark"] == "에는" and cls == "StrategicField":
                    continue  # ``탄소중립 분야에는 A가 들어갔다``: what a field holds, no field
                closing = _SUBJECT_END.search(text, topic.end(), stop)
                if closing is not None and _agrees(text, closing.start("particle")):
                    _read(source, cls, topic.end(), closing.start(), minimum=1)
        for among in _AMONG.finditer(text, start, stop):
            cls = cue_class(among["cue"])
            closing = next(
                (
                    m
                    for m in _PICKED_END.finditer(text, among.end(), stop)
                    if _agrees(text, m.start("particle"))
                ),
                None,
            )
            if cls in KINDS and closing is not None:
                _read(source, cls, among.end(), closing.start(), minimum=1)
        for named in _NAMED_AS.finditer(text, start, stop):
            cls = cue_class(named["cue"])
            if cls not in KINDS or not _agrees(text, named.start("particle")):
                continue
            # the last place the list may start before its particle: the sentence's
            # opening or a place topic
            places = list(_PLACE_TOPIC.finditer(text, start, named.start()))
            opened = _SENTENCE_OPENING.match(text, start)
            opening = places[-1].end() if places else opened.end() if opened else start
            if cls == "CoreTechnology" and _GROUP_TOPIC.search(text, opening, named.start()):
                _owned(source, cls, opening, named.start())
            else:
                _read(source, cls, opening, named.start(), minimum=1)


#: One listed name: the name, where it starts, and its Latin gloss as an alias.
Item = tuple[str, int, tuple[str, ...]]


def _read(source: Source, cls: str, start: int, end: int, *, minimum: int) -> None:
    """Add the items printed between ``start`` and ``end``, if every one is a name."""
    items = _items(source.text, cls, start, end)
    if items is not None and len(items) >= minimum:
        _add(source, cls, items)


def _items(text: str, cls: str, start: int, end: int) -> list[Item] | None:
    """The items printed between ``start`` and ``end``, or None unless every one is a name."""
    items: list[Item] = []
    # a separator inside a bracket (``A(a1, a2), B``) is the gloss's, not the list's
    # and a 와/과 that does not fit the sound before it ends a word (``순환여과 양식``)
    pieces = [
        p
        for p in _SEPARATOR.finditer(text, start, end)
        if not _bracketed(text, start, p) and (not p["and"] or _agrees(text, p.start("and")))
    ]
    # a part after 및 that is no name alone is the rest of one name (``리튬이온전지 및
    # 핵심소재``)
    pieces = [
        p
        for k, p in enumerate(pieces)
        if p[0].strip() != "및"
        or _a_name(
            text[p.end() : pieces[k + 1].start() if k + 1 < len(pieces) else end].strip(), cls
        )
    ]
    start = _past_relative_clause(text, start, pieces[0].start() if pieces else end)
    bounds = [start] + [p.end() for p in pieces]
    ends = [p.start() for p in pieces] + [end]
    for k, (a, b) in enumerate(zip(bounds, ends, strict=True)):
        raw = text[a:b].strip()
        if k == len(ends) - 1:
            raw = _ACTION.sub("", raw)
        gloss = _GLOSS.search(raw)
        name = raw[: gloss.start()] if gloss else raw
        latin = gloss and re.fullmatch(r"[A-Za-z0-9&\- ]+", gloss["gloss"])
        aliases: tuple[str, ...] = (gloss["gloss"],) if gloss and latin else ()
        if not _a_name(name, cls):
            return None
        items.append((name, text.index(raw, a), aliases))
    return items


#: A word closed by a case particle: an argument of a clause.
_ARGUMENT = re.compile(r"(?:이|가|을|를|에|에서|으로|로)$")


def _past_relative_clause(text: str, start: int, end: int) -> int:
    """Where the first item starts past a relative clause printed before it, which
    describes the whole list (``일본이 수출 규제를 건 고순도 불화수소와 …``): after the
    last verb in its adnominal form (a Hangul word closed by ㄴ or ㄹ) right after an
    argument of the clause (``규제를 건``; not ``늘리고 ▲해양드론``)."""
    words = list(re.finditer(r"\S+", text[start:end]))
    at = start
    for k in range(1, len(words) - 1):
        before, word = words[k - 1][0], words[k][0]
        argument = len(before) >= 2 and _ARGUMENT.search(before)
        if argument and re.fullmatch(r"[가-힣]+", word) and adnominal(word[-1]):
            at = start + words[k + 1].start()
    return at


def _add(source: Source, cls: str, items: list[Item]) -> None:
    facts = source.ctx.facts
    known = {
        name_key(str(n.props.get("name") or "")) for n in facts.nodes.values() if n.cls in KINDS
    }
    for name, first, glosses in items:
        if name_key(name) in known:
            continue  # read already (and typed) from its noun phrase: this reading adds nothing
        add_entity(source, Found(cls, name, first, first + len(name), EXTRACTOR, 0.6, glosses))


def _owned(source: Source, cls: str, start: int, end: int) -> None:
    """``A는 x, y가, B는 z가 핵심기술로 꼽혔다``: each product's technologies in turn; the
    owners are products (``… 분야는``: fields)."""
    text = source.text
    groups, at = [], start
    for m in _GROUP_END.finditer(text, start, end):
        if _agrees(text, m.start("particle")):
            groups.append((at, m.start()))
            at = m.end()
    groups.append((at, end))
    read: list[tuple[str, Item, list[Item]]] = []
    for a, b in groups:
        topic = next(
            (t for t in _GROUP_TOPIC.finditer(text, a, b) if _agrees(text, t.start("particle"))),
            None,
        )
        if topic is None:
            return
        owner = text[a : topic.start()].strip()
        area = re.sub(r"\s*(?:분야|부문)$", "", owner)
        owner_cls = "StrategicField" if area != owner else "StrategicProduct"
        items = _items(text, cls, topic.end(), b)
        if not items or not _a_name(area, owner_cls):
            return
        read.append((owner_cls, (area, text.index(owner, a), ()), items))
    for owner_cls, owner_item, items in read:
        _add(source, owner_cls, [owner_item])
        _add(source, cls, items)


#: An area opening a group of a sentence's items: ``이차전지에서는 ``, ``첨단소재 분야에는 ``.
#: (a Latin gloss may follow the area's name: ``사물인터넷(IoT) 분야에서는``)
_AREA_OPEN = re.compile(
    r"(?P<area>[가-힣A-Za-z0-9][가-힣A-Za-z0-9·ㆍ‧]*(?:\s(?!분야|부문)[가-힣A-Za-z·ㆍ‧]+)?"
    r"(?:[(（][A-Za-z0-9 ]{1,10}[)）])?)\s?(?:분야|부문)?"
    r"(?:에서는|에는|에선)\s+"
)
#: A connective that may open such a sentence: ``예를 들어``, ``특히``, ``이 가운데``.
_OPENING_WORDS = re.compile(r"\s*(?:예를\s들어|특히|구체적으로|이\s?가운데|이\s?중),?\s*")
#: The end of a group before the next area: its subject (or, when the groups are objects,
#: object) particle and a comma.
_GROUP_CLOSE = re.compile(r"(?P<particle>이|가|을|를),\s*$")
#: The end of the last group: its particle and a designating verb closing the sentence, in
#: the passive (``…가 포함됐다``) or the active (``…를 골랐다``).
_LAST_CLOSE = re.compile(
    rf"(?:(?P<particle>이|가)\s+(?:각각\s+)?(?:새로\s+)?{_DESIGNATE}"
    rf"|(?P<object>을|를)\s+(?:각각\s+)?(?:새로\s+)?{_CHOOSE})"
)
#: An opening that names the kind the groups list: ``세부 기술을 보면``.
_KIND_OPENING = re.compile(
    rf"\s*(?:[가-힣]+\s+)?(?P<cue>[가-힣A-Za-z]*(?:{CUE_HEADS}))(?:을|를)\s+(?:살펴)?보면,?\s+"
)
#: The kinds area groups may list.
_ITEM_KINDS = ("StrategicProduct", "CoreTechnology")
#: A kind cue word (``세부 중점기술``, ``핵심품목``): in the sentence before, it types the groups.
_CUE_WORD = re.compile(rf"[가-힣A-Za-z]*(?:{CUE_HEADS})")


def _area_groups(source: Source, before: int, start: int, stop: int) -> None:
    """``A에서는 x와 y가, B에서는 z가 포함됐다`` after a sentence naming their kind (``…
    50개 세부 중점기술이 지정됐다``), or closed by naming it (``…, B에서는 z가 대표 품목으로
    꼽혔다``): the areas are fields, the items of that kind."""
    text = source.text
    kind_opening = _KIND_OPENING.match(text, start)
    opened = (
        kind_opening or _OPENING_WORDS.match(text, start) or _SENTENCE_OPENING.match(text, start)
    )
    at = opened.end() if opened else start
    areas = list(_AREA_OPEN.finditer(text, at, stop))
    if len(areas) < 2 or areas[0].start() != at:
        return
    # the kind: named by the last group's closing (``… 가 대표 품목으로 꼽혔다``), or else
    # by the sentence before
    named = next(
        (
            m
            for m in _NAMED_AS.finditer(text, areas[-1].end(), stop)
            if _agrees(text, m.start("particle")) and cue_class(m["cue"]) in _ITEM_KINDS
        ),
        None,
    )
    kinds = [cue_class(m[0]) for m in _CUE_WORD.finditer(text, before, start)]
    if kind_opening is not None:  # ``세부 기술을 보면 A에서는 x를, B에서는 y를 골랐다``
        kinds = [cue_class(kind_opening["cue"])]
    cls = (
        cue_class(named["cue"])
        if named is not None
        else next((k for k in reversed(kinds) if k in _ITEM_KINDS), None)
    )
    if cls is None:
        return
    last = named or _LAST_CLOSE.search(text, areas[-1].end(), stop)
    if last is None:
        return
    # the groups are all subjects (``x와 y가, …``) or all objects (``x와 y를, …``)
    objects = (last["particle"] or last["object"]) in ("을", "를")
    read: list[tuple[re.Match[str], list[Item]]] = []
    for k, area in enumerate(areas):
        end = areas[k + 1].start() if k + 1 < len(areas) else stop
        closing = _GROUP_CLOSE.search(text, area.end(), end) if k + 1 < len(areas) else last
        if closing is None:
            return
        particle = "particle" if closing["particle"] else "object"
        if (closing[particle] in ("을", "를")) != objects or not _agrees(
            text, closing.start(particle)
        ):
            return
        scanned = closing.start() if named is not None else end
        if any(
            cue_class(m[0]) != "StrategicField"
            for m in _CUE_WORD.finditer(text, closing.start(), scanned)
        ):
            return  # ``… 핵심품목으로 선정됐다`` after the sentence before named another kind
        items = _items(text, cls, area.end(), closing.start())
        if not items or not _a_name(area["area"], "StrategicField"):
            return
        read.append((area, items))
    for area, items in read:
        _add(source, "StrategicField", [(area["area"], area.start("area"), ())])
        _add(source, cls, items)


#: A breakdown's topic: a kind cue and 별 (``기술분야별로는``, ``분야별 비중은``).
_PER_TOPIC = re.compile(
    rf"(?P<cue>[가-힣A-Za-z]*(?:{CUE_HEADS}))별(?:로는|로|로\s?보면|\s+[가-힣]+(?:은|는))\s+"
)
#: One area of a breakdown and its measure: ``기계금속 23.0%(245개)``, ``신소재 22%``.
_MEASURED_ITEM = re.compile(
    r"(?P<name>[^,()\d%\n]+?)\s*(?:[(（][^()（）\n]{1,20}[)）])?\s*"
    r"\d[\d.,]*\s*(?:%|개|건|곳|억\s?원|조\s?원)(?:\s*[(（][^()（）\n]{1,20}[)）])?"
)
#: Between two measured areas, and after the last.
_MEASURE_SEPARATOR = re.compile(r"\s*[,、]\s*")


def _per_area(source: Source, start: int, stop: int) -> None:
    """``기술분야별로는 A 23.0%(245개), B 20.3%(216개), C 15.9%(169개) 순``: a breakdown by
    a kind names its members, one measure each."""
    text = source.text
    for topic in _PER_TOPIC.finditer(text, start, stop):
        cls = cue_class(topic["cue"])
        if cls not in KINDS:
            continue
        items: list[Item] = []
        at = topic.end()
        while (m := _MEASURED_ITEM.match(text, at, stop)) is not None:
            name = m["name"].strip()
            if cls == "StrategicField":  # ``녹색분야 435개``: the area, without its cue
                name = re.sub(r"\s*(?:분야|부문)$", "", name)
            if not _a_name(name, cls):
                return
            items.append((name, m.start("name") + m["name"].index(name), ()))
            sep = _MEASURE_SEPARATOR.match(text, m.end(), stop)
            if sep is None:
                break
            at = sep.end()
        if len(items) >= 2:
            _add(source, cls, items)


#: A sentence that is a list of examples: ``A, B, C 등이 대표적이다``.
_EXAMPLES_END = re.compile(
    r"(?:\s*등)?(?P<particle>이|가)\s+대표적(?:이다|입니다|인\s+(?:예|사례)(?:이다|다|입니다))\s*$"
)
#: A kind cue heading an argument of the sentence before (``대표 제품도 담겼다``), not a
#: modifier of another noun (``유망 기술 기업도``).
_ARGUMENT_CUE = re.compile(rf"[가-힣A-Za-z]*(?:{CUE_HEADS})(?=도|이|가|은|는|을|를|으로|로)")


def _examples(source: Source, before: int, start: int, stop: int) -> None:
    """``로드맵에는 대표 제품도 담겼다. A, B, C 등이 대표적이다``: a sentence of examples
    lists the kind the sentence before names as an argument."""
    text = source.text
    opened = _OPENING_WORDS.match(text, start) or _SENTENCE_OPENING.match(text, start)
    at = opened.end() if opened else start
    closing = _EXAMPLES_END.search(text, at, stop)
    if closing is None or closing.end() != stop or not _agrees(text, closing.start("particle")):
        return
    cues = [cue_class(m[0]) for m in _ARGUMENT_CUE.finditer(text, before, start)]
    if not cues or cues[-1] not in KINDS:
        return
    _read(source, cues[-1], at, closing.start(), minimum=2)


def _bracketed(text: str, start: int, separator: re.Match[str]) -> bool:
    before = text[start : separator.start()]
    return before.count("(") + before.count("（") > before.count(")") + before.count("）")


def _a_name(name: str, cls: str) -> bool:
    words = name.split()
    if not words or len(words) > MAX_WORDS or not plausible(name, cls):
        return False
    if any(w in _NOT_WORDS_OF_A_NAME for w in words[1:]) or any(
        cue_class(w) == "StrategicField" for w in words[1:-1]
    ):
        return False  # ``반도체 분야 극자외선 …``: an area, then its item; ``B 두 곳``: a count
    if any(_NOT_IN_NAME.search(w) or _FIGURE.match(w) or _verbal(w) for w in words):
        return False
    if any(len(w) >= 2 and w[-1] in "이가은는" and _agrees(w, len(w) - 1) for w in words):
        return False  # ``여과가, …``: a subject, then another clause
    return not re.search(r"[\"'‘’“”「」『』<>:;]", name)


def _closed(text: str, at: int) -> bool:
    """Whether the syllable before ``at`` ends in a consonant (batchim)."""
    return at > 0 and closed(text[at - 1])


def _verbal(word: str) -> bool:
    """Whether a word holds a syllable closed by ㅆ (``됐``, ``었``, ``했``): a verb's past."""
    return any(past(ch) for ch in word)


def _agrees(text: str, at: int) -> bool:
    """Whether the particle at ``at`` (이/가, 을/를, 와/과, 은/는) fits the sound before it:
    가, 를, 와 and 는 after a vowel, 이, 을, 과 and 은 after a consonant; any after Latin or a
    bracket."""
    if at == 0 or not is_syllable(text[at - 1]):
        return True
    return (text[at] in "이을과은") == _closed(text, at)


__all__ = ["CuedLists"]
