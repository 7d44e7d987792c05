"""Facts from patent lists: patents, their applicants and the technology they belong to.

Forward citations (``citationCount``) and applicants' nationality (``country`` on the
``Organization``) are recorded when the list has those columns: the patent indicators
(:mod:`stkg.graph.analysis.indicators`) need them for the citation index and Korea's
activity index.
"""

from __future__ import annotations

from stkg.graph.facts import EvidenceRef
from stkg.ingest.context import BuildContext
from stkg.ingest.extract.patents.parse import PatentList
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
                citationCount=record.citations,
                abstract=record.abstract,
                claims=record.claims,
                familyId=record.family_id,
                cpcCodes=list(record.cpc_codes) or None,
            )
            applicant_ev = _field(ctx, plist.table_id, record.cells, "applicants") or number_ev
            country_ev = _field(ctx, plist.table_id, record.cells, "applicant_countries")
            countries = record.applicant_countries or (None,) * len(record.applicants)
            for name, country in zip(record.applicants, countries, strict=True):
                org = ctx.id("Organization", name)
                ev = [applicant_ev, country_ev] if country_ev else applicant_ev
                ctx.facts.node("Organization", org, ev, name=name, country=country)
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
        quote=cell.text,
        start=cell.start,
        end=cell.end,
        table=table,
        row=cell.row,
        column=cell.column,
    )
