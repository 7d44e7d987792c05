"""The state web ingest keeps, all of it in the graph: feeds, and what each URL last gave.

Feeds are ``Feed`` nodes (url, keywords, fields, HTTP validators, last poll), so every
machine that talks to the same Neo4j sees the same subscriptions and nothing lives in a
local file that a backup could miss. The validators of a page or attachment are those of
its current ``SourceDocument`` version (``origin`` = URL, ``httpEtag``,
``httpLastModified``), so "has it changed?" is asked of the graph itself.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from stkg.graph.driver import Graph
from stkg.graph.feeds import FeedRecords
from stkg.ingest.web.fetch import Validators
from stkg.ontology.model import Ontology


class FeedUrlError(ValueError):
    """A feed URL that is not http(s)."""


@dataclass(frozen=True)
class Feed:
    id: str
    url: str
    keywords: tuple[str, ...]
    fields: tuple[str, ...]
    name: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_polled: datetime | None = None

    @property
    def validators(self) -> Validators:
        return Validators(self.etag, self.last_modified)


@dataclass(frozen=True)
class HeldVersion:
    """The current version of a web document: its node id, hash and HTTP validators."""

    id: str
    sha256: str
    etag: str | None
    last_modified: str | None

    @property
    def validators(self) -> Validators:
        return Validators(self.etag, self.last_modified)


def check_feed_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FeedUrlError(f"a feed URL must start with http:// or https://, got {url!r}")
    return url


class FeedStore:
    """Feeds and web-document versions, kept in the graph (Cypher in ``graph/feeds.py``)."""

    def __init__(self, graph: Graph, onto: Ontology) -> None:
        self.graph = graph
        self.onto = onto
        self._records = FeedRecords(graph, onto)

    def feed_id(self, url: str) -> str:
        prefix = self.onto.cls("Feed").id_prefix or "feed"
        return f"{prefix}:{hashlib.sha256(url.encode()).hexdigest()[:16]}"

    # -- feeds ----------------------------------------------------------------------------
    def add(self, url: str, keywords: list[str], fields: list[str]) -> Feed:
        """Subscribe to ``url`` (or change its filter); validators are kept."""
        check_feed_url(url)
        self._records.subscribe(self.feed_id(url), url, keywords, fields)
        feed = self.get(url)
        assert feed is not None
        return feed

    def remove(self, url: str) -> bool:
        return self._records.unsubscribe(self.feed_id(url))

    def get(self, url: str) -> Feed | None:
        found = [f for f in self.feeds() if f.url == url]
        return found[0] if found else None

    def feeds(self) -> list[Feed]:
        return [_feed(row) for row in self._records.feeds()]

    def record_poll(
        self,
        feed: Feed,
        polled_at: datetime,
        *,
        validators: Validators | None = None,
        name: str | None = None,
    ) -> None:
        """Note a poll; new validators only when every item of the feed was dealt with."""
        k = self._records.keys
        props: dict[str, Any] = {k["lastPolled"]: polled_at}
        if validators is not None:
            props[k["httpEtag"]] = validators.etag
            props[k["httpLastModified"]] = validators.last_modified
        if name:
            props[k["name"]] = name
        self._records.update(feed.id, props)

    # -- web documents --------------------------------------------------------------------
    def held_version(self, origin: str) -> HeldVersion | None:
        """The newest version in the graph of the document fetched from ``origin``."""
        row = self._records.held_version(origin)
        if row is None:
            return None
        return HeldVersion(row["id"], row["sha"], row["etag"], row["last_modified"])


def _feed(row: dict[str, Any]) -> Feed:
    polled = row["last_polled"]
    return Feed(
        id=row["id"],
        url=row["url"],
        keywords=tuple(row["keywords"] or ()),
        fields=tuple(row["fields"] or ()),
        name=row["name"],
        etag=row["etag"],
        last_modified=row["last_modified"],
        last_polled=datetime.fromisoformat(polled) if polled else None,  # JSON-ready rows
    )
