"""Bytes a reader downloads to see the results of a search, in Chromium.

The site is served over HTTP with gzip, as static hosts serve it, and
opened in headless Chromium with the cache off.

`first_results_cost` (the benchmark's figure): a link to a search
(`search/?q=…`) is opened, and every byte transferred for a request made
before the page shows its first results (the moment the search page marks
as `catalogue-results`) is counted: the page, the theme, the search script
and the index, not the facet counts that load after. The part that is not
the search index is reported apart.

`search_steps` (scripts/measure_search.py) adds what typing on an open
search page and then switching to all languages each transfer.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from .serving import serving

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# The search page (site-relative) and how to use it; the first page found is probed.
SEARCH_PAGES = ("search/index.html",)
FIRST_RESULT = "[data-search-results] > li, .pagefind-ui__result"
BUNDLE_PATH = "/pagefind/"
DEFAULT_QUERY = "knihovna"
RESULTS_SHOWN = "performance.timeOrigin + performance.getEntriesByName('catalogue-results')[0].startTime"
TIMEOUT_MS = 60_000


@dataclass
class SearchCost:
    first_results: int  # bytes transferred (gzip, as static hosts serve) until the first result shows
    page: int  # of which the page, its theme and scripts: everything but the search index
    page_path: str


class ProbeUnavailable(RuntimeError):
    """Chromium or Playwright is missing."""


def search_page(site: Path) -> str | None:
    return next((page for page in SEARCH_PAGES if (site / page).is_file()), None)


def _playwright():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as missing:
        raise ProbeUnavailable("the Python package playwright is not installed (pip install -r requirements-dev.txt)") from missing
    if not os.path.exists(CHROMIUM):
        raise ProbeUnavailable(f"{CHROMIUM} is missing (scripts/install_browser.sh installs it)")
    return sync_playwright


def _transferred(request) -> int:
    """Bytes on the wire: the (compressed) body and the headers of the response."""
    try:
        sizes = request.sizes()
    except Exception:  # noqa: BLE001 - a request that failed or was cancelled moved nothing worth counting
        return 0
    return sizes["responseBodySize"] + sizes["responseHeadersSize"]


def _shown(page, query_string: str) -> None:
    """Wait until the search page shows the results of `query_string` ("?q=…")."""
    page.wait_for_function(
        "expected => document.querySelector('[data-search-form]')?.dataset.searched === expected",
        arg=query_string,
        timeout=TIMEOUT_MS,
    )


def _bytes_during(context, action) -> tuple[int, int]:
    """Bytes transferred while `action()` runs, workers' requests included: (all, search index)."""
    requested = []

    def record(request) -> None:
        requested.append(request)

    context.on("request", record)
    try:
        action()
        # The sizes of a response are known once it has been read whole.
        next(iter(context.pages)).wait_for_load_state("networkidle", timeout=TIMEOUT_MS)
    finally:
        context.remove_listener("request", record)
    sizes = [(request.url, _transferred(request)) for request in requested]
    return sum(size for _, size in sizes), sum(size for url, size in sizes if BUNDLE_PATH in url)


def search_steps(site: Path, search_path: str = "search/", query: str = DEFAULT_QUERY) -> dict[str, tuple[int, int]]:
    """Bytes (all, of the search index) of three steps: opening a shared link, typing, all languages."""
    sync_playwright = _playwright()
    with_query = "?" + urlencode({"q": query})
    steps = {}
    with serving(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context()
            page = context.new_page()
            steps["link"] = _bytes_during(context, lambda: (page.goto(base + search_path + with_query, timeout=TIMEOUT_MS),
                                                            _shown(page, with_query)))
            context.close()
            context = browser.new_context()
            page = context.new_page()
            page.goto(base + search_path, timeout=TIMEOUT_MS)
            page.wait_for_load_state("networkidle", timeout=TIMEOUT_MS)
            steps["typing"] = _bytes_during(context, lambda: (page.fill("#search-query", query), _shown(page, with_query)))
            all_languages = "?" + urlencode({"q": query, "lang": "all"})
            steps["all"] = _bytes_during(context, lambda: (page.check('input[name="lang"][value="all"]'),
                                                           _shown(page, all_languages)))
            context.close()
        finally:
            browser.close()
    return steps


def first_results_cost(site: Path, query: str = DEFAULT_QUERY) -> SearchCost | None:
    """What the first results of `query` cost from a cold cache; None when the site has no search page."""
    page_path = search_page(site)
    if page_path is None:
        return None
    sync_playwright = _playwright()
    requested = []  # every request, the search worker's included

    with serving(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context()  # a new context: an empty cache
            context.on("request", lambda request: requested.append(request))
            page = context.new_page()
            # A shared link to a search: the page, the theme, the search script and index.
            page.goto(base + page_path.removesuffix("index.html") + "?" + urlencode({"q": query}), timeout=TIMEOUT_MS)
            page.wait_for_selector(FIRST_RESULT, state="visible", timeout=TIMEOUT_MS)
            page.wait_for_load_state("networkidle", timeout=TIMEOUT_MS)
            # The search page marks the moment its first results are shown (search.js).
            shown = page.evaluate(RESULTS_SHOWN)
            sizes = [(request.url, _transferred(request)) for request in requested if request.timing["startTime"] <= shown]
        finally:
            browser.close()
    total = sum(size for _, size in sizes)
    page_bytes = sum(size for url, size in sizes if BUNDLE_PATH not in url)
    return SearchCost(first_results=total, page=page_bytes, page_path=page_path)
