"""Document readers: turn a source file into a ``Document`` of positioned blocks and tables.

``read_document(path)`` picks the reader from the file's magic bytes and extension
(txt, html, csv/tsv, pdf, docx, xlsx, hwpx; HWP 5 binary is refused with conversion
advice). All failures are ``stkg.ingest.errors.IngestError`` subclasses naming the file.
"""

from stkg.ingest.readers.dispatch import read_document
from stkg.ingest.readers.limits import Limits
from stkg.ingest.readers.model import Cell, Document, Table, TextBlock

__all__ = ["Cell", "Document", "Limits", "Table", "TextBlock", "read_document"]
