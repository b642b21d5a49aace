"""The one interface both stores implement; the API, the CLI and the exports talk only to it.

The named queries are written once, here, over a few primitives (``_proposal_rows``,
``_nodes_by_ids``, ``_rels_touching``, ``_match_nodes``, ``_list_nodes``, ...) that each
store implements natively: networkx traversals in :class:`EmbeddedStore`, Cypher files in
:class:`Neo4jStore`. The parity tests run every named query on both and require equal
results. Results are plain JSON-ready dicts so that the API serves them without translation.

Shapes
------
ProposerRef   {"id", "name", "kind": "organization"|"person"}
EntityRef     {"id", "type", "name", "name_en", "concept"}            concept: concept id or None
ConceptRef    {"id", "name", "name_en"}
Evidence      {"speech_id", "speech_title", "recommendation", "sentence", "start", "end",
               "entity_id", "relation", "action"}
               start/end index Speech.text; sentence is the sentence of Speech.text holding them;
               recommendation is the ordinal (None for text outside every recommendation);
               relation is PROPOSES|MENTIONS (or an entity-entity type in ``entity()``).
Hit           {"proposer": ProposerRef, "path": "direct"|"role", "via": ProposerRef|None,
               "entities": [EntityRef], "evidence": [Evidence], "evidence_count": int}
               path "role": a person's speech counted for a body the person holds a role in;
               via is then that person. evidence holds the first ``evidence_limit`` items (all
               by default) of evidence_count, in evidence order (speech, offsets).
ProposerItem  EntityRef + {"relations": [..], "paths": ["direct"|"role"], "evidence": [Evidence]}
Overlap       {"a": ProposerRef, "b": ProposerRef, "level": "entity"|"concept",
               "shared": [Item], "only_a": [Item], "only_b": [Item], "jaccard": float}
               Item: {"id", "name", "name_en", "type"} (type is "Concept" at concept level);
               shared items also carry "evidence": [Evidence] from both sides.
MatrixCell    {"a": ProposerRef, "b": ProposerRef, "shared": int, "jaccard": float}
Subgraph      {"nodes": [{"id", "labels": [..], "properties": {..}}],
               "relationships": [{"type", "source", "target", "properties": {..}}]}
EntityDetail  EntityRef + {"aliases": [..], "concept": ConceptRef|None, "evidence": [Evidence],
               "evidence_count": int, "proposer_count": int, "relation_count": int,
               "proposers": [{"proposer", "path", "via", "relations"}],
               "relations": [{"type", "direction": "out"|"in", "other": EntityRef,
                              "evidence": Evidence}]}
SearchItem    {"id", "kind": label, "type", "name", "name_en", "aliases", "concept"}
Page          {"items": [Summary], "next_cursor": id|None}   (see ``list_nodes``)

Proposals: who_proposed counts PROPOSES only; proposer_entities, overlap and overlap_matrix
count what a proposer's speeches propose *or mention* (PROPOSES and MENTIONS), directly or,
for a body, through the speeches of persons holding roles in it.
"""

from __future__ import annotations

import heapq
from abc import ABC, abstractmethod
from collections import defaultdict, deque
from collections.abc import Callable, Hashable, Iterable
from typing import Any

from policykg.errors import NotFoundError, ValidationError
from policykg.extract.records import SpeechRecord
from policykg.graph import schema as S
from policykg.graph.cache import AnswerCache, cached_answer
from policykg.graph.text import sentence, tokens

Row = dict[str, Any]
OnDocument = Callable[[str, str], None]
"""Called after each document with (document id, outcome: loaded|replaced|unchanged)."""

MAX_HOPS = 6
MAX_LIMIT = 1000


def proposer_ref(node_id: str, name: str, labels: Iterable[str]) -> Row:
    """A ProposerRef from a node's id, name and labels."""
    return {"id": node_id, "name": name, "kind": "person" if S.PERSON in labels else "organization"}


def _evidence_key(e: Row) -> tuple:
    return (e["speech_id"], e["start"], e["end"], e["entity_id"], e["relation"])


def _row_evidence_key(row: Row) -> tuple:
    """The evidence key of a proposal row (that of the Evidence it gives)."""
    return (row["speech_id"], row["start"], row["end"], row["entity"]["id"], row["relation"])


def _nearest(ids: set[str], center: str | None, rels: list[Row], limit: int) -> set[str]:
    """The `limit` ids nearest to `center` over `rels` (ignoring direction), then by id; the
    ones the relationships do not reach (all of them without a centre) come last."""
    neighbours: dict[str, list[str]] = defaultdict(list)
    for rel in rels:
        neighbours[rel["source"]].append(rel["target"])
        neighbours[rel["target"]].append(rel["source"])
    distance = {center: 0} if center is not None else {}
    queue = deque(distance)
    while queue:
        node = queue.popleft()
        for other in neighbours[node]:
            if other not in distance:
                distance[other] = distance[node] + 1
                queue.append(other)
    far = len(ids) + 1
    return set(sorted(ids, key=lambda i: (distance.get(i, far), i))[:limit])


MAX_PAIR_STEPS = 5_000_000
"""Most pair steps (pairs of proposers holding one common item, summed over the items) that
overlap_matrix_page takes before it refuses: all pairs of 10 000 proposers sharing 政府 are 50
million steps, and as many rows of answer."""


def _shared_counts(sets: dict[str, set[str]]) -> dict[tuple[str, str], int]:
    """{(a, b): number of shared items} for a < b sharing at least one; ValidationError beyond MAX_PAIR_STEPS."""
    holders: dict[str, list[str]] = defaultdict(list)
    for pid in sorted(sets):
        for item in sets[pid]:
            holders[item].append(pid)
    steps = sum(len(h) * (len(h) - 1) // 2 for h in holders.values())
    if steps > MAX_PAIR_STEPS:
        raise ValidationError(
            f"comparing all {len(sets)} proposers takes {steps:,} pair steps, more than {MAX_PAIR_STEPS:,}: "
            f"name the proposers to compare (proposers)")
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for h in holders.values():
        for i, a in enumerate(h):
            for b in h[i + 1:]:
                shared[(a, b)] += 1
    return shared


def _sorted_unique(items: Iterable[Row], key: Callable[[Row], Any]) -> list[Row]:
    seen: dict[Any, Row] = {}
    for item in items:
        seen.setdefault(key(item), item)
    return [seen[k] for k in sorted(seen)]


TYPED_READS: dict[tuple[str, ...], str] = {
    S.ENTITY_ENTITY_TYPES: "entity_relations_touching",  # an entity's relations to other entities
    (S.HOLDS_ROLE,): "roles_touching",  # the roles of persons and bodies
}
"""The relationship-type sets ``_rels_touching`` reads by type, and the Neo4j statement of each."""


class GraphStore(ABC):
    """A policykg graph. Implementations: EmbeddedStore (networkx, file) and Neo4jStore (Bolt).

    The named questions (who_proposed, overlap, the overlap matrix, entity, proposer_entities,
    search) are answered from ``answer_cache`` while :meth:`revision` is unchanged (see
    :mod:`policykg.graph.cache`); a store without a cache computes every answer.
    """

    backend: str = "abstract"
    answer_cache: AnswerCache | None = None
    ranking_cache: AnswerCache | None = None
    """Whole who_proposed rankings (hit keys in order), kept once a page past the first is asked,
    so that paging on costs a slice and the page's evidence instead of ranking again."""

    # == writing ==================================================================================
    @abstractmethod
    def load(self, records: Iterable[SpeechRecord], on_document: OnDocument | None = None) -> dict[str, Any]:
        """Load extraction records, one document at a time, each all-or-nothing.

        All documents are validated first (ValidationError naming the document, nothing
        written). Same document id and sha256 as stored: no-op. Same id, new sha256: its
        speeches and whatever only they produced are replaced. Returns
        ``{"loaded": [ids], "replaced": [ids], "unchanged": [ids], "rows": n}``.
        """

    @abstractmethod
    def delete_document(self, document_id: str) -> dict[str, Any]:
        """Delete a document, its speeches and whatever only they produced; NotFoundError if absent.

        Returns ``{"deleted": document_id}``.
        """

    # == primitives each store implements ========================================================
    @abstractmethod
    def revision(self) -> Hashable:
        """A token that changes whenever the graph changes (equal tokens: the same graph)."""

    @abstractmethod
    def counts(self) -> dict[str, dict[str, int]]:
        """{"nodes": {label: n}, "relationships": {type: n}} (every schema label and type)."""

    @abstractmethod
    def _proposal_rows(self, relations: tuple[str, ...], *, entity_type: str | None = None,
                       toks: list[str] | None = None, concept: str | None = None,
                       entity_ids: list[str] | None = None,
                       proposer_ids: list[str] | None = None,
                       speaker_ids: list[str] | None = None) -> list[Row]:
        """Raw proposal rows, one per PROPOSES/MENTIONS relationship in `relations` (filtered):

        ``{"speaker": ProposerRef, "roles": [{"id", "name"}], "entity": EntityRef,
        "concept": ConceptRef|None, "relation", "action", "recommendation", "speech_id",
        "start", "end"}``. `roles` are the bodies the speaker holds roles in. With
        `proposer_ids`, only speeches delivered by those proposers or by persons holding
        roles in them; with `entity_ids`, only those entities; otherwise entities matching
        `entity_type`, the tokens `toks` (see :mod:`policykg.graph.text`) and `concept`
        (concept id, or its name or name_en, case-insensitive) — with `speaker_ids`, only in
        the speeches those bodies or persons delivered themselves.
        """

    @abstractmethod
    def _hit_page(self, entity_type: str | None, toks: list[str], concept: str | None,
                  limit: int | None, offset: int) -> tuple[int, list[Row]]:
        """(number of who_proposed hits, the page of hit keys), computed where the data lives.

        A hit key is ``{"proposer": ProposerRef, "path", "via": ProposerRef|None, "entities": n}``:
        n distinct entities matching the filter (as in ``_proposal_rows``) that the proposer
        PROPOSES directly (path direct) or, for a body, through the speeches of the person
        ``via`` who holds a role in it (path role). Sorted by n descending, then proposer id,
        path and via id; the page is ``[offset:offset + limit]`` (to the end when limit is None).
        """

    @abstractmethod
    def _proposer_items(self) -> list[Row]:
        """Per speaker (a body or person who delivered a speech): ``{"speaker": ProposerRef,
        "roles": [{"id", "name"}], "entities": [entity ids], "concepts": [concept ids]}`` of
        everything its speeches propose or mention (PROPOSES and MENTIONS), without evidence."""

    @abstractmethod
    def _speech_texts(self, ids: list[str]) -> dict[str, tuple[str, str]]:
        """{speech id: (title, text)}."""

    @abstractmethod
    def _nodes_by_ids(self, ids: list[str]) -> dict[str, Row]:
        """{id: {"id", "labels": sorted labels, "properties": all stored properties}}; absent ids left out."""

    @abstractmethod
    def _node_labels(self, ids: list[str]) -> dict[str, list[str]]:
        """{id: sorted labels} of the nodes with those ids (absent ids left out), without properties."""

    @abstractmethod
    def _concepts_named(self, name: str) -> list[str]:
        """Ids of the concepts whose id is `name` or whose name or English name equals it, case-insensitive."""

    @abstractmethod
    def _proposers_named(self, name: str) -> list[Row]:
        """Body and Person nodes whose name equals `name` (node shape of ``_nodes_by_ids``)."""

    @abstractmethod
    def _rels_touching(self, ids: list[str], types: tuple[str, ...] | None = None) -> list[Row]:
        """Relationships with either end in `ids`: {"type", "source", "target", "properties"};
        with `types` (a key of :data:`TYPED_READS`), only relationships of those types."""

    @abstractmethod
    def _whole_graph(self) -> tuple[list[Row], list[Row]]:
        """(every node, every relationship) in the shapes of ``_nodes_by_ids``/``_rels_touching``."""

    @abstractmethod
    def _match_nodes(self, toks: list[str], whole: str, limit: int) -> list[Row]:
        """The first `limit` Entity/Body/Person/Concept nodes matching the tokens in the order of
        :meth:`search` (:meth:`_rank` against `whole`, then name length, then id), each with
        "concept": ConceptRef|None; properties hold at least id, type, name, name_en, aliases."""

    @abstractmethod
    def _list_nodes(self, kind: str, limit: int, cursor: str, *, type: str | None,
                    toks: list[str]) -> list[Row]:
        """Nodes of a listing kind with id > cursor, filtered, ordered by id, at most `limit`."""

    # == named queries ============================================================================
    def who_proposed(self, type: str | None = None, q: str | None = None, concept: str | None = None,
                     limit: int | None = None, offset: int = 0, evidence_limit: int | None = None) -> list[Row]:
        """Proposers (bodies and persons) of entities matching type/q/concept, as Hits.

        Sorted by number of entities (most first), then proposer id, path and via id. `limit`
        and `offset` page the hits, `evidence_limit` caps each hit's evidence (see
        :meth:`who_proposed_page`, which also gives the total).
        """
        return self.who_proposed_page(type, q, concept, limit, offset, evidence_limit)["hits"]

    @cached_answer
    def who_proposed_page(self, type: str | None = None, q: str | None = None, concept: str | None = None,
                          limit: int | None = None, offset: int = 0,
                          evidence_limit: int | None = None) -> Row:
        """``{"count": total number of hits, "hits": [Hit]}`` for hits ``offset`` to ``offset + limit``.

        The store counts and sorts the hits where the data lives and builds entities and
        evidence only for the page, so a page costs what its hits hold, not what the whole
        answer would.
        """
        if type is not None:
            self._check_type(type)
        self._check_bounds(limit=limit, offset=offset, evidence_limit=evidence_limit)
        toks, concept = tokens(q), (concept or "").strip() or None
        if concept is not None:
            self._check_concept(concept)
        count, keys = self._ranked_hits(type, toks, concept, limit, offset)
        if not keys:
            return {"count": count, "hits": []}
        speakers = sorted({(k["via"] or k["proposer"])["id"] for k in keys})
        rows = self._proposal_rows((S.PROPOSES,), entity_type=type, toks=toks, concept=concept,
                                   speaker_ids=speakers)
        groups: dict[tuple, list[Row]] = {self._hit_key(k): [] for k in keys}
        for row in self._expand(rows):
            group = groups.get(self._hit_key(row))
            if group is not None:
                group.append(row)
        shown = {key: _sorted_unique(group, _row_evidence_key)[:evidence_limit] for key, group in groups.items()}
        texts = self._texts_for([r for rows_ in shown.values() for r in rows_])
        return {"count": count, "hits": [self._hit(groups[key], shown[key], texts) for key in groups]}

    def _ranked_hits(self, type: str | None, toks: list[str], concept: str | None,
                     limit: int | None, offset: int) -> tuple[int, list[Row]]:
        """(count, hit keys of the page): the first page (or the whole list) is ranked where the
        data lives with the page's limit; a page past the first is a slice of the whole ranking,
        computed once per revision and kept in ``ranking_cache``."""
        cache = self.ranking_cache
        if offset == 0 or cache is None or cache.size == 0:
            return self._hit_page(type, toks, concept, limit, offset)
        question = ("who_proposed_ranking", type, tuple(toks), concept)
        count, keys = cache.answer(question, self.revision(),
                                   lambda: self._hit_page(type, toks, concept, None, 0))
        return count, keys[offset:None if limit is None else offset + limit]

    @cached_answer
    def proposer_entities(self, proposer: str) -> list[Row]:
        """Entities a proposer (id or name) proposed or mentioned, as ProposerItems sorted by id."""
        ref = self._resolve_proposer(proposer)
        rows = [r for r in self._expand(self._proposal_rows(S.PROPOSAL_TYPES, proposer_ids=[ref["id"]]))
                if r["proposer"]["id"] == ref["id"]]
        texts = self._texts_for(rows)
        items: dict[str, Row] = {}
        for row in rows:
            item = items.setdefault(row["entity"]["id"], {**row["entity"], "relations": set(), "paths": set(),
                                                          "evidence": []})
            item["relations"].add(row["relation"])
            item["paths"].add(row["path"])
            item["evidence"].append(self._evidence(row, texts))
        return [self._finish_item(items[k]) for k in sorted(items)]

    @cached_answer
    def overlap(self, a: str, b: str, level: str = "entity") -> Row:
        """Overlap of two proposers' proposals (ids or names): shared, only-a, only-b, Jaccard."""
        self._check_level(level)
        refs = [self._resolve_proposer(a), self._resolve_proposer(b)]
        rows = self._expand(self._proposal_rows(S.PROPOSAL_TYPES, proposer_ids=[r["id"] for r in refs]))
        texts = self._texts_for(rows)
        sides = [self._items_of(rows, ref["id"], level, texts) for ref in refs]
        shared = sorted(sides[0].keys() & sides[1].keys())
        union = sides[0].keys() | sides[1].keys()
        return {
            "a": refs[0], "b": refs[1], "level": level,
            "shared": [self._shared_item(sides, k) for k in shared],
            "only_a": [self._plain_item(sides[0][k]) for k in sorted(sides[0].keys() - sides[1].keys())],
            "only_b": [self._plain_item(sides[1][k]) for k in sorted(sides[1].keys() - sides[0].keys())],
            "jaccard": len(shared) / len(union) if union else 0.0,
        }

    def overlap_matrix(self, level: str = "entity", proposers: list[str] | None = None,
                       limit: int | None = None, offset: int = 0) -> list[Row]:
        """Proposer pairs sharing at least one item, as MatrixCells (see :meth:`overlap_matrix_page`)."""
        return self.overlap_matrix_page(level, proposers, limit, offset)["pairs"]

    @cached_answer
    def overlap_matrix_page(self, level: str = "entity", proposers: list[str] | None = None,
                            limit: int | None = None, offset: int = 0) -> Row:
        """``{"count", "proposers", "pairs"}``: pairs of proposers sharing at least one item.

        Every pair of all proposers, or of the named `proposers` (ids or names) only. Pairs that
        share nothing are left out; sorted by Jaccard descending, then shared count descending,
        then the ids; ``pairs`` is the ``offset``/``limit`` page of the ``count`` pairs and
        ``proposers`` the number of proposers compared. Comparing costs one step per pair of
        proposers holding a common item: beyond :data:`MAX_PAIR_STEPS` the question is refused
        (ValidationError) and should name the proposers to compare.
        """
        self._check_level(level)
        self._check_bounds(limit=limit, offset=offset)
        if proposers:
            refs = {ref["id"]: ref for ref in map(self._resolve_proposer, proposers)}
            rows = self._expand(self._proposal_rows(S.PROPOSAL_TYPES, proposer_ids=sorted(refs)))
            sets: dict[str, set[str]] = {pid: set() for pid in refs}
            for row in rows:
                key = self._item_key(row, level)
                if row["proposer"]["id"] in sets and key is not None:
                    sets[row["proposer"]["id"]].add(key)
        else:
            sets, refs = self._proposer_sets(level)
        shared = _shared_counts(sets)
        key = lambda pair: (-shared[pair] / len(sets[pair[0]] | sets[pair[1]]), -shared[pair], pair)  # noqa: E731
        stop = None if limit is None else offset + limit
        ranked = sorted(shared, key=key) if stop is None else heapq.nsmallest(stop, shared, key=key)
        pairs = [self._cell(refs[a], refs[b], sets[a], sets[b]) for a, b in ranked[offset:stop]]
        return {"count": len(shared), "proposers": len(sets), "pairs": pairs}

    def _proposer_sets(self, level: str) -> tuple[dict[str, set[str]], dict[str, Row]]:
        """({proposer id: its items}, {proposer id: ProposerRef}) over every proposer with an item."""
        sets: dict[str, set[str]] = defaultdict(set)
        refs: dict[str, Row] = {}
        for row in self._proposer_items():
            items = {i for i in (row["entities"] if level == "entity" else row["concepts"]) if i}
            if not items:
                continue
            owners = [row["speaker"]] + [{"id": b["id"], "name": b["name"], "kind": "organization"}
                                         for b in row["roles"]]
            for owner in owners:
                sets[owner["id"]] |= items
                refs[owner["id"]] = owner
        return dict(sets), refs

    def subgraph(self, center: str | None = None, hops: int = 1,
                 types: list[str] | None = None, limit: int | None = None) -> Row:
        """Nodes within `hops` of `center` (whole graph when None) whose labels meet `types`
        (the center is always kept), with the relationships among them. Sorted by id.

        With `limit`, at most that many nodes, nearest to the centre first (hops over the kept
        relationships, then id; nodes they do not reach come last), and ``"truncated"`` says
        whether more were in reach. Properties are read only for the nodes returned, so a hub's
        neighbourhood costs its relationships, not every neighbour's text.
        """
        for label in types or []:
            self._check_label(label)
        if not 0 <= hops <= MAX_HOPS:
            raise ValidationError(f"hops must be between 0 and {MAX_HOPS}, got {hops}")
        self._check_bounds(limit=limit)
        if center is None:
            nodes, rels = self._whole_graph()
            labels = {n["id"]: n["labels"] for n in nodes}
        else:
            labels, rels = self._neighbourhood(center, hops)
        keep = {i for i, lab in labels.items() if not types or i == center or set(lab) & set(types)}
        rels = [r for r in rels if r["source"] in keep and r["target"] in keep]
        truncated = limit is not None and len(keep) > limit
        if truncated:
            keep = _nearest(keep, center, rels, limit)
            rels = [r for r in rels if r["source"] in keep and r["target"] in keep]
        if center is not None:
            nodes = list(self._nodes_by_ids(sorted(keep)).values())
        result = {
            "nodes": sorted(({**n, "properties": S.public(n["properties"])} for n in nodes if n["id"] in keep),
                            key=lambda n: n["id"]),
            "relationships": sorted(
                ({**r, "properties": S.public(r["properties"])} for r in rels),
                key=lambda r: (r["source"], r["type"], r["target"], sorted(r["properties"].items()))),
        }
        return result if limit is None else {**result, "truncated": truncated}

    @cached_answer
    def entity(self, entity_id: str, evidence_limit: int | None = None, evidence_offset: int = 0,
               proposer_limit: int | None = None, relation_limit: int | None = None) -> Row:
        """One entity with aliases, concept, proposers, entity relations and evidence (EntityDetail).

        ``evidence`` holds items ``evidence_offset`` to ``evidence_offset + evidence_limit`` (all
        by default) of ``evidence_count``; speech texts are read only for those. ``proposers``
        holds the first ``proposer_limit`` (all by default, in proposer id order) of
        ``proposer_count``: a hub such as 政府 has one per speech that names it. ``relations``
        holds the first ``relation_limit`` (all by default, in relation order) of
        ``relation_count``; a hub hosts or funds something in many speeches.
        """
        self._check_bounds(evidence_limit=evidence_limit, evidence_offset=evidence_offset,
                           proposer_limit=proposer_limit, relation_limit=relation_limit)
        node = self._nodes_by_ids([entity_id]).get(entity_id)
        if node is None or S.ENTITY not in node["labels"]:
            raise NotFoundError(f"no entity with id {entity_id!r}")
        props = node["properties"]
        rows = self._expand(self._proposal_rows(S.PROPOSAL_TYPES, entity_ids=[entity_id]))
        direct = _sorted_unique((r for r in rows if r["path"] == "direct"), _row_evidence_key)
        shown = direct[evidence_offset:None if evidence_limit is None else evidence_offset + evidence_limit]
        rels = sorted(self._rels_touching([entity_id], S.ENTITY_ENTITY_TYPES),
                      key=lambda r: self._relation_key(entity_id, r))
        shown_rels = rels[:relation_limit]
        texts = self._speech_texts(sorted({r["speech_id"] for r in shown}
                                          | {r["properties"]["speech_id"] for r in shown_rels}))
        concept = self._nodes_by_ids([props["concept"]]).get(props.get("concept")) if props.get("concept") else None
        return {
            **self._entity_ref(props), "aliases": list(props.get("aliases") or []),
            "concept": self._concept_ref(concept["properties"]) if concept else None,
            "evidence": [self._evidence(r, texts) for r in shown], "evidence_count": len(direct),
            "proposers": self._proposer_paths(rows)[:proposer_limit],
            "proposer_count": len({self._hit_key(r) for r in rows}),
            "relations": self._entity_relations(entity_id, shown_rels, texts),
            "relation_count": len(rels),
        }

    @cached_answer
    def search(self, q: str, limit: int = 20) -> list[Row]:
        """Entities, bodies, persons and concepts whose name, aliases or English name match q.

        Ranked: exact name/name_en/alias first, then names containing q as a whole, then the
        rest; shorter names first; then by id.
        """
        toks = tokens(q)
        if not toks:
            raise ValidationError("search needs a non-empty query")
        self._check_limit(limit)
        whole = q.strip().lower()
        return [self._search_item(n) for n in self._match_nodes(toks, whole, limit)]

    @classmethod
    def _search_key(cls, item: Row, whole: str) -> tuple:
        """The search order of a SearchItem."""
        return cls._rank(item, whole), len(item["name"] or ""), item["id"]

    def list_nodes(self, kind: str, limit: int = 50, cursor: str | None = None,
                   type: str | None = None, q: str | None = None) -> Row:
        """A page of nodes of one kind (documents|speeches|proposers|entities|concepts), by id.

        `cursor` is the last id of the previous page (``next_cursor``). `type` filters entities
        by type label and proposers by kind (organization|person); `q` (the search rule)
        applies to proposers, entities and concepts. Summaries: documents {"id", "source",
        "publication", "date", "page", "topic"}; speeches {"id", "order", "title",
        "document"}; proposers ProposerRef; entities EntityRef + {"aliases"}; concepts
        ConceptRef.
        """
        self._check_listing(kind, limit, type, q)
        nodes = self._list_nodes(kind, limit, cursor or "", type=type, toks=tokens(q))
        items = [self._summary(kind, n) for n in nodes]
        return {"items": items, "next_cursor": items[-1]["id"] if len(items) == limit else None}

    def node(self, kind: str, node_id: str) -> Row:
        """One node of a listing kind with its public properties; NotFoundError if absent.

        Entities give an EntityDetail; others their summary plus "properties" (all public
        properties) and, for proposers, "roles": [{"person": ProposerRef, "body": ProposerRef,
        "role"}] (a person's roles, or the roles persons hold in a body).
        """
        if kind not in S.NODE_KINDS:
            raise ValidationError(f"unknown kind {kind!r}; known: {', '.join(S.NODE_KINDS)}")
        if kind == "entities":
            return self.entity(node_id)
        found = self._nodes_by_ids([node_id]).get(node_id)
        if found is None or not set(found["labels"]) & set(S.NODE_KINDS[kind]):
            raise NotFoundError(f"no {kind[:-1] if kind != 'speeches' else 'speech'} with id {node_id!r}")
        detail = {**self._summary(kind, found), "properties": S.public(found["properties"])}
        if kind == "proposers":
            detail["roles"] = self._roles_of(node_id)
        return detail

    def close(self) -> None:
        """Release resources held by the store (not the driver: its owner closes it)."""

    # == shared helpers ===========================================================================
    @staticmethod
    def _check_type(type_: str) -> None:
        if type_ not in S.ENTITY_LABELS:
            raise ValidationError(f"unknown entity type {type_!r}; known: {', '.join(S.ENTITY_LABELS)}")

    @staticmethod
    def _check_label(label: str) -> None:
        if label not in S.LABELS:
            raise ValidationError(f"unknown label {label!r}; known: {', '.join(S.LABELS)}")

    @staticmethod
    def _check_level(level: str) -> None:
        if level not in ("entity", "concept"):
            raise ValidationError(f"level must be 'entity' or 'concept', got {level!r}")

    @staticmethod
    def _check_bounds(**values: int | None) -> None:
        """Paging arguments: names ending in ``limit`` at least 1 (evidence_limit at least 0),
        offsets at least 0; None means no bound."""
        for name, value in values.items():
            least = 1 if name.endswith("limit") and name != "evidence_limit" else 0
            if value is not None and value < least:
                bound = "must not be negative" if least == 0 else f"must be at least {least}"
                raise ValidationError(f"{name} {bound}, got {value}")

    @staticmethod
    def _check_limit(limit: int) -> None:
        if not 1 <= limit <= MAX_LIMIT:
            raise ValidationError(f"limit must be between 1 and {MAX_LIMIT}, got {limit}")

    def _check_listing(self, kind: str, limit: int, type_: str | None, q: str | None) -> None:
        if kind not in S.NODE_KINDS:
            raise ValidationError(f"unknown kind {kind!r}; known: {', '.join(S.NODE_KINDS)}")
        self._check_limit(limit)
        if type_ is not None and kind == "entities":
            self._check_type(type_)
        elif type_ is not None and kind == "proposers" and type_ not in ("organization", "person"):
            raise ValidationError(f"proposer type must be organization or person, got {type_!r}")
        elif type_ is not None and kind not in ("entities", "proposers"):
            raise ValidationError(f"type filters entities and proposers only, not {kind}")
        if q and kind not in ("proposers", "entities", "concepts"):
            raise ValidationError(f"q filters proposers, entities and concepts only, not {kind}")

    def _check_concept(self, concept: str) -> None:
        """NotFoundError naming `concept` and up to five concepts whose names come close, when no
        concept has that id, name or English name: an unknown concept is a mistake, not a question
        nobody answered."""
        if self._concepts_named(concept):
            return
        near: dict[str, Row] = {}
        for words in [concept, *sorted(tokens(concept), key=len, reverse=True)]:  # the whole, then each word
            if len(near) >= 5:
                break
            try:
                found = self.search(words, limit=50)
            except ValidationError:  # nothing to search with
                break
            near.update((item["id"], item) for item in found if item["kind"] == S.CONCEPT and len(near) < 5)
        named = [f"{c['name']} ({c['name_en']}, {c['id']})" if c.get("name_en") else f"{c['name']} ({c['id']})"
                 for c in near.values()]
        hint = "; close: " + ", ".join(named) if named else ""
        raise NotFoundError(f"no concept with id, name or English name {concept!r}{hint}")

    def _resolve_proposer(self, ref: str) -> Row:
        node = self._nodes_by_ids([ref]).get(ref)
        if node is not None and set(node["labels"]) & set(S.PROPOSER_LABELS):
            return proposer_ref(node["id"], node["properties"].get("name"), node["labels"])
        named = self._proposers_named(ref)
        if not named:
            raise NotFoundError(f"no body or person with id or name {ref!r}")
        if len(named) > 1:
            ids = ", ".join(sorted(n["id"] for n in named))
            raise ValidationError(f"the name {ref!r} is ambiguous; use one of the ids: {ids}")
        return proposer_ref(named[0]["id"], named[0]["properties"].get("name"), named[0]["labels"])

    @staticmethod
    def _expand(rows: list[Row]) -> list[Row]:
        """Each raw row for its speaker (path direct) and for each body the speaker holds a role in."""
        out = []
        for row in rows:
            out.append({**row, "proposer": row["speaker"], "path": "direct", "via": None})
            bodies = {b["id"]: b for b in row["roles"]}
            out += [{**row, "proposer": {"id": b["id"], "name": b["name"], "kind": "organization"},
                     "path": "role", "via": row["speaker"]} for _, b in sorted(bodies.items())]
        return out

    def _texts_for(self, rows: list[Row]) -> dict[str, tuple[str, str]]:
        return self._speech_texts(sorted({r["speech_id"] for r in rows}))

    @staticmethod
    def _evidence(row: Row, texts: dict[str, tuple[str, str]]) -> Row:
        title, text = texts[row["speech_id"]]
        return {"speech_id": row["speech_id"], "speech_title": title, "recommendation": row["recommendation"],
                "sentence": sentence(text, row["start"], row["end"]), "start": row["start"], "end": row["end"],
                "entity_id": row["entity"]["id"], "relation": row["relation"], "action": row["action"]}

    @staticmethod
    def _hit_key(hit: Row) -> tuple[str, str, str]:
        return hit["proposer"]["id"], hit["path"], (hit["via"] or {}).get("id", "")

    def _hit(self, group: list[Row], shown: list[Row], texts: dict[str, tuple[str, str]]) -> Row:
        first = group[0]
        return {"proposer": first["proposer"], "path": first["path"], "via": first["via"],
                "entities": _sorted_unique((r["entity"] for r in group), lambda e: e["id"]),
                "evidence": [self._evidence(r, texts) for r in shown],
                "evidence_count": len({_row_evidence_key(r) for r in group})}

    @staticmethod
    def _finish_item(item: Row) -> Row:
        return {**item, "relations": sorted(item["relations"]), "paths": sorted(item["paths"]),
                "evidence": _sorted_unique(item["evidence"], _evidence_key)}

    @staticmethod
    def _item_key(row: Row, level: str) -> str | None:
        return row["entity"]["id"] if level == "entity" else (row["concept"] or {}).get("id")

    def _items_of(self, rows: list[Row], proposer_id: str, level: str, texts) -> dict[str, Row]:
        items: dict[str, Row] = {}
        for row in rows:
            key = self._item_key(row, level)
            if row["proposer"]["id"] != proposer_id or key is None:
                continue
            source = row["entity"] if level == "entity" else {**row["concept"], "type": "Concept"}
            item = items.setdefault(key, {k: source.get(k) for k in ("id", "name", "name_en", "type")}
                                    | {"evidence": []})
            item["evidence"].append(self._evidence(row, texts))
        return items

    @staticmethod
    def _plain_item(item: Row) -> Row:
        return {k: v for k, v in item.items() if k != "evidence"}

    @staticmethod
    def _shared_item(sides: list[dict[str, Row]], key: str) -> Row:
        evidence = sides[0][key]["evidence"] + sides[1][key]["evidence"]
        return {**sides[0][key], "evidence": _sorted_unique(evidence, _evidence_key)}

    @staticmethod
    def _cell(a: Row, b: Row, sa: set[str], sb: set[str]) -> Row:
        shared = len(sa & sb)
        return {"a": a, "b": b, "shared": shared, "jaccard": shared / len(sa | sb)}

    def _neighbourhood(self, center: str, hops: int) -> tuple[dict[str, list[str]], list[Row]]:
        """({id: labels} of the nodes within `hops` of `center`, the relationships among them)."""
        if center not in self._node_labels([center]):
            raise NotFoundError(f"no node with id {center!r}")
        seen, frontier, rels = {center}, {center}, {}
        for _ in range(hops):
            touching = self._rels_touching(sorted(frontier)) if frontier else []
            for r in touching:
                rels[(r["source"], r["type"], r["target"], repr(sorted(r["properties"].items())))] = r
            frontier = {x for r in touching for x in (r["source"], r["target"])} - seen
            seen |= frontier
        return self._node_labels(sorted(seen)), [r for r in rels.values() if r["source"] in seen and r["target"] in seen]

    @staticmethod
    def _entity_ref(props: Row) -> Row:
        return {k: props.get(k) for k in ("id", "type", "name", "name_en", "concept")}

    @staticmethod
    def _concept_ref(props: Row) -> Row:
        return {k: props.get(k) for k in ("id", "name", "name_en")}

    @staticmethod
    def _proposer_paths(rows: list[Row]) -> list[Row]:
        groups: dict[tuple, Row] = {}
        for r in rows:
            key = GraphStore._hit_key(r)
            entry = groups.setdefault(key, {"proposer": r["proposer"], "path": r["path"], "via": r["via"],
                                            "relations": set()})
            entry["relations"].add(r["relation"])
        return [{**groups[k], "relations": sorted(groups[k]["relations"])} for k in sorted(groups)]

    @staticmethod
    def _relation_key(entity_id: str, r: Row) -> tuple:
        """The order of an entity's relations: type, direction, the other end's id, speech, offsets."""
        outgoing = r["source"] == entity_id
        p = r["properties"]
        return (r["type"], "out" if outgoing else "in", r["target"] if outgoing else r["source"],
                p["speech_id"], p["start"])

    def _entity_relations(self, entity_id: str, rels: list[Row], texts) -> list[Row]:
        others = self._nodes_by_ids(sorted({r["target"] if r["source"] == entity_id else r["source"]
                                            for r in rels}))
        out = []  # rels come in relation order (_relation_key)
        for r in rels:
            outgoing = r["source"] == entity_id
            other = others[r["target"] if outgoing else r["source"]]["properties"]
            p = r["properties"]
            row = {"speech_id": p["speech_id"], "start": p["start"], "end": p["end"], "recommendation": None,
                   "entity": {"id": other["id"]}, "relation": r["type"], "action": None}
            out.append({"type": r["type"], "direction": "out" if outgoing else "in",
                        "other": self._entity_ref(other), "evidence": self._evidence(row, texts)})
        return out

    def _search_item(self, node: Row) -> Row:
        p, label = node["properties"], S.primary_label(node["labels"])
        return {"id": p["id"], "kind": label, "type": p.get("type") if label == S.ENTITY else label,
                "name": p.get("name"), "name_en": p.get("name_en"), "aliases": list(p.get("aliases") or []),
                "concept": node.get("concept")}

    @staticmethod
    def _rank(item: Row, whole: str) -> int:
        exact = [item["name"], item["name_en"], *item["aliases"]]
        if any(f and f.lower() == whole for f in exact):
            return 0
        return 1 if whole in (item["name"] or "").lower() else 2

    def _summary(self, kind: str, node: Row) -> Row:
        p = node["properties"]
        if kind == "documents":
            return {k: p.get(k) for k in ("id", "source", "publication", "date", "page", "topic")}
        if kind == "speeches":
            return {k: p.get(k) for k in ("id", "order", "title", "document")}
        if kind == "proposers":
            return proposer_ref(p["id"], p.get("name"), node["labels"])
        if kind == "entities":
            return {**self._entity_ref(p), "aliases": list(p.get("aliases") or [])}
        return self._concept_ref(p)

    def _roles_of(self, node_id: str) -> list[Row]:
        rels = self._rels_touching([node_id], (S.HOLDS_ROLE,))
        ends = self._nodes_by_ids(sorted({x for r in rels for x in (r["source"], r["target"])}))
        out = [{"person": proposer_ref(r["source"], ends[r["source"]]["properties"].get("name"), [S.PERSON]),
                "body": proposer_ref(r["target"], ends[r["target"]]["properties"].get("name"), [S.BODY]),
                "role": r["properties"].get("role")} for r in rels]
        return sorted(out, key=lambda x: (x["person"]["id"], x["body"]["id"], x["role"] or ""))
