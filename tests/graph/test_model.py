"""The record-to-rows mapping: one row per node per document, provenance, and clear refusals."""

from __future__ import annotations

import dataclasses

import pytest

from policykg.errors import ValidationError
from policykg.graph import schema as S
from policykg.graph.model import document_rows, group_by_document, role_bodies


def test_rows_cover_every_relationship_type(records):
    types = set()
    for group in group_by_document(records).values():
        types |= {key[0] for key in document_rows(group).rels}
    assert types == set(S.REL_TYPE_NAMES)


def test_shared_nodes_are_one_row_per_document_with_merged_aliases(records):
    rows = document_rows(group_by_document(records)["doc:alpha"])
    funds = [r for r in rows.nodes[S.ENTITY] if r["id"] == "fund:重庆中试熟化基金"]
    assert len(funds) == 1
    assert funds[0]["label"] == "Fund"
    assert funds[0]["alias_sources"] == ["doc:alpha\t中试熟化基金"]
    bodies = {r["id"] for r in rows.nodes[S.BODY]}
    assert bodies == {"body:民建重庆市委会", "body:全国政协", "body:重庆理工大学"}


def test_person_holds_one_role_relationship_per_role():
    assert role_bodies(["市政协委员", "江北区政协党组书记", "江北区政协主席"], ["市政协", "江北区政协"]) == [
        ("市政协委员", "市政协"), ("江北区政协党组书记", "江北区政协"), ("江北区政协主席", "江北区政协")]
    assert role_bodies([], ["重庆理工大学"]) == [("", "重庆理工大学")]
    assert role_bodies(["委员"], []) == []


def test_properties_without_value_are_left_out(records):
    rows = document_rows(group_by_document(records)["doc:alpha"])
    gov = next(r for r in rows.nodes[S.ENTITY] if r["id"] == "institution:政府")
    assert "concept" not in gov["props"]
    mentions = rows.rels[(S.MENTIONS, S.RECOMMENDATION, S.ENTITY)][0]["props"]
    assert set(mentions) == {"speech_id", "start", "end"}


def test_entity_outside_recommendations_hangs_from_the_speech(records):
    rows = document_rows(group_by_document(records)["doc:alpha"])
    from_speech = rows.rels[(S.MENTIONS, S.SPEECH, S.ENTITY)]
    assert [(r["source"], r["target"]) for r in from_speech] == [("doc:alpha/s1", "institution:企业")]


@pytest.mark.parametrize("change, message", [
    (lambda r: dataclasses.replace(r, relations=[dataclasses.replace(r.relations[0], target="fund:nowhere")]),
     "both ends must be entities of the same speech"),
    (lambda r: dataclasses.replace(r, entities=[dataclasses.replace(r.entities[0], type="Gadget")]),
     "unknown type 'Gadget'"),
    (lambda r: dataclasses.replace(r, entities=[dataclasses.replace(r.entities[0], relation="LIKES")]),
     "PROPOSES or MENTIONS"),
    (lambda r: dataclasses.replace(r, entities=[dataclasses.replace(r.entities[0], recommendation=9)]),
     "recommendation 9"),
    (lambda r: dataclasses.replace(r, proposer=dataclasses.replace(r.proposer, kind="robot")),
     "organization|person"),
])
def test_inconsistent_records_are_refused_with_the_reason(records, change, message):
    with pytest.raises(ValidationError, match=message):
        document_rows([change(records[0])])
