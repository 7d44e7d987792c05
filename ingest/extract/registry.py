"""The extractors, in the order they run. This list is the only place they are named.

Order matters where a later extractor reads what an earlier one decided through
``Source.shared`` (the prose extractors use the editions the statements found), and
table facts go first so that a name a table defines is known before prose mentions it.
"""

from __future__ import annotations

from stkg.ingest.extract.base import Extractor
from stkg.ingest.extract.budgets import Budgets
from stkg.ingest.extract.bullets import Bullets
from stkg.ingest.extract.counts import Counts
from stkg.ingest.extract.dates import DocumentDate
from stkg.ingest.extract.editions import Editions
from stkg.ingest.extract.enumerations import Enumerations
from stkg.ingest.extract.events import Events
from stkg.ingest.extract.mentions import Mentions
from stkg.ingest.extract.organizations import Organizations
from stkg.ingest.extract.programmes import Programmes
from stkg.ingest.extract.statements import Statements
from stkg.ingest.extract.tables import GridTables, TextTables

EXTRACTORS: tuple[Extractor, ...] = (
    GridTables(),
    TextTables(),
    Statements(),
    Mentions(),
    Organizations(),
    Programmes(),
    Editions(),
    Enumerations(),
    Bullets(),
    Counts(),
    Budgets(),
    DocumentDate(),
    Events(),
)
