"""CSV/TSV: decode like text, sniff the delimiter, lay the rows out as one ``Table``.

Ragged rows (a different number of fields than the header row) are kept as they are and
reported as warnings with their line number: padding them silently would invent empty
cells that a later step could mistake for data.
"""

from __future__ import annotations

import csv
import io

from stkg.ingest.errors import UnreadableDocument
from stkg.ingest.readers.builder import CellSpec, Extraction, TextBuilder
from stkg.ingest.readers.encoding import decode_text
from stkg.ingest.readers.limits import check_cells
from stkg.ingest.readers.txt_reader import normalize_newlines

DELIMITERS = ",\t;"
_SNIFF_CHARS = 20_000


def sniff_delimiter(text: str, *, tsv: bool = False) -> str:
    """The delimiter among comma, tab and semicolon; ``csv.Sniffer`` first, counts second."""
    if tsv:
        return "\t"
    sample = text[:_SNIFF_CHARS]
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        first_line = sample.split("\n", 1)[0]
        counts = {delimiter: first_line.count(delimiter) for delimiter in DELIMITERS}
        best = max(counts, key=lambda delimiter: counts[delimiter])
        return best if counts[best] else ","


def read_tsv(data: bytes, document: str) -> Extraction:
    return read_csv(data, document, tsv=True)


def read_csv(data: bytes, document: str, *, tsv: bool = False) -> Extraction:
    decoded = decode_text(data, document)
    text = normalize_newlines(decoded.text)
    delimiter = sniff_delimiter(text, tsv=tsv)
    builder = TextBuilder()
    if decoded.guessed:
        builder.warn(f"text encoding guessed as {decoded.encoding}; check the characters")
    rows = _parse(text, delimiter, document, builder)
    builder.add_table(rows, source="csv")
    return builder.finish(encoding=decoded.encoding)


def _parse(text: str, delimiter: str, document: str, builder: TextBuilder) -> list[list[CellSpec]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[list[CellSpec]] = []
    expected: int | None = None
    cells = 0
    try:
        for record in reader:
            cells += len(record)
            check_cells(cells, document, f"line {reader.line_num}")
            if not record or all(not field.strip() for field in record):
                continue
            if expected is None:
                expected = len(record)
            elif len(record) != expected:
                builder.warn(
                    f"{document} line {reader.line_num}: {len(record)} fields, "
                    f"expected {expected} as in the first row (kept as is, not padded)"
                )
            row_index = len(rows)
            rows.append(
                [
                    CellSpec(text=value, row=row_index, column=col)
                    for col, value in enumerate(record)
                ]
            )
    except csv.Error as exc:
        raise UnreadableDocument(
            document, f"malformed CSV ({exc})", location=f"line {reader.line_num}"
        ) from exc
    return rows
