"""Helpers shared by the sync, diff and RDF tests (not tests themselves)."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

from stkg.graph.driver import Graph
from stkg.graph.schema import PREFIX, existing_schema_objects
from stkg.ontology.model import default_paths

REPO = Path(__file__).resolve().parents[2]

#: Prefix lines for Turtle snippets appended to a copy of the shipped ontology.
TTL_PREFIXES = """
@prefix stkg: <https://w3id.org/stkg/ontology#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dct: <http://purl.org/dc/terms/> .
"""


def ontology_copy(tmp: Path, extra: str = "", into: str = "stkg.ttl") -> list[Path]:
    """The shipped Turtle files copied to ``tmp``, with ``extra`` appended to ``into``."""
    out = []
    for src in default_paths():
        dst = tmp / src.name
        shutil.copy(src, dst)
        if src.name == into and extra:
            with dst.open("a", encoding="utf-8") as f:
                f.write(TTL_PREFIXES + extra)
        out.append(dst)
    return out


def stkg_schema(graph: Graph) -> set[str]:
    """Names of the constraints and indexes stkg manages, as they are now."""
    return {o.name for o in existing_schema_objects(graph) if o.name.startswith(PREFIX)}


def all_schema(graph: Graph) -> set[str]:
    return {o.name for o in existing_schema_objects(graph)}


def counts(graph: Graph) -> tuple[int, int]:
    row = graph.read(
        "CALL () { MATCH (n) RETURN count(n) AS nodes } "
        "CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels"
    )[0]
    return row["nodes"], row["rels"]


def synthetic() -> ModuleType:
    """``bench/synthetic.py``, the generator of conforming graphs."""
    name = "stkg_bench_synthetic"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "bench" / "synthetic.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]
