"""Errors of fetching from the web, each naming the URL and saying whether to try again.

They are :class:`~stkg.ingest.errors.IngestError`\\ s whose ``document`` is the URL, so the
reports print them like any unreadable file. ``transient`` tells the feed puller what to do
with the item: a timeout, a dropped connection or a 5xx answer may succeed next time, so
nothing of the item is written and it is tried again on the next pull; a 404 or a refusal
by robots.txt will not change by retrying, so it is reported once and skipped.
"""

from __future__ import annotations

from stkg.ingest.errors import IngestError


class WebError(IngestError):
    """Base class: a URL could not be fetched."""

    transient = False

    def __str__(self) -> str:
        where = f" ({self.location})" if self.location else ""
        message = f"cannot fetch {self.document}{where}: {self.reason}"
        return f"{message}; {self.hint}" if self.hint else message


class FetchTimeout(WebError):
    """The server did not answer (or stopped sending) within the timeout, after retries."""

    transient = True


class ConnectionFailed(WebError):
    """The connection could not be opened or broke off, after retries."""

    transient = True


class TruncatedDownload(WebError):
    """The body ended before the length the server announced (Content-Length)."""

    transient = True


class HttpStatusError(WebError):
    """The server answered with an error status; 5xx and 429 are transient, 4xx are not."""

    def __init__(
        self,
        document: str,
        status: int,
        *,
        hint: str | None = None,
        retry_after: float | None = None,
    ) -> None:
        self.status = status
        self.retry_after = retry_after  # seconds the server asked us to wait (Retry-After)
        super().__init__(document, f"the server answered HTTP {status}", hint=hint)

    @property
    def transient(self) -> bool:  # type: ignore[override]
        return self.status >= 500 or self.status == 429

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_status, (self.document, self.status, self.hint))


class RedirectError(WebError):
    """A redirect loop, too many redirects, or a redirect to something that is not http(s)."""


class RobotsDisallowed(WebError):
    """The site's robots.txt does not allow stkg to fetch this URL."""


class RobotsUnavailable(WebError):
    """robots.txt could not be fetched (5xx, timeout): the site is treated as closed for now."""

    transient = True


class FeedError(WebError):
    """The feed is not RSS or Atom that can be parsed."""


def _rebuild_status(document: str, status: int, hint: str | None) -> HttpStatusError:
    return HttpStatusError(document, status, hint=hint)
