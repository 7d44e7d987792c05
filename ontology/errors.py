"""Exceptions raised while reading the ontology.

Each carries the file (and, for syntax errors, the line and column) so that a maintainer
who broke a Turtle file is sent straight to the place, and code that asks for a schema
name the ontology does not define fails loudly instead of writing a misspelt label.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["OntologyError", "OntologySyntaxError", "UnknownTerm"]


class OntologyError(Exception):
    """Base class of every error about the ontology files or their terms."""


class OntologySyntaxError(OntologyError):
    """A Turtle file does not parse; ``line`` and ``column`` are 1-based."""

    def __init__(self, file: Path, line: int | None, column: int | None, reason: str) -> None:
        self.file = Path(file)
        self.line = line
        self.column = column
        self.reason = reason
        where = str(self.file)
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: Turtle syntax error: {reason}")


class UnknownTerm(OntologyError, LookupError):
    """Code asked for a class, property or vocabulary the ontology does not define.

    ``kind`` says what was asked for ("class", "object property", ...); ``hint`` names a
    replacement when the term is deprecated or a close spelling exists.
    """

    def __init__(self, kind: str, name: str, hint: str | None = None) -> None:
        self.kind = kind
        self.name = name
        self.hint = hint
        msg = f"the ontology defines no {kind} {name!r}"
        if hint:
            msg += f" ({hint})"
        super().__init__(msg)

    def __str__(self) -> str:  # LookupError would repr() the message
        return str(self.args[0])
