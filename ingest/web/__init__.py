"""Web sources: pages, their attachments, and press-release feeds.

- :mod:`.fetch` — the polite HTTP client (user agent, per-host rate limit, timeouts,
  retries with backoff, robots.txt, redirect limit, streamed size-limited downloads);
- :mod:`.robots` — robots.txt rules per origin (``urllib.robotparser``);
- :mod:`.page` — attachment discovery on a page;
- :mod:`.feeds` — RSS/Atom parsing (feedparser); :mod:`.filters` — keyword filters;
- :mod:`.loader` — ingest one URL (page + attachments) through the file readers and the
  fact writer; :mod:`.pull` — poll feeds; :mod:`.store` — feeds and versions in the graph;
  :mod:`.runlog` — the JSON-lines run log. See docs/web-sources.md.
"""

from stkg.ingest.web.fetch import Fetcher, FetchPolicy
from stkg.ingest.web.loader import WebIngester, WebResult
from stkg.ingest.web.pull import FeedPuller, PullReport
from stkg.ingest.web.store import Feed, FeedStore

__all__ = [
    "Feed",
    "FeedPuller",
    "FeedStore",
    "FetchPolicy",
    "Fetcher",
    "PullReport",
    "WebIngester",
    "WebResult",
]
