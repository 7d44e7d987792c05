"""Facts stated in the prose of press releases, as typed records tied to their spans.

:func:`extract_statements` cuts the text into sentence/bullet units (:mod:`.units`) and
runs pattern rules over each: roadmap editions (:mod:`.roadmaps`), before → after changes
(:mod:`.changes`), footnoted examples and citizen proposals (:mod:`.examples`),
organisations and policies (:mod:`.organisations`) and the patent big-data method
(:mod:`.patents`). Statements that disagree with each other come back as warnings; nothing
is corrected silently. Empty or non-text input raises :class:`StatementError`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from stkg.ingest.errors import IngestError
from stkg.ingest.extract.statements.changes import (
    find_changes,
    find_increases,
    find_support_periods,
)
from stkg.ingest.extract.statements.examples import (
    find_citizen_proposals,
    find_example_lists,
    find_new_fields,
)
from stkg.ingest.extract.statements.model import (
    Change,
    NewField,
    ProgrammeLink,
    RoadmapEdition,
    Spanned,
    StatedTotal,
    Statements,
    StatementWarning,
)
from stkg.ingest.extract.statements.organisations import (
    find_aliases,
    find_joint_actions,
    find_policies,
    find_programmes,
    find_roles,
    find_typos,
    organisations_from,
    publishers_of,
)
from stkg.ingest.extract.statements.patents import read_patent_method
from stkg.ingest.extract.statements.roadmaps import assemble_editions, find_mentions
from stkg.ingest.extract.statements.timeline import find_release_date, reference_year
from stkg.ingest.extract.statements.units import Unit, split_units

__all__ = ["StatementError", "extract_statements"]


class StatementError(IngestError):
    """The text cannot be read for statements (empty, or not text at all)."""


def extract_statements(text: str, *, source: str) -> Statements:
    """Read every statement rule over ``text``; ``source`` names the document in errors."""
    if not isinstance(text, str):
        raise StatementError(source, f"expected text, got {type(text).__name__}")
    if not text.strip():
        raise StatementError(source, "the document holds no text")
    if "\x00" in text:
        raise StatementError(
            source, "the text holds NUL characters (binary?)", location=f"char {text.index(chr(0))}"
        )
    units = split_units(text)
    out = Statements(source=source)
    out.released = find_release_date(units)
    out.reference_year = reference_year(units, out.released)
    out.roadmap_mentions = find_mentions(units, out.reference_year)
    out.editions = assemble_editions(units, out.roadmap_mentions, out.reference_year)
    _read_changes(units, out)
    out.example_lists, new_fields = find_example_lists(units)
    out.new_fields = new_fields + [f for u in units for f in find_new_fields(u)]
    out.citizen_proposals, citizen_warnings = find_citizen_proposals(units, out.example_lists)
    _read_organisations(units, out)
    out.policies = find_policies(units)
    out.patent_method, method_warnings = read_patent_method(units)
    out.warnings = [
        *citizen_warnings,
        *method_warnings,
        *_check_changes(out.changes),
        *_check_editions(out.editions),
        *_check_new_fields(out.new_fields),
        *_check_link(out.programme_link),
    ]
    return out


def _read_changes(units: Sequence[Unit], out: Statements) -> None:
    link = ProgrammeLink()
    for unit in units:
        if unit.is_table_row:
            continue
        changes = find_changes(unit)
        out.changes.extend(changes)
        out.increases.extend(find_increases(unit))
        link.support_periods.extend(find_support_periods(unit))
        for c in changes:
            if c.kind == "programmes":
                link.programme_changes.append(c)
                if c.listed and not link.named_programmes:
                    link.named_programmes = list(c.listed)
                    link.named_partial = c.listed_partial
            elif c.kind == "budget":
                link.budget_changes.append(c)
    out.programme_link = link


def _read_organisations(units: Sequence[Unit], out: Statements) -> None:
    out.aliases = [a for u in units for a in find_aliases(u)]
    out.organisations = organisations_from(out.aliases)
    find_roles(units, out.organisations)
    out.joint_actions = find_joint_actions(units, out.organisations)
    out.publishers = publishers_of(units, out.organisations)
    out.typos = find_typos(units)
    out.programmes = find_programmes(units, out.organisations, out.typos)


def _warn(message: str, at: Spanned[Any]) -> StatementWarning:
    return StatementWarning(message, at.start, at.end)


def _check_changes(changes: Sequence[Change]) -> list[StatementWarning]:
    """A stated delta must equal after − before; statements of one kind must agree."""
    warnings = []
    for c in changes:
        if c.delta is not None and c.delta.value != c.after.value - c.before.value:
            warnings.append(
                _warn(
                    f"{c.kind}: {c.before.value} → {c.after.value} stated with "
                    f"difference {c.delta.value:+d}",
                    c.delta,
                )
            )
    by_kind: dict[str, list[Change]] = {}
    for c in changes:
        by_kind.setdefault(c.kind, []).append(c)
    for kind, group in by_kind.items():
        if kind == "count":
            continue
        first = group[0]
        for c in group[1:]:
            if (c.before.value, c.after.value) != (first.before.value, first.after.value):
                warnings.append(
                    _warn(
                        f"{kind}: {c.before.value} → {c.after.value} here, "
                        f"{first.before.value} → {first.after.value} earlier",
                        c.after,
                    )
                )
    return warnings


def _check_editions(editions: Sequence[RoadmapEdition]) -> list[StatementWarning]:
    """One edition's stated totals of the same kind (and noun) must agree."""
    warnings = []
    for ed in editions:
        seen: dict[tuple[str, str], StatedTotal] = {}
        for t in ed.totals:
            key = (t.kind, "전략" if t.noun.startswith("전략") and t.kind == "fields" else "")
            first = seen.setdefault(key, t)
            if first.count.value != t.count.value:
                warnings.append(
                    _warn(
                        f"{ed.name}: {t.count.value} {t.noun} here, "
                        f"{first.count.value} {first.noun} earlier",
                        t.count,
                    )
                )
    return warnings


def _check_new_fields(fields: Sequence[NewField]) -> list[StatementWarning]:
    """More products listed than the stated count (``등 8개``) is a contradiction."""
    return [
        _warn(
            f"new field {f.field.value}: {len(f.products)} products listed, "
            f"{f.stated_count.value} stated",
            f.stated_count,
        )
        for f in fields
        if f.stated_count is not None and len(f.products) > f.stated_count.value
    ]


def _check_link(link: ProgrammeLink) -> list[StatementWarning]:
    """Named programmes against the stated number (a list ending in 등 may be shorter)."""
    if not link.programme_changes or not link.named_programmes:
        return []
    stated = link.programme_changes[0].after
    n = len(link.named_programmes)
    if n > stated.value or (n < stated.value and not link.named_partial):
        return [_warn(f"{stated.value} programmes stated, {n} named", stated)]
    return []
