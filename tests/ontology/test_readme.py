"""The maintainers' README stays in step with the ontology."""

from __future__ import annotations

from stkg.ontology.doctable import render_tables
from stkg.ontology.model import ONTOLOGY_DIR, load_ontology


def test_generated_tables_are_current() -> None:
    readme = (ONTOLOGY_DIR / "README.md").read_text(encoding="utf-8")
    assert render_tables() in readme, "run: python -m stkg.ontology.doctable"


def test_tables_name_every_term() -> None:
    onto = load_ontology()
    tables = render_tables(onto)
    for c in onto.classes.values():
        assert f"| `{c.local_name}` | `{c.label}` | {c.labels.ko} | {c.labels.en} |" in tables
    for p in onto.object_properties.values():
        assert f"| `{p.local_name}` | `{p.rel_type}` |" in tables
    for d in onto.datatype_properties.values():
        assert f"| `{d.local_name}` | `{d.name}` |" in tables
    for v in onto.vocabularies.values():
        assert f"| `{v.name}` |" in tables


def test_readme_documents_the_commands() -> None:
    readme = (ONTOLOGY_DIR / "README.md").read_text(encoding="utf-8")
    for cmd in ("validate", "sync", "diff", "export"):
        assert f"stkg ontology {cmd}" in readme
    for word in ("owl:deprecated", "dct:isReplacedBy", "stkg:onRelationship", "stkg:neo4jName"):
        assert word in readme
