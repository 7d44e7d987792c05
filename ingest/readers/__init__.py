"""Document readers: turn a source file into a ``Document`` of positioned blocks and tables.

``read_document(path)`` picks the reader from the file's magic bytes and extension (the
formats are listed once, in :mod:`stkg.ingest.readers.formats`; HWP 5 binary is refused
with conversion advice). All failures are ``stkg.ingest.errors.IngestError`` subclasses
naming the file.

``read_document`` is imported on first use, so that importing the formats registry (the
API does, to check upload names) does not load the PDF and Office parsers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from stkg.ingest.readers.limits import Limits
from stkg.ingest.readers.model import Cell, Document, Table, TextBlock

if TYPE_CHECKING:
    from stkg.ingest.readers.dispatch import read_document

__all__ = ["Cell", "Document", "Limits", "Table", "TextBlock", "read_document"]


def __getattr__(name: str) -> Any:
    if name == "read_document":
        from stkg.ingest.readers.dispatch import read_document

        return read_document
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
