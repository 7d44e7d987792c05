"""HWP 5 binary (and other OLE compound files such as legacy .doc/.xls): refused clearly.

No maintained PyPI library extracts HWP 5 text: pyhwp, the long-standing one, has had no
release since 2020, and the newer packages are young single-author projects. So rather
than guess at a binary format, the reader tells the operator how to convert the file.
"""

from __future__ import annotations

from stkg.ingest.errors import UnsupportedFormat

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# The FileHeader stream of every HWP 5 file starts with this signature; the stream is
# stored uncompressed, so the bytes appear verbatim inside the compound file.
HWP5_SIGNATURE = b"HWP Document File"

_LEGACY_OFFICE = {".doc": ".docx", ".xls": ".xlsx", ".ppt": ".pptx"}


def is_hwp5(data: bytes) -> bool:
    return data.startswith(OLE_MAGIC) and HWP5_SIGNATURE in data[:1_048_576]


def refuse_ole(data: bytes, document: str, suffix: str) -> None:
    """Always raises: say what the compound file is and how to convert it."""
    if is_hwp5(data) or suffix == ".hwp":
        raise UnsupportedFormat(
            document,
            "HWP 5 binary documents cannot be read",
            hint="open it in Hancom Office (or the free Hancom viewer) and save it as "
            "HWPX (.hwpx) or PDF, then ingest that file",
        )
    modern = _LEGACY_OFFICE.get(suffix, ".docx or .xlsx")
    raise UnsupportedFormat(
        document,
        "legacy Microsoft Office (OLE compound) files cannot be read",
        hint=f"save it as {modern} and ingest that file",
    )
