"""A new name read only inside a longer name is part of that name, not an entity.

``기술융복합센터`` ends like an institution, but where it is printed only as part of the
programme ``중소기업 기술융복합센터 연계형 기술개발`` it names none. This stage runs after
the extractors: a candidate (a name the reference data does not know) whose every piece
of evidence lies inside the evidence of another named node is dropped, with its
relationships (``무인기 충돌탐지`` read by one extractor inside the listed technology
``무인기 충돌탐지 및 회피 기술`` read by another). Reference individuals are never
dropped, and neither is a name printed on its own anywhere in the document. Only evidence
that prints a name counts as a longer name: a statement's evidence is its whole sentence,
and the names listed in that sentence stay.
"""

from __future__ import annotations

from stkg.graph.facts import EvidenceRef, FactSet, NodeFact
from stkg.ingest.extract.base import Source
from stkg.ingest.extract.resolve import CANDIDATE
from stkg.ingest.normalize import name_key

EXTRACTOR = "nested"
#: Evidence longer than this is a sentence unless it prints the node's name.
MAX_NAME = 40


class NestedNames:
    name = EXTRACTOR
    needs_nlp = False
    needs_topic = True

    def __call__(self, source: Source) -> None:
        facts = source.ctx.facts
        named = [n for n in facts.nodes.values() if "name" in n.props]
        dropped = {
            n.id
            for n in named
            if n.props.get("extractionStatus") == CANDIDATE
            and n.evidence
            and all(_inside_another(ref, n, named) for ref in n.evidence)
        }
        drop(facts, dropped)


def _inside_another(ref: EvidenceRef, node: NodeFact, named: list[NodeFact]) -> bool:
    if ref.start is None or ref.end is None or ref.table is not None:
        return False
    return any(
        other is not node
        and o.start is not None
        and o.end is not None
        and o.table is None
        and o.start <= ref.start
        and ref.end <= o.end
        and o.end - o.start > ref.end - ref.start
        and _prints_the_name(o, other)
        for other in named
        for o in other.evidence
    )


def _prints_the_name(ref: EvidenceRef, node: NodeFact) -> bool:
    """Whether ``ref`` is where ``node``'s name is printed, not a sentence that states
    something about it (a statement's evidence is its whole sentence)."""
    if len(ref.quote) <= MAX_NAME:
        return True
    forms = [str(node.props.get("name") or ""), *(node.props.get("aliases") or ())]
    key = name_key(ref.quote)
    return any(
        (form_key := name_key(form)) and form_key in key and len(key) <= 2 * len(form_key) + 8
        for form in forms
    )


def drop(facts: FactSet, ids: set[str]) -> None:
    """Remove nodes and every relationship that touches them."""
    for node_id in ids:
        facts.nodes.pop(node_id, None)
    for key in [k for k, r in facts.rels.items() if r.start in ids or r.end in ids]:
        del facts.rels[key]
