"""Neo4j Browser, served by the real Neo4j, logs in with the documented credentials (`:server connect`)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.neo4j, pytest.mark.browser]

TIMEOUT_MS = 90_000


def _chromium() -> str | None:
    """Debian's Chromium (or POLICYKG_CHROMIUM); Playwright never downloads a browser here."""
    configured = os.environ.get("POLICYKG_CHROMIUM")
    if configured:
        return configured if os.path.exists(configured) else None
    return shutil.which("chromium")


@pytest.fixture()
def browser_page() -> Iterator[object]:
    """A page of a headless Chromium; skips without one (fails in CI, see the root conftest)."""
    path = _chromium()
    if path is None:
        pytest.skip("no Chromium: apt-get install chromium fonts-noto-cjk, or set POLICYKG_CHROMIUM")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=["--headless", "--no-sandbox", "--disable-gpu"])
        try:
            yield browser.new_page()
        finally:
            browser.close()


def test_server_connect_with_the_documented_credentials(neo4j_driver, neo4j_http_url, neo4j_login, browser_page):
    uri, user, password = neo4j_login
    page = browser_page
    page.goto(f"{neo4j_http_url}/browser/", timeout=TIMEOUT_MS)
    page.wait_for_selector('[data-testid="boltaddress"]', timeout=TIMEOUT_MS)
    page.fill('[data-testid="boltaddress"]', f"bolt://{urlsplit(uri).netloc}")
    page.fill('[data-testid="username"]', user)
    page.fill('[data-testid="password"]', password)
    page.click('[data-testid="connect"]')
    page.wait_for_selector("text=You are connected as user", timeout=TIMEOUT_MS)
    assert f"You are connected as user {user}" in " ".join(page.inner_text("body").split())
