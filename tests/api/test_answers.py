"""Conditional requests and the answer cache (issue 20): ETags, 304s, kept answers, and
no stale answer after any kind of write — including one made by another process.

The cache is opt-in (``api_cache_bytes``, 0 by default): these tests turn it on, except
the ones about the default, which check that with it off a request runs its route's
statements and nothing else (counted at the driver, every statement any transaction
runs). The graph here is synced (the version node exists) and holds one small document. Each
write test asks a question, checks that the ETag revalidates (304), writes the way one
write path does, and asks again with the old ETag: the answer must be the new one (200,
a new ETag). Whether a query ran is read from the app's own Prometheus metrics.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import neo4j
import pytest
from api_helpers import DroppingListener, is_problem
from fastapi.testclient import TestClient
from neo4j.exceptions import ClientError
from pydantic import SecretStr
from rdflib import Graph as RdfGraph

from stkg.api.answers import AnswerCache, VersionClock
from stkg.api.app import create_app
from stkg.config.settings import Settings
from stkg.graph.analysis.classification import classify_patents
from stkg.graph.backup import backup, restore
from stkg.graph.cypher import version as version_q
from stkg.graph.driver import Graph, new_driver
from stkg.graph.feeds import FeedRecords
from stkg.graph.rdf import import_rdf
from stkg.graph.review import REJECTED, REVIEWED, merge_into, set_status
from stkg.graph.schema import sync
from stkg.graph.version import GraphVersion, read_version
from stkg.graph.wipe import wipe
from stkg.ontology.model import load_ontology
from stkg.ontology.search_expressions import load_for_ontology

KEY = "answers-key-5d1e0b7a"
#: the answer cache these tests turn on (it is off by default)
CACHE_BYTES = 64 * 1024 * 1024
MOTIE = "organization:산업통상자원부"
ORG_LIST = "/classes/Organization/entities?_size=500"
ENTITY_ROUTE = "/entities/{id:path}"
DOCUMENT = "중기부와 KISTA가 함께 로드맵을 수립했다.\n".encode()


def candidate(graph: Graph, key: str) -> str:
    """An organisation awaiting review (as ingest proposes one)."""
    node_id = f"organization:{key}"
    graph.write(
        "CREATE (:Entity:Organization {id: $id, name: $name, extractionStatus: 'candidate'})",
        id=node_id,
        name=key,
    )
    return node_id


@pytest.fixture(scope="module")
def synced(session_graph: Graph) -> Graph:
    """An empty graph with the ontology synced: the version node is there."""
    wipe(session_graph)
    sync(session_graph)
    return session_graph


@pytest.fixture(scope="module")
def other(neo4j_settings: Settings, synced: Graph) -> Iterator[Graph]:
    """A second driver: writes the API process knows nothing of, as the CLI's are."""
    driver = new_driver(neo4j_settings)
    yield Graph(driver, neo4j_settings.neo4j_database)
    driver.close()


@pytest.fixture(scope="module")
def settings(neo4j_settings: Settings) -> Settings:
    return neo4j_settings.model_copy(
        update={"api_keys": [SecretStr(KEY)], "api_cache_bytes": CACHE_BYTES}
    )


@pytest.fixture(scope="module")
def client(settings: Settings, synced: Graph) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as c:
        yield c


def queries_run(client: TestClient, route: str) -> float:
    """Neo4j reads the app ran for ``route`` so far (its own metrics)."""
    text = client.get("/metrics").text
    pattern = re.compile(
        r'^stkg_neo4j_query_duration_seconds_count\{route="' + re.escape(route) + r'"\} (\S+)$',
        re.M,
    )
    found = pattern.search(text)
    assert found is not None, f"no query recorded for {route}"
    return float(found.group(1))


def cypher_attempts(client: TestClient) -> float:
    found = re.search(r"^stkg_cypher_attempts_total (\S+)$", client.get("/metrics").text, re.M)
    return float(found.group(1)) if found else 0.0


def revalidate_after(
    client: TestClient, url: str, write: Callable[[], object]
) -> tuple[httpx.Response, httpx.Response]:
    """GET, check the ETag revalidates, write, GET with the old ETag: must be a 200."""
    before = client.get(url)
    assert before.status_code == 200, before.text
    etag = before.headers["etag"]
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    write()
    after = client.get(url, headers={"If-None-Match": etag})
    assert after.status_code == 200, "the old ETag must not validate after a write"
    assert after.headers["etag"] != etag
    again = client.get(url, headers={"If-None-Match": after.headers["etag"]})
    assert again.status_code == 304
    return before, after


def org_ids(response: httpx.Response) -> set[str]:
    return {row["id"] for row in response.json()["rows"]}


# -- conditional requests -----------------------------------------------------------------


def test_a_get_answer_carries_a_strong_etag_and_revalidates(client: TestClient) -> None:
    url = f"/entities/{MOTIE}"
    first = client.get(url)
    assert first.status_code == 200
    etag = first.headers["etag"]
    assert re.fullmatch(r'"[0-9a-f]{32}"', etag), "a strong ETag"
    assert first.headers["cache-control"] == "no-cache"
    assert "Accept" in first.headers["vary"]
    ran = queries_run(client, ENTITY_ROUTE)

    not_modified = client.get(url, headers={"If-None-Match": f'"other", {etag}'})
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert not_modified.headers["etag"] == etag
    assert not_modified.headers["cache-control"] == "no-cache"
    head = client.head(url, headers={"If-None-Match": etag})
    assert head.status_code == 304 and head.headers["etag"] == etag
    assert client.head(url).headers["etag"] == etag
    assert queries_run(client, ENTITY_ROUTE) == ran, "a 304 runs no query"

    assert client.get(url, headers={"If-None-Match": '"something-else"'}).status_code == 200


def test_the_etag_depends_on_parameters_and_format(client: TestClient) -> None:
    json_answer = client.get(ORG_LIST)
    csv_answer = client.get(ORG_LIST + "&_format=csv")
    accept_csv = client.get(ORG_LIST, headers={"Accept": "text/csv"})
    smaller = client.get("/classes/Organization/entities?_size=2")
    assert csv_answer.headers["content-type"].startswith("text/csv")
    etags = {r.headers["etag"] for r in (json_answer, csv_answer, accept_csv, smaller)}
    assert len(etags) == 4, "another URL or another representation: another ETag"
    assert accept_csv.content == csv_answer.content
    # the JSON answer's ETag does not validate the CSV one of the same URL
    conditional = client.get(
        ORG_LIST, headers={"Accept": "text/csv", "If-None-Match": json_answer.headers["etag"]}
    )
    assert conditional.status_code == 200
    assert conditional.headers["content-type"].startswith("text/csv")


def test_an_answer_is_kept_for_the_day_it_was_asked_on(client: TestClient) -> None:
    """A named query's ``as_of`` defaults to today: the next day the same URL is another
    question (another ETag, not the kept answer), though nothing was written."""
    url = "/queries/editions"
    first = client.get(url)
    etag = first.headers["etag"]
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    answers = client.app.state.answers  # type: ignore[attr-defined]
    asked_on = answers.today
    answers.today = lambda: asked_on() + dt.timedelta(days=1)
    try:
        ran = queries_run(client, "/queries/editions")
        tomorrow = client.get(url, headers={"If-None-Match": etag})
        assert tomorrow.status_code == 200 and tomorrow.headers["etag"] != etag
        assert queries_run(client, "/queries/editions") > ran, "not the kept answer"
    finally:
        answers.today = asked_on
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304


def test_a_repeated_question_is_answered_from_the_cache(client: TestClient) -> None:
    url = "/lineage/" + MOTIE + "?direction=both&depth=2"
    first = client.get(url)
    ran = queries_run(client, "/lineage/{id:path}")
    for _ in range(3):
        again = client.get(url)
        assert again.status_code == 200
        assert again.content == first.content
        assert again.headers["etag"] == first.headers["etag"]
        assert again.headers["content-type"] == first.headers["content-type"]
    assert queries_run(client, "/lineage/{id:path}") == ran, "kept answers run no query"


def test_problems_are_never_kept(client: TestClient) -> None:
    url = "/entities/organization:없는기관"
    first = client.get(url)
    assert is_problem(first, 404)
    assert first.headers["cache-control"] == "no-store"
    assert "etag" not in first.headers
    ran = queries_run(client, ENTITY_ROUTE)
    assert is_problem(client.get(url), 404)
    assert queries_run(client, ENTITY_ROUTE) > ran, "a 404 is asked again"
    invalid = client.get("/classes/Organization/entities?_size=0")
    assert is_problem(invalid, 422) and invalid.headers["cache-control"] == "no-store"


def test_a_caller_with_a_credential_gets_answers_of_its_own(client: TestClient) -> None:
    url = f"/entities/{MOTIE}"
    anonymous = client.get(url)
    keyed = client.get(url, headers={"X-API-Key": KEY})
    other_key = client.get(url, headers={"X-API-Key": "another-key-0000"})
    assert keyed.headers["cache-control"] == "private, no-cache"
    assert len({anonymous.headers["etag"], keyed.headers["etag"], other_key.headers["etag"]}) == 3
    assert client.get(url, headers={"If-None-Match": keyed.headers["etag"]}).status_code == 200, (
        "one caller's ETag does not validate another's answer"
    )


def test_routes_that_read_more_than_the_graph_are_not_labelled(client: TestClient) -> None:
    assert "etag" not in client.get("/health").headers
    assert "etag" not in client.get("/ready").headers


def test_a_miss_reads_the_version_in_its_own_transaction(client: TestClient) -> None:
    """An answer that must be computed reads no version of its own: its route's first
    read transaction reads it, and the answer is labelled and kept under that. Only a
    request that may be answered without its route reads the version alone."""
    clock = client.app.state.answers.clock  # type: ignore[attr-defined]
    reads = clock.reads
    urls = [f"/classes/Organization/entities?_size={n}" for n in (401, 402, 403)]
    first = [client.get(url) for url in urls]
    assert all(r.status_code == 200 and r.headers.get("etag") for r in first)
    assert clock.reads == reads, "three misses, no version read of their own"
    assert clock.latest is not None
    ran = queries_run(client, "/classes/{label}/entities")
    again = client.get(urls[0])
    assert again.content == first[0].content and again.headers["etag"] == first[0].headers["etag"]
    assert queries_run(client, "/classes/{label}/entities") == ran, "answered as kept"
    assert clock.reads == reads + 1, "the kept answer confirmed the version once"


def test_a_failed_version_read_is_not_retried(
    settings: Settings, synced: Graph, dropping_listener: DroppingListener
) -> None:
    """Neo4j away while a kept answer is asked for: the version read is made once, never
    retried (a retried read would connect again), and the answer is a 503 at once."""
    accepted = dropping_listener.accepted
    url = f"/entities/{MOTIE}"
    with TestClient(create_app(settings)) as c:
        etag = c.get(url).headers["etag"]
        app = c.app
        working = app.state.graph  # type: ignore[attr-defined]
        port = dropping_listener.port
        away = new_driver(settings, uri=f"bolt://127.0.0.1:{port}", max_transaction_retry_time=5.0)
        app.state.graph = Graph(away, settings.neo4j_database)  # type: ignore[attr-defined]
        try:
            for headers in ({"If-None-Match": etag}, {}):
                accepted.clear()
                answer = c.get(url, headers=headers)
                assert is_problem(answer, 503), answer.text
                assert int(answer.headers["retry-after"]) > 0
                assert accepted == [1], "one connection attempt: the read was not retried"
        finally:
            app.state.graph = working  # type: ignore[attr-defined]
            away.close()


# -- POST /cypher ----------------------------------------------------------------------------


def test_cypher_answers_are_kept_until_the_graph_changes(client: TestClient, other: Graph) -> None:
    body = {"query": "MATCH (o:Organization) RETURN count(o) AS n", "params": {}}
    first = client.post("/cypher", json=body)
    assert first.status_code == 200
    attempts = cypher_attempts(client)
    kept = client.post("/cypher", json=body)
    assert kept.json() == first.json()
    assert cypher_attempts(client) == attempts, "the kept answer ran no query"
    assert "etag" not in kept.headers, "not a GET"
    # other parameters, another row cap: another question
    client.post("/cypher", json={**body, "max_rows": 5})
    assert cypher_attempts(client) == attempts + 1

    candidate(other, "사이퍼검증기관")
    after = client.post("/cypher", json=body)
    assert after.json()["rows"][0]["n"] == first.json()["rows"][0]["n"] + 1
    assert cypher_attempts(client) == attempts + 2


def test_cypher_reading_the_clock_is_never_kept(client: TestClient) -> None:
    body = {"query": "RETURN datetime() AS now, rand() AS r"}
    client.post("/cypher", json=body)
    attempts = cypher_attempts(client)
    client.post("/cypher", json=body)
    assert cypher_attempts(client) == attempts + 1


# -- every kind of write invalidates --------------------------------------------------------


def test_a_write_by_another_driver_is_seen(client: TestClient, other: Graph) -> None:
    node = candidate(other, "다른프로세스기관")
    _, after = revalidate_after(
        client, f"/entities/{node}", lambda: set_status(other, node, REJECTED)
    )
    assert after.json()["properties"]["extractionStatus"] == REJECTED


def test_document_ingest_by_another_process(
    client: TestClient, settings: Settings, tmp_path: Path
) -> None:
    """``stkg ingest`` in a process of its own: the API sees its write at once."""
    path = tmp_path / "plan.txt"
    path.write_bytes(DOCUMENT)
    env = {
        **os.environ,
        "NEO4J_URI": settings.neo4j_uri,
        "NEO4J_DATABASE": settings.neo4j_database,
        "STKG_HOME": str(tmp_path / "home"),
    }
    env.pop("NEO4J_PASSWORD", None)

    def ingest() -> None:
        done = subprocess.run(
            [sys.executable, "-m", "stkg.cli", "ingest", str(path)],
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr

    url = "/classes/SourceDocument/entities"
    before, after = revalidate_after(client, url, ingest)
    assert len(after.json()["rows"]) == len(before.json()["rows"]) + 1


def test_document_ingest_through_the_api(client: TestClient) -> None:
    def upload() -> None:
        answer = client.post(
            "/ingest",
            headers={"X-API-Key": KEY},
            files=[
                ("files", ("other.txt", "지재처가 특허 분석을 맡는다.\n".encode(), "text/plain"))
            ],
        )
        assert answer.status_code == 200, answer.text

    url = "/classes/SourceDocument/entities"
    before, after = revalidate_after(client, url, upload)
    assert len(after.json()["rows"]) == len(before.json()["rows"]) + 1


def test_ontology_sync(client: TestClient, other: Graph) -> None:
    """A reference organisation deleted, then put back by ``ontology sync``."""
    before, deleted = revalidate_after(
        client,
        ORG_LIST,
        lambda: other.write("MATCH (n:Entity {id: $id}) DETACH DELETE n", id=MOTIE),
    )
    assert MOTIE in org_ids(before) and MOTIE not in org_ids(deleted)
    _, synced = revalidate_after(client, ORG_LIST, lambda: sync(other))
    assert MOTIE in org_ids(synced)


def test_rdf_import(client: TestClient, other: Graph) -> None:
    data = RdfGraph().parse(
        data=(
            "<https://w3id.org/stkg/id/organization:rdf기관> "
            "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
            "<https://w3id.org/stkg/ontology#Organization> .\n"
            "<https://w3id.org/stkg/id/organization:rdf기관> "
            '<https://w3id.org/stkg/ontology#name> "rdf기관" .\n'
        ),
        format="nt",
    )
    _, after = revalidate_after(
        client, ORG_LIST, lambda: import_rdf(other, load_ontology(), data, validate=False)
    )
    assert "organization:rdf기관" in org_ids(after)


@pytest.mark.parametrize("decision", [REVIEWED, REJECTED, "merge"])
def test_review_decisions(client: TestClient, other: Graph, decision: str) -> None:
    node = candidate(other, f"검토기관{decision}")
    if decision == "merge":
        _, after = revalidate_after(
            client, f"/entities/{MOTIE}", lambda: merge_into(other, node, MOTIE)
        )
        assert f"검토기관{decision}" in after.json()["properties"]["aliases"]
        return
    _, after = revalidate_after(
        client, f"/entities/{node}", lambda: set_status(other, node, decision)
    )
    assert after.json()["properties"]["extractionStatus"] == decision


def test_feed_subscription(client: TestClient, other: Graph) -> None:
    feeds = FeedRecords(other, load_ontology())
    url = "/classes/Feed/entities"
    _, after = revalidate_after(
        client,
        url,
        lambda: feeds.subscribe("feed:answers", "https://example.go.kr/rss", ["로드맵"], []),
    )
    assert "feed:answers" in org_ids(after)


def test_patent_classification(client: TestClient, other: Graph, tmp_path: Path) -> None:
    """``stkg patents classify`` links patents to a technology in its own transaction."""
    other.write(
        "MERGE (t:Entity {id: 'techclass:캐시감시'}) SET t:TechnologyClass, t.name = '캐시감시' "
        "MERGE (p:Entity {id: 'patent:KR:cache-1'}) SET p:Patent, p.title = '설비 모니터링 장치', "
        "p.office = 'KR', p.filingDate = date('2021-03-01')"
    )
    rules = tmp_path / "expressions.toml"
    rules.write_text(
        '[[technology]]\nid = "techclass:캐시감시"\nexpression = "모니터링"\n', encoding="utf-8"
    )
    expressions = load_for_ontology(load_ontology(), [rules])
    _, after = revalidate_after(
        client, "/entities/patent:KR:cache-1", lambda: classify_patents(other, expressions)
    )
    linked = {(n["type"], n["id"]) for n in after.json()["neighbours"]}
    assert ("MATCHES_TECHNOLOGY", "techclass:캐시감시") in linked


def test_rdf_backup_restored(client: TestClient, settings: Settings, tmp_path: Path) -> None:
    made = backup(settings, tmp_path, rdf=True)
    _, after = revalidate_after(client, ORG_LIST, lambda: restore(settings, made.path, force=True))
    assert MOTIE in org_ids(after)


def test_a_failed_write_leaves_the_version(other: Graph) -> None:
    before = read_version(other)
    assert before is not None
    with pytest.raises(ClientError):
        other.write("MATCH (n:Entity {id: $id}) SET n.name = 'x' RETURN 1 / 0 AS boom", id=MOTIE)
    assert read_version(other) == before
    other.write("RETURN 1 AS nothing")
    after = read_version(other)
    assert after is not None and after.number == before.number + 1 and after.tag != before.tag


# -- settings ------------------------------------------------------------------------------


@pytest.fixture
def statements(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every statement the driver runs from now on, in any thread and any kind of
    transaction (managed, explicit, auto-commit), in order."""
    ran: list[str] = []
    for cls in (neo4j.ManagedTransaction, neo4j.Transaction, neo4j.Session):
        original = cls.run

        def counted(self: Any, query: Any, *args: Any, _run: Any = original, **kw: Any) -> Any:
            ran.append(str(getattr(query, "text", query)))
            return _run(self, query, *args, **kw)

        monkeypatch.setattr(cls, "run", counted)
    return ran


def test_the_cache_is_off_by_default() -> None:
    assert Settings.model_fields["api_cache_bytes"].default == 0


def test_with_the_cache_off_a_request_runs_its_route_and_nothing_else(
    neo4j_settings: Settings, settings: Settings, synced: Graph, statements: list[str]
) -> None:
    """Off (the default): no ETag, no 304, nothing kept, and no version read — the
    request's statements are its route's, one fewer than the same miss with the cache on
    (whose first transaction reads the version first, as the hook sees)."""
    url = f"/entities/{MOTIE}"
    off_settings = settings.model_copy(update={"api_cache_bytes": 0})
    assert neo4j_settings.api_cache_bytes == 0
    with TestClient(create_app(off_settings)) as off, TestClient(create_app(settings)) as on:
        off.get(url)  # warm: the first request of an app may look things up once
        on_first = on.get(url)
        etag = on_first.headers["etag"]

        statements.clear()
        first = off.get(url)
        off_ran = list(statements)
        assert first.status_code == 200
        assert "etag" not in first.headers and "cache-control" not in first.headers
        assert off_ran, "the hook sees the route's statements"
        assert version_q.READ not in off_ran, "no version read with the cache off"
        assert not any("GraphVersion" in text for text in off_ran)

        ran = queries_run(off, ENTITY_ROUTE)
        statements.clear()
        again = off.get(url, headers={"If-None-Match": etag})
        assert again.status_code == 200 and again.content == first.content
        assert statements == off_ran, "asked again, the same statements, nothing kept"
        assert queries_run(off, ENTITY_ROUTE) > ran
        body = {"query": "MATCH (o:Organization) RETURN count(o) AS n", "params": {}}
        attempts = cypher_attempts(off)
        off.post("/cypher", json=body)
        statements.clear()
        off.post("/cypher", json=body)
        assert cypher_attempts(off) == attempts + 2, "no /cypher answer kept"
        assert version_q.READ not in statements
        spec = off.get("/openapi.json").json()
        assert "304" not in spec["paths"]["/entities/{id}"]["get"]["responses"]

        # the same miss with the cache on: the version read, first, in the route's own
        # transaction — one statement more, nothing else
        statements.clear()
        on_miss = on.get(url, headers={"X-API-Key": "another-key-0001"})  # a key of its own
        assert on_miss.status_code == 200 and on_miss.headers["etag"]
        assert statements[0] == version_q.READ
        assert statements[1:] == off_ran


def test_the_cache_is_bounded_in_bytes() -> None:
    cache = AnswerCache(4096)
    for i in range(10):
        assert cache.put(bytes([i]), b"x" * 1000, [(b"content-type", b"text/plain")])
        assert cache.bytes <= 4096
    assert len(cache) == 3
    assert cache.get(bytes([0])) is None and cache.get(bytes([9])) is not None
    cache.get(bytes([7]))  # used: kept over 8
    cache.put(bytes([10]), b"y" * 1000, [])
    assert cache.get(bytes([7])) is not None and cache.get(bytes([8])) is None
    assert not cache.put(b"big", b"z" * 5000, []), "larger than the whole cache"


def test_requests_arriving_together_share_one_version_read() -> None:
    """A request never takes a read that started before it arrived (it may predate a
    write the request follows): the ones arriving while a read runs share the next."""
    reads: list[int] = []
    release = asyncio.Event()

    async def read() -> GraphVersion:
        reads.append(len(reads))
        mine = len(reads)
        await release.wait()
        return GraphVersion(mine, f"tag-{mine}")

    async def scenario() -> tuple[GraphVersion | None, list[GraphVersion | None]]:
        clock = VersionClock(read)
        first = asyncio.create_task(clock.current())
        await asyncio.sleep(0)  # its read is under way
        later = [asyncio.create_task(clock.current()) for _ in range(5)]
        await asyncio.sleep(0)
        release.set()
        return await first, list(await asyncio.gather(*later))

    first, later = asyncio.run(scenario())
    assert reads == [0, 1], "six requests, two reads"
    assert first is not None and first.tag == "tag-1"
    assert {v.tag for v in later if v} == {"tag-2"}


def test_a_failed_version_read_fails_its_waiters_at_once() -> None:
    """Neo4j away: the requests that waited on the failing read fail with it (503),
    instead of each waiting a second timeout for a read of their own."""
    reads: list[int] = []
    release = asyncio.Event()

    async def read() -> GraphVersion:
        reads.append(len(reads))
        await release.wait()
        raise ConnectionError("Neo4j is away")

    async def scenario() -> list[BaseException | GraphVersion | None]:
        clock = VersionClock(read)
        first = asyncio.create_task(clock.current())
        await asyncio.sleep(0)
        later = [asyncio.create_task(clock.current()) for _ in range(3)]
        await asyncio.sleep(0)
        release.set()
        return list(await asyncio.gather(first, *later, return_exceptions=True))

    answers = asyncio.run(scenario())
    assert reads == [0], "one read, no second one"
    assert all(isinstance(a, ConnectionError) for a in answers)
