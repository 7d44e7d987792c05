"""Neo4j stops under load and comes back: the API answers 503 + Retry-After, then heals.

A private Neo4j (see ``conftest.private_neo4j``) serves a uvicorn-run API on a free
loopback port; eight clients keep asking two read routes while the server is stopped with
SIGTERM and started again. Every answer is timed against the client timeout.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
import uvicorn
from neo4j import GraphDatabase
from reliability_helpers import free_port

from stkg.api.app import create_app
from stkg.api.problems import UNAVAILABLE_RETRY_AFTER
from stkg.graph.driver import Graph
from stkg.graph.local.server import LocalNeo4j
from stkg.graph.wipe import wipe

CLIENTS = 8
#: The requirements here are themselves about time, so this test keeps two bounds, both
#: generous. Never a hang: every answer comes within the client's timeout (the API waits
#: QUERY_TIMEOUT plus a 2 s grace at most).
CLIENT_TIMEOUT = 10.0
QUERY_TIMEOUT = 5.0
#: It heals by itself: the first 200 comes within three Retry-After periods of Neo4j
#: answering again (the restarted JVM compiles its first queries meanwhile).
RECOVERY_BUDGET = 3.0 * UNAVAILABLE_RETRY_AFTER
URLS = ("/queries/editions", "/entities/field:점검")
SEED = (
    "CREATE (:Entity:RoadmapEdition {id: 'edition:점검@2024', name: '점검판'}), "
    "(:Entity:StrategicField {id: 'field:점검', name: '점검'})"
)


@dataclass(frozen=True)
class Sample:
    started: float
    ended: float
    url: str
    status: int | None  # None: the client gave up (timeout, connection error)
    retry_after: str | None
    content_type: str
    body: str


class Load:
    """``CLIENTS`` threads, each with its own connection pool, asking until stopped."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.samples: list[Sample] = []
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self._client, args=(i,)) for i in range(CLIENTS)]

    def _client(self, index: int) -> None:
        with httpx.Client(base_url=self.base_url, timeout=CLIENT_TIMEOUT) as client:
            n = index
            while not self.stop.is_set():
                n += 1
                started = time.monotonic()
                url = URLS[n % len(URLS)]
                try:
                    r = client.get(url)
                    sample = Sample(started, time.monotonic(), url, r.status_code,
                                    r.headers.get("retry-after"),
                                    r.headers.get("content-type", ""), r.text)  # fmt: skip
                except httpx.HTTPError as exc:
                    sample = Sample(started, time.monotonic(), url, None, None, "", repr(exc))
                with self.lock:
                    self.samples.append(sample)
                time.sleep(0.02)

    def __enter__(self) -> Load:
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for t in self.threads:
            t.join(CLIENT_TIMEOUT + 5)

    def between(self, start: float, end: float) -> list[Sample]:
        """Requests sent at or after ``start`` and answered by ``end``."""
        with self.lock:
            return [s for s in self.samples if s.started >= start and s.ended <= end]


@pytest.fixture
def api(private_neo4j: LocalNeo4j) -> Iterator[str]:
    """The API under uvicorn in a thread, on a free loopback port, aimed at the private server."""
    settings = private_neo4j.settings
    auth = (settings.neo4j_user, settings.password or "")
    with GraphDatabase.driver(private_neo4j.bolt_uri, auth=auth) as driver:
        wipe(Graph(driver, settings.neo4j_database))
        driver.execute_query(SEED)
    port = free_port()
    # queries get 5 s: the API then waits at most 5 s + grace for a silent Neo4j
    app = create_app(settings.model_copy(update={"neo4j_timeout": QUERY_TIMEOUT}))
    config = uvicorn.Config(app, host="127.0.0.1", port=port,
                            log_config=None, log_level="info", lifespan="on")  # fmt: skip
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    for url in URLS:  # the first query on a fresh JVM compiles for seconds: not the test
        assert httpx.get(base + url, timeout=60).status_code == 200, url
    yield base
    server.should_exit = True
    thread.join(15)


@pytest.mark.slow
def test_neo4j_outage_under_load(
    private_neo4j: LocalNeo4j, api: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    with Load(api) as load:
        time.sleep(2.0)
        stopping = time.monotonic()
        assert private_neo4j.stop()
        down = time.monotonic()
        time.sleep(3.0)
        restarting = time.monotonic()
        _, started = private_neo4j.start(quiet=True)
        assert started
        bolt_back = time.monotonic()
        first_ok = _wait_for_first_200(load, bolt_back, RECOVERY_BUDGET + 5)
        if first_ok is not None:  # every client asks again once; the warming JVM is slow
            _wait_for_answers(load, first_ok.ended + 0.5, CLIENTS, 2 * CLIENT_TIMEOUT)
        end = time.monotonic()

    samples = load.between(0, end + CLIENT_TIMEOUT)
    gave_up = [s for s in samples if s.status is None]
    timeline = _timeline(stopping, down, restarting, bolt_back)
    assert not gave_up, [_at(s, stopping) for s in gave_up[:5]] + [timeline]
    assert max(s.ended - s.started for s in samples) < CLIENT_TIMEOUT  # never a hang
    unexpected = [r.exc_info[1] for r in caplog.records if r.exc_info and r.exc_info[1]]
    assert {s.status for s in samples} <= {200, 503}, [repr(e) for e in unexpected[:3]]
    for s in samples:
        if s.status == 503:
            assert s.content_type == "application/problem+json", s
            assert s.retry_after and int(s.retry_after) > 0, s

    before = load.between(0, stopping)
    assert len(before) >= CLIENTS and {s.status for s in before} == {200}, timeline
    outage = load.between(down, restarting)
    assert outage and {s.status for s in outage} == {503}, timeline

    assert first_ok is not None, "no 200 after Neo4j came back"
    assert first_ok.ended - bolt_back <= RECOVERY_BUDGET, (_at(first_ok, stopping), timeline)
    after = load.between(first_ok.ended + 0.5, end)
    assert after and {s.status for s in after} == {200}, timeline

    # the Neo4j password shows in no answer and no log line, even while it is failing
    password = private_neo4j.settings.password
    assert password and not any(password in s.body for s in samples)
    assert password not in caplog.text and "GET /queries/editions" in caplog.text


def _wait_for_first_200(load: Load, since: float, budget: float) -> Sample | None:
    deadline = time.monotonic() + budget
    while time.monotonic() < deadline:
        ok = [s for s in load.between(since, time.monotonic()) if s.status == 200]
        if ok:
            return min(ok, key=lambda s: s.ended)
        time.sleep(0.05)
    return None


def _wait_for_answers(load: Load, since: float, count: int, budget: float) -> None:
    """Until ``count`` requests sent after ``since`` are answered, ``budget`` s at most."""
    deadline = time.monotonic() + budget
    while time.monotonic() < deadline and len(load.between(since, time.monotonic())) < count:
        time.sleep(0.05)


def _at(sample: Sample, origin: float) -> str:
    """One request for a failure message, in seconds from the stop."""
    took = sample.ended - sample.started
    return f"{sample.url} at {sample.started - origin:+.1f}s took {took:.1f}s: {sample.status}"


def _timeline(stopping: float, *marks: float) -> str:
    return "stop, down, restart, bolt at " + ", ".join(f"{m - stopping:+.1f}s" for m in marks)
