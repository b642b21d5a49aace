"""Opening the configured store: the embedded file or Neo4j over Bolt, chosen by settings.

The CLI builds :class:`StoreSettings` from the environment; the API passes its own settings
object (any object with the same attribute names works, a pydantic ``SecretStr`` password
included). The Neo4j driver is created here, once, and closed when the store is closed; the
store itself only borrows it.

Environment: ``POLICYKG_BACKEND`` (embedded|neo4j), ``POLICYKG_STORE`` (embedded file),
``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from policykg.errors import ValidationError
from policykg.graph.store import GraphStore

BACKENDS = ("embedded", "neo4j")


@dataclass(frozen=True)
class StoreSettings:
    """Where the graph lives."""

    backend: str = "embedded"
    store_path: Path | None = None  # None: the embedded store's default location
    neo4j_uri: str = "bolt://127.0.0.1:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: str = "policykg-local"
    neo4j_database: str = "neo4j"
    batch_size: int | None = None  # None: the Neo4j store's default

    @classmethod
    def from_env(cls, **overrides: Any) -> StoreSettings:
        """Settings from the environment, then `overrides` whose value is not None."""
        env = os.environ
        settings = cls(
            backend=env.get("POLICYKG_BACKEND", "embedded"),
            store_path=Path(env["POLICYKG_STORE"]) if env.get("POLICYKG_STORE") else None,
            neo4j_uri=env.get("NEO4J_URI", cls.neo4j_uri),
            neo4j_user=env.get("NEO4J_USER", cls.neo4j_user),
            neo4j_password=env.get("NEO4J_PASSWORD", cls.neo4j_password),
            neo4j_database=env.get("NEO4J_DATABASE", cls.neo4j_database),
        )
        return replace(settings, **{k: v for k, v in overrides.items() if v is not None})


def _secret(value: Any) -> str:
    return value.get_secret_value() if hasattr(value, "get_secret_value") else str(value)


@contextmanager
def open_store(settings: Any, ensure_schema: bool = False) -> Iterator[GraphStore]:
    """Yield the store `settings` describe; close it (and the Neo4j driver) on exit.

    With `ensure_schema`, a Neo4j store first creates its constraints and indexes.
    """
    backend = getattr(settings, "backend", "embedded")
    if backend not in BACKENDS:
        raise ValidationError(f"unknown backend {backend!r} (POLICYKG_BACKEND); use embedded or neo4j")
    if backend == "embedded":
        from policykg.graph.embedded import EmbeddedStore

        store: GraphStore = EmbeddedStore(getattr(settings, "store_path", None))
        try:
            yield store
        finally:
            store.close()
        return
    with _neo4j_store(settings, ensure_schema) as neo:
        yield neo


@contextmanager
def _neo4j_store(settings: Any, ensure_schema: bool) -> Iterator[GraphStore]:
    from neo4j import GraphDatabase

    from policykg.graph.neo4j_store import DEFAULT_BATCH_SIZE, Neo4jStore, translate_errors

    with translate_errors():
        driver = GraphDatabase.driver(settings.neo4j_uri, auth=(settings.neo4j_user, _secret(settings.neo4j_password)))
    try:
        store = Neo4jStore(driver, database=settings.neo4j_database,
                           batch_size=getattr(settings, "batch_size", None) or DEFAULT_BATCH_SIZE)
        if ensure_schema:
            store.ensure_schema()
        yield store
        store.close()
    finally:
        driver.close()
