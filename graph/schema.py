"""Make Neo4j match the ontology: constraints, indexes, schema nodes, reference data, migrations.

``stkg ontology sync`` and ``stkg ontology diff`` share one computation, :func:`plan_sync`:
it reads what the graph holds now and what the ontology asks for, and returns a
:class:`SyncPlan` listing every difference. ``diff`` prints the plan, ``sync --dry-run``
prints it too, and :func:`apply_plan` carries it out. Running ``sync`` twice therefore
changes nothing the second time: the plan is empty.

What the ontology asks for:

* **Constraints.** A uniqueness constraint on the key of every class (``id`` for
  ``Entity`` and each entity class, ``iri`` for the meta classes), named
  ``stkg_<Label>_<key>``. Community Edition has uniqueness constraints only; the other
  rules live in the SHACL shapes (``stkg validate``).
* **Range indexes** on the properties lookups filter by, :data:`LOOKUP_PROPERTIES`, for
  every label whose class has that property (``stkg_<Label>_<property>``).
* **Full-text indexes** ``stkg_names`` (entity names, aliases, definitions) and
  ``stkg_schema_names`` (schema terms) with the ``cjk`` analyzer (see
  :mod:`stkg.graph.fulltext`).
* **Schema nodes**: the ontology itself as ``OntologyClass``/``OntologyProperty``/
  ``VocabularyScheme``/``VocabularyConcept`` nodes keyed by IRI, with their hierarchy,
  domains, ranges and vocabularies. Nodes of terms no longer in the Turtle are removed.
* **Reference data**: the individuals of ``reference.ttl`` and, for a class with a
  ``notation`` property whose id prefix names a vocabulary (``Sector`` ↔ ``stkgv:sector``),
  one node per concept of that vocabulary.
* **Migrations** of deprecated terms that name a replacement: nodes are relabelled,
  relationships recreated under the new type with their properties, property values moved
  to the new key, in batches. Retired terms (no replacement) are only reported, unless
  ``prune`` is asked for.

Schema statements (CREATE/DROP CONSTRAINT/INDEX) cannot share a transaction with data
writes, so they run one by one in auto-commit transactions; the schema and reference nodes
are written in one managed transaction, and each migration batch in its own.
Every schema name in the Cypher text comes from the ontology and passes
:func:`~stkg.ontology.names.quote_name`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from neo4j import ManagedTransaction
from neo4j.time import Date, DateTime, Duration, Time

from stkg.graph.driver import Graph
from stkg.graph.fulltext import FULLTEXT_ANALYZER
from stkg.graph.version import advance_version
from stkg.ontology.errors import OntologyError
from stkg.ontology.ids import typed_id, typed_id_from_iri
from stkg.ontology.lint import ERROR, Issue, validate_paths
from stkg.ontology.model import ALL_RELATIONSHIPS, STKG, STKGV, Ontology, load_ontology
from stkg.ontology.names import is_plain_name, quote_name

__all__ = [
    "FULLTEXT_FIELDS",
    "LOOKUP_PROPERTIES",
    "PREFIX",
    "SCHEMA_FULLTEXT_FIELDS",
    "InvalidOntology",
    "Migration",
    "NodeRow",
    "SchemaObject",
    "SyncPlan",
    "apply_plan",
    "desired_schema_objects",
    "drop_schema",
    "existing_schema_objects",
    "load_checked",
    "plan_sync",
    "sync",
]

#: Every constraint and index stkg manages has a name starting with this.
PREFIX = "stkg_"

#: Datatype properties (local names) that lookups filter by and that get a range index on
#: every label whose class has them: names everywhere, the vocabulary notation of sectors
#: and concepts, the origin and hash a re-ingest looks a document up by, patent numbers, and
#: the patent family whose members a new patent is classified with.
LOOKUP_PROPERTIES: tuple[str, ...] = (
    "name",
    "notation",
    "origin",
    "sha256",
    "applicationNumber",
    "familyId",
)

#: Datatype properties (local names) of ``Entity`` in the full-text index ``stkg_names``.
FULLTEXT_FIELDS: tuple[str, ...] = ("name", "nameEn", "aliases", "printedName", "definition")
#: Datatype properties (local names) of ``SchemaTerm`` in ``stkg_schema_names``.
SCHEMA_FULLTEXT_FIELDS: tuple[str, ...] = ("name", "labelKo", "labelEn", "definition")

_REPORT_ONLY = ("retired", "removed")
_PROPERTY_KINDS = ("relationshipType", "nodeProperty", "relationshipProperty")
_BATCH = 10_000


class InvalidOntology(OntologyError):
    """The Turtle files have lint errors; nothing was changed. ``issues`` names each place."""

    def __init__(self, issues: Sequence[Issue]) -> None:
        self.issues = tuple(issues)
        errors = [i for i in self.issues if i.severity == ERROR]
        lines = "\n".join(str(i) for i in errors)
        super().__init__(f"the ontology has {len(errors)} error(s); nothing was changed:\n{lines}")


def load_checked(paths: Sequence[Path | str] | None = None) -> Ontology:
    """Lint the Turtle files and load them; :class:`InvalidOntology` on any lint error."""
    issues = validate_paths(paths)
    if any(i.severity == ERROR for i in issues):
        raise InvalidOntology(issues)
    return load_ontology(paths)


# ---------------------------------------------------------------------------------------
# Constraints and indexes
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SchemaObject:
    """A constraint or index: ``kind`` is ``constraint``, ``range`` or ``fulltext``."""

    kind: str
    name: str
    label: str
    properties: tuple[str, ...]
    analyzer: str | None = None

    @property
    def signature(self) -> tuple[str, str, tuple[str, ...], str | None]:
        """What makes two objects equivalent, whatever their names."""
        return (self.kind, self.label, self.properties, self.analyzer)

    def create_statement(self) -> str:
        name, label = quote_name(self.name), quote_name(self.label)
        props = [f"n.{quote_name(p)}" for p in self.properties]
        if self.kind == "constraint":
            return (
                f"CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label}) "
                f"REQUIRE {props[0]} IS UNIQUE"
            )
        if self.kind == "range":
            return f"CREATE RANGE INDEX {name} IF NOT EXISTS FOR (n:{label}) ON ({props[0]})"
        return (
            f"CREATE FULLTEXT INDEX {name} IF NOT EXISTS FOR (n:{label}) "
            f"ON EACH [{', '.join(props)}] "
            f"OPTIONS {{indexConfig: {{`fulltext.analyzer`: '{self.analyzer}'}}}}"
        )

    def drop_statement(self) -> str:
        what = "CONSTRAINT" if self.kind == "constraint" else "INDEX"
        return f"DROP {what} {quote_name(self.name)} IF EXISTS"

    def __str__(self) -> str:
        props = ", ".join(self.properties)
        extra = f" analyzer={self.analyzer}" if self.analyzer else ""
        return f"{self.kind} {self.name} on :{self.label}({props}){extra}"


def desired_schema_objects(onto: Ontology) -> list[SchemaObject]:
    """The constraints and indexes the ontology asks for, sorted by name."""
    out: dict[str, SchemaObject] = {}
    for cls in onto.classes.values():
        if cls.key is not None:
            name = f"{PREFIX}{cls.label}_{cls.key}"
            out[name] = SchemaObject("constraint", name, cls.label, (cls.key,))
    lookups = {onto.prop(p) for p in LOOKUP_PROPERTIES if p in onto.datatype_properties}
    for cls in onto.classes.values():
        for dp in onto.node_properties(cls.local_name):
            if dp.name in lookups and dp.name != cls.key:
                name = f"{PREFIX}{cls.label}_{dp.name}"
                out[name] = SchemaObject("range", name, cls.label, (dp.name,))
    for index_name, root, fields in (
        ("names", "Entity", FULLTEXT_FIELDS),
        ("schema_names", "SchemaTerm", SCHEMA_FULLTEXT_FIELDS),
    ):
        if root in onto.classes:
            props = tuple(onto.prop(f) for f in fields if f in onto.datatype_properties)
            name = PREFIX + index_name
            out[name] = SchemaObject(
                "fulltext", name, onto.label(root), props, analyzer=FULLTEXT_ANALYZER
            )
    return [out[k] for k in sorted(out)]


def existing_schema_objects(graph: Graph) -> list[SchemaObject]:
    """Uniqueness constraints, range and full-text indexes in the database now."""

    def work(tx: ManagedTransaction) -> list[SchemaObject]:
        out = []
        for r in tx.run("SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties"):
            if r["type"] == "UNIQUENESS" and r["entityType"] == "NODE":
                out.append(
                    SchemaObject(
                        "constraint", r["name"], r["labelsOrTypes"][0], tuple(r["properties"])
                    )
                )
        for r in tx.run(
            "SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, "
            "owningConstraint, options"
        ):
            if r["entityType"] != "NODE" or r["owningConstraint"] is not None:
                continue
            if r["type"] == "RANGE":
                kind, analyzer = "range", None
            elif r["type"] == "FULLTEXT":
                kind = "fulltext"
                analyzer = (r["options"] or {}).get("indexConfig", {}).get("fulltext.analyzer")
            else:
                continue
            labels = r["labelsOrTypes"] or []
            if len(labels) != 1:
                continue
            out.append(SchemaObject(kind, r["name"], labels[0], tuple(r["properties"]), analyzer))
        return sorted(out, key=lambda o: o.name)

    return graph.execute_read(work)


def _schema_changes(
    desired: list[SchemaObject], existing: list[SchemaObject]
) -> tuple[list[SchemaObject], list[SchemaObject]]:
    """(to create, to drop). Objects stkg did not name are never dropped."""
    have = {o.signature for o in existing}
    want = {o.signature for o in desired}
    names_wanted = {o.name: o for o in desired}
    drop = [
        o
        for o in existing
        if o.name.startswith(PREFIX)
        and (
            o.signature not in want
            or (o.name in names_wanted and names_wanted[o.name].signature != o.signature)
        )
    ]
    dropped = {o.signature for o in drop}
    create = [o for o in desired if o.signature not in have or o.signature in dropped]
    return create, drop


# ---------------------------------------------------------------------------------------
# Schema nodes and reference data
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NodeRow:
    """A node the sync writes: its key value, labels and properties (Neo4j names)."""

    key: str
    labels: tuple[str, ...]
    props: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class RelRow:
    start: str
    type: str
    end: str


def _native(value: Any) -> Any:
    """Neo4j driver values as plain Python, so they compare with values read from Turtle."""
    if isinstance(value, Date | DateTime | Time):
        return value.to_native()
    if isinstance(value, Duration):
        return str(value)
    if isinstance(value, list):
        return [_native(v) for v in value]
    return value


class _SchemaNodes:
    """Builds the schema nodes and their relationships from an :class:`Ontology`."""

    def __init__(self, onto: Ontology) -> None:
        self.o = onto
        self.nodes: dict[str, NodeRow] = {}
        self.rels: set[RelRow] = set()
        self.version = onto.version_iri

    def p(self, local: str) -> str:
        return self.o.prop(local)

    def add(self, cls: str, iri: str, **values: Any) -> None:
        props = {self.p(k): v for k, v in values.items() if v is not None}
        props[self.p("iri")] = iri
        if self.version is not None:
            props[self.p("ontologyVersion")] = self.version
        self.nodes[iri] = NodeRow(iri, self.o.labels_of(cls), props)

    def link(self, start: str, prop: str, end: str) -> None:
        self.rels.add(RelRow(start, self.o.rel(prop), end))

    def build(self) -> _SchemaNodes:
        o = self.o
        # the stored values of propertyKind, checked against the vocabulary
        kind = {n: o.vocab("propertyKind").concept(n).notation for n in _PROPERTY_KINDS}
        for c in o.classes.values():
            self.add(
                "OntologyClass",
                c.iri,
                name=c.label,
                labelKo=c.labels.ko,
                labelEn=c.labels.en,
                definition=c.definitions.en or c.definitions.ko,
                aliases=_alt_texts(c.alt_labels),
                deprecated=False,
            )
        for c in o.classes.values():
            for sup in c.superclasses:
                if sup in o.classes:
                    self.link(c.iri, "subclassOf", o.classes[sup].iri)
        for op in o.object_properties.values():
            self.add(
                "OntologyProperty",
                op.iri,
                name=op.rel_type,
                labelKo=op.labels.ko,
                labelEn=op.labels.en,
                definition=op.definitions.en or op.definitions.ko,
                deprecated=False,
                propertyKind=kind["relationshipType"],
            )
            self._domain_range(op.iri, op.domain, op.range)
        for dp in o.datatype_properties.values():
            pk = kind["nodeProperty"] if dp.domain else kind["relationshipProperty"]
            self.add(
                "OntologyProperty",
                dp.iri,
                name=dp.name,
                labelKo=dp.labels.ko,
                labelEn=dp.labels.en,
                definition=dp.definitions.en or dp.definitions.ko,
                deprecated=False,
                propertyKind=pk,
                datatype=dp.xsd,
            )
            self._domain_range(dp.iri, dp.domain, ())
            targets = (
                list(o.object_properties)
                if ALL_RELATIONSHIPS in dp.on_relationship
                else [r for r in dp.on_relationship if r in o.object_properties]
            )
            for r in targets:
                self.link(dp.iri, "appliesToRelationship", o.object_properties[r].iri)
            if dp.vocabulary in o.vocabularies:
                self.link(dp.iri, "usesVocabulary", o.vocabularies[dp.vocabulary].iri)
        for v in o.vocabularies.values():
            self.add(
                "VocabularyScheme",
                v.iri,
                name=v.name,
                labelKo=v.labels.ko,
                labelEn=v.labels.en,
                definition=v.definitions.en or v.definitions.ko,
                deprecated=False,
            )
            for c in v.concepts:
                self.add(
                    "VocabularyConcept",
                    c.iri,
                    name=c.notation,
                    notation=c.notation,
                    labelKo=c.labels.ko,
                    labelEn=c.labels.en,
                    definition=c.definitions.en or c.definitions.ko,
                    aliases=_alt_texts(c.alt_labels),
                    deprecated=False,
                )
                self.link(c.iri, "inScheme", v.iri)
        meta = {
            "class": "OntologyClass",
            "object": "OntologyProperty",
            "datatype": "OntologyProperty",
        }
        for d in o.deprecated.values():
            extra = {}
            if d.kind == "object":
                extra["propertyKind"] = kind["relationshipType"]
            elif d.kind == "datatype":
                extra["propertyKind"] = kind["nodeProperty"]
            self.add(meta[d.kind], d.iri, name=d.name, deprecated=True, **extra)
        return self

    def _domain_range(self, iri: str, domain: Iterable[str], rng: Iterable[str]) -> None:
        for c in domain:
            if c in self.o.classes:
                self.link(iri, "hasDomain", self.o.classes[c].iri)
        for c in rng:
            if c in self.o.classes:
                self.link(iri, "hasRange", self.o.classes[c].iri)


def _alt_texts(alt_labels: Iterable[tuple[str, str]]) -> list[str] | None:
    """The texts of skos:altLabels, sorted, as the ``aliases`` list (None when there are none)."""
    return sorted({text for text, _lang in alt_labels}) or None


#: Individual values the sync takes from the annotations extraction reads (rdfs:label and
#: skos:altLabel), not from the stkg: datatype values that restate them for the RDF form.
_NAMED = ("name", "nameEn", "aliases")


@dataclass(frozen=True)
class _Reference:
    """The nodes and links the ontology defines, and what the sync manages on them."""

    nodes: dict[str, NodeRow]
    rels: set[RelRow]
    #: per node id, the property keys the sync owns (sets, or removes when not stated)
    managed: dict[str, frozenset[str]]
    #: relationship types of the links between reference nodes
    link_types: frozenset[str]
    #: labels whose nodes may be reference nodes (to find those that left the Turtle)
    labels: frozenset[str]


def _reference_data(onto: Ontology) -> _Reference:
    """Reference individuals and vocabulary-backed entities (sectors), keyed by typed id.

    Names come from ``rdfs:label`` (@ko → ``name``, @en → ``nameEn``) and aliases from
    ``skos:altLabel``: what extraction resolves names by, so the graph answers to the same.
    """
    nodes: dict[str, NodeRow] = {}
    rels: set[RelRow] = set()
    marker = onto.prop("definedInOntology")
    individual_keys: set[str] = set()
    individual_ids: list[str] = []
    ref_labels: set[str] = set()
    for ind in onto.individuals:
        if ind.id is None:
            continue
        labels: list[str] = []
        for c in ind.classes:
            labels += [lbl for lbl in onto.labels_of(c) if lbl not in labels]
            ref_labels.add(onto.label(c))
        props: dict[str, Any] = {}
        for local, values in ind.values.items():
            dp = onto.datatype_properties.get(local)
            if dp is None or local in _NAMED:
                continue
            props[dp.name] = values[0] if dp.functional else list(values)
        named = {
            "name": ind.labels.ko or next(iter(ind.values.get("name", ())), None),
            "nameEn": ind.labels.en or next(iter(ind.values.get("nameEn", ())), None),
            "aliases": _alt_texts(ind.alt_labels),
        }
        props.update({onto.prop(k): v for k, v in named.items() if v is not None})
        props[marker] = True
        nodes[ind.id] = NodeRow(ind.id, tuple(labels), props)
        individual_ids.append(ind.id)
        individual_keys |= set(props) | {onto.prop(k) for k in _NAMED}
        for local, targets in ind.links.items():
            op = onto.object_properties.get(local)
            if op is None:
                continue
            for t in targets:
                rels.add(RelRow(ind.id, op.rel_type, typed_id_from_iri(t)))
    managed: dict[str, frozenset[str]] = {}
    id_key = onto.prop("id")
    for tid in individual_ids:
        managed[tid] = frozenset(individual_keys - {id_key})
    for cls in onto.classes.values():
        names = {p.local_name for p in onto.node_properties(cls.local_name)}
        vocab = onto.vocabularies.get(cls.id_prefix or "")
        if cls.is_meta or "notation" not in names or vocab is None:
            continue
        ref_labels.add(cls.label)
        for c in vocab.concepts:
            tid = typed_id(cls.id_prefix or "", c.notation)
            values = {
                "id": tid,
                "name": c.labels.ko or c.notation,
                "nameEn": c.labels.en,
                "aliases": _alt_texts(c.alt_labels),
                "notation": c.notation,
                "definition": c.definitions.en or c.definitions.ko,
                "definedInOntology": True,
            }
            props = {onto.prop(k): v for k, v in values.items() if v is not None}
            nodes[tid] = NodeRow(tid, onto.labels_of(cls.local_name), props)
            managed[tid] = frozenset(onto.prop(k) for k in values if k != "id")
    return _Reference(
        nodes,
        rels,
        managed,
        frozenset(r.type for r in rels),
        frozenset(ref_labels),
    )


def _changes(want: NodeRow, have: NodeRow, managed: Iterable[str]) -> list[str]:
    """What differs between a node as the ontology wants it and as it is, one item per
    label or property: ``aliases +중소기업부``, ``validUntil removed``, ``name 'a' → 'b'``."""
    out: list[str] = []
    missing = [lbl for lbl in want.labels if lbl not in have.labels]
    if missing:
        out.append("labels +" + " +".join(missing))
    for key in sorted(set(want.props) | (set(managed) & set(have.props))):
        new, old = _native(want.props.get(key)), _native(have.props.get(key))
        if new == old:
            continue
        if isinstance(new, list) or isinstance(old, list):
            a, b = set(new or ()), set(old or ())
            parts = [f"+{x}" for x in sorted(a - b, key=str)]
            parts += [f"-{x}" for x in sorted(b - a, key=str)]
            out.append(f"{key} " + (" ".join(parts) if parts else "reordered"))
        elif new is None:
            out.append(f"{key} removed (was {old!r})")
        elif old is None:
            out.append(f"{key} = {new!r}")
        else:
            out.append(f"{key} {old!r} → {new!r}")
    return out


# ---------------------------------------------------------------------------------------
# The plan
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Migration:
    """What happens to the instances of a deprecated or removed term.

    ``action``: ``relabel``, ``retype``, ``rename-property`` (replacement known),
    ``retired`` (deprecated without replacement: reported, deleted with ``prune``) or
    ``removed`` (no longer in the Turtle: reported only).
    """

    kind: str
    old: str
    new: str | None
    action: str
    count: int
    old_labels: tuple[str, ...] = ()
    new_labels: tuple[str, ...] = ()

    def __str__(self) -> str:
        target = f" → {self.new}" if self.new else ""
        return f"{self.action} {self.kind} {self.old}{target}: {self.count} instance(s)"


@dataclass
class SyncPlan:
    """Everything :func:`apply_plan` would change, and what it found but leaves alone."""

    ontology_version: str | None
    create: list[SchemaObject] = field(default_factory=list)
    drop: list[SchemaObject] = field(default_factory=list)
    schema_nodes_added: list[str] = field(default_factory=list)
    schema_nodes_changed: list[str] = field(default_factory=list)
    schema_nodes_removed: list[str] = field(default_factory=list)
    schema_rels_added: int = 0
    schema_rels_removed: int = 0
    #: per schema node to update, what changes on it (``labelKo '…' → '…'``)
    schema_node_changes: dict[str, list[str]] = field(default_factory=dict)
    reference_added: list[str] = field(default_factory=list)
    reference_changed: list[str] = field(default_factory=list)
    #: per reference node to update, what changes on it (``aliases +중소기업부``)
    reference_changes: dict[str, list[str]] = field(default_factory=dict)
    #: nodes the ontology defined and no longer does: id → ``delete`` (nothing but the
    #: ontology's links touch it) or ``keep`` (documents use it; it stays as ordinary data)
    reference_removed: dict[str, str] = field(default_factory=dict)
    reference_rels_added: int = 0
    reference_rels_removed: int = 0
    #: the links themselves, ``a -TYPE-> b``
    reference_links_added: list[str] = field(default_factory=list)
    reference_links_removed: list[str] = field(default_factory=list)
    migrations: list[Migration] = field(default_factory=list)
    undefined: dict[str, dict[str, int]] = field(default_factory=dict)
    # what apply needs; not part of the report
    _nodes: dict[str, NodeRow] = field(default_factory=dict, repr=False)
    _rels: set[RelRow] = field(default_factory=set, repr=False)
    _reference: dict[str, NodeRow] = field(default_factory=dict, repr=False)
    _reference_rels: set[RelRow] = field(default_factory=set, repr=False)
    _stale_rels: set[RelRow] = field(default_factory=set, repr=False)
    _stale_reference_rels: set[RelRow] = field(default_factory=set, repr=False)
    _reference_drop: dict[str, list[str]] = field(default_factory=dict, repr=False)

    @property
    def changes(self) -> bool:
        """True when applying the plan would change the database."""
        # retired and removed terms are only reported (retired ones pruned on request)
        pending = [m for m in self.migrations if m.count and m.action not in _REPORT_ONLY]
        return bool(
            self.create
            or self.drop
            or self.schema_nodes_added
            or self.schema_nodes_changed
            or self.schema_nodes_removed
            or self.schema_rels_added
            or self.schema_rels_removed
            or self.reference_added
            or self.reference_changed
            or self.reference_removed
            or self.reference_rels_added
            or self.reference_rels_removed
            or pending
        )

    def to_json(self) -> dict[str, Any]:
        """The report as JSON-ready data (``stkg ontology diff --json``)."""
        return {
            "ontologyVersion": self.ontology_version,
            "changes": self.changes,
            "constraintsAndIndexes": {
                "create": [asdict(o) for o in self.create],
                "drop": [asdict(o) for o in self.drop],
            },
            "schemaNodes": {
                "added": self.schema_nodes_added,
                "changed": self.schema_nodes_changed,
                "removed": self.schema_nodes_removed,
                "changes": self.schema_node_changes,
                "relationshipsAdded": self.schema_rels_added,
                "relationshipsRemoved": self.schema_rels_removed,
            },
            "referenceData": {
                "added": self.reference_added,
                "changed": self.reference_changed,
                "changes": self.reference_changes,
                "removed": self.reference_removed,
                "relationshipsAdded": self.reference_rels_added,
                "relationshipsRemoved": self.reference_rels_removed,
                "links": {
                    "added": self.reference_links_added,
                    "removed": self.reference_links_removed,
                },
            },
            "migrations": [asdict(m) for m in self.migrations],
            "undefinedInGraph": self.undefined,
        }

    def lines(self, shown: int = 25) -> list[str]:
        """The report as human-readable lines, grouped, at most ``shown`` per group."""
        out: list[str] = []

        def section(title: str, items: Sequence[object]) -> None:
            if items:
                out.append(f"{title} ({len(items)}):")
                out.extend(f"  {_short(str(i))}" for i in items[:shown])
                if len(items) > shown:
                    out.append(f"  … and {len(items) - shown} more (--json lists all)")

        section("create", [str(o) for o in self.create])
        section("drop", [str(o) for o in self.drop])

        def detailed(key: str, changes: dict[str, list[str]]) -> str:
            return f"{key}: {'; '.join(changes[key])}" if changes.get(key) else key

        section("schema nodes to add", self.schema_nodes_added)
        section(
            "schema nodes to update",
            [detailed(k, self.schema_node_changes) for k in self.schema_nodes_changed],
        )
        section("schema nodes to remove", self.schema_nodes_removed)
        if self.schema_rels_added or self.schema_rels_removed:
            out.append(
                f"schema relationships: +{self.schema_rels_added} -{self.schema_rels_removed}"
            )
        section("reference nodes to add", self.reference_added)
        section(
            "reference nodes to update",
            [detailed(k, self.reference_changes) for k in self.reference_changed],
        )
        section(
            "reference nodes no longer in the ontology",
            [
                f"{k}: "
                + ("delete (only the ontology's links touch it)" if a == "delete" else "keep "
                   "(documents use it; it stays as ordinary data)")
                for k, a in self.reference_removed.items()
            ],
        )  # fmt: skip
        section("reference links to add", self.reference_links_added)
        section("reference links to remove", self.reference_links_removed)
        section("migrations", [str(m) for m in self.migrations])
        for kind, names in self.undefined.items():
            section(
                f"{kind} in the graph the ontology does not define",
                [f"{n}: {c}" for n, c in names.items()],
            )
        return out


def _short(text: str) -> str:
    """IRIs of the stkg namespaces written with their usual prefixes."""
    for prefix, ns in (("stkg:", str(STKG)), ("stkgv:", str(STKGV))):
        text = text.replace(ns, prefix)
    return text


def _read_state(
    graph: Graph, onto: Ontology, ref: _Reference
) -> tuple[
    dict[str, NodeRow], set[RelRow], dict[str, NodeRow], dict[RelRow, bool], dict[str, bool]
]:
    """Schema nodes and rels; the reference nodes; the links among them (with whether each
    is bare, i.e. has no properties); and the nodes the ontology defined and no longer
    does (with whether anything but the ontology's links uses them)."""
    meta, key = quote_name(onto.label("SchemaTerm")), quote_name(onto.prop("iri"))
    entity, id_key = quote_name(onto.label("Entity")), quote_name(onto.prop("id"))
    marker = quote_name(onto.prop("definedInOntology"))
    reference_ids = sorted(ref.nodes)

    def work(tx: ManagedTransaction) -> Any:
        nodes: dict[str, NodeRow] = {}
        for r in tx.run(
            f"MATCH (n:{meta}) RETURN n.{key} AS key, labels(n) AS labels, properties(n) AS props"
        ):
            nodes[r["key"]] = NodeRow(
                r["key"], tuple(r["labels"]), {k: _native(v) for k, v in r["props"].items()}
            )
        rels = {
            RelRow(r["a"], r["t"], r["b"])
            for r in tx.run(
                f"MATCH (a:{meta})-[r]->(b:{meta}) RETURN a.{key} AS a, type(r) AS t, b.{key} AS b"
            )
        }
        refs: dict[str, NodeRow] = {}
        for r in tx.run(
            f"UNWIND $ids AS id MATCH (n:{entity} {{{id_key}: id}}) "
            f"RETURN n.{id_key} AS key, labels(n) AS labels, properties(n) AS props",
            ids=reference_ids,
        ):
            refs[r["key"]] = NodeRow(
                r["key"], tuple(r["labels"]), {k: _native(v) for k, v in r["props"].items()}
            )
        gone: dict[str, bool] = {}
        for label in sorted(ref.labels):
            for r in tx.run(
                f"MATCH (n:{quote_name(label)}) WHERE n.{marker} = true "
                f"AND NOT n.{id_key} IN $ids RETURN n.{id_key} AS key, "
                f"EXISTS {{ (n)-[r]-(m) WHERE size(keys(r)) > 0 OR m.{marker} IS NULL }} AS used",
                ids=reference_ids,
            ):
                gone[r["key"]] = bool(r["used"])
        ref_rels = {
            RelRow(r["a"], r["t"], r["b"]): bool(r["bare"])
            for r in tx.run(
                f"UNWIND $ids AS id MATCH (a:{entity} {{{id_key}: id}})-[r]->(b:{entity}) "
                f"WHERE b.{id_key} IN $ids "
                f"RETURN a.{id_key} AS a, type(r) AS t, b.{id_key} AS b, size(keys(r)) = 0 AS bare",
                ids=reference_ids + sorted(gone),
            )
        }
        return nodes, rels, refs, ref_rels, gone

    return graph.execute_read(work)


def _node_differs(want: NodeRow, have: NodeRow, *, exact: bool) -> bool:
    if not set(want.labels) <= set(have.labels):
        return True
    if exact and set(have.props) != set(want.props):
        return True
    return any(_native(have.props.get(k)) != _native(v) for k, v in want.props.items())


def _rel_sort(rel: RelRow) -> tuple[str, str, str]:
    return (rel.start, rel.type, rel.end)


def _rel_text(rel: RelRow) -> str:
    return f"{rel.start} -{rel.type}-> {rel.end}"


def _count(graph: Graph, query: str, **params: Any) -> int:
    rows = graph.read(query, **params)
    return int(rows[0]["c"]) if rows else 0


def _migrations(graph: Graph, onto: Ontology, removed: list[NodeRow]) -> list[Migration]:
    out: list[Migration] = []
    name_key, kind_key = onto.prop("name"), onto.prop("propertyKind")
    for d in onto.deprecated.values():
        new = d.replacement_name
        if d.kind == "class":
            count = _count(graph, f"MATCH (n:{quote_name(d.name)}) RETURN count(n) AS c")
            new_labels = onto.labels_of(d.replaced_by) if d.replaced_by else ()
            action = "relabel" if new else "retired"
            out.append(Migration("label", d.name, new, action, count, (d.name,), new_labels))
        elif d.kind == "object":
            count = _count(graph, f"MATCH ()-[r:{quote_name(d.name)}]->() RETURN count(r) AS c")
            out.append(Migration("type", d.name, new, "retype" if new else "retired", count))
        else:
            count = _property_count(graph, d.name)
            action = "rename-property" if new else "retired"
            out.append(Migration("property", d.name, new, action, count))
    known = onto.all_schema_names() | {d.name for d in onto.deprecated.values()}
    meta_class = onto.label("OntologyClass")
    rel_kind = onto.vocab("propertyKind").concept("relationshipType").notation
    for row in removed:
        name = row.props.get(name_key)
        if not isinstance(name, str) or name in known or not is_plain_name(name):
            continue
        if meta_class in row.labels:
            count = _count(graph, f"MATCH (n:{quote_name(name)}) RETURN count(n) AS c")
            out.append(Migration("label", name, None, "removed", count))
        elif row.props.get(kind_key) == rel_kind:
            count = _count(graph, f"MATCH ()-[r:{quote_name(name)}]->() RETURN count(r) AS c")
            out.append(Migration("type", name, None, "removed", count))
        elif row.props.get(kind_key) is not None:
            out.append(Migration("property", name, None, "removed", _property_count(graph, name)))
    return out


def _property_count(graph: Graph, key: str) -> int:
    nodes = _count(graph, "MATCH (n) WHERE n[$k] IS NOT NULL RETURN count(n) AS c", k=key)
    rels = _count(graph, "MATCH ()-[r]->() WHERE r[$k] IS NOT NULL RETURN count(r) AS c", k=key)
    return nodes + rels


def _undefined(graph: Graph, onto: Ontology) -> dict[str, dict[str, int]]:
    """Labels, relationship types and property keys in use that the ontology lacks."""
    known = onto.all_schema_names() | {d.name for d in onto.deprecated.values()}
    out: dict[str, dict[str, int]] = {}
    labels = [r["label"] for r in graph.read("CALL db.labels() YIELD label RETURN label")]
    found = {
        lbl: _count(graph, f"MATCH (n:{quote_name(lbl)}) RETURN count(n) AS c")
        for lbl in sorted(labels)
        if lbl not in known and is_plain_name(lbl)
    }
    out["labels"] = {k: v for k, v in found.items() if v}
    types = [
        r["t"]
        for r in graph.read("CALL db.relationshipTypes() YIELD relationshipType AS t RETURN t")
    ]
    found = {
        t: _count(graph, f"MATCH ()-[r:{quote_name(t)}]->() RETURN count(r) AS c")
        for t in sorted(types)
        if t not in known and is_plain_name(t)
    }
    out["relationship types"] = {k: v for k, v in found.items() if v}
    keys = [r["k"] for r in graph.read("CALL db.propertyKeys() YIELD propertyKey AS k RETURN k")]
    found = {k: _property_count(graph, k) for k in sorted(keys) if k not in known}
    out["property keys"] = {k: v for k, v in found.items() if v}
    return {k: v for k, v in out.items() if v}


def plan_sync(graph: Graph, onto: Ontology) -> SyncPlan:
    """Compare the graph with the ontology; changes nothing."""
    plan = SyncPlan(onto.version_iri)
    plan.create, plan.drop = _schema_changes(
        desired_schema_objects(onto), existing_schema_objects(graph)
    )
    built = _SchemaNodes(onto).build()
    ref = _reference_data(onto)
    have_nodes, have_rels, have_refs, have_ref_rels, gone = _read_state(graph, onto, ref)
    plan._nodes, plan._rels = built.nodes, built.rels
    plan._reference, plan._reference_rels = ref.nodes, ref.rels
    for key, row in sorted(built.nodes.items()):
        if key not in have_nodes:
            plan.schema_nodes_added.append(key)
        elif _node_differs(row, have_nodes[key], exact=True):
            plan.schema_nodes_changed.append(key)
            plan.schema_node_changes[key] = _changes(
                row, have_nodes[key], have_nodes[key].props.keys()
            )
    removed = [row for key, row in sorted(have_nodes.items()) if key not in built.nodes]
    plan.schema_nodes_removed = [row.key for row in removed]
    plan._stale_rels = have_rels - built.rels
    plan.schema_rels_added = len(built.rels - have_rels)
    plan.schema_rels_removed = len(plan._stale_rels)
    for key, row in sorted(ref.nodes.items()):
        if key not in have_refs:
            plan.reference_added.append(key)
            continue
        changes = _changes(row, have_refs[key], ref.managed.get(key, ()))
        if changes:
            plan.reference_changed.append(key)
            plan.reference_changes[key] = changes
            drop = sorted(
                k
                for k in ref.managed.get(key, ())
                if k in have_refs[key].props and k not in row.props
            )
            if drop:
                plan._reference_drop[key] = drop
    plan.reference_removed = {k: "keep" if used else "delete" for k, used in sorted(gone.items())}
    added = sorted(ref.rels - set(have_ref_rels), key=_rel_sort)
    stale = sorted(
        (
            r
            for r, bare in have_ref_rels.items()
            if bare and r.type in ref.link_types and r not in ref.rels
        ),
        key=_rel_sort,
    )
    deleted = {k for k, a in plan.reference_removed.items() if a == "delete"}
    # links of a node that is deleted go with it
    plan._stale_reference_rels = {
        r for r in stale if r.start not in deleted and r.end not in deleted
    }
    plan.reference_rels_added, plan.reference_rels_removed = len(added), len(stale)
    plan.reference_links_added = [_rel_text(r) for r in added]
    plan.reference_links_removed = [_rel_text(r) for r in stale]
    plan.migrations = _migrations(graph, onto, removed)
    plan.undefined = _undefined(graph, onto)
    return plan


# ---------------------------------------------------------------------------------------
# Applying it
# ---------------------------------------------------------------------------------------


def _run_schema(graph: Graph, statement: str) -> None:
    """One schema statement in its own auto-commit transaction."""
    with graph.driver.session(database=graph.database) as session:
        session.run(statement).consume()


def _write_nodes(graph: Graph, onto: Ontology, plan: SyncPlan) -> None:
    """Schema and reference nodes and relationships, all in one transaction."""
    meta_root, key = quote_name(onto.label("SchemaTerm")), quote_name(onto.prop("iri"))
    entity, id_key = quote_name(onto.label("Entity")), quote_name(onto.prop("id"))
    by_labels: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in plan._nodes.values():
        by_labels[row.labels].append({"key": row.key, "props": dict(row.props)})
    ref_by_labels: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in plan._reference.values():
        # a key set to null in a SET += map is removed: what the Turtle no longer states
        props = dict(row.props) | dict.fromkeys(plan._reference_drop.get(row.key, ()))
        ref_by_labels[row.labels].append({"key": row.key, "props": props})
    stale_ref: dict[str, list[dict[str, str]]] = defaultdict(list)
    for rel in plan._stale_reference_rels:
        stale_ref[rel.type].append({"a": rel.start, "b": rel.end})
    marker = quote_name(onto.prop("definedInOntology"))
    removed = sorted(plan.reference_removed)
    rels_by_type: dict[str, list[dict[str, str]]] = defaultdict(list)
    for rel in plan._rels:
        rels_by_type[rel.type].append({"a": rel.start, "b": rel.end})
    ref_rels_by_type: dict[str, list[dict[str, str]]] = defaultdict(list)
    for rel in plan._reference_rels:
        ref_rels_by_type[rel.type].append({"a": rel.start, "b": rel.end})
    stale: dict[str, list[dict[str, str]]] = defaultdict(list)
    for rel in plan._stale_rels:
        stale[rel.type].append({"a": rel.start, "b": rel.end})

    def work(tx: ManagedTransaction) -> None:
        tx.run(
            f"MATCH (n:{meta_root}) WHERE n.{key} IN $keys DETACH DELETE n",
            keys=plan.schema_nodes_removed,
        ).consume()
        for labels, rows in sorted(by_labels.items()):
            set_labels = ":".join(quote_name(lbl) for lbl in labels)
            tx.run(
                f"UNWIND $rows AS row MERGE (n:{meta_root} {{{key}: row.key}}) "
                f"SET n = row.props SET n:{set_labels}",
                rows=rows,
            ).consume()
        for rel_type, rows in sorted(stale.items()):
            tx.run(
                f"UNWIND $rows AS row MATCH (a:{meta_root} {{{key}: row.a}})"
                f"-[r:{quote_name(rel_type)}]->(b:{meta_root} {{{key}: row.b}}) DELETE r",
                rows=rows,
            ).consume()
        for rel_type, rows in sorted(rels_by_type.items()):
            tx.run(
                f"UNWIND $rows AS row MATCH (a:{meta_root} {{{key}: row.a}}) "
                f"MATCH (b:{meta_root} {{{key}: row.b}}) MERGE (a)-[:{quote_name(rel_type)}]->(b)",
                rows=rows,
            ).consume()
        for labels, rows in sorted(ref_by_labels.items()):
            set_labels = ":".join(quote_name(lbl) for lbl in labels)
            tx.run(
                f"UNWIND $rows AS row MERGE (n:{entity} {{{id_key}: row.key}}) "
                f"SET n:{set_labels} SET n += row.props",
                rows=rows,
            ).consume()
        for rel_type, rows in sorted(ref_rels_by_type.items()):
            tx.run(
                f"UNWIND $rows AS row MATCH (a:{entity} {{{id_key}: row.a}}) "
                f"MATCH (b:{entity} {{{id_key}: row.b}}) MERGE (a)-[:{quote_name(rel_type)}]->(b)",
                rows=rows,
            ).consume()
        for rel_type, rows in sorted(stale_ref.items()):
            tx.run(
                f"UNWIND $rows AS row MATCH (a:{entity} {{{id_key}: row.a}})"
                f"-[r:{quote_name(rel_type)}]->(b:{entity} {{{id_key}: row.b}}) "
                "WHERE size(keys(r)) = 0 DELETE r",
                rows=rows,
            ).consume()
        # a node that left the Turtle: deleted when only the ontology's links touch it,
        # else kept as ordinary data (documents cite it), no longer marked
        tx.run(
            f"UNWIND $ids AS id MATCH (n:{entity} {{{id_key}: id}}) WHERE n.{marker} = true "
            f"AND NOT EXISTS {{ (n)-[r]-(m) WHERE size(keys(r)) > 0 OR m.{marker} IS NULL }} "
            "DETACH DELETE n",
            ids=removed,
        ).consume()
        tx.run(
            f"UNWIND $ids AS id MATCH (n:{entity} {{{id_key}: id}}) REMOVE n.{marker}",
            ids=removed,
        ).consume()

    graph.execute_write(work)


def _batched(graph: Graph, statement: str, batch: int, **params: Any) -> int:
    """Run ``statement`` (which must RETURN count AS c) until it touches nothing."""
    total = 0

    def work(tx: ManagedTransaction) -> int:
        record = tx.run(statement, batch=batch, **params).single()
        return int(record["c"]) if record else 0

    while True:
        done = graph.execute_write(work)
        total += done
        if done == 0:
            return total


def _migrate(graph: Graph, m: Migration, *, prune: bool, batch: int) -> int:
    old = quote_name(m.old)
    if m.action == "relabel" and m.new:
        new_labels = ":".join(quote_name(lbl) for lbl in m.new_labels)
        return _batched(
            graph,
            f"MATCH (n:{old}) WITH n LIMIT $batch SET n:{new_labels} REMOVE n:{old} "
            "RETURN count(n) AS c",
            batch,
        )
    if m.action == "retype" and m.new:
        return _batched(
            graph,
            f"MATCH (a)-[r:{old}]->(b) WITH a, r, b LIMIT $batch "
            f"CREATE (a)-[r2:{quote_name(m.new)}]->(b) SET r2 = properties(r) DELETE r "
            "RETURN count(r2) AS c",
            batch,
        )
    if m.action == "rename-property" and m.new:
        new = quote_name(m.new)
        moved = _batched(
            graph,
            f"MATCH (n) WHERE n.{old} IS NOT NULL WITH n LIMIT $batch "
            f"SET n.{new} = coalesce(n.{new}, n.{old}) REMOVE n.{old} RETURN count(n) AS c",
            batch,
        )
        return moved + _batched(
            graph,
            f"MATCH ()-[r]->() WHERE r.{old} IS NOT NULL WITH r LIMIT $batch "
            f"SET r.{new} = coalesce(r.{new}, r.{old}) REMOVE r.{old} RETURN count(r) AS c",
            batch,
        )
    if m.action == "retired" and prune:
        if m.kind == "label":
            return _batched(
                graph,
                f"MATCH (n:{old}) WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS c",
                batch,
            )
        if m.kind == "type":
            return _batched(
                graph,
                f"MATCH ()-[r:{old}]->() WITH r LIMIT $batch DELETE r RETURN count(*) AS c",
                batch,
            )
        return _batched(
            graph,
            f"MATCH (n) WHERE n.{old} IS NOT NULL WITH n LIMIT $batch REMOVE n.{old} "
            "RETURN count(n) AS c",
            batch,
        ) + _batched(
            graph,
            f"MATCH ()-[r]->() WHERE r.{old} IS NOT NULL WITH r LIMIT $batch REMOVE r.{old} "
            "RETURN count(r) AS c",
            batch,
        )
    return 0


def apply_plan(
    graph: Graph,
    onto: Ontology,
    plan: SyncPlan,
    *,
    prune: bool = False,
    batch: int = _BATCH,
    progress: Callable[[str], None] | None = None,
) -> None:
    """Carry out ``plan``: schema statements first, then migrations, then schema nodes."""
    say = progress or (lambda _msg: None)
    for obj in plan.drop:
        _run_schema(graph, obj.drop_statement())
        say(f"dropped {obj}")
    for obj in plan.create:
        _run_schema(graph, obj.create_statement())
        say(f"created {obj}")
    for m in plan.migrations:
        if m.count:
            done = _migrate(graph, m, prune=prune, batch=batch)
            if done:
                say(f"migrated {m.kind} {m.old}: {done} ({m.action})")
    _write_nodes(graph, onto, plan)
    _run_schema(graph, "CALL db.awaitIndexes(300)")
    # indexes now online change answers (full-text search) without a write of their own
    advance_version(graph, onto)


def sync(
    graph: Graph,
    paths: Sequence[Path | str] | None = None,
    *,
    dry_run: bool = False,
    prune: bool = False,
    progress: Callable[[str], None] | None = None,
) -> SyncPlan:
    """Lint, plan and (unless ``dry_run``) apply; returns the plan that was carried out."""
    onto = load_checked(paths)
    plan = plan_sync(graph, onto)
    if not dry_run:
        apply_plan(graph, onto, plan, prune=prune, progress=progress)
    return plan


def drop_schema(graph: Graph) -> list[str]:
    """Drop every constraint and index stkg manages (``stkg_*``) and the schema nodes.

    For tests and ``stkg ontology sync --reset``: instance data is left alone.
    """
    dropped = []
    for obj in existing_schema_objects(graph):
        if obj.name.startswith(PREFIX):
            _run_schema(graph, obj.drop_statement())
            dropped.append(obj.name)
    meta = quote_name(load_ontology().label("SchemaTerm"))
    graph.write(f"MATCH (n:{meta}) DETACH DELETE n")
    return dropped
