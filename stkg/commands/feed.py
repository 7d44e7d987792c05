"""`stkg feed add|list|remove|pull`: follow press-release feeds; and the web part of
`stkg ingest URL`.

Feeds are ``Feed`` nodes in the graph; every pull appends what happened to each URL to
``STKG_HOME/logs/feeds.jsonl`` (see docs/web-sources.md).
"""

from __future__ import annotations

import json
import sys
import time
from typing import Annotated

import typer
from rich.table import Table

from stkg.commands.followups import follow_up_payload, print_follow_ups, run_follow_ups
from stkg.config.settings import get_settings
from stkg.console import console, err_console, fail
from stkg.graph.driver import Graph
from stkg.ingest.followups import FollowUps
from stkg.ingest.readers import Limits
from stkg.ingest.web import FeedPuller, FeedStore, Fetcher, FetchPolicy, WebIngester, WebResult
from stkg.ingest.web.filters import DEFAULT_FIELDS, FIELDS, FilterError, ItemFilter
from stkg.ingest.web.pull import PullReport
from stkg.ingest.web.runlog import RunLog, feed_log_path
from stkg.ingest.web.store import FeedUrlError
from stkg.ontology.model import Ontology, load_ontology

app = typer.Typer(
    help="Follow RSS/Atom feeds (press releases) and ingest the items about roadmaps.",
    no_args_is_help=True,
)

_STYLE = {
    "written": "green",
    "unchanged": "dim",
    "fetched": "cyan",
    "filtered": "dim",
    "robots": "yellow",
    "ignored": "dim",
    "failed": "red",
    "dry-run": "cyan",
}


def is_url(arg: str) -> bool:
    return arg.startswith(("http://", "https://"))


def make_fetcher() -> Fetcher:
    return Fetcher(FetchPolicy.from_settings(get_settings()))


def ingest_urls(
    urls: list[str],
    graph: Graph | None,
    onto: Ontology,
    *,
    limits: Limits,
    dry_run: bool = False,
    force: bool = False,
) -> list[WebResult]:
    """`stkg ingest URL...`: each page with its attachments, or each file, from the web."""
    if not urls:
        return []
    results: list[WebResult] = []
    with make_fetcher() as fetcher:
        ingester = WebIngester(fetcher, onto, graph, limits=limits, dry_run=dry_run, force=force)
        for url in urls:
            results.extend(ingester.ingest(url))
    return results


def print_web_results(results: list[WebResult]) -> None:
    table = Table("url", "kind", "status", "entities", "evidence", "bytes", box=None)
    for r in results:
        style = _STYLE.get(r.status, "")
        table.add_row(
            r.url, r.kind, f"[{style}]{r.status}[/]", str(r.nodes), str(r.evidence), str(r.bytes)
        )
    console.print(table)
    for r in results:
        if r.status in ("failed", "robots", "ignored") and r.reason:
            colour = "red" if r.status == "failed" else "yellow"
            err_console.print(f"[{colour}]{r.status}:[/] {r.reason}", highlight=False)


@app.command()
def add(
    url: Annotated[str, typer.Argument(help="The feed's http(s) URL.", show_default=False)],
    keywords: Annotated[
        str | None,
        typer.Option(
            "--keywords",
            help="Comma-separated words an item must mention (default: STKG_FEED_KEYWORDS).",
        ),
    ] = None,
    fields: Annotated[
        str,
        typer.Option(
            "--fields", help=f"Item parts to search, comma-separated: {', '.join(FIELDS)}."
        ),
    ] = ",".join(DEFAULT_FIELDS),
) -> None:
    """Follow a feed (or change its filter). Example: stkg feed add URL --keywords 로드맵,특허"""
    words = [w.strip() for w in (keywords or "").split(",") if w.strip()]
    try:
        item_filter = ItemFilter.build(words, fields.split(","))
        feed = _store().add(url, list(item_filter.keywords), list(item_filter.fields))
    except (FeedUrlError, FilterError) as exc:
        fail(str(exc))
    shown = ", ".join(feed.keywords) or "default (" + ", ".join(get_settings().feed_keywords) + ")"
    console.print(
        f"following {feed.url} ({feed.id}); keywords: {shown}; fields: {', '.join(feed.fields)}"
    )


@app.command(name="list")
def list_feeds(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The feeds followed, their filters and when they were last polled."""
    feeds = _store().feeds()
    if as_json:
        rows = [{**f.__dict__, "last_polled": f.last_polled} for f in feeds]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    if not feeds:
        console.print("no feeds yet; add one with `stkg feed add URL`")
        return
    table = Table("url", "name", "keywords", "fields", "last polled", box=None)
    default = "(default)"
    for f in feeds:
        polled = f.last_polled.isoformat(timespec="seconds") if f.last_polled else "never"
        table.add_row(
            f.url, f.name or "", ", ".join(f.keywords) or default, ", ".join(f.fields), polled
        )
    console.print(table)


@app.command()
def remove(url: Annotated[str, typer.Argument(help="The feed's URL.", show_default=False)]) -> None:
    """Stop following a feed (the documents already ingested stay)."""
    if not _store().remove(url):
        fail(f"no feed {url}; see `stkg feed list`")
    console.print(f"no longer following {url}")


@app.command()
def pull(
    once: Annotated[bool, typer.Option("--once", help="Poll once and exit.")] = False,
    interval: Annotated[
        float | None,
        typer.Option("--interval", min=1.0, help="Seconds between polls (STKG_FEED_INTERVAL)."),
    ] = None,
    only: Annotated[
        list[str] | None, typer.Option("--feed", help="Poll only this feed URL (repeatable).")
    ] = None,
    max_mb: Annotated[
        float, typer.Option("--max-mb", min=0.001, help="Refuse downloads larger than this.")
    ] = 50.0,
    as_json: Annotated[bool, typer.Option("--json", help="Print each poll as JSON.")] = False,
) -> None:
    """Poll the feeds and ingest new or changed items that pass their keyword filter.

    Without --once it polls every --interval seconds until interrupted. Every URL touched
    is logged to STKG_HOME/logs/feeds.jsonl.
    """
    settings = get_settings()
    wait = interval or settings.feed_interval
    graph = Graph.from_settings()
    onto = load_ontology()
    store = FeedStore(graph, onto)
    log = RunLog(feed_log_path(settings))
    limits = Limits(max_bytes=int(max_mb * 2**20))
    while True:
        feeds = [f for f in store.feeds() if not only or f.url in only]
        if not feeds:
            fail("no feeds to pull; add one with `stkg feed add URL`")
        with make_fetcher() as fetcher:
            ingester = WebIngester(fetcher, onto, graph, limits=limits)
            puller = FeedPuller(ingester, store, default_keywords=settings.feed_keywords, log=log)
            report = puller.pull(feeds)
        # as `stkg ingest`: crosswalks follow new fields, expressions classify new patents
        _print_pull(report, as_json, run_follow_ups(graph, onto, [], report.results))
        if once:
            if report.failed:
                raise typer.Exit(1)
            return
        time.sleep(wait)


def _print_pull(report: PullReport, as_json: bool, followed: FollowUps | None = None) -> None:
    summary = {
        "totals": report.totals(),
        "items": report.items_seen,
        "items_ingested": report.items_ingested,
        "seconds": round(report.seconds, 3),
    }
    if as_json:
        payload = {
            **summary,
            "results": [r.as_dict() for r in report.results],
            **follow_up_payload(followed),
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, default=str) + "\n")
        return
    print_web_results(report.results)
    totals = ", ".join(f"{n} {status}" for status, n in sorted(report.totals().items()))
    console.print(
        f"{report.items_seen} item(s), {report.items_ingested} fetched; {totals} "
        f"({report.seconds:.1f} s)"
    )
    if followed is not None:
        print_follow_ups(followed)


def _store() -> FeedStore:
    return FeedStore(Graph.from_settings(), load_ontology())
