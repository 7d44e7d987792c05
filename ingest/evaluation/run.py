"""Run extraction over a corpus and score it: through the graph, or straight from facts.

The graph path is the real one: every document is ingested with the loader (one
transaction each, as ``stkg ingest`` does), then read back with the ``document-facts``
named query, so what is scored is what an analyst would find. The in-memory path
(``graph=None``) scores the facts before writing; it is for quick iterations.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from stkg.graph.driver import Graph
from stkg.ingest.build import build_document
from stkg.ingest.evaluation.gold import GoldDocument
from stkg.ingest.evaluation.predicted import NodeRow, facts_from_nodes, rows_from_factset
from stkg.ingest.evaluation.score import DocumentScore, score_document
from stkg.ingest.files import ingest_paths
from stkg.ingest.readers import read_document
from stkg.ontology.model import Ontology
from stkg.queries.catalog import load_catalog


@dataclass
class Evaluation:
    scores: list[DocumentScore]
    failed: list[tuple[str, str]]  # (document, error)


def corpus_files(root: Path, gold: dict[str, GoldDocument], splits: Iterable[str]) -> list[Path]:
    """The documents of ``splits`` under ``root`` that have a gold file."""
    wanted = set(splits)
    return [
        root / g.split / g.document
        for g in gold.values()
        if g.split in wanted and (root / g.split / g.document).is_file()
    ]


def evaluate(
    files: list[Path], gold: dict[str, GoldDocument], onto: Ontology, graph: Graph | None
) -> Evaluation:
    rows = (
        _rows_via_graph(files, graph, onto) if graph is not None else _rows_in_memory(files, onto)
    )
    scores, failed = [], []
    for path in files:
        found = rows.get(path)
        if isinstance(found, str):
            failed.append((path.name, found))
            continue
        scores.append(score_document(facts_from_nodes(found or []), gold[path.name]))
    return Evaluation(scores, failed)


def _rows_in_memory(files: list[Path], onto: Ontology) -> dict[Path, list[NodeRow] | str]:
    out: dict[Path, list[NodeRow] | str] = {}
    for path in files:
        try:
            out[path] = rows_from_factset(build_document(read_document(path), onto).facts, onto)
        except Exception as exc:  # reported per document, like the loader does
            out[path] = str(exc)
    return out


def _rows_via_graph(
    files: list[Path], graph: Graph, onto: Ontology
) -> dict[Path, list[NodeRow] | str]:
    report = ingest_paths(files, graph, onto)
    query = load_catalog()["document-facts"]
    class_of = {onto.label(c): c for c in onto.classes}
    out: dict[Path, list[NodeRow] | str] = {}
    for result in report.documents:
        if result.status == "failed":
            out[result.path] = result.error or "failed"
            continue
        records = graph.read(query.cypher, **query.bind({"origin": result.path.as_posix()}))
        out[result.path] = [
            NodeRow(
                class_of.get(r["labels"][0], r["labels"][0]) if r["labels"] else "",
                r["props"],
                r["linked"],
                r["printed"],
            )
            for r in records
        ]
    return out
