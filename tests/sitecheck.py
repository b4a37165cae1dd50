"""Reading a built site: pages, their links and anchors."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.lang: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "name" in attrs:
            self.ids.add(attrs["name"])
        for name in ("href", "src"):
            if attrs.get(name) and not (tag == "link" and attrs.get("rel") in ("canonical", "alternate")):
                self.links.append(attrs[name])


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def target_of(site: Path, page: Path, link: str) -> tuple[Path, str] | None:
    """The file an internal link leads to, with its fragment; None for external links."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith(("mailto:", "tel:", "javascript:", "data:")):
        return None
    base = page.relative_to(site).parent.as_posix()
    if not parts.path:
        return page, parts.fragment
    path = unquote(parts.path)
    # Root-relative links (the 404 page has them) count from the site root.
    resolved = posixpath.normpath(path.lstrip("/") if path.startswith("/") else posixpath.join(base, path))
    target = site / resolved
    if parts.path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def broken_links(site: Path) -> list[str]:
    """Every internal link or anchor in the site that leads nowhere."""
    parsed = {page: parse(page) for page in pages(site)}
    broken = []
    for page, parser in parsed.items():
        for link in parser.links:
            found = target_of(site, page, link)
            if found is None:
                continue
            target, fragment = found
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: {link}")
            elif fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else parse(target).ids
                if fragment not in ids:
                    broken.append(f"{page.relative_to(site)}: {link} (no anchor)")
    return broken
