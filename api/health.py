"""``GET /health``: is the service up, which backend, how big is the graph, which versions."""

from __future__ import annotations

import platform
from importlib.metadata import PackageNotFoundError, version

from fastapi import APIRouter

from policykg import __version__
from policykg.api.deps import StoreDep
from policykg.api.models import Health, Problem

router = APIRouter(tags=["health"])


def _package_version(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None


def _versions(store) -> dict[str, str | None]:
    """Versions of policykg, Python, FastAPI, the Neo4j driver and (if the store says) the server."""
    server = getattr(store, "version", None)
    return {"policykg": __version__, "python": platform.python_version(),
            "fastapi": _package_version("fastapi"), "neo4j_driver": _package_version("neo4j"),
            "neo4j_server": server() if callable(server) else None}


@router.get("/health", summary="Service and store status", response_model=Health,
            responses={503: {"model": Problem, "description": "The store (Neo4j) is unreachable."}})
def health(store: StoreDep) -> Health:
    """Counts nodes and relationships in the store; 503 with Retry-After when Neo4j is down."""
    counts = store.counts()
    return Health(status="ok", backend=store.backend, nodes=counts.get("nodes", {}),
                  relationships=counts.get("relationships", {}), versions=_versions(store),
                  cache=_cache(store))


def _cache(store) -> dict[str, int]:
    cache = store.answer_cache
    if cache is None:
        return {"size": 0, "answers": 0, "hits": 0, "misses": 0, "rankings": 0}
    rankings = store.ranking_cache
    return {"size": cache.size, "answers": len(cache), "hits": cache.hits, "misses": cache.misses,
            "rankings": len(rankings) if rankings is not None else 0}
