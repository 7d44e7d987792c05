"""``GET /documents/{id}/context``: the source text around an evidence span.

The graph stores only the quote of each piece of evidence, not the document text, so a
reader who wants to see a quote *in context* needs the text back. Rather than copying every
document into Neo4j, the route re-reads the file named by the ``SourceDocument``'s
``origin`` with the same reader ingest used (so character offsets mean the same thing) and
serves a window around the span. The file's sha256 must still match the one recorded at
ingest: a file edited, replaced or moved aside since then answers 404, never text whose
offsets no longer line up — and the route can only ever serve files that were ingested.

A span that is not one of the text's (it ends before it starts, or past the text) answers
404 like an unknown document: the schema bounds each offset, but it cannot state how two
parameters relate, nor how long a text is, so such a request is well-formed and names a
span the document does not have.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path as FilePath
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from stkg.api.db import Reader
from stkg.api.deps import ReaderDep
from stkg.api.lookup import entity_id_path, require_entity
from stkg.api.problems import Problem
from stkg.api.uploads import is_upload_origin
from stkg.graph.cypher.entities import DOCUMENT

router = APIRouter(tags=["provenance"])

MAX_WINDOW = 5000
#: Offsets beyond any document the readers accept (they refuse files over their size limit).
MAX_OFFSET = 1_000_000_000


class DocumentContext(BaseModel):
    document: str = Field(examples=["document:bfda18552d65ca5e"])
    origin: str = Field(description="Where the document was read from at ingest")
    title: str | None
    mediaType: str | None
    start: int = Field(description="Span start (character offset, inclusive)")
    end: int = Field(description="Span end (character offset, exclusive)")
    contextStart: int = Field(description="Offset of the first character of `before`")
    contextEnd: int = Field(description="Offset just past the last character of `after`")
    before: str = Field(description="Up to `window` characters before the span")
    quote: str = Field(description="The span itself")
    after: str = Field(description="Up to `window` characters after the span")
    textLength: int = Field(description="Characters in the whole extracted text")


class TextUnavailable(Exception):
    """The document's text cannot be read back as it was at ingest; ``reason`` says why."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


@router.get(
    "/documents/{id:path}/context",
    response_model=DocumentContext,
    summary="The document text around a character span",
    description="Re-reads the source document from its `origin` (with the reader ingest "
    "used) and answers the span `[start, end)` with up to `window` characters either side. "
    "404 when the document is unknown or its file is gone or changed since ingest "
    "(sha256 differs), and when `[start, end)` is not a span of the text (`end` before "
    "`start`, or past the text's end).",
    responses={404: {"description": "unknown document, its text is unavailable, or no such span"}},
)
async def document_context(
    db: ReaderDep,
    id: Annotated[str, entity_id_path(["document:bfda18552d65ca5e"], "Document id or IRI")],
    start: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Span start (character offset)")],
    end: Annotated[
        int, Query(ge=0, le=MAX_OFFSET, description="Span end (exclusive), not before `start`")
    ],
    window: Annotated[int, Query(ge=0, le=MAX_WINDOW, description="Characters each side")] = 200,
) -> DocumentContext:
    doc = await _require_document(db, id)
    origin = str(doc["origin"] or "")
    try:
        text = await run_in_threadpool(document_text, origin, str(doc["sha256"] or ""))
    except TextUnavailable as exc:
        raise Problem(
            404,
            "Document text unavailable",
            f"The text of {doc['id']!r} cannot be read back: {exc.reason}.",
            id=doc["id"],
            origin=origin,
        ) from None
    if not start <= end <= len(text):
        raise Problem(
            404,
            "No such span",
            f"The text of {doc['id']!r} has {len(text)} characters; [{start}, {end}) is not "
            "a span of it.",
            id=doc["id"],
            start=start,
            end=end,
            textLength=len(text),
        )
    lo, hi = max(0, start - window), min(len(text), end + window)
    return DocumentContext(
        document=doc["id"],
        origin=origin,
        title=doc["title"],
        mediaType=doc["mediaType"],
        start=start,
        end=end,
        contextStart=lo,
        contextEnd=hi,
        before=text[lo:start],
        quote=text[start:end],
        after=text[end:hi],
        textLength=len(text),
    )


async def _require_document(db: Reader, raw: str) -> dict[str, Any]:
    """The SourceDocument's id, origin, sha256, title and media type; 404 otherwise."""
    found = await require_entity(db, raw)
    rows = await db.rows(DOCUMENT, {"id": found["id"]}, max_rows=1)
    if not rows.rows:
        raise Problem(
            404, "Unknown document", f"{found['id']!r} is not a source document.", id=found["id"]
        )
    return rows.rows[0]


def document_text(origin: str, sha256: str) -> str:
    """The extracted text of the file at ``origin``, provided it is still the ingested one.

    Relative origins are taken from the working directory, as ``stkg ingest`` recorded them.
    """
    if not origin:
        raise TextUnavailable(origin, "no origin was recorded")
    if is_upload_origin(origin):
        raise TextUnavailable(origin, "it was uploaded, and uploads are not kept after ingest")
    path = FilePath(origin)
    try:
        info = path.stat()
    except OSError:
        raise TextUnavailable(origin, f"{path.name} is not readable here") from None
    found_sha, text = _read_text(str(path.resolve()), info.st_mtime_ns, info.st_size)
    if found_sha != sha256:
        raise TextUnavailable(origin, f"{path.name} has changed since it was ingested")
    return text


@lru_cache(maxsize=16)
def _read_text(path: str, mtime_ns: int, size: int) -> tuple[str, str]:
    """(sha256, text) of a file; cached per path, modification time and size.

    The reader is imported here, not at module level: parsing libraries load only when a
    client first asks for document text.
    """
    from stkg.ingest.errors import IngestError
    from stkg.ingest.readers import read_document

    del mtime_ns, size  # cache key only: an edited file is read again
    try:
        doc = read_document(FilePath(path))
    except IngestError as exc:
        raise TextUnavailable(path, exc.reason) from None
    return doc.sha256, doc.text
