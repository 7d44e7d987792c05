"""The NLP analysis every prose extractor shares: one spaCy ``Doc`` per document.

Tokens are Kiwi morphemes sliced from the text (``token.tag_`` is Kiwi's tag: ``NNP``,
``NNG``, ``SL``, ``SN``, ``XSN``, ``JKS`` …); ``doc.ents`` holds the ontology's gazetteer
mentions and the quantities (MONEY, COUNT, YEAR, YEAR_RANGE, DATE, PERCENT).
"""

from __future__ import annotations

from spacy.tokens import Doc

from stkg.ingest.nlp import Gazetteer, build_pipeline
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


def analyse(text: str, onto: Ontology) -> Doc:
    """Tokenise and tag ``text`` with the pipeline built for ``onto``'s gazetteer."""
    return build_pipeline(gazetteer_for(onto))(text)
