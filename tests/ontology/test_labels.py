"""Every term of the shipped ontology is labelled for OWL tools (Protégé, ROBOT show terms
by ``rdfs:label``), in Korean and English, and no label names two terms."""

from __future__ import annotations

from collections import defaultdict

from rdflib import OWL, RDF, RDFS, Literal, URIRef
from rdflib.namespace import SKOS

from stkg.ontology.model import load_graph

_KINDS = (
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    SKOS.ConceptScheme,
    SKOS.Concept,
)
_OURS = "https://w3id.org/stkg/"


def _terms() -> dict[URIRef, URIRef]:
    g = load_graph()
    return {
        s: kind
        for kind in _KINDS
        for s in g.subjects(RDF.type, kind)
        if isinstance(s, URIRef) and str(s).startswith(_OURS) and "/id/" not in str(s)
    }


def test_every_class_property_scheme_and_concept_has_ko_and_en_rdfs_label() -> None:
    g = load_graph()
    terms = _terms()
    assert sum(1 for k in terms.values() if k == SKOS.Concept) > 50  # the vocabularies loaded
    unlabelled = sorted(
        f"{s} ({kind.split('#')[-1]}): {sorted(missing)}"
        for s, kind in terms.items()
        if (
            missing := {"ko", "en"}
            - {o.language for o in g.objects(s, RDFS.label) if isinstance(o, Literal)}
        )
    )
    assert unlabelled == []


def test_no_label_names_two_terms_in_one_language() -> None:
    """Terms among themselves, and terms against reference individuals (특허청 is an
    organization; the patent's office property is 출원 특허청)."""
    g = load_graph()
    terms = set(_terms())
    individuals = {s for s in g.subjects(RDF.type, OWL.NamedIndividual) if isinstance(s, URIRef)}
    by_label: dict[tuple[str, str | None], set[URIRef]] = defaultdict(set)
    for s in terms | individuals:
        for o in g.objects(s, RDFS.label):
            if isinstance(o, Literal):
                by_label[(str(o).strip().casefold(), o.language)].add(s)
    shared = {
        f"{text}@{lang}": sorted(str(s) for s in subjects)
        for (text, lang), subjects in by_label.items()
        if len(subjects) > 1 and subjects & terms
    }
    assert shared == {}


def test_display_labels_of_vocabularies_are_unique() -> None:
    """A concept's prefLabel is neither another concept's prefLabel nor its altLabel (약 was
    both 'approximately' and 'weak')."""
    g = load_graph()
    concepts = [s for s, k in _terms().items() if k == SKOS.Concept]
    named: dict[tuple[str, str | None], set[URIRef]] = defaultdict(set)
    for c in concepts:
        for o in g.objects(c, SKOS.prefLabel):
            if isinstance(o, Literal):
                named[(str(o), o.language)].add(c)
    for c in concepts:
        for o in g.objects(c, SKOS.altLabel):
            if isinstance(o, Literal) and (str(o), o.language) in named:
                named[(str(o), o.language)].add(c)
    clashes = {
        f"{t}@{lang}": sorted(map(str, cs)) for (t, lang), cs in named.items() if len(cs) > 1
    }
    assert clashes == {}
