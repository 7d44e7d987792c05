"""The NLP analysis every prose extractor shares: one spaCy ``Doc`` per document.

Tokens are Kiwi morphemes sliced from the text (``token.tag_`` is Kiwi's tag: ``NNP``,
``NNG``, ``SL``, ``SN``, ``XSN``, ``JKS`` …); ``doc.ents`` holds the ontology's gazetteer
mentions and the quantities (MONEY, COUNT, YEAR, YEAR_RANGE, DATE, PERCENT).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from typing import Any

from spacy.tokens import Doc, Span

from stkg.ingest.nlp import Gazetteer, build_pipeline
from stkg.ingest.nlp.tokenizer import TEXT_KEY, TOKENS_KEY, doc_text
from stkg.ontology.model import Ontology

#: Classes whose reference individuals and instances are looked for in running text.
MENTIONED_CLASSES = ("Organization", "Programme", "Policy", "Roadmap")

_GAZETTEERS: dict[int, tuple[Ontology, Gazetteer]] = {}


def gazetteer_for(onto: Ontology) -> Gazetteer:
    """Entity patterns from the ontology's reference individuals: labels and altLabels.

    An alias added in the TTL improves extraction with no code change. Cached per
    ontology object (the ontology is immutable).
    """
    cached = _GAZETTEERS.get(id(onto))
    if cached is not None and cached[0] is onto:
        return cached[1]
    terms = []
    for ind in onto.individuals:
        cls = next((c for c in ind.classes if c in MENTIONED_CLASSES), None)
        if cls is None or ind.id is None or "rejected" in ind.values.get("extractionStatus", ()):
            continue
        forms = [ind.labels.ko or "", ind.labels.en or "", *(t for t, _ in ind.alt_labels)]
        terms.append((cls, ind.id, [f for f in forms if f]))
    gazetteer = Gazetteer.from_terms(terms)
    _GAZETTEERS[id(onto)] = (onto, gazetteer)
    return gazetteer


class Tok:
    """What prose extractors read of a token, as plain attributes (spaCy's ``Token``
    converts ``tag_`` and ``whitespace_`` from its C structs at every access)."""

    __slots__ = ("ent_type_", "i", "idx", "tag_", "text", "whitespace_")

    def __init__(self, text: str, tag: str, whitespace: str, idx: int, i: int) -> None:
        self.text = text
        self.tag_ = tag
        self.whitespace_ = whitespace
        self.idx = idx
        self.i = i
        self.ent_type_ = ""


_NOUNS = ("NNG", "NNP")


def _tokens(doc: Doc) -> list[Tok]:
    """Plain tokens, from the strings the Kiwi tokenizer kept (else from spaCy's)."""
    kept = doc.user_data.get(TOKENS_KEY)
    if kept is None:
        words = [t.text for t in doc]
        spaces = [bool(t.whitespace_) for t in doc]
        tags = [t.tag_ for t in doc]
    else:
        words, spaces, tags = kept
    out, idx = [], 0
    for i, (word, space, tag) in enumerate(zip(words, spaces, tags, strict=True)):
        out.append(Tok(word, tag, " " if space else "", idx, i))
        idx += len(word) + space
    for tok, after in pairwise(out):
        if tok.tag_ == "XR" and not tok.whitespace_ and after.tag_.split("+")[0] in _NOUNS:
            # ``다단연소``: a root written in one word with a noun is part of a compound
            # noun, not the stem of an adjective (``중요하다``)
            tok.tag_ = "NNG"
    for ent in doc.ents:
        for k in range(ent.start, ent.end):
            out[k].ent_type_ = ent.label_
    return out


class Analysis:
    """A spaCy ``Doc`` whose tokens are built once.

    ``doc[i]`` makes a new ``Token`` object at every call, and the prose extractors index
    tokens millions of times over a corpus; this keeps one list of plain :class:`Tok`
    records and otherwise behaves like the ``Doc`` it wraps (``ents``, ``char_span``,
    ``text``, ``user_data``).
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.tokens = _tokens(doc)
        self.text = doc_text(doc)
        self.user_data = doc.user_data
        self.user_data[TEXT_KEY] = self.text

    def __getitem__(self, i: int | slice) -> Any:
        return self.tokens[i]

    def __len__(self) -> int:
        return len(self.tokens)

    def __iter__(self) -> Iterator[Tok]:
        return iter(self.tokens)

    @property
    def ents(self) -> tuple[Span, ...]:
        return tuple(self.doc.ents)

    def char_span(self, start: int, end: int, **kwargs: Any) -> Span | None:
        return self.doc.char_span(start, end, **kwargs)


def analyse(text: str, onto: Ontology) -> Analysis:
    """Tokenise and tag ``text`` with the pipeline built for ``onto``'s gazetteer."""
    return Analysis(build_pipeline(gazetteer_for(onto))(text))
