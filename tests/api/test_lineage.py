"""``/lineage/{id}`` and ``/paths`` against the seeded graph."""

from __future__ import annotations

import json
from collections import Counter

from api_helpers import EDITION_2022, KISTA, is_problem
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from stkg.api.terms import relationship_terms, split_by_direction
from stkg.cli import app
from stkg.config.settings import Settings


def _degrees(body: dict) -> dict[str, int]:
    return {n["id"]: n["degree"] for n in body["nodes"]}


def test_down_from_a_field_reaches_versions_then_sectors(client: TestClient) -> None:
    body = client.get("/lineage/field:드론", params={"direction": "down", "depth": 2}).json()
    degrees = _degrees(body)
    assert degrees["field:드론"] == 0
    assert degrees["fieldversion:드론@중소기업기술로드맵@2021"] == 1
    assert degrees["fieldversion:드론개인이동수단@중소기업기술로드맵@2022"] == 1
    assert degrees["sector:4ir"] == 2
    # down never climbs to the edition that holds a version
    assert EDITION_2022 not in degrees
    ids = set(degrees)
    for edge in body["edges"]:
        assert edge["source"] in ids and edge["target"] in ids
    assert any(e["type"] == "SUCCEEDED_BY" for e in body["edges"])


def test_up_and_both(client: TestClient) -> None:
    vid = "fieldversion:드론개인이동수단@중소기업기술로드맵@2022"
    up = _degrees(client.get(f"/lineage/{vid}", params={"direction": "up", "depth": 1}).json())
    # up: the edition holding it, the field it is a version of, the version it succeeded
    assert up == {vid: 0, EDITION_2022: 1, "field:드론": 1,
                  "fieldversion:드론@중소기업기술로드맵@2021": 1}  # fmt: skip
    down = _degrees(client.get(f"/lineage/{vid}", params={"direction": "down", "depth": 1}).json())
    assert "sector:4ir" in down and not set(down) & set(up) - {vid}
    both = _degrees(client.get(f"/lineage/{vid}", params={"direction": "both", "depth": 1}).json())
    assert set(both) == set(up) | set(down)


def test_programme_down_reaches_linked_editions(client: TestClient) -> None:
    body = client.get("/lineage/programme:창업성장", params={"depth": 2}).json()
    degrees = _degrees(body)
    assert degrees[EDITION_2022] == 1
    assert any(i.startswith("fieldversion:") and d == 2 for i, d in degrees.items())


def test_depth_bounds_and_monotone_growth(client: TestClient) -> None:
    sizes = []
    for depth in range(1, 7):
        body = client.get(
            "/lineage/field:드론", params={"direction": "both", "depth": depth}
        ).json()
        assert max(n["degree"] for n in body["nodes"]) <= depth
        sizes.append(len(body["nodes"]))
    assert sizes == sorted(sizes) and sizes[-1] > sizes[0]
    for bad in (0, 7, -1):
        assert is_problem(client.get("/lineage/field:드론", params={"depth": bad}), 422)


def _sides(body: dict, origin: str) -> Counter[tuple[str, str]]:
    """How many of ``origin``'s relationships the walk drew, by type and side."""
    return Counter(
        (e["type"], "out" if e["source"] == origin else "in")
        for e in body["edges"]
        if origin in (e["source"], e["target"])
    )


def test_a_fan_out_wider_than_the_limit_is_one_group_with_its_count(client: TestClient) -> None:
    params = {"direction": "down", "depth": 1}
    full = client.get(f"/lineage/{EDITION_2022}", params=params).json()
    assert full["groups"] == [] and full["truncated"] is False and len(full["nodes"]) > 30
    drawn = _sides(full, EDITION_2022)
    body = client.get(f"/lineage/{EDITION_2022}", params={**params, "limit": 3}).json()
    groups = {(g["type"], g["direction"]): g for g in body["groups"]}
    # exactly the fan-outs wider than 3 are groups, each counting what the full walk drew
    assert set(groups) == {side for side, n in drawn.items() if n > 3}
    assert {side: g["count"] for side, g in groups.items()} == {s: drawn[s] for s in groups}
    assert all(g["origin"] == EDITION_2022 and g["degree"] == 1 for g in groups.values())
    # nothing of a group is drawn node by node; the rest is, in full
    assert not set(_sides(body, EDITION_2022)) & set(groups)
    assert {s: n for s, n in _sides(body, EDITION_2022).items()} == {
        s: n for s, n in drawn.items() if s not in groups
    }
    assert body["truncated"] is False and not {g["id"] for g in groups.values()} & {
        n["id"] for n in body["nodes"]
    }
    versions = groups[("HAS_FIELD_VERSION", "out")]
    assert versions["label"] == "FieldVersion"
    # the group's members page lists exactly the nodes the full walk drew
    rows = client.get(versions["members"] + "&_size=1000").json()["rows"]
    expected = {e["target"] for e in full["edges"] if e["type"] == "HAS_FIELD_VERSION"}
    assert {r["id"] for r in rows} == expected and len(rows) == versions["count"]


def test_a_group_stops_the_walk_there(client: TestClient) -> None:
    """Depth 2 through a group: nothing is reached through the members it stands for."""
    body = client.get(
        f"/lineage/{EDITION_2022}",
        params={
            "direction": "down",
            "depth": 2,
            "limit": 3,
            "types": "HAS_FIELD_VERSION,BELONGS_TO_FIELD",
        },
    ).json()
    assert [g["type"] for g in body["groups"]] == ["HAS_FIELD_VERSION"]
    assert [n["id"] for n in body["nodes"]] == [EDITION_2022]


def test_types_filter_and_unknown_types(client: TestClient) -> None:
    body = client.get("/lineage/field:드론", params={"types": "VERSION_OF", "depth": 6}).json()
    assert {e["type"] for e in body["edges"]} == {"VERSION_OF"} and len(body["nodes"]) == 3
    response = client.get("/lineage/field:드론", params={"types": "VERSION_OF,FLIES_TO,nope"})
    assert is_problem(response, 422)
    assert response.json()["unknown"] == ["FLIES_TO", "nope"]
    assert "FLIES_TO" in response.json()["detail"]
    # what the parameter's pattern refuses, parse_types refuses too: nothing around names
    for loose in ("VERSION_OF,", " VERSION_OF", "VERSION_OF,,EDITION_OF"):
        assert is_problem(client.get("/lineage/field:드론", params={"types": loose}), 422), loose
    empty = client.get("/lineage/field:드론", params={"types": ""})
    assert empty.status_code == 200 and empty.json() == client.get("/lineage/field:드론").json()
    assert is_problem(client.get("/lineage/field:없음"), 404)


def test_direction_table_follows_the_ontology() -> None:
    terms = relationship_terms()
    assert terms["HAS_CORE_TECHNOLOGY"].down == "out" and terms["APPLIED_BY"].down == "out"
    assert terms["BELONGS_TO_FIELD"].down == "in" and terms["LINKED_PROGRAMME"].down == "in"
    # a technology's patents are below it, whichever way the link is stated
    assert terms["MATCHES_TECHNOLOGY"].down == "in" and terms["CLASSIFIED_AS"].down == "in"
    out, inc = split_by_direction(("HAS_PATENT", "VERSION_OF"), "down")
    assert (out, inc) == (["HAS_PATENT"], ["VERSION_OF"])
    assert split_by_direction(("HAS_PATENT", "VERSION_OF"), "up") == (
        ["VERSION_OF"],
        ["HAS_PATENT"],
    )
    assert not terms["SUPPORTS"].in_lineage and "SUBCLASS_OF" not in terms


def test_path_from_kista_to_a_promising_task(client: TestClient) -> None:
    task = client.get("/classes/PromisingTask/entities").json()["rows"][0]["id"]
    body = client.get("/paths", params={"from": KISTA, "to": task, "max_hops": 4}).json()
    assert body["paths"], body
    lengths = [p["length"] for p in body["paths"]]
    assert lengths == sorted(lengths)
    first = body["paths"][0]
    assert first["nodes"][0]["id"] == KISTA and first["nodes"][-1]["id"] == task
    assert len(first["edges"]) == first["length"] == len(first["nodes"]) - 1
    assert not any(e["type"] == "SUPPORTS" for p in body["paths"] for e in p["edges"])
    degrees = _degrees(body)
    assert degrees[KISTA] == 0 and degrees[task] == first["length"]
    too_short = client.get("/paths", params={"from": KISTA, "to": task, "max_hops": 1}).json()
    assert too_short["paths"] == [] and too_short["nodes"] == []


def test_path_problems(client: TestClient) -> None:
    assert is_problem(client.get("/paths", params={"from": KISTA, "to": "task:없음"}), 404)
    assert is_problem(
        client.get("/paths", params={"from": KISTA, "to": "field:드론", "max_hops": 9}), 422
    )
    assert is_problem(
        client.get("/paths", params={"from": KISTA, "to": "field:드론", "types": "X"}), 422
    )


def test_the_path_from_an_entity_to_itself_is_the_entity_alone(client: TestClient) -> None:
    body = client.get("/paths", params={"from": KISTA, "to": KISTA}).json()
    assert [p["length"] for p in body["paths"]] == [0] and body["edges"] == []
    assert [n["id"] for n in body["paths"][0]["nodes"]] == [KISTA]
    assert [(n["id"], n["degree"]) for n in body["nodes"]] == [(KISTA, 0)]
    assert body["nodes"][0]["labels"] and body["nodes"][0]["properties"]["id"] == KISTA


def test_the_cli_walks_the_same_lineage_as_the_api(
    client: TestClient, cli_settings: Settings
) -> None:
    """``stkg lineage`` and ``GET /lineage`` are two callers of one walk (graph.lineage)."""
    args = ["lineage", "field:드론", "--direction", "down", "--depth", "2", "-f", "json"]
    result = CliRunner().invoke(app, args)
    table = CliRunner().invoke(app, ["lineage", "field:드론", "--depth", "1"])
    missing = CliRunner().invoke(app, ["lineage", "field:없음"])
    assert result.exit_code == 0, result.output
    api = client.get("/lineage/field:드론", params={"direction": "down", "depth": 2}).json()
    assert json.loads(result.output) == api
    one_hop = client.get("/lineage/field:드론", params={"depth": 1}).json()
    counted = f"{len(one_hop['nodes'])} node(s), {len(one_hop['edges'])} edge(s)"
    assert table.exit_code == 0 and counted in table.output, table.output
    assert missing.exit_code == 1 and "field:없음" in missing.output


def test_the_cli_lists_a_group_as_one_row_with_its_count(
    client: TestClient, cli_settings: Settings
) -> None:
    params = {"direction": "down", "depth": 1, "limit": 3}
    api = client.get(f"/lineage/{EDITION_2022}", params=params).json()
    versions = next(g for g in api["groups"] if g["type"] == "HAS_FIELD_VERSION")
    args = ["lineage", EDITION_2022, "--depth", "1", "--limit", "3"]
    table = CliRunner().invoke(app, args)
    assert table.exit_code == 0, table.output
    # the table wraps to the terminal's width: the group's cells, wherever they wrap
    text = " ".join(table.output.split())
    assert "HAS_FIELD_VERSION" in text and "FieldVersion" in text  # no version drawn alone
    assert f" {versions['count']:,} " in f"{text} "
    assert f", {len(api['groups'])} group(s)" in table.output
