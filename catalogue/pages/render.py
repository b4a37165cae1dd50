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

from catalogue.model import vocabularies
from catalogue.pages import urls
from catalogue.pages.engine_conventions import source_file
from catalogue.pages.citation import citation, citation_html, download_names
from catalogue.model.glossary import place_name
from catalogue.model.interface import count, language_name, word, written_in, years
from catalogue.model.libraries import LibraryRecord, canonical_name, library_records, library_slug, partners
from catalogue.model.practice import Catalogue, Practice
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


def home_page(catalogue: Catalogue, lang: str, base_url: str = urls.PLACEHOLDER_BASE_URL) -> str:
    types = list(vocabularies.terms("type").values())
    return templated_page(
        "home.md.j2",
        **_front(urls.HOME, lang, word("home_title", lang), word("home_intro", lang), base_url, catalogue.last_updated()),
        lang=lang,
        page=urls.HOME,
        types=types,
        counts={term.id: len(catalogue.of_type(term.id)) for term in types},
        newest=catalogue.newest(NEWEST_ON_HOME),
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
        {"title": text.title, "description": text.summary, "updated": practice.updated},
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
    )


def library_page(catalogue: Catalogue, record: LibraryRecord, lang: str, base_url: str = urls.PLACEHOLDER_BASE_URL) -> str:
    number = count("practice_count", len(record.practices), lang)
    description = word("library_description", lang, name=record.name, count=number)
    return templated_page(
        "library.md.j2",
        **_front(urls.library_page(record.slug), lang, record.name, description, base_url, catalogue.last_updated(record.practices)),
        lang=lang,
        page=urls.library_page(record.slug),
        record=record,
        practices=sorted(record.practices, key=lambda practice: title_order(practice, lang)),
        partners=partners(record, catalogue),
    )


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

