"""Fuzzing end to end: malformed documents through the real ingest, malformed RDF through
the real import, both into the real Neo4j.

A malformed document either ingests (the reader read it; the graph may grow) or fails
with an error naming it, and then the graph's content fingerprint is exactly what it was
before. Malformed Turtle, N-Triples and JSON-LD (mutations of a real export of the sample
corpus) either import or are refused with the ontology's named errors
(``OntologyError``: a syntax error with file and line, an unknown term, a shape
violation), and then nothing was written. No other exception, no traceback.

The inputs come from ``bench/fuzz_inputs.py`` (see ``tests/ingest/test_fuzz_readers.py``,
which fuzzes the readers alone at a larger budget).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from bench_modules import bench_module
from fuzzing import budget
from hypothesis import given
from hypothesis import strategies as st
from reliability_helpers import Fingerprint, fingerprint

from stkg.graph.driver import Graph
from stkg.graph.rdf import import_rdf, read_rdf_file, write_export
from stkg.graph.wipe import wipe
from stkg.ingest.files import expand_paths, ingest_paths
from stkg.ontology.errors import OntologyError
from stkg.ontology.model import Ontology

REPO = Path(__file__).resolve().parents[2]

# A hang guard, not a speed bound (the module takes well under a minute; see BENCHMARKS.md).
pytestmark = pytest.mark.timeout(900)


FUZZ = bench_module("fuzz_inputs")
SEEDS: dict[str, tuple[str, bytes]] = FUZZ.seed_documents()
TEXT_MUTATIONS = sorted({**FUZZ.BYTE_MUTATIONS, **FUZZ.TEXT_MUTATIONS})


@pytest.fixture(scope="module")
def corpus(session_graph: Graph, onto: Ontology) -> Graph:
    """The test graph holding the sample corpus (once for the module)."""
    wipe(session_graph)
    report = ingest_paths(expand_paths([REPO / "samples"]), session_graph, onto)
    assert {d.status for d in report.documents} == {"written"}, report
    return session_graph


class Expect:
    """The graph's fingerprint as the last successful write left it."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.current = fingerprint(graph)

    def unchanged(self) -> None:
        assert fingerprint(self.graph) == self.current

    def changed(self) -> None:
        self.current = fingerprint(self.graph)


# --- documents through the real ingest -----------------------------------------------------


def test_a_truncated_document_leaves_the_graph_unchanged(
    corpus: Graph, onto: Ontology, scratch: Path
) -> None:
    before: Fingerprint = fingerprint(corpus)
    suffix, data = SEEDS["docx"]
    path = scratch / f"cut{suffix}"
    path.write_bytes(data[: len(data) // 2])
    (result,) = ingest_paths([path], corpus, onto).documents
    assert result.status == "failed" and (result.error or "").startswith("cannot read cut.docx")
    assert fingerprint(corpus) == before


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(sorted(SEEDS)))
    suffix, data = SEEDS[kind]
    name = draw(st.sampled_from(sorted(FUZZ.mutations_for(data))))
    return suffix, FUZZ.mutate(data, name, draw(st.integers(0, 2**32 - 1)), draw(st.integers(1, 2)))


def test_malformed_documents_are_ingested_or_leave_the_graph_unchanged(
    corpus: Graph, onto: Ontology, scratch: Path
) -> None:
    expect = Expect(corpus)
    seen: set[str] = set()

    @budget(40)
    @given(case=mutated())
    def one(case: tuple[str, bytes]) -> None:
        suffix, data = case
        path = scratch / f"mutated{suffix}"
        path.write_bytes(data)
        (result,) = ingest_paths([path], corpus, onto).documents
        seen.add(result.status)
        if result.status == "failed":
            assert (result.error or "").startswith(f"cannot read {path.name}"), result.error
            expect.unchanged()
        else:
            assert result.status in ("written", "unchanged"), result
            expect.changed()

    one()
    assert "failed" in seen  # the budget reached refusals, not only documents that read


# --- RDF through the real import -----------------------------------------------------------


@pytest.fixture(scope="module")
def exports(corpus: Graph, onto: Ontology) -> dict[str, bytes]:
    """The sample corpus exported as Turtle, N-Triples and JSON-LD (valid import seeds)."""
    out = {}
    for fmt in ("ttl", "nt", "jsonld"):
        stream = io.BytesIO()
        write_export(corpus, onto, stream, fmt)
        out[fmt] = stream.getvalue()
    return out


def test_malformed_rdf_is_imported_or_refused_and_then_nothing_is_written(
    corpus: Graph, onto: Ontology, exports: dict[str, bytes], scratch: Path
) -> None:
    expect = Expect(corpus)
    refused: set[str] = set()

    @budget(60)
    @given(
        fmt=st.sampled_from(sorted(exports)),
        name=st.sampled_from(TEXT_MUTATIONS),
        seed=st.integers(0, 2**32 - 1),
        rounds=st.integers(1, 2),
        validate=st.booleans(),
    )
    def one(fmt: str, name: str, seed: int, rounds: int, validate: bool) -> None:
        path = scratch / f"mutated.{fmt}"
        path.write_bytes(FUZZ.mutate(exports[fmt], name, seed, rounds))
        try:
            data = read_rdf_file(path)
            import_rdf(corpus, onto, data, source=path.name, validate=validate)
        except OntologyError as exc:
            refused.add(type(exc).__name__)
            assert str(exc), exc
            expect.unchanged()
        else:
            expect.changed()

    one()
    assert refused  # the budget reached refusals, not only inputs that still import
