"""Turning the id a client sends into a node: typed id or instance IRI, 404 when absent.

Every route that takes an entity id goes through :func:`resolve_id` and (when it must
know the node exists) :func:`require_entity`, so the same spellings are accepted and the
same problem comes back everywhere.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Path, Query

from stkg.api.db import Reader
from stkg.api.problems import Problem
from stkg.api.terms import id_pattern
from stkg.graph.cypher.entities import ENTITY_BY_ID
from stkg.ontology.ids import INSTANCE_NS, split_typed_id, typed_id_from_iri

MAX_ID_LENGTH = 1000
_ID_DESCRIPTION = "Typed id (`type:key`, the type an entity class's id prefix) or instance IRI"


def entity_id_path(examples: list[str], description: str = _ID_DESCRIPTION) -> Any:
    """A path parameter holding an entity id, constrained by the ontology's id prefixes."""
    return Path(
        description=description,
        min_length=1,
        max_length=MAX_ID_LENGTH,
        pattern=id_pattern(),
        examples=examples,
    )


def entity_id_query(
    examples: list[str], alias: str | None = None, description: str = _ID_DESCRIPTION
) -> Any:
    """A query parameter holding an entity id (``alias`` when its name is a Python word)."""
    return Query(
        alias=alias,
        description=description,
        min_length=1,
        max_length=MAX_ID_LENGTH,
        pattern=id_pattern(),
        examples=examples,
    )


#: The path parameter of most routes that take an entity.
EntityId = Annotated[
    str,
    entity_id_path(["fieldversion:드론@중소기업기술로드맵@2022", "field:드론"]),
]


def resolve_id(raw: str) -> str:
    """The typed id behind ``raw`` (a typed id ``type:key`` or its instance IRI).

    Anything else is a 404 naming what was asked for: the API has no node by that name.
    """
    value = raw.strip()
    try:
        if value.startswith(INSTANCE_NS):
            return typed_id_from_iri(value)
        split_typed_id(value)
    except ValueError:
        raise Problem(
            404,
            "Unknown entity",
            f"{raw!r} is neither a typed id ('type:key') nor an instance IRI ({INSTANCE_NS}…)",
            id=raw,
        ) from None
    return value


async def require_entity(db: Reader, raw: str) -> dict[str, Any]:
    """The node's id, labels and names, or a 404 problem with the id in ``detail``.

    A route whose own query finds nothing for a missing id can skip this round trip and
    call it only when its result is empty (to tell "no such entity" from "no rows").
    """
    tid = resolve_id(raw)
    rows = await db.rows(ENTITY_BY_ID, {"id": tid}, max_rows=1)
    if not rows.rows:
        raise unknown_entity(tid)
    return rows.rows[0]


def unknown_entity(tid: str) -> Problem:
    """The 404 every route answers for an id no node has."""
    return Problem(404, "Unknown entity", f"No entity has the id {tid!r}.", id=tid)


def display_name(row: dict[str, Any], lang: str) -> str | None:
    """``name`` (Korean) or ``nameEn``, whichever ``lang`` asks for, falling back to the other."""
    ko, en = row.get("name"), row.get("nameEn")
    return (en or ko) if lang == "en" else (ko or en)
