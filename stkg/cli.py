"""The `stkg` command line: one Typer app, one sub-module per command group."""

from __future__ import annotations

import typer

import stkg.commands.analyse as analyse
from stkg.commands import (
    backup,
    crosswalk,
    eval,
    feed,
    ingest,
    lineage,
    neo4j,
    ontology,
    patents,
    query,
    rdf,
    review,
    service,
    sparql,
)

app = typer.Typer(
    name="stkg",
    help="A knowledge graph of Korea's strategic-technology roadmaps.\n\n"
    "Quick start: `stkg up` starts a local Neo4j and the API; `stkg status` shows the graph. "
    "Settings come from NEO4J_* and STKG_* environment variables (see docs/configuration.md).",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)
app.add_typer(neo4j.app, name="neo4j")
app.add_typer(ontology.app, name="ontology")
app.add_typer(analyse.app, name="analyse")
app.add_typer(patents.app, name="patents")
app.add_typer(feed.app, name="feed")
app.add_typer(review.app, name="review")
app.add_typer(crosswalk.app, name="crosswalk")
app.command()(service.status)
app.command()(service.serve)
app.command()(service.up)
app.command()(service.down)
app.command()(query.query)
app.command()(lineage.lineage)
app.command()(rdf.validate)
app.command()(rdf.export)
app.command(name="import-rdf")(rdf.import_rdf)
app.command()(sparql.sparql)
app.command()(ingest.ingest)
app.command(name="eval")(eval.eval_)
app.command()(backup.backup)
app.command()(backup.restore)


if __name__ == "__main__":
    app()
