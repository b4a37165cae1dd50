"""From the project folder to the files a site engine builds from.

`generate_docs` validates the entries, renders every page in every
language and mirrors them, with the authored pages of `docs/`, into the
engine's (generated, git-ignored) docs folder.
The open data (`catalogue.json`) goes there too, as a static file.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from . import site, vocabularies
from .citation import citation_files
from .contributor_docs import expand
from .data_export import catalogue_json
from .docs_tree import authored_files, sync_folder
from .feeds import feed_files
from .forked import write_beside
from .model import Catalogue
from .open_data import open_data_files
from .permalinks import permalink_files
from .render import iter_list_pages, iter_practice_pages
from .search_page import search_pages
from .sharing import image_files
from .validate import load_catalogue

PACKAGE = Path(__file__).parent
DATA_FILE = "catalogue.json"
_last: dict = {}


def fingerprint(*folders: Path) -> tuple:
    """Names, sizes and times of every file below `folders`: cheap to take."""
    seen = []
    for folder in folders:
        for base, dirs, files in os.walk(folder):
            dirs.sort()
            for name in sorted(files):
                stat = os.stat(os.path.join(base, name))
                seen.append((base, name, stat.st_size, stat.st_mtime_ns))
    return tuple(seen)


def expand_markers(files: dict[str, bytes]) -> dict[str, bytes | str]:
    """Authored pages (`name.<lang>.md`) with their generated parts put in."""
    expanded: dict[str, bytes | str] = dict(files)
    for name, data in files.items():
        lang = name.rsplit(".", 2)[-2] if name.count(".") >= 2 else None
        if name.endswith(".md") and lang in vocabularies.languages() and b"<!-- catalogue:" in data:
            expanded[name] = expand(data.decode("utf-8"), lang)
    return expanded


def generate_docs(
    root: Path,
    docs_out: Path,
    base_url: str = site.PLACEHOLDER_BASE_URL,
    only: str | None = None,
    on_loaded: Callable[[Catalogue], None] | None = None,
) -> Catalogue:
    """Validate `root/entries` and write the site's Markdown into `docs_out`.

    Other generated files (redirects, data) go there at their final place in
    the site; `base_url` makes the full addresses that pages and data cite.

    Raises InvalidCatalogue (and writes nothing) when an entry is invalid.
    The site engine calls this once per language: when nothing changed
    since the last call, it returns the catalogue it already has.
    `only`: the site of that one practice (a preview); `related` may still
    name the practices left out.
    """
    entries = root / "entries" / only if only else root / "entries"
    key = (docs_out, base_url, only, fingerprint(entries, root / "docs", PACKAGE))
    if _last.get("key") == key:
        return _last["catalogue"]
    catalogue = load_catalogue(root / "entries", root, only)
    if on_loaded is not None:
        on_loaded(catalogue)  # before the pages: work forked from here copies less memory
    data: dict[str, bytes | str] = expand_markers(authored_files(root / "docs"))
    data.update(search_pages(catalogue))
    data[DATA_FILE] = catalogue_json(catalogue)
    data.update(image_files(catalogue.practices, root / "entries"))
    data.update(open_data_files(catalogue, base_url, DATA_FILE))
    data.update(feed_files(catalogue, base_url))
    # Pages are written as they are rendered: thousands of them never sit in
    # memory at once. A forked child writes every other practice's pages.
    children = write_beside(docs_out, iter_practice_pages(catalogue, catalogue.practices[1::2], base_url))
    files = itertools.chain(
        data.items(), iter_list_pages(catalogue, base_url), iter_practice_pages(catalogue, catalogue.practices[::2], base_url)
    )
    sync_folder(docs_out, files, written_elsewhere=children)
    _last.update(key=key, catalogue=catalogue)
    return catalogue


def site_files(catalogue: Catalogue, base_url: str) -> Iterator[tuple[str, str]]:
    """Files the site engine has no work with: short links, redirects, citation downloads.

    Pages link to them from HTML, never from Markdown, so the engine need not
    know them; written straight into the built site, they spare it thousands
    of files to sort and copy once per language. One at a time: thousands.
    """
    yield from permalink_files(catalogue, base_url).items()
    yield from citation_files(catalogue.practices, vocabularies.languages(), base_url)
