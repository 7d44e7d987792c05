"""Schema names the API accepts from clients, all taken from the ontology.

Routes that put a client-chosen label or relationship type into Cypher (a class listing,
the lineage and path traversals) may only use names this module vouches for: they come
from :func:`stkg.ontology.model.load_ontology` and are quoted with
:func:`stkg.ontology.names.quote_name`, so a request can never name a label the ontology does not
define, nor inject Cypher.

The lineage direction table (which way "down" runs along each relationship type) is
:mod:`stkg.graph.lineage`'s; its names are re-exported here for the routes.
"""

from __future__ import annotations

from functools import cache

from stkg.graph.lineage import (
    Direction,
    RelationshipTerm,
    lineage_types,
    quoted_types,
    relationship_terms,
    split_by_direction,
    unknown_types,
)
from stkg.ontology.model import Ontology, load_ontology
from stkg.ontology.names import quote_name

__all__ = [
    "Direction",
    "RelationshipTerm",
    "entity_labels",
    "lineage_types",
    "ontology",
    "quoted_label",
    "quoted_types",
    "relationship_terms",
    "split_by_direction",
    "unknown_types",
]


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


def quoted_label(label: str) -> str:
    """A label checked against the ontology's entity classes, quoted for Cypher."""
    if label not in entity_labels():
        raise ValueError(f"not an entity class of the ontology: {label!r}")
    return quote_name(label)
