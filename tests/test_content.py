"""The real entries: complete in three languages, sectioned, consistent, private."""

from __future__ import annotations

import re
import pytest

from catalogue.model import vocabularies
from catalogue.model.glossary import avoided_variants, proper_names, section_headings
from catalogue.model.practice import Practice
from catalogue.checks.privacy import EMAIL, phone_numbers
from catalogue.checks.validate import load_catalogue

from .conftest import ROOT

CATALOGUE = load_catalogue(ROOT / "entries", ROOT)
PRACTICES = CATALOGUE.practices
LANGUAGES = vocabularies.languages()

# Private persons named in the source documents: none of them may appear.
PERSONS_IN_SOURCES = ("Majewska", "Skrabka", "Galášov", "Chruščov", "Bartošov", "Jasiak", "Czarnik")


def names_in(practice: Practice) -> list[str]:
    """Official names the texts may quote unchanged, whatever their language."""
    names = [library.name for library in practice.libraries] + [partner.name for partner in practice.partners]
    names += [source.title for source in practice.sources] + practice.funding + proper_names()
    return sorted(names, key=len, reverse=True)


def prose(practice: Practice, lang: str) -> str:
    text = practice.texts[lang]
    words = f"{text.title}\n{text.summary}\n{text.body}"
    for name in names_in(practice):
        words = words.replace(name, " ")
    return words


def test_the_catalogue_holds_the_practices_of_the_sources():
    assert len(PRACTICES) >= 25
    for type_id in vocabularies.ids("type"):
        assert len(CATALOGUE.of_type(type_id)) >= 2, type_id


@pytest.mark.parametrize("practice", PRACTICES, ids=lambda practice: practice.slug)
def test_every_entry_is_written_in_all_three_languages(practice: Practice):
    assert list(practice.texts) == list(LANGUAGES)


@pytest.mark.parametrize("practice", PRACTICES, ids=lambda practice: practice.slug)
def test_every_body_has_the_recommended_sections_in_order(practice: Practice):
    for lang, text in practice.texts.items():
        headings = re.findall(r"^## (.+?)\s*$", text.body, flags=re.MULTILINE)
        assert headings == section_headings(lang), f"{practice.slug}/{lang}.md"
        sections = re.split(r"^## .+$", text.body, flags=re.MULTILINE)[1:]
        assert all(section.strip() for section in sections), f"{practice.slug}/{lang}.md has an empty section"


@pytest.mark.parametrize("practice", PRACTICES, ids=lambda practice: practice.slug)
def test_glossary_terms_are_used_not_their_known_wrong_variants(practice: Practice):
    for lang in practice.texts:
        words = set(re.findall(r"\w+", prose(practice, lang).lower()))
        wrong = {variant: term for variant, term in avoided_variants(lang).items() if variant in words}
        assert not wrong, f"{practice.slug}/{lang}.md: use {wrong}"


@pytest.mark.parametrize("practice", PRACTICES, ids=lambda practice: practice.slug)
def test_no_personal_data(practice: Practice):
    for lang, text in practice.texts.items():
        words = f"{text.title}\n{text.summary}\n{text.body}"
        assert not phone_numbers(words), f"{practice.slug}/{lang}.md: phone number"
        assert not EMAIL.findall(words), f"{practice.slug}/{lang}.md: e-mail address"
        for person in PERSONS_IN_SOURCES:
            assert person not in words, f"{practice.slug}/{lang}.md names a private person"


def test_library_names_are_written_identically_across_entries():
    seen: dict[str, tuple[str, str]] = {}
    for practice in PRACTICES:
        for library in practice.libraries:
            where = (library.place, library.country)
            assert seen.setdefault(library.name, where) == where, library.name


def test_the_wrong_variant_check_catches_a_slip():
    slip = "Knihovna spolupracuje s knižnica v Žilině."
    assert "knižnica" in set(re.findall(r"\w+", slip.lower())) & set(avoided_variants("cs"))


def test_the_personal_data_patterns_catch_examples():
    assert phone_numbers("volejte 603 415 885 nebo +48 71 335 22 37") == ["603 415 885", "+48 71 335 22 37"]
    assert EMAIL.findall("napište na jana.novakova@example.cz") == ["jana.novakova@example.cz"]
    assert not phone_numbers("v roce 2005 přišlo 76 knihovníků z 26 knihoven")

