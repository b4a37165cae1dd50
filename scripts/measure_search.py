#!/usr/bin/env python3
"""How many bytes a reader's browser fetches before seeing search results.

    python scripts/measure_search.py site/                  # the built site
    python scripts/measure_search.py site/ --lang pl --query biblioteka

Serves the built site on 127.0.0.1 and opens it in headless chromium with
an empty cache, then reports the body bytes of every response (as sent by
this plain server: HTML, CSS and JS uncompressed, the index files gzipped):

Each figure is given twice: as this server sends it, and with the text
files (HTML, CSS, JS, JSON) gzipped as static hosts such as GitHub Pages send them.

- link:   opening a shared link search/?q=QUERY, from navigation to the first results;
- typing: on the open search page (all loaded), from typing QUERY to its first results;
- all:    then switching to "all languages", to its first results.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent

from catalogue.pages import urls
from tests.browser import SiteServer, chromium, searched, transferred


TIMEOUT_MS = 120_000  # a large catalogue on a busy machine
TEXT_FILES = (".html", "/", ".css", ".js", ".json", ".xml")


def size(url: str, body: bytes, gzipped: bool) -> int:
    """The body's bytes; `gzipped`: as a host that compresses text files sends it."""
    path = urlsplit(url).path
    if gzipped and path.endswith(TEXT_FILES) and body:
        return min(len(body), len(gzip.compress(body, compresslevel=6)))
    return len(body)


def kilobytes(responses, gzipped: bool = False) -> float:
    return sum(size(url, body, gzipped) for url, body in responses) / 1000


def search_part(responses):
    """The responses of the search machinery (index, Pagefind, the page's script)."""
    return [(url, body) for url, body in responses if "/pagefind/" in url or "/assets/search/" in url]


def measure(browser, base_url: str, lang: str, query: str) -> dict[str, list[tuple[str, bytes]]]:
    page_url = base_url + urls.in_language(urls.SEARCH, lang)
    with_query = "?" + urlencode({"q": query})
    results = {}

    context = browser.new_context()
    page = context.new_page()
    results["link"] = transferred(page, lambda: (page.goto(page_url + with_query), searched(page, with_query, timeout=TIMEOUT_MS)))
    context.close()

    context = browser.new_context()
    page = context.new_page()
    page.goto(page_url)
    searched(page, "", "counted", timeout=TIMEOUT_MS)

    def type_query():
        page.fill("#search-query", query)
        searched(page, with_query, timeout=TIMEOUT_MS)

    results["typing"] = transferred(page, type_query)

    def all_languages():
        page.check('input[name="lang"][value="all"]')
        searched(page, "?" + urlencode({"q": query, "lang": "all"}), timeout=TIMEOUT_MS)

    results["all"] = transferred(page, all_languages)
    context.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path)
    parser.add_argument("--lang", default="cs")
    parser.add_argument("--query", default="knihovna")
    parser.add_argument("--verbose", action="store_true", help="list every response")
    args = parser.parse_args()
    with SiteServer(args.site) as server, chromium() as browser:
        results = measure(browser, server.url, args.lang, args.query)
    for name, responses in results.items():
        search = search_part(responses)
        print(
            f"{name:7} {kilobytes(responses):7.1f} KB ({kilobytes(responses, True):6.1f} KB gzipped) "
            f"in {len(responses):2} responses; search machinery {kilobytes(search):7.1f} KB "
            f"({kilobytes(search, True):6.1f} KB gzipped)"
        )
        if args.verbose:
            for url, body in responses:
                print(f"        {len(body):9} {size(url, body, True):9} {urlsplit(url).path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
