"""Mentions of the ontology's reference individuals (labels and altLabels) in the text."""

from __future__ import annotations

from stkg.ingest.extract.analysis import MENTIONED_CLASSES
from stkg.ingest.extract.base import Source
from stkg.ingest.extract.phrases import is_nominal
from stkg.ingest.extract.programmes import NOT_NAME_WORDS
from stkg.ingest.extract.resolve import resolve

#: Classes whose short names also serve as modifiers inside longer names.
COMPOUND_SENSITIVE = ("Programme", "Policy")


def _continued(source: Source, end: int) -> bool:
    """Whether the noun phrase goes on after token ``end`` (one space at most between)
    into a longer name; a time or quantity word (``팁스 신규 예산``) does not continue it."""
    doc = source.analysis
    if end >= len(doc):
        return False
    if doc[end - 1].whitespace_ == " " and doc[end].text in NOT_NAME_WORDS:
        return False
    return doc[end - 1].whitespace_ in ("", " ") and is_nominal(doc[end])


class Mentions:
    """Each mention of a known organisation, programme, policy or roadmap is evidence for it."""

    name = "mentions"
    needs_nlp = True
    needs_topic = False

    def __call__(self, source: Source) -> None:
        ctx = source.ctx
        known = {ind.id: ind for ind in ctx.onto.individuals if ind.id}
        for ent in source.analysis.ents:
            ind = known.get(ent.ent_id_ or "")
            if ind is None:
                continue
            cls = next(c for c in ind.classes if c in MENTIONED_CLASSES)
            if cls in COMPOUND_SENSITIVE and _continued(source, ent.end):
                continue  # "기술혁신" in "기술혁신 전략 로드맵" modifies a longer name
            # a short form two bodies used in turn names the one of the document's date
            ind = resolve(ctx.onto, cls, ent.text, on=source.date) or ind
            ctx.facts.node(
                cls,
                ind.id,
                ctx.span(ent.start_char, ent.end_char),
                name=ind.labels.ko,
                nameEn=ind.labels.en,
            )
