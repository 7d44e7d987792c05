"""Generate the term tables of ``ontology/README.md`` from the ontology.

The tables list every class, relationship type, property and vocabulary with its Korean
and English labels. They are generated rather than hand-written so they cannot drift from
the Turtle files; a test fails when the README is stale. Refresh it with
``python -m stkg.ontology.doctable``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from stkg.ontology.model import ALL_RELATIONSHIPS, ONTOLOGY_DIR, Ontology, load_ontology

__all__ = ["BEGIN", "END", "render_tables", "update_readme"]

BEGIN = "<!-- BEGIN GENERATED TERM TABLES (python -m stkg.ontology.doctable) -->"
END = "<!-- END GENERATED TERM TABLES -->"


def _cell(s: str | None) -> str:
    return (s or "").replace("|", "\\|")


def _classes(onto: Ontology) -> list[str]:
    rows = [
        "| class | Neo4j label | ko | en | parent | id prefix |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for c in onto.classes.values():
        parent = ", ".join(c.superclasses)
        rows.append(
            f"| `{c.local_name}` | `{c.label}` | {_cell(c.labels.ko)} | {_cell(c.labels.en)} "
            f"| {parent} | {c.id_prefix or ''} |"
        )
    return rows


def _relationships(onto: Ontology) -> list[str]:
    rows = [
        "| object property | relationship type | ko | en | from | to |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for p in onto.object_properties.values():
        rows.append(
            f"| `{p.local_name}` | `{p.rel_type}` | {_cell(p.labels.ko)} | {_cell(p.labels.en)} "
            f"| {', '.join(p.domain)} | {', '.join(p.range)} |"
        )
    return rows


def _properties(onto: Ontology) -> list[str]:
    rows = [
        "| datatype property | key | ko | en | on | type | vocabulary |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for p in onto.datatype_properties.values():
        on = list(p.domain)
        on += [
            "every relationship" if r == ALL_RELATIONSHIPS else onto.rel(r)
            for r in p.on_relationship
        ]
        kind = p.xsd if p.functional else f"list of {p.xsd}"
        rows.append(
            f"| `{p.local_name}` | `{p.name}` | {_cell(p.labels.ko)} | {_cell(p.labels.en)} "
            f"| {', '.join(on)} | {kind} | {p.vocabulary or ''} |"
        )
    return rows


def _vocabularies(onto: Ontology) -> list[str]:
    rows = ["| vocabulary | ko | en | notations |", "| --- | --- | --- | --- |"]
    for v in onto.vocabularies.values():
        notations = ", ".join(f"`{c.notation}`" for c in v.concepts)
        rows.append(f"| `{v.name}` | {_cell(v.labels.ko)} | {_cell(v.labels.en)} | {notations} |")
    return rows


def render_tables(onto: Ontology | None = None) -> str:
    """The generated Markdown block, markers included."""
    onto = onto or load_ontology()
    parts = [
        BEGIN,
        "",
        "### Classes → node labels",
        "",
        *_classes(onto),
        "",
        "### Object properties → relationship types",
        "",
        *_relationships(onto),
        "",
        "### Datatype properties → node and relationship properties",
        "",
        *_properties(onto),
        "",
        "### Vocabularies",
        "",
        *_vocabularies(onto),
        "",
        END,
    ]
    return "\n".join(parts)


def update_readme(path: Path = ONTOLOGY_DIR / "README.md") -> bool:
    """Replace the generated block in ``path``; returns whether the file changed."""
    text = path.read_text(encoding="utf-8")
    start, end = text.index(BEGIN), text.index(END) + len(END)
    new = text[:start] + render_tables() + text[end:]
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":
    changed = update_readme()
    sys.stdout.write("README.md updated\n" if changed else "README.md already up to date\n")
