"""Facts on their way into the graph: nodes, relationships and the evidence for each.

Ingest produces a :class:`FactSet` per document; :mod:`stkg.graph.writer` writes it in one
transaction. Names are ontology local names (``StrategicField``, ``succeededBy``,
``productCount``); the writer turns them into Neo4j names through the ontology, so a
misspelt name fails before anything is written.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class EvidenceRef:
    """Where in a document a fact was read: a character span, a table cell, or both.

    ``extractor`` and ``confidence`` say who proposed the fact from this place and how sure
    it is; they do not make another place (two extractors reading one span share one
    evidence node).
    """

    quote: str
    start: int | None = None
    end: int | None = None
    table: str | None = None
    row: int | None = None
    column: int | None = None
    #: The 1-based page the span or cell is printed on (paged formats: pdf); it follows
    #: from the place, so it is no part of the evidence's identity.
    page: int | None = field(default=None, compare=False)
    extractor: str | None = field(default=None, compare=False)
    confidence: float | None = field(default=None, compare=False)

    def key(self) -> str:
        """A stable key within one document (same place → same evidence node)."""
        if self.table is not None:
            return f"{self.table}/{self.row}/{self.column}@{self.start}-{self.end}"
        return f"{self.start}-{self.end}"


@dataclass
class NodeFact:
    cls: str
    id: str
    props: dict[str, Any] = field(default_factory=dict)
    evidence: list[EvidenceRef] = field(default_factory=list)


@dataclass
class RelFact:
    prop: str
    start: str
    end: str
    props: dict[str, Any] = field(default_factory=dict)
    evidence: list[EvidenceRef] = field(default_factory=list)


@dataclass
class FactSet:
    """Everything one document asserts. Adding the same node twice merges the two."""

    nodes: dict[str, NodeFact] = field(default_factory=dict)
    rels: dict[tuple[str, str, str], RelFact] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def node(
        self,
        cls: str,
        id: str,
        evidence: EvidenceRef | list[EvidenceRef] | None = None,
        **props: Any,
    ) -> str:
        fact = self.nodes.get(id)
        if fact is None:
            fact = self.nodes[id] = NodeFact(cls, id)
        elif fact.cls != cls:
            raise ValueError(f"{id} asserted as both {fact.cls} and {cls}")
        fact.props.update({k: v for k, v in props.items() if v is not None})
        _add_evidence(fact.evidence, evidence)
        return id

    def rel(
        self,
        prop: str,
        start: str,
        end: str,
        evidence: EvidenceRef | list[EvidenceRef] | None = None,
        **props: Any,
    ) -> None:
        key = (prop, start, end)
        fact = self.rels.get(key)
        if fact is None:
            fact = self.rels[key] = RelFact(prop, start, end)
        fact.props.update({k: v for k, v in props.items() if v is not None})
        _add_evidence(fact.evidence, evidence)

    def merge(self, source_id: str, into_id: str) -> None:
        """Fold node ``source_id`` into ``into_id``: its evidence, and its relationships
        re-pointed; the merged node keeps its own properties."""
        source = self.nodes.pop(source_id)
        _add_evidence(self.nodes[into_id].evidence, source.evidence)
        for key in [k for k in self.rels if source_id in (k[1], k[2])]:
            fact = self.rels.pop(key)
            start = into_id if fact.start == source_id else fact.start
            end = into_id if fact.end == source_id else fact.end
            self.rel(fact.prop, start, end, fact.evidence, **fact.props)

    def evidence_count(self) -> int:
        refs = {e.key() for f in self.nodes.values() for e in f.evidence}
        refs |= {e.key() for f in self.rels.values() for e in f.evidence}
        return len(refs)


def _add_evidence(
    into: list[EvidenceRef], evidence: EvidenceRef | list[EvidenceRef] | None
) -> None:
    if evidence is None:
        return
    for ref in evidence if isinstance(evidence, list) else [evidence]:
        if ref not in into:
            into.append(ref)


def evidence_id(prefix: str, document_id: str, ref: EvidenceRef) -> str:
    """A stable id for one piece of evidence: the document plus the place in it."""
    digest = hashlib.sha1(f"{document_id}|{ref.key()}".encode()).hexdigest()[:16]
    return f"{prefix}:{digest}"
