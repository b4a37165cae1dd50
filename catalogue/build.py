"""The one front door of the catalogue for a site engine: a `Build`.

    build = Build(root, docs_out, base_url)
    catalogue = build.prepare()     # validate, write the generated docs tree, start the background work
    ...                             # the engine renders docs_out into site_dir
    build.finish(site_dir)          # the search index, short links and citations join the site

`prepare` validates the entries, renders every page in every language and
mirrors them, with the authored pages of `docs/`, into the engine's
(generated, git-ignored) docs folder; the open data goes there too. An
engine that builds once per language may call it again: with nothing
changed it keeps what it has.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

from catalogue.model import vocabularies
from catalogue.model.interface import word
from catalogue.publishing.feeds import feed_link
from catalogue.pages import urls
from catalogue.pages.citation import citation_files
from catalogue.contributing.contributor_docs import expand
from catalogue.publishing.catalogue_json import catalogue_json
from catalogue.pages.docs_tree import authored_files, sync_folder, write_if_changed
from catalogue.publishing.feeds import feed_files
from catalogue.background import BackgroundJob, map_beside, write_beside
from catalogue.model.practice import Catalogue
from catalogue.publishing.open_data import open_data_files
from catalogue.publishing.permalinks import permalink_files
from catalogue.pages.render import iter_list_pages, iter_practice_pages, map_pages
from catalogue.search.facets import facet_values
from catalogue.search.index import BUNDLE, SearchIndexError, write_index
from catalogue.search.libraries import FILE as LIBRARY_SEARCH_FILE, library_search_file
from catalogue.search.page import search_pages
from catalogue.pages.sharing import image_files
from catalogue.checks.validate import load_catalogue

PACKAGE = Path(__file__).parent
DATA_FILE = "catalogue.json"


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
    base_url: str = urls.PLACEHOLDER_BASE_URL,
    only: str | None = None,
) -> Catalogue:
    """Validate `root/entries` and write the site's Markdown into `docs_out`.

    Other generated files (redirects, data) go there at their final place in
    the site; `base_url` makes the full addresses that pages and data cite.
    Raises InvalidCatalogue (and writes nothing) when an entry is invalid.
    `only`: the site of that one practice (a preview); `related` may still
    name the practices left out.
    """
    catalogue = load_catalogue(root / "entries", root, only, map_folders=map_beside)
    # Pages are written as they are rendered: thousands of them never sit in
    # memory at once. A forked child writes three practices' pages in four;
    # this process the fourth, the list pages and the data, which take about as long.
    children = write_beside(docs_out, iter_practice_pages(catalogue, _three_in_four(catalogue.practices), base_url))
    files = itertools.chain(
        _data_files(catalogue, root, base_url),
        iter_list_pages(catalogue, base_url),
        iter_practice_pages(catalogue, catalogue.practices[::4], base_url),
    )
    sync_folder(docs_out, files, written_elsewhere=children)
    return catalogue


def _three_in_four(items: list) -> list:
    """The items `items[::4]` leaves out."""
    return [item for index, item in enumerate(items) if index % 4]


def _data_files(catalogue: Catalogue, root: Path, base_url: str) -> Iterator[tuple[str, bytes | str]]:
    """The authored pages, the search and map pages, the open data, images and feeds."""
    yield from expand_markers(authored_files(root / "docs")).items()
    yield from search_pages(catalogue).items()
    yield from map_pages(catalogue, facet_values, base_url).items()
    yield DATA_FILE, catalogue_json(catalogue)
    yield from image_files(catalogue.practices, root / "entries").items()
    yield from open_data_files(catalogue, base_url, DATA_FILE).items()
    yield from feed_files(catalogue, base_url).items()


def site_files(catalogue: Catalogue, base_url: str) -> Iterator[tuple[str, str]]:
    """Files the site engine has no work with: short links, redirects, citation downloads, the libraries to search.

    Pages link to them from HTML, never from Markdown, so the engine need not
    know them; written straight into the built site, they spare it thousands
    of files to sort and copy once per language. One at a time: thousands.
    """
    yield from permalink_files(catalogue, base_url).items()
    yield from citation_files(catalogue.practices, vocabularies.languages(), base_url)
    yield LIBRARY_SEARCH_FILE, library_search_file(catalogue)


class Build:
    """One site build: the validated catalogue, its docs tree and the work beside the engine."""

    def __init__(self, root: Path, docs_out: Path, base_url: str, only: str | None = None):
        self.root, self.docs_out, self.base_url, self.only = root, docs_out, base_url, only
        self.catalogue: Catalogue | None = None
        self.last_updated: str | None = None  # the newest `updated` date: the date of pages that have none
        self._fingerprint: tuple | None = None
        self._job: BackgroundJob | None = None

    def settings(self) -> tuple:
        return (self.root, self.docs_out, self.base_url, self.only)

    def _current_fingerprint(self) -> tuple:
        entries = self.root / "entries" / self.only if self.only else self.root / "entries"
        return fingerprint(entries, self.root / "docs", PACKAGE)

    def prepare(self) -> Catalogue:
        """Validate and write the docs tree, and start the background work; raises InvalidCatalogue.

        Called again with no entry, page or code changed, it keeps the catalogue
        and the docs tree it made and only starts the background work anew
        (each built site needs its own copy of the files it makes).
        """
        self.cancel()
        current = self._current_fingerprint()
        if self.catalogue is not None and current == self._fingerprint:
            self._start(self.catalogue)
            return self.catalogue
        self.catalogue = generate_docs(self.root, self.docs_out, self.base_url, self.only)
        self.last_updated = self.catalogue.last_updated()
        self._fingerprint = current
        # Started once the pages are written: two processor threads are then
        # shared by the engine and this work, not by three processes at once.
        self._start(self.catalogue)
        return self.catalogue

    def _start(self, catalogue: Catalogue) -> None:
        base_url = self.base_url

        def make_site_files(folder: Path) -> None:
            made: set[str] = set()
            for name, content in site_files(catalogue, base_url):
                write_if_changed(str(folder), name, content, None, made)
            write_index(catalogue, folder / BUNDLE)

        self._job = BackgroundJob(make_site_files, replaced=(BUNDLE,), label="Indexing", expected=(SearchIndexError,))

    def finish(self, site_dir: Path) -> None:
        """Put the background work's files into the built site; raises BackgroundJobError."""
        job, self._job = self._job, None
        if job is not None:
            job.finish(site_dir)

    def cancel(self) -> None:
        """Stop the background work of a build that failed or was replaced."""
        job, self._job = self._job, None
        if job is not None:
            job.cancel()


# Open data at the site's root, as the footer links it: (name, file, media type).
DOWNLOADS = (
    ("JSON", DATA_FILE, "application/json"),
    ("CSV", "catalogue.csv", "text/csv"),
    ("GeoJSON", "catalogue.geojson", "application/geo+json"),
)


def footer_settings(lang: str) -> dict:
    """The words and links (from the site's root, as the theme's `url` filter takes them) of the footer in `lang`."""
    words = {key: word(f"footer.{key}", lang) for key in ("label", "licence", "data", "repository", "write", "credit")}
    return {
        **words,
        "lang": lang,
        "feed": feed_link(lang)["href"],
        "feed_label": word("footer.feed", lang),
        "downloads": [(name, path, kind) for name, path, kind in DOWNLOADS],
    }


def site_settings(lang: str) -> dict:
    """What the site engine shows around every page of `lang`: its name, navigation, feed, search box and footer."""
    return {
        "site_name": word("site_name", lang),
        "nav": [urls.nav_file(page) for page in urls.top_pages()],
        "feed": feed_link(lang),
        "search": {
            "url": urls.in_language(urls.SEARCH, lang),
            "label": word("search.label", lang),
            "placeholder": word("search.placeholder", lang),
            "button": word("search.button", lang),
        },
        "footer": footer_settings(lang),
    }
