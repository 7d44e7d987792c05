"""Counting a technology tree's patents in Neo4j: one aggregation per class, no per-patent trips.

The indicators (:mod:`stkg.graph.analysis.indicators`) need, per technology class and filing year,
how many patents there are, their forward citations and how many have a Korean applicant.
Neo4j aggregates those; only a few rows per class and year come back.

A patent classified in exactly one class is counted once, in that class, and the
indicator code rolls it up to the class's ancestors. A patent classified in several
classes would be counted twice by that roll-up when two of its classes share an
ancestor, so those patents (rare in practice) are counted separately, per analysed class
over its whole subtree with ``DISTINCT``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, LiteralString

from stkg.graph.analysis.indicators import Counts, IndicatorError, IndicatorParams, TreeNode
from stkg.graph.driver import Graph

__all__ = [
    "AmbiguousTechnology",
    "UnknownTechnology",
    "count_patents",
    "resolve_technology",
    "scope",
    "technology_tree",
    "year_counts",
]

#: How deep below the analysed class the tree is followed.
MAX_DEPTH = 8


class UnknownTechnology(IndicatorError):
    """No technology class has the id or name asked for."""


class AmbiguousTechnology(IndicatorError):
    """A name that several technology classes carry; the message lists their ids."""


FIND = """
MATCH (t:TechnologyClass)
WHERE t.id = $ref OR t.name = $ref OR $ref IN coalesce(t.aliases, [])
   OR t.id = 'techclass:' + $key
RETURN t.id AS id, t.name AS name
ORDER BY id
"""

TREE = """
MATCH (root:TechnologyClass {id: $root})
MATCH chain = (c:TechnologyClass)-[:BROADER_TECHNOLOGY*0..8]->(root)
WITH c, chain ORDER BY length(chain)
WITH c, collect(chain)[0] AS chain
RETURN c.id AS id, c.name AS name, [n IN nodes(chain) | n.id] AS chain
ORDER BY size(chain), id
"""

#: Per patent: year, citations, the countries of its applicants (``p`` and ``multi`` bound).
_PER_PATENT: LiteralString = """
WITH multi, p.filingDate.year AS year, p.citationCount AS cites,
     [x IN COLLECT { MATCH (p)-[:APPLIED_BY]->(o:Organization) RETURN o.country }
      WHERE x IS NOT NULL] AS countries
RETURN multi, year,
       count(*) AS patents,
       sum(coalesce(cites, 0)) AS citations,
       count(cites) AS cited,
       sum(CASE WHEN $country IN countries THEN 1 ELSE 0 END) AS korean,
       sum(CASE WHEN size(countries) > 0 THEN 1 ELSE 0 END) AS known
"""

_IN_SCOPE: LiteralString = """
WHERE p.filingDate >= $start AND p.filingDate <= $end AND p.office IN $offices
"""

#: One class's patents by year, split into those in this class only and those in several
#: (``COUNT`` of a relationship type without a label check reads the degree, not the rels).
IN_CLASS: LiteralString = (
    """
MATCH (:TechnologyClass {id: $cls})<-[:CLASSIFIED_AS]-(p:Patent)
"""
    + _IN_SCOPE
    + """
WITH p, COUNT { (p)-[:CLASSIFIED_AS]->() } > 1 AS multi
"""
    + _PER_PATENT
)

#: Patents in several classes, once each, over a unit's whole subtree.
SHARED: LiteralString = (
    """
MATCH (c:TechnologyClass) WHERE c.id IN $classes
MATCH (c)<-[:CLASSIFIED_AS]-(p:Patent)
"""
    + _IN_SCOPE
    + """
  AND COUNT { (p)-[:CLASSIFIED_AS]->() } > 1
WITH DISTINCT p
WITH p, true AS multi
"""
    + _PER_PATENT
)

#: Called after each class is counted: (class id, classes done, classes in all).
Progress = Callable[[str, int, int], None]


def resolve_technology(graph: Graph, ref: str) -> tuple[str, str | None]:
    """The (id, name) of the technology class with this id, name or alias."""
    key = "".join(ref.split()).replace("·", "").replace("/", "").casefold()
    rows = graph.read(FIND, ref=ref.strip(), key=key)
    if not rows:
        raise UnknownTechnology(f"no technology class has the id or name {ref!r}")
    exact = [r for r in rows if r["id"] == ref.strip()]
    if exact:
        rows = exact
    if len(rows) > 1:
        ids = ", ".join(r["id"] for r in rows)
        raise AmbiguousTechnology(f"{ref!r} names several technology classes ({ids}); give an id")
    return rows[0]["id"], rows[0]["name"]


def technology_tree(graph: Graph, root: str) -> list[TreeNode]:
    """The root and every class below it (at most ``MAX_DEPTH`` levels), root first."""
    rows = graph.read(TREE, root=root)
    return [TreeNode(r["id"], r["name"], tuple(r["chain"])) for r in rows]


def scope(params: IndicatorParams) -> dict[str, Any]:
    return {
        "start": dt.date(params.start_year, 1, 1),
        "end": dt.date(params.end_year, 12, 31),
        "offices": list(params.offices),
        "country": params.country,
    }


def year_counts(rows: Sequence[dict[str, Any]]) -> dict[int, Counts]:
    return {
        r["year"]: Counts(r["patents"], r["citations"], r["cited"], r["korean"], r["known"])
        for r in rows
    }


def count_patents(
    graph: Graph,
    tree: Sequence[TreeNode],
    params: IndicatorParams,
    progress: Progress | None = None,
) -> tuple[dict[tuple[str, int], Counts], dict[tuple[str, int], Counts]]:
    """(single, shared): per (class, year) counts of single-class patents, and per
    (class, year) deduplicated counts of multi-class patents over each class's subtree."""
    scope_params = scope(params)
    single: dict[tuple[str, int], Counts] = {}
    shared_seen = False
    for done, node in enumerate(tree, start=1):
        rows = graph.read(IN_CLASS, cls=node.id, **scope_params)
        shared_seen |= any(r["multi"] for r in rows)
        for year, counts in year_counts([r for r in rows if not r["multi"]]).items():
            single[(node.id, year)] = counts
        if progress is not None:
            progress(node.id, done, len(tree))
    shared: dict[tuple[str, int], Counts] = {}
    if shared_seen:
        below: dict[str, list[str]] = {node.id: [] for node in tree}
        for node in tree:
            for ancestor in node.chain:
                if ancestor in below:
                    below[ancestor].append(node.id)
        for node in tree:
            rows = graph.read(SHARED, classes=below[node.id], **scope_params)
            for year, counts in year_counts(rows).items():
                shared[(node.id, year)] = counts
    return single, shared
