"""Controlled vocabularies, read from the one file that defines them.

`data/vocabularies.yml` is the single source of truth: the validator, the
JSON Schema, the pages and the contributor tools all ask this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pycountry

from catalogue.model.datafiles import data_file


# Front-matter field -> vocabulary name, for fields whose values are terms.
VOCABULARY_FIELDS = ("type", "scope", "status", "partner_kind", "audience")


@dataclass(frozen=True)
class Term:
    id: str
    label: dict[str, str]
    description: dict[str, str]


def _raw() -> dict:
    return data_file("vocabularies.yml")


@cache
def languages() -> tuple[str, ...]:
    """The site's languages, the default one first."""
    raw = _raw()
    default = raw["default_language"]
    return (default, *[lang for lang in raw["languages"] if lang != default])


def default_language() -> str:
    return _raw()["default_language"]


@cache
def terms(vocabulary: str) -> dict[str, Term]:
    """The terms of one vocabulary, in their defined order."""
    return {
        term_id: Term(term_id, spec["label"], spec.get("description", {}))
        for term_id, spec in _raw()[vocabulary].items()
    }


def ids(vocabulary: str) -> list[str]:
    return list(terms(vocabulary))


def label(vocabulary: str, term_id: str, lang: str) -> str:
    return terms(vocabulary)[term_id].label[lang]


@cache
def country_codes() -> tuple[str, ...]:
    """Every ISO 3166-1 alpha-2 code: practices reach partners anywhere."""
    return tuple(sorted(country.alpha_2 for country in pycountry.countries))


@cache
def _country_translator(lang: str):
    import gettext

    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])


@cache
def country_name(code: str, lang: str) -> str:
    """The country's common name in `lang`, from pycountry's translations."""
    country = pycountry.countries.get(alpha_2=code)
    english = getattr(country, "common_name", None) or country.name
    translated = _country_translator(lang).gettext(country.name)
    if translated == country.name and english != country.name:
        translated = _country_translator(lang).gettext(english)
    return translated
