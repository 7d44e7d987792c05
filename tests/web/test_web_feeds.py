"""Feeds: conditional polling, keyword filters, robots, retries, the run log, the CLI."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner
from web_helpers import DOCX, LocalSite, Route, docx_bytes, fast_policy, page_html, rss

from stkg.cli import app
from stkg.config.settings import Settings, get_settings
from stkg.graph.driver import Graph
from stkg.ingest.readers import Limits
from stkg.ingest.web import FeedPuller, FeedStore, Fetcher, PullReport, WebIngester
from stkg.ingest.web.runlog import RunLog
from stkg.ontology.model import load_ontology

KEYWORDS = ["로드맵", "전략기술", "특허", "기술개발", "R&D"]


def pull(graph: Graph, log: Path, **policy: float) -> PullReport:
    onto = load_ontology()
    store = FeedStore(graph, onto)
    with Fetcher(fast_policy(**policy)) as fetcher:
        ingester = WebIngester(fetcher, onto, graph, limits=Limits(max_bytes=2_000_000))
        puller = FeedPuller(ingester, store, default_keywords=KEYWORDS, log=RunLog(log))
        return puller.pull(store.feeds())


def statuses(report: PullReport) -> dict[str, str]:
    return {
        f"{r.kind} {r.url.split(':', 2)[-1].split('/', 1)[-1]}": r.status for r in report.results
    }


def news(
    site: LocalSite, n: int, title: str, etag: str, links: Sequence[tuple[str, str]] = ()
) -> str:
    """A press-release page at /news/n whose body is built from its title."""
    body = page_html(title, [f"{title}에 관한 본문입니다."], list(links))
    return site.add(f"/news/{n}", Route(body, etag=etag))


def test_pull_filters_skips_retries_and_only_refetches_what_changed(
    site: LocalSite, graph: Graph, tmp_path: Path
) -> None:
    log = tmp_path / "feeds.jsonl"
    a = news(site, 1, "2026 중소기업 기술로드맵 발표", '"a1"', [("/files/a.docx", "붙임")])
    site.add("/files/a.docx", Route(docx_bytes(["수소 연료전지 스택 국산화 과제 목록"]), content_type=DOCX,
                                    etag='"f1"'))  # fmt: skip
    d = news(site, 4, "전략기술 R&D 신규 과제 공고", '"d1"')
    e = news(site, 5, "제조 기술개발 지원 사업 안내", '"e1"')
    site.routes["/news/5"].delay = 4.0  # far slower than the timeout: deferred
    items = [
        {"title": "2026 중소기업 기술로드맵 발표", "link": a},
        {"title": "지역 축제 일정 안내", "link": site.url("/news/2"), "summary": "먹거리 장터"},
        {"title": "특허 빅데이터 분석 결과", "link": site.url("/private/3")},
        {"title": "전략기술 R&D 신규 과제 공고", "link": d},
        {"title": "제조 기술개발 지원 사업 안내", "link": e},
    ]
    feed_url = site.add(
        "/rss.xml", Route(rss(items), content_type="application/rss+xml", etag='"feed1"')
    )
    store = FeedStore(graph, load_ontology())
    feed = store.add(feed_url, [], ["title", "summary"])

    first = pull(graph, log, timeout=1.0, retries=0)
    assert statuses(first) == {
        "feed rss.xml": "fetched", "attachment files/a.docx": "written", "page news/1": "written",
        "item news/2": "filtered", "page private/3": "robots", "page news/4": "written",
        "page news/5": "failed",
    }  # fmt: skip
    assert first.items_seen == 5 and first.items_ingested == 4
    assert "/news/2" not in site.paths() and "/private/3" not in site.paths()
    found = graph.read(
        "MATCH (d:SourceDocument)-[:FOUND_IN_FEED]->(f:Feed) RETURN d.origin AS o ORDER BY o"
    )
    assert [r["o"] for r in found] == [a, d]
    polled = store.get(feed_url)
    assert polled is not None and polled.last_polled is not None and polled.name == "보도자료"
    assert polled.etag is None, "an item was deferred: the feed must be fetched in full again"
    lines = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert {(x["url"], x["status"]) for x in lines} >= {
        (site.url("/news/2"), "filtered"),
        (site.url("/private/3"), "robots"),
        (e, "failed"),
    }
    failed = next(x for x in lines if x["url"] == e)
    assert failed["transient"] and "no answer within 1 s" in failed["reason"]
    assert all(x["feed"] == feed.url and x["run"].startswith("ingestrun:") for x in lines)

    site.routes["/news/5"].delay = 0.0  # the slow server recovers
    second = pull(graph, log)
    assert statuses(second) == {
        "feed rss.xml": "fetched", "page news/1": "unchanged", "item news/2": "filtered",
        "page private/3": "robots", "page news/4": "unchanged", "page news/5": "written",
    }  # fmt: skip
    page_requests = [r for r in site.requests if r.path == "/news/1"]
    assert page_requests[-1].headers.get("if-none-match") == '"a1"'
    polled = store.get(feed_url)
    assert polled is not None and polled.etag == '"feed1"'

    before = len(site.requests)
    third = pull(graph, log)
    assert statuses(third) == {"feed rss.xml": "unchanged"}
    assert [r.path for r in site.requests[before:]] == ["/robots.txt", "/rss.xml"]
    assert site.requests[-1].headers["if-none-match"] == '"feed1"'

    # the release is corrected: new page content, the feed changes with it
    site.routes["/news/1"] = Route(page_html("2026 중소기업 기술로드맵 발표(정정)", ["정정된 본문"],
                                             [("/files/a.docx", "붙임")]), etag='"a2"')  # fmt: skip
    site.routes["/rss.xml"] = Route(rss(items) + b" ", content_type="application/rss+xml",
                                    etag='"feed2"')  # fmt: skip
    fourth = pull(graph, log)
    assert statuses(fourth)["page news/1"] == "written"
    assert statuses(fourth)["attachment files/a.docx"] == "unchanged"
    assert statuses(fourth)["page news/4"] == "unchanged"
    versions = graph.read(
        "MATCH (d:SourceDocument {origin: $o}) OPTIONAL MATCH (d)-[:SUPERSEDES]->(old) "
        "RETURN d.httpEtag AS etag, old.httpEtag AS replaces ORDER BY etag", o=a,
    )  # fmt: skip
    assert versions == [{"etag": '"a1"', "replaces": None}, {"etag": '"a2"', "replaces": '"a1"'}]
    docs = graph.read("MATCH (d:SourceDocument) RETURN count(d) AS n")[0]["n"]
    assert docs == 5  # a (2 versions), its attachment, d, e


def test_pull_rate_against_the_local_server(site: LocalSite, graph: Graph, tmp_path: Path) -> None:
    n = 20
    items = []
    for i in range(n):
        title = f"전략기술 로드맵 후속 공고 제{i + 1}호"
        items.append({"title": title, "link": news(site, 100 + i, title, f'"n{i}"')})
    feed_url = site.add("/many.xml", Route(rss(items), content_type="application/rss+xml"))
    FeedStore(graph, load_ontology()).add(feed_url, ["로드맵"], ["title"])
    report = pull(graph, tmp_path / "log.jsonl")
    assert report.totals() == {"fetched": 1, "written": n}
    rate = report.items_per_minute()
    print(f"\npull rate: {n} items in {report.seconds:.2f} s = {rate:.0f} items/min")
    assert rate > 0


@pytest.fixture
def cli_env(
    cli_settings: Settings, graph: Graph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """The CLI pointed at the test server, STKG_HOME in a temporary folder."""
    for name, value in {"HOME": str(tmp_path), "WEB_TIMEOUT": "10", "WEB_HOST_INTERVAL": "0",
                        "WEB_RETRIES": "0", "FEED_KEYWORDS": "로드맵,특허"}.items():  # fmt: skip
        monkeypatch.setenv(f"STKG_{name}", value)
    get_settings.cache_clear()  # read again with these (cli_settings clears it after the test)
    return tmp_path


def test_cli_ingest_url_and_feed_add_list_pull(
    site: LocalSite, cli_env: Path, graph: Graph
) -> None:
    runner = CliRunner()
    page = news(site, 7, "특허 동향 보고서 공개", '"p7"')
    result = runner.invoke(app, ["ingest", page, "--json"])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert [(r["url"], r["status"]) for r in answer["web"]] == [(page, "written")]
    # a page written from a URL alone sets off the follow-ups too (crosswalks, patents)
    assert answer["crosswalks"]["pairs"] == []

    feed_url = site.add("/feed.xml", Route(rss([
        {"title": "기술로드맵 수립 착수", "link": news(site, 8, "기술로드맵 수립 착수", '"p8"')},
        {"title": "특허 동향 보고서 공개", "link": page},
        {"title": "채용 공고", "link": site.url("/news/9")},
    ]), content_type="application/rss+xml"))  # fmt: skip
    assert runner.invoke(app, ["feed", "add", "ftp://x/feed"]).exit_code == 1
    added = runner.invoke(app, ["feed", "add", feed_url])
    assert added.exit_code == 0 and "default (로드맵, 특허)" in added.output
    listed = json.loads(runner.invoke(app, ["feed", "list", "--json"]).stdout)
    assert [(f["url"], f["keywords"], f["last_polled"]) for f in listed] == [(feed_url, [], None)]

    pulled = runner.invoke(app, ["feed", "pull", "--once", "--json"])
    assert pulled.exit_code == 0, pulled.output
    pulled_report = json.loads(pulled.stdout)
    outcome = {(r["url"], r["status"]) for r in pulled_report["results"]}
    assert pulled_report["crosswalks"]["pairs"] == []  # a pull that wrote runs them too
    assert outcome == {(feed_url, "fetched"), (site.url("/news/8"), "written"),
                       (page, "unchanged"), (site.url("/news/9"), "filtered")}  # fmt: skip
    log = cli_env / "logs" / "feeds.jsonl"
    assert len(log.read_text(encoding="utf-8").splitlines()) == 4
    listed = json.loads(runner.invoke(app, ["feed", "list", "--json"]).stdout)
    assert listed[0]["last_polled"] is not None and listed[0]["name"] == "보도자료"
