"""The extractors, in the order they run. This list is the only place they are named.

Order matters where a later extractor reads what an earlier one decided through
``Source.shared`` (the prose extractors use the editions the statements found), and
table facts go first so that a name a table defines is known before prose mentions it.
"""

from __future__ import annotations

from stkg.ingest.extract.base import Extractor
from stkg.ingest.extract.mentions import Mentions
from stkg.ingest.extract.statements import Statements
from stkg.ingest.extract.tables import GridTables, TextTables

EXTRACTORS: tuple[Extractor, ...] = (
    GridTables(),
    TextTables(),
    Statements(),
    Mentions(),
)
