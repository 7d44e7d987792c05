"""Attachment discovery, feed parsing and keyword filters (no network, no graph)."""

from __future__ import annotations

import pytest
from web_helpers import rss

from stkg.ingest.web.errors import FeedError
from stkg.ingest.web.feeds import FeedItem, parse_feed
from stkg.ingest.web.filters import FilterError, ItemFilter
from stkg.ingest.web.page import decode_page, find_attachments

PAGE = """<html><head><base href="https://news.example.kr/board/"></head><body>
<a href="files/계획.hwpx">계획 (HWPX)</a>
<a href="/att/report.PDF#page=2">보고서</a>
<a href="https://cdn.example.kr/x/data.csv?v=3">자료</a>
<a href="/common/fileDown.do?atchFileId=F1&fileSn=0">첨부 내려받기</a>
<a href="/get?id=7" download="표.xlsx">표</a>
<a href="/get?id=8" download>이름 없는 내려받기</a>
<a href="view.do?id=2">다음 글</a>
<a href="mailto:press@example.kr">메일</a>
<a href="javascript:fnDown(1)">스크립트</a>
<a href="/att/report.PDF">보고서 다시</a>
</body></html>"""


def test_attachments_are_found_resolved_and_deduplicated() -> None:
    links = find_attachments(PAGE, "https://news.example.kr/board/view.do?id=1")
    assert [(link.url, link.certain) for link in links] == [
        ("https://news.example.kr/board/files/계획.hwpx", True),
        ("https://news.example.kr/att/report.PDF", True),
        ("https://cdn.example.kr/x/data.csv?v=3", True),
        ("https://news.example.kr/common/fileDown.do?atchFileId=F1&fileSn=0", False),
        ("https://news.example.kr/get?id=7", True),
        ("https://news.example.kr/get?id=8", False),
    ]
    assert links[0].text == "계획 (HWPX)"


def test_page_decoding_uses_the_http_charset_or_the_declaration() -> None:
    html = "<p>전략기술 로드맵</p>"
    assert "전략기술" in decode_page(html.encode("cp949"), "euc-kr")
    declared = f'<meta charset="euc-kr">{html}'.encode("cp949")
    assert "전략기술" in decode_page(declared, None)


def test_rss_items_with_links_tags_and_enclosures() -> None:
    data = rss([
        {"title": "중소기업 기술로드맵 발표", "link": "https://a.example/1", "category": "기술",
         "enclosure": "https://a.example/1.pdf", "summary": "<b>핵심</b> 기술"},
        {"title": "행사 안내", "link": "https://a.example/2"},
    ])  # fmt: skip
    feed = parse_feed(data, "https://a.example/rss.xml")
    assert feed.title == "보도자료"
    first, second = feed.items
    assert (first.title, first.link, first.tags) == (
        "중소기업 기술로드맵 발표",
        "https://a.example/1",
        ("기술",),
    )
    assert first.enclosures == ("https://a.example/1.pdf",)
    assert second.enclosures == ()


def test_atom_feed_with_relative_links() -> None:
    atom = """<?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom"><title>공지</title><id>urn:x</id>
    <entry><title>특허 분석 결과</title><id>urn:1</id><link href="/news/9"/>
    <link rel="enclosure" href="/files/9.hwpx"/><summary>요약</summary></entry></feed>"""
    feed = parse_feed(atom.encode(), "https://b.example/atom.xml")
    (item,) = feed.items
    assert item.link == "https://b.example/news/9"
    assert item.enclosures == ("https://b.example/files/9.hwpx",)


def test_a_web_page_is_not_a_feed() -> None:
    with pytest.raises(FeedError, match=r"https://c\.example/page\.html.*not an RSS or Atom"):
        parse_feed(b"<html><body><p>hello</p></body></html>", "https://c.example/page.html")


def _item(title: str, summary: str = "", tags: tuple[str, ...] = ()) -> FeedItem:
    return FeedItem("id", title, "https://x", summary, "", tags, (), None)


def test_keyword_filter_ignores_spaces_and_case_and_looks_at_chosen_fields() -> None:
    default = ItemFilter.build(["로드맵", "기술개발", "R&D"])
    assert default.match(_item("2025 중소기업 기술 개발 지원 공고")) == "기술개발"
    assert default.match(_item("신규 r&d 과제 선정")) == "R&D"
    assert default.match(_item("행사 안내", tags=("로드맵",))) == "로드맵"
    assert default.match(_item("행사 안내", summary="<p>지역 축제</p>")) is None
    title_only = ItemFilter.build(["특허"], ["title"])
    assert title_only.match(_item("행사 안내", summary="특허 설명회")) is None
    assert ItemFilter.build([]).match(_item("무엇이든")) == "*"
    with pytest.raises(FilterError, match="author"):
        ItemFilter.build(["특허"], ["author"])
