"""A small web site on 127.0.0.1 for the web-source tests (there is no outside network).

``LocalSite`` serves routes the test defines — pages, feeds, attachments — and can
misbehave on purpose: answer slowly, redirect in a loop, announce more bytes than it
sends, honour or ignore validators. It records every request (path and headers) so a
test can assert what stkg asked for, and what it never asked for.
"""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import docx
import openpyxl

from stkg.ingest.web.fetch import FetchPolicy, user_agent


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0  # seconds before answering
    send_bytes: int | None = None  # send only this many body bytes (truncated download)
    chunked: bool = False  # no Content-Length: stream the body in chunks
    location: str | None = None  # redirect target


@dataclass(frozen=True)
class Seen:
    path: str
    headers: dict[str, str]


class LocalSite:
    """Routes by path (query included); unknown paths get 404."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Seen] = []
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                with site._lock:
                    site.requests.append(
                        Seen(self.path, {k.lower(): v for k, v in self.headers.items()})
                    )
                route = site.routes.get(self.path)
                if route is None:
                    self._answer(Route(b"not found", status=404, content_type="text/plain"))
                    return
                if route.delay:
                    time.sleep(route.delay)
                self._answer(route)

            def _answer(self, route: Route) -> None:
                if _not_modified(route, self.headers):
                    self.send_response(304)
                    self._validators(route)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                if route.location:
                    self.send_header("Location", route.location)
                self._validators(route)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                body = route.body
                if route.chunked:
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    self._chunks(body)
                    return
                self.send_header("Content-Length", str(len(body)))
                if route.send_bytes is not None:
                    self.send_header("Connection", "close")
                self.end_headers()
                sent = body if route.send_bytes is None else body[: route.send_bytes]
                try:
                    self.wfile.write(sent)
                    self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    return
                if route.send_bytes is not None:
                    self.close_connection = True

            def _chunks(self, body: bytes) -> None:
                try:
                    for start in range(0, len(body), 16384):
                        piece = body[start : start + 16384]
                        self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                    self.wfile.write(b"0\r\n\r\n")
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True

            def _validators(self, route: Route) -> None:
                if route.etag:
                    self.send_header("ETag", route.etag)
                if route.last_modified:
                    self.send_header("Last-Modified", route.last_modified)

            def log_message(self, format: str, *args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, route: Route) -> str:
        self.routes[path] = route
        return self.url(path)

    def paths(self) -> list[str]:
        with self._lock:
            return [r.path for r in self.requests]

    def start(self) -> LocalSite:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _not_modified(route: Route, headers: object) -> bool:
    get = headers.get  # type: ignore[attr-defined]
    if route.etag and get("If-None-Match") == route.etag:
        return True
    return bool(route.last_modified and get("If-Modified-Since") == route.last_modified)


def running_site() -> Iterator[LocalSite]:
    site = LocalSite().start()
    site.add(
        "/robots.txt", Route(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    )
    try:
        yield site
    finally:
        site.stop()


def fast_policy(**overrides: float) -> FetchPolicy:
    """No pauses and short back-offs, so failure paths stay fast. The timeout is generous:
    a request that should succeed never races it on a loaded machine; a test of timeouts
    passes its own, against a route slower than it by a wide margin."""
    values: dict[str, float] = {"timeout": 10.0, "host_interval": 0.0, "retries": 1,
                                "backoff": 0.01, "max_redirects": 3}  # fmt: skip
    values.update(overrides)
    return FetchPolicy(
        timeout=values["timeout"],
        host_interval=values["host_interval"],
        retries=int(values["retries"]),
        backoff=values["backoff"],
        max_redirects=int(values["max_redirects"]),
        user_agent=user_agent(),
    )


def http_date(epoch: float) -> str:
    return formatdate(epoch, usegmt=True)


# --- generated attachments (our own Korean text) ------------------------------------------


def docx_bytes(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PATENT_HEADER = ["출원번호", "발명의명칭", "출원인", "출원일", "IPC", "국가"]


def xlsx_bytes(rows: list[list[str]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows: list[list[str]]) -> bytes:
    return "\n".join(",".join(row) for row in rows).encode("utf-8") + b"\n"


def page_html(title: str, paragraphs: list[str], links: list[tuple[str, str]],
              *, charset: str = "utf-8", meta: bool = True) -> bytes:  # fmt: skip
    head = f'<meta charset="{charset}">' if meta else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    anchors = "".join(f'<li><a href="{href}">{text}</a></li>' for href, text in links)
    html = (f"<!doctype html><html><head>{head}<title>{title}</title></head><body>"
            f"<nav><a href='/'>홈</a></nav><main><h1>{title}</h1>{body}<ul>{anchors}</ul>"
            "</main></body></html>")  # fmt: skip
    return html.encode(charset)


def rss(items: list[dict[str, str]], title: str = "보도자료") -> bytes:
    entries = []
    for item in items:
        enclosure = (f'<enclosure url="{item["enclosure"]}" type="application/pdf" length="1"/>'
                     if "enclosure" in item else "")  # fmt: skip
        category = f"<category>{item['category']}</category>" if "category" in item else ""
        entries.append(
            f"<item><title>{item['title']}</title><link>{item['link']}</link>"
            f"<guid>{item['link']}</guid><description>{item.get('summary', '')}</description>"
            f"{category}{enclosure}</item>"
        )
    xml = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
           f"<title>{title}</title><link>http://127.0.0.1/</link><description>테스트</description>"
           f"{''.join(entries)}</channel></rss>")  # fmt: skip
    return xml.encode("utf-8")
