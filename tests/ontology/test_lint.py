"""The linter: syntax errors with positions, and one small broken ontology per lint rule."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from stkg.ontology.errors import OntologySyntaxError
from stkg.ontology.lint import ERROR, WARNING, Issue, format_issues, has_errors, validate_paths
from stkg.ontology.model import ONTOLOGY_DIR, load_ontology, parse_turtle

WriteTtl = Callable[..., Path]


def test_shipped_ontology_lints_without_errors_or_warnings() -> None:
    issues = validate_paths()
    assert issues == [], format_issues(issues)


def test_minimal_fixture_is_clean(write_ttl: WriteTtl, minimal_ttl: str) -> None:
    assert validate_paths([write_ttl(minimal_ttl)]) == []


# -- syntax errors -------------------------------------------------------------------------


def _only_syntax(issues: list[Issue]) -> Issue:
    syntax = [i for i in issues if i.code == "syntax"]
    assert len(syntax) == 1, format_issues(issues)
    assert syntax[0].severity == ERROR
    return syntax[0]


def test_missing_dot_names_file_and_line(write_ttl: WriteTtl, ttl_prefixes: str) -> None:
    text = ttl_prefixes + 'stkg:a stkg:b "x"\nstkg:c stkg:d "y" .\n'
    path = write_ttl(text, "missing_dot.ttl")
    issue = _only_syntax(validate_paths([path]))
    assert issue.file == path
    # the statement on the line before has no dot; the parser notices at the next line
    assert issue.line == ttl_prefixes.count("\n") + 2
    assert issue.column == 1
    assert str(issue).startswith(f"{path}:{issue.line}:1: error [syntax]")


def test_unknown_prefix_names_line_and_column(write_ttl: WriteTtl, ttl_prefixes: str) -> None:
    text = ttl_prefixes + "\nstkg:a stkg:b stkg:c .\n   stkg:d nope:e stkg:f .\n"
    path = write_ttl(text, "prefix.ttl")
    issue = _only_syntax(validate_paths([path]))
    assert issue.line == ttl_prefixes.count("\n") + 3
    assert issue.column == 11  # where "nope:" starts
    assert "nope" in issue.message


@pytest.mark.parametrize(
    ("tail", "why"),
    [
        ('stkg:b a owl:Class ;\n    rdfs:label "b"@en\n', "EOF"),  # no final dot
        ('stkg:b a owl:Class ;\n    rdfs:label "b"@en\n\n# a comment\n\n', "EOF"),
        ("stkg:b a [ owl:unionOf ( stkg:a\n", ")"),  # an open list and blank node
    ],
)
def test_statement_unterminated_at_the_end_names_its_line(
    write_ttl: WriteTtl, ttl_prefixes: str, tail: str, why: str
) -> None:
    head = ttl_prefixes + "stkg:a a owl:Class .\n\n"
    path = write_ttl(head + tail, "unterminated.ttl")
    issue = _only_syntax(validate_paths([path]))
    last = tail.split("#")[0].rstrip().split("\n")
    assert (issue.file, issue.line) == (path, head.count("\n") + len(last))
    assert issue.column == len(last[-1]) + 1  # just after the last character
    assert why in issue.message
    with pytest.raises(OntologySyntaxError) as exc:
        parse_turtle(path)
    assert str(exc.value).startswith(f"{path}:{issue.line}:{issue.column}: ")


def test_bad_iri_in_the_middle_names_line_and_column(
    write_ttl: WriteTtl, ttl_prefixes: str
) -> None:
    text = (
        ttl_prefixes
        + 'stkg:a rdfs:label "<not an IRI> # nor a comment"@en .  # <nor this>\n'
        + "    <https://example.org/a b> a owl:Class .\n"
        + "stkg:c a owl:Class .\n"
    )
    path = write_ttl(text, "bad_iri.ttl")
    issue = _only_syntax(validate_paths([path]))
    assert issue.line == ttl_prefixes.count("\n") + 2
    assert issue.column == len("    <https://example.org/a") + 1  # the space
    assert "<https://example.org/a" in issue.message and "space" in issue.message


def test_undefined_prefix_in_a_later_file_names_that_file(
    write_ttl: WriteTtl, ttl_prefixes: str, minimal_ttl: str
) -> None:
    good = write_ttl(minimal_ttl, "good.ttl")
    text = ttl_prefixes + "stkg:a a owl:Class .\n\n\nstkg:b a foaf:Person .\n"
    bad = write_ttl(text, "later.ttl")
    issue = _only_syntax(validate_paths([good, bad]))
    assert (issue.file, issue.line) == (bad, text.count("\n"))
    assert issue.column == len("stkg:b a ") + 1
    assert "foaf" in issue.message


def test_column_counts_characters_not_bytes(write_ttl: WriteTtl, ttl_prefixes: str) -> None:
    text = ttl_prefixes + 'stkg:a rdfs:label "전략분야"@ko , nope:x .\n'
    issue = _only_syntax(validate_paths([write_ttl(text)]))
    assert issue.line == ttl_prefixes.count("\n") + 1
    assert issue.column == text.splitlines()[-1].index("nope") + 1


@pytest.mark.parametrize("cut", [5000, 5003, 20000])
def test_truncated_shipped_file_names_file_and_line(write_ttl: WriteTtl, cut: int) -> None:
    data = (ONTOLOGY_DIR / "stkg.ttl").read_bytes()[:cut].decode("utf-8", errors="ignore")
    path = write_ttl(data, "truncated.ttl")
    issue = _only_syntax(validate_paths([path]))
    assert issue.file == path
    assert issue.line is not None
    last_line = data.count("\n") + 1
    assert last_line - 3 <= issue.line <= last_line
    with pytest.raises(OntologySyntaxError) as exc:
        parse_turtle(path)
    assert exc.value.line == issue.line
    assert str(path) in str(exc.value)


def test_syntax_error_in_one_file_does_not_hide_others(
    write_ttl: WriteTtl, minimal_ttl: str
) -> None:
    bad = write_ttl("@prefix x: <http://x/> .\nx:a x:b\n", "bad.ttl")
    broken = minimal_ttl.replace('rdfs:label "사물"@ko , "thing"@en', 'rdfs:label "thing"@en')
    good = write_ttl(broken, "good.ttl")
    issues = validate_paths([bad, good])
    codes = {(i.code, i.file) for i in issues}
    assert ("syntax", bad) in codes
    assert ("missing-label", good) in codes


def test_load_ontology_raises_syntax_error(write_ttl: WriteTtl) -> None:
    path = write_ttl("@prefix x: <http://x/> .\n\nx:a x:b x:c ;\n", "eof.ttl")
    with pytest.raises(OntologySyntaxError) as exc:
        load_ontology([path])
    assert exc.value.file == path and exc.value.line == 3


# -- lint rules ----------------------------------------------------------------------------

CASES: list[tuple[str, str, str, str, str]] = [
    # (id, replace-this, with-this or "+append", expected code, term local name)
    ("no-ko-label", 'rdfs:label "사물"@ko , "thing"@en', 'rdfs:label "thing"@en',
     "missing-label", "Thing"),
    ("no-en-label", 'rdfs:label "관련"@ko , "related to"@en', 'rdfs:label "관련"@ko',
     "missing-label", "relatedTo"),
    ("no-definition", 'skos:definition "A thing."@en ;', "", "missing-definition", "Thing"),
    ("ko-definition-only", 'skos:definition "The colour."@en', 'skos:definition "색."@ko',
     "missing-definition", "colour"),
    ("undeclared-domain", "rdfs:domain stkg:Thing ;\n    rdfs:range stkg:Thing",
     "rdfs:domain stkg:Gizmo ;\n    rdfs:range stkg:Thing", "undefined-term", "Gizmo"),
    ("duplicate-label", '"related to"@en', '"thing"@en', "duplicate-label", "relatedTo"),
    ("missing-domain", "rdfs:domain stkg:Thing ;\n    rdfs:range stkg:Thing",
     "rdfs:range stkg:Thing", "missing-domain", "relatedTo"),
    ("missing-range", "rdfs:domain stkg:Thing ;\n    rdfs:range stkg:Thing",
     "rdfs:domain stkg:Thing", "missing-range", "relatedTo"),
    ("dt-missing-range", "rdfs:domain stkg:Thing ;\n    rdfs:range xsd:string ;",
     "rdfs:domain stkg:Thing ;", "missing-range", "colour"),
    ("non-xsd-range", "rdfs:domain stkg:Thing ;\n    rdfs:range xsd:string ;",
     "rdfs:domain stkg:Thing ;\n    rdfs:range stkg:Thing ;", "bad-range", "colour"),
    ("domain-is-property", "rdfs:domain stkg:Thing ;\n    rdfs:range stkg:Thing",
     "rdfs:domain stkg:colour ;\n    rdfs:range stkg:Thing", "bad-domain", "relatedTo"),
    ("orphan-class", "rdfs:subClassOf stkg:Entity ;", "", "orphan-class", "Thing"),
    ("no-key", "stkg:key stkg:id .", "skos:editorialNote \"no key\" .", "missing-key", "Entity"),
    ("duplicate-id-prefix", "+stkg:Other a owl:Class ; rdfs:subClassOf stkg:Entity ; "
     'rdfs:label "기타"@ko , "other"@en ; skos:definition "O."@en ; stkg:idPrefix "thing" .',
     "", "duplicate-id-prefix", "Other"),
    ("duplicate-neo4j-name", "+stkg:related_To a owl:ObjectProperty ; "
     'rdfs:label "관련2"@ko , "related 2"@en ; skos:definition "R."@en ; '
     "rdfs:domain stkg:Thing ; rdfs:range stkg:Thing .", "", "duplicate-neo4j-name", "relatedTo"),
    ("bad-neo4j-name", "+stkg:neo4jName a owl:AnnotationProperty ; "
     'rdfs:label "이름"@ko , "neo4j name"@en ; skos:definition "N."@en .\n'
     'stkg:relatedTo stkg:neo4jName "RELATED TO" .', "", "bad-neo4j-name", "relatedTo"),
    ("replacement-kind", "+stkg:tint a owl:DatatypeProperty ; owl:deprecated true ; "
     'dct:isReplacedBy stkg:Thing ; rdfs:label "틴트"@ko , "tint"@en ; '
     "rdfs:domain stkg:Thing ; rdfs:range xsd:string .", "", "replacement-kind", "tint"),
    ("bad-on-relationship", "+stkg:onRelationship a owl:AnnotationProperty ; "
     'rdfs:label "관계"@ko , "on rel"@en ; skos:definition "O."@en .\n'
     "stkg:weight a owl:DatatypeProperty ; rdfs:label \"무게\"@ko , \"weight\"@en ; "
     'skos:definition "W."@en ; rdfs:range xsd:decimal ; stkg:onRelationship stkg:Thing .',
     "", "bad-on-relationship", "weight"),
    ("bad-vocabulary", "stkg:vocabulary stkgv:colour", "stkg:vocabulary stkg:Thing",
     "bad-vocabulary", "colour"),
    ("concept-without-notation", 'skos:notation "red" ;', "", "missing-notation", "red"),
    ("concept-without-ko-label", 'skos:prefLabel "빨강"@ko , "red"@en', 'skos:prefLabel "red"@en',
     "missing-label", "red"),
    ("concept-without-rdfs-label", 'rdfs:label "빨강"@ko , "red"@en .', 'rdfs:label "red"@en .',
     "missing-label", "red"),
    ("scheme-without-rdfs-label", 'rdfs:label "색 어휘"@ko , "colours vocabulary"@en .',
     'rdfs:comment "no label"@en .', "missing-label", "colour"),
    ("concept-label-of-a-property", 'rdfs:label "빨강"@ko , "red"@en .',
     'rdfs:label "색"@ko , "red"@en .', "duplicate-label", "red"),
    ("duplicate-notation", "+<https://w3id.org/stkg/vocab/colour/crimson> a skos:Concept ; "
     'skos:inScheme stkgv:colour ; skos:notation "red" ; '
     'skos:prefLabel "진홍"@ko , "crimson"@en ; rdfs:label "진홍"@ko , "crimson"@en .', "",
     "duplicate-notation", "red"),
    ("individual-iri", "+<https://w3id.org/stkg/id/thing:a> a stkg:Thing ; "
     'stkg:id "thing:b" ; rdfs:label "가"@ko , "a"@en .', "", "individual-id", "thing:a"),
    ("individual-link", "+<https://w3id.org/stkg/id/thing:a> a stkg:Thing ; "
     'stkg:id "thing:a" ; rdfs:label "가"@ko , "a"@en ; '
     "stkg:relatedTo <https://w3id.org/stkg/id/thing:zz> .", "", "undefined-individual",
     "thing:a"),
    ("individual-prefix", "+<https://w3id.org/stkg/id/gadget:a> a stkg:Thing ; "
     'stkg:id "gadget:a" ; rdfs:label "가"@ko , "a"@en .', "", "individual-id", "gadget:a"),
]  # fmt: skip

WARNING_CASES: list[tuple[str, str, str, str, str]] = [
    ("missing-id-prefix", 'stkg:idPrefix "thing" .', 'skos:editorialNote "none" .',
     "missing-id-prefix", "Thing"),
    ("deprecated-without-replacement", "+stkg:oldThing a owl:Class ; owl:deprecated true ; "
     'rdfs:subClassOf stkg:Entity ; rdfs:label "옛것"@ko , "old thing"@en .', "",
     "deprecated-without-replacement", "oldThing"),
    ("restated-label", "+<https://w3id.org/stkg/id/thing:a> a stkg:Thing ; "
     'stkg:id "thing:a" ; rdfs:label "가"@ko , "a"@en ; stkg:aliases "ㄱ" , "A" ; '
     'skos:altLabel "A"@en .\nstkg:aliases a owl:DatatypeProperty ; rdfs:label "별칭"@ko , '
     '"aliases"@en ; skos:definition "A."@en ; rdfs:domain stkg:Entity ; rdfs:range xsd:string .',
     "", "restated-label", "thing:a"),
    ("deprecated-term-used", "+stkg:oldLink a owl:ObjectProperty ; owl:deprecated true ; "
     'dct:isReplacedBy stkg:relatedTo ; rdfs:label "옛 관련"@ko , "old link"@en ; '
     "rdfs:domain stkg:Thing ; rdfs:range stkg:Thing .\n"
     "stkg:Thing rdfs:seeAlso stkg:oldLink .", "", "deprecated-term-used", "oldLink"),
]  # fmt: skip


def _mutate(base: str, old: str, new: str) -> str:
    if old.startswith("+"):
        return base + "\n" + old[1:] + "\n"
    assert old in base, old
    return base.replace(old, new, 1)


def _check(issues: list[Issue], path: Path, code: str, severity: str, term: str) -> None:
    hits = [i for i in issues if i.code == code and (i.term or "").endswith(term)]
    assert hits, f"expected {code} on {term}, got:\n{format_issues(issues)}"
    issue = hits[0]
    assert issue.severity == severity
    assert issue.file == path and issue.line is not None and issue.column is not None
    line = path.read_text(encoding="utf-8").splitlines()[issue.line - 1]
    assert term.split(":")[-1] in line, (issue, line)


@pytest.mark.parametrize(("case", "old", "new", "code", "term"), CASES, ids=[c[0] for c in CASES])
def test_lint_errors(
    write_ttl: WriteTtl, minimal_ttl: str, case: str, old: str, new: str, code: str, term: str
) -> None:
    path = write_ttl(_mutate(minimal_ttl, old, new))
    issues = validate_paths([path])
    _check(issues, path, code, ERROR, term)
    assert has_errors(issues)


@pytest.mark.parametrize(
    ("case", "old", "new", "code", "term"), WARNING_CASES, ids=[c[0] for c in WARNING_CASES]
)
def test_lint_warnings(
    write_ttl: WriteTtl, minimal_ttl: str, case: str, old: str, new: str, code: str, term: str
) -> None:
    path = write_ttl(_mutate(minimal_ttl, old, new))
    issues = validate_paths([path])
    _check(issues, path, code, WARNING, term)
    assert not has_errors(issues), format_issues(issues)


SHAPES = """
<https://w3id.org/stkg/shapes#ThingShape> a sh:NodeShape ;
    sh:targetClass stkg:Thing ;
    sh:property [ sh:path stkg:colour ; sh:in ( "red" ) ] ,
                [ sh:path [ sh:inversePath stkg:relatedTo ] ; sh:class stkg:Thing ] .
"""


def test_clean_shapes_file(write_ttl: WriteTtl, minimal_ttl: str, ttl_prefixes: str) -> None:
    onto = write_ttl(minimal_ttl)
    shapes = write_ttl(ttl_prefixes + SHAPES, "shapes.ttl")
    assert validate_paths([onto, shapes]) == []


@pytest.mark.parametrize(
    ("old", "new", "code", "term"),
    [
        ("sh:targetClass stkg:Thing", "sh:targetClass stkg:Thingy", "shape-unknown-term", "Thingy"),
        ("sh:path stkg:colour", "sh:path stkg:color", "shape-unknown-term", "color"),
        ("sh:inversePath stkg:relatedTo", "sh:inversePath stkg:relTo", "shape-unknown-term",
         "relTo"),
        ("sh:class stkg:Thing", "sh:class stkg:relatedTo", "shape-unknown-term", "relatedTo"),
        ('sh:in ( "red" )', 'sh:in ( "red" "blue" )', "vocab-value", "colour"),
    ],
)  # fmt: skip
def test_shape_errors(
    write_ttl: WriteTtl,
    minimal_ttl: str,
    ttl_prefixes: str,
    old: str,
    new: str,
    code: str,
    term: str,
) -> None:
    onto = write_ttl(minimal_ttl)
    shapes = write_ttl(ttl_prefixes + SHAPES.replace(old, new), "shapes.ttl")
    issues = validate_paths([onto, shapes])
    hits = [i for i in issues if i.code == code and (i.term or "").endswith(term)]
    assert hits, format_issues(issues)
    assert hits[0].severity == ERROR
    assert hits[0].file == shapes
    assert hits[0].line is not None
    line = shapes.read_text(encoding="utf-8").splitlines()[hits[0].line - 1]
    assert term in line


def test_incomplete_sh_in_is_a_warning(
    write_ttl: WriteTtl, minimal_ttl: str, ttl_prefixes: str
) -> None:
    extra = (
        "<https://w3id.org/stkg/vocab/colour/blue> a skos:Concept ; skos:inScheme stkgv:colour ;"
        ' skos:notation "blue" ; skos:prefLabel "파랑"@ko , "blue"@en ;'
        ' rdfs:label "파랑"@ko , "blue"@en .\n'
    )
    onto = write_ttl(minimal_ttl + extra)
    shapes = write_ttl(ttl_prefixes + SHAPES, "shapes.ttl")
    issues = validate_paths([onto, shapes])
    assert [(i.code, i.severity) for i in issues] == [("vocab-incomplete", WARNING)]
    assert "blue" in issues[0].message
