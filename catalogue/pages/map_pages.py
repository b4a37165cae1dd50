"""The map in the site: the map page of each language, the locator maps, the home's teaser.

The drawing is `catalogue.map`'s; this module gives it the catalogue, the
page addresses and the words of each language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import cache

import markupsafe

from catalogue.map.outlines import outlines
from catalogue.map.page import PracticeLink, Words, locator_html, map_page_html
from catalogue.map.places import Location, MapData, map_data
from catalogue.map.svg import teaser_map
from catalogue.model import vocabularies
from catalogue.model.interface import count, word
from catalogue.model.libraries import LibraryRecord, canonical_name, library_slug
from catalogue.model.practice import Catalogue, Practice
from catalogue.pages import urls

MAP_SCRIPT = "assets/map.js"
_cache: dict = {}


@cache
def _count(key: str, number: int, lang: str) -> str:
    return count(key, number, lang)


@cache
def words(lang: str) -> Words:
    return Words(
        word=lambda key, **params: word(key, lang, **params),
        count=lambda key, number: _count(key, number, lang),
        country=lambda code: vocabularies.country_name(code, lang),
        type_label=lambda type_id: vocabularies.label("type", type_id, lang),
        type_ids=vocabularies.ids("type"),
    )


def locations(catalogue: Catalogue) -> dict[str, Location]:
    """The catalogue's library locations (made once per catalogue)."""
    if _cache.get("located") is not catalogue:
        _cache.update(located=catalogue, locations={name: Location(lat, lon) for name, (lat, lon) in catalogue.library_locations.items()})
    return _cache["locations"]


def catalogue_map(catalogue: Catalogue) -> MapData:
    """Every library, town and line of the catalogue (made once per catalogue)."""
    if _cache.get("catalogue") is not catalogue:
        _cache.update(catalogue=catalogue, data=map_data(catalogue.practices, locations(catalogue), lambda name: canonical_name(catalogue, name)))
    return _cache["data"]


def _library_href(from_page: str) -> Callable[[str], str]:
    return lambda name: urls.link(from_page, urls.library_page(library_slug(name)))


def practice_link(practice: Practice, lang: str, from_page: str) -> PracticeLink:
    shown = practice.shown_language(lang)
    return PracticeLink(
        practice.slug, practice.text(lang).title, urls.link(from_page, urls.practice_page(practice.slug)), None if shown == lang else shown
    )


def map_page_body(catalogue: Catalogue, lang: str, facet_values: Callable[[Practice], Mapping[str, Sequence[str]]]) -> str:
    page = urls.MAP
    return map_page_html(
        catalogue_map(catalogue),
        outlines(),
        words(lang),
        [practice_link(practice, lang, page) for practice in catalogue.practices],
        {practice.slug: facet_values(practice) for practice in catalogue.practices},
        _library_href(page),
        urls.file_link(urls.in_language(page, lang), MAP_SCRIPT),
    )


def practice_locator(catalogue: Catalogue, practice: Practice, lang: str) -> markupsafe.Markup:
    """The small map of a practice's libraries and the lines between them ('' when none is located)."""
    page = urls.practice_page(practice.slug)
    data = map_data([practice], locations(catalogue), lambda name: canonical_name(catalogue, name))
    return markupsafe.Markup(
        locator_html(
            data,
            outlines(),
            words(lang),
            highlight=practice.countries,
            library_href=_library_href(page),
            map_href=urls.link(page, urls.MAP),
            title=word("map.locator_title", lang),
        )
    )


def library_locator(catalogue: Catalogue, record: LibraryRecord, lang: str) -> markupsafe.Markup:
    """The small map of a library and the libraries it works with, with the lines from it."""
    page = urls.library_page(record.slug)
    data = map_data(record.practices, locations(catalogue), lambda name: canonical_name(catalogue, name))
    home = next((town for town in data.towns if any(library.name == record.name for library in town.libraries)), None)
    if home is None:
        return markupsafe.Markup("")
    links = [link for link in data.links if home.key in link.ends]
    return markupsafe.Markup(
        locator_html(
            data,
            outlines(),
            words(lang),
            highlight=[record.country],
            library_href=_library_href(page),
            map_href=urls.link(page, urls.MAP),
            title=word("map.library_locator_title", lang),
            links=links,
        )
    )


def home_teaser(catalogue: Catalogue, lang: str) -> markupsafe.Markup:
    """The big map, small, as one link to the map page."""
    data = catalogue_map(catalogue)
    label = word("map.teaser", lang)
    svg = teaser_map(
        data,
        outlines(),
        title=label,
        country_name=lambda code: vocabularies.country_name(code, lang),
        href=lambda town: "",
        label=lambda town: "",
        links=[link for link in data.links if link.cross_border],  # the lines the catalogue is about; the map has them all
    )
    href = urls.link(urls.HOME, urls.MAP)
    return markupsafe.Markup(f'<a class="map-teaser" href="{href}">{svg}<span>{markupsafe.escape(label)}</span></a>')
