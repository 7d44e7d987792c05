"""What writing documents sets off, the same for ``stkg ingest`` and ``POST /ingest``.

* Stated successions become crosswalk mappings and the proposals follow the new fields
  (:func:`stkg.graph.crosswalk.refresh`).
* The patents the written documents state, with the other members of their families, are
  classified by the technology search expressions of ``ontology/search/``
  (:func:`stkg.graph.analysis.classification.classify_documents`), so a new patent list is
  linked to its technologies at once; the rest of the collection is not read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from stkg.graph.analysis.classification import ClassificationReport, classify_documents
from stkg.graph.crosswalk import CrosswalkReport, refresh
from stkg.graph.driver import Graph
from stkg.ontology.model import Ontology
from stkg.ontology.search_expressions import SearchExpressionError, load_for_ontology

__all__ = ["FollowUps", "follow_up"]


@dataclass
class FollowUps:
    crosswalks: CrosswalkReport
    #: None when the documents state no patent, or the expressions could not be read
    classification: ClassificationReport | None
    #: why nothing was classified: the expression files' problems, each with file and line
    expression_errors: str | None = None


def follow_up(graph: Graph, onto: Ontology, documents: Sequence[str]) -> FollowUps:
    """Run the follow-ups of writing ``documents`` (their SourceDocument ids)."""
    crosswalks = refresh(graph)
    try:
        expressions = load_for_ontology(onto)
    except SearchExpressionError as exc:
        return FollowUps(crosswalks, None, str(exc))
    return FollowUps(crosswalks, classify_documents(graph, expressions, documents))
