"""`stkg eval`: score extraction on the real corpus against hand-checked gold facts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from stkg.console import console, fail
from stkg.ingest.evaluation.gold import CATEGORIES, GoldError, load_gold
from stkg.ingest.evaluation.run import Evaluation, corpus_files, evaluate
from stkg.ingest.evaluation.score import CategoryScore, totals
from stkg.ontology.model import load_ontology

SPLITS = ("dev", "test", "negatives")


def eval_(
    corpus: Annotated[
        Path,
        typer.Option(envvar="STKG_CORPUS_DIR", help="Folder with dev/, test/ and negatives/."),
    ] = Path("../shared/corpus/real"),
    gold_dir: Annotated[Path, typer.Option("--gold", help="Folder of gold YAML files.")] = Path(
        "tests/corpus/gold"
    ),
    splits: Annotated[
        list[str] | None,
        typer.Option("--split", help="Split(s) to score (repeatable; default: all)."),
    ] = None,
    in_memory: Annotated[
        bool,
        typer.Option(
            "--in-memory",
            help="Score the extracted facts without writing them (fast; no Neo4j).",
        ),
    ] = False,
    uri: Annotated[
        str | None,
        typer.Option(help="Use this scratch Neo4j (it is EMPTIED first) instead of starting one."),
    ] = None,
    misses: Annotated[bool, typer.Option("--misses", help="List every mismatch.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Ingest the real corpus into a scratch database and print precision and recall per
    category, per split and per document, against the gold files.

    The scratch database is a local Neo4j of its own (started on port 7691 under the stkg
    home, stopped afterwards) unless --uri names one; the graph `stkg up` serves is never
    touched.

    Example: stkg eval --split dev --misses
    """
    splits = splits or list(SPLITS)
    unknown = set(splits) - set(SPLITS)
    if unknown:
        fail(f"unknown split(s) {sorted(unknown)}; choose from {list(SPLITS)}")
    try:
        gold = load_gold(gold_dir)
    except GoldError as exc:
        fail(f"bad gold file: {exc}")
    files = corpus_files(corpus, gold, splits)
    if not files:
        fail(f"no documents with gold facts found under {corpus} for {splits}")
    onto = load_ontology()
    if in_memory:
        result = evaluate(files, gold, onto, None)
    else:
        from stkg.ingest.evaluation.scratch import scratch_graph

        with scratch_graph(uri) as graph:
            result = evaluate(files, gold, onto, graph)
    if as_json:
        console.print_json(json.dumps(_as_dict(result)))
    else:
        _print(result, splits, misses)
    if result.failed:
        raise typer.Exit(1)


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


def _row(score: CategoryScore) -> list[str]:
    return [_pct(score.precision), _pct(score.recall), str(score.tp), str(score.fp), str(score.fn)]


def _print(result: Evaluation, splits: list[str], misses: bool) -> None:
    for split in splits:
        docs = [s for s in result.scores if s.split == split]
        if not docs:
            continue
        table = Table(title=f"{split} split: {len(docs)} documents")
        for col in ("category", "precision %", "recall %", "tp", "fp", "fn"):
            table.add_column(col, justify="left" if col == "category" else "right")
        for category, score in totals(docs).items():
            table.add_row(category, *_row(score))
        console.print(table)
        per_doc = Table(title=f"{split} split per document")
        for col in ("document", "precision %", "recall %", "tp", "fp", "fn"):
            per_doc.add_column(col, justify="left" if col == "document" else "right")
        for doc in docs:
            per_doc.add_row(doc.document[:48], *_row(doc.total()))
        console.print(per_doc)
    if misses:
        for doc in result.scores:
            for category in CATEGORIES:
                score = doc.categories[category]
                for item in score.missed:
                    console.print(
                        f"[red]missed[/]   {doc.document[:32]} {category}: {_short(item)}"
                    )
                for item in score.spurious:
                    console.print(
                        f"[yellow]spurious[/] {doc.document[:32]} {category}: {_short(item)}"
                    )
    for name, error in result.failed:
        console.print(f"[red]failed[/] {name}: {error}")


def _short(item: object) -> str:
    dump = getattr(item, "model_dump", None)
    data = dump(by_alias=True, exclude_defaults=True) if dump else item
    return json.dumps(data, ensure_ascii=False)


def _as_dict(result: Evaluation) -> dict[str, object]:
    splits = sorted({s.split for s in result.scores})
    return {
        "splits": {
            split: {
                c: {
                    "precision": s.precision,
                    "recall": s.recall,
                    "tp": s.tp,
                    "fp": s.fp,
                    "fn": s.fn,
                }
                for c, s in totals([d for d in result.scores if d.split == split]).items()
            }
            for split in splits
        },
        "documents": [
            {
                "document": d.document,
                "split": d.split,
                "precision": d.total().precision,
                "recall": d.total().recall,
            }
            for d in result.scores
        ],
        "failed": [{"document": n, "error": e} for n, e in result.failed],
    }
