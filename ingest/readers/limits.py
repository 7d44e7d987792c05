"""Size limits and the checks that enforce them before any parsing happens.

Readers take untrusted files (downloads, e-mail attachments). A file is measured before it
is read, and a zip container (docx, xlsx, hwpx) is judged by its central directory before
any entry is decompressed, so a zip bomb is refused without inflating a byte.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from stkg.ingest.errors import DocumentTooLarge, UnreadableDocument, UnsafeArchive

MiB = 1024 * 1024

# Entries smaller than this cannot hurt however well they compress (the total is bounded
# by max_uncompressed_bytes), and small XML parts legitimately compress very well.
RATIO_CHECK_FLOOR = 1 * MiB

# Cells (empty ones included) all the tables of one document may hold. A spreadsheet
# stores only the cells that have content, and openpyxl pads each row's gaps, so a
# few kilobytes saying "A1 and XFD1" on each of a few hundred rows would otherwise
# become millions of cells and gigabytes of memory. A CSV of 50 MiB of single commas
# would too. A million cells is ~100,000 patents of ten columns.
MAX_TABLE_CELLS = 1_000_000

# Tags (counted as "<" bytes, before parsing) an HTML page may have. The parsed tree costs
# about a kilobyte per element, so 50 MiB of small table cells (two million tags) took
# over 6 GB; a large real page has tens of thousands.
MAX_HTML_TAGS = 500_000


@dataclass(frozen=True)
class Limits:
    """Resource limits for one document."""

    max_bytes: int = 50 * MiB
    max_uncompressed_bytes: int = 200 * MiB
    # The XML parts of a zip container are parsed, and their text kept, at up to forty
    # times their size (63 MiB of one-word DOCX paragraphs took 2.6 GB to read); images and
    # other entries are not parsed.
    max_xml_bytes: int = 32 * MiB
    max_compression_ratio: float = 100.0
    max_zip_entries: int = 10_000


def check_zip(data: bytes, document: str, limits: Limits) -> list[str]:
    """Refuse a zip whose declared sizes are dangerous; return its entry names.

    Only the central directory is read. The declared sizes can be trusted as upper
    bounds: ``zipfile`` stops inflating an entry at its declared size and then fails the
    CRC check, so a lying directory yields a read error, not a memory blow-up.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        # NotImplementedError: a directory entry claims a zip version Python cannot read
        raise UnreadableDocument(
            document,
            f"the zip container is damaged ({exc})",
            hint="the file may be truncated; download or export it again",
        ) from exc
    if len(infos) > limits.max_zip_entries:
        raise UnsafeArchive(
            document,
            f"the zip container has {len(infos)} entries (limit {limits.max_zip_entries})",
        )
    total = xml = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise UnreadableDocument(
                document, f"the entry {info.filename} is encrypted", hint="remove the password"
            )
        total += info.file_size
        if total > limits.max_uncompressed_bytes:
            raise UnsafeArchive(
                document,
                f"the zip container would expand to more than "
                f"{limits.max_uncompressed_bytes} bytes (possible zip bomb)",
            )
        if info.filename.lower().endswith((".xml", ".rels")):
            xml += info.file_size
            if xml > limits.max_xml_bytes:
                raise DocumentTooLarge(
                    document,
                    f"its XML parts hold more than {limits.max_xml_bytes} bytes",
                    hint="split it, or raise Limits.max_xml_bytes if it is trusted",
                )
        _check_ratio(info, document, limits)
    return [info.filename for info in infos]


def _check_ratio(info: zipfile.ZipInfo, document: str, limits: Limits) -> None:
    if info.file_size < RATIO_CHECK_FLOOR:
        return
    ratio = info.file_size / max(info.compress_size, 1)
    if ratio > limits.max_compression_ratio:
        raise UnsafeArchive(
            document,
            f"the entry {info.filename} expands {ratio:.0f}x "
            f"(limit {limits.max_compression_ratio:.0f}x; possible zip bomb)",
        )


def check_cells(count: int, document: str, where: str) -> None:
    """Refuse a document whose tables have grown past ``MAX_TABLE_CELLS`` cells."""
    if count > MAX_TABLE_CELLS:
        raise DocumentTooLarge(
            document,
            f"its tables hold more than {MAX_TABLE_CELLS:,} cells (empty ones included)",
            hint="split it into smaller files",
            location=where,
        )


def check_html_tags(data: bytes, document: str) -> None:
    """Refuse a page with more than ``MAX_HTML_TAGS`` tags before it is parsed."""
    tags = data.count(b"<")
    if tags > MAX_HTML_TAGS:
        raise DocumentTooLarge(
            document,
            f"the page has {tags:,} tags, more than the limit of {MAX_HTML_TAGS:,}",
            hint="split it into smaller pages",
        )
