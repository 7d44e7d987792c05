"""Error types raised while ingesting source documents.

Every ingest failure names the document and says why it failed, so an operator who
feeds a folder of press releases and roadmap files can fix the one bad file without
reading a stack trace. ``str(error)`` reads like::

    cannot read report.pdf: the PDF has no text layer (scanned?); run OCR first
"""

from __future__ import annotations


class IngestError(Exception):
    """Base class: a document could not be ingested.

    ``document`` names the file (usually its file name), ``reason`` says what is wrong,
    ``hint`` (optional) says what to do about it, and ``location`` (optional) points
    inside the document (``"line 12"``, ``"sheet '예산' B7"``, ``"page 3"``).
    """

    def __init__(
        self,
        document: str,
        reason: str,
        *,
        hint: str | None = None,
        location: str | None = None,
    ) -> None:
        self.document = document
        self.reason = reason
        self.hint = hint
        self.location = location
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f" ({self.location})" if self.location else ""
        message = f"cannot read {self.document}{where}: {self.reason}"
        return f"{message}; {self.hint}" if self.hint else message

    def __reduce__(self) -> tuple[object, ...]:
        # Keep the error picklable (multiprocessing ingest) despite keyword-only args.
        return (_rebuild, (type(self), self.document, self.reason, self.hint, self.location))


def _rebuild(
    cls: type[IngestError], document: str, reason: str, hint: str | None, location: str | None
) -> IngestError:
    return cls(document, reason, hint=hint, location=location)


class DocumentNotFound(IngestError):
    """The path does not exist or is not a regular file."""


class EmptyDocument(IngestError):
    """The file has zero bytes, or holds no text at all."""


class DocumentTooLarge(IngestError):
    """The file exceeds ``Limits.max_bytes``; refused before it is read."""


class UnsupportedFormat(IngestError):
    """The format is recognised but cannot be read (e.g. HWP 5 binary, legacy .doc)."""


class BinaryContent(IngestError):
    """A file that should be text (txt/csv/html) holds binary data."""


class UndetectableEncoding(IngestError):
    """No text encoding decodes the file into plausible text."""


class UnreadableDocument(IngestError):
    """The file is damaged, truncated, encrypted or not what its name says."""


class NoTextLayer(IngestError):
    """A PDF whose pages carry no extractable text (typically a scan)."""


class UnsafeArchive(IngestError):
    """A zip container (docx/xlsx/hwpx) that looks like a zip bomb; refused unopened."""
