"""All configuration in one place.

Every knob is an environment variable: the Neo4j connection uses the names the Neo4j
ecosystem already uses (``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD``,
``NEO4J_DATABASE``); everything else is ``STKG_*``. A ``.env`` file in the working
directory is read too. Nothing else in the code base reads the environment.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

#: The Neo4j release the local launcher runs: the newest 5.26 LTS patch verified on Maven
#: Central and Java 17 (2025.x needs Java 21).
NEO4J_VERSION = "5.26.31"
#: The last Neo4j Browser published on Maven Central.
NEO4J_BROWSER_VERSION = "5.24.0"


class Settings(BaseSettings):
    """stkg's settings; see ``docs/configuration.md`` for the full table."""

    model_config = SettingsConfigDict(
        env_prefix="STKG_", env_file=".env", extra="ignore", populate_by_name=True
    )

    # --- Neo4j connection -------------------------------------------------------------
    neo4j_uri: str = Field(
        default="bolt://127.0.0.1:7687",
        validation_alias=AliasChoices("NEO4J_URI", "STKG_NEO4J_URI"),
        description="Bolt URI; neo4j:// (routing) works for clusters and Aura.",
    )
    neo4j_user: str = Field(
        default="neo4j", validation_alias=AliasChoices("NEO4J_USER", "STKG_NEO4J_USER")
    )
    neo4j_password: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("NEO4J_PASSWORD", "STKG_NEO4J_PASSWORD"),
        description="When set, the local server requires it; when unset it runs without "
        "auth, reachable on loopback only.",
    )
    neo4j_database: str = Field(
        default="neo4j",
        validation_alias=AliasChoices("NEO4J_DATABASE", "STKG_NEO4J_DATABASE"),
    )
    neo4j_timeout: float = Field(
        default=30.0, description="Seconds a query may run before it is cancelled."
    )

    # --- local server -------------------------------------------------------------------
    home: Path = Field(
        default=Path(".stkg"),
        description="State directory: local Neo4j store, logs, pid files.",
    )
    cache_dir: Path = Field(
        default=Path.home() / ".cache" / "stkg",
        description="Where the Neo4j jars fetched from Maven Central are kept.",
    )
    neo4j_version: str = NEO4J_VERSION
    neo4j_browser_version: str = NEO4J_BROWSER_VERSION
    neo4j_http_port: int = Field(default=7474, ge=1, le=65535)
    neo4j_heap: str = Field(default="512m", pattern=r"^\d+[kmgKMG]$")
    neo4j_pagecache: str = Field(default="256m", pattern=r"^\d+[kmgKMG]$")
    neo4j_query_memory: str = Field(
        default="128m",
        pattern=r"^\d+[kmgKMG]?$",
        description="Memory one transaction of the local server may use "
        "(db.memory.transaction.max); a query needing more fails at once. 0: no limit.",
    )
    neo4j_query_memory_total: str | None = Field(
        default=None,
        pattern=r"^\d+[kmgKMG]?$",
        description="Memory all transactions of the local server may use together "
        "(dbms.memory.transaction.total.max); unset: Neo4j's default, 70% of the heap.",
    )
    neo4j_start_timeout: float = Field(default=120.0, gt=0)
    neo4j_stop_timeout: float = Field(default=60.0, gt=0)
    backup_dir: Path | None = Field(
        default=None,
        description="Where `stkg backup` writes backups and their manifests (default: "
        "STKG_HOME/backups).",
    )

    # --- API ----------------------------------------------------------------------------
    api_host: str = "127.0.0.1"
    api_port: int = Field(default=8000, ge=1, le=65535)
    api_max_body: int = Field(
        default=1024 * 1024,
        ge=1024,
        description="Largest request body in bytes (uploads included); larger ones get 413.",
    )
    api_cypher_concurrency: int = Field(
        default=2,
        ge=1,
        le=64,
        description="POST /cypher queries running at once; one more is answered 429.",
    )
    api_cypher_retry_after: int = Field(
        default=2,
        ge=1,
        le=3600,
        description="Seconds in the Retry-After of a 429 when every /cypher slot is taken.",
    )
    api_cache_bytes: int = Field(
        default=0,
        ge=0,
        description="Bytes of serialised answers each API process keeps (an LRU keyed by "
        "route, parameters, format and graph version), with ETags and 304s on GET; 0 (the "
        "default) turns all of it off: no ETags, no graph version read by any request.",
    )
    api_version_max_age: float = Field(
        default=0.0,
        ge=0,
        le=60,
        description="Seconds a read of the graph version may be reused before a request "
        "checks again; 0: every request sees every write committed before it arrived.",
    )
    api_cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Origins allowed by CORS, comma-separated; empty (the default) allows none.",
    )
    api_keys: Annotated[list[SecretStr], NoDecode] = Field(
        default_factory=list,
        description="API keys for the write endpoints, comma-separated; empty disables them.",
    )

    # --- SPARQL (GET/POST /sparql, stkg sparql) ----------------------------------------
    sparql_timeout: float = Field(
        default=10.0,
        gt=0,
        le=300,
        description="Seconds a SPARQL query may take (a rebuild of the store included) "
        "before it is answered 408.",
    )
    sparql_max_rows: int = Field(
        default=10_000,
        ge=1,
        description="Most solutions (or triples) one SPARQL answer holds; more are dropped "
        "and the answer says so (STKG-Truncated: true).",
    )
    sparql_concurrency: int = Field(
        default=2,
        ge=1,
        le=64,
        description="SPARQL queries evaluated at once; one more is answered 429. A query "
        "past its timeout holds its slot until its evaluation ends.",
    )
    sparql_unversioned_max_age: float = Field(
        default=2.0,
        ge=0,
        description="On a graph without a version node (no `ontology sync` ran): seconds "
        "the SPARQL store is kept before a query rebuilds it.",
    )
    sparql_incremental_max_nodes: int = Field(
        default=20_000,
        ge=0,
        description="Most nodes the SPARQL store reloads to follow the documents written "
        "since it last read the graph; past it (or 0) the store is rebuilt in full.",
    )

    # --- ingest (stkg ingest) -----------------------------------------------------------
    ingest_jobs: int = Field(
        default=0,
        ge=0,
        le=256,
        description="Processes `stkg ingest` reads and extracts documents in (the writes "
        "stay in the command's own process, in order, one transaction per document); 0: "
        "one per core; 1: everything in the one process, no workers.",
    )
    ingest_pool_min_documents: int = Field(
        default=32,
        ge=1,
        description="With `ingest_jobs` left at 0, a run of fewer documents than this is "
        "read and extracted in the command's own process: each worker takes 10-25 s to "
        "start (it loads Kiwi), which a short run never earns back.",
    )

    # --- web sources (stkg ingest URL, stkg feed) ---------------------------------------
    web_timeout: float = Field(
        default=20.0, gt=0, description="Seconds to connect, or to wait for the next bytes."
    )
    web_host_interval: float = Field(
        default=1.0,
        ge=0,
        description="Least seconds between two requests to the same host (robots.txt "
        "Crawl-delay raises it).",
    )
    web_retries: int = Field(
        default=3, ge=0, le=10, description="Retries after a timeout, a dropped connection or 5xx."
    )
    web_backoff: float = Field(
        default=1.0, ge=0, description="First retry delay in seconds; doubles on each retry."
    )
    web_max_redirects: int = Field(default=5, ge=0, le=30)
    web_contact: str = Field(
        default="",
        description="Contact (URL or e-mail) appended to the User-Agent so site owners can "
        "reach the operator.",
    )
    feed_keywords: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: ["로드맵", "전략기술", "특허", "기술개발", "R&D"],
        description="Default feed filter: an item must mention one of these, comma-separated.",
    )
    feed_interval: float = Field(
        default=3600.0, gt=0, description="Seconds between two polls of `stkg feed pull`."
    )

    @field_validator("api_cors_origins", "api_keys", "feed_keywords", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        """Environment variables hold one string; split it at commas, drop blanks."""
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("neo4j_uri")
    @classmethod
    def _known_scheme(cls, value: str) -> str:
        scheme = urlsplit(value).scheme
        allowed = {"bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"}
        if scheme not in allowed:
            raise ValueError(f"NEO4J_URI must use one of {sorted(allowed)}, got {value!r}")
        return value

    @property
    def bolt_host(self) -> str:
        return urlsplit(self.neo4j_uri).hostname or "127.0.0.1"

    @property
    def bolt_port(self) -> int:
        return urlsplit(self.neo4j_uri).port or 7687

    @property
    def neo4j_home(self) -> Path:
        """The local server's own directory under the state directory."""
        return (self.home / "neo4j").resolve()

    @property
    def backups(self) -> Path:
        """Where backups go when ``stkg backup`` is not told (``STKG_BACKUP_DIR``)."""
        return (self.backup_dir or self.home / "backups").resolve()

    def ingest_workers(self, documents: int) -> int:
        """``ingest_jobs`` for a run of ``documents``; 0 is read as the cores this process
        may run on, or 1 for a run shorter than ``ingest_pool_min_documents``."""
        if self.ingest_jobs:
            return self.ingest_jobs
        return available_cores() if documents >= self.ingest_pool_min_documents else 1

    @property
    def password(self) -> str | None:
        return self.neo4j_password.get_secret_value() if self.neo4j_password else None


def available_cores() -> int:
    """The CPU cores this process may run on (its affinity where the system says)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
