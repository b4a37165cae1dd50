#!/usr/bin/env python3
"""How many bytes a reader's browser fetches for a search, step by step.

    python scripts/measure_search.py site/                  # the built site
    python scripts/measure_search.py site/ --lang pl --query biblioteka

Serves the built site with gzip on 127.0.0.1, as static hosts do, and opens
it in headless chromium with an empty cache (benchmark/search_probe.py):

- link:   opening a shared link search/?q=QUERY, until its results show;
- typing: on the open search page, from typing QUERY to its results;
- all:    then switching to "all languages", to its results.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from benchmark.search_probe import DEFAULT_QUERY, search_steps
from catalogue.pages import urls


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path)
    parser.add_argument("--lang", default="cs")
    parser.add_argument("--query", default=DEFAULT_QUERY)
    args = parser.parse_args(argv)
    steps = search_steps(args.site, urls.in_language(urls.SEARCH, args.lang), args.query)
    for name, (total, index) in steps.items():
        print(f"{name:7} {total / 1000:8.1f} KB transferred, of which the search index {index / 1000:8.1f} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
