"""The graph of the real corpus (reference data synced, samples and seeds ingested) exports
to RDF that Jena parses without a warning and that the generated closed shapes accept, in
pyshacl and in Jena: no property outside its class's domain, no node of two kinds, every
datatype and vocabulary value as the ontology says.

(The hand-written rules of shapes.ttl are not asserted here: extraction still leaves some
products without a field, fundings without a target and the like; `stkg validate` lists
them.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from stkg.graph.driver import Graph
from stkg.graph.rdf import export_graph
from stkg.graph.schema import sync
from stkg.ingest.files import expand_paths, ingest_paths
from stkg.ontology import owltools
from stkg.ontology.closedshapes import CLOSED_SHAPES
from stkg.ontology.model import ONTOLOGY_DIR, Ontology, load_ontology, parse_turtle
from stkg.ontology.shacl import validate_instances

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SEEDS = ("000_f874dc3d0926f1b7.txt", "004_2e30ccd89939a41a.txt")


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return load_ontology()


def test_ingested_corpus_fits_the_closed_shapes(
    graph: Graph, onto: Ontology, seeds_dir: Path, tmp_path: Path
) -> None:
    sync(graph)
    corpus = [seeds_dir / name for name in SEEDS] + expand_paths([SAMPLES])
    result = ingest_paths(corpus, graph, onto)
    assert not result.failed, result.failed
    exported = export_graph(graph, onto)
    assert len(exported) > 1000
    schema = ONTOLOGY_DIR / "stkg.ttl"
    report = validate_instances(exported, [schema, CLOSED_SHAPES])
    assert report.conforms, "\n".join(map(str, report.violations[:30]))

    tools = owltools.ensure_tools()
    out = tmp_path / "corpus.ttl"
    exported.serialize(destination=str(out), format="turtle", encoding="utf-8")
    riot = owltools.riot_validate(tools, out)
    assert riot.ok, riot.output[-3000:]
    shacl, focus = owltools.jena_shacl(
        tools, exported + parse_turtle(schema), shapes=parse_turtle(CLOSED_SHAPES)
    )
    assert shacl.ok and not focus, shacl.output[-3000:]
