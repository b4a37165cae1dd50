"""The last line of defence: every practice body, once rendered, goes through an allow-list.

The validator refuses what a body must not hold, with a `path:line` reason
for its author. Whatever it might miss is made harmless here: the HTML the
site engine rendered from a body is parsed as browsers parse it (Ammonia,
through nh3) and written again with only the elements and attributes the
Markdown of a body can produce, every address checked by the WHATWG URL
parser, and no comment at all (comments in bodies are the templates'
writing hints; they have no reason to reach a page).

The practice template marks where a body's HTML begins and ends with
comments carrying a digest of the body; a body cannot write its own
digest, so it cannot end the marked part early.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection

import nh3

from catalogue.model import weburls

# What the Markdown of a body (admonition, attr_list, md_in_html, toc with
# permalinks) can produce, and nothing else.
TAGS = {
    *("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote"),
    *("strong", "em", "code", "pre", "hr", "br", "a", "img"),
}
ATTRIBUTES = {
    "*": {"id", "class"},
    "ol": {"start"},
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
}
URL_SCHEMES = {"http", "https", "mailto"}
START, END = "<!--practice-body {}-->", "<!--/practice-body {}-->"


class UnmarkedBody(ValueError):
    """A page's body markers are missing or given more than once."""


def body_token(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:32]


def body_start(body: str) -> str:
    return START.format(body_token(body))


def body_end(body: str) -> str:
    return END.format(body_token(body))


def sanitise_body(html: str, page_url: str = "", images: Collection[str] = ()) -> str:
    """`html` of a body with only allowed elements, attributes and addresses.

    `page_url`: the page's path, against which relative addresses resolve;
    `images`: the files of the practice's folder, published beside the page.
    """
    base = f"{weburls.SITE}/{page_url.lstrip('/')}"

    def address(tag: str, attribute: str, value: str) -> str | None:
        if attribute == "href":
            return value if weburls.link_is_safe(value, base) else None
        if attribute == "src":
            return value if weburls.image_refusal(value, base, list(images)) is None else None
        return value

    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=address,
        strip_comments=True,
        link_rel=None,
    )


def sanitise_page(html: str, page_url: str = "", images: Collection[str] = ()) -> str:
    """A rendered page with its practice body, if it has one, sanitised and its markers removed."""
    start = html.find(START.split("{")[0])
    if start < 0:
        return html
    token = html[start + len(START.split("{")[0]) : html.find("-->", start)]
    opening, closing = START.format(token), END.format(token)
    if html.count(opening) != 1 or html.count(closing) != 1 or html.index(closing) < start:
        raise UnmarkedBody(f"the practice body of {page_url or 'a page'} is not marked exactly once")
    end = html.index(closing)
    body = html[start + len(opening) : end]
    return html[:start] + sanitise_body(body, page_url, images) + html[end + len(closing) :]
