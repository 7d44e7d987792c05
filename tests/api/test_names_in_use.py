"""An organisation named inside a lineage walk or an entity answer, under the name in use
on ``as_of`` (the body of its line of succession that held it then), and without
``as_of`` under its current name. On the seeded graph with the reference organisations
synced: 창업성장 is managed by 중소벤처기업부 (중소기업청 until 2017-07-26), the IP R&D
programme by 지식재산처 (특허청 until 2025-10-01)."""

from __future__ import annotations

from typing import Any

import pytest
from api_helpers import ok
from fastapi.testclient import TestClient

from stkg.queries.catalog import today

SMBA = "organization:중소기업청"  # 1996-02-09 .. 2017-07-26
MSS = "organization:중소벤처기업부"  # 2017-07-26 ..
KIPO = "organization:특허청"  # 1977-03-12 .. 2025-10-01
MOIP = "organization:지식재산처"  # 2025-10-01 ..
STARTUP = "programme:창업성장"  # managed by MSS
IP_RND = "programme:지식재산r&d연계전략지원사업"  # managed by MOIP
WALK = {"direction": "both", "depth": "1", "types": "MANAGED_BY"}

#: (programme, the body that runs it, day, the body whose name was in use that day)
DAYS = [
    (STARTUP, MSS, "1990-01-01", None),  # before 중소기업청 was set up: no body then
    (STARTUP, MSS, "1996-02-09", SMBA),
    (STARTUP, MSS, "2016-01-01", SMBA),
    (STARTUP, MSS, "2017-07-25", SMBA),
    (STARTUP, MSS, "2017-07-26", MSS),  # the rename day
    (STARTUP, MSS, "2020-01-01", MSS),
    (STARTUP, MSS, "2030-01-01", MSS),
    (IP_RND, MOIP, "2020-01-01", KIPO),
    (IP_RND, MOIP, "2025-09-30", KIPO),
    (IP_RND, MOIP, "2025-10-01", MOIP),
    (IP_RND, MOIP, "2026-01-01", MOIP),
]
NAMES = {SMBA: "중소기업청", MSS: "중소벤처기업부", KIPO: "특허청", MOIP: "지식재산처"}


@pytest.fixture(scope="module")
def client(synced_client: TestClient) -> TestClient:
    return synced_client


def check(named: dict[str, Any] | None, day: str, held: str | None) -> None:
    if held is None:
        assert named is None
        return
    assert named is not None
    assert (named["on"], named["id"], named["name"]) == (day, held, NAMES[held])


@pytest.mark.parametrize(("programme", "body", "day", "held"), DAYS)
def test_a_lineage_walk_names_the_body_that_ran_a_programme_as_of_a_day(
    client: TestClient, programme: str, body: str, day: str, held: str | None
) -> None:
    graph = ok(client, f"/lineage/{programme}", as_of=day, **WALK)
    nodes = {n["id"]: n for n in graph["nodes"]}
    assert set(nodes) == {programme, body}  # the walk itself is as before
    check(nodes[body]["nameInUse"], day, held)
    assert nodes[programme].get("nameInUse") is None  # a programme has no line


@pytest.mark.parametrize(("programme", "body", "day", "held"), DAYS)
def test_an_entity_names_its_neighbouring_bodies_as_of_a_day(
    client: TestClient, programme: str, body: str, day: str, held: str | None
) -> None:
    entity = ok(client, f"/entities/{programme}", as_of=day)
    managed = [n for n in entity["neighbours"] if n["type"] == "MANAGED_BY"]
    assert [n["id"] for n in managed] == [body]
    check(managed[0]["nameInUse"], day, held)
    assert entity["nameInUse"] is None


@pytest.mark.parametrize(("programme", "body"), [(STARTUP, MSS), (IP_RND, MOIP)])
def test_without_as_of_the_current_name_is_given(
    client: TestClient, programme: str, body: str
) -> None:
    day = today().isoformat()
    graph = ok(client, f"/lineage/{programme}", **WALK)
    check(next(n for n in graph["nodes"] if n["id"] == body)["nameInUse"], day, body)
    entity = ok(client, f"/entities/{programme}")
    check(next(n for n in entity["neighbours"] if n["id"] == body)["nameInUse"], day, body)


@pytest.mark.parametrize(
    ("asked", "day", "held"),
    [(SMBA, None, MSS), (KIPO, None, MOIP), (SMBA, "2016-01-01", SMBA), (MSS, "2016-01-01", SMBA)],
)
def test_an_organisation_says_which_of_its_names_is_in_use(
    client: TestClient, asked: str, day: str | None, held: str
) -> None:
    """Without ``as_of``, the old name's answer names the current body; with it, the body
    shown (``id``) is the one in use."""
    entity = ok(client, f"/entities/{asked}", **({"as_of": day} if day else {}))
    check(entity["nameInUse"], day or today().isoformat(), held)
    if day:
        assert entity["id"] == held
    else:
        assert entity["id"] == asked


def test_openapi_documents_the_name_in_use(client: TestClient) -> None:
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    for model in ("GraphNode", "Neighbour", "EntityView"):
        assert "nameInUse" in schemas[model]["properties"], model
    assert {"on", "id", "name", "validFrom", "validUntil"} <= set(
        schemas["NameInUse"]["properties"]
    )
