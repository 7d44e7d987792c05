"""Release-shaped prose statements: editions, programme links, roles, the patent method."""

from __future__ import annotations

from stkg.ingest.extract.base import Source
from stkg.ingest.extract.statements.facts import build_statement_facts


class Statements:
    name = "statements"
    needs_nlp = False
    # off the topic (a tourism ministry's release defining 문체부), a statement states nothing
    needs_topic = True

    def __call__(self, source: Source) -> None:
        if not source.text.strip():
            return
        statements = source.statements
        build_statement_facts(source.ctx, statements)
        source.ctx.facts.warnings.extend(w.message for w in statements.warnings)
