"""Fixtures for the ontology tests: the seeds folder and small Turtle files in tmp_path."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The shared seeds beside the repository, or ``STKG_SEEDS_DIR``."""
    override = os.environ.get("STKG_SEEDS_DIR")
    # tests/ontology/conftest.py -> parents[2] is the repo root; shared/ sits beside it
    path = Path(override) if override else Path(__file__).resolve().parents[3] / "shared" / "seeds"
    if not (path / "expected.json").is_file():
        pytest.fail(f"seed folder not found: {path} (set STKG_SEEDS_DIR)")
    return path


PREFIXES = """@prefix stkg: <https://w3id.org/stkg/ontology#> .
@prefix stkgv: <https://w3id.org/stkg/vocab/> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dct: <http://purl.org/dc/terms/> .
"""

#: A tiny ontology that lints clean; lint tests break it one way at a time.
MINIMAL = (
    PREFIXES
    + """
stkg:key a owl:AnnotationProperty ; rdfs:label "키"@ko , "key"@en ; skos:definition "Key."@en .
stkg:idPrefix a owl:AnnotationProperty ;
    rdfs:label "접두어"@ko , "id prefix"@en ; skos:definition "Prefix."@en .
stkg:vocabulary a owl:AnnotationProperty ;
    rdfs:label "어휘"@ko , "vocabulary"@en ; skos:definition "Vocabulary."@en .

stkg:Entity a owl:Class ;
    rdfs:label "개체"@ko , "entity"@en ;
    skos:definition "Root."@en ;
    stkg:key stkg:id .

stkg:Thing a owl:Class ;
    rdfs:subClassOf stkg:Entity ;
    rdfs:label "사물"@ko , "thing"@en ;
    skos:definition "A thing."@en ;
    stkg:idPrefix "thing" .

stkg:id a owl:DatatypeProperty ;
    rdfs:label "식별자"@ko , "identifier"@en ;
    skos:definition "The id."@en ;
    rdfs:domain stkg:Entity ;
    rdfs:range xsd:string .

stkg:colour a owl:DatatypeProperty ;
    rdfs:label "색"@ko , "colour"@en ;
    skos:definition "The colour."@en ;
    rdfs:domain stkg:Thing ;
    rdfs:range xsd:string ;
    stkg:vocabulary stkgv:colour .

stkg:relatedTo a owl:ObjectProperty ;
    rdfs:label "관련"@ko , "related to"@en ;
    skos:definition "Related."@en ;
    rdfs:domain stkg:Thing ;
    rdfs:range stkg:Thing .

stkgv:colour a skos:ConceptScheme ; skos:prefLabel "색"@ko , "colours"@en ;
    rdfs:label "색 어휘"@ko , "colours vocabulary"@en .
<https://w3id.org/stkg/vocab/colour/red> a skos:Concept ;
    skos:inScheme stkgv:colour ; skos:notation "red" ;
    skos:prefLabel "빨강"@ko , "red"@en ; rdfs:label "빨강"@ko , "red"@en .
"""
)


@pytest.fixture
def write_ttl(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write Turtle text to ``tmp_path/name`` and return the path."""

    def write(text: str, name: str = "onto.ttl") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def minimal_ttl() -> str:
    """Turtle text of a tiny ontology that lints clean."""
    return MINIMAL


@pytest.fixture
def ttl_prefixes() -> str:
    """The prefix lines the small test files share."""
    return PREFIXES
