"""The SHACL shapes of crosswalk mappings: ends, relation and change kind agree; a
reviewed mapping says who and when; values come from the vocabularies."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from rdflib import URIRef
from test_shapes import Builder, build_valid

from stkg.ontology.model import Ontology, load_ontology
from stkg.ontology.shacl import validate_instances


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return load_ontology()


def with_mapping(
    onto: Ontology, *, ends: tuple[bool, bool] = (True, True), **props: Any
) -> tuple[Builder, URIRef]:
    b, n = build_valid(onto)
    values: dict[str, Any] = {
        "mappingBasis": "proposed",
        "mappingRelation": "broadMatch",
        "mappingChange": "renamedAndRescoped",
        "mappingConfidence": Decimal("0.79"),
    }
    values.update(props)
    m = b.node("CrosswalkMapping", "드론@2021~드론개인이동수단@2022",
               **{k: v for k, v in values.items() if v is not None})  # fmt: skip
    if ends[0]:
        b.link(m, "mapsFrom", n["fv21"])
    if ends[1]:
        b.link(m, "mapsTo", n["fv22"])
    b.link(m, "fromEdition", n["ed21"])
    b.link(m, "toEdition", n["ed22"])
    return b, m


def violations(onto: Ontology, b: Builder, m: URIRef) -> list[str]:
    report = validate_instances(b.g)
    return [v.message for v in report.violations if v.focus_node == str(m)]


def test_a_proposed_mapping_with_both_ends_conforms(onto: Ontology) -> None:
    b, m = with_mapping(onto)
    assert violations(onto, b, m) == []


def test_a_dropped_field_has_a_source_and_no_relation(onto: Ontology) -> None:
    b, m = with_mapping(onto, ends=(True, False), mappingRelation=None, mappingChange="dropped")
    assert violations(onto, b, m) == []
    b, m = with_mapping(onto, ends=(True, True), mappingRelation=None, mappingChange="dropped")
    assert violations(onto, b, m)
    b, m = with_mapping(onto, ends=(False, True), mappingRelation=None, mappingChange="dropped")
    assert violations(onto, b, m)


def test_a_mapping_needs_a_relation_when_it_has_both_ends(onto: Ontology) -> None:
    b, m = with_mapping(onto, mappingRelation=None)
    assert violations(onto, b, m)


def test_a_reviewed_mapping_says_who_when_and_what(onto: Ontology) -> None:
    b, m = with_mapping(onto, mappingBasis="reviewed")
    assert violations(onto, b, m)
    b, m = with_mapping(
        onto,
        mappingBasis="reviewed",
        reviewDecision="corrected",
        reviewedBy="kim",
        reviewedAt=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    )
    assert violations(onto, b, m) == []


@pytest.mark.parametrize(
    ("prop", "value"),
    [("mappingBasis", "guessed"), ("mappingRelation", "sameAs"), ("mappingChange", "moved away"),
     ("mappingConfidence", Decimal("1.5"))],
)  # fmt: skip
def test_values_outside_the_vocabularies_are_rejected(
    onto: Ontology, prop: str, value: Any
) -> None:
    b, m = with_mapping(onto, **{prop: value})
    assert violations(onto, b, m)
