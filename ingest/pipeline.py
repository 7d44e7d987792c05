"""One document in, one :class:`FactSet` out: tables, statements and entity mentions.

The steps are independent builders over the same :class:`BuildContext`; each adds the
facts it can support with evidence. Nothing here touches Neo4j: the loader writes the
result in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from stkg.graph.facts import FactSet
from stkg.ingest.context import BuildContext
from stkg.ingest.nlp import Gazetteer, extract
from stkg.ingest.patent_facts import build_patent_facts
from stkg.ingest.patents import PatentTableError, expected_headers, read_patent_lists
from stkg.ingest.readers import Document
from stkg.ingest.statement_facts import build_statement_facts
from stkg.ingest.statements import extract_statements
from stkg.ingest.table_facts import build_grid_facts, build_table_facts
from stkg.ingest.tables import extract_tables
from stkg.ingest.tables.structured import field_counts_from_grid
from stkg.ontology.model import Ontology

#: Classes whose reference individuals and instances are looked for in running text.
MENTIONED_CLASSES = ("Organization", "Programme", "Policy", "Roadmap")
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
    if doc.tables:
        build_patent_facts(ctx, doc, read_patent_lists(doc))
        for grid in doc.tables:
            field_table = field_counts_from_grid(grid)
            if field_table is not None:
                build_grid_facts(ctx, field_table)
    tables = extract_tables(doc.text, source=path.name)
    build_table_facts(ctx, tables)
    if doc.text.strip():
        statements = extract_statements(doc.text, source=path.name)
        build_statement_facts(ctx, statements)
        ctx.facts.warnings.extend(w.message for w in statements.warnings)
    if use_nlp:
        _mentions(ctx, onto)
    ctx.facts.warnings.extend(doc.warnings)
    _refuse_unrecognised_table(doc, ctx.facts)
    return BuiltDocument(document, ctx.facts, path)


def _refuse_unrecognised_table(doc: Document, facts: FactSet) -> None:
    """A spreadsheet nothing was recognised in is an error, not an empty source document.

    Recording it silently would hide the usual mistake (a patent export whose header row
    was renamed or cut off) behind a success line.
    """
    if doc.media_type in TABULAR_MEDIA_TYPES and not facts.nodes:
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


_GAZETTEERS: dict[int, tuple[Ontology, Gazetteer]] = {}


def gazetteer_for(onto: Ontology) -> Gazetteer:
    """Entity patterns from the ontology's reference individuals: labels and altLabels.

    An alias added in the TTL improves extraction with no code change. Cached per
    ontology object (the ontology is immutable).
    """
    cached = _GAZETTEERS.get(id(onto))
    if cached is not None and cached[0] is onto:
        return cached[1]
    terms = []
    for ind in onto.individuals:
        cls = next((c for c in ind.classes if c in MENTIONED_CLASSES), None)
        if cls is None or ind.id is None:
            continue
        forms = [ind.labels.ko or "", ind.labels.en or "", *(t for t, _ in ind.alt_labels)]
        terms.append((cls, ind.id, [f for f in forms if f]))
    gazetteer = Gazetteer.from_terms(terms)
    _GAZETTEERS[id(onto)] = (onto, gazetteer)
    return gazetteer


def _mentions(ctx: BuildContext, onto: Ontology) -> None:
    """Each mention of a known entity is evidence for it."""
    known = {ind.id: ind for ind in onto.individuals if ind.id}
    for mention in extract(ctx.text, gazetteer_for(onto)):
        if mention.canonical_id is None or mention.canonical_id not in known:
            continue
        ind = known[mention.canonical_id]
        cls = next(c for c in ind.classes if c in MENTIONED_CLASSES)
        ctx.facts.node(
            cls,
            mention.canonical_id,
            ctx.span(mention.start, mention.end),
            name=ind.labels.ko,
            nameEn=ind.labels.en,
        )
