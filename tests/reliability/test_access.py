"""Who may do what: API keys on writes, secrets kept out of logs and answers, CORS, loopback."""

from __future__ import annotations

import hmac
import ipaddress
import logging
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from reliability_helpers import fingerprint, free_port

from stkg.api.app import create_app
from stkg.config.settings import Settings
from stkg.graph.driver import Graph
from stkg.graph.local.server import LocalNeo4j

KEYS = ("k-first-2f9c41", "k-second-8b07de")
UPLOAD = {"files": ("note.txt", "KISTA와 TIPA가 협력한다.\n".encode(), "text/plain")}
WRITES = {
    "ingest": ("/ingest", {"files": UPLOAD}),
    "ontology sync": ("/ontology/sync", {}),
}
#: name → (header value or None, expected status)
BAD_KEYS = {
    "missing": (None, 401),
    "empty": ("", 401),
    "wrong": ("k-wrong-000000", 403),
    "prefix of a key": (KEYS[0][:-1], 403),
    "a key plus more": (KEYS[0] + "0", 403),
    "other case": (KEYS[0].upper(), 403),
    "both keys joined": (",".join(KEYS), 403),
}


@pytest.fixture
def keyed(neo4j_settings: Settings, graph: Graph) -> Iterator[TestClient]:
    graph.write("CREATE (:Entity {id: 'probe:1'})")
    settings = neo4j_settings.model_copy(update={"api_keys": [SecretStr(k) for k in KEYS]})
    with TestClient(create_app(settings)) as client:
        yield client


@pytest.mark.parametrize("endpoint", sorted(WRITES))
@pytest.mark.parametrize("key", sorted(BAD_KEYS))
def test_write_endpoints_refuse_bad_keys(
    keyed: TestClient, graph: Graph, endpoint: str, key: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    url, kwargs = WRITES[endpoint]
    value, status = BAD_KEYS[key]
    headers = {} if value is None else {"X-API-Key": value}
    before = fingerprint(graph)
    response = keyed.post(url, headers=headers, **kwargs)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert fingerprint(graph) == before
    for secret in KEYS:
        assert secret not in response.text and secret not in caplog.text


def test_keys_are_compared_in_constant_time_against_every_key(
    keyed: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def recording(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", recording)
    for given, status in ((KEYS[0], 200), ("k-wrong-000000", 403)):
        calls.clear()
        response = keyed.post("/ontology/sync?dry_run=true", headers={"X-API-Key": given})
        assert response.status_code == status, response.text
        # every configured key is compared, even after the first one matched
        assert sorted(b for _, b in calls) == sorted(k.encode() for k in KEYS)
        assert {a for a, _ in calls} == {given.encode()}


def test_secrets_stay_out_of_answers_and_logs(caplog: pytest.LogCaptureFixture) -> None:
    password, key = "pw-never-shown-5d1e", "k-never-shown-77aa"
    settings = Settings(
        neo4j_uri=f"bolt://127.0.0.1:{free_port()}",  # nothing listens: every read fails
        neo4j_password=SecretStr(password),
        api_keys=[SecretStr(key)],
    )
    caplog.set_level(logging.DEBUG)
    with TestClient(create_app(settings)) as client:
        answers = [
            client.get("/entities/field:드론"),
            client.post("/cypher", json={"query": "RETURN 1"}),
            client.get("/ready"),
            client.post("/ontology/sync?dry_run=true", headers={"X-API-Key": key + "x"}),
            client.post("/ontology/sync?dry_run=true", headers={"X-API-Key": key}),
        ]
    assert [a.status_code for a in answers[:2]] == [503, 503]
    assert answers[3].status_code == 403
    for answer in answers:
        assert password not in answer.text and key not in answer.text
        assert password not in str(answer.headers) and key not in str(answer.headers)
    assert password not in caplog.text and key not in caplog.text
    assert password not in repr(settings) and key not in repr(settings)


def test_cors_is_closed_unless_configured(neo4j_settings: Settings) -> None:
    origin = {"Origin": "https://analyst.example"}
    preflight = {**origin, "Access-Control-Request-Method": "POST",
                 "Access-Control-Request-Headers": "x-api-key, content-type"}  # fmt: skip
    with TestClient(create_app(neo4j_settings)) as client:
        for response in (
            client.get("/health", headers=origin),
            client.options("/cypher", headers=preflight),
            client.options("/ingest", headers=preflight),
        ):
            assert "access-control-allow-origin" not in response.headers
            assert "access-control-allow-credentials" not in response.headers
    opened = neo4j_settings.model_copy(update={"api_cors_origins": ["https://analyst.example"]})
    with TestClient(create_app(opened)) as client:
        allowed = client.options("/cypher", headers=preflight)
        assert allowed.headers["access-control-allow-origin"] == "https://analyst.example"
        assert "x-api-key" in allowed.headers["access-control-allow-headers"].lower()
        evil = client.get("/health", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in evil.headers


def test_local_neo4j_listens_on_loopback_only(private_neo4j: LocalNeo4j) -> None:
    status, _ = private_neo4j.start(quiet=True)  # already up unless run alone
    conf = Path(private_neo4j.conf_dir / "neo4j.conf").read_text(encoding="utf-8")
    addresses = [line for line in conf.splitlines() if "_address=" in line]
    assert addresses and all("=127.0.0.1" in line for line in addresses), addresses
    assert status.pid is not None
    java = psutil.Process(status.pid)
    listening = [
        c.laddr
        for proc in [java, *java.children(recursive=True)]
        for c in proc.net_connections(kind="inet")
        if c.status == psutil.CONN_LISTEN
    ]
    ports = {a.port for a in listening}
    settings = private_neo4j.settings
    assert {settings.bolt_port, settings.neo4j_http_port} <= ports, listening
    # the JVM reports IPv4 sockets as IPv4-mapped IPv6 (::ffff:127.0.0.1); "::" would be all
    assert {_ipv4(a.ip) for a in listening} == {"127.0.0.1"}, listening


def _ipv4(ip: str) -> str:
    address = ipaddress.ip_address(ip)
    mapped = getattr(address, "ipv4_mapped", None)
    return str(mapped or address)
