"""Technology search expressions: the files in ``ontology/search/*.toml``, parsed and checked.

Each file holds one or more ``[[technology]]`` tables; each names a technology node (a
``CoreTechnology`` or ``TechnologyClass`` id) and the search that finds its patents:

.. code-block:: toml

    [[technology]]
    id = "techclass:공정설계"
    expression = '("공정 설계" OR "process design") AND NOT 반도체'
    ipc = ["G05B", "G06F 30"]       # a patent needs a code under one of these (optional)
    exclude_ipc = ["H01L"]          # a code under one of these removes the patent (optional)
    offices = ["KR", "US"]          # optional; every office when left out
    filed = "2015-2024"             # filing years, first-last; "2015-" or "-2024" leave a side open
    exclude = ["반도체 공정"]       # terms that remove a patent wherever they occur (optional)
    fields = ["title", "abstract"]  # the texts searched; title, abstract and claims by default

The expression language (docs/patents.md has the full description): terms are bare words
or ``"quoted phrases"``; ``AND``, ``OR``, ``NOT`` and parentheses combine them (``NOT``
binds tightest, then ``AND``, then ``OR``; two terms side by side mean ``AND``). A term
with Hangul matches anywhere in the text, spaces ignored (``공정 설계`` = ``공정설계``); a
Latin term matches whole words, a plural ``s`` included, or every word it begins when it
ends with ``*`` (``sensor*``). Matching ignores case and full-width forms.

Everything is checked before anything is used: a syntax error, an unknown key, an IPC
pattern that is not one, an unknown office or a technology id of another class is a
:class:`SearchIssue` naming the file and line, and :func:`load_search_expressions` raises
:class:`SearchExpressionError` with all of them.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyparsing as pp

__all__ = [
    "DEFAULT_DIR",
    "FIELDS",
    "Match",
    "SearchExpression",
    "SearchExpressionError",
    "SearchIssue",
    "ipc_under",
    "load_for_ontology",
    "load_search_expressions",
    "parse_expression",
]

#: The expression files shipped with the ontology.
DEFAULT_DIR = Path(__file__).resolve().parent / "search"
#: The patent texts an expression can search, in the order they are reported.
FIELDS: tuple[str, ...] = ("title", "abstract", "claims")
#: Technology classes a search expression may belong to (their id prefixes are checked).
TECHNOLOGY_CLASSES: tuple[str, ...] = ("CoreTechnology", "TechnologyClass")
#: Bumped when the matching or scoring rules change, so the expression hash changes too.
MATCHING_VERSION = "1"

_KEYS = {"id", "name", "expression", "ipc", "exclude_ipc", "offices", "filed", "exclude", "fields"}
#: An IPC or CPC symbol or a prefix of one: section, class, subclass, main group, subgroup.
_IPC = re.compile(r"^[A-HY](?:\d{2}(?:[A-Z](?: ?(\d{1,4})(?:/(\d{1,6}))?)?)?)?$")
_FILED = re.compile(r"^\s*(\d{4})?\s*-\s*(\d{4})?\s*$|^\s*(\d{4})\s*$")
_HANGUL = re.compile(r"[\uac00-\ud7a3\u3130-\u318f\u1100-\u11ff]")


@dataclass(frozen=True)
class SearchIssue:
    """One problem in an expression file, located by file and line (1-based)."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class SearchExpressionError(ValueError):
    """The expression files have problems; ``issues`` lists each with its file and line."""

    def __init__(self, issues: Sequence[SearchIssue]):
        self.issues = tuple(issues)
        super().__init__("\n".join(str(i) for i in self.issues))


# --- terms and the expression tree --------------------------------------------------------


def normalize_text(text: str) -> str:
    """NFKC, case-folded, whitespace collapsed: the form texts and terms are compared in."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


@dataclass(frozen=True)
class Term:
    text: str  # as normalised

    @property
    def hangul(self) -> bool:
        return bool(_HANGUL.search(self.text))

    @property
    def needle(self) -> str:
        """A lower-case substring every text the term matches contains (a cheap pre-filter)."""
        return self.text.split()[0].rstrip("*")

    def pattern(self) -> re.Pattern[str]:
        return _term_pattern(self)

    def compile(self) -> re.Pattern[str]:
        if self.hangul:
            # Korean spacing varies: compare with the spaces taken out of both sides
            return re.compile(re.escape(self.text.replace(" ", "")))
        prefix = self.text.endswith("*")
        words = [re.escape(w) for w in self.text.rstrip("*").split()]
        body = r"[\s\-]+".join(words)
        tail = r"\w*" if prefix else r"(?:e?s)?\b"
        return re.compile(rf"(?<!\w){body}{tail}")

    def find(self, text: str, squeezed: str) -> bool:
        return self.pattern().search(squeezed if self.hangul else text) is not None

    def canonical(self) -> str:
        return json.dumps(self.text, ensure_ascii=False)


@functools.lru_cache(maxsize=65536)
def _term_pattern(term: Term) -> re.Pattern[str]:
    """A term's compiled pattern, compiled once: a classification run tests each term
    against every patent that may hold it."""
    return term.compile()


@dataclass(frozen=True)
class Not:
    operand: Node

    def canonical(self) -> str:
        return f"NOT {self.operand.canonical()}"


@dataclass(frozen=True)
class And:
    operands: tuple[Node, ...]

    def canonical(self) -> str:
        return "(" + " AND ".join(o.canonical() for o in self.operands) + ")"


@dataclass(frozen=True)
class Or:
    operands: tuple[Node, ...]

    def canonical(self) -> str:
        return "(" + " OR ".join(o.canonical() for o in self.operands) + ")"


Node = Term | Not | And | Or


def _grammar() -> pp.ParserElement:
    and_kw, or_kw, not_kw = (pp.CaselessKeyword(k) for k in ("AND", "OR", "NOT"))
    phrase = pp.QuotedString('"', unquote_results=True).set_name("quoted phrase")
    word = (~(and_kw | or_kw | not_kw) + pp.Regex(r'[^\s()"]+')).set_name("term")
    term = (phrase | word).set_parse_action(lambda t: Term(normalize_text(t[0])))
    expr = pp.Forward()
    expr.set_name("expression")
    atom = term | (pp.Suppress("(") + expr + pp.Suppress(")"))
    negated = pp.Forward()
    negated <<= (pp.Suppress(not_kw) + negated).set_parse_action(lambda t: Not(t[0])) | atom
    conj = (negated + pp.ZeroOrMore(pp.Suppress(pp.Opt(and_kw)) + negated)).set_parse_action(
        lambda t: t[0] if len(t) == 1 else And(tuple(t))
    )
    disj = (conj + pp.ZeroOrMore(pp.Suppress(or_kw) + conj)).set_parse_action(
        lambda t: t[0] if len(t) == 1 else Or(tuple(t))
    )
    expr <<= disj
    return expr


_GRAMMAR = _grammar()


class ExpressionSyntaxError(ValueError):
    """A syntax error at ``line``/``column`` of the expression text (both 1-based)."""

    def __init__(self, message: str, line: int, column: int):
        self.line, self.column = line, column
        super().__init__(message)


def parse_expression(text: str) -> Node:
    """The tree of a search expression, or :class:`ExpressionSyntaxError`."""
    if not text.strip():
        raise ExpressionSyntaxError("the expression is empty", 1, 1)
    _check_brackets(text)
    try:
        result = _GRAMMAR.parse_string(text, parse_all=True)
    except pp.ParseBaseException as exc:
        rest = exc.line[exc.col - 1 :].strip()
        found = f"unexpected {rest[:30]!r}" if rest else "the expression ends too early"
        raise ExpressionSyntaxError(
            f"syntax error at column {exc.col}: {found} (an operator needs a term on each side)",
            exc.lineno,
            exc.col,
        ) from None
    node: Node = result[0]
    for t in _terms(node):
        if not t.text.rstrip("*").strip() or t.text.startswith("*"):
            raise ExpressionSyntaxError(f"term {t.text!r} has no letters to search for", 1, 1)
    if not positive_terms(node):
        raise ExpressionSyntaxError("the expression has no term a patent must contain", 1, 1)
    return node


def _check_brackets(text: str) -> None:
    """Unclosed quotes and unbalanced parentheses, reported where they start."""
    depth: list[tuple[int, int]] = []
    quote: tuple[int, int] | None = None
    for line_no, line in enumerate(text.splitlines() or [""], start=1):
        for col, ch in enumerate(line, start=1):
            if ch == '"':
                quote = None if quote else (line_no, col)
            elif quote:
                continue
            elif ch == "(":
                depth.append((line_no, col))
            elif ch == ")":
                if not depth:
                    raise ExpressionSyntaxError(
                        f"syntax error at column {col}: ')' closes nothing", line_no, col
                    )
                depth.pop()
    if quote:
        raise ExpressionSyntaxError(
            f'syntax error at column {quote[1]}: the quote " is never closed', *quote
        )
    if depth:
        line_no, col = depth[-1]
        raise ExpressionSyntaxError(
            f"syntax error at column {col}: '(' is never closed", line_no, col
        )


def _terms(node: Node) -> list[Term]:
    if isinstance(node, Term):
        return [node]
    if isinstance(node, Not):
        return _terms(node.operand)
    return [t for o in node.operands for t in _terms(o)]


def positive_terms(node: Node, negated: bool = False) -> list[Term]:
    """The terms not under a NOT: the ones whose presence can make a patent match."""
    if isinstance(node, Term):
        return [] if negated else [node]
    if isinstance(node, Not):
        return positive_terms(node.operand, not negated)
    return [t for o in node.operands for t in positive_terms(o, negated)]


def _evaluate(node: Node, found: set[Term]) -> bool:
    if isinstance(node, Term):
        return node in found
    if isinstance(node, Not):
        return not _evaluate(node.operand, found)
    if isinstance(node, And):
        return all(_evaluate(o, found) for o in node.operands)
    return any(_evaluate(o, found) for o in node.operands)


# --- IPC -----------------------------------------------------------------------------------


def normalize_ipc(code: str) -> str:
    """``g06n 3/08`` → ``G06N 3/08``; ``G06N3/08`` → ``G06N 3/08``; leading zeros dropped."""
    value = "".join(unicodedata.normalize("NFKC", code).upper().split())
    m = re.match(r"^([A-HY]\d{2}[A-Z])0*(\d+)(/\d+)?$", value)
    if m:
        return f"{m.group(1)} {m.group(2)}{m.group(3) or ''}"
    return value


def ipc_under(code: str, prefix: str) -> bool:
    """Whether an IPC/CPC code lies under a prefix (``G06N 3`` holds ``G06N 3/08``, not
    ``G06N 30/1``; a full subgroup holds only itself)."""
    code, prefix = normalize_ipc(code), normalize_ipc(prefix)
    if code == prefix:
        return True
    if " " in prefix and "/" not in prefix:
        return code.startswith(prefix + "/")
    if " " not in prefix:
        return code.startswith(prefix)
    return False


# --- one technology's search ---------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    """Why a patent matched: score in (0, 1] and the evidence terms (``field:term``, ``ipc:…``)."""

    score: float
    terms: tuple[str, ...]


@dataclass(frozen=True)
class SearchExpression:
    technology: str
    expression: str
    tree: Node
    path: Path
    line: int
    name: str | None = None
    ipc: tuple[str, ...] = ()
    exclude_ipc: tuple[str, ...] = ()
    offices: tuple[str, ...] = ()
    first_year: int | None = None
    last_year: int | None = None
    exclude: tuple[Term, ...] = ()
    fields: tuple[str, ...] = FIELDS
    hash: str = field(default="", compare=False)

    @property
    def needles(self) -> list[str]:
        """Substrings of which a matching patent's searched text holds at least one."""
        return sorted({t.needle for t in positive_terms(self.tree)})

    def canonical(self) -> str:
        return json.dumps(
            {
                "v": MATCHING_VERSION,
                "expression": self.tree.canonical(),
                "ipc": sorted(normalize_ipc(c) for c in self.ipc),
                "excludeIpc": sorted(normalize_ipc(c) for c in self.exclude_ipc),
                "offices": sorted(self.offices),
                "filed": [self.first_year, self.last_year],
                "exclude": sorted(t.text for t in self.exclude),
                "fields": list(self.fields),
            },
            ensure_ascii=False,
            sort_keys=True,
        )

    def match(
        self,
        texts: dict[str, str | None],
        codes: Iterable[str] = (),
        office: str | None = None,
    ) -> Match | None:
        """The match of one patent (its texts by field, IPC/CPC codes, office), or None."""
        if self.offices and office not in self.offices:
            return None
        codes = [c for c in codes if c]
        admitted = [p for p in self.ipc if any(ipc_under(c, p) for c in codes)]
        if self.ipc and not admitted:
            return None
        if any(ipc_under(c, p) for c in codes for p in self.exclude_ipc):
            return None
        normalized = {f: normalize_text(texts.get(f) or "") for f in self.fields}
        squeezed = {f: t.replace(" ", "") for f, t in normalized.items()}
        where: dict[Term, list[str]] = {}
        for term in set(_terms(self.tree)) | set(self.exclude):
            hits = [f for f in self.fields if term.find(normalized[f], squeezed[f])]
            if hits:
                where[term] = hits
        if any(t in where for t in self.exclude):
            return None
        if not _evaluate(self.tree, set(where)):
            return None
        evidence: list[str] = []
        weight = 0
        for term in dict.fromkeys(positive_terms(self.tree)):
            if term in where:
                weight += 2 if "title" in where[term] else 1
                evidence.extend(f"{f}:{term.text}" for f in where[term])
        evidence.extend(f"ipc:{normalize_ipc(p)}" for p in admitted)
        return Match(round(1 - 0.5**weight, 4), tuple(sorted(evidence)))


# --- files ---------------------------------------------------------------------------------


def _key_lines(text: str) -> list[dict[str, int]]:
    """For each ``[[technology]]`` table in order, the line of each key (and of the header
    as ``""``), so a problem in a value can name its line."""
    tables: list[dict[str, int]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if re.match(r"^\[\[\s*technology\s*\]\]", line):
            tables.append({"": number})
        elif tables:
            m = re.match(r'^["\']?([A-Za-z_][\w-]*)["\']?\s*=', line)
            if m and m.group(1) not in tables[-1]:
                tables[-1][m.group(1)] = number
    return tables


def _expression_line(text: str, key_line: int) -> int:
    """The line the expression string starts on (a multi-line string starts below its key)."""
    raw = text.splitlines()[key_line - 1]
    value = raw.split("=", 1)[1].strip()
    return key_line + 1 if value in ("'''", '"""') else key_line


def _strings(value: Any) -> list[str] | None:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    return None


def _parse_filed(value: str) -> tuple[int | None, int | None] | None:
    m = _FILED.match(value)
    if m is None:
        return None
    if m.group(3):
        year = int(m.group(3))
        return year, year
    first = int(m.group(1)) if m.group(1) else None
    last = int(m.group(2)) if m.group(2) else None
    if first is None and last is None:
        return None
    return first, last


def _read_table(
    path: Path,
    text: str,
    table: Any,
    lines: dict[str, int],
    id_prefixes: dict[str, str],
    offices: frozenset[str],
    issues: list[SearchIssue],
) -> SearchExpression | None:
    start = lines.get("", 1)
    before = len(issues)

    def issue(key: str, message: str, line: int | None = None) -> None:
        issues.append(SearchIssue(path, line or lines.get(key, start), message))

    if not isinstance(table, dict):
        issue("", "[[technology]] must be a table")
        return None
    for key in sorted(set(table) - _KEYS):
        issue(key, f"unknown key {key!r}; expected one of {', '.join(sorted(_KEYS))}")
    tech = table.get("id")
    if not isinstance(tech, str) or ":" not in tech:
        issue("id", "id must be a technology id such as 'techclass:공정설계' or 'coretech:…'")
    elif tech.split(":", 1)[0] not in id_prefixes:
        allowed = ", ".join(f"{p}: ({c})" for p, c in sorted(id_prefixes.items()))
        issue("id", f"id {tech!r} is not a technology id; expected one of {allowed}")
    name = table.get("name")
    if name is not None and not isinstance(name, str):
        issue("name", "name must be a string")
    expression = table.get("expression")
    tree: Node | None = None
    if not isinstance(expression, str):
        issue("expression", "expression must be a string (the search expression)")
    else:
        try:
            tree = parse_expression(expression)
        except ExpressionSyntaxError as exc:
            base = _expression_line(text, lines["expression"]) if "expression" in lines else start
            issue("expression", f"expression: {exc}", base + exc.line - 1)
    ipc_lists: dict[str, tuple[str, ...]] = {}
    for key in ("ipc", "exclude_ipc"):
        values = _strings(table.get(key, []))
        if values is None:
            issue(key, f"{key} must be a list of IPC/CPC prefixes such as ['G06N', 'G05B 19/418']")
            continue
        bad = [v for v in values if not _IPC.match(normalize_ipc(v))]
        if bad:
            issue(key, f"{key}: {', '.join(map(repr, bad))} is not an IPC/CPC symbol or prefix")
        ipc_lists[key] = tuple(normalize_ipc(v) for v in values)
    office_list = _strings(table.get("offices", []))
    if office_list is None:
        issue("offices", "offices must be a list of office codes")
        office_list = []
    office_list = [o.strip().upper() for o in office_list]
    unknown = [o for o in office_list if o not in offices]
    if unknown:
        issue("offices", f"unknown offices {unknown}; choose from {sorted(offices)}")
    first = last = None
    if "filed" in table:
        filed = table["filed"]
        span = _parse_filed(str(filed)) if isinstance(filed, str | int) else None
        if span is None or (span[0] and span[1] and span[0] > span[1]):
            issue("filed", f"filed {filed!r} is not a span of years like '2015-2024' or '2015-'")
        else:
            first, last = span
    exclude_list = _strings(table.get("exclude", []))
    exclude: list[Term] = []
    if exclude_list is None or any(not e.strip() for e in exclude_list or []):
        issue("exclude", "exclude must be a list of non-empty terms")
    else:
        exclude = [Term(normalize_text(e)) for e in exclude_list]
    field_list = _strings(table.get("fields", list(FIELDS)))
    if field_list is None or not field_list or set(field_list) - set(FIELDS):
        issue("fields", f"fields must be a non-empty list drawn from {list(FIELDS)}")
        field_list = list(FIELDS)
    if len(issues) > before or tree is None or not isinstance(tech, str):
        return None
    expr = SearchExpression(
        technology=tech,
        expression=expression if isinstance(expression, str) else "",
        tree=tree,
        path=path,
        line=start,
        name=name if isinstance(name, str) else None,
        ipc=ipc_lists.get("ipc", ()),
        exclude_ipc=ipc_lists.get("exclude_ipc", ()),
        offices=tuple(dict.fromkeys(office_list)),
        first_year=first,
        last_year=last,
        exclude=tuple(exclude),
        fields=tuple(f for f in FIELDS if f in field_list),
    )
    digest = hashlib.sha256(expr.canonical().encode("utf-8")).hexdigest()[:16]
    return dataclasses.replace(expr, hash=digest)


def expression_files(paths: Iterable[Path] | None = None) -> list[Path]:
    """The ``*.toml`` files of the given files and folders (the shipped folder by default)."""
    out: list[Path] = []
    for path in [DEFAULT_DIR] if paths is None else paths:
        out.extend(sorted(path.glob("*.toml")) if path.is_dir() else [path])
    return out


def load_search_expressions(
    paths: Iterable[Path] | None = None,
    *,
    id_prefixes: dict[str, str],
    offices: frozenset[str],
) -> list[SearchExpression]:
    """Every search expression of the files, checked; raises :class:`SearchExpressionError`.

    ``id_prefixes`` maps the allowed id prefixes to their class (``techclass`` →
    ``TechnologyClass``), ``offices`` holds the patent-office notations; both come from the
    ontology (see ``stkg.ontology.model``).
    """
    issues: list[SearchIssue] = []
    found: list[SearchExpression] = []
    for path in expression_files(paths):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            issues.append(SearchIssue(path, 1, f"cannot read the file: {exc}"))
            continue
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            m = re.search(r"line (\d+)", str(exc))
            issues.append(SearchIssue(path, int(m.group(1)) if m else 1, f"TOML: {exc}"))
            continue
        for key in sorted(set(data) - {"technology"}):
            issues.append(
                SearchIssue(path, 1, f"unknown top-level key {key!r}; use [[technology]]")
            )
        tables = data.get("technology", [])
        if not isinstance(tables, list) or not tables:
            issues.append(SearchIssue(path, 1, "no [[technology]] table"))
            continue
        lines = _key_lines(text)
        for i, table in enumerate(tables):
            line_map = lines[i] if i < len(lines) else {}
            expr = _read_table(path, text, table, line_map, id_prefixes, offices, issues)
            if expr is not None:
                found.append(expr)
    seen: dict[str, SearchExpression] = {}
    for expr in found:
        if expr.technology in seen:
            first = seen[expr.technology]
            issues.append(
                SearchIssue(
                    expr.path,
                    expr.line,
                    f"{expr.technology} already has an expression at {first.path}:{first.line}",
                )
            )
        seen.setdefault(expr.technology, expr)
    if issues:
        raise SearchExpressionError(issues)
    return found


def load_for_ontology(onto: Any, paths: Iterable[Path] | None = None) -> list[SearchExpression]:
    """:func:`load_search_expressions` with the id prefixes and offices of ``onto`` (an
    ``stkg.ontology.model.Ontology``)."""
    prefixes = {onto.cls(c).id_prefix: c for c in TECHNOLOGY_CLASSES}
    offices = onto.vocab("patentOffice").notations
    return load_search_expressions(paths, id_prefixes=prefixes, offices=offices)
