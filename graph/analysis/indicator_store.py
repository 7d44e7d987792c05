"""Storing computed indicators as ``PatentAnalysis`` nodes (analysisKind ``computed``).

Computed analyses sit beside the published ones (``analysisKind`` ``published``, read
from press-release tables) on the same technology class, so the two can be compared.
Their provenance is how they were made, not a document: ``method``, ``parameters``
(JSON), ``period``, ``offices``, ``patentCount`` and ``computedAt``, plus a link
``USES_METHOD`` to the ``AnalysisMethod`` node describing the steps.

One analysis per technology, period, offices and parameters: its id is derived from
them, so running the same analysis again replaces its values (and ``computedAt``) rather
than piling up copies, while another period or threshold gives another node. All rows are
written with one ``UNWIND`` statement in one transaction.

The write names the analyses it writes in the graph version's journal
(:func:`stkg.graph.version.touching`), and the method node when it creates or changes
it, so the SPARQL store reloads those and their neighbours (the technology classes, the
method) instead of rebuilding. The method is not named when it stays as it was: its
neighbours are every computed analysis ever stored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from typing import Any

import neo4j
from neo4j import ManagedTransaction

from stkg.graph.analysis.indicators import METHOD, IndicatorParams, TechnologyIndicators
from stkg.graph.driver import Graph
from stkg.graph.version import touching
from stkg.ontology.model import Ontology

__all__ = ["METHOD_ID", "analysis_id", "write_indicators"]

#: The AnalysisMethod node every computed analysis USES_METHOD.
METHOD_ID = "method:stkg-patent-indicators-v1"
METHOD_STEPS = [
    "count patents per technology class and filing year (period, offices)",
    "application share within the parent class",
    "growth: CAGR of mean yearly filings, early vs late sub-period",
    "citation index: citations per patent / citations per patent of all",
    "importance: z-score of the mean of the z-scores of citation index and growth",
    "activity index (RTA) of Korean applicants; competitiveness: z-score of (RTA-1)/(RTA+1)",
    "flags: core, strong/weak and focus by thresholds",
]

#: The method node as it is before the write (null properties: none yet).
METHOD_STATE = """
OPTIONAL MATCH (m:Entity {id: $method})
RETURN m:AnalysisMethod AS typed, properties(m) AS props
"""

WRITE = """
MERGE (m:Entity {id: $method})
SET m:AnalysisMethod, m += $methodProps
WITH m
UNWIND $rows AS row
MATCH (t:TechnologyClass {id: row.technology})
MERGE (a:Entity {id: row.id})
SET a = row.props
SET a:PatentAnalysis
MERGE (a)-[:ANALYSES]->(t)
MERGE (a)-[:USES_METHOD]->(m)
RETURN count(a) AS written
"""


def analysis_id(technology: str, params: IndicatorParams) -> str:
    """``patentanalysis:computed@<class key>@<period>@<offices>@<parameters hash>``."""
    key = technology.split(":", 1)[1] if ":" in technology else technology
    digest = hashlib.sha1(params.as_json().encode()).hexdigest()[:10]
    return f"patentanalysis:computed@{key}@{params.period}@{'.'.join(params.offices)}@{digest}"


def _props(onto: Ontology, values: dict[str, Any]) -> dict[str, Any]:
    """Ontology local names → Neo4j keys; a name the ontology lacks fails here."""
    allowed = {p.local_name: p.name for p in onto.node_properties("PatentAnalysis")}
    missing = sorted(set(values) - set(allowed))
    if missing:
        raise ValueError(f"PatentAnalysis has no properties {missing} in the ontology")
    return {allowed[k]: v for k, v in values.items() if v is not None}


def _row(
    onto: Ontology,
    ind: TechnologyIndicators,
    params: IndicatorParams,
    computed_at: dt.datetime,
) -> dict[str, Any]:
    aid = analysis_id(ind.technology, params)
    values = {
        "id": aid,
        "name": f"{ind.name or ind.technology} 특허지표 (계산 {params.period})",
        "analysisKind": "computed",
        "method": METHOD,
        "parameters": params.as_json(),
        "period": params.period,
        "offices": list(params.offices),
        "computedAt": computed_at,
        "patentCount": ind.patent_count,
        "koreaPatentCount": ind.korea_patent_count,
        "applicationShare": _round(ind.application_share),
        "growthRate": _round(ind.growth_rate, 4),
        "citationIndex": _round(ind.citation_index, 4),
        "activityIndex": _round(ind.activity_index, 4),
        "technologyImportance": _round(ind.technology_importance),
        "koreaCompetitiveness": _round(ind.korea_competitiveness),
        "isCore": ind.is_core,
        "koreaStrength": ind.korea_strength,
        "isFocus": ind.is_focus,
    }
    return {"id": aid, "technology": ind.technology, "props": _props(onto, values)}


def _round(value: float | None, digits: int = 2) -> float | None:
    """Published values have two decimals; stored values keep a little more than shown."""
    return None if value is None else round(value, digits + 2)


def write_indicators(
    graph: Graph,
    onto: Ontology,
    indicators: Sequence[TechnologyIndicators],
    params: IndicatorParams,
    computed_at: dt.datetime,
) -> int:
    """Write one computed PatentAnalysis per technology; returns how many were written."""
    rows = [_row(onto, ind, params, computed_at) for ind in indicators]
    method_props = {
        onto.prop("name"): "stkg 특허지표 계산",
        onto.prop("nameEn"): "stkg patent indicators",
        onto.prop("steps"): METHOD_STEPS,
        onto.prop("definition"): METHOD,
    }

    with touching(nodes=[r["id"] for r in rows]) as scope:

        @neo4j.unit_of_work(timeout=graph.timeout)
        def work(tx: ManagedTransaction) -> int:
            before = tx.run(METHOD_STATE, method=METHOD_ID).single()
            props = (before["props"] if before else None) or {}
            if not (before and before["typed"]) or any(
                props.get(k) != v for k, v in method_props.items()
            ):
                scope.add([METHOD_ID])  # created or changed: named with the analyses
            found = tx.run(WRITE, method=METHOD_ID, methodProps=method_props, rows=rows).single()
            return int(found["written"]) if found else 0

        return graph.execute_write(work)
