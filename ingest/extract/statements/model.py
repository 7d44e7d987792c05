"""Typed facts read from the prose of a press release, each value tied to its characters.

Tables carry field counts and items; the sentences and bullet lines around them state the
rest (editions announced, budgets before and after, who does what, how the patent analysis
runs). Every value here is a :class:`Spanned`: the normalised value, the text as written
and its character span in the document, so the loader can cite the exact characters as
``Evidence``. Records also carry the :class:`Quote` of the sentence or line they came from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Generic, TypeVar

__all__ = [
    "AliasDefinition",
    "Change",
    "CitizenProposals",
    "ClassificationCounts",
    "ExampleList",
    "Increase",
    "JointAction",
    "NamedProgramme",
    "NewField",
    "NumberedList",
    "Organisation",
    "PatentMethod",
    "PatentOffice",
    "Policy",
    "ProgrammeLink",
    "PromisingTasks",
    "Publication",
    "Quote",
    "RoadmapEdition",
    "RoadmapMention",
    "Selection",
    "SourceTypo",
    "Spanned",
    "StatedTotal",
    "StatementWarning",
    "Statements",
    "SupportPeriodChange",
    "ValidPatents",
]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Spanned(Generic[T]):
    """A value with its evidence: ``text`` as written, ``text[start:end]`` in the document.

    ``text`` has each whitespace run (line breaks included) collapsed to one space, so
    ``document[start:end]`` equals ``text`` once whitespace is removed from both. ``value``
    is the normalised reading (an ``int`` of KRW for ``512억원``, a cleaned name for a
    name broken across lines).
    """

    value: T
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quote:
    """The sentence or bullet line a fact came from (whitespace collapsed) and its span."""

    text: str
    start: int
    end: int
    line: int


@dataclass(frozen=True, slots=True)
class StatementWarning:
    """Something the document states that disagrees with itself; never silently fixed."""

    message: str
    start: int
    end: int


# --- roadmap editions ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StatedTotal:
    """A stated count about an edition: ``32개 분야``, ``7대 전략분야``, ``100개 이상의 품목``.

    ``kind`` is ``fields`` or ``products``; ``qualifier`` is ``이상``/``이내``/... when
    the count is a bound (a target), else ``None``.
    """

    kind: str
    count: Spanned[int]
    noun: str
    qualifier: str | None
    quote: Quote

    @property
    def label(self) -> str:
        """``100개 이상`` / ``49개``: the count as a reader would repeat it."""
        suffix = f" {self.qualifier}" if self.qualifier else ""
        return f"{self.count.value}개{suffix}"


@dataclass(frozen=True, slots=True)
class RoadmapMention:
    """One place the document names a roadmap edition (or only its series).

    ``relation`` is what the sentence does with it: ``announced`` (발표), ``started``
    (착수), ``previous`` (지난해 추진된 …) or ``mentioned``. ``form`` is how it is
    written: ``title`` (in 「」), ``caption`` (year range + name), ``year_period``
    (``’21년 로드맵(’21~’23년)``), ``year`` (``2025년 로드맵``) or ``relative`` (지난해 …).
    """

    series: str | None
    title: Spanned[str]
    edition_year: Spanned[int] | None
    years: Spanned[tuple[int, int]] | None
    relation: str
    quote: Quote
    form: str


@dataclass(frozen=True, slots=True)
class Publication:
    """When an edition is to be published: ``내년('27) 상반기`` → year 2027, ``상반기``."""

    year: int
    part: str | None
    when: Spanned[str]
    quote: Quote

    @property
    def label(self) -> str:
        return f"{self.year} {self.part}" if self.part else str(self.year)


@dataclass(slots=True)
class RoadmapEdition:
    """An edition assembled from its mentions, stated totals and publication plan."""

    series: str
    name: str
    edition_year: int | None
    years: tuple[int, int] | None
    status: str
    mentions: list[RoadmapMention] = field(default_factory=list)
    totals: list[StatedTotal] = field(default_factory=list)
    targets: list[StatedTotal] = field(default_factory=list)
    publication: Publication | None = None

    def total(self, kind: str) -> int | None:
        """The stated (unqualified) count of ``fields`` or ``products``, if any."""
        counts = [t.count.value for t in self.totals if t.kind == kind]
        return counts[0] if counts else None


# --- programme link and changes --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Change:
    """A quantity before → after: ``’23년 3개 사업 → ’24년 6개 사업``, ``(4→7개)``.

    ``kind`` is ``programmes``, ``budget`` (KRW), ``related_products`` (a named subset of
    products grew) or ``products`` (an edition's product count). ``delta`` is a stated
    difference such as ``+40``; ``basis`` a stated basis such as ``신규과제 기준``;
    ``listed`` the names in a parenthesis right after it (``5개 사업(창업성장, … 등)``),
    ``listed_partial`` true when that list ends in ``등``.
    """

    kind: str
    subject: str
    before: Spanned[int]
    after: Spanned[int]
    before_year: Spanned[int] | None
    after_year: Spanned[int] | None
    after_qualifier: str | None
    delta: Spanned[int] | None
    basis: Spanned[str] | None
    listed: tuple[Spanned[str], ...]
    listed_partial: bool
    quote: Quote


@dataclass(frozen=True, slots=True)
class SupportPeriodChange:
    """``수출바우처 지원기간을 현행 2년에서 최대 5년까지로 연장`` → 2 → 5 (years)."""

    subject: Spanned[str]
    before_years: Spanned[int]
    after_years: Spanned[int]
    after_is_maximum: bool
    quote: Quote


@dataclass(slots=True)
class ProgrammeLink:
    """The roadmap's link to R&D funding programmes, merged from every statement of it."""

    programme_changes: list[Change] = field(default_factory=list)
    budget_changes: list[Change] = field(default_factory=list)
    named_programmes: list[Spanned[str]] = field(default_factory=list)
    named_partial: bool = False
    support_periods: list[SupportPeriodChange] = field(default_factory=list)

    @property
    def programmes(self) -> tuple[int, int] | None:
        c = self.programme_changes
        return (c[0].before.value, c[0].after.value) if c else None

    @property
    def budget(self) -> tuple[int, int] | None:
        c = self.budget_changes
        return (c[0].before.value, c[0].after.value) if c else None

    @property
    def budget_basis(self) -> str | None:
        return next((c.basis.value for c in self.budget_changes if c.basis), None)


@dataclass(frozen=True, slots=True)
class Increase:
    """``‘23년 대비 3개 분야, 15개 품목 증가``: counts grown relative to a reference year."""

    reference_year: Spanned[int] | None
    counts: tuple[tuple[str, Spanned[int]], ...]
    direction: int
    quote: Quote


# --- lists of examples --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExampleList:
    """A footnote (``*``, ``**``) listing examples of the phrase it is attached to.

    ``partial`` is true when the list ends in ``등`` (and others). ``topic`` says what the
    anchor sentence is about: ``citizen_proposals``, ``expanded_products`` or ``other``.
    """

    marker: str
    anchor: Spanned[str] | None
    topic: str
    items: tuple[Spanned[str], ...]
    partial: bool
    quote: Quote


@dataclass(frozen=True, slots=True)
class NewField:
    """A field created in this edition with example products: ``CCUS 분야 신설(A, B)``."""

    field: Spanned[str]
    products: tuple[Spanned[str], ...]
    stated_count: Spanned[int] | None
    partial: bool
    quote: Quote


@dataclass(slots=True)
class CitizenProposals:
    """Products proposed by citizens: how many found and chosen, in which fields, how."""

    discovered: Spanned[int] | None = None
    selected: list[Spanned[int]] = field(default_factory=list)
    fields: list[Spanned[str]] = field(default_factory=list)
    fields_stated: Spanned[int] | None = None
    methods: list[Spanned[str]] = field(default_factory=list)
    examples: list[Spanned[str]] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


# --- organisations ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AliasDefinition:
    """``농촌진흥청(청장 나가상, 이하 ‘농진청’)``: a name, its head, and the short name."""

    name: Spanned[str]
    alias: Spanned[str]
    head_title: Spanned[str] | None
    head_name: Spanned[str] | None
    quote: Quote


@dataclass(slots=True)
class Organisation:
    name: Spanned[str]
    aliases: list[Spanned[str]] = field(default_factory=list)
    head_title: Spanned[str] | None = None
    head_name: Spanned[str] | None = None
    roles: list[Spanned[str]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class JointAction:
    """Organisations acting together: ``지재처-중기부 공동 착수`` (names resolved)."""

    parties: tuple[Spanned[str], ...]
    action: Spanned[str]
    quote: Quote


@dataclass(frozen=True, slots=True)
class SourceTypo:
    """A misspelling the document's own usage corrects: ``특히 빅데이터`` → ``특허 빅데이터``."""

    literal: Spanned[str]
    corrected: str
    quote: Quote


@dataclass(frozen=True, slots=True)
class NamedProgramme:
    """A programme named in 「…」 (a title ending in 사업), with its owner if stated."""

    title: Spanned[str]
    corrected: str | None
    owner: str | None
    quote: Quote

    @property
    def name(self) -> str:
        return self.corrected or self.title.value


@dataclass(frozen=True, slots=True)
class Policy:
    """A policy or strategy the roadmap answers to; ``kind`` is ``driver`` or ``strategy``."""

    name: Spanned[str]
    kind: str
    quote: Quote


# --- patent big-data method ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NumberedList:
    """Items numbered ①②③ or (1)(2)(3); ``descriptions`` holds ``- …`` glosses if any."""

    label: Spanned[str] | None
    items: tuple[Spanned[str], ...]
    descriptions: tuple[Spanned[str] | None, ...]
    quote: Quote


@dataclass(frozen=True, slots=True)
class PatentOffice:
    """A patent office whose filings were searched: literal ``우리나라`` → 한국, KR."""

    literal: Spanned[str]
    country: str
    code: str


@dataclass(frozen=True, slots=True)
class ClassificationCounts:
    """Stated size of a classification: ``3개 대분류, 9개 중분류, 27개 소분류``."""

    scheme: Spanned[str] | None
    levels: tuple[tuple[str, Spanned[int]], ...]
    quote: Quote

    def count(self, level: str) -> int | None:
        return next((c.value for name, c in self.levels if name == level), None)


@dataclass(frozen=True, slots=True)
class ValidPatents:
    """``(로봇 센서) 2개 세부기술의 경우에는 총 1,234건의 유효특허``."""

    scope: Spanned[str] | None
    sub_technologies: Spanned[int] | None
    count: Spanned[int]
    quote: Quote


@dataclass(frozen=True, slots=True)
class Selection:
    """``10개 분야 중 2개 분야(촉각, 시각)를 유망기술 분야로 도출``."""

    pool: Spanned[int]
    selected: Spanned[int]
    items: tuple[Spanned[str], ...]
    outcome: Spanned[str]
    quote: Quote


@dataclass(frozen=True, slots=True)
class PromisingTasks:
    """``▶ 설비 진단 분야 3개 과제 발굴`` with the method steps and the tasks listed."""

    area: Spanned[str]
    stated_count: Spanned[int] | None
    method: NumberedList | None
    tasks: NumberedList | None
    quote: Quote


@dataclass(slots=True)
class PatentMethod:
    """The patent big-data analysis as the document describes it."""

    steps: NumberedList | None = None
    offices: list[PatentOffice] = field(default_factory=list)
    classifications: list[ClassificationCounts] = field(default_factory=list)
    valid_patents: list[ValidPatents] = field(default_factory=list)
    selections: list[Selection] = field(default_factory=list)
    promising_tasks: list[PromisingTasks] = field(default_factory=list)


# --- everything -----------------------------------------------------------------------------


@dataclass(slots=True)
class Statements:
    """All facts :func:`extract_statements` read from one document."""

    source: str
    released: Spanned[dt.date] | None = None
    reference_year: int | None = None
    publishers: list[str] = field(default_factory=list)
    roadmap_mentions: list[RoadmapMention] = field(default_factory=list)
    editions: list[RoadmapEdition] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    increases: list[Increase] = field(default_factory=list)
    programme_link: ProgrammeLink = field(default_factory=ProgrammeLink)
    citizen_proposals: CitizenProposals | None = None
    example_lists: list[ExampleList] = field(default_factory=list)
    new_fields: list[NewField] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    aliases: list[AliasDefinition] = field(default_factory=list)
    joint_actions: list[JointAction] = field(default_factory=list)
    programmes: list[NamedProgramme] = field(default_factory=list)
    typos: list[SourceTypo] = field(default_factory=list)
    policies: list[Policy] = field(default_factory=list)
    patent_method: PatentMethod = field(default_factory=PatentMethod)
    warnings: list[StatementWarning] = field(default_factory=list)

    def edition(self, series: str, year: int) -> RoadmapEdition | None:
        """The edition of ``series`` whose edition year (or first plan year) is ``year``."""
        for e in self.editions:
            if e.series == series and (e.edition_year == year or (e.years or (0,))[0] == year):
                return e
        return None

    def organisation(self, name_or_alias: str) -> Organisation | None:
        for org in self.organisations:
            if name_or_alias in (org.name.value, *(a.value for a in org.aliases)):
                return org
        return None

    def expanded_products(self) -> list[Spanned[str]]:
        """Example products of the expansion footnotes plus the new fields' products."""
        out = [
            i for lst in self.example_lists if lst.topic == "expanded_products" for i in lst.items
        ]
        return out
