"""``read_document``: measure, read once, sniff, hand to the format reader, wrap up.

The bytes are read exactly once; the sha256 that identifies the ``SourceDocument`` is
computed over the same bytes the reader parsed.
"""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path

from stkg.ingest.errors import DocumentNotFound, DocumentTooLarge, EmptyDocument
from stkg.ingest.readers.formats import BY_KIND
from stkg.ingest.readers.limits import Limits
from stkg.ingest.readers.model import Document
from stkg.ingest.readers.sniff import sniff

_DEFAULT_LIMITS = Limits()


def read_document(path: Path, *, limits: Limits = _DEFAULT_LIMITS) -> Document:
    """Read ``path`` into a ``Document``; every failure is an ``IngestError`` naming the file."""
    path = Path(path)
    document = path.name
    data = read_bytes(path, limits)
    kind, warnings = sniff(data, path.suffix, document, limits)
    fmt = BY_KIND[kind]
    extraction = fmt.read(data, document)
    if not extraction.text.strip():
        raise EmptyDocument(document, "it contains no text")
    return Document(
        path=str(path),
        media_type=fmt.media_type or "application/octet-stream",
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        text=extraction.text,
        blocks=extraction.blocks,
        tables=extraction.tables,
        warnings=warnings + extraction.warnings,
        encoding=extraction.encoding,
    )


def read_bytes(path: Path, limits: Limits) -> bytes:
    """The file's bytes, refusing missing, oversize and empty files before parsing."""
    document = path.name
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise DocumentNotFound(document, "the file does not exist") from exc
    except OSError as exc:
        raise DocumentNotFound(document, f"the file cannot be accessed ({exc.strerror})") from exc
    if not stat.S_ISREG(info.st_mode):
        raise DocumentNotFound(document, "it is not a regular file")
    _check_size(info.st_size, document, limits)
    with path.open("rb") as handle:
        data = handle.read(limits.max_bytes + 1)
    _check_size(len(data), document, limits)  # the file may have grown since stat()
    if not data:
        raise EmptyDocument(document, "the file is empty (0 bytes)")
    return data


def _check_size(size: int, document: str, limits: Limits) -> None:
    if size > limits.max_bytes:
        raise DocumentTooLarge(
            document,
            f"the file has {size} bytes, more than the limit of {limits.max_bytes}",
            hint="split it, or raise Limits.max_bytes if it is trusted",
        )
