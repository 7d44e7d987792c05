"""``/search`` before and after ``POST /ontology/sync``, and what ``/ready`` says about it."""

from __future__ import annotations

from api_helpers import EDITION_2022, KISTA, is_problem
from fastapi.testclient import TestClient
from pydantic import SecretStr

from stkg.api.app import create_app
from stkg.config.settings import Settings
from stkg.graph.driver import Graph
from stkg.graph.schema import drop_schema

KEY = "test-key-5f0c"


def _ids(body: dict) -> list[str]:
    return [r["id"] for r in body["rows"]]


def _keyed(settings: Settings) -> Settings:
    return settings.model_copy(update={"api_keys": [SecretStr(KEY)]})


def test_search_falls_back_to_substring_match_without_the_index(
    neo4j_settings: Settings, seeded: Graph
) -> None:
    drop_schema(seeded)
    with TestClient(create_app(neo4j_settings)) as client:
        ontology = client.get("/ready").json()["ontology"]
        assert ontology["synced"] is False and ontology["constraint"] is False
        drone = client.get("/search", params={"q": "드론"}).json()
        assert drone["method"] == "contains"
        assert {"field:드론", "fieldversion:드론개인이동수단@중소기업기술로드맵@2022"} <= set(
            _ids(drone)
        )
        assert _ids(drone)[0] in {"field:드론", "fieldversion:드론@중소기업기술로드맵@2021"}
        alias = client.get("/search", params={"q": "kista"}).json()
        assert _ids(alias) == [KISTA]
        only_fields = client.get("/search", params={"q": "드론", "label": "StrategicField"}).json()
        assert _ids(only_fields) == ["field:드론"]
        # a substring match does not split the query into words
        assert _ids(client.get("/search", params={"q": "중소 기술로드맵"}).json()) == []


def test_sync_through_the_api_then_full_text_search(
    neo4j_settings: Settings, seeded: Graph
) -> None:
    with TestClient(create_app(_keyed(neo4j_settings))) as client:
        response = client.post("/ontology/sync", headers={"X-API-Key": KEY})
        assert response.status_code == 200, response.text
        assert response.json()["dryRun"] is False
        ontology = client.get("/ready").json()["ontology"]
        assert ontology["synced"] is True and ontology["graphVersion"] == ontology["shippedVersion"]
        again = client.post(
            "/ontology/sync", params={"dry_run": "true"}, headers={"X-API-Key": KEY}
        )
        assert again.json()["changes"] is False
        words = client.get("/search", params={"q": "중소 기술로드맵"}).json()
        assert words["method"] == "fulltext" and EDITION_2022 in _ids(words)
        scores = [r["score"] for r in words["rows"]]
        assert scores == sorted(scores, reverse=True)
        drone = client.get("/search", params={"q": "드론"}).json()
        assert {"field:드론", "fieldversion:드론개인이동수단@중소기업기술로드맵@2022"} <= set(
            _ids(drone)
        )
        english = client.get("/search", params={"q": "strategy agency"}).json()
        assert _ids(english)[0] == KISTA
        label = client.get("/search", params={"q": "드론", "label": "FieldVersion"}).json()
        assert label["rows"] and all("FieldVersion" in r["labels"] for r in label["rows"])
        assert is_problem(client.get("/search", params={"q": "드론", "label": "Drone"}), 422)
        assert is_problem(client.get("/search", params={"q": " \t\n "}), 422)
        assert is_problem(client.get("/search"), 422)
        # what the pattern admits is searched, never refused: an ideographic space alone
        ideographic = client.get("/search", params={"q": "\u3000"})
        assert ideographic.status_code == 200 and ideographic.json()["rows"] == []
