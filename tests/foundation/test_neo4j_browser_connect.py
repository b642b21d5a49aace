"""Neo4j Browser, served by the real Neo4j, logs in with the documented credentials (`:server connect`)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar
from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.neo4j, pytest.mark.browser]

TIMEOUT_MS = 90_000
T = TypeVar("T")


def _chromium() -> str | None:
    """Debian's Chromium (or POLICYKG_CHROMIUM); Playwright never downloads a browser here."""
    configured = os.environ.get("POLICYKG_CHROMIUM")
    if configured:
        return configured if os.path.exists(configured) else None
    return shutil.which("chromium")


@pytest.fixture()
def chromium_path() -> str:
    """Path of the Chromium to drive; skips without one (fails in CI, see the root conftest)."""
    path = _chromium()
    if path is None:
        pytest.skip("no Chromium: apt-get install chromium fonts-noto-cjk, or set POLICYKG_CHROMIUM")
    pytest.importorskip("playwright.sync_api")
    return path


def _in_own_thread(work: Callable[[], T]) -> T:
    """Run `work` in a new thread: Playwright's sync API refuses a thread whose event loop is in use,
    as it is while another test module keeps its own Playwright session open."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(work).result()


def _connect_and_read(chromium: str, browser_url: str, bolt_url: str, user: str, password: str) -> str:
    """Open Neo4j Browser, log in through its connect form, and return the page's text."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.goto(browser_url, timeout=TIMEOUT_MS)
            page.wait_for_selector('[data-testid="boltaddress"]', timeout=TIMEOUT_MS)
            page.fill('[data-testid="boltaddress"]', bolt_url)
            page.fill('[data-testid="username"]', user)
            page.fill('[data-testid="password"]', password)
            page.click('[data-testid="connect"]')
            page.wait_for_selector("text=You are connected as user", timeout=TIMEOUT_MS)
            return " ".join(page.inner_text("body").split())
        finally:
            browser.close()


def test_server_connect_with_the_documented_credentials(neo4j_driver, neo4j_http_url, neo4j_login, chromium_path):
    uri, user, password = neo4j_login
    bolt_url = f"bolt://{urlsplit(uri).netloc}"
    text = _in_own_thread(
        lambda: _connect_and_read(chromium_path, f"{neo4j_http_url}/browser/", bolt_url, user, password)
    )
    assert f"You are connected as user {user} to {bolt_url}" in text
