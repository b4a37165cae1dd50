"""The real entries: complete in three languages, sectioned, consistent, private."""

from __future__ import annotations

import datetime
import re

import frontmatter
import pytest

from catalogue.model import vocabularies
from catalogue.model.glossary import avoided_variants, proper_names, section_headings
from catalogue.model.practice import Practice
from catalogue.checks.own_words import name_candidates, person_key, run_fingerprints
from catalogue.checks.privacy import EMAIL, phone_numbers
from catalogue.checks.validate import load_catalogue
from catalogue.reading.parser import read_entry_file

from tests.conftest import ROOT

CATALOGUE = load_catalogue(ROOT / "entries", ROOT)
PRACTICES = CATALOGUE.practices
LANGUAGES = vocabularies.languages()

CONTENT = ROOT / "tests" / "fixtures" / "content"
# Fingerprints of the private persons the sources name (scripts/fingerprint_sources.py): none may appear.
PERSONS_IN_SOURCES = frozenset((CONTENT / "persons.txt").read_text(encoding="utf-8").split())
# Sentences saying that the sources are silent, in each language.
NOT_STATED = {
    "cs": re.compile(r"neuvád|nezmiňuj|nepopisuj|neuvedl|nesděluj|neříká|nejsou známy|není známo"),
    "pl": re.compile(r"nie podaj|nie wspomina|nie opisuj|nie wymienia|nie mówi|brak danych|nie wiadomo|nie jest znan"),
    "sk": re.compile(r"neuvád|nespomín|neopisuj|nehovor|nie je známe|nie sú známe"),
}
NEIGHBOURS = {"CZ", "PL", "SK"}
# Titles of publications, competitions and programmes, quoted as the sources give them.
QUOTED = re.compile(r"„[^“”\n]{1,200}[“”]|\"[^\"\n]{1,200}\"|»[^«\n]{1,200}«")
# Published documents that have no web address; each is cited by its title.
DOCUMENTS_WITHOUT_ADDRESS = {"Typy współpracy biblioteki"}  # a guide of the Polish Library Development Programme


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


def involves(practice: Practice, country: str) -> bool:
    return country in practice.countries or any(item.country == country for item in [*practice.libraries, *practice.partners])


def test_the_catalogue_holds_a_hundred_practices_of_every_type():
    assert len(PRACTICES) >= 100
    for type_id in vocabularies.ids("type"):
        assert len(CATALOGUE.of_type(type_id)) >= 15, type_id


def test_slovakia_and_the_borders_are_well_represented():
    assert sum(involves(practice, "SK") for practice in PRACTICES) >= 25
    across = [practice for practice in PRACTICES if len(NEIGHBOURS & set(practice.countries)) >= 2]
    assert len(across) >= 20
    assert all(practice.scope == "cross-border" for practice in across), [p.slug for p in across if p.scope != "cross-border"]


@pytest.mark.parametrize("practice", PRACTICES, ids=lambda practice: practice.slug)
def test_every_practice_cites_a_source_a_reader_can_find(practice: Practice):
    """A web address, or a published document named with its year (or one known to have none)."""
    assert any(source.url or source.year or source.title in DOCUMENTS_WITHOUT_ADDRESS for source in practice.sources)


@pytest.mark.parametrize("practice", PRACTICES, ids=lambda practice: practice.slug)
def test_the_sources_silence_is_said_at_most_once(practice: Practice):
    for lang, text in practice.texts.items():
        sentences = re.split(r"(?<=[.!?])\s+", f"{text.summary}\n{text.body}".lower())
        said = [sentence for sentence in sentences if NOT_STATED[lang].search(sentence)]
        assert len(said) <= 1, f"{practice.slug}/{lang}.md: {said}"


def test_on_average_at_most_one_silence_per_practice():
    for lang in LANGUAGES:
        said = sum(len(NOT_STATED[lang].findall(practice.texts[lang].body.lower())) for practice in PRACTICES)
        assert said <= len(PRACTICES), lang


@pytest.mark.parametrize("practice", PRACTICES, ids=lambda practice: practice.slug)
def test_no_run_of_eight_words_is_copied_from_the_sources(practice: Practice):
    """Official names (libraries, partners, source titles, funding) may be quoted; sentences may not."""
    fingerprints = CONTENT / "runs" / f"{practice.slug}.txt"
    if not fingerprints.is_file():
        pytest.skip(f"no fingerprints of the sources of {practice.slug} are kept")
    source_runs = set(fingerprints.read_text(encoding="utf-8").split())
    for lang in practice.texts:
        # A quotation, or the practice's own name (often a project's official title), breaks a run.
        words = QUOTED.sub(" QUOTATION ", prose(practice, lang).replace(practice.texts[lang].title, " QUOTATION "))
        copied = run_fingerprints(words) & source_runs
        assert not copied, f"{practice.slug}/{lang}.md shares {len(copied)} run(s) of 8 words with its sources"


def test_fingerprints_are_kept_for_the_sources_of_nearly_every_practice():
    kept = {path.stem for path in (CONTENT / "runs").glob("*.txt")}
    assert len(kept & {practice.slug for practice in PRACTICES}) >= 0.9 * len(PRACTICES)


def test_the_copy_check_finds_a_copied_sentence():
    source = "Knihovna připravila pro děti z mateřských škol pravidelné čtení pohádek každé úterý dopoledne."
    entry = "Pro děti z mateřských škol pravidelné čtení pohádek každé úterý dopoledne bylo svátkem."
    assert run_fingerprints(source) & run_fingerprints(entry)
    assert not run_fingerprints(source) & run_fingerprints("Každé úterý ráno knihovnice četly dětem ze školek pohádky.")


def test_the_name_check_finds_a_name_however_it_is_written():
    kept = {person_key("Jana Nováková")}
    assert name_candidates("Akci vedla JANA NOVAKOVA z knihovny.") & kept
    assert not name_candidates("Akci vedla knihovna.") & kept


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
        assert not name_candidates(words) & PERSONS_IN_SOURCES, f"{practice.slug}/{lang}.md names a private person"


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
    assert phone_numbers("volejte 123 456 789 nebo +44 20 7946 0321") == ["123 456 789", "+44 20 7946 0321"]
    assert EMAIL.findall("napište na jana.novakova@example.cz") == ["jana.novakova@example.cz"]
    assert not phone_numbers("v roce 2005 přišlo 76 knihovníků z 26 knihoven")



def _as_entries_read_them(value):
    """python-frontmatter's values with its dates written as the entries' text (the project keeps dates as text)."""
    if isinstance(value, dict):
        return {key: _as_entries_read_them(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_entries_read_them(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


ENTRY_FILES = sorted((ROOT / "entries").glob("*/*.md"))


@pytest.mark.parametrize("path", ENTRY_FILES, ids=[f"{path.parent.name}/{path.name}" for path in ENTRY_FILES])
def test_python_frontmatter_reads_every_entry_as_the_catalogue_does(path):
    """An ordinary YAML 1.1 reader (python-frontmatter, PyYAML) gets the same values: `NO` stays Norway."""
    entry, problems = read_entry_file(path, str(path.relative_to(ROOT)), path.stem)
    assert problems == []
    assert _as_entries_read_them(frontmatter.load(path).metadata) == entry.data


def test_the_comparison_sees_an_unquoted_country_code(tmp_path):
    path = tmp_path / "cs.md"
    path.write_text("---\ncountries: [CZ, NO]\n---\n\nText.\n", encoding="utf-8")
    entry, _ = read_entry_file(path, "cs.md", "cs")
    assert entry.data == {"countries": ["CZ", "NO"]}
    assert frontmatter.load(path).metadata == {"countries": ["CZ", False]}
