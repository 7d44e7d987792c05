"""The SPARQL store follows document writes incrementally and falls back to a full rebuild
when it cannot tell what changed (``stkg.graph.sparql``).

After every incremental sync the store must hold, about every instance, exactly the
triples a store built from scratch holds: that comparison is what makes the reload
trustworthy, beyond the few facts asked for by name.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from sparql_helpers import caught_up_incrementally, rows, same_as_a_rebuild
from typer.testing import CliRunner

from stkg.cli import app
from stkg.config.settings import Settings
from stkg.graph import sparql, version
from stkg.graph.analysis.classification import ClassificationReport, classify_patents
from stkg.graph.crosswalk import refresh
from stkg.graph.driver import Graph
from stkg.graph.facts import EvidenceRef, FactSet
from stkg.graph.feeds import FeedRecords
from stkg.graph.sparql import SparqlStore, SyncPlan, plan_sync
from stkg.graph.version import (
    GraphVersion,
    JournalEntry,
    Touching,
    advance_version,
    read_journal,
    read_version,
    scope_entry,
    touching,
)
from stkg.graph.wipe import wipe
from stkg.graph.writer import FactWriter
from stkg.ingest.files import IngestReport, ingest_paths
from stkg.ontology.model import Ontology, default_paths, load_ontology
from stkg.ontology.reviewed import append_block, individual_block
from stkg.ontology.search_expressions import load_for_ontology

ORIGIN = "memory/plan.txt"
SME_RELEASE = "000_f874dc3d0926f1b7.txt"
SMART_MANUFACTURING_RELEASE = "004_2e30ccd89939a41a.txt"
NAMES = """
PREFIX stkg: <https://w3id.org/stkg/ontology#>
SELECT ?id ?name WHERE { ?p a stkg:StrategicProduct ; stkg:id ?id ; stkg:name ?name }
ORDER BY ?id ?name
"""
LINKS = """
PREFIX stkg: <https://w3id.org/stkg/ontology#>
SELECT ?product ?tech WHERE {
  ?p stkg:hasCoreTechnology ?t . ?p stkg:id ?product . ?t stkg:id ?tech
} ORDER BY ?product ?tech
"""
REVISIONS = """
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX stkg: <https://w3id.org/stkg/ontology#>
SELECT ?new ?old WHERE { ?n prov:wasRevisionOf ?o . ?n stkg:id ?new . ?o stkg:id ?old }
ORDER BY ?new
"""


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return load_ontology()


def _doc(version: int) -> dict[str, Any]:
    return {"id": f"document:plan-v{version}", "sha256": f"{version:064d}", "origin": ORIGIN}


def _plan(version: int) -> FactSet:
    """Version 1: product p1 (알파) uses t1. Version 2: p1 is renamed 베타 and no longer
    uses t1; a new product p2 does, and a new technology t2 (no evidence of its own)."""
    facts = FactSet()
    ev = EvidenceRef(quote=f"판 {version}", start=0, end=4)
    facts.node("CoreTechnology", "coretech:t1", name="기술1")  # no evidence: a neighbour
    if version == 1:
        facts.node("StrategicProduct", "product:p1", ev, name="알파")
        facts.rel("hasCoreTechnology", "product:p1", "coretech:t1", ev)
    else:
        facts.node("StrategicProduct", "product:p1", ev, name="베타")
        facts.node("StrategicProduct", "product:p2", ev, name="감마")
        facts.rel("hasCoreTechnology", "product:p2", "coretech:t1", ev)
        facts.node("CoreTechnology", "coretech:t2", name="기술2")  # new, without evidence
        facts.rel("hasCoreTechnology", "product:p2", "coretech:t2", ev)
    return facts


def _other() -> tuple[dict[str, Any], FactSet]:
    facts = FactSet()
    ev = EvidenceRef(quote="다른 문서", start=0, end=5)
    facts.node("StrategicProduct", "product:other", ev, name="기타")
    return {"id": "document:other", "sha256": "f" * 64, "origin": "memory/other.txt"}, facts


@pytest.fixture
def written(graph: Graph, onto: Ontology) -> tuple[Graph, FactWriter]:
    advance_version(graph, onto)
    writer = FactWriter(graph, onto)
    writer.write_document(*_other())
    writer.write_document(_doc(1), _plan(1))
    return graph, writer


def test_a_changed_document_replaces_its_facts_without_a_rebuild(
    written: tuple[Graph, FactWriter], onto: Ontology
) -> None:
    graph, writer = written
    store = SparqlStore(graph, onto)
    assert rows(store, NAMES) == [
        {"id": "product:other", "name": "기타"},
        {"id": "product:p1", "name": "알파"},
    ]
    assert rows(store, LINKS) == [{"product": "product:p1", "tech": "coretech:t1"}]
    assert (store.rebuilds, store.incremental_syncs) == (1, 0)

    summary = writer.write_document(_doc(2), _plan(2))
    assert summary.superseded == "document:plan-v1"
    assert rows(store, NAMES) == [
        {"id": "product:other", "name": "기타"},
        {"id": "product:p1", "name": "베타"},
        {"id": "product:p2", "name": "감마"},
    ]
    assert rows(store, LINKS) == [
        {"product": "product:p2", "tech": "coretech:t1"},
        {"product": "product:p2", "tech": "coretech:t2"},
    ]
    # the entailment follows too: stkg:supersedes is a subproperty of prov:wasRevisionOf
    assert rows(store, REVISIONS) == [{"new": "document:plan-v2", "old": "document:plan-v1"}]

    assert (store.rebuilds, store.incremental_syncs) == (1, 1)
    status = store.status
    assert status is not None and status.last_sync is not None
    sync = status.last_sync
    assert (sync.mode, sync.documents) == ("incremental", 1)
    # the plan's family and what it touched, not the other document's product
    total = graph.read("MATCH (n:Entity) WHERE NOT n:GraphVersion RETURN count(n) AS n")[0]["n"]
    assert 0 < sync.nodes < total
    assert status.version == read_version(graph)
    same_as_a_rebuild(store, graph, onto)


def test_the_same_document_again_and_two_at_once_stay_incremental(
    written: tuple[Graph, FactWriter], onto: Ontology
) -> None:
    graph, writer = written
    store = SparqlStore(graph, onto)
    store.current()
    assert writer.write_document(_doc(1), _plan(1)).skipped  # a write all the same
    writer.write_document(_doc(2), _plan(2))
    other, facts = _other()
    facts.node("StrategicProduct", "product:other", EvidenceRef(quote="x", start=0, end=1))
    writer.write_document({**other, "id": "document:other-v2", "sha256": "e" * 64}, facts)
    store.current()
    assert (store.rebuilds, store.incremental_syncs) == (1, 1)
    assert store.status is not None and store.status.last_sync is not None
    assert store.status.last_sync.documents == 3
    assert len(rows(store, LINKS)) == 2
    assert rows(store, REVISIONS) == [
        {"new": "document:other-v2", "old": "document:other"},
        {"new": "document:plan-v2", "old": "document:plan-v1"},
    ]
    same_as_a_rebuild(store, graph, onto)

    writer.write_document(_doc(1), _plan(1))  # back to the first version: it supersedes v2
    store.current()
    assert (store.rebuilds, store.incremental_syncs) == (1, 2)
    assert rows(store, LINKS) == [{"product": "product:p1", "tech": "coretech:t1"}]
    same_as_a_rebuild(store, graph, onto)


def test_a_write_that_is_no_document_makes_a_full_rebuild(
    written: tuple[Graph, FactWriter], onto: Ontology
) -> None:
    graph, _ = written
    store = SparqlStore(graph, onto)
    store.current()
    # a deletion no document made (as a prune or a retraction by hand would)
    graph.write("MATCH (p:StrategicProduct {id: 'product:other'}) DETACH DELETE p")
    assert rows(store, NAMES) == [{"id": "product:p1", "name": "알파"}]
    assert (store.rebuilds, store.incremental_syncs) == (2, 0)
    assert store.status is not None and store.status.last_sync is not None
    assert store.status.last_sync.mode == "full"
    assert "did not say what it changed" in store.status.last_sync.reason
    same_as_a_rebuild(store, graph, onto)


def test_a_wiped_graph_is_never_followed_incrementally(
    written: tuple[Graph, FactWriter], onto: Ontology
) -> None:
    graph, writer = written
    store = SparqlStore(graph, onto)
    store.current()
    held = read_version(graph)
    assert held is not None
    wipe(graph)
    advance_version(graph, onto)
    while (now := read_version(graph)) is not None and now.number <= held.number + 1:
        writer.write_document(_doc(1), _plan(1))  # documents only since the store's number
    assert rows(store, NAMES) == [{"id": "product:p1", "name": "알파"}]
    assert store.status is not None and store.status.last_sync is not None
    assert store.status.last_sync.mode == "full"
    assert store.incremental_syncs == 0


def test_too_many_nodes_to_reload_make_a_full_rebuild(
    written: tuple[Graph, FactWriter], onto: Ontology
) -> None:
    graph, writer = written
    store = SparqlStore(graph, onto, incremental_max_nodes=2)
    store.current()
    writer.write_document(_doc(2), _plan(2))
    assert len(rows(store, LINKS)) == 2
    assert (store.rebuilds, store.incremental_syncs) == (2, 0)
    assert store.status is not None and store.status.last_sync is not None
    assert "more than 2 nodes" in store.status.last_sync.reason


def _entries(start: int, tags: list[str], documents: list[str | None]) -> list[JournalEntry]:
    return [
        JournalEntry(start + i, t, d) for i, (t, d) in enumerate(zip(tags, documents, strict=True))
    ]


def test_the_plan_reads_the_journal() -> None:
    held = GraphVersion(5, "a")
    journal = _entries(5, ["z", "a", "b"], [None, "document:x", "document:y"])
    assert plan_sync(held, GraphVersion(7, "c"), journal) == SyncPlan(("document:x", "document:y"))
    assert plan_sync(held, held, journal) == SyncPlan()
    scoped = [*journal[:2], JournalEntry(7, "b", None, ("CrosswalkMapping", "CrosswalkRun"))]
    assert plan_sync(held, GraphVersion(7, "c"), scoped) == SyncPlan(
        ("document:x",), ("CrosswalkMapping", "CrosswalkRun")
    )
    assert "journal keeps" in str(plan_sync(held, GraphVersion(7, "c"), journal[2:]))
    other = _entries(6, ["a", "b"], ["document:x", None])
    assert "did not say" in str(plan_sync(held, GraphVersion(7, "c"), other))
    elsewhere = _entries(6, ["q", "b"], ["document:x", "document:y"])
    assert "not the one" in str(plan_sync(held, GraphVersion(7, "c"), elsewhere))
    assert "went back" in str(plan_sync(held, GraphVersion(3, "c"), journal))
    assert "no version node" in str(plan_sync(None, GraphVersion(3, "c"), journal))


def test_real_releases_and_a_changed_version_reload_like_a_rebuild(
    graph: Graph, onto: Ontology, seeds_dir: Path, tmp_path: Path
) -> None:
    """The extractors' own facts (nodes written without evidence, shared fields and
    editions, ingest runs): a second release, then a changed version of the first."""
    advance_version(graph, onto)
    sme = tmp_path / "sme.txt"
    text = (seeds_dir / SME_RELEASE).read_text(encoding="utf-8")
    sme.write_text(text, encoding="utf-8")
    origins = {sme: "memory/sme.txt"}
    assert _ingested(ingest_paths([sme], graph, onto, origins=origins)) == ["written"]
    store = SparqlStore(graph, onto)
    store.current()

    second = ingest_paths([seeds_dir / SMART_MANUFACTURING_RELEASE], graph, onto)
    assert _ingested(second) == ["written"]
    same_as_a_rebuild(store, graph, onto)
    sme.write_text(text + "\n(개정)\n", encoding="utf-8")
    assert _ingested(ingest_paths([sme], graph, onto, origins=origins)) == ["written"]
    refresh(graph)  # what `stkg ingest` does next: the crosswalks follow the new document
    same_as_a_rebuild(store, graph, onto)
    assert (store.rebuilds, store.incremental_syncs) == (1, 2)
    assert store.status is not None and store.status.last_sync is not None
    assert "CrosswalkMapping" in store.status.last_sync.reason
    assert rows(store, REVISIONS)[0]["old"] != rows(store, REVISIONS)[0]["new"]


def _ingested(report: IngestReport) -> list[str]:
    return [d.status for d in report.documents]


def test_an_ontology_sync_makes_a_full_rebuild(
    written: tuple[Graph, FactWriter], onto: Ontology, cli_settings: Settings
) -> None:
    """``stkg ontology sync`` (and its ``--prune``) writes without saying what it
    changed: the store cannot follow it incrementally."""
    graph, _ = written
    store = SparqlStore(graph, onto)
    store.current()
    result = CliRunner().invoke(app, ["ontology", "sync"])
    assert result.exit_code == 0, result.output
    store.current()
    assert store.status is not None and store.status.last_sync is not None
    assert store.status.last_sync.mode == "full"
    assert (store.rebuilds, store.incremental_syncs) == (2, 0)
    same_as_a_rebuild(store, graph, onto)


# -- writes that are no document: each says what it changed ------------------------------


def _candidates() -> tuple[dict[str, Any], FactSet]:
    """Two candidate organisations and a third one, each with evidence; the second
    prepares an edition."""
    facts = FactSet()
    ev = EvidenceRef(quote="후보 기관", start=0, end=5)
    for oid, name in (("organization:후보", "후보기관"), ("organization:다른후보", "다른기관")):
        facts.node("Organization", oid, ev, name=name, extractionStatus="candidate")
    facts.node("Organization", "organization:대상", ev, name="대상기관", aliases=["대상"])
    facts.node("RoadmapEdition", "edition:후보판@2025", ev, name="후보판")
    facts.rel("preparedBy", "edition:후보판@2025", "organization:다른후보", ev)
    doc = {"id": "document:candidates", "sha256": "c" * 64, "origin": "memory/candidates.txt"}
    return doc, facts


def test_a_candidate_review_is_followed_incrementally(
    written: tuple[Graph, FactWriter], onto: Ontology
) -> None:
    """``stkg review accept`` / ``reject`` (a status) and ``merge`` (a candidate folded
    into another node: its evidence, names and relationships move) name the nodes they
    change."""
    from stkg.graph.review import merge_into, set_status

    graph, writer = written
    writer.write_document(*_candidates())
    store = SparqlStore(graph, onto)
    store.current()
    set_status(graph, "organization:후보", "reviewed")
    caught_up_incrementally(store, graph, onto)
    set_status(graph, "organization:후보", "rejected")
    merge_into(graph, "organization:다른후보", "organization:대상")
    caught_up_incrementally(store, graph, onto)
    assert store.status is not None and store.status.last_sync is not None
    assert "3 named node(s)" in store.status.last_sync.reason
    names = """
    PREFIX stkg: <https://w3id.org/stkg/ontology#>
    SELECT ?alias WHERE { ?o stkg:id "organization:대상" ; stkg:aliases ?alias } ORDER BY ?alias
    """
    assert rows(store, names) == [{"alias": "다른기관"}, {"alias": "대상"}]


def _patents() -> tuple[dict[str, Any], FactSet]:
    """Four patents on equipment and batteries, and two technologies to classify them by."""
    facts = FactSet()
    titles = [
        "설비 상태 모니터링 장치",
        "설비 이상 감시 방법",
        "배터리 상태 진단",
        "커피 추출 방법",
    ]
    for i, title in enumerate(titles):
        facts.node(
            "Patent",
            f"patent:KR:s{i}",
            name=title,
            title=title,
            office="KR",
            filingDate=dt.date(2020, 1, 1 + i),
            ipcCodes=["G05B 23/02"],
        )
    facts.node("TechnologyClass", "techclass:모니터링", name="모니터링")
    facts.node("TechnologyClass", "techclass:진단", name="진단")
    return {"id": "document:patents", "sha256": "b" * 64, "origin": "memory/patents.txt"}, facts


def _classify(graph: Graph, onto: Ontology, folder: Path, monitoring: str) -> ClassificationReport:
    path = folder / "technologies.toml"
    path.write_text(
        f"""
[[technology]]
id = "techclass:모니터링"
expression = '{monitoring}'

[[technology]]
id = "techclass:진단"
expression = '배터리 AND 진단'
""",
        encoding="utf-8",
    )
    return classify_patents(graph, load_for_ontology(onto, [path]))


def test_a_patent_classification_is_followed_incrementally(
    written: tuple[Graph, FactWriter],
    onto: Ontology,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """``stkg patents classify`` names its run and the patents whose links it added,
    changed or removed; a run changing more than a journal entry names makes a rebuild."""
    graph, writer = written
    writer.write_document(*_patents())
    store = SparqlStore(graph, onto)
    store.current()
    assert _classify(graph, onto, tmp_path, "모니터링 OR 감시").added == 3
    caught_up_incrementally(store, graph, onto)
    report = _classify(
        graph, onto, tmp_path, "감시"
    )  # one link stays (a new hash: changed), one goes
    assert (report.changed, report.removed) == (1, 1)
    caught_up_incrementally(store, graph, onto)
    assert store.status is not None and store.status.last_sync is not None
    assert "3 named node(s)" in store.status.last_sync.reason  # the run and two patents
    matched = """
    PREFIX stkg: <https://w3id.org/stkg/ontology#>
    SELECT ?patent ?tech WHERE {
      ?p stkg:matchesTechnology ?t . ?p stkg:id ?patent . ?t stkg:id ?tech
    } ORDER BY ?patent
    """
    assert rows(store, matched) == [
        {"patent": "patent:KR:s1", "tech": "techclass:모니터링"},
        {"patent": "patent:KR:s2", "tech": "techclass:진단"},
    ]

    monkeypatch.setattr(version, "JOURNAL_NODES", 2)
    assert _classify(graph, onto, tmp_path, "설비").added == 1
    store.current()
    assert store.status is not None and store.status.last_sync is not None
    assert store.status.last_sync.mode == "full"
    assert "did not say" in store.status.last_sync.reason


def _page(n: int) -> tuple[dict[str, Any], FactSet]:
    facts = FactSet()
    facts.node("StrategicProduct", f"product:web{n}", EvidenceRef(quote="웹", start=0, end=1))
    origin = f"https://example.org/news/{n}"
    return {"id": f"document:web{n}", "sha256": f"{n:064d}", "origin": origin}, facts


def test_web_re_linking_is_followed_incrementally(
    written: tuple[Graph, FactWriter], onto: Ontology
) -> None:
    """A page the web ingest skipped as unchanged is linked to its attachments and its
    feed without a document (``FactWriter.write_links``): the links' ends are named."""
    graph, writer = written
    for n in (1, 2):
        writer.write_document(*_page(n))
    feeds = FeedRecords(graph, onto)
    feeds.subscribe("feed:news", "https://example.org/rss.xml", [], ["title"])
    store = SparqlStore(graph, onto)
    store.current()
    links = FactSet()
    links.rel("attachmentOf", "document:web2", "document:web1")
    links.rel("foundInFeed", "document:web1", "feed:news")
    assert writer.write_links(links).relationships_created == 2
    caught_up_incrementally(store, graph, onto)
    assert store.status is not None and store.status.last_sync is not None
    assert "3 named node(s)" in store.status.last_sync.reason
    found = """
    PREFIX stkg: <https://w3id.org/stkg/ontology#>
    SELECT ?page WHERE { ?p stkg:foundInFeed ?f ; stkg:id ?page } ORDER BY ?page
    """
    assert rows(store, found) == [{"page": "document:web1"}]


def _left_behind(version: int) -> FactSet:
    """Version 1: p9 uses t9, a technology with no evidence of its own; n9 is linked,
    without evidence, to coretech:t1 (written by another document). Version 2: p9 alone."""
    facts = FactSet()
    ev = EvidenceRef(quote=f"남는 노드 {version}", start=0, end=5)
    facts.node("StrategicProduct", "product:p9", ev, name="구판")
    if version == 1:
        facts.node("CoreTechnology", "coretech:t9", name="기술9")
        facts.rel("hasCoreTechnology", "product:p9", "coretech:t9", ev)
        facts.node("StrategicProduct", "product:n9", ev, name="연결")
        facts.rel("hasCoreTechnology", "product:n9", "coretech:t1")
    facts.node("CoreTechnology", "coretech:alone", name="홀로")  # written, linked to nothing
    return facts


def test_nodes_a_document_left_behind_between_two_syncs_are_reloaded(
    written: tuple[Graph, FactWriter], onto: Ontology
) -> None:
    """Written by one version and left behind by the next, both between two syncs: a node
    without evidence that lost every relationship (t9), a node only the first version
    supported that keeps a relationship to an older node (n9), and a node the document
    writes linked to nothing at all. The store has never held them; the write names them."""
    graph, writer = written
    store = SparqlStore(graph, onto)
    store.current()
    doc = {"id": "document:left-v1", "sha256": "1" * 64, "origin": "memory/left.txt"}
    writer.write_document(doc, _left_behind(1))
    writer.write_document({**doc, "id": "document:left-v2", "sha256": "2" * 64}, _left_behind(2))
    left = graph.read(
        "MATCH (n:Entity) WHERE n.id IN ['coretech:t9', 'product:n9', 'coretech:alone'] "
        "RETURN n.id AS id, COUNT { (n)--() } AS links ORDER BY id"
    )
    assert [(r["id"], r["links"]) for r in left] == [
        ("coretech:alone", 0),
        ("coretech:t9", 0),
        ("product:n9", 1),
    ]
    caught_up_incrementally(store, graph, onto)


@pytest.fixture
def ontology_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The store reads a copy of the ontology files (which a test may change)."""
    folder = tmp_path / "ontology"
    folder.mkdir()
    for path in default_paths():
        shutil.copy(path, folder / path.name)
    monkeypatch.setattr(sparql, "default_paths", lambda: tuple(sorted(folder.glob("*.ttl"))))
    return folder


def test_a_review_written_into_the_ontology_files_stays_incremental(
    written: tuple[Graph, FactWriter], onto: Ontology, ontology_copy: Path
) -> None:
    """``stkg review accept`` appends the candidate to ontology/reviewed.ttl as well (which
    the first decision creates, with its ontology header): the store holds the files'
    triples, and reloads the individuals whose triples changed; any other change to the
    files makes it rebuild in full."""
    from stkg.graph.review import set_status

    graph, writer = written
    writer.write_document(*_candidates())
    decisions = ontology_copy / "reviewed.ttl"  # created by an earlier decision
    append_block(
        individual_block("Organization", "organization:이전", "이전", [], "rejected", "t"),
        decisions,
    )
    store = SparqlStore(graph, onto)
    store.current()
    block = individual_block("Organization", "organization:후보", "후보기관", [], "reviewed", "t")
    append_block(block, decisions)
    set_status(graph, "organization:후보", "reviewed")
    caught_up_incrementally(store, graph, onto)
    assert store.status is not None and store.status.last_sync is not None
    assert "1 individual(s)" in store.status.last_sync.reason
    label = """
    PREFIX stkg: <https://w3id.org/stkg/ontology#>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT ?label WHERE { ?o stkg:id "organization:후보" ; rdfs:label ?label }
    """
    assert rows(store, label) == [{"label": "후보기관"}]

    with (ontology_copy / "stkg.ttl").open("a", encoding="utf-8") as fh:
        fh.write('\nstkg:Extra a owl:Class ; rdfs:label "추가"@ko , "extra"@en .\n')
    set_status(graph, "organization:후보", "rejected")
    store.current()
    assert store.status is not None and store.status.last_sync is not None
    assert store.status.last_sync.mode == "full"
    assert "ontology files changed" in store.status.last_sync.reason
    same_as_a_rebuild(store, graph, onto)


def test_journal_entries_name_documents_classes_and_nodes(
    written: tuple[Graph, FactWriter], monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a write declared comes back from the journal as it was said; a write naming
    more nodes than an entry keeps says nothing."""
    graph, _ = written
    assert scope_entry("document:x", None) == "document:x"
    assert scope_entry(None, Touching(("CrosswalkRun",))) == "@CrosswalkRun"
    assert scope_entry(None, None, ["product:a"]) == ""  # nodes alone, nothing declared
    with touching(nodes=["product:p1"]) as scope:
        scope.add(["organization:기관, 주식회사"])  # a comma in an id
        graph.write("MATCH (p:StrategicProduct {id: 'product:p1'}) SET p.name = '감마'")
    with touching("CrosswalkRun", nodes=["product:p1"]):
        graph.write("MATCH (p:StrategicProduct {id: 'product:p1'}) SET p.name = '델타'")
    monkeypatch.setattr(version, "JOURNAL_NODES", 1)
    with touching(nodes=["product:p1", "product:other"]):
        graph.write("MATCH (p:StrategicProduct {id: 'product:p1'}) SET p.name = '엡실론'")
    _, journal = read_journal(graph)
    assert [(e.document, e.classes, e.nodes, e.said) for e in journal[-3:]] == [
        (None, (), ("organization:기관, 주식회사", "product:p1"), True),
        (None, ("CrosswalkRun",), ("product:p1",), True),
        (None, (), (), False),
    ]
    held = GraphVersion(journal[-3].number - 1, journal[-3].after_tag)
    assert plan_sync(held, GraphVersion(journal[-2].number, "now"), journal[:-1]) == SyncPlan(
        (), ("CrosswalkRun",), ("organization:기관, 주식회사", "product:p1")
    )
