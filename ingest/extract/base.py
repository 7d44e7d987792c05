"""The seam every extractor plugs into: a :class:`Source` in, facts added to its context.

A :class:`Source` is computed once per document and shared: the Kiwi-tokenised spaCy
``Doc`` (morphemes with their tags, gazetteer mentions and quantities as ``doc.ents``),
the prose statements and the document's own date are built lazily, on first use, so an
extractor that needs none of them costs nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from stkg.ingest.context import BuildContext
from stkg.ingest.extract.statements.model import Statements
from stkg.ingest.extract.statements.parse import extract_statements
from stkg.ingest.normalize import name_key
from stkg.ingest.readers import Document
from stkg.ontology.model import Ontology

if TYPE_CHECKING:
    from stkg.ingest.extract.analysis import Analysis
    from stkg.ingest.extract.phrases import Phrase


#: Classes whose Korean labels and altLabels say a text is about roadmaps, programmes
#: or patent analysis.
TOPIC_CLASSES = (
    "StrategicField",
    "StrategicProduct",
    "CoreTechnology",
    "Programme",
    "Roadmap",
    "RoadmapEdition",
    "Patent",
    "PatentAnalysis",
    "TechnologyClass",
    "Funding",
)


#: Topic words of everyday news too (a market festival's 육성사업, a city's 예산, a food
#: festival a province chose for its 지원사업): a text that has only these is on the topic
#: only with one of :data:`DOMAIN_WORDS`.
EVERYDAY_TOPIC_WORDS = frozenset({"사업", "지원사업", "분야", "품목", "예산", "기본계획"})
#: Words without which a text that has only everyday topic words is not about technology
#: or its funding.
DOMAIN_WORDS = ("기술", "연구개발", "R&D", "특허", "혁신")
#: How often a text must use :data:`DOMAIN_WORDS` to be about the domain without naming any
#: topic word (``12대 국가전략기술 … 50대 세부 중점기술``): news that happens to touch on it
#: uses them once or not at all.
DOMAIN_MENTIONS = 5

_TOPIC_WORDS: dict[int, tuple[Ontology, tuple[str, ...]]] = {}
_PROGRAMME_NAMES: dict[int, tuple[Ontology, tuple[str, ...]]] = {}


def _per_ontology(
    cache: dict[int, tuple[Ontology, tuple[str, ...]]],
    onto: Ontology,
    compute: Callable[[Ontology], set[str]],
) -> tuple[str, ...]:
    """``compute(onto)`` sorted, kept once per loaded ontology."""
    cached = cache.get(id(onto))
    if cached is None or cached[0] is not onto:
        cached = cache[id(onto)] = (onto, tuple(sorted(compute(onto))))
    return cached[1]


#: A reference programme's name this long (without spaces) is no everyday word
#: (``구매조건부 신제품개발사업``; ``상용화``, one of its altLabels, is).
MIN_PROGRAMME_NAME = 6


def programme_names(onto: Ontology) -> tuple[str, ...]:
    """The Korean names of the reference data's programmes long enough to say a text is
    about one (cached per ontology)."""
    return _per_ontology(
        _PROGRAMME_NAMES,
        onto,
        lambda o: {
            name
            for ind in o.individuals
            if "Programme" in ind.classes
            for name in (ind.labels.ko, *(t for t, lang in ind.alt_labels if lang == "ko"))
            if name and len(name.replace(" ", "")) >= MIN_PROGRAMME_NAME
        },
    )


def topic_words(onto: Ontology) -> tuple[str, ...]:
    """The Korean labels and altLabels of :data:`TOPIC_CLASSES` (cached per ontology)."""
    return _per_ontology(
        _TOPIC_WORDS,
        onto,
        lambda o: {
            w
            for name in TOPIC_CLASSES
            for w in (
                o.cls(name).labels.ko,
                *(t for t, lang in o.cls(name).alt_labels if lang == "ko"),
            )
            if w
        },
    )


@dataclass
class Source:
    """One read document with everything extractors share about it."""

    document: Document
    ctx: BuildContext
    use_nlp: bool = True

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def name(self) -> str:
        return Path(self.document.path).name

    @cached_property
    def statements(self) -> Statements:
        """The prose statements of :mod:`stkg.ingest.extract.statements` (editions, roles, …)."""
        return extract_statements(self.text, source=self.name)

    @cached_property
    def analysis(self) -> Analysis:
        """Kiwi morphemes as spaCy tokens, with gazetteer mentions and quantities as ents."""
        from stkg.ingest.extract.analysis import analyse

        return analyse(self.text, self.ctx.onto)

    @cached_property
    def phrases(self) -> list[Phrase]:
        """The analysis' noun phrases, in order (:func:`~.phrases.noun_phrases`)."""
        from stkg.ingest.extract.phrases import noun_phrases

        return list(noun_phrases(self.analysis))

    @cached_property
    def on_topic(self) -> bool:
        """Whether the text speaks of the domain at all: one of the Korean labels of the
        ontology's roadmap, programme and patent classes (:data:`TOPIC_CLASSES`) occurs in
        it, and when the only ones are everyday words (:data:`EVERYDAY_TOPIC_WORDS`), one of
        :data:`DOMAIN_WORDS` too; or it uses :data:`DOMAIN_WORDS` again and again; or it
        names a programme of the reference data (:func:`programme_names`: a release on
        ``구매조건부 신제품개발사업`` may never say 기술 or R&D).

        Prose extractors read shapes (a word ending in 부, an amount after a noun) that occur
        in any news; on a sports or market report they would only find noise.
        """
        found = {word for word in topic_words(self.ctx.onto) if word in self.text}
        return (
            bool(found - EVERYDAY_TOPIC_WORDS)
            or (bool(found) and self.about_technology)
            or sum(self.text.count(word) for word in DOMAIN_WORDS) >= DOMAIN_MENTIONS
            or any(name in self.text for name in programme_names(self.ctx.onto))
        )

    @cached_property
    def about_technology(self) -> bool:
        """Whether one of :data:`DOMAIN_WORDS` occurs in the text (a report of a festival
        that names a ministry does not)."""
        return any(word in self.text for word in DOMAIN_WORDS)

    def states_topic_facts(self) -> bool:
        """Whether the extractors so far found an actor or a node of :data:`TOPIC_CLASSES`
        in the text: a document that names none has no roadmap events to date either (a
        weekly market report that happens to mention a 사업)."""
        return any(
            n.cls in TOPIC_CLASSES or n.cls == "Organization" for n in self.ctx.facts.nodes.values()
        )

    @cached_property
    def defined_names(self) -> dict[str, str]:
        """The bodies' short names the document defines itself (``중소기업진흥공단(이사장 …,
        이하 중진공)``), by their key: each means the full name printed with it here, whatever
        other body the reference data knows by it."""
        return {
            name_key(alias.value): org.name.value
            for org in self.statements.organisations
            for alias in org.aliases
        }

    @cached_property
    def date(self) -> dt.date | None:
        """The document's own date (release line, dateline or header), if it states one."""
        from stkg.ingest.extract.dates import document_date

        return document_date(self)

    @cached_property
    def period(self) -> tuple[int, int | None] | None:
        """``(year, month or None)`` when the document dates itself only to a month or a
        year (``DATE: 2016-12``); None when :attr:`date` is known or nothing is stated."""
        from stkg.ingest.extract.dates import document_period

        return document_period(self)

    @property
    def as_of(self) -> dt.date | None:
        """The day names are read as of: the document's date, else the first day of the month
        or year it dates itself to (a short form two bodies used in turn names the one then)."""
        if self.date is not None or self.period is None:
            return self.date
        year, month = self.period
        return dt.date(year, month or 1, 1)


class Extractor(Protocol):
    """A stage that reads a :class:`Source` and adds the facts it supports.

    ``name`` identifies the extractor in provenance (``extractedBy``) and in ``stkg eval``.
    ``needs_nlp`` extractors are skipped for a ``use_nlp=False`` build; ``needs_topic``
    extractors for a document that is not :attr:`Source.on_topic`.
    """

    name: str
    needs_nlp: bool
    needs_topic: bool

    def __call__(self, source: Source) -> None: ...
