"""``/sparql``: a read-only SPARQL 1.1 Protocol endpoint over the instance graph.

GET ``?query=``, POST a form (``query=``) or POST the query itself
(``application/sparql-query``). SELECT and ASK answer SPARQL 1.1 Query Results in JSON
(the default), XML, CSV or TSV; CONSTRUCT and DESCRIBE answer Turtle (the default),
JSON-LD or N-Triples. The ``Accept`` header picks one, or the ``format`` parameter.

The store and its freshness are :mod:`stkg.graph.sparql`'s: each answer comes from a
store holding the graph version read when the query arrived (rebuilt first when the
graph moved on: the documents written since reloaded, or the whole store rebuilt when
something else was written), named in ``STKG-Graph-Version``. ``GET /sparql/status`` says
how far the store is behind the graph, how it last caught up and what the next query will
do, without changing it. At most ``STKG_SPARQL_CONCURRENCY``
queries are evaluated at once (one more: 429); updates and ``SERVICE`` answer 400, a
query past ``STKG_SPARQL_TIMEOUT`` 408, every error as problem+json.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Annotated, Any, Literal

import anyio.to_thread
from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from stkg.api.analyst import Slot
from stkg.api.deps import SettingsDep, SparqlSlotDep, SparqlStoreDep
from stkg.api.envelope import json_response
from stkg.api.problems import Problem
from stkg.graph.sparql import (
    GRAPH_FORMATS,
    RESULT_FORMATS,
    SparqlAnswer,
    SparqlError,
    SparqlStore,
    SparqlSyntaxError,
    SparqlTimeout,
    StoreStatus,
    Sync,
    SyncPlan,
    render,
)

router = APIRouter(tags=["sparql"])

#: The ``application/sparql-query`` body of a POST (SPARQL 1.1 Protocol §2.1.3).
SPARQL_QUERY = "application/sparql-query"
FORM = "application/x-www-form-urlencoded"
#: Media types clients send for a format, beyond its own (``application/json`` and so on).
_ALIASES = {
    "application/json": ("json", "jsonld"),
    "application/xml": ("xml", None),
    "text/xml": ("xml", None),
    "application/x-turtle": (None, "ttl"),
    "text/plain": (None, "nt"),
}
_HEADER_DOC = {
    "STKG-Graph-Version": "The graph version the store answering held: the number of "
    "committed writes, or `none` for a graph without a version node",
    "STKG-Truncated": "`true` when the answer was cut at STKG_SPARQL_MAX_ROWS",
}
_RESULTS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "SPARQL 1.1 Query Results JSON: `head.vars` and `results.bindings` "
    "(SELECT), or `boolean` (ASK)",
    "required": ["head"],
    "properties": {
        "head": {"type": "object"},
        "results": {"type": "object"},
        "boolean": {"type": "boolean"},
    },
}
_TEXT = {"type": "string"}
_OK_CONTENT: dict[str, Any] = {
    RESULT_FORMATS["json"]: {"schema": _RESULTS_SCHEMA},
    **{RESULT_FORMATS[f]: {"schema": _TEXT} for f in ("xml", "csv", "tsv")},
    GRAPH_FORMATS["ttl"]: {"schema": _TEXT},
    GRAPH_FORMATS["jsonld"]: {"schema": {"description": "JSON-LD (expanded form)"}},
    GRAPH_FORMATS["nt"]: {"schema": _TEXT},
}
_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "SELECT/ASK: SPARQL results (JSON, XML, CSV, TSV); CONSTRUCT/DESCRIBE: "
        "RDF (Turtle, JSON-LD, N-Triples)",
        "content": _OK_CONTENT,
        "headers": {
            name: {"description": text, "required": True, "schema": {"type": "string"}}
            for name, text in _HEADER_DOC.items()
        },
    },
    400: {
        "description": "not a SPARQL query, an update, SERVICE, a format that does not fit, "
        "or default-graph-uri / named-graph-uri (one default graph only)"
    },
    408: {"description": "the query ran past STKG_SPARQL_TIMEOUT"},
    415: {"description": "a POST body that is neither a form nor application/sparql-query"},
    429: {"description": "every SPARQL slot is taken; see Retry-After"},
}
_DESCRIPTION = (
    "SPARQL 1.1 Protocol, read-only, over the instance graph as `stkg export` writes it, the "
    "ontology files, and RDFS subclass and subproperty entailment (a query for "
    "`stkg:Entity` finds products). Answers come from a store holding the "
    "graph as of the query's arrival (rebuilt first when the graph version moved). SELECT "
    "and ASK: `application/sparql-results+json` (default), `application/sparql-results+xml`, "
    "`text/csv`, `text/tab-separated-values`; CONSTRUCT and DESCRIBE: `text/turtle` "
    "(default), `application/ld+json`, `application/n-triples` — by `Accept` or `format`. "
    "Updates and SERVICE are refused (400); at most STKG_SPARQL_MAX_ROWS rows per answer."
)

FormatParam = Annotated[
    str | None,
    Query(
        pattern=f"^({'|'.join([*RESULT_FORMATS, *GRAPH_FORMATS])})$",
        description="Answer format, overriding Accept: json, xml, csv, tsv (SELECT, ASK); "
        "ttl, jsonld, nt (CONSTRUCT, DESCRIBE)",
    ),
]


def _accepted(accept: str) -> list[str]:
    """The media ranges of an ``Accept`` header, most preferred first (q=0 dropped)."""
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        if media and q > 0:
            ranked.append((-q, i, media.lower()))
    return [m for _, _, m in sorted(ranked)]


def negotiate(accept: str, fmt: str | None, kind: str) -> str:
    """The format to answer ``kind`` (``select``, ``ask``, ``graph``) in."""
    formats = GRAPH_FORMATS if kind == "graph" else RESULT_FORMATS
    if fmt is not None:
        if fmt not in formats:
            which = "CONSTRUCT and DESCRIBE" if fmt in GRAPH_FORMATS else "SELECT and ASK"
            raise Problem(
                400,
                "Format does not fit the query",
                f"format={fmt} is for {which} answers; this query answers "
                f"{'RDF' if kind == 'graph' else 'SPARQL results'}: one of "
                f"{', '.join(formats)}.",
            )
        return fmt
    for media in _accepted(accept):
        for name, own in formats.items():
            if media in (own, "*/*") or media == own.split("/")[0] + "/*":
                return name
        alias = _ALIASES.get(media)
        if alias is not None:
            name = alias[1] if kind == "graph" else alias[0]
            if name is not None:
                return name
    return next(iter(formats))


#: The protocol's dataset parameters: the store has one default graph, so they are refused
#: rather than ignored (an answer over another dataset than asked for would mislead).
DATASET_PARAMETERS = ("default-graph-uri", "named-graph-uri")


def _no_dataset(names: Iterable[str]) -> None:
    given = sorted(set(names) & set(DATASET_PARAMETERS))
    if given:
        raise Problem(
            400,
            "Dataset parameters not supported",
            f"{', '.join(given)}: this endpoint answers over its one default graph (the "
            "instance graph, the ontology and their entailments); leave them out.",
        )


async def _answer(
    request: Request,
    store: SparqlStore,
    slot: Slot,
    settings: SettingsDep,
    query: str | None,
    fmt: str | None,
) -> Response:
    _no_dataset(request.query_params.keys())
    if not query or not query.strip():
        raise Problem(400, "No SPARQL query", "Send the query as `query` (or as the POST body).")
    timeout, max_rows = settings.sparql_timeout, settings.sparql_max_rows

    def evaluate() -> tuple[SparqlAnswer, StoreStatus]:
        return store.query(query, max_rows=max_rows, timeout=timeout)

    try:
        # the thread keeps the slot until Oxigraph is done, even past the timeout
        answer, status = await asyncio.wait_for(
            anyio.to_thread.run_sync(slot.hold(evaluate), abandon_on_cancel=True), timeout
        )
    except (TimeoutError, SparqlTimeout):
        raise Problem(
            408,
            "SPARQL query timed out",
            f"The query ran past its timeout ({timeout:g}s, STKG_SPARQL_TIMEOUT).",
        ) from None
    except SparqlSyntaxError as exc:
        raise Problem(400, exc.title, str(exc), line=exc.line, column=exc.column) from None
    except SparqlError as exc:
        raise Problem(400, exc.title, str(exc)) from None
    name = negotiate(request.headers.get("accept", ""), fmt, answer.kind)
    formats = GRAPH_FORMATS if answer.kind == "graph" else RESULT_FORMATS
    media = formats[name]
    charset = "" if media.endswith("json") else "; charset=utf-8"
    headers = {
        "STKG-Graph-Version": str(status.version.number) if status.version else "none",
        "STKG-Truncated": "true" if answer.truncated else "false",
        "Vary": "Accept",
    }
    return Response(render(answer, name), media_type=media + charset, headers=headers)


@router.get(
    "/sparql",
    summary="SPARQL 1.1 query (GET)",
    description=_DESCRIPTION,
    response_class=Response,
    responses=_RESPONSES,
)
async def sparql_get(
    request: Request,
    store: SparqlStoreDep,
    slot: SparqlSlotDep,
    settings: SettingsDep,
    query: Annotated[str, Query(min_length=1, max_length=100_000, description="The query")],
    fmt: Annotated[FormatParam, Query(alias="format")] = None,
) -> Response:
    return await _answer(request, store, slot, settings, query, fmt)


@router.post(
    "/sparql",
    summary="SPARQL 1.1 query (POST: a form, or the query as the body)",
    description=_DESCRIPTION,
    response_class=Response,
    responses=_RESPONSES,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                FORM: {
                    "schema": {
                        "type": "object",
                        "required": ["query"],
                        "properties": {"query": {"type": "string", "minLength": 1}},
                    }
                },
                SPARQL_QUERY: {"schema": {"type": "string", "minLength": 1}},
            },
        }
    },
)
async def sparql_post(
    request: Request,
    store: SparqlStoreDep,
    slot: SparqlSlotDep,
    settings: SettingsDep,
    fmt: Annotated[FormatParam, Query(alias="format")] = None,
) -> Response:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == SPARQL_QUERY:
        try:
            query: str | None = (await request.body()).decode("utf-8")
        except UnicodeDecodeError:
            raise Problem(400, "Invalid SPARQL", "The query is not UTF-8.") from None
    elif media == FORM:
        form = await request.form()
        _no_dataset(form.keys())
        value = form.get("query")
        query = value if isinstance(value, str) else None
    else:
        raise Problem(
            415,
            "Unsupported media type",
            f"POST the query as {FORM} (query=…) or as {SPARQL_QUERY}.",
        )
    return await _answer(request, store, slot, settings, query, fmt)


class SyncInfo(BaseModel):
    """One catch-up of the store with the graph."""

    mode: Literal["full", "incremental"] = Field(
        description="`full`: rebuilt from the whole graph; `incremental`: only what the "
        "writes since named reloaded (their documents' families and the nodes they changed)"
    )
    at: str = Field(description="When it finished (UTC, ISO 8601)")
    seconds: float = Field(description="How long it took (the Neo4j reads included)")
    documents: int = Field(description="Documents reloaded (incremental)")
    nodes: int = Field(description="Nodes reloaded (incremental)")
    reason: str = Field(description="Why it was done this way")


class NextSync(BaseModel):
    """What the next query does before it answers."""

    mode: Literal["none", "full", "incremental"] = Field(
        description="`none`: the store is current; `incremental`: every write since "
        "named what it changed, and it will reload that (the `documents`' families, the "
        "nodes of `classes`, the `nodes` named, and their neighbours); `full`: it will "
        "rebuild (see `reason`)"
    )
    documents: int | None = Field(description="Documents written since (incremental)")
    classes: list[str] | None = Field(
        default=None,
        description="Classes whose nodes the writes since changed (incremental; local names)",
    )
    nodes: int | None = Field(
        default=None,
        description="Nodes the writes since named as changed (incremental; reviews, "
        "classifications, judged samples, stored indicators, web re-links, feed records)",
    )
    reason: str | None = Field(description="Why a full rebuild (full)")


class SparqlStatus(BaseModel):
    """How the SPARQL store stands against the graph."""

    graph_version: int | None = Field(
        description="The graph's version now (committed writes); null: no version node"
    )
    store_version: int | None = Field(
        description="The version the store holds; null: not built yet, or no version node"
    )
    behind: int | None = Field(
        description="Writes the store has not seen (graph − store); the next query "
        "catches it up first (`next_sync`). Null when either version is unknown"
    )
    current: bool | None = Field(
        description="The store holds the graph's version now; null when the graph has no "
        "version node (then nothing tells whether it changed)"
    )
    built_at: str | None = Field(description="When the store was built (UTC, ISO 8601)")
    build_seconds: float | None = Field(description="How long that build took")
    triples: int | None = Field(description="Triples in the store, entailed ones included")
    entailed_triples: int | None = Field(
        description="Triples RDFS entailment added at the last full build"
    )
    last_sync: SyncInfo | None = Field(
        description="How the store last caught up with the graph; null: not built yet"
    )
    next_sync: NextSync = Field(description="What the next query will do to catch up")
    rebuilds: int = Field(description="Full rebuilds this store made since the API started")
    incremental_syncs: int = Field(
        description="Incremental syncs (what the writes named reloaded) this store made since "
        "the API started"
    )


@router.get(
    "/sparql/status",
    summary="How far the SPARQL store is behind the graph",
    response_model=SparqlStatus,
)
async def sparql_status(store: SparqlStoreDep, settings: SettingsDep) -> Response:
    return json_response(await store_status(store, settings.neo4j_timeout))


async def store_status(store: SparqlStore, timeout: float) -> SparqlStatus:
    """The store's status against the graph's version read now."""

    def read() -> Any:
        return store.lag(timeout=timeout)

    graph_version, plan = await anyio.to_thread.run_sync(read)
    built = store.status
    held = built.version if built else None
    behind = graph_version.number - held.number if graph_version and held else None
    current: bool | None = None
    if graph_version is not None:
        current = held is not None and graph_version.tag == held.tag
    return SparqlStatus(
        graph_version=graph_version.number if graph_version else None,
        store_version=held.number if held else None,
        behind=behind,
        current=current,
        built_at=built.built_at.isoformat() if built else None,
        build_seconds=round(built.build_seconds, 3) if built else None,
        triples=built.triples if built else None,
        entailed_triples=built.entailed if built else None,
        last_sync=_sync_info(built.last_sync) if built and built.last_sync else None,
        next_sync=_next_sync(plan),
        rebuilds=store.rebuilds,
        incremental_syncs=store.incremental_syncs,
    )


def _sync_info(sync: Sync) -> SyncInfo:
    return SyncInfo(
        mode=sync.mode,
        at=sync.at.isoformat(),
        seconds=round(sync.seconds, 4),
        documents=sync.documents,
        nodes=sync.nodes,
        reason=sync.reason,
    )


def _next_sync(plan: SyncPlan | str) -> NextSync:
    if isinstance(plan, str):
        return NextSync(mode="full", documents=None, reason=plan)
    if not plan:
        return NextSync(mode="none", documents=0, classes=[], nodes=0, reason=None)
    return NextSync(
        mode="incremental",
        documents=len(plan.documents),
        classes=list(plan.classes),
        nodes=len(plan.nodes),
        reason=None,
    )
