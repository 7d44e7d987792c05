"""Ingest a URL: the page (or file) it serves and the attachments the page links to.

Each page and each attachment becomes its own ``SourceDocument`` whose ``origin`` is its
URL, with ``retrievedAt``, the HTTP validators (``httpEtag``, ``httpLastModified``) and the
sha256 of the downloaded bytes; attachments are linked ``-[:ATTACHMENT_OF]->`` the page.
Reading and fact building are the file loader's (``read_document`` on a temporary copy,
``build_document``), writing is ``FactWriter``'s: one document, one transaction.

Order matters for "nothing partial":

1. everything is downloaded and read before anything is written. A *transient* failure
   of any part (timeout, dropped or truncated download, 5xx) defers the whole item: nothing
   is written, so the page has no stored validators and the next pull fetches it again.
   A *permanent* failure of one attachment (404, robots.txt, too large, unreadable) is
   reported and that attachment skipped; retrying would not help and the page is still
   worth having.
2. attachments are written first, the page last, in the same transaction as its
   ``ATTACHMENT_OF`` links. If the process dies in between, the page is not in the graph
   and the next run takes the item again (the attachments are then "unchanged").
"""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from stkg.config.version import __version__
from stkg.graph.driver import Graph
from stkg.graph.facts import FactSet
from stkg.graph.writer import FactWriter, NullWriter
from stkg.ingest.build import BuiltDocument, build_document
from stkg.ingest.errors import IngestError
from stkg.ingest.readers import Limits, read_document
from stkg.ingest.web.errors import RobotsDisallowed, WebError
from stkg.ingest.web.fetch import Fetched, Fetcher
from stkg.ingest.web.page import Link, decode_page, find_attachments, has_attachment_extension
from stkg.ingest.web.store import FeedStore, HeldVersion
from stkg.ontology.model import Ontology

_HTML_TYPES = {"text/html", "application/xhtml+xml"}


@dataclass
class WebResult:
    """What happened to one URL.

    ``status``: ``written``, ``unchanged`` (304, or same bytes as the version held),
    ``robots`` (disallowed), ``ignored`` (a download link that is not an attachment),
    ``failed`` (``reason`` says why; ``transient`` if a retry may succeed) or ``dry-run``.
    """

    url: str
    kind: str  # "page" | "attachment" | "document" (a URL that serves a file directly)
    status: str
    reason: str | None = None
    page: str | None = None
    document_id: str | None = None
    sha256: str | None = None
    bytes: int = 0
    nodes: int = 0
    relationships: int = 0
    evidence: int = 0
    transient: bool = False
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class _Ready:
    """Downloaded and read; waiting to be written."""

    result: WebResult
    built: BuiltDocument


class WebIngester:
    """Fetches URLs through one polite ``Fetcher`` and writes them through one ``FactWriter``."""

    def __init__(
        self,
        fetcher: Fetcher,
        onto: Ontology,
        graph: Graph | None,
        *,
        limits: Limits | None = None,
        dry_run: bool = False,
        force: bool = False,
    ) -> None:
        self.fetcher = fetcher
        self.onto = onto
        self.graph = graph
        self.limits = limits or Limits()
        self.force = force
        self.writer: FactWriter | NullWriter = (
            NullWriter() if graph is None or dry_run else FactWriter(graph, onto)
        )
        self.store = FeedStore(graph, onto) if graph is not None else None
        self.run: dict[str, Any] = {
            "id": f"{onto.cls('IngestRun').id_prefix}:{uuid.uuid4()}",
            "startedAt": datetime.now(UTC),
            "softwareVersion": __version__,
        }

    # -- public ---------------------------------------------------------------------------
    def ingest(
        self, url: str, *, feed_id: str | None = None, enclosures: Sequence[str] = ()
    ) -> list[WebResult]:
        """Ingest ``url`` and its attachments (plus ``enclosures``, a feed item's files)."""
        held = self._held(url)
        try:
            fetched = self.fetcher.get(
                url, max_bytes=self.limits.max_bytes, validators=held.validators if held else None
            )
        except IngestError as exc:
            return [_failure(url, "page", exc)]
        if fetched.not_modified:
            return [_not_modified(url, "page", held)]
        if fetched.content_type not in _HTML_TYPES:
            return self._single(fetched, feed_id)
        links = find_attachments(decode_page(fetched.body, fetched.charset), fetched.final_url)
        links += [Link(u, "", certain=True) for u in enclosures if u not in {x.url for x in links}]
        return self._page(fetched, links, feed_id)

    # -- a page and its attachments -------------------------------------------------------
    def _page(self, page: Fetched, links: list[Link], feed_id: str | None) -> list[WebResult]:
        results: list[WebResult] = []
        ready: list[_Ready] = []
        held_ids: list[str] = []  # attachments already in the graph (304)
        for link in links:
            result, item = self._attachment(link, page.url)
            results.append(result)
            if result.transient:
                return [*results, _deferred(page.url, link.url)]
            if item is not None:
                ready.append(item)
            elif result.status == "unchanged" and result.document_id:
                held_ids.append(result.document_id)
        try:
            built_page = self._build(page)
        except IngestError as exc:
            return [*results, _failure(page.url, "page", exc)]
        page_result = _built_result(page, "page", built_page)
        for item in ready:
            self._write(item.built, item.result)
            held_ids.append(str(item.built.document["id"]))
        page_id = str(built_page.document["id"])
        for attachment_id in dict.fromkeys(held_ids):
            built_page.facts.rel("attachmentOf", attachment_id, page_id)
        if feed_id is not None:
            built_page.facts.rel("foundInFeed", page_id, feed_id)
        self._write(built_page, page_result)
        if page_result.status == "unchanged":
            self._link(page_id, held_ids, feed_id)  # same page, maybe a newly readable file
        return [*results, page_result]

    def _attachment(self, link: Link, page_url: str) -> tuple[WebResult, _Ready | None]:
        held = self._held(link.url)
        try:
            fetched = self.fetcher.get(
                link.url,
                max_bytes=self.limits.max_bytes,
                validators=held.validators if held else None,
            )
        except IngestError as exc:
            return _failure(link.url, "attachment", exc, page=page_url), None
        if fetched.not_modified:
            return _not_modified(link.url, "attachment", held, page_url), None
        if not link.certain and not has_attachment_extension(fetched.file_name()):
            reason = (
                f"a download link to {fetched.file_name()!r} ({fetched.content_type}), "
                "not an attachment type"
            )
            return WebResult(link.url, "attachment", "ignored", reason, page=page_url), None
        try:
            built = self._build(fetched)
        except IngestError as exc:
            return _failure(link.url, "attachment", exc, page=page_url), None
        result = _built_result(fetched, "attachment", built, page=page_url)
        return result, _Ready(result, built)

    def _single(self, fetched: Fetched, feed_id: str | None) -> list[WebResult]:
        """A URL that serves a file (PDF, HWPX…) rather than a page."""
        try:
            built = self._build(fetched)
        except IngestError as exc:
            return [_failure(fetched.url, "document", exc)]
        if feed_id is not None:
            built.facts.rel("foundInFeed", str(built.document["id"]), feed_id)
        result = _built_result(fetched, "document", built)
        self._write(built, result)
        if result.status == "unchanged":
            self._link(str(built.document["id"]), [], feed_id)
        return [result]

    # -- read, build, write ---------------------------------------------------------------
    def _build(self, fetched: Fetched) -> BuiltDocument:
        """Read the downloaded bytes with the file readers; the origin is the URL."""
        name = fetched.file_name()
        if fetched.content_type in _HTML_TYPES and not name.lower().endswith((".html", ".htm")):
            name += ".html"
        with tempfile.TemporaryDirectory(prefix="stkg-web-") as tmp:
            path = Path(tmp) / name
            path.write_bytes(fetched.body)
            built = build_document(read_document(path, limits=self.limits), self.onto)
        extra = {
            "origin": fetched.url,
            "retrievedAt": fetched.retrieved_at,
            "httpEtag": fetched.etag,
            "httpLastModified": fetched.last_modified,
        }
        built.document.update({k: v for k, v in extra.items() if v is not None})
        return built

    def _write(self, built: BuiltDocument, result: WebResult) -> None:
        if self.writer.dry_run:
            result.status = "dry-run"
            return
        self.run["finishedAt"] = datetime.now(UTC)
        summary = self.writer.write_document(
            built.document, built.facts, run=self.run, force=self.force
        )
        result.status = "unchanged" if summary.skipped else "written"
        if summary.skipped:
            result.reason = "same content as the version in the graph"

    def _link(self, page_id: str, attachment_ids: list[str], feed_id: str | None) -> None:
        """Links for a page the writer skipped as unchanged (its own transaction)."""
        if self.writer.dry_run:
            return
        links = FactSet()
        for attachment in attachment_ids:
            links.rel("attachmentOf", attachment, page_id)
        if feed_id is not None:
            links.rel("foundInFeed", page_id, feed_id)
        self.writer.write_links(links)

    def _held(self, url: str) -> HeldVersion | None:
        if self.store is None or self.force:
            return None
        return self.store.held_version(url)


def _built_result(
    fetched: Fetched, kind: str, built: BuiltDocument, page: str | None = None
) -> WebResult:
    return WebResult(
        fetched.url,
        kind,
        "written",
        page=page,
        document_id=str(built.document["id"]),
        sha256=str(built.document["sha256"]),
        bytes=len(fetched.body),
        nodes=len(built.facts.nodes),
        relationships=len(built.facts.rels),
        evidence=built.facts.evidence_count(),
        warnings=list(built.facts.warnings),
    )


def _not_modified(
    url: str, kind: str, held: HeldVersion | None, page: str | None = None
) -> WebResult:
    if held is None:  # we sent no validators, so a 304 makes no sense
        return WebResult(
            url, kind, "failed", "the server answered 304 to an unconditional request", page=page
        )
    return WebResult(
        url,
        kind,
        "unchanged",
        "not modified (HTTP 304)",
        page=page,
        document_id=held.id,
        sha256=held.sha256,
    )


def _failure(url: str, kind: str, exc: IngestError, page: str | None = None) -> WebResult:
    if isinstance(exc, RobotsDisallowed):
        return WebResult(url, kind, "robots", str(exc), page=page)
    transient = isinstance(exc, WebError) and exc.transient
    return WebResult(url, kind, "failed", str(exc), page=page, transient=transient)


def _deferred(page_url: str, attachment_url: str) -> WebResult:
    return WebResult(
        page_url,
        "page",
        "failed",
        f"not written: the attachment {attachment_url} failed for a reason that may pass; "
        "nothing of this item was written and it is tried again next time",
        transient=True,
    )
