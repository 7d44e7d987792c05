"""Which feed items are worth ingesting: those that mention a roadmap, a strategic
technology, patents, R&D…

A ministry's press-release feed carries every announcement; stkg wants the few about
technology roadmaps. Matching ignores case and white space, because Korean spacing
varies (기술개발 / 기술 개발) and so does Latin case (R&D / r&d).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from stkg.ingest.web.feeds import FeedItem

#: The parts of an item the keywords can be looked for in.
FIELDS = ("title", "summary", "tags", "content")
DEFAULT_FIELDS = ("title", "summary", "tags")
_SPACE = re.compile(r"\s+")
_TAG = re.compile(r"<[^>]+>")


class FilterError(ValueError):
    """A filter names an item field that does not exist."""


def _norm(text: str) -> str:
    return _SPACE.sub("", text).casefold()


@dataclass(frozen=True)
class ItemFilter:
    """Keep an item if one of ``keywords`` occurs in one of its ``fields``."""

    keywords: tuple[str, ...]
    fields: tuple[str, ...] = DEFAULT_FIELDS

    @classmethod
    def build(cls, keywords: Iterable[str], fields: Iterable[str] = DEFAULT_FIELDS) -> ItemFilter:
        words = tuple(k.strip() for k in keywords if k.strip())
        chosen = tuple(f.strip().lower() for f in fields if f.strip()) or DEFAULT_FIELDS
        unknown = [f for f in chosen if f not in FIELDS]
        if unknown:
            raise FilterError(f"unknown item field(s) {unknown}; choose from {list(FIELDS)}")
        return cls(words, chosen)

    def match(self, item: FeedItem) -> str | None:
        """The first keyword the item mentions, or None; no keywords keeps every item."""
        if not self.keywords:
            return "*"
        haystack = _norm(" ".join(self._text(item, f) for f in self.fields))
        return next((k for k in self.keywords if _norm(k) in haystack), None)

    @staticmethod
    def _text(item: FeedItem, field: str) -> str:
        if field == "tags":
            return " ".join(item.tags)
        value: str = getattr(item, field)
        return _TAG.sub(" ", value)  # summaries often hold HTML
