"""`stkg ontology diff`: what sync would change, and what the graph holds beyond the ontology."""

# Uses a throwaway test ontology with its own terms (schema-names: ignore).

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sync_helpers import all_schema, counts, ontology_copy

from stkg.graph.driver import Graph
from stkg.graph.schema import load_checked, plan_sync, sync
from stkg.ontology.model import Ontology, load_ontology


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return load_ontology()


@pytest.fixture
def synced(graph: Graph) -> Graph:
    sync(graph)
    return graph


def test_no_difference_after_sync(synced: Graph, onto: Ontology) -> None:
    plan = plan_sync(synced, onto)
    assert not plan.changes
    assert plan.lines() == []
    assert plan.undefined == {}


def test_undefined_labels_types_and_keys_are_counted(synced: Graph, onto: Ontology) -> None:
    synced.write(
        "CREATE (a:Entity:Widget {id: 'widget:1', colourCode: 'red'}), "
        "(b:Entity:Widget {id: 'widget:2'}), (a)-[:WIRED_TO {strength: 2}]->(b)"
    )
    before = counts(synced)
    plan = plan_sync(synced, onto)
    assert plan.undefined["labels"] == {"Widget": 2}
    assert plan.undefined["relationship types"] == {"WIRED_TO": 1}
    assert plan.undefined["property keys"] == {"colourCode": 1, "strength": 1}
    assert any("Widget: 2" in line for line in plan.lines())
    assert counts(synced) == before


def test_missing_constraint_and_changed_schema_node(synced: Graph, onto: Ontology) -> None:
    # a schema statement cannot share a transaction with the graph version's update
    synced.driver.execute_query("DROP CONSTRAINT stkg_Patent_id", database_=synced.database)
    synced.write(
        "MATCH (c:OntologyClass {name: 'Patent'}) SET c.labelKo = '틀린 이름' "
        "WITH 1 AS x MATCH (:OntologyClass {name: 'Theme'})-[r:SUBCLASS_OF]->() DELETE r"
    )
    plan = plan_sync(synced, onto)
    assert [o.name for o in plan.create] == ["stkg_Patent_id"]
    assert plan.schema_nodes_changed == ["https://w3id.org/stkg/ontology#Patent"]
    assert plan.schema_rels_added == 1
    data = json.loads(json.dumps(plan.to_json(), default=str))
    assert data["constraintsAndIndexes"]["create"][0]["label"] == "Patent"
    sync(synced)
    assert not plan_sync(synced, onto).changes


def test_instance_impact_of_renamed_and_removed_terms(
    synced: Graph, onto: Ontology, tmp_path: Path
) -> None:
    gadget = """
stkg:Gadget a owl:Class ; rdfs:subClassOf stkg:Entity ; stkg:idPrefix "gadget" ;
    rdfs:label "기기"@ko , "gadget"@en ; skos:definition "A test gadget."@en .
stkg:wiredTo a owl:ObjectProperty ; rdfs:domain stkg:Gadget ; rdfs:range stkg:Gadget ;
    rdfs:label "배선"@ko , "wired to"@en ; skos:definition "Wired."@en .
"""
    with_gadget = ontology_copy(tmp_path, gadget)
    sync(synced, with_gadget)
    synced.write(
        "CREATE (a:Entity:Gadget {id: 'gadget:1'}), (b:Entity:Gadget {id: 'gadget:2'}), "
        "(c:Entity:Gadget {id: 'gadget:3'}), (a)-[:WIRED_TO]->(b)"
    )
    before = (counts(synced), all_schema(synced))
    plan = plan_sync(synced, onto)  # the shipped ontology no longer has the terms
    impact = {(m.kind, m.old): m.count for m in plan.migrations if m.action == "removed"}
    assert impact == {("label", "Gadget"): 3, ("type", "WIRED_TO"): 1}
    assert "stkg_Gadget_id" in {o.name for o in plan.drop}
    assert (counts(synced), all_schema(synced)) == before
    # against the ontology that still has them, nothing is undefined
    assert plan_sync(synced, load_checked(with_gadget)).undefined == {}
