"""Opening the configured store for the API's lifespan: embedded file or Neo4j over Bolt.

The Neo4j driver is created here, once per process, and closed when the app shuts down; the
store only borrows it. Connection timeouts are short so that an unreachable server turns into a
503 within seconds instead of hanging a request.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from neo4j import Driver, GraphDatabase

from policykg.api.settings import Settings
from policykg.graph.store import GraphStore

CONNECTION_TIMEOUT_S = 3.0
ACQUISITION_TIMEOUT_S = 5.0


def neo4j_driver(settings: Settings) -> Driver:
    """A driver for ``settings.neo4j_uri``; it connects lazily, so a down server does not stop startup."""
    return GraphDatabase.driver(
        settings.neo4j_uri,
        auth=(settings.neo4j_user, settings.neo4j_password.get_secret_value()),
        connection_timeout=CONNECTION_TIMEOUT_S,
        connection_acquisition_timeout=ACQUISITION_TIMEOUT_S,
        max_connection_pool_size=64,
    )


@contextmanager
def open_store(settings: Settings) -> Iterator[GraphStore]:
    """Yield the configured store; close it (and the driver, if any) on exit."""
    if settings.backend == "neo4j":
        from policykg.graph.neo4j_store import Neo4jStore

        driver = neo4j_driver(settings)
        store: GraphStore = Neo4jStore(driver, database=settings.neo4j_database)
        try:
            yield store
        finally:
            store.close()
            driver.close()
        return
    from policykg.graph.embedded import EmbeddedStore

    store = EmbeddedStore(settings.store_path)
    try:
        yield store
    finally:
        store.close()
