"""Reading a built site: pages, their links, anchors, images and languages."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Where a page may lead to another language: the theme's language switcher,
# the "other languages" list of a practice and the notice of a missing
# translation; and any link that says so with hreflang (the short links).
LANGUAGE_LINK_CLASSES = {"md-select__link", "other-languages", "fallback-notice"}
# Links that make the browser fetch something, as opposed to links a reader follows.
FETCHING_RELS = {"stylesheet", "icon", "preload", "prefetch", "preconnect", "dns-prefetch", "modulepreload", "manifest"}


@dataclass(frozen=True)
class Link:
    url: str
    tag: str
    attribute: str
    language_link: bool  # inside a place allowed to lead to another language


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.all_links: list[Link] = []
        self.ids: set[str] = set()
        self.lang: str | None = None
        self._open: list[tuple[str, bool]] = []  # open elements: (tag, is a language-link place)

    def _in_language_place(self) -> bool:
        return any(allowed for _, allowed in self._open)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = set((attrs.get("class") or "").split())
        allowed = bool(classes & LANGUAGE_LINK_CLASSES)
        if tag == "html":
            self.lang = attrs.get("lang")
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "name" in attrs:
            self.ids.add(attrs["name"])
        rel = attrs.get("rel") or ""
        inside = allowed or self._in_language_place() or (tag == "a" and "hreflang" in attrs)
        for name in ("href", "src", "poster"):
            if attrs.get(name) and not (tag == "link" and rel in ("canonical", "alternate")):
                self.links.append(attrs[name])
                self.all_links.append(Link(attrs[name], tag, f"rel={rel}" if tag == "link" else name, inside))
        for candidate in (attrs.get("srcset") or "").split(","):
            if candidate.strip():
                self.all_links.append(Link(candidate.split()[0], tag, "srcset", inside))
        if tag not in VOID:
            self._open.append((tag, allowed))

    def handle_endtag(self, tag):
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                del self._open[index:]
                break


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


def missing_images(site: Path) -> list[str]:
    """Every image, icon or srcset candidate of a page whose file is missing."""
    missing = []
    for page in pages(site):
        for link in parse(page).all_links:
            is_image = link.tag in ("img", "source", "video") or link.attribute in ("srcset", "rel=icon")
            found = target_of(site, page, link.url) if is_image else None
            if found and not found[0].is_file():
                missing.append(f"{page.relative_to(site)}: {link.url}")
    return missing


def language_of(site: Path, path: Path, languages: tuple[str, ...]) -> str:
    first = path.relative_to(site).parts[0]
    return first if first in languages[1:] else languages[0]


def cross_language_links(site: Path, languages: tuple[str, ...]) -> list[str]:
    """Links from a page to a page of another language outside the places meant for it."""
    wrong = []
    for page in pages(site):
        own = language_of(site, page, languages)
        for link in parse(page).all_links:
            found = target_of(site, page, link.url)
            if link.language_link or found is None or found[0].suffix != ".html" or not found[0].is_file():
                continue
            if language_of(site, found[0], languages) != own:
                wrong.append(f"{page.relative_to(site)}: {link.url}")
    return wrong


CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""")


def foreign_resources(site: Path) -> list[str]:
    """Anything a page or a stylesheet would fetch from another origin."""
    foreign = []
    for page in pages(site):
        for link in parse(page).all_links:
            fetched = link.tag != "a" and (link.tag != "link" or link.attribute.removeprefix("rel=") in FETCHING_RELS)
            if fetched and (urlsplit(link.url).netloc or link.url.startswith("//")):
                foreign.append(f"{page.relative_to(site)}: {link.url}")
    for stylesheet in sorted(site.rglob("*.css")):
        for match in CSS_URL.finditer(stylesheet.read_text(encoding="utf-8")):
            url = match.group(1) or match.group(2)
            if url.startswith(("http:", "https:", "//")):
                foreign.append(f"{stylesheet.relative_to(site)}: {url}")
    return foreign
