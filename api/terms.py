"""Schema names the API accepts from clients, all taken from the ontology.

Routes that put a client-chosen label or relationship type into Cypher (a class listing,
the lineage and path traversals) may only use names this module vouches for: they come
from :func:`stkg.ontology.model.load_ontology` and are quoted with
:func:`stkg.ontology.names.quote_name`, so a request can never name a label the ontology does not
define, nor inject Cypher.

It also holds the lineage direction table: which way "down" runs along each relationship
type. The default follows the ontology: "down" goes from an object property's domain to
its range (product → core technology → patent → applicant). A few properties are stated
from the part towards the whole (a product *belongs to* a field version, a field version
*is a version of* a field, something *links to* a programme); for those the roadmap's
hierarchy reads the other way, so "down" runs from range to domain (field → versions →
products; programme → linked fields and products).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from stkg.ontology.model import Ontology, load_ontology
from stkg.ontology.names import quote_name

Direction = Literal["up", "down", "both"]

#: Object properties (local names) whose "down" runs from range to domain: the part
#: points at the whole, and the lineage reads from the whole to its parts.
DOWN_AGAINST_DOMAIN_RANGE: frozenset[str] = frozenset(
    {"belongsToField", "versionOf", "linkedProgramme", "funds", "conductedUnder"}
)

#: Object properties left out of a traversal unless asked for by name: provenance and the
#: bookkeeping of ingest runs, which would link every fact to every other fact of the same
#: document, and the schema's own description of itself.
NOT_LINEAGE: frozenset[str] = frozenset(
    {"supports", "citesDocument", "generatedBy", "processedDocument", "quantifies"}
)


@dataclass(frozen=True)
class RelationshipTerm:
    """One relationship type and the way "down" runs along it (``out`` = domain → range)."""

    rel_type: str
    local_name: str
    down: Literal["out", "in"]
    in_lineage: bool


@cache
def ontology() -> Ontology:
    """The shipped ontology, loaded once per process."""
    return load_ontology()


@cache
def entity_labels() -> tuple[str, ...]:
    """Labels of the classes under ``Entity`` (those whose instances have a typed id)."""
    onto = ontology()
    root = onto.cls("Entity").local_name
    return tuple(
        sorted(
            c.label
            for c in onto.classes.values()
            if not c.is_meta and onto.is_subclass(c.local_name, root)
        )
    )


@cache
def relationship_terms() -> dict[str, RelationshipTerm]:
    """Every instance relationship type (meta-schema ones excluded), by Neo4j name."""
    onto = ontology()
    meta = {c.local_name for c in onto.classes.values() if c.is_meta}
    terms: dict[str, RelationshipTerm] = {}
    for prop in onto.object_properties.values():
        if set(prop.domain) & meta:
            continue
        terms[prop.rel_type] = RelationshipTerm(
            rel_type=prop.rel_type,
            local_name=prop.local_name,
            down="in" if prop.local_name in DOWN_AGAINST_DOMAIN_RANGE else "out",
            in_lineage=prop.local_name not in NOT_LINEAGE,
        )
    return dict(sorted(terms.items()))


def lineage_types() -> tuple[str, ...]:
    """The relationship types a traversal follows when the client names none."""
    return tuple(t.rel_type for t in relationship_terms().values() if t.in_lineage)


def unknown_types(names: list[str]) -> list[str]:
    """The names in ``names`` that are not instance relationship types of the ontology."""
    known = relationship_terms()
    return [n for n in names if n not in known]


def split_by_direction(types: tuple[str, ...], direction: Direction) -> tuple[list[str], list[str]]:
    """Types to follow outgoing and incoming for a walk ``direction`` from a node."""
    terms = relationship_terms()
    outgoing: list[str] = []
    incoming: list[str] = []
    for name in types:
        down = terms[name].down
        if direction == "both":
            outgoing.append(name)
            incoming.append(name)
        elif (direction == "down") == (down == "out"):
            outgoing.append(name)
        else:
            incoming.append(name)
    return outgoing, incoming


def quoted_label(label: str) -> str:
    """A label checked against the ontology's entity classes, quoted for Cypher."""
    if label not in entity_labels():
        raise ValueError(f"not an entity class of the ontology: {label!r}")
    return quote_name(label)


def quoted_types(types: tuple[str, ...]) -> str:
    """``A|B|C`` for a relationship pattern; every name is checked and quoted."""
    unknown = unknown_types(list(types))
    if unknown:
        raise ValueError(f"not relationship types of the ontology: {unknown}")
    return "|".join(quote_name(t) for t in types)
