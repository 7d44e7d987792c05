"""Provenance, programme links and history routes against the seeded graph."""

from __future__ import annotations

from pathlib import Path

from api_helpers import EDITION_2021, EDITION_2022, is_problem
from fastapi.testclient import TestClient

SEED_2022 = "000_f874dc3d0926f1b7.txt"
PROGRAMMES_2022 = {"programme:창업성장", "programme:기술혁신", "programme:상용화r&d"}


def test_field_version_provenance_points_at_the_span(client: TestClient, seeds_dir: Path) -> None:
    text = (seeds_dir / SEED_2022).read_text(encoding="utf-8")
    rows = client.get("/provenance/fieldversion:드론@중소기업기술로드맵@2021").json()["rows"]
    assert rows
    for r in rows:
        assert r["origin"].endswith(SEED_2022)
        assert text[r["spanStart"] : r["spanEnd"]] == r["quote"]
    assert "드론" in {r["quote"] for r in rows}
    assert is_problem(client.get("/provenance/field:없음"), 404)


def test_relationship_provenance(client: TestClient, seeds_dir: Path) -> None:
    text = (seeds_dir / SEED_2022).read_text(encoding="utf-8")
    params = {"start": EDITION_2022, "type": "LINKED_PROGRAMME", "end": "programme:창업성장"}
    rows = client.get("/provenance/relationship", params=params).json()["rows"]
    assert rows and all(r["origin"].endswith(SEED_2022) for r in rows)
    assert all(text[r["spanStart"] : r["spanEnd"]] == r["quote"] for r in rows)
    assert any("창업성장" in r["quote"] for r in rows)
    absent = client.get("/provenance/relationship", params={**params, "start": EDITION_2021})
    assert is_problem(absent, 404)
    bad_type = client.get("/provenance/relationship", params={**params, "type": "LINKS"})
    assert is_problem(bad_type, 422) and bad_type.json()["unknown"] == ["LINKS"]


def test_edition_links_to_programmes_with_budget(client: TestClient) -> None:
    rows = client.get("/programmes/links", params={"edition": EDITION_2022}).json()["rows"]
    assert {r["programme"] for r in rows} == PROGRAMMES_2022
    assert {(r["amountKrw"], r["year"], r["basis"]) for r in rows} == {
        (87_900_000_000, 2022, "신규과제 기준")
    }
    by_programme = client.get(
        "/programmes/links", params={"edition": EDITION_2022, "direction": "products"}
    ).json()["rows"]
    assert [r["programme"] for r in by_programme] == sorted(r["programme"] for r in by_programme)
    assert is_problem(client.get("/programmes/links", params={"edition": "field:드론"}), 404)
    assert is_problem(client.get("/programmes/links", params={"edition": "edition:없음"}), 404)


def test_programme_and_entity_views(client: TestClient) -> None:
    rows = client.get("/programmes/programme:창업성장/links").json()["rows"]
    assert [(r["linked"], r["edition"], r["amountKrw"]) for r in rows] == [
        (EDITION_2022, EDITION_2022, 87_900_000_000)
    ]
    assert is_problem(client.get("/programmes/field:드론/links"), 404)
    version = "fieldversion:드론개인이동수단@중소기업기술로드맵@2022"
    rows = client.get(f"/entities/{version}/programmes").json()["rows"]
    assert {r["programme"] for r in rows} == PROGRAMMES_2022
    assert {r["via"] for r in rows} == {EDITION_2022}
    field_rows = client.get("/entities/field:드론/programmes").json()["rows"]
    assert {r["programme"] for r in field_rows} == PROGRAMMES_2022
    assert (
        client.get("/entities/fieldversion:드론@중소기업기술로드맵@2021/programmes").json()["rows"]
        == []
    )


def test_field_history_by_id_and_name(client: TestClient) -> None:
    body = client.get("/fields/field:드론/history").json()
    steps = [(r["startYear"], r["name"], r["productCount"], r["changeKind"]) for r in body["rows"]]
    assert steps == [(2021, "드론", 4, None), (2022, "드론·개인이동수단", 6, "renamedAndRescoped")]
    assert client.get("/fields/드론·개인이동수단/history").json()["rows"] == body["rows"]
    missing = client.get("/fields/없는분야/history")
    assert is_problem(missing, 404) and "없는분야" in missing.json()["detail"]


def test_edition_diff(client: TestClient) -> None:
    rows = client.get("/editions/diff", params={"from": EDITION_2021, "to": EDITION_2022}).json()[
        "rows"
    ]
    drone = next(r for r in rows if r["before"] == "드론")
    assert (drone["after"], drone["change"], drone["countBefore"], drone["countAfter"]) == (
        "드론·개인이동수단", "renamedAndRescoped", 4, 6,
    )  # fmt: skip
    assert {r["after"] for r in rows if r["change"] == "added"} == {"CCUS", "복합소재"}
    assert is_problem(
        client.get("/editions/diff", params={"from": EDITION_2021, "to": "edition:x"}), 404
    )
    assert is_problem(
        client.get("/editions/diff", params={"from": EDITION_2021, "to": "field:드론"}), 404
    )
