"""Shorter and longer wordings of one programme or plan in one document become one node.

An article names a programme in full once (``특허 기반 연구개발(IP-R&D) 전략지원 사업``) and
then shorter (``IP-R&D 전략지원 사업``) or dated (``2026년 상반기 IP-R&D 전략지원 사업``).
This stage runs after the extractors: a programme candidate whose name, past its leading
time words, is the end of another programme's name in the same document (or of that name
with its bracketed gloss in place of the word it glosses) is folded into it, and its
wording kept as an alias. The fuller name wins; a reference individual always wins. A body
named in full once (``‘국가 미래전략 특허분석센터’``) and then by its last word alone
(``특허분석센터는``) is folded the same way.

Plans are worded more freely (``제1차 양자과학기술 및 양자 산업 육성 종합계획``, then
``양자 기술·산업 육성 종합계획``, ``양자 종합계획``): an edition of the same year whose name
ends in the same plan head and whose other letters all appear, in order, in a fuller
name's is folded into that edition, and its series into the fuller one's.
"""

from __future__ import annotations

import re

from stkg.graph.facts import FactSet, NodeFact
from stkg.ingest.extract.base import Source
from stkg.ingest.extract.resolve import CANDIDATE, reference_by_id
from stkg.ingest.normalize import name_key
from stkg.ontology.model import Individual

CLASSES = ("Programme", "Organization")
#: A shorter wording must keep at least this many characters of its key to be a variant.
MIN_KEY = 6
_TIME_WORDS = re.compile(r"^(?:(?:19|20|['’])?\d{2}\s*년도?|상반기|하반기|올해|내년|금년)\s*")
_GLOSSED = re.compile(r"(\S+)\(([^()]+)\)")
EXTRACTOR = "variants"


def _bare(name: str) -> str:
    while (m := _TIME_WORDS.match(name)) and m.end() < len(name):
        name = name[m.end() :]
    return name


#: ``… 지원 사업`` and ``… 사업``: one programme, with or without the word for what it does.
_SUPPORT_HEAD = re.compile(r"(.{6,}?)\s*지원\s*(사업)$")


#: A bracketed gloss that abbreviates all the words before it: ``특허 기반 연구개발(IP-R&D)``.
_GLOSS_OF_ALL = re.compile(r"^[^()]+\(([^()]+)\)")


#: Abbreviations the field's releases print for a run of words (``소부장``: 소재·부품·장비).
ABBREVIATIONS = {"소부장": "소재·부품·장비"}
#: The mark of a key that is a name without its head, kept apart from the other keys.
_HEADLESS = "headless:"
#: A programme's head, which one release prints as 사업 and the next as 프로젝트.
_PROGRAMME_HEAD = re.compile(r"\s*(?:지원\s*)?(?:사업|프로젝트|프로그램)$")


def _forms(name: str) -> set[str]:
    """Keys a name is written as: without its gloss, with the gloss for its word or for all
    the words before it (``특허 기반 연구개발(IP-R&D) 전략지원 사업`` as ``IP-R&D 전략지원
    사업``); and without 지원 before its head when the rest is long enough to name it alone;
    with a known abbreviation spelt out and its head set aside (``소부장 스타트업 100
    프로젝트`` as ``소재, 부품, 장비 스타트업 100 지원 사업``)."""
    bare = re.sub(r"\(\s*이하\s+", "(", _bare(name))  # ``(이하 IP-R&D)``: the gloss
    forms = {bare, _GLOSSED.sub(r"\2", bare), _GLOSS_OF_ALL.sub(r"\1", bare)}
    forms |= {_SUPPORT_HEAD.sub(r"\1 \2", f) for f in forms}
    keys = {name_key(f) for f in forms}
    spelt = bare
    for short, full in ABBREVIATIONS.items():
        spelt = spelt.replace(short, full)
    headless = _PROGRAMME_HEAD.sub("", spelt)
    if headless != spelt and len(name_key(headless)) >= MIN_KEY:
        keys.add(_HEADLESS + name_key(headless.replace(",", "")))
    return keys


class ProgrammeVariants:
    name = EXTRACTOR
    needs_nlp = False
    needs_topic = True

    def __call__(self, source: Source) -> None:
        facts = source.ctx.facts
        known = reference_by_id(source.ctx.onto)
        for cls in CLASSES:
            _fold_variants(facts, [n for n in facts.nodes.values() if n.cls == cls], known)
        _fold_editions(facts)


#: Plan heads an edition's wordings share (the longest that a name ends with).
PLAN_HEADS = tuple(
    sorted(
        ("로드맵", "기본계획", "종합계획", "시행계획", "계획", "전략", "방안"),
        key=len,
        reverse=True,
    )
)
_ORDINAL = re.compile(r"^제?\s*\d+\s*차\s*")


def _fold_editions(facts: FactSet) -> None:
    editions = [
        n
        for n in facts.nodes.values()
        if n.cls == "RoadmapEdition" and n.props.get("name") and "@" in n.id
    ]
    editions.sort(key=lambda n: -len(name_key(n.props["name"])))
    kept: list[NodeFact] = []
    for node in editions:
        into = next((k for k in kept if _plan_variant(node, k)), None)
        if into is None:
            kept.append(node)
            continue
        _take_wordings(into, node)
        series = {
            r.end for r in facts.rels.values() if r.prop == "editionOf" and r.start == node.id
        }
        target = next(
            (r.end for r in facts.rels.values() if r.prop == "editionOf" and r.start == into.id),
            None,
        )
        facts.merge(node.id, into.id)
        for roadmap in series - {target}:
            still_used = any(
                r.prop == "editionOf" and r.end == roadmap and r.start != into.id
                for r in facts.rels.values()
            )
            if target is not None and roadmap in facts.nodes and not still_used:
                facts.merge(roadmap, target)


def _plan_variant(short: NodeFact, full: NodeFact) -> bool:
    """Whether ``short`` is a shorter wording of the plan ``full`` names, in the same year."""
    if short.id.rsplit("@", 1)[1] != full.id.rsplit("@", 1)[1]:
        return False
    a = name_key(_ORDINAL.sub("", short.props["name"]))
    b = name_key(_ORDINAL.sub("", full.props["name"]))
    head = next((h for h in PLAN_HEADS if b.endswith(h)), None)
    if head is None or not a.endswith(head) or len(a) < len(head) + 2:
        return False
    letters = iter(b)
    return all(ch in letters for ch in a)  # a's letters, in order, within b


def _fold_variants(facts: FactSet, nodes: list[NodeFact], known: dict[str, Individual]) -> None:
    # fuller names first: each node is folded into the fullest name it ends
    nodes.sort(key=lambda n: (_is_candidate(n), -len(name_key(_bare(n.props["name"])))))
    kept: list[NodeFact] = []
    for node in nodes:
        into = next((k for k in kept if _is_candidate(node) and _variant(node, k, known)), None)
        if into is None:
            kept.append(node)
            continue
        _take_wordings(into, node)
        facts.merge(node.id, into.id)


def _take_wordings(into: NodeFact, node: NodeFact) -> None:
    """``into`` keeps ``node``'s name and aliases as its own aliases."""
    aliases = set(into.props.get("aliases") or ())
    aliases |= {node.props["name"], *(node.props.get("aliases") or ())}
    into.props["aliases"] = sorted(a for a in aliases if a != into.props["name"])


def _variant(short: NodeFact, full: NodeFact, known: dict[str, Individual]) -> bool:
    if short.cls == "Organization":  # a body's short name is its full name's last word
        words = full.props["name"].split()
        return (len(words) > 1 and words[-1] == short.props["name"]) or _office_short(
            short.props["name"], full.props["name"]
        )
    keys = _forms(short.props["name"])
    full_forms = _forms(full.props["name"])
    if full.id in known:  # a reference programme is also written as its known aliases
        full_forms = full_forms.union(*(_forms(a) for a, _ in known[full.id].alt_labels))
    # and a candidate as the wordings an extractor already gave it (``‘X 사업’``, alias X)
    full_forms = full_forms.union(*(_forms(a) for a in full.props.get("aliases") or ()))
    return any(
        len(key) >= MIN_KEY and form != key and form.endswith(key)
        for key in keys
        for form in full_forms
        if not form.startswith(_HEADLESS)  # a headless form matches only a headless form
    ) or bool(keys & full_forms and short.props["name"] != full.props["name"])


#: The last syllables of a government office's name (``…청``, ``…부``, ``…처``).
OFFICE_ENDINGS = ("청", "부", "처")


def _office_short(short: str, full: str) -> bool:
    """Whether ``short`` abbreviates the office ``full`` by leaving syllables out
    (``경기중기청`` for ``경기지방중소기업청``): one word each, the same first and last
    syllable, the short one's syllables in order within the full one's."""
    if not (
        short.endswith(OFFICE_ENDINGS)
        and re.fullmatch(r"[가-힣]{3,}", short)
        and re.fullmatch(r"[가-힣]+", full)
        and len(short) < len(full)
        and short[0] == full[0]
        and short[-1] == full[-1]
    ):
        return False
    letters = iter(full)
    return all(ch in letters for ch in short)


def _is_candidate(node: NodeFact) -> bool:
    return node.props.get("extractionStatus") == CANDIDATE
