"""Shorter and longer wordings of one programme in one document become one node.

An article names a programme in full once (``특허 기반 연구개발(IP-R&D) 전략지원 사업``) and
then shorter (``IP-R&D 전략지원 사업``) or dated (``2026년 상반기 IP-R&D 전략지원 사업``).
This stage runs after the extractors: a programme candidate whose name, past its leading
time words, is the end of another programme's name in the same document (or of that name
with its bracketed gloss in place of the word it glosses) is folded into it, and its
wording kept as an alias. The fuller name wins; a reference individual always wins.
"""

from __future__ import annotations

import re

from stkg.graph.facts import FactSet, NodeFact
from stkg.ingest.extract.base import Source
from stkg.ingest.extract.resolve import CANDIDATE
from stkg.ingest.normalize import name_key

CLASSES = ("Programme",)
#: A shorter wording must keep at least this many characters of its key to be a variant.
MIN_KEY = 6
_TIME_WORDS = re.compile(r"^(?:(?:19|20)\d{2}\s*년도?|상반기|하반기|올해|내년|금년)\s*")
_GLOSSED = re.compile(r"(\S+)\(([^()]+)\)")
EXTRACTOR = "variants"


def _bare(name: str) -> str:
    while (m := _TIME_WORDS.match(name)) and m.end() < len(name):
        name = name[m.end() :]
    return name


def _forms(name: str) -> set[str]:
    """Keys a name is written as: without its gloss, and with the gloss for its word."""
    bare = _bare(name)
    return {name_key(bare), name_key(_GLOSSED.sub(r"\2", bare))}


class ProgrammeVariants:
    name = EXTRACTOR
    needs_nlp = False
    needs_topic = True

    def __call__(self, source: Source) -> None:
        facts = source.ctx.facts
        for cls in CLASSES:
            _fold_variants(facts, [n for n in facts.nodes.values() if n.cls == cls])


def _fold_variants(facts: FactSet, nodes: list[NodeFact]) -> None:
    # fuller names first: each node is folded into the fullest name it ends
    nodes.sort(key=lambda n: (_is_candidate(n), -len(name_key(_bare(n.props["name"])))))
    kept: list[NodeFact] = []
    for node in nodes:
        into = next((k for k in kept if _is_candidate(node) and _variant(node, k)), None)
        if into is None:
            kept.append(node)
            continue
        aliases = set(into.props.get("aliases") or ())
        aliases |= {node.props["name"], *(node.props.get("aliases") or ())}
        into.props["aliases"] = sorted(a for a in aliases if a != into.props["name"])
        facts.merge(node.id, into.id)


def _variant(short: NodeFact, full: NodeFact) -> bool:
    keys = _forms(short.props["name"])
    return any(
        len(key) >= MIN_KEY and form != key and form.endswith(key)
        for key in keys
        for form in _forms(full.props["name"])
    ) or bool(keys & _forms(full.props["name"]) and short.props["name"] != full.props["name"])


def _is_candidate(node: NodeFact) -> bool:
    return node.props.get("extractionStatus") == CANDIDATE
