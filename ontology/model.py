"""The ontology as a typed, immutable Python object.

The Turtle files are the single source of schema names: node labels, relationship types,
property keys and controlled values. Everything else in stkg asks an :class:`Ontology` for
them (``onto.label("StrategicField")``, ``onto.rel("succeededBy")``,
``onto.prop("productCount")``), so a misspelt name raises :class:`UnknownTerm` at once
instead of silently creating a new label in Neo4j.

Mapping rules (see ``ontology/README.md``):

* ``owl:Class stkg:X`` → node label ``X``;
* ``owl:ObjectProperty stkg:fooBar`` → relationship type ``FOO_BAR``;
* ``owl:DatatypeProperty stkg:fooBar`` → property key ``fooBar``, on nodes of its
  ``rdfs:domain`` and/or on the relationships named by ``stkg:onRelationship``;
* ``stkg:neo4jName`` overrides any of these.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from rdflib import OWL, RDF, RDFS, SKOS, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS
from rdflib.plugins.parsers.notation3 import BadSyntax
from rdflib.term import Node

from stkg.ontology.errors import OntologySyntaxError, UnknownTerm

__all__ = [
    "ONTOLOGY_DIR",
    "STKG",
    "STKGSH",
    "STKGV",
    "Concept",
    "DatatypeProperty",
    "DeprecatedTerm",
    "Individual",
    "LangText",
    "ObjectProperty",
    "OntClass",
    "Ontology",
    "Vocabulary",
    "camel_to_upper_snake",
    "default_paths",
    "load_graph",
    "load_ontology",
    "parse_turtle",
]

STKG = Namespace("https://w3id.org/stkg/ontology#")
STKGV = Namespace("https://w3id.org/stkg/vocab/")
STKGSH = Namespace("https://w3id.org/stkg/shapes#")

#: The folder holding the shipped Turtle files (installed as package data).
ONTOLOGY_DIR = Path(__file__).resolve().parent

#: ``stkg:onRelationship owl:topObjectProperty`` puts a property on every relationship.
ALL_RELATIONSHIPS = "*"

_PY_TYPES: dict[str, type] = {
    "string": str,
    "anyURI": str,
    "integer": int,
    "long": int,
    "int": int,
    "nonNegativeInteger": int,
    "decimal": float,
    "double": float,
    "float": float,
    "boolean": bool,
    "date": dt.date,
    "dateTime": dt.datetime,
}

_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def camel_to_upper_snake(name: str) -> str:
    """``succeededBy`` → ``SUCCEEDED_BY``; ``hasIPCCode`` → ``HAS_IPC_CODE``.

    Neo4j convention writes relationship types in UPPER_SNAKE_CASE while OWL properties are
    camelCase; acronyms stay one word.
    """
    return _CAMEL_BOUNDARY.sub("_", name).upper()


def default_paths() -> tuple[Path, ...]:
    """The shipped ``*.ttl`` files, sorted so loading is deterministic."""
    return tuple(sorted(ONTOLOGY_DIR.glob("*.ttl")))


def _error_position(exc: BadSyntax) -> tuple[int | None, int | None]:
    """1-based line and column of a rdflib syntax error.

    rdflib reports a 0-based line count and a character offset into the document (which it
    keeps as UTF-8 bytes), but no column; the column is counted in characters from the start
    of that line.
    """
    raw = getattr(exc, "_str", None)
    index = getattr(exc, "_i", None)
    lines = getattr(exc, "lines", None)
    line = lines + 1 if isinstance(lines, int) else None
    if not isinstance(raw, bytes | str) or not isinstance(index, int):
        return line, None
    text = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw
    if index < 0 or index >= len(text):
        # rdflib gives -1 when it ran out of input (a statement left unterminated at the
        # end): the error is where the last statement stops
        return _statement_end(text)
    index = max(0, min(index, len(text)))
    start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - start + 1


_CONTEXT = re.compile(r"at \^ in (?P<before>.*)\^(?P<after>.*)$", re.DOTALL)


def _context_position(data: bytes, message: str) -> tuple[int | None, int | None]:
    """Position of an error rdflib reports only as ``... at ^ in <before>^<after>``.

    Some parser failures (an unterminated string at the end of a truncated file) surface as
    a bare ``AssertionError`` whose message quotes the text around the error point.
    """
    m = _CONTEXT.search(message)
    if m is None:
        return None, None
    text = data.decode("utf-8", errors="replace")
    at = text.rfind(m["before"] + m["after"])
    if at < 0:
        return None, None
    index = at + len(m["before"])
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def _end_position(data: bytes) -> tuple[int, int]:
    """1-based line and column just after the last character of ``data``."""
    text = data.decode("utf-8", errors="replace")
    return text.count("\n") + 1, len(text) - (text.rfind("\n") + 1) + 1


def _statement_end(text: str) -> tuple[int, int]:
    """1-based line and column just after the last character of Turtle that is neither
    white space nor a comment: where a statement left open at the end of a file stops."""
    lines = text.split("\n")
    for number in range(len(lines), 0, -1):
        content = lines[number - 1].rstrip()
        if content and not content.lstrip().startswith("#"):
            return number, len(content) + 1
    return 1, 1


#: Characters Turtle forbids inside ``<…>`` (IRIREF), besides the controls and space.
_IRI_FORBIDDEN = frozenset('<>"{}|^`\\')


def _bad_iri(text: str) -> tuple[int, int, str] | None:
    """The first IRI written with a character Turtle forbids (a space, a quote, a brace …),
    as 1-based line, column and message; rdflib only logs a warning for those.

    Scans the text outside comments and string literals, where ``<`` always opens an IRI.
    """
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif ch in "\"'":
            quote = ch * 3 if text.startswith(ch * 3, i) else ch
            i += len(quote)
            while i < n and not text.startswith(quote, i):
                if len(quote) == 1 and text[i] == "\n":
                    break  # the parser reports the open string itself
                i += 2 if text[i] == "\\" else 1
            i += len(quote)
        elif ch == "<":
            j = i + 1
            while j < n and text[j] != ">":
                c = text[j]
                if c == "\\" and text.startswith(("\\u", "\\U"), j):
                    j += 2
                    continue
                if ord(c) <= 0x20 or c in _IRI_FORBIDDEN:
                    line = text.count("\n", 0, j) + 1
                    column = j - (text.rfind("\n", 0, j) + 1) + 1
                    what = {" ": "a space", "\n": "a line break", "\t": "a tab"}.get(c, repr(c))
                    return line, column, f"bad IRI: {text[i:j]} is followed by {what}"
                j += 1
            i = j + 1
        else:
            i += 1
    return None


def parse_turtle(path: Path | str, graph: Graph | None = None) -> Graph:
    """Parse one Turtle file, turning rdflib's errors into :class:`OntologySyntaxError`."""
    path = Path(path)
    g = graph if graph is not None else Graph()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise OntologySyntaxError(path, None, None, f"cannot read file: {exc}") from exc
    bad = _bad_iri(data.decode("utf-8", errors="replace"))
    if bad is not None:
        raise OntologySyntaxError(path, bad[0], bad[1], bad[2])
    try:
        g.parse(data=data, format="turtle", publicID=path.resolve().as_uri())
    except BadSyntax as exc:
        line, column = _error_position(exc)
        raise OntologySyntaxError(path, line, column, str(exc._why)) from exc
    except Exception as exc:  # rdflib raises plain exceptions for e.g. bad literals
        line, column = _context_position(data, str(exc))
        if line is None and isinstance(exc, IndexError):
            # the parser read past the end: the file stops in the middle of a statement
            line, column = _end_position(data)
        reason = str(exc) or type(exc).__name__
        raise OntologySyntaxError(path, line, column, reason) from exc
    return g


def load_graph(paths: Sequence[Path | str] | None = None) -> Graph:
    """All given Turtle files (default: the shipped ones) merged into one rdflib graph."""
    g = Graph()
    for prefix, ns in (("stkg", STKG), ("stkgv", STKGV), ("stkgsh", STKGSH)):
        g.bind(prefix, ns)
    for p in default_paths() if paths is None else paths:
        parse_turtle(p, g)
    return g


@dataclass(frozen=True, slots=True)
class LangText:
    """A Korean and an English text (either may be missing)."""

    ko: str | None = None
    en: str | None = None


@dataclass(frozen=True, slots=True)
class OntClass:
    """An ``owl:Class``; ``label`` is its Neo4j node label."""

    iri: str
    local_name: str
    label: str
    labels: LangText
    definitions: LangText
    alt_labels: tuple[tuple[str, str], ...]
    superclasses: tuple[str, ...]
    key: str | None
    id_prefix: str | None
    is_meta: bool


@dataclass(frozen=True, slots=True)
class ObjectProperty:
    """An ``owl:ObjectProperty``; ``rel_type`` is its Neo4j relationship type."""

    iri: str
    local_name: str
    rel_type: str
    labels: LangText
    definitions: LangText
    domain: tuple[str, ...]
    range: tuple[str, ...]
    symmetric: bool


@dataclass(frozen=True, slots=True)
class DatatypeProperty:
    """An ``owl:DatatypeProperty``; ``name`` is its Neo4j property key.

    ``domain`` lists the classes whose nodes carry it; ``on_relationship`` the object
    properties (local names, or ``"*"`` for all) whose relationships carry it.
    ``functional`` false means the value is a list.
    """

    iri: str
    local_name: str
    name: str
    labels: LangText
    definitions: LangText
    domain: tuple[str, ...]
    range: str
    on_relationship: tuple[str, ...]
    functional: bool
    vocabulary: str | None
    #: ``stkg:dayPrecision true``: an ``xsd:dateTime`` range whose values are whole days
    day_precision: bool = False

    @property
    def xsd(self) -> str:
        """Local name of the value's XSD type, e.g. ``"integer"``.

        ``"date"`` for a day-precision property: its OWL range is ``xsd:dateTime`` (OWL 2 DL
        has no ``xsd:date``) but Neo4j stores a Date and Python a :class:`datetime.date`.
        """
        if self.day_precision:
            return "date"
        return self.range.removeprefix(str(XSD))

    @property
    def python_type(self) -> type:
        """The Python type of one value (``str`` when the datatype is unusual)."""
        return _PY_TYPES.get(self.xsd, str)


@dataclass(frozen=True, slots=True)
class Concept:
    """A SKOS concept; ``notation`` is the value stored in Neo4j."""

    iri: str
    notation: str
    scheme: str
    labels: LangText
    alt_labels: tuple[tuple[str, str], ...]
    definitions: LangText


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """A SKOS concept scheme, named by the local part of its IRI (``changeKind``)."""

    iri: str
    name: str
    labels: LangText
    definitions: LangText
    concepts: tuple[Concept, ...]

    @property
    def notations(self) -> frozenset[str]:
        """The allowed stored values."""
        return frozenset(c.notation for c in self.concepts)

    def concept(self, notation: str) -> Concept:
        """The concept with this notation, or :class:`UnknownTerm`."""
        for c in self.concepts:
            if c.notation == notation:
                return c
        raise UnknownTerm(f"value of vocabulary {self.name!r}", notation)


@dataclass(frozen=True, slots=True)
class Individual:
    """A reference individual (well-known organization, programme, ...)."""

    iri: str
    classes: tuple[str, ...]
    id: str | None
    labels: LangText
    alt_labels: tuple[tuple[str, str], ...]
    values: Mapping[str, tuple[Any, ...]]
    links: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class DeprecatedTerm:
    """A term marked ``owl:deprecated true``, for the sync to migrate the graph.

    ``name`` is the Neo4j name the term had; ``replaced_by``/``replacement_name`` name the
    term and Neo4j name that replace it (``None`` when it is simply being retired).
    """

    iri: str
    local_name: str
    kind: str
    name: str
    replaced_by: str | None
    replacement_name: str | None


def _freeze(d: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(sorted(d.items())))


@dataclass(frozen=True)
class Ontology:
    """The loaded ontology. Look names up with :meth:`label`, :meth:`rel`, :meth:`prop`."""

    version_iri: str | None
    sources: tuple[Path, ...]
    classes: Mapping[str, OntClass]
    object_properties: Mapping[str, ObjectProperty]
    datatype_properties: Mapping[str, DatatypeProperty]
    vocabularies: Mapping[str, Vocabulary]
    individuals: tuple[Individual, ...]
    deprecated: Mapping[str, DeprecatedTerm]
    _prefix_index: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)

    # -- lookups that fail loudly -------------------------------------------------------
    def _missing(self, kind: str, name: str, known: Iterable[str]) -> UnknownTerm:
        """An error that says what to use instead: the replacement or a close spelling."""
        dep = self.deprecated.get(name)
        if dep is not None:
            hint = "deprecated" + (f"; use {dep.replaced_by!r}" if dep.replaced_by else "")
            return UnknownTerm(kind, name, hint)
        close = difflib.get_close_matches(name, list(known), n=1)
        return UnknownTerm(kind, name, f"did you mean {close[0]!r}?" if close else None)

    def cls(self, name: str) -> OntClass:
        """The class with this local name."""
        try:
            return self.classes[name]
        except KeyError:
            raise self._missing("class", name, self.classes) from None

    def object_property(self, name: str) -> ObjectProperty:
        """The object property with this local name."""
        try:
            return self.object_properties[name]
        except KeyError:
            raise self._missing("object property", name, self.object_properties) from None

    def datatype_property(self, name: str) -> DatatypeProperty:
        """The datatype property with this local name."""
        try:
            return self.datatype_properties[name]
        except KeyError:
            raise self._missing("datatype property", name, self.datatype_properties) from None

    def label(self, name: str) -> str:
        """The Neo4j node label of class ``name``."""
        return self.cls(name).label

    def rel(self, name: str) -> str:
        """The Neo4j relationship type of object property ``name``."""
        return self.object_property(name).rel_type

    def prop(self, name: str) -> str:
        """The Neo4j property key of datatype property ``name``."""
        return self.datatype_property(name).name

    def vocab(self, name: str) -> Vocabulary:
        """A vocabulary by scheme name, or the vocabulary a datatype property draws on."""
        if name in self.vocabularies:
            return self.vocabularies[name]
        dp = self.datatype_properties.get(name)
        if dp is not None and dp.vocabulary is not None and dp.vocabulary in self.vocabularies:
            return self.vocabularies[dp.vocabulary]
        raise UnknownTerm("vocabulary", name)

    def class_for_prefix(self, prefix: str) -> OntClass:
        """The class whose typed ids start with ``prefix:``."""
        try:
            return self.classes[self._prefix_index[prefix]]
        except KeyError:
            raise UnknownTerm("id prefix", prefix) from None

    # -- structure ----------------------------------------------------------------------
    def ancestors(self, name: str) -> tuple[str, ...]:
        """``name`` and all its superclasses, nearest first."""
        seen: list[str] = []
        todo = [self.cls(name).local_name]
        while todo:
            cur = todo.pop(0)
            if cur in seen or cur not in self.classes:
                continue
            seen.append(cur)
            todo.extend(self.classes[cur].superclasses)
        return tuple(seen)

    def is_subclass(self, sub: str, sup: str) -> bool:
        """True when ``sub`` is ``sup`` or one of its descendants."""
        return sup in self.ancestors(sub)

    def labels_of(self, name: str) -> tuple[str, ...]:
        """All Neo4j labels a node of class ``name`` carries (its own and its ancestors')."""
        return tuple(self.classes[c].label for c in self.ancestors(name))

    def node_properties(self, name: str) -> tuple[DatatypeProperty, ...]:
        """Datatype properties whose domain includes class ``name`` or an ancestor."""
        anc = set(self.ancestors(name))
        return tuple(p for p in self.datatype_properties.values() if anc & set(p.domain))

    def relationship_properties(self, name: str) -> tuple[DatatypeProperty, ...]:
        """Properties stored on relationships of object property ``name``."""
        self.object_property(name)
        return tuple(
            p
            for p in self.datatype_properties.values()
            if name in p.on_relationship or ALL_RELATIONSHIPS in p.on_relationship
        )

    def all_schema_names(self) -> frozenset[str]:
        """Every node label, relationship type and property key the ontology defines."""
        names = {c.label for c in self.classes.values()}
        names |= {p.rel_type for p in self.object_properties.values()}
        names |= {p.name for p in self.datatype_properties.values()}
        return frozenset(names)


# ---------------------------------------------------------------------------------------
# building
# ---------------------------------------------------------------------------------------


def _local(iri: Node) -> str | None:
    s = str(iri)
    return s[len(str(STKG)) :] if isinstance(iri, URIRef) and s.startswith(str(STKG)) else None


def _lang_text(g: Graph, s: Node, p: URIRef) -> LangText:
    ko = en = None
    for o in sorted(g.objects(s, p), key=str):
        if isinstance(o, Literal):
            if o.language == "ko" and ko is None:
                ko = str(o)
            elif o.language == "en" and en is None:
                en = str(o)
    return LangText(ko, en)


def _alt_labels(g: Graph, s: Node) -> tuple[tuple[str, str], ...]:
    return tuple(
        sorted(
            (str(o), o.language or "")
            for o in g.objects(s, SKOS.altLabel)
            if isinstance(o, Literal)
        )
    )


def class_list(g: Graph, node: Node) -> list[Node]:
    """The classes a domain/range expression names: one IRI or an ``owl:unionOf`` list."""
    if isinstance(node, BNode):
        union = g.value(node, OWL.unionOf)
        if union is not None:
            return list(Collection(g, union))
        return []
    return [node]


def _locals(g: Graph, s: Node, p: URIRef) -> tuple[str, ...]:
    out: list[str] = []
    for o in g.objects(s, p):
        for c in class_list(g, o):
            name = _local(c)
            if name is not None and name not in out:
                out.append(name)
    return tuple(sorted(out))


def _override(g: Graph, s: Node) -> str | None:
    v = g.value(s, STKG.neo4jName)
    return str(v) if v is not None else None


def _is_true(g: Graph, s: Node, p: URIRef) -> bool:
    return any(bool(o.toPython()) for o in g.objects(s, p) if isinstance(o, Literal))


def _is_deprecated(g: Graph, s: Node) -> bool:
    return _is_true(g, s, OWL.deprecated)


def _day_properties(g: Graph) -> frozenset[str]:
    """Local names of the day-precision datatype properties (values read as dates)."""
    return frozenset(
        n
        for s in g.subjects(STKG.dayPrecision, None)
        if (n := _local(s)) and _is_true(g, s, STKG.dayPrecision)
    )


def _literal_value(lit: Literal, day: bool = False) -> Any:
    """A literal as Python; a day-precision ``xsd:dateTime`` (midnight) as a date."""
    value = lit.toPython()
    if day and isinstance(value, dt.datetime):
        return value.date()
    return value


def neo4j_name(g: Graph, s: URIRef, kind: str) -> str:
    """The Neo4j name of a term by the mapping rules (``kind``: class/object/datatype)."""
    local = _local(s) or str(s)
    override = _override(g, s)
    if override:
        return override
    return camel_to_upper_snake(local) if kind == "object" else local


_KINDS = {"class": OWL.Class, "object": OWL.ObjectProperty, "datatype": OWL.DatatypeProperty}


def _terms(g: Graph, kind: str) -> list[URIRef]:
    return sorted(
        s for s in g.subjects(RDF.type, _KINDS[kind]) if isinstance(s, URIRef) and _local(s)
    )


def _superclasses(g: Graph, s: URIRef) -> tuple[str, ...]:
    return tuple(sorted(n for o in g.objects(s, RDFS.subClassOf) if (n := _local(o))))


def _key_for(g: Graph, s: URIRef) -> str | None:
    """The key property's Neo4j name, looked up through the superclasses."""
    seen: set[Node] = set()
    todo: list[Node] = [s]
    while todo:
        cur = todo.pop(0)
        if cur in seen:
            continue
        seen.add(cur)
        key = g.value(cur, STKG.key)
        if isinstance(key, URIRef):
            return neo4j_name(g, key, "datatype")
        todo.extend(g.objects(cur, RDFS.subClassOf))
    return None


def _build_classes(g: Graph) -> dict[str, OntClass]:
    out: dict[str, OntClass] = {}
    for s in _terms(g, "class"):
        if _is_deprecated(g, s):
            continue
        local = _local(s) or ""
        prefix = g.value(s, STKG.idPrefix)
        out[local] = OntClass(
            iri=str(s),
            local_name=local,
            label=neo4j_name(g, s, "class"),
            labels=_lang_text(g, s, RDFS.label),
            definitions=_lang_text(g, s, SKOS.definition),
            alt_labels=_alt_labels(g, s),
            superclasses=_superclasses(g, s),
            key=_key_for(g, s),
            id_prefix=str(prefix) if prefix is not None else None,
            is_meta=False,
        )
    # A class is a meta class when it is not below Entity.
    for name, c in list(out.items()):
        anc = _ancestor_names(out, name)
        out[name] = replace(c, is_meta="Entity" not in anc)
    return out


def _ancestor_names(classes: Mapping[str, OntClass], name: str) -> set[str]:
    seen: set[str] = set()
    todo = [name]
    while todo:
        cur = todo.pop()
        if cur in seen or cur not in classes:
            continue
        seen.add(cur)
        todo.extend(classes[cur].superclasses)
    return seen


def _build_object_properties(g: Graph) -> dict[str, ObjectProperty]:
    out: dict[str, ObjectProperty] = {}
    for s in _terms(g, "object"):
        if _is_deprecated(g, s):
            continue
        local = _local(s) or ""
        out[local] = ObjectProperty(
            iri=str(s),
            local_name=local,
            rel_type=neo4j_name(g, s, "object"),
            labels=_lang_text(g, s, RDFS.label),
            definitions=_lang_text(g, s, SKOS.definition),
            domain=_locals(g, s, RDFS.domain),
            range=_locals(g, s, RDFS.range),
            symmetric=(s, RDF.type, OWL.SymmetricProperty) in g,
        )
    return out


def _on_relationship(g: Graph, s: URIRef) -> tuple[str, ...]:
    out: list[str] = []
    for o in g.objects(s, STKG.onRelationship):
        if o == OWL.topObjectProperty:
            out.append(ALL_RELATIONSHIPS)
        elif (name := _local(o)) is not None:
            out.append(name)
    return tuple(sorted(set(out)))


def _vocab_name(iri: Node | None) -> str | None:
    s = str(iri) if iri is not None else ""
    return s[len(str(STKGV)) :] if s.startswith(str(STKGV)) else None


def _build_datatype_properties(g: Graph) -> dict[str, DatatypeProperty]:
    out: dict[str, DatatypeProperty] = {}
    for s in _terms(g, "datatype"):
        if _is_deprecated(g, s):
            continue
        local = _local(s) or ""
        rng = g.value(s, RDFS.range)
        out[local] = DatatypeProperty(
            iri=str(s),
            local_name=local,
            name=neo4j_name(g, s, "datatype"),
            labels=_lang_text(g, s, RDFS.label),
            definitions=_lang_text(g, s, SKOS.definition),
            domain=_locals(g, s, RDFS.domain),
            range=str(rng) if rng is not None else str(XSD.string),
            on_relationship=_on_relationship(g, s),
            functional=(s, RDF.type, OWL.FunctionalProperty) in g,
            vocabulary=_vocab_name(g.value(s, STKG.vocabulary)),
            day_precision=_is_true(g, s, STKG.dayPrecision),
        )
    return out


def _build_vocabularies(g: Graph) -> dict[str, Vocabulary]:
    out: dict[str, Vocabulary] = {}
    for scheme in sorted(g.subjects(RDF.type, SKOS.ConceptScheme), key=str):
        name = _vocab_name(scheme)
        if name is None:
            continue
        concepts = []
        for c in sorted(g.subjects(SKOS.inScheme, scheme), key=str):
            notation = g.value(c, SKOS.notation)
            if notation is None:
                continue
            concepts.append(
                Concept(
                    iri=str(c),
                    notation=str(notation),
                    scheme=name,
                    labels=_lang_text(g, c, SKOS.prefLabel),
                    alt_labels=_alt_labels(g, c),
                    definitions=_lang_text(g, c, SKOS.definition),
                )
            )
        out[name] = Vocabulary(
            iri=str(scheme),
            name=name,
            labels=_lang_text(g, scheme, SKOS.prefLabel),
            definitions=_lang_text(g, scheme, SKOS.definition),
            concepts=tuple(sorted(concepts, key=lambda c: c.notation)),
        )
    return out


def _build_individuals(g: Graph, classes: Mapping[str, OntClass]) -> tuple[Individual, ...]:
    out: list[Individual] = []
    days = _day_properties(g)
    for s in sorted(set(g.subjects(RDF.type, None)), key=str):
        types = tuple(
            sorted(
                n for t in g.objects(s, RDF.type) if (n := _local(t)) is not None and n in classes
            )
        )
        if not types or not isinstance(s, URIRef):
            continue
        values: dict[str, list[Any]] = {}
        links: dict[str, list[str]] = {}
        for p, o in g.predicate_objects(s):
            name = _local(p)
            if name is None:
                continue
            if isinstance(o, Literal):
                values.setdefault(name, []).append(_literal_value(o, name in days))
            else:
                links.setdefault(name, []).append(str(o))
        ident = g.value(s, STKG.id)
        out.append(
            Individual(
                iri=str(s),
                classes=types,
                id=str(ident) if ident is not None else None,
                labels=_lang_text(g, s, RDFS.label),
                alt_labels=_alt_labels(g, s),
                values=_freeze({k: tuple(sorted(v, key=str)) for k, v in values.items()}),
                links=_freeze({k: tuple(sorted(v)) for k, v in links.items()}),
            )
        )
    return tuple(out)


def _build_deprecated(g: Graph) -> dict[str, DeprecatedTerm]:
    out: dict[str, DeprecatedTerm] = {}
    for kind in ("class", "object", "datatype"):
        for s in _terms(g, kind):
            if not _is_deprecated(g, s):
                continue
            repl = g.value(s, DCTERMS.isReplacedBy)
            repl_local = _local(repl) if repl is not None else None
            out[_local(s) or ""] = DeprecatedTerm(
                iri=str(s),
                local_name=_local(s) or "",
                kind=kind,
                name=neo4j_name(g, s, kind),
                replaced_by=repl_local,
                replacement_name=neo4j_name(g, repl, kind) if isinstance(repl, URIRef) else None,
            )
    return out


def build_ontology(g: Graph, sources: Iterable[Path] = ()) -> Ontology:
    """Build the typed :class:`Ontology` from an already parsed graph."""
    classes = _build_classes(g)
    version = None
    for ont in g.subjects(RDF.type, OWL.Ontology):
        if str(ont) == str(STKG).rstrip("#"):
            v = g.value(ont, OWL.versionIRI)
            version = str(v) if v is not None else None
    prefixes = {c.id_prefix: n for n, c in classes.items() if c.id_prefix}
    return Ontology(
        version_iri=version,
        sources=tuple(Path(p) for p in sources),
        classes=_freeze(classes),
        object_properties=_freeze(_build_object_properties(g)),
        datatype_properties=_freeze(_build_datatype_properties(g)),
        vocabularies=_freeze(_build_vocabularies(g)),
        individuals=_build_individuals(g, classes),
        deprecated=_freeze(_build_deprecated(g)),
        _prefix_index=_freeze(prefixes),
    )


@cache
def _load_default() -> Ontology:
    paths = default_paths()
    return build_ontology(load_graph(paths), paths)


def load_ontology(paths: Sequence[Path | str] | None = None) -> Ontology:
    """Load the ontology from ``paths`` (default: the shipped ``*.ttl``, cached).

    Raises :class:`~stkg.ontology.errors.OntologySyntaxError` naming file, line and column
    when a file does not parse.
    """
    if paths is None:
        return _load_default()
    resolved = tuple(Path(p) for p in paths)
    return build_ontology(load_graph(resolved), resolved)
