"""Paginated lists and single nodes by (percent-encoded) id, on both stores."""

from __future__ import annotations

from urllib.parse import quote

import pytest

KINDS = [("speeches", "Speech"), ("entities", "Entity"), ("concepts", "Concept"), ("documents", "Document")]


def _walk(client, path: str, limit: int, **params) -> list[dict]:
    items, cursor, pages = [], None, 0
    while True:
        body = client.get(path, params={"limit": limit, **params, **({"cursor": cursor} if cursor else {})}).json()
        assert body["limit"] == limit and len(body["items"]) <= limit
        items += body["items"]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            return items
        assert pages < 1000


@pytest.mark.parametrize(("path", "label"), KINDS)
def test_pages_cover_every_node_once_in_a_fixed_order(client, path, label):
    total = client.get("/health").json()["nodes"][label]
    items = _walk(client, f"/{path}", 3)
    ids = [item["id"] for item in items]
    assert len(ids) == total and ids == sorted(set(ids))
    assert _walk(client, f"/{path}", 3) == items


def test_proposers_cover_bodies_and_persons(client):
    nodes = client.get("/health").json()["nodes"]
    proposers = _walk(client, "/proposers", 4)
    assert len(proposers) == nodes["Body"] + nodes["Person"]
    persons = _walk(client, "/proposers", 4, kind="person")
    assert len(persons) == nodes["Person"] and all(p["kind"] == "person" for p in persons)


def test_entities_filter_by_type_and_text(client):
    funds = _walk(client, "/entities", 5, type="Fund")
    assert funds and all(e["type"] == "Fund" for e in funds)
    seeds = client.get("/entities", params={"q": "种子"}).json()["items"]
    assert seeds and all("种子" in e["name"] or any("种子" in a for a in e["aliases"]) for e in seeds)


@pytest.mark.parametrize("path", ["speeches", "entities", "concepts", "proposers", "documents"])
def test_one_node_by_percent_encoded_id(client, path):
    first = client.get(f"/{path}", params={"limit": 1}).json()["items"][0]
    response = client.get(f"/{path}/{quote(first['id'], safe='')}")
    assert response.status_code == 200 and response.json()["id"] == first["id"]


def test_a_speech_id_with_a_slash_reads_unencoded_too(client):
    speech = client.get("/speeches", params={"limit": 1}).json()["items"][0]
    assert "/" in speech["id"]
    body = client.get(f"/speeches/{speech['id']}").json()
    assert body["id"] == speech["id"] and body["properties"]["text"]


def test_an_entity_has_its_evidence(client):
    fund = client.get("/entities", params={"type": "Fund", "limit": 1}).json()["items"][0]
    body = client.get(f"/entities/{quote(fund['id'], safe='')}").json()
    assert body["name"] == fund["name"] and body["evidence"]


def _entity_with_evidence(client, at_least: int) -> str:
    """The path of the first entity (by id) with at least `at_least` evidence items."""
    for entity in _walk(client, "/entities", 200):
        path = f"/entities/{quote(entity['id'], safe='')}"
        if client.get(path, params={"evidence_limit": 1}).json()["evidence_count"] >= at_least:
            return path
    pytest.fail(f"no entity of the sample has {at_least} evidence items")


def test_entity_evidence_comes_in_pages_with_its_total(client):
    path = _entity_with_evidence(client, 3)
    whole = client.get(path, params={"evidence_limit": 1000}).json()
    total = whole["evidence_count"]
    assert total == len(whole["evidence"]) and whole["evidence_next_offset"] is None
    pages, offset = [], 0
    while offset is not None:
        body = client.get(path, params={"evidence_limit": 2, "evidence_offset": offset}).json()
        assert (body["evidence_count"], body["evidence_offset"], body["evidence_limit"]) == (total, offset, 2)
        assert 1 <= len(body["evidence"]) <= 2
        pages += body["evidence"]
        offset = body["evidence_next_offset"]
    assert pages == whole["evidence"], "the pages differ from the whole list"
    beyond = client.get(path, params={"evidence_offset": total}).json()
    assert beyond["evidence"] == [] and beyond["evidence_count"] == total and beyond["evidence_next_offset"] is None


def test_entity_evidence_has_a_default_page_size(client):
    body = client.get(_entity_with_evidence(client, 1)).json()
    assert body["evidence_limit"] == 50 and body["evidence_offset"] == 0
    assert len(body["evidence"]) == min(50, body["evidence_count"]) and body["proposers"]


def test_entity_proposers_are_capped_with_their_count(client):
    whole = client.get("/entities/fund:重庆中试熟化基金", params={"proposer_limit": 5000}).json()
    assert whole["proposer_count"] == len(whole["proposers"]) > 1
    capped = client.get("/entities/fund:重庆中试熟化基金", params={"proposer_limit": 1}).json()
    assert capped["proposers"] == whole["proposers"][:1] and capped["proposer_count"] == whole["proposer_count"]
    assert client.get("/entities/fund:重庆中试熟化基金", params={"proposer_limit": 0}).status_code == 422


def test_entity_relations_are_capped_with_their_count(client):
    whole = client.get("/entities/fund:创业投资基金").json()
    assert whole["relation_count"] == len(whole["relations"]) >= 2
    capped = client.get("/entities/fund:创业投资基金", params={"relation_limit": 1}).json()
    assert capped["relations"] == whole["relations"][:1] and capped["relation_count"] == whole["relation_count"]
    assert client.get("/entities/fund:创业投资基金", params={"relation_limit": 0}).status_code == 422


def test_the_root_sends_browsers_to_the_explorer_and_clients_to_an_index(client):
    browser = client.get("/", headers={"accept": "text/html,application/xhtml+xml"}, follow_redirects=False)
    assert browser.status_code == 307 and browser.headers["location"] == "/explore"
    index = client.get("/", headers={"accept": "application/json"}).json()
    assert index["name"] == "policykg" and index["version"]
    for path in index["links"].values():
        assert client.get(path).status_code == 200, path
