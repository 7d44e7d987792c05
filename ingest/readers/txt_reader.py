"""Plain text: decode, normalise newlines, split into blank-line separated paragraphs.

``Document.text`` is the file's own text (newlines normalised to ``\\n``, NFC), so tables
written as plain text in press releases stay intact for ``stkg.ingest.extract.tables``.
"""

from __future__ import annotations

import re

from stkg.ingest.readers.builder import Extraction, normalize
from stkg.ingest.readers.encoding import decode_text
from stkg.ingest.readers.model import TextBlock

_PARAGRAPH = re.compile(r"\S(?:.*?\S)??(?=[ \t]*(?:\n[ \t]*\n|\s*\Z))", re.DOTALL)


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def paragraphs(text: str) -> list[TextBlock]:
    """Blocks for the runs of non-blank lines, trimmed of surrounding whitespace."""
    return [
        TextBlock(text=match.group(), start=match.start(), end=match.end())
        for match in _PARAGRAPH.finditer(text)
    ]


def read_txt(data: bytes, document: str) -> Extraction:
    decoded = decode_text(data, document)
    text = normalize(normalize_newlines(decoded.text))
    warnings = []
    if decoded.guessed:
        warnings.append(f"text encoding guessed as {decoded.encoding}; check the characters")
    return Extraction(
        text=text, blocks=paragraphs(text), tables=[], warnings=warnings, encoding=decoded.encoding
    )
