"""Tables: patent lists and field tables from grids, tables laid out in plain text, and
text tables whose columns are headed by a kind."""

from __future__ import annotations

from stkg.ingest.extract.base import Source
from stkg.ingest.extract.enumerations import plausible
from stkg.ingest.extract.patents.facts import build_patent_facts
from stkg.ingest.extract.patents.parse import read_patent_lists
from stkg.ingest.extract.phrases import cue_class
from stkg.ingest.extract.resolve import Found, add_entity
from stkg.ingest.extract.tables.core_technologies import read_core_technology_tables
from stkg.ingest.extract.tables.facts import (
    build_core_technology_facts,
    build_grid_facts,
    build_table_facts,
)
from stkg.ingest.extract.tables.kind_columns import kind_cells
from stkg.ingest.extract.tables.parse import extract_tables
from stkg.ingest.extract.tables.structured import field_counts_from_grid


class GridTables:
    """Patent lists, field-count and core-technology tables in a format's own grids (csv,
    xlsx, html, docx, hwpx)."""

    name = "grid-tables"
    needs_nlp = False
    needs_topic = False

    def __call__(self, source: Source) -> None:
        doc, ctx = source.document, source.ctx
        if not doc.tables:
            return
        build_patent_facts(ctx, doc, read_patent_lists(doc))
        for grid in doc.tables:
            field_table = field_counts_from_grid(grid)
            if field_table is not None:
                build_grid_facts(ctx, field_table)
        for table in read_core_technology_tables(doc, source.name):
            build_core_technology_facts(ctx, table)


class TextTables:
    """Tables that arrive as tab- or space-separated rows in the text."""

    name = "text-tables"
    needs_nlp = False
    needs_topic = False

    def __call__(self, source: Source) -> None:
        build_table_facts(source.ctx, extract_tables(source.text, source=source.name))


class KindColumns:
    """Fields, products and core technologies one per cell of a text table's column headed
    by their kind (``분야 | 대표 전략제품 | 핵심기술``)."""

    name = "kind-columns"
    needs_nlp = False
    needs_topic = True

    def __call__(self, source: Source) -> None:
        for found in kind_cells(source.text, _kind):
            name, cell = found.cell.text, found.cell
            if len(name.split()) <= MAX_CELL_WORDS and plausible(name, found.cls):
                add_entity(source, Found(found.cls, name, cell.start, cell.end, self.name, 0.7))


#: The longest cell read as one name.
MAX_CELL_WORDS = 8


def _kind(header: str) -> str | None:
    """The class a column's header names (a cue word), if a field, product or technology."""
    cls = cue_class(header)
    return cls if cls in ("StrategicField", "StrategicProduct", "CoreTechnology") else None
