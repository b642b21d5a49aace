"""The explorer page in headless Chromium over the API on the embedded store (sample corpus)."""

from __future__ import annotations

import io
import json
import zipfile
from urllib.parse import parse_qs, quote, urlparse

import httpx
import networkx as nx
import pytest

pytestmark = pytest.mark.browser

WAIT_MS = 30_000


def open_explorer(page, api) -> None:
    page.goto(f"{api.url}/explore")
    page.wait_for_function("window.cy !== undefined && window.policykg !== undefined", timeout=WAIT_MS)


def search(page, query: str) -> None:
    page.fill("#search-input", query)
    page.click("#search-form button[type=submit]")
    page.wait_for_function("document.querySelector('#results .result') !== null"
                           " || /Nothing matches|failed/.test(document.getElementById('results').textContent)",
                           timeout=WAIT_MS)


def open_first_fund(page) -> str:
    """Open the first Fund result (falling back to the first result) and wait for its graph."""
    funds = page.locator('.result-group[data-type="Fund"] .result')
    target = funds.first if funds.count() else page.locator(".result").first
    node_id = target.get_attribute("data-id")
    target.click()
    page.wait_for_function("window.cy.nodes().length > 1", timeout=WAIT_MS)
    return node_id


def test_search_pilot_fund_opens_graph_with_evidence(page, embedded_api):
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    open_explorer(page, embedded_api)
    search(page, "pilot fund")
    groups = page.locator(".result-group").evaluate_all("els => els.map(e => e.dataset.type)")
    assert "Fund" in groups, f"no Fund group among the results for 'pilot fund': {groups}"

    node_id = open_first_fund(page)
    nodes = page.evaluate("cy.nodes().length")
    edges = page.evaluate("cy.edges().length")
    assert nodes > 1 and edges > 0, (nodes, edges)
    assert page.evaluate(f"cy.getElementById({json.dumps(node_id)}).hasClass('root')")

    mark = page.locator(".ev-sentence mark").first
    mark.wait_for(timeout=WAIT_MS)
    sentence = page.locator(".ev-sentence").first.inner_text()
    assert mark.inner_text() and mark.inner_text() in sentence
    assert "中试" in sentence or "试点" in sentence, sentence
    assert page.locator(".ev-title").first.inner_text().strip(), "the evidence names no speech"
    assert page.locator(".ev-proposer").first.inner_text().strip(), "the evidence names no proposer"
    assert not page.js_errors, page.js_errors
    assert_only_what_is_shown(asked)


def assert_only_what_is_shown(urls: list[str]) -> None:
    """The page never asks for the whole graph: every graph request has a centre, lists a limit."""
    for url in map(urlparse, urls):
        query = parse_qs(url.query)
        if url.path in ("/subgraph", "/export"):
            assert query.get("center"), f"{url.path} without a centre asks for the whole graph: {url.geturl()}"
        if url.path in ("/search", "/proposers", "/entities", "/subgraph"):
            assert int(query.get("limit", ["0"])[0]) > 0, f"{url.path} without a limit: {url.geturl()}"
        if url.path.startswith("/entities/"):
            assert int(query.get("evidence_limit", ["0"])[0]) > 0, f"an entity without evidence_limit: {url.geturl()}"


def entity_with_evidence(api, at_least: int) -> tuple[str, int]:
    """(id, evidence count) of the first entity, by id, with at least `at_least` evidence items."""
    entities = httpx.get(f"{api.url}/entities", params={"limit": 1000}).json()["items"]
    for entity in entities:
        detail = httpx.get(f"{api.url}/entities/{quote(entity['id'], safe='')}", params={"evidence_limit": 1}).json()
        if detail["evidence_count"] >= at_least:
            return entity["id"], detail["evidence_count"]
    pytest.fail(f"no entity of the sample has {at_least} evidence items")


def test_entity_evidence_loads_a_page_at_a_time(page, embedded_api):
    node_id, total = entity_with_evidence(embedded_api, 3)
    open_explorer(page, embedded_api)
    page.evaluate("window.policykg.evidence.pageSize = 2")
    page.evaluate(f"window.policykg.openNode({json.dumps(node_id)})")
    more = page.locator("#evidence-body button.more-evidence")
    more.wait_for(timeout=WAIT_MS)
    cards = page.locator("#evidence-body .ev")
    assert cards.count() == 2
    assert f"({total})" in page.locator("#evidence-body .section-title", has_text="Evidence").inner_text()
    while more.count():
        shown = cards.count()
        more.click()
        page.wait_for_function(f"document.querySelectorAll('#evidence-body .ev').length > {shown}", timeout=WAIT_MS)
    assert cards.count() == total and page.locator("#evidence-body .ev-sentence mark").count() == total
    assert not page.js_errors, page.js_errors


def test_click_expands_and_filters_hide_a_type(page, embedded_api):
    open_explorer(page, embedded_api)
    search(page, "pilot fund")
    open_first_fund(page)
    before = page.evaluate("cy.nodes().length")
    page.evaluate("""async () => {
        const other = cy.nodes().filter(n => !n.hasClass('expanded') && n.data('type') === 'Recommendation')[0]
                   || cy.nodes().filter(n => !n.hasClass('expanded'))[0];
        other.emit('tap');
    }""")
    page.wait_for_function(f"cy.nodes().length > {before} || cy.nodes('.expanded').length > 1", timeout=WAIT_MS)
    assert page.evaluate("cy.nodes('.expanded').length") >= 2

    kind = page.locator("#type-filters input[type=checkbox]").first
    label = kind.get_attribute("data-type")
    kind.uncheck()
    hidden = page.evaluate(f"cy.nodes('[type = \"{label}\"]').filter(n => n.visible()).length")
    assert hidden == 0
    href = page.locator('#export-buttons a[data-format="graphml"]').get_attribute("href")
    assert "types=" in href and label not in href.split("types=")[1]


def test_overlap_view_shows_shared_entities(page, embedded_api):
    open_explorer(page, embedded_api)
    page.click('.tab[data-view="overlap-view"]')
    page.wait_for_selector("#proposer-picker .chip", timeout=WAIT_MS)
    pair = page.evaluate("""async () => {
        const names = [...document.querySelectorAll('#proposer-picker .chip')].map(c => c.textContent);
        for (let i = 0; i < names.length; i++) for (let j = i + 1; j < names.length; j++) {
            const r = await fetch(`overlap?a=${encodeURIComponent(names[i])}&b=${encodeURIComponent(names[j])}`);
            if (r.ok && (await r.json()).shared.length) return [names[i], names[j]];
        }
        return null;
    }""")
    assert pair, "no two proposers of the sample share an entity"
    page.fill("#overlap-a", pair[0])
    page.fill("#overlap-b", pair[1])
    page.click("#overlap-form button[type=submit]")
    page.wait_for_selector(".overlap-summary", timeout=WAIT_MS)
    shared = page.locator(".overlap-col.shared .item")
    assert shared.count() >= 1
    assert shared.first.locator("button.link strong").inner_text().strip()
    jaccard = float(page.locator(".jaccard").get_attribute("data-jaccard"))
    assert 0 < jaccard <= 1


@pytest.mark.parametrize("fmt", ["graphml", "json", "gexf", "cypher", "csv"])
def test_export_downloads_a_file_that_reads_back(page, embedded_api, fmt):
    open_explorer(page, embedded_api)
    search(page, "pilot fund")
    open_first_fund(page)
    shown = page.evaluate("cy.nodes().map(n => n.id())")
    with page.expect_download(timeout=WAIT_MS) as info:
        page.click(f'#export-buttons a[data-format="{fmt}"]')
    data = open(info.value.path(), "rb").read()
    assert info.value.suggested_filename.startswith("policykg-")
    exported = read_back(fmt, data)
    if exported is not None:
        assert set(shown) <= exported, set(shown) - exported


def read_back(fmt: str, data: bytes) -> set[str] | None:
    """Node ids of an exported file (None for formats checked only for shape)."""
    if fmt == "graphml":
        return set(nx.read_graphml(io.BytesIO(data)).nodes)
    if fmt == "json":
        return set(nx.node_link_graph(json.loads(data), edges="edges").nodes)
    if fmt == "gexf":
        graph = nx.read_gexf(io.BytesIO(data))
        return {graph.nodes[n].get("id", n) for n in graph.nodes} | set(graph.nodes)
    if fmt == "csv":
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        assert any(name.endswith(".csv") for name in names), names
        return None
    assert b"CREATE" in data or b"MERGE" in data
    return None


def test_a_proposer_shows_its_proposals_with_evidence(page, embedded_api):
    page.goto(f"{embedded_api.url}/explore?node=" + quote("body:民建重庆市委会"))
    page.wait_for_function("window.cy !== undefined && cy.nodes().length > 1", timeout=WAIT_MS)
    page.locator("#evidence-body .ev-sentence mark").first.wait_for(timeout=WAIT_MS)
    proposals = page.locator("#evidence-body .chips .chip")
    assert proposals.count() > 5
    assert "种子基金" in proposals.all_inner_texts()
    proposals.filter(has_text="种子基金").first.click()
    page.wait_for_function("cy.nodes('.root').length === 1 && cy.nodes('.root')[0].id() === 'fund:种子基金'",
                           timeout=WAIT_MS)
