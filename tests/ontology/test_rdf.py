"""RDF export and import: stable IRIs, typed literals, reified relationship properties,
SHACL before writing, and an export → wipe → import → export round trip."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

import pytest
from rdflib import RDF, Literal, URIRef
from rdflib import Graph as RdfGraph
from rdflib import namespace as rdfns
from rdflib.compare import isomorphic
from sync_helpers import counts, synthetic

from stkg.graph.driver import Graph
from stkg.graph.rdf import (
    RdfError,
    ShapeViolations,
    UnknownRdfTerm,
    export_batches,
    export_graph,
    import_rdf,
    read_rdf_file,
    validate_graph,
    write_export,
)
from stkg.graph.wipe import wipe
from stkg.ontology.ids import instance_iri
from stkg.ontology.model import STKG, Ontology, load_ontology


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return load_ontology()


@pytest.fixture
def filled(graph: Graph, onto: Ontology) -> Graph:
    gen = synthetic()
    gen.write(graph, onto, gen.generate(12, products=2))
    return graph


def _iri(tid: str) -> URIRef:
    return URIRef(instance_iri(tid))


def test_round_trip_is_isomorphic(filled: Graph, onto: Ontology) -> None:
    first = export_graph(filled, onto)
    nodes, rels = counts(filled)
    assert len(first) > 5 * nodes
    wipe(filled)
    stats = import_rdf(filled, onto, first)
    assert (stats.nodes_created, stats.relationships_created) == (nodes, rels)
    second = export_graph(filled, onto)
    assert isomorphic(first, second)


def test_literals_are_typed_by_range(filled: Graph, onto: Ontology) -> None:
    g = export_graph(filled, onto)
    field = _iri("field:드론00003")
    assert (field, RDF.type, STKG.StrategicField) in g
    assert (field, STKG.name, Literal("드론·개인이동수단 00003")) in g
    assert set(g.objects(field, STKG.aliases)) == {Literal("드론3"), Literal("UAV-3")}
    funding = _iri("funding:드론00003")
    assert g.value(funding, STKG.amountKrw) == Literal("1000000003", datatype=rdfns.XSD.long)
    analysis = _iri("patentanalysis:드론00003")
    share = g.value(analysis, STKG.applicationShare)
    assert share.datatype == rdfns.XSD.decimal and share.toPython() == Decimal("0.55")
    assert g.value(analysis, STKG.isCore) == Literal(True)
    assert g.value(analysis, STKG.computedAt).datatype == rdfns.XSD.dateTime
    patent = _iri("patent:KR:10-2020-0000003")
    assert g.value(patent, STKG.filingDate) == Literal(
        "2020-04-04T00:00:00", datatype=rdfns.XSD.dateTime
    )


def test_relationship_properties_are_reified(filled: Graph, onto: Ontology) -> None:
    g = export_graph(filled, onto)
    old, new = _iri("fieldversion:드론00001@2021"), _iri("fieldversion:드론00001@2022")
    assert (old, STKG.succeededBy, new) in g
    stmts = list(g.subjects(RDF.subject, old))
    stmt = next(s for s in stmts if g.value(s, RDF.predicate) == STKG.succeededBy)
    assert g.value(stmt, RDF.object) == new
    assert g.value(stmt, STKG.changeKind) == Literal("unchanged")
    assert set(g.objects(stmt, STKG.evidence)) == {
        Literal("evidence:00001@span"),
        Literal("evidence:shared"),
    }


def test_export_streams_in_pages(filled: Graph, onto: Ontology) -> None:
    pages = list(export_batches(filled, onto, batch_size=25))
    assert len(pages) > 3
    whole = RdfGraph()
    for page in pages:
        whole += page
    assert isomorphic(whole, export_graph(filled, onto))


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld"])
def test_serialised_formats_read_back(
    filled: Graph, onto: Ontology, fmt: str, tmp_path: Any
) -> None:
    path = tmp_path / f"graph.{fmt}"
    with path.open("wb") as stream:
        stats = write_export(filled, onto, stream, fmt)
    assert stats.nodes == counts(filled)[0]
    assert isomorphic(read_rdf_file(path), export_graph(filled, onto))


def test_label_export_types_neighbours(filled: Graph, onto: Ontology) -> None:
    g = export_graph(filled, onto, label="FieldVersion")
    typed = set(g.subjects(RDF.type, STKG.FieldVersion))
    assert len(typed) == 24
    assert not list(g.subjects(STKG.name, Literal("제품 0-0")))  # products are context only
    assert (_iri("edition:sme-2021"), RDF.type, STKG.RoadmapEdition) in g


def test_validate_graph_names_the_node(filled: Graph, onto: Ontology) -> None:
    report, checked = validate_graph(filled, onto)
    assert report.conforms and checked == counts(filled)[0]
    filled.write(
        "MATCH (n:PatentAnalysis {id: 'patentanalysis:드론00002'}) SET n.applicationShare = 150.0"
    )
    filled.write(
        "MATCH (:FieldVersion {id: 'fieldversion:드론00004@2022'})-[r:VERSION_OF]->() DELETE r"
    )
    report, _ = validate_graph(filled, onto)
    bad = {v.focus_node for v in report.violations}
    assert bad == {
        instance_iri("patentanalysis:드론00002"),
        instance_iri("fieldversion:드론00004@2022"),
    }
    only_fv, checked = validate_graph(filled, onto, label="FieldVersion")
    assert checked == 24
    assert {v.focus_node for v in only_fv.violations} == {
        instance_iri("fieldversion:드론00004@2022")
    }


def _exported_then_wiped(graph: Graph, onto: Ontology) -> RdfGraph:
    data = export_graph(graph, onto)
    wipe(graph)
    return data


def test_import_refuses_shape_violations(filled: Graph, onto: Ontology) -> None:
    data = _exported_then_wiped(filled, onto)
    fv = _iri("fieldversion:드론00005@2021")
    data.remove((fv, STKG.versionOf, None))
    with pytest.raises(ShapeViolations) as info:
        import_rdf(filled, onto, data, source="bad.ttl")
    assert str(fv) in str(info.value) and "bad.ttl" in str(info.value)
    assert counts(filled) == (0, 0)


@pytest.mark.parametrize(
    ("triple", "expected"),
    [
        ((STKG.Spaceship, None), "Spaceship"),
        ((None, URIRef("http://example.org/colour")), "colour"),
        ((None, STKG.amountKrw), "amountKrw"),  # exists, but not on strategic fields
    ],
)
def test_import_refuses_unknown_terms(
    filled: Graph, onto: Ontology, triple: tuple[Any, Any], expected: str
) -> None:
    data = _exported_then_wiped(filled, onto)
    subject = _iri("field:드론00001")
    cls, prop = triple
    if cls is not None:
        data.add((subject, RDF.type, cls))
    else:
        data.add((subject, prop, Literal("x")))
    with pytest.raises((UnknownRdfTerm, ShapeViolations)) as info:
        import_rdf(filled, onto, data)
    assert str(subject) in str(info.value) and expected in str(info.value)
    assert counts(filled) == (0, 0)


def test_import_refuses_dangling_relationship(filled: Graph, onto: Ontology) -> None:
    data = _exported_then_wiped(filled, onto)
    data.add((_iri("field:드론00001"), STKG.linkedProgramme, _iri("programme:없는사업")))
    with pytest.raises(RdfError, match="programme"):
        import_rdf(filled, onto, data)
    assert counts(filled) == (0, 0)


def test_bad_turtle_names_file_and_line(tmp_path: Any) -> None:
    path = tmp_path / "broken.ttl"
    path.write_text('@prefix stkg: <https://w3id.org/stkg/ontology#> .\n<a> stkg:name "x"\n<b> .\n')
    with pytest.raises(Exception, match=r"broken\.ttl:3"):
        read_rdf_file(path)


def test_unknown_label_is_refused(filled: Graph, onto: Ontology) -> None:
    with pytest.raises(RdfError, match="Widget"):
        export_graph(filled, onto, label="Widget")
    out = io.BytesIO()
    with pytest.raises(RdfError, match="format"):
        write_export(filled, onto, out, "xml")


def test_whole_days_read_back_in_both_forms() -> None:
    """Day-precision values are written as midnight xsd:dateTime (OWL 2 DL has no xsd:date);
    the bare date of exports and backups made before still reads back."""
    import datetime as dt

    from stkg.graph.rdf import _day

    assert _day("2017-07-26T00:00:00") == _day("2017-07-26") == dt.date(2017, 7, 26)
    for bad in ("2017-07-26T10:00:00", "2017-07-26T00:00:00+09:00"):
        with pytest.raises(ValueError, match="whole day"):
            _day(bad)
