"""A polite HTTP client: who we are, how often we ask, how long we wait, what we may fetch.

Government sites are shared public infrastructure, so every request stkg makes

- names stkg and its version in ``User-Agent`` (plus the operator's contact, if set);
- waits its turn per host (``STKG_WEB_HOST_INTERVAL``, raised by a robots.txt
  ``Crawl-delay``);
- is checked against the host's robots.txt first, on every redirect hop too;
- gives up after ``STKG_WEB_TIMEOUT`` without progress, and retries timeouts, dropped
  connections, 5xx and 429 with exponential backoff (honouring ``Retry-After``);
- follows at most ``STKG_WEB_MAX_REDIRECTS`` redirects and refuses loops;
- streams the body and stops reading as soon as it passes the size limit, so an
  oversized download costs at most the limit, and checks the body is as long as the
  server announced, so a truncated download is never mistaken for the file.

Redirects are followed here rather than by httpx so each hop passes the same checks.
"""

from __future__ import annotations

import email.message
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

import httpx

from stkg.config.settings import Settings
from stkg.config.version import __version__
from stkg.ingest.errors import DocumentTooLarge
from stkg.ingest.web.errors import (
    ConnectionFailed,
    FetchTimeout,
    HttpStatusError,
    RedirectError,
    TruncatedDownload,
)
from stkg.ingest.web.robots import ROBOTS_MAX_BYTES, RobotsAnswer, RobotsRules

_REDIRECTS = {301, 302, 303, 307, 308}
#: A server asking for a longer pause than this (Retry-After) is not waited for.
MAX_RETRY_AFTER = 60.0
_CHUNK = 64 * 1024


def user_agent(contact: str = "") -> str:
    """``stkg/<version> (...)``: names the software so site owners can tell who calls."""
    about = "strategic-technology knowledge graph"
    return (
        f"stkg/{__version__} ({about}; +{contact})" if contact else f"stkg/{__version__} ({about})"
    )


@dataclass(frozen=True)
class FetchPolicy:
    """How politely to fetch; ``from_settings`` reads the ``STKG_WEB_*`` settings."""

    timeout: float = 20.0
    host_interval: float = 1.0
    retries: int = 3
    backoff: float = 1.0
    max_redirects: int = 5
    user_agent: str = user_agent()

    @classmethod
    def from_settings(cls, settings: Settings) -> FetchPolicy:
        return cls(
            timeout=settings.web_timeout,
            host_interval=settings.web_host_interval,
            retries=settings.web_retries,
            backoff=settings.web_backoff,
            max_redirects=settings.web_max_redirects,
            user_agent=user_agent(settings.web_contact),
        )


@dataclass(frozen=True)
class Validators:
    """HTTP validators of a version already held, sent back to ask "has it changed?"."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        out = {}
        if self.etag:
            out["If-None-Match"] = self.etag
        if self.last_modified:
            out["If-Modified-Since"] = self.last_modified
        return out


@dataclass(frozen=True)
class Fetched:
    """One answer: 200 with the whole body, or 304 (``not_modified``) without one."""

    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    body: bytes
    content_type: str
    charset: str | None
    etag: str | None
    last_modified: str | None
    filename: str | None  # from Content-Disposition
    retrieved_at: datetime

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    def file_name(self) -> str:
        """A file name for the body: the server's, else the URL path's last segment."""
        name = self.filename or PurePosixPath(unquote(urlsplit(self.final_url).path)).name
        return safe_file_name(name) or "download"


def safe_file_name(name: str) -> str:
    """``name`` without directories or characters a file system may refuse."""
    name = PurePosixPath(name.replace("\\", "/")).name
    cleaned = "".join(c for c in name if c.isprintable() and c not in '<>:"|?*')
    return cleaned.strip(" .")[:150]


def content_disposition_filename(value: str | None) -> str | None:
    """The ``filename`` (or RFC 6266 ``filename*``) of a Content-Disposition header."""
    if not value:
        return None
    message = email.message.Message()
    message["content-disposition"] = value
    name = message.get_filename()
    return unquote(name) if name else None


class HostThrottle:
    """Keeps at least ``interval`` seconds between two requests to one host."""

    def __init__(
        self,
        interval: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval = interval
        self._clock = clock
        self._sleep = sleep
        self._last: dict[str, float] = {}

    def wait(self, host: str, at_least: float = 0.0) -> None:
        gap = max(self.interval, at_least)
        last = self._last.get(host)
        if last is not None:
            remaining = last + gap - self._clock()
            if remaining > 0:
                self._sleep(remaining)
        self._last[host] = self._clock()


class Fetcher:
    """The one way stkg talks HTTP; use as a context manager (it owns a connection pool)."""

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.policy = policy or FetchPolicy()
        self._sleep = sleep
        self.throttle = HostThrottle(self.policy.host_interval, sleep=sleep)
        self.robots = RobotsRules(self._fetch_robots)
        self.client = httpx.Client(
            timeout=httpx.Timeout(self.policy.timeout),
            follow_redirects=False,
            headers={"User-Agent": self.policy.user_agent},
            transport=transport,
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    # -- public ---------------------------------------------------------------------------
    def get(self, url: str, *, max_bytes: int, validators: Validators | None = None) -> Fetched:
        """GET ``url`` (robots, throttle, retries, redirects); 200 or 304, else a WebError."""
        return self._chain(url, max_bytes, validators, check_robots=True)

    # -- the request chain ----------------------------------------------------------------
    def _chain(
        self, url: str, max_bytes: int, validators: Validators | None, *, check_robots: bool
    ) -> Fetched:
        seen = [url]
        current = url
        for _ in range(self.policy.max_redirects + 1):
            _require_http(current, url)
            if check_robots:
                self.robots.check(current)
            fetched, location = self._with_retries(url, current, max_bytes, validators)
            if location is None:
                return fetched
            target = urljoin(current, location)
            if target in seen:
                raise RedirectError(url, f"redirect loop ({' → '.join([*seen, target])})")
            seen.append(target)
            current = target
        raise RedirectError(
            url, f"more than {self.policy.max_redirects} redirects", location=f"last: {current}"
        )

    def _with_retries(
        self, asked: str, url: str, max_bytes: int, validators: Validators | None
    ) -> tuple[Fetched, str | None]:
        headers = validators.headers() if validators else {}
        attempts = self.policy.retries + 1
        for attempt in range(attempts):
            last = attempt == attempts - 1
            self.throttle.wait(_host(url), self.robots.crawl_delay(url))
            try:
                return self._once(asked, url, headers, max_bytes)
            except httpx.TimeoutException as exc:
                if last:
                    raise FetchTimeout(
                        asked,
                        f"no answer within {self.policy.timeout:g} s "
                        f"({attempts} attempt(s); {type(exc).__name__})",
                    ) from exc
            except (httpx.TransportError, TruncatedDownload) as exc:
                if last:
                    if isinstance(exc, TruncatedDownload):
                        raise
                    raise ConnectionFailed(
                        asked, f"{exc or type(exc).__name__} ({attempts} attempt(s))"
                    ) from exc
            except HttpStatusError as exc:
                if last or not exc.transient:
                    raise
                self._sleep(max(self._delay(attempt), exc.retry_after or 0.0))
                continue
            self._sleep(self._delay(attempt))
        raise AssertionError("unreachable")  # pragma: no cover

    def _delay(self, attempt: int) -> float:
        return self.policy.backoff * 2**attempt

    def _once(
        self, asked: str, url: str, headers: dict[str, str], max_bytes: int
    ) -> tuple[Fetched, str | None]:
        with self.client.stream("GET", url, headers=headers) as response:
            status = response.status_code
            if status in _REDIRECTS and "location" in response.headers:
                return _fetched(asked, url, response, b""), response.headers["location"]
            if status == 304:
                return _fetched(asked, url, response, b""), None
            if status >= 400 or status < 200:
                raise HttpStatusError(
                    asked,
                    status,
                    hint=_status_hint(status),
                    retry_after=_retry_after(response.headers.get("retry-after")),
                )
            body = _read_body(asked, response, max_bytes)
            return _fetched(asked, url, response, body), None

    def _fetch_robots(self, robots_url: str) -> RobotsAnswer:
        try:
            fetched = self._chain(robots_url, ROBOTS_MAX_BYTES, None, check_robots=False)
        except HttpStatusError as exc:  # 5xx after retries: unavailable; 4xx: no rules
            return RobotsAnswer(exc.status)
        except RedirectError:  # RFC 9309: unfollowable redirects count as "unavailable"
            return RobotsAnswer(404)
        except DocumentTooLarge:  # only the first 500 KiB must be honoured; keep it simple
            return RobotsAnswer(200, "")
        text = fetched.body.decode(fetched.charset or "utf-8", errors="replace")
        return RobotsAnswer(fetched.status, text)


def _read_body(url: str, response: httpx.Response, max_bytes: int) -> bytes:
    """The whole body, refusing it past ``max_bytes`` and when shorter than announced."""
    declared = _content_length(response)
    if declared is not None and declared > max_bytes:
        raise DocumentTooLarge(
            url,
            f"the server announces {declared} bytes, more than the limit of {max_bytes}",
            hint="not downloaded; raise --max-mb if the file is wanted",
        )
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.iter_bytes(_CHUNK):  # decoded, so the limit is on real bytes
            size += len(chunk)
            if size > max_bytes:
                raise DocumentTooLarge(
                    url,
                    f"the download passed the limit of {max_bytes} bytes",
                    hint="download stopped; raise --max-mb if the file is wanted",
                )
            chunks.append(chunk)
    except (httpx.RemoteProtocolError, httpx.DecodingError) as exc:
        # h11 refuses a body shorter than its Content-Length: the connection closed early
        raise TruncatedDownload(url, f"the download broke off after {size} bytes ({exc})") from exc
    identity = response.headers.get("content-encoding", "identity").lower() in ("", "identity")
    if identity and declared is not None and size < declared:
        raise TruncatedDownload(url, f"the body ended after {size} of {declared} bytes")
    return b"".join(chunks)


def _content_length(response: httpx.Response) -> int | None:
    value = response.headers.get("content-length")
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _fetched(asked: str, url: str, response: httpx.Response, body: bytes) -> Fetched:
    content_type = response.headers.get("content-type", "")
    media = content_type.split(";")[0].strip().lower()
    return Fetched(
        url=asked,
        final_url=url,
        status=response.status_code,
        body=body,
        content_type=media,
        charset=response.charset_encoding,
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
        filename=content_disposition_filename(response.headers.get("content-disposition")),
        retrieved_at=datetime.now(UTC),
    )


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds()
        except (TypeError, ValueError):
            return None
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def _status_hint(status: int) -> str | None:
    if status in (404, 410):
        return "the link is broken or the file was removed"
    if status in (401, 403):
        return "the server refuses access; a login or another source is needed"
    if status >= 500:
        return "the server is failing; retried later"
    return None


def _require_http(url: str, asked: str) -> None:
    if urlsplit(url).scheme not in ("http", "https"):
        raise RedirectError(asked, f"not an http(s) URL: {url}")


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower()
