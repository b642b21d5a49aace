"""Opening the configured store for the API's lifespan, through :func:`policykg.graph.connect.open_store`.

The API's choices, passed as options: short connection and acquisition timeouts, so that an
unreachable server turns into a 503 within seconds instead of hanging a request; a bounded
retry time (``POLICYKG_NEO4J_RETRY_SECONDS``); a pool sized for the thread pool's concurrent
requests; and a Neo4j that is down at startup does not stop the API from starting: it answers
503 (with Retry-After) until Neo4j is back.
"""

from __future__ import annotations

from contextlib import AbstractContextManager

from neo4j import Driver

from policykg.api.settings import Settings
from policykg.graph import connect
from policykg.graph.store import GraphStore

CONNECTION_TIMEOUT_S = 3.0
ACQUISITION_TIMEOUT_S = 5.0
POOL_SIZE = 64


def driver_options(settings: Settings) -> connect.DriverOptions:
    """The API's driver options: short timeouts, the configured retry time, a pool of ``POOL_SIZE``."""
    return connect.DriverOptions(connection_timeout=CONNECTION_TIMEOUT_S, acquisition_timeout=ACQUISITION_TIMEOUT_S,
                                 pool_size=POOL_SIZE, retry_seconds=settings.neo4j_retry_seconds)


def neo4j_driver(settings: Settings) -> Driver:
    """A driver with the API's options; it connects lazily, so a down server does not stop startup."""
    return connect.neo4j_driver(settings, driver_options(settings))


def open_store(settings: Settings) -> AbstractContextManager[GraphStore]:
    """The configured store with its schema ensured; with Neo4j down, startup logs it and carries on."""
    return connect.open_store(settings, ensure_schema=True, driver_options=driver_options(settings),
                              tolerate_unavailable=True)
