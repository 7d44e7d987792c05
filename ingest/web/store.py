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
from stkg.ingest.web.fetch import Validators
from stkg.ontology.model import Ontology
from stkg.ontology.names import quote_name


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
    """Feeds and web-document versions, read and written through ontology names only."""

    def __init__(self, graph: Graph, onto: Ontology) -> None:
        self.graph = graph
        self.onto = onto
        self._e = quote_name(onto.label("Entity"))
        self._feed = quote_name(onto.label("Feed"))
        self._feed_labels = ":".join(quote_name(label) for label in onto.labels_of("Feed"))
        self._doc = quote_name(onto.label("SourceDocument"))
        self._supersedes = quote_name(onto.rel("supersedes"))
        self._k = {n: onto.prop(n) for n in (
            "id", "feedUrl", "feedKeywords", "feedFields", "name", "httpEtag",
            "httpLastModified", "lastPolled", "origin", "sha256", "retrievedAt",
        )}  # fmt: skip
        self._p = {n: quote_name(key) for n, key in self._k.items()}

    def feed_id(self, url: str) -> str:
        prefix = self.onto.cls("Feed").id_prefix or "feed"
        return f"{prefix}:{hashlib.sha256(url.encode()).hexdigest()[:16]}"

    # -- feeds ----------------------------------------------------------------------------
    def add(self, url: str, keywords: list[str], fields: list[str]) -> Feed:
        """Subscribe to ``url`` (or change its filter); validators are kept."""
        check_feed_url(url)
        p = self._p
        self.graph.write(
            f"MERGE (f:{self._e} {{{p['id']}: $id}}) SET f:{self._feed_labels} "
            f"SET f.{p['feedUrl']} = $url, f.{p['feedKeywords']} = $keywords, "
            f"f.{p['feedFields']} = $fields",
            id=self.feed_id(url), url=url, keywords=keywords, fields=fields,
        )  # fmt: skip
        feed = self.get(url)
        assert feed is not None
        return feed

    def remove(self, url: str) -> bool:
        p = self._p
        rows = self.graph.write(
            f"MATCH (f:{self._feed} {{{p['id']}: $id}}) DETACH DELETE f RETURN count(*) AS n",
            id=self.feed_id(url),
        )
        return bool(rows and rows[0]["n"])

    def get(self, url: str) -> Feed | None:
        found = [f for f in self.feeds() if f.url == url]
        return found[0] if found else None

    def feeds(self) -> list[Feed]:
        p = self._p
        rows = self.graph.read(
            f"MATCH (f:{self._feed}) RETURN f.{p['id']} AS id, f.{p['feedUrl']} AS url, "
            f"f.{p['feedKeywords']} AS keywords, f.{p['feedFields']} AS fields, "
            f"f.{p['name']} AS name, f.{p['httpEtag']} AS etag, "
            f"f.{p['httpLastModified']} AS last_modified, f.{p['lastPolled']} AS last_polled "
            f"ORDER BY url"
        )
        return [_feed(row) for row in rows]

    def record_poll(
        self,
        feed: Feed,
        polled_at: datetime,
        *,
        validators: Validators | None = None,
        name: str | None = None,
    ) -> None:
        """Note a poll; new validators only when every item of the feed was dealt with."""
        p, k = self._p, self._k
        props: dict[str, Any] = {k["lastPolled"]: polled_at}
        if validators is not None:
            props[k["httpEtag"]] = validators.etag
            props[k["httpLastModified"]] = validators.last_modified
        if name:
            props[k["name"]] = name
        self.graph.write(
            f"MATCH (f:{self._feed} {{{p['id']}: $id}}) SET f += $props",
            id=feed.id, props=props,
        )  # fmt: skip

    # -- web documents --------------------------------------------------------------------
    def held_version(self, origin: str) -> HeldVersion | None:
        """The newest version in the graph of the document fetched from ``origin``."""
        p = self._p
        rows = self.graph.read(
            f"MATCH (d:{self._doc} {{{p['origin']}: $origin}}) "
            f"WHERE NOT ()-[:{self._supersedes}]->(d) "
            f"RETURN d.{p['id']} AS id, d.{p['sha256']} AS sha, d.{p['httpEtag']} AS etag, "
            f"d.{p['httpLastModified']} AS last_modified "
            f"ORDER BY d.{p['retrievedAt']} DESC LIMIT 1",
            origin=origin,
        )
        if not rows:
            return None
        row = rows[0]
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
