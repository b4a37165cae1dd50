"""Where every page of the site lives, and links between them.

Paths are relative to the site root and end with "/", as MkDocs writes
them with directory URLs. The default language sits at the root, the
others under "<lang>/"; below that prefix every language has the same tree.
"""

from __future__ import annotations

import posixpath

from catalogue.model.vocabularies import default_language

HOME = ""
# Where the site is published, unless the engine says otherwise (mkdocs.yml's site_url).
PLACEHOLDER_BASE_URL = "https://library-cooperation.example/"


def type_page(type_id: str) -> str:
    return f"types/{type_id}/"


def practice_page(slug: str) -> str:
    return f"practices/{slug}/"


LIBRARIES = "libraries/"


def library_page(slug: str) -> str:
    return f"{LIBRARIES}{slug}/"


def short_link(slug: str) -> str:
    """The language-neutral link of a practice: it picks the reader's language."""
    return f"p/{slug}/"


def absolute(base_url: str, path: str) -> str:
    """`path` (relative to the site root) as a full address under `base_url`."""
    return base_url.rstrip("/") + "/" + path


def in_language(page: str, lang: str) -> str:
    """`page` of `lang`, relative to the site root."""
    return page if lang == default_language() else f"{lang}/{page}"


def link(from_page: str, to_page: str) -> str:
    """A relative link between two root-relative directory URLs."""
    # posixpath.relpath would do, but this runs for every card of every list.
    source, target = from_page.split("/")[:-1] if from_page else [], to_page.split("/")[:-1] if to_page else []
    common = 0
    while common < min(len(source), len(target)) and source[common] == target[common]:
        common += 1
    parts = [".."] * (len(source) - common) + target[common:]
    return "/".join(parts) + "/" if parts else "./"


ABOUT = "about/"
MAP = "map/"
CONTRIBUTE = "contribute/"
SEARCH = "search/"
# The search page's script, relative to the site root.
SEARCH_SCRIPT = "assets/search/search.js"


def file_link(from_page: str, to_file: str) -> str:
    """A relative link from a directory URL to a file."""
    return posixpath.relpath(to_file, from_page or ".")


def top_pages() -> list[str]:
    """The pages of the navigation: home, the cooperation types, libraries, the map, about, how to contribute."""
    from catalogue.model.vocabularies import ids

    return [HOME, *(type_page(type_id) for type_id in ids("type")), LIBRARIES, MAP, ABOUT, CONTRIBUTE]


def nav_file(page: str) -> str:
    """The language-neutral Markdown name of `page`, as a nav entry names it."""
    return (page.rstrip("/") or "index") + ".md"
