"""Neo4j Browser (served by the local Neo4j) plays our guide and runs one of its queries.

Needs the local Neo4j with Neo4j Browser (``NEO4J_URI``, ``NEO4J_HTTP_URL``) started with the
launcher's settings: ``browser.remote_content_hostname_whitelist`` must allow 127.0.0.1.
"""

from __future__ import annotations

import os
import urllib.error
import urllib.request
from urllib.parse import urlparse

import pytest
from live_server import LiveServer, port_is_free

from policykg.api.app import create_app
from policykg.api.settings import Settings
from policykg.graph.embedded import EmbeddedStore

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]

WAIT_MS = 60_000


@pytest.fixture(scope="module")
def browser_url(neo4j_http_url) -> str:
    url = f"{neo4j_http_url}/browser/"
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200
    except (urllib.error.URLError, OSError) as exc:
        pytest.skip(f"no Neo4j Browser at {url} ({exc}); start Neo4j with scripts/neo4j-local/neo4j start")
    return url


def connect(page, browser_url: str) -> None:
    """Log in through the connect form with the documented credentials."""
    bolt = urlparse(os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687"))
    page.goto(browser_url)
    page.wait_for_selector("[data-testid=boltaddress]", timeout=WAIT_MS)
    page.select_option("[data-testid=bolt-scheme-select]", "neo4j://")
    page.fill("[data-testid=boltaddress]", f"{bolt.hostname}:{bolt.port or 7687}")
    page.fill("[data-testid=username]", os.environ.get("NEO4J_USER", "neo4j"))
    page.fill("[data-testid=password]", os.environ.get("NEO4J_PASSWORD", "policykg-local"))
    page.click("[data-testid=connect]")
    page.wait_for_selector("[data-testid=disconnectedBanner]", state="detached", timeout=WAIT_MS)
    # The server's settings (allowlist, post-connect command) arrive just after the login; the
    # frame of the post-connect command (`:play <guide url>` in the launcher) shows they are in.
    page.locator("[data-testid=frameCommand]", has_text=":play http").first.wait_for(timeout=WAIT_MS)


def run_command(page, command: str) -> None:
    page.locator("[data-testid=activeEditor]").click()
    page.keyboard.type(command)
    page.keyboard.press("Enter")


def frame_of(page, command_text: str):
    commands = page.locator("[data-testid=frameCommand]", has_text=command_text)
    return page.locator("[data-testid=frame]").filter(has=commands).first


def test_browser_plays_the_guide_and_runs_a_query(page, neo4j_api, browser_url):
    connect(page, browser_url)
    guide_url = f"{neo4j_api.url}/guide"
    run_command(page, f":play {guide_url}")
    guide = frame_of(page, f":play {guide_url}")
    guide.locator("pre.runnable").first.wait_for(timeout=WAIT_MS)
    assert "policykg" in guide.inner_text()

    style = guide.locator("pre.runnable:visible").first
    assert style.inner_text().strip().startswith(":style http")
    style.locator("i").first.click()  # apply policykg.grass from the API
    applied = frame_of(page, "policykg.grass")
    applied.get_by_text("node.Recommendation").first.wait_for(timeout=WAIT_MS)

    guide.locator("[data-testid=nextSlide]").first.click()
    query = guide.locator("pre.runnable:visible").first
    assert "UNWIND labels(n)" in query.inner_text()
    query.locator("i").first.click()  # the ▶ icon runs the block in a new frame

    result = frame_of(page, "UNWIND labels")
    status = result.locator("[data-testid=frameStatusbar]")
    status.filter(has_text="record").wait_for(timeout=WAIT_MS)
    assert "Started streaming" in status.inner_text(), status.inner_text()
    table = result.inner_text()
    for label in ("Speech", "Recommendation", "Body"):
        assert label in table, f"{label} not in the result:\n{table}"


def test_after_connecting_the_browser_plays_the_guide_on_the_configured_port(page, browser_url, neo4j_driver,
                                                                            tmp_path):
    """The launcher points `browser.post_connect_cmd` at the API's port (POLICYKG_PORT); an API
    served on that port is where the guide comes from, with no command typed."""
    records, _, _ = neo4j_driver.execute_query(
        "CALL dbms.clientConfig() YIELD name, value WHERE name = $name RETURN value",
        name="browser.post_connect_cmd", database_="neo4j")
    command = records[0]["value"]
    port = urlparse(command.removeprefix("play ")).port
    if not port_is_free(port):
        pytest.skip(f"port {port} of the post-connect guide ({command}) is taken by another process")
    with LiveServer(create_app(Settings(), store=EmbeddedStore(tmp_path / "graph.json")), port=port):
        connect(page, browser_url)
        guide = frame_of(page, f":{command}")
        guide.locator("pre.runnable").first.wait_for(timeout=WAIT_MS)
        assert "policykg" in guide.inner_text()
