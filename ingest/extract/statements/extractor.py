"""Release-shaped prose statements: editions, programme links, roles, the patent method."""

from __future__ import annotations

from stkg.ingest.extract.base import Source
from stkg.ingest.extract.statements.facts import build_statement_facts


class Statements:
    name = "statements"
    needs_nlp = False
    needs_topic = False

    def __call__(self, source: Source) -> None:
        if not source.text.strip():
            return
        statements = source.statements
        build_statement_facts(source.ctx, statements)
        source.ctx.facts.warnings.extend(w.message for w in statements.warnings)
