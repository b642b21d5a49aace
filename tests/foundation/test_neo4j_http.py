"""The real Neo4j over HTTP: discovery, the Query API behind auth, and Neo4j Browser at /browser/."""

from __future__ import annotations

import re

import httpx
import pytest

pytestmark = pytest.mark.neo4j


def test_discovery_document_names_the_bolt_address(neo4j_driver, neo4j_http_url):
    response = httpx.get(f"{neo4j_http_url}/", headers={"Accept": "application/json"})
    assert response.status_code == 200
    discovery = response.json()
    assert discovery["neo4j_version"].startswith("5.26.")
    assert discovery["bolt_direct"].startswith("bolt://")


def test_neo4j_browser_is_served(neo4j_driver, neo4j_http_url):
    response = httpx.get(f"{neo4j_http_url}/browser/")
    assert response.status_code == 200
    assert "text/html" in response.headers["content-type"]
    assert "<title>Neo4j Browser</title>" in response.text
    script = next(part.split('"')[0] for part in response.text.split('src="')[1:] if ".js" in part.split('"')[0])
    bundle = httpx.get(f"{neo4j_http_url}/browser/{script}")
    assert bundle.status_code == 200 and len(bundle.content) > 100_000


def test_query_api_needs_the_password(neo4j_driver, neo4j_http_url, neo4j_login):
    _, user, password = neo4j_login
    query = {"statement": "RETURN $x AS x", "parameters": {"x": 41}}
    refused = httpx.post(f"{neo4j_http_url}/db/neo4j/query/v2", json=query, auth=(user, password + "-wrong"))
    assert refused.status_code == 401
    answered = httpx.post(f"{neo4j_http_url}/db/neo4j/query/v2", json=query, auth=(user, password))
    assert answered.status_code in (200, 202)
    assert answered.json()["data"]["values"] == [[41]]


def test_browser_settings_point_at_the_policykg_guide(neo4j_driver):
    records, _, _ = neo4j_driver.execute_query("CALL dbms.clientConfig() YIELD name, value", database_="neo4j")
    settings = {record["name"]: record["value"] for record in records}
    # the port is the API's (POLICYKG_PORT when the launcher started this server; 8000 by default)
    assert re.fullmatch(r"play http://127\.0\.0\.1:\d{1,5}/guide", settings["browser.post_connect_cmd"])
    # Neo4j Browser matches guide URLs by host name only, so the list holds bare host names.
    assert settings["browser.remote_content_hostname_whitelist"].split(",") == ["127.0.0.1", "localhost"]
