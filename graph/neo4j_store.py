"""Neo4jStore: the graph in Neo4j 5.26 over Bolt, through a driver it is given (never builds).

Every statement is a file of :mod:`policykg.cypher`, loaded by name; values are ``$parameters``
and labels or relationship types are written in the files from the schema (one file per label
or type where a statement needs one, e.g. ``load_entity_Fund``).

Loading never splits a document across transactions: consecutive documents are packed into
one write transaction (``session.execute_write``) of at most ``transaction_rows`` rows, a
document larger than that getting a transaction of its own. The transaction function reads
the stored sha256 of every document of the pack, removes what changed documents produced
before (``remove_document``), merges the pack's shared nodes into their stored properties on
the client, and writes the rows by ``UNWIND $rows`` batches of ``batch_size`` — about 25
statements per pack instead of per document, which is what bounds the load rate. The function
is idempotent, so the driver may retry it. When a pack fails for any other reason its
documents are loaded again one transaction each, so the documents before the faulty one land
and the error names the faulty one; a failure never leaves part of a document. Driver
connectivity errors become :class:`StoreUnavailableError`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from neo4j import READ_ACCESS, Driver, ManagedTransaction, RoutingControl
from neo4j.exceptions import DriverError, Neo4jError, ServiceUnavailable, SessionExpired

from policykg import cypher
from policykg.errors import NotFoundError, StoreError, StoreUnavailableError
from policykg.extract.records import SpeechRecord
from policykg.graph import provenance as P
from policykg.graph import schema as S
from policykg.graph.cache import DEFAULT_SIZE as DEFAULT_CACHE_SIZE
from policykg.graph.cache import AnswerCache, SharedProbe, ranking_cache
from policykg.graph.model import DocumentRows, document_rows, group_by_document
from policykg.graph.store import TYPED_READS, GraphStore, OnDocument, Row, proposer_ref
from policykg.graph.text import candidate_token

DEFAULT_BATCH_SIZE = 5000
DEFAULT_TRANSACTION_ROWS = 20_000
NODE_ORDER = (S.DOCUMENT, S.SPEECH, S.RECOMMENDATION, S.BODY, S.PERSON, S.CONCEPT, S.ENTITY)


@contextmanager
def translate_errors() -> Iterator[None]:
    """Driver errors as policykg errors: unreachable server → StoreUnavailableError, others → StoreError."""
    try:
        yield
    except (ServiceUnavailable, SessionExpired) as exc:
        raise StoreUnavailableError(f"Neo4j is unavailable: {exc}") from exc
    except Neo4jError as exc:
        raise StoreError(f"Neo4j refused a statement: {exc.code}: {exc.message}") from exc
    except DriverError as exc:
        raise StoreUnavailableError(f"Neo4j driver error: {exc}") from exc


def load_statements(rows: DocumentRows) -> Iterator[tuple[str, list[Row]]]:
    """(statement name, rows) pairs of a document in loading order: nodes first, then relationships."""
    for label in NODE_ORDER:
        yield f"load_node_{label}", rows.nodes.get(label, [])
    for (type_, source, target), rel_rows in rows.rels.items():
        yield f"load_rel_{type_}_{source}_{target}", rel_rows


def batches(rows: list[Row], size: int) -> Iterator[list[Row]]:
    """Consecutive slices of at most `size` rows."""
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def remove_document(tx: ManagedTransaction, document_id: str) -> None:
    """Remove a stored document and whatever only it produced, in `tx` (see remove_document.cypher)."""
    shared = [r["element_id"] for r in tx.run(cypher.load("document_shared_nodes"), document=document_id)]
    for statement in cypher.statements("remove_document"):
        tx.run(statement, document=document_id, shared=shared).consume()


def packs(documents: list[DocumentRows], limit: int) -> Iterator[list[DocumentRows]]:
    """Consecutive documents in packs of at most `limit` rows (a larger document alone)."""
    pack: list[DocumentRows] = []
    size = 0
    for rows in documents:
        if pack and size + rows.count() > limit:
            yield pack
            pack, size = [], 0
        pack.append(rows)
        size += rows.count()
    if pack:
        yield pack


def merge_shared(tx: ManagedTransaction, documents: list[DocumentRows]) -> DocumentRows:
    """The rows of `documents`, loaded in that order, as one set of rows to write in `tx`.

    Shared nodes are merged into their stored properties (read in `tx`) with
    :func:`provenance.merged_node`, document after document as the embedded store does, giving
    one row per node; shared relationships (HOLDS_ROLE, IS_A) get one row per relationship with
    the ``documents`` of the pack that assert it. Doing this on the client keeps the load
    statements free of property reads (so their plans need no Eager operator) and free of rows
    that would write the same node or relationship twice.
    """
    ids = sorted({r["id"] for rows in documents for label in S.SHARED_LABELS for r in rows.nodes.get(label, [])})
    stored = {r["id"]: r["properties"] for r in tx.run(cypher.load("shared_nodes"), ids=ids)}
    merged = DocumentRows("", "")
    shared: dict[str, dict[str, Row]] = {label: {} for label in S.SHARED_LABELS}
    shared_rels: dict[tuple, Row] = {}
    for rows in documents:
        for label, node_rows in rows.nodes.items():
            if label not in shared:
                merged.nodes[label].extend(node_rows)
                continue
            for r in node_rows:
                before = shared[label].get(r["id"], {}).get("props", stored.get(r["id"]))
                shared[label][r["id"]] = {**r, "props": P.merged_node(before, r, label == S.ENTITY,
                                                                      rows.document_id)}
        for key, rel_rows in rows.rels.items():
            if not S.REL_TYPES[key[0]].shared:
                merged.rels[key].extend(rel_rows)
                continue
            for r in rel_rows:
                entry = shared_rels.setdefault((key, r["source"], r["target"], repr(sorted(r["props"].items()))),
                                               {**r, "documents": []})
                entry["documents"] = P.add_document(entry["documents"], rows.document_id)
    for label, by_id in shared.items():
        merged.nodes[label] = list(by_id.values())
    for (key, *_), r in shared_rels.items():
        merged.rels[key].append(r)
    return merged


class Neo4jStore(GraphStore):
    """The graph in a Neo4j database; the caller owns the driver and closes it."""

    backend = "neo4j"

    def __init__(self, driver: Driver, database: str = "neo4j", batch_size: int = DEFAULT_BATCH_SIZE,
                 transaction_rows: int = DEFAULT_TRANSACTION_ROWS, cache_size: int = DEFAULT_CACHE_SIZE):
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        if transaction_rows < 1:
            raise ValueError(f"transaction_rows must be at least 1, got {transaction_rows}")
        self._driver = driver
        self.database = database
        self.batch_size = batch_size
        self.transaction_rows = transaction_rows
        self.answer_cache = AnswerCache(cache_size)
        self.ranking_cache = ranking_cache(cache_size)
        self._revision = SharedProbe(self._probe_revision)

    # -- schema and writing ---------------------------------------------------------------------
    def ensure_schema(self) -> None:
        """Create the constraints, lookup indexes and the full-text index (idempotent); wait for them."""
        with translate_errors(), self._driver.session(database=self.database) as session:
            for statement in cypher.statements("schema"):
                session.run(statement).consume()
            session.run(cypher.load("backfill_match_text")).consume()
            session.run("CALL db.awaitIndexes(300)").consume()

    def load(self, records: Iterable[SpeechRecord], on_document: OnDocument | None = None) -> dict[str, Any]:
        documents = [document_rows(group) for group in group_by_document(records).values()]
        summary: dict[str, Any] = {"loaded": [], "replaced": [], "unchanged": [], "rows": 0}
        with translate_errors(), self._driver.session(database=self.database) as session:
            for pack in packs(documents, self.transaction_rows):
                outcomes = self._write_pack(session, pack)
                for rows, outcome in zip(pack, outcomes):
                    summary[outcome].append(rows.document_id)
                    summary["rows"] += rows.count() if outcome != "unchanged" else 0
                    if on_document:
                        on_document(rows.document_id, outcome)
        return summary

    def _write_pack(self, session, pack: list[DocumentRows]) -> list[str]:
        """Write a pack in one transaction; if that fails, each document in its own (naming the faulty one)."""
        if len(pack) == 1:
            return [self._write_alone(session, pack[0])]
        try:
            return session.execute_write(self._write_documents, pack, self.batch_size)
        except Neo4jError:  # a server refusal; connectivity errors are DriverErrors and go up
            return [self._write_alone(session, rows) for rows in pack]

    def _write_alone(self, session, rows: DocumentRows) -> str:
        """One document in its own transaction; a refusal names the document."""
        try:
            [outcome] = session.execute_write(self._write_documents, [rows], self.batch_size)
        except Neo4jError as exc:
            raise StoreError(f"document {rows.document_id!r} was not loaded (nothing of it was written): "
                             f"Neo4j refused a statement: {exc.code}: {exc.message}") from exc
        return outcome

    @staticmethod
    def _write_documents(tx: ManagedTransaction, pack: list[DocumentRows], batch_size: int) -> list[str]:
        """The transaction function of a pack of documents (idempotent: it may be retried)."""
        stored = {r["id"]: r["sha256"] for r in tx.run(cypher.load("document_shas"),
                                                       documents=[rows.document_id for rows in pack])}
        outcomes = ["unchanged" if stored.get(rows.document_id) == rows.sha256
                    else "replaced" if rows.document_id in stored else "loaded" for rows in pack]
        for rows, outcome in zip(pack, outcomes):
            if outcome == "replaced":
                remove_document(tx, rows.document_id)
        changed = [rows for rows, outcome in zip(pack, outcomes) if outcome != "unchanged"]
        if changed:
            rows = merge_shared(tx, changed)
            for name, statement_rows in load_statements(rows):
                for batch in batches(statement_rows, batch_size):
                    tx.run(cypher.load(name), rows=batch).consume()
        return outcomes

    def delete_document(self, document_id: str) -> dict[str, Any]:
        with translate_errors(), self._driver.session(database=self.database) as session:
            found = session.execute_write(self._delete, document_id)
        if not found:
            raise NotFoundError(f"no document with id {document_id!r}")
        return {"deleted": document_id}

    @staticmethod
    def _delete(tx: ManagedTransaction, document_id: str) -> bool:
        if tx.run(cypher.load("document_shas"), documents=[document_id]).single() is None:
            return False
        remove_document(tx, document_id)
        return True

    # -- reading --------------------------------------------------------------------------------
    def _read(self, statement: str, /, **params: Any) -> list[Row]:
        with translate_errors():
            records, _, _ = self._driver.execute_query(
                cypher.load(statement), params, database_=self.database, routing_=RoutingControl.READ)
        # Every read statement returns plain values, maps and lists (never nodes or
        # relationships), so the records need no recursive ``Record.data()`` transform.
        return [dict(record) for record in records]

    def revision(self) -> frozenset[str]:
        """The bookmarks of an empty read transaction: they name the last transaction committed to
        the database, by any client, so they change with every write (one round trip, shared by
        the questions asked while it is sent: see :class:`~policykg.graph.cache.SharedProbe`)."""
        return self._revision()

    def _probe_revision(self) -> frozenset[str]:
        with translate_errors(), self._driver.session(database=self.database,
                                                     default_access_mode=READ_ACCESS) as session:
            session.run(cypher.load("revision_probe")).consume()
            return frozenset(session.last_bookmarks().raw_values)

    def version(self) -> str:
        """The server's name, version and edition, e.g. ``Neo4j Kernel 5.26.30 community``."""
        [record] = self._read("server_version")[:1] or [{"name": "Neo4j", "version": "unknown", "edition": ""}]
        return " ".join(str(record[k]) for k in ("name", "version", "edition") if record[k])

    def counts(self) -> dict[str, dict[str, int]]:
        nodes = {r["name"]: r["n"] for r in self._read("count_nodes")}
        rels = {r["name"]: r["n"] for r in self._read("count_relationships")}
        return {"nodes": {label: nodes.get(label, 0) for label in S.LABELS},
                "relationships": {t: rels.get(t, 0) for t in S.REL_TYPE_NAMES}}

    def _hit_page(self, entity_type, toks, concept, limit, offset) -> tuple[int, list[Row]]:
        [record] = self._read("who_proposed_hits", type=entity_type, tokens=toks, concept=concept,
                              first=candidate_token(toks), limit=limit, offset=offset)
        return record["count"], [{
            "proposer": proposer_ref(h["proposer"], h["proposer_name"], h["proposer_labels"]),
            "path": h["path"], "entities": h["entities"],
            "via": proposer_ref(h["via"], h["via_name"], h["via_labels"]) if h["via"] else None,
        } for h in record["page"]]

    def _proposal_rows(self, relations, *, entity_type=None, toks=None, concept=None,
                       entity_ids=None, proposer_ids=None, speaker_ids=None) -> list[Row]:
        if speaker_ids is not None:
            raw = self._read("proposals_of_speakers", speakers=speaker_ids, relations=list(relations),
                             type=entity_type, tokens=toks or [], concept=concept)
        elif proposer_ids is not None:
            raw = self._read("proposals_of_proposers", proposers=proposer_ids, relations=list(relations))
        elif entity_ids is not None:
            raw = self._read("proposals_of_entities", entities=entity_ids, relations=list(relations))
        else:
            raw = self._read("proposals_by_filter", relations=list(relations), type=entity_type,
                             tokens=toks or [], concept=concept)
        return [self._proposal_row(r) for r in raw]

    @staticmethod
    def _proposal_row(r: Row) -> Row:
        return {
            "speaker": proposer_ref(r["speaker_id"], r["speaker_name"], r["speaker_labels"]),
            "roles": r["roles"], "entity": r["entity"], "concept": r["concept"],
            "relation": r["relation"], "action": r["action"], "recommendation": r["recommendation"],
            "speech_id": r["speech_id"], "start": r["start"], "end": r["end"],
        }

    def _proposer_items(self) -> list[Row]:
        return [{"speaker": proposer_ref(r["speaker_id"], r["speaker_name"], r["speaker_labels"]),
                 "roles": r["roles"], "entities": r["entities"], "concepts": r["concepts"]}
                for r in self._read("proposer_items")]

    def _speech_texts(self, ids: list[str]) -> dict[str, tuple[str, str]]:
        return {r["id"]: (r["title"], r["text"]) for r in self._read("speech_texts", ids=ids)}

    @staticmethod
    def _node(r: Row) -> Row:
        return {"id": r["id"], "labels": sorted(r["labels"]), "properties": r["properties"]}

    def _nodes_by_ids(self, ids: list[str]) -> dict[str, Row]:
        return {r["id"]: self._node(r) for r in self._read("nodes_by_ids", ids=ids)}

    def _node_labels(self, ids: list[str]) -> dict[str, list[str]]:
        return {r["id"]: sorted(r["labels"]) for r in self._read("node_labels", ids=ids)}

    def _concepts_named(self, name: str) -> list[str]:
        return [r["id"] for r in self._read("concepts_named", name=name)]

    def _proposers_named(self, name: str) -> list[Row]:
        return [self._node(r) for r in self._read("proposers_named", name=name)]

    def _rels_touching(self, ids: list[str], types: tuple[str, ...] | None = None) -> list[Row]:
        # typed reads expand by type in the statement: a hub's other relationships stay unread
        return self._read("rels_touching" if types is None else TYPED_READS[types], ids=ids)

    def _whole_graph(self) -> tuple[list[Row], list[Row]]:
        return [self._node(r) for r in self._read("all_nodes")], self._read("all_relationships")

    def _match_nodes(self, toks: list[str], whole: str, limit: int) -> list[Row]:
        rows = self._read("match_nodes", tokens=toks, first=candidate_token(toks), whole=whole, limit=limit)
        return [{**self._node(r), "concept": r["concept"]} for r in rows]

    def _list_nodes(self, kind: str, limit: int, cursor: str, *, type: str | None, toks: list[str]) -> list[Row]:
        params: dict[str, Any] = {"cursor": cursor, "limit": limit}
        if kind in ("proposers", "entities"):
            params["type"] = type
        if kind in ("proposers", "entities", "concepts"):
            params["tokens"] = toks
        return [self._node(r) for r in self._read(f"list_{kind}", **params)]
