"""The full-text index over entity names, and how to query it for Korean and English.

Neo4j 5.26 ships Lucene analyzers only (``CALL db.index.fulltext.listAvailableAnalyzers()``);
none segments Korean morphologically. Measured on names from the roadmaps:

* ``cjk`` splits Hangul into overlapping bigrams, so ``벤처`` finds ``중소벤처기업부`` and
  ``전략기술`` finds ``스마트제조 전략기술로드맵``; it lower-cases and folds full-width
  Latin (``Ｒ＆Ｄ`` = ``R&D``), so English words are found as well (``startups``, ``smes``).
* ``standard``/``standard-no-stop-words`` keep a Hangul run as one token: ``벤처`` finds
  nothing inside ``중소벤처기업부``. ``simple``/``classic`` split at the middle dot but
  not inside compounds.

So the index uses ``cjk``. One gap remains: Unicode word segmentation (UAX #29) treats the
middle dot U+00B7 as a letter joiner, so ``드론·개인이동수단`` is indexed as one token and the
bare query ``드론`` does not reach it. :func:`fulltext_query` therefore expands every term
into ``term OR term* OR *term*`` (wildcards are matched against the indexed tokens without
analysis), which finds the glued names while exact matches still rank first.
"""

from __future__ import annotations

import re

__all__ = ["FULLTEXT_ANALYZER", "fulltext_query"]

#: The Lucene analyzer of stkg's full-text indexes (see the module docstring for why).
FULLTEXT_ANALYZER = "cjk"

# Characters with a meaning in Lucene query syntax; user text is searched literally.
_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')
_HANGUL = re.compile(r"[\uac00-\ud7a3\u3130-\u318f]")


def _escape(term: str) -> str:
    return _SPECIAL.sub(r"\\\1", term)


def fulltext_query(text: str) -> str:
    """A Lucene query that finds ``text`` in names, aliases and definitions.

    Each whitespace-separated term must match (``AND``); a term matches as a word or bigram,
    as a prefix of an indexed token, or (Hangul only, where tokens glue at middle dots) as
    a part of one. Raises ``ValueError`` for text with no searchable term.
    """
    terms = [t for t in text.split() if t.strip()]
    if not terms:
        raise ValueError("empty full-text query")
    parts = []
    for term in terms:
        escaped = _escape(term)
        lowered = _escape(term.lower())
        forms = [escaped, f"{lowered}*"]
        if _HANGUL.search(term):
            forms.append(f"*{lowered}*")
        parts.append("(" + " OR ".join(forms) + ")")
    return " AND ".join(parts)
