"""The polite client against a local server: robots, timeouts, retries, redirects, limits."""

from __future__ import annotations

import time

import pytest
from web_helpers import LocalSite, Route, fast_policy, http_date

from stkg.config.version import __version__
from stkg.ingest.errors import DocumentTooLarge
from stkg.ingest.web.errors import (
    FetchTimeout,
    HttpStatusError,
    RedirectError,
    RobotsDisallowed,
    TruncatedDownload,
)
from stkg.ingest.web.fetch import Fetcher, Validators, content_disposition_filename

MB = 1024 * 1024


def test_user_agent_names_stkg_and_robots_txt_is_read_first(site: LocalSite) -> None:
    url = site.add("/a.html", Route(b"<p>hello</p>"))
    with Fetcher(fast_policy()) as fetcher:
        fetched = fetcher.get(url, max_bytes=MB)
    assert fetched.status == 200 and fetched.body == b"<p>hello</p>"
    assert site.paths() == ["/robots.txt", "/a.html"]
    assert all(r.headers["user-agent"].startswith(f"stkg/{__version__} ") for r in site.requests)


def test_a_path_robots_txt_disallows_is_never_requested(site: LocalSite) -> None:
    url = site.add("/private/secret.html", Route(b"<p>secret</p>"))
    with Fetcher(fast_policy()) as fetcher, pytest.raises(RobotsDisallowed, match=r"robots\.txt"):
        fetcher.get(url, max_bytes=MB)
    assert "/private/secret.html" not in site.paths()


def test_a_redirect_into_a_disallowed_path_is_refused_too(site: LocalSite) -> None:
    url = site.add("/go", Route(status=302, location="/private/x"))
    site.add("/private/x", Route(b"x"))
    with Fetcher(fast_policy()) as fetcher, pytest.raises(RobotsDisallowed):
        fetcher.get(url, max_bytes=MB)
    assert "/private/x" not in site.paths()


def test_slow_endpoint_times_out_after_retries(site: LocalSite) -> None:
    # the answer comes 4 s late: a fetcher that waited for it would get the body, so
    # the FetchTimeout itself shows the 1 s timeout held (the test times nothing)
    url = site.add("/slow", Route(b"late", delay=4.0))
    with (
        Fetcher(fast_policy(timeout=1.0, retries=1)) as fetcher,
        pytest.raises(FetchTimeout, match=r"within 1 s") as caught,
    ):
        fetcher.get(url, max_bytes=MB)
    assert caught.value.transient
    assert site.paths().count("/slow") == 2  # first try + one retry


def test_5xx_is_retried_with_backoff_then_succeeds(site: LocalSite) -> None:
    url = site.add("/flaky", Route(b"busy", status=503, headers={"Retry-After": "0"}))
    sleeps: list[float] = []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        site.routes["/flaky"] = Route(b"<p>ok</p>")  # the server recovers meanwhile

    with Fetcher(fast_policy(retries=2, backoff=0.05), sleep=sleep) as fetcher:
        assert fetcher.get(url, max_bytes=MB).body == b"<p>ok</p>"
    assert sleeps == [0.05]


def test_backoff_doubles_and_a_persistent_5xx_fails_as_transient(site: LocalSite) -> None:
    url = site.add("/down", Route(b"down", status=500))
    sleeps: list[float] = []
    with (
        Fetcher(fast_policy(retries=3, backoff=0.01), sleep=sleeps.append) as fetcher,
        pytest.raises(HttpStatusError) as caught,
    ):
        fetcher.get(url, max_bytes=MB)
    assert caught.value.status == 500 and caught.value.transient
    assert sleeps == [0.01, 0.02, 0.04]


def test_404_is_permanent_and_not_retried(site: LocalSite) -> None:
    with (
        Fetcher(fast_policy(retries=3)) as fetcher,
        pytest.raises(HttpStatusError, match="404") as caught,
    ):
        fetcher.get(site.url("/missing.pdf"), max_bytes=MB)
    assert not caught.value.transient
    assert site.paths().count("/missing.pdf") == 1


def test_redirect_loop_and_redirect_limit(site: LocalSite) -> None:
    site.add("/loop-a", Route(status=302, location="/loop-b"))
    site.add("/loop-b", Route(status=301, location="/loop-a"))
    for i in range(6):
        site.add(f"/hop{i}", Route(status=302, location=f"/hop{i + 1}"))
    with Fetcher(fast_policy(max_redirects=3)) as fetcher:
        with pytest.raises(RedirectError, match="redirect loop"):
            fetcher.get(site.url("/loop-a"), max_bytes=MB)
        with pytest.raises(RedirectError, match="more than 3 redirects"):
            fetcher.get(site.url("/hop0"), max_bytes=MB)
    assert site.paths().count("/loop-a") == 1


def test_oversized_download_is_refused_before_and_while_reading(site: LocalSite) -> None:
    big = b"x" * 300_000
    announced = site.add("/big.pdf", Route(big, content_type="application/pdf"))
    streamed = site.add("/stream.pdf", Route(big, content_type="application/pdf", chunked=True))
    with Fetcher(fast_policy()) as fetcher:
        with pytest.raises(DocumentTooLarge, match="announces 300000 bytes"):
            fetcher.get(announced, max_bytes=100_000)
        with pytest.raises(DocumentTooLarge, match="passed the limit of 100000"):
            fetcher.get(streamed, max_bytes=100_000)
        assert len(fetcher.get(streamed, max_bytes=MB).body) == 300_000


def test_truncated_download_is_an_error_not_a_short_file(site: LocalSite) -> None:
    url = site.add("/cut.docx", Route(b"y" * 50_000, content_type="application/octet-stream",
                                      send_bytes=20_000))  # fmt: skip
    with Fetcher(fast_policy(retries=1)) as fetcher, pytest.raises(TruncatedDownload) as caught:
        fetcher.get(url, max_bytes=MB)
    assert caught.value.transient
    assert site.paths().count("/cut.docx") == 2


def test_conditional_get_returns_304_with_matching_validators(site: LocalSite) -> None:
    stamp = http_date(1_700_000_000)
    url = site.add("/feed.xml", Route(b"<rss/>", etag='"v1"', last_modified=stamp))
    with Fetcher(fast_policy()) as fetcher:
        first = fetcher.get(url, max_bytes=MB)
        again = fetcher.get(
            url, max_bytes=MB, validators=Validators(first.etag, first.last_modified)
        )
    assert (first.etag, first.last_modified) == ('"v1"', stamp)
    assert again.not_modified and again.body == b""
    sent = site.requests[-1].headers
    assert sent["if-none-match"] == '"v1"' and sent["if-modified-since"] == stamp


def test_host_interval_spaces_requests_to_one_host(site: LocalSite) -> None:
    url = site.add("/p", Route(b"p"))
    with Fetcher(fast_policy(host_interval=0.2)) as fetcher:
        started = time.perf_counter()
        for _ in range(3):
            fetcher.get(url, max_bytes=MB)
        elapsed = time.perf_counter() - started
    assert elapsed >= 0.6  # robots.txt + 3 pages = 4 requests, 3 gaps of 0.2 s


def test_crawl_delay_in_robots_txt_raises_the_interval(site: LocalSite) -> None:
    site.routes["/robots.txt"] = Route(b"User-agent: stkg\nCrawl-delay: 1\nDisallow:\n",
                                       content_type="text/plain")  # fmt: skip
    url = site.add("/p", Route(b"p"))
    with Fetcher(fast_policy(host_interval=0.0)) as fetcher:
        fetcher.get(url, max_bytes=MB)
        started = time.perf_counter()
        fetcher.get(url, max_bytes=MB)
    assert time.perf_counter() - started >= 0.95  # robotparser takes whole seconds


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ('attachment; filename="roadmap.hwpx"', "roadmap.hwpx"),
        ("attachment; filename*=UTF-8''%EB%A1%9C%EB%93%9C%EB%A7%B5.pdf", "로드맵.pdf"),
        ('attachment; filename="%EA%B3%84%ED%9A%8D.xlsx"', "계획.xlsx"),
        ("inline", None),
    ],
)
def test_content_disposition_file_names(header: str, name: str | None) -> None:
    assert content_disposition_filename(header) == name
