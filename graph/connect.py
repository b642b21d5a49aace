"""Opening the configured store: the embedded file or Neo4j over Bolt, chosen by settings.

The CLI builds :class:`StoreSettings` from the environment; the API passes its own settings
object (any object with the same attribute names works, a pydantic ``SecretStr`` password
included) along with its driver options and its startup policy. The Neo4j driver is created
here, once, and closed when the store is closed; the store itself only borrows it.

Environment: ``POLICYKG_BACKEND`` (embedded|neo4j), ``POLICYKG_STORE`` (embedded file),
``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``, ``POLICYKG_CACHE_SIZE``
(answers kept while the graph is unchanged, see :mod:`policykg.graph.cache`; 0 keeps none).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policykg.errors import StoreUnavailableError, ValidationError
from policykg.graph.cache import DEFAULT_SIZE as DEFAULT_CACHE_SIZE
from policykg.graph.store import GraphStore

if TYPE_CHECKING:
    from neo4j import Driver

    from policykg.graph.neo4j_store import Neo4jStore

BACKENDS = ("embedded", "neo4j")
log = logging.getLogger("policykg.graph")


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
    transaction_rows: int | None = None  # None: the Neo4j store's default (1: one document per transaction)
    cache_size: int | None = None  # None: the stores' default (0: answers are never kept)

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
            cache_size=_cache_size(env.get("POLICYKG_CACHE_SIZE")),
        )
        return replace(settings, **{k: v for k, v in overrides.items() if v is not None})


def _cache_size(value: str | None) -> int | None:
    """POLICYKG_CACHE_SIZE as a number of answers (unset or empty: the default)."""
    if not value:
        return None
    try:
        size = int(value)
    except ValueError:
        size = -1
    if size < 0:
        raise ValidationError(f"POLICYKG_CACHE_SIZE must be a whole number of answers, 0 or more; got {value!r}")
    return size


@dataclass(frozen=True)
class DriverOptions:
    """How the Neo4j driver connects; None leaves the driver's own default.

    The CLI keeps the driver's defaults; the API uses short timeouts so that an unreachable
    server turns into a 503 within seconds instead of hanging a request.
    """

    connection_timeout: float | None = None  # seconds to open a connection
    acquisition_timeout: float | None = None  # seconds to wait for a pooled connection
    pool_size: int | None = None  # the most connections kept open
    retry_seconds: float | None = None  # how long a transaction is retried while Neo4j is away

    def driver_kwargs(self) -> dict[str, float | int]:
        """These options as ``GraphDatabase.driver`` keyword arguments (the unset ones left out)."""
        names = {"connection_timeout": self.connection_timeout,
                 "connection_acquisition_timeout": self.acquisition_timeout,
                 "max_connection_pool_size": self.pool_size,
                 "max_transaction_retry_time": self.retry_seconds}
        return {name: value for name, value in names.items() if value is not None}


def _secret(value: Any) -> str:
    return value.get_secret_value() if hasattr(value, "get_secret_value") else str(value)


def neo4j_driver(settings: Any, options: DriverOptions = DriverOptions()) -> Driver:
    """A driver for ``settings.neo4j_uri``; it connects lazily, so a down server does not fail here."""
    from neo4j import GraphDatabase

    from policykg.graph.neo4j_store import translate_errors

    with translate_errors():
        return GraphDatabase.driver(settings.neo4j_uri, auth=(settings.neo4j_user, _secret(settings.neo4j_password)),
                                    **options.driver_kwargs())


@contextmanager
def open_store(settings: Any, ensure_schema: bool = False, *, driver_options: DriverOptions = DriverOptions(),
               tolerate_unavailable: bool = False) -> Iterator[GraphStore]:
    """Yield the store `settings` describe; close it (and the Neo4j driver) on exit.

    With `ensure_schema`, a Neo4j store first creates its constraints and indexes. With
    `tolerate_unavailable`, a Neo4j server that cannot be reached for that is logged and the store
    is yielded all the same: its calls raise :class:`StoreUnavailableError` until the server is
    back (the API answers 503 meanwhile). `driver_options` set the driver's timeouts, retry time
    and pool size.
    """
    backend = getattr(settings, "backend", "embedded")
    if backend not in BACKENDS:
        raise ValidationError(f"unknown backend {backend!r} (POLICYKG_BACKEND); use embedded or neo4j")
    if backend == "embedded":
        with _embedded_store(settings) as store:
            yield store
        return
    with _neo4j_store(settings, driver_options) as neo:
        if ensure_schema:
            _ensure_schema(neo, settings.neo4j_uri, tolerate_unavailable)
        yield neo


@contextmanager
def _embedded_store(settings: Any) -> Iterator[GraphStore]:
    from policykg.graph.embedded import EmbeddedStore

    store = EmbeddedStore(getattr(settings, "store_path", None), cache_size=_store_cache_size(settings))
    try:
        yield store
    finally:
        store.close()


@contextmanager
def _neo4j_store(settings: Any, options: DriverOptions) -> Iterator[Neo4jStore]:
    from policykg.graph.neo4j_store import DEFAULT_BATCH_SIZE, DEFAULT_TRANSACTION_ROWS, Neo4jStore

    with neo4j_driver(settings, options) as driver:
        store = Neo4jStore(driver, database=settings.neo4j_database,
                           batch_size=getattr(settings, "batch_size", None) or DEFAULT_BATCH_SIZE,
                           transaction_rows=getattr(settings, "transaction_rows", None) or DEFAULT_TRANSACTION_ROWS,
                           cache_size=_store_cache_size(settings))
        try:
            yield store
        finally:
            store.close()


def _store_cache_size(settings: Any) -> int:
    size = getattr(settings, "cache_size", None)
    return DEFAULT_CACHE_SIZE if size is None else size


def _ensure_schema(store: Neo4jStore, uri: str, tolerate_unavailable: bool) -> None:
    """Create constraints and indexes if missing; an unreachable server is only logged when tolerated."""
    try:
        store.ensure_schema()
    except StoreUnavailableError as exc:
        if not tolerate_unavailable:
            raise
        log.warning("Neo4j at %s is unreachable at startup; answering 503 until it is back: %s", uri, exc)
