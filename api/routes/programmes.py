"""Roadmap ↔ R&D programme links, with the budgets that fund them.

A roadmap edition (or one of its field versions or products) links to programmes through
``LINKED_PROGRAMME``; a ``Funding`` node states an amount for a year on a basis,
``FUNDS`` the programmes it pays for and is ``FUNDING_FOR`` the edition, field or product.
Three views of the same links:

* ``/programmes/links?edition=`` — every link of one edition, grouped by subject
  (``direction=programmes``) or by programme (``direction=products``);
* ``/programmes/{id}/links`` — what one programme is linked to, across editions;
* ``/entities/{id}/programmes`` — the programmes of an edition, field version, product or
  field, directly or through the edition that holds it (``via``).

Every row names the organisation that ran the programme as it was called on the link's day
(``managedBy``, ``organization``, ``organizationName``, ``organizationNameEn``,
``organizationOn``; see
``graph/cypher/programmes.py``): ``as_of`` when given, else the funding's year, else the
day the link's edition came into force, else today.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from stkg.api.asof import AsOf, dated, edition_calendar, in_force, no_edition
from stkg.api.db import Reader
from stkg.api.deps import ReaderDep
from stkg.api.envelope import Envelope, OutputFormat, respond
from stkg.api.lookup import (
    EntityId,
    entity_id_path,
    entity_id_query,
    require_entity,
    resolve_id,
    unknown_entity,
)
from stkg.api.problems import Problem
from stkg.graph.cypher.programmes import EDITION_LINKS, ENTITY_PROGRAMMES, PROGRAMME_LINKS
from stkg.queries.catalog import today

router = APIRouter(tags=["programmes"])

#: What every programme-link endpoint says of its organisation columns.
ORGANIZATION_NOTE = (
    " Each row names the organisation that runs the programme (`managedBy`, its "
    "`MANAGED_BY` body; the first by id when several do) and the body of that "
    "organisation's line of succession that held it on `organizationOn` "
    "(`organization`, `organizationName`, `organizationNameEn`): `as_of` when given, else "
    "1 January of the funding's `year`, else the day the link's edition came into force, "
    "else today (UTC). "
    "`organization` is null when no body of the line existed that day; all five are null "
    "when no organisation runs the programme."
)

Limit = Annotated[int, Query(ge=1, le=10_000, description="Rows at most")]


def _days(as_of: dt.date | None) -> dict[str, dt.date | None]:
    """The days the organisation columns are named on: ``as_of``, else each link's own
    day, else today (UTC; the day every answer's ETag carries)."""
    return {"asOf": as_of, "today": today()}


async def _require_class(db: Reader, raw: str, label: str, what: str) -> str:
    """The id of an entity of class ``label``; 404 naming the id otherwise."""
    found = await require_entity(db, raw)
    if label not in found["labels"]:
        raise Problem(404, f"Unknown {what}", f"{found['id']!r} is not a {what}.", id=found["id"])
    return str(found["id"])


async def _require_in_force(db: Reader, eid: str, day: dt.date) -> None:
    """404 unless ``eid`` is an edition, the one of its series in force on ``day``."""
    calendar = await edition_calendar(db)
    found = next((e for e in calendar if e.id == eid), None)
    if found is None:
        await _require_class(db, eid, "RoadmapEdition", "roadmap edition")
        raise unknown_entity(eid)  # an edition since deleted
    current = in_force(calendar, day).get(found.series or found.id)
    if current is None or current.id != eid:
        series = [e for e in calendar if (e.series or e.id) == (found.series or found.id)]
        raise Problem(
            404,
            "Edition not in force on that date",
            f"{eid!r} was not the edition of its series in force on {day.isoformat()}"
            + (f"; {current.id!r} was." if current else "; none was."),
            id=eid,
            asOf=day.isoformat(),
            inForce=current.id if current else None,
            editions=[{"edition": e.id, "series": e.series, "since": e.since} for e in series],
        )


@router.get(
    "/programmes/links",
    response_model=Envelope,
    summary="Programme links of a roadmap edition, with budgets",
    description="Every link between the edition (or its field versions and products) and "
    "R&D programmes, with the funding that pays for it (amount in KRW, year, basis). "
    "`direction=programmes` orders by subject (what each subject links to), "
    "`direction=products` by programme (what each programme is linked from). With "
    "`as_of`, the same links when the edition was the one of its series in force that day "
    "(it had come into force on its `publishedDate`, else on 1 January of its `startYear`, "
    "and the next edition had not), else a 404 problem naming the edition in force then."
    + ORGANIZATION_NOTE,
    responses={
        404: {
            "description": "no edition with that id, or (with `as_of`) the edition was not "
            "the one of its series in force on that day"
        }
    },
)
async def edition_links(
    request: Request,
    db: ReaderDep,
    edition: Annotated[str, entity_id_query(["edition:중소기업기술로드맵@2022"])],
    direction: Annotated[Literal["products", "programmes"], Query()] = "programmes",
    as_of: AsOf = None,
    limit: Limit = 1000,
    _format: OutputFormat = "json",
) -> Envelope | Response:
    eid = resolve_id(edition)
    if as_of is not None:
        await _require_in_force(db, eid, as_of)
    params = {
        "edition": eid,
        "byProgramme": direction == "products",
        "limit": limit,
        **_days(as_of),
    }
    rows = await db.rows(EDITION_LINKS, params, max_rows=limit)
    if not rows.rows:  # nothing linked, or no such edition: only now is a lookup worth it
        await _require_class(db, eid, "RoadmapEdition", "roadmap edition")
    return respond(request, rows, _format)


@router.get(
    "/programmes/{id:path}/links",
    response_model=Envelope,
    summary="What a programme is linked to, with budgets",
    description="Editions, field versions, fields and products linked to the programme "
    "(`linkedDirectly`) or funded through it, the edition each belongs to (`edition`), and "
    "the funding. `edition=` keeps the links of one edition. With `as_of`, the links valid "
    "that day: those of the edition of each series in force then (an edition comes into "
    "force on its `publishedDate`, else on 1 January of its `startYear`, and stays in force "
    "until the next edition of its series does); links to no edition carry no date and are "
    "kept." + ORGANIZATION_NOTE,
    responses={
        404: {
            "description": "no programme with that id, no edition with the id given as "
            "`edition`, or (with `as_of`) none of the editions the programme is linked to "
            "was in force on that day"
        }
    },
)
async def programme_links(
    request: Request,
    db: ReaderDep,
    id: Annotated[str, entity_id_path(["programme:창업성장"], "Programme id or IRI")],
    edition: Annotated[str | None, entity_id_query(["edition:중소기업기술로드맵@2022"])] = None,
    as_of: AsOf = None,
    limit: Limit = 1000,
    _format: OutputFormat = "json",
) -> Envelope | Response:
    pid = resolve_id(id)
    asked = None
    if edition is not None:
        asked = [await _require_class(db, edition, "RoadmapEdition", "roadmap edition")]
    editions = asked
    calendar = await edition_calendar(db) if as_of is not None else []
    if as_of is not None:
        then = [e.id for e in in_force(calendar, as_of).values()]
        editions = then if editions is None else [e for e in editions if e in then]
    # as_of alone keeps the links to no edition (they carry no date); edition= does not
    params = {
        "id": pid,
        "limit": limit,
        "editions": editions,
        "undated": asked is None,
        **_days(as_of),
    }
    rows = await db.rows(PROGRAMME_LINKS, params, max_rows=limit)
    if not rows.rows:  # the query matches (:Programme {id}): rows mean it exists
        await _require_class(db, pid, "Programme", "programme")
        if as_of is not None:
            every = {**params, "editions": asked}
            linked = {r["edition"] for r in (await db.rows(PROGRAMME_LINKS, every)).rows}
            linked.discard(None)
            if linked:
                mine = [e for e in calendar if e.id in linked]
                raise no_edition(as_of, "the programme is linked to", pid, mine)
    return respond(request, rows, _format)


@router.get(
    "/entities/{id:path}/programmes",
    response_model=Envelope,
    summary="Programmes of an edition, field, field version or product",
    description="Programmes linked to the entity itself or to what holds it (its field "
    "version, its edition); `via` names the node that carries the link. With `as_of`, only "
    "the links carried by the editions in force that day (an edition comes into force on "
    "its `publishedDate`, else on 1 January of its `startYear`, until the next edition of "
    "its series does) and their field versions; links carried by nodes of no edition are "
    "kept." + ORGANIZATION_NOTE,
    responses={
        404: {
            "description": "no entity with that id, or (with `as_of`) it is an edition or "
            "field version not in force on that day"
        }
    },
)
async def entity_programmes(
    request: Request,
    db: ReaderDep,
    id: EntityId,
    as_of: AsOf = None,
    limit: Limit = 1000,
    _format: OutputFormat = "json",
) -> Envelope | Response:
    tid = resolve_id(id)
    editions: list[str] | None = None
    if as_of is not None:
        await require_entity(db, tid)
        calendar = await edition_calendar(db)
        editions = [e.id for e in in_force(calendar, as_of).values()]
        own = (await dated(db, [tid])).get(tid)
        if own is not None and own not in editions:
            raise no_edition(as_of, "of the entity", tid, [e for e in calendar if e.id == own])
    params = {"id": tid, "limit": limit, "editions": editions, **_days(as_of)}
    rows = await db.rows(ENTITY_PROGRAMMES, params, max_rows=limit)
    if not rows.rows and as_of is None:
        await require_entity(db, tid)
    return respond(request, rows, _format)
