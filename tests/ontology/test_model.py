"""The shipped ontology loads into a complete, immutable model with the mapping rules."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

from stkg.ontology.errors import UnknownTerm
from stkg.ontology.ids import instance_iri
from stkg.ontology.model import (
    ONTOLOGY_DIR,
    Ontology,
    camel_to_upper_snake,
    default_paths,
    load_ontology,
)


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return load_ontology()


def test_shipped_files_and_version(onto: Ontology) -> None:
    names = {p.name for p in default_paths()}
    assert {"stkg.ttl", "vocab.ttl", "shapes.ttl", "reference.ttl"} <= names
    assert onto.version_iri == "https://w3id.org/stkg/ontology/0.1.0"


def test_default_load_is_cached(onto: Ontology) -> None:
    assert load_ontology() is onto
    fresh = load_ontology(default_paths())
    assert fresh is not onto
    assert fresh.classes == onto.classes


@pytest.mark.parametrize(
    "name",
    [
        "Entity", "Roadmap", "RoadmapEdition", "Sector", "StrategicField", "FieldVersion",
        "StrategicProduct", "CoreTechnology", "TechnologyClass", "Patent", "PatentAnalysis",
        "PromisingTask", "Organization", "Programme", "Funding", "Policy", "SourceDocument",
        "Evidence", "IngestRun", "StatedFigure", "AnalysisTopic", "OntologyClass",
        "OntologyProperty",
    ],
)  # fmt: skip
def test_required_classes_exist(onto: Ontology, name: str) -> None:
    assert onto.label(name) == name


def test_every_class_documented_in_both_languages(onto: Ontology) -> None:
    for c in onto.classes.values():
        assert c.labels.ko and c.labels.en, c.local_name
        assert c.definitions.en and c.definitions.ko, c.local_name


def test_every_property_documented_with_domain_and_range(onto: Ontology) -> None:
    for p in onto.object_properties.values():
        assert p.labels.ko and p.labels.en and p.definitions.en, p.local_name
        assert p.domain and p.range, p.local_name
        for c in (*p.domain, *p.range):
            assert c in onto.classes, (p.local_name, c)
    for d in onto.datatype_properties.values():
        assert d.labels.ko and d.labels.en and d.definitions.en, d.local_name
        assert d.domain or d.on_relationship, d.local_name
        assert d.range.startswith("http://www.w3.org/2001/XMLSchema#"), d.local_name


def test_entity_tree_and_meta_classes(onto: Ontology) -> None:
    for c in onto.classes.values():
        if c.is_meta:
            assert "SchemaTerm" in onto.ancestors(c.local_name)
            assert c.key == "iri"
        else:
            assert "Entity" in onto.ancestors(c.local_name), c.local_name
            assert c.key == "id"
    assert onto.cls("OntologyClass").is_meta
    assert not onto.cls("StrategicField").is_meta
    assert onto.labels_of("FieldVersion") == ("FieldVersion", "Entity")
    assert onto.rel("subclassOf") == "SUBCLASS_OF"
    assert {"HAS_DOMAIN", "HAS_RANGE"} <= onto.all_schema_names()


def test_id_prefixes_are_unique_and_resolvable(onto: Ontology) -> None:
    prefixes = [c.id_prefix for c in onto.classes.values() if c.id_prefix]
    assert len(prefixes) == len(set(prefixes))
    assert onto.class_for_prefix("fieldversion").local_name == "FieldVersion"
    assert onto.class_for_prefix("field").local_name == "StrategicField"
    with pytest.raises(UnknownTerm):
        onto.class_for_prefix("nosuch")


@pytest.mark.parametrize(
    ("camel", "snake"),
    [
        ("succeededBy", "SUCCEEDED_BY"),
        ("editionOf", "EDITION_OF"),
        ("hasCoreTechnology", "HAS_CORE_TECHNOLOGY"),
        ("hasIPCCode", "HAS_IPC_CODE"),
        ("supports", "SUPPORTS"),
        ("partOf2Things", "PART_OF2_THINGS"),
    ],
)
def test_camel_to_upper_snake(camel: str, snake: str) -> None:
    assert camel_to_upper_snake(camel) == snake


def test_lookups(onto: Ontology) -> None:
    assert onto.rel("succeededBy") == "SUCCEEDED_BY"
    assert onto.rel("belongsToField") == "BELONGS_TO_FIELD"
    assert onto.prop("productCount") == "productCount"
    assert onto.datatype_property("applicationShare").python_type is float
    assert onto.datatype_property("amountKrw").xsd == "long"
    assert not onto.datatype_property("aliases").functional
    assert onto.datatype_property("name").functional


def test_unknown_names_fail_loudly_with_a_hint(onto: Ontology) -> None:
    with pytest.raises(UnknownTerm, match="StrategicField"):
        onto.label("StrategicFeild")
    with pytest.raises(UnknownTerm):
        onto.rel("productCount")  # a datatype property is no relationship
    with pytest.raises(UnknownTerm):
        onto.prop("succeededBy")
    with pytest.raises(UnknownTerm):
        onto.vocab("colours")
    with pytest.raises(LookupError):
        onto.vocab("changeKind").concept("renamedd")


def test_relationship_properties(onto: Ontology) -> None:
    on_succ = {p.name for p in onto.relationship_properties("succeededBy")}
    assert {"changeKind", "changeNote", "evidence"} <= on_succ
    on_edition = {p.name for p in onto.relationship_properties("editionOf")}
    assert "evidence" in on_edition and "changeKind" not in on_edition
    assert "role" in {p.name for p in onto.relationship_properties("preparedBy")}
    assert onto.datatype_property("changeKind").vocabulary == "changeKind"


def test_node_properties_include_inherited(onto: Ontology) -> None:
    names = {p.name for p in onto.node_properties("FieldVersion")}
    assert {"id", "name", "productCount", "aliases"} <= names
    assert "applicationShare" not in names


def test_vocabularies(onto: Ontology) -> None:
    assert onto.vocab("changeKind").notations >= {
        "renamed", "rescoped", "moved", "merged", "split", "unchanged", "renamedAndRescoped",
    }  # fmt: skip
    assert onto.vocab("patentOffice").notations == {"KR", "US", "JP", "CN", "EP"}
    assert onto.vocab("koreaStrength").notations == {"strong", "weak"}
    assert onto.vocab("analysisKind").notations == {"published", "computed"}
    # a property name finds the vocabulary it draws on
    assert onto.vocab("office") is onto.vocab("patentOffice")
    kr = onto.vocab("patentOffice").concept("KR")
    assert kr.labels.ko == "한국"
    strong = onto.vocab("koreaStrength").concept("strong")
    assert ("强", "ko") in strong.alt_labels
    sector = onto.vocab("sector")
    assert {c.labels.ko for c in sector.concepts} >= {
        "4차산업혁명", "중소기업 성장기반", "지능형 서비스", "정보화 솔루션", "자동화 기기",
        "연결화 기기",
    }  # fmt: skip
    assert ("4IR", "en") in sector.concept("4ir").alt_labels
    demand = onto.vocab("productType").concept("demandSide")
    assert "현장수요형" in {t for t, _ in demand.alt_labels}
    for v in onto.vocabularies.values():
        for c in v.concepts:
            assert c.labels.ko and c.labels.en, c.iri


def test_reference_individuals(onto: Ontology) -> None:
    by_label = {i.labels.ko: i for i in onto.individuals}
    mss = by_label["중소벤처기업부"]
    assert "Organization" in mss.classes
    assert "중기부" in {t for t, _ in mss.alt_labels}
    assert mss.labels.en == "Ministry of SMEs and Startups"
    assert mss.id is not None and mss.iri == instance_iri(mss.id)
    smba = by_label["중소기업청"]
    assert smba.links["predecessorOf"] == (mss.iri,)
    assert "지재처" in {t for t, _ in by_label["지식재산처"].alt_labels}
    assert "TIPA" in {t for t, _ in by_label["중소기업기술정보진흥원"].alt_labels}
    assert "KISTA" in {t for t, _ in by_label["한국특허전략개발원"].alt_labels}
    for ind in onto.individuals:
        prefix = ind.id.split(":", 1)[0] if ind.id else None
        assert prefix and onto.class_for_prefix(prefix).local_name in ind.classes


def test_model_is_immutable(onto: Ontology) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(onto.cls("Patent"), "label", "Other")  # noqa: B010
    with pytest.raises(TypeError):
        onto.classes["Other"] = onto.cls("Patent")  # type: ignore[index,unused-ignore]


def test_all_schema_names(onto: Ontology) -> None:
    names = onto.all_schema_names()
    assert {"StrategicField", "SUCCEEDED_BY", "productCount", "changeKind", "Entity"} <= names
    assert "succeededBy" not in names
    assert len(names) == len(onto.classes) + len(onto.object_properties) + len(
        onto.datatype_properties
    )


def test_neo4j_name_override_and_deprecation(
    write_ttl: Callable[..., Path], minimal_ttl: str
) -> None:
    extra = """
stkg:neo4jName a owl:AnnotationProperty ;
    rdfs:label "이름"@ko , "neo4j name"@en ; skos:definition "Override."@en .
stkg:Gadget a owl:Class ; rdfs:subClassOf stkg:Entity ;
    rdfs:label "기기"@ko , "gadget"@en ; skos:definition "G."@en ; stkg:idPrefix "gadget" ;
    stkg:neo4jName "Device" .
stkg:linksTo a owl:ObjectProperty ; rdfs:label "연결"@ko , "links to"@en ;
    skos:definition "L."@en ; rdfs:domain stkg:Thing ; rdfs:range stkg:Thing ;
    stkg:neo4jName "LINK" .
stkg:nearTo a owl:ObjectProperty ; owl:deprecated true ; dct:isReplacedBy stkg:relatedTo ;
    rdfs:label "가까움"@ko , "near to"@en ; rdfs:domain stkg:Thing ; rdfs:range stkg:Thing .
stkg:hue a owl:DatatypeProperty ; owl:deprecated true ; dct:isReplacedBy stkg:colour ;
    rdfs:label "색조"@ko , "hue"@en ; rdfs:domain stkg:Thing ; rdfs:range xsd:string .
"""
    onto = load_ontology([write_ttl(minimal_ttl + extra)])
    assert onto.label("Gadget") == "Device"
    assert onto.rel("linksTo") == "LINK"
    assert onto.rel("relatedTo") == "RELATED_TO"
    assert onto.version_iri is None
    with pytest.raises(UnknownTerm, match="relatedTo"):
        onto.rel("nearTo")
    dep = onto.deprecated["nearTo"]
    assert (dep.kind, dep.name, dep.replaced_by, dep.replacement_name) == (
        "object",
        "NEAR_TO",
        "relatedTo",
        "RELATED_TO",
    )
    assert onto.deprecated["hue"].replacement_name == "colour"
    assert "NEAR_TO" not in onto.all_schema_names()


def test_package_dir_holds_readme_and_ttl() -> None:
    assert (ONTOLOGY_DIR / "README.md").is_file()
    assert all(p.parent == ONTOLOGY_DIR for p in default_paths())
