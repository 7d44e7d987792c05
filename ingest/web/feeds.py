"""RSS and Atom feeds into plain ``FeedItem``\\ s (feedparser does the parsing).

feedparser copes with the feeds ministries actually publish (RSS 0.9x/1.0/2.0, Atom,
wrong encodings, HTML in descriptions); this module only picks the fields stkg uses and
refuses a document that is not a feed at all, naming the URL.
"""

from __future__ import annotations

from dataclasses import dataclass

import feedparser

from stkg.ingest.web.errors import FeedError


@dataclass(frozen=True)
class FeedItem:
    """One entry: where it points and the text the keyword filter looks at."""

    id: str
    title: str
    link: str | None
    summary: str
    content: str
    tags: tuple[str, ...]
    enclosures: tuple[str, ...]  # attachment URLs the entry carries itself
    published: str | None


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    items: list[FeedItem]


def parse_feed(data: bytes, url: str) -> ParsedFeed:
    """Parse feed bytes fetched from ``url`` (relative links resolve against it)."""
    # bytes, never str: feedparser treats a str as a URL or path to open itself
    parsed = feedparser.parse(data, response_headers={"content-location": url})
    version = parsed.get("version") or ""
    if not version and not parsed.entries:
        reason = parsed.get("bozo_exception") or "no RSS or Atom root element"
        raise FeedError(
            url,
            f"not an RSS or Atom feed ({reason})",
            hint="check the URL points at the feed, not at a web page",
        )
    title = str(parsed.feed.get("title", ""))
    return ParsedFeed(title=title, items=[_item(e) for e in parsed.entries])


def _item(entry: feedparser.FeedParserDict) -> FeedItem:
    link = entry.get("link") or None
    enclosures = tuple(
        str(x.get("href"))
        for x in entry.get("links", [])
        if x.get("rel") == "enclosure" and x.get("href")
    )
    content = " ".join(str(c.get("value", "")) for c in entry.get("content", []))
    tags = tuple(str(t.get("term")) for t in entry.get("tags", []) if t.get("term"))
    return FeedItem(
        id=str(entry.get("id") or link or entry.get("title", "")),
        title=str(entry.get("title", "")),
        link=str(link) if link else None,
        summary=str(entry.get("summary", "")),
        content=content,
        tags=tags,
        enclosures=enclosures,
        published=entry.get("published") or entry.get("updated"),
    )
