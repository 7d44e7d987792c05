"""FactWriter.write_documents: a bulk write, one transaction per document, stops at a failure."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from neo4j.exceptions import CypherTypeError

from stkg.graph.driver import Graph
from stkg.graph.facts import EvidenceRef, FactSet
from stkg.graph.writer import FactWriter
from stkg.ontology.model import load_ontology


def _doc(n: int) -> dict[str, Any]:
    return {"id": f"document:bulk{n}", "sha256": f"{n:064d}", "origin": f"memory/bulk{n}.csv"}


def _facts(n: int) -> FactSet:
    facts = FactSet()
    facts.node("CoreTechnology", f"coretech:t{n}", name=f"기술{n}")
    for i in range(3):
        facts.node("Patent", f"patent:KR:{n}-{i}", office="KR", citationCount=i)
        facts.rel("hasPatent", f"coretech:t{n}", f"patent:KR:{n}-{i}")
    return facts


def _count(graph: Graph, cypher: str) -> int:
    return int(graph.read(cypher)[0]["n"])


def test_every_document_is_written_in_order(graph: Graph) -> None:
    writer = FactWriter(graph, load_ontology())
    summaries = list(writer.write_documents((_doc(n), _facts(n)) for n in range(4)))
    assert [s.document_id for s in summaries] == [f"document:bulk{n}" for n in range(4)]
    assert all(not s.skipped and s.nodes_created == 5 for s in summaries)  # doc + tech + 3
    assert (
        _count(graph, "MATCH (:CoreTechnology)-[:HAS_PATENT]->(p:Patent) RETURN count(p) AS n")
        == 12
    )
    # the same documents again: skipped, nothing changes
    again = list(writer.write_documents((_doc(n), _facts(n)) for n in range(4)))
    assert all(s.skipped for s in again)


def test_a_failing_document_stops_the_load_and_keeps_the_ones_before(graph: Graph) -> None:
    writer = FactWriter(graph, load_ontology())

    def documents() -> Iterator[tuple[dict[str, Any], FactSet]]:
        yield _doc(0), _facts(0)
        bad = _facts(1)
        bad.node("Sector", "sector:bad", name={"a map": "is not a property value"})
        yield _doc(1), bad
        yield _doc(2), _facts(2)

    written = []
    with pytest.raises(CypherTypeError):
        for summary in writer.write_documents(documents()):
            written.append(summary.document_id)
    assert written == ["document:bulk0"]
    assert _count(graph, "MATCH (d:SourceDocument) RETURN count(d) AS n") == 1
    assert _count(graph, "MATCH (p:Patent) RETURN count(p) AS n") == 3


def test_evidence_is_listed_only_on_relationships_that_have_some(graph: Graph) -> None:
    writer = FactWriter(graph, load_ontology())
    facts = _facts(0)
    ev = EvidenceRef(quote="기술0", start=0, end=3)
    facts.node("StrategicProduct", "product:p", ev, name="p")
    facts.rel("hasCoreTechnology", "product:p", "coretech:t0", ev)
    writer.write_document(_doc(0), facts)
    rows = graph.read(
        "MATCH ()-[r]->() WHERE type(r) IN ['HAS_PATENT', 'HAS_CORE_TECHNOLOGY'] "
        "RETURN type(r) AS type, r.evidence AS evidence"
    )
    by_type = {r["type"]: r["evidence"] for r in rows}
    assert by_type["HAS_PATENT"] is None  # no evidence: no property written
    assert len(by_type["HAS_CORE_TECHNOLOGY"]) == 1


def test_links_to_nodes_written_elsewhere_are_merged_with_their_node(graph: Graph) -> None:
    writer = FactWriter(graph, load_ontology())
    skeleton = FactSet()
    skeleton.node("CoreTechnology", "coretech:there", name="있는 기술")
    skeleton.node("Organization", "organization:there", name="출원인")
    writer.write_document(_doc(0), skeleton)
    facts = FactSet()  # patents only: both other ends were written by another document
    for i in range(2):
        facts.node("Patent", f"patent:KR:l-{i}", office="KR")
        facts.rel("hasPatent", "coretech:there", f"patent:KR:l-{i}")
        facts.rel("appliedBy", f"patent:KR:l-{i}", "organization:there")
    facts.rel("appliedBy", "patent:KR:l-0", "organization:absent")  # no such node: no link
    summary = writer.write_document(_doc(1), facts)
    assert summary.relationships_created == 4
    assert (
        _count(
            graph,
            "MATCH (:CoreTechnology {id: 'coretech:there'})-[r:HAS_PATENT]->(:Patent) RETURN count(r) AS n",
        )
        == 2
    )
    assert (
        _count(
            graph,
            "MATCH (:Patent)-[r:APPLIED_BY]->(:Organization {id: 'organization:there'}) RETURN count(r) AS n",
        )
        == 2
    )
    assert _count(graph, "MATCH (n {id: 'organization:absent'}) RETURN count(n) AS n") == 0
    # written again (forced): MERGE, not CREATE
    assert writer.write_document(_doc(1), facts, force=True).relationships_created == 0
