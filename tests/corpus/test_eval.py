"""`stkg eval`: gold files, matching, and the graph round trip on the real corpus.

The real corpus is read from beside the repository (``../shared/corpus/real``, or
STKG_CORPUS_DIR), like the seeds; the repository holds only the gold facts.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stkg.cli import app
from stkg.ingest.evaluation.gold import Budget, Count, Facts, GoldDocument, Named, load_gold
from stkg.ingest.evaluation.run import corpus_files, evaluate
from stkg.ingest.evaluation.score import score_category, score_document
from stkg.ingest.evaluation.scratch import scratch_graph
from stkg.ingest.files import ingest_paths
from stkg.ontology.model import load_ontology

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "tests" / "corpus" / "gold"


@pytest.fixture(scope="module")
def corpus() -> Path:
    path = Path(os.environ.get("STKG_CORPUS_DIR", REPO.parent / "shared" / "corpus" / "real"))
    if not (path / "dev").is_dir():
        raise RuntimeError(f"real corpus not found in {path}; set STKG_CORPUS_DIR")
    return path


@pytest.fixture(scope="module")
def gold():
    return load_gold(GOLD)


def test_every_document_of_the_corpus_has_a_gold_file_and_back(corpus, gold):
    on_disk = {(p.parent.name, p.name) for p in corpus.glob("*/*.txt")}
    assert on_disk == {(g.split, g.document) for g in gold.values()}


def test_gold_holds_facts_not_sentences(corpus, gold):
    """No gold string is long enough to be a copied sentence."""
    for g in gold.values():
        for category in ("organizations", "programmes", "fields", "products", "technologies"):
            for item in getattr(g, category):
                assert len(item.name) <= 60, (g.document, item.name)


def test_proposed_articles_gold_parses_holds_facts_and_names_its_source():
    proposed = REPO / "tests" / "corpus" / "proposed"
    gold = load_gold(proposed)
    rows = (proposed / "SOURCES.tsv").read_text(encoding="utf-8").splitlines()[1:]
    sources = {row.split("\t")[0]: row.split("\t")[1] for row in rows}
    assert set(sources) == {g.document for g in gold.values()}
    assert all(url.startswith(("http://", "https://")) for url in sources.values())
    for g in gold.values():
        for category in ("organizations", "programmes", "fields", "products", "technologies"):
            assert all(len(item.name) <= 60 for item in getattr(g, category)), g.document


def test_names_match_across_spacing_dots_and_aliases():
    score = score_category(
        "organizations",
        [Named(name="중소기업청", aliases=("중기청",)), Named(name="특허청")],
        [Named(name="중기청"), Named(name="한국특허전략개발원")],
    )
    assert (score.tp, score.fp, score.fn) == (1, 1, 1)
    assert (
        score_category(
            "fields", [Named(name="반도체 · 디스플레이")], [Named(name="반도체·디스플레이")]
        ).tp
        == 1
    )


def test_counts_need_value_and_noun_budgets_the_amount():
    counts = score_category(
        "counts",
        [Count(value=3, of="대분야"), Count(value=3, of="기업")],
        [Count(value=3, of="전략 대분야")],
    )
    assert (counts.tp, counts.fp) == (1, 1)
    budgets = score_category(
        "budgets",
        [Budget(amount=2718.0, **{"for": "x"})],
        [Budget(amount=2718, **{"for": "소재·부품 기술개발"}), Budget(amount=578)],
    )
    assert (budgets.tp, budgets.fn) == (1, 1)


def test_a_document_score_adds_up_its_categories():
    gold = GoldDocument(document="d.txt", split="dev", fields=(Named(name="수소"),))
    score = score_document(Facts(fields=(Named(name="수소"), Named(name="바이오"))), gold)
    total = score.total()
    assert (total.tp, total.fp, total.fn) == (1, 1, 0)


def test_graph_round_trip_scores_like_the_extracted_facts(graph, corpus, gold):
    """What the graph holds after ingest is what extraction produced: nothing lost on write."""
    onto = load_ontology()
    files = corpus_files(corpus, gold, ["dev"])[:4] + corpus_files(corpus, gold, ["negatives"])
    through_graph = evaluate(files, gold, onto, graph)
    in_memory = evaluate(files, gold, onto, None)
    assert not through_graph.failed
    as_counts = lambda ev: {  # noqa: E731
        s.document: {c: (v.tp, v.fp, v.fn) for c, v in s.categories.items()} for s in ev.scores
    }
    assert as_counts(through_graph) == as_counts(in_memory)
    negatives = [s for s in through_graph.scores if s.split == "negatives"]
    assert negatives and all(s.total().fp == 0 for s in negatives)


def test_the_scratch_graph_at_a_named_server_is_emptied_then_synced(cli_settings, graph):
    """`stkg eval --uri` scores into an empty graph: what was there is gone, the ontology's
    schema nodes are back."""
    graph.write(
        "CREATE (:Entity:StrategicProduct {id: 'product:지난채점'})-[:BELONGS_TO_FIELD]->"
        "(:Entity:StrategicField {id: 'field:지난채점'})"
    )
    with scratch_graph(cli_settings.neo4j_uri) as scratch:
        left = scratch.read(
            "MATCH (n:Entity) WHERE n.id ENDS WITH ':지난채점' RETURN count(n) AS n"
        )
        classes = scratch.read("MATCH (c:OntologyClass) RETURN count(c) AS n")
    assert left[0]["n"] == 0
    assert classes[0]["n"] > 0


def test_eval_command_prints_a_table_per_split(corpus):
    result = CliRunner().invoke(
        app,
        [
            "eval",
            "--in-memory",
            "--split",
            "negatives",
            "--corpus",
            str(corpus),
            "--gold",
            str(GOLD),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "negatives split: 6 documents" in result.output


def test_ingesting_the_real_corpus_again_writes_nothing(graph, corpus, gold):
    onto = load_ontology()
    files = corpus_files(corpus, gold, ["dev", "test"])
    first = ingest_paths(files, graph, onto)
    assert not first.failed and len(first.documents) == len(files)
    second = ingest_paths(files, graph, onto)
    assert [d.status for d in second.documents] == ["unchanged"] * len(files)


def test_every_written_article_has_a_gold_file_and_back():
    written = REPO / "tests" / "corpus" / "written"
    gold = load_gold(written / "gold")
    on_disk = {(p.parent.name, p.name) for p in written.glob("*/*.txt")}
    assert on_disk == {(g.split, g.document) for g in gold.values()}
