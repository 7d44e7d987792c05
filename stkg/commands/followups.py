"""The follow-ups of writing documents as the commands that write them report them
(``stkg ingest``, ``stkg feed pull``): run, printed, and as JSON."""

from __future__ import annotations

from dataclasses import asdict

from stkg.console import console, err_console
from stkg.graph.driver import Graph
from stkg.ingest.files import DocumentResult
from stkg.ingest.followups import FollowUps, follow_up
from stkg.ingest.web import WebResult
from stkg.ontology.model import Ontology


def run_follow_ups(
    graph: Graph | None, onto: Ontology, documents: list[DocumentResult], web: list[WebResult]
) -> FollowUps | None:
    """Crosswalks follow the new fields, the search expressions classify the new patents:
    after any document was written, from a file or a URL."""
    written = [d.document for d in documents if d.status == "written" and d.document]
    written += [r.document_id for r in web if r.status == "written" and r.document_id]
    return follow_up(graph, onto, written) if graph is not None and written else None


def print_follow_ups(followed: FollowUps) -> None:
    crosswalks, classified = followed.crosswalks, followed.classification
    console.print(
        f"crosswalks: {crosswalks.stated} stated, {crosswalks.reviewed} reviewed, "
        f"{crosswalks.proposed} proposed mapping(s) over {len(crosswalks.pairs)} "
        "edition pair(s)"
    )
    if classified is not None:
        console.print(
            f"patents classified: {classified.added} link(s) added, {classified.changed} "
            f"changed, {classified.removed} removed"
        )
    if followed.expression_errors:
        err_console.print(
            f"[yellow]search expressions not used[/] (nothing classified):\n"
            f"{followed.expression_errors}"
        )


def follow_up_payload(followed: FollowUps | None) -> dict[str, object]:
    """The follow-ups in a JSON report: ``crosswalks`` and, when patents were classified,
    ``classification``."""
    if followed is None:
        return {}
    payload: dict[str, object] = {"crosswalks": asdict(followed.crosswalks)}
    classified = followed.classification
    if classified is not None:
        payload["classification"] = {
            "run": classified.run,
            "added": classified.added,
            "changed": classified.changed,
            "removed": classified.removed,
        }
    return payload
