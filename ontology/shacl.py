"""Validate instance data against the SHACL shapes with pyshacl.

Neo4j Community Edition has uniqueness constraints but no property-existence or value
constraints, so the rules that keep the graph sound (required ids, one product count per
field version, shares between 0 and 100, change kinds from the vocabulary, evidence that
points at a document) are checked here, on RDF shaped like the export.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pyshacl import validate
from rdflib import OWL, RDF, SH, XSD, Graph, Literal, URIRef

from stkg.ontology.model import default_paths, parse_turtle

__all__ = ["ShaclReport", "ShaclViolation", "split_graphs", "validate_instances"]


@dataclass(frozen=True, slots=True)
class ShaclViolation:
    """One SHACL result: the node that failed, the property path and the message."""

    focus_node: str
    path: str | None
    message: str
    severity: str
    shape: str | None
    value: str | None

    def __str__(self) -> str:
        path = f" {self.path}" if self.path else ""
        return f"{self.severity}: {self.focus_node}{path}: {self.message}"


@dataclass(frozen=True, slots=True)
class ShaclReport:
    """The outcome of :func:`validate_instances`; ``text`` is pyshacl's own report."""

    conforms: bool
    violations: tuple[ShaclViolation, ...]
    text: str


def split_graphs(paths: Sequence[Path | str] | None = None) -> tuple[Graph, Graph]:
    """(shapes, schema) graphs from the ontology files.

    A file is a shapes file when it declares an ``sh:NodeShape``; a schema file when it
    declares an ``owl:Class``. Vocabulary and reference files are neither: instance data is
    validated on its own, not mixed with the reference individuals.
    """
    shapes, schema = Graph(), Graph()
    for p in default_paths() if paths is None else paths:
        g = parse_turtle(p)
        if (None, RDF.type, SH.NodeShape) in g:
            shapes += g
        elif (None, RDF.type, OWL.Class) in g:
            schema += g
    return shapes, schema


@cache
def _default_graphs() -> tuple[Graph, Graph]:
    return split_graphs(None)


def _results(report: Graph) -> tuple[ShaclViolation, ...]:
    def opt(node: URIRef | None) -> str | None:
        return str(node) if node is not None else None

    out = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        severity = report.value(r, SH.resultSeverity)
        out.append(
            ShaclViolation(
                focus_node=str(report.value(r, SH.focusNode)),
                path=opt(report.value(r, SH.resultPath)),  # type: ignore[arg-type]
                message=str(report.value(r, SH.resultMessage) or ""),
                severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
                shape=opt(report.value(r, SH.sourceShape)),  # type: ignore[arg-type]
                value=opt(report.value(r, SH.value)),  # type: ignore[arg-type]
            )
        )
    return tuple(sorted(out, key=lambda v: (v.focus_node, v.path or "", v.message)))


def _simple_strings(data: Graph) -> Graph:
    """``data`` with ``"x"^^xsd:string`` written as the simple literal ``"x"``.

    RDF 1.1 makes the two the same term, but rdflib and pyshacl compare them as different,
    so an ``sh:in ( "renamed" )`` would reject a value the exporter typed explicitly.
    """
    typed = [(s, p, o) for s, p, o in data if isinstance(o, Literal) and o.datatype == XSD.string]
    if not typed:
        return data
    out = Graph()
    out += data
    for s, p, o in typed:
        out.remove((s, p, o))
        out.add((s, p, Literal(str(o))))
    return out


def validate_instances(data: Graph, paths: Sequence[Path | str] | None = None) -> ShaclReport:
    """Validate ``data`` against the shapes (default: the shipped ones).

    The class hierarchy is mixed into a copy of the data so that ``sh:targetClass
    stkg:Entity`` reaches instances of every subclass; ``data`` itself is not modified.
    """
    shapes, schema = _default_graphs() if paths is None else split_graphs(paths)
    conforms, report, text = validate(
        _simple_strings(data),
        shacl_graph=shapes,
        ont_graph=schema,
        inference="none",
        abort_on_first=False,
        allow_warnings=False,
    )
    assert isinstance(report, Graph)
    return ShaclReport(bool(conforms), _results(report), str(text))
