"""The HTML of the map page (figure, legend, text list, the script's data) and of the small maps.

The page works without its script: points are links, and the text list
below the map says the same in words (for screen readers and print).
The script (docs/assets/map.js) only adds the tooltips and the filters of
the search page's URL (`type`, `country`, `audience`, `from`, `to`, …).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from html import escape

from catalogue.map.outlines import THE_THREE, Outlines
from catalogue.model.slugs import slug
from catalogue.map.places import Link, MapData, Town
from catalogue.map.svg import big_map, locator_map

@dataclass(frozen=True)
class Words:
    """The words of one language, given by the caller (the interface's words and vocabularies)."""

    word: Callable[..., str]  # word(key, **params): "map.title", …
    count: Callable[[str, int], str]  # count("practice_count", 3) -> "3 praxe"
    country: Callable[[str], str]  # country name
    type_label: Callable[[str], str]  # label of a cooperation type
    type_ids: Sequence[str]  # every cooperation type, in the vocabulary's order


@dataclass(frozen=True)
class PracticeLink:
    slug: str
    title: str
    href: str  # relative to the page the map is on
    lang: str | None = None  # the language of the title when it is not the page's


def anchor(town: Town) -> str:
    """The id of a town's item in the text list."""
    return "town-" + "".join(c if c.isalnum() else "-" for c in town.key.lower()).strip("-")


def town_label(town: Town, words: Words) -> str:
    """The accessible name of a point."""
    practices = words.count("practice_count", len(town.practices))
    if len(town.libraries) == 1:
        return f"{town.libraries[0].name}, {town.place}: {practices}"
    return f"{town.place}: {words.count('library_count', len(town.libraries))}, {practices}"


def json_for_html(data) -> str:
    """JSON that is safe inside a <script> element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _practice_link(practice: PracticeLink) -> str:
    lang = f' lang="{practice.lang}"' if practice.lang else ""
    return f'<a href="{escape(practice.href)}"{lang}>{escape(practice.title)}</a>'


def legend(words: Words, used_types: set[str]) -> str:
    """What the points and lines mean; small SVG samples, hidden from screen readers (the words say it)."""
    items = []
    sample = '<svg width="{w}" height="14" aria-hidden="true" class="map-legend__sample">{shape}</svg>'
    items.append(
        "<li>"
        + sample.format(w=14, shape='<g class="map-point"><circle cx="7" cy="7" r="5"/></g>')
        + escape(words.word("map.legend_library"))
        + "</li>"
    )
    items.append(
        "<li>"
        + sample.format(w=20, shape='<g class="map-point is-merged"><circle cx="10" cy="7" r="6.5"/><text x="10" y="7" dy=".35em">2</text></g>')
        + escape(words.word("map.legend_town"))
        + "</li>"
    )
    items.append(
        "<li>"
        + sample.format(w=32, shape='<path class="map-link is-cross type-project" style="stroke:#1d2625" d="M2 7H30"/>')
        + escape(words.word("map.legend_cross"))
        + "</li>"
    )
    items.append(
        "<li>"
        + sample.format(w=32, shape='<path class="map-link" style="stroke:#1d2625" d="M2 7H30"/>')
        + escape(words.word("map.legend_domestic"))
        + "</li>"
    )
    for type_id in words.type_ids:
        if type_id in used_types:
            items.append(
                "<li>"
                + sample.format(w=32, shape=f'<path class="map-link is-cross type-{type_id}" d="M2 7H30"/>')
                + escape(words.type_label(type_id))
                + "</li>"
            )
    return f'<ul class="map-legend" aria-label="{escape(words.word("map.legend"))}">' + "".join(items) + "</ul>"


def _data_p(slugs: Sequence[str], index: Mapping[str, int]) -> str:
    return " ".join(str(index[slug]) for slug in slugs if slug in index)


def text_list(
    data: MapData,
    words: Words,
    practices: Mapping[str, PracticeLink],
    library_href: Callable[[str], str],
    index: Mapping[str, int],
    heading_level: int = 2,
) -> str:
    """The map in words: libraries by country and town, then the lines, then who is not located yet."""
    h, sub = f"h{heading_level}", f"h{heading_level + 1}"
    out = [f'<section class="map-list" aria-labelledby="map-list-heading"><{h} id="map-list-heading">{escape(words.word("map.list_heading"))}</{h}>']
    by_country: dict[str, list[Town]] = {}
    for town in data.towns:
        by_country.setdefault(town.country, []).append(town)
    for country in sorted(by_country, key=lambda code: (code not in THE_THREE, slug(words.country(code)))):
        out.append(f"<{sub}>{escape(words.country(country))}</{sub}><ul>")
        for town in sorted(by_country[country], key=lambda town: (slug(town.place), town.key)):
            libraries = ", ".join(
                f'<a href="{escape(library_href(library.name))}">{escape(library.name)}</a> ({escape(words.count("practice_count", len(library.practices)))})'
                for library in town.libraries
            )
            out.append(f'<li id="{anchor(town)}" data-p="{_data_p(town.practices, index)}"><strong>{escape(town.place)}</strong>: {libraries}</li>')
        out.append("</ul>")
    if data.links:
        places = {town.key: town.place for town in data.towns}
        out.append(f"<{sub}>{escape(words.word('map.links_heading'))}</{sub}><ul>")
        for link in sorted(data.links, key=lambda link: (not link.cross_border, slug(places[link.ends[0]]), slug(places[link.ends[1]]))):
            kind = escape(words.word("map.cross_border" if link.cross_border else "map.domestic"))
            shown = ", ".join(_practice_link(practices[slug]) for slug in link.practices if slug in practices)
            out.append(
                f'<li data-p="{_data_p(link.practices, index)}">{escape(places[link.ends[0]])} – {escape(places[link.ends[1]])}'
                f" ({kind}): {shown}</li>"
            )
        out.append("</ul>")
    if data.unlocated:
        out.append(f"<{sub}>{escape(words.word('map.unlocated_heading'))}</{sub}><ul>")
        for library in data.unlocated:
            out.append(
                f'<li data-p="{_data_p(library.practices, index)}"><a href="{escape(library_href(library.name))}">{escape(library.name)}</a>'
                f" ({escape(library.place)}, {escape(words.country(library.country))})</li>"
            )
        out.append("</ul>")
    out.append("</section>")
    return "".join(out)


def map_page_html(
    data: MapData,
    shapes: Outlines,
    words: Words,
    practices: Sequence[PracticeLink],
    facets: Mapping[str, Mapping[str, Sequence[str]]],
    library_href: Callable[[str], str],
    script: str,
) -> str:
    """The body of the map page: figure, status, legend, text list, the script's data and the script.

    `facets`: each practice's facet values by slug, as the search page's URL names them.
    """
    index = {practice.slug: position for position, practice in enumerate(practices)}
    by_slug = {practice.slug: practice for practice in practices}

    def href(town: Town) -> str:
        return library_href(town.libraries[0].name) if len(town.libraries) == 1 else f"#{anchor(town)}"

    svg = big_map(
        data,
        shapes,
        title=words.word("map.title"),
        country_name=words.country,
        href=href,
        label=lambda town: town_label(town, words),
        practice_index=index,
    )
    located = sum(len(town.libraries) for town in data.towns)
    caption = words.word(
        "map.caption",
        libraries=words.count("library_count", located),
        towns=len(data.towns),
        links=len(data.links),
        cross=sum(1 for link in data.links if link.cross_border),
    )
    settings = {
        "practices": [
            [practice.title, practice.href, {name: list(values) for name, values in sorted(facets.get(practice.slug, {}).items())}]
            for practice in practices
        ],
        "words": {key: words.word(f"map.{key}") for key in ("shown", "shown_all", "more")},
    }
    used_types = {type_id for link in data.links for type_id in link.types}
    return (
        '<figure class="map-figure" data-map-figure>'
        + svg
        + f'<figcaption class="map-caption">{escape(caption)} <a href="#map-list-heading">{escape(words.word("map.to_list"))}</a></figcaption>'
        + '<div class="map-tip" role="tooltip" id="map-tip" hidden></div></figure>\n'
        + '<p class="map-status" role="status" aria-live="polite" data-map-status></p>\n'
        + legend(words, used_types)
        + "\n"
        + text_list(data, words, by_slug, library_href, index)
        + "\n"
        + f'<script type="application/json" id="map-data">{json_for_html(settings)}</script>\n'
        + f'<script type="module" src="{escape(script)}"></script>\n'
    )


def locator_html(
    data: MapData,
    shapes: Outlines,
    words: Words,
    highlight: Sequence[str],
    library_href: Callable[[str], str],
    map_href: str,
    title: str,
    links: Sequence[Link] | None = None,
) -> str:
    """A small map of a practice's (or a library's) towns, with a link to the big map; empty when none is located."""
    if not data.towns:
        return ""

    def href(town: Town) -> str:
        return library_href(town.libraries[0].name) if len(town.libraries) == 1 else f"{map_href}#{anchor(town)}"

    svg = locator_map(
        data,
        shapes,
        title=title,
        country_name=words.country,
        href=href,
        label=lambda town: town_label(town, words),
        highlight=highlight,
        links=links,
    )
    return (
        f'<figure class="map-locator">{svg}'
        f'<figcaption><a href="{escape(map_href)}">{escape(words.word("map.to_big_map"))}</a></figcaption></figure>'
    )
