"""The named-query catalogue: ``queries/*.cypher`` files with a YAML header.

Like Datasette's canned queries, each file is both a query an analyst can paste into
Neo4j Browser unchanged (the header is a Cypher block comment) and an API endpoint with
typed, validated parameters generated from that header. Adding a file adds an endpoint
and a ``stkg query`` name; no Python changes.

A header looks like::

    /*
    name: field-history
    title: History of a strategic field
    description: Names, sector, product counts and the change at each edition.
    params:
      field: {type: string, description: "Field id or name", example: "드론"}
      limit: {type: integer, default: 100, minimum: 1, maximum: 1000}
      as_of: {type: date, default: null, description: "A day, YYYY-MM-DD"}
    */

A ``date`` parameter takes only ``YYYY-MM-DD`` and reaches Cypher as a ``Date``. Its
default may be ``today``: the day (UTC, as Neo4j's ``date()``) the query is bound, so a
query never reads the clock itself and a caller can always name the day instead.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, create_model

_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_day(value: object) -> object:
    """Only ``YYYY-MM-DD``: pydantic alone also takes ``0`` (a Unix time) for a date."""
    if isinstance(value, str) and not _DAY.fullmatch(value):
        raise ValueError("a day is written YYYY-MM-DD")
    return value


#: A day written ``YYYY-MM-DD`` (the ``as_of`` of the API and of the named queries).
Day = Annotated[dt.date, BeforeValidator(_iso_day)]

#: The default of a ``date`` parameter that stands for the day the query is bound.
TODAY = "today"


def today() -> dt.date:
    """The day a ``default: today`` parameter takes: today in UTC, the time zone Neo4j's
    ``date()`` uses by default."""
    return dt.datetime.now(dt.UTC).date()


ParamType = Literal["string", "integer", "number", "boolean", "list", "date"]
_PY_TYPES: dict[str, Any] = {
    "string": str,
    "integer": int,
    "number": float,
    "boolean": bool,
    "list": list[str],
    "date": Day,
}
_HEADER = re.compile(r"\A\s*/\*(?P<yaml>.*?)\*/", re.S)
_NAME = re.compile(r"^[a-z][a-z0-9-]*$")


class CatalogError(ValueError):
    """A query file whose header cannot be used, naming the file."""


@dataclass(frozen=True)
class Param:
    name: str
    type: ParamType
    description: str = ""
    default: Any = None
    required: bool = False
    example: Any = None
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[Any, ...] | None = None


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    cypher: str
    path: Path
    params: tuple[Param, ...] = field(default_factory=tuple)
    example: str = ""

    def model(self, *, forbid_extra: bool = True) -> type[BaseModel]:
        """A pydantic model of the parameters (FastAPI renders it into OpenAPI).

        The API shares the query string with its own ``_size``/``_format`` options, so it
        asks for a model that ignores names it does not know.
        """
        fields: dict[str, Any] = {}
        for p in self.params:
            constraints: dict[str, Any] = {"description": p.description or None}
            if p.minimum is not None:
                constraints["ge"] = p.minimum
            if p.maximum is not None:
                constraints["le"] = p.maximum
            if p.example is not None:
                constraints["examples"] = [p.example]
            py_type: Any = _PY_TYPES[p.type]
            if p.choices:
                py_type = Literal[p.choices]  # type: ignore[valid-type]
            if p.required:
                fields[p.name] = (py_type, Field(..., **constraints))
            elif p.default == TODAY:
                fields[p.name] = (py_type, Field(default_factory=today, **constraints))
            else:
                fields[p.name] = (py_type | None, Field(p.default, **constraints))
        model_name = "".join(part.title() for part in self.name.split("-")) + "Params"
        return create_model(  # type: ignore[call-overload,no-any-return]
            model_name,
            __config__=ConfigDict(extra="forbid" if forbid_extra else "ignore"),
            **fields,
        )

    def bind(self, raw: dict[str, Any]) -> dict[str, Any]:
        """Validate raw values (strings from a CLI or URL) into typed Cypher parameters."""
        return self.model().model_validate(raw).model_dump()


def parse_query_file(path: Path) -> NamedQuery:
    """Read one ``.cypher`` file; a bad header raises CatalogError naming the file."""
    text = path.read_text(encoding="utf-8")
    match = _HEADER.match(text)
    if not match:
        raise CatalogError(f"{path}: no /* ... */ header with name, description and params")
    try:
        header = yaml.safe_load(match.group("yaml")) or {}
    except yaml.YAMLError as exc:
        raise CatalogError(f"{path}: the header is not valid YAML: {exc}") from exc
    if not isinstance(header, dict):
        raise CatalogError(f"{path}: the header must be a YAML mapping")
    name = str(header.get("name") or path.stem)
    if not _NAME.match(name):
        raise CatalogError(f"{path}: query name {name!r} must be lower-case-with-dashes")
    if name != path.stem:
        raise CatalogError(f"{path}: the name {name!r} must equal the file name")
    params = tuple(_param(path, k, v) for k, v in (header.get("params") or {}).items())
    cypher = text[match.end() :].strip()
    for p in params:
        if f"${p.name}" not in cypher:
            raise CatalogError(f"{path}: parameter {p.name!r} is declared but never used")
    return NamedQuery(
        name=name,
        title=str(header.get("title") or name),
        description=str(header.get("description") or "").strip(),
        cypher=cypher,
        path=path,
        params=params,
        example=str(header.get("example") or "").strip(),
    )


def _param(path: Path, name: str, spec: Any) -> Param:
    spec = spec if isinstance(spec, dict) else {"type": spec}
    kind = spec.get("type", "string")
    if kind not in _PY_TYPES:
        raise CatalogError(f"{path}: parameter {name!r} has unknown type {kind!r}")
    choices = spec.get("enum")
    if spec.get("default") == TODAY and kind != "date":
        raise CatalogError(f"{path}: only a date parameter can default to {TODAY!r}")
    return Param(
        name=name,
        type=kind,
        description=str(spec.get("description", "")),
        default=spec.get("default"),
        required=bool(spec.get("required", "default" not in spec)),
        example=spec.get("example"),
        minimum=spec.get("minimum"),
        maximum=spec.get("maximum"),
        choices=tuple(choices) if choices else None,
    )


def queries_dir() -> Path:
    return Path(str(resources.files("stkg.queries")))


@lru_cache(maxsize=4)
def load_catalog(directory: Path | None = None) -> dict[str, NamedQuery]:
    """Every named query in the folder, by name."""
    folder = directory or queries_dir()
    catalog: dict[str, NamedQuery] = {}
    for path in sorted(folder.glob("*.cypher")):
        query = parse_query_file(path)
        catalog[query.name] = query
    return catalog


def format_errors(exc: ValidationError) -> list[dict[str, Any]]:
    """Field-level parameter errors in the shape problem+json bodies carry."""
    return [
        {"param": ".".join(str(x) for x in e["loc"]), "msg": e["msg"], "type": e["type"]}
        for e in exc.errors()
    ]
