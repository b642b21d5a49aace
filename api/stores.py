"""Opening the configured store for the API's lifespan: embedded file or Neo4j over Bolt.

The Neo4j driver is created here, once per process, and closed when the app shuts down; the
store only borrows it. Connection timeouts are short so that an unreachable server turns into a
503 within seconds instead of hanging a request. A server that is down at startup does not stop
the API from starting: it answers 503 (with Retry-After) until Neo4j is back.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from neo4j import Driver, GraphDatabase

from policykg.api.settings import Settings
from policykg.errors import StoreUnavailableError
from policykg.graph.embedded import EmbeddedStore
from policykg.graph.neo4j_store import Neo4jStore
from policykg.graph.store import GraphStore

CONNECTION_TIMEOUT_S = 3.0
ACQUISITION_TIMEOUT_S = 5.0
POOL_SIZE = 64
log = logging.getLogger("policykg.api")


def neo4j_driver(settings: Settings) -> Driver:
    """A driver for ``settings.neo4j_uri``; it connects lazily, so a down server does not stop startup."""
    return GraphDatabase.driver(
        settings.neo4j_uri,
        auth=(settings.neo4j_user, settings.neo4j_password.get_secret_value()),
        connection_timeout=CONNECTION_TIMEOUT_S,
        connection_acquisition_timeout=ACQUISITION_TIMEOUT_S,
        max_connection_pool_size=POOL_SIZE,
        max_transaction_retry_time=settings.neo4j_retry_seconds,
    )


def _prepare(store: Neo4jStore, settings: Settings) -> None:
    """Create constraints and indexes if missing; with Neo4j down, log it and carry on (503s)."""
    try:
        store.ensure_schema()
    except StoreUnavailableError as exc:
        log.warning("Neo4j at %s is unreachable at startup; answering 503 until it is back: %s",
                    settings.neo4j_uri, exc)


@contextmanager
def open_store(settings: Settings) -> Iterator[GraphStore]:
    """Yield the configured store; close it (and the driver, if any) on exit."""
    if settings.backend == "neo4j":
        with neo4j_driver(settings) as driver:
            store = Neo4jStore(driver, database=settings.neo4j_database)
            _prepare(store, settings)
            try:
                yield store
            finally:
                store.close()
        return
    store = EmbeddedStore(settings.store_path)
    try:
        yield store
    finally:
        store.close()
