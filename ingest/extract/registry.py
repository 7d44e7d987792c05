"""The extractors, in the order they run. This list is the only place they are named.

Order matters where a later extractor reads facts an earlier one added to the document's
``FactSet``: tables and the release statements go first, so that what they state about a
node (a field's name in a table, an edition's plan period) is there before the prose
extractors, which only add to a node an earlier extractor described, and budgets come
after programmes, to link an amount to the programme it funds. The nested-name guard
runs last, over what all the others found.
"""

from __future__ import annotations

from stkg.ingest.extract.base import Extractor
from stkg.ingest.extract.budgets import Budgets
from stkg.ingest.extract.bullets import Bullets
from stkg.ingest.extract.counts import Counts
from stkg.ingest.extract.cued_lists import CuedLists
from stkg.ingest.extract.dates import DocumentDate
from stkg.ingest.extract.editions import Editions
from stkg.ingest.extract.enumerations import Enumerations
from stkg.ingest.extract.events import Events
from stkg.ingest.extract.kinds import OneKindPerName
from stkg.ingest.extract.labelled import LabelledGroups
from stkg.ingest.extract.mentions import Mentions
from stkg.ingest.extract.nested import NestedNames
from stkg.ingest.extract.organizations import Organizations
from stkg.ingest.extract.patent_subjects import PatentSubjects
from stkg.ingest.extract.programmes import Programmes
from stkg.ingest.extract.quoted import QuotedTerms
from stkg.ingest.extract.renamed_fields import RenamedFields
from stkg.ingest.extract.statements.extractor import Statements
from stkg.ingest.extract.tables.extractor import GridTables, KindColumns, TextTables
from stkg.ingest.extract.technologies import Technologies
from stkg.ingest.extract.topics import SentenceTopics
from stkg.ingest.extract.variants import ProgrammeVariants

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
    LabelledGroups(),
    CuedLists(),
    KindColumns(),
    QuotedTerms(),
    RenamedFields(),
    Technologies(),
    PatentSubjects(),
    SentenceTopics(),
    Counts(),
    Budgets(),
    DocumentDate(),
    Events(),
    NestedNames(),
    OneKindPerName(),
    ProgrammeVariants(),
)
