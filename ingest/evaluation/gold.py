"""Gold files: the facts a careful reader marks in one real document (tests/corpus/gold).

The format is described in ``tests/corpus/gold/README.md``; names are as printed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

#: The fact categories, in the order reports list them. Each is scored on its own.
CATEGORIES = (
    "editions",
    "organizations",
    "programmes",
    "fields",
    "products",
    "technologies",
    "counts",
    "budgets",
    "dates",
)
NAMED_CATEGORIES = ("organizations", "programmes", "fields", "products", "technologies")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Edition(_Model):
    name: str
    year: int | None = None
    period: tuple[int, int] | None = None


class Named(_Model):
    name: str
    aliases: tuple[str, ...] = ()


class Count(_Model):
    value: float
    of: str


class Budget(_Model):
    amount: float = Field(description="억원")
    for_: str | None = Field(default=None, alias="for")
    year: int | None = None


class Date(_Model):
    date: str
    event: str | None = None

    @field_validator("date", mode="before")
    @classmethod
    def _iso(cls, value: object) -> str:
        if isinstance(value, dt.date):
            return value.isoformat()
        return str(value)


class Facts(_Model):
    """The facts of one document, by category (gold, or read back from the graph)."""

    editions: tuple[Edition, ...] = ()
    organizations: tuple[Named, ...] = ()
    programmes: tuple[Named, ...] = ()
    fields: tuple[Named, ...] = ()
    products: tuple[Named, ...] = ()
    technologies: tuple[Named, ...] = ()
    counts: tuple[Count, ...] = ()
    budgets: tuple[Budget, ...] = ()
    dates: tuple[Date, ...] = ()

    @field_validator(*NAMED_CATEGORIES, mode="before")
    @classmethod
    def _names(cls, value: object) -> object:
        """A bare string in a name list is a name without aliases."""
        if isinstance(value, list):
            return [{"name": v} if isinstance(v, str) else v for v in value]
        return value

    @field_validator("*", mode="before")
    @classmethod
    def _none_is_empty(cls, value: object) -> object:
        return () if value is None else value


class GoldDocument(Facts):
    document: str
    split: Literal["dev", "test", "negatives"]


class GoldError(ValueError):
    """A gold file that cannot be used, naming the file."""


def load_gold(directory: Path) -> dict[str, GoldDocument]:
    """Every ``*.yaml`` gold file in ``directory``, by document file name."""
    out: dict[str, GoldDocument] = {}
    for path in sorted(directory.glob("*.yaml")):
        try:
            gold = GoldDocument.model_validate(yaml.safe_load(path.read_text("utf-8")))
        except (yaml.YAMLError, ValidationError) as exc:
            raise GoldError(f"{path.name}: {exc}") from exc
        out[gold.document] = gold
    return out
