"""A spaCy tokenizer backed by Kiwi: one token per morpheme, offsets exact.

spaCy's Korean support needs MeCab and rewrites whitespace, and its rule tokenizer keeps
particles on their nouns (``인공지능을``), so phrase patterns miss most mentions. Kiwi
splits particles and reports character offsets; this tokenizer turns its morphemes into
spaCy tokens sliced from the source, so ``doc.text == text`` always holds and every
entity span is a span of the original document.

Morphemes that share characters (``했`` = ``하`` + ``었``) become one token with joined
tags; whitespace that is not a single space after a token becomes its own token; HTML tags
are hidden from Kiwi (replaced by spaces of the same length) and kept as plain tokens.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from kiwipiepy import Kiwi
from spacy.tokens import Doc
from spacy.vocab import Vocab

__all__ = [
    "TEXT_KEY",
    "TOKENS_KEY",
    "KiwiTokenizer",
    "add_user_words",
    "doc_text",
    "get_kiwi",
    "is_common_noun",
    "mask_markup",
]

_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
_PIECES = re.compile(r"\s+|\S+")
_LOCK = threading.Lock()
_ADDED: dict[int, set[str]] = {}

#: Kiwi tag given to gazetteer words added to its user dictionary.
USER_WORD_TAG = "NNP"
#: Score of user words: at 0 Kiwi still prefers known pieces in context (인공+지능 before a
#: particle) while the bare pattern stays whole, so pattern and text would not line up.
USER_WORD_SCORE = 1.0
SPACE_TAG = "_SP"
#: ``doc.user_data`` key under which the tokenizer keeps the text (equal to ``doc.text``).
TEXT_KEY = "text"
#: ``doc.user_data`` key of the ``(words, spaces, tags)`` lists the ``Doc`` was built from.
TOKENS_KEY = "kiwi_tokens"
OTHER_TAG = "SW"


@lru_cache(maxsize=1)
def get_kiwi() -> Kiwi:
    """The process-wide Kiwi instance (its model takes ~500 MB and seconds to load)."""
    return Kiwi()


def add_user_words(words: Iterable[str], kiwi: Kiwi | None = None) -> int:
    """Teach Kiwi the gazetteer words it would break into a particle or a verb; return how
    many were new. Every word is remembered (:func:`is_user_word`), and so is whether Kiwi
    reads it as an ordinary noun (:func:`is_common_noun`)."""
    kiwi = kiwi or get_kiwi()
    added = 0
    with _LOCK:
        known = _ADDED.setdefault(id(kiwi), set())
        common = _COMMON.setdefault(id(kiwi), set())
        new = list(dict.fromkeys(w for w in _dictionary_words(words) if w not in known))
        # every word is read before any is taught: Kiwi rebuilds its model on the first
        # analysis after a change, so reading and teaching in turn costs seconds per word
        readings = [_pieces(word, kiwi) for word in new]
        for word, pieces in zip(new, readings, strict=True):
            known.add(word)
            if len(pieces) > 1 and all(tag in _COMMON_PIECES for _, tag in pieces):
                common.add(word)
            if len(pieces) > 1 and all(tag in _NOUN_PIECES for _, tag in pieces):
                # ``기술개발`` is 기술+개발 to Kiwi already; taught, it would be pulled out
                # of a longer word (``기술개발과제`` read as 기술개발+과+제)
                continue
            if len(pieces) == 1 and pieces[0][1] in _FUNCTION_WORDS:
                # ``특히`` in a misprinted alias (``특히 빅데이터 …``) is the adverb to Kiwi;
                # taught, every ``특히,`` would become a name
                continue
            if kiwi.add_user_word(word, USER_WORD_TAG, USER_WORD_SCORE):
                added += 1
    return added


def _pieces(word: str, kiwi: Kiwi) -> list[tuple[str, str]]:
    """Kiwi's reading of ``word`` alone as (form, tag) pieces; empty when the pieces do not
    spell the word (Kiwi restored a contracted ending)."""
    pieces = [(t.form, t.tag.split("-")[0]) for t in kiwi.tokenize(word)]
    return pieces if "".join(form for form, _ in pieces) == word else []


#: Kiwi tags of the pieces a compound of known nouns is made of.
_NOUN_PIECES = frozenset({"NNG", "NNP", "XSN", "XPN", "SL", "SN", "SH"})
#: Kiwi tags of a word that is an adverb, a determiner or an interjection by itself.
_FUNCTION_WORDS = frozenset({"MAG", "MAJ", "MM", "IC"})
#: ... and of an ordinary (not proper) noun.
_COMMON_PIECES = frozenset({"NNG", "XSN", "XPN"})
_COMMON: dict[int, set[str]] = {}


def is_common_noun(word: str, kiwi: Kiwi | None = None) -> bool:
    """Whether ``word``, a gazetteer word, is a compound of ordinary nouns to Kiwi
    (``상용화``, ``기술혁신``): a short name that is also everyday language. A word Kiwi
    reads as one noun is not: it tags unknown words (``팁스``) as ordinary nouns too."""
    return word in _COMMON.get(id(kiwi or get_kiwi()), ())


def is_user_word(word: str, kiwi: Kiwi | None = None) -> bool:
    """Whether ``word`` is a word of the gazetteer, taught to Kiwi or not (so Kiwi's NNP tag
    on it says nothing about it being a proper noun)."""
    return word in _ADDED.get(id(kiwi or get_kiwi()), ())


def _dictionary_words(forms: Iterable[str]) -> Iterator[str]:
    """Space-free Hangul words to teach Kiwi: a multi-word form is added word by word
    (an entry with a space would be one morpheme when it stands alone but not always inside
    a sentence)."""
    for form in forms:
        for word in form.split():
            if re.search(r"[가-힣]", word):
                yield word


def doc_text(doc: Doc) -> str:
    """``doc.text`` without rebuilding it when the tokenizer kept it."""
    text = doc.user_data.get(TEXT_KEY)
    return text if text is not None else doc.text


def mask_markup(text: str) -> str:
    """What Kiwi reads of ``text``, of the same length so its offsets stay valid: HTML tags
    as spaces, and sub- and superscript digits as digits (``CO₂회수`` is one word, not a
    symbol that ends a name); tokens keep the text as printed."""
    return _TAG.sub(lambda m: " " * len(m.group()), text).translate(_SCRIPT_DIGITS)


#: ``₂`` → ``2``, ``²`` → ``2``: one character each way.
_SCRIPT_DIGITS = str.maketrans("₀₁₂₃₄₅₆₇₈₉⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789" * 2)


class KiwiTokenizer:
    """Callable spaCy tokenizer; ``pipe`` batches texts through Kiwi's worker threads."""

    def __init__(self, vocab: Vocab, kiwi: Kiwi | None = None) -> None:
        self.vocab = vocab
        self.kiwi = kiwi or get_kiwi()

    def __call__(self, text: str) -> Doc:
        return self._to_doc(text, self.kiwi.tokenize(mask_markup(text)))

    def pipe(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
        """Tokenise many texts; Kiwi analyses them in parallel."""
        buffer: list[str] = []
        for text in texts:
            buffer.append(text)
            if len(buffer) >= batch_size:
                yield from self._batch(buffer)
                buffer = []
        if buffer:
            yield from self._batch(buffer)

    def _batch(self, texts: list[str]) -> Iterator[Doc]:
        results = self.kiwi.tokenize([mask_markup(t) for t in texts])
        for text, morphs in zip(texts, results, strict=True):
            yield self._to_doc(text, morphs)

    def _to_doc(self, text: str, morphs: Iterable[Any]) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        tags: list[str] = []
        pos = 0
        for start, end, tag in _merge(text, morphs):
            _gap(text, pos, start, words, spaces, tags)
            words.append(text[start:end])
            spaces.append(False)
            tags.append(tag)
            pos = end
        _gap(text, pos, len(text), words, spaces, tags)
        doc = Doc(self.vocab, words=words, spaces=spaces, tags=tags)
        # spaCy rebuilds doc.text from the tokens at every access; the text is this one, and
        # the token strings are kept for readers that need no spaCy Token objects
        doc.user_data[TEXT_KEY] = text
        doc.user_data[TOKENS_KEY] = (words, spaces, tags)
        return doc

    # spaCy calls these when saving/loading a pipeline; the tokenizer has no state to keep.
    def to_bytes(self, **_: Any) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **__: Any) -> KiwiTokenizer:
        return self

    def to_disk(self, _path: Any, **__: Any) -> None:
        return None

    def from_disk(self, _path: Any, **__: Any) -> KiwiTokenizer:
        return self


def _merge(text: str, morphs: Iterable[Any]) -> Iterator[tuple[int, int, str]]:
    """Morpheme spans, overlapping ones merged, split at any whitespace inside them."""
    spans: list[list[Any]] = []
    for m in sorted(morphs, key=lambda m: m.start):
        start, end = m.start, m.start + m.len
        if end <= start:
            continue
        if spans and start < spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
            spans[-1][2] += "+" + m.tag
        else:
            spans.append([start, end, m.tag])
    for start, end, tag in spans:
        for piece in re.finditer(r"\S+", text[start:end]):
            yield start + piece.start(), start + piece.end(), tag


def _gap(text: str, a: int, b: int, words: list[str], spaces: list[bool], tags: list[str]) -> None:
    """Emit the text between two morphemes: whitespace and anything Kiwi skipped (tags)."""
    for m in _PIECES.finditer(text, a, b):
        seg = m.group()
        if seg.isspace():
            if words and not spaces[-1] and seg[0] == " " and not words[-1].isspace():
                spaces[-1] = True
                seg = seg[1:]
            if seg:
                words.append(seg)
                spaces.append(False)
                tags.append(SPACE_TAG)
        else:
            words.append(seg)
            spaces.append(False)
            tags.append(OTHER_TAG)
