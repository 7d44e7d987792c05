"""Neo4j schema names in Cypher text: the one place they are checked and quoted.

Labels, relationship types and property keys cannot be query parameters, so the few
statements that need them in their text (schema sync, the batched writer, RDF import)
spell them through :func:`quote_name`. Names come from the ontology, whose linter already
requires plain names (:func:`is_plain_name`); checking again where the text is built keeps
a hand-edited file from ever injecting Cypher.
"""

from __future__ import annotations

import re

from stkg.ontology.errors import OntologyError

_PLAIN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class InvalidName(OntologyError, ValueError):
    """A name that is not a plain Neo4j identifier was about to be written into Cypher."""


def is_plain_name(name: object) -> bool:
    """ASCII letters, digits and ``_``, not starting with a digit."""
    return isinstance(name, str) and _PLAIN.match(name) is not None


def quote_name(name: str) -> str:
    """Backtick-quote a schema name after checking it is a plain identifier."""
    if not is_plain_name(name):
        raise InvalidName(f"not a valid Neo4j schema name: {name!r}")
    return f"`{name}`"
