"""Typed results of table extraction, each value tied to its evidence in the source text.

Every extracted value is a :class:`Cell`: the value, its character span in the document
text and a table-cell reference. The loader turns these into ``Evidence`` nodes (span and
cell), so each fact in the graph can point back at the characters it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from stkg.ingest.errors import IngestError
from stkg.ingest.normalize import strip_enumerator

__all__ = [
    "Cell",
    "CellRef",
    "ClassificationEntry",
    "ClassificationTable",
    "EditionEntry",
    "EditionTotals",
    "ExtractedTables",
    "FieldCountRow",
    "FieldCountTable",
    "FieldMove",
    "FieldsAnalysedTable",
    "FieldsAnalysedYear",
    "OverviewRow",
    "OverviewTable",
    "PatentIndicatorRow",
    "PatentIndicatorTable",
    "SmartManufacturingItem",
    "SmartManufacturingTable",
    "Subtotal",
    "TableParseError",
    "TableWarning",
]


class TableParseError(IngestError):
    """A recognised table could not be read; names the source, line and character offset."""

    def __init__(self, message: str, *, source: str, line: int, offset: int) -> None:
        self.line = line
        self.offset = offset
        super().__init__(source, message, location=f"line {line}, char {offset}")

    @property
    def source(self) -> str:
        return self.document

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_table_error, (self.reason, self.document, self.line, self.offset))


def _rebuild_table_error(reason: str, source: str, line: int, offset: int) -> TableParseError:
    return TableParseError(reason, source=source, line=line, offset=offset)


@dataclass(frozen=True, slots=True)
class CellRef:
    """Where a value sits in its table: table id, body row, column, and bullet index.

    ``row`` counts body rows from 0 in reading order (header rows excluded); ``item`` is
    the index of a bullet inside a cell that holds a list, else ``None``.
    """

    table: str
    row: int
    column: int
    item: int | None = None


@dataclass(frozen=True, slots=True)
class Cell:
    """One value with its evidence.

    ``text[start:end] == value`` for values read from one place. A value joined from a
    cell wrapped over several lines (``4차`` / ``산업혁명``) spans all fragments, and then
    ``text[start:end]`` equals ``value`` once whitespace is removed from both.
    """

    value: str
    start: int
    end: int
    ref: CellRef

    def as_int(self) -> int:
        """The value as an integer (thousands separators allowed)."""
        return int(self.value.replace(",", ""))


@dataclass(frozen=True, slots=True)
class TableWarning:
    """Something the document states that disagrees with itself, or an ambiguous row."""

    table: str
    message: str
    start: int
    end: int


# --- seed-000 shape: two editions side by side -------------------------------------------


@dataclass(frozen=True, slots=True)
class EditionEntry:
    """One edition's side of a field row: the field name and its product count."""

    field: Cell
    products: Cell

    @property
    def count(self) -> int:
        return self.products.as_int()


@dataclass(frozen=True, slots=True)
class FieldCountRow:
    """A strategic field in two consecutive editions (``None`` where the side is ``-``)."""

    sector: Cell
    before: EditionEntry | None
    after: EditionEntry | None
    note: Cell | None
    years: tuple[int, int]

    def as_record(self) -> dict[str, object]:
        """The row as a flat dict keyed by edition year (``field_2021``, ``products_2022``)."""
        y0, y1 = self.years
        return {
            "sector": self.sector.value,
            f"field_{y0}": self.before.field.value if self.before else None,
            f"products_{y0}": self.before.count if self.before else None,
            f"field_{y1}": self.after.field.value if self.after else None,
            f"products_{y1}": self.after.count if self.after else None,
            "note": self.note.value if self.note else None,
        }


@dataclass(frozen=True, slots=True)
class Subtotal:
    """A stated ``소계`` row: kept as stated so the loader can compare it with the sum."""

    sector: Cell
    before: Cell | None
    after: Cell | None


@dataclass(slots=True)
class FieldCountTable:
    table_id: str
    years: tuple[int, int]
    caption: Cell | None
    rows: list[FieldCountRow] = field(default_factory=list)
    subtotals: list[Subtotal] = field(default_factory=list)
    #: each edition's last plan year when the header prints its period (``2019~2021``)
    end_years: tuple[int | None, int | None] = (None, None)


@dataclass(frozen=True, slots=True)
class EditionTotals:
    fields: Cell
    products: Cell


@dataclass(frozen=True, slots=True)
class OverviewRow:
    """Per-sector (or total) counts of both editions, with the stated deltas."""

    label: Cell
    before: EditionTotals
    after: EditionTotals
    delta_fields: Cell | None
    delta_products: Cell | None
    is_total: bool

    @staticmethod
    def delta_value(cell: Cell | None) -> int | None:
        """``+3`` → 3, ``△1*`` → -1 (△/▽/▼/- mean a decrease in Korean tables)."""
        if cell is None:
            return None
        raw = cell.value.rstrip("*").replace(" ", "")
        sign = -1 if raw[:1] in "△▽▼-−" else 1
        return sign * int(raw.lstrip("+△▲▽▼-−"))


@dataclass(frozen=True, slots=True)
class FieldMove:
    """A field moved (and renamed) between sectors, from a table footnote."""

    from_field: Cell
    to_field: Cell
    from_sector: str | None
    to_sector: str | None


@dataclass(slots=True)
class OverviewTable:
    table_id: str
    caption: Cell | None
    editions: list[tuple[int, int]]
    edition_cells: list[Cell]
    rows: list[OverviewRow] = field(default_factory=list)
    moves: list[FieldMove] = field(default_factory=list)


# --- seed-004 shapes ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SmartManufacturingItem:
    area: Cell
    field: Cell
    type: Cell
    item: Cell

    @property
    def track(self) -> str:
        """The type label without the ``Type`` prefix: ``①기술혁신형``."""
        label = self.type.value
        if label.lower().startswith("type"):
            label = label[4:].strip()
        name = strip_enumerator(label)
        enumerator = label[: len(label) - len(name)].strip() if name else ""
        return enumerator + name

    def as_record(self) -> dict[str, str]:
        return {
            "area": self.area.value,
            "field": self.field.value,
            "type": self.track,
            "item": self.item.value,
        }


@dataclass(slots=True)
class SmartManufacturingTable:
    table_id: str
    caption: Cell | None
    stated_count: int | None
    items: list[SmartManufacturingItem] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PatentIndicatorRow:
    """A sub-technology with its patent indicators; ``values`` is keyed by header name."""

    domain: Cell | None
    cls: Cell
    sub: Cell
    share_pct: float
    importance: float
    kr_competitiveness: float
    core: bool
    kr: str | None
    focus: bool
    values: dict[str, Cell]

    def as_record(self) -> dict[str, object]:
        return {
            "class": self.cls.value,
            "sub": self.sub.value,
            "share_pct": self.share_pct,
            "importance": self.importance,
            "kr_competitiveness": self.kr_competitiveness,
            "core": self.core,
            "kr": self.kr,
            "focus": self.focus,
        }


@dataclass(slots=True)
class PatentIndicatorTable:
    table_id: str
    columns: list[str]
    rows: list[PatentIndicatorRow] = field(default_factory=list)
    #: classification cells listed without any indicator values (e.g. ``생산 관리``)
    unmeasured: list[Cell] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class FieldsAnalysedYear:
    year: int
    year_cell: Cell
    stated_count: int
    fields: list[Cell]


@dataclass(slots=True)
class FieldsAnalysedTable:
    table_id: str
    caption: Cell | None
    years: list[FieldsAnalysedYear] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ClassificationEntry:
    cls: Cell
    description: Cell


@dataclass(slots=True)
class ClassificationTable:
    table_id: str
    caption: Cell | None
    stated_classes: int | None
    stated_sub_technologies: int | None
    classes: list[ClassificationEntry] = field(default_factory=list)


@dataclass(slots=True)
class ExtractedTables:
    """Everything :func:`extract_tables` recognised, plus warnings; absent tables are None."""

    field_counts: FieldCountTable | None = None
    overview: OverviewTable | None = None
    smart_manufacturing: SmartManufacturingTable | None = None
    patent_indicators: PatentIndicatorTable | None = None
    fields_analysed: FieldsAnalysedTable | None = None
    classification: ClassificationTable | None = None
    warnings: list[TableWarning] = field(default_factory=list)

    def cells(self) -> list[Cell]:
        """Every cell of every table, for evidence checks."""
        return list(_walk_cells(self))


def _walk_cells(obj: object) -> list[Cell]:
    out: list[Cell] = []
    if isinstance(obj, Cell):
        return [obj]
    if isinstance(obj, dict):
        for v in obj.values():
            out.extend(_walk_cells(v))
    elif isinstance(obj, list | tuple):
        for v in obj:
            out.extend(_walk_cells(v))
    elif hasattr(obj, "__slots__") and hasattr(obj, "__dataclass_fields__"):
        for name in obj.__dataclass_fields__:
            out.extend(_walk_cells(getattr(obj, name)))
    return out
