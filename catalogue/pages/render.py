"""Rendering the catalogue to Markdown pages, one file per page and language.

Entry text is data: every value goes through Jinja's HTML escaping; only
the Markdown body of an entry is passed on as Markdown.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import jinja2
from babel.dates import format_date
import markupsafe

from catalogue.model import vocabularies
from catalogue.pages import urls
from catalogue.pages.engine_conventions import source_file
from catalogue.pages.citation import citation, citation_html, download_names
from catalogue.model.glossary import place_name
from catalogue.model.interface import count, language_name, word, written_in, years
from catalogue.model.libraries import LibraryRecord, canonical_name, library_records, library_slug, partners
from catalogue.model.practice import Catalogue, Practice
from catalogue.pages.map_pages import home_teaser, library_locator, map_page_body, practice_locator
from catalogue.pages.pagination import paginate
from catalogue.pages.qr import qr_svg
from catalogue.pages.sharing import page_head, practice_head
from catalogue.model.slugs import slug
from catalogue.pages.sanitise import body_end, body_start

TEMPLATES = Path(__file__).parent / "templates"
NEWEST_ON_HOME = 6
# Practices on one page of a type's list: some 60 KB of HTML, whatever the catalogue's size.
TYPE_PAGE_SIZE = 100


def contact_href(contact: str) -> str:
    return contact if contact.startswith(("http://", "https://", "mailto:")) else f"mailto:{contact}"


def long_date(iso: str, lang: str) -> str:
    """An ISO date as the reader's language writes it: "22. listopadu 2026", "22 listopada 2026"."""
    return format_date(date.fromisoformat(str(iso)), format="long", locale=lang)


def where(practice: Practice, lang: str) -> str:
    """Place and countries, each named once: "Český Těšín, Česko, Polsko", never "Česko, Česko, Polsko"."""
    countries = [vocabularies.country_name(code, lang) for code in dict.fromkeys(practice.countries)]
    place = place_name(practice.place, lang)
    as_country = {
        slug(vocabularies.country_name(code, other)) for code in practice.countries for other in vocabularies.languages()
    }
    if not place or slug(place) in as_country or slug(practice.place) in as_country:
        return ", ".join(countries)
    return ", ".join([place, *countries])


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["term"] = lambda term_id, vocabulary, lang: vocabularies.label(vocabulary, term_id, lang)
    env.filters["long_date"] = long_date
    env.filters["hint"] = lambda term_id, vocabulary, lang: vocabularies.terms(vocabulary)[term_id].hint.get(lang, "")
    env.filters["country"] = lambda code, lang: vocabularies.country_name(code, lang)
    env.globals.update(
        word=word,
        count=count,
        years=years,
        language_name=language_name,
        written_in=written_in,
        place_name=place_name,
        where=where,
        contact_href=contact_href,
        link=urls.link,
        in_language=urls.in_language,
        type_page=urls.type_page,
        practice_page=urls.practice_page,
        library_page=urls.library_page,
        library_slug=library_slug,
        body_start=body_start,
        body_end=body_end,
        languages=vocabularies.languages(),
    )
    return env


def front_matter(front: dict) -> str:
    """YAML front matter, each value written as JSON (which YAML reads as it is).

    json's encoder is many times faster than the YAML emitter, and front
    matter is written for every page of every build.
    """
    lines = (f"{name}: {json.dumps(value, ensure_ascii=False)}\n" for name, value in front.items())
    return "---\n" + "".join(lines) + "---\n"


def templated_page(template: str, front: dict, head: dict | None = None, **context) -> str:
    """A page of the generated tree: escaped front matter, then the template rendered."""
    # The theme prints page titles into HTML unescaped, so they are escaped here;
    # it escapes the values of `head` itself.
    front = {name: str(markupsafe.escape(value)) if isinstance(value, str) else value for name, value in front.items()}
    if head:
        front["head"] = head
    body = environment().get_template(template).render(**context)
    return f"{front_matter(front)}\n{body}"


def title_order(practice: Practice, lang: str) -> tuple[str, str]:
    """Sort key: the shown title without diacritics (ł and ß included), then the slug."""
    return slug(practice.text(lang).title), practice.slug


def _front(page: str, lang: str, title: str, description: str, base_url: str, updated: str | None) -> dict:
    front = {"title": title, "description": description, **({"updated": updated} if updated else {})}
    return {"front": front, "head": page_head(page, lang, title, description, base_url)}


def home_figures(catalogue: Catalogue) -> dict:
    """What the home page counts: practices by audience, country and neighbouring pair; libraries."""
    audiences = Counter(audience for practice in catalogue.practices for audience in practice.audience)
    countries = Counter(code for practice in catalogue.practices for code in dict.fromkeys(practice.countries))
    borders = vocabularies.land_borders()
    pairs: Counter = Counter()
    for practice in catalogue.practices:
        if practice.scope == "cross-border":
            codes = sorted(set(practice.countries))
            for index, first in enumerate(codes):
                for second in codes[index + 1 :]:
                    if frozenset((first, second)) in borders:
                        pairs[(first, second)] += 1
    return {
        "practices": len(catalogue.practices),
        "libraries": len(library_records(catalogue)),
        "countries": len(countries),
        "cross_border": sum(1 for practice in catalogue.practices if practice.scope == "cross-border"),
        "audiences": [(term, audiences[term]) for term in vocabularies.ids("audience") if audiences[term]],
        "by_country": countries,
        "pairs": sorted(pairs.items(), key=lambda item: (-item[1], item[0])),
    }


def home_page(catalogue: Catalogue, lang: str, base_url: str = urls.PLACEHOLDER_BASE_URL) -> str:
    """The home of `lang`: search, figures, ways in, the map's teaser, the newest practices."""
    types = list(vocabularies.terms("type").values())
    figures = home_figures(catalogue)
    countries = sorted(figures["by_country"].items(), key=lambda item: (-item[1], slug(vocabularies.country_name(item[0], lang))))
    front = _front(urls.HOME, lang, word("home_title", lang), word("home_intro", lang), base_url, catalogue.last_updated())
    front["front"]["hide"] = ["navigation", "toc"]
    return templated_page(
        "home.md.j2",
        **front,
        lang=lang,
        page=urls.HOME,
        types=types,
        counts={term.id: len(catalogue.of_type(term.id)) for term in types},
        newest=catalogue.newest(NEWEST_ON_HOME),
        figures=figures,
        countries=countries,
        map_teaser=home_teaser(catalogue, lang),
        search=urls.SEARCH,
        libraries=urls.LIBRARIES,
        about=urls.ABOUT,
    )


def type_pages(
    catalogue: Catalogue, type_id: str, lang: str, base_url: str = urls.PLACEHOLDER_BASE_URL, page_size: int = TYPE_PAGE_SIZE
) -> dict[str, str]:
    """The list of one type's practices, by title, in pages: site path -> Markdown."""
    term = vocabularies.terms("type")[type_id]
    practices = sorted(catalogue.of_type(type_id), key=lambda practice: title_order(practice, lang))
    updated = catalogue.last_updated(practices) or catalogue.last_updated()
    pages = {}
    for pagination, shown in paginate(practices, page_size, urls.type_page(type_id)):
        title = term.label[lang]
        if pagination.number > 1:
            title = word("pagination.page_title", lang, title=title, number=pagination.number, count=pagination.count)
        pages[pagination.page] = templated_page(
            "type.md.j2",
            **_front(pagination.page, lang, title, term.description[lang], base_url, updated),
            lang=lang,
            page=pagination.page,
            term=term,
            total=len(practices),
            practices=shown,
            pagination=pagination,
        )
    return pages


def practice_page(catalogue: Catalogue, practice: Practice, lang: str, base_url: str = urls.PLACEHOLDER_BASE_URL) -> str:
    text = practice.text(lang)
    related = [catalogue.by_slug[slug] for slug in practice.related if slug in catalogue.by_slug]
    return templated_page(
        "practice.md.j2",
        # The facts box takes the place of the sidebars: none is left empty.
        {
            "title": text.title,
            "description": text.summary,
            "updated": practice.updated,
            "hide": ["navigation", "toc"],
            "tab": urls.type_page(practice.type),  # its type's tab is highlighted (overrides/partials/tabs-item.html)
        },
        practice_head(practice, lang, base_url),
        lang=lang,
        citation=citation_html(citation(practice, lang, base_url)),
        downloads=download_names(practice.slug),
        page_url=urls.absolute(base_url, urls.in_language(urls.practice_page(practice.slug), lang)),
        short_url=urls.absolute(base_url, urls.short_link(practice.slug)),
        qr=qr_svg(urls.absolute(base_url, urls.short_link(practice.slug))),
        short_urls={other.slug: urls.absolute(base_url, urls.short_link(other.slug)) for other in related},
        page=urls.practice_page(practice.slug),
        practice=practice,
        related=related,
        library_pages={
            library.name: urls.library_page(library_slug(canonical_name(catalogue, library.name)))
            for library in practice.libraries
        },
        locator=practice_locator(catalogue, practice, lang),
    )


def library_page(catalogue: Catalogue, record: LibraryRecord, lang: str, base_url: str = urls.PLACEHOLDER_BASE_URL) -> str:
    number = count("practice_count", len(record.practices), lang)
    description = word("library_description", lang, name=record.name, count=number)
    front = _front(urls.library_page(record.slug), lang, record.name, description, base_url, catalogue.last_updated(record.practices))
    front["front"].update({"hide": ["navigation", "toc"], "tab": urls.LIBRARIES})
    return templated_page(
        "library.md.j2",
        **front,
        libraries=urls.LIBRARIES,
        lang=lang,
        page=urls.library_page(record.slug),
        record=record,
        practices=sorted(record.practices, key=lambda practice: title_order(practice, lang)),
        partners=partners(record, catalogue),
        locator=library_locator(catalogue, record, lang),
    )


def map_page(catalogue: Catalogue, lang: str, facet_values, base_url: str = urls.PLACEHOLDER_BASE_URL) -> str:
    """The map of every library and the lines between them; `facet_values(practice)` as the search's URL names them."""
    front = _front(urls.MAP, lang, word("map.title", lang), word("map.intro", lang), base_url, catalogue.last_updated())
    front["front"]["hide"] = ["navigation", "toc"]  # the map needs the width
    return templated_page(
        "map.md.j2",
        **front,
        lang=lang,
        body=markupsafe.Markup(map_page_body(catalogue, lang, facet_values)),
    )


def map_pages(catalogue: Catalogue, facet_values, base_url: str = urls.PLACEHOLDER_BASE_URL) -> dict[str, str]:
    """The map page of every language: docs-relative file name -> Markdown."""
    return {source_file(urls.MAP, lang): map_page(catalogue, lang, facet_values, base_url) for lang in vocabularies.languages()}


def libraries_page(records: list[LibraryRecord], lang: str, base_url: str = urls.PLACEHOLDER_BASE_URL, updated: str | None = None) -> str:
    by_country: dict[str, list[LibraryRecord]] = {}
    for record in records:
        by_country.setdefault(record.country, []).append(record)
    ordered = sorted(by_country.items(), key=lambda item: slug(vocabularies.country_name(item[0], lang)))
    return templated_page(
        "libraries.md.j2",
        **_front(urls.LIBRARIES, lang, word("field.libraries", lang), word("libraries_intro", lang), base_url, updated),
        lang=lang,
        page=urls.LIBRARIES,
        by_country=[(country, sorted(group, key=lambda record: slug(record.name))) for country, group in ordered],
    )


def iter_list_pages(
    catalogue: Catalogue, base_url: str = urls.PLACEHOLDER_BASE_URL, type_page_size: int = TYPE_PAGE_SIZE
) -> Iterator[tuple[str, str]]:
    """The home, type lists and library pages of every language, as (docs-relative file name, Markdown)."""
    records = library_records(catalogue)
    for lang in vocabularies.languages():
        yield source_file(urls.HOME, lang), home_page(catalogue, lang, base_url)
        for type_id in vocabularies.ids("type"):
            for page, markdown in type_pages(catalogue, type_id, lang, base_url, type_page_size).items():
                yield source_file(page, lang), markdown
        yield source_file(urls.LIBRARIES, lang), libraries_page(records, lang, base_url, catalogue.last_updated())
        for record in records:
            yield source_file(urls.library_page(record.slug), lang), library_page(catalogue, record, lang, base_url)


def iter_practice_pages(
    catalogue: Catalogue, practices: list[Practice], base_url: str = urls.PLACEHOLDER_BASE_URL
) -> Iterator[tuple[str, str]]:
    """The pages of `practices` in every language."""
    for practice in practices:
        for lang in vocabularies.languages():
            yield source_file(urls.practice_page(practice.slug), lang), practice_page(catalogue, practice, lang, base_url)

