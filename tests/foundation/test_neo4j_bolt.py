"""The real Neo4j over Bolt: writes and reads through the driver, and the per-test clean-up."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.neo4j


def test_write_then_read_over_bolt(neo4j_clean):
    name = "重庆市政协"
    neo4j_clean.execute_query(
        "CREATE (:Body {id: $id, name: $name})", id="body-1", name=name, database_="neo4j"
    )
    records, _, _ = neo4j_clean.execute_query(
        "MATCH (b:Body {id: $id}) RETURN b.name AS name", id="body-1", database_="neo4j"
    )
    assert [record["name"] for record in records] == [name]


def test_server_is_neo4j_5_26_community(neo4j_driver):
    records, _, _ = neo4j_driver.execute_query(
        "CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS version, edition",
        database_="system",
    )
    assert records[0]["version"].startswith("5.26.")
    assert records[0]["edition"] == "community"


def test_wipe_leaves_no_data_and_only_lookup_indexes(neo4j_clean, neo4j_wipe):
    neo4j_clean.execute_query(
        "CREATE CONSTRAINT body_id IF NOT EXISTS FOR (b:Body) REQUIRE b.id IS UNIQUE", database_="neo4j"
    )
    neo4j_clean.execute_query("CREATE INDEX body_name IF NOT EXISTS FOR (b:Body) ON (b.name)", database_="neo4j")
    neo4j_clean.execute_query(
        "CREATE (:Body {id: $a})-[:HOLDS_ROLE]->(:Body {id: $b})", a="a", b="b", database_="neo4j"
    )

    neo4j_wipe(neo4j_clean)

    counts, _, _ = neo4j_clean.execute_query(
        "MATCH (n) OPTIONAL MATCH (n)-[r]-() RETURN count(DISTINCT n) AS nodes, count(r) AS rels", database_="neo4j"
    )
    assert (counts[0]["nodes"], counts[0]["rels"]) == (0, 0)
    constraints, _, _ = neo4j_clean.execute_query("SHOW CONSTRAINTS YIELD name", database_="neo4j")
    assert constraints == []
    indexes, _, _ = neo4j_clean.execute_query("SHOW INDEXES YIELD type", database_="neo4j")
    assert {record["type"] for record in indexes} == {"LOOKUP"}


def test_wrong_password_is_refused(neo4j_driver, neo4j_login):
    import neo4j

    uri, user, password = neo4j_login
    with neo4j.GraphDatabase.driver(uri, auth=(user, password + "-wrong")) as driver:
        with pytest.raises(neo4j.exceptions.AuthError):
            driver.verify_connectivity()
