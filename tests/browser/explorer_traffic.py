"""How much the explorer asks the API for, as the graph grows (a measurement, not a test).

Builds an embedded store from the synthetic corpus (``benchmarks/synth.py``) at the given scales,
serves it with uvicorn, and drives the explorer in headless Chromium through one session: load the
page, search 引导基金, open the first fund, expand its first recommendation, open the overlap view.
It prints, per scale, the graph's size and the API requests and bytes the page used; the page
should ask for about the same at every scale because it fetches only what it shows.

    python tests/browser/explorer_traffic.py --scales 1 10
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def _module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def build_store(scale: int, workdir: Path):
    """An embedded store holding the synthetic corpus at `scale`."""
    from policykg.extract.ingest import read_paths
    from policykg.extract.pipeline import annotate
    from policykg.graph.embedded import EmbeddedStore

    synth = _module("policykg_synth", ROOT / "benchmarks" / "synth.py")
    pages = synth.write(workdir / f"pages-{scale}", scale)
    store = EmbeddedStore(workdir / f"graph-{scale}.json")
    store.load(annotate(read_paths(pages).records))
    return store


def session(browser, url: str) -> Counter:
    """One explorer session; bytes and requests per API path."""
    traffic: Counter = Counter()

    def count(response) -> None:
        path = urlparse(response.url).path
        if path.startswith("/static") or path == "/explore":
            return
        traffic[f"{path.split('/')[1]} requests"] += 1
        traffic[f"{path.split('/')[1]} bytes"] += len(response.body())

    page = browser.new_page(viewport={"width": 1440, "height": 860})
    page.on("response", count)
    page.goto(f"{url}/explore")
    page.fill("#search-input", "引导基金")
    page.click("#search-form button[type=submit]")
    page.wait_for_selector('.result-group[data-type="Fund"] .result')
    page.locator('.result-group[data-type="Fund"] .result').first.click()
    page.wait_for_function("cy.nodes().length > 1")
    page.wait_for_selector(".ev-sentence")
    page.evaluate("cy.nodes('[type = \"Recommendation\"]')[0].emit('tap'); null")
    page.wait_for_function("cy.nodes('.expanded').length > 1")
    page.wait_for_load_state("networkidle")
    page.click('.tab[data-view="overlap-view"]')
    page.wait_for_selector("#proposer-picker .chip")
    page.wait_for_load_state("networkidle")
    traffic["nodes drawn"] = page.evaluate("cy.nodes().length")
    page.close()
    return traffic


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10])
    args = parser.parse_args(argv)
    sys.path[:0] = [str(HERE), str(HERE.parent)]  # the browser suite's conftest and tests/live_server.py
    from conftest import CHROMIUM_ARGS, chromium_path
    from live_server import LiveServer
    from playwright.sync_api import sync_playwright

    from policykg.api.app import create_app
    from policykg.api.settings import Settings

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for scale in args.scales:
            store = build_store(scale, Path(tmp))
            counts = store.counts()
            nodes = sum(n for label, n in counts["nodes"].items()
                        if label in ("Document", "Speech", "Body", "Person", "Recommendation", "Entity", "Concept"))
            with LiveServer(create_app(Settings(), store=store)) as server:
                traffic = session(browser, server.url)
            store.close()
            total = sum(v for k, v in traffic.items() if k.endswith("bytes"))
            calls = sum(v for k, v in traffic.items() if k.endswith("requests"))
            print(f"scale {scale:>5}: graph {nodes} nodes, {sum(counts['relationships'].values())} relationships;"
                  f" session {calls} API requests, {total / 1024:.1f} KiB, {traffic['nodes drawn']} nodes drawn")
            for key in sorted(k for k in traffic if k.endswith("bytes")):
                name = key.removesuffix(" bytes")
                print(f"    {name:<12} {traffic[name + ' requests']:>3} requests {traffic[key] / 1024:>9.1f} KiB")
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
