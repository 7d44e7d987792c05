"""The field's own tools on the ontology and on exported data: Apache Jena (riot, SHACL)
and ROBOT (OWL 2 DL profile, HermiT, ELK, report), fetched from Maven Central like Neo4j."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Literal
from sync_helpers import synthetic
from test_shapes import build_valid

from stkg.graph.driver import Graph
from stkg.graph.rdf import export_graph
from stkg.ontology import owltools
from stkg.ontology.model import ONTOLOGY_DIR, STKG, Ontology, load_ontology, parse_turtle
from stkg.ontology.shacl import validate_instances


@pytest.fixture(scope="module")
def tools() -> owltools.Tools:
    return owltools.ensure_tools()


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return load_ontology()


def test_shipped_files_pass_every_check(tools: owltools.Tools) -> None:
    checks = owltools.run_checks(tools)
    failed = [f"{c}\n{c.output[-2000:]}" for c in checks if not c.ok]
    assert not failed, "\n".join(failed)
    names = " | ".join(c.name for c in checks)
    for part in ("riot", "shacl", "DL profile reference.ttl", "HermiT", "ELK", "report"):
        assert part in names
    assert all(v == 0 for c in checks for v in c.counts.values()), [str(c) for c in checks]


def test_riot_counts_warnings(tools: owltools.Tools, tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix ex: <http://example.org/> .\n"
        'ex:a ex:n "abc"^^<http://www.w3.org/2001/XMLSchema#integer> .\n',
        encoding="utf-8",
    )
    check = owltools.riot_validate(tools, bad)
    assert not check.ok and check.counts["warnings"] == 1, check.output


def test_xsd_date_range_fails_the_dl_profile(tools: owltools.Tools, tmp_path: Path) -> None:
    text = (ONTOLOGY_DIR / "stkg.ttl").read_text(encoding="utf-8")
    broken = tmp_path / "stkg.ttl"
    broken.write_text(
        text.replace(
            "rdfs:range xsd:dateTime ;\n    stkg:dayPrecision true ;", "rdfs:range xsd:date ;"
        ),
        encoding="utf-8",
    )
    check = owltools._profile(tools, str(broken))
    assert not check.ok and check.counts["violations"] >= 1, check.output
    assert "xsd:date" in check.output


def test_hermit_finds_a_product_typed_as_organization(
    tools: owltools.Tools, tmp_path: Path
) -> None:
    data = tmp_path / "data.ttl"
    data.write_text(
        "@prefix stkg: <https://w3id.org/stkg/ontology#> .\n"
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "<https://w3id.org/stkg/test> a owl:Ontology ;\n"
        "    owl:imports <https://w3id.org/stkg/ontology> .\n"
        "<https://w3id.org/stkg/id/product:x> a owl:NamedIndividual ,\n"
        "    stkg:StrategicProduct , stkg:Organization .\n",
        encoding="utf-8",
    )
    check = owltools._reason(tools, "HermiT", str(data))
    assert not check.ok and check.counts["inconsistent"] == 1, check.output


def test_jena_and_pyshacl_agree(tools: owltools.Tools, onto: Ontology) -> None:
    b, n = build_valid(onto)
    b.g.add((n["field"], STKG.nmae, Literal("드론")))  # misspelt
    b.g.add((n["product"], RDF.type, STKG.Organization))  # two kinds
    b.g.add((n["funding"], STKG.amountKrw, Literal(-5)))  # hand-written rule
    ours = {v.focus_node for v in validate_instances(b.g).violations}
    check, jena = owltools.jena_shacl(tools, b.g)  # the data alone, no class hierarchy
    assert not check.ok
    assert jena == ours == {str(n["field"]), str(n["product"]), str(n["funding"])}


def test_export_parses_in_jena_and_conforms(
    tools: owltools.Tools, graph: Graph, onto: Ontology, tmp_path: Path
) -> None:
    gen = synthetic()
    gen.write(graph, onto, gen.generate(12, products=2))
    exported = export_graph(graph, onto)
    assert validate_instances(exported).conforms
    out = tmp_path / "export.ttl"
    exported.serialize(destination=str(out), format="turtle", encoding="utf-8")
    check = owltools.riot_validate(tools, out)
    assert check.ok, check.output
    data = exported + parse_turtle(ONTOLOGY_DIR / "stkg.ttl")
    shacl, focus = owltools.jena_shacl(tools, data)
    assert shacl.ok and not focus, shacl.output[-3000:]
