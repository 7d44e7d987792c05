"""Lint the ontology's Turtle files before anything is synchronised to Neo4j.

rdflib accepts many graphs that would still break stkg: a class without a Korean label, a
domain that points at a class nobody declared, a SHACL shape whose path was renamed, a
``sh:in`` list that drifted from the vocabulary. :func:`validate_paths` reports each such
problem as an :class:`Issue` that names the file, line and column, so ``stkg ontology
validate`` can be run by a maintainer and by CI alike. The shipped files must give no
issue at all, warnings included.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import OWL, RDF, RDFS, SH, SKOS, XSD, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS
from rdflib.term import Node

from stkg.ontology.errors import OntologySyntaxError
from stkg.ontology.ids import INSTANCE_NS, instance_iri, split_typed_id
from stkg.ontology.model import (
    STKG,
    STKGV,
    class_list,
    default_paths,
    neo4j_name,
    parse_turtle,
)
from stkg.ontology.names import is_plain_name

__all__ = ["ERROR", "WARNING", "Issue", "format_issues", "has_errors", "validate_paths"]

ERROR = "error"
WARNING = "warning"

_META_ROOT = "SchemaTerm"
_ENTITY_ROOT = "Entity"
_LANGS = ("ko", "en")


@dataclass(frozen=True, slots=True)
class Issue:
    """One finding. ``line``/``column`` are 1-based; ``term`` is the IRI concerned."""

    severity: str
    code: str
    message: str
    file: Path | None = None
    line: int | None = None
    column: int | None = None
    term: str | None = None

    def __str__(self) -> str:
        where = str(self.file) if self.file else "<ontology>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.severity} [{self.code}] {self.message}"


def has_errors(issues: Iterable[Issue]) -> bool:
    """True when any issue is an error (warnings alone do not fail a sync)."""
    return any(i.severity == ERROR for i in issues)


def format_issues(issues: Iterable[Issue]) -> str:
    """One line per issue, in the ``file:line:col: severity [code] message`` form."""
    return "\n".join(str(i) for i in issues)


# ---------------------------------------------------------------------------------------
# Locating terms in the source text
# ---------------------------------------------------------------------------------------


class _SourceFile:
    """A parsed file with its text, so issues can point at the line that defines a term."""

    def __init__(self, path: Path, graph: Graph) -> None:
        self.path = path
        self.graph = graph
        self.lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        self.prefixes = [(str(p), str(ns)) for p, ns in graph.namespaces()]

    def _patterns(self, iri: str) -> list[re.Pattern[str]]:
        pats = [re.compile(re.escape(f"<{iri}>"))]
        for prefix, ns in self.prefixes:
            local = iri[len(ns) :]
            if iri.startswith(ns) and local and "/" not in local and "#" not in local:
                pats.append(
                    re.compile(rf"(?<![\w:/-]){re.escape(prefix)}:{re.escape(local)}(?![\w-])")
                )
        return pats

    def locate(self, iri: str, *, definition: bool) -> tuple[int, int] | None:
        """Line and column of the term: the line that starts with it, else its first use."""
        pats = self._patterns(iri)
        first: tuple[int, int] | None = None
        for n, text in enumerate(self.lines, start=1):
            if text.lstrip().startswith("#"):
                continue
            for pat in pats:
                m = pat.search(text)
                if m is None:
                    continue
                if definition and text[: m.start()].strip() == "":
                    return n, m.start() + 1
                if first is None:
                    first = (n, m.start() + 1)
        return first


class _Sources:
    """All parsed files; finds where a term is defined or used."""

    def __init__(self, files: list[_SourceFile]) -> None:
        self.files = files

    def where(
        self, term: Node | str, *, used: bool = False
    ) -> tuple[Path | None, int | None, int | None]:
        iri = str(term)
        ref = URIRef(iri)
        if not used:
            for f in self.files:
                if (ref, None, None) in f.graph:
                    pos = f.locate(iri, definition=True)
                    if pos:
                        return f.path, pos[0], pos[1]
        for f in self.files:
            if (None, None, ref) in f.graph or (None, ref, None) in f.graph:
                pos = f.locate(iri, definition=False)
                if pos:
                    return f.path, pos[0], pos[1]
        for f in self.files:
            pos = f.locate(iri, definition=False)
            if pos:
                return f.path, pos[0], pos[1]
        return None, None, None


# ---------------------------------------------------------------------------------------
# The checks
# ---------------------------------------------------------------------------------------


@dataclass
class _Terms:
    classes: set[URIRef]
    objects: set[URIRef]
    datatypes: set[URIRef]
    annotations: set[URIRef]
    individuals: set[URIRef]
    schemes: set[URIRef]
    concepts: set[URIRef]
    deprecated: set[URIRef]

    @property
    def properties(self) -> set[URIRef]:
        return self.objects | self.datatypes

    @property
    def declared(self) -> set[URIRef]:
        return (
            self.classes
            | self.properties
            | self.annotations
            | self.individuals
            | self.schemes
            | self.concepts
        )


#: The OWL 2 datatype map (OWL 2 Structural Specification, section 4): an ontology that uses
#: any other datatype (``xsd:date``, ``xsd:gYear`` …) is not OWL 2 DL, and DL reasoners
#: such as HermiT refuse it.
OWL2_DATATYPES = frozenset(
    {str(RDF.PlainLiteral), str(RDF.XMLLiteral), str(RDF.langString), str(RDFS.Literal)}
    | {str(OWL.real), str(OWL.rational)}
    | {
        str(XSD[n])
        for n in (
            "decimal",
            "integer",
            "nonNegativeInteger",
            "nonPositiveInteger",
            "positiveInteger",
            "negativeInteger",
            "long",
            "int",
            "short",
            "byte",
            "unsignedLong",
            "unsignedInt",
            "unsignedShort",
            "unsignedByte",
            "double",
            "float",
            "string",
            "normalizedString",
            "token",
            "language",
            "Name",
            "NCName",
            "NMTOKEN",
            "boolean",
            "hexBinary",
            "base64Binary",
            "anyURI",
            "dateTime",
            "dateTimeStamp",
        )
    }
)


def _stkg(node: Node) -> bool:
    return isinstance(node, URIRef) and str(node).startswith(str(STKG))


def _stkgv(node: Node) -> bool:
    return isinstance(node, URIRef) and str(node).startswith(str(STKGV))


def _local(node: Node) -> str:
    s = str(node)
    for ns in (str(STKG), str(STKGV)):
        if s.startswith(ns):
            return s[len(ns) :]
    return s


def _collect_terms(g: Graph) -> _Terms:
    def typed(t: URIRef) -> set[URIRef]:
        return {s for s in g.subjects(RDF.type, t) if isinstance(s, URIRef)}

    classes = {c for c in typed(OWL.Class) if _stkg(c)}
    individuals = {
        s
        for s, o in g.subject_objects(RDF.type)
        if isinstance(s, URIRef) and o in classes and not _stkg(s)
    } | {s for s in typed(OWL.NamedIndividual)}
    return _Terms(
        classes=classes,
        objects={p for p in typed(OWL.ObjectProperty) if _stkg(p)},
        datatypes={p for p in typed(OWL.DatatypeProperty) if _stkg(p)},
        annotations=typed(OWL.AnnotationProperty),
        individuals=individuals,
        schemes=typed(SKOS.ConceptScheme),
        concepts=typed(SKOS.Concept),
        deprecated={
            s
            for s, o in g.subject_objects(OWL.deprecated)
            if isinstance(s, URIRef) and isinstance(o, Literal) and bool(o.toPython())
        },
    )


class _Linter:
    def __init__(self, g: Graph, sources: _Sources) -> None:
        self.g = g
        self.src = sources
        self.t = _collect_terms(g)
        self.issues: list[Issue] = []
        self._reported: set[tuple[str, str]] = set()

    def add(
        self, severity: str, code: str, message: str, term: Node, *, used: bool = False
    ) -> None:
        key = (code, f"{term}|{message}")
        if key in self._reported:
            return
        self._reported.add(key)
        file, line, col = self.src.where(term, used=used)
        self.issues.append(Issue(severity, code, message, file, line, col, str(term)))

    def run(self) -> list[Issue]:
        self.check_undefined()
        self.check_literal_datatypes()
        self.check_documentation()
        self.check_duplicate_labels()
        self.check_domains_ranges()
        self.check_class_tree()
        self.check_neo4j_names()
        self.check_deprecations()
        self.check_vocabularies()
        self.check_shapes()
        self.check_individuals()
        return self.issues

    # -- every term used must be declared ------------------------------------------------
    def check_literal_datatypes(self) -> None:
        """Literals of the OWL files (not the shapes) use only OWL 2 datatypes."""
        for s, p, o in self.g:
            if (
                isinstance(o, Literal)
                and o.datatype is not None
                and str(o.datatype) not in OWL2_DATATYPES
                and not str(p).startswith(str(SH))
            ):
                self.add(
                    ERROR,
                    "not-owl2-datatype",
                    f"{_local(p)} of {_local(s)} is a {_local(o.datatype)} literal, which is "
                    "not in the OWL 2 datatype map (not OWL 2 DL)",
                    s,
                )

    def check_undefined(self) -> None:
        # Ontology headers and their version IRIs are documents, not terms.
        headers: set[Node] = set(self.g.subjects(RDF.type, OWL.Ontology))
        for prop in (OWL.versionIRI, OWL.priorVersion, OWL.imports):
            headers |= set(self.g.objects(None, prop))
        declared = self.t.declared | headers
        for s, p, o in self.g:
            for node in (s, p, o):
                if (_stkg(node) or _stkgv(node)) and node not in declared:
                    self.add(
                        ERROR,
                        "undefined-term",
                        f"{_local(node)} is used but never declared "
                        "(as owl:Class, owl:ObjectProperty, owl:DatatypeProperty, "
                        "owl:AnnotationProperty, skos:ConceptScheme or skos:Concept)",
                        node,
                        used=True,
                    )

    # -- labels and definitions ----------------------------------------------------------
    def _documented_terms(self) -> list[tuple[str, URIRef]]:
        out: list[tuple[str, URIRef]] = []
        for kind, terms in (
            ("class", self.t.classes),
            ("object property", self.t.objects),
            ("datatype property", self.t.datatypes),
            ("annotation property", {a for a in self.t.annotations if _stkg(a)}),
        ):
            out += [(kind, term) for term in sorted(terms)]
        return out

    def _langs(self, s: Node, p: URIRef) -> set[str]:
        return {o.language or "" for o in self.g.objects(s, p) if isinstance(o, Literal)}

    def check_documentation(self) -> None:
        for kind, term in self._documented_terms():
            labels = self._langs(term, RDFS.label)
            for lang in _LANGS:
                if lang not in labels:
                    self.add(
                        ERROR,
                        "missing-label",
                        f"{kind} {_local(term)} has no rdfs:label in @{lang}",
                        term,
                    )
            if term in self.t.deprecated:
                continue
            if "en" not in self._langs(term, SKOS.definition):
                self.add(
                    ERROR,
                    "missing-definition",
                    f"{kind} {_local(term)} has no skos:definition in @en",
                    term,
                )

    def check_duplicate_labels(self) -> None:
        """No two terms (classes, properties, schemes, concepts) share an rdfs:label in one
        language: OWL tools show terms by it."""
        seen: dict[tuple[str, str], list[URIRef]] = defaultdict(list)
        labelled = [term for _kind, term in self._documented_terms()]
        labelled += sorted(self.t.schemes) + sorted(self.t.concepts)
        for term in labelled:
            if term in self.t.deprecated or term in self.t.annotations:
                continue
            for o in self.g.objects(term, RDFS.label):
                if isinstance(o, Literal) and o.language in _LANGS:
                    seen[(o.language, str(o).strip().casefold())].append(term)
        for (lang, text), terms in sorted(seen.items()):
            if len(terms) > 1:
                names = ", ".join(sorted(_local(t) for t in terms))
                for term in terms:
                    self.add(
                        ERROR,
                        "duplicate-label",
                        f"label {text!r}@{lang} is used by several terms: {names}",
                        term,
                    )

    # -- domains, ranges, relationship properties ------------------------------------------
    def _check_class_refs(self, term: URIRef, pred: URIRef, what: str) -> None:
        for o in self.g.objects(term, pred):
            members = class_list(self.g, o)
            if isinstance(o, BNode) and not members:
                self.add(
                    ERROR,
                    f"bad-{what}",
                    f"{_local(term)} has an rdfs:{what} that is neither a class nor an owl:unionOf",
                    term,
                )
            for c in members:
                if _stkg(c) and c in self.t.declared and c not in self.t.classes:
                    self.add(
                        ERROR,
                        f"bad-{what}",
                        f"rdfs:{what} of {_local(term)} is {_local(c)}, which is not a class",
                        term,
                    )

    def check_domains_ranges(self) -> None:
        for p in sorted(self.t.objects - self.t.deprecated):
            for pred, what in ((RDFS.domain, "domain"), (RDFS.range, "range")):
                if self.g.value(p, pred) is None:
                    self.add(
                        ERROR,
                        f"missing-{what}",
                        f"object property {_local(p)} has no rdfs:{what}",
                        p,
                    )
                self._check_class_refs(p, pred, what)
        for p in sorted(self.t.datatypes - self.t.deprecated):
            on_rel = list(self.g.objects(p, STKG.onRelationship))
            if self.g.value(p, RDFS.domain) is None and not on_rel:
                self.add(
                    ERROR,
                    "missing-domain",
                    f"datatype property {_local(p)} has neither rdfs:domain "
                    "nor stkg:onRelationship",
                    p,
                )
            self._check_class_refs(p, RDFS.domain, "domain")
            for r in on_rel:
                if r != OWL.topObjectProperty and r not in self.t.objects:
                    self.add(
                        ERROR,
                        "bad-on-relationship",
                        f"stkg:onRelationship of {_local(p)} is {_local(r)}, "
                        "not an object property",
                        p,
                    )
            rng = self.g.value(p, RDFS.range)
            if rng is None:
                self.add(
                    ERROR, "missing-range", f"datatype property {_local(p)} has no rdfs:range", p
                )
            elif not (str(rng).startswith(str(XSD)) or rng == RDF.langString):
                self.add(
                    ERROR,
                    "bad-range",
                    f"range of datatype property {_local(p)} is {rng}, not an XSD datatype",
                    p,
                )
            elif str(rng) not in OWL2_DATATYPES:
                self.add(
                    ERROR,
                    "not-owl2-datatype",
                    f"range of datatype property {_local(p)} is {rng}, which is not in the "
                    "OWL 2 datatype map (not OWL 2 DL); for whole days use xsd:dateTime with "
                    "stkg:dayPrecision true",
                    p,
                )
            if (p, STKG.dayPrecision, None) in self.g and rng != XSD.dateTime:
                self.add(
                    ERROR,
                    "bad-range",
                    f"{_local(p)} has stkg:dayPrecision but its range is not xsd:dateTime",
                    p,
                )
            vocab = self.g.value(p, STKG.vocabulary)
            if vocab is not None and vocab not in self.t.schemes:
                self.add(
                    ERROR,
                    "bad-vocabulary",
                    f"stkg:vocabulary of {_local(p)} is {vocab}, not a skos:ConceptScheme",
                    p,
                )

    # -- the class tree --------------------------------------------------------------------
    def _ancestors(self, c: URIRef) -> set[Node]:
        seen: set[Node] = set()
        todo: list[Node] = [c]
        while todo:
            cur = todo.pop()
            if cur in seen:
                continue
            seen.add(cur)
            todo.extend(self.g.objects(cur, RDFS.subClassOf))
        return seen

    def check_class_tree(self) -> None:
        roots = {STKG[_ENTITY_ROOT], STKG[_META_ROOT]}
        prefixes: dict[str, list[URIRef]] = defaultdict(list)
        for c in sorted(self.t.classes - self.t.deprecated):
            anc = self._ancestors(c)
            if c not in roots and not (anc & roots):
                self.add(
                    ERROR,
                    "orphan-class",
                    f"class {_local(c)} is not a subclass of stkg:{_ENTITY_ROOT} "
                    f"(or of the meta class stkg:{_META_ROOT})",
                    c,
                )
            if not any(self.g.value(a, STKG.key) is not None for a in anc):
                self.add(
                    ERROR, "missing-key", f"class {_local(c)} has no stkg:key (own or inherited)", c
                )
            prefix = self.g.value(c, STKG.idPrefix)
            if prefix is not None:
                prefixes[str(prefix)].append(c)
            elif STKG[_ENTITY_ROOT] in anc and c != STKG[_ENTITY_ROOT]:
                self.add(
                    WARNING,
                    "missing-id-prefix",
                    f"class {_local(c)} has no stkg:idPrefix for its typed ids",
                    c,
                )
        for prefix, cs in prefixes.items():
            if len(cs) > 1:
                for c in cs:
                    self.add(
                        ERROR,
                        "duplicate-id-prefix",
                        f"id prefix {prefix!r} is used by several classes: "
                        + ", ".join(sorted(_local(x) for x in cs)),
                        c,
                    )

    # -- Neo4j names -------------------------------------------------------------------------
    def check_neo4j_names(self) -> None:
        for kind, terms in (
            ("class", self.t.classes),
            ("object", self.t.objects),
            ("datatype", self.t.datatypes),
        ):
            names: dict[str, list[URIRef]] = defaultdict(list)
            for term in sorted(terms - self.t.deprecated):
                name = neo4j_name(self.g, term, kind)
                names[name].append(term)
                if not is_plain_name(name) or name.startswith("_"):
                    self.add(
                        ERROR,
                        "bad-neo4j-name",
                        f"{_local(term)} maps to {name!r}, which is not a plain Neo4j name",
                        term,
                    )
            for name, ts in names.items():
                if len(ts) > 1:
                    for term in ts:
                        self.add(
                            ERROR,
                            "duplicate-neo4j-name",
                            f"several terms map to the Neo4j name {name!r}: "
                            + ", ".join(sorted(_local(t) for t in ts)),
                            term,
                        )

    # -- deprecation -------------------------------------------------------------------------
    def _kind(self, term: Node) -> str | None:
        for kind, terms in (
            ("class", self.t.classes),
            ("object property", self.t.objects),
            ("datatype property", self.t.datatypes),
        ):
            if term in terms:
                return kind
        return None

    def check_deprecations(self) -> None:
        for term in sorted(self.t.deprecated):
            repl = self.g.value(term, DCTERMS.isReplacedBy)
            if repl is None:
                self.add(
                    WARNING,
                    "deprecated-without-replacement",
                    f"{_local(term)} is deprecated without dct:isReplacedBy; the sync cannot "
                    "migrate its data",
                    term,
                )
                continue
            if repl in self.t.deprecated:
                self.add(
                    ERROR,
                    "replacement-deprecated",
                    f"{_local(term)} is replaced by {_local(repl)}, which is deprecated too",
                    term,
                )
            if self._kind(repl) is not None and self._kind(repl) != self._kind(term):
                self.add(
                    ERROR,
                    "replacement-kind",
                    f"{_local(term)} ({self._kind(term)}) is replaced by {_local(repl)} "
                    f"({self._kind(repl)})",
                    term,
                )
        for s, p, o in self.g:
            if o in self.t.deprecated and p not in (DCTERMS.isReplacedBy, RDF.type):
                self.add(
                    WARNING,
                    "deprecated-term-used",
                    f"{_local(s) if isinstance(s, URIRef) else 'a shape or expression'} "
                    f"still refers to deprecated {_local(o)}",
                    o,
                    used=True,
                )

    # -- vocabularies ------------------------------------------------------------------------
    def check_vocabularies(self) -> None:
        for scheme in sorted(self.t.schemes):
            for lang in _LANGS:
                if lang not in self._langs(scheme, SKOS.prefLabel):
                    self.add(
                        ERROR,
                        "missing-label",
                        f"scheme {_local(scheme)} has no prefLabel @{lang}",
                        scheme,
                    )
                if lang not in self._langs(scheme, RDFS.label):
                    self.add(
                        ERROR,
                        "missing-label",
                        f"scheme {_local(scheme)} has no rdfs:label @{lang} "
                        "(OWL tools show none; the prefLabel + 어휘 / vocabulary)",
                        scheme,
                    )
            notations: dict[str, list[URIRef]] = defaultdict(list)
            for c in self.g.subjects(SKOS.inScheme, scheme):
                value = self.g.value(c, SKOS.notation)
                if value is not None and isinstance(c, URIRef):
                    notations[str(value)].append(c)
            for n, cs in notations.items():
                if len(cs) > 1:
                    for c in cs:
                        self.add(
                            ERROR,
                            "duplicate-notation",
                            f"notation {n!r} is used twice in scheme {_local(scheme)}",
                            c,
                        )
        for c in sorted(self.t.concepts):
            if self.g.value(c, SKOS.notation) is None:
                self.add(ERROR, "missing-notation", f"concept {_local(c)} has no skos:notation", c)
            if self.g.value(c, SKOS.inScheme) not in self.t.schemes:
                self.add(ERROR, "missing-scheme", f"concept {_local(c)} is in no known scheme", c)
            for lang in _LANGS:
                if lang not in self._langs(c, SKOS.prefLabel):
                    self.add(
                        ERROR, "missing-label", f"concept {_local(c)} has no prefLabel @{lang}", c
                    )
                if lang not in self._langs(c, RDFS.label):
                    self.add(
                        ERROR,
                        "missing-label",
                        f"concept {_local(c)} has no rdfs:label @{lang} (OWL tools show "
                        "none; the prefLabel, with the scheme's in brackets if another term "
                        "has it)",
                        c,
                    )

    def _notations(self, scheme: Node) -> set[str]:
        return {
            str(n)
            for c in self.g.subjects(SKOS.inScheme, scheme)
            if (n := self.g.value(c, SKOS.notation)) is not None
        }

    # -- SHACL shapes --------------------------------------------------------------------------
    def _path_properties(self, path: Node) -> list[Node]:
        if isinstance(path, URIRef):
            return [path]
        if not isinstance(path, BNode):
            return []
        out: list[Node] = []
        for p in (
            SH.inversePath,
            SH.zeroOrMorePath,
            SH.oneOrMorePath,
            SH.zeroOrOnePath,
            SH.alternativePath,
        ):
            for inner in self.g.objects(path, p):
                out += self._path_properties(inner)
        if (path, RDF.first, None) in self.g:
            for item in Collection(self.g, path):
                out += self._path_properties(item)
        return out

    def _unknown_in_shape(self, shape: Node, term: Node, what: str, allowed: set[URIRef]) -> None:
        if _stkg(term) and term not in allowed:
            self.add(
                ERROR,
                "shape-unknown-term",
                f"a shape refers to {_local(term)} as {what}, but the ontology defines no such "
                + ("class" if what.endswith("class") else "property"),
                term,
                used=True,
            )

    def check_shapes(self) -> None:
        classes = self.t.classes - self.t.deprecated
        props = self.t.properties - self.t.deprecated
        for pred, what, allowed in (
            (SH.targetClass, "sh:targetClass", classes),
            (SH["class"], "sh:class", classes),
            (SH.targetSubjectsOf, "sh:targetSubjectsOf", props),
            (SH.targetObjectsOf, "sh:targetObjectsOf", props),
            (SH.equals, "sh:equals", props),
            (SH.disjoint, "sh:disjoint", props),
            (SH.lessThan, "sh:lessThan", props),
            (SH.lessThanOrEquals, "sh:lessThanOrEquals", props),
        ):
            for shape, term in self.g.subject_objects(pred):
                self._unknown_in_shape(shape, term, what, allowed)
        for shape, path in self.g.subject_objects(SH.path):
            for term in self._path_properties(path):
                self._unknown_in_shape(shape, term, "sh:path", props)
            self._check_sh_in(shape, path)

    def _check_sh_in(self, shape: Node, path: Node) -> None:
        values = self.g.value(shape, SH["in"])
        if values is None or not isinstance(path, URIRef):
            return
        scheme = self.g.value(path, STKG.vocabulary)
        if scheme is None:
            return
        allowed = self._notations(scheme)
        listed = {str(v) for v in Collection(self.g, values)}
        for v in sorted(listed - allowed):
            self.add(
                ERROR,
                "vocab-value",
                f"sh:in for {_local(path)} lists {v!r}, which is no notation of {_local(scheme)}",
                path,
                used=True,
            )
        for v in sorted(allowed - listed):
            self.add(
                WARNING,
                "vocab-incomplete",
                f"sh:in for {_local(path)} lacks notation {v!r} of {_local(scheme)}",
                path,
                used=True,
            )

    # -- reference individuals -------------------------------------------------------------
    def _check_restated(self, ind: URIRef) -> None:
        """``stkg:name``/``nameEn``/``aliases`` restate the rdfs:labels and skos:altLabels
        (which extraction and the sync use) for the RDF form; they must not drift apart."""

        def texts(p: URIRef, lang: str | None = None) -> set[str]:
            return {
                str(o)
                for o in self.g.objects(ind, p)
                if isinstance(o, Literal) and (lang is None or o.language == lang)
            }

        for prop, annotation, lang in (
            (STKG.name, RDFS.label, "ko"),
            (STKG.nameEn, RDFS.label, "en"),
            (STKG.aliases, SKOS.altLabel, None),
        ):
            stated, source = texts(prop), texts(annotation, lang)
            if stated and stated != source:
                where = f"rdfs:label @{lang}" if lang else "skos:altLabel"
                self.add(
                    WARNING,
                    "restated-label",
                    f"{_local(prop)} of {ind} is {sorted(stated)} but its {where} is "
                    f"{sorted(source)}; the graph and extraction use the {where}",
                    ind,
                )

    def check_individuals(self) -> None:
        for ind in sorted(self.t.individuals):
            classes = [c for c in self.g.objects(ind, RDF.type) if c in self.t.classes]
            if not classes:
                continue
            for lang in _LANGS:
                if lang not in self._langs(ind, RDFS.label):
                    self.add(
                        ERROR, "missing-label", f"individual {ind} has no rdfs:label @{lang}", ind
                    )
            self._check_restated(ind)
            for p, o in self.g.predicate_objects(ind):
                if str(o).startswith(INSTANCE_NS) and o not in self.t.individuals:
                    self.add(
                        ERROR,
                        "undefined-individual",
                        f"{_local(p)} of {ind} points at {o}, which no file declares",
                        ind,
                    )
            ident = self.g.value(ind, STKG.id)
            if ident is None:
                if str(ind).startswith(INSTANCE_NS):
                    self.add(ERROR, "individual-id", f"individual {ind} has no stkg:id", ind)
                continue
            try:
                prefix, _ = split_typed_id(str(ident))
                expected = instance_iri(str(ident))
            except ValueError as exc:
                self.add(ERROR, "individual-id", str(exc), ind)
                continue
            if str(ind) != expected:
                self.add(
                    ERROR,
                    "individual-id",
                    f"individual with id {ident} should have the IRI <{expected}>",
                    ind,
                )
            prefixes = {str(p) for c in classes for p in self.g.objects(c, STKG.idPrefix)}
            if prefixes and prefix not in prefixes:
                self.add(
                    ERROR,
                    "individual-id",
                    f"id {ident} does not start with the class id prefix {sorted(prefixes)}",
                    ind,
                )


# ---------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------


def validate_paths(paths: Sequence[Path | str] | None = None) -> list[Issue]:
    """Parse and lint the given Turtle files (default: the shipped ones) as one ontology.

    Syntax errors are reported per file with line and column and that file is left out of
    the remaining checks, so one broken file does not hide the other files' issues.
    """
    files: list[_SourceFile] = []
    issues: list[Issue] = []
    merged = Graph()
    for p in default_paths() if paths is None else [Path(x) for x in paths]:
        try:
            g = parse_turtle(p)
        except OntologySyntaxError as exc:
            issues.append(Issue(ERROR, "syntax", exc.reason, exc.file, exc.line, exc.column))
            continue
        files.append(_SourceFile(Path(p), g))
        merged += g
    issues += _Linter(merged, _Sources(files)).run()
    return issues
