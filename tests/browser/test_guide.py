"""The Neo4j Browser guide and style as HTTP documents (no browser needed): content, CORS, style."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from policykg import cypher
from policykg.api import explore
from policykg.api.app import create_app
from policykg.api.settings import Settings

STATIC = Path(explore.__file__).parent / "static"
BROWSER_ORIGIN = "http://127.0.0.1:7474"
LABELS = ("Document", "Speech", "Body", "Person", "Recommendation", "Fund", "Mechanism", "Platform",
          "Institution", "Concept")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from policykg.graph.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path_factory.mktemp("guide") / "graph.json")
    with TestClient(create_app(Settings(), store=store)) as test_client:
        yield test_client
    store.close()


def runnables(page: str) -> list[str]:
    return [html.unescape(block) for block in re.findall(r'<pre class="[^"]*runnable[^"]*">(.*?)</pre>', page, re.S)]


def test_guide_is_browser_slides_with_the_cypher_files(client):
    response = client.get("/guide", headers={"Origin": BROWSER_ORIGIN})
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "*"
    page = response.text
    assert page.startswith('<article class="guide">')
    assert page.count("<slide") == len(explore.SLIDES) + 1
    blocks = runnables(page)
    for slide in explore.SLIDES:
        text = cypher.load(slide.query)
        body = explore._query_body(text)
        assert body in blocks, f"{slide.query}.cypher is not in the guide verbatim"
        for name in re.findall(r"\$(\w+)", body):
            assert any(b.startswith(":params") and f'"{name}"' in b for b in blocks), f"${name} is never set"
    assert any(b.startswith(":style http://testserver/guide/policykg.grass") for b in blocks)


def test_guide_queries_bind_every_value():
    for slide in explore.SLIDES:
        body = explore._query_body(explore.cypher_text(slide.query))
        assert not re.search(r"=\s*'[^']+'", body.replace("<> 'Entity'", "")), f"{slide.query}: literal value"


def test_preflight_of_neo4j_browser_is_allowed(client):
    response = client.options("/guide", headers={
        "Origin": BROWSER_ORIGIN, "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "pragma,cache-control"})
    assert response.status_code == 204
    allowed = response.headers["access-control-allow-headers"].lower()
    assert "pragma" in allowed and "cache-control" in allowed
    assert response.headers["access-control-allow-origin"] == "*"


def test_style_file_is_served_and_styles_every_label(client):
    response = client.get("/guide/policykg.grass")
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "*"
    grass = response.text
    for label in LABELS:
        assert f"node.{label} {{" in grass, f"no style for {label}"
    sizes = {label: int(re.search(rf"node\.{label} \{{[^}}]*diameter: (\d+)px", grass).group(1)) for label in LABELS}
    proposers_and_entities = [sizes[label] for label in ("Body", "Person", "Fund", "Mechanism", "Platform",
                                                           "Institution", "Concept")]
    assert max(sizes["Recommendation"], sizes["Speech"]) < min(proposers_and_entities)


def test_explorer_and_style_use_the_same_colours():
    grass = (STATIC / "policykg.grass").read_text(encoding="utf-8")
    types_js = (STATIC / "js" / "types.js").read_text(encoding="utf-8")
    for label in LABELS:
        in_grass = re.search(rf"node\.{label} \{{\s*color: (#[0-9A-Fa-f]{{6}})", grass).group(1)
        in_js = re.search(rf'{label}: \{{ color: "(#[0-9A-Fa-f]{{6}})"', types_js).group(1)
        assert in_grass.upper() == in_js.upper(), label


def test_explorer_page_loads_only_local_scripts(client):
    page = client.get("/explore")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert sources and all(not s.startswith(("http:", "https:", "//")) for s in sources), sources
    for js in (STATIC / "js").glob("*.js"):
        assert not re.search(r"from\s+[\"']https?:", js.read_text(encoding="utf-8")), js.name
    vendor = client.get("/static/vendor/cytoscape.esm.min.js")
    assert vendor.status_code == 200 and "javascript" in vendor.headers["content-type"]
    assert (STATIC / "vendor" / "cytoscape.LICENSE").is_file()
