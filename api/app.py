"""The application factory: ``create_app(settings)`` builds the FastAPI app over one store.

Routers are listed by module in ``ROUTER_MODULES``; each module exposes ``router``. Adding a
router is a one-line edit of that list.

Sync driver in a thread pool, not the async driver — chosen by measurement
(``benchmarks/api_bench.py --drivers``, figures in ``benchmarks/README.md``): for the Cypher
behind ``who_proposed``, 8 requests in flight, the sync driver called from anyio's thread pool
gave a median 283 req/s (p50 20.6 ms) against 214 req/s (p50 26.0 ms) for the async driver.
As the async driver was not faster, the API keeps the one synchronous ``GraphStore`` interface:
both stores (networkx and Neo4j) serve it through the same code, and the parity tests cover
exactly what the API runs. Endpoints are therefore plain ``def`` functions, which FastAPI runs
in its thread pool.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from importlib import import_module
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from policykg import __version__
from policykg.api.limits import BodyLimitMiddleware
from policykg.api.models import Problem
from policykg.api.problems import PROBLEM_MEDIA_TYPE, install_problem_handlers
from policykg.api.settings import Settings, get_settings
from policykg.api.stores import open_store
from policykg.graph.store import GraphStore

ROUTER_MODULES = [
    "policykg.api.health",
    "policykg.api.queries",
    "policykg.api.export",
    "policykg.api.browse",
    "policykg.api.documents",
    "policykg.api.explore",
]
"""Modules whose ``router`` the app includes, in this order."""

STATIC_DIR = Path(__file__).parent / "static"

DESCRIPTION = """\
Who proposed which funds, mechanisms, platforms and institutions in Chinese policy
consultation speeches; where two proposers overlap; subgraph exports; search; ingest.
Errors are `application/problem+json` (RFC 9457). Writes need the `X-API-Key` header."""


def _lifespan(store: GraphStore | None) -> Callable[[FastAPI], AsyncIterator[None]]:
    """Open the store (and its driver) once at startup and close them at shutdown.

    A store handed in by the caller (tests, benchmarks) is used as is and left open: its owner
    closes it.
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if store is not None:
            app.state.store = store
            yield
            return
        with open_store(app.state.settings) as opened:
            app.state.store = opened
            yield

    return lifespan


def create_app(settings: Settings | None = None, store: GraphStore | None = None) -> FastAPI:
    """Build the API with ``settings`` (default: from the environment) over ``store``.

    Without ``store``, the lifespan opens the configured backend (embedded file or Neo4j).
    """
    settings = settings or get_settings()
    app = FastAPI(title="policykg", version=__version__, description=DESCRIPTION,
                  lifespan=_lifespan(store), responses={422: {"model": Problem}})
    app.state.settings = settings
    app.state.write_lock = threading.Lock()  # one write at a time, whatever the store
    app.dependency_overrides[get_settings] = lambda: settings
    install_problem_handlers(app)
    _add_middleware(app, settings)
    for name in ROUTER_MODULES:
        app.include_router(import_module(name).router)
    app.openapi = _problem_openapi(app)
    if STATIC_DIR.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


def _problem_openapi(app: FastAPI) -> Callable[[], dict]:
    """The OpenAPI document, with error responses served as application/problem+json."""
    build = app.openapi

    def openapi() -> dict:
        if app.openapi_schema is None:
            spec = build()
            for item in spec.get("paths", {}).values():
                for operation in item.values():
                    _problem_media(operation.get("responses", {}))
        return app.openapi_schema

    return openapi


def _problem_media(responses: dict) -> None:
    for code, response in responses.items():
        content = response.get("content", {})
        if code[0] in "45" and "application/json" in content:
            content[PROBLEM_MEDIA_TYPE] = content.pop("application/json")


def _add_middleware(app: FastAPI, settings: Settings) -> None:
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins,
                           allow_methods=["GET", "POST", "DELETE"],
                           # Pragma and Cache-Control: Neo4j Browser sends them when it fetches /guide
                           allow_headers=["Content-Type", "X-API-Key", "Pragma", "Cache-Control"],
                           expose_headers=["Content-Disposition", "Retry-After"])
