"""Every document format stkg knows, listed once.

Each :class:`Format` names its reader kind, the file suffixes that declare it, the media
type recorded on its ``SourceDocument`` and the function that reads it. Everything that
needs to know about formats derives from :data:`FORMATS`:

* :mod:`~stkg.ingest.readers.sniff` (which kind a suffix declares, which kinds are
  recognised by their content),
* :mod:`~stkg.ingest.readers.dispatch` (which reader gets the bytes, which media type),
* folder ingest (:func:`stkg.ingest.files.expand_paths` picks :data:`INGEST_SUFFIXES`),
* the upload endpoint (``POST /ingest`` accepts :data:`INGEST_SUFFIXES`),
* web sources (attachments worth fetching: :data:`ATTACHMENT_SUFFIXES`).

Readers are named, not imported: this module stays cheap to import (the API checks upload
names without loading PDF and Office parsers).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stkg.ingest.readers.builder import Extraction

Reader = Callable[[bytes, str], "Extraction"]


@dataclass(frozen=True)
class Format:
    """One document format.

    ``reader`` is ``"module:function"`` below ``stkg.ingest.readers``, or None for a
    format stkg recognises only to refuse it with advice. ``binary`` formats are told by
    their content (magic bytes, zip entries); a file named like one whose content is not
    is refused. ``ingest``: folder ingest and uploads accept the suffixes (a refused
    format is accepted too, so its advice reaches the operator). ``attachment``: a web
    page's link to such a file is followed.
    """

    kind: str
    suffixes: tuple[str, ...]
    media_type: str | None
    reader: str | None
    binary: bool = False
    ingest: bool = True
    attachment: bool = False

    def read(self, data: bytes, document: str) -> Extraction:
        if self.reader is None:
            raise LookupError(f"{self.kind} files have no reader")
        module, function = self.reader.split(":")
        read: Reader = getattr(importlib.import_module(f"stkg.ingest.readers.{module}"), function)
        return read(data, document)


_OOXML = "application/vnd.openxmlformats-officedocument"

FORMATS: tuple[Format, ...] = (
    Format("txt", (".txt", ".text"), "text/plain", "txt_reader:read_txt"),
    # read as plain text when named, but not picked up from folders: a folder's README.md
    # describes the documents beside it and is not one of them
    Format("md", (".md",), "text/plain", "txt_reader:read_txt", ingest=False),
    Format("html", (".html", ".htm", ".xhtml"), "text/html", "html_reader:read_html"),
    Format("csv", (".csv",), "text/csv", "csv_reader:read_csv", attachment=True),
    Format("tsv", (".tsv",), "text/tab-separated-values", "csv_reader:read_tsv"),
    Format(
        "pdf", (".pdf",), "application/pdf", "pdf_reader:read_pdf", binary=True, attachment=True
    ),
    Format(
        "docx",
        (".docx",),
        f"{_OOXML}.wordprocessingml.document",
        "docx_reader:read_docx",
        binary=True,
        attachment=True,
    ),
    Format(
        "xlsx",
        (".xlsx", ".xlsm"),
        f"{_OOXML}.spreadsheetml.sheet",
        "xlsx_reader:read_xlsx",
        binary=True,
        attachment=True,
    ),
    Format(
        "hwpx",
        (".hwpx",),
        "application/hwp+zip",
        "hwpx_reader:read_hwpx",
        binary=True,
        attachment=True,
    ),
    # refused with conversion advice (see hwp_reader)
    Format("hwp", (".hwp",), None, None, binary=True, attachment=True),
    Format("ole", (".doc", ".xls", ".ppt"), None, None, binary=True, ingest=False),
)

BY_KIND: dict[str, Format] = {f.kind: f for f in FORMATS}
BY_SUFFIX: dict[str, Format] = {s: f for f in FORMATS for s in f.suffixes}

#: Suffixes folder ingest picks up and ``POST /ingest`` accepts.
INGEST_SUFFIXES: frozenset[str] = frozenset(s for f in FORMATS if f.ingest for s in f.suffixes)
#: Suffixes of files worth fetching when a web page links to them.
ATTACHMENT_SUFFIXES: frozenset[str] = frozenset(
    s for f in FORMATS if f.attachment for s in f.suffixes
)
#: Kinds recognised by their content rather than their name.
BINARY_KINDS: frozenset[str] = frozenset(f.kind for f in FORMATS if f.binary)


def declared_kind(suffix: str) -> str | None:
    """The kind a file suffix (``".pdf"``, any case) declares, or None."""
    found = BY_SUFFIX.get(suffix.lower())
    return found.kind if found else None
