"""Documents tokenised together (one Kiwi call per batch) give the facts they give alone."""

from __future__ import annotations

from pathlib import Path

from stkg.ingest.build import build_document
from stkg.ingest.extract.analysis import gazetteer_for
from stkg.ingest.files import ANALYSIS_BATCH, _builds, expand_paths
from stkg.ingest.nlp import build_pipeline
from stkg.ingest.readers import Limits, read_document
from stkg.ontology.model import load_ontology

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SEEDS = ("000_f874dc3d0926f1b7.txt", "004_2e30ccd89939a41a.txt")


def test_a_batch_changes_no_fact(seeds_dir: Path) -> None:
    onto = load_ontology()
    paths = [seeds_dir / name for name in SEEDS] + expand_paths([SAMPLES])
    assert len(paths) > 2
    tokenizer = build_pipeline(gazetteer_for(onto)).tokenizer
    batched = {}
    for path, built, error in _builds(paths, onto, Limits(), {}):
        assert built is not None, (path, error)
        batched[path] = built.facts
    assert list(batched) == paths, "in order"
    tokenizer.prepare([])  # nothing left over: each document below is tokenised alone
    for path in paths:
        alone = build_document(read_document(path), onto).facts
        assert batched[path] == alone, path.name
        assert alone.nodes, path.name


def test_batches_of_every_size_keep_the_order(seeds_dir: Path) -> None:
    """More documents than one batch holds, a failing one among them: each is reported in
    its turn."""
    onto = load_ontology()
    seed = seeds_dir / SEEDS[1]
    missing = seeds_dir / "no-such-document.txt"
    paths = [seed] * (ANALYSIS_BATCH + 1) + [missing, seed]
    results = list(_builds(paths, onto, Limits(), {}))
    assert [r[0] for r in results] == paths
    assert [r[1] is None for r in results] == [False] * (ANALYSIS_BATCH + 1) + [True, False]
    assert results[-2][2], "the reason it could not be read"
