"""Facts from the prose of a press release (see :mod:`.parse`).

Editions and their stated totals, the programme link and budgets, citizen proposals,
organisations with aliases and roles, partnerships, policies, and the patent big-data
method with its stated counts and promising tasks. Each fact cites the span it was read
from; sentences give the quote.
"""

from __future__ import annotations

from itertools import pairwise

from stkg.graph.facts import EvidenceRef, NodeFact
from stkg.ingest.context import SMART_MANUFACTURING_ROADMAP, SME_ROADMAP, BuildContext
from stkg.ingest.extract.statements.model import (
    Change,
    PromisingTasks,
    Quote,
    Spanned,
    StatedTotal,
    Statements,
)
from stkg.ingest.normalize import name_key

SERIES = {
    "sme_technology": SME_ROADMAP,
    "smart_manufacturing_strategic_technology": SMART_MANUFACTURING_ROADMAP,
}
TOTAL_KINDS = {"fields": "fieldCount", "products": "productCount"}
QUALIFIERS = {None: "exact", "이상": "atLeast", "이하": "atMost", "약": "approximately"}


def build_statement_facts(ctx: BuildContext, st: Statements) -> None:
    """The graph facts of a document's statements."""
    if st.released is not None:
        ctx.facts.node("SourceDocument", ctx.document_id, publishedDate=st.released.value)
    editions = _editions(ctx, st)
    current = _current_edition(editions)
    _programme_link(ctx, st, editions)
    if current:
        _citizen_proposals(ctx, st, current)
        _policies(ctx, st, current)
    _new_fields(ctx, st, current)
    orgs = _organisations(ctx, st, current)
    _programmes(ctx, st)
    _patent_method(ctx, st, orgs)


def ev(ctx: BuildContext, item: Spanned[object] | Quote) -> EvidenceRef:
    return ctx.span(item.start, item.end)


# -- editions -----------------------------------------------------------------------------------


def _editions(ctx: BuildContext, st: Statements) -> dict[str, tuple[str, int, str]]:
    """Edition ids by status ('announced', 'started', 'previous', ...): (id, year, series)."""
    out: dict[str, tuple[str, int, str]] = {}
    for edition in st.editions:
        roadmap = SERIES.get(edition.series)
        year = edition.edition_year or (edition.years[0] if edition.years else None)
        if roadmap is None or year is None:
            continue
        eid = ctx.edition_id(roadmap, year)
        roadmap_id = ctx.id("Roadmap", roadmap)
        evidence = [ev(ctx, m.title) for m in edition.mentions]
        props: dict[str, object] = {"name": edition.name}
        if edition.years:
            props.update(startYear=edition.years[0], endYear=edition.years[1])
        if edition.publication is not None:
            props["plannedPublication"] = edition.publication.when.value
            evidence.append(ev(ctx, edition.publication.when))
        ctx.facts.node("RoadmapEdition", eid, evidence, **props)
        ctx.facts.node("Roadmap", roadmap_id)
        ctx.facts.rel("editionOf", eid, roadmap_id, evidence[:1])
        for total in edition.totals:
            _edition_total(ctx, eid, total)
        for target in edition.targets:
            _figure(
                ctx,
                eid,
                "targetProductCount",
                target.count,
                target.quote,
                qualifier=QUALIFIERS.get(target.qualifier, "atLeast"),
            )
        if edition.status in ("announced", "started"):
            ctx.facts.rel("announces", ctx.document_id, eid, evidence[:1])
        out.setdefault(edition.status, (eid, year, edition.series))
    return out


def _current_edition(editions: dict[str, tuple[str, int, str]]) -> tuple[str, int, str] | None:
    return editions.get("announced") or editions.get("started")


def _edition_total(ctx: BuildContext, eid: str, total: StatedTotal) -> None:
    kind = TOTAL_KINDS.get(total.kind)
    if kind is None:
        return
    ctx.facts.node("RoadmapEdition", eid, ev(ctx, total.count), **{kind: total.count.value})


def _figure(
    ctx: BuildContext,
    target: str,
    kind: str,
    value: Spanned[int],
    quote: Quote | None = None,
    *,
    unit: str = "count",
    qualifier: str = "exact",
    year: int | None = None,
) -> str:
    key = f"{kind}@{target.split(':', 1)[1]}" + (f"@{year}" if year else "")
    fid = ctx.raw_id("StatedFigure", key)
    evidence = [ev(ctx, value)] + ([ev(ctx, quote)] if quote else [])
    ctx.facts.node(
        "StatedFigure",
        fid,
        evidence,
        figureKind=kind,
        value=value.value,
        unit=unit,
        qualifier=qualifier,
        year=year,
    )
    ctx.facts.rel("quantifies", fid, target, ev(ctx, value))
    return fid


# -- programme link and budgets -------------------------------------------------------------------


def _programme_link(
    ctx: BuildContext, st: Statements, editions: dict[str, tuple[str, int, str]]
) -> None:
    link = st.programme_link
    current = _current_edition(editions)
    if current is None or not (link.programme_changes or link.budget_changes):
        return
    eid, year, series = current
    roadmap = SERIES[series]
    programmes = []
    for named in link.named_programmes:
        pid = ctx.id("Programme", named.value)
        ctx.facts.node("Programme", pid, ev(ctx, named), name=named.value)
        ctx.facts.rel("linkedProgramme", eid, pid, ev(ctx, named))
        programmes.append(pid)
    for change in link.programme_changes[:1]:
        for edition_year, value in _sides(change, year):
            target = ctx.edition_id(roadmap, edition_year)
            ctx.facts.node("RoadmapEdition", target, startYear=edition_year)
            _figure(ctx, target, "programmeCount", value, change.quote)
    budgets = sorted(link.budget_changes, key=lambda c: c.basis is None)
    for change in budgets[:1]:
        for edition_year, value in _sides(change, year):
            target = ctx.edition_id(roadmap, edition_year)
            fid = ctx.raw_id("Funding", f"{target.split(':', 1)[1]}@{edition_year}")
            ctx.facts.node(
                "Funding",
                fid,
                [ev(ctx, value), ev(ctx, change.quote)],
                name=f"{edition_year} 연계지원 예산",
                amountKrw=value.value,
                year=edition_year,
                basis=change.basis.value if change.basis else None,
            )
            ctx.facts.rel("fundingFor", fid, target, ev(ctx, value))
            if edition_year == year:
                for pid in programmes:
                    ctx.facts.rel("funds", fid, pid, ev(ctx, change.quote))
    for period in link.support_periods:
        _figure(
            ctx, eid, "supportPeriod", period.before_years, period.quote, unit="year", year=year - 1
        )
        _figure(
            ctx,
            eid,
            "supportPeriod",
            period.after_years,
            period.quote,
            unit="year",
            qualifier="atMost" if period.after_is_maximum else "exact",
            year=year,
        )


def _sides(change: Change, current_year: int) -> list[tuple[int, Spanned[int]]]:
    before_year = change.before_year.value if change.before_year else current_year - 1
    after_year = change.after_year.value if change.after_year else current_year
    return [(before_year, change.before), (after_year, change.after)]


# -- citizen proposals, policies, new fields ---------------------------------------------------


def _citizen_proposals(ctx: BuildContext, st: Statements, current: tuple[str, int, str]) -> None:
    cp = st.citizen_proposals
    if cp is None:
        return
    eid = current[0]
    cid = ctx.raw_id("PublicConsultation", eid.split(":", 1)[1])
    quotes = [ev(ctx, q) for q in cp.quotes]
    methods = ", ".join(m.value for m in cp.methods) or None
    ctx.facts.node("PublicConsultation", cid, quotes, name=methods or "국민 제안")
    ctx.facts.rel("consultationFor", cid, eid, quotes[:1])
    if cp.discovered is not None:
        _figure(ctx, cid, "proposalCount", cp.discovered)
    if cp.selected:
        _figure(ctx, cid, "selectedProposalCount", cp.selected[0])
    if cp.fields_stated is not None:
        _figure(ctx, cid, "themeCount", cp.fields_stated)
    for theme in cp.fields:
        tid = ctx.id("Theme", theme.value)
        ctx.facts.node("Theme", tid, ev(ctx, theme), name=theme.value)
        ctx.facts.rel("coversTheme", cid, tid, ev(ctx, theme))
    for example in cp.examples:
        pid = ctx.id("StrategicProduct", example.value)
        ctx.facts.node(
            "StrategicProduct", pid, ev(ctx, example), name=example.value, citizenProposed=True
        )
        ctx.facts.rel("proposedThrough", pid, cid, ev(ctx, example))


def _policies(ctx: BuildContext, st: Statements, current: tuple[str, int, str]) -> None:
    for policy in st.policies:
        pid = ctx.id("Policy", policy.name.value)
        ctx.facts.node("Policy", pid, ev(ctx, policy.name), name=policy.name.value)
        ctx.facts.rel("motivatedBy", current[0], pid, ev(ctx, policy.name))


def _new_fields(ctx: BuildContext, st: Statements, current: tuple[str, int, str] | None) -> None:
    products = {name_key(p.value): p for p in st.expanded_products()}
    for new in st.new_fields:
        for product in new.products:
            products[name_key(product.value)] = product
        if current is None:
            continue
        version = ctx.raw_id(
            "FieldVersion", f"{name_key(new.field.value)}@{current[0].split(':', 1)[1]}"
        )
        if version not in ctx.facts.nodes:
            continue  # only where the field table defined the version
        for product in new.products:
            pid = ctx.id("StrategicProduct", product.value)
            ctx.facts.node("StrategicProduct", pid, ev(ctx, product), name=product.value)
            ctx.facts.rel("belongsToField", pid, version, ev(ctx, product))
        if new.stated_count is not None:
            _figure(ctx, version, "newProductCount", new.stated_count, new.quote)
    for product in products.values():
        pid = ctx.id("StrategicProduct", product.value)
        ctx.facts.node("StrategicProduct", pid, ev(ctx, product), name=product.value)


# -- organisations, programmes ---------------------------------------------------------------------


def _organisations(
    ctx: BuildContext, st: Statements, current: tuple[str, int, str] | None
) -> dict[str, str]:
    """Organisation ids by every name and alias the document uses."""
    ids: dict[str, str] = {}
    for org in st.organisations:
        oid = ctx.id("Organization", org.name.value)
        aliases = [a.value for a in org.aliases]
        ctx.facts.node(
            "Organization", oid, ev(ctx, org.name), name=org.name.value, aliases=aliases or None
        )
        for name in (org.name.value, *aliases):
            ids[name] = oid
        if current is not None:
            for role in org.roles:
                ctx.facts.rel("preparedBy", current[0], oid, ev(ctx, role), role=role.value)
    for action in st.joint_actions:
        parties = [ids.get(p.value) or ctx.id("Organization", p.value) for p in action.parties]
        for a, b in pairwise(parties):
            ctx.facts.rel("partnerOf", a, b, ev(ctx, action.quote), role=action.action.value)
    for publisher in st.publishers:
        oid = ids.get(publisher) or ctx.id("Organization", publisher)
        ctx.facts.node("Organization", oid, name=publisher)
        ctx.facts.rel("publishedBy", ctx.document_id, oid)
    return ids


def _programmes(ctx: BuildContext, st: Statements) -> None:
    for programme in st.programmes:
        name = programme.corrected or programme.title.value
        pid = ctx.id("Programme", name)
        ctx.facts.node(
            "Programme", pid, ev(ctx, programme.title), name=name, printedName=programme.title.value
        )
        if programme.owner:
            ctx.facts.rel(
                "managedBy", pid, ctx.id("Organization", programme.owner), ev(ctx, programme.quote)
            )


# -- patent big-data method ---------------------------------------------------------------


def _patent_method(ctx: BuildContext, st: Statements, orgs: dict[str, str]) -> None:
    method = st.patent_method
    analyses = [n for n in ctx.facts.nodes.values() if n.cls == "PatentAnalysis"]
    method_id = None
    if method.steps is not None:
        method_id = ctx.id("AnalysisMethod", "특허 빅데이터 분석")
        steps = [s.value for s in method.steps.items]
        ctx.facts.node(
            "AnalysisMethod",
            method_id,
            ev(ctx, method.steps.quote),
            name="특허 빅데이터 분석",
            steps=steps,
        )
    offices = sorted({o.code for o in method.offices})
    analysts = [
        oid
        for o in st.organisations
        for oid in [orgs.get(o.name.value)]
        if oid and any("특허" in r.value for r in o.roles)
    ]
    for analysis in analyses:
        ctx.facts.node("PatentAnalysis", analysis.id, offices=offices or None)
        if method_id:
            ctx.facts.rel("usesMethod", analysis.id, method_id, analysis.evidence[:1])
        for oid in analysts:
            ctx.facts.rel("conductedBy", analysis.id, oid, analysis.evidence[:1])
    roots = [
        n.id
        for n in ctx.facts.nodes.values()
        if n.cls == "TechnologyClass" and n.props.get("level") == 1
    ]
    classes = {
        name_key(str(n.props.get("name", ""))): n.id
        for n in ctx.facts.nodes.values()
        if n.cls == "TechnologyClass"
    }
    root = roots[0] if roots else None
    _classification_counts(ctx, st, root)
    for valid in method.valid_patents:
        scope = _match_class(classes, valid.scope.value if valid.scope else "") or root
        if scope:
            _figure(ctx, scope, "validPatentCount", valid.count, valid.quote)
    for selection in method.selections:
        if root:
            _figure(ctx, root, "promisingTechnologyCount", selection.selected, selection.quote)
    for tasks in method.promising_tasks:
        _promising_tasks(ctx, tasks, classes, analyses)


def _classification_counts(ctx: BuildContext, st: Statements, root: str | None) -> None:
    kinds = {
        "대분류": "majorCategoryCount",
        "중분류": "middleCategoryCount",
        "소분류": "minorCategoryCount",
        "분류": "technologyClassCount",
        "세부기술": "subTechnologyCount",
    }
    current = next((e for e in st.editions if e.status in ("started", "announced")), None)
    for counts in st.patent_method.classifications:
        levels = dict(counts.levels)
        target = root if ("세부기술" in levels or "분류" in levels) else None
        if target is None and current is not None and SERIES.get(current.series):
            year = current.edition_year or (current.years[0] if current.years else 0)
            target = ctx.edition_id(SERIES[current.series], year)
        if target is None:
            continue
        for level, value in counts.levels:
            if level in kinds:
                _figure(ctx, target, kinds[level], value, counts.quote)


def _match_class(classes: dict[str, str], text: str) -> str | None:
    key = name_key(text)
    best = [tid for name, tid in classes.items() if name and name in key]
    return max(best, key=len) if best else None


def _promising_tasks(
    ctx: BuildContext,
    tasks: PromisingTasks,
    classes: dict[str, str],
    analyses: list[NodeFact],
) -> None:
    tech = _match_class(classes, tasks.area.value)
    method_ids = []
    if tasks.method is not None:
        for step in tasks.method.items:
            mid = ctx.id("AnalysisMethod", step.value)
            ctx.facts.node("AnalysisMethod", mid, ev(ctx, step), name=step.value)
            method_ids.append(mid)
    if tasks.tasks is None:
        return
    for item in tasks.tasks.items:
        tid = ctx.id("PromisingTask", item.value)
        ctx.facts.node("PromisingTask", tid, ev(ctx, item), name=item.value)
        if tech:
            ctx.facts.rel("derivedFrom", tid, tech, ev(ctx, tasks.area))
            for analysis in analyses:
                if any(
                    r.prop == "analyses" and r.start == analysis.id and r.end == tech
                    for r in ctx.facts.rels.values()
                ):
                    ctx.facts.rel("derivedFrom", tid, analysis.id, ev(ctx, tasks.area))
        for mid in method_ids:
            ctx.facts.rel("usesMethod", tid, mid, ev(ctx, tasks.quote))
    if tasks.stated_count is not None and tech:
        _figure(ctx, tech, "promisingTaskCount", tasks.stated_count, tasks.quote)
