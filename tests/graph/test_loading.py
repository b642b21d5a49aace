"""Loading semantics on both stores: idempotent reloads, exact replacement, deletion, all-or-nothing."""

from __future__ import annotations

import dataclasses

import pytest

from policykg.errors import NotFoundError, ValidationError

EXPECTED_NODES = {"Document": 2, "Speech": 4, "Body": 5, "Person": 2, "Recommendation": 8, "Entity": 11,
                  "Concept": 6, "Fund": 3, "Mechanism": 2, "Platform": 3, "Institution": 3}
EXPECTED_RELS = {"CONTAINS": 4, "DELIVERED": 4, "HOLDS_ROLE": 5, "MAKES": 8, "PROPOSES": 11, "MENTIONS": 6,
                 "IS_A": 6, "FUNDED_BY": 1, "OPERATED_BY": 1, "HOSTED_BY": 1, "PART_OF": 1}


def nonzero(counts: dict[str, int]) -> dict[str, int]:
    return {k: v for k, v in counts.items() if v}


def test_load_counts_every_label_and_type(store, records):
    summary = store.load(records)
    assert summary["loaded"] == ["doc:alpha", "doc:beta"] and summary["rows"] > 0
    counts = store.counts()
    assert nonzero(counts["nodes"]) == EXPECTED_NODES
    assert nonzero(counts["relationships"]) == EXPECTED_RELS


def test_reloading_the_same_document_changes_nothing(loaded, records):
    before = loaded.subgraph()
    summary = loaded.load(records)
    assert summary == {"loaded": [], "replaced": [], "unchanged": ["doc:alpha", "doc:beta"], "rows": 0}
    assert loaded.subgraph() == before


def test_changed_document_replaces_exactly_what_only_it_produced(loaded, records, records_v2, fresh_embedded):
    outcomes = []
    summary = loaded.load(records_v2, on_document=lambda doc, outcome: outcomes.append((doc, outcome)))
    assert summary["replaced"] == ["doc:alpha"] and outcomes == [("doc:alpha", "replaced")]
    fresh = fresh_embedded()
    fresh.load([r for r in records if r.document.id == "doc:beta"] + records_v2)
    assert loaded.subgraph() == fresh.subgraph()
    assert loaded.counts() == fresh.counts()
    gone = ["person:刘小康@全国政协", "body:全国政协", "fund:市级种子基金", "concept:seed-fund",
            "institution:市科技局", "platform:西部科学城", "doc:alpha/s2"]
    assert loaded._nodes_by_ids(gone) == {}
    kept = loaded._nodes_by_ids(["body:重庆理工大学", "fund:重庆中试熟化基金", "platform:中试平台"])
    assert kept["body:重庆理工大学"]["properties"]["documents"] == ["doc:beta"]
    assert kept["fund:重庆中试熟化基金"]["properties"]["aliases"] == ["中试基金", "中试熟化基金"]
    assert kept["platform:中试平台"]["properties"]["documents"] == ["doc:beta"]


def test_delete_document_removes_what_only_it_produced(loaded, records, fresh_embedded):
    assert loaded.delete_document("doc:alpha") == {"deleted": "doc:alpha"}
    fresh = fresh_embedded()
    fresh.load([r for r in records if r.document.id == "doc:beta"])
    assert loaded.subgraph() == fresh.subgraph()
    loaded.delete_document("doc:beta")
    assert nonzero(loaded.counts()["nodes"]) == {} and nonzero(loaded.counts()["relationships"]) == {}
    with pytest.raises(NotFoundError, match="doc:beta"):
        loaded.delete_document("doc:beta")


def test_an_invalid_document_is_refused_before_anything_is_written(store, records):
    bad = dataclasses.replace(records[3], entities=[dataclasses.replace(records[3].entities[0], end=10_000)])
    with pytest.raises(ValidationError, match="doc:beta/s2.*offsets"):
        store.load(records[:3] + [bad])
    assert nonzero(store.counts()["nodes"]) == {}


def test_records_of_one_document_must_agree_on_its_hash(store, records):
    other = dataclasses.replace(records[1], document=dataclasses.replace(records[1].document, sha256="f" * 64))
    with pytest.raises(ValidationError, match="sha256"):
        store.load([records[0], other])
