"""Closed shapes catch a misspelt property and a node of two kinds; the generated file is
current; the owl:imports resolve offline through catalog-v001.xml; OWL 2 DL datatypes."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import OWL, RDF, SH, Literal, URIRef
from test_shapes import build_valid

from stkg.ontology.closedshapes import CLOSED_SHAPES, render
from stkg.ontology.lint import validate_paths
from stkg.ontology.model import (
    ONTOLOGY_DIR,
    STKG,
    STKGSH,
    Ontology,
    default_paths,
    load_graph,
    load_ontology,
    parse_turtle,
)
from stkg.ontology.shacl import validate_instances

WriteTtl = Callable[..., Path]
CATALOG = ONTOLOGY_DIR / "catalog-v001.xml"


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return load_ontology()


def test_generated_file_is_current(onto: Ontology) -> None:
    assert CLOSED_SHAPES.read_text(encoding="utf-8") == render(onto), (
        "closed-shapes.ttl is out of date: run python -m stkg.ontology.closedshapes"
    )


def test_every_property_has_a_shape(onto: Ontology) -> None:
    closed = parse_turtle(CLOSED_SHAPES)
    paths = {str(p) for p in closed.objects(None, SH.path)}
    node_props = {p.iri for p in onto.datatype_properties.values() if p.domain}
    assert node_props <= paths
    assert {p.iri for p in onto.object_properties.values()} <= paths
    # relationship properties: the hand-written shapes on the exported rdf:Statements
    hand = parse_turtle(ONTOLOGY_DIR / "shapes.ttl")
    on_statements = {str(p) for p in hand.objects(None, SH.path)}
    rel_props = {p.iri for p in onto.datatype_properties.values() if p.on_relationship}
    assert rel_props <= on_statements, rel_props - on_statements


def test_misspelt_property_is_caught(onto: Ontology) -> None:
    b, n = build_valid(onto)
    assert validate_instances(b.g).conforms
    b.g.add((n["field"], STKG.nmae, Literal("드론")))  # name, misspelt
    report = validate_instances(b.g)
    assert not report.conforms
    assert any(
        v.focus_node == str(n["field"]) and v.path == str(STKG.nmae) for v in report.violations
    ), report.text


def test_property_of_another_class_is_caught(onto: Ontology) -> None:
    b, n = build_valid(onto)
    b.g.add((n["mss"], STKG.productCount, Literal(3)))  # an edition's property
    report = validate_instances(b.g)
    assert not report.conforms
    assert {v.focus_node for v in report.violations} == {str(n["mss"])}


def test_product_typed_as_organization_is_caught(onto: Ontology) -> None:
    b, n = build_valid(onto)
    b.g.add((n["product"], RDF.type, STKG.Organization))
    report = validate_instances(b.g)
    assert not report.conforms
    assert str(n["product"]) in {v.focus_node for v in report.violations}


def test_entity_shape_names_every_entity_class(onto: Ontology) -> None:
    g = parse_turtle(ONTOLOGY_DIR / "shapes.ttl")
    targets = {str(c) for c in g.objects(STKGSH.EntityShape, SH.targetClass)}
    assert targets == {c.iri for c in onto.classes.values() if not c.is_meta}


@pytest.mark.parametrize("bad", ["none", "misspelt", "two kinds", "negative amount", "no id"])
def test_shapes_need_no_class_hierarchy(onto: Ontology, bad: str) -> None:
    """The shapes give the same verdict on the data alone as with stkg.ttl mixed in."""
    b, n = build_valid(onto)
    if bad == "misspelt":
        b.g.add((n["field"], STKG.nmae, Literal("드론")))
    elif bad == "two kinds":
        b.g.add((n["product"], RDF.type, STKG.Organization))
    elif bad == "negative amount":
        b.g.set((n["funding"], STKG.amountKrw, Literal(-5)))
    elif bad == "no id":
        b.g.remove((n["task"], STKG.id, None))
    shapes = [ONTOLOGY_DIR / "shapes.ttl", CLOSED_SHAPES]
    alone = validate_instances(b.g, shapes)
    merged = validate_instances(b.g, [ONTOLOGY_DIR / "stkg.ttl", *shapes])
    assert alone.conforms == merged.conforms == (bad == "none")
    assert {v.focus_node for v in alone.violations} == {v.focus_node for v in merged.violations}


def test_reference_individuals_still_conform() -> None:
    report = validate_instances(parse_turtle(ONTOLOGY_DIR / "reference.ttl"))
    assert report.conforms, report.text


# -- owl:imports and the catalog ------------------------------------------------------------


def _catalog() -> dict[str, Path]:
    ns = "{urn:oasis:names:tc:entity:xmlns:xml:catalog}"
    root = ET.parse(CATALOG).getroot()
    return {e.attrib["name"]: ONTOLOGY_DIR / e.attrib["uri"] for e in root.iter(f"{ns}uri")}


def test_catalog_maps_every_ontology_and_version_iri_to_its_file() -> None:
    catalog = _catalog()
    for path in default_paths():
        g = parse_turtle(path)
        for ont in g.subjects(RDF.type, OWL.Ontology):
            if path.name in ("shapes.ttl", "closed-shapes.ttl"):
                continue  # SHACL, not for OWL tools
            assert catalog.get(str(ont)) == path, ont
            version = g.value(ont, OWL.versionIRI)
            assert version is not None and catalog.get(str(version)) == path, ont


def test_every_import_resolves_offline_to_the_ontology_it_names() -> None:
    catalog = _catalog()
    imports = []
    for path in default_paths():
        g = parse_turtle(path)
        for _, target in g.subject_objects(OWL.imports):
            imports.append((path.name, str(target)))
            assert str(target) in catalog, f"{path.name} imports {target}, not in the catalog"
            file = catalog[str(target)]
            assert (URIRef(str(target)), RDF.type, OWL.Ontology) in parse_turtle(file)
    assert ("reference.ttl", "https://w3id.org/stkg/ontology") in imports


def test_loader_does_not_follow_imports(tmp_path: Path) -> None:
    """The loader reads the files it is given and nothing else (no web access)."""
    only = tmp_path / "reference.ttl"
    only.write_bytes((ONTOLOGY_DIR / "reference.ttl").read_bytes())
    g = load_graph([only])
    assert (None, RDF.type, OWL.NamedIndividual) in g
    assert (None, RDF.type, OWL.Class) not in g


# -- OWL 2 DL datatypes ---------------------------------------------------------------------


def test_xsd_date_is_reported_as_not_owl2(write_ttl: WriteTtl, minimal_ttl: str) -> None:
    text = minimal_ttl + (
        "\nstkg:born a owl:DatatypeProperty ;\n"
        '    rdfs:label "생일"@ko , "born"@en ;\n'
        '    skos:definition "x"@en ;\n'
        "    rdfs:domain stkg:Entity ;\n"
        "    rdfs:range xsd:date .\n"
    )
    issues = validate_paths([write_ttl(text)])
    assert [i.code for i in issues] == ["not-owl2-datatype"], issues


def test_xsd_date_literal_is_reported(write_ttl: WriteTtl, minimal_ttl: str) -> None:
    text = minimal_ttl + '\nstkg:Thing rdfs:comment "2020-01-01"^^xsd:date .\n'
    issues = validate_paths([write_ttl(text)])
    assert "not-owl2-datatype" in {i.code for i in issues}, issues
