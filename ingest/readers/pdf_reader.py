"""PDF: the text layer of each page, one block per page.

A PDF without a text layer (a scan) is refused with ``NoTextLayer`` rather than ingested
as an empty document; OCR is a separate, deliberate step. A truncated download (no
``%%EOF`` marker near the end) or a file pypdf cannot parse is ``UnreadableDocument``.
"""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PyPdfError

from stkg.ingest.errors import NoTextLayer, UnreadableDocument
from stkg.ingest.readers.builder import Extraction, TextBuilder
from stkg.ingest.readers.txt_reader import normalize_newlines

# Incremental updates and trailing junk are legal, so the marker may sit a little before
# the end; 1024 bytes is the tolerance Acrobat's implementation notes give.
_EOF_WINDOW = 1024
_DAMAGED_HINT = "the file may be truncated or damaged; download or export it again"


def read_pdf(data: bytes, document: str) -> Extraction:
    if b"%%EOF" not in data[-_EOF_WINDOW:]:
        raise UnreadableDocument(
            document, "the PDF has no end-of-file marker (truncated?)", hint=_DAMAGED_HINT
        )
    builder = TextBuilder()
    with _PypdfWarnings() as notes:
        pages = _page_texts(data, document)
    for note in dict.fromkeys(notes.messages):
        builder.warn(f"{document}: pypdf: {note}")
    empty = [number for number, text in pages if not text.strip()]
    if len(empty) == len(pages):
        raise NoTextLayer(document, "the PDF has no text layer (scanned?)", hint="run OCR first")
    for number, text in pages:
        builder.add_block(normalize_newlines(text), kind="page", page=number)
    if empty:
        listed = ", ".join(str(number) for number in empty)
        builder.warn(f"{document}: pages without a text layer (scanned?): {listed}")
    return builder.finish()


class _PypdfWarnings(logging.Handler):
    """Collect what pypdf logs about a damaged-but-readable file into the document warnings."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []
        self._logger = logging.getLogger("pypdf")
        self._propagate = self._logger.propagate

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())

    def __enter__(self) -> _PypdfWarnings:
        self._logger.addHandler(self)
        self._logger.propagate = False
        return self

    def __exit__(self, *_exc: object) -> None:
        self._logger.removeHandler(self)
        self._logger.propagate = self._propagate


def _page_texts(data: bytes, document: str) -> list[tuple[int, str]]:
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableDocument(
                document, "the PDF is password-protected", hint="remove the password first"
            )
        return [(number, page.extract_text() or "") for number, page in enumerate(reader.pages, 1)]
    except FileNotDecryptedError as exc:
        raise UnreadableDocument(
            document, "the PDF is encrypted", hint="remove the password first"
        ) from exc
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise UnreadableDocument(
            document, f"the PDF cannot be parsed ({type(exc).__name__}: {exc})", hint=_DAMAGED_HINT
        ) from exc
