"""Feed polls and the SPARQL store: every write of a poll (documents, a page re-linked to
its feed, the feed's own record) says what it changed, so the store follows a poll
without a rebuild and holds what a store built from scratch holds (``stkg.graph.sparql``)."""

from __future__ import annotations

from pathlib import Path

from sparql_helpers import caught_up_incrementally, rows
from web_helpers import DOCX, LocalSite, Route, docx_bytes, fast_policy, page_html, rss

from stkg.graph.driver import Graph
from stkg.graph.sparql import SparqlStore
from stkg.graph.version import advance_version
from stkg.ingest.readers import Limits
from stkg.ingest.web import FeedPuller, FeedStore, Fetcher, PullReport, WebIngester
from stkg.ingest.web.runlog import RunLog
from stkg.ontology.model import load_ontology

KEYWORDS = ["로드맵", "전략기술"]
FOUND = """
PREFIX stkg: <https://w3id.org/stkg/ontology#>
SELECT ?origin WHERE { ?d stkg:foundInFeed ?f ; stkg:origin ?origin } ORDER BY ?origin
"""


def _pull(graph: Graph, log: Path) -> PullReport:
    onto = load_ontology()
    store = FeedStore(graph, onto)
    with Fetcher(fast_policy()) as fetcher:
        ingester = WebIngester(fetcher, onto, graph, limits=Limits(max_bytes=2_000_000))
        puller = FeedPuller(ingester, store, default_keywords=KEYWORDS, log=RunLog(log))
        return puller.pull(store.feeds())


def _feed(site: LocalSite, items: list[dict[str, str]], etag: str) -> str:
    return site.add("/rss.xml", Route(rss(items), content_type="application/rss+xml", etag=etag))


def test_feed_polls_are_followed_incrementally(
    site: LocalSite, graph: Graph, tmp_path: Path
) -> None:
    onto = load_ontology()
    advance_version(graph, onto)
    log = tmp_path / "feeds.jsonl"
    first = site.add(
        "/news/1",
        Route(page_html("2026 기술로드맵 발표", ["본문"], [("/files/a.docx", "붙임")]), etag='"a"'),
    )
    site.add("/files/a.docx", Route(docx_bytes(["수소 과제 목록"]), content_type=DOCX, etag='"f"'))
    items = [{"title": "2026 기술로드맵 발표", "link": first}]
    feeds = FeedStore(graph, onto)
    feed = feeds.add(_feed(site, items, '"feed1"'), [], ["title"])
    _pull(graph, log)
    store = SparqlStore(graph, onto)
    store.current()

    # a new item: its page is written, the unchanged page is linked again, the feed noted
    second = site.add("/news/2", Route(page_html("전략기술 과제 공고", ["본문"], []), etag='"b"'))
    items.append({"title": "전략기술 과제 공고", "link": second})
    _feed(site, items, '"feed2"')
    report = _pull(graph, log)
    assert {r.status for r in report.results if r.kind == "page"} == {"unchanged", "written"}
    caught_up_incrementally(store, graph, onto)
    assert [r["origin"] for r in rows(store, FOUND)] == [first, second]

    _pull(graph, log)  # nothing new: the feed's record alone changes
    caught_up_incrementally(store, graph, onto)
    assert feeds.remove(feed.url)
    caught_up_incrementally(store, graph, onto)
    assert rows(store, FOUND) == []
