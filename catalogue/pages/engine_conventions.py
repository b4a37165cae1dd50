"""What the generated docs tree follows because of the site engine, in one place.

The rest of the catalogue speaks of pages and languages; only these names
know that MkDocs with static-i18n (suffix layout) and the Material theme
read the tree. Another engine would change this module, and the adapter.
"""

from __future__ import annotations

# Material's front matter for pages that need neither the navigation nor the contents sidebar.
WITHOUT_SIDEBARS = {"hide": ["navigation", "toc"]}


def source_file(page: str, lang: str) -> str:
    """The Markdown file that becomes `page` in `lang`: static-i18n's suffix layout (`about.pl.md`)."""
    stem = page.rstrip("/") or "index"
    return f"{stem}.{lang}.md"
