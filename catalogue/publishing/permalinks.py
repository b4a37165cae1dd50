"""Addresses that must keep working for years.

A practice's former slugs (`aliases`) answer in every language with a
redirect page to its current page, and every practice has a short,
language-neutral link `p/<slug>/` that sends readers to the version in
their browser's language. These are static HTML files at their final
place in the site, so any engine that copies files publishes them.
"""

from __future__ import annotations

from catalogue.model import vocabularies
from catalogue.pages import urls
from catalogue.model.libraries import former_addresses, library_slug
from catalogue.model.practice import Catalogue, Practice
from catalogue.pages.render import environment


def redirect_html(lang: str, title: str, from_page: str, to_page: str, base_url: str) -> str:
    """A page at `from_page` that sends readers (and search engines) on to `to_page`."""
    return environment().get_template("redirect.html.j2").render(
        lang=lang,
        title=title,
        target=urls.link(from_page, to_page),
        canonical=urls.absolute(base_url, to_page),
    )


def short_link_html(practice: Practice, from_page: str, base_url: str) -> str:
    original = practice.original_language
    text = practice.text(original)
    languages = vocabularies.languages()
    return environment().get_template("short_link.html.j2").render(
        original=original,
        title=text.title,
        summary=text.summary,
        canonical=urls.absolute(base_url, urls.in_language(urls.practice_page(practice.slug), original)),
        pages={lang: urls.link(from_page, urls.in_language(urls.practice_page(practice.slug), lang)) for lang in languages},
        titles={lang: practice.text(lang).title for lang in languages},
    )


def index_file(page: str) -> str:
    return page + "index.html"


def permalink_files(catalogue: Catalogue, base_url: str) -> dict[str, str]:
    """Redirects from former slugs and other library spellings, and the short links: site path -> HTML."""
    files = {}
    for practice in catalogue.practices:
        for slug in (practice.slug, *practice.aliases):
            page = urls.short_link(slug)
            files[index_file(page)] = short_link_html(practice, page, base_url)
        for alias in practice.aliases:
            for lang in vocabularies.languages():
                old = urls.in_language(urls.practice_page(alias), lang)
                new = urls.in_language(urls.practice_page(practice.slug), lang)
                files[index_file(old)] = redirect_html(lang, practice.text(lang).title, old, new, base_url)
    for old_slug, name in former_addresses(catalogue).items():
        for lang in vocabularies.languages():
            old = urls.in_language(urls.library_page(old_slug), lang)
            new = urls.in_language(urls.library_page(library_slug(name)), lang)
            files[index_file(old)] = redirect_html(lang, name, old, new, base_url)
    return files
