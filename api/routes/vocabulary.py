"""``GET /ontology/terms``: the ontology's display names, in Korean and English.

Clients that show the graph to people (the explorer at ``/`` among them) need a readable
name for each class, relationship type and controlled-vocabulary value. Those names
already live in the TTL (``rdfs:label``, ``skos:prefLabel``); serving them keeps one source
of truth instead of a second translation table in every client. The relationship list also
says which types a lineage walk follows by default, so a client can offer them as filters.
"""

from __future__ import annotations

from functools import cache

from fastapi import APIRouter
from pydantic import BaseModel, Field

from stkg.api.terms import entity_labels, ontology, relationship_terms
from stkg.ontology.model import LangText

router = APIRouter(tags=["ontology"])


class TermName(BaseModel):
    ko: str | None
    en: str | None


class ClassTerm(TermName):
    label: str = Field(examples=["StrategicField"])


class RelationshipTermView(TermName):
    type: str = Field(examples=["VERSION_OF"])
    lineage: bool = Field(description="Followed by `/lineage` when no `types` are given")


class ConceptTerm(TermName):
    notation: str = Field(examples=["renamedAndRescoped"])


class OntologyTerms(BaseModel):
    classes: list[ClassTerm]
    relationships: list[RelationshipTermView]
    vocabularies: dict[str, list[ConceptTerm]] = Field(
        description="Concepts of each SKOS scheme, by scheme name (e.g. `changeKind`)"
    )


@router.get(
    "/ontology/terms",
    response_model=OntologyTerms,
    summary="Display names of classes, relationship types and vocabulary values",
    description="Korean and English names from the ontology for every entity class, "
    "every instance relationship type (with whether lineage follows it by default) and "
    "every concept of the controlled vocabularies.",
)
async def ontology_terms() -> OntologyTerms:
    return _terms()


@cache
def _terms() -> OntologyTerms:
    """Built once per process: the ontology does not change while the API runs."""
    onto = ontology()
    by_label = {c.label: c for c in onto.classes.values()}
    props = {p.rel_type: p for p in onto.object_properties.values()}
    return OntologyTerms(
        classes=[
            ClassTerm(label=label, **_names(by_label[label].labels)) for label in entity_labels()
        ],
        relationships=[
            RelationshipTermView(
                type=t.rel_type, lineage=t.in_lineage, **_names(props[t.rel_type].labels)
            )
            for t in relationship_terms().values()
        ],
        vocabularies={
            name: [ConceptTerm(notation=c.notation, **_names(c.labels)) for c in vocab.concepts]
            for name, vocab in sorted(onto.vocabularies.items())
        },
    )


def _names(text: LangText) -> dict[str, str | None]:
    return {"ko": text.ko, "en": text.en}
