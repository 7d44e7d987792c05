"""Prose statements of the two seed press releases, compared with expected.json."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from stkg.ingest.extract.statements.model import Quote, Spanned, Statements
from stkg.ingest.extract.statements.parse import extract_statements
from stkg.ingest.extract.statements.units import squash
from stkg.ingest.extract.tables.layout import mask_tags
from stkg.ingest.normalize import name_key

SEED_000 = "000_f874dc3d0926f1b7.txt"
SEED_004 = "004_2e30ccd89939a41a.txt"
SM = "smart_manufacturing_strategic_technology"
SME = "sme_technology"


@pytest.fixture(scope="module")
def expected(seeds_dir: Path) -> dict:
    return json.loads((seeds_dir / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def texts(seeds_dir: Path) -> dict[str, str]:
    return {n: (seeds_dir / n).read_text(encoding="utf-8") for n in (SEED_000, SEED_004)}


@pytest.fixture(scope="module")
def statements(texts: dict[str, str]) -> dict[str, Statements]:
    return {name: extract_statements(text, source=name) for name, text in texts.items()}


def _walk(obj: object) -> list[Spanned[object] | Quote]:
    """Every Spanned and Quote inside a result, however deeply nested."""
    if isinstance(obj, Spanned | Quote):
        return [obj]
    if isinstance(obj, list | tuple):
        return [x for item in obj for x in _walk(item)]
    if isinstance(obj, dict):
        return [x for item in obj.values() for x in _walk(item)]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return [x for f in dataclasses.fields(obj) for x in _walk(getattr(obj, f.name))]
    return []


def _keys(values: list[str]) -> list[str]:
    return [name_key(v) for v in values]


# --- evidence ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [SEED_000, SEED_004])
def test_every_span_holds_its_text(name: str, texts: dict, statements: dict) -> None:
    text = texts[name]
    found = _walk(statements[name])
    assert len(found) > 50
    for s in found:
        assert 0 <= s.start < s.end <= len(text), s
        assert squash(mask_tags(text[s.start : s.end])) == squash(s.text), s


@pytest.mark.parametrize("name", [SEED_000, SEED_004])
def test_string_values_are_their_text_modulo_whitespace(name: str, statements: dict) -> None:
    st = statements[name]
    resolved = {o.name.value for o in st.organisations}  # joint-action parties are resolved
    strings = [s for s in _walk(st) if isinstance(s, Spanned)]
    for s in strings:
        if isinstance(s.value, str) and not s.value[:1].isdigit():
            assert squash(s.value) in squash(s.text) or s.value in resolved, s


@pytest.mark.parametrize("name", [SEED_000, SEED_004])
def test_seeds_state_nothing_contradictory(name: str, statements: dict) -> None:
    assert statements[name].warnings == []


# --- seed 000 ------------------------------------------------------------------------------


def test_000_release_and_publisher(statements: dict, expected: dict) -> None:
    st, exp = statements[SEED_000], expected[SEED_000]
    assert st.released is not None
    assert st.released.value == dt.date.fromisoformat(exp["released"])
    assert st.publishers == [exp["publisher"]]
    assert st.organisation("중기부") is st.organisation(exp["publisher"])


def test_000_editions(statements: dict, expected: dict) -> None:
    st = statements[SEED_000]
    by_name = {e.name: e for e in st.editions}
    for exp in expected[SEED_000]["editions"]:
        ed = by_name[exp["name"]]
        assert ed.series == SME and ed.years == tuple(exp["years"])
    current = by_name[expected[SEED_000]["editions"][1]["name"]]
    assert current.status == "announced"
    assert current.total("fields") == expected[SEED_000]["editions"][1]["fields"]
    assert current.total("products") == expected[SEED_000]["editions"][1]["products"]
    assert any(m.form == "title" for m in current.mentions)


def test_000_programme_link(statements: dict, expected: dict) -> None:
    link, exp = statements[SEED_000].programme_link, expected[SEED_000]["programme_link"]
    assert link.programmes == (exp["programmes_2021"], exp["programmes_2022"])
    assert link.budget == (exp["budget_2021_eok"] * 10**8, exp["budget_2022_eok"] * 10**8)
    assert link.budget_basis == exp["budget_basis"]
    assert [p.value for p in link.named_programmes] == exp["named_programmes"]
    assert link.named_partial
    years = exp["startup_commercialisation_support_years"]
    period = link.support_periods[0]
    assert (period.before_years.value, period.after_years.value) == tuple(years)
    assert period.after_is_maximum and "창업" in period.subject.value
    first = link.programme_changes[0]
    assert (first.before_year.value, first.after_year.value) == (2021, 2022)  # type: ignore[union-attr]


def test_000_ict_and_environment_products(statements: dict, expected: dict) -> None:
    st, exp = statements[SEED_000], expected[SEED_000]["ict_and_environment_products"]
    related = [c for c in st.changes if c.kind == "related_products"]
    assert related and all(
        (c.before.value, c.after.value) == (exp["2021"], exp["2022"]) for c in related
    )
    assert any(c.delta and c.delta.value == exp["2022"] - exp["2021"] for c in related)
    (increase,) = st.increases
    assert increase.reference_year and increase.reference_year.value == 2021
    assert [(noun, c.value) for noun, c in increase.counts] == [("분야", 2), ("품목", 27)]


def test_000_citizen_proposals(statements: dict, expected: dict) -> None:
    cp, exp = statements[SEED_000].citizen_proposals, expected[SEED_000]["citizen_proposals"]
    assert cp is not None
    assert cp.discovered and cp.discovered.value == exp["discovered"]
    assert {s.value for s in cp.selected} == {exp["selected"]}
    assert [f.value for f in cp.fields] == exp["fields"]
    assert cp.fields_stated and cp.fields_stated.value == len(exp["fields"])
    assert [e.value for e in cp.examples] == exp["examples"]
    assert {"재밍", "자유토론"} <= {m.value for m in cp.methods}


def test_000_example_products_and_ccus(statements: dict, expected: dict) -> None:
    st, exp = statements[SEED_000], expected[SEED_000]
    products = [p.value for p in st.expanded_products()]
    assert set(exp["example_products"]) <= set(products)
    ccus = [f for f in st.new_fields if name_key("CCUS") in {name_key(f.field.value)}]
    assert any(f.stated_count and f.stated_count.value == exp["ccus_new_products"] for f in ccus)
    glossed = [f for f in st.new_fields if "CCUS" in f.field.value and f.stated_count is None]
    assert _keys([p.value for p in glossed[0].products]) == _keys(["CO2포집제", "CO2광물소재"])


def test_000_drivers(statements: dict) -> None:
    drivers = {name_key(p.name.value) for p in statements[SEED_000].policies if p.kind == "driver"}
    assert {name_key("디지털 전환"), name_key("탄소중립")} <= drivers


# --- seed 004 ------------------------------------------------------------------------------


def test_004_publishers_and_joint_start(statements: dict, expected: dict) -> None:
    st = statements[SEED_004]
    assert st.released is None and st.reference_year == 2026
    assert st.publishers == expected[SEED_004]["publishers"]
    started = [j for j in st.joint_actions if squash(j.action.value) == "공동착수"]
    assert started and {p.value for p in started[0].parties} == set(st.publishers)
    aliases = {(a.alias.value, a.name.value) for a in st.aliases}
    assert {("지재처", "지식재산처"), ("중기부", "중소벤처기업부")} <= aliases


def test_004_new_and_previous_edition(statements: dict, expected: dict) -> None:
    st, exp = statements[SEED_004], expected[SEED_004]
    new, prev = exp["new_edition"], exp["previous_edition"]
    ed = st.edition(SM, 2026)
    assert ed is not None and ed.name == new["name"] and ed.status == "started"
    assert ed.years == tuple(new["years"])
    assert ed.publication and ed.publication.label == new["publish"]
    assert [t.label for t in ed.targets] == [new["target_items"]]
    old = st.edition(SM, 2025)
    assert old is not None and old.name == prev["name"] and old.status == "previous"
    assert old.total("fields") == prev["strategic_fields"]
    assert {t.count.value for t in old.totals if t.kind == "products"} == {prev["items"]}
    strategies = [p.name.value for p in st.policies if p.kind == "strategy"]
    assert strategies == [new["strategy"]]


def test_004_classification_counts(statements: dict, expected: dict) -> None:
    pm, exp = statements[SEED_004].patent_method, expected[SEED_004]
    smart = next(c for c in pm.classifications if c.count("대분류"))
    assert {k: smart.count(k) for k in exp["new_edition"]["classification"]} == (
        exp["new_edition"]["classification"]
    )
    ai = next(c for c in pm.classifications if c.count("세부기술"))
    stated = exp["manufacturing_ai_classification"]["stated_counts"]
    assert (ai.count("분류"), ai.count("세부기술")) == (
        stated["classes"],
        stated["sub_technologies"],
    )
    (valid,) = pm.valid_patents
    assert (
        valid.count.value
        == exp["manufacturing_ai_classification"]["equipment_health_valid_patents"]
    )
    assert valid.sub_technologies and valid.sub_technologies.value == 3


def test_004_institutions(statements: dict, expected: dict) -> None:
    st = statements[SEED_004]
    for alias, exp in expected[SEED_004]["institutions"].items():
        org = st.organisation(alias)
        assert org is not None and org.name.value == exp["name"]
        assert [r.value for r in org.roles] == [exp["role"]]


def test_004_programme_and_typos(statements: dict, expected: dict) -> None:
    st, exp = statements[SEED_004], expected[SEED_004]
    (programme,) = st.programmes
    assert programme.title.value == exp["ip_office_programme"]["literal"]
    assert programme.name == exp["ip_office_programme"]["meaning"]
    assert programme.owner == "지식재산처"
    typo = exp["source_typos"][0]
    found = {(t.literal.value, t.corrected) for t in st.typos}
    assert found == {(typo["literal"], typo["meaning"])}
    assert len(st.typos) >= 2  # the slip recurs: headline, lead and programme title


def test_004_patent_method(statements: dict, expected: dict) -> None:
    pm, exp = statements[SEED_004].patent_method, expected[SEED_004]
    assert pm.steps is not None
    assert [s.value for s in pm.steps.items] == exp["patent_bigdata_method"]
    assert [o.country for o in pm.offices] == exp["patent_offices"]
    assert [o.code for o in pm.offices] == ["KR", "US", "JP", "CN", "EP"]
    (selection,) = pm.selections
    focus = [r["sub"] for r in exp["patent_indicators"] if r["focus"]]
    assert [i.value for i in selection.items] == focus
    assert selection.selected.value == len(focus)
    assert (
        selection.pool.value
        == exp["manufacturing_ai_classification"]["stated_counts"]["sub_technologies"]
    )


def test_004_promising_tasks(statements: dict, expected: dict) -> None:
    pm, exp = statements[SEED_004].patent_method, expected[SEED_004]["promising_tasks"]
    (box,) = pm.promising_tasks
    assert box.area.value == exp["area"]
    assert box.stated_count and box.stated_count.value == len(exp["tasks"])
    assert box.method and [m.value for m in box.method.items] == exp["method"]
    assert box.tasks and [t.value for t in box.tasks.items] == exp["tasks"]
