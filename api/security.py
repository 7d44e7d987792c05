"""API keys for the endpoints that write: off until ``STKG_API_KEYS`` names at least one.

Clients send a key in the ``X-API-Key`` header. Keys are compared with
:func:`hmac.compare_digest` against every configured key (so the time taken does not tell
which key, or how much of one, matched), and they never appear in a log line or an answer.
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Security
from fastapi.security import APIKeyHeader

from stkg.api.deps import SettingsDep
from stkg.api.problems import Problem

API_KEY_HEADER = "X-API-Key"

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
