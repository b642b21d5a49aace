"""The named questions: who proposed what, proposal overlap, search.

Endpoints are plain ``def`` functions: the store interface is synchronous and FastAPI runs them
in its thread pool (see ``policykg.api.app`` for why the sync driver was chosen).
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from policykg.api.answers import answer_response
from policykg.api.deps import StoreDep
from policykg.api.export import Types, split_types
from policykg.api.models import Overlap, OverlapMatrix, Problem, SearchResults, Subgraph, WhoProposed

router = APIRouter(tags=["queries"])

Level = Literal["entity", "concept"]
_NOT_FOUND = {404: {"model": Problem, "description": "A proposer named by `a` or `b` does not exist."}}


@router.get("/who-proposed", summary="Who proposed matching entities", response_model=WhoProposed,
            responses={404: {"model": Problem, "description": "`concept` names no concept (the detail lists close ones)."}})
def who_proposed(
    store: StoreDep,
    type: Annotated[str | None, Query(description="Entity type: Fund, Mechanism, Platform, Institution, …",
                                      examples=["Fund"], max_length=40)] = None,
    q: Annotated[str | None, Query(description="Chinese substring, alias, concept name or English words.",
                                   examples=["pilot"], max_length=200)] = None,
    concept: Annotated[str | None, Query(description="Concept id or name, e.g. concept:guidance-fund or 引导基金.",
                                         max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=1000, description="Most hits returned (a page).")] = 50,
    offset: Annotated[int, Query(ge=0, description="Hits skipped: the page starts at this rank.")] = 0,
    evidence_limit: Annotated[int, Query(ge=0, le=1000, description="Most evidence items per hit "
                                         "(`evidence_count` gives each hit's total).")] = 20,
) -> Response:
    """Bodies and persons who proposed entities matching ``type``/``q``/``concept``, most entities first.

    A person's speech also counts for the bodies they hold roles in (``path`` = ``role``, ``via``
    = the person). Each hit carries its entities and the evidence: speech, sentence, offsets.
    ``count`` is the number of hits in all; ``offset`` and ``limit`` page them, and the store
    builds evidence only for the page.
    """
    page = store.who_proposed_page(type=type, q=q, concept=concept, limit=limit, offset=offset,
                                   evidence_limit=evidence_limit)
    return answer_response(store, page, WhoProposed,
                           {"query": {"type": type, "q": q, "concept": concept}, "offset": offset, **page},
                           form=(type, q, concept, offset))


@router.get("/overlap", summary="Overlap of two proposers' proposals", response_model=Overlap,
            responses=_NOT_FOUND)
def overlap(
    store: StoreDep,
    a: Annotated[str, Query(min_length=1, max_length=200, description="Proposer id or name.",
                            examples=["民建重庆市委会"])],
    b: Annotated[str, Query(min_length=1, max_length=200, description="Proposer id or name.",
                            examples=["重庆理工大学"])],
    level: Annotated[Level, Query(description="Compare entities or their concepts.")] = "entity",
) -> Response:
    """Shared, only-a and only-b entities (or concepts) with the Jaccard index; shared ones with evidence."""
    result = store.overlap(a, b, level=level)
    return answer_response(store, result, Overlap, result)


@router.get("/overlap/matrix", summary="Overlap of every proposer pair", response_model=OverlapMatrix,
            responses={404: {"model": Problem, "description": "A name in `proposers` matches no proposer."},
                       422: {"model": Problem, "description": "A bad parameter, or too many proposers to "
                                                             "compare at once (name them in `proposers`)."}})
def overlap_matrix(
    store: StoreDep,
    level: Annotated[Level, Query(description="Compare entities or their concepts.")] = "entity",
    proposers: Annotated[str | None, Query(max_length=4000, description="Comma-separated proposer ids or "
                                           "names to compare among themselves (default: every proposer).",
                                           examples=["民建重庆市委会,重庆理工大学"])] = None,
    limit: Annotated[int, Query(ge=1, le=5000, description="Most pairs returned (a page).")] = 100,
    offset: Annotated[int, Query(ge=0, description="Pairs skipped: the page starts at this rank.")] = 0,
) -> Response:
    """Pairs of proposers sharing at least one item, with their shared count and Jaccard index, highest
    Jaccard first; ``count`` pairs in all, ``proposers`` compared."""
    names = [p.strip() for p in proposers.split(",") if p.strip()] if proposers else None
    page = store.overlap_matrix_page(level=level, proposers=names, limit=limit, offset=offset)
    return answer_response(store, page, OverlapMatrix, {"level": level, "offset": offset, **page},
                           form=(level, offset))


@router.get("/search", summary="Search nodes by name", response_model=SearchResults)
def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Chinese substring or English words.",
                            examples=["种子基金"])],
    limit: Annotated[int, Query(ge=1, le=500)] = 20,
) -> Response:
    """Nodes whose name, aliases or English name match ``q``."""
    results = store.search(q, limit=limit)
    return answer_response(store, results, SearchResults, {"q": q, "count": len(results), "results": results},
                           form=(q,))


@router.get("/subgraph", summary="A neighbourhood as JSON", response_model=Subgraph,
            responses={404: {"model": Problem, "description": "`center` names no node."}})
def subgraph(
    store: StoreDep,
    center: Annotated[str | None, Query(max_length=300, description="Node id at the centre; whole graph if absent.",
                                        examples=["fund:种子基金"])] = None,
    hops: Annotated[int, Query(ge=0, le=6, description="Distance from `center`.")] = 1,
    types: Types = None,
    limit: Annotated[int, Query(ge=1, le=5000, description="Most nodes returned (nearest first).")] = 300,
) -> dict:
    """The nodes within ``hops`` of ``center`` (limited to ``types``) and the relationships among them,
    for drawing; at most ``limit`` nodes, with ``truncated`` saying whether more were in reach."""
    return store.subgraph(center=center, hops=hops, types=split_types(types), limit=limit)
