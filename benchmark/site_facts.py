"""What a built site weighs: pages, bytes, the largest pages, the search index."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from catalogue.model import vocabularies

PRACTICE_PAGES = "practices/"
# Pages that list practices: the home and everything under these folders.
LIST_FOLDERS = ("types/", "libraries/")
SEARCH_BUNDLE = "pagefind"


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
    return SiteFacts(
        pages=len(html),
        bytes=folder_size(site),
        largest_practice=_largest(practices),
        largest_list=_largest(lists),
        search_index=folder_size(bundle) if bundle.is_dir() else None,
    )
