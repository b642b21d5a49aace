"""Browser tests: a real uvicorn serving the API on a free loopback port, driven by headless Chromium.

Chromium is Debian's (``/usr/bin/chromium``, or ``POLICYKG_CHROMIUM``) driven through Playwright's
Python package; Playwright never downloads a browser here. Without Chromium the tests skip with a
message, and fail when ``POLICYKG_REQUIRE_BROWSER=1`` (the root conftest turns the skip into a
failure). Every test saves a screenshot under ``tests/artifacts/``; a failing test prints its path.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from live_server import LiveServer

from policykg.api.app import create_app
from policykg.api.settings import Settings

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
VIEWPORT = {"width": 1440, "height": 860}


def chromium_path() -> str | None:
    """The Chromium executable to drive, or None when there is none."""
    configured = os.environ.get("POLICYKG_CHROMIUM")
    if configured:
        return configured if Path(configured).exists() else None
    return shutil.which("chromium") or (str(Path("/usr/bin/chromium")) if Path("/usr/bin/chromium").exists() else None)


@pytest.fixture(scope="session")
def embedded_api(sample_records, tmp_path_factory) -> Iterator[LiveServer]:
    """The API over an embedded store (a temp file) holding the sample corpus."""
    from policykg.graph.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path_factory.mktemp("browser") / "graph.json")
    store.load(sample_records)
    with LiveServer(create_app(Settings(), store=store)) as server:
        yield server
    store.close()


@pytest.fixture(scope="session")
def neo4j_api(sample_records, neo4j_driver, neo4j_sample_store) -> Iterator[LiveServer]:
    """The API over the real Neo4j (emptied, then loaded with the sample corpus)."""
    store = neo4j_sample_store(neo4j_driver, sample_records)
    with LiveServer(create_app(Settings(backend="neo4j"), store=store)) as server:
        yield server
    store.close()


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    """A headless Debian Chromium driven by Playwright (skips without one)."""
    path = chromium_path()
    if path is None:
        pytest.skip("no Chromium: install Debian's (apt-get install chromium fonts-noto-cjk) "
                    "or set POLICYKG_CHROMIUM")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        pytest.skip(f"the playwright Python package is not installed ({exc})")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """Keep each phase's report on the item so the page fixture knows whether the test failed."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture()
def page(chromium, request) -> Iterator[object]:
    """A fresh page (downloads allowed); its screenshot is saved after the test, path printed on failure."""
    context = chromium.new_context(viewport=VIEWPORT, accept_downloads=True, locale="zh-CN")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.js_errors = errors
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / f"{request.node.name.replace('/', '_')}.png"
    try:
        page.screenshot(path=str(shot), full_page=False)
    finally:
        context.close()
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        print(f"\nscreenshot of the failing page: {shot}")
