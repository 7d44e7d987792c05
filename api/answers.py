"""Conditional requests and the answer cache: the graph changes only when something writes.

**Opt-in.** The app builds what this module holds only when ``STKG_API_CACHE_BYTES`` is
above 0 (``api/app.py``); at 0, the default, no route has these dependencies, no request
reads the graph version and no answer carries an ETag: each request runs its route's
queries and nothing else.

Every committed write advances the graph version (:mod:`stkg.graph.version`), in Neo4j
itself, so a write by the CLI or another API worker is seen here too (writes advance it
whether or not any API caches: a writing process cannot know). From it:

- **ETags.** A successful GET answer carries a strong ``ETag`` derived from the graph
  version's tag, the code (:func:`answer_epoch`), the base URL, the path, the query
  parameters, the output format, the day (UTC: a named query's ``as_of`` may default to
  today) and, when the request carries a credential, the caller. ``If-None-Match``
  naming it is answered ``304 Not Modified`` without running the route's query
  (:func:`conditional_get`): the one read is the version's.
- **The answer cache.** An in-process LRU (:class:`AnswerCache`) of serialised 200
  answers, bounded in bytes (``STKG_API_CACHE_BYTES``), keyed like the ETag. ``POST
  /cypher`` answers are kept under (query text, parameters, row cap) the same way
  (:func:`cached_cypher`), except for queries that read the clock or draw random values.
  When the version moves, the whole cache is dropped: no entry of an older version can
  be asked for again.

**Where the version is read.** A request that runs its route (a miss) reads no version
of its own: its first read transaction reads it as its first statement
(:class:`~stkg.graph.version.VersionProbe`), and the answer is labelled and kept under
that. Only a request that *could* be answered without its route — its ``If-None-Match``
names, or the cache holds, the answer under the version last seen — asks Neo4j for the
version first (:class:`VersionClock`), to confirm nothing was written since. That read
is one attempt, never retried, and bounded (:data:`VERSION_READ_TIMEOUT`): Neo4j away
answers 503 at once, as the route itself would. Requests arriving while such a read is
under way wait for the next one that starts after they arrived (never for an older
one), so every answer reflects every write committed before its request arrived.
``STKG_API_VERSION_MAX_AGE`` > 0 lets a read be reused for that many seconds instead.

Answers are the same for every caller today (no GET route reads a key); a request that
carries ``X-API-Key`` or ``Authorization`` still gets a cache partition and ETags of its
own, and ``Cache-Control: private``, so an answer that came to depend on the caller could
never reach another one. Problem answers are never cached (``Cache-Control: no-store``).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import json
import re
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Coroutine, Iterable
from dataclasses import dataclass
from typing import Annotated, Any

import anyio.to_thread
from fastapi import Depends, Request
from fastapi.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from stkg.api.db import NoAnswer, waiting_since
from stkg.api.envelope import FORMAT_PARAMETER, format_name
from stkg.api.security import API_KEY_HEADER
from stkg.config.settings import Settings
from stkg.graph.driver import Graph
from stkg.graph.version import PROBE, GraphVersion, VersionProbe, read_version_once
from stkg.queries.catalog import today

__all__ = [
    "NOT_MODIFIED",
    "STATE_KEY",
    "AnswerCache",
    "AnswerKey",
    "Answered",
    "Answers",
    "AnswersDep",
    "CacheHeaders",
    "Question",
    "VersionClock",
    "after_write",
    "answer_epoch",
    "cached_cypher",
    "conditional_get",
]

#: Where a request's :class:`Question` waits for :class:`CacheHeaders` (``scope["state"]``).
STATE_KEY = "stkg_answer"
#: Headers whose presence makes an answer the caller's own (a cache partition of its own).
CREDENTIALS = (API_KEY_HEADER.lower(), "authorization")
#: Seconds a version read of its own (before a kept answer or a 304) may take; past that
#: Neo4j is taken as not answering: 503 at once, as a failed read is.
VERSION_READ_TIMEOUT = 2.0
#: Bytes counted for an entry beyond its body and headers (key, list, object overheads).
ENTRY_OVERHEAD = 256
#: Cypher whose answer changes without a write: the clock, random values.
UNREPEATABLE = re.compile(
    r"\b(rand|randomUUID|timestamp|datetime|date|time|localtime|localdatetime)\s*\("
    r"|\.(realtime|statement|transaction)\s*\(",
    re.IGNORECASE,
)


#: The OpenAPI answer every labelled GET route may give (added to its router in the app).
NOT_MODIFIED: dict[int | str, dict[str, Any]] = {
    304: {
        "description": "Not Modified: `If-None-Match` named this answer's ETag and nothing "
        "was written to the graph since (no body)",
        "headers": {
            "ETag": {
                "description": "The answer's strong entity tag (the same as the 200's)",
                "schema": {"type": "string"},
            },
        },
    }
}


def answer_epoch(version: str, sources: Iterable[bytes]) -> str:
    """What besides the graph shapes an answer: the stkg version and the ontology and
    query texts it runs with. Equal in every worker of one deployment, so a client's
    ETag holds whichever worker it asks; new code means new ETags."""
    digest = hashlib.sha256(version.encode())
    for source in sources:
        digest.update(hashlib.sha256(source).digest())
    return digest.hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class AnswerKey:
    """One request's place in the cache, and its ETag (GET only)."""

    digest: bytes
    tag: str
    etag: str | None
    private: bool

    def headers(self) -> list[tuple[bytes, bytes]]:
        """The validator and caching headers of a 200 or 304 answer to this request."""
        control = b"private, no-cache" if self.private else b"no-cache"
        out = [(b"cache-control", control)]
        if self.etag is not None:
            out += [(b"etag", self.etag.encode()), (b"vary", b"Accept")]
        return out


@dataclass(frozen=True, slots=True)
class Question:
    """What a request asks, before the graph version that completes its key is known.

    ``probe`` is filled by the route's first read transaction (a miss); the middleware
    then keys, labels and keeps the answer under the version that read saw.
    """

    text: str  # the parts of the key besides the version, canonical
    private: bool
    etag: bool  # a GET: its answers carry an ETag
    probe: VersionProbe


@dataclass(frozen=True, slots=True)
class _Entry:
    body: bytes
    headers: list[tuple[bytes, bytes]]
    size: int


class AnswerCache:
    """Serialised answers by key, least recently used first out, at most ``max_bytes``.

    Used from the event loop only (no lock): the middleware and the dependencies that
    read and fill it are coroutines.
    """

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self._entries: OrderedDict[bytes, _Entry] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, digest: object) -> bool:
        return digest in self._entries

    def get(self, digest: bytes) -> _Entry | None:
        entry = self._entries.get(digest)
        if entry is not None:
            self._entries.move_to_end(digest)
        return entry

    def put(self, digest: bytes, body: bytes, headers: list[tuple[bytes, bytes]]) -> bool:
        """Keep an answer; one larger than the whole cache is not kept."""
        size = len(body) + sum(len(k) + len(v) for k, v in headers) + ENTRY_OVERHEAD
        if size > self.max_bytes:
            return False
        old = self._entries.pop(digest, None)
        if old is not None:
            self.bytes -= old.size
        self._entries[digest] = _Entry(body, headers, size)
        self.bytes += size
        while self.bytes > self.max_bytes:
            _, evicted = self._entries.popitem(last=False)
            self.bytes -= evicted.size
        return True

    def clear(self) -> None:
        self._entries.clear()
        self.bytes = 0


class VersionClock:
    """The graph version as last read, one read shared by the requests that wait for it.

    A request takes a read that started after it arrived (or at most ``max_age`` seconds
    before): never one that might predate a write committed before the request came.
    ``on_change`` runs when the tag differs from the last one seen (the cache drops
    everything then).
    """

    def __init__(
        self,
        read: Callable[[], Coroutine[Any, Any, GraphVersion | None]],
        max_age: float = 0.0,
        on_change: Callable[[], None] | None = None,
    ) -> None:
        self._read = read
        self.max_age = max_age
        self._on_change = on_change
        self._value: GraphVersion | None = None
        self._value_started = float("-inf")
        self._task: asyncio.Task[GraphVersion | None] | None = None
        self._task_started = float("-inf")
        self.reads = 0

    @property
    def latest(self) -> GraphVersion | None:
        """The version the last finished read saw."""
        return self._value

    def expire(self) -> None:
        """Forget the last read (this process just wrote)."""
        self._value_started = float("-inf")

    def observe(self, value: GraphVersion | None, started: float) -> None:
        """A version read elsewhere (in a route's own transaction) that started at
        ``started`` (``time.monotonic()``): taken unless a later-started read was."""
        if started >= self._value_started:
            if self._on_change is not None and value != self._value:
                self._on_change()
            self._value, self._value_started = value, started

    async def current(self) -> GraphVersion | None:
        """The version as of a read that started no earlier than now − ``max_age``."""
        oldest = time.monotonic() - self.max_age
        while True:
            if self._value_started >= oldest and self._value_started > float("-inf"):
                return self._value
            task = self._task
            if task is None or task.done():
                task = self._start()
            if self._task_started >= oldest:
                return await asyncio.shield(task)
            # the read under way began before this request arrived: wait, then read anew;
            # if it failed (Neo4j away, or not answering), so does this request, at once,
            # rather than waiting a second timeout
            await asyncio.wait([task])
            error = None if task.cancelled() else task.exception()
            if error is not None:
                raise error

    def _start(self) -> asyncio.Task[GraphVersion | None]:
        started = time.monotonic()
        task = asyncio.get_running_loop().create_task(self._read())
        self._task, self._task_started = task, started

        def done(finished: asyncio.Task[GraphVersion | None]) -> None:
            if self._task is finished:
                self._task = None
            if finished.cancelled() or finished.exception() is not None:
                return
            value = finished.result()
            if started >= self._value_started:
                if self._on_change is not None and value != self._value:
                    self._on_change()
                self._value, self._value_started = value, started
            self.reads += 1

        task.add_done_callback(done)
        return task


class Answers:
    """The app's cache, version clock and epoch (one per process, in ``app.state``)."""

    def __init__(self, settings: Settings, epoch: str, graph: Callable[[], Graph]) -> None:
        self.cache = AnswerCache(settings.api_cache_bytes)
        self.epoch = epoch
        #: The day answers are asked on (part of every GET's key: see conditional_get).
        self.today: Callable[[], dt.date] = today
        timeout = min(settings.neo4j_timeout, VERSION_READ_TIMEOUT)

        async def read() -> GraphVersion | None:
            g = graph()
            try:
                # one attempt: Neo4j away raises ServiceUnavailable (503) at once
                return await asyncio.wait_for(
                    anyio.to_thread.run_sync(
                        lambda: read_version_once(g, timeout=timeout), abandon_on_cancel=True
                    ),
                    timeout,
                )
            except TimeoutError as exc:
                raise NoAnswer(f"Neo4j did not answer within {timeout:.0f}s") from exc

        self.clock = VersionClock(read, settings.api_version_max_age, self.cache.clear)

    @property
    def caching(self) -> bool:
        return self.cache.max_bytes > 0

    def question(self, request: Request, parts: list[str], *, etag: bool) -> Question:
        """What ``parts`` (what the route answers from) ask for this caller and code."""
        credential = b"\x00".join(request.headers.get(h, "").encode() for h in CREDENTIALS)
        private = credential != b"\x00"
        caller = hashlib.sha256(credential).hexdigest() if private else ""
        text = json.dumps([self.epoch, caller, *parts], ensure_ascii=False)
        return Question(text, private, etag, VersionProbe())

    def key(self, question: Question, version: GraphVersion) -> AnswerKey:
        """The key of ``question`` at ``version``, and its ETag (GET only)."""
        text = f"{version.tag}\x00{question.text}"
        digest = hashlib.sha256(text.encode("utf-8")).digest()
        etag = f'"{digest[:16].hex()}"' if question.etag else None
        return AnswerKey(digest, version.tag, etag, question.private)

    async def known(self, question: Question, if_none_match: str | None) -> Response | None:
        """The 304 or the kept answer for ``question``, when the version is still the
        one last seen; None when the route must run.

        Only a request that could be answered so reads the version here (shared, one
        attempt, see :class:`VersionClock`); any other leaves it to the route's own
        read transaction (:class:`~stkg.graph.version.VersionProbe`).
        """
        latest = self.clock.latest
        if latest is None:
            return None
        key = self.key(question, latest)
        named = key.etag is not None and _matches(if_none_match, key.etag)
        if not named and not (self.caching and key.digest in self.cache):
            return None
        version = await self.clock.current()
        if version is None:  # the version node went away: nothing to compare
            return None
        if version != latest:
            key = self.key(question, version)
        if key.etag is not None and _matches(if_none_match, key.etag):
            response = Response(status_code=304)
            response.raw_headers = key.headers()
            return response
        return self.hit(key)

    def hit(self, key: AnswerKey) -> Response | None:
        if not self.caching:
            return None
        entry = self.cache.get(key.digest)
        if entry is None:
            return None
        response = Response(entry.body, status_code=200)
        response.raw_headers = list(entry.headers)
        return response

    def keep(self, key: AnswerKey, body: bytes, headers: list[tuple[bytes, bytes]]) -> None:
        """Keep an answer unless caching is off or the version moved meanwhile."""
        current = self.clock.latest
        if self.caching and current is not None and current.tag == key.tag:
            self.cache.put(key.digest, body, headers)


class Answered(Exception):
    """A 304 or a kept answer, given instead of running the route."""

    def __init__(self, response: Response) -> None:
        self.response = response


async def app_answers(request: Request) -> Answers:
    return request.app.state.answers


AnswersDep = Annotated[Answers, Depends(app_answers)]


async def after_write(answers: AnswersDep) -> AsyncIterator[None]:
    """Router dependency of the write endpoints: the next request reads the version anew
    (it matters only when ``STKG_API_VERSION_MAX_AGE`` lets reads be reused)."""
    try:
        yield
    finally:
        answers.clock.expire()


async def conditional_get(request: Request, answers: AnswersDep) -> None:
    """Router dependency of the GET routes whose answer only the graph decides.

    Answers 304 when ``If-None-Match`` names this answer's ETag, or the kept answer when
    there is one, and nothing was written since (:meth:`Answers.known`); otherwise the
    route runs, reading the version in its own first transaction, and
    :class:`CacheHeaders` labels (and keeps) its answer.
    """
    if request.method != "GET":
        return
    fmt = request.query_params.get(FORMAT_PARAMETER, "")
    query = sorted(request.query_params.multi_items(), key=lambda kv: kv[0])
    question = answers.question(
        request,
        [
            "GET",
            str(request.base_url),  # links and next_url are absolute
            request.url.path,
            json.dumps(query, ensure_ascii=False),
            format_name(request, fmt or "json"),
            answers.today().isoformat(),  # a named query's `as_of` may default to today
        ],
        etag=True,
    )
    waiting_since(request)  # a version read here counts against the route's own wait
    known = await answers.known(question, request.headers.get("if-none-match"))
    if known is not None:
        raise Answered(known)
    _ask(request, question)


async def cached_cypher(
    request: Request, answers: AnswersDep, query: str, params: dict[str, Any], max_rows: int
) -> None:
    """What :func:`conditional_get` does for ``POST /cypher``, without ETags (not a GET):
    a kept answer to the same query text, parameters and row cap at this graph version
    is given without taking an analyst slot. Queries that read the clock or draw random
    values are never kept."""
    if not answers.caching or UNREPEATABLE.search(query):
        return
    canonical = json.dumps([query, params, max_rows], sort_keys=True, ensure_ascii=False)
    question = answers.question(request, ["POST /cypher", canonical], etag=False)
    known = await answers.known(question, None)
    if known is not None:
        raise Answered(known)
    _ask(request, question)


def _ask(request: Request, question: Question) -> None:
    """The route runs: its first read transaction reads the version into the probe
    (the context variable reaches the worker threads the reads run in)."""
    request.state.stkg_answer = question
    PROBE.set(question.probe)


def _matches(header: str | None, etag: str) -> bool:
    """``If-None-Match`` (a list of entity tags, weak comparison, RFC 9110 §13.1.2)."""
    if not header:
        return False
    return any(t.strip().removeprefix("W/") == etag for t in header.split(","))


def install_answered(app: Any) -> None:
    """Answer :class:`Answered` with the response it carries."""

    async def answered(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, Answered)
        request.state.stkg_answered = True
        return exc.response

    app.add_exception_handler(Answered, answered)


class CacheHeaders:
    """Pure ASGI middleware: labels and keeps the answers to the questions
    :func:`conditional_get` and :func:`cached_cypher` asked, and marks every other GET
    failure ``no-store``.

    A 200 to a question whose route read the graph version gets its ``ETag``,
    ``Cache-Control`` and ``Vary`` here, keyed by that version (the route knows nothing
    of them), and its body is kept, as sent, for the next one. The version the route
    read also becomes the clock's latest (:meth:`VersionClock.observe`).
    """

    def __init__(self, app: ASGIApp, answers: Answers) -> None:
        self.app = app
        self.answers = answers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "POST"):
            await self.app(scope, receive, send)
            return
        state: dict[str, Any] = scope.setdefault("state", {})
        keeping: tuple[AnswerKey, list[tuple[bytes, bytes]]] | None = None
        body: list[bytes] = []
        answers = self.answers

        async def label(message: Message) -> None:
            nonlocal keeping
            if message["type"] == "http.response.start":
                status = int(message["status"])
                question: Question | None = state.get(STATE_KEY)
                key: AnswerKey | None = None
                if question is not None and question.probe.read:
                    probe = question.probe
                    answers.clock.observe(probe.version, probe.started)
                    if probe.version is not None:
                        key = answers.key(question, probe.version)
                if state.get("stkg_answered"):
                    pass  # a 304 or a kept answer: labelled already
                elif status == 200 and key is not None:
                    headers = [
                        (k, v) for k, v in message.get("headers", []) if k != b"cache-control"
                    ]
                    headers += key.headers()
                    message = {**message, "headers": headers}
                    keeping = (key, headers)
                elif status >= 400 and scope["method"] == "GET":
                    headers = [
                        (k, v) for k, v in message.get("headers", []) if k != b"cache-control"
                    ]
                    message = {**message, "headers": [*headers, (b"cache-control", b"no-store")]}
            elif message["type"] == "http.response.body" and keeping is not None:
                body.append(message.get("body", b""))
                if not message.get("more_body", False):
                    answers.keep(keeping[0], b"".join(body), keeping[1])
            await send(message)

        token = PROBE.set(None)  # a probe is this request's own (set by its dependency)
        try:
            await self.app(scope, receive, label)
        finally:
            PROBE.reset(token)
