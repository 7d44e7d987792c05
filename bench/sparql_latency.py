"""The SPARQL store next to Neo4j: lineage questions asked both ways, a rebuild, and how
soon an ingest is in the store.

    NEO4J_URI=bolt://127.0.0.1:7688 python -m bench.sparql_latency [-n 300] [--rebuilds 5]
        [--revisions 10] [--seeds ../shared/seeds]

On a graph holding the two seed releases (``stkg ingest ../shared/seeds/*.txt``, the
graph the API tests use). The latency and rebuild parts read only; the freshness part
writes (``--revisions 0`` skips it): it ingests ``--revisions`` changed versions of the
SME seed release under one origin of its own (``bench:sparql-freshness``, a line appended
each time, so each version supersedes the one before and its facts and evidence are
replaced), and after each commit times how long the store takes to be current again
(:meth:`SparqlStore.current`, what the next ``/sparql`` query does first: the journal
read, the reload of what the document touched) and how many nodes it reloaded; then the
same for a small document (a product and a technology, renamed by each version). The
graph keeps those versions (the release's facts are its own; the last version's evidence
stays, and the small document's product and technology). Then the same again for the
writes that are no document, ``--revisions`` of each, on the bench's own nodes: a
candidate review (``set_status`` on the small document's product), a web re-link
(``write_links``: two empty documents of the bench's own, one an attachment of the other),
a feed's poll record (a feed of the bench's own, removed at the end), a patent
classification (two patents of the bench's own, linked to and unlinked from the small
document's technology by turns), a judged sample (``store_evaluations``, what
``stkg patents judge`` stores: an evaluation of the small document's technology and the
bench's classification run, its estimates changed each time) and stored patent
indicators (``analyse_patents``, what ``stkg analyse patents`` stores: an analysis of
each of two technology classes of the bench's own below a root, over eight patents, one
patent's filing year moved each time by a document of its own written before the run,
outside the timed write).

Each question is a Cypher query and its SPARQL twin in ``queries/*.rq``: "what changed
between the 2021 and 2022 SME editions" (the named query ``edition-diff``), "the history
of the drone field across editions" (``field-history``) and "the programmes the 2022
edition is linked to, with budgets" (the query of ``GET /programmes/links``,
``edition-programmes.rq``). The Cypher runs
through ``Graph.rows`` (the path an API read takes); the SPARQL through
:class:`stkg.graph.sparql.SparqlStore` as ``/sparql`` asks it (the graph version read
from Neo4j first), and through Oxigraph alone on the built store; alternating call by
call after a warm-up (:func:`bench.query_latency.paired`). Both answers are checked to be
the same rows first. Then the time of a full rebuild of the store from Neo4j (export,
ontology, entailment) and of the export alone, the median of ``--rebuilds`` each.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import statistics
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from bench.configured_graph import configured_graph
from bench.query_latency import Latency, paired
from stkg.graph.analysis.classification import classify_patents
from stkg.graph.analysis.classifier_check import Evaluation, store_evaluations
from stkg.graph.analysis.indicators import IndicatorParams
from stkg.graph.analysis.patent_analysis import analyse_patents
from stkg.graph.cypher.programmes import EDITION_LINKS, ORGANIZATION_COLUMN_NAMES
from stkg.graph.driver import Graph
from stkg.graph.facts import EvidenceRef, FactSet
from stkg.graph.feeds import FeedRecords
from stkg.graph.rdf import export_batches
from stkg.graph.review import set_status
from stkg.graph.sparql import SparqlStore, build_store, run_query, solutions
from stkg.graph.version import read_version
from stkg.graph.writer import FactWriter
from stkg.ingest.files import ingest_paths
from stkg.ontology.model import Ontology, load_ontology
from stkg.ontology.search_expressions import load_for_ontology
from stkg.queries.catalog import load_catalog

QUERIES = Path(__file__).resolve().parents[1] / "queries"
EDITION = "edition:중소기업기술로드맵@2022"
#: SPARQL twin (``queries/<name>.rq``) → its Cypher (a named query, or the API route's),
#: the parameters its VALUES line holds, and the Cypher columns SPARQL has no twin for
QUESTIONS: dict[str, tuple[str, dict[str, Any], tuple[str, ...]]] = {
    "edition-diff": (
        load_catalog()["edition-diff"].cypher,
        load_catalog()["edition-diff"].bind(
            {"from": "edition:중소기업기술로드맵@2021", "to": EDITION}
        ),
        (),
    ),
    "field-history": (
        load_catalog()["field-history"].cypher,
        load_catalog()["field-history"].bind({"field": "드론"}),
        (),
    ),
    "edition-programmes": (
        EDITION_LINKS,
        {
            "edition": EDITION,
            "byProgramme": False,
            "limit": 10_000,
            "asOf": None,
            "today": dt.date.today(),
        },
        # a Neo4j list of labels; the organisation that ran the programme on the link's day
        ("subjectLabels", *ORGANIZATION_COLUMN_NAMES),
    ),
}
MAX_ROWS = 10_000
TIMEOUT = 30.0


def measure(
    graph: Graph,
    store: SparqlStore,
    name: str,
    question: tuple[str, dict[str, Any], tuple[str, ...]],
    n: int,
) -> tuple[int, Latency, Latency, Latency]:
    """Rows, then Cypher, SPARQL through the store, and Oxigraph alone."""
    cypher, params, untwinned = question
    sparql = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")

    def ask_cypher() -> list[dict[str, object]]:
        rows = graph.rows(cypher, params, max_rows=MAX_ROWS).rows
        return [{k: v for k, v in r.items() if k not in untwinned} for r in rows]

    def ask_sparql() -> list[dict[str, object]]:
        answer, _ = store.query(sparql, max_rows=MAX_ROWS, timeout=TIMEOUT)
        return list(solutions(answer))

    expected, got = ask_cypher(), ask_sparql()
    if not expected or got != expected:
        raise SystemExit(
            f"{name}: the two answers differ ({len(expected)} Cypher rows, {len(got)} SPARQL "
            "rows); does the graph hold the seed releases?"
        )
    built, _ = store.current()

    def time_cypher() -> None:
        ask_cypher()

    def time_sparql() -> None:
        ask_sparql()

    def oxigraph_only() -> None:
        run_query(built, sparql, max_rows=MAX_ROWS, deadline=time.monotonic() + TIMEOUT)

    cy, sp = paired(time_cypher, time_sparql, n)
    _, ox_only = paired(lambda: None, oxigraph_only, n)
    return len(expected), cy, sp, ox_only


SME_RELEASE = "000_f874dc3d0926f1b7.txt"
FRESHNESS_ORIGIN = "bench:sparql-freshness"


def freshness(
    graph: Graph, onto: Ontology, store: SparqlStore, seeds: Path, revisions: int
) -> list[tuple[float, float, str, int]]:
    """Per changed version: seconds of its ingest, seconds from its commit until the store
    is current, and how the store caught up (mode, nodes reloaded)."""
    text = (seeds / SME_RELEASE).read_text(encoding="utf-8")
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sme.txt"
        for _ in range(revisions):
            store.current()  # current before the write
            path.write_text(f"{text}\n(revision {uuid.uuid4().hex})\n", encoding="utf-8")
            began = time.perf_counter()
            report = ingest_paths([path], graph, onto, origins={path: FRESHNESS_ORIGIN})
            committed = time.perf_counter()
            if [d.status for d in report.documents] != ["written"]:
                raise SystemExit(f"the changed release was not written: {report.documents}")
            out.append(_caught_up(store, began, committed))
    return out


def small_document(
    graph: Graph, onto: Ontology, store: SparqlStore, revisions: int
) -> list[tuple[float, float, str, int]]:
    """:func:`freshness` for a small document (a product, a technology, their link; the
    product renamed by each version), written by :class:`FactWriter` under an origin of
    its own."""
    writer = FactWriter(graph, onto)
    out = []
    for i in range(revisions):
        store.current()
        tag = uuid.uuid4().hex
        facts = FactSet()
        ev = EvidenceRef(quote=f"벤치마크 {i}", start=0, end=6)
        facts.node("StrategicProduct", "product:bench-note", ev, name=f"벤치마크 제품 {tag[:6]}")
        facts.node("CoreTechnology", "coretech:bench-note", ev, name="벤치마크 기술")
        facts.rel("hasCoreTechnology", "product:bench-note", "coretech:bench-note", ev)
        document = {
            "id": f"document:bench-{tag}",
            "sha256": hashlib.sha256(tag.encode()).hexdigest(),
            "origin": f"{FRESHNESS_ORIGIN}/note",
        }
        began = time.perf_counter()
        writer.write_document(document, facts)
        committed = time.perf_counter()
        out.append(_caught_up(store, began, committed))
    return out


def other_writes(
    graph: Graph, onto: Ontology, store: SparqlStore, revisions: int
) -> dict[str, list[tuple[float, float, str, int]]]:
    """:func:`freshness` for the writes that name what they changed without a document:
    on the product and technology :func:`small_document` left, and on documents, a feed
    and two patents of the bench's own."""
    writer = FactWriter(graph, onto)
    feeds = FeedRecords(graph, onto)
    feed = "feed:bench-sparql"
    feeds.subscribe(feed, "https://example.org/bench-sparql.xml", [], ["title"])
    patents = FactSet()
    for i in (1, 2):
        patents.node(
            "Patent", f"patent:KR:bench-{i}", name="벤치마크 설비 진단", title="벤치마크 설비 진단"
        )
    tag = uuid.uuid4().hex
    writer.write_document(
        {
            "id": f"document:bench-patents-{tag}",
            "sha256": hashlib.sha256(tag.encode()).hexdigest(),
            "origin": f"{FRESHNESS_ORIGIN}/patents",
        },
        patents,
    )
    documents = []
    for page in ("page", "attachment"):
        documents.append(f"document:bench-{page}-{tag}")
        writer.write_document(
            {
                "id": documents[-1],
                "sha256": hashlib.sha256(f"{page}{tag}".encode()).hexdigest(),
                "origin": f"{FRESHNESS_ORIGIN}/{page}",
            },
            FactSet(),
        )
    out: dict[str, list[tuple[float, float, str, int]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        toml = Path(tmp) / "bench.toml"

        def review(i: int) -> None:
            set_status(graph, "product:bench-note", "reviewed" if i % 2 else "candidate")

        def relink(i: int) -> None:
            links = FactSet()
            links.rel("attachmentOf", documents[i % 2], documents[(i + 1) % 2])
            writer.write_links(links)

        def poll(i: int) -> None:
            feeds.update(feed, {feeds.keys["lastPolled"]: dt.datetime.now(dt.UTC)})

        runs: list[str] = []

        def classify(i: int) -> None:
            term = "벤치마크" if i % 2 == 0 else "없는말"
            toml.write_text(
                f'[[technology]]\nid = "coretech:bench-note"\nexpression = "{term}"\n',
                encoding="utf-8",
            )
            run = classify_patents(graph, load_for_ontology(onto, [toml])).run
            runs.extend([run] if run else [])

        def judge(i: int) -> None:
            judged = Evaluation(
                "coretech:bench-note", runs[0], (i % 4) / 4, 0.5, 2 + i, 2, {"match": 2}
            )
            store_evaluations(graph, [judged], Path(tmp) / "bench-judged.csv")

        def indicators(i: int) -> None:
            analyse_patents(graph, onto, "techclass:bench-root", BENCH_INDICATORS)

        for name, write in (
            ("a candidate review (set_status)", review),
            ("a web re-link (write_links)", relink),
            ("a feed's poll record", poll),
            ("a patent classification (2 links added or removed)", classify),
            ("a judged sample (store_evaluations, 1 evaluation)", judge),
            ("stored patent indicators (analyse_patents, 2 classes)", indicators),
        ):
            out[name] = []
            for i in range(revisions):
                if write is indicators:
                    writer.write_document(*_indicator_patents(i))  # data that changes
                store.current()
                began = time.perf_counter()
                write(i)
                committed = time.perf_counter()
                out[name].append(_caught_up(store, began, committed))
    feeds.unsubscribe(feed)
    return out


#: The bench's own stored indicators: its three classes, 2015-2024 at KR and US.
BENCH_INDICATORS = IndicatorParams(2015, 2024, ("KR", "US"))


def _indicator_patents(i: int) -> tuple[dict[str, Any], FactSet]:
    """A root class and two classes below it with four patents each (Korean and US
    applicants, filings 2015-2024); the first patent's filing year is moved by ``i``, so
    each run of the indicators stores other values. One document per ``i``, under an
    origin of the bench's own."""
    facts = FactSet()
    facts.node("TechnologyClass", "techclass:bench-root", name="벤치마크 분류")
    for c in ("a", "b"):
        facts.node("TechnologyClass", f"techclass:bench-{c}", name=f"벤치마크 분류 {c}")
        facts.rel("broaderTechnology", f"techclass:bench-{c}", "techclass:bench-root")
    for country in ("KR", "US"):
        facts.node("Organization", f"organization:bench-{country}", name=f"벤치마크 {country}",
                   country=country)  # fmt: skip
    for k in range(8):
        pid = f"patent:bench-indicator-{k}"
        year = 2015 + (k + i) % 10 if k == 0 else 2015 + k
        facts.node("Patent", pid, name=f"벤치마크 특허 {k}", office="KR" if k % 2 else "US",
                   filingDate=dt.date(year, 3, 1), citationCount=k % 3)  # fmt: skip
        facts.rel("classifiedAs", pid, f"techclass:bench-{'ab'[k % 2]}")
        facts.rel("appliedBy", pid, f"organization:bench-{'KR' if k < 5 else 'US'}")
    tag = uuid.uuid4().hex
    return {
        "id": f"document:bench-indicators-{tag}",
        "sha256": hashlib.sha256(tag.encode()).hexdigest(),
        "origin": f"{FRESHNESS_ORIGIN}/indicators",
    }, facts


def _caught_up(store: SparqlStore, began: float, committed: float) -> tuple[float, float, str, int]:
    """(write seconds, seconds from commit to a current store, how it caught up, nodes
    reloaded): the store is asked for at once, as the next query would."""
    _, status = store.current()
    current = time.perf_counter()
    sync = status.last_sync
    assert sync is not None
    return committed - began, current - committed, sync.mode, sync.nodes


def _report(what: str, fresh: list[tuple[float, float, str, int]]) -> None:
    lags = sorted(f[1] for f in fresh)
    modes = sorted({f[2] for f in fresh})
    nodes = sorted(f[3] for f in fresh)
    print(
        f"write commit -> store current, {len(fresh)} of {what}: median "
        f"{statistics.median(lags) * 1000:.0f} ms, max {lags[-1] * 1000:.0f} ms "
        f"({'/'.join(modes)}; {nodes[0]:,}-{nodes[-1]:,} nodes reloaded); the write "
        f"itself: median {statistics.median(f[0] for f in fresh):.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.sparql_latency", description=__doc__)
    parser.add_argument("-n", type=int, default=300, help="timed queries per side")
    parser.add_argument("--rebuilds", type=int, default=5, help="timed full rebuilds")
    parser.add_argument(
        "--revisions", type=int, default=10, help="changed versions ingested (0: none)"
    )
    parser.add_argument(
        "--seeds",
        type=Path,
        default=Path(os.environ.get("STKG_SEEDS_DIR", "../shared/seeds")),
        help="the seed releases (default $STKG_SEEDS_DIR or ../shared/seeds)",
    )
    args = parser.parse_args()
    with configured_graph() as graph:
        onto = load_ontology()
        versioned = read_version(graph) is not None
        # without a version node the store could not tell a write: keep it for the run
        store = SparqlStore(graph, onto, unversioned_max_age=float("inf"))
        results = {name: measure(graph, store, name, q, args.n) for name, q in QUESTIONS.items()}
        rebuilds, exports = [], []
        for _ in range(args.rebuilds):
            began = time.perf_counter()
            _, status = build_store(graph, onto)
            rebuilds.append(time.perf_counter() - began)
            began = time.perf_counter()
            pages = list(export_batches(graph, onto))  # the part Neo4j and rdflib take
            exports.append(time.perf_counter() - began)
        fresh = freshness(graph, onto, store, args.seeds, args.revisions) if versioned else []
        small = small_document(graph, onto, store, args.revisions) if versioned else []
        others = other_writes(graph, onto, store, args.revisions) if small else {}
    print(f"n={args.n} per side; graph version node: {'yes' if versioned else 'no'}")
    for name, (rows, cy, sp, ox_only) in results.items():
        print(f"{name} ({rows} rows)")
        for side, lat in (
            ("Cypher (Graph.rows)", cy),
            ("SPARQL (store + version read)", sp),
            ("SPARQL (Oxigraph only)", ox_only),
        ):
            print(f"  {side:>30}: p50 {lat.p50:.2f} ms, p95 {lat.p95:.2f} ms, p99 {lat.p99:.2f} ms")
    print(
        f"full rebuild: median {statistics.median(rebuilds):.2f} s of {args.rebuilds} "
        f"({status.triples:,} triples, {status.entailed:,} of them entailed); the export "
        f"alone (Neo4j reads into {len(pages)} rdflib page(s)): median "
        f"{statistics.median(exports):.2f} s"
    )
    if fresh:
        _report("the SME release (ingest_paths)", fresh)
        _report("a small document (FactWriter)", small)
        for what, found in others.items():
            _report(what, found)
    elif args.revisions:
        print("freshness not measured: the graph has no version node (stkg ontology sync)")


if __name__ == "__main__":
    main()
