"""Pull feeds: ask each feed whether it changed, and ingest the new or changed items
that pass its keyword filter.

Cheap when nothing happened: the feed is fetched with If-None-Match/If-Modified-Since
(a 304 ends the poll), and so is each item page (a 304 means "held already"); an item
whose bytes equal the version in the graph is recognised by its sha256 and not
rewritten. The feed's own validators are stored only when no item was deferred by a
transient failure; otherwise the next poll would get a 304 and never retry that item.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from stkg.ingest.errors import IngestError
from stkg.ingest.web.errors import RobotsDisallowed, WebError
from stkg.ingest.web.feeds import FeedItem, parse_feed
from stkg.ingest.web.fetch import Validators
from stkg.ingest.web.filters import DEFAULT_FIELDS, ItemFilter
from stkg.ingest.web.loader import WebIngester, WebResult
from stkg.ingest.web.runlog import RunLog
from stkg.ingest.web.store import Feed, FeedStore


@dataclass
class PullReport:
    """Every URL the pull touched, item counts and how long it took."""

    results: list[WebResult] = field(default_factory=list)
    items_seen: int = 0
    items_ingested: int = 0  # passed the filter and were fetched (written or unchanged)
    seconds: float = 0.0

    def totals(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for result in self.results:
            out[result.status] = out.get(result.status, 0) + 1
        return out

    @property
    def failed(self) -> list[WebResult]:
        return [r for r in self.results if r.status == "failed"]

    def items_per_minute(self) -> float:
        return self.items_seen * 60.0 / self.seconds if self.seconds > 0 else 0.0


class FeedPuller:
    """One pass over the feeds, with one ingester (one ``IngestRun``) for all of them."""

    def __init__(
        self,
        ingester: WebIngester,
        store: FeedStore,
        *,
        default_keywords: Sequence[str],
        log: RunLog | None = None,
    ) -> None:
        self.ingester = ingester
        self.store = store
        self.default_keywords = list(default_keywords)
        self.log = log or RunLog(None)

    def pull(self, feeds: Sequence[Feed]) -> PullReport:
        report = PullReport()
        started = time.perf_counter()
        for feed in feeds:
            self._pull_one(feed, report)
        report.seconds = time.perf_counter() - started
        return report

    def _pull_one(self, feed: Feed, report: PullReport) -> None:
        polled = datetime.now(UTC)
        fetcher = self.ingester.fetcher
        try:
            fetched = fetcher.get(
                feed.url, max_bytes=self.ingester.limits.max_bytes, validators=feed.validators
            )
            if fetched.not_modified:
                self._record(
                    report,
                    feed,
                    WebResult(feed.url, "feed", "unchanged", "not modified (HTTP 304)"),
                )
                self.store.record_poll(feed, polled)
                return
            parsed = parse_feed(fetched.body, fetched.final_url)
        except IngestError as exc:
            transient = isinstance(exc, WebError) and exc.transient
            status = "robots" if isinstance(exc, RobotsDisallowed) else "failed"
            self._record(
                report, feed, WebResult(feed.url, "feed", status, str(exc), transient=transient)
            )
            self.store.record_poll(feed, polled)
            return
        self._record(
            report,
            feed,
            WebResult(
                feed.url, "feed", "fetched", f"{len(parsed.items)} item(s)", bytes=len(fetched.body)
            ),
        )
        item_filter = ItemFilter.build(
            feed.keywords or self.default_keywords, feed.fields or DEFAULT_FIELDS
        )
        deferred = False
        for item in parsed.items:
            report.items_seen += 1
            deferred |= self._item(feed, item, item_filter, report)
        validators = None if deferred else Validators(fetched.etag, fetched.last_modified)
        self.store.record_poll(feed, polled, validators=validators, name=parsed.title or None)

    def _item(
        self, feed: Feed, item: FeedItem, item_filter: ItemFilter, report: PullReport
    ) -> bool:
        """Ingest one item if it passes the filter; True if it must be retried later."""
        where = item.link or (item.enclosures[0] if item.enclosures else item.id)
        keyword = item_filter.match(item)
        if keyword is None:
            reason = f"filtered: {item.title!r} mentions none of {list(item_filter.keywords)}"
            self._record(report, feed, WebResult(where, "item", "filtered", reason))
            return False
        if item.link is None:
            results = [
                r for url in item.enclosures for r in self.ingester.ingest(url, feed_id=feed.id)
            ]
        else:
            results = self.ingester.ingest(item.link, feed_id=feed.id, enclosures=item.enclosures)
        report.items_ingested += 1
        for result in results:
            self._record(report, feed, result)
        return any(r.transient for r in results)

    def _record(self, report: PullReport, feed: Feed, result: WebResult) -> None:
        report.results.append(result)
        event: dict[str, Any] = {
            "run": self.ingester.run["id"],
            "feed": feed.url,
            **result.as_dict(),
        }
        self.log.write(event)
