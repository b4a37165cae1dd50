"""Entry bodies are Markdown, never HTML: what the site may render from them.

Each body is rendered here exactly as the site renders it, and refused
when it holds raw HTML (a comment alone, invisible to readers, is allowed), an attribute other than an id or a class, a link
that is not http(s), mailto or relative, or an image from another site.
Checking the rendered result, not the source, also catches what reaches
HTML by a side door (entities in `java&#115;cript:`, attribute lists).
"""

from __future__ import annotations

import re
import signal
import threading
from contextlib import contextmanager
from functools import cache
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown

from catalogue.model.errors import Problem
from catalogue.reading.parser import EntryFile

# The Markdown of the site (mkdocs.yml lists the same; a test keeps them equal).
EXTENSIONS = ("admonition", "attr_list", "md_in_html", "toc")
# Tags Markdown writes, with the attributes each may carry besides an id and
# a class (which headings, admonitions and attribute lists set).
ALLOWED_TAGS = {
    **dict.fromkeys(("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "li", "blockquote"), set()),
    **dict.fromkeys(("strong", "em", "code", "pre", "hr", "br"), set()),
    "ol": {"start"},
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
}
COMMON_ATTRIBUTES = {"id", "class"}
LINK_SCHEMES = ("http", "https", "mailto")
COMMENT = re.compile(r"<!--(?:(?!-->).)*-->", re.DOTALL)
# A real body renders in milliseconds; pathological nesting takes minutes.
RENDER_SECONDS = 3
# What Markdown needs to make a tag, an attribute, a link, an image or an
# entity (<, &, {, [ and ]), and what deep nesting is made of ('>' quotes,
# runs of * or _). A body with none of them renders to headings, paragraphs,
# lists and simple emphasis only: it is safe without rendering it here,
# which would otherwise be most of the time spent checking a catalogue.
NEEDS_RENDERING = re.compile(r"[<>&{}\[\]]|[*_]{3,}")


class RenderTimeout(Exception):
    pass


@contextmanager
def time_limit(seconds: float):
    """Interrupt the block after `seconds` (main thread only: signals need it)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise RenderTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@cache
def _renderer() -> markdown.Markdown:
    return markdown.Markdown(extensions=list(EXTENSIONS))


class _Elements(HTMLParser):
    """(tag, attributes) of every element, attribute values unescaped."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def _shown(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= 60 else line[:59] + "…"


def _line_of(entry: EntryFile, needle: str) -> int:
    needle = needle.strip().lower()
    for number, line in entry.body_lines():
        if needle and (needle in line.lower() or needle in unescape(line).lower()):
            return number
    return entry.body_line


def _element_problems(entry: EntryFile, tag: str, attrs: dict) -> list[Problem]:
    here = lambda needle, code, **params: Problem.at(entry.path, _line_of(entry, needle), code, **params)  # noqa: E731
    if tag not in ALLOWED_TAGS:
        return [here(f"<{tag}", "raw-html", html=f"<{tag}>")]
    problems = []
    for name, value in attrs.items():
        if name not in ALLOWED_TAGS[tag] | COMMON_ATTRIBUTES:
            problems.append(here(name, "attribute-not-allowed", attribute=name))
    href, src = attrs.get("href"), attrs.get("src")
    if href is not None and (scheme := urlsplit(href.strip()).scheme.lower()) and scheme not in LINK_SCHEMES:
        problems.append(here(f"{scheme}:", "link-scheme", url=_shown(href)))
    if src is not None:
        parts = urlsplit(src.strip())
        if parts.scheme or parts.netloc:
            problems.append(here(src if parts.netloc else f"{parts.scheme}:", "external-image", url=_shown(src)))
    return problems


def body_problems(entry: EntryFile) -> list[Problem]:
    """Raw HTML, unsafe links and attributes, external images in the body of `entry`."""
    if not NEEDS_RENDERING.search(entry.body):
        return []
    renderer = _renderer()
    renderer.reset()
    try:
        with time_limit(RENDER_SECONDS):
            html = renderer.convert(entry.body)
    except (RenderTimeout, RecursionError):
        return [Problem.at(entry.path, entry.body_line, "body-too-complex", seconds=RENDER_SECONDS)]
    problems = set()
    for raw in renderer.htmlStash.rawHtmlBlocks:
        raw = str(raw)
        # Entities such as &nbsp; are stashed too, and welcome; so is a
        # comment and nothing else: the writing hints of the entry templates.
        if raw.lstrip().startswith("<") and not COMMENT.fullmatch(raw.strip()):
            first_line = raw.strip().split("\n")[0]
            problems.add(Problem.at(entry.path, _line_of(entry, first_line), "raw-html", html=_shown(first_line)))
    if problems:
        return sorted(problems)
    elements = _Elements()
    elements.feed(html)
    for tag, attrs in elements.found:
        problems.update(_element_problems(entry, tag, attrs))
    return sorted(problems)
