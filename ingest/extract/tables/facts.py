"""Facts from the tables of a press release: editions, field lineage, items, indicators.

Each builder reads one kind of table (see :mod:`.parse`) and asserts nodes and
relationships with the table cells as evidence. Field identity across editions comes from
the table itself: a row that names a field in both editions is one field in two versions,
the notes column says how it changed, and a move footnote (조선→미래형선박) joins a row
that ends in one sector to the row that starts in another.
"""

from __future__ import annotations

from collections import defaultdict

from stkg.graph.facts import EvidenceRef
from stkg.ingest.context import SMART_MANUFACTURING_ROADMAP, SME_ROADMAP, BuildContext
from stkg.ingest.extract.tables.core_technologies import CoreTechnologyTable
from stkg.ingest.extract.tables.model import (
    Cell,
    ExtractedTables,
    FieldCountRow,
    FieldCountTable,
    OverviewTable,
)
from stkg.ingest.normalize import name_key

#: How the notes column of a field table maps to change kinds.
NOTE_KINDS = {
    "명칭·범위변경": "renamedAndRescoped",
    "명칭범위변경": "renamedAndRescoped",
    "명칭변경": "renamed",
    "범위변경": "rescoped",
}


def build_table_facts(ctx: BuildContext, tables: ExtractedTables) -> None:
    """Assert everything the recognised tables state."""
    years: dict[int, tuple[int, int]] = {}
    if tables.overview is not None:
        years = _overview(ctx, tables.overview)
    if tables.field_counts is not None:
        _field_counts(ctx, tables.field_counts, tables.overview, years)
    if tables.smart_manufacturing is not None:
        _smart_manufacturing(ctx, tables)
    if tables.patent_indicators is not None or tables.classification is not None:
        _patent_tables(ctx, tables)
    if tables.fields_analysed is not None:
        _fields_analysed(ctx, tables)
    for warning in tables.warnings:
        ctx.facts.warnings.append(f"{warning.table}: {warning.message}")


# -- SME roadmap: overview and field table ----------------------------------------------------


def build_grid_facts(ctx: BuildContext, table: FieldCountTable) -> None:
    """A field table that came as a structured grid (html, docx, hwpx, xlsx)."""
    _field_counts(ctx, table, None, {})


def _edition(ctx: BuildContext, roadmap: str, year: int, **props: object) -> str:
    eid = ctx.edition_id(roadmap, year)
    roadmap_id = ctx.id("Roadmap", roadmap)
    ctx.facts.node("RoadmapEdition", eid, **props)
    ctx.facts.node("Roadmap", roadmap_id)
    ctx.facts.rel("editionOf", eid, roadmap_id)
    return eid


def _period(span: tuple[int, int | None]) -> dict[str, int]:
    """An edition's plan period as properties: its first year, and its last when known."""
    start, end = span
    return {"startYear": start} if end is None else {"startYear": start, "endYear": end}


def _overview(ctx: BuildContext, table: OverviewTable) -> dict[int, tuple[int, int]]:
    """Edition spans and stated totals; returns {edition year: (start, end)}."""
    spans = {start: (start, end) for start, end in table.editions}
    eids = []
    for (start, end), cell in zip(table.editions, table.edition_cells, strict=False):
        eids.append(_edition(ctx, SME_ROADMAP, start, startYear=start, endYear=end))
        ctx.facts.node("RoadmapEdition", eids[-1], ctx.cell(cell))
    for row in table.rows:
        for eid, side in zip(eids, (row.before, row.after), strict=False):
            if row.is_total:
                ctx.facts.node(
                    "RoadmapEdition",
                    eid,
                    [ctx.cell(side.fields), ctx.cell(side.products)],
                    fieldCount=side.fields.as_int(),
                    productCount=side.products.as_int(),
                )
                continue
            sector = ctx.sector(row.label.value, ctx.cell(row.label))
            for kind, cell in (("fieldCount", side.fields), ("productCount", side.products)):
                _stated_figure(ctx, eid, kind, cell, sector)
    for nxt, prev in zip(eids[1:], eids, strict=False):
        ctx.facts.rel("nextEdition", prev, nxt)
    return spans


def _stated_figure(
    ctx: BuildContext, target: str, kind: str, cell: Cell, sector: str | None = None
) -> str:
    key = f"{kind}@{target.split(':', 1)[1]}" + (f"@{sector.split(':', 1)[1]}" if sector else "")
    fid = ctx.raw_id("StatedFigure", key)
    ctx.facts.node(
        "StatedFigure",
        fid,
        ctx.cell(cell),
        figureKind=kind,
        value=cell.as_int(),
        unit="count",
        qualifier="exact",
    )
    ctx.facts.rel("quantifies", fid, target, ctx.cell(cell))
    if sector:
        ctx.facts.rel("inSector", fid, sector, ctx.cell(cell))
    return fid


def _field_counts(
    ctx: BuildContext,
    table: FieldCountTable,
    overview: OverviewTable | None,
    spans: dict[int, tuple[int, int]],
) -> None:
    y0, y1 = table.years
    e0, e1 = (
        _edition(ctx, SME_ROADMAP, year, **_period(spans.get(year, (year, end))))
        for year, end in zip(table.years, table.end_years, strict=True)
    )
    # a moved field's concept is the one it had before the move
    moved_from: dict[str, str] = {}
    if overview is not None:
        for move in overview.moves:
            moved_from[name_key(move.to_field.value)] = move.from_field.value
    sums: dict[tuple[str, str], int] = defaultdict(int)
    for row in table.rows:
        concept_name = _concept_name(row, moved_from)
        field_id = ctx.id("StrategicField", concept_name)
        ctx.facts.node("StrategicField", field_id, name=concept_name)
        versions: list[str | None] = []
        for eid, year, side in ((e0, y0, row.before), (e1, y1, row.after)):
            if side is None:
                versions.append(None)
                continue
            sector = ctx.sector(row.sector.value, ctx.cell(row.sector))
            fv = _field_version(ctx, field_id, eid, year, side.field, side.products, sector)
            versions.append(fv)
            if sector:
                sums[(eid, sector)] += side.count
        _succession(ctx, row, versions, moved_from, e0)
    _check_subtotals(ctx, table, e0, e1, sums)


def _concept_name(row: FieldCountRow, moved_from: dict[str, str]) -> str:
    if row.before is not None:
        return row.before.field.value
    assert row.after is not None
    return moved_from.get(name_key(row.after.field.value), row.after.field.value)


def _field_version(
    ctx: BuildContext,
    field_id: str,
    edition_id: str,
    year: int,
    name: Cell,
    products: Cell,
    sector: str | None,
) -> str:
    key = f"{name_key(name.value)}@{edition_id.split(':', 1)[1]}"
    fv = ctx.raw_id("FieldVersion", key)
    ev = [ctx.cell(name), ctx.cell(products)]
    ctx.facts.node("FieldVersion", fv, ev, name=name.value, productCount=products.as_int())
    ctx.facts.rel("versionOf", fv, field_id, ctx.cell(name))
    ctx.facts.rel("hasFieldVersion", edition_id, fv, ctx.cell(name))
    if sector:
        ctx.facts.rel("inSector", fv, sector, ctx.cell(name))
    return fv


def _succession(
    ctx: BuildContext,
    row: FieldCountRow,
    versions: list[str | None],
    moved: dict[str, str],
    previous_edition: str,
) -> None:
    """Link a field's two versions with the change the notes column states."""
    before, after = versions
    note = row.note.value if row.note else None
    evidence = [ctx.cell(row.note)] if row.note else []
    if before and after and row.before and row.after:
        same = name_key(row.before.field.value) == name_key(row.after.field.value)
        kind = NOTE_KINDS.get(name_key(note or ""), "unchanged" if same else "renamed")
        ctx.facts.rel("succeededBy", before, after, evidence, changeKind=kind, changeNote=note)
        return
    if after is None or row.after is None:
        return
    origin = moved.get(name_key(row.after.field.value))
    if origin is None:
        return  # a new field (신설): no predecessor
    # a move splits one field over two rows: the predecessor version is the row that
    # ended in the old sector, in the table's earlier edition
    edition_key = previous_edition.split(":", 1)[1]
    previous = ctx.raw_id("FieldVersion", f"{name_key(origin)}@{edition_key}")
    same = name_key(origin) == name_key(row.after.field.value)
    kind = "moved" if same else "movedAndRenamed"
    ctx.facts.rel("succeededBy", previous, after, evidence, changeKind=kind, changeNote=note)


def _check_subtotals(
    ctx: BuildContext,
    table: FieldCountTable,
    e0: str,
    e1: str,
    sums: dict[tuple[str, str], int],
) -> None:
    """A stated subtotal that disagrees with the rows is a warning, never silent."""
    for sub in table.subtotals:
        sector = ctx.sector(sub.sector.value)
        if sector is None:
            continue
        for eid, cell in ((e0, sub.before), (e1, sub.after)):
            if cell is None:
                continue
            _stated_figure(ctx, eid, "productCount", cell, sector)
            if sums[(eid, sector)] != cell.as_int():
                ctx.facts.warnings.append(
                    f"{table.table_id}: stated subtotal {cell.as_int()} for {sub.sector.value}"
                    f" in {eid} but the rows sum to {sums[(eid, sector)]}"
                )


# -- smart-manufacturing roadmap items ----------------------------------------------------------


def _smart_manufacturing(ctx: BuildContext, tables: ExtractedTables) -> None:
    table = tables.smart_manufacturing
    assert table is not None
    year = _caption_year(table.caption) or 2025
    eid = _edition(ctx, SMART_MANUFACTURING_ROADMAP, year)
    if table.caption is not None:
        ctx.facts.node("RoadmapEdition", eid, ctx.cell(table.caption))
    for item in table.items:
        sector = ctx.sector(item.area.value, ctx.cell(item.area))
        field_name = item.field.value
        field_id = ctx.id("StrategicField", field_name)
        ctx.facts.node("StrategicField", field_id, name=field_name)
        key = f"{name_key(field_name)}@{eid.split(':', 1)[1]}"
        fv = ctx.raw_id("FieldVersion", key)
        ctx.facts.node("FieldVersion", fv, ctx.cell(item.field), name=field_name)
        ctx.facts.rel("versionOf", fv, field_id, ctx.cell(item.field))
        ctx.facts.rel("hasFieldVersion", eid, fv, ctx.cell(item.field))
        if sector:
            ctx.facts.rel("inSector", fv, sector, ctx.cell(item.area))
        product_type = ctx.notation("productType", _strip_track(item.track))
        pid = ctx.id("StrategicProduct", item.item.value)
        ctx.facts.node(
            "StrategicProduct",
            pid,
            [ctx.cell(item.item), ctx.cell(item.type)],
            name=item.item.value,
            productType=product_type,
        )
        ctx.facts.rel("belongsToField", pid, fv, ctx.cell(item.item))
        if product_type is None:
            ctx.facts.warnings.append(f"unknown product type {item.track!r} for {pid}")


def _strip_track(track: str) -> str:
    return track.lstrip("①②③④⑤ ").strip()


def _caption_year(caption: Cell | None) -> int | None:
    import re

    if caption is None:
        return None
    years = re.findall(r"(20\d\d)\s*년", caption.value)
    return int(years[-1]) if years else None


# -- patent analysis tables ----------------------------------------------------------------------


def _techclass(ctx: BuildContext, name: str, level: int, parent: str | None, cell: Cell) -> str:
    tid = ctx.id("TechnologyClass", name)
    ctx.facts.node("TechnologyClass", tid, ctx.cell(cell), name=name, level=level)
    if parent:
        ctx.facts.rel("broaderTechnology", tid, parent, ctx.cell(cell))
    return tid


def _patent_tables(ctx: BuildContext, tables: ExtractedTables) -> None:
    classification = tables.classification
    indicators = tables.patent_indicators
    root: str | None = None
    roots: dict[str, str] = {}
    if indicators is not None:
        for row in indicators.rows:
            if row.domain is not None and name_key(row.domain.value) not in roots:
                roots[name_key(row.domain.value)] = _techclass(
                    ctx, row.domain.value, 1, None, row.domain
                )
        root = next(iter(roots.values()), None)
    classes: dict[str, str] = {}
    if classification is not None:
        for entry in classification.classes:
            tid = _techclass(ctx, entry.cls.value, 2, root, entry.cls)
            ctx.facts.node(
                "TechnologyClass",
                tid,
                ctx.cell(entry.description),
                definition=entry.description.value,
            )
            classes[name_key(entry.cls.value)] = tid
    if indicators is None:
        return
    for cell in indicators.unmeasured:
        if name_key(cell.value) not in classes:
            classes[name_key(cell.value)] = _techclass(ctx, cell.value, 2, root, cell)
    for row in indicators.rows:
        parent = classes.get(name_key(row.cls.value)) or _techclass(
            ctx, row.cls.value, 2, root, row.cls
        )
        classes[name_key(row.cls.value)] = parent
        sub = _techclass(ctx, row.sub.value, 3, parent, row.sub)
        aid = ctx.raw_id(
            "PatentAnalysis",
            f"published@{name_key(row.sub.value)}@{ctx.document_id.split(':', 1)[1]}",
        )
        evidence = [ctx.cell(row.sub), *(ctx.cell(c) for c in row.values.values())]
        strength = {"强": "strong", "弱": "weak"}.get(row.kr or "")
        ctx.facts.node(
            "PatentAnalysis",
            aid,
            evidence,
            name=f"{row.sub.value} 특허지표",
            analysisKind="published",
            applicationShare=row.share_pct,
            technologyImportance=row.importance,
            koreaCompetitiveness=row.kr_competitiveness,
            isCore=row.core,
            koreaStrength=strength,
            isFocus=row.focus,
        )
        ctx.facts.rel("analyses", aid, sub, ctx.cell(row.sub))


def _fields_analysed(ctx: BuildContext, tables: ExtractedTables) -> None:
    table = tables.fields_analysed
    assert table is not None
    for year in table.years:
        for cell in year.fields:
            tid = ctx.raw_id("AnalysisTopic", f"{year.year}@{name_key(cell.value)}")
            ctx.facts.node("AnalysisTopic", tid, ctx.cell(cell), name=cell.value, year=year.year)
        fid = ctx.raw_id(
            "StatedFigure", f"analysedFieldCount@{year.year}@{ctx.document_id.split(':', 1)[1]}"
        )
        ctx.facts.node(
            "StatedFigure",
            fid,
            ctx.cell(year.year_cell),
            figureKind="analysedFieldCount",
            value=year.stated_count,
            unit="count",
            qualifier="exact",
            year=year.year,
        )
        if len(year.fields) != year.stated_count:
            ctx.facts.warnings.append(
                f"{table.table_id}: {year.year} states {year.stated_count} fields, "
                f"lists {len(year.fields)}"
            )


# -- core technologies of strategic products ------------------------------------------------


def build_core_technology_facts(ctx: BuildContext, table: CoreTechnologyTable) -> None:
    """Edition → field version ← product → core technology, each from its table cell.

    The development goal and the yearly goals go on the product's HAS_CORE_TECHNOLOGY
    relationship: they are what this product needs of the technology, not properties of
    the technology itself (another product may need the same one for another goal).
    """
    roadmap = SME_ROADMAP if table.roadmap == "sme" else SMART_MANUFACTURING_ROADMAP
    spans = {"startYear": table.start_year, "endYear": table.end_year}
    if table.roadmap != "sme":
        spans = {}
    eid = _edition(ctx, roadmap, table.start_year, **spans)
    ctx.facts.node("RoadmapEdition", eid, _evidence(ctx, table.edition))
    for row in table.rows:
        field_name = row.field.value
        field_id = ctx.id("StrategicField", field_name)
        ctx.facts.node("StrategicField", field_id, name=field_name)
        fv = ctx.raw_id("FieldVersion", f"{name_key(field_name)}@{eid.split(':', 1)[1]}")
        field_ev = _evidence(ctx, row.field)
        ctx.facts.node("FieldVersion", fv, field_ev, name=field_name)
        ctx.facts.rel("versionOf", fv, field_id, field_ev)
        ctx.facts.rel("hasFieldVersion", eid, fv, field_ev)
        pid = ctx.id("StrategicProduct", row.product.value)
        ctx.facts.node("StrategicProduct", pid, ctx.cell(row.product), name=row.product.value)
        ctx.facts.rel("belongsToField", pid, fv, ctx.cell(row.product))
        tid = ctx.id("CoreTechnology", row.technology.value)
        ctx.facts.node("CoreTechnology", tid, ctx.cell(row.technology), name=row.technology.value)
        goals = [ctx.cell(g.goal) for g in row.yearly]
        if row.goal is not None:
            goals.insert(0, ctx.cell(row.goal))
        ctx.facts.rel(
            "hasCoreTechnology",
            pid,
            tid,
            [ctx.cell(row.technology), ctx.cell(row.product), *goals],
            developmentGoal=row.goal.value if row.goal else None,
            yearlyGoals=[f"{g.period}: {g.goal.value}" for g in row.yearly] or None,
        )
    ctx.facts.warnings.extend(table.warnings)


def _evidence(ctx: BuildContext, cell: Cell) -> EvidenceRef:
    """A table cell's evidence, or a plain span for text read outside the table."""
    return ctx.cell(cell) if cell.ref.table else ctx.span(cell.start, cell.end)
