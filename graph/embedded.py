"""EmbeddedStore: the graph in a networkx MultiDiGraph, persisted to one JSON file.

File format (UTF-8 JSON)::

    {"format": "policykg-graph", "version": 1,
     "nodes": [{"id": "...", "labels": ["Entity", "Fund"], "properties": {...}}, ...],
     "edges": [{"key": "...", "type": "PROPOSES", "source": "...", "target": "...",
                "properties": {...}}, ...]}

Location: the ``path`` given, else ``$POLICYKG_STORE``, else
``$XDG_DATA_HOME/policykg/graph.json`` (``~/.local/share/policykg/graph.json``).
The file is written atomically (a temporary file in the same folder, then ``os.replace``), so a
crash leaves the old file or the new one, never half of one. A file that is not valid JSON or
lacks the format marker raises :class:`CorruptStoreError` naming it, and is never overwritten.

Each ``load`` validates every document first, applies them to a copy of the graph and swaps the
copy in and writes the file only when all succeeded.
"""

from __future__ import annotations

import heapq
import json
import os
from bisect import bisect_right
from itertools import accumulate
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from policykg.errors import CorruptStoreError, NotFoundError, StoreError
from policykg.extract.records import SpeechRecord
from policykg.graph import provenance as P
from policykg.graph import schema as S
from policykg.graph.cache import DEFAULT_SIZE as DEFAULT_CACHE_SIZE
from policykg.graph.cache import AnswerCache, ranking_cache
from policykg.graph.model import DocumentRows, document_rows, group_by_document
from policykg.graph.store import GraphStore, OnDocument, Row, proposer_ref
from policykg.graph.text import candidate_token

FORMAT = "policykg-graph"
VERSION = 1


def default_store_path() -> Path:
    """``$POLICYKG_STORE``, else ``$XDG_DATA_HOME/policykg/graph.json`` (~/.local/share by default)."""
    if os.environ.get("POLICYKG_STORE"):
        return Path(os.environ["POLICYKG_STORE"]).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data_home) / "policykg" / "graph.json"


# == file format ===================================================================================
def read_graph(path: Path) -> nx.MultiDiGraph:
    """The graph stored at `path` (empty when the file does not exist); CorruptStoreError if unreadable."""
    graph = nx.MultiDiGraph()
    if not path.exists():
        return graph
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorruptStoreError(f"{path}: not a readable policykg graph file ({exc}); left untouched") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise CorruptStoreError(f"{path}: not a policykg graph file (no \"format\": \"{FORMAT}\"); left untouched")
    if data.get("version") != VERSION:
        raise CorruptStoreError(f"{path}: unsupported policykg graph version {data.get('version')!r} "
                                f"(this policykg reads version {VERSION}); left untouched")
    try:
        for node in data["nodes"]:
            graph.add_node(node["id"], labels=list(node["labels"]), props=dict(node["properties"]))
        for edge in data["edges"]:
            graph.add_edge(edge["source"], edge["target"], key=edge["key"], type=edge["type"],
                           props=dict(edge["properties"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise CorruptStoreError(f"{path}: malformed policykg graph file ({exc!r}); left untouched") from exc
    return graph


def graph_document(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """The JSON document of a graph in the store's file format."""
    return {
        "format": FORMAT, "version": VERSION,
        "nodes": [{"id": n, "labels": d["labels"], "properties": d["props"]} for n, d in graph.nodes(data=True)],
        "edges": [{"key": k, "type": d["type"], "source": u, "target": v, "properties": d["props"]}
                  for u, v, k, d in graph.edges(keys=True, data=True)],
    }


def write_graph(graph: nx.MultiDiGraph, path: Path) -> None:
    """Write the graph atomically: a temporary file in the same folder, fsync, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            # json.dumps, not json.dump: only the one-shot form uses the C encoder (3x faster at 1000x)
            handle.write(json.dumps(graph_document(graph), ensure_ascii=False, separators=(",", ":")))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# == applying rows =================================================================================
def edge_key(type_: str, props: dict[str, Any]) -> str:
    """Key of a relationship among the parallel ones between two nodes."""
    if type_ == S.HOLDS_ROLE:
        return f"{type_}|{props.get('role', '')}"
    if S.REL_TYPES[type_].from_text:
        return f"{type_}|{props['speech_id']}|{props['start']}|{props['end']}"
    return type_


def remove_document(graph: nx.MultiDiGraph, document_id: str) -> None:
    """Remove a document, its speeches and recommendations, and whatever only it produced."""
    speeches = [v for _, v, d in graph.out_edges(document_id, data=True) if d["type"] == S.CONTAINS]
    recs = [v for s in speeches for _, v, d in graph.out_edges(s, data=True) if d["type"] == S.MAKES]
    shared = [n for n, d in graph.nodes(data=True)
              if set(d["labels"]) & set(S.SHARED_LABELS) and document_id in d["props"].get("documents", [])]
    speech_set = set(speeches)
    for node in shared:
        for u, v, k, d in list(graph.out_edges(node, keys=True, data=True)):
            _drop_edge_provenance(graph, (u, v, k), d, document_id, speech_set)
    graph.remove_nodes_from([document_id, *speeches, *recs])
    for node in shared:
        _drop_node_provenance(graph, node, document_id)


def _drop_edge_provenance(graph, edge, data, document_id: str, speeches: set[str]) -> None:
    if data["type"] in S.ENTITY_ENTITY_TYPES and data["props"]["speech_id"] in speeches:
        graph.remove_edge(*edge)
    elif S.REL_TYPES[data["type"]].shared and document_id in data["props"].get("documents", []):
        data["props"] = {**data["props"], "documents": P.drop_document(data["props"]["documents"], document_id)}
        if not data["props"]["documents"]:
            graph.remove_edge(*edge)


def _drop_node_provenance(graph, node: str, document_id: str) -> None:
    props = dict(graph.nodes[node]["props"])  # copy on write: graph copies share attribute values
    if props["documents"] == [document_id]:
        graph.remove_node(node)
        return
    graph.nodes[node]["props"] = props
    props["documents"] = P.drop_document(props["documents"], document_id)
    if S.ENTITY in graph.nodes[node]["labels"]:
        P.set_aliases(props, P.merge_alias_sources(props.get("alias_sources"), document_id, []))


def apply_rows(graph: nx.MultiDiGraph, rows: DocumentRows) -> None:
    """Add one document's rows to a graph from which that document is absent."""
    doc = rows.document_id
    for label, node_rows in rows.nodes.items():
        for row in node_rows:
            _add_node(graph, label, row, doc)
    for (type_, _, _), rel_rows in rows.rels.items():
        for row in rel_rows:
            _add_edge(graph, type_, row, doc)


def _add_node(graph, label: str, row: Row, doc: str) -> None:
    if not S.NODE_TYPES[label].shared:
        graph.add_node(row["id"], labels=[label], props=dict(row["props"]))
        return
    if row["id"] not in graph:
        graph.add_node(row["id"], labels=[], props={})
    data = graph.nodes[row["id"]]
    new_labels = [label] + ([row["label"]] if label == S.ENTITY else [])
    data["labels"] = sorted(set(data["labels"]) | set(new_labels))
    data["props"] = P.merged_node(data["props"], row, label == S.ENTITY, doc)  # a new dict: copy on write


def _add_edge(graph, type_: str, row: Row, doc: str) -> None:
    key = edge_key(type_, row["props"])
    if not S.REL_TYPES[type_].shared:
        graph.add_edge(row["source"], row["target"], key=key, type=type_, props=dict(row["props"]))
        return
    if not graph.has_edge(row["source"], row["target"], key):
        graph.add_edge(row["source"], row["target"], key=key, type=type_, props=dict(row["props"]))
    data = graph.edges[row["source"], row["target"], key]
    data["props"] = {**data["props"], "documents": P.add_document(data["props"].get("documents"), doc)}


# == the store =====================================================================================
class EmbeddedStore(GraphStore):
    """The graph in memory (networkx), persisted to one JSON file after each successful write."""

    backend = "embedded"

    def __init__(self, path: str | os.PathLike | None = None, cache_size: int = DEFAULT_CACHE_SIZE):
        self.path = Path(path).expanduser() if path is not None else default_store_path()
        self._graph = read_graph(self.path)
        self._revision = 0
        self.answer_cache = AnswerCache(cache_size)
        self.ranking_cache = ranking_cache(cache_size)
        self._index: dict[str, list[str]] | None = None
        self._lowered: dict[str, str] = {}
        self._tables: dict[str, MatchTable] = {}
        self._speakers: dict[str, str] = {}

    # -- writing --------------------------------------------------------------------------------
    def load(self, records: Iterable[SpeechRecord], on_document: OnDocument | None = None) -> dict[str, Any]:
        batches = [document_rows(group) for group in group_by_document(records).values()]
        work = self._graph.copy()
        summary: dict[str, Any] = {"loaded": [], "replaced": [], "unchanged": [], "rows": 0}
        for rows in batches:
            outcome = self._apply(work, rows)
            summary[outcome].append(rows.document_id)
            summary["rows"] += rows.count() if outcome != "unchanged" else 0
            if on_document:
                on_document(rows.document_id, outcome)
        if summary["loaded"] or summary["replaced"]:
            self._commit(work)
        return summary

    @staticmethod
    def _apply(graph: nx.MultiDiGraph, rows: DocumentRows) -> str:
        old = graph.nodes[rows.document_id]["props"].get("sha256") if rows.document_id in graph else None
        if old == rows.sha256:
            return "unchanged"
        if old is not None:
            remove_document(graph, rows.document_id)
        apply_rows(graph, rows)
        return "replaced" if old is not None else "loaded"

    def delete_document(self, document_id: str) -> dict[str, Any]:
        if document_id not in self._graph or S.DOCUMENT not in self._graph.nodes[document_id]["labels"]:
            raise NotFoundError(f"no document with id {document_id!r}")
        work = self._graph.copy()
        remove_document(work, document_id)
        self._commit(work)
        return {"deleted": document_id}

    def _commit(self, work: nx.MultiDiGraph) -> None:
        try:
            write_graph(work, self.path)
        except OSError as exc:
            raise StoreError(f"cannot write the graph file {self.path}: {exc}") from exc
        self._graph, self._index, self._lowered, self._tables, self._speakers = work, None, {}, {}, {}
        self._revision += 1

    def revision(self) -> int:
        """The number of writes this store made since it read its file."""
        return self._revision

    # -- primitives -----------------------------------------------------------------------------
    @property
    def graph(self) -> nx.MultiDiGraph:
        """The underlying graph (read it, do not change it)."""
        return self._graph

    def _ids(self, label: str) -> list[str]:
        if self._index is None:
            index: dict[str, list[str]] = defaultdict(list)
            for n, d in self._graph.nodes(data=True):
                for lab in d["labels"]:
                    index[lab].append(n)
            self._index = {k: sorted(v) for k, v in index.items()}
        return self._index.get(label, [])

    def counts(self) -> dict[str, dict[str, int]]:
        rels = dict.fromkeys(S.REL_TYPE_NAMES, 0)
        for _, _, t in self._graph.edges(data="type"):
            rels[t] += 1
        return {"nodes": {label: len(self._ids(label)) for label in S.LABELS}, "relationships": rels}

    def _node(self, node_id: str) -> Row:
        data = self._graph.nodes[node_id]
        return {"id": node_id, "labels": sorted(data["labels"]), "properties": dict(data["props"])}

    def _props(self, node_id: str) -> dict[str, Any]:
        return self._graph.nodes[node_id]["props"]

    def _edges(self, node_id: str, types: Iterable[str], out: bool = True):
        """(source, target, data) of the node's outgoing (or incoming) edges of the given types.

        Reads the adjacency dicts directly (``succ``/``pred`` are read-only views of them): the
        edge-view objects networkx builds per call cost more than the walk at 1000x the sample.
        """
        adjacency = (self._graph.succ if out else self._graph.pred)[node_id]
        if out:
            return [(node_id, v, d) for v, keyed in adjacency.items() for d in keyed.values() if d["type"] in types]
        return [(u, node_id, d) for u, keyed in adjacency.items() for d in keyed.values() if d["type"] in types]

    def _hit_page(self, entity_type, toks, concept, limit, offset) -> tuple[int, list[Row]]:
        pairs = {(self._speaker(d["props"]["speech_id"]), e)
                 for e in self._matching_entities(entity_type, toks, concept)
                 for _, _, d in self._edges(e, (S.PROPOSES,), out=False)}
        counts: Counter[tuple[str, str, str]] = Counter()
        for speaker, n in Counter(speaker for speaker, _ in pairs).items():
            counts[(speaker, "direct", "")] = n  # a role hit counts the person's own entities
            for body in {v for _, v, _ in self._edges(speaker, (S.HOLDS_ROLE,))}:
                counts[(body, "role", speaker)] = n
        keys = sorted(counts, key=lambda k: (-counts[k], *k))
        page = keys[offset:None if limit is None else offset + limit]
        return len(keys), [{"proposer": self._proposer_ref(p), "path": path,
                            "via": self._proposer_ref(via) if via else None, "entities": counts[(p, path, via)]}
                           for p, path, via in page]

    def _proposer_ref(self, node_id: str) -> Row:
        return proposer_ref(node_id, self._props(node_id).get("name"), self._graph.nodes[node_id]["labels"])

    def _speaker(self, speech_id: str) -> str:
        speaker = self._speakers.get(speech_id)
        if speaker is None:
            speaker = self._speakers[speech_id] = next(u for u, _, _ in self._edges(speech_id, (S.DELIVERED,), out=False))
        return speaker

    def _proposal_rows(self, relations, *, entity_type=None, toks=None, concept=None,
                       entity_ids=None, proposer_ids=None, speaker_ids=None) -> list[Row]:
        if speaker_ids is not None:
            edges = [(u, v, d) for u, v, d in self._edges_of_speakers(speaker_ids, relations)
                     if self._entity_matches(v, entity_type, toks, concept)]
        elif proposer_ids is not None:
            edges = self._edges_of_proposers(proposer_ids, relations)
        else:
            entities = entity_ids if entity_ids is not None else self._matching_entities(entity_type, toks, concept)
            edges = [e for ent in entities if ent in self._graph for e in self._edges(ent, relations, out=False)]
        return [self._proposal_row(u, v, d) for u, v, d in edges]

    def _matching_entities(self, entity_type, toks, concept) -> list[str]:
        table = self._match_table(entity_type or S.ENTITY)
        rows = range(len(table.ids)) if not toks else table.containing(candidate_token(toks))
        if concept is not None:
            wanted = {c for c in self._ids(S.CONCEPT) if _concept_is(self._props(c), concept)}
            rows = [i for i in rows if table.concepts[i] in wanted]
        return [table.ids[i] for i in rows if all(t in table.texts[i] for t in toks or ())]

    def _match_table(self, label: str) -> MatchTable:
        """The label's nodes with their match texts (see :meth:`_match_text`), once per graph version."""
        table = self._tables.get(label)
        if table is None:
            ids = self._ids(label)
            table = self._tables[label] = MatchTable(ids, [self._match_text(n) for n in ids],
                                                     [self._props(n).get("concept") for n in ids])
        return table

    def _entity_matches(self, entity_id: str, entity_type, toks, concept) -> bool:
        props = self._props(entity_id)
        if entity_type is not None and props.get("type") != entity_type:
            return False
        if concept is not None:
            c = self._props(props["concept"]) if props.get("concept") in self._graph else None
            if not (c and _concept_is(c, concept)):
                return False
        return not toks or self._matches_cached(entity_id, toks)

    def _matches_cached(self, node_id: str, toks: list[str]) -> bool:
        """The matching rule over the node's lower-cased fields (see :meth:`_match_text`)."""
        text = self._match_text(node_id)
        return all(t in text for t in toks)

    def _match_text(self, node_id: str) -> str:
        """The node's lower-cased match fields (its concept's too) joined by newlines, once per graph
        version: a token holds no whitespace, so it occurs in the text exactly when in one field."""
        text = self._lowered.get(node_id)
        if text is None:
            props = self._props(node_id)
            c = self._props(props["concept"]) if props.get("concept") in self._graph else None
            text = self._lowered[node_id] = "\n".join(f.lower() for f in self._fields(props, c) if f)
        return text

    @staticmethod
    def _fields(props: dict[str, Any], concept: dict[str, Any] | None) -> list[str | None]:
        fields = [props.get("name"), props.get("name_en"), *(props.get("aliases") or [])]
        return fields + ([concept.get("name"), concept.get("name_en")] if concept else [])

    def _edges_of_proposers(self, proposer_ids: list[str], relations) -> list:
        speakers = set()
        for pid in proposer_ids:
            if pid in self._graph:
                speakers |= {pid} | {u for u, _, _ in self._edges(pid, (S.HOLDS_ROLE,), out=False)}
        return self._edges_of_speakers(sorted(speakers), relations)

    def _edges_of_speakers(self, speakers: list[str], relations) -> list:
        speeches = {v for s in speakers if s in self._graph for _, v, _ in self._edges(s, (S.DELIVERED,))}
        sources = [x for s in sorted(speeches) for x in [s, *(v for _, v, _ in self._edges(s, (S.MAKES,)))]]
        return [e for x in sources for e in self._edges(x, relations)]

    def _proposal_row(self, source: str, entity_id: str, data: dict[str, Any]) -> Row:
        props, rel = self._props(entity_id), data["props"]
        speech = rel["speech_id"]
        speaker = self._speaker(speech)
        c = props.get("concept")
        source_props = self._props(source)
        return {
            "speaker": proposer_ref(speaker, self._props(speaker).get("name"), self._graph.nodes[speaker]["labels"]),
            "roles": [{"id": v, "name": self._props(v).get("name")} for _, v, _ in self._edges(speaker, (S.HOLDS_ROLE,))],
            "entity": self._entity_ref(props),
            "concept": self._concept_ref(self._props(c)) if c in self._graph else None,
            "relation": data["type"], "action": rel.get("action"),
            "recommendation": source_props.get("ordinal"),
            "speech_id": speech, "start": rel["start"], "end": rel["end"],
        }

    def _proposer_items(self) -> list[Row]:
        out = []
        for speaker in (n for label in S.PROPOSER_LABELS for n in self._ids(label)):
            targets = {v for _, v, _ in self._edges_of_speakers([speaker], S.PROPOSAL_TYPES)}
            if not targets:
                continue
            out.append({"speaker": self._proposer_ref(speaker),
                        "roles": [{"id": v, "name": self._props(v).get("name")}
                                  for _, v, _ in self._edges(speaker, (S.HOLDS_ROLE,))],
                        "entities": sorted(targets),
                        "concepts": sorted({c for c in (self._props(e).get("concept") for e in targets) if c})})
        return out

    def _speech_texts(self, ids: list[str]) -> dict[str, tuple[str, str]]:
        return {i: (self._props(i).get("title"), self._props(i).get("text")) for i in ids if i in self._graph}

    def _nodes_by_ids(self, ids: list[str]) -> dict[str, Row]:
        return {i: self._node(i) for i in ids if i in self._graph}

    def _node_labels(self, ids: list[str]) -> dict[str, list[str]]:
        return {i: sorted(self._graph.nodes[i]["labels"]) for i in ids if i in self._graph}

    def _concepts_named(self, name: str) -> list[str]:
        return [c for c in self._ids(S.CONCEPT) if _concept_is(self._props(c), name)]

    def _proposers_named(self, name: str) -> list[Row]:
        return [self._node(n) for label in S.PROPOSER_LABELS for n in self._ids(label)
                if self._props(n).get("name") == name]

    def _rels_touching(self, ids: list[str], types: tuple[str, ...] | None = None) -> list[Row]:
        seen = {}
        for node in ids:
            if node not in self._graph:
                continue
            for u, v, k, d in [*self._graph.out_edges(node, keys=True, data=True),
                               *self._graph.in_edges(node, keys=True, data=True)]:
                if types is not None and d["type"] not in types:
                    continue
                seen[(u, v, k)] = {"type": d["type"], "source": u, "target": v, "properties": dict(d["props"])}
        return list(seen.values())

    def _whole_graph(self) -> tuple[list[Row], list[Row]]:
        nodes = [self._node(n) for n in self._graph.nodes]
        rels = [{"type": d["type"], "source": u, "target": v, "properties": dict(d["props"])}
                for u, v, d in self._graph.edges(data=True)]
        return nodes, rels

    def _match_nodes(self, toks: list[str], whole: str, limit: int) -> list[Row]:
        first = candidate_token(toks)
        found = set()
        for label in S.SEARCHABLE_LABELS:
            table = self._match_table(label)
            found.update(table.ids[i] for i in table.containing(first) if all(t in table.texts[i] for t in toks))
        nodes = []
        for n in found:
            c = self._graph.nodes.get(self._props(n).get("concept"), {}).get("props")
            nodes.append({**self._node(n), "concept": self._concept_ref(c) if c else None})
        return heapq.nsmallest(limit, nodes, key=lambda n: self._search_key(self._search_item(n), whole))

    def _list_nodes(self, kind: str, limit: int, cursor: str, *, type: str | None, toks: list[str]) -> list[Row]:
        ids = sorted({n for label in S.NODE_KINDS[kind] for n in self._ids(label) if n > cursor})
        out = []
        for n in ids:
            if self._listed(kind, n, type, toks):
                out.append(self._node(n))
                if len(out) == limit:
                    break
        return out

    def _listed(self, kind: str, node_id: str, type_: str | None, toks: list[str]) -> bool:
        data = self._graph.nodes[node_id]
        if type_ is not None and kind == "entities" and data["props"].get("type") != type_:
            return False
        if type_ is not None and kind == "proposers" and proposer_ref(node_id, "", data["labels"])["kind"] != type_:
            return False
        return not toks or self._matches_cached(node_id, toks)


class MatchTable:
    """Nodes of one label with their match texts, and the texts joined into one string so that
    the nodes holding a token are found by ``str.find`` (C speed) instead of a loop per node."""

    SEPARATOR = "\x00"

    def __init__(self, ids: list[str], texts: list[str], concepts: list[str | None]):
        self.ids, self.texts, self.concepts = ids, texts, concepts
        self.joined = self.SEPARATOR.join(texts)
        self.starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0)) if texts else []

    def containing(self, token: str) -> list[int]:
        """Indexes (ascending) of the texts holding `token`."""
        found, pos = [], self.joined.find(token)
        while pos != -1:
            i = bisect_right(self.starts, pos) - 1
            found.append(i)
            pos = self.joined.find(token, self.starts[i + 1] if i + 1 < len(self.starts) else len(self.joined))
        return found


def _concept_is(concept: dict[str, Any], wanted: str) -> bool:
    """The concept filter: its id, or its name or name_en ignoring case."""
    w = wanted.lower()
    return concept.get("id") == wanted or (concept.get("name") or "").lower() == w \
        or (concept.get("name_en") or "").lower() == w
