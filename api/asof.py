"""``as_of=YYYY-MM-DD``: which node of a line of succession stood for an entity on a day,
and which roadmap edition was in force.

An organisation renamed or reorganised (중소기업청 → 중소벤처기업부 on 2017-07-26) is two
nodes linked by ``predecessorOf``, each valid on ``[validFrom, validUntil)``. Asked for one
of them as of a day, the answer is the node of the same line whose interval holds the
day: the one asked for when it does, else the nearest successor (the day is after it) or
predecessor (the day is before it). A node with no interval is valid on every day, so an
entity that is no organisation is itself on every date. When no body of the line existed
on that day the answer is a 404 problem listing the line with its intervals.

An edition comes into force on its ``publishedDate`` when the graph has one, else on
1 January of its ``startYear`` (``since``; an edition with neither is in force on no day).
The edition of a series in force on a day is the one with the latest ``since`` on or before
that day; it stays in force after its plan period ends until the next edition of the series
comes in. "The graph as it stood on a day" holds the editions whose ``since`` is on or
before it (:func:`started_by`); a day before any of them answers a 404 problem listing the
editions with their ``since`` (:func:`no_edition`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Query
from pydantic import BaseModel, Field

from stkg.api.db import Reader
from stkg.api.lookup import unknown_entity
from stkg.api.problems import Problem
from stkg.graph.cypher.asof import (
    editions,
    editions_of,
    lined_labels,
    names_in_use,
    succession_line,
)
from stkg.queries.catalog import Day

AsOf = Annotated[
    Day | None,
    Query(
        alias="as_of",
        description="A day (`YYYY-MM-DD`): answer as the graph stood then. For an "
        "organisation, the body of its line of succession (`predecessorOf`) whose "
        "[validFrom, validUntil) interval holds the day.",
        examples=["2020-01-01"],
    ),
]


class NameInUse(BaseModel):
    """The body of an organisation's line of succession that held it on a day."""

    on: dt.date = Field(description="The day: `as_of`, or today (UTC) without it")
    id: str = Field(description="The body that held the name that day (the node itself if so)")
    name: str | None = None
    nameEn: str | None = None
    validFrom: dt.date | None = None
    validUntil: dt.date | None = None


NAME_IN_USE = (
    "For an organisation that was renamed or reorganised (a `predecessorOf` line, or a "
    "validity interval): the body of its line that held it on `as_of`, or today (UTC) "
    "without it, i.e. its current name; null when no body of the line existed that day. "
    "Left out for any other node."
)


@dataclass(frozen=True)
class Succession:
    """The node shown for ``requested`` on ``day``, and other nodes of the line valid then."""

    requested: str
    shown: str
    also_valid: list[str]


async def held_on(db: Reader, tid: str, day: dt.date) -> Succession:
    """The node of ``tid``'s line of succession that held it on ``day`` (404 when none)."""
    params = {"id": tid, "asOf": day}
    rows = (await db.rows(succession_line(), params)).rows
    if not rows:  # deleted since the caller looked it up
        raise unknown_entity(tid)
    held = await _in_use(db, [tid], day)
    chosen = held[tid]["id"] if tid in held else tid
    if chosen is None:
        raise Problem(
            404,
            "No body on that date",
            f"No organisation of the line of succession of {tid!r} existed on {day.isoformat()}.",
            id=tid,
            asOf=day.isoformat(),
            line=[_interval(r) for r in rows],
        )
    others = [r["id"] for r in rows if r["valid"] and r["id"] != chosen]
    return Succession(requested=tid, shown=chosen, also_valid=others)


async def _in_use(db: Reader, ids: list[str], day: dt.date) -> dict[str, dict[str, Any]]:
    """The rows of ``graph.cypher.asof.names_in_use`` (the one rule, in Cypher) by id."""
    wanted = sorted(set(ids))
    params = {"ids": wanted, "asOf": day}
    rows = (await db.rows(names_in_use(), params, max_rows=len(wanted) + 1)).rows
    return {r["of"]: r for r in rows}


async def names_on(
    db: Reader, nodes: Iterable[tuple[str, Iterable[str]]], day: dt.date
) -> dict[str, dict[str, Any] | None]:
    """For each of ``nodes`` (an id and its labels) that is a body with a line of
    succession (a validity interval or a ``predecessorOf`` link), the body of its line that
    held it on ``day``, by the rule of :func:`stkg.graph.cypher.asof.body_in_use` (``id``,
    ``name``, ``nameEn``, ``validFrom``, ``validUntil``, and ``on``, the day); None when no
    body of the line existed then. Other ids are left out, and the graph is not asked about
    a node whose labels say it can have no line (:func:`lined_labels`)."""
    lined = lined_labels()
    ids = [i for i, labels in nodes if not lined.isdisjoint(labels)]
    if not ids:
        return {}
    named: dict[str, dict[str, Any] | None] = {}
    for of, row in (await _in_use(db, ids, day)).items():
        if not row["lined"]:
            continue  # no line: the node is itself on every day
        named[of] = None if row["id"] is None else {"on": day.isoformat(), **_named(row)}
    return named


def _named(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row[k] for k in ("id", "name", "nameEn", "validFrom", "validUntil")}


def _interval(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row[k] for k in ("id", "name", "validFrom", "validUntil")}


@dataclass(frozen=True)
class Edition:
    """A roadmap edition and the day it came into force (None: undated)."""

    id: str
    series: str | None
    since: str | None
    startYear: int | None = None
    endYear: int | None = None


async def edition_calendar(db: Reader) -> list[Edition]:
    """Every edition of the graph with the day it came into force, by series then date."""
    rows = (await db.rows(editions(), {})).rows
    return [
        Edition(r["edition"], r["series"], r["since"], r["startYear"], r["endYear"]) for r in rows
    ]


def started_by(calendar: list[Edition], day: dt.date) -> list[Edition]:
    """The editions in force on ``day`` or before it: the graph as it stood then."""
    iso = day.isoformat()
    return [e for e in calendar if e.since is not None and e.since[:10] <= iso]


def in_force(calendar: list[Edition], day: dt.date) -> dict[str, Edition]:
    """Per series (an edition of no series is its own), the edition in force on ``day``."""
    chosen: dict[str, Edition] = {}
    for e in started_by(calendar, day):
        key = e.series or e.id
        if key not in chosen or (chosen[key].since or "") <= (e.since or ""):
            chosen[key] = e
    return chosen


def no_edition(day: dt.date, what: str, ids: str, calendar: list[Edition]) -> Problem:
    """404: none of ``calendar`` (the editions ``what`` appears in) was in force on ``day``."""
    return Problem(
        404,
        "No edition in force on that date",
        f"None of the roadmap editions {what} was in force on {day.isoformat()}: "
        "an edition comes into force on its publishedDate, else on 1 January of its "
        "startYear.",
        id=ids,
        asOf=day.isoformat(),
        editions=[{"edition": e.id, "series": e.series, "since": e.since} for e in calendar],
    )


def require_started(calendar: list[Edition], day: dt.date, ids: list[str]) -> None:
    """404 unless each edition of ``ids`` had come into force by ``day`` (the graph as it
    stood then held it), naming those that had not and their series' editions."""
    came = {e.id for e in started_by(calendar, day)}
    ahead = [i for i in ids if i not in came]
    if not ahead:
        return
    mine = {e.series or e.id for e in calendar if e.id in ahead}
    when = {e.id: e.since[:10] for e in calendar if e.since}
    said = "; ".join(
        f"{i!r} came into force on {when[i]}"
        if i in when
        else f"{i!r} states neither a publishedDate nor a startYear, so it is in force on no day"
        for i in ahead
    )
    raise Problem(
        404,
        "Edition not yet in force on that date",
        f"Not every edition asked for had come into force by {day.isoformat()}: {said}.",
        id=ahead[0],
        asOf=day.isoformat(),
        ahead=ahead,
        editions=[
            {"edition": e.id, "series": e.series, "since": e.since}
            for e in calendar
            if (e.series or e.id) in mine
        ],
    )


async def dated(db: Reader, ids: list[str]) -> dict[str, str]:
    """The edition of each of ``ids`` that has one (an edition, a field version)."""
    rows = (await db.rows(editions_of(), {"ids": ids}, max_rows=len(ids) + 1)).rows
    return {r["id"]: r["edition"] for r in rows}
