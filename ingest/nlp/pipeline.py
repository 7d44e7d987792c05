"""The Korean NLP pipeline: Kiwi tokenizer, gazetteer matcher, quantity matcher.

``build_pipeline(gazetteer)`` returns a spaCy ``Language`` whose ``doc.ents`` hold
gazetteer mentions (``ent_id_`` = canonical id) and quantities (MONEY, YEAR_RANGE, YEAR,
DATE, COUNT, PERCENT). ``span._.value`` gives each entity's normalised value: the
canonical id for gazetteer entities, an int of KRW for money, a ``(start, end)`` tuple for
a year range, a ``date`` for a date. Pipelines are cached per gazetteer because Kiwi's
model is large; build once per process and reuse it (``nlp.pipe`` for batches).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .gazetteer import Gazetteer
from .quantities import LABELS as QUANTITY_LABELS
from .quantities import find_quantities, parse_value
from .tokenizer import KiwiTokenizer, add_user_words, doc_text

__all__ = [
    "EMPTY_GAZETTEER",
    "QUANTITY_LABELS",
    "Mention",
    "build_pipeline",
    "extract",
    "extract_many",
]

_COUNTED_NOUN_TAGS = ("NNG", "NNP", "SL")
_LOCK = threading.Lock()
#: The default: quantities only, no gazetteer names.
EMPTY_GAZETTEER = Gazetteer()


def _value(span: Span) -> object:
    """Getter for ``span._.value``: recomputed from the text, so it survives copies."""
    if span.label_ in QUANTITY_LABELS:
        return parse_value(span.label_, span.text)
    return span.ent_id_ or None


def _counted(span: Span) -> str | None:
    """For a COUNT like ``32개 분야``, the noun counted (``분야``)."""
    if span.label_ != "COUNT" or len(span) < 2 or not span[-1].tag_.startswith(_COUNTED_NOUN_TAGS):
        return None
    return span[-1].text


def _register_extensions() -> None:
    if not Span.has_extension("value"):
        Span.set_extension("value", getter=_value)
    if not Span.has_extension("counted"):
        Span.set_extension("counted", getter=_counted)


class GazetteerComponent:
    """Gazetteer names found by their characters, kept where they start and end on token
    boundaries (``중소기업기술정보진흥원`` as one word or as four, as Kiwi reads it in its
    sentence)."""

    def __init__(self) -> None:
        self.gazetteer = EMPTY_GAZETTEER

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for start, end, label, cid in self.gazetteer.find(doc_text(doc)):
            span = doc.char_span(start, end, label=label, span_id=cid)
            if span is not None:
                spans.append(span)
        doc.ents = filter_spans([*doc.ents, *spans])
        return doc


@Language.factory("stkg_gazetteer")
def gazetteer_component(nlp: Language, name: str) -> GazetteerComponent:
    return GazetteerComponent()


@Language.component("stkg_quantities")
def quantities_component(doc: Doc) -> Doc:
    """Add quantity entities found by regex on ``doc.text``, aligned to token boundaries.

    Gazetteer entities already in ``doc.ents`` are kept; overlaps are resolved in favour of
    the longer span (``spacy.util.filter_spans``).
    """
    spans = list(doc.ents)
    for q in find_quantities(doc_text(doc)):
        span = doc.char_span(q.start, q.end, label=q.label, alignment_mode="expand")
        if span is None:
            continue
        if q.label == "COUNT":
            span = _with_counted_noun(doc, span)
        spans.append(span)
    doc.ents = filter_spans(spans)
    return doc


def _with_counted_noun(doc: Doc, span: Span) -> Span:
    """Extend ``32개`` to ``32개 분야`` when a noun follows after a single space."""
    last = doc[span.end - 1]
    if span.end < len(doc) and last.whitespace_ == " ":
        nxt = doc[span.end]
        if nxt.tag_ in _COUNTED_NOUN_TAGS:
            return Span(doc, span.start, span.end + 1, label=span.label)
    return span


@lru_cache(maxsize=8)
def build_pipeline(gazetteer: Gazetteer = EMPTY_GAZETTEER) -> Language:
    """A cached pipeline for ``gazetteer`` (hashable, so equal gazetteers share one).

    Gazetteer surface forms Kiwi would break into particles or verbs go into its user
    dictionary; names are then found by their characters, so no tokenisation of theirs
    has to agree with the text's.
    """
    _register_extensions()
    with _LOCK:
        nlp = spacy.blank("xx")
        nlp.tokenizer = KiwiTokenizer(nlp.vocab)
        add_user_words(gazetteer.surface_forms())
        nlp.add_pipe("stkg_gazetteer").gazetteer = gazetteer  # type: ignore[attr-defined]
        nlp.add_pipe("stkg_quantities")
    return nlp


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity mention with its exact span in the text and its normalised value."""

    label: str
    text: str
    start: int
    end: int
    canonical_id: str | None
    value: Any


def _mentions(doc: Doc) -> list[Mention]:
    return [
        Mention(e.label_, e.text, e.start_char, e.end_char, e.ent_id_ or None, e._.value)
        for e in doc.ents
    ]


def extract(text: str, gazetteer: Gazetteer = EMPTY_GAZETTEER) -> list[Mention]:
    """Entity mentions of one text (gazetteer names and quantities)."""
    return _mentions(build_pipeline(gazetteer)(text))


def extract_many(
    texts: Iterable[str],
    gazetteer: Gazetteer = EMPTY_GAZETTEER,
    batch_size: int = 16,
) -> Iterator[list[Mention]]:
    """Mentions of many texts; Kiwi tokenises each batch on its worker threads."""
    nlp = build_pipeline(gazetteer)
    tokenizer: KiwiTokenizer = nlp.tokenizer  # type: ignore[assignment]
    for doc in nlp.pipe(tokenizer.pipe(texts, batch_size=batch_size), batch_size=batch_size):
        yield _mentions(doc)
