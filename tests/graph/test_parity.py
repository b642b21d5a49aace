"""Parity: both stores built from the sample corpus give equal answers to every named query.

The records come from the real extraction (``read_paths`` + ``annotate``) of the sample page;
each query runs with a spread of arguments drawn from the data, and results are compared after
normalising the order of every list.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from policykg.errors import PolicykgError
from policykg.graph import schema as S

pytestmark = pytest.mark.neo4j


def normalised(value: Any) -> Any:
    """The value with every list sorted by a canonical rendering of its items."""
    if isinstance(value, dict):
        return {k: normalised(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [normalised(v) for v in value]
    if isinstance(value, list):
        items = [normalised(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return value


def outcome(call: Callable[[], Any]) -> Any:
    """The normalised result, or the error class and message (errors must agree too)."""
    try:
        return normalised(call())
    except PolicykgError as exc:
        return {"error": type(exc).__name__, "message": str(exc)}


@pytest.fixture(scope="module")
def both(request, sample_records, tmp_path_factory):
    from policykg.graph.embedded import EmbeddedStore
    from policykg.graph.neo4j_store import Neo4jStore

    driver = request.getfixturevalue("neo4j_driver")
    with driver.session(database="neo4j") as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
    neo = Neo4jStore(driver, batch_size=50)
    neo.ensure_schema()
    embedded = EmbeddedStore(tmp_path_factory.mktemp("parity") / "graph.json")
    for store in (embedded, neo):
        store.load(sample_records)
    return embedded, neo


def same(both, call: Callable[[Any], Any]) -> Any:
    embedded, neo = both
    left, right = outcome(lambda: call(embedded)), outcome(lambda: call(neo))
    assert left == right
    return left


def ids(both, label: str) -> list[str]:
    return sorted(n["id"] for n in both[0].subgraph(types=[label])["nodes"] if label in n["labels"])


def test_stored_graphs_are_equal_including_provenance(both):
    result = same(both, lambda s: s._whole_graph())
    assert len(result[0]) > 300
    same(both, lambda s: s.counts())


@pytest.mark.parametrize("type_", [None, *S.ENTITY_TYPES])
@pytest.mark.parametrize("q", [None, "pilot fund", "基金", "中试", "guidance", "平台", "risk 补偿", "nothing-like-this"])
def test_who_proposed(both, type_, q):
    same(both, lambda s: s.who_proposed(type=type_, q=q))


def test_who_proposed_by_concept(both):
    concepts = [n for n in both[0].subgraph(types=["Concept"])["nodes"] if "Concept" in n["labels"]]
    for node in concepts[::7]:
        for arg in (node["id"], node["properties"]["name"], node["properties"].get("name_en") or "x"):
            same(both, lambda s: s.who_proposed(concept=arg))


def test_proposer_entities_and_overlaps(both):
    proposers = ids(both, "Body") + ids(both, "Person")
    for p in proposers:
        same(both, lambda s: s.proposer_entities(p))
    for a, b in zip(proposers, proposers[1:] + proposers[:1]):
        for level in ("entity", "concept"):
            assert "error" not in same(both, lambda s: s.overlap(a, b, level=level))
    for level in ("entity", "concept"):
        assert same(both, lambda s: s.overlap_matrix(level))
        embedded, neo = both
        for offset, limit in [(0, 1), (3, 7), (10, None)]:
            assert embedded.overlap_matrix_page(level, limit=limit, offset=offset) == \
                neo.overlap_matrix_page(level, limit=limit, offset=offset)
    same(both, lambda s: s.proposer_entities("民建重庆市委会"))
    same(both, lambda s: s.overlap("nobody", proposers[0]))


def test_entities_and_subgraphs(both):
    entities = ids(both, "Entity")
    for e in entities[::5]:
        same(both, lambda s: s.entity(e))
    centers = entities[::40] + ids(both, "Body")[:2] + ids(both, "Speech")[:1] + [None]
    for center in centers:
        for hops in (0, 2):
            for types in (None, ["Fund", "Body"], ["Concept"]):
                same(both, lambda s: s.subgraph(center, hops=hops, types=types))
                same(both, lambda s: s.subgraph(center, hops=hops, types=types, limit=7))
    same(both, lambda s: s.entity("fund:no-such-fund"))


@pytest.mark.parametrize("q", ["pilot fund", "基金", "中试", "科技", "政协", "fund", "Seed", "平台 platform", "重庆理工大学"])
def test_search(both, q):
    assert same(both, lambda s: s.search(q, limit=50))
    embedded, neo = both
    for limit in (1, 3, 1000):  # the same ranking, so the same first items in the same order
        assert embedded.search(q, limit=limit) == neo.search(q, limit=limit)


def test_listings_and_nodes(both):
    for kind in S.NODE_KINDS:
        cursor = None
        while True:
            page = same(both, lambda s: s.list_nodes(kind, limit=17, cursor=cursor))
            cursor = page["next_cursor"]
            if cursor is None:
                break
        for item in page["items"][:3]:
            same(both, lambda s: s.node(kind, item["id"]))
    for type_ in S.ENTITY_TYPES:
        same(both, lambda s: s.list_nodes("entities", limit=1000, type=type_, q="机制"))
    same(both, lambda s: s.list_nodes("proposers", limit=1000, type="person"))
    same(both, lambda s: s.list_nodes("concepts", limit=1000, q="fund"))


@pytest.mark.parametrize("q", [None, "基金", "平台", "fund"])
def test_who_proposed_pages_are_equal_and_in_the_same_order(both, q):
    embedded, neo = both
    total = embedded.who_proposed_page(q=q)["count"]
    for offset, limit, evidence_limit in [(0, 1, 0), (0, 3, 1), (2, 5, 2), (total - 1, 10, None), (total, 5, 3)]:
        args = dict(q=q, limit=limit, offset=max(offset, 0), evidence_limit=evidence_limit)
        assert embedded.who_proposed_page(**args) == neo.who_proposed_page(**args)
