"""Items listed behind bullets or circled numbers inside a sentence, typed by their cue.

``5대 신산업인 △전기·자율차 △반도체·디스플레이 … 등 각 분야``, ``①전자·정보·통신 ②의료 …
⑩재난·재해·안전 분야로``: the marker, not the morphology, delimits each item, so an item may
hold words Kiwi would not chain into one noun phrase (``골질환 치료위한 생체분해성 금속소재``).
The last item ends where the noun phrase after its marker ends. The cue is the same as for
comma lists (:mod:`.enumerations`): a cue word printed with the last item, the words after
the list, or the topic before the first marker.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from stkg.ingest.extract.base import Source
from stkg.ingest.extract.enumerations import (
    COUNT_BEFORE_CUE,
    CUE_AS,
    GENERIC_ENDINGS,
    GENERIC_FIELDS,
    PROGRAMME_ENDINGS,
    head_class,
    head_cue,
    is_kind,
    names_programme,
)
from stkg.ingest.extract.phrases import (
    BULLET_MARKERS,
    CLOSING_QUOTES,
    COUNTED,
    CUE_HEADS,
    OPENING_QUOTES,
    QUOTED,
    TASKS_AFTER,
    cue_class,
    dotted_parts,
    noun_phrases,
    text_of,
    token_range,
)
from stkg.ingest.extract.resolve import Found, add_entity

#: A marker: a bullet or circled number, or a number in brackets (``(1)``, ``1)``).
_MARK = rf"(?:[{BULLET_MARKERS}]|\(\d{{1,2}}\)|(?<![\d.(])\d{{1,2}}\))"
_NOT_MARK = rf"(?:(?!{_MARK})[^\n])"
_RUN = re.compile(rf"(?:{_MARK}{_NOT_MARK}{{1,60}}){{2,}}")
_ITEM = re.compile(rf"{_MARK}\s*({_NOT_MARK}+)")
_TRAILING = re.compile(r"(?:\s*\((?:이상|以上)[^()]*\)|\s*등|\s*,|\s+및|\s*과|\s*와)+\s*$")
#: A label that closes a group of items and names what they belong to: ``(이상 금속 3건)``,
#: ``(기계 로봇 3건)``.
_GROUP = re.compile(
    r"\(\s*(?:이상|以上)?\s*(?P<label>[가-힣A-Za-z][가-힣A-Za-z·ㆍ ]{0,14}?)"
    r"\s*\d+\s*(?:건|개|종)\s*\)"
)
#: Cue words printed with an item that name its kind, not part of its name (``조선 분야``);
#: a product's 부품 or 소재 is part of its name (``전동모듈 부품``).
_OWN_FIELD_CUES = ("분야", "부문", "영역")
_OWN_CUE = re.compile(rf"\s+(?P<cue>{CUE_HEADS})$")
_TOPIC = re.compile(
    rf"(?P<cue>[가-힣A-Za-z]*(?:{CUE_HEADS}))(?:별)?(?:인|은|는|로는|으로는|로|으로|에는|:|\()\s*$"
)
_AFTER = re.compile(
    # at most three words between 등 and the cue, none an object or a clause's verb (``등 4대
    # 추진전략을 통해 중소기업의``: the firms are what the strategies serve, not the items)
    rf"^\s*(?:등의?\s+(?:[^\s,.]+(?<![을를한된할과와])\s+){{0,3}}?|등\s+[^.\n]{{0,40}}?(?=\d+\s*(?:개|대|가지|종))"
    # ``△A △B의 5개 전략분야``: the counted set the items make, after 의
    rf"|의\s+(?=(?:총\s*)?\d+\s*(?:개|대|가지|종)))?"
    rf"(?:각\s*)?(?:{COUNTED}\s*)?"
    # (a Latin gloss may follow the cue: ``등 산업 AI 확산 기술(M.AX)에``)
    rf"(?P<cue>[가-힣A-Za-z]*?(?:{CUE_HEADS}))(?:\([A-Za-z0-9.&\- ]{{1,15}}\))?"
    r"(?:별|의|을|를|이|가|은|는|에|으로|로|과|와|도|다|\s|$)"
)
MAX_ITEM_CHARS = 40
#: A first item that is one word in the topic case (``로드맵은``): the list's topic.
_TOPIC_ITEM = re.compile(r"^[가-힣A-Za-z]+(?:은|는)$")
#: The last words of a service a body gets or gives (``△IP경영 진단·구축 △해외 출원비용
#: 지원 △특허·디자인 전략 분석``): under a topic of firms, work done for them, no bodies.
_SERVICE_ENDINGS = re.compile(
    r"(?:지원|분석|구축|진단|컨설팅|디자인|교육|마케팅|홍보|평가|자문|보호|개발|연계|제공)$"
)
#: An item typed only by its neighbours' heads is a short name, not a clause.
MAX_SHARED_CHARS = 20
EXTRACTOR = "bullets"


#: Items one per line behind a line marker, under a line that names their kind:
#: ``3대 분야는 다음과 같다.`` / ``- 해양드론`` / ``- 극지로봇``.
_LINE_ITEM = re.compile(r"^[ \t]*[-·•○ㅇ*▪◦][ \t]*(?P<item>[^\n]{2,30}?)[ \t]*$", re.M)
_LINE_HEADER = re.compile(
    rf"(?P<cue>[가-힣A-Za-z]*(?:{CUE_HEADS}))(?:별)?(?:은|는|:)?\s*(?:다음과\s*같다\.?|아래와\s*같다\.?)?\s*:?\s*$"
)


def _line_lists(source: Source) -> None:
    """Items listed one per line under a header line that ends with their cue."""
    text = source.text
    runs: list[list[re.Match[str]]] = []
    for m in _LINE_ITEM.finditer(text):
        if runs and text[runs[-1][-1].end() : m.start()] == "\n":
            runs[-1].append(m)
        else:
            runs.append([m])
    for run in runs:
        if len(run) < 2:
            continue
        header_start = text.rfind("\n", 0, run[0].start() - 1) + 1
        header = _LINE_HEADER.search(text[header_start : run[0].start()].rstrip())
        cls = cue_class(header["cue"]) if header else None
        if cls is None or cls == "Programme":
            continue
        for m in run:
            item = _TRAILING.sub("", m["item"])
            if item.endswith(("다", "다.")) or not 2 <= len(item) <= MAX_ITEM_CHARS:
                continue
            if not item.endswith(GENERIC_ENDINGS.get(cls, ())):
                at = m.start("item")
                add_entity(source, Found(cls, item, at, at + len(item), EXTRACTOR, 0.6))


class Bullets:
    name = EXTRACTOR
    needs_nlp = True
    needs_topic = True

    def __call__(self, source: Source) -> None:
        _line_lists(source)
        text = source.text
        for run in _RUN.finditer(text):
            items = [(m.start(1) + run.start(), m.group(1)) for m in _ITEM.finditer(run.group())]
            last_start = items[-1][0]
            phrase_end = _phrase_end(source, last_start)
            group = _GROUP.search(text, last_start, last_start + MAX_ITEM_CHARS + 20)
            if group and "\n" not in text[last_start : group.start()]:
                phrase_end = group.end()  # the last item runs up to its group's label
            quoted = _QUOTED_NAME_AFTER.match(text, phrase_end)
            if quoted and not group:
                phrase_end = quoted.end()  # ``▲B를 위한 ‘C’ 등``: the item runs to its name
            gloss = _COUNT_GLOSS.match(text, phrase_end)
            if gloss and not group:
                phrase_end = gloss.end()  # ``△바이오(0개→5개) 분야``: the cue is past the gloss
            counted = _COUNT_AFTER_ITEM.match(text, phrase_end)
            if counted and not group:
                phrase_end = counted.end()  # ``△디스플레이 2개 등 8개 분야``: the cue is past
            items[-1] = (last_start, text[last_start:phrase_end])
            if _VERB_AFTER.match(text, phrase_end):
                items.pop()  # ``③ 도출된 총 1,600여개의 …``: a clause, not a listed name
                if len(items) < 2:
                    continue
                phrase_end = items[-1][0] + len(items[-1][1])
            for sub, end in _sublists(items, phrase_end):
                _list(source, run.start(), sub, end)
            _group_topics(source, run.start(), items)


def _list(source: Source, run_start: int, items: list[tuple[int, str]], end: int) -> None:
    """One list of items and its cue (after ``end``, with the last item, or before)."""
    text = source.text
    cleaned, grouped, funded = [], False, 0
    for start, raw in items:
        group = _GROUP.search(raw)
        if group:
            grouped = True
            _add_group(source, group, start)
            raw = raw[: group.start()]
        raw = _SENTENCE_END.split(raw, maxsplit=1)[0]  # ``▲C이 있다. 심해는 ▲D``
        raw = _NEXT_TOPIC.sub("", raw)  # ``▲C, 심해는 ▲D``: a new topic ends the item
        item = _TRAILING.sub("", raw.rstrip())
        quoted = _QUOTED_NAME.search(item)
        if quoted:  # ``▲예비창업자를 위한 ‘IP 디딤돌 프로그램’``: the name is quoted
            start, item = start + quoted.start(1), quoted[1]
        amount = _AMOUNT.search(item) or _unbracketed(_BARE_AMOUNT.search(item))
        if amount:  # ``△A 개발(36억원)``, ``▲B 98억원: …``: the item's budget, not its name
            item = item[: amount.start()]
        gloss = _COUNT_GLOSS.search(item)
        if gloss and gloss.end() == len(item):  # ``△자동차(13개→15개)``: its figures
            item = item[: gloss.start()]
        # ``△AI 22개(44억원)``: how many of what the list counts the item has, no name
        item = _TRAILING_COUNT.sub("", item) or item
        funded += bool(amount) or _AMOUNT_AT.match(text, start + len(item)) is not None
        own = _OWN_CUE.search(item)
        if own and own["cue"] in _OWN_FIELD_CUES:
            item = item[: own.start()]
        cleaned.append((start, item, own["cue"] if own else None))
    # ``▲A, B 등 … 기술에``: a marked item may be a short list of its own
    cleaned = [part for it in cleaned for part in _comma_parts(it)]
    if len(cleaned) >= 3 and _TOPIC_ITEM.search(cleaned[0][1]):
        # ``□ 로드맵은 ▲A ▲B ▲C``: a section mark opens the sentence's topic, no item
        cleaned = cleaned[1:]
    if len(cleaned) == 1 and _CLOSES.match(text, end):
        # ``△A·B·C 등 17대 신산업``: one marked item, a dotted list closed by 등
        start, item, own_cue = cleaned[0]
        parts = dotted_parts(item, start)
        if len(parts) >= 2 and all(p and " " not in p for p, _ in parts):
            cleaned = [(at, part, own_cue) for part, at in parts]
    after = _cue_after(text, end)
    printed: dict[int, tuple[str, ...]] = {}  # an item's start → its wording with the cue
    repeated = _AFTER.match(text[end : end + 60])
    start, item, own_cue = cleaned[-1]
    own = _OWN_CUE.search(item)
    if repeated and own and own_cue == repeated["cue"] and own_cue not in _OWN_FIELD_CUES:
        # ``▲A ▲B ▲C 산업 등 3개 산업``: the cue the list repeats is no part of C's name
        cleaned[-1], printed[start] = (start, item[: own.start()], own_cue), (item,)
    # the last item's own cue word types the list when it is a field's, cut from the name
    # (``▲A ▲B 분야``); one the name keeps (``▲… ▲카멜레온 환경 감응 소재``) is that item's
    # head, and the list's topic comes first (``미래유망기술은 ▲…``)
    last_cue = cleaned[-1][2] or ""
    cls = (
        (cue_class(last_cue) if last_cue in _OWN_FIELD_CUES else None)
        or after
        or (None if TASKS_AFTER.match(text, end) else _cue_before(text, run_start))
        or cue_class(last_cue)
        or _counted_before(text, run_start, len(cleaned))
    )
    # ``△A R&D △B R&D △C R&D 사업``: the head printed once with the last item, every
    # item ending like a programme, names them all programmes
    own_programme = cue_class(last_cue) == "Programme" and all(
        item.endswith(PROGRAMME_ENDINGS) for _, item, _ in cleaned
    )
    if (
        cls == "Programme"
        and after != "Programme"
        and not own_programme
        and not _BARE_PROGRAMMES.search(text, max(0, run_start - 30), run_start)
        and not (
            _PROGRAMMES_IN.search(text, max(0, run_start - 30), run_start)
            and all(item.endswith(PROGRAMME_ENDINGS) for _, item, _ in cleaned)
        )
    ):
        cls = None  # items listed under a programme (X사업은 △…) are its tasks
    shared = _shared_head(item for _, item, _ in cleaned)
    # every item funded on its own (``△A 개발(36억원) △B 지원(37억원)``): programmes
    funded_cls = "Programme" if cls is None and funded == len(cleaned) >= 2 else None
    for start, item, _ in cleaned:
        # items grouped under a field's label are that field's products
        item_cls = (
            cls
            or funded_cls
            or head_class(item)
            or ("StrategicProduct" if grouped else None)
            or (shared if len(item) <= MAX_SHARED_CHARS else None)
        )
        if funded_cls and not item.endswith(PROGRAMME_ENDINGS):
            continue
        if item_cls is None or not 2 <= len(item) <= MAX_ITEM_CHARS:
            continue
        if item_cls not in ("Programme", "Organization") and names_programme(item):
            continue
        if item_cls == "StrategicField" and item in GENERIC_FIELDS:
            continue  # ``⑤ 기타 9곳``: the rest, no field by name
        if item_cls == "Organization" and _SERVICE_ENDINGS.search(item):
            continue  # ``선정기업은 △… 진단·구축 △… 지원``: what the firms get
        if item_cls == "CoreTechnology" and is_kind(item.removesuffix("기술")):
            continue  # ``▲미래 유망기술``: a kind of technology, no name
        if not item.endswith(GENERIC_ENDINGS.get(item_cls, ())):
            add_entity(
                source,
                Found(
                    item_cls,
                    item,
                    start,
                    start + len(item),
                    EXTRACTOR,
                    0.6 if cls else 0.5,
                    printed.get(start, ()),
                ),
            )


#: The word 사업 alone as the topic (``주요 사업으로는 ▲A ▲B``, ``이번에 공고하는 사업은 △A``):
#: the items are the programmes, not one named programme's tasks (``X사업은 △…``).
_BARE_PROGRAMMES = re.compile(r"(?:^|\s)(?:세부|내역)?사업(?:은|는|으로는|로는|:)\s*$")
#: ... and 사업 as where the items are (``주요 R&D 사업에는 △A 개발 △B 개발``): the
#: programmes when each item ends like one; else who takes part (``사업에는 △A기업 …``).
_PROGRAMMES_IN = re.compile(r"(?:^|\s)사업에는\s*$")


#: A topic that opens a group of marked items: after a comma or a full stop inside the
#: previous item (``▲합성배아, 레드바이오는 ▲…``), or before the run (``… 코어바이오 분야에서는``).
_GROUP_TOPIC = re.compile(
    r"(?:^|[,.]\s*|\n)(?P<topic>[가-힣A-Za-z][가-힣A-Za-z·]{1,11}(?:\s(?!분야)[가-힣A-Za-z·]{1,11})?)"
    r"(?:\s*분야에서는|\s*분야는|은|는)\s*$"
)


def _group_topics(source: Source, run_start: int, items: list[tuple[int, str]]) -> None:
    """``A 분야에서는 ▲a1 ▲a2, B는 ▲b1 ▲b2``: a run of technologies or products grouped by
    topics names a field with each topic — when two topics or more group it."""
    text = source.text
    tails = [text[max(0, run_start - 30) : run_start]] + [raw for _, raw in items[:-1]]
    topics = []
    for n, tail in enumerate(tails):
        m = _GROUP_TOPIC.search(tail)
        if m is None:
            continue
        following = [raw for _, raw in items[n:]]
        if not following or not head_class(_TRAILING.sub("", following[0].strip())):
            continue  # the group's first item must be a technology or a product by its head
        at = (run_start - len(tail) if n == 0 else items[n - 1][0]) + m.start("topic")
        topics.append((at, m["topic"]))
    if len(topics) < 2:
        return
    for at, topic in topics:
        add_entity(source, Found("StrategicField", topic, at, at + len(topic), EXTRACTOR, 0.5))


#: A verb ending right after the last item's noun phrase: the marker opens a clause
#: (``③ 도출된``, ``④ 분석한``), not a name.
_VERB_AFTER = re.compile(r"(?:된|한|하는|되는|할|될|하여|되어|해)(?=\s|$)")
#: An amount in brackets after an item: ``(36억원)``, ``(37억5000만원)``.
_MONEY = (
    r"\s*[(（]\s*(?:약\s*)?[\d,.]+\s*(?:조\s*[\d,]*\s*)?(?:억\s*[\d,]*\s*)?(?:만\s*)?원\s*[)）]"
)
_AMOUNT = re.compile(_MONEY + r"\s*$")
_AMOUNT_AT = re.compile(_MONEY)
#: An amount printed after an item without brackets, and what follows it: ``▲A 98억원: 예방
#: 지원``, ``▲B 28억원``.
_BARE_AMOUNT = re.compile(
    r"\s+(?:약\s*)?\d[\d,.]*\s*(?:조\s*[\d,]*\s*)?(?:억\s*[\d,]*\s*)?(?:만\s*)?원(?![가-힣]).*$"
)
#: A count printed after an item's name, with what it counts (``△AI 22개``, ``△LED·광 6개
#: 과제``): how many of what the list counts the item has.
_ITEM_COUNT = r"\s+\d[\d,]*\s*(?:개|건|곳|개사|명|종)(?:\s+[가-힣]+)?"
_TRAILING_COUNT = re.compile(_ITEM_COUNT + r"$")
#: ... after the last item, before the 등 that closes the list (``△디스플레이 2개 등``).
_COUNT_AFTER_ITEM = re.compile(_ITEM_COUNT + r"(?=\s*등[\s의])")
#: A bracket of figures after an item (``(13개→15개)``, ``(44개)``): no part of its name.
_COUNT_GLOSS = re.compile(r"\s*\([^()\n]{0,20}\d[^()\n]{0,20}\)")
#: The end of a sentence inside an item, with the predicate before it (``…백신이 있다. ``).
_SENTENCE_END = re.compile(r"(?:[이가]\s*)?(?:있다|있으며|이다|다)?\.(?:\s|$)")
#: A comma and a new topic after an item: ``▲극지 배아, 심해는 ▲…``.
#: An item that describes what it is for and then names it in quotes (``▲예비창업자를 위한
#: ‘IP 디딤돌 프로그램’``): the quoted words are its name.
_QUOTED_NAME = re.compile(rf"(?<=\s){QUOTED.pattern}$")
#: After the last item's first words, the rest of a description and its quoted name.
_QUOTED_NAME_AFTER = re.compile(
    rf"(?:(?!등\s)[^\n{re.escape(OPENING_QUOTES + CLOSING_QUOTES)}{BULLET_MARKERS}]){{0,20}}?"
    rf"(?:위한|대한|하는|되는|한|된|인)\s{QUOTED.pattern}"
)
_NEXT_TOPIC = re.compile(r",\s*[^\s,]{1,12}(?:은|는)\s*$")


#: Words a part of a marked item's comma list may have, at most.
MAX_PART_WORDS = 2


def _comma_parts(item: tuple[int, str, str | None]) -> list[tuple[int, str, str | None]]:
    """A marked item that is a comma list of short names (``AI팩토리, 피지컬AI``): its parts;
    any other item as it is."""
    start, text, cue = item
    if "," not in text or "(" in text:
        return [item]
    parts, at = [], start
    for raw in text.split(","):
        name = raw.strip()
        if not name or len(name.split()) > MAX_PART_WORDS:
            return [item]
        parts.append((at + raw.index(name), name, cue))
        at += len(raw) + 1
    return parts


def _unbracketed(m: re.Match[str] | None) -> re.Match[str] | None:
    """``m`` unless it stands inside a bracket (``기획지원(3개월, 최대 2000만원)``)."""
    if m is None:
        return None
    before = m.string[: m.start()]
    return m if before.count("(") == before.count(")") else None


def _shared_head(items: Iterable[str]) -> str | None:
    """The class most uncued items' own heads give, when at least two and a third of them
    share it: ``▲A기술 ▲B기술 ▲C`` lists technologies."""
    heads = [head_class(item) for item in items]
    counted = Counter(h for h in heads if h)
    if not counted:
        return None
    (cls, n), *rest = counted.most_common()
    if rest and rest[0][1] == n:
        return None
    return cls if n >= 2 and 3 * n >= len(heads) else None


#: ``△A △B 등 15개 분야와 … △C △D``: 등 closes one list inside a run of markers.
_CLOSES = re.compile(r"\s+등(?=[\s의을를이과와에]|$)")
#: A closing bracket with no opening one before it in the item: the list was bracketed.
_BRACKET_CLOSES = re.compile(r"^[^()]*(?=\))")


def _sublists(
    items: list[tuple[int, str]], run_end: int
) -> list[tuple[list[tuple[int, str]], int]]:
    """The lists a run of markers holds, each with where its last item ends."""
    lists: list[tuple[list[tuple[int, str]], int]] = []
    current: list[tuple[int, str]] = []
    for n, (start, raw) in enumerate(items):
        closing = _CLOSES.search(raw)
        cut = closing.start() if closing and n < len(items) - 1 else None
        # ``(▲A ▲B)와 C(▲D ▲E)``: a bracket the list opened in closes it
        bracket = _BRACKET_CLOSES.match(raw)
        if bracket is not None and (cut is None or bracket.end() < cut):
            cut = bracket.end()
        if cut is None:
            current.append((start, raw))
            continue
        current.append((start, raw[:cut]))
        lists.append((current, start + cut))
        current = []
    if current:
        lists.append((current, run_end))
    return lists


def _add_group(source: Source, group: re.Match[str], start: int) -> None:
    """The field a group label names (``(이상 금속 3건)`` → 금속)."""
    label, at = group["label"], start + group.start("label")
    if 2 <= len(label) <= MAX_ITEM_CHARS:
        add_entity(source, Found("StrategicField", label, at, at + len(label), EXTRACTOR, 0.5))


#: A gloss glued to a marked item's word, and the dotted parts after it: ``△바이오제약(자원)·
#: 의료기기``.
_GLOSS_ON = re.compile(r"\([^()\n]{1,12}\)(?:[·ㆍ][^\s·ㆍ(),]+)*")


def _phrase_end(source: Source, start: int) -> int:
    """Where the noun phrase starting at ``start`` ends (the last item has no next marker)."""
    doc = source.analysis
    first, _ = token_range(doc, start, min(start + 1, len(text_of(doc))))
    for phrase in noun_phrases(doc, first, min(len(doc), first + 40)):
        if phrase.end < len(doc) and doc[phrase.end].tag_ == ADJECTIVE_ENDING:
            continue  # ``▲ 편리한 생활``: an adjective opens the item, the noun after it ends it
        gloss = _GLOSS_ON.match(text_of(doc), phrase.end_char)
        if gloss is None:
            return phrase.end_char
        # ``▲저에너지 수처리(물정화, 담수화) 시스템 등``: the name goes on past its gloss
        rest = _PAST_GLOSS.match(text_of(doc), gloss.end())
        return rest.end() if rest else gloss.end()
    return start


#: The rest of a last item's name after a gloss inside it, up to the 등 closing the list.
_PAST_GLOSS = re.compile(r"(?:\s[가-힣A-Za-z0-9]+){1,2}(?=\s*등[\s의])")


#: Kiwi's tag of an adjective's ending glued to its root (``편리`` + ``한``).
ADJECTIVE_ENDING = "XSA+ETM"


def _cue_after(text: str, end: int) -> str | None:
    # up to the next marker: ``▲A ▲B 등 ▲C기술``: C is the next list's item, not their cue
    after = re.split(rf"[{BULLET_MARKERS}]", text[end : end + 60], maxsplit=1)[0]
    m = _AFTER.match(after) or CUE_AS.match(after)  # ``△A △B 등을 신규 전략분야로``
    if m is None:
        return None
    counted = COUNT_BEFORE_CUE.search(after[: m.start("cue")]) is not None
    return head_cue(after[m.end("cue") :], counted=counted) or cue_class(m["cue"])


def _cue_before(text: str, start: int) -> str | None:
    m = _TOPIC.search(text[max(0, start - 30) : start]) or _HEADING.search(
        text[max(0, start - 40) : start]
    )
    if m:
        return cue_class(m["cue"])
    bare = _COUNT_TOPIC.search(text[max(0, start - 30) : start])
    if bare is None:
        return None
    # ``12가지는 △A △B``: the set of that many the text named before (``12대 국가전략기술``)
    named = list(_COUNTED_SET.finditer(text, max(0, start - SET_REACH), start))
    named = [n for n in named if n["n"] == bare["n"]]
    return cue_class(named[-1]["cue"]) if named else None


#: A short heading line right before the run that ends in a cue (``#10대신산업분야``, ``□ 추진
#:분야``, ``[5대 핵심기술]``): the items under it are of its kind.
_HEADING = re.compile(
    rf"(?:^|\n)[#□■◇◆○●\[\s]*(?:\d+\s*(?:대|개|가지)\s*)?[가-힣A-Za-z·\s]{{0,12}}?"
    rf"(?P<cue>{CUE_HEADS})[\]\s:]*\n\s*$"
)


def _counted_before(text: str, start: int, items: int) -> str | None:
    """The cue of a set of as many members as the run has items, named earlier in its
    sentence (``9대 전략산업으로, 2019년까지 … △SW △IoT … △빅데이터 등을 육성``)."""
    sentence = re.split(r"다\.\s|\n", text[max(0, start - SET_REACH) : start])[-1]
    named = [m for m in _COUNTED_SET_SAID.finditer(sentence) if int(m["n"]) == items]
    return cue_class(named[-1]["cue"]) if named else None


#: A bare count as a bulleted list's topic: ``12가지는``, ``5개는``.
_COUNT_TOPIC = re.compile(r"(?P<n>\d+)\s*(?:가지|개|대)\s*(?:은|는|로는|으로는|:)\s*$")
#: A counted set named in the text: ``12대 국가전략기술``.
#: A count and the cue of the set it makes (``12대 국가전략기술``).
_SET = rf"(?P<n>\d+)\s*(?:대|개|가지)\s*(?P<cue>[가-힣A-Za-z]*?(?:{CUE_HEADS}))"
_COUNTED_SET = re.compile(rf"{_SET}(?![가-힣])")
#: The same as a sentence says it, a particle after it (``9대 전략산업으로``).
_COUNTED_SET_SAID = re.compile(rf"{_SET}(?:으로|로|은|는|이|가|을|를|에|의|과|와)?(?![가-힣])")
#: How far back a bare count's set may have been named.
SET_REACH = 300
