"""``GET /search``: find entities by Korean or English name, alias or definition.

With the full-text index that ``stkg ontology sync`` creates (``cjk`` analyzer, see
:mod:`stkg.graph.fulltext`), hits are ranked by Lucene score. Before a sync there is no
index, and the route falls back to a case-insensitive substring match over names and
aliases, so search works on any graph; ``method`` in the answer says which one ran.

With ``as_of=YYYY-MM-DD`` the hits whose names were in use that day (a ``[validFrom,
validUntil)`` interval holding it, or no interval; for a field version, its edition in
force then; for a field, its version in that edition bearing the name; for a product, an
edition listing it in force then) rank first, the
others after them, and every row says which it is (``validOnDate``) and by which name in
use it was found (``nameOnDate``): 중소기업청 is still found in 2020, below what was valid
then, and a field renamed before the day is found by its name then (a field version found
by its name also finds its field) and ranked by it.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from neo4j.exceptions import ClientError

from stkg.api.asof import AsOf
from stkg.api.db import Reader, Rows
from stkg.api.deps import ReaderDep
from stkg.api.envelope import DEFAULT_FORMAT, Envelope, OutputFormat, renderer_for
from stkg.api.problems import Problem
from stkg.api.terms import entity_labels
from stkg.graph.cypher.asof import contains_as_of, fulltext_as_of
from stkg.graph.cypher.search import CONTAINS, FULLTEXT, INDEX_ONLINE
from stkg.graph.fulltext import fulltext_query
from stkg.graph.schema import PREFIX

router = APIRouter(tags=["search"])

#: The entity name index ``stkg ontology sync`` creates (``stkg.graph.schema``).
NAMES_INDEX = f"{PREFIX}names"


class SearchEnvelope(Envelope):
    method: Literal["fulltext", "contains"]


@router.get(
    "/search",
    response_model=SearchEnvelope,
    summary="Search entities by Korean or English name",
    description="Full-text search over names, English names, aliases, printed names and "
    "definitions (`cjk` analyzer: `벤처` finds `중소벤처기업부`, `드론` finds "
    "`드론·개인이동수단`). Without the index (before `stkg ontology sync`) a "
    "case-insensitive substring match over names and aliases; `method` tells which. "
    "With `as_of`, the names in use on that day rank first (a field version's: its "
    "edition was in force that day; a product's: an edition listing it was; a field "
    "renamed before the day is found by its "
    "version's name then and ranked by it) and each row has `validOnDate` and "
    "`nameOnDate`, the name in use it was found by.",
    responses={422: {"description": "a query of white space only, or an unknown class"}},
)
async def search(
    request: Request,
    db: ReaderDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=200,
            # spelled out: \S differs between JSON Schema, Python and pydantic's engine
            pattern=r"[^ \t\n\r\f\v]",
            description="Words to find (not only spaces, tabs and line breaks)",
            examples=["드론", "KISTA"],
        ),
    ],
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    label: Annotated[
        str | None,
        Query(
            description="Only this entity class of the ontology",
            json_schema_extra={"enum": list(entity_labels())},
            examples=["StrategicField"],
        ),
    ] = None,
    _format: OutputFormat = "json",
    as_of: AsOf = None,
) -> Envelope | Response:
    if label is not None and label not in entity_labels():
        raise Problem(
            422,
            "Unknown class",
            f"{label!r} is not an entity class of the ontology.",
            unknown=[label],
            valid=list(entity_labels()),
        )
    # the pattern refused ASCII white space only; other white space Python strips (U+3000,
    # say) is searched as it is, by substring, finding nothing rather than failing
    text = q.strip() or q
    day = as_of
    rows, method = await _fulltext(db, text, label, limit, day)
    if rows is None:
        params = {"q": text.lower(), "label": label, "limit": limit, "asOf": day}
        query = CONTAINS if day is None else contains_as_of()
        rows, method = await db.rows(query, params, max_rows=limit), "contains"
    renderer = renderer_for(request, _format)
    if renderer.name != DEFAULT_FORMAT:
        return renderer.render(rows)
    return SearchEnvelope(columns=rows.columns, rows=rows.rows, method=method)


async def _fulltext(
    db: Reader, text: str, label: str | None, limit: int, day: dt.date | None = None
) -> tuple[Rows | None, Literal["fulltext", "contains"]]:
    """Rows from the full-text index, or None when it is missing or rejects the query."""
    try:
        query = fulltext_query(text)
    except ValueError:  # no term to look up (white space Python splits at, U+3000 say)
        return None, "contains"
    online = await db.rows(INDEX_ONLINE, {"index": NAMES_INDEX}, max_rows=1)
    if not online.rows or not online.rows[0]["n"]:
        return None, "contains"
    params = {"index": NAMES_INDEX, "query": query, "label": label, "limit": limit, "asOf": day}
    cypher = FULLTEXT if day is None else fulltext_as_of()
    try:
        return await db.rows(cypher, params, max_rows=limit), "fulltext"
    except ClientError:  # a term Lucene cannot parse (e.g. a bare operator word)
        return None, "contains"
