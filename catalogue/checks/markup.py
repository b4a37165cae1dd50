"""Entry bodies are Markdown, never HTML: what the site may render from them.

Each body is rendered here exactly as the site renders it, and refused
when it holds raw HTML (a comment alone, invisible to readers, is allowed),
an attribute other than an id or a class, a link that is not http(s),
mailto or relative, an image that is not a file of the entry folder, or a
character that changes the direction of the text. Checking the rendered
result, not the source, also catches what reaches HTML by a side door
(entities in `java&#115;cript:`, attribute lists); it is read with an
HTML5 parser and its addresses with the WHATWG URL parser, as browsers
read them. These checks give contributors a `path:line` reason; what is
published is sanitised besides (`catalogue.pages.sanitise`).
"""

from __future__ import annotations

import re
import signal
import threading
from contextlib import contextmanager
from functools import cache
import unicodedata
from html import unescape

import html5lib
import markdown

from catalogue.model import weburls
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
# Characters that reorder the text around them: embeddings, overrides,
# isolates and the marks (the Unicode bidirectional controls).
DIRECTION_CHARACTERS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
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


def _elements(html: str) -> list[tuple[str, dict, str]]:
    """(tag, attributes, text) of every element, as a browser's HTML5 parser builds them."""
    tree = html5lib.parseFragment(html, treebuilder="etree", namespaceHTMLElements=False)
    return [
        (element.tag, dict(element.attrib), element.get("alt") or "".join(element.itertext()))
        for element in tree.iter()
        if isinstance(element.tag, str)
    ][1:]


def _only_comments(raw: str) -> bool:
    """Whether a browser reads `raw` as comments and blank space only (`<!-->` ends a comment at once)."""
    tree = html5lib.parseFragment(raw, treebuilder="etree", namespaceHTMLElements=False)
    if (tree.text or "").strip():
        return False
    return all(not isinstance(node.tag, str) and not (node.tail or "").strip() for node in tree)


def _shown(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= 60 else line[:59] + "…"


class _Lines:
    """Where in the body each thing found was written, searched in the order things were found.

    Rendering keeps no source positions, so each is found by its text: from
    the line of the previous one on (elements come in the order of the
    text), else anywhere, else where the previous one was.
    """

    def __init__(self, entry: EntryFile):
        self.lines = list(entry.body_lines())
        self.at = entry.body_line

    def of(self, *needles: str | tuple[str, ...], in_order: bool = True) -> int:
        """The line of the first of `needles` found (the most telling first; a tuple: all on one line)."""
        later = [pair for pair in self.lines if pair[0] >= self.at] if in_order else []
        for needle in needles:
            parts = [part.strip().lower() for part in (needle if isinstance(needle, tuple) else (needle,))]
            if not all(parts):
                continue
            for number, line in later + self.lines:
                texts = (line.lower(), unescape(line).lower())
                if all(any(part in text for text in texts) for part in parts):
                    self.at = number
                    return number
        return self.at


def _element_problems(
    entry: EntryFile, lines: _Lines, tag: str, attrs: dict, label: str, images: list[str] | None
) -> list[Problem]:
    """What is wrong with one element; `label` (a link's text, an image's description) helps find its line."""
    here = lambda needle, code, **params: Problem.at(entry.path, lines.of((label, needle), needle, label), code, **params)  # noqa: E731
    if tag not in ALLOWED_TAGS:
        return [here(f"<{tag}", "raw-html", html=f"<{tag}>")]
    problems = []
    for name, value in attrs.items():
        if name not in ALLOWED_TAGS[tag] | COMMON_ATTRIBUTES:
            problems.append(here(name, "attribute-not-allowed", attribute=name))
    base = weburls.practice_base(_slug(entry))
    href, src = attrs.get("href"), attrs.get("src")
    if href is not None and (code := weburls.link_refusal(href, base)):
        scheme = href.split(":", 1)[0] + ":" if ":" in href else href
        problems.append(here(scheme if code == "link-scheme" else _findable(href), code, url=_shown(href)))
    if src is not None and (code := weburls.image_refusal(src, base, images)):
        problems.append(here(_findable(src), code, url=_shown(src), slug=_slug(entry)))
    return problems


def _findable(url: str) -> str:
    """The longest part of `url` without the characters an entry may write as entities or escapes."""
    return max(re.split(r"[\x00-\x20\x7f-\x9f\\]", url), key=len)


def _slug(entry: EntryFile) -> str:
    return entry.path.split("/")[-2]


def direction_problems(entry: EntryFile) -> list[Problem]:
    """Characters that change the direction of the text (U+202E …) in the body of `entry`."""
    problems = []
    if DIRECTION_CHARACTERS.isdisjoint(entry.body):
        return problems
    for number, line in entry.body_lines():
        if found := sorted(set(line) & DIRECTION_CHARACTERS):
            characters = ", ".join(code_point(char) for char in found)
            problems.append(Problem.at(entry.path, number, "direction-character", character=characters))
    return problems


def code_point(char: str) -> str:
    """U+202E RIGHT-TO-LEFT OVERRIDE"""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'FORMAT CHARACTER')}"


def body_problems(entry: EntryFile, images: list[str] | None = None) -> list[Problem]:
    """Raw HTML, unsafe links and attributes, images not in the entry folder (`images`), direction marks."""
    problems = set(direction_problems(entry))
    if not NEEDS_RENDERING.search(entry.body):
        return sorted(problems)
    renderer = _renderer()
    renderer.reset()
    try:
        with time_limit(RENDER_SECONDS):
            html = renderer.convert(entry.body)
    except (RenderTimeout, RecursionError):
        return [Problem.at(entry.path, entry.body_line, "body-too-complex", seconds=RENDER_SECONDS)]
    lines = _Lines(entry)
    for raw in renderer.htmlStash.rawHtmlBlocks:
        raw = str(raw)
        # Entities such as &nbsp; are stashed too, and welcome; so is a
        # comment and nothing else, as a browser reads it: the writing hints
        # of the entry templates (never published: the sanitiser drops them).
        if raw.lstrip().startswith("<") and not _only_comments(raw):
            first_line = raw.strip().split("\n")[0]
            # Stashed blocks come out of the text's order, and sometimes altered: the whole first line, else its tag.
            line = lines.of(first_line, first_line[:40], first_line.split()[0], in_order=False)
            problems.add(Problem.at(entry.path, line, "raw-html", html=_shown(first_line)))
    if any(problem.code == "raw-html" for problem in problems):
        return sorted(problems)
    lines = _Lines(entry)
    for tag, attrs, label in _elements(html):
        problems.update(_element_problems(entry, lines, tag, attrs, label if tag in ("a", "img") else "", images))
    return sorted(problems)
