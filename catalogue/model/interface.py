"""Words of the interface, with plural forms and the formatting of facts."""

from __future__ import annotations


from babel import Locale

from catalogue.model.practice import Practice
from catalogue.model.datafiles import data_file


def _raw() -> dict:
    return data_file("interface.yml")


def word(key: str, lang: str, **params) -> str:
    """The interface text `key` in `lang`; dotted keys reach nested groups."""
    node = _raw()
    for part in key.split("."):
        node = node[part]
    return node[lang].format(**params) if params else node[lang]


def count(key: str, number: int, lang: str) -> str:
    """`number` with its noun in the right plural form ("5 praxí")."""
    form = Locale.parse(lang).plural_form(number)
    forms = _raw()[key][lang]
    return forms.get(form, forms["other"]).format(n=number)


def plural_forms(key: str, lang: str) -> dict[str, str]:
    """Every plural form of `key` in `lang`, by its CLDR category (as browsers name them)."""
    forms = _raw()[key][lang]
    categories = Locale.parse(lang).plural_form.tags | {"other"}
    return {category: forms.get(category, forms["other"]) for category in sorted(categories)}


def language_name(of: str, lang: str) -> str:
    return _raw()["language_name"][lang][of]


def written_in(of: str, lang: str) -> str:
    return _raw()["written_in"][lang][of]


def years(practice: Practice, lang: str) -> str:
    """The practice's period: "2005", "2000–2005", "od 2006" or "rok neuveden"."""
    started, ended = practice.started, practice.ended
    if started is None:
        return word("year_unknown", lang) if ended is None else str(ended)
    if ended is None:
        return word("since_year", lang, year=started) if practice.status in ("ongoing", "recurring") else str(started)
    return str(started) if ended == started else f"{started}–{ended}"
