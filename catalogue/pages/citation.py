"""How to cite a practice: a suggested citation, BibTeX and CSL-JSON.

The date of access is the reader's: the page fills it in when it is read
(`docs/assets/cite.js`), so the build itself stays the same every day.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

from markupsafe import Markup

from catalogue.pages import urls
from catalogue.model.interface import word
from catalogue.model.practice import Practice

# Language names as LaTeX (babel, biblatex) knows them.
BIBTEX_LANGUAGE = {"cs": "czech", "pl": "polish", "sk": "slovak"}
BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


@dataclass(frozen=True)
class Citation:
    key: str
    title: str
    libraries: list[str]
    catalogue: str
    year: str
    url: str
    lang: str  # the language of the page
    text_lang: str  # the language the cited text is written in
    updated: str


def citation(practice: Practice, lang: str, base_url: str) -> Citation:
    return Citation(
        key=f"{practice.slug}-{lang}",
        title=practice.text(lang).title,
        libraries=[library.name for library in practice.libraries],
        catalogue=word("site_name", lang),
        year=practice.updated[:4],
        url=urls.absolute(base_url, urls.in_language(urls.practice_page(practice.slug), lang)),
        lang=lang,
        text_lang=practice.shown_language(lang),
        updated=practice.updated,
    )


def citation_html(cited: Citation) -> Markup:
    """The suggested citation in the page's language; the date of access is a slot the page fills."""
    accessed = Markup('<span class="cite-accessed">{}</span>').format(word("cite_accessed_placeholder", cited.lang))
    return Markup(word("cite_format", cited.lang)).format(
        title=cited.title,
        libraries="; ".join(cited.libraries),
        catalogue=cited.catalogue,
        year=cited.year,
        accessed=accessed,
        url=Markup('<a href="{0}">{0}</a>').format(cited.url),
    )


def _bib(text: str) -> str:
    return "".join(BIBTEX_SPECIAL.get(char, char) for char in text)


def bibtex(cited: Citation) -> str:
    fields = [
        ("title", "{" + _bib(cited.title) + "}"),
        ("note", _bib(f"{word('field.libraries', cited.lang)}: {'; '.join(cited.libraries)}")),
        ("howpublished", _bib(cited.catalogue)),
        ("year", cited.year),
        ("url", cited.url),
        ("language", BIBTEX_LANGUAGE[cited.text_lang]),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{cited.key},\n{body}\n}}\n"


def csl_json(cited: Citation) -> str:
    year, month, day = (int(part) for part in cited.updated.split("-"))
    item = {
        "id": cited.key,
        "type": "webpage",
        "title": cited.title,
        "container-title": cited.catalogue,
        "note": f"{word('field.libraries', cited.lang)}: {'; '.join(cited.libraries)}",
        "issued": {"date-parts": [[year, month, day]]},
        "URL": cited.url,
        "language": cited.text_lang,
    }
    return json.dumps([item], ensure_ascii=False, indent=1) + "\n"


def download_names(slug: str) -> dict[str, str]:
    """File names of the downloads, next to each language version of the page."""
    return {"bibtex": f"{slug}.bib", "csl": f"{slug}.csl.json"}


def citation_files(practices: list[Practice], languages: tuple[str, ...], base_url: str) -> Iterator[tuple[str, str]]:
    """The downloads of every practice, also at the addresses of its former slugs, one at a time."""
    for practice in practices:
        for lang in languages:
            cited = citation(practice, lang, base_url)
            for slug in (practice.slug, *practice.aliases):
                folder = urls.in_language(urls.practice_page(slug), lang)
                names = download_names(slug)
                yield folder + names["bibtex"], bibtex(cited)
                yield folder + names["csl"], csl_json(cited)
