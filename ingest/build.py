"""One document in, one :class:`FactSet` out: tables, statements and entity mentions.

The extractors of :mod:`stkg.ingest.extract.registry` run in order over one shared
:class:`~stkg.ingest.extract.base.Source`; each adds the facts it can support with
evidence. Nothing here touches Neo4j: the loader writes the
result in one transaction.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from pathlib import Path

from stkg.graph.facts import EvidenceRef, FactSet
from stkg.ingest.context import BuildContext
from stkg.ingest.extract.base import Source
from stkg.ingest.extract.patents.parse import (
    PatentTableError,
    expected_headers,
    missing_number_column,
)
from stkg.ingest.extract.registry import EXTRACTORS
from stkg.ingest.readers import Document
from stkg.ontology.model import Ontology

#: Formats that hold only a table: when nothing in them is recognised, they are refused.
TABULAR_MEDIA_TYPES = frozenset({"text/csv", "text/tab-separated-values"}) | {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
}


@dataclass
class BuiltDocument:
    document: dict[str, object]
    facts: FactSet
    path: Path


def document_id(onto: Ontology, sha256: str) -> str:
    prefix = onto.cls("SourceDocument").id_prefix or "document"
    return f"{prefix}:{sha256[:16]}"


def build_document(doc: Document, onto: Ontology, *, use_nlp: bool = True) -> BuiltDocument:
    """Turn a read document into the facts it supports."""
    path = Path(doc.path)
    did = document_id(onto, doc.sha256)
    ctx = BuildContext(onto=onto, document_id=did, text=doc.text)
    document = {
        "id": did,
        "sha256": doc.sha256,
        "origin": path.as_posix(),
        "mediaType": doc.media_type,
        "title": _title(doc),
    }
    source = Source(doc, ctx, use_nlp=use_nlp)
    for extractor in EXTRACTORS:
        if extractor.needs_nlp and not use_nlp:
            continue
        if extractor.needs_topic and not source.on_topic:
            continue
        extractor(source)
    ctx.facts.warnings.extend(doc.warnings)
    _refuse_unrecognised_table(doc, ctx.facts)
    _place_on_pages(doc, ctx.facts)
    return BuiltDocument(document, ctx.facts, path)


def _place_on_pages(doc: Document, facts: FactSet) -> None:
    """Give every piece of evidence the page its span or cell is printed on, where the
    document has pages (pdf): the block or table that holds the place says which."""
    placed = doc.pages()
    if not placed:
        return
    starts = [start for start, _, _ in placed]

    def paged(ref: EvidenceRef) -> EvidenceRef:
        if ref.start is None or ref.page is not None:
            return ref
        index = bisect_right(starts, ref.start) - 1
        if index < 0 or ref.start > placed[index][1]:
            return ref
        return replace(ref, page=placed[index][2])

    for fact in [*facts.nodes.values(), *facts.rels.values()]:
        fact.evidence = [paged(ref) for ref in fact.evidence]


def _refuse_unrecognised_table(doc: Document, facts: FactSet) -> None:
    """A spreadsheet nothing was recognised in is an error, not an empty source document.

    Recording it silently would hide the usual mistake (a patent export whose header row
    was renamed or cut off) behind a success line.
    """
    if doc.media_type in TABULAR_MEDIA_TYPES and not facts.nodes:
        for table in doc.tables:
            missing = missing_number_column(table)
            if missing is not None:
                reason, location = missing
                raise PatentTableError(
                    Path(doc.path).name,
                    reason,
                    hint="export the list with its application numbers (KIPRIS, WIPS and "
                    "most patent databases offer the column)",
                    location=location,
                )
        raise PatentTableError(
            Path(doc.path).name,
            "no patent-list header row and no other table stkg recognises; nothing to ingest",
            hint=f"expected {expected_headers()}",
        )


def _title(doc: Document) -> str:
    for line in doc.text.splitlines():
        stripped = line.strip()
        if len(stripped) >= 8 and not stripped.startswith(("*", "※", "□", "-")):
            return stripped[:200]
    return Path(doc.path).name
