"""Tables inside press-release text, as typed rows whose values carry their evidence.

:func:`extract_tables` runs every recogniser over a document's text. Each recogniser finds
its table by caption or header shape (never by line number) and returns ``None`` when the
document has no such table; a table that is found but cannot be read raises
:class:`TableParseError` naming the source, line and offset. Statements that disagree
with each other (a stated count against the items listed, a ``소계`` against the sum) are
reported as warnings, never corrected silently.
"""

from __future__ import annotations

from dataclasses import replace

from stkg.ingest.extract.tables.field_counts import read_field_count_table
from stkg.ingest.extract.tables.model import (
    ExtractedTables,
    FieldCountTable,
    FieldMove,
    OverviewTable,
    TableWarning,
)
from stkg.ingest.extract.tables.overview import read_overview_table
from stkg.ingest.extract.tables.patent_tables import (
    read_classification_table,
    read_fields_analysed,
    read_patent_indicators,
)
from stkg.ingest.extract.tables.smart_manufacturing import read_item_matrix
from stkg.ingest.normalize import name_key

__all__ = ["extract_tables", "resolve_sector"]


def extract_tables(text: str, source: str = "<text>") -> ExtractedTables:
    """Recognise every known table in ``text``; ``source`` names the file in errors."""
    out = ExtractedTables()
    out.field_counts, w1 = read_field_count_table(text, source)
    out.overview, w2 = read_overview_table(text)
    out.smart_manufacturing, w3 = read_item_matrix(text, source)
    out.patent_indicators, w4 = read_patent_indicators(text, source)
    out.fields_analysed, w5 = read_fields_analysed(text)
    out.classification, w6 = read_classification_table(text)
    out.warnings = [*w1, *w2, *w3, *w4, *w5, *w6]
    if out.overview and out.field_counts:
        out.overview.moves = _moves_with_sectors(out.overview.moves, out.field_counts)
        out.warnings.extend(_compare_overview(out.overview, out.field_counts))
    return out


def resolve_sector(label: str, sectors: list[str]) -> str | None:
    """Match a short sector label (``성장기반``) to the one full sector name it ends with."""
    key = name_key(label)
    hits = [s for s in sectors if name_key(s) == key or name_key(s).endswith(key)]
    return hits[0] if len(hits) == 1 else None


def _moves_with_sectors(moves: list[FieldMove], table: FieldCountTable) -> list[FieldMove]:
    """Fill a move's sectors from the field table: where the old and new names sit."""

    def sector_of(name: str, side: int) -> str | None:
        for row in table.rows:
            entry = row.before if side == 0 else row.after
            if entry and name_key(entry.field.value) == name_key(name):
                return row.sector.value
        return None

    return [
        replace(
            m,
            from_sector=sector_of(m.from_field.value, 0),
            to_sector=sector_of(m.to_field.value, 1),
        )
        for m in moves
    ]


def _compare_overview(overview: OverviewTable, table: FieldCountTable) -> list[TableWarning]:
    """The overview's per-sector counts must match the field table's rows."""
    sectors = list(dict.fromkeys(r.sector.value for r in table.rows))
    warnings = []
    for row in overview.rows:
        if row.is_total:
            rows = table.rows
        else:
            sector = resolve_sector(row.label.value, sectors)
            if sector is None:
                warnings.append(
                    TableWarning(
                        overview.table_id,
                        f"sector {row.label.value!r} not in the field table",
                        row.label.start,
                        row.label.end,
                    )
                )
                continue
            rows = [r for r in table.rows if r.sector.value == sector]
        for side, totals in ((0, row.before), (1, row.after)):
            entries = [r.before if side == 0 else r.after for r in rows]
            n_fields = sum(1 for e in entries if e)
            n_products = sum(e.count for e in entries if e)
            for stated, actual, what in (
                (totals.fields, n_fields, "fields"),
                (totals.products, n_products, "products"),
            ):
                if stated.as_int() != actual:
                    warnings.append(
                        TableWarning(
                            overview.table_id,
                            f"{row.label.value}: {stated.value} {what} stated, "
                            f"field table has {actual}",
                            stated.start,
                            stated.end,
                        )
                    )
    return warnings
