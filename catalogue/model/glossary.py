"""The glossary: key terms, section headings and place names in cs/pl/sk."""

from __future__ import annotations



from catalogue.model.datafiles import data_file


def _raw() -> dict:
    return data_file("glossary.yml")


def section_headings(lang: str) -> list[str]:
    """The recommended body sections, in order, in `lang`."""
    return [names[lang] for names in _raw()["sections"].values()]


def sections(lang: str) -> dict[str, str]:
    """The recommended body sections, in order: id -> heading in `lang`."""
    return {section_id: names[lang] for section_id, names in _raw()["sections"].items()}


def term(term_id: str, lang: str) -> str:
    return _raw()["terms"][term_id][lang]


def avoided_variants(lang: str) -> dict[str, str]:
    """Wrong variants that slip into `lang` texts -> the term to use instead."""
    return dict(_raw()["avoid"].get(lang) or {})


def place_name(place: str, lang: str) -> str:
    """`place` as readers of `lang` call it (Racibórz -> Ratiboř in Czech)."""
    return _raw()["places"].get(place, {}).get(lang, place)


def proper_names() -> list[str]:
    """Names of events, conferences and publications quoted unchanged in every language."""
    return list(_raw().get("proper_names") or [])
