"""Dependencies shared by the routers, as ``Annotated`` aliases.

The store (and, on the Neo4j backend, the driver it was given) is created once in the
application's lifespan and kept on ``app.state``; endpoints receive it through ``StoreDep``.
"""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader

from policykg.api.problems import Forbidden, Unauthorized
from policykg.api.settings import Settings, get_settings
from policykg.graph.store import GraphStore

API_KEY_HEADER = "X-API-Key"
_api_key_header = APIKeyHeader(name=API_KEY_HEADER, auto_error=False,
                               description="Required for writes; must equal POLICYKG_API_KEY.")

SettingsDep = Annotated[Settings, Depends(get_settings)]


def get_store(request: Request) -> GraphStore:
    """The application's store, opened at startup."""
    return request.app.state.store


StoreDep = Annotated[GraphStore, Depends(get_store)]


def require_api_key(settings: SettingsDep,
                    key: Annotated[str | None, Security(_api_key_header)] = None) -> None:
    """Allow a write only with the configured key: none configured → 403; missing/wrong → 401."""
    if settings.api_key is None:
        raise Forbidden("writes are disabled: the server has no API key configured (POLICYKG_API_KEY)")
    if not key:
        raise Unauthorized(f"missing API key: send it in the {API_KEY_HEADER} header")
    expected = settings.api_key.get_secret_value().encode()
    if not secrets.compare_digest(key.encode(), expected):
        raise Unauthorized(f"wrong API key in the {API_KEY_HEADER} header")


WriteAccess = Depends(require_api_key)
"""Put in a route's ``dependencies=[...]`` to make it a write that needs the API key."""
