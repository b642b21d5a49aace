"""Paginated lists and single nodes: speeches, proposers, entities, concepts.

Lists come in a fixed order (by id) and are cut into pages by ``limit``; the response's
``next_cursor``, passed back as ``cursor``, gives the next page (None on the last). Ids contain
``:`` and ``/`` (``fund:种子基金``, ``doc:x/s1``), hence ``{id:path}`` parameters; clients should
percent-encode them.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from policykg.api.answers import answer_response
from policykg.api.deps import StoreDep
from policykg.api.models import EntityDetail, NodeDetail, Page, Problem
from policykg.graph.store import GraphStore

router = APIRouter()

Limit = Annotated[int, Query(ge=1, le=1000, description="Page size.")]
Cursor = Annotated[str | None, Query(max_length=1000, description="`next_cursor` of the previous page.")]
Q = Annotated[str | None, Query(max_length=200, description="Chinese substring, alias or English words.")]
NodeId = Annotated[str, Path(description="Node id, percent-encoded (e.g. fund%3A%E7%A7%8D%E5%AD%90%E5%9F%BA%E9%87%91).")]
_NOT_FOUND = {404: {"model": Problem, "description": "No node of this kind has this id."}}


ProposerKind = Annotated[str | None, Query(pattern="^(organization|person)$", description="organization or person")]
EntityType = Annotated[str | None, Query(max_length=40, description="Fund, Mechanism, Platform, Institution, …",
                                         examples=["Fund"])]
EvidenceLimit = Annotated[int, Query(ge=1, le=1000, description="Evidence items per response.")]
EvidenceOffset = Annotated[int, Query(ge=0, description="Evidence items to skip (`evidence_next_offset`).")]


def page_of(store: GraphStore, kind: str, limit: int, cursor: str | None, type: str | None = None,
            q: str | None = None) -> dict:
    """One page of ``store.list_nodes`` with the limit echoed back."""
    page = store.list_nodes(kind, limit=limit, cursor=cursor, type=type, q=q)
    return {"items": page["items"], "limit": limit, "next_cursor": page.get("next_cursor")}


def node_route(kind: str, noun: str, description: str) -> None:
    """Register ``GET /{kind}/{id}``: ``store.node(kind, id)``, 404 for an unknown id.

    The route is named ``get_<noun>`` (its OpenAPI operation id follows from that name).
    """

    def get_node(store: StoreDep, id: NodeId) -> dict:
        return store.node(kind, id)

    router.add_api_route(f"/{kind}/{{id:path}}", get_node, methods=["GET"], name=f"get_{noun}", tags=[kind],
                         summary=f"One {noun}", description=description, response_model=NodeDetail,
                         responses=_NOT_FOUND)


@router.get("/speeches", tags=["speeches"], summary="List speeches", response_model=Page)
def list_speeches(store: StoreDep, limit: Limit = 50, cursor: Cursor = None) -> dict:
    """Speeches by id (document, then order), with order, title and document."""
    return page_of(store, "speeches", limit, cursor)


node_route("speeches", "speech", "A speech with its text, proposer, recommendations and the entities it names.")


@router.get("/proposers", tags=["proposers"], summary="List proposers", response_model=Page)
def list_proposers(store: StoreDep, limit: Limit = 50, cursor: Cursor = None, q: Q = None,
                   kind: ProposerKind = None) -> dict:
    """Bodies and persons who delivered speeches, by id."""
    return page_of(store, "proposers", limit, cursor, type=kind, q=q)


node_route("proposers", "proposer",
           "A body or person with roles, speeches and the entities they proposed, with evidence.")


@router.get("/entities", tags=["entities"], summary="List entities", response_model=Page)
def list_entities(store: StoreDep, limit: Limit = 50, cursor: Cursor = None, q: Q = None,
                  type: EntityType = None) -> dict:
    """Funds, mechanisms, platforms and institutions, by id; filter by ``type`` and ``q``."""
    return page_of(store, "entities", limit, cursor, type=type, q=q)


@router.get("/entities/{id:path}", tags=["entities"], summary="One entity", response_model=EntityDetail,
            responses=_NOT_FOUND)
def get_entity(store: StoreDep, id: NodeId, evidence_limit: EvidenceLimit = 50,
               evidence_offset: EvidenceOffset = 0,
               proposer_limit: Annotated[int, Query(ge=1, le=5000, description="Most proposers listed "
                                                    "(`proposer_count` gives them all).")] = 200,
               relation_limit: Annotated[int, Query(ge=1, le=5000, description="Most relations listed "
                                                    "(`relation_count` gives them all).")] = 200) -> Response:
    """An entity with aliases, concept, proposers, relations and one page of its evidence."""
    detail = store.entity(id, evidence_limit=evidence_limit, evidence_offset=evidence_offset,
                          proposer_limit=proposer_limit, relation_limit=relation_limit)
    end = evidence_offset + evidence_limit
    body = {**detail, "evidence_offset": evidence_offset, "evidence_limit": evidence_limit,
            "evidence_next_offset": end if end < detail["evidence_count"] else None}
    return answer_response(store, detail, EntityDetail, body, form=(evidence_offset, evidence_limit))


@router.get("/concepts", tags=["concepts"], summary="List concepts", response_model=Page)
def list_concepts(store: StoreDep, limit: Limit = 50, cursor: Cursor = None, q: Q = None) -> dict:
    """Concepts (guidance fund, seed fund, pilot-scale platform, …), by id."""
    return page_of(store, "concepts", limit, cursor, q=q)


node_route("concepts", "concept", "A concept with the entities that are instances of it.")
