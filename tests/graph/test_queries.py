"""The named queries, one suite over both stores (the `queried` fixture runs each test on both)."""

from __future__ import annotations

import pytest

from policykg.errors import NotFoundError, ValidationError


def proposers(hits):
    return {(h["proposer"]["id"], h["path"], (h["via"] or {}).get("id")) for h in hits}


def test_who_proposed_follows_english_words_to_the_pilot_fund(queried):
    hits = queried.who_proposed(type="Fund", q="pilot fund")
    assert proposers(hits) == {
        ("body:民建重庆市委会", "direct", None),
        ("person:张才明@市政协", "direct", None),
        ("body:市政协", "role", "person:张才明@市政协"),
        ("body:江北区政协", "role", "person:张才明@市政协"),
    }
    assert {e["id"] for h in hits for e in h["entities"]} == {"fund:重庆中试熟化基金"}
    direct = next(h for h in hits if h["proposer"]["id"] == "body:民建重庆市委会")
    assert [(e["start"], e["end"], e["sentence"]) for e in direct["evidence"]] == [
        (31, 37, "一是设立中试熟化基金。"),
        (55, 63, "由政府、企业和社会资本共同出资设立重庆中试熟化基金，由市科技局管理。")]
    assert {(e["action"], e["recommendation"], e["relation"]) for e in direct["evidence"]} == {("设立", 1, "PROPOSES")}


def test_who_proposed_counts_proposals_not_mentions(queried):
    hits = queried.who_proposed(q="中试平台")
    assert proposers(hits) == {("body:民建重庆市委会", "direct", None), ("body:重庆理工大学", "direct", None)}


def test_who_proposed_by_concept_name_or_id(queried):
    by_name = queried.who_proposed(concept="Seed Fund")
    assert proposers(by_name) == {("person:刘小康@全国政协", "direct", None),
                                  ("body:全国政协", "role", "person:刘小康@全国政协"),
                                  ("body:重庆理工大学", "role", "person:刘小康@全国政协")}
    assert queried.who_proposed(concept="concept:seed-fund") == by_name
    assert queried.who_proposed(type="Mechanism", concept="seed fund") == []


def test_an_unknown_concept_is_an_error_that_names_close_ones(queried):
    with pytest.raises(NotFoundError, match=r"no concept .* 'seed funds'; close: 种子基金 \(seed fund, concept:seed-fund\)"):
        queried.who_proposed(concept="seed funds")  # no such name; its word "seed" finds the seed fund
    with pytest.raises(NotFoundError, match=r"'种子'; close: 种子基金"):
        queried.who_proposed(concept="种子")
    with pytest.raises(NotFoundError, match=r"'no-such-thing'$"):
        queried.who_proposed(type="Fund", concept="no-such-thing")
    assert queried.who_proposed(concept=" seed fund ") == queried.who_proposed(concept="seed fund")
    assert queried.who_proposed(concept="  ") == queried.who_proposed()


def test_who_proposed_refuses_unknown_types(queried):
    with pytest.raises(ValidationError, match="Gadget"):
        queried.who_proposed(type="Gadget")


def test_proposer_entities_by_name_with_relations_and_paths(queried):
    items = queried.proposer_entities("刘小康")
    assert [(i["id"], i["relations"], i["paths"]) for i in items] == [
        ("fund:市级种子基金", ["PROPOSES"], ["direct"]),
        ("mechanism:技术经理人制度", ["PROPOSES"], ["direct"]),
        ("platform:中试平台", ["MENTIONS"], ["direct"]),
    ]
    body = {i["id"]: i["paths"] for i in queried.proposer_entities("body:重庆理工大学")}
    assert body["platform:中试平台"] == ["direct", "role"] and body["fund:市级种子基金"] == ["role"]
    with pytest.raises(NotFoundError, match="nobody"):
        queried.proposer_entities("nobody")


def test_overlap_at_entity_and_concept_level(queried):
    result = queried.overlap("民建重庆市委会", "body:市政协")
    assert [i["id"] for i in result["shared"]] == [
        "fund:重庆中试熟化基金", "mechanism:风险补偿机制", "platform:概念验证中心"]
    assert result["only_b"] == [] and len(result["only_a"]) == 5
    assert result["jaccard"] == pytest.approx(3 / 8)
    assert {e["speech_id"] for e in result["shared"][0]["evidence"]} == {"doc:alpha/s1", "doc:beta/s1"}
    concepts = queried.overlap("民建重庆市委会", "重庆理工大学", level="concept")
    assert [i["id"] for i in concepts["shared"]] == ["concept:pilot-platform"]
    assert all(i["type"] == "Concept" for i in concepts["only_a"] + concepts["only_b"])
    with pytest.raises(ValidationError, match="level"):
        queried.overlap("民建重庆市委会", "重庆理工大学", level="word")


def test_overlap_matrix_lists_pairs_sharing_something(queried):
    cells = queried.overlap_matrix()
    pairs = {(c["a"]["id"], c["b"]["id"]) for c in cells}
    assert ("body:民建重庆市委会", "body:重庆理工大学") in pairs
    assert all(c["shared"] > 0 and c["a"]["id"] < c["b"]["id"] for c in cells)
    assert [c["jaccard"] for c in cells] == sorted((c["jaccard"] for c in cells), reverse=True)
    assert queried.overlap_matrix("concept")[0]["jaccard"] == 1.0


def test_overlap_matrix_pages_are_slices_and_named_proposers_compare_among_themselves(queried):
    whole = queried.overlap_matrix_page()
    assert whole["count"] == len(whole["pairs"]) > 2
    for offset in range(whole["count"] + 1):
        assert queried.overlap_matrix(limit=2, offset=offset) == whole["pairs"][offset:offset + 2]
    first = whole["pairs"][0]
    named = queried.overlap_matrix_page(proposers=[first["a"]["id"], first["b"]["name"]])
    assert named["proposers"] == 2 and named["pairs"] == [first]


def test_overlap_matrix_refuses_comparisons_beyond_its_budget(queried, monkeypatch):
    from policykg.graph import store as store_module

    monkeypatch.setattr(store_module, "MAX_PAIR_STEPS", 2)
    queried.answer_cache.clear()  # answers kept under the real budget would otherwise still be served
    with pytest.raises(ValidationError, match=r"comparing all \d+ proposers takes .* name the proposers"):
        queried.overlap_matrix()
    assert len(queried.overlap_matrix(proposers=["民建重庆市委会", "重庆理工大学"])) == 1


def test_subgraph_around_an_entity(queried):
    one = queried.subgraph("fund:重庆中试熟化基金", hops=1)
    ids = {n["id"] for n in one["nodes"]}
    assert {"concept:pilot-fund", "institution:政府", "institution:市科技局", "doc:alpha/s1/r1",
            "doc:beta/s1/r1"} <= ids
    assert all(not ({"documents", "alias_sources"} & set(n["properties"])) for n in one["nodes"])
    typed = queried.subgraph("fund:重庆中试熟化基金", hops=4, types=["Body"])
    assert {n["id"] for n in typed["nodes"]} == {"fund:重庆中试熟化基金", "body:民建重庆市委会",
                                                 "body:市政协", "body:江北区政协"}
    whole = queried.subgraph()
    assert len(whole["nodes"]) == 38 and len(whole["relationships"]) == 48
    with pytest.raises(NotFoundError):
        queried.subgraph("fund:nowhere")
    with pytest.raises(ValidationError):
        queried.subgraph(types=["Gadget"])


def test_entity_detail_with_evidence_and_relations(queried):
    detail = queried.entity("fund:重庆中试熟化基金")
    assert detail["aliases"] == ["中试熟化基金", "中试基金"]
    assert detail["concept"] == {"id": "concept:pilot-fund", "name": "中试基金", "name_en": "pilot-scale fund"}
    assert len(detail["evidence"]) == 3
    assert [(r["type"], r["direction"], r["other"]["id"]) for r in detail["relations"]] == [
        ("FUNDED_BY", "out", "institution:政府"), ("OPERATED_BY", "out", "institution:市科技局")]
    assert queried.entity("institution:政府")["relations"][0]["direction"] == "in"
    with pytest.raises(NotFoundError):
        queried.entity("body:市政协")


@pytest.mark.parametrize("q, expected", [
    ("pilot fund", {"fund:重庆中试熟化基金", "concept:pilot-fund"}),
    ("PILOT-SCALE platform", {"platform:中试平台", "concept:pilot-platform"}),
    ("科技局", {"institution:市科技局"}),
    ("中试基金", {"fund:重庆中试熟化基金", "concept:pilot-fund"}),
    ("刘小康", {"person:刘小康@全国政协"}),
    ("政协", {"body:市政协", "body:江北区政协", "body:全国政协"}),
])
def test_search_over_chinese_substrings_aliases_and_english_words(queried, q, expected):
    assert {i["id"] for i in queried.search(q)} == expected


def test_search_ranks_exact_names_first_and_refuses_empty_queries(queried):
    assert queried.search("中试平台")[0]["id"] in {"platform:中试平台", "concept:pilot-platform"}
    assert queried.search("政协", limit=1)[0]["id"] == "body:市政协"
    with pytest.raises(ValidationError):
        queried.search("   ")


def test_list_nodes_pages_by_id(queried):
    seen, cursor = [], None
    while True:
        page = queried.list_nodes("entities", limit=4, cursor=cursor)
        seen += [i["id"] for i in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == sorted(seen) and len(seen) == 11
    funds = queried.list_nodes("entities", limit=10, type="Fund", q="fund")
    assert [i["id"] for i in funds["items"]] == ["fund:市级种子基金", "fund:科技成果转化引导基金", "fund:重庆中试熟化基金"]
    persons = queried.list_nodes("proposers", type="person")["items"]
    assert [p["id"] for p in persons] == ["person:刘小康@全国政协", "person:张才明@市政协"]
    assert queried.list_nodes("speeches", limit=2)["items"][0] == {
        "id": "doc:alpha/s1", "order": 1, "title": "强化企业创新主体地位", "document": "doc:alpha"}
    with pytest.raises(ValidationError):
        queried.list_nodes("speeches", q="x")


def test_node_by_kind_and_id(queried):
    body = queried.node("proposers", "body:江北区政协")
    assert [(r["person"]["id"], r["role"]) for r in body["roles"]] == [
        ("person:张才明@市政协", "江北区政协主席"), ("person:张才明@市政协", "江北区政协党组书记")]
    assert queried.node("speeches", "doc:beta/s2")["properties"]["text"].startswith("深化校企合作")
    assert queried.node("entities", "platform:中试平台")["name_en"] == "pilot-scale platform"
    with pytest.raises(NotFoundError):
        queried.node("concepts", "body:市政协")


def test_who_proposed_pages_are_slices_of_the_whole_answer(queried):
    whole = queried.who_proposed()
    assert [len(h["entities"]) for h in whole] == sorted((len(h["entities"]) for h in whole), reverse=True)
    assert all(h["evidence_count"] == len(h["evidence"]) for h in whole)
    for offset in range(len(whole) + 1):
        page = queried.who_proposed_page(limit=2, offset=offset)
        assert page["count"] == len(whole)
        assert page["hits"] == whole[offset:offset + 2]


def test_who_proposed_evidence_limit_keeps_the_first_items_and_the_total(queried):
    whole = queried.who_proposed(q="基金")
    capped = queried.who_proposed(q="基金", evidence_limit=1)
    assert [h["evidence"] for h in capped] == [h["evidence"][:1] for h in whole]
    assert [h["evidence_count"] for h in capped] == [h["evidence_count"] for h in whole]
    assert [h["entities"] for h in capped] == [h["entities"] for h in whole]
    assert all(h["evidence"] == [] for h in queried.who_proposed(q="基金", evidence_limit=0))


@pytest.mark.parametrize("args, message", [
    ({"limit": 0}, "limit must be at least 1"),
    ({"offset": -1}, "offset must not be negative"),
    ({"evidence_limit": -2}, "evidence_limit must not be negative"),
])
def test_who_proposed_refuses_bad_pages(queried, args, message):
    with pytest.raises(ValidationError, match=message):
        queried.who_proposed_page(**args)


def test_entity_evidence_pages_are_slices_with_the_total(queried):
    whole = queried.entity("fund:重庆中试熟化基金")
    assert whole["evidence_count"] == len(whole["evidence"]) > 1
    for offset in range(whole["evidence_count"] + 1):
        page = queried.entity("fund:重庆中试熟化基金", evidence_limit=1, evidence_offset=offset)
        assert page["evidence"] == whole["evidence"][offset:offset + 1]
        assert {k: v for k, v in page.items() if k != "evidence"} == {k: v for k, v in whole.items() if k != "evidence"}


def test_entity_lists_its_first_proposers_and_counts_them_all(queried):
    whole = queried.entity("fund:重庆中试熟化基金")
    assert whole["proposer_count"] == len(whole["proposers"]) > 1
    first = queried.entity("fund:重庆中试熟化基金", proposer_limit=1)
    assert first["proposers"] == whole["proposers"][:1] and first["proposer_count"] == whole["proposer_count"]


def test_entity_lists_its_first_relations_and_counts_them_all(queried):
    whole = queried.entity("fund:重庆中试熟化基金")
    assert whole["relation_count"] == len(whole["relations"]) >= 2
    assert [r["type"] for r in whole["relations"]] == sorted(r["type"] for r in whole["relations"])
    first = queried.entity("fund:重庆中试熟化基金", relation_limit=1)
    assert first["relations"] == whole["relations"][:1] and first["relation_count"] == whole["relation_count"]
    with pytest.raises(ValidationError, match="relation_limit must be at least 1"):
        queried.entity("fund:重庆中试熟化基金", relation_limit=0)


def test_subgraph_limit_keeps_the_nearest_nodes_and_the_relationships_among_them(queried):
    center = "fund:重庆中试熟化基金"
    whole = queried.subgraph(center, hops=2)
    assert "truncated" not in whole and len(whole["nodes"]) > 6
    assert queried.subgraph(center, hops=2, limit=len(whole["nodes"]))["truncated"] is False
    capped = queried.subgraph(center, hops=2, limit=6)
    ids = {n["id"] for n in capped["nodes"]}
    assert capped["truncated"] is True and len(ids) == 6 and center in ids
    one_hop = {n["id"] for n in queried.subgraph(center, hops=1)["nodes"]}
    assert ids <= one_hop or one_hop <= ids  # nearest first: hop 1 fills before hop 2
    assert all(r["source"] in ids and r["target"] in ids for r in capped["relationships"])
    assert capped["relationships"] == [r for r in whole["relationships"] if r["source"] in ids and r["target"] in ids]
    assert [n["id"] for n in queried.subgraph(limit=3)["nodes"]] == [n["id"] for n in queried.subgraph()["nodes"]][:3]
