"""Ingest then delete through HTTP leaves the graph as before, on both stores."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest


@pytest.fixture()
def key(api_key) -> dict:
    return {"X-API-Key": api_key}


def _counts(client) -> dict:
    body = client.get("/health").json()
    return {"nodes": body["nodes"], "relationships": body["relationships"]}


def test_post_a_speech_as_text_then_delete_it(client, key, speech_text):
    before = _counts(client)
    question = {"q": "天使投资引导基金"}
    assert client.get("/who-proposed", params=question).json()["count"] == 0  # an answer now kept
    response = client.post("/documents", params={"source": "api-test-speech"}, content=speech_text.encode(),
                           headers={**key, "Content-Type": "text/plain; charset=utf-8"})
    assert response.status_code == 201, response.text
    body = response.json()
    (document,) = body["documents"]
    assert document["speeches"] == 1 and document["outcome"] == "loaded" and body["rows"] > 0
    assert _counts(client) != before
    found = client.get("/who-proposed", params=question).json()
    assert any(e["name"].startswith("天使投资") for h in found["hits"] for e in h["entities"])

    again = client.post("/documents", params={"source": "api-test-speech"}, content=speech_text.encode(),
                        headers={**key, "Content-Type": "text/plain"})
    assert again.json()["documents"][0]["outcome"] == "unchanged"

    deleted = client.delete(f"/documents/{quote(document['id'], safe='')}", headers=key)
    assert deleted.status_code == 200 and deleted.json() == {"deleted": document["id"]}
    assert _counts(client) == before
    assert client.get("/who-proposed", params=question).json()["count"] == 0
    assert client.get(f"/documents/{quote(document['id'], safe='')}").status_code == 404


def test_post_json_records_then_delete_them(client, key, speech_text):
    before = _counts(client)
    records = [{"title": "设立天使投资引导基金", "proposer": "重庆测试研究院", "text": speech_text.split("\n", 2)[2],
                "source": "api-test-json"}]
    response = client.post("/documents", content=json.dumps(records, ensure_ascii=False).encode(),
                           headers={**key, "Content-Type": "application/json"})
    assert response.status_code == 201, response.text
    ids = [d["id"] for d in response.json()["documents"]]
    assert ids
    for document_id in ids:
        assert client.delete(f"/documents/{quote(document_id, safe='')}", headers=key).status_code == 200
    assert _counts(client) == before


def test_post_full_extraction_records_as_jsonl(client, key, sample_records):
    before = _counts(client)
    record = sample_records[0].to_dict()
    record["document"] = dict(record["document"], id="doc:api-test-jsonl", source="api-test-jsonl.txt",
                              sha256="0" * 64)
    record["speech"] = dict(record["speech"], id="doc:api-test-jsonl/s1")
    for rec in record["recommendations"]:
        rec["id"] = rec["id"].replace(sample_records[0].speech.id, "doc:api-test-jsonl/s1")
    response = client.post("/documents", content=(json.dumps(record, ensure_ascii=False) + "\n").encode(),
                           headers={**key, "Content-Type": "application/x-ndjson"})
    assert response.status_code == 201, response.text
    assert response.json()["documents"] == [{"id": "doc:api-test-jsonl", "speeches": 1, "outcome": "loaded"}]
    assert client.delete("/documents/doc:api-test-jsonl", headers=key).status_code == 200
    assert _counts(client) == before
