"""Schema names the API accepts from clients, all taken from the ontology.

Routes that put a client-chosen label or relationship type into Cypher (a class listing,
the lineage and path traversals) may only use names this module vouches for: they come
from :func:`stkg.ontology.model.load_ontology` and are quoted with
:func:`stkg.ontology.names.quote_name`, so a request can never name a label the ontology does not
define, nor inject Cypher.

The lineage direction table (which way "down" runs along each relationship type) is
:mod:`stkg.graph.lineage`'s; its names are re-exported here for the routes.

The same names constrain the OpenAPI document: class and relationship-type parameters are
enums, ids and lists of types are patterns, all built here from the loaded ontology.
"""

from __future__ import annotations

import re
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
from stkg.ontology.ids import INSTANCE_NS
from stkg.ontology.model import Ontology, load_ontology
from stkg.ontology.names import quote_name

__all__ = [
    "Direction",
    "RelationshipTerm",
    "entity_labels",
    "id_pattern",
    "lineage_types",
    "ontology",
    "quoted_label",
    "quoted_types",
    "relationship_terms",
    "split_by_direction",
    "types_pattern",
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


@cache
def id_pattern() -> str:
    """The pattern of an entity id a client sends: a typed id ``type:key`` whose type is
    the id prefix of an entity class, optionally as its instance IRI."""
    onto = ontology()
    prefixes = sorted(c.id_prefix for c in onto.classes.values() if c.id_prefix and not c.is_meta)
    return f"^({re.escape(INSTANCE_NS)})?({'|'.join(map(re.escape, prefixes))}):.+$"


@cache
def types_pattern() -> str:
    """A comma-separated list of the ontology's relationship types, or nothing (which
    means the default lineage types)."""
    one = f"({'|'.join(relationship_terms())})"
    return f"^({one}(,{one})*)?$"
