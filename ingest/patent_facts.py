"""Facts from patent lists: patents, their applicants and the technology they belong to."""

from __future__ import annotations

from stkg.graph.facts import EvidenceRef
from stkg.ingest.context import BuildContext
from stkg.ingest.patents import PatentList
from stkg.ingest.readers import Cell, Document


def build_patent_facts(ctx: BuildContext, doc: Document, lists: list[PatentList]) -> None:
    """One Patent node per record, APPLIED_BY its applicants, CLASSIFIED_AS its technology."""
    for plist in lists:
        for record in plist.records:
            ev = [_cell(ctx, plist.table_id, c) for c in record.cells.values()]
            number_ev = _cell(ctx, plist.table_id, record.cells["application_number"])
            ctx.facts.node(
                "Patent",
                record.id,
                ev,
                name=record.title or record.application_number,
                title=record.title,
                office=record.office,
                applicationNumber=record.application_number,
                filingDate=record.filing_date,
                ipcCodes=list(record.ipc_codes) or None,
            )
            applicant_ev = _field(ctx, plist.table_id, record.cells, "applicants") or number_ev
            for name in record.applicants:
                org = ctx.id("Organization", name)
                ctx.facts.node("Organization", org, applicant_ev, name=name)
                ctx.facts.rel("appliedBy", record.id, org, applicant_ev)
            if record.technology:
                tech_ev = _field(ctx, plist.table_id, record.cells, "technology") or number_ev
                tech = ctx.id("TechnologyClass", record.technology)
                ctx.facts.node("TechnologyClass", tech, tech_ev, name=record.technology)
                ctx.facts.rel("classifiedAs", record.id, tech, tech_ev)
        for warning in plist.warnings:
            ctx.facts.warnings.append(str(warning))


def _field(ctx: BuildContext, table: str, cells: dict[str, Cell], name: str) -> EvidenceRef | None:
    cell = cells.get(name)
    return _cell(ctx, table, cell) if cell is not None else None


def _cell(ctx: BuildContext, table: str, cell: Cell) -> EvidenceRef:
    return EvidenceRef(
        quote=cell.text, start=cell.start, end=cell.end, table=table, row=cell.row,
        column=cell.column,
    )  # fmt: skip
