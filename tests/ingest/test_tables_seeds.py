"""Table extraction on the two seed press releases, compared with expected.json exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stkg.ingest.extract.tables.model import ExtractedTables, OverviewRow
from stkg.ingest.extract.tables.parse import extract_tables, resolve_sector

SEED_000 = "000_f874dc3d0926f1b7.txt"
SEED_004 = "004_2e30ccd89939a41a.txt"


@pytest.fixture(scope="module")
def expected(seeds_dir: Path) -> dict:
    return json.loads((seeds_dir / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_text(seeds_dir: Path) -> dict[str, str]:
    return {n: (seeds_dir / n).read_text(encoding="utf-8") for n in (SEED_000, SEED_004)}


@pytest.fixture(scope="module")
def tables(seed_text: dict[str, str]) -> dict[str, ExtractedTables]:
    return {name: extract_tables(text, name) for name, text in seed_text.items()}


def _squash(s: str) -> str:
    return "".join(s.split())


# --- seed 000 ----------------------------------------------------------------------------


def test_field_table_rows_match_expected(tables: dict, expected: dict) -> None:
    ft = tables[SEED_000].field_counts
    assert ft is not None and ft.years == (2021, 2022)
    assert [r.as_record() for r in ft.rows] == expected[SEED_000]["field_table"]


def test_subtotals_are_stated_and_match_edition_sector_products(
    tables: dict, expected: dict
) -> None:
    ft = tables[SEED_000].field_counts
    editions = expected[SEED_000]["editions"]
    stated = {st.sector.value: (st.before.as_int(), st.after.as_int()) for st in ft.subtotals}
    assert stated == {
        sector: (
            editions[0]["sectors"][sector]["products"],
            editions[1]["sectors"][sector]["products"],
        )
        for sector in editions[0]["sectors"]
    }


def test_overview_gives_both_editions_sector_and_total_counts(tables: dict, expected: dict) -> None:
    ov = tables[SEED_000].overview
    editions = expected[SEED_000]["editions"]
    assert ov is not None
    assert ov.editions == [tuple(e["years"]) for e in editions]
    sectors = list(editions[0]["sectors"])
    for side, edition in enumerate(editions):
        got = {}
        for row in ov.rows:
            totals = row.before if side == 0 else row.after
            key = "total" if row.is_total else resolve_sector(row.label.value, sectors)
            got[key] = {"fields": totals.fields.as_int(), "products": totals.products.as_int()}
        want = dict(edition["sectors"])
        want["total"] = {"fields": edition["fields"], "products": edition["products"]}
        assert got == want


def test_overview_deltas_are_signed(tables: dict) -> None:
    ov = tables[SEED_000].overview
    deltas = [
        (OverviewRow.delta_value(r.delta_fields), OverviewRow.delta_value(r.delta_products))
        for r in ov.rows
    ]
    assert deltas == [
        (
            r.after.fields.as_int() - r.before.fields.as_int(),
            r.after.products.as_int() - r.before.products.as_int(),
        )
        for r in ov.rows
    ]
    assert any(d[0] < 0 for d in deltas)  # the △ decrease is read as negative


def test_moves_from_footnote_with_sectors(tables: dict, expected: dict) -> None:
    moves = tables[SEED_000].overview.moves
    got = [
        {
            "from": m.from_field.value,
            "to": m.to_field.value,
            "from_sector": m.from_sector,
            "to_sector": m.to_sector,
        }
        for m in moves
    ]
    assert got == expected[SEED_000]["moves"]


# --- seed 004 ----------------------------------------------------------------------------


def test_smart_manufacturing_items_match_expected(tables: dict, expected: dict) -> None:
    sm = tables[SEED_004].smart_manufacturing
    assert sm is not None and sm.stated_count == 49
    assert [i.as_record() for i in sm.items] == expected[SEED_004]["smart_manufacturing_items_2025"]


def test_patent_indicator_rows_match_expected(tables: dict, expected: dict) -> None:
    pi = tables[SEED_004].patent_indicators
    assert [r.as_record() for r in pi.rows] == expected[SEED_004]["patent_indicators"]
    assert {r.domain.value for r in pi.rows} == {"제조 AI"}
    assert [c.value for c in pi.unmeasured] == ["생산 관리", "제품 검사", "이송 물류"]


def test_fields_analysed_per_year(tables: dict, expected: dict) -> None:
    fa = tables[SEED_004].fields_analysed
    got = {str(y.year): [c.value for c in y.fields] for y in fa.years}
    assert got == expected[SEED_004]["fields_analysed"]
    assert [y.stated_count for y in fa.years] == [10, 20, 12]


def test_classification_classes_and_stated_counts(tables: dict, expected: dict) -> None:
    cl = tables[SEED_004].classification
    want = expected[SEED_004]["manufacturing_ai_classification"]
    assert {c.cls.value: c.description.value for c in cl.classes} == want["classes"]
    assert (cl.stated_classes, cl.stated_sub_technologies) == (
        want["stated_counts"]["classes"],
        want["stated_counts"]["sub_technologies"],
    )


def test_seed_tables_agree_with_themselves(tables: dict) -> None:
    for name, t in tables.items():
        assert t.warnings == [], name


def test_each_seed_has_only_its_own_tables(tables: dict) -> None:
    t0, t4 = tables[SEED_000], tables[SEED_004]
    assert t0.smart_manufacturing is None and t0.patent_indicators is None
    assert t4.field_counts is None and t4.overview is None


# --- evidence ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", [SEED_000, SEED_004])
def test_every_value_span_holds_its_text(name: str, tables: dict, seed_text: dict) -> None:
    text = seed_text[name]
    cells = tables[name].cells()
    assert len(cells) > 100
    for c in cells:
        held = text[c.start : c.end]
        if held != c.value:  # only labels wrapped over lines may differ, by whitespace only
            assert "\n" in held and _squash(held) == _squash(c.value), (c, held)


def test_item_cell_refs_are_unique_and_point_at_bullets(tables: dict) -> None:
    items = tables[SEED_004].smart_manufacturing.items
    refs = [i.item.ref for i in items]
    assert len(set(refs)) == len(refs) == 49
    assert all(r.item is not None and r.table == "strategic_items" for r in refs)
    assert {i.type.ref.column for i in items} == {2, 3}
