"""Response models: what a client sees, with an example each (shown in the OpenAPI document).

Shapes follow the store's result shapes (``policykg.graph.store``); the API adds only envelopes
(counts, the query echoed back, a cursor for the next page).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


def _example(example: dict[str, Any]) -> ConfigDict:
    return ConfigDict(json_schema_extra={"examples": [example]})


PROPOSER_EXAMPLE = {"id": "body:民建重庆市委会", "name": "民建重庆市委会", "kind": "organization"}
ENTITY_EXAMPLE = {"id": "fund:种子基金", "type": "Fund", "name": "种子基金", "name_en": "seed fund",
                  "concept": "concept:seed-fund"}
EVIDENCE_EXAMPLE = {
    "speech_id": "doc:cqzxb-2025-07-03-p2/s1", "speech_title": "加快科技成果转化",
    "recommendation": 2, "sentence": "设立种子基金，支持概念验证项目。", "start": 412, "end": 416,
    "entity_id": "fund:种子基金", "relation": "PROPOSES", "action": "设立",
}
HIT_EXAMPLE = {"proposer": PROPOSER_EXAMPLE, "path": "direct", "via": None,
               "entities": [ENTITY_EXAMPLE], "evidence": [EVIDENCE_EXAMPLE], "evidence_count": 1}
ITEM_EXAMPLE = {"id": "fund:种子基金", "name": "种子基金", "name_en": "seed fund", "type": "Fund"}


class Problem(BaseModel):
    """An error (RFC 9457 problem details), served as application/problem+json."""

    model_config = ConfigDict(extra="allow", json_schema_extra={"examples": [{
        "type": "urn:policykg:problem:not-found", "title": "Not found", "status": 404,
        "detail": "no entity with id 'fund:不存在'", "instance": "/entities/fund:%E4%B8%8D%E5%AD%98%E5%9C%A8"}]})

    type: str = Field(description="A URI naming the kind of problem.")
    title: str
    status: int
    detail: str = Field(description="What went wrong, naming the parameter, id or limit.")
    instance: str | None = Field(None, description="The request path that failed.")


class ProposerRef(BaseModel):
    """A body (organization) or person who delivered speeches."""

    model_config = _example(PROPOSER_EXAMPLE)
    id: str
    name: str
    kind: Literal["organization", "person"]


class EntityRef(BaseModel):
    """A fund, mechanism, platform, institution (or another entity type)."""

    model_config = _example(ENTITY_EXAMPLE)
    id: str
    type: str
    name: str
    name_en: str | None = None
    concept: str | None = Field(None, description="Concept id, e.g. concept:guidance-fund.")


class Evidence(BaseModel):
    """Where the text says it: ``Speech.text[start:end]`` is the entity's mention."""

    model_config = _example(EVIDENCE_EXAMPLE)
    speech_id: str
    speech_title: str
    recommendation: int | None = None
    sentence: str
    start: int
    end: int
    entity_id: str
    relation: Literal["PROPOSES", "MENTIONS"]
    action: str | None = None


class Hit(BaseModel):
    """A proposer of matching entities; ``path`` says how the speech was counted for them."""

    model_config = _example(HIT_EXAMPLE)
    proposer: ProposerRef
    path: Literal["direct", "role"] = Field(
        description="direct: the proposer delivered the speech; role: a person's speech counted "
                    "for a body the person holds a role in (the person is then in `via`).")
    via: ProposerRef | None = None
    entities: list[EntityRef]
    evidence: list[Evidence] = Field(description="The first `evidence_limit` items, in speech and offset order.")
    evidence_count: int = Field(description="Number of evidence items of the hit before `evidence_limit`.")


class WhoProposedQuery(BaseModel):
    """The question, echoed back."""

    type: str | None = None
    q: str | None = None
    concept: str | None = None


class WhoProposed(BaseModel):
    """Who proposed entities matching the query, each hit with its entities and evidence."""

    model_config = _example({"query": {"type": "Fund", "q": "种子", "concept": None}, "count": 1, "offset": 0,
                             "hits": [HIT_EXAMPLE]})
    query: WhoProposedQuery
    count: int = Field(description="Number of hits in all, before `offset` and `limit`.")
    offset: int = Field(0, description="Rank of the first hit of this page.")
    hits: list[Hit]


class OverlapItem(BaseModel):
    """An entity (or a concept, at concept level) proposed by one or both proposers."""

    model_config = _example(ITEM_EXAMPLE)
    id: str
    name: str
    name_en: str | None = None
    type: str
    evidence: list[Evidence] | None = Field(None, description="For shared items: evidence from both sides.")


class Overlap(BaseModel):
    """What two proposers proposed in common and apart, and the Jaccard index of their sets."""

    model_config = _example({
        "a": PROPOSER_EXAMPLE,
        "b": {"id": "body:重庆理工大学", "name": "重庆理工大学", "kind": "organization"},
        "level": "entity", "shared": [dict(ITEM_EXAMPLE, evidence=[EVIDENCE_EXAMPLE])],
        "only_a": [], "only_b": [], "jaccard": 1.0})
    a: ProposerRef
    b: ProposerRef
    level: Literal["entity", "concept"]
    shared: list[OverlapItem]
    only_a: list[OverlapItem]
    only_b: list[OverlapItem]
    jaccard: float


class OverlapPair(BaseModel):
    """One proposer pair of the overlap matrix."""

    model_config = ConfigDict(extra="allow")
    a: ProposerRef
    b: ProposerRef
    shared: int
    jaccard: float


class OverlapMatrix(BaseModel):
    """Every proposer pair, sorted by Jaccard (highest first)."""

    model_config = _example({"level": "concept", "count": 1, "proposers": 2, "offset": 0, "pairs": [{
        "a": PROPOSER_EXAMPLE, "b": {"id": "body:重庆理工大学", "name": "重庆理工大学", "kind": "organization"},
        "shared": 2, "jaccard": 0.5}]})
    level: Literal["entity", "concept"]
    count: int = Field(description="Number of pairs sharing at least one item, before `offset` and `limit`.")
    proposers: int = Field(description="Number of proposers compared.")
    offset: int = Field(0, description="Rank of the first pair of this page.")
    pairs: list[OverlapPair]


class SearchResult(BaseModel):
    """A node whose name, alias or English name matches the query."""

    id: str
    kind: str = Field(description="Node label: Entity, Body, Person or Concept.")
    type: str | None = Field(None, description="Entity type (Fund, …) or the label for other nodes.")
    name: str | None = None
    name_en: str | None = None
    aliases: list[str] = []
    concept: dict[str, Any] | None = Field(None, description="The entity's concept {id, name, name_en}.")


class SearchResults(BaseModel):
    """Search hits, best first."""

    model_config = _example({"q": "pilot", "count": 1, "results": [
        {"id": "platform:中试平台", "kind": "Entity", "type": "Platform", "name": "中试平台",
         "name_en": "pilot-scale platform", "aliases": [], "concept": {
             "id": "concept:pilot-platform", "name": "中试平台", "name_en": "pilot-scale platform"}}]})
    q: str
    count: int
    results: list[SearchResult]


class GraphNode(BaseModel):
    """A node with all its labels and public properties."""

    id: str
    labels: list[str]
    properties: dict[str, Any]


class GraphRelationship(BaseModel):
    """A relationship between two node ids, with its properties (provenance for text-drawn ones)."""

    type: str
    source: str
    target: str
    properties: dict[str, Any]


class Subgraph(BaseModel):
    """Nodes near a centre (nearest first, then by id) and the relationships among them."""

    model_config = _example({
        "nodes": [{"id": "fund:种子基金", "labels": ["Entity", "Fund"],
                   "properties": {"id": "fund:种子基金", "name": "种子基金", "name_en": "seed fund"}},
                  {"id": "concept:seed-fund", "labels": ["Concept"],
                   "properties": {"id": "concept:seed-fund", "name": "种子基金", "name_en": "seed fund"}}],
        "relationships": [{"type": "IS_A", "source": "fund:种子基金", "target": "concept:seed-fund",
                           "properties": {}}],
        "truncated": False})
    nodes: list[GraphNode]
    relationships: list[GraphRelationship]
    truncated: bool = Field(description="True when more nodes were in reach than `limit`.")


class Health(BaseModel):
    """The service is up and its store answers."""

    model_config = _example({
        "status": "ok", "backend": "embedded",
        "nodes": {"Speech": 10, "Body": 6, "Fund": 9}, "relationships": {"PROPOSES": 31},
        "versions": {"policykg": "0.1.0", "python": "3.11.2", "fastapi": "0.115.0",
                     "neo4j_driver": "5.28.1", "neo4j_server": None},
        "cache": {"size": 256, "answers": 12, "hits": 340, "misses": 12, "rankings": 1}})
    status: Literal["ok"]
    backend: str
    nodes: dict[str, int]
    relationships: dict[str, int]
    versions: dict[str, str | None]
    cache: dict[str, int] = Field(description="Answers kept while the graph is unchanged: the most kept "
                                              "(POLICYKG_CACHE_SIZE), those kept now, and asks answered "
                                              "from them (hits) or computed (misses) since startup; "
                                              "rankings: whole who-proposed rankings kept for paging.")


class Node(BaseModel):
    """A node in a list (a speech, proposer, entity or concept); fields depend on its kind."""

    model_config = ConfigDict(extra="allow")
    id: str


class Page(BaseModel):
    """One page of a list in a fixed order; pass ``next_cursor`` as ``cursor`` for the next page."""

    model_config = _example({"items": [ENTITY_EXAMPLE], "limit": 1, "next_cursor": "fund:种子基金"})
    items: list[Node]
    limit: int
    next_cursor: str | None = Field(None, description="None on the last page.")


class NodeDetail(BaseModel):
    """One node with its details (text, relations, evidence), depending on its kind."""

    model_config = ConfigDict(extra="allow", json_schema_extra={"examples": [dict(
        ENTITY_EXAMPLE, aliases=["种子资金"], evidence=[EVIDENCE_EXAMPLE])]})
    id: str


class ConceptRef(BaseModel):
    """A concept: a class of entities such as guidance fund (引导基金)."""

    id: str
    name: str
    name_en: str | None = None


class EntityDetail(BaseModel):
    """An entity with its aliases, concept, proposers and relations, and one page of its evidence.

    ``evidence`` holds at most ``evidence_limit`` items from ``evidence_offset`` on, of
    ``evidence_count`` in all; ``evidence_next_offset``, passed as ``evidence_offset``, gives the
    next page (None on the last).
    """

    model_config = ConfigDict(extra="allow", json_schema_extra={"examples": [dict(
        ENTITY_EXAMPLE, concept={"id": "concept:seed-fund", "name": "种子基金", "name_en": "seed fund"},
        aliases=["种子资金"], evidence=[EVIDENCE_EXAMPLE], evidence_count=3, evidence_offset=0,
        evidence_limit=1, evidence_next_offset=1,
        proposers=[{"proposer": PROPOSER_EXAMPLE, "path": "direct", "via": None, "relations": ["PROPOSES"]}],
        proposer_count=1,
        relations=[])]})
    id: str
    type: str
    name: str
    name_en: str | None = None
    concept: ConceptRef | None = None
    aliases: list[str] = []
    evidence: list[Evidence]
    evidence_count: int = Field(description="Evidence items in all, on every page.")
    evidence_offset: int
    evidence_limit: int
    evidence_next_offset: int | None = Field(None, description="`evidence_offset` of the next page; None on the last.")
    proposers: list[dict[str, Any]] = Field(
        [], description="Who proposed or mentioned it: {proposer, path, via, relations}; the first "
                        "`proposer_limit`, by proposer id.")
    proposer_count: int = Field(0, description="Proposers in all (direct and through roles).")
    relations: list[dict[str, Any]] = Field(
        [], description="Relations to other entities: {type, direction, other, evidence}; the first "
                        "`relation_limit`, by type, direction, other entity and evidence.")
    relation_count: int = Field(0, description="Relations to other entities in all.")


class DocumentOutcome(BaseModel):
    """A document read from the body and what loading it did."""

    id: str
    speeches: int
    outcome: Literal["loaded", "replaced", "unchanged"] = Field(
        description="loaded: new; replaced: same id, changed content; unchanged: already stored as is.")


class Ingested(BaseModel):
    """Documents read from the request body and loaded into the store."""

    model_config = _example({"documents": [{"id": "doc:speech-1", "speeches": 1, "outcome": "loaded"}],
                             "rows": 42})
    documents: list[DocumentOutcome]
    rows: int = Field(description="Rows written to the store.")


class Deleted(BaseModel):
    """A document deleted with its speeches and whatever only they produced."""

    model_config = _example({"deleted": "doc:speech-1"})
    deleted: str
