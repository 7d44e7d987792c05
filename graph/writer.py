"""Write one document's facts in one transaction: batched, idempotent, with provenance.

The guarantees ingest relies on:

- **All or nothing.** A document's facts, evidence and document node are written in a
  single managed transaction; if anything fails, the graph is as it was.
- **Idempotent.** Nodes are MERGEd on ``id`` (unique), relationships on their endpoints
  and type, evidence on a stable id derived from the document and the place in it, so
  writing the same facts twice changes nothing.
- **Batched.** A document of up to :data:`ONE_STATEMENT_FACTS` facts is written by one
  statement of fixed text (its nodes, evidence, relationships and ingest run, each an
  ``UNWIND`` over a parameter list; labels and relationship types are parameter values
  taken from the ontology): with the check that comes before it and the graph version
  after it, three statements per document. A bigger one (a bulk load) gets one
  ``UNWIND $rows`` statement per label group and relationship type, which names its
  property keys. Never a round trip per fact.
- **Provenance per fact.** Each evidence node cites its document and ``SUPPORTS`` the
  nodes it asserts (and the start node of each relationship it asserts); each
  relationship lists its evidence ids in its ``evidence`` property.
- **Versions.** When a changed document (same origin, new content) is written, the facts
  only its previous version asserted are retracted and the old version is linked to the
  new one, so the history of the source is kept.

Labels, relationship types and property keys come from the ontology; the Cypher text is
assembled from those validated names only, never from input data.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from neo4j import ManagedTransaction, ResultSummary

from stkg.graph.driver import Graph
from stkg.graph.facts import EvidenceRef, FactSet, evidence_id
from stkg.graph.prefetch import prefetch
from stkg.graph.version import touching
from stkg.ontology.model import DatatypeProperty, Ontology
from stkg.ontology.names import quote_name


class SchemaViolation(ValueError):
    """A fact names a class or property the ontology does not define."""


#: ("out" or "in", relationship type): a link a node row carries to a node written elsewhere
Link = tuple[str, str]
#: (labels, property keys set, links carried): the rows one node statement writes
NodeShape = tuple[tuple[str, ...], tuple[str, ...], tuple[Link, ...]]
#: (relationship type, sets properties, lists evidence): the rows one statement writes
RelShape = tuple[str, bool, bool]

#: The most facts (nodes and relationships) a document may have to be written by one
#: statement (:meth:`FactWriter._one_statement`; a generated release has about 300); a
#: bigger one (a bulk load's batch) gets a statement per shape, which names its property
#: keys: fewer db hits per row, a round trip per shape (PROFILE; python -m bench.profiles).
ONE_STATEMENT_FACTS = 1000


@dataclass(frozen=True)
class _Prepared:
    """A document validated and grouped into statements, ready for its transaction."""

    document: dict[str, Any]
    props: dict[str, Any]
    batches: list[tuple[str, list[dict[str, Any]]]]
    evidence: int
    #: nodes it writes that neither its evidence supports nor any of its relationships
    #: links to a node its evidence supports
    unreached: tuple[str, ...] = ()
    #: the parameters of the one statement that writes it all (:data:`ONE_STATEMENT_FACTS`);
    #: None: ``batches`` does
    rows: dict[str, list[dict[str, Any]]] | None = None


@dataclass(frozen=True)
class WriteSummary:
    document_id: str
    skipped: bool
    nodes_created: int = 0
    relationships_created: int = 0
    properties_set: int = 0
    nodes_deleted: int = 0
    relationships_deleted: int = 0
    evidence: int = 0
    superseded: str | None = None


class NullWriter:
    """The writer of a dry run: takes what :class:`FactWriter` takes and writes nothing.

    Callers hold one writer either way instead of carrying ``None`` through their layers;
    ``dry_run`` tells them nothing was written.
    """

    dry_run = True

    def write_document(
        self,
        document: dict[str, Any],
        facts: FactSet,
        *,
        run: dict[str, Any] | None = None,
        force: bool = False,
    ) -> WriteSummary:
        return WriteSummary(str(document["id"]), skipped=False, evidence=facts.evidence_count())

    def write_links(self, facts: FactSet) -> WriteSummary:
        return WriteSummary("", skipped=False)


class FactWriter:
    """Writes :class:`FactSet`s through one :class:`Graph` using one ontology's names."""

    dry_run = False

    def __init__(self, graph: Graph, onto: Ontology):
        self.graph = graph
        self.onto = onto
        o = onto
        self.entity = quote_name(o.label("Entity"))
        self.evidence_label = quote_name(o.label("Evidence"))
        self.document_label = quote_name(o.label("SourceDocument"))
        self.supports = quote_name(o.rel("supports"))
        self.cites = quote_name(o.rel("citesDocument"))
        self.supersedes = quote_name(o.rel("supersedes"))
        self.key = quote_name(o.prop("id"))
        self.evidence_prop = quote_name(o.prop("evidence"))
        self.origin = quote_name(o.prop("origin"))
        self.sha = quote_name(o.prop("sha256"))
        self.evidence_prefix = o.cls("Evidence").id_prefix or "evidence"
        # reference individuals come from the ontology, not from any document: never
        # retract them with a document
        self.reference_ids = sorted(i.id for i in o.individuals if i.id)
        # per-class lookups, computed once: _batches runs them for every fact, and the
        # ontology answers them by walking all its properties (a 1M-patent load asks 3M times)
        self._node_names: dict[str, dict[str, str]] = {}
        self._rel_names: dict[str, dict[str, str]] = {}
        self._labels: dict[str, tuple[str, ...]] = {}
        self._entity_name = o.label("Entity")
        self._check = self._check_statement()
        self._one = self._one_statement()

    # -- public ---------------------------------------------------------------------------
    def write_document(
        self,
        document: dict[str, Any],
        facts: FactSet,
        *,
        run: dict[str, Any] | None = None,
        force: bool = False,
    ) -> WriteSummary:
        """Write a document node and its facts; skip when this exact content is in already.

        ``document`` holds the SourceDocument's properties by ontology local name and
        must include ``id``, ``sha256`` and ``origin``.
        """
        return self._write(self._prepare(document, facts), run=run, force=force)

    def write_links(self, facts: FactSet) -> WriteSummary:
        """MERGE ``facts``' relationships between nodes already in the graph, in one
        transaction, without a document (web ingest links a page that did not change to
        attachments and feeds). Relationships to absent nodes are not created. The graph
        version's journal names the ends, so the SPARQL store reloads those."""
        if facts.nodes:
            raise SchemaViolation("write_links writes relationships only; got nodes")
        by_type: dict[RelShape, list[dict[str, Any]]] = defaultdict(list)
        for rel in facts.rels.values():
            if rel.evidence:
                raise SchemaViolation("write_links cannot record evidence without a document")
            props = self._rel_props(rel.prop, rel.props)
            row = {"start": rel.start, "end": rel.end, "props": props, "evidence": []}
            by_type[(self.onto.rel(rel.prop), bool(props), False)].append(row)
        batches = [(self._rel_statement(*shape), rows) for shape, rows in sorted(by_type.items())]

        def work(tx: ManagedTransaction) -> WriteSummary:
            counters: dict[str, int] = defaultdict(int)
            for statement, rows in batches:
                _run(tx, statement, counters, rows=rows)
            return WriteSummary(
                "", skipped=False, relationships_created=counters["relationships_created"]
            )

        ends = {end for rel in facts.rels.values() for end in (rel.start, rel.end)}
        with touching(nodes=ends):
            return self.graph.execute_write(work)

    def write_documents(
        self,
        documents: Iterable[tuple[dict[str, Any], FactSet]],
        *,
        run: dict[str, Any] | None = None,
        force: bool = False,
    ) -> Iterator[WriteSummary]:
        """:meth:`write_document` for each, one transaction each, in order.

        The next document is produced (by the caller's iterable) and validated in a
        background thread while the current one's transaction runs, so a bulk load keeps
        both Python and Neo4j busy. Stops at the first failure: the documents before it
        are written, the failing one and those after it are not.
        """
        prepared = prefetch(self._prepare(doc, facts) for doc, facts in documents)
        try:
            for item in prepared:
                yield self._write(item, run=run, force=force)
        finally:
            prepared.close()

    def _prepare(self, document: dict[str, Any], facts: FactSet) -> _Prepared:
        props = self._props("SourceDocument", document)
        evidence, unreached = facts.evidence_count(), _unreached(facts)
        if len(facts.nodes) + len(facts.rels) <= ONE_STATEMENT_FACTS:
            rows = self._rows(document["id"], facts)
            return _Prepared(document, props, [], evidence, unreached, rows)
        return _Prepared(document, props, self._batches(document["id"], facts), evidence, unreached)

    def _write(self, item: _Prepared, *, run: dict[str, Any] | None, force: bool) -> WriteSummary:
        document, doc_id = item.document, item.document["id"]

        left: set[str] = set()

        def work(tx: ManagedTransaction) -> WriteSummary:
            found = tx.run(self._check, id=doc_id, origin=document["origin"]).single()
            assert found is not None  # the statement always returns one row
            if not force and found["sha"] == document["sha256"] and not found["old"]:
                # this content is in the graph as a current version: a version superseded
                # since is not (a document that went back to it, A, B, then A again, is
                # written again and supersedes B)
                return WriteSummary(doc_id, skipped=True)
            counters: dict[str, int] = defaultdict(int)
            if found["old"]:
                self._current_again(tx, doc_id, counters)
            previous: str | None = found["previous"]
            touched = self._retract(tx, previous, counters) if previous else set()
            if item.rows is not None:
                runs = [] if run is None else [self._run_row(run)]
                params: dict[str, Any] = {"doc": doc_id, "props": item.props, "runs": runs}
                _count(tx.run(self._one, {**params, **item.rows}).consume(), counters)
            else:
                self._merge_document(tx, doc_id, item.props, counters)
                for statement, rows in item.batches:
                    _run(tx, statement, counters, rows=rows, doc=doc_id)
                if run is not None:
                    self._record_run(tx, run, doc_id, counters)
            if previous:
                self._supersede(tx, doc_id, previous, counters)
            left.update(item.unreached)
            left.update(self._left_behind(tx, doc_id, touched))
            return WriteSummary(
                doc_id,
                skipped=False,
                nodes_created=counters["nodes_created"],
                relationships_created=counters["relationships_created"],
                properties_set=counters["properties_set"],
                nodes_deleted=counters["nodes_deleted"],
                relationships_deleted=counters["relationships_deleted"],
                evidence=item.evidence,
                superseded=previous,
            )

        # the graph version's journal names the document, so a copy of the graph (the
        # SPARQL store) reloads what this document touched and nothing else; and the nodes
        # that it touched and that its family's evidence no longer reaches (``left``)
        return self.graph.execute_write(work, document=doc_id, nodes=left)

    # -- validation -----------------------------------------------------------------------
    def _props(self, cls: str, values: dict[str, Any]) -> dict[str, Any]:
        names = self._node_names.get(cls)
        if names is None:
            names = self._node_names[cls] = _names(self.onto.node_properties(cls))
        return _to_neo4j_names(values, names, cls)

    def _rel_props(self, prop: str, values: dict[str, Any]) -> dict[str, Any]:
        names = self._rel_names.get(prop)
        if names is None:
            names = self._rel_names[prop] = _names(self.onto.relationship_properties(prop))
        return _to_neo4j_names(values, names, f"relationship {prop}")

    def _labels_of(self, cls: str) -> tuple[str, ...]:
        labels = self._labels.get(cls)
        if labels is None:
            labels = self._labels[cls] = self.onto.labels_of(cls)
        return labels

    # -- statements -----------------------------------------------------------------------
    def _batches(self, doc_id: str, facts: FactSet) -> list[tuple[str, list[dict[str, Any]]]]:
        """Validate every fact, then group rows into one UNWIND statement per shape."""
        evidence_rows: dict[str, dict[str, Any]] = {}
        support_rows: list[dict[str, str]] = []
        links, by_type = self._relationship_rows(doc_id, facts, evidence_rows, support_rows)
        # nodes grouped by labels, by the properties they set and by the links they carry:
        # each group's statement names its keys (``SET n.k = row.props.k``), which Neo4j
        # runs with fewer db hits than ``SET n += map`` (PROFILE; python -m bench.profiles)
        by_shape: dict[NodeShape, list[dict[str, Any]]] = defaultdict(list)
        for node in facts.nodes.values():
            labels = self._labels_of(node.cls)
            props = self._props(node.cls, node.props)  # the id is MERGEd, not SET
            mine = links.get(node.id, {})
            shape = tuple(sorted(mine))
            row: dict[str, Any] = {"id": node.id, "props": props}
            if shape:
                row["links"] = [mine[s] for s in shape]
            by_shape[(labels, tuple(sorted(props)), shape)].append(row)
            for ref in node.evidence:
                ev = self._evidence_row(doc_id, ref, evidence_rows)
                support_rows.append({"ev": ev, "node": node.id})

        batches: list[tuple[str, list[dict[str, Any]]]] = []
        for (labels, keys, shape), rows in sorted(by_shape.items()):
            batches.append((self._node_statement(labels, keys, shape), rows))
        ev_labels = ":".join(quote_name(lbl) for lbl in self.onto.labels_of("Evidence"))
        batches.append(
            (
                f"UNWIND $rows AS row MERGE (e:{self.entity} {{{self.key}: row.id}}) "
                f"SET e:{ev_labels} SET e += row.props WITH e "
                f"MATCH (d:{self.entity} {{{self.key}: $doc}}) MERGE (e)-[:{self.cites}]->(d)",
                list(evidence_rows.values()),
            )
        )
        batches.append(
            (
                f"UNWIND $rows AS row MATCH (e:{self.entity} {{{self.key}: row.ev}}) "
                f"MATCH (n:{self.entity} {{{self.key}: row.node}}) "
                f"MERGE (e)-[:{self.supports}]->(n)",
                _dedupe(support_rows),
            )
        )
        for (rel_type, has_props, has_evidence), rows in sorted(by_type.items()):
            batches.append((self._rel_statement(rel_type, has_props, has_evidence), rows))
        return batches

    def _relationship_rows(
        self,
        doc_id: str,
        facts: FactSet,
        evidence_rows: dict[str, dict[str, Any]],
        support_rows: list[dict[str, str]],
    ) -> tuple[dict[str, dict[Link, list[str]]], dict[RelShape, list[dict[str, Any]]]]:
        """Links carried by node rows, and the rows of the relationship statements.

        A relationship with neither properties nor evidence, between a node of this
        document and a node written elsewhere (a patent and its applicant, in a bulk load),
        is MERGEd in the statement that MERGEs its node: the node is not looked up a second
        time and the batch runs one statement instead of three. The other endpoint must
        exist already, exactly as a separate statement's MATCH requires. Every other
        relationship is written after all nodes, grouped by type and by what it sets.
        """
        links: dict[str, dict[Link, list[str]]] = defaultdict(lambda: defaultdict(list))
        by_type: dict[RelShape, list[dict[str, Any]]] = defaultdict(list)
        for rel in facts.rels.values():
            ids = [self._evidence_row(doc_id, ref, evidence_rows) for ref in rel.evidence]
            props = self._rel_props(rel.prop, rel.props)
            rel_type = self.onto.rel(rel.prop)
            if not ids and not props:
                if rel.start in facts.nodes and rel.end not in facts.nodes:
                    links[rel.start][("out", rel_type)].append(rel.end)
                    continue
                if rel.end in facts.nodes and rel.start not in facts.nodes:
                    links[rel.end][("in", rel_type)].append(rel.start)
                    continue
            by_type[(rel_type, bool(props), bool(ids))].append(
                {"start": rel.start, "end": rel.end, "props": props, "evidence": ids}
            )
            support_rows.extend({"ev": ev, "node": rel.start} for ev in ids)
        return links, by_type

    def _node_statement(
        self, labels: tuple[str, ...], keys: tuple[str, ...], shape: tuple[Link, ...]
    ) -> str:
        """MERGE on the key, then the labels, each named property and each carried link."""
        e, k = self.entity, self.key
        # the MERGE gives the Entity label already; setting it again makes the planner
        # insert an Eager (a read/set conflict with the MATCHes on Entity that follow)
        sets = [f"n:{quote_name(lbl)}" for lbl in labels if quote_name(lbl) != e]
        sets += [f"n.{quote_name(key)} = row.props.{quote_name(key)}" for key in keys]
        statement = f"UNWIND $rows AS row MERGE (n:{e} {{{k}: row.id}})"
        if sets:
            statement += " SET " + ", ".join(sets)
        if shape:
            statement += " WITH n, row"
        for i, (direction, rel_type) in enumerate(shape):
            rel = quote_name(rel_type)
            pattern = f"(n)-[:{rel}]->(m)" if direction == "out" else f"(m)-[:{rel}]->(n)"
            statement += (
                f" CALL (n, row) {{ UNWIND row.links[{i}] AS other "
                f"MATCH (m:{e} {{{k}: other}}) MERGE {pattern} }}"
            )
        return statement

    def _rel_statement(self, rel_type: str, has_props: bool, has_evidence: bool) -> str:
        ev = self.evidence_prop
        statement = (
            f"UNWIND $rows AS row MATCH (a:{self.entity} {{{self.key}: row.start}}) "
            f"MATCH (b:{self.entity} {{{self.key}: row.end}}) "
            f"MERGE (a)-[r:{quote_name(rel_type)}]->(b)"
        )
        if has_props:
            statement += " SET r += row.props"
        if has_evidence:
            # append only ids not there yet: rewriting a document keeps the order
            statement += (
                f" SET r.{ev} = coalesce(r.{ev}, []) + "
                f"[x IN row.evidence WHERE NOT x IN coalesce(r.{ev}, [])]"
            )
        return statement

    def _evidence_row(self, doc_id: str, ref: EvidenceRef, rows: dict[str, Any]) -> str:
        ev_id = evidence_id(self.evidence_prefix, doc_id, ref)
        if ev_id not in rows:
            values = {
                "id": ev_id,
                "quote": ref.quote,
                "spanStart": ref.start,
                "spanEnd": ref.end,
                "tableId": ref.table,
                "tableRow": ref.row,
                "tableColumn": ref.column,
                "page": ref.page,
                "extractedBy": ref.extractor,
                "confidence": ref.confidence,
            }
            props = self._props("Evidence", {k: v for k, v in values.items() if v is not None})
            rows[ev_id] = {"id": ev_id, "props": props}
        return ev_id

    def _run_row(self, run: dict[str, Any]) -> dict[str, Any]:
        return {"id": run["id"], "props": self._props("IngestRun", run)}

    def _record_run(
        self, tx: ManagedTransaction, run: dict[str, Any], doc_id: str, counters: dict[str, int]
    ) -> None:
        """The ingest run that wrote this document (created with its first document)."""
        _run(tx, self._run_statement(), counters, runs=[self._run_row(run)], doc=doc_id)

    def _run_statement(self) -> str:
        """MERGE each of ``$runs`` (none or the one run) and link it to document ``$doc``."""
        labels = ":".join(quote_name(lbl) for lbl in self.onto.labels_of("IngestRun"))
        processed = quote_name(self.onto.rel("processedDocument"))
        return (
            f"UNWIND $runs AS row MERGE (r:{self.entity} {{{self.key}: row.id}}) "
            f"SET r:{labels} SET r += row.props "
            f"WITH r MATCH (d:{self.entity} {{{self.key}: $doc}}) MERGE (r)-[:{processed}]->(d)"
        )

    def _check_statement(self) -> str:
        """What a write must know first, in one read: the sha256 of the document ``$id``
        if it is in the graph, whether a later version supersedes it (``old``), and the
        current version of its origin ``$origin`` that is another document (``previous``)."""
        d, k = self.document_label, self.key
        return (
            f"CALL () {{ OPTIONAL MATCH (d:{d} {{{k}: $id}}) "
            f"RETURN d.{self.sha} AS sha, "
            f"d IS NOT NULL AND EXISTS {{ ()-[:{self.supersedes}]->(d) }} AS old }} "
            f"CALL () {{ OPTIONAL MATCH (p:{d} {{{self.origin}: $origin}}) "
            f"WHERE p.{k} <> $id AND NOT ()-[:{self.supersedes}]->(p) "
            f"RETURN collect(p.{k})[0] AS previous }} "
            f"RETURN sha, coalesce(old, false) AS old, previous"
        )

    def _one_statement(self) -> str:
        """A whole document in one statement of fixed text, compiled once per server: the
        document node, then each list an ``UNWIND`` of its own (``_rows``): ``$nodes``
        (labels and properties), ``$evidence`` (citing the document), ``$supports``,
        ``$rels`` (relationships without evidence) and ``$evidenced`` (with: their ids are
        appended to the relationship's ``evidence``), then ``$runs`` (the ingest run).
        Labels and relationship types are parameter values: names from the ontology."""
        e, k, ev = self.entity, self.key, self.evidence_prop
        doc_labels = ":".join(quote_name(lbl) for lbl in self.onto.labels_of("SourceDocument"))
        ev_labels = ":".join(quote_name(lbl) for lbl in self.onto.labels_of("Evidence"))
        run_labels = ":".join(quote_name(lbl) for lbl in self.onto.labels_of("IngestRun"))
        processed = quote_name(self.onto.rel("processedDocument"))
        ends = f"MATCH (a:{e} {{{k}: row.start}}) MATCH (b:{e} {{{k}: row.end}}) "
        return (
            f"MERGE (d:{e} {{{k}: $doc}}) SET d:{doc_labels} SET d += $props WITH d "
            f"CALL () {{ UNWIND $nodes AS row MERGE (n:{e} {{{k}: row.id}}) "
            f"SET n:$(row.labels) SET n += row.props }} "
            f"CALL (d) {{ UNWIND $evidence AS row MERGE (x:{e} {{{k}: row.id}}) "
            f"SET x:{ev_labels} SET x += row.props MERGE (x)-[:{self.cites}]->(d) }} "
            f"CALL () {{ UNWIND $supports AS row MATCH (x:{e} {{{k}: row.ev}}) "
            f"MATCH (n:{e} {{{k}: row.node}}) MERGE (x)-[:{self.supports}]->(n) }} "
            f"CALL () {{ UNWIND $rels AS row {ends}"
            f"MERGE (a)-[r:$(row.type)]->(b) SET r += row.props }} "
            f"CALL () {{ UNWIND $evidenced AS row {ends}"
            f"MERGE (a)-[r:$(row.type)]->(b) SET r += row.props "
            # append only ids not there yet: rewriting a document keeps the order
            f"SET r.{ev} = coalesce(r.{ev}, []) + "
            f"[i IN row.evidence WHERE NOT i IN coalesce(r.{ev}, [])] }} "
            f"CALL (d) {{ UNWIND $runs AS row MERGE (r:{e} {{{k}: row.id}}) "
            f"SET r:{run_labels} SET r += row.props MERGE (r)-[:{processed}]->(d) }}"
        )

    def _rows(self, doc_id: str, facts: FactSet) -> dict[str, list[dict[str, Any]]]:
        """Validate every fact; the parameter lists of :meth:`_one_statement`."""
        evidence_rows: dict[str, dict[str, Any]] = {}
        supports: list[dict[str, str]] = []
        # relationships first, then nodes, as _batches does: two references to the same
        # place (the same evidence id) give the evidence node the first one's properties
        rels: list[dict[str, Any]] = []
        evidenced: list[dict[str, Any]] = []
        for rel in facts.rels.values():
            ids = [self._evidence_row(doc_id, ref, evidence_rows) for ref in rel.evidence]
            row = {
                "start": rel.start,
                "end": rel.end,
                "type": self.onto.rel(rel.prop),
                "props": self._rel_props(rel.prop, rel.props),
            }
            if ids:
                row["evidence"] = ids
                evidenced.append(row)
                supports.extend({"ev": ev, "node": rel.start} for ev in ids)
            else:
                rels.append(row)
        nodes = []
        for node in facts.nodes.values():
            # the MERGE gives the Entity label already
            labels = [lbl for lbl in self._labels_of(node.cls) if lbl != self._entity_name]
            props = self._props(node.cls, node.props)  # the id is MERGEd, not SET
            nodes.append({"id": node.id, "labels": labels, "props": props})
            for ref in node.evidence:
                ev = self._evidence_row(doc_id, ref, evidence_rows)
                supports.append({"ev": ev, "node": node.id})
        return {
            "nodes": nodes,
            "evidence": list(evidence_rows.values()),
            "supports": _dedupe(supports),
            "rels": rels,
            "evidenced": evidenced,
        }

    def _merge_document(
        self, tx: ManagedTransaction, doc_id: str, props: dict[str, Any], counters: dict[str, int]
    ) -> None:
        labels = ":".join(quote_name(lbl) for lbl in self.onto.labels_of("SourceDocument"))
        _run(
            tx,
            f"MERGE (d:{self.entity} {{{self.key}: $doc}}) SET d:{labels} SET d += $props",
            counters,
            doc=doc_id,
            props=props,
        )

    def _supersede(
        self, tx: ManagedTransaction, doc_id: str, previous: str, counters: dict[str, int]
    ) -> None:
        _run(
            tx,
            f"MATCH (new:{self.entity} {{{self.key}: $doc}}), "
            f"(old:{self.entity} {{{self.key}: $old}}) MERGE (new)-[:{self.supersedes}]->(old)",
            counters,
            doc=doc_id,
            old=previous,
        )

    def _current_again(self, tx: ManagedTransaction, doc_id: str, counters: dict[str, int]) -> None:
        """A superseded version written again is current once more: whatever superseded it
        is superseded by it now (:meth:`_supersede`), not the other way round."""
        e, k = self.entity, self.key
        _run(
            tx,
            f"MATCH (:{e})-[s:{self.supersedes}]->(:{e} {{{k}: $doc}}) DELETE s",
            counters,
            doc=doc_id,
        )

    def _retract(self, tx: ManagedTransaction, old_id: str, counters: dict[str, int]) -> set[str]:
        """Withdraw what the earlier version ``old_id`` of this document (same origin)
        asserted; the nodes the withdrawal touched (those its evidence supported and the
        ends of the relationships it deleted)."""
        e, k, ev = self.entity, self.key, self.evidence_prop
        supported = tx.run(
            f"MATCH (x:{self.evidence_label})-[:{self.cites}]->(:{e} {{{k}: $old}}) "
            f"MATCH (x)-[:{self.supports}]->(n) RETURN collect(DISTINCT n.{k}) AS ids",
            old=old_id,
        ).single()
        touched = set(supported["ids"]) if supported else set()
        # relationships asserted by the old version: drop its evidence ids, then the
        # relationships no evidence supports any more (and note their ends)
        result = tx.run(
            f"MATCH (x:{self.evidence_label})-[:{self.cites}]->(:{e} {{{k}: $old}}) "
            f"WITH collect(x.{k}) AS gone "
            f"MATCH (x:{self.evidence_label})-[:{self.supports}]->(n)-[r]-() WHERE x.{k} IN gone "
            f"WITH DISTINCT r, gone SET r.{ev} = [i IN r.{ev} WHERE NOT i IN gone] "
            f"WITH r, startNode(r).{k} AS a, endNode(r).{k} AS b WHERE r.{ev} = [] DELETE r "
            f"RETURN a, b",
            old=old_id,
        )
        for row in result:
            touched.update((row["a"], row["b"]))
        _count(result.consume(), counters)
        # nodes that only the old version supported, and that nothing else links to
        _run(
            tx,
            f"MATCH (x:{self.evidence_label})-[:{self.cites}]->(:{e} {{{k}: $old}}) "
            f"OPTIONAL MATCH (x)-[:{self.supports}]->(n) "
            f"DETACH DELETE x WITH DISTINCT n WHERE n IS NOT NULL AND NOT n.{k} IN $keep "
            f"AND NOT ()-[:{self.supports}]->(n) AND NOT (n)--() DELETE n",
            counters,
            old=old_id,
            keep=self.reference_ids,
        )
        return touched

    def _left_behind(self, tx: ManagedTransaction, doc_id: str, touched: set[str]) -> list[str]:
        """Of the nodes a withdrawal touched, those still there that this document's
        evidence does not support: what reloading the document's family would miss."""
        if not touched:
            return []
        e, k = self.entity, self.key
        found = tx.run(
            f"UNWIND $ids AS id MATCH (n:{e} {{{k}: id}}) "
            f"WHERE NOT EXISTS {{ (n)<-[:{self.supports}]-(:{self.evidence_label})"
            f"-[:{self.cites}]->(:{e} {{{k}: $doc}}) }} "
            f"RETURN collect(n.{k}) AS ids",
            ids=sorted(touched),
            doc=doc_id,
        ).single()
        return list(found["ids"]) if found else []


def _unreached(facts: FactSet) -> tuple[str, ...]:
    """The nodes of ``facts`` that no evidence supports and that no relationship of
    ``facts`` links to a node some evidence supports."""
    supported = {n.id for n in facts.nodes.values() if n.evidence}
    supported |= {r.start for r in facts.rels.values() if r.evidence}
    reached = set(supported)
    for r in facts.rels.values():
        if r.start in supported:
            reached.add(r.end)
        if r.end in supported:
            reached.add(r.start)
    return tuple(sorted(set(facts.nodes) - reached))


def _run(tx: ManagedTransaction, statement: str, counters: dict[str, int], **params: Any) -> None:
    if "rows" in params and not params["rows"]:
        return
    _count(tx.run(statement, params).consume(), counters)


def _count(summary: ResultSummary, counters: dict[str, int]) -> None:
    c = summary.counters
    counters["nodes_created"] += c.nodes_created
    counters["relationships_created"] += c.relationships_created
    counters["properties_set"] += c.properties_set
    counters["nodes_deleted"] += c.nodes_deleted
    counters["relationships_deleted"] += c.relationships_deleted


def _names(allowed: tuple[DatatypeProperty, ...]) -> dict[str, str]:
    return {p.local_name: p.name for p in allowed}


def _to_neo4j_names(values: dict[str, Any], names: dict[str, str], owner: str) -> dict[str, Any]:
    """Ontology property names → Neo4j keys; a name the ontology does not allow fails."""
    if values.keys() <= names.keys():
        return {names[k]: v for k, v in values.items()}
    unknown = sorted(set(values) - set(names))
    if unknown:
        raise SchemaViolation(f"{owner} has no property {unknown[0]!r} in the ontology")
    return {names[k]: v for k, v in values.items()}


def _dedupe(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    seen: set[tuple[str, str]] = set()
    out = []
    for row in rows:
        key = (row["ev"], row["node"])
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out
