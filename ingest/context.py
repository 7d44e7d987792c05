"""What every fact builder needs: the ontology's vocabularies and ids, and the document.

Ids are built here in one way only (``prefix:key`` with the class's ``idPrefix`` and the
normalised name key), so the same real thing gets the same node from every document and
every builder, and reference individuals from ``ontology/reference.ttl`` are hit by name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from stkg.graph.facts import EvidenceRef, FactSet
from stkg.ingest.extract.tables.model import Cell
from stkg.ingest.normalize import name_key
from stkg.ontology.ids import typed_id
from stkg.ontology.model import Ontology

#: Roadmap series of the reference individuals, by what their tables look like.
SME_ROADMAP = "중소기업기술로드맵"
SMART_MANUFACTURING_ROADMAP = "스마트제조전략기술로드맵"


_VOCABULARY_INDEXES: dict[tuple[int, str], tuple[Ontology, dict[str, str]]] = {}


def vocabulary_index(onto: Ontology, scheme: str) -> dict[str, str]:
    """Name key of every label and alias of ``scheme``'s concepts → the concept's notation.

    Built once per (immutable) ontology and scheme: a table of a thousand rows asks for
    its sectors a thousand times.
    """
    cached = _VOCABULARY_INDEXES.get((id(onto), scheme))
    if cached is not None and cached[0] is onto:
        return cached[1]
    index: dict[str, str] = {}
    for concept in onto.vocab(scheme).concepts:
        names = [concept.labels.ko, concept.labels.en, *(t for t, _ in concept.alt_labels)]
        for name in names:
            if name:
                index.setdefault(name_key(name), concept.notation)
    _VOCABULARY_INDEXES[(id(onto), scheme)] = (onto, index)
    return index


@dataclass
class BuildContext:
    onto: Ontology
    document_id: str
    text: str
    facts: FactSet = field(default_factory=FactSet)

    # -- ids --------------------------------------------------------------------------------
    def id(self, cls: str, name: str) -> str:
        """The typed id of the ``cls`` node named ``name`` (its normalised name key)."""
        prefix = self.onto.cls(cls).id_prefix
        if prefix is None:
            raise ValueError(f"class {cls} has no idPrefix")
        return typed_id(prefix, name_key(name) or name)

    def raw_id(self, cls: str, key: str) -> str:
        """A typed id from an already-built key (e.g. ``드론@중소기업기술로드맵@2021``)."""
        prefix = self.onto.cls(cls).id_prefix
        if prefix is None:
            raise ValueError(f"class {cls} has no idPrefix")
        return typed_id(prefix, key)

    def edition_id(self, roadmap: str, year: int) -> str:
        return self.raw_id("RoadmapEdition", f"{name_key(roadmap)}@{year}")

    # -- vocabularies -------------------------------------------------------------------------
    def notation(self, scheme: str, label: str) -> str | None:
        """The stored value of the concept of ``scheme`` whose label or alias is ``label``."""
        return vocabulary_index(self.onto, scheme).get(name_key(label))

    def sector(self, label: str, evidence: EvidenceRef | None = None) -> str | None:
        """The Sector node for a sector label as printed (None when unknown)."""
        notation = self.notation("sector", label)
        if notation is None:
            self.facts.warnings.append(f"unknown sector {label!r}")
            return None
        concept = self.onto.vocab("sector").concept(notation)
        sid = self.raw_id("Sector", notation)
        self.facts.node(
            "Sector",
            sid,
            evidence,
            name=concept.labels.ko,
            nameEn=concept.labels.en,
            notation=notation,
        )
        return sid

    # -- evidence -------------------------------------------------------------------------------
    def cell(self, cell: Cell) -> EvidenceRef:
        """Evidence for a table value: its span and its cell."""
        ref = cell.ref
        return EvidenceRef(
            quote=self.text[cell.start : cell.end],
            start=cell.start,
            end=cell.end,
            table=ref.table,
            row=ref.row,
            column=ref.column,
        )

    def span(self, start: int, end: int) -> EvidenceRef:
        return EvidenceRef(quote=self.text[start:end], start=start, end=end)
