"""Neo4j-only behaviour: the schema, one transaction per document, full-text search, driver errors."""

from __future__ import annotations

import pytest
from neo4j import GraphDatabase

from policykg.errors import StoreError, StoreUnavailableError
from policykg.graph import provenance as P
from policykg.graph import schema as S
from policykg.graph.neo4j_store import Neo4jStore


@pytest.mark.neo4j
def test_ensure_schema_creates_constraints_and_cjk_fulltext_index(neo4j_clean):
    store = Neo4jStore(neo4j_clean)
    store.ensure_schema()
    store.ensure_schema()  # idempotent
    with neo4j_clean.session(database="neo4j") as session:
        constraints = session.run(
            "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties RETURN *").data()
        fulltext = session.run(
            "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, options RETURN *").data()
    unique = {c["labelsOrTypes"][0] for c in constraints
              if c["type"] == "UNIQUENESS" and c["properties"] == ["id"]}
    assert unique == set(S.LABELS)
    [index] = fulltext
    assert index["name"] == "entity_names"
    assert set(index["labelsOrTypes"]) == {"Entity", "Body", "Person", "Concept"}
    assert set(index["properties"]) == {"name", "aliases_text", "name_en"}
    assert index["options"]["indexConfig"]["fulltext.analyzer"] == "cjk"
    assert index["options"]["indexConfig"]["fulltext.eventually_consistent"] is True


@pytest.fixture()
def neo4j_store(neo4j_driver):
    """An empty Neo4jStore with its schema (data wiped, schema kept)."""
    with neo4j_driver.session(database="neo4j") as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
    store = Neo4jStore(neo4j_driver)
    store.ensure_schema()
    return store


@pytest.mark.neo4j
def test_the_fulltext_index_finds_chinese_substrings_and_aliases(neo4j_store, records):
    loaded = neo4j_store
    loaded.load(records)
    query = "CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node RETURN collect(node.id) AS ids"
    with loaded._driver.session(database="neo4j") as session:
        session.run("CALL db.awaitIndexes(60)").consume()
        session.run("CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()").consume()
        assert "fund:重庆中试熟化基金" in session.run(query, q="中试").single()["ids"]
        assert "institution:市科技局" in session.run(query, q="科技局").single()["ids"]


@pytest.mark.neo4j
def test_a_failure_inside_a_document_leaves_nothing_of_it(neo4j_store, records):
    store = neo4j_store
    # A Fund node without the Entity label takes the id the loader will give an Entity:Fund node
    # late in doc:alpha's transaction, after its document, speeches and recommendations were written.
    with store._driver.session(database="neo4j") as session:
        session.run("CREATE (:Fund {id: $id})", id="fund:重庆中试熟化基金").consume()
    store.batch_size = 1
    with pytest.raises(StoreError, match="ConstraintValidationFailed"):
        store.load(records)
    counts = store.counts()
    assert counts["nodes"]["Document"] == 0 and counts["nodes"]["Speech"] == 0
    assert sum(counts["relationships"].values()) == 0


def test_an_unreachable_server_is_a_store_unavailable_error():
    driver = GraphDatabase.driver("bolt://127.0.0.1:9", auth=("neo4j", "x"), connection_timeout=2,
                                  max_transaction_retry_time=0.5)
    try:
        with pytest.raises(StoreUnavailableError, match="unavailable"):
            Neo4jStore(driver).counts()
    finally:
        driver.close()


def test_batch_size_must_be_positive():
    with pytest.raises(ValueError, match="batch_size"):
        Neo4jStore(driver=None, batch_size=0)  # type: ignore[arg-type]


def whole_graph(store) -> tuple[list, list]:
    nodes, rels = store._whole_graph()
    key = lambda r: (r["source"], r["type"], r["target"], sorted(r["properties"].items()))  # noqa: E731
    return sorted(nodes, key=lambda n: n["id"]), sorted(rels, key=key)


@pytest.mark.neo4j
def test_documents_packed_in_one_transaction_give_the_graph_of_one_transaction_each(
        neo4j_store, records, records_v2, tmp_path):
    from policykg.graph.embedded import EmbeddedStore

    embedded = EmbeddedStore(tmp_path / "graph.json")
    neo4j_store.transaction_rows = 1  # every document alone
    for store in (embedded, neo4j_store):
        store.load(records)
        store.load(records_v2)
    alone = whole_graph(neo4j_store)
    assert alone == whole_graph(embedded)  # provenance lists included, in load order
    neo4j_store._driver.execute_query("MATCH (n) DETACH DELETE n")
    neo4j_store.transaction_rows = 10**6  # both documents in one pack
    outcomes = []
    summary = neo4j_store.load(records, on_document=lambda doc, outcome: outcomes.append((doc, outcome)))
    assert outcomes == [("doc:alpha", "loaded"), ("doc:beta", "loaded")] and summary["loaded"] == ["doc:alpha", "doc:beta"]
    neo4j_store.load(records_v2)
    assert whole_graph(neo4j_store) == alone


@pytest.mark.neo4j
def test_a_faulty_document_in_a_pack_is_named_and_the_documents_before_it_land(neo4j_store, records):
    store = neo4j_store
    store.transaction_rows = 10**6
    # Only doc:beta produces this fund; a node without the Entity label already holds its id.
    store._driver.execute_query("CREATE (:Fund {id: $id})", id="fund:科技成果转化引导基金")
    with pytest.raises(StoreError, match="document 'doc:beta' was not loaded.*ConstraintValidationFailed"):
        store.load(records)
    documents = store.list_nodes("documents")["items"]
    assert [d["id"] for d in documents] == ["doc:alpha"]
    assert store._nodes_by_ids(["doc:beta"]) == {}


def test_transaction_rows_must_be_positive():
    with pytest.raises(ValueError, match="transaction_rows"):
        Neo4jStore(driver=None, transaction_rows=0)  # type: ignore[arg-type]


@pytest.mark.neo4j
def test_ensure_schema_gives_entities_stored_without_match_text_their_match_text(neo4j_store):
    neo4j_store._driver.execute_query(
        "CREATE (:Entity:Fund {id: 'fund:x', type: 'Fund', name: '中试基金', name_en: 'Pilot Fund', "
        "aliases: ['熟化基金'], documents: ['doc:x']})")
    neo4j_store.ensure_schema()
    [record], _, _ = neo4j_store._driver.execute_query("MATCH (e:Entity {id: 'fund:x'}) RETURN e.match_text AS t")
    assert record["t"] == P.match_text({"name": "中试基金", "name_en": "Pilot Fund", "aliases": ["熟化基金"]})
    found, _, _ = neo4j_store._driver.execute_query(
        "MATCH (e:Entity) WHERE e.match_text CONTAINS $t RETURN e.id AS id", t="pilot")
    assert [r["id"] for r in found] == ["fund:x"]


@pytest.mark.neo4j
def test_version_names_the_server(neo4j_driver):
    assert Neo4jStore(neo4j_driver).version().startswith("Neo4j Kernel 5.")


@pytest.mark.neo4j
def test_every_statement_plans_without_deprecation_warnings(neo4j_driver):
    from policykg import cypher

    found = {}
    with neo4j_driver.session(database="neo4j") as session:
        for name in cypher.names():
            for statement in cypher.statements(name):
                summary = session.run("EXPLAIN " + statement).consume()
                found[name] = [g.status_description for g in summary.gql_status_objects
                               if "deprecat" in g.status_description.lower()] or found.get(name, [])
    assert {name: notes for name, notes in found.items() if notes} == {}
    assert len(found) == len(cypher.names())
