"""Browser tests' tools: Debian's chromium driven by Playwright, a built site on loopback.

Without chromium or Playwright the browser tests are skipped on a
developer's machine and fail under CI=true, where they must run.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def _executable() -> str | None:
    return CHROMIUM if Path(CHROMIUM).is_file() else shutil.which("chromium")


def require_browser() -> None:
    """Skip (or, under CI, fail) when the browser tests cannot run here."""
    missing = []
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the Python package playwright (requirements-dev.txt)")
    if not _executable():
        missing.append(f"chromium at {CHROMIUM} (scripts/install_browser.sh)")
    if missing:
        reason = "browser tests need " + " and ".join(missing)
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextmanager
def static_server(folder: Path) -> Iterator[str]:
    """Serve `folder` on a free loopback port; yields its base URL, ending in '/'."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@contextmanager
def chromium():
    """A headless chromium; call require_browser() first."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_executable(), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def page_urls(site: Path) -> list[str]:
    """Every HTML page of `site`, as a path relative to its root ('' for the home)."""
    urls = []
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        urls.append(relative[: -len("index.html")] if relative.endswith("index.html") else relative)
    return urls


@contextmanager
def served_site(site: Path):
    """A chromium and the URL of `site` served on loopback."""
    require_browser()
    with static_server(site) as base, chromium() as browser:
        yield browser, base


def visit_all(site: Path, inspect, concurrency: int = 4) -> dict:
    """`inspect(page, url)` (a coroutine) on every page of `site`, a few tabs at a time.

    Returns {url: what inspect returned}. Several tabs keep the wait for an
    idle network, which every page needs, from adding up page after page.
    """
    import asyncio

    from playwright.async_api import async_playwright

    require_browser()
    urls = page_urls(site)

    async def run(base: str) -> dict:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=_executable(), args=CHROMIUM_ARGS)
            slots = asyncio.Semaphore(concurrency)

            async def one(url: str):
                async with slots:
                    page = await browser.new_page()
                    try:
                        return url, await inspect(page, base, url)
                    finally:
                        await page.close()

            try:
                return dict(await asyncio.gather(*(one(url) for url in urls)))
            finally:
                await browser.close()

    with static_server(site) as base:
        return asyncio.run(run(base))
