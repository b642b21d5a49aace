"""Settings come from the environment; `policykg serve` runs a real uvicorn server; CORS when asked."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import httpx
import pytest
from fastapi.testclient import TestClient
from live_server import free_port

from policykg.api.app import create_app
from policykg.api.settings import Settings


def test_settings_read_the_documented_variables(monkeypatch, tmp_path):
    env = {"POLICYKG_BACKEND": "neo4j", "POLICYKG_STORE": str(tmp_path / "g.json"), "NEO4J_URI": "bolt://db:7687",
           "NEO4J_USER": "reader", "NEO4J_PASSWORD": "s3cret", "NEO4J_DATABASE": "policy",
           "POLICYKG_API_KEY": "k1", "POLICYKG_MAX_BODY_BYTES": "2048",
           "POLICYKG_CORS_ORIGINS": "http://a.example, http://b.example", "POLICYKG_HOST": "0.0.0.0",
           "POLICYKG_PORT": "9000", "POLICYKG_CACHE_SIZE": "0"}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    s = Settings()
    assert (s.backend, s.store_path, s.neo4j_uri, s.neo4j_user, s.neo4j_database) == (
        "neo4j", tmp_path / "g.json", "bolt://db:7687", "reader", "policy")
    assert s.neo4j_password.get_secret_value() == "s3cret" and "s3cret" not in repr(s)
    assert s.api_key.get_secret_value() == "k1" and s.max_body_bytes == 2048
    assert s.cors_origins == ["http://a.example", "http://b.example"] and (s.host, s.port) == ("0.0.0.0", 9000)
    assert s.cache_size == 0


def test_the_cache_size_reaches_the_store_and_bad_sizes_are_refused(monkeypatch, tmp_path):
    from policykg.errors import ValidationError
    from policykg.graph.connect import StoreSettings, open_store

    monkeypatch.setenv("POLICYKG_CACHE_SIZE", "7")
    with open_store(StoreSettings.from_env(store_path=tmp_path / "g.json")) as store:
        assert store.answer_cache.size == 7
    monkeypatch.setenv("POLICYKG_CACHE_SIZE", "lots")
    with pytest.raises(ValidationError, match="POLICYKG_CACHE_SIZE must be a whole number of answers, 0 or more; "
                                              "got 'lots'"):
        StoreSettings.from_env()
    monkeypatch.setenv("POLICYKG_CACHE_SIZE", "-1")
    with pytest.raises(ValueError, match="POLICYKG_CACHE_SIZE"):
        Settings()


def test_an_empty_api_key_means_none_and_bad_values_are_refused(monkeypatch):
    monkeypatch.setenv("POLICYKG_API_KEY", "")
    assert Settings().api_key is None
    monkeypatch.setenv("POLICYKG_BACKEND", "sqlite")
    with pytest.raises(ValueError, match="POLICYKG_BACKEND"):
        Settings()


def test_cors_only_for_the_configured_origins(embedded_store, settings_for):
    app = create_app(settings_for(cors_origins=["http://allowed.example"]), store=embedded_store)
    with TestClient(app) as client:
        ok = client.get("/health", headers={"Origin": "http://allowed.example"})
        assert ok.headers["access-control-allow-origin"] == "http://allowed.example"
        other = client.get("/health", headers={"Origin": "http://other.example"})
        assert "access-control-allow-origin" not in other.headers
        preflight = client.options("/documents", headers={"Origin": "http://allowed.example",
                                                          "Access-Control-Request-Method": "POST",
                                                          "Access-Control-Request-Headers": "X-API-Key"})
        assert preflight.status_code == 200 and "x-api-key" in preflight.headers["access-control-allow-headers"].lower()


def test_policykg_serve_runs_uvicorn_over_the_embedded_store(tmp_path):
    port = free_port()
    command = [sys.executable, "-c", "from policykg.cli import main; main()", "serve", "--port", str(port),
               "--store", str(tmp_path / "graph.json"), "--log-level", "warning"]
    server = subprocess.Popen(command, env={**os.environ, "POLICYKG_API_KEY": ""}, stderr=subprocess.PIPE)
    try:
        body = _wait_for_health(f"http://127.0.0.1:{port}", server)
        assert body["backend"] == "embedded" and body["nodes"]["Speech"] == 0
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert server.returncode in (0, -15)
    # uvicorn[standard] is a dependency: "auto" resolves to httptools and uvloop, as in the benchmarks
    assert "uvicorn with httptools and uvloop" in server.stderr.read().decode()


def _wait_for_health(base: str, server: subprocess.Popen) -> dict:
    for _ in range(300):
        if server.poll() is not None:
            pytest.fail(f"policykg serve exited: {server.stderr.read().decode()}")
        try:
            return httpx.get(f"{base}/health", timeout=2).json()
        except httpx.TransportError:
            time.sleep(0.1)
    pytest.fail("policykg serve did not answer within 30 s")


def test_serve_refuses_two_backends(tmp_path):
    from click.testing import CliRunner

    from policykg.cli import main

    result = CliRunner().invoke(main, ["serve", "--neo4j", "--store", str(tmp_path / "g.json")])
    assert result.exit_code == 2 and "different backends" in result.output
