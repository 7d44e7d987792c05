"""Doing the same thing twice changes nothing: ingest of the corpus, and ontology sync."""

from __future__ import annotations

from pathlib import Path

from reliability_helpers import fingerprint

from stkg.graph.driver import Graph
from stkg.graph.schema import sync
from stkg.ingest.files import expand_paths, ingest_paths
from stkg.ontology.model import Ontology

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SEEDS = ("000_f874dc3d0926f1b7.txt", "004_2e30ccd89939a41a.txt")


def _corpus(seeds_dir: Path) -> list[Path]:
    return [seeds_dir / name for name in SEEDS] + expand_paths([SAMPLES])


def test_ingesting_the_corpus_twice_changes_nothing(
    graph: Graph, onto: Ontology, seeds_dir: Path
) -> None:
    corpus = _corpus(seeds_dir)
    first = ingest_paths(corpus, graph, onto)
    assert [d.status for d in first.documents] == ["written"] * len(corpus), first.failed
    after_first = fingerprint(graph)
    assert after_first.nodes > 100 and after_first.relationships > 100

    second = ingest_paths(corpus, graph, onto)
    assert [d.status for d in second.documents] == ["unchanged"] * len(corpus)
    assert fingerprint(graph) == after_first

    # forced: every statement really runs again (the seeds, the richest documents); only
    # the forced run's own IngestRun node may differ
    without_runs = fingerprint(graph, exclude_labels=["IngestRun"])
    forced = ingest_paths(corpus[:2], graph, onto, force=True)
    assert [d.status for d in forced.documents] == ["written", "written"]
    assert fingerprint(graph, exclude_labels=["IngestRun"]) == without_runs
    assert fingerprint(graph).nodes == after_first.nodes + 1  # the forced run's node


def test_sync_twice_plans_nothing_the_second_time(
    graph: Graph, onto: Ontology, seeds_dir: Path
) -> None:
    ingest_paths([seeds_dir / SEEDS[0]], graph, onto)
    sync(graph)
    after_first = fingerprint(graph)
    second = sync(graph)
    assert not second.changes, second.to_json()
    assert fingerprint(graph) == after_first
