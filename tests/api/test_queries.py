"""The named-query catalogue: each file is a typed endpoint and a CLI command, same answers."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from stkg.api.app import create_app
from stkg.config.settings import Settings
from stkg.graph.driver import Graph
from stkg.queries.catalog import CatalogError, load_catalog, parse_query_file, today

EDITION_2021 = "edition:중소기업기술로드맵@2021"
EDITION_2022 = "edition:중소기업기술로드맵@2022"


@pytest.fixture(scope="module")
def client(neo4j_settings: Settings, seeded: Graph) -> Iterator[TestClient]:
    with TestClient(create_app(neo4j_settings)) as c:
        yield c


def test_every_catalogue_query_has_a_documented_endpoint(client: TestClient) -> None:
    listed = {q["name"] for q in client.get("/queries").json()}
    assert listed == set(load_catalog()) and len(listed) >= 6
    spec = client.get("/openapi.json").json()
    for name, query in load_catalog().items():
        operation = spec["paths"][f"/queries/{name}"]["get"]
        documented = {p["name"] for p in operation.get("parameters", [])}
        assert {p.name for p in query.params} <= documented, name
        assert operation["summary"] == query.title


def test_field_history_of_drone(client: TestClient) -> None:
    body = client.get("/queries/field-history", params={"field": "드론"}).json()
    rows = [(r["startYear"], r["name"], r["productCount"], r["changeKind"]) for r in body["rows"]]
    assert rows == [(2021, "드론", 4, None), (2022, "드론·개인이동수단", 6, "renamedAndRescoped")]
    by_new_name = client.get("/queries/field-history", params={"field": "드론·개인이동수단"}).json()
    assert by_new_name["rows"] == body["rows"]


def test_edition_diff_names_every_kind_of_change(client: TestClient) -> None:
    rows = client.get(
        "/queries/edition-diff", params={"from": EDITION_2021, "to": EDITION_2022}
    ).json()["rows"]
    by_change: dict[str, set[str]] = {}
    for r in rows:
        by_change.setdefault(r["change"], set()).add(r["after"] or r["before"])
    assert by_change["added"] == {"CCUS", "복합소재"}
    assert by_change["movedAndRenamed"] == {"미래형선박", "기능성식품"}
    assert by_change["renamed"] == {"유기소재", "세라믹"}
    assert by_change["renamedAndRescoped"] == {
        "드론·개인이동수단",
        "스마트홈",
        "자원순환·에너지재활용",
    }
    assert "서비스플랫폼" in by_change["recounted"] and "5G+" in by_change["unchanged"]
    assert "removed" not in by_change


def test_provenance_points_into_the_seed(client: TestClient, seeds_dir: Path) -> None:
    rows = client.get(
        "/queries/provenance", params={"id": "fieldversion:드론@중소기업기술로드맵@2021"}
    ).json()["rows"]
    text = (seeds_dir / "000_f874dc3d0926f1b7.txt").read_text(encoding="utf-8")
    assert rows and all(r["origin"].endswith("000_f874dc3d0926f1b7.txt") for r in rows)
    for r in rows:
        assert text[r["spanStart"] : r["spanEnd"]] == r["quote"]
        assert r["tableId"] == "field_counts"


def test_invalid_parameters_are_field_level_problems(client: TestClient) -> None:
    missing = client.get("/queries/field-history")
    assert (
        missing.status_code == 422 and missing.headers["content-type"] == "application/problem+json"
    )
    assert any(e["loc"][-1] == "field" for e in missing.json()["errors"])
    wrong = client.get("/queries/provenance", params={"id": "x", "limit": "-5"})
    assert wrong.status_code == 422
    bad_enum = client.get(
        "/queries/smart-manufacturing-items", params={"edition": "x", "type": "nope"}
    )
    assert bad_enum.status_code == 422


def test_parameters_are_data_never_cypher(client: TestClient, seeded: Graph) -> None:
    before = seeded.server_info()
    attack = "x' OR 1=1 WITH 1 AS x MATCH (n) DETACH DELETE n //"
    response = client.get("/queries/field-history", params={"field": attack})
    assert response.status_code == 200 and response.json()["rows"] == []
    after = seeded.server_info()
    assert (after.nodes, after.relationships) == (before.nodes, before.relationships)


def test_csv_export(client: TestClient) -> None:
    response = client.get(
        "/queries/edition-diff", params={"from": EDITION_2021, "to": EDITION_2022, "_format": "csv"}
    )
    assert response.headers["content-type"].startswith("text/csv")
    lines = response.text.strip().splitlines()
    assert (
        lines[0].split(",")[:3] == ["change", "before", "after"] and len(lines) == 1 + 30 + 2
    )  # header, every 2021 field, 2 added


def test_cli_gives_the_same_rows_as_the_api(client: TestClient, neo4j_settings: Settings) -> None:
    env = {"NEO4J_URI": neo4j_settings.neo4j_uri, "PATH": "/usr/bin:/bin"}
    proc = subprocess.run(
        [sys.executable, "-m", "stkg.cli", "query", "field-history", "-p", "field=드론", "-f", "json"],
        env=env, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    api = client.get("/queries/field-history", params={"field": "드론"}).json()["rows"]
    assert json.loads(proc.stdout) == api


def test_a_bad_header_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "broken.cypher"
    bad.write_text("/*\nname: broken\nparams:\n  x: {type: matrix}\n*/\nRETURN $x\n")
    with pytest.raises(CatalogError, match=r"broken\.cypher.*unknown type"):
        parse_query_file(bad)
    unused = tmp_path / "unused.cypher"
    unused.write_text("/*\nname: unused\nparams:\n  y: {type: string}\n*/\nRETURN 1\n")
    with pytest.raises(CatalogError, match="never used"):
        parse_query_file(unused)


def test_a_date_parameter_may_default_to_today(tmp_path: Path) -> None:
    """The day is bound when the query is, so a query never calls ``date()`` for it."""
    dated = tmp_path / "dated.cypher"
    dated.write_text(
        "/*\nname: dated\nparams:\n  day: {type: date, default: today}\n*/\nRETURN $day\n"
    )
    query = parse_query_file(dated)
    assert query.bind({}) == {"day": today()}
    assert query.bind({"day": "2021-06-01"}) == {"day": dt.date(2021, 6, 1)}
    wrong = tmp_path / "wrong.cypher"
    wrong.write_text(
        "/*\nname: wrong\nparams:\n  n: {type: integer, default: today}\n*/\nRETURN $n\n"
    )
    with pytest.raises(CatalogError, match="only a date parameter"):
        parse_query_file(wrong)
