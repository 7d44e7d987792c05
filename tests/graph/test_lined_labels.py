"""Which nodes can have a line of succession, read from the ontology.

The API asks the graph for the name in use on a day only about nodes that can have a line
(``stkg.graph.cypher.asof.lined_labels``); a walk of products and technologies never asks.
This checks that set against the TTL read directly with rdflib, so a maintainer who gives
another class a validity interval or a predecessor gets its names dated without a code
change.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Namespace
from rdflib.namespace import RDFS

from stkg.graph.cypher.asof import lined_labels

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology" / "stkg.ttl"
STKG = Namespace("https://w3id.org/stkg/ontology#")


def _domains(g: Graph, *props: str) -> set[str]:
    out: set[str] = set()
    for p in props:
        for d in g.objects(STKG[p], RDFS.domain):
            out.add(str(d).rsplit("/", 1)[-1].rsplit("#", 1)[-1])
    return out


def test_lined_labels_are_the_domains_of_succession_and_validity() -> None:
    g = Graph().parse(ONTOLOGY)
    expected = _domains(g, "predecessorOf", "validFrom", "validUntil")
    assert expected, "the ontology declares no domain for succession or validity"
    assert lined_labels() == frozenset(expected)


def test_products_and_technologies_have_no_line() -> None:
    assert {"StrategicProduct", "CoreTechnology", "Programme"}.isdisjoint(lined_labels())
