"""Ingest files into the graph: read, build facts, write — one document per transaction.

An unreadable document is reported and skipped with nothing written for it; a document
already in the graph with the same content is skipped; a changed document replaces what
its previous version asserted (see :mod:`stkg.graph.writer`).

With ``jobs`` above 1, documents are read and extracted in that many worker processes
(:mod:`stkg.ingest.workers`) while this process writes them, in the order given, one
transaction each: the report and the graph are those of one process.

A document's identity across versions is its ``origin``: the path it was read from, unless
the caller names it otherwise (``origins``: an upload is read from a temporary copy, and
is known by the name or URL it was sent with).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from contextlib import closing
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
from stkg.ingest.workers import Built, Task, built_in_workers
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
    jobs: int = 1,
) -> IngestReport:
    """Ingest each file; ``graph`` may be None only for a dry run.

    ``origins`` gives some files another identity than their path (the versions of one
    origin supersede each other). ``jobs`` above 1 reads and extracts in that many worker
    processes (1: all in this one); the writes stay here, in order.
    """
    report = IngestReport(run_id=f"{onto.cls('IngestRun').id_prefix}:{uuid.uuid4()}")
    writer = NullWriter() if graph is None or dry_run else FactWriter(graph, onto)
    run = {"id": report.run_id, "startedAt": _now(), "softwareVersion": __version__}
    tasks = [Task(path, (origins or {}).get(path)) for path in paths]
    with closing(_builds(tasks, onto, limits or Limits(), jobs, ahead=not writer.dry_run)) as built:
        for result in _each(built, writer, run, force):
            report.documents.append(result)
            if on_document is not None:
                on_document(result)
    return report


def _builds(
    tasks: Sequence[Task], onto: Ontology, limits: Limits, jobs: int, *, ahead: bool
) -> Generator[Built, None, None]:
    """Each task built, in order: in ``jobs`` worker processes, or here (the next one in a
    background thread while the current one is written, when ``ahead``)."""
    if jobs > 1 and len(tasks) > 1 and onto.sources:
        yield from built_in_workers(tasks, onto, limits, jobs=jobs, build=_build)
        return
    builds = (_build(task.path, onto, limits, task.origin) for task in tasks)
    # extraction is Python and Kiwi, the write waits on Neo4j: they overlap
    yield from prefetch(builds) if ahead else builds


def _each(
    builds: Iterator[Built],
    writer: FactWriter | NullWriter,
    run: dict[str, object],
    force: bool,
) -> Iterator[DocumentResult]:
    for path, built, error in builds:
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


def _build(path: Path, onto: Ontology, limits: Limits, origin: str | None = None) -> Built:
    """The document's facts, or the reason it cannot be read (reported, not raised).

    Module-level: worker processes import it by name (:mod:`stkg.ingest.workers`)."""
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
