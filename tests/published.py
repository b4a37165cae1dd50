"""Reading what a built site publishes: redirects, short links, page heads."""

from __future__ import annotations

import os
import posixpath
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from catalogue.model import vocabularies

REFRESH = re.compile(r"^\s*0\s*;\s*url=(.+)$", re.IGNORECASE)


def build_site(project: Path) -> Path:
    """Build `project` into `project/site`; fail with the engine's own words."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(project / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


class HeadParser(HTMLParser):
    """What a link-preview service reads: the title, meta tags and links of the head."""

    def __init__(self):
        super().__init__()
        self.lang: str | None = None
        self.title = ""
        self.meta: dict[str, str] = {}
        self.links: list[dict[str, str]] = []
        self.scripts: list[tuple[dict, str]] = []
        self._in: str | None = None
        self._attrs: dict = {}
        self.body_started = False

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if self.body_started or tag == "body":
            self.body_started = True
            return
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "meta":
            key = attrs.get("property") or attrs.get("name") or attrs.get("http-equiv")
            if key and "content" in attrs:
                self.meta.setdefault(key, attrs["content"])
        elif tag == "link":
            self.links.append(attrs)
        elif tag in ("title", "script"):
            self._in, self._attrs = tag, attrs
            if tag == "script":
                self.scripts.append((attrs, ""))

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self.body_started:
            return
        if self._in == "title":
            self.title += data
        elif self._in == "script":
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def link(self, rel: str, **match) -> list[str]:
        return [
            link["href"]
            for link in self.links
            if rel in link.get("rel", "").split() and all(link.get(k) == v for k, v in match.items())
        ]


def head_of(page: Path) -> HeadParser:
    parser = HeadParser()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def redirect_target(site: Path, url: str) -> str | None:
    """Where the page at `url` (relative to the site root) redirects to, as a site path."""
    head = head_of(site / url / "index.html")
    refresh = head.meta.get("refresh")
    if refresh is None:
        return None
    target = REFRESH.match(refresh).group(1)
    return posixpath.normpath(posixpath.join(url, target)) + "/"


def page_of(site: Path, lang: str, path: str) -> Path:
    prefix = "" if lang == vocabularies.default_language() else f"{lang}/"
    return site / f"{prefix}{path}index.html"


def card_slugs(page: Path) -> set[str]:
    from tests.sitecheck import parse

    return {link.rstrip("/").split("/")[-1] for link in parse(page).links if "/practices/" in f"/{link}"}
