"""Who an uploaded document is: the ``origin`` ``POST /ingest`` gives it.

A file ingested from disk is known by its path and a web document by its URL, so a new
version of either supersedes the old one. An upload is read from a temporary copy, whose
path means nothing; it is known instead by

1. the **source URL** the client sends with it (``source_url``): the origin is that URL,
   exactly as ``stkg ingest URL`` would record it, so an upload and a download of the same
   URL are versions of one document;
2. else the **name** the client gives it (``name``), or else the uploaded file's own name,
   within the caller's API key scope: ``upload:<scope>/<name>``. Two keys uploading
   ``plan.pdf`` are two documents; one key uploading a changed ``plan.pdf`` supersedes its
   earlier one.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import urlsplit

#: The scheme of an uploaded document's origin when no source URL names it.
UPLOAD_SCHEME = "upload"
MAX_NAME = 300
MAX_URL = 2000


class BadIdentity(ValueError):
    """A name or source URL that cannot identify a document; the message says why."""

    def __init__(self, message: str, file: str | None = None) -> None:
        super().__init__(message)
        self.file = file


def upload_origins(
    scope: str, file_names: list[str], names: list[str] | None, urls: list[str] | None
) -> list[str]:
    """The origin of each uploaded file; ``names`` and ``urls``, when given, hold one
    value per file in the same order (an empty value: none for that file)."""
    for field, given in (("name", names), ("source_url", urls)):
        if given is not None and len(given) != len(file_names):
            raise BadIdentity(
                f"{len(given)} {field} value(s) for {len(file_names)} file(s): send one per "
                "file, in the order of the files (an empty value for none)"
            )
    origins = []
    for i, file_name in enumerate(file_names):
        name = (names[i] if names else "") or None
        url = (urls[i] if urls else "") or None
        try:
            origins.append(upload_origin(scope, file_name, name, url))
        except BadIdentity as exc:
            raise BadIdentity(f"{file_name}: {exc}", file=file_name) from None
    return origins


def upload_origin(scope: str, file_name: str, name: str | None, source_url: str | None) -> str:
    """The origin of one uploaded file (see the module docstring)."""
    if name and source_url:
        raise BadIdentity("give a name or a source URL for a file, not both")
    if source_url:
        return check_source_url(source_url)
    return f"{UPLOAD_SCHEME}:{scope}/{check_name(name or file_name)}"


def is_upload_origin(origin: str) -> bool:
    """True for the origin of an upload known by its name (no file or URL to read back)."""
    return origin.startswith(f"{UPLOAD_SCHEME}:")


def check_name(name: str) -> str:
    """A stable name: 1 to 300 characters, no control characters, no empty, ``.`` or
    ``..`` segment between slashes (``reports/2025/plan.pdf`` is fine)."""
    name = unicodedata.normalize("NFC", name.strip())
    if not name or len(name) > MAX_NAME:
        raise BadIdentity(f"a name has 1 to {MAX_NAME} characters")
    if any(unicodedata.category(ch).startswith("C") for ch in name):
        raise BadIdentity("a name has no control characters")
    if any(part in ("", ".", "..") for part in name.split("/")):
        raise BadIdentity("a name has no empty, '.' or '..' part between slashes")
    return name


def check_source_url(url: str) -> str:
    """An absolute http(s) URL with a host, at most 2,000 characters."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or len(url) > MAX_URL:
        raise BadIdentity(f"a source URL is an http(s) URL with a host, at most {MAX_URL} long")
    if any(ch.isspace() or unicodedata.category(ch).startswith("C") for ch in url):
        raise BadIdentity("a source URL has no spaces or control characters")
    return url
