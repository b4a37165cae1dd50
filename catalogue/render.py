"""Rendering the catalogue to Markdown pages, one file per page and language.

Entry text is data: every value goes through Jinja's HTML escaping; only
the Markdown body of an entry is passed on as Markdown.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2
import markupsafe
import yaml
from slugify import slugify

from . import site, vocabularies
from .glossary import place_name
from .interface import count, language_name, word, written_in, years
from .model import Catalogue, Practice

TEMPLATES = Path(__file__).parent / "templates"
NEWEST_ON_HOME = 6


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


def _page(template: str, front: dict, **context) -> str:
    # The theme prints page titles into HTML unescaped, so they are escaped here.
    front = {name: str(markupsafe.escape(value)) for name, value in front.items()}
    header = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
    body = environment().get_template(template).render(**context)
    return f"---\n{header}---\n\n{body}"


def last_updated(practices: list[Practice]) -> dict:
    """The page's date for the sitemap: the newest `updated` of what it shows."""
    return {"updated": max(practice.updated for practice in practices)} if practices else {}


def title_order(practice: Practice, lang: str) -> tuple[str, str]:
    """Sort key: the shown title without diacritics (ł and ß included), then the slug."""
    return slugify(practice.text(lang).title), practice.slug


def home_page(catalogue: Catalogue, lang: str) -> str:
    types = list(vocabularies.terms("type").values())
    return _page(
        "home.md.j2",
        {"title": word("home_title", lang), "description": word("home_intro", lang), **last_updated(catalogue.practices)},
        lang=lang,
        page=site.HOME,
        types=types,
        counts={term.id: len(catalogue.of_type(term.id)) for term in types},
        newest=catalogue.newest(NEWEST_ON_HOME),
    )


def type_page(catalogue: Catalogue, type_id: str, lang: str) -> str:
    term = vocabularies.terms("type")[type_id]
    practices = sorted(catalogue.of_type(type_id), key=lambda practice: title_order(practice, lang))
    return _page(
        "type.md.j2",
        {"title": term.label[lang], "description": term.description[lang], **last_updated(practices)},
        lang=lang,
        page=site.type_page(type_id),
        term=term,
        practices=practices,
    )


def practice_page(catalogue: Catalogue, practice: Practice, lang: str) -> str:
    text = practice.text(lang)
    related = [catalogue.by_slug[slug] for slug in practice.related if slug in catalogue.by_slug]
    return _page(
        "practice.md.j2",
        {"title": text.title, "description": text.summary, **last_updated([practice])},
        lang=lang,
        page=site.practice_page(practice.slug),
        practice=practice,
        related=related,
    )


def render_pages(catalogue: Catalogue) -> dict[str, str]:
    """Every generated page: docs-relative file name -> Markdown."""
    pages = {}
    for lang in vocabularies.languages():
        pages[site.source_file(site.HOME, lang)] = home_page(catalogue, lang)
        for type_id in vocabularies.ids("type"):
            pages[site.source_file(site.type_page(type_id), lang)] = type_page(catalogue, type_id, lang)
        for practice in catalogue.practices:
            pages[site.source_file(site.practice_page(practice.slug), lang)] = practice_page(catalogue, practice, lang)
    return pages
