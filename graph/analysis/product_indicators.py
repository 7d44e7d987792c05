"""Patent indicators per strategic product and per core technology of a field.

The same formulas as a technology class's analysis (:mod:`.indicators`, documented in
docs/patent-indicators.md), over another tree: a field version (one field in one edition)
is the root, its strategic products are the classes below it, and each product's core
technologies the classes below those. A patent belongs to a core technology when
``stkg patents classify`` matched it (``MATCHES_TECHNOLOGY``, at least ``min_score``), and
to a product when it belongs to any of the product's core technologies: every unit's
patents are counted once (``DISTINCT``) in Neo4j, so a patent matching two core
technologies of a product is one patent of the product. Products are each other's peers,
and so are all the core technologies of the field version (a core technology's
application share is its share of its product's patents).

A core technology two products rest on is a unit under each of them (``unit`` is
``product|coretech``). Nothing is stored: the indicators are computed when asked for,
from a few rows per unit and year.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as _field
from typing import Any, LiteralString

from stkg.graph.analysis.indicators import (
    Counts,
    IndicatorParams,
    TechnologyIndicators,
    TreeNode,
    compute_indicators,
)
from stkg.graph.analysis.patent_counts import scope, year_counts
from stkg.graph.driver import Graph

__all__ = [
    "COLUMNS",
    "FIELD_EDITIONS",
    "FIELD_UNITS",
    "UNIT_COUNTS",
    "FieldTree",
    "FieldUnknown",
    "explain_missing",
    "field_trees",
    "indicator_rows",
    "product_indicators",
    "query_parameters",
    "require_units",
    "tree_indicators",
]

#: The columns of every indicator row, in order.
COLUMNS = [
    "edition", "field", "level", "product", "coreTechnology", "name", "patents",
    "earlyPatents", "latePatents", "koreaPatents", "applicationShare", "growthRate",
    "citationIndex", "activityIndex", "technologyImportance", "koreaCompetitiveness",
    "isCore", "koreaStrength", "isFocus",
]  # fmt: skip

#: The products and core technologies of a field, per edition (one row per link).
FIELD_UNITS: LiteralString = """
MATCH (f:StrategicField)<-[:VERSION_OF]-(v:FieldVersion)<-[:HAS_FIELD_VERSION]-(e:RoadmapEdition)
WHERE (f.id = $field OR f.name = $field OR v.name = $field)
  AND ($edition = '' OR e.id = $edition)
MATCH (p:StrategicProduct)-[:BELONGS_TO_FIELD]->(v)
MATCH (p)-[:HAS_CORE_TECHNOLOGY]->(t:CoreTechnology)
RETURN e.id AS edition, v.id AS fieldVersion, v.name AS field,
       p.id AS product, p.name AS productName, t.id AS technology, t.name AS technologyName
ORDER BY edition, product, technology
"""

#: The fields a reference names (as :data:`FIELD_UNITS` reads it) and the editions each
#: has a version in: why a field gave no units, when it gave none.
FIELD_EDITIONS: LiteralString = """
MATCH (f:StrategicField)<-[:VERSION_OF]-(v:FieldVersion)
WHERE f.id = $field OR f.name = $field OR v.name = $field
WITH DISTINCT f
MATCH (f)<-[:VERSION_OF]-(:FieldVersion)<-[:HAS_FIELD_VERSION]-(e:RoadmapEdition)
RETURN f.id AS field, collect(DISTINCT e.id) AS editions
ORDER BY field
"""

#: Per unit (a list of core technologies) and filing year: its distinct matched patents in
#: the period and offices, their forward citations, and how many have a Korean applicant.
UNIT_COUNTS: LiteralString = """
UNWIND $units AS row
CALL (row) {
  MATCH (t:CoreTechnology) WHERE t.id IN row.technologies
  MATCH (p:Patent)-[m:MATCHES_TECHNOLOGY]->(t)
  WHERE m.matchScore >= $minScore
    AND p.filingDate >= $start AND p.filingDate <= $end AND p.office IN $offices
  WITH DISTINCT p
  WITH p.filingDate.year AS year, p.citationCount AS cites,
       [x IN COLLECT { MATCH (p)-[:APPLIED_BY]->(o:Organization) RETURN o.country }
        WHERE x IS NOT NULL] AS countries
  RETURN year,
         count(*) AS patents,
         sum(coalesce(cites, 0)) AS citations,
         count(cites) AS cited,
         sum(CASE WHEN $country IN countries THEN 1 ELSE 0 END) AS korean,
         sum(CASE WHEN size(countries) > 0 THEN 1 ELSE 0 END) AS known
}
RETURN row.id AS unit, year, patents, citations, cited, korean, known
"""


class FieldUnknown(LookupError):
    """A field reference that gives no products with core technologies, and why: no field
    is named so, the field has no version in the edition asked for, or its products there
    have no core technologies. The message says which, naming what was not found."""


@dataclass
class FieldTree:
    """One field version, its products and their core technologies, as an indicator tree."""

    edition: str
    field_version: str
    field: str | None
    nodes: list[TreeNode] = _field(default_factory=list)
    #: unit id → the core technologies whose patents it counts
    technologies: dict[str, list[str]] = _field(default_factory=dict)
    #: unit id → (product id, core technology id or None)
    places: dict[str, tuple[str, str | None]] = _field(default_factory=dict)

    def units(self) -> list[dict[str, Any]]:
        """The ``$units`` parameter of :data:`UNIT_COUNTS`."""
        return [{"id": uid, "technologies": techs} for uid, techs in self.technologies.items()]


def field_trees(rows: Sequence[Mapping[str, Any]]) -> list[FieldTree]:
    """The trees of :data:`FIELD_UNITS`'s rows, one per field version, in edition order."""
    trees: dict[str, FieldTree] = {}
    for row in rows:
        fv = row["fieldVersion"]
        tree = trees.get(fv)
        if tree is None:
            tree = trees[fv] = FieldTree(row["edition"], fv, row["field"])
            tree.nodes.append(TreeNode(fv, row["field"], (fv,)))
            tree.technologies[fv] = []
        product, tech = row["product"], row["technology"]
        if product not in tree.technologies:
            tree.nodes.append(TreeNode(product, row["productName"], (product, fv)))
            tree.technologies[product] = []
            tree.places[product] = (product, None)
        unit = f"{product}|{tech}"
        if unit not in tree.technologies:
            tree.nodes.append(TreeNode(unit, row["technologyName"], (unit, product, fv)))
            tree.technologies[unit] = [tech]
            tree.places[unit] = (product, tech)
            tree.technologies[product].append(tech)
            if tech not in tree.technologies[fv]:
                tree.technologies[fv].append(tech)
    return list(trees.values())


def indicator_rows(
    tree: FieldTree, count_rows: Sequence[Mapping[str, Any]], params: IndicatorParams
) -> list[dict[str, Any]]:
    """One row per product and per core technology of ``tree``, from the rows of
    :data:`UNIT_COUNTS`: products first, each followed by its core technologies."""
    by_unit: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for row in count_rows:
        by_unit[row["unit"]].append(row)
    counts: dict[tuple[str, int], Counts] = {
        (uid, year): c for uid, rows in by_unit.items() for year, c in year_counts(rows).items()
    }
    # every unit is counted over its own patents already (DISTINCT): nothing to roll up
    indicators = compute_indicators(tree.nodes, {}, params, extra=counts)
    order = {node.id: index for index, node in enumerate(tree.nodes)}
    by_id = {i.technology: i for i in indicators}
    out = []
    for uid in sorted(by_id, key=lambda u: order[u]):
        product, tech = tree.places[uid]
        out.append(_row(tree, product, tech, by_id[uid]))
    return out


def _row(
    tree: FieldTree, product: str, tech: str | None, i: TechnologyIndicators
) -> dict[str, Any]:
    return {
        "edition": tree.edition,
        "field": tree.field,
        "level": "product" if tech is None else "coreTechnology",
        "product": product,
        "coreTechnology": tech,
        "name": i.name,
        "patents": i.patent_count,
        "earlyPatents": i.early_count,
        "latePatents": i.late_count,
        "koreaPatents": i.korea_patent_count,
        "applicationShare": _round(i.application_share, 1),
        "growthRate": _round(i.growth_rate, 3),
        "citationIndex": _round(i.citation_index, 2),
        "activityIndex": _round(i.activity_index, 2),
        "technologyImportance": _round(i.technology_importance, 2),
        "koreaCompetitiveness": _round(i.korea_competitiveness, 2),
        "isCore": i.is_core,
        "koreaStrength": i.korea_strength,
        "isFocus": i.is_focus,
    }


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def query_parameters(params: IndicatorParams, tree: FieldTree, min_score: float) -> dict[str, Any]:
    """The parameters of :data:`UNIT_COUNTS` for ``tree``."""
    return {**scope(params), "units": tree.units(), "minScore": min_score}


def require_units(graph: Graph, field_ref: str, edition: str = "") -> list[FieldTree]:
    """The trees of the field ``field_ref`` (in ``edition`` only, unless empty), or
    :class:`FieldUnknown` saying why there are none."""
    trees = field_trees(graph.read(FIELD_UNITS, field=field_ref, edition=edition))
    if trees:
        return trees
    raise FieldUnknown(
        explain_missing(graph.read(FIELD_EDITIONS, field=field_ref), field_ref, edition)
    )


def explain_missing(found: Sequence[Mapping[str, Any]], field_ref: str, edition: str) -> str:
    """Why ``field_ref`` gave no units, from the rows of :data:`FIELD_EDITIONS`."""
    if not found:
        return f"no strategic field is named {field_ref!r}"
    fields = ", ".join(str(row["field"]) for row in found)
    editions = sorted({str(e) for row in found for e in row["editions"]})
    if edition and edition not in editions:
        known = ", ".join(editions)
        return f"{fields} has no version in edition {edition!r}; its versions are in {known}"
    where = f" in {edition!r}" if edition else ""
    return f"{fields} has no strategic products with core technologies{where}"


def tree_indicators(
    graph: Graph, trees: Sequence[FieldTree], params: IndicatorParams, min_score: float = 0.0
) -> list[dict[str, Any]]:
    """The indicator rows of ``trees``, one tree after the other."""
    out: list[dict[str, Any]] = []
    for tree in trees:
        rows = graph.read(UNIT_COUNTS, **query_parameters(params, tree, min_score))
        out.extend(indicator_rows(tree, rows, params))
    return out


def product_indicators(
    graph: Graph,
    field_ref: str,
    params: IndicatorParams,
    *,
    edition: str = "",
    min_score: float = 0.0,
) -> list[dict[str, Any]]:
    """The indicator rows of every product and core technology of a field (id, name, or
    the name an edition prints), per edition unless ``edition`` names one; none when the
    field has no products with core technologies (:func:`require_units` says why)."""
    trees = field_trees(graph.read(FIELD_UNITS, field=field_ref, edition=edition))
    return tree_indicators(graph, trees, params, min_score)
