"""Ingest files into the graph: read, build facts, write — one document per transaction.

An unreadable document is reported and skipped with nothing written for it; a document
already in the graph with the same content is skipped; a changed document replaces what
its previous version asserted (see :mod:`stkg.graph.writer`).

A document's identity across versions is its ``origin``: the path it was read from, unless
the caller names it otherwise (``origins``: an upload is read from a temporary copy, and
is known by the name or URL it was sent with).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from stkg.config.version import __version__
from stkg.graph.driver import Graph
from stkg.graph.prefetch import prefetch
from stkg.graph.writer import FactWriter, NullWriter, WriteSummary
from stkg.ingest.build import BuiltDocument, build_document
from stkg.ingest.errors import IngestError
from stkg.ingest.readers import Limits, read_document
from stkg.ingest.readers.formats import INGEST_SUFFIXES
from stkg.ontology.model import Ontology

#: Suffixes a folder is searched for (the formats registry's ingestible formats).
SUPPORTED_SUFFIXES = INGEST_SUFFIXES


@dataclass
class DocumentResult:
    path: Path
    status: str  # "written" | "unchanged" | "failed" | "dry-run"
    nodes: int = 0
    relationships: int = 0
    evidence: int = 0
    created_nodes: int = 0
    created_relationships: int = 0
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    document: str | None = None  # the SourceDocument's id
    origin: str | None = None  # its identity across versions
    superseded: str | None = None  # the id of the version it replaced


@dataclass
class IngestReport:
    run_id: str
    documents: list[DocumentResult] = field(default_factory=list)

    @property
    def failed(self) -> list[DocumentResult]:
        return [d for d in self.documents if d.status == "failed"]

    def totals(self) -> dict[str, int]:
        docs = self.documents
        return {
            "documents": len(docs),
            "written": sum(d.status == "written" for d in docs),
            "unchanged": sum(d.status == "unchanged" for d in docs),
            "failed": len(self.failed),
            "entities": sum(d.nodes for d in docs),
            "relationships": sum(d.relationships for d in docs),
            "evidence": sum(d.evidence for d in docs),
            "new_nodes": sum(d.created_nodes for d in docs),
            "new_relationships": sum(d.created_relationships for d in docs),
            "warnings": sum(len(d.warnings) for d in docs),
        }


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the supported files inside given folders (sorted)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(path.rglob("*"))
            out.extend(p for p in found if p.is_file() and p.suffix.lower() in INGEST_SUFFIXES)
        else:
            out.append(path)
    return out


def ingest_paths(
    paths: Iterable[Path],
    graph: Graph | None,
    onto: Ontology,
    *,
    dry_run: bool = False,
    force: bool = False,
    limits: Limits | None = None,
    on_document: Callable[[DocumentResult], None] | None = None,
    origins: Mapping[Path, str] | None = None,
) -> IngestReport:
    """Ingest each file; ``graph`` may be None only for a dry run.

    ``origins`` gives some files another identity than their path (the versions of one
    origin supersede each other).
    """
    report = IngestReport(run_id=f"{onto.cls('IngestRun').id_prefix}:{uuid.uuid4()}")
    writer = NullWriter() if graph is None or dry_run else FactWriter(graph, onto)
    run = {"id": report.run_id, "startedAt": _now(), "softwareVersion": __version__}
    named = origins or {}
    for result in _each(paths, onto, writer, run, force, limits or Limits(), named):
        report.documents.append(result)
        if on_document is not None:
            on_document(result)
    return report


def _each(
    paths: Iterable[Path],
    onto: Ontology,
    writer: FactWriter | NullWriter,
    run: dict[str, object],
    force: bool,
    limits: Limits,
    origins: Mapping[Path, str],
) -> Iterator[DocumentResult]:
    # the next document is read and extracted in a background thread while the current
    # one is written: extraction is Python and Kiwi, the write waits on Neo4j
    builds = (_build(path, onto, limits, origins.get(path)) for path in paths)
    for path, built, error in builds if writer.dry_run else prefetch(builds):
        if built is None:
            yield DocumentResult(path, "failed", error=error)
            continue
        result = _result(built)
        if writer.dry_run:
            result.status = "dry-run"
            yield result
            continue
        run["finishedAt"] = _now()
        summary = writer.write_document(built.document, built.facts, run=run, force=force)
        _apply(result, summary)
        yield result


def _build(
    path: Path, onto: Ontology, limits: Limits, origin: str | None = None
) -> tuple[Path, BuiltDocument | None, str | None]:
    """The document's facts, or the reason it cannot be read (reported, not raised)."""
    try:
        built = build_document(read_document(path, limits=limits), onto)
    except IngestError as exc:
        return path, None, str(exc)
    if origin is not None:
        built.document["origin"] = origin
    return path, built, None


def _result(built: BuiltDocument) -> DocumentResult:
    return DocumentResult(
        built.path,
        "written",
        nodes=len(built.facts.nodes),
        relationships=len(built.facts.rels),
        evidence=built.facts.evidence_count(),
        warnings=list(built.facts.warnings),
        document=str(built.document["id"]),
        origin=str(built.document["origin"]),
    )


def _apply(result: DocumentResult, summary: WriteSummary) -> None:
    if summary.skipped:
        result.status = "unchanged"
        return
    result.created_nodes = summary.nodes_created
    result.created_relationships = summary.relationships_created
    result.superseded = summary.superseded


def _now() -> datetime:
    return datetime.now(UTC)
