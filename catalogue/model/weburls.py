"""Addresses read as browsers read them: the WHATWG URL Standard (the ada parser).

Python's `urlsplit` and a browser disagree on many addresses: a browser
reads `/\\evil.example/x.png` as `//evil.example/x.png` (another site),
drops tabs and newlines inside an address, and trims control characters
and spaces around it. Every address of an entry is therefore judged by the
WHATWG parser, resolved against the page it appears on, and refused when
it holds a backslash or a control character at all, so what the validator
accepts is what every browser does with it.
"""

from __future__ import annotations

from urllib.parse import unquote

from ada_url import URL

# The origin pages are judged against: any origin the catalogue is served from behaves alike.
SITE = "https://catalogue.invalid"
LINK_SCHEMES = ("http:", "https:", "mailto:")
WEB_SCHEMES = ("http:", "https:")


def practice_base(slug: str) -> str:
    """The address of a practice page, against which its body's relative addresses resolve."""
    return f"{SITE}/practices/{slug}/"


# A backslash and the C0 and C1 control characters (tab and newline included).
UNSAFE_CHARACTERS = frozenset(["\\", *map(chr, range(0x20)), *map(chr, range(0x7F, 0xA0))])


def unsafe_characters(value: str) -> bool:
    """A backslash, a control character (tab and newline included) or a space at either end."""
    return not UNSAFE_CHARACTERS.isdisjoint(value) or value != value.strip()


def _parse(value: str, base: str | None = None) -> URL | None:
    try:
        return URL(value, base) if base else URL(value)
    except ValueError:
        return None


def link_refusal(value: str, base: str) -> str | None:
    """Why a link of a body is refused (a message code), or None: http(s), mailto or this site."""
    if unsafe_characters(value):
        return "url-characters"
    if value.startswith("#"):  # a place on the page itself: it keeps the page's scheme and host
        return None
    url = _parse(value, base)
    if url is None:
        return "url-invalid"
    if url.protocol in LINK_SCHEMES:
        return None
    return "link-scheme"


def link_is_safe(value: str, base: str) -> bool:
    return link_refusal(value, base) is None


def image_path(value: str, base: str) -> str | None:
    """The file name an image of a body names inside its entry folder, or None when it names none.

    The address must resolve on the page's own origin, to a file right in the
    practice's folder (the page's address), with no query or fragment.
    """
    if unsafe_characters(value) or not value:
        return None
    url = _parse(value, base)
    if url is None or url.origin != SITE or url.search or url.hash or url.username or url.password:
        return None
    folder = URL(base).pathname
    if not url.pathname.startswith(folder):
        return None
    name = unquote(url.pathname[len(folder) :], errors="strict")
    if not name or "/" in name or "\\" in name or name in (".", ".."):
        return None
    return name


def image_refusal(value: str, base: str, images: list[str] | None) -> str | None:
    """Why an image of a body is refused (a message code), or None."""
    if unsafe_characters(value):
        return "url-characters"
    url = _parse(value, base)
    if url is None:
        return "url-invalid"
    if url.origin != SITE:
        return "external-image"
    name = image_path(value, base)
    if name is None or (images is not None and name not in images):
        return "image-not-in-folder"
    return None


def web_refusal(value: str) -> str | None:
    """Why a `url` of the front matter is refused, or None: an absolute http(s) address."""
    if unsafe_characters(value) or any(char.isspace() for char in value):
        return "url-characters"
    url = _parse(value)
    if url is None or url.protocol not in WEB_SCHEMES or not url.hostname:
        return "url-invalid"
    return None


def contact_refusal(value: str) -> str | None:
    """Why a `contact` is refused, or None: an http(s) address, a mailto: address or an e-mail address."""
    if unsafe_characters(value) or any(char.isspace() for char in value):
        return "url-characters"
    if value.startswith(("http://", "https://")):
        return web_refusal(value)
    href = value if value.startswith("mailto:") else f"mailto:{value}"
    url = _parse(href)
    if url is None or url.protocol != "mailto:":
        return "url-invalid"
    return None
