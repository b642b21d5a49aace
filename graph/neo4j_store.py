"""Neo4jStore: the graph in Neo4j 5.26 over Bolt, through a driver it is given (never builds).

Every statement is a file of :mod:`policykg.cypher`, loaded by name; values are ``$parameters``
and labels or relationship types are written in the files from the schema (one file per label
or type where a statement needs one, e.g. ``load_entity_Fund``).

Loading runs **one write transaction per document** (``session.execute_write``): the
transaction function reads the stored sha256, and when it differs removes what the document
produced before (``remove_document``) and writes its rows by ``UNWIND $rows`` batches of
``batch_size``. The function is idempotent, so the driver may retry it; a failure rolls the
whole document back. Driver connectivity errors become :class:`StoreUnavailableError`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from neo4j import Driver, ManagedTransaction, RoutingControl
from neo4j.exceptions import DriverError, Neo4jError, ServiceUnavailable, SessionExpired

from policykg import cypher
from policykg.errors import NotFoundError, StoreError, StoreUnavailableError
from policykg.extract.records import SpeechRecord
from policykg.graph import provenance as P
from policykg.graph import schema as S
from policykg.graph.model import DocumentRows, document_rows, group_by_document
from policykg.graph.store import GraphStore, OnDocument, Row, proposer_ref

DEFAULT_BATCH_SIZE = 5000
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


def merge_shared(tx: ManagedTransaction, rows: DocumentRows) -> DocumentRows:
    """The rows with shared nodes' properties merged into their stored ones (read in `tx`).

    Merging on the client with :func:`provenance.merged_node` (as the embedded store does) keeps
    the load statements free of property reads, so their plans need no Eager operator.
    """
    ids = [r["id"] for label in S.SHARED_LABELS for r in rows.nodes.get(label, [])]
    stored = {r["id"]: r["properties"] for r in tx.run(cypher.load("shared_nodes"), ids=ids)}
    merged = DocumentRows(rows.document_id, rows.sha256, nodes=dict(rows.nodes), rels=rows.rels)
    for label in S.SHARED_LABELS:
        merged.nodes[label] = [
            {**r, "props": P.merged_node(stored.get(r["id"]), r, label == S.ENTITY, rows.document_id)}
            for r in rows.nodes.get(label, [])]
    return merged


class Neo4jStore(GraphStore):
    """The graph in a Neo4j database; the caller owns the driver and closes it."""

    backend = "neo4j"

    def __init__(self, driver: Driver, database: str = "neo4j", batch_size: int = DEFAULT_BATCH_SIZE):
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        self._driver = driver
        self.database = database
        self.batch_size = batch_size

    # -- schema and writing ---------------------------------------------------------------------
    def ensure_schema(self) -> None:
        """Create the constraints, lookup indexes and the full-text index (idempotent); wait for them."""
        with translate_errors(), self._driver.session(database=self.database) as session:
            for statement in cypher.statements("schema"):
                session.run(statement).consume()
            session.run("CALL db.awaitIndexes(300)").consume()

    def load(self, records: Iterable[SpeechRecord], on_document: OnDocument | None = None) -> dict[str, Any]:
        documents = [document_rows(group) for group in group_by_document(records).values()]
        summary: dict[str, Any] = {"loaded": [], "replaced": [], "unchanged": [], "rows": 0}
        with translate_errors(), self._driver.session(database=self.database) as session:
            for rows in documents:
                outcome = session.execute_write(self._write_document, rows, self.batch_size)
                summary[outcome].append(rows.document_id)
                summary["rows"] += rows.count() if outcome != "unchanged" else 0
                if on_document:
                    on_document(rows.document_id, outcome)
        return summary

    @staticmethod
    def _write_document(tx: ManagedTransaction, rows: DocumentRows, batch_size: int) -> str:
        """The transaction function of one document (idempotent: it may be retried)."""
        record = tx.run(cypher.load("document_sha"), document=rows.document_id).single()
        old = record["sha256"] if record else None
        if old == rows.sha256:
            return "unchanged"
        if record is not None:
            for statement in cypher.statements("remove_document"):
                tx.run(statement, document=rows.document_id).consume()
        rows = merge_shared(tx, rows)
        for name, statement_rows in load_statements(rows):
            for batch in batches(statement_rows, batch_size):
                tx.run(cypher.load(name), rows=batch, document=rows.document_id).consume()
        return "replaced" if record is not None else "loaded"

    def delete_document(self, document_id: str) -> dict[str, Any]:
        with translate_errors(), self._driver.session(database=self.database) as session:
            found = session.execute_write(self._delete, document_id)
        if not found:
            raise NotFoundError(f"no document with id {document_id!r}")
        return {"deleted": document_id}

    @staticmethod
    def _delete(tx: ManagedTransaction, document_id: str) -> bool:
        if tx.run(cypher.load("document_sha"), document=document_id).single() is None:
            return False
        for statement in cypher.statements("remove_document"):
            tx.run(statement, document=document_id).consume()
        return True

    # -- reading --------------------------------------------------------------------------------
    def _read(self, statement: str, /, **params: Any) -> list[Row]:
        with translate_errors():
            records, _, _ = self._driver.execute_query(
                cypher.load(statement), params, database_=self.database, routing_=RoutingControl.READ)
        return [record.data() for record in records]

    def counts(self) -> dict[str, dict[str, int]]:
        nodes = {r["name"]: r["n"] for r in self._read("count_nodes")}
        rels = {r["name"]: r["n"] for r in self._read("count_relationships")}
        return {"nodes": {label: nodes.get(label, 0) for label in S.LABELS},
                "relationships": {t: rels.get(t, 0) for t in S.REL_TYPE_NAMES}}

    def _proposal_rows(self, relations, *, entity_type=None, toks=None, concept=None,
                       entity_ids=None, proposer_ids=None) -> list[Row]:
        if proposer_ids is not None:
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

    def _speech_texts(self, ids: list[str]) -> dict[str, tuple[str, str]]:
        return {r["id"]: (r["title"], r["text"]) for r in self._read("speech_texts", ids=ids)}

    @staticmethod
    def _node(r: Row) -> Row:
        return {"id": r["id"], "labels": sorted(r["labels"]), "properties": r["properties"]}

    def _nodes_by_ids(self, ids: list[str]) -> dict[str, Row]:
        return {r["id"]: self._node(r) for r in self._read("nodes_by_ids", ids=ids)}

    def _proposers_named(self, name: str) -> list[Row]:
        return [self._node(r) for r in self._read("proposers_named", name=name)]

    def _rels_touching(self, ids: list[str]) -> list[Row]:
        return self._read("rels_touching", ids=ids)

    def _whole_graph(self) -> tuple[list[Row], list[Row]]:
        return [self._node(r) for r in self._read("all_nodes")], self._read("all_relationships")

    def _match_nodes(self, toks: list[str]) -> list[Row]:
        return [{**self._node(r), "concept": r["concept"]} for r in self._read("match_nodes", tokens=toks)]

    def _list_nodes(self, kind: str, limit: int, cursor: str, *, type: str | None, toks: list[str]) -> list[Row]:
        params: dict[str, Any] = {"cursor": cursor, "limit": limit}
        if kind in ("proposers", "entities"):
            params["type"] = type
        if kind in ("proposers", "entities", "concepts"):
            params["tokens"] = toks
        return [self._node(r) for r in self._read(f"list_{kind}", **params)]
