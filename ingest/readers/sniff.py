"""Decide which reader gets a file, from its magic bytes first and its extension second.

Content beats the name: a PDF saved as ``.txt`` is read as a PDF (with a warning), while
an HTML error page saved as ``.pdf`` is refused instead of being fed to the PDF parser.
Zip containers are judged by their central directory (``limits.check_zip``) before the
entry names tell DOCX, XLSX and HWPX apart.
"""

from __future__ import annotations

from stkg.ingest.errors import UnreadableDocument, UnsupportedFormat
from stkg.ingest.readers.formats import BINARY_KINDS, declared_kind
from stkg.ingest.readers.hwp_reader import OLE_MAGIC, refuse_ole
from stkg.ingest.readers.hwpx_reader import section_names
from stkg.ingest.readers.limits import Limits, check_zip

_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"{\\rtf", "an RTF document (save it as DOCX)"),
)
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_HTML_MARKERS = ("<!doctype html", "<html", "<head", "<body")


def sniff(data: bytes, suffix: str, document: str, limits: Limits) -> tuple[str, list[str]]:
    """Return the format kind (a key of ``formats.BY_KIND``) and warnings about the choice."""
    declared = declared_kind(suffix)
    found = _structured_kind(data, suffix.lower(), document, limits)
    if found is not None:
        if declared == found or (declared == "tsv" and found == "csv"):
            return found, []
        named = f"named {suffix}" if suffix else "without extension"
        return found, [f"{document} is {named} but its content is {found.upper()}; read as such"]
    if declared in BINARY_KINDS:
        what = "an HTML page" if looks_like_html(data) else "something else"
        raise UnreadableDocument(
            document,
            f"it is named {suffix} but its content is {what}, not a {declared.upper()} file",
            hint="the download may have failed; fetch the file again",
        )
    if declared is not None:
        return declared, []
    if looks_like_html(data):
        return "html", [f"{document}: unknown extension {suffix!r}; content looks like HTML"]
    return "txt", [f"{document}: unknown extension {suffix!r}; read as plain text"]


def _structured_kind(data: bytes, suffix: str, document: str, limits: Limits) -> str | None:
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(_ZIP_MAGIC):
        return _zip_kind(check_zip(data, document, limits), document)
    if data.startswith(OLE_MAGIC):
        refuse_ole(data, document, suffix)
    for magic, label in _BINARY_MAGIC:
        if data.startswith(magic):
            raise UnsupportedFormat(document, f"its content is {label}, not a readable document")
    # "MZ" alone is too common a start of Korean text ("MZ세대"); require the PE header too.
    if data.startswith(b"MZ") and b"PE\x00\x00" in data[:1024]:
        raise UnsupportedFormat(document, "its content is a Windows executable")
    return None


def _zip_kind(names: list[str], document: str) -> str:
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if section_names(names):
        return "hwpx"
    raise UnsupportedFormat(document, "it is a zip archive, but not a DOCX, XLSX or HWPX document")


def looks_like_html(data: bytes) -> bool:
    head = data[:2048].decode("latin-1").lower()
    return any(marker in head for marker in _HTML_MARKERS)
