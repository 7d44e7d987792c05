"""Run a patent-indicator analysis end to end: find the class, count, compute, store.

``stkg analyse patents`` and the benchmark call :func:`analyse_patents`; the steps are in
their own modules (:mod:`.patent_counts` reads, :mod:`.indicators` computes,
:mod:`.indicator_store` writes) so each can be tested alone. The report keeps the time
each step took, which is what the benchmark records.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

from stkg.graph.analysis.indicator_store import write_indicators
from stkg.graph.analysis.indicators import (
    IndicatorError,
    IndicatorParams,
    TechnologyIndicators,
    compute_indicators,
)
from stkg.graph.analysis.patent_counts import (
    Progress,
    count_patents,
    resolve_technology,
    technology_tree,
)
from stkg.graph.driver import Graph
from stkg.ontology.model import Ontology

__all__ = ["AnalysisReport", "analyse_patents"]


@dataclass(frozen=True)
class AnalysisReport:
    technology: str
    name: str | None
    params: IndicatorParams
    patent_count: int  # patents of the root's whole tree in the period and offices
    indicators: list[TechnologyIndicators]
    computed_at: dt.datetime
    written: int
    count_seconds: float
    compute_seconds: float
    write_seconds: float

    @property
    def seconds(self) -> float:
        return self.count_seconds + self.compute_seconds + self.write_seconds


def analyse_patents(
    graph: Graph,
    onto: Ontology,
    technology: str,
    params: IndicatorParams,
    *,
    progress: Progress | None = None,
    store: bool = True,
) -> AnalysisReport:
    """Indicators of every class below ``technology`` (id, name or alias), stored as
    computed PatentAnalysis nodes unless ``store`` is false."""
    root, name = resolve_technology(graph, technology)
    tree = technology_tree(graph, root)
    if len(tree) < 2:
        raise IndicatorError(
            f"technology class {root!r} has no narrower classes to compare; "
            "analyse its parent instead"
        )
    started = time.perf_counter()
    single, shared = count_patents(graph, tree, params, progress)
    counted = time.perf_counter()
    indicators = compute_indicators(tree, single, params, extra=shared)
    total = sum(c.patents for (cls, _), c in single.items()) + sum(
        c.patents for (cls, _), c in shared.items() if cls == root
    )
    if total == 0:
        raise IndicatorError(
            f"no patents classified under {root!r} were filed in {params.period} at "
            f"{', '.join(params.offices)}; nothing to analyse"
        )
    computed = time.perf_counter()
    computed_at = dt.datetime.now(dt.UTC).replace(microsecond=0)
    written = write_indicators(graph, onto, indicators, params, computed_at) if store else 0
    return AnalysisReport(
        technology=root,
        name=name,
        params=params,
        patent_count=total,
        indicators=indicators,
        computed_at=computed_at,
        written=written,
        count_seconds=counted - started,
        compute_seconds=computed - counted,
        write_seconds=time.perf_counter() - computed,
    )
