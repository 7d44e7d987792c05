"""API keys for the endpoints that write: off until ``STKG_API_KEYS`` names at least one.

Clients send a key in the ``X-API-Key`` header. Keys are compared with
:func:`hmac.compare_digest` against every configured key (so the time taken does not tell
which key, or how much of one, matched), and they never appear in a log line or an answer.
"""

from __future__ import annotations

import hashlib
import hmac
from functools import lru_cache
from typing import Annotated

import anyio.to_thread
from fastapi import Depends, Security
from fastapi.security import APIKeyHeader

from stkg.api.deps import SettingsDep
from stkg.api.problems import Problem

API_KEY_HEADER = "X-API-Key"
#: Salt and work factor of :func:`key_scope` (PBKDF2-SHA256): the scope is stored in the
#: graph, which anyone may read through POST /cypher, so it must not give a short key away.
_SCOPE_SALT = b"stkg upload scope"
_SCOPE_ROUNDS = 200_000

api_key_header = APIKeyHeader(
    name=API_KEY_HEADER,
    auto_error=False,
    description="One of the keys in STKG_API_KEYS; write endpoints only.",
)


def key_matches(given: str, keys: list[str]) -> bool:
    """True when ``given`` equals one of ``keys``, in time independent of which one."""
    given_bytes = given.encode("utf-8")
    matched = False
    for key in keys:
        matched |= hmac.compare_digest(given_bytes, key.encode("utf-8"))
    return matched


async def require_api_key(
    settings: SettingsDep, key: Annotated[str | None, Security(api_key_header)] = None
) -> None:
    """Dependency of write endpoints: 404 when disabled, 401 without a key, 403 wrong key."""
    keys = [k.get_secret_value() for k in settings.api_keys]
    if not keys:
        raise Problem(
            404,
            "Write endpoints are disabled",
            "This deployment accepts no writes: set STKG_API_KEYS to enable them.",
        )
    if not key:
        raise Problem(401, "API key required", f"Send an API key in the {API_KEY_HEADER} header.")
    if not key_matches(key, keys):
        raise Problem(403, "Invalid API key", "The API key is not valid.")


@lru_cache(maxsize=64)
def key_scope(key: str) -> str:
    """The scope of an API key: uploads sent with it are named within it.

    A one-way function of the key (16 hex digits of PBKDF2-SHA256, salted, 200,000
    rounds), so two keys never share uploads' names and the graph, which stores the
    scope in each uploaded document's origin, reveals nothing usable about the key.
    """
    digest = hashlib.pbkdf2_hmac("sha256", key.encode("utf-8"), _SCOPE_SALT, _SCOPE_ROUNDS)
    return "key-" + digest.hex()[:16]


async def upload_scope(
    _checked: Annotated[None, Depends(require_api_key)],
    key: Annotated[str | None, Security(api_key_header)] = None,
) -> str:
    """The caller's key scope (after :func:`require_api_key` accepted the key); worked
    out in a thread, the first time per key, to keep the event loop free."""
    return await anyio.to_thread.run_sync(key_scope, key or "")


UploadScopeDep = Annotated[str, Depends(upload_scope)]
