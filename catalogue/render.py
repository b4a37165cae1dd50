"""Rendering the catalogue to Markdown pages, one file per page and language.

Entry text is data: every value goes through Jinja's HTML escaping; only
the Markdown body of an entry is passed on as Markdown.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import jinja2
import markupsafe
from slugify import slugify

from . import site, vocabularies
from .glossary import place_name
from .interface import count, language_name, word, written_in, years
from .model import Catalogue, Practice
from .pagination import paginate

TEMPLATES = Path(__file__).parent / "templates"
NEWEST_ON_HOME = 6
# Practices on one page of a type's list: some 60 KB of HTML, whatever the catalogue's size.
TYPE_PAGE_SIZE = 100


def contact_href(contact: str) -> str:
    return contact if contact.startswith(("http://", "https://", "mailto:")) else f"mailto:{contact}"


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
    env.filters["country"] = lambda code, lang: vocabularies.country_name(code, lang)
    env.globals.update(
        word=word,
        count=count,
        years=years,
        language_name=language_name,
        written_in=written_in,
        place_name=place_name,
        contact_href=contact_href,
        link=site.link,
        in_language=site.in_language,
        type_page=site.type_page,
        practice_page=site.practice_page,
        languages=vocabularies.languages(),
    )
    return env


def front_matter(front: dict[str, str]) -> str:
    """YAML front matter of text fields, each a JSON string (which YAML reads as a quoted scalar).

    The theme prints page titles into HTML unescaped, so they are escaped here.
    """
    lines = (f"{name}: {json.dumps(str(markupsafe.escape(value)), ensure_ascii=False)}\n" for name, value in front.items())
    return "---\n" + "".join(lines) + "---\n"


def _page(template: str, front: dict, **context) -> str:
    body = environment().get_template(template).render(**context)
    return f"{front_matter(front)}\n{body}"


def title_order(practice: Practice, lang: str) -> tuple[str, str]:
    """Sort key: the shown title without diacritics (ł and ß included), then the slug."""
    # The backend named: 'auto' looks for the optional Unidecode on every call.
    return slugify(practice.text(lang).title, backend="text-unidecode"), practice.slug


def home_page(catalogue: Catalogue, lang: str) -> str:
    types = list(vocabularies.terms("type").values())
    return _page(
        "home.md.j2",
        {"title": word("home_title", lang), "description": word("home_intro", lang)},
        lang=lang,
        page=site.HOME,
        types=types,
        counts={term.id: len(catalogue.of_type(term.id)) for term in types},
        newest=catalogue.newest(NEWEST_ON_HOME),
    )


def type_pages(catalogue: Catalogue, type_id: str, lang: str, page_size: int = TYPE_PAGE_SIZE) -> dict[str, str]:
    """The list of one type's practices, by title, in pages: site path -> Markdown."""
    term = vocabularies.terms("type")[type_id]
    practices = sorted(catalogue.of_type(type_id), key=lambda practice: title_order(practice, lang))
    pages = {}
    for pagination, shown in paginate(practices, page_size, site.type_page(type_id)):
        title = term.label[lang]
        if pagination.number > 1:
            title = word("pagination.page_title", lang, title=title, number=pagination.number, count=pagination.count)
        pages[pagination.page] = _page(
            "type.md.j2",
            {"title": title, "description": term.description[lang]},
            lang=lang,
            page=pagination.page,
            term=term,
            total=len(practices),
            practices=shown,
            pagination=pagination,
        )
    return pages


def type_page(catalogue: Catalogue, type_id: str, lang: str) -> str:
    """The first page of a type's list."""
    return type_pages(catalogue, type_id, lang)[site.type_page(type_id)]


def practice_page(catalogue: Catalogue, practice: Practice, lang: str) -> str:
    text = practice.text(lang)
    related = [catalogue.by_slug[slug] for slug in practice.related if slug in catalogue.by_slug]
    return _page(
        "practice.md.j2",
        {"title": text.title, "description": text.summary},
        lang=lang,
        page=site.practice_page(practice.slug),
        practice=practice,
        related=related,
    )


def iter_pages(catalogue: Catalogue, type_page_size: int = TYPE_PAGE_SIZE) -> Iterator[tuple[str, str]]:
    """Every generated page as (docs-relative file name, Markdown), one at a time."""
    for lang in vocabularies.languages():
        yield site.source_file(site.HOME, lang), home_page(catalogue, lang)
        for type_id in vocabularies.ids("type"):
            for page, markdown in type_pages(catalogue, type_id, lang, type_page_size).items():
                yield site.source_file(page, lang), markdown
        for practice in catalogue.practices:
            yield site.source_file(site.practice_page(practice.slug), lang), practice_page(catalogue, practice, lang)


def render_pages(catalogue: Catalogue, type_page_size: int = TYPE_PAGE_SIZE) -> dict[str, str]:
    """Every generated page: docs-relative file name -> Markdown."""
    return dict(iter_pages(catalogue, type_page_size))
