"""Find the attachments a web page links to: the roadmap files behind a press release.

Ministry pages attach the real content as HWPX/HWP/PDF/DOCX/XLSX/CSV files. A link is an
attachment when its path (or its ``download`` attribute) ends in one of those extensions;
links that look like download endpoints (``download``, ``fileDown.do``, ``atchFileId=``…)
are *candidates*: their type is known only from the ``Content-Disposition`` file name the
server sends, so the caller keeps a candidate only when that name has an attachment
extension.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup, Tag
from bs4.dammit import UnicodeDammit

from stkg.ingest.readers.formats import ATTACHMENT_SUFFIXES

#: Extensions of files worth ingesting when a page links to them (see the formats registry).
ATTACHMENT_EXTENSIONS = ATTACHMENT_SUFFIXES
_DOWNLOAD_HINT = re.compile(
    r"down(load)?|filedown|atchfile|attach|getfile|file_?id|fileno|fileSn", re.IGNORECASE
)


@dataclass(frozen=True)
class Link:
    """A link found on a page: absolute URL, its text, and whether its type is certain."""

    url: str
    text: str
    certain: bool  # False: a download endpoint whose file type the response must tell


def has_attachment_extension(name: str) -> bool:
    return PurePosixPath(name.lower()).suffix in ATTACHMENT_EXTENSIONS


def decode_page(data: bytes, charset: str | None) -> str:
    """The page as text: the HTTP charset if given, else the page's own declaration/guess."""
    known = [charset] if charset else []
    dammit = UnicodeDammit(
        data, known_definite_encodings=known, user_encodings=["cp949"], is_html=True
    )
    return dammit.unicode_markup or data.decode("utf-8", errors="replace")


def find_attachments(html: str, base_url: str) -> list[Link]:
    """Attachment links of a page, absolute, without fragments, each once, in page order."""
    soup = BeautifulSoup(html, "lxml")
    base = _base_href(soup, base_url)
    found: dict[str, Link] = {}
    for anchor in soup.find_all("a", href=True):
        link = _classify(anchor, base)
        if link is None:
            continue
        known = found.get(link.url)
        if known is None or (link.certain and not known.certain):
            found[link.url] = link
    return list(found.values())


def _base_href(soup: BeautifulSoup, page_url: str) -> str:
    base = soup.find("base", href=True)
    href = base.get("href") if isinstance(base, Tag) else None
    return urljoin(page_url, href) if isinstance(href, str) else page_url


def _classify(anchor: Tag, base: str) -> Link | None:
    href = anchor.get("href")
    if not isinstance(href, str) or href.strip().lower().startswith(("javascript:", "mailto:")):
        return None
    url, _ = urldefrag(urljoin(base, href.strip()))
    if urlsplit(url).scheme not in ("http", "https"):
        return None
    text = " ".join(anchor.get_text(" ").split())
    path = unquote(urlsplit(url).path)
    download = anchor.get("download")
    named = download if isinstance(download, str) and download else ""
    if has_attachment_extension(path) or has_attachment_extension(named):
        return Link(url, text, certain=True)
    if anchor.has_attr("download") or _DOWNLOAD_HINT.search(url):
        return Link(url, text, certain=False)
    return None
