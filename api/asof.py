"""``as_of=YYYY-MM-DD``: which node of a line of succession stood for an entity on a day.

An organisation renamed or reorganised (중소기업청 → 중소벤처기업부 on 2017-07-26) is two
nodes linked by ``predecessorOf``, each valid on ``[validFrom, validUntil)``. Asked for one
of them as of a day, the answer is the node of the same line whose interval holds the
day: the one asked for when it does, else the nearest successor (the day is after it) or
predecessor (the day is before it). A node with no interval is valid on every day, so an
entity that is no organisation is itself on every date. When no body of the line existed
on that day the answer is a 404 problem listing the line with its intervals.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Query
from pydantic import BeforeValidator

from stkg.api.db import Reader
from stkg.api.lookup import unknown_entity
from stkg.api.problems import Problem
from stkg.graph.cypher.asof import succession_line

_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_day(value: object) -> object:
    """Only ``YYYY-MM-DD``: pydantic alone also takes ``0`` (a Unix time) for a date."""
    if isinstance(value, str) and not _DAY.fullmatch(value):
        raise ValueError("a day is written YYYY-MM-DD")
    return value


Day = Annotated[dt.date, BeforeValidator(_iso_day)]

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
    me = next(r for r in rows if r["hops"] == 0)
    valid = [r for r in rows if r["valid"]]
    if me["valid"]:
        chosen = me
    else:
        # after its interval look at the successors, before it at the predecessors
        later = me["validUntil"] is not None and day.isoformat() >= me["validUntil"][:10]
        chosen = next((r for r in valid if (r["hops"] > 0) == later), None)
    if chosen is None:
        raise Problem(
            404,
            "No body on that date",
            f"No organisation of the line of succession of {tid!r} existed on {day.isoformat()}.",
            id=tid,
            asOf=day.isoformat(),
            line=[_interval(r) for r in rows],
        )
    others = [r["id"] for r in valid if r["id"] != chosen["id"]]
    return Succession(requested=tid, shown=chosen["id"], also_valid=others)


def _interval(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row[k] for k in ("id", "name", "validFrom", "validUntil")}
