"""Helpers shared by the API tests (imported by name: pytest puts this folder on sys.path)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx
from fastapi.testclient import TestClient

EDITION_2021 = "edition:중소기업기술로드맵@2021"
EDITION_2022 = "edition:중소기업기술로드맵@2022"
KISTA = "organization:한국특허전략개발원"


def is_problem(response: httpx.Response, status: int) -> bool:
    """True when ``response`` is a problem+json answer with this status."""
    return (
        response.status_code == status
        and response.headers["content-type"] == "application/problem+json"
        and response.json()["status"] == status
    )


def ok(client: TestClient, url: str, **params: str) -> Any:
    """The JSON of a GET that must answer 200."""
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    return response.json()


@dataclass
class DroppingListener:
    """A port that accepts connections and drops them at once, as a Neo4j going away does;
    ``accepted`` counts the connection attempts."""

    port: int
    accepted: list[int]
