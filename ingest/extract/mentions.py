"""Mentions of the ontology's reference individuals (labels and altLabels) in the text."""

from __future__ import annotations

from stkg.ingest.extract.analysis import MENTIONED_CLASSES
from stkg.ingest.extract.base import Source
from stkg.ingest.extract.dates import RELATIVE_YEARS
from stkg.ingest.extract.organizations import is_place
from stkg.ingest.extract.phrases import LIST_DOTS, is_nominal, text_of
from stkg.ingest.extract.programmes import NOT_NAME_WORDS, ROLE_WORDS
from stkg.ingest.extract.resolve import PROGRAMME_GLOSS, resolve
from stkg.ingest.nlp.tokenizer import is_common_noun
from stkg.ingest.normalize import name_key

#: Classes whose short names also serve as modifiers inside longer names.
COMPOUND_SENSITIVE = ("Programme", "Policy")
#: Endings that mark a short form as a programme's name, not an everyday noun.
NAME_ENDINGS = ("사업", "프로그램", "개발", "R&D")
#: Particles that make a noun an argument of the clause (object, subject, conjoined); 에
#: is not one of them, since money goes to a programme with it (``기술혁신에 300억원``).
CLAUSE_PARTICLES = frozenset(["JKO", "JKS", "JC"])
#: Particles of manner, extent and addition that an everyday noun takes and a programme
#: does not (``기술혁신으로 … 견인``, ``상용화까지 고려``).
ORDINARY_PARTICLES = frozenset(["으로", "로", "까지", "부터", "만", "도"])
#: Suffixes that make a noun a verb or an adjective (``상용화될``, ``상용화하는``).
VERB_SUFFIXES = frozenset(["XSV", "XSA"])


#: The pipeline's quantity labels of an amount, a count or a share printed after a name
#: (``4,912억원``, ``120개``, ``12%``).
AMOUNT_LABELS = frozenset(["MONEY", "COUNT", "PERCENT"])


def _continued(source: Source, end: int) -> bool:
    """Whether the noun phrase goes on after token ``end`` (one space at most between)
    into a longer name; a time or quantity word (``팁스 신규 예산``) does not continue it."""
    doc = source.analysis
    if end >= len(doc):
        return False
    if doc[end - 1].whitespace_ == " " and doc[end].text in NOT_NAME_WORDS:
        return False
    if doc[end - 1].whitespace_ == " " and doc[end].ent_type_ in AMOUNT_LABELS:
        return False  # ``▲중소기업기술혁신개발 4,912억원``: what it gets, no longer name
    if doc[end - 1].whitespace_ == " " and _word_at(source, end) in ROLE_WORDS:
        return False  # ``스케일업 팁스 운영사``: who runs it, no longer name
    if doc[end - 1].whitespace_ == " " and _word_at(source, end) == PROGRAMME_GLOSS:
        return False  # ``스케일업 팁스 R&D 신규 과제``: the programme as R&D, no longer name
    return doc[end - 1].whitespace_ in ("", " ") and is_nominal(doc[end])


def _dotted_before(source: Source, start: int) -> bool:
    """Whether a word is glued by a middle dot right before ``start`` (``중견·``)."""
    text = text_of(source.analysis)
    return start >= 2 and text[start - 1] in LIST_DOTS and text[start - 2].isalnum()


def _word_at(source: Source, i: int) -> str:
    """The word (up to the next space) that token ``i`` starts, without its particle."""
    doc = source.analysis
    k = i
    while k < len(doc) - 1 and not doc[k].whitespace_ and is_nominal(doc[k + 1]):
        k += 1
    return text_of(doc)[doc[i].idx : doc[k].idx + len(doc[k].text)]


def _in_a_clause(source: Source, text: str, start: int, end: int) -> bool:
    """Whether a short name that is also an ordinary noun is used as one: qualified by a
    clause or a genitive (``지속적인 기술혁신``, ``신기술의 상용화``) or taking a particle
    (``상용화를 촉진``, ``기술혁신과 경제안보``)."""
    doc = source.analysis
    if " " in text or text.endswith(NAME_ENDINGS) or not is_common_noun(text):
        return False  # a name of several words or with its head is used as a name
    qualified = start > 0 and (doc[start - 1].tag_.endswith("ETM") or doc[start - 1].tag_ == "JKG")
    # ``전고체전지 상용화에 대한``: what is commercialised, printed before the noun
    acted_on = (
        start > 0
        and doc[start - 1].whitespace_ == " "
        and doc[start - 1].tag_ == "NNG"
        and doc[start - 1].text not in RELATIVE_YEARS  # ``올해 기술혁신에``: when, not what
        and not any(e.start <= start - 1 < e.end for e in doc.ents)
    )
    # ``상용화될 수 있도록``: the noun made a verb
    verb = end < len(doc) and doc[end].tag_.split("+")[0] in VERB_SUFFIXES
    return (
        qualified
        or acted_on
        or verb
        or (
            end < len(doc)
            and (doc[end].tag_ in CLAUSE_PARTICLES or doc[end].text in ORDINARY_PARTICLES)
        )
    )


#: What opens a regional office's name before its body's short name (``충북지방중기청``).
REGIONAL = "지방"


def _regional(source: Source, start: int) -> bool:
    """Whether the name at ``start`` is glued to a place before it: the place's office."""
    text = text_of(source.analysis)
    k = start
    while k > 0 and text[k - 1].isalnum():
        k -= 1
    place = text[k:start].removesuffix(REGIONAL)
    return bool(place) and is_place(place)


class Mentions:
    """Each mention of a known organisation, programme, policy or roadmap is evidence for it."""

    name = "mentions"
    needs_nlp = True
    needs_topic = False

    def __call__(self, source: Source) -> None:
        if not (source.on_topic or source.about_technology):
            return  # a ministry named in a festival report is no fact of the domain
        ctx = source.ctx
        known = {ind.id: ind for ind in ctx.onto.individuals if ind.id}
        for ent in source.analysis.ents:
            ind = known.get(ent.ent_id_ or "")
            if ind is None:
                continue
            cls = next(c for c in ind.classes if c in MENTIONED_CLASSES)
            if cls == "Organization" and _regional(source, ent.start_char):
                continue  # ``인천중기청``, ``충북지방중기청``: a regional office, not the body
            if cls in COMPOUND_SENSITIVE and _dotted_before(source, ent.start_char):
                continue  # ``중견·중소기업 R&D 지원사업``: the end of a longer, dotted name
            if cls in COMPOUND_SENSITIVE and _continued(source, ent.end):
                continue  # "기술혁신" in "기술혁신 전략 로드맵" modifies a longer name
            if cls in COMPOUND_SENSITIVE and _in_a_clause(source, ent.text, ent.start, ent.end):
                continue
            defined = source.defined_names.get(name_key(ent.text))
            if (
                cls == "Organization"
                and defined
                and name_key(defined) != name_key(ent.text)
                and resolve(ctx.onto, cls, defined, on=source.as_of) is not ind
            ):
                continue  # ``중소기업진흥공단(…, 이하 중진공)``: here, that body's short name
            # a short form two bodies used in turn names the one of the document's date
            ind = resolve(ctx.onto, cls, ent.text, on=source.as_of) or ind
            ctx.facts.node(
                cls,
                ind.id,
                ctx.span(ent.start_char, ent.end_char),
                name=ind.labels.ko,
                nameEn=ind.labels.en,
            )
