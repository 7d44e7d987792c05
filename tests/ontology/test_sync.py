"""`stkg ontology sync` against a real Neo4j: schema, schema nodes, reference data, migrations."""

# Uses a throwaway test ontology with its own terms (schema-names: ignore).

from __future__ import annotations

from pathlib import Path

import pytest
from sync_helpers import all_schema, counts, ontology_copy, stkg_schema

from stkg.graph.driver import Graph
from stkg.graph.fulltext import FULLTEXT_ANALYZER, fulltext_query
from stkg.graph.schema import (
    InvalidOntology,
    desired_schema_objects,
    drop_schema,
    existing_schema_objects,
    plan_sync,
    sync,
)
from stkg.ontology.model import Ontology, load_ontology

RENAMES = """
stkg:Agency a owl:Class ; owl:deprecated true ; dct:isReplacedBy stkg:Organization ;
    rdfs:subClassOf stkg:Entity ; rdfs:label "옛 기관"@ko , "agency"@en .
stkg:runBy a owl:ObjectProperty ; owl:deprecated true ; dct:isReplacedBy stkg:managedBy ;
    rdfs:label "옛 주관"@ko , "run by"@en ;
    rdfs:domain stkg:Programme ; rdfs:range stkg:Organization .
stkg:englishName a owl:DatatypeProperty ; owl:deprecated true ; dct:isReplacedBy stkg:nameEn ;
    rdfs:label "옛 영문명"@ko , "english name (old)"@en ;
    rdfs:domain stkg:Entity ; rdfs:range xsd:string .
stkg:legacyCode a owl:DatatypeProperty ; owl:deprecated true ;
    rdfs:label "옛 코드"@ko , "legacy code"@en ; rdfs:domain stkg:Entity ; rdfs:range xsd:string .
"""

GADGET = """
stkg:Gadget a owl:Class ; rdfs:subClassOf stkg:Entity ; stkg:idPrefix "gadget" ;
    rdfs:label "기기"@ko , "gadget"@en ; skos:definition "A test gadget."@en .
"""


@pytest.fixture
def clean(graph: Graph) -> Graph:
    """An empty graph; tests that need no stkg schema at all drop it themselves.

    Creating the ~65 constraints and indexes takes Neo4j a couple of seconds, so the other
    tests start from whatever schema the previous one left, which sync must cope with.
    """
    return graph


@pytest.fixture
def bare(graph: Graph) -> Graph:
    """An empty graph without any of stkg's constraints, indexes or schema nodes."""
    drop_schema(graph)
    return graph


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return load_ontology()


def _one(graph: Graph, query: str, **params: object) -> object:
    rows = graph.read(query, **params)  # type: ignore[arg-type]
    return next(iter(rows[0].values()))


def test_sync_builds_schema_and_is_idempotent(bare: Graph, onto: Ontology) -> None:
    clean = bare
    plan = sync(clean)
    assert plan.changes
    names = stkg_schema(clean)
    assert {o.name for o in desired_schema_objects(onto)} <= names
    assert {"stkg_Entity_id", "stkg_StrategicField_id", "stkg_OntologyClass_iri"} <= names
    assert {"stkg_SourceDocument_sha256", "stkg_SourceDocument_origin", "stkg_names"} <= names
    fulltext = next(o for o in existing_schema_objects(clean) if o.name == "stkg_names")
    assert fulltext.analyzer == FULLTEXT_ANALYZER
    assert set(fulltext.properties) >= {"name", "nameEn", "aliases"}

    classes = _one(clean, "MATCH (c:OntologyClass) RETURN count(c) AS c")
    assert classes == len(onto.classes)
    parent = _one(
        clean,
        "MATCH (:OntologyClass {name: 'FieldVersion'})-[:SUBCLASS_OF]->(p) RETURN p.name AS p",
    )
    assert parent == "Entity"
    domains = clean.read(
        "MATCH (p:OntologyProperty {name: 'SUCCEEDED_BY'})-[:HAS_DOMAIN|HAS_RANGE]->(c) "
        "RETURN DISTINCT c.name AS c"
    )
    assert [r["c"] for r in domains] == ["FieldVersion"]
    change_kind = clean.read(
        "MATCH (p:OntologyProperty {name: 'changeKind'})-[:APPLIES_TO_RELATIONSHIP]->(r), "
        "(p)-[:USES_VOCABULARY]->(v)<-[:IN_SCHEME]-(c:VocabularyConcept) "
        "RETURN DISTINCT r.name AS r, p.propertyKind AS kind, p.labelKo AS ko, count(c) AS n"
    )
    assert change_kind == [
        {"r": "SUCCEEDED_BY", "kind": "relationshipProperty", "ko": "변경 유형",
         "n": len(onto.vocab("changeKind").concepts)}
    ]  # fmt: skip
    predecessors = clean.read(
        "MATCH (a:Organization)-[:PREDECESSOR_OF]->(b:Organization) "
        "RETURN a.name AS a, b.name AS b ORDER BY a"
    )
    assert {"a": "특허청", "b": "지식재산처"} in predecessors
    assert {"a": "중소기업청", "b": "중소벤처기업부"} in predecessors
    sector = clean.read(
        "MATCH (s:Sector:Entity {id: 'sector:4ir'}) RETURN s.name AS n, s.notation AS c"
    )
    assert sector == [{"n": "4차산업혁명", "c": "4ir"}]

    before = (counts(clean), all_schema(clean))
    again = sync(clean)
    assert not again.changes, again.lines()
    assert (counts(clean), all_schema(clean)) == before


def test_dry_run_changes_nothing(bare: Graph) -> None:
    clean = bare
    before = (counts(clean), all_schema(clean))
    plan = sync(clean, dry_run=True)
    assert plan.create and plan.schema_nodes_added and plan.reference_added
    assert (counts(clean), all_schema(clean)) == before


def test_fulltext_finds_korean_and_english(clean: Graph) -> None:
    sync(clean)
    clean.write(
        "CREATE (:Entity:StrategicField {id: 'field:드론', name: '드론·개인이동수단'}), "
        "(:Entity:StrategicField {id: 'field:ai', name: '인공지능', "
        "nameEn: 'artificial intelligence'})"
    )
    clean.write("CALL db.awaitIndexes(60)")

    def search(text: str, *, raw: bool = False) -> set[str]:
        q = text if raw else fulltext_query(text)
        rows = clean.read(
            "CALL db.index.fulltext.queryNodes('stkg_names', $q) YIELD node RETURN node.id AS id",
            q=q,
        )
        return {r["id"] for r in rows}

    assert "field:드론" in search("드론")
    assert "field:드론" in search("개인이동")
    # why the query builder exists: the middle dot glues the words into one token
    assert "field:드론" not in search("드론", raw=True)
    assert "organization:중소벤처기업부" in search("벤처")
    assert "organization:중소벤처기업부" in search("중기부")
    assert "organization:중소벤처기업부" in search("Startups")
    assert "field:ai" in search("intelligence")
    assert "field:ai" not in search("드론")


def test_migrations_rename_and_report_retired(clean: Graph, tmp_path: Path) -> None:
    clean.write(
        "CREATE (a:Entity:Agency {id: 'organization:옛기관', name: '옛 기관', "
        "englishName: 'Old Agency', legacyCode: 'X1'}) "
        "CREATE (p:Entity:Programme {id: 'programme:옛사업', name: '옛 사업'}) "
        "CREATE (p)-[:RUN_BY {evidence: ['evidence:a', 'evidence:b']}]->(a)"
    )
    paths = ontology_copy(tmp_path, RENAMES)
    plan = sync(clean, paths, dry_run=True)
    actions = {(m.old, m.action, m.count) for m in plan.migrations}
    assert {
        ("Agency", "relabel", 1),
        ("RUN_BY", "retype", 1),
        ("englishName", "rename-property", 1),
        ("legacyCode", "retired", 1),
    } <= actions
    assert _one(clean, "MATCH (n:Agency) RETURN count(n) AS c") == 1  # dry run

    sync(clean, paths)
    org = clean.read(
        "MATCH (n:Entity {id: 'organization:옛기관'}) "
        "RETURN labels(n) AS labels, n.nameEn AS en, n.englishName AS old, n.legacyCode AS code"
    )[0]
    assert sorted(org["labels"]) == ["Entity", "Organization"]
    assert (org["en"], org["old"], org["code"]) == ("Old Agency", None, "X1")
    rel = clean.read(
        "MATCH (:Programme)-[r]->(:Organization {name: '옛 기관'}) "
        "RETURN type(r) AS t, r.evidence AS ev"
    )
    assert rel == [{"t": "MANAGED_BY", "ev": ["evidence:a", "evidence:b"]}]
    deprecated = clean.read("MATCH (c:OntologyClass {name: 'Agency'}) RETURN c.deprecated AS d")
    assert deprecated == [{"d": True}]

    again = sync(clean, paths)
    assert not again.changes
    sync(clean, paths, prune=True)
    assert _one(clean, "MATCH (n) WHERE n.legacyCode IS NOT NULL RETURN count(n) AS c") == 0


def test_removed_term_drops_schema_but_keeps_data(clean: Graph, tmp_path: Path) -> None:
    sync(clean, ontology_copy(tmp_path, GADGET))
    assert "stkg_Gadget_id" in stkg_schema(clean)
    clean.write("CREATE (:Entity:Gadget {id: 'gadget:1', name: 'g'})")
    plan = sync(clean)
    assert "stkg_Gadget_id" in {o.name for o in plan.drop}
    assert "https://w3id.org/stkg/ontology#Gadget" in plan.schema_nodes_removed
    assert ("Gadget", "removed", 1) in {(m.old, m.action, m.count) for m in plan.migrations}
    assert "stkg_Gadget_id" not in stkg_schema(clean)
    assert _one(clean, "MATCH (c:OntologyClass {name: 'Gadget'}) RETURN count(c) AS c") == 0
    assert _one(clean, "MATCH (n:Gadget) RETURN count(n) AS c") == 1


def test_constraint_moves_with_a_renamed_class(clean: Graph, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    sync(clean, ontology_copy(tmp_path / "a", GADGET))
    renamed = GADGET.replace("stkg:Gadget a owl:Class ;", "stkg:Device a owl:Class ;").replace(
        '"기기"@ko , "gadget"@en', '"장치"@ko , "device"@en'
    ) + (
        "\nstkg:Gadget a owl:Class ; owl:deprecated true ; dct:isReplacedBy stkg:Device ;\n"
        '    rdfs:subClassOf stkg:Entity ; rdfs:label "기기"@ko , "gadget"@en .\n'
    )
    clean.write("CREATE (:Entity:Gadget {id: 'gadget:1', name: 'g'})")
    plan = sync(clean, ontology_copy(tmp_path / "b", renamed))
    assert "stkg_Gadget_id" in {o.name for o in plan.drop}
    assert "stkg_Device_id" in {o.name for o in plan.create}
    assert _one(clean, "MATCH (n:Device) RETURN n.id AS id") == "gadget:1"
    assert "stkg_Device_id" in stkg_schema(clean) and "stkg_Gadget_id" not in stkg_schema(clean)


BROKEN = {
    "syntax": ("stkg:Broken a owl:Class\nstkg:Other a owl:Class .\n", "syntax"),
    "unknown-prefix": ("nope:Thing a owl:Class .\n", "syntax"),
    "no-labels": (
        'stkg:Bare a owl:Class ; rdfs:subClassOf stkg:Entity ; stkg:idPrefix "bare" ;\n'
        '    skos:definition "No labels."@en .\n',
        "missing-label",
    ),
    "shape-unknown-property": (
        "<https://w3id.org/stkg/shapes#BadShape> a <http://www.w3.org/ns/shacl#NodeShape> ;\n"
        "    <http://www.w3.org/ns/shacl#targetClass> stkg:Patent ;\n"
        "    <http://www.w3.org/ns/shacl#property> [ <http://www.w3.org/ns/shacl#path> "
        "stkg:noSuchProperty ] .\n",
        "shape-unknown-term",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_bad_ontology_is_refused_and_nothing_changes(
    clean: Graph, tmp_path: Path, case: str
) -> None:
    sync(clean)
    clean.write("CREATE (:Entity:Gadget {id: 'gadget:keep'})")
    before = (counts(clean), all_schema(clean))
    text, code = BROKEN[case]
    into = "shapes.ttl" if case.startswith("shape") else "stkg.ttl"
    paths = ontology_copy(tmp_path, text, into=into)
    with pytest.raises(InvalidOntology) as info:
        sync(clean, paths)
    issue = next(i for i in info.value.issues if i.code == code)
    assert issue.file is not None and issue.file.name == into
    # the snippet is appended after the shipped text, so the line is near the end
    shipped = (Path(paths[0]).parent / into).read_text(encoding="utf-8").count("\n")
    assert issue.line is not None and shipped - 10 <= issue.line <= shipped + 1
    assert f"{into}:{issue.line}" in str(info.value)
    assert (counts(clean), all_schema(clean)) == before


def test_plan_reads_only(bare: Graph, onto: Ontology) -> None:
    clean = bare
    before = (counts(clean), all_schema(clean))
    plan = plan_sync(clean, onto)
    assert plan.to_json()["changes"] is True
    assert (counts(clean), all_schema(clean)) == before
