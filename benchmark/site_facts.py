"""What a built site weighs: pages, bytes, the largest pages, the search index, the map."""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from pathlib import Path

from catalogue.model import vocabularies

PRACTICE_PAGES = "practices/"
# Pages that list practices: the home and everything under these folders.
LIST_FOLDERS = ("types/", "libraries/")
SEARCH_BUNDLE = "pagefind"
MAP_PAGE = "map/"
LOCATOR = re.compile(rb'<figure class="map-locator">.*?</figure>', re.S)


@dataclass
class Page:
    path: str  # site-relative, e.g. pl/types/event/
    size: int


@dataclass
class SiteFacts:
    pages: int
    bytes: int
    largest_practice: Page | None
    largest_list: Page | None
    search_index: int | None  # bytes of the search bundle; None when the site has none
    map_page: Page | None = None  # the heaviest map page of the languages, gzipped
    locator: Page | None = None  # the practice page whose locator map adds the most gzipped bytes: that many


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, 9, mtime=0))


def locator_overhead(html: bytes) -> int:
    """What the locator map adds to a page, gzipped: the page against the page without it."""
    without = LOCATOR.sub(b"", html)
    return 0 if without == html else gzipped(html) - gzipped(without)


def _language_neutral(path: str) -> str:
    """`pl/types/event/` -> `types/event/`: every language has the same tree."""
    first, _, rest = path.partition("/")
    return rest if first in vocabularies.languages() else path


def _largest(pages: list[Page]) -> Page | None:
    return max(pages, key=lambda page: (page.size, page.path), default=None)


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def site_facts(site: Path) -> SiteFacts:
    html = []
    for path in site.rglob("*.html"):
        relative = path.relative_to(site).as_posix()
        html.append(Page(relative.removesuffix("index.html"), path.stat().st_size))
    practices = [page for page in html if _language_neutral(page.path).startswith(PRACTICE_PAGES)]
    lists = [
        page
        for page in html
        if _language_neutral(page.path) == "" or _language_neutral(page.path).startswith(LIST_FOLDERS)
    ]
    bundle = site / SEARCH_BUNDLE
    maps = [
        Page(page.path, gzipped((site / page.path / "index.html").read_bytes()))
        for page in html
        if _language_neutral(page.path) == MAP_PAGE
    ]
    locators = [Page(page.path, locator_overhead((site / page.path / "index.html").read_bytes())) for page in practices]
    return SiteFacts(
        pages=len(html),
        bytes=folder_size(site),
        largest_practice=_largest(practices),
        largest_list=_largest(lists),
        search_index=folder_size(bundle) if bundle.is_dir() else None,
        map_page=_largest(maps),
        locator=_largest(locators),
    )
