"""Items grouped under bracketed area labels: ``주요 품목은 (반도체) A, B (디스플레이) C 등이다``.

A release that lists products or technologies across fields often prints each field as a
bracketed label before its items, in one sentence. Two or more labels in a sentence whose
topic is a cue (``품목은``, ``핵심기술로는``) make the labels fields and the items between
them members of the cue's kind; the label, not the morphology, delimits each group, and
commas (or 및/와/과) the items within it.
"""

from __future__ import annotations

import re

from stkg.ingest.extract.base import Source
from stkg.ingest.extract.enumerations import GENERIC_FIELDS, is_kind
from stkg.ingest.extract.phrases import CUE_HEADS, cue_class
from stkg.ingest.extract.resolve import Found, add_entity

EXTRACTOR = "labelled"
#: A bracketed label opening a group: ``(반도체)``, ``(기계·금속)``.
_LABEL = re.compile(r"(?:^|(?<=\s))[(（](?P<label>[가-힣A-Za-z][가-힣A-Za-z·ㆍ‧ ]{0,14})[)）]\s*")
#: The topic the groups answer, right before the first label: ``주요 품목은``, ``핵심기술로는``.
_TOPIC_BEFORE = re.compile(
    r"(?P<cue>[가-힣A-Za-z]*(?:" + CUE_HEADS + r"))\s*(?:은|는|로는|으로는|:)\s*$"
)
#: What separates the items of one group.
_ITEM_SPLIT = re.compile(r"\s*(?:,|、|\s및\s|\s와\s|\s과\s)\s*")
#: What closes the last group: ``… 등이다``, ``… 등``, ``…이다``.
_CLOSING = re.compile(r"\s*(?:등(?:이다|이|을|를|의|으로|$)?|(?:이)?다)\s*$")
#: Sentences: the groups of one list never cross a sentence end.
_SENTENCE = re.compile(r"[^.!?\n]+")
#: Items are names, not clauses.
MAX_ITEM_CHARS = 24
_KINDS = ("StrategicProduct", "CoreTechnology")


class LabelledGroups:
    name = EXTRACTOR
    needs_nlp = False
    needs_topic = True

    def __call__(self, source: Source) -> None:
        for sentence in _SENTENCE.finditer(source.text):
            labels = list(_LABEL.finditer(source.text, sentence.start(), sentence.end()))
            if len(labels) < 2:
                continue
            topic = _TOPIC_BEFORE.search(source.text, sentence.start(), labels[0].start())
            cls = cue_class(topic["cue"]) if topic else None
            if cls not in _KINDS:
                continue
            for n, label in enumerate(labels):
                end = labels[n + 1].start() if n + 1 < len(labels) else sentence.end()
                self._group(source, cls, label, end)

    def _group(self, source: Source, cls: str, label: re.Match[str], end: int) -> None:
        field = label["label"].strip()
        if field not in GENERIC_FIELDS and not is_kind(field):
            at = label.start("label")
            add_entity(source, Found("StrategicField", field, at, at + len(field), EXTRACTOR, 0.6))
        body = source.text[label.end() : end]
        body = body[: len(body) - len(m[0])] if (m := _CLOSING.search(body)) else body
        pos = label.end()
        for piece in _ITEM_SPLIT.split(body):
            start = source.text.find(piece, pos) if piece else -1
            if start < 0:
                continue
            pos = start + len(piece)
            name = piece.strip()
            if 2 <= len(name) <= MAX_ITEM_CHARS and re.search(r"[가-힣A-Za-z]", name):
                add_entity(source, Found(cls, name, start, start + len(name), EXTRACTOR, 0.6))


__all__ = ["LabelledGroups"]
