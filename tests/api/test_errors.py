"""Every error is an application/problem+json document naming the problem; never a stack trace."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from policykg.api.app import create_app
from policykg.api.stores import neo4j_driver
from policykg.graph.neo4j_store import Neo4jStore

PROBLEM = "application/problem+json"


def _problem(response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert body["status"] == status and body["title"] and body["detail"] and body["type"].startswith("urn:")
    assert "Traceback" not in response.text
    return body


def test_unknown_ids_are_404_naming_the_id(client, api_key):
    body = _problem(client.get(f"/entities/{quote('fund:不存在的基金', safe='')}"), 404)
    assert "fund:不存在的基金" in body["detail"] and body["instance"].startswith("/entities/fund%3A")
    _problem(client.get("/speeches/doc:none/s1"), 404)
    _problem(client.get("/overlap", params={"a": "无此单位", "b": "也无此单位"}), 404)
    _problem(client.get("/export", params={"center": "fund:不存在的基金"}), 404)
    _problem(client.delete("/documents/doc:none", headers={"X-API-Key": api_key}), 404)
    _problem(client.get("/no/such/route"), 404)


@pytest.mark.parametrize(("path", "params", "named"), [
    ("/overlap", {"a": "x", "b": "y", "level": "sentence"}, "level"),
    ("/overlap", {"a": "x"}, "'b'"),
    ("/who-proposed", {"type": "Spaceship"}, "Spaceship"),
    ("/export", {"format": "pdf"}, "format"),
    ("/export", {"hops": "-1"}, "hops"),
    ("/export", {"types": "Spaceship"}, "Spaceship"),
    ("/entities", {"limit": "0"}, "limit"),
    ("/entities", {"type": "Spaceship"}, "Spaceship"),
    ("/entities/fund%3Ax", {"evidence_limit": "0"}, "evidence_limit"),
    ("/entities/fund%3Ax", {"evidence_limit": "1001"}, "evidence_limit"),
    ("/entities/fund%3Ax", {"evidence_offset": "-1"}, "evidence_offset"),
    ("/search", {"q": ""}, "'q'"),
])
def test_bad_parameters_are_422_naming_the_parameter(client, path, params, named):
    body = _problem(client.get(path, params=params), 422)
    assert named in body["detail"]


def test_writes_need_the_right_key(client):
    body = _problem(client.post("/documents", content=b"x", headers={"Content-Type": "text/plain"}), 401)
    assert "X-API-Key" in body["detail"]
    wrong = client.delete("/documents/doc:x", headers={"X-API-Key": "wrong"})
    assert _problem(wrong, 401)["detail"].startswith("wrong API key")
    assert wrong.headers["www-authenticate"].startswith("ApiKey")


def test_writes_are_refused_without_a_configured_key(embedded_store, settings_for):
    with TestClient(create_app(settings_for(api_key=None), store=embedded_store)) as client:
        body = _problem(client.post("/documents", content=b"x", headers={"X-API-Key": "anything"}), 403)
        assert "POLICYKG_API_KEY" in body["detail"]
        _problem(client.delete("/documents/doc:x"), 403)


def test_bodies_over_the_limit_are_413(client, api_key, max_body):
    big = b"x" * (max_body + 1)
    headers = {"X-API-Key": api_key, "Content-Type": "text/plain"}
    assert "limit" in _problem(client.post("/documents", content=big, headers=headers), 413)["detail"]

    def chunks():  # no Content-Length: the streamed bytes are counted
        for _ in range(max_body // 1024 + 2):
            yield b"y" * 1024

    assert "streamed" in _problem(client.post("/documents", content=chunks(), headers=headers), 413)["detail"]


@pytest.mark.parametrize(("content", "media", "named"), [
    (b"{broken", "application/json", "malformed JSON"),
    (b'{"title": "x"}\n{oops', "application/x-ndjson", ":2: malformed JSON"),
    (b"\x00\x01binary", "text/plain", "binary"),
    (b"   ", "text/plain", "empty"),
    (b"[1, 2]", "application/json", "JSON object"),
    ("just some english words, not a speech".encode(), "text/plain", "Chinese"),
])
def test_unreadable_bodies_are_422_naming_the_problem(client, api_key, content, media, named):
    response = client.post("/documents", content=content, headers={"X-API-Key": api_key, "Content-Type": media})
    assert named in _problem(response, 422)["detail"]


def test_unsupported_media_types_are_415(client, api_key):
    response = client.post("/documents", content=b"<a/>",
                           headers={"X-API-Key": api_key, "Content-Type": "application/xml"})
    assert "application/xml" in _problem(response, 415)["detail"]


def _assert_unavailable(client) -> None:
    for path in ("/health", "/who-proposed?q=引导基金"):
        response = client.get(path)
        body = _problem(response, 503)
        assert response.headers["retry-after"] == "7" and body["detail"]


def test_a_server_configured_for_an_unreachable_neo4j_starts_and_says_503(closed_port, settings_for):
    settings = settings_for(backend="neo4j", neo4j_uri=f"bolt://127.0.0.1:{closed_port}", neo4j_retry_seconds=0.2)
    with TestClient(create_app(settings)) as client:
        _assert_unavailable(client)


def test_a_store_on_an_unreachable_neo4j_is_503_for_writes_too(closed_port, settings_for, api_key, speech_text):
    settings = settings_for(neo4j_uri=f"bolt://127.0.0.1:{closed_port}", neo4j_retry_seconds=0.2)
    with neo4j_driver(settings) as driver:
        with TestClient(create_app(settings, store=Neo4jStore(driver, database="neo4j"))) as client:
            response = client.post("/documents", params={"source": "api-test-down"}, content=speech_text.encode(),
                                   headers={"X-API-Key": api_key, "Content-Type": "text/plain"})
            assert "unavailable" in _problem(response, 503)["detail"]
            _problem(client.delete("/documents/doc:x", headers={"X-API-Key": api_key}), 503)


def test_unexpected_errors_are_a_bare_500(embedded_store, settings_for, monkeypatch):
    app = create_app(settings_for(), store=embedded_store)

    def broken(**_):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(embedded_store, "who_proposed_page", broken)
    with TestClient(app, raise_server_exceptions=False) as client:
        body = _problem(client.get("/who-proposed"), 500)
        assert "secret" not in client.get("/who-proposed").text and "logged" in body["detail"]
