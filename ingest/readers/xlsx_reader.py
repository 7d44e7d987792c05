"""XLSX: every worksheet becomes a ``Table`` (sheet name + A1 reference on each cell).

openpyxl runs read-only (streaming) and ``data_only`` (the values Excel cached for
formulas, not the formulas). The sheet's declared dimension is ignored because files
written by other tools often get it wrong; rows are streamed as they are stored.
Fully empty rows are left out; trailing empty cells are trimmed.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter

from stkg.ingest.errors import IngestError, UnreadableDocument
from stkg.ingest.readers.builder import CellSpec, Extraction, TextBuilder
from stkg.ingest.readers.limits import check_cells


def read_xlsx(data: bytes, document: str) -> Extraction:
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises KeyError/ValueError/... on damaged parts
        raise UnreadableDocument(
            document,
            f"the XLSX cannot be opened ({type(exc).__name__}: {exc})",
            hint="open and re-save it in Excel or LibreOffice",
        ) from exc
    builder = TextBuilder()
    cells = 0
    try:
        for sheet in workbook.worksheets:
            if not hasattr(sheet, "iter_rows"):
                builder.warn(f"sheet {sheet.title!r} is a chart sheet; skipped")
                continue
            rows = _sheet_rows(sheet, document, cells)
            cells += sum(len(row) for row in rows)
            if rows:
                builder.add_block(sheet.title, kind="heading")
                builder.add_table(rows, source="xlsx", sheet=sheet.title)
    finally:
        workbook.close()
    return builder.finish()


def _sheet_rows(sheet: Any, document: str, cells_before: int) -> list[list[CellSpec]]:
    """The sheet's rows. In read-only mode openpyxl parses a sheet's XML only now, as its
    rows are streamed, so a damaged sheet part fails here rather than when opening; the
    cell limit is checked row by row, before a padded sparse sheet fills memory."""
    try:
        sheet.reset_dimensions()
        return _rows(sheet.iter_rows(values_only=True), document, sheet.title, cells_before)
    except IngestError:
        raise
    except Exception as exc:  # the XML parser, zipfile and openpyxl's own ValueError/KeyError
        raise UnreadableDocument(
            document,
            f"the sheet {sheet.title!r} cannot be read ({type(exc).__name__}: {exc})",
            hint="open and re-save it in Excel or LibreOffice",
            location=f"sheet {sheet.title!r}",
        ) from exc


def _rows(
    values: Iterable[tuple[Any, ...]], document: str, sheet: str, cells: int
) -> list[list[CellSpec]]:
    rows: list[list[CellSpec]] = []
    for row_index, row in enumerate(values):
        cells += len(row)
        check_cells(cells, document, f"sheet {sheet!r} row {row_index + 1}")
        texts = [cell_text(value) for value in row]
        while texts and not texts[-1].strip():
            texts.pop()
        if texts:
            rows.append(
                [
                    CellSpec(text, row_index, col, f"{get_column_letter(col + 1)}{row_index + 1}")
                    for col, text in enumerate(texts)
                ]
            )
    return rows


def cell_text(value: object) -> str:
    """Render a cell value the way a reader of the sheet would quote it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)
