"""robots.txt: may stkg fetch this URL, and how long must it wait between requests?

Parsing and matching are ``urllib.robotparser``'s; what this module adds is what the
standard library leaves to the caller, following RFC 9309: the file is fetched through
stkg's own polite client (user agent, timeout, rate limit), once per origin, and a
missing file (4xx) allows everything while an unreachable one (5xx, timeout) means
"closed for now".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

from stkg.ingest.web.errors import RobotsDisallowed, RobotsUnavailable, WebError

#: The product token robots.txt groups are matched against (``User-agent: stkg``).
ROBOTS_TOKEN = "stkg"
#: Only this much of a robots.txt is read (RFC 9309 asks for at least 500 KiB).
ROBOTS_MAX_BYTES = 512 * 1024


@dataclass(frozen=True)
class RobotsAnswer:
    """What the fetch of a robots.txt gave: its text, or a status code without one."""

    status: int
    text: str = ""


#: Fetches ``https://host/robots.txt``; raises a transient ``WebError`` when unreachable.
RobotsFetch = Callable[[str], RobotsAnswer]


class RobotsRules:
    """The robots.txt rules of every origin met so far, fetched on first use."""

    def __init__(self, fetch: RobotsFetch, token: str = ROBOTS_TOKEN) -> None:
        self._fetch = fetch
        self._token = token
        self._parsers: dict[str, RobotFileParser] = {}

    def check(self, url: str) -> None:
        """Raise ``RobotsDisallowed`` (or ``RobotsUnavailable``) unless ``url`` may be fetched."""
        parser = self._parser(url)
        if not parser.can_fetch(self._token, url):
            raise RobotsDisallowed(
                url,
                "the site's robots.txt disallows it for stkg",
                hint="skipped; ask the site owner, or ingest a copy you were given",
            )

    def crawl_delay(self, url: str) -> float:
        """The ``Crawl-delay`` the site asks of stkg, in seconds (0 if none)."""
        origin = _origin(url)
        parser = self._parsers.get(origin)
        delay = parser.crawl_delay(self._token) if parser is not None else None
        return float(delay) if delay else 0.0

    def _parser(self, url: str) -> RobotFileParser:
        origin = _origin(url)
        parser = self._parsers.get(origin)
        if parser is None:
            parser = self._load(origin)
            self._parsers[origin] = parser
        return parser

    def _load(self, origin: str) -> RobotFileParser:
        robots_url = origin + "/robots.txt"
        try:
            answer = self._fetch(robots_url)
        except WebError as exc:
            if not exc.transient:
                raise
            # not cached: the next URL of this origin asks again
            raise RobotsUnavailable(
                robots_url, f"robots.txt could not be fetched ({exc.reason})", hint="retried later"
            ) from exc
        parser = RobotFileParser(robots_url)
        if answer.status >= 500:
            raise RobotsUnavailable(robots_url, f"robots.txt answered HTTP {answer.status}")
        # 2xx: the rules; 4xx: "unavailable", which RFC 9309 says allows everything
        parser.parse(answer.text.splitlines() if 200 <= answer.status < 300 else [])
        return parser


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "", "", ""))
