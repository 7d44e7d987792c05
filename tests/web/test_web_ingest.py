"""`stkg ingest URL`: a page and its attachments land in the real Neo4j, nothing partial."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import pytest
from web_helpers import (
    PATENT_HEADER,
    LocalSite,
    Route,
    csv_bytes,
    docx_bytes,
    fast_policy,
    http_date,
    page_html,
    xlsx_bytes,
)

from stkg.graph.driver import Graph
from stkg.ingest.readers import Limits
from stkg.ingest.web import Fetcher, WebIngester, WebResult
from stkg.ontology.model import load_ontology

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PLAN = [
    "2026년 스마트공장 핵심기술 개발 계획",
    "협동로봇 제어 기술과 공정 데이터 분석 기술을 중점 지원한다.",
]
PATENTS = [
    PATENT_HEADER,
    ["10-2023-0101010", "용접 로봇의 경로 보정 장치", "가온테크", "2023-03-02", "B25J 9/16", "KR"],
    ["10-2023-0202020", "공정 이상 탐지 방법", "나눔정밀", "2023-05-17", "G05B 23/02", "KR"],
]


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(fast_policy()) as f:
        yield f


def ingester(fetcher: Fetcher, graph: Graph, max_bytes: int = 5_000_000) -> WebIngester:
    return WebIngester(fetcher, load_ontology(), graph, limits=Limits(max_bytes=max_bytes))


def by_url(results: list[WebResult]) -> dict[str, str]:
    return {r.url: r.status for r in results}


def docs(graph: Graph) -> dict[str, dict[str, object]]:
    rows = graph.read(
        "MATCH (d:SourceDocument) OPTIONAL MATCH (d)-[:ATTACHMENT_OF]->(p:SourceDocument) "
        "RETURN d.origin AS origin, d.sha256 AS sha, d.mediaType AS type, d.title AS title, "
        "d.retrievedAt AS at, d.httpEtag AS etag, d.httpLastModified AS modified, "
        "collect(p.origin) AS pages"
    )
    return {row["origin"]: row for row in rows}


def test_cp949_page_and_its_attachments_land_with_provenance(
    site: LocalSite, fetcher: Fetcher, graph: Graph
) -> None:
    stamp = http_date(1_750_000_000)
    page = page_html(
        "2026년 중소기업 전략기술 로드맵 설명회 개최",
        ["중소벤처기업부는 스마트공장 분야 핵심기술 개발 계획을 공개했다.", "붙임 파일을 참고하기 바란다."],
        [("/files/plan.docx", "개발 계획서"), ("/files/patents.xlsx", "특허 목록"),
         ("/files/patents.csv", "특허 목록(CSV)"), ("/down.do?fileId=3", "첨부 내려받기"),
         ("/down.do?fileId=4", "안내문"), ("/files/missing.pdf", "없는 파일"),
         ("/private/internal.pdf", "내부 자료")],
        charset="cp949", meta=False,
    )  # fmt: skip
    page_url = site.add("/news/view?id=1", Route(page, content_type="text/html; charset=euc-kr",
                                                 etag='"page-1"', last_modified=stamp))  # fmt: skip
    site.add("/files/plan.docx", Route(docx_bytes(PLAN), content_type=DOCX, etag='"plan-1"'))
    site.add("/files/patents.xlsx", Route(xlsx_bytes(PATENTS), content_type=XLSX))
    site.add("/files/patents.csv", Route(csv_bytes(PATENTS), content_type="text/csv"))
    disposition = "attachment; filename*=UTF-8''%EB%B6%99%EC%9E%84.docx"  # 붙임.docx
    site.add("/down.do?fileId=3", Route(docx_bytes(["붙임 자료: 협동로봇 안전 기준 정비"]),
                                        content_type="application/octet-stream",
                                        headers={"Content-Disposition": disposition}))  # fmt: skip
    site.add("/down.do?fileId=4", Route(b"<p>login first</p>", content_type="text/html"))
    site.add("/private/internal.pdf", Route(b"%PDF-1.4 secret", content_type="application/pdf"))

    results = ingester(fetcher, graph).ingest(page_url)

    status = by_url(results)
    assert status == {
        site.url("/files/plan.docx"): "written",
        site.url("/files/patents.xlsx"): "written",
        site.url("/files/patents.csv"): "written",
        site.url("/down.do?fileId=3"): "written",
        site.url("/down.do?fileId=4"): "ignored",
        site.url("/files/missing.pdf"): "failed",
        site.url("/private/internal.pdf"): "robots",
        page_url: "written",
    }, results
    missing = next(r for r in results if r.url.endswith("missing.pdf"))
    assert "HTTP 404" in (missing.reason or "") and not missing.transient
    assert "/private/internal.pdf" not in site.paths()

    stored = docs(graph)
    assert set(stored) == {
        page_url,
        *(
            site.url(p)
            for p in (
                "/files/plan.docx",
                "/files/patents.xlsx",
                "/files/patents.csv",
                "/down.do?fileId=3",
            )
        ),
    }
    page_doc = stored[page_url]
    assert page_doc["sha"] == hashlib.sha256(page).hexdigest()
    assert page_doc["type"] == "text/html"
    assert page_doc["title"] == "2026년 중소기업 전략기술 로드맵 설명회 개최"  # CP949 decoded
    assert (page_doc["etag"], page_doc["modified"]) == ('"page-1"', stamp)
    assert page_doc["at"] is not None and page_doc["pages"] == []
    for origin, doc in stored.items():
        if origin != page_url:
            assert doc["pages"] == [page_url], origin
            assert doc["at"] is not None
    assert stored[site.url("/files/plan.docx")]["etag"] == '"plan-1"'
    assert stored[site.url("/files/plan.docx")]["type"] == DOCX
    # the patent list attachments became patents whose evidence cites that attachment
    cited = graph.read(
        "MATCH (p:Patent)<-[:SUPPORTS]-(:Evidence)-[:CITES_DOCUMENT]->(d:SourceDocument) "
        "RETURN DISTINCT p.id AS patent, d.origin AS origin ORDER BY patent, origin"
    )
    assert {(r["patent"], r["origin"]) for r in cited} == {
        (pid, site.url(f)) for pid in ("patent:KR:10-2023-0101010", "patent:KR:10-2023-0202020")
        for f in ("/files/patents.xlsx", "/files/patents.csv")
    }  # fmt: skip


def test_truncated_attachment_writes_nothing_of_the_item_until_it_downloads(
    site: LocalSite, fetcher: Fetcher, graph: Graph
) -> None:
    body = docx_bytes(PLAN)
    page_url = site.add("/news/2", Route(page_html("반도체 소부장 기술로드맵 후속 안내", ["본문"],
                                                   [("/files/cut.docx", "계획")])))  # fmt: skip
    site.add("/files/cut.docx", Route(body, content_type=DOCX, send_bytes=len(body) // 2))

    results = ingester(fetcher, graph).ingest(page_url)
    assert [(r.url, r.status, r.transient) for r in results] == [
        (site.url("/files/cut.docx"), "failed", True),
        (page_url, "failed", True),
    ]
    assert "broke off" in (results[0].reason or "") or "ended after" in (results[0].reason or "")
    assert graph.read("MATCH (n) RETURN count(n) AS n")[0]["n"] == 0, "nothing partial"

    site.routes["/files/cut.docx"] = Route(body, content_type=DOCX)  # the network recovers
    again = ingester(fetcher, graph).ingest(page_url)
    assert by_url(again) == {site.url("/files/cut.docx"): "written", page_url: "written"}
    assert docs(graph)[site.url("/files/cut.docx")]["pages"] == [page_url]


def test_oversized_and_unreadable_attachments_are_skipped_whole(
    site: LocalSite, fetcher: Fetcher, graph: Graph
) -> None:
    links = [("/files/huge.pdf", "대용량"), ("/files/broken.docx", "깨진 파일"),
             ("/files/ok.docx", "정상 파일")]  # fmt: skip
    page_url = site.add(
        "/news/3", Route(page_html("바이오 분야 기술개발 과제 공고", ["본문"], links))
    )
    site.add(
        "/files/huge.pdf", Route(b"%PDF-1.7\n" + b"0" * 300_000, content_type="application/pdf")
    )
    site.add("/files/broken.docx", Route(b"PK\x03\x04 not really a zip", content_type=DOCX))
    site.add("/files/ok.docx", Route(docx_bytes(PLAN), content_type=DOCX))

    results = ingester(fetcher, graph, max_bytes=100_000).ingest(page_url)
    status = by_url(results)
    assert status == {site.url("/files/huge.pdf"): "failed", site.url("/files/broken.docx"): "failed",
                      site.url("/files/ok.docx"): "written", page_url: "written"}  # fmt: skip
    reasons = {r.url: r.reason or "" for r in results}
    assert "100000" in reasons[site.url("/files/huge.pdf")]
    assert "broken.docx" in reasons[site.url("/files/broken.docx")]
    assert set(docs(graph)) == {page_url, site.url("/files/ok.docx")}
    orphans = graph.read(
        "MATCH (e:Evidence) WHERE NOT (e)-[:CITES_DOCUMENT]->(:SourceDocument) RETURN count(e) AS n"
    )
    assert orphans[0]["n"] == 0


def test_changed_page_supersedes_and_an_unchanged_attachment_answers_304(
    site: LocalSite, fetcher: Fetcher, graph: Graph
) -> None:
    links = [("/files/plan.docx", "계획")]
    page_url = site.add("/news/4", Route(page_html("전략기술 로드맵 1차 공고", ["첫 판"], links),
                                         etag='"v1"'))  # fmt: skip
    site.add("/files/plan.docx", Route(docx_bytes(PLAN), content_type=DOCX, etag='"a1"'))
    assert by_url(ingester(fetcher, graph).ingest(page_url))[page_url] == "written"

    unchanged = ingester(fetcher, graph).ingest(page_url)
    assert [(r.status, r.reason) for r in unchanged] == [("unchanged", "not modified (HTTP 304)")]
    assert site.requests[-1].headers["if-none-match"] == '"v1"'

    site.routes["/news/4"] = Route(
        page_html("전략기술 로드맵 2차 공고", ["고친 판"], links), etag='"v2"'
    )
    results = ingester(fetcher, graph).ingest(page_url)
    assert by_url(results) == {site.url("/files/plan.docx"): "unchanged", page_url: "written"}
    history = graph.read(
        "MATCH (new:SourceDocument)-[:SUPERSEDES]->(old:SourceDocument) "
        "RETURN new.origin AS origin, new.httpEtag AS new, old.httpEtag AS old"
    )
    assert history == [{"origin": page_url, "new": '"v2"', "old": '"v1"'}]
    linked = graph.read(
        "MATCH (a:SourceDocument)-[:ATTACHMENT_OF]->(p:SourceDocument) "
        "RETURN p.httpEtag AS page ORDER BY page"
    )
    assert [r["page"] for r in linked] == ['"v1"', '"v2"']  # the file belongs to both versions


def test_a_url_that_serves_a_file_is_one_document(
    site: LocalSite, fetcher: Fetcher, graph: Graph
) -> None:
    url = site.add("/open/patents.csv", Route(csv_bytes(PATENTS), content_type="text/csv"))
    results = ingester(fetcher, graph).ingest(url)
    assert [(r.kind, r.status) for r in results] == [("document", "written")]
    assert docs(graph)[url]["type"] == "text/csv"
