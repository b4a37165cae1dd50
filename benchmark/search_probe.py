"""Bytes a reader downloads to see the first results of a search, in Chromium.

The site is served over HTTP and the search page opened in headless
Chromium with the cache off. Counted: every response of the search bundle
(`pagefind/`), whenever it was requested, and every other response
requested from the moment the query is typed until the first result shows.
The search page itself (HTML, theme CSS and scripts) is reported apart.
"""

from __future__ import annotations

import contextlib
import functools
import os
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# The search page (site-relative) and how to use it; the first page found is probed.
SEARCH_PAGES = ("search/index.html",)
QUERY_INPUT = "input[type=search], .pagefind-ui__search-input"
FIRST_RESULT = "[data-search-results] > li, .pagefind-ui__result"
BUNDLE_PATH = "/pagefind/"
DEFAULT_QUERY = "knihovna"
TIMEOUT_MS = 60_000


@dataclass
class SearchCost:
    first_results: int  # bytes: the bundle, and whatever the query fetched
    page: int  # bytes of the search page itself before the query
    page_path: str


class ProbeUnavailable(RuntimeError):
    """Chromium or Playwright is missing."""


def search_page(site: Path) -> str | None:
    return next((page for page in SEARCH_PAGES if (site / page).is_file()), None)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serving(site: Path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _playwright():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as missing:
        raise ProbeUnavailable("the Python package playwright is not installed (pip install -r requirements-dev.txt)") from missing
    if not os.path.exists(CHROMIUM):
        raise ProbeUnavailable(f"{CHROMIUM} is missing (scripts/install_browser.sh installs it)")
    return sync_playwright


def first_results_cost(site: Path, query: str = DEFAULT_QUERY) -> SearchCost | None:
    """What the first results of `query` cost; None when the site has no search page."""
    page_path = search_page(site)
    if page_path is None:
        return None
    sync_playwright = _playwright()
    requests: dict[str, dict] = {}
    phase = {"now": "page"}

    def sent(event):
        requests[event["requestId"]] = {"url": event["request"]["url"], "phase": phase["now"], "bytes": 0}

    def finished(event):
        if event["requestId"] in requests:
            requests[event["requestId"]]["bytes"] = event["encodedDataLength"]

    with serving(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            network = page.context.new_cdp_session(page)
            network.send("Network.enable")
            network.send("Network.setCacheDisabled", {"cacheDisabled": True})
            network.on("Network.requestWillBeSent", sent)
            network.on("Network.loadingFinished", finished)
            page.goto(base + page_path.removesuffix("index.html"), wait_until="networkidle", timeout=TIMEOUT_MS)
            phase["now"] = "query"
            page.fill(QUERY_INPUT, query, timeout=TIMEOUT_MS)
            page.press(QUERY_INPUT, "Enter")
            page.wait_for_selector(FIRST_RESULT, state="visible", timeout=TIMEOUT_MS)
            phase["now"] = "after"
            page.wait_for_load_state("networkidle", timeout=TIMEOUT_MS)
        finally:
            browser.close()
    counted = [r for r in requests.values() if r["phase"] == "query" or (BUNDLE_PATH in r["url"] and r["phase"] != "after")]
    page_bytes = sum(r["bytes"] for r in requests.values() if r["phase"] == "page" and BUNDLE_PATH not in r["url"])
    return SearchCost(first_results=sum(r["bytes"] for r in counted), page=page_bytes, page_path=page_path)
