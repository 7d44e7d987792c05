"""Write endpoints behind API keys: ``POST /ingest``, ``POST /ontology/sync`` and
``POST /sparql/rebuild`` (which writes nothing to Neo4j, but does the work of a write).

Both run the same code as the CLI (``stkg ingest``, ``stkg ontology sync``) in a worker
thread, through the synchronous driver those functions take. The ingest pipeline (spaCy,
Kiwi) is imported inside the endpoint, so the API process starts without loading them and
only a deployment that ingests pays for them.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Query, UploadFile
from fastapi.responses import Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from stkg.api.deps import GraphDep, SettingsDep, SparqlStoreDep
from stkg.api.envelope import json_response
from stkg.api.problems import Problem
from stkg.api.routes.sparql import SparqlStatus, store_status
from stkg.api.security import UploadScopeDep, require_api_key
from stkg.api.uploads import BadIdentity, upload_origins
from stkg.graph.driver import Graph
from stkg.ingest.readers.formats import FORMATS, INGEST_SUFFIXES

if TYPE_CHECKING:
    from stkg.ingest.files import IngestReport

log = logging.getLogger("stkg.api")

router = APIRouter(tags=["write"], dependencies=[Depends(require_api_key)])

#: File types the readers handle: the formats registry's, as for folder ingest.
UPLOAD_SUFFIXES = INGEST_SUFFIXES
_KINDS = ", ".join(f.kind for f in FORMATS if f.ingest and f.reader)
_AUTH_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"description": "no API key"},
    403: {"description": "wrong API key"},
    404: {"description": "write endpoints disabled (STKG_API_KEYS unset)"},
}


class DocumentReport(BaseModel):
    file: str
    status: str = Field(description="written | unchanged | failed")
    document: str | None = Field(None, description="The SourceDocument's id (by content)")
    origin: str | None = Field(
        None,
        description="The document's identity across versions: its source URL, or "
        "`upload:<key scope>/<name>`",
    )
    superseded: str | None = Field(
        None, description="The id of the earlier version this upload replaced"
    )
    nodes: int
    relationships: int
    evidence: int
    created_nodes: int
    created_relationships: int
    warnings: list[str]
    error: str | None


class IngestAnswer(BaseModel):
    run_id: str
    totals: dict[str, int]
    documents: list[DocumentReport]


@router.post(
    "/ingest",
    response_model=IngestAnswer,
    summary="Ingest uploaded documents",
    description=f"Multipart upload of one or more documents ({_KINDS}), each written in "
    "its own transaction by the ingest pipeline. Answers the "
    "per-document report; a document already in the graph with the same content is "
    "`unchanged`. Needs an API key.\n\n"
    "Each upload is known by its `source_url`, else by its `name`, else by its file name, "
    "the last two within the caller's API key scope. A changed upload under the same "
    "identity supersedes the earlier version: the facts only that version asserted are "
    "retracted, as for a file ingested again from disk. `name` and `source_url` may be "
    "repeated, one per file in the order of `files` (an empty value: none for that file).",
    responses={
        **_AUTH_RESPONSES,
        415: {"description": "unsupported file type"},
        422: {"description": "bad name or source URL, or not one per file"},
    },
)
async def ingest(
    graph: GraphDep,
    scope: UploadScopeDep,
    files: Annotated[list[UploadFile], File(description="Documents to ingest")],
    name: Annotated[
        list[str] | None,
        Form(
            description="A stable name for the file (one per file, in order), e.g. "
            "`roadmaps/2025/plan.hwpx`; its versions supersede each other within your key's "
            "scope. Default: the file's own name."
        ),
    ] = None,
    source_url: Annotated[
        list[str] | None,
        Form(
            description="The http(s) URL the file was published at (one per file, in "
            "order): the document is known by it, as if ingested from that URL."
        ),
    ] = None,
    force: Annotated[bool, Query(description="Rewrite documents already ingested")] = False,
) -> IngestAnswer:
    with tempfile.TemporaryDirectory(prefix="stkg-upload-") as tmp:
        saved = [await _save(upload, Path(tmp), i) for i, upload in enumerate(files)]
        identities = _identities(scope, [file for _, file in saved], name, source_url)
        origins = {path: origin for (path, _), origin in zip(saved, identities, strict=True)}
        report = await run_in_threadpool(_ingest, [p for p, _ in saved], graph, force, origins)
        names = {str(path): file for path, file in saved}
        documents = [_document(d, names, tmp) for d in report.documents]
    return IngestAnswer(run_id=report.run_id, totals=report.totals(), documents=documents)


@router.post(
    "/ontology/sync",
    summary="Make Neo4j match the ontology",
    description="Lints the shipped ontology and applies constraints, indexes, schema "
    "nodes, reference data and migrations (`stkg ontology sync`); answers the plan that was "
    "carried out. `dry_run=true` only reports it. Needs an API key.",
    responses={**_AUTH_RESPONSES, 409: {"description": "the ontology has lint errors"}},
)
async def ontology_sync(
    graph: GraphDep,
    dry_run: Annotated[bool, Query(description="Report, change nothing")] = False,
) -> dict[str, Any]:
    from stkg.graph.schema import InvalidOntology, sync

    try:
        plan = await run_in_threadpool(sync, graph, None, dry_run=dry_run)
    except InvalidOntology as exc:
        issues = [str(i) for i in exc.issues]
        raise Problem(
            409, "Invalid ontology", "The ontology has lint errors; nothing changed.", issues=issues
        ) from exc
    return {"dryRun": dry_run, **plan.to_json()}


async def _save(upload: UploadFile, folder: Path, index: int) -> tuple[Path, str]:
    """Write one upload under its own name (in its own folder, so names may repeat)."""
    name = Path(upload.filename or "").name
    if not name or Path(name).suffix.lower() not in UPLOAD_SUFFIXES:
        raise Problem(
            415,
            "Unsupported file type",
            f"{name or '(no file name)'}: send one of {', '.join(sorted(UPLOAD_SUFFIXES))}.",
            file=name,
        )
    target = folder / str(index) / name
    target.parent.mkdir()
    target.write_bytes(await upload.read())
    return target, name


def _identities(
    scope: str, file_names: list[str], names: list[str] | None, urls: list[str] | None
) -> list[str]:
    """Each file's origin (``stkg.api.uploads``); 422 for a bad or missing one."""
    try:
        return upload_origins(scope, file_names, names, urls)
    except BadIdentity as exc:
        raise Problem(422, "Bad document identity", str(exc), file=exc.file) from None


def _ingest(paths: list[Path], graph: Graph, force: bool, origins: dict[Path, str]) -> IngestReport:
    from stkg.ingest.files import ingest_paths  # lazy: loads spaCy and Kiwi
    from stkg.ingest.followups import follow_up
    from stkg.ontology.model import load_ontology

    # the API's own graph and driver: no second connection pool in the API process
    onto = load_ontology()
    report = ingest_paths(paths, graph, onto, force=force, origins=origins)
    written = [d.document for d in report.documents if d.status == "written" and d.document]
    if written:
        # as `stkg ingest`: crosswalks follow new fields, expressions classify new patents
        followed = follow_up(graph, onto, written)
        if followed.expression_errors:
            log.warning("search expressions not used: %s", followed.expression_errors)
    return report


def _document(result: Any, names: dict[str, str], tmp: str) -> DocumentReport:
    """The loader's result, naming the uploaded file instead of its temporary copy."""
    name = names.get(str(result.path), Path(result.path).name)
    error = result.error.replace(str(result.path), name).replace(tmp, "") if result.error else None
    return DocumentReport(
        file=name,
        status=result.status,
        nodes=result.nodes,
        relationships=result.relationships,
        evidence=result.evidence,
        created_nodes=result.created_nodes,
        created_relationships=result.created_relationships,
        warnings=[w.replace(tmp, "") for w in result.warnings],
        error=error,
        document=result.document,
        origin=result.origin,
        superseded=result.superseded,
    )


@router.post(
    "/sparql/rebuild",
    response_model=SparqlStatus,
    summary="Rebuild the SPARQL store from Neo4j now",
    description="Builds this process's SPARQL store anew from the graph (`stkg.graph.sparql`), "
    "whatever version it holds, and answers its status. Queries rebuild it by themselves when "
    "the graph version moves; this is for when in doubt (a change made around stkg, which "
    "advanced no version). Needs an API key.",
    responses=_AUTH_RESPONSES,
)
async def sparql_rebuild(store: SparqlStoreDep, settings: SettingsDep) -> Response:
    await run_in_threadpool(store.rebuild)
    return json_response(await store_status(store, settings.neo4j_timeout))
