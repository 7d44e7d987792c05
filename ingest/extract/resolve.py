"""Resolve a printed name to one node: a reference individual, or a new candidate.

Reference individuals (``ontology/reference.ttl``) answer to their labels and altLabels;
a name that matches none becomes a node of its own, keyed by its normalised name so that
every document naming it reaches the same node, and marked ``extractionStatus:
"candidate"`` until a maintainer reviews it. Who proposed it from where, and how sure it
was, is kept on each piece of evidence (``extractedBy``, ``confidence``): a node several
documents propose has one proposal per document, and no document overwrites another's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from stkg.ingest.extract.base import Source
from stkg.ingest.normalize import name_key
from stkg.ontology.model import Individual, Ontology

CANDIDATE = "candidate"
REJECTED = "rejected"

_INDEXES: dict[int, tuple[Ontology, dict[tuple[str, str], list[Individual]]]] = {}


def reference_index(onto: Ontology) -> dict[tuple[str, str], list[Individual]]:
    """``(class, name key)`` → the reference individuals answering to it (labels, altLabels)."""
    cached = _INDEXES.get(id(onto))
    if cached is not None and cached[0] is onto:
        return cached[1]
    index: dict[tuple[str, str], list[Individual]] = {}
    for ind in onto.individuals:
        if ind.id is None:
            continue
        forms = [ind.labels.ko, ind.labels.en, *(t for t, _ in ind.alt_labels)]
        keys = {name_key(form) for form in forms if form}
        for cls in ind.classes:
            for key in keys:
                index.setdefault((cls, key), []).append(ind)
    _INDEXES[id(onto)] = (onto, index)
    return index


_BY_ID: dict[int, tuple[Ontology, dict[str, Individual]]] = {}


def reference_by_id(onto: Ontology) -> dict[str, Individual]:
    """The reference individuals by their stkg id, built once per ontology."""
    cached = _BY_ID.get(id(onto))
    if cached is not None and cached[0] is onto:
        return cached[1]
    by_id = {ind.id: ind for ind in onto.individuals if ind.id}
    _BY_ID[id(onto)] = (onto, by_id)
    return by_id


def valid_on(ind: Individual, day: dt.date) -> bool:
    """Whether ``day`` falls in the individual's ``validFrom``/``validUntil`` interval."""
    start = next(iter(ind.values.get("validFrom", ())), None)
    end = next(iter(ind.values.get("validUntil", ())), None)
    return (start is None or start <= day) and (end is None or day < end)


def resolve(onto: Ontology, cls: str, *names: str, on: dt.date | None = None) -> Individual | None:
    """The reference individual a name denotes; where a name answers to several (a short
    form a ministry and its successor both used), the one valid ``on`` the document's date."""
    index = reference_index(onto)
    for name in names:
        hits = index.get((cls, name_key(name)), [])
        if len(hits) > 1 and on is not None:
            hits = [h for h in hits if valid_on(h, on)] or hits
        if hits:
            return hits[0]
    if cls == "Programme":
        # ``스케일업 팁스 R&D``: a known programme printed as R&D is that programme
        stems = [stem for n in names if (stem := PROGRAMME_AS_RND.sub("", n)) not in (n, "")]
        return resolve(onto, cls, *stems, on=on) if stems else None
    return None


#: A word printed after a programme's name that says what kind of programme it is, not
#: another programme (``스케일업 팁스 R&D``).
PROGRAMME_GLOSS = "R&D"
#: The gloss at the end of a printed name.
PROGRAMME_AS_RND = re.compile(rf"\s+{re.escape(PROGRAMME_GLOSS)}$")


#: Job titles that end a person's name as the press prints it (``이병수 사무관``).
PERSON_TITLES = frozenset(
    [
        "과장",
        "사무관",
        "주무관",
        "연구관",
        "서기관",
        "팀장",
        "국장",
        "실장",
        "차관",
        "장관",
        "청장",
        "원장",
        "본부장",
        "센터장",
        "부장",
        "차장",
        "위원장",
        "교수",
        "박사",
        "대표",
        "이사장",
        "회장",
        "의장",
        "사장",
        "단장",
        "처장",
        "차관보",
        "기자",
        # researchers' grades, which end like an institute (``임태훈 책임연구원``)
        *("책임연구원", "선임연구원", "수석연구원", "전임연구원", "위촉연구원", "연구위원"),
    ]
)
#: Titles of heads that a body's name may open (``과학기술혁신본부장``, ``중소기업정책실장``).
HEAD_TITLES = (
    "본부장",
    "위원장",
    "이사장",
    "센터장",
    "장관",
    "차관",
    "청장",
    "원장",
    "실장",
    "국장",
)
#: A personal name (two to four syllables), then a word that ends in a head's title.
_NAME_AND_TITLE = re.compile(r"^[가-힣]{2,4} [가-힣]+(?:" + "|".join(HEAD_TITLES) + r")$")


#: A personal name, then the body and a title glued to its last word (``오윤제
#: PIM인공지능반도체 사업단장``, ``이윤식 반도체공학회장``, ``박영준 인공지능(AI)반도체포럼 의장``).
_NAME_BODY_TITLE = re.compile(
    r"^[가-힣]{2,4}(?: \S+)* \S*(?:"
    + "|".join(sorted(PERSON_TITLES - {"박사", "대표", "기자"}, key=len, reverse=True))
    + r")$"
)


def _titled(name: str) -> bool:
    """``류광준 과학기술혁신본부장``: a person under the title of the body they head."""
    return _NAME_AND_TITLE.match(name) is not None or _NAME_BODY_TITLE.match(name) is not None


#: Classes whose names never stand for one another: a name the reference data gives one
#: of them is no new candidate of another.
DISTINCT_KINDS = ("Organization", "Programme", "Roadmap")


def _known_as_another(onto: Ontology, cls: str, name: str) -> bool:
    if cls not in DISTINCT_KINDS:
        return False
    index = reference_index(onto)
    return any(other != cls and (other, name_key(name)) in index for other in DISTINCT_KINDS)


@dataclass(frozen=True)
class Found:
    """A name an extractor found: class, printed form, span, other printed forms."""

    cls: str
    name: str
    start: int
    end: int
    extractor: str
    confidence: float
    aliases: tuple[str, ...] = ()


#: The word printed just before a found name.
_WORD_BEFORE = re.compile(r"([가-힣A-Za-z·]+) $")


def _known_with_word_before(source: Source, found: Found) -> tuple[Individual, Found] | None:
    """``중소기업 기술정보진흥원``: a known name printed with a space inside it, of which an
    extractor took only what follows the space."""
    m = _WORD_BEFORE.search(source.text, max(0, found.start - 20), found.start)
    if m is None:
        return None
    name = f"{m[1]} {found.name}"
    ind = resolve(source.ctx.onto, found.cls, name, on=source.as_of)
    return (ind, replace(found, name=name, start=m.start(1))) if ind is not None else None


#: What no printed name holds: a line break, or a figure with its punctuation opening it.
_NOT_A_NAME = re.compile(r"\n|^\d[\d,.]*(?:[^\d\sA-Za-z가-힣]|$)")
#: Syllables glued before a found name: the start of the word it ends.
_SYLLABLES_BEFORE = re.compile(r"(?<![가-힣])[가-힣]{1,4}\Z")


def _whole_word(source: Source, found: Found) -> Found | None:
    """``홀로그램`` of which the morphology split off ``홀로``: a new name starts where its
    word starts."""
    if not source.text.startswith(found.name, found.start) or not "가" <= found.name[0] <= "힣":
        return None  # a name read off other words, or one opening in Latin (``융합ATC``)
    m = _SYLLABLES_BEFORE.search(source.text, max(0, found.start - 4), found.start)
    if m is None:
        return None
    return replace(found, name=m.group() + found.name, start=m.start())


def named_in(source: Source, cls: str, name: str) -> bool:
    """Whether the document's facts so far hold a ``cls`` node printed as ``name``."""
    return any(
        n.cls == cls and n.props.get("name") == name for n in source.ctx.facts.nodes.values()
    )


def add_entity(source: Source, found: Found, **props: object) -> str | None:
    """Add the node ``found`` names (resolved or candidate) with its evidence; its id
    (None for a name a maintainer rejected)."""
    ctx = source.ctx
    if _NOT_A_NAME.search(found.name):
        return None  # ``7.17%\n\n단일기술``, ``183,762(’``: a figure or a line break
    defined = source.defined_names.get(name_key(found.name))
    if found.cls == "Organization" and defined:
        found = replace(found, name=defined)  # ``… 이하 유통센터``: the full name it stands for
    ind = resolve(ctx.onto, found.cls, found.name, *found.aliases, on=source.as_of)
    if ind is None and (wider := _known_with_word_before(source, found)) is not None:
        ind, found = wider
    if ind is None and (whole := _whole_word(source, found)) is not None:
        found = whole
    evidence = replace(
        ctx.span(found.start, found.end), extractor=found.extractor, confidence=found.confidence
    )
    if ind is not None and REJECTED in ind.values.get("extractionStatus", ()):
        return None  # a maintainer said this name is no entity (ontology/reviewed.ttl)
    if ind is not None and ind.id is not None:
        return ctx.facts.node(
            found.cls, ind.id, evidence, name=ind.labels.ko, nameEn=ind.labels.en, **props
        )
    if found.name.split()[-1:] and found.name.split()[-1] in PERSON_TITLES:
        return None  # ``우주정책과 고서곤 과장``: a person, and people are no entities here
    if _titled(found.name):
        return None  # ``류광준 과학기술혁신본부장``: a person under the body they head
    if ind is None and _known_as_another(ctx.onto, found.cls, found.name):
        return None  # ``구매조건부`` ends like a ministry, but the reference data knows it
    node_id = ctx.id(found.cls, found.name)
    existing = ctx.facts.nodes.get(node_id)
    aliases = sorted({a for a in found.aliases if name_key(a) != name_key(found.name)})
    if existing is not None:
        aliases = sorted(set(aliases) | set(existing.props.get("aliases") or ()))
    status = (
        {}
        if existing is not None and "extractionStatus" not in existing.props
        else {"extractionStatus": CANDIDATE}
    )
    # a node an earlier extractor named keeps its printed name (a table's or the release's)
    name = existing.props.get("name", found.name) if existing is not None else found.name
    return ctx.facts.node(
        found.cls, node_id, evidence, name=name, aliases=aliases or None, **status, **props
    )
