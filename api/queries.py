"""The named questions: who proposed what, proposal overlap, search.

Endpoints are plain ``def`` functions: the store interface is synchronous and FastAPI runs them
in its thread pool (see ``policykg.api.app`` for why the sync driver was chosen).
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from policykg.api.deps import StoreDep
from policykg.api.models import OverlapMatrix, Overlap, Problem, SearchResults, WhoProposed

router = APIRouter(tags=["queries"])

Level = Literal["entity", "concept"]
_NOT_FOUND = {404: {"model": Problem, "description": "A proposer named by `a` or `b` does not exist."}}


@router.get("/who-proposed", summary="Who proposed matching entities", response_model=WhoProposed)
def who_proposed(
    store: StoreDep,
    type: Annotated[str | None, Query(description="Entity type: Fund, Mechanism, Platform, Institution, …",
                                      examples=["Fund"], max_length=40)] = None,
    q: Annotated[str | None, Query(description="Chinese substring, alias, concept name or English words.",
                                   examples=["pilot"], max_length=200)] = None,
    concept: Annotated[str | None, Query(description="Concept id or name, e.g. concept:guidance-fund or 引导基金.",
                                         max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=10000, description="Most hits returned.")] = 1000,
) -> dict:
    """Bodies and persons who proposed (or mentioned) entities matching ``type``/``q``/``concept``.

    A person's speech also counts for the bodies they hold roles in (``path`` = ``role``, ``via``
    = the person). Each hit carries its entities and the evidence: speech, sentence, offsets.
    """
    hits = store.who_proposed(type=type, q=q, concept=concept)
    return {"query": {"type": type, "q": q, "concept": concept}, "count": len(hits), "hits": hits[:limit]}


@router.get("/overlap", summary="Overlap of two proposers' proposals", response_model=Overlap,
            responses=_NOT_FOUND)
def overlap(
    store: StoreDep,
    a: Annotated[str, Query(min_length=1, max_length=200, description="Proposer id or name.",
                            examples=["民建重庆市委会"])],
    b: Annotated[str, Query(min_length=1, max_length=200, description="Proposer id or name.",
                            examples=["重庆理工大学"])],
    level: Annotated[Level, Query(description="Compare entities or their concepts.")] = "entity",
) -> dict:
    """Shared, only-a and only-b entities (or concepts) with the Jaccard index; shared ones with evidence."""
    return store.overlap(a, b, level=level)


@router.get("/overlap/matrix", summary="Overlap of every proposer pair", response_model=OverlapMatrix)
def overlap_matrix(
    store: StoreDep,
    level: Annotated[Level, Query(description="Compare entities or their concepts.")] = "entity",
) -> dict:
    """Every pair of proposers with their shared count and Jaccard index, highest Jaccard first."""
    pairs = store.overlap_matrix(level=level)
    return {"level": level, "count": len(pairs), "pairs": pairs}


@router.get("/search", summary="Search nodes by name", response_model=SearchResults)
def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Chinese substring or English words.",
                            examples=["种子基金"])],
    limit: Annotated[int, Query(ge=1, le=500)] = 20,
) -> dict:
    """Nodes whose name, aliases or English name match ``q``."""
    results = store.search(q, limit=limit)
    return {"q": q, "count": len(results), "results": results}
