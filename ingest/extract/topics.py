"""A sentence whose topic is a cue, with its items given area by area.

``대표적인 미래 유망기술로는 산업융합 분야에서 A 기술과 B 기술이 뽑혔고, 소재 분야에서는 C,
D가, 에너지 분야에서는 E, F가 각각 선정됐다``: the topic (``유망기술로는``) says what every
item of the sentence is, and each ``… 분야에서(는)`` names the field the items after it
belong to. The list extractor (:mod:`.enumerations`) reads such a sentence list by list and
types each item by its own last word (a ``…소재`` as a product); this stage, run after it,
reads the sentence whole: the items become what the topic says (technologies, products),
the areas fields, and a reading of the same printed item as another kind is dropped. A
next sentence that goes on with more areas (``또 환경 분야에서는 G, H가 확정됐다``) is read
under the same topic.
"""

from __future__ import annotations

import re

from stkg.ingest.extract.base import Source
from stkg.ingest.extract.nested import drop
from stkg.ingest.extract.phrases import CUE_HEADS, cue_class
from stkg.ingest.extract.resolve import CANDIDATE, Found, add_entity
from stkg.ingest.normalize import name_key

EXTRACTOR = "topics"
#: The kinds a topic may give its items (areas are fields; fields as a topic are lists).
ITEM_KINDS = frozenset({"CoreTechnology", "StrategicProduct"})
#: The topic: a cue noun and 으로는/로는 (``세부 전략기술로는``, ``미래 유망기술로는``).
_TOPIC = re.compile(rf"(?P<cue>[가-힣]*(?:{CUE_HEADS}))(?:으로는|로는)\s")
#: One area: a name of one or two words, then 분야/부문 and 에서(는) (``소재 분야에서는``).
_AREA = re.compile(
    r"(?:^|(?<=[\s,]))(?P<area>[가-힣A-Za-z·ㆍ‧]+(?:\s[가-힣A-Za-z·ㆍ‧]+)?)\s?(?:분야|부문)"
    r"(?:에서는|에서|에선)\s+"
)
#: Where an area's items end: 등, then 이/가, before the verb, a comma or 각각.
_ITEMS_END = re.compile(
    r"(?:\s*등)?(?:이|가)(?=\s*(?:,|각각|뽑|선정|선택|꼽|포함|제시|도출|발굴|확정|$))"
)
#: What separates two items of an area: a comma, or 와/과 after a word.
_SEPARATOR = re.compile(r",\s*|(?<=[가-힣A-Za-z)])(?:와|과)\s+")
#: A sentence that goes on with the topic's areas: ``또``, ``또한``, ``아울러``, ``이 밖에``.
_GOES_ON = re.compile(r"\s*(?:또한?|아울러|이\s?밖에|이와\s함께),?\s+")
#: The end of the topic's sentence.
_SENTENCE_END = re.compile(r"다\.|\.\s|\n")
MIN_CHARS, MAX_CHARS = 2, 40


class SentenceTopics:
    name = EXTRACTOR
    needs_nlp = False
    needs_topic = True

    def __call__(self, source: Source) -> None:
        text = source.text
        for topic in _TOPIC.finditer(text):
            # items given area by area are the areas' technologies, a 전략기술 (a field on
            # its own) too
            cls = "CoreTechnology" if topic["cue"].endswith("기술") else cue_class(topic["cue"])
            if cls not in ITEM_KINDS:
                continue
            at = topic.end()
            while True:
                end = _SENTENCE_END.search(text, at)
                stop = end.start() if end else len(text)
                areas = list(_AREA.finditer(text, at, stop))
                if not areas or areas[0].start() != at:
                    break  # the areas must follow the topic (or 또) at once
                for k, area in enumerate(areas):
                    until = areas[k + 1].start() if k + 1 < len(areas) else stop
                    _area_items(source, cls, area, until)
                # ``또 환경 분야에서는 E, F가 확정됐다``: the next sentence goes on with areas
                more = _GOES_ON.match(text, end.end()) if end else None
                if more is None:
                    break
                at = more.end()


def _area_items(source: Source, cls: str, area: re.Match[str], until: int) -> None:
    text = source.text
    items_end = _ITEMS_END.search(text, area.end(), until)
    if items_end is None:
        return
    found = []
    at = area.end()
    for part in _SEPARATOR.split(text[at : items_end.start()]):
        name = part.strip()
        start = text.index(part, at) + (len(part) - len(part.lstrip()))
        at = start + len(name)
        if not MIN_CHARS <= len(name) <= MAX_CHARS or re.search(r"[을를]\s|다$", name):
            return  # a clause, not a list of names: nothing of this area is read
        found.append(Found(cls, name, start, start + len(name), EXTRACTOR, 0.6))
    if not found:
        return
    add_entity(
        source,
        Found("StrategicField", area["area"], area.start("area"), area.end("area"), EXTRACTOR, 0.6),
    )
    for item in found:
        _retype(source, item)
        add_entity(source, item)


def _retype(source: Source, item: Found) -> None:
    """Drop a candidate of another kind read from the same printed item."""
    facts = source.ctx.facts
    key = name_key(item.name)
    drop(
        facts,
        {
            n.id
            for n in facts.nodes.values()
            if n.cls in ITEM_KINDS - {item.cls}
            and n.props.get("extractionStatus") == CANDIDATE
            and name_key(str(n.props.get("name") or "")) == key
        },
    )
