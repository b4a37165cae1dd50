#!/usr/bin/env python3
"""Screenshots of every kind of page, in every language, on a phone and a desktop.

    python scripts/screenshots.py                 # site/ -> screenshots/ (git-ignored)
    python scripts/screenshots.py --full-page     # whole pages, not only the first screen

Serves the built site (make build) on 127.0.0.1 and opens it in Debian's
chromium at 390x844 and 1280x800: the home, a type list, a practice, a
library, the search page with a search, the contribute page and, when the
site has one, the map. Files are named <language>-<page>-<width>.png, to be
looked at before a change to the design is called done.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import SiteServer, chromium, searched  # noqa: E402

LANGUAGES = ("cs", "pl", "sk")
SIZES = {"phone": (390, 844), "desktop": (1280, 800)}
SEARCH = "?q=knihovna"


def pages(site_dir: Path) -> dict[str, str]:
    """Name -> path below a language's root, for the page kinds the site has."""
    def first(folder: str) -> str | None:
        found = sorted(path.name for path in (site_dir / folder).iterdir() if (path / "index.html").is_file()) if (site_dir / folder).is_dir() else []
        return f"{folder}/{found[0]}/" if found else None

    kinds = {
        "home": "",
        "type": first("types"),
        "practice": "practices/kacik-malucha/" if (site_dir / "practices/kacik-malucha").is_dir() else first("practices"),
        "library": first("libraries"),
        "libraries": "libraries/",
        "search": "search/" + SEARCH,
        "contribute": "contribute/",
        "map": "map/" if (site_dir / "map" / "index.html").is_file() else None,
    }
    return {name: path for name, path in kinds.items() if path is not None}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", default=str(ROOT / "site"), help="the built site (make build)")
    parser.add_argument("--output", default=str(ROOT / "screenshots"))
    parser.add_argument("--full-page", action="store_true", help="whole pages, not only the first screen")
    args = parser.parse_args(argv)
    site_dir, output = Path(args.site), Path(args.output)
    if not (site_dir / "index.html").is_file():
        print(f"{site_dir} has no built site: run make build first", file=sys.stderr)
        return 1
    output.mkdir(parents=True, exist_ok=True)
    written = 0
    with SiteServer(site_dir) as server, chromium() as browser:
        for size_name, (width, height) in SIZES.items():
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            for lang in LANGUAGES:
                prefix = "" if lang == LANGUAGES[0] else f"{lang}/"
                for name, path in pages(site_dir).items():
                    page.goto(server.url + prefix + path)
                    if name == "search":
                        searched(page, SEARCH)
                    page.wait_for_load_state("networkidle")
                    target = output / f"{lang}-{name}-{size_name}.png"
                    page.screenshot(path=str(target), full_page=args.full_page)
                    written += 1
            context.close()
    print(f"{written} screenshots in {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
