"""Real-browser helpers: a built site served on 127.0.0.1, and Debian's chromium.

    from .browser import SiteServer, chromium, BrowserUnavailable

Under CI=true a missing chromium or Playwright is a failure, never a skip
(see `require_browser`). Module-scoped fixtures in tests/conftest.py use these.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


class BrowserUnavailable(RuntimeError):
    """Chromium or Playwright is missing."""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class names it so
        pass


class SiteServer:
    """A static server for `folder` on a free port of 127.0.0.1, in a thread."""

    def __init__(self, folder: Path):
        handler = functools.partial(_QuietHandler, directory=str(folder))
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> SiteServer:
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


def missing_browser() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the Python package playwright is not installed (pip install -r requirements-dev.txt)"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (scripts/install_browser.sh installs it)"
    return None


def require_browser() -> None:
    """Skip the calling test without a browser; under CI=true, fail instead."""
    import pytest

    reason = missing_browser()
    if reason is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"Browser tests cannot run: {reason}", pytrace=False)
    pytest.skip(f"Browser tests skipped: {reason}")


@contextmanager
def chromium():
    """A headless Debian chromium driven by Playwright."""
    reason = missing_browser()
    if reason:
        raise BrowserUnavailable(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def searched(page, query_string: str, mark: str = "searched", timeout: float = 20000) -> None:
    """Wait until the search page shows the results of `query_string` ("?q=…" or "").

    `mark="counted"` waits for the facet counts as well, which come after.
    """
    page.wait_for_function(
        "([mark, expected]) => document.querySelector('[data-search-form]')?.dataset[mark] === expected",
        arg=[mark, query_string],
        timeout=timeout,
    )


def transferred(page, action) -> list[tuple[str, bytes]]:
    """(url, body) of every response while `action()` runs, workers' included."""
    responses = []

    def record(response):
        responses.append(response)

    page.on("response", record)
    try:
        action()
    finally:
        page.remove_listener("response", record)
    return [(response.url, _body(response)) for response in responses]


def _body(response) -> bytes:
    try:
        return response.body()
    except Exception:  # noqa: BLE001 - a redirect or an aborted request has none
        return b""


def page_urls(site: Path) -> list[str]:
    """Every HTML page of `site`, as a path relative to its root ('' for the home)."""
    urls = []
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        urls.append(relative[: -len("index.html")] if relative.endswith("index.html") else relative)
    return urls


def visit_all(site: Path, inspect, concurrency: int = 4) -> dict:
    """`inspect(page, base, url)` (a coroutine) on every page of `site`, a few tabs at a time.

    Returns {url: what inspect returned}. Several tabs keep the wait for an
    idle network, which every page needs, from adding up page after page.
    """
    import asyncio

    require_browser()
    from playwright.async_api import async_playwright

    async def run(base: str) -> dict:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            slots = asyncio.Semaphore(concurrency)

            async def one(url: str):
                async with slots:
                    page = await browser.new_page()
                    try:
                        return url, await inspect(page, base, url)
                    finally:
                        await page.close()

            try:
                return dict(await asyncio.gather(*(one(url) for url in page_urls(site))))
            finally:
                await browser.close()

    # In a thread of its own: the session's synchronous browser owns this one.
    with SiteServer(site) as server, ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, run(server.url)).result()
