"""An Atom feed per language of new and updated practices, by `updated`."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from catalogue.model import vocabularies
from catalogue.pages import urls
from catalogue.model.licence import DATA_LICENSE
from catalogue.model.interface import word
from catalogue.model.practice import Catalogue

ATOM = "http://www.w3.org/2005/Atom"
FEED_FILE = "atom.xml"
FEED_SIZE = 50  # the newest practices a feed lists


def feed_path(lang: str) -> str:
    return urls.in_language(FEED_FILE, lang)


def feed_link(lang: str) -> dict[str, str]:
    """What every page's head needs to point to its language's feed."""
    return {"href": feed_path(lang), "title": word("feed_title", lang)}


def _timestamp(date: str) -> str:
    return f"{date}T00:00:00Z"


def atom_feed(catalogue: Catalogue, lang: str, base_url: str) -> str:
    ET.register_namespace("", ATOM)
    newest = catalogue.newest(FEED_SIZE)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})

    def add(parent, tag: str, text: str | None = None, **attributes) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        element.text = text
        return element

    add(feed, "id", urls.absolute(base_url, feed_path(lang)))
    add(feed, "title", word("feed_title", lang))
    add(feed, "subtitle", word("home_title", lang))
    add(feed, "link", rel="self", type="application/atom+xml", href=urls.absolute(base_url, feed_path(lang)))
    add(feed, "link", rel="alternate", type="text/html", href=urls.absolute(base_url, urls.in_language(urls.HOME, lang)))
    add(feed, "updated", _timestamp(max((practice.updated for practice in newest), default="1970-01-01")))
    add(add(feed, "author"), "name", word("site_name", lang))
    add(feed, "rights", DATA_LICENSE["title"])
    for practice in newest:
        text, shown = practice.text(lang), practice.shown_language(lang)
        url = urls.absolute(base_url, urls.in_language(urls.practice_page(practice.slug), lang))
        entry = add(feed, "entry")
        add(entry, "id", url)
        add(entry, "title", text.title, **({"{http://www.w3.org/XML/1998/namespace}lang": shown} if shown != lang else {}))
        add(entry, "link", rel="alternate", type="text/html", href=url, hreflang=lang)
        add(entry, "updated", _timestamp(practice.updated))
        add(entry, "category", term=practice.type, label=vocabularies.label("type", practice.type, lang))
        add(entry, "summary", text.summary)
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def feed_files(catalogue: Catalogue, base_url: str) -> dict[str, str]:
    return {feed_path(lang): atom_feed(catalogue, lang, base_url) for lang in vocabularies.languages()}
