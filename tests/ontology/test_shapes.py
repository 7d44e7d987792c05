"""The SHACL shapes accept well-formed instance data and name the node that breaks a rule."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from rdflib import RDF, SH, Graph, Literal, URIRef

from stkg.ontology.ids import instance_iri
from stkg.ontology.model import ONTOLOGY_DIR, STKG, Ontology, load_ontology, parse_turtle
from stkg.ontology.shacl import ShaclReport, validate_instances


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return load_ontology()


class Builder:
    """Writes instance triples the way the RDF export does: typed by the ontology."""

    def __init__(self, onto: Ontology) -> None:
        self.onto = onto
        self.g = Graph()

    def node(self, cls: str, key: str, **props: Any) -> URIRef:
        c = self.onto.cls(cls)
        tid = f"{c.id_prefix}:{key}"
        iri = URIRef(instance_iri(tid))
        self.g.add((iri, RDF.type, URIRef(c.iri)))
        self.set(iri, id=tid, **props)
        return iri

    def set(self, subject: URIRef, **props: Any) -> None:
        for name, value in props.items():
            p = self.onto.datatype_property(name)
            values = value if isinstance(value, list) else [value]
            for v in values:
                self.g.add((subject, URIRef(p.iri), Literal(v, datatype=URIRef(p.range))))

    def link(self, s: URIRef, prop: str, o: URIRef, **rel_props: Any) -> None:
        p = URIRef(self.onto.object_property(prop).iri)
        self.g.add((s, p, o))
        if rel_props:
            stmt = URIRef(f"{s}/{prop}/{o.rsplit('/', 1)[-1]}")
            self.g.add((stmt, RDF.type, RDF.Statement))
            self.g.add((stmt, RDF.subject, s))
            self.g.add((stmt, RDF.predicate, p))
            self.g.add((stmt, RDF.object, o))
            self.set(stmt, **rel_props)


def build_valid(onto: Ontology) -> tuple[Builder, dict[str, URIRef]]:
    b = Builder(onto)
    n: dict[str, URIRef] = {}
    n["roadmap"] = b.node("Roadmap", "중소기업기술로드맵", name="중소기업 기술로드맵")
    n["ed21"] = b.node(
        "RoadmapEdition",
        "sme-2021",
        name="2021~2023",
        startYear=2021,
        endYear=2023,
        fieldCount=30,
        productCount=197,
    )
    n["ed22"] = b.node(
        "RoadmapEdition",
        "sme-2022",
        name="2022~2024",
        startYear=2022,
        endYear=2024,
        fieldCount=32,
        productCount=224,
    )
    n["sector"] = b.node("Sector", "4ir", name="4차산업혁명", notation="4ir")
    n["field"] = b.node("StrategicField", "드론", name="드론")
    n["fv21"] = b.node("FieldVersion", "드론@2021-2023", name="드론", productCount=4)
    n["fv22"] = b.node("FieldVersion", "드론@2022-2024", name="드론·개인이동수단", productCount=6)
    for ed, fv in (("ed21", "fv21"), ("ed22", "fv22")):
        b.link(n[ed], "editionOf", n["roadmap"])
        b.link(n[ed], "hasFieldVersion", n[fv])
        b.link(n[fv], "versionOf", n["field"])
        b.link(n[fv], "inSector", n["sector"])
    b.link(n["ed21"], "nextEdition", n["ed22"])
    b.link(
        n["fv21"],
        "succeededBy",
        n["fv22"],
        changeKind="renamedAndRescoped",
        changeNote="명칭·범위 변경",
        evidence=["evidence:1"],
    )
    n["product"] = b.node(
        "StrategicProduct",
        "드론배송",
        name="드론 배송",
        productType="technologyInnovation",
        citizenProposed=False,
    )
    b.link(n["product"], "belongsToField", n["fv22"])
    n["ai"] = b.node("TechnologyClass", "제조ai", name="제조 AI", level=0)
    n["design"] = b.node("TechnologyClass", "제조ai/설계", name="설계", level=1)
    b.link(n["design"], "broaderTechnology", n["ai"])
    n["analysis"] = b.node(
        "PatentAnalysis",
        "공정설계",
        analysisKind="published",
        applicationShare=Decimal("6.5"),
        technologyImportance=Decimal("1.78"),
        koreaCompetitiveness=Decimal("-0.31"),
        isCore=True,
        isFocus=False,
        koreaStrength="weak",
        offices=["KR", "US", "JP", "CN", "EP"],
    )
    b.link(n["analysis"], "analyses", n["design"])
    n["task"] = b.node("PromisingTask", "진단모델", name="진단 모델 기술")
    b.link(n["task"], "derivedFrom", n["analysis"])
    n["mss"] = b.node("Organization", "중소벤처기업부", name="중소벤처기업부")
    n["prog"] = b.node("Programme", "창업성장", name="창업성장")
    n["funding"] = b.node(
        "Funding", "2022", amountKrw=87_900_000_000, year=2022, basis="신규과제 기준"
    )
    b.link(n["funding"], "fundingFor", n["ed22"])
    b.link(n["funding"], "funds", n["prog"])
    n["figure"] = b.node(
        "StatedFigure",
        "4ir-2022-fields",
        figureKind="fieldCount",
        value=Decimal(23),
        unit="count",
        qualifier="exact",
        year=2022,
    )
    b.link(n["figure"], "quantifies", n["ed22"])
    b.link(n["figure"], "inSector", n["sector"])
    n["doc"] = b.node(
        "SourceDocument",
        "abc",
        sha256="a" * 64,
        title="보도자료",
        mediaType="text/plain",
        origin="seeds/000.txt",
    )
    b.link(n["doc"], "publishedBy", n["mss"])
    n["ev"] = b.node("Evidence", "1", spanStart=10, spanEnd=20, quote="드론")
    b.link(n["ev"], "citesDocument", n["doc"])
    b.link(n["ev"], "supports", n["fv21"])
    n["cell"] = b.node("Evidence", "2", tableId="t1", tableRow=3, tableColumn=1, quote="4")
    b.link(n["cell"], "citesDocument", n["doc"])
    return b, n


def focus_nodes(report: ShaclReport) -> set[str]:
    return {v.focus_node for v in report.violations}


def test_shapes_parse_and_target_known_classes(onto: Ontology) -> None:
    g = parse_turtle(ONTOLOGY_DIR / "shapes.ttl")
    targets = set(g.objects(None, SH.targetClass))
    assert targets and {str(t) for t in targets} <= {c.iri for c in onto.classes.values()}


def test_valid_graph_conforms(onto: Ontology) -> None:
    b, _ = build_valid(onto)
    report = validate_instances(b.g)
    assert report.conforms, report.text
    assert report.violations == ()


def test_reference_individuals_conform() -> None:
    report = validate_instances(parse_turtle(ONTOLOGY_DIR / "reference.ttl"))
    assert report.conforms, report.text


def test_missing_id_is_rejected(onto: Ontology) -> None:
    b, n = build_valid(onto)
    b.g.remove((n["field"], STKG.id, None))
    report = validate_instances(b.g)
    assert not report.conforms
    assert str(n["field"]) in focus_nodes(report)
    assert any(v.path == str(STKG.id) for v in report.violations)


def test_share_above_100_is_rejected(onto: Ontology) -> None:
    b, n = build_valid(onto)
    b.g.set((n["analysis"], STKG.applicationShare, Literal(Decimal(150))))
    report = validate_instances(b.g)
    assert not report.conforms
    hits = [v for v in report.violations if v.path == str(STKG.applicationShare)]
    assert [h.focus_node for h in hits] == [str(n["analysis"])]
    assert "between 0 and 100" in hits[0].message


def test_unknown_change_kind_is_rejected(onto: Ontology) -> None:
    b, _ = build_valid(onto)
    stmts = list(b.g.subjects(STKG.changeKind, None))
    assert len(stmts) == 1
    b.g.set((stmts[0], STKG.changeKind, Literal("renamedd")))
    report = validate_instances(b.g)
    assert not report.conforms
    assert focus_nodes(report) == {str(stmts[0])}
    assert report.violations[0].value == "renamedd"


@pytest.mark.parametrize(
    ("node", "prop", "value"),
    [
        ("fv22", "productCount", 7),  # two stated counts
        ("fv22", "productCount", -1),  # negative count (after removing the old one)
        ("analysis", "koreaStrength", "medium"),
        ("product", "productType", "demand"),
        ("figure", "figureKind", "budget"),
        ("doc", "sha256", "xyz"),
    ],
)
def test_bad_values_are_rejected(onto: Ontology, node: str, prop: str, value: Any) -> None:
    b, n = build_valid(onto)
    p = URIRef(onto.datatype_property(prop).iri)
    if value != 7:
        b.g.remove((n[node], p, None))
    b.set(n[node], **{prop: value})
    report = validate_instances(b.g)
    assert not report.conforms
    assert str(n[node]) in focus_nodes(report)


def test_evidence_needs_a_location_and_a_document(onto: Ontology) -> None:
    b, n = build_valid(onto)
    for p in (STKG.spanStart, STKG.spanEnd):
        b.g.remove((n["ev"], p, None))
    b.g.remove((n["cell"], STKG.citesDocument, None))
    report = validate_instances(b.g)
    assert focus_nodes(report) == {str(n["ev"]), str(n["cell"])}


def test_field_version_needs_its_field_and_edition(onto: Ontology) -> None:
    b, n = build_valid(onto)
    b.g.remove((n["ed22"], STKG.hasFieldVersion, n["fv22"]))
    b.g.remove((n["fv22"], STKG.versionOf, None))
    report = validate_instances(b.g)
    paths = {v.path for v in report.violations if v.focus_node == str(n["fv22"])}
    assert str(STKG.versionOf) in paths
    assert len(paths) == 2  # the inverse path has no IRI of its own


def test_edition_years_in_order(onto: Ontology) -> None:
    b, n = build_valid(onto)
    b.g.set((n["ed21"], STKG.endYear, Literal(2020)))
    report = validate_instances(b.g)
    assert focus_nodes(report) == {str(n["ed21"])}


@pytest.mark.parametrize(
    ("office", "number", "conforms"),
    [
        ("KR", "10-2021-0123456", True),
        ("KR", "20-2021-0004567", True),  # utility model
        ("KR", "30-2021-0001234", False),  # a design
        ("KR", "1020210123456", False),  # not the normal form
        ("US", "17123456", True),
        ("US", "17/123,456", False),
        ("JP", "2021-098765", True),
        ("CN", "202110987654.3", True),
        ("EP", "21765432", True),
        ("EP", "10-2021-0123456", False),  # another office's number
    ],
)
def test_an_application_number_is_written_as_its_office_writes_it(
    onto: Ontology, office: str, number: str, conforms: bool
) -> None:
    b, _ = build_valid(onto)
    patent = b.node(
        "Patent", f"{office}:{number}", name="공구 거치대", office=office, applicationNumber=number
    )
    report = validate_instances(b.g)
    hits = [v for v in report.violations if v.focus_node == str(patent)]
    assert report.conforms is conforms, report.text
    assert all("as its office writes it" in v.message for v in hits) and bool(hits) != conforms
