"""The facets of the search: which values each practice has, and their labels.

A facet's name is the URL parameter of the search page and the filter
name in the index, e.g. `search/?type=event&country=PL&audience=children`.
"""

from __future__ import annotations

from dataclasses import dataclass

from catalogue.model import vocabularies
from catalogue.model.interface import word
from catalogue.model.practice import Catalogue, Practice
from catalogue.search.text import fold

# Facet -> (vocabulary of its values or None, interface word of its name).
TERM_FACETS = {
    "type": ("type", "field.type"),
    "scope": ("scope", "field.scope"),
    "country": (None, "field.countries"),
    "audience": ("audience", "field.audience"),
    "partner": ("partner_kind", "search.partner_facet"),
    "status": ("status", "field.status"),
}
YEAR_FACET = "year"


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    options: list[tuple[str, str]]  # (value, label in the page's language)


def active_years(practice: Practice) -> list[int]:
    """Every year the practice ran: to its end, else to the year a source last said it runs."""
    start = practice.started or practice.ended
    if start is None:
        return []
    end = practice.ended
    if end is None:
        end = (practice.status_as_of or int(practice.updated[:4])) if practice.status in ("ongoing", "recurring") else start
    return list(range(start, max(start, end) + 1))


def facet_values(practice: Practice) -> dict[str, list[str]]:
    """The practice's value(s) of every facet, as the index stores them."""
    return {
        "type": [practice.type],
        "scope": [practice.scope],
        "country": list(practice.countries),
        "audience": list(practice.audience),
        "partner": list(dict.fromkeys(partner.kind for partner in practice.partners)),
        "status": [practice.status],
        YEAR_FACET: [str(year) for year in active_years(practice)],
    }


def facets(catalogue: Catalogue, lang: str) -> list[Facet]:
    """The facets of the search page in `lang`, with the values the catalogue uses."""
    used = {name: set() for name in TERM_FACETS}
    for practice in catalogue.practices:
        for name, values in facet_values(practice).items():
            if name in used:
                used[name].update(values)
    result = []
    for name, (vocabulary, label_key) in TERM_FACETS.items():
        if vocabulary:
            options = [(term, vocabularies.label(vocabulary, term, lang)) for term in vocabularies.ids(vocabulary)]
        else:
            options = sorted(
                ((code, vocabularies.country_name(code, lang)) for code in used[name]),
                key=lambda option: fold(option[1]),  # Česko among the C's
            )
        result.append(Facet(name, word(label_key, lang), [option for option in options if option[0] in used[name]]))
    return result


def year_span(catalogue: Catalogue) -> tuple[int, int] | None:
    """The first and last year any practice ran, or None."""
    years = [year for practice in catalogue.practices for year in active_years(practice)]
    return (min(years), max(years)) if years else None
