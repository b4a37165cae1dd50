"""The search page of each language: the form, the facets and the script's settings.

The facets are rendered here, with their labels in the page's language, so
the script only adds counts and results. Everything the script needs
(labels, words, the folding and stemming rules) travels in one JSON block.
"""

from __future__ import annotations

import json

import markupsafe

from catalogue.model import vocabularies
from catalogue.pages import urls
from catalogue.pages.engine_conventions import WITHOUT_SIDEBARS, source_file
from catalogue.model.interface import language_name, plural_forms, word, written_in
from catalogue.model.practice import Catalogue
from catalogue.pages.render import templated_page
from catalogue.search.facets import facets, year_span
from catalogue.search.index import ALL_LANGUAGES, BUNDLE, index_parts
from catalogue.search.text import browser_rules

RESULTS_PER_PAGE = 10
SCRIPT_WORDS = ("found", "no_results", "no_results_filters", "more", "loading", "failed")


def script_settings(catalogue: Catalogue, lang: str) -> dict:
    page = urls.in_language(urls.SEARCH, lang)
    parts = index_parts(catalogue)
    return {
        "lang": lang,
        # The first part of the page's index is the one Pagefind opens for the page's language.
        "pageParts": [part for part, _ in parts[lang][1:]],
        "allLanguages": [part for part, _ in parts[ALL_LANGUAGES]],
        "bundle": urls.link(page, BUNDLE + "/"),
        "practices": urls.link(page, urls.in_language("practices/", lang)),
        "pageSize": RESULTS_PER_PAGE,
        "rules": browser_rules(),
        "labels": {facet.name: dict(facet.options) for facet in facets(catalogue, lang)},
        "languageNames": {other: language_name(other, lang) for other in vocabularies.languages()},
        "badgeTitles": {
            other: word("badge_title", lang, language=written_in(other, lang)) for other in vocabularies.languages()
        },
        "practiceCount": plural_forms("practice_count", lang),
        "words": {key: word(f"search.{key}", lang) for key in SCRIPT_WORDS},
    }


def json_for_html(data: dict) -> markupsafe.Markup:
    """JSON that is safe inside a <script> element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return markupsafe.Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def search_page(catalogue: Catalogue, lang: str) -> str:
    page = urls.SEARCH
    return templated_page(
        "search.md.j2",
        # The facets need the width the navigation would take.
        {"title": word("search.title", lang), "description": word("search.intro", lang), **WITHOUT_SIDEBARS},
        lang=lang,
        page=page,
        facets=facets(catalogue, lang),
        years=year_span(catalogue),
        type_ids=vocabularies.ids("type"),
        settings=json_for_html(script_settings(catalogue, lang)),
        script=urls.file_link(urls.in_language(page, lang), urls.SEARCH_SCRIPT),
    )


def search_pages(catalogue: Catalogue) -> dict[str, str]:
    """The search page of every language: docs-relative file name -> Markdown."""
    return {source_file(urls.SEARCH, lang): search_page(catalogue, lang) for lang in vocabularies.languages()}
