"""Who proposed what, overlap and search, through HTTP on both stores."""

from __future__ import annotations


def _entity_names(hits: list[dict]) -> set[str]:
    return {e["name"] for hit in hits for e in hit["entities"]}


def _check_evidence(hit: dict) -> None:
    assert hit["evidence"], f"hit without evidence: {hit['proposer']}"
    for evidence in hit["evidence"]:
        assert evidence["speech_id"].startswith("doc:") and evidence["speech_title"]
        assert 0 <= evidence["start"] < evidence["end"] and evidence["sentence"]


def test_health_reports_backend_and_counts(client, store):
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["backend"] == store.backend
    assert body["nodes"]["Speech"] == 10
    assert body["relationships"]["PROPOSES"] > 0
    assert body["versions"]["policykg"]
    assert body["cache"]["size"] == store.answer_cache.size > 0


def test_a_repeated_question_is_answered_from_the_cache(client):
    params = {"type": "Fund", "q": "种子基金", "limit": 3}
    first = client.get("/who-proposed", params=params).json()
    before = client.get("/health").json()["cache"]
    assert client.get("/who-proposed", params=params).json() == first
    after = client.get("/health").json()["cache"]
    assert (after["hits"], after["misses"]) == (before["hits"] + 1, before["misses"])


def test_who_proposed_a_guidance_fund(client):
    response = client.get("/who-proposed", params={"q": "引导基金"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == len(body["hits"]) > 0
    assert any("引导基金" in name for name in _entity_names(body["hits"]))
    for hit in body["hits"]:
        _check_evidence(hit)


def test_who_proposed_a_pilot_fund_in_english(client):
    body = client.get("/who-proposed", params={"type": "Fund", "q": "pilot"}).json()
    names = _entity_names(body["hits"])
    assert names and all("中试" in n or "试点" in n for n in names), names
    assert all(e["type"] == "Fund" for hit in body["hits"] for e in hit["entities"])


def test_who_proposed_a_seed_fund(client):
    body = client.get("/who-proposed", params={"type": "Fund", "q": "种子基金"}).json()
    assert any("种子" in n for n in _entity_names(body["hits"]))
    english = client.get("/who-proposed", params={"type": "Fund", "q": "seed fund"}).json()
    assert {h["proposer"]["id"] for h in english["hits"]} >= {h["proposer"]["id"] for h in body["hits"]}


def test_a_persons_speech_counts_for_their_bodies_by_path(client):
    hits = client.get("/who-proposed").json()["hits"]
    role_hits = [h for h in hits if h["path"] == "role"]
    assert role_hits, "no hit counted through a person's role"
    for hit in role_hits:
        assert hit["proposer"]["kind"] == "organization" and hit["via"]["kind"] == "person"


def test_who_proposed_limit_keeps_the_total(client):
    full = client.get("/who-proposed").json()
    cut = client.get("/who-proposed", params={"limit": 1}).json()
    assert cut["count"] == full["count"] and cut["hits"] == full["hits"][:1]


def test_who_proposed_pages_with_offset_and_caps_evidence(client):
    whole = client.get("/who-proposed", params={"q": "基金", "limit": 1000, "evidence_limit": 1000}).json()
    assert whole["count"] == len(whole["hits"]) > 2
    page = client.get("/who-proposed", params={"q": "基金", "offset": 1, "limit": 2, "evidence_limit": 1}).json()
    assert page["count"] == whole["count"] and page["offset"] == 1
    for hit, full in zip(page["hits"], whole["hits"][1:3], strict=True):
        assert hit["proposer"] == full["proposer"] and hit["entities"] == full["entities"]
        assert hit["evidence"] == full["evidence"][:1] and hit["evidence_count"] == len(full["evidence"])
    past = client.get("/who-proposed", params={"q": "基金", "offset": whole["count"]}).json()
    assert past["hits"] == [] and past["count"] == whole["count"]


def _top_pair(client, level: str) -> dict:
    matrix = client.get("/overlap/matrix", params={"level": level}).json()
    assert matrix["level"] == level and matrix["count"] >= len(matrix["pairs"]) > 0
    jaccards = [p["jaccard"] for p in matrix["pairs"]]
    assert jaccards == sorted(jaccards, reverse=True)
    return matrix["pairs"][0]


def test_overlap_matrix_pages_and_compares_named_proposers(client):
    whole = client.get("/overlap/matrix", params={"limit": 5000}).json()
    assert whole["count"] == len(whole["pairs"]) and whole["proposers"] > 2
    page = client.get("/overlap/matrix", params={"offset": 2, "limit": 3}).json()
    assert page["offset"] == 2 and page["count"] == whole["count"] and page["pairs"] == whole["pairs"][2:5]
    a, b = whole["pairs"][0]["a"], whole["pairs"][0]["b"]
    named = client.get("/overlap/matrix", params={"proposers": f"{a['id']}, {b['name']}"}).json()
    assert named["proposers"] == 2 and named["pairs"] == whole["pairs"][:1]
    missing = client.get("/overlap/matrix", params={"proposers": "no-such-proposer"})
    assert missing.status_code == 404 and "no-such-proposer" in missing.json()["detail"]


def test_who_proposed_of_an_unknown_concept_is_a_404_naming_close_ones(client):
    missing = client.get("/who-proposed", params={"concept": "seed funds"})
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("application/problem+json")
    assert "'seed funds'" in missing.json()["detail"] and "concept:seed-fund" in missing.json()["detail"]


def test_overlap_of_two_proposers_at_entity_level(client):
    pair = _top_pair(client, "entity")
    body = client.get("/overlap", params={"a": pair["a"]["id"], "b": pair["b"]["id"], "level": "entity"}).json()
    assert len(body["shared"]) == pair["shared"] and body["jaccard"] == pair["jaccard"]
    assert all(item["evidence"] for item in body["shared"])
    union = len(body["shared"]) + len(body["only_a"]) + len(body["only_b"])
    assert abs(body["jaccard"] - len(body["shared"]) / union) < 1e-9


def test_overlap_of_two_proposers_at_concept_level_by_name(client):
    pair = _top_pair(client, "concept")
    body = client.get("/overlap", params={"a": pair["a"]["name"], "b": pair["b"]["name"],
                                          "level": "concept"}).json()
    assert body["level"] == "concept" and body["a"]["id"] == pair["a"]["id"]
    assert body["shared"] and all(item["type"] == "Concept" for item in body["shared"])


def test_search_finds_chinese_and_english(client):
    chinese = client.get("/search", params={"q": "种子基金"}).json()
    assert chinese["count"] > 0 and any("种子" in (r["name"] or "") for r in chinese["results"])
    english = client.get("/search", params={"q": "guidance fund", "limit": 5}).json()
    assert 0 < english["count"] <= 5


def test_subgraph_json_is_capped_nearest_first(client):
    fund = client.get("/entities", params={"type": "Fund", "limit": 1}).json()["items"][0]
    full = client.get("/subgraph", params={"center": fund["id"], "hops": 2}).json()
    assert not full["truncated"] and fund["id"] in {n["id"] for n in full["nodes"]}
    capped = client.get("/subgraph", params={"center": fund["id"], "hops": 2, "limit": 2}).json()
    ids = {n["id"] for n in capped["nodes"]}
    assert capped["truncated"] and len(ids) == 2 and fund["id"] in ids
    assert all(r["source"] in ids and r["target"] in ids for r in capped["relationships"])
