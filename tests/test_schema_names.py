"""The ontology is the only source of schema names.

Every label, relationship type and property key that appears in Cypher — the files in
``queries/`` and the Cypher strings in the Python code — must be defined by the TTL.
A test file can opt out with a ``schema-names: ignore`` comment (the hostile-query tests
use undefined names on purpose).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from stkg.ontology.model import load_ontology

REPO = Path(__file__).resolve().parents[1]
CODE_DIRS = ["stkg", "graph", "ontology", "ingest", "api", "queries", "bench", "tests"]
# a Cypher statement starts with a clause (prose that merely mentions MATCH does not)
CYPHER_HINT = re.compile(
    r"^\s*(OPTIONAL MATCH|MATCH|MERGE|CREATE|UNWIND|CALL|WITH|RETURN|DROP|SHOW|EXPLAIN)\b",
    re.M,
)

LABEL = re.compile(
    r"\(\s*[A-Za-z_]\w*\s*((?::\s*`?[A-Za-z_]\w*`?)+)|\(\s*((?::\s*`?[A-Za-z_]\w*`?)+)"
)
REL = re.compile(r"\[\s*[A-Za-z_]?\w*\s*:\s*((?:`?[A-Z_][A-Z0-9_]*`?\s*\|?\s*)+)")
PROP = re.compile(r"(?<![\w.$])([a-z_]\w*)\.([a-zA-Z_]\w*)\b(?!\s*\()")
MAP_KEY = re.compile(r"\{\s*([a-zA-Z_]\w*)\s*:")
# procedure namespaces and index-config keys Neo4j defines, and `row`, the variable the
# writers UNWIND parameter rows into (its keys are parameter fields, not schema names)
BUILTIN = {"db", "dbms", "apoc", "gds", "fulltext", "row"}


def cypher_strings(path: Path) -> Iterator[str]:
    if path.suffix == ".cypher":
        text = path.read_text(encoding="utf-8")
        yield re.sub(r"/\*.*?\*/", "", text, flags=re.S)
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if CYPHER_HINT.search(node.value):
                yield node.value
        elif isinstance(node, ast.JoinedStr):
            parts = [v.value for v in node.values if isinstance(v, ast.Constant)]
            text = "\x00".join(str(p) for p in parts)  # interpolated names are not checked here
            if CYPHER_HINT.search(text):
                yield text


def names_in(cypher: str) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for match in LABEL.finditer(cypher):
        chain = match.group(1) or match.group(2) or ""
        found |= {("label", n.strip(" `")) for n in chain.split(":") if n.strip(" `")}
    for match in REL.finditer(cypher):
        found |= {("type", n.strip(" `")) for n in match.group(1).split("|") if n.strip(" `")}
    for var, prop in PROP.findall(cypher):
        if var not in BUILTIN and "\x00" not in prop:
            found.add(("property", prop))
    return found


def files() -> list[Path]:
    out = []
    for folder in CODE_DIRS:
        for path in sorted((REPO / folder).rglob("*")):
            if path.suffix not in (".py", ".cypher") or ".venv" in path.parts:
                continue
            if "schema-names: ignore" in path.read_text(encoding="utf-8", errors="replace"):
                continue
            out.append(path)
    return out


def test_scanner_finds_names() -> None:
    found = names_in(
        "MATCH (a:FieldVersion:Entity)-[s:SUCCEEDED_BY|VERSION_OF]->(b) RETURN a.name, b.productCount"
    )
    assert found == {
        ("label", "FieldVersion"), ("label", "Entity"), ("type", "SUCCEEDED_BY"),
        ("type", "VERSION_OF"), ("property", "name"), ("property", "productCount"),
    }  # fmt: skip


@pytest.mark.parametrize("path", files(), ids=lambda p: str(p.relative_to(REPO)))
def test_every_schema_name_is_defined_by_the_ontology(path: Path) -> None:
    onto = load_ontology()
    labels = {c.label for c in onto.classes.values()}
    types = {p.rel_type for p in onto.object_properties.values()}
    props = {p.name for p in onto.datatype_properties.values()}
    undefined = []
    for cypher in cypher_strings(path):
        for kind, name in names_in(cypher):
            known = {"label": labels, "type": types, "property": props}[kind]
            if name not in known:
                undefined.append(f"{kind} {name!r}")
    assert not undefined, (
        f"{path.name} uses names the ontology does not define: {sorted(set(undefined))}"
    )
