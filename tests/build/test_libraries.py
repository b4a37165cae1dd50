"""Libraries as pages, and the file that joins two spellings of one library."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from catalogue.model import vocabularies
from catalogue.model.libraries import library_records
from catalogue.checks.validate import check_catalogue, load_catalogue

from tests.conftest import FIXTURE_ENTRIES, copy_project
from tests.published import build_site, redirect_target
from tests.sitecheck import broken_links, parse
from tests.fixture_edits import NOC, PL, edit, messages

LODZ = "Biblioteka Testowa w Łodzi"
TESIN = "Testovací knihovna Český Těšín"
TESIN_OTHER = "Testovací knihovna v Českém Těšíně"
SPELLINGS = f"- name: {TESIN}\n  also: [{TESIN_OTHER}]\n"


def write_names(entries: Path, text: str) -> None:
    (entries / "libraries.yml").write_text(text, encoding="utf-8")


def share_a_library(entries: Path) -> None:
    """Both fixture practices name the Těšín library, one of them in another spelling."""
    edit(entries, PL, "partners:", f"  - name: {TESIN}\n    place: Český Těšín\n    country: CZ\npartners:")
    edit(entries, NOC, f"name: {TESIN}", f"name: {TESIN_OTHER}")
    write_names(entries, SPELLINGS)


NAMES_FILE = "entries/libraries.yml"
CASES = {
    "library named by no practice": (
        "- name: Knihovna Nikde\n  also: [Knihovna v Nikde]\n",
        [
            f"{NAMES_FILE}:1: no practice names the library 'Knihovna Nikde' or any of its other spellings; "
            "write the names exactly as the entries' libraries give them"
        ],
    ),
    "spelling that redirects to itself": (
        f"- name: {LODZ}\n  also: [{LODZ}]\n",
        [f"{NAMES_FILE}:2: '{LODZ}' is listed among its own other spellings; list only the other ways of writing it"],
    ),
    "redirect chain through another library's name": (
        f"- name: {LODZ}\n  also: [{TESIN}]\n- name: {TESIN}\n  also: [{TESIN_OTHER}]\n",
        [
            f"{NAMES_FILE}:3: '{TESIN}' is already declared on line 2; each spelling belongs to one library, "
            "and its page redirects straight to that library's page"
        ],
    ),
    "field that does not belong": (
        f"- name: {LODZ}\n  same: [Biblioteka w Łodzi]\n",
        [f"{NAMES_FILE}:2: unknown field '[0].same' (did you mean 'name'?); allowed fields: name, also, location, url"],
    ),
    "location with latitude and longitude swapped": (
        # 19.46 N, 51.76 E is in the Arabian Sea, not in Łódź.
        f"- name: {LODZ}\n  location: {{lat: 19.4560, lon: 51.7592}}\n",
        [
            f"{NAMES_FILE}:2: the location of '{LODZ}' (lat 19.456, lon 51.7592) is not in PL, the library's country "
            "in the practices (the point is in: -); check the numbers, and that lat and lon are not swapped"
        ],
    ),
    "location outside the library's country": (
        # Žilina, in Slovakia, given for a library in Łódź, Poland.
        f"- name: {LODZ}\n  location: {{lat: 49.2231, lon: 18.7394}}\n",
        [
            f"{NAMES_FILE}:2: the location of '{LODZ}' (lat 49.2231, lon 18.7394) is not in PL, the library's country "
            "in the practices (the point is in: SK); check the numbers, and that lat and lon are not swapped"
        ],
    ),
    "location out of range": (
        f"- name: {LODZ}\n  location: {{lat: 151.76, lon: 19.456}}\n",
        [f"{NAMES_FILE}:2: [0].location.lat must be between -90 and 90, not 151.76"],
    ),
    "location that is not a pair of numbers": (
        f"- name: {LODZ}\n  location: {{lat: 51.76}}\n",
        [f"{NAMES_FILE}:2: missing required field '[0].location.lon'"],
    ),
    "web address that is not one": (
        f"- name: {LODZ}\n  url: javascript:alert(1)\n",
        [f"{NAMES_FILE}:2: [0].url: 'javascript:alert(1)' is not valid; use a full address starting with http:// or https://"],
    ),
    "yaml that does not parse": (
        f"- name: {LODZ}\n  also: [Biblioteka w Łodzi\n",
        [
            f"{NAMES_FILE}:3: the file is not valid YAML: expected ',' or ']', but got '<stream end>' "
            "(while parsing a flow sequence started on line 2)"
        ],
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_library_names_file_is_checked(entries: Path, case: str):
    text, expected = CASES[case]
    write_names(entries, text)
    assert messages(entries) == expected


def test_a_declared_web_address_shows_on_the_library_page(entries: Path):
    from catalogue.checks.validate import load_catalogue
    from catalogue.model.libraries import library_records
    from catalogue.pages.render import library_page

    write_names(entries, f"- name: {LODZ}\n  url: https://biblioteka.example/lodz/\n")
    catalogue = load_catalogue(entries, entries.parent)
    record = next(record for record in library_records(catalogue) if record.name == LODZ)
    assert record.url == "https://biblioteka.example/lodz/"
    page = library_page(catalogue, record, "pl")
    assert '<a href="https://biblioteka.example/lodz/">biblioteka.example/lodz</a>' in page
    assert '<nav class="breadcrumb"' in page


def test_a_library_without_a_location_is_a_note_saying_what_to_add(entries: Path):
    """Not an error (a practice may be published first), but named at the practice's line."""
    write_names(entries, f"- name: {LODZ}\n  location: {{lat: 51.7592, lon: 19.4560}}\n")
    catalogue, problems = check_catalogue(entries, entries.parent)
    assert problems == []
    assert [note.format() for note in catalogue.unlocated] == [
        f"entries/{NOC}:9: note: the library '{TESIN}' is not on the map yet; add its location to {NAMES_FILE}: "
        f"`- {{name: {TESIN}, location: {{lat: …, lon: …}}}}` (the building, else the town centre)"
    ]
    assert catalogue.library_locations == {LODZ: (51.7592, 19.456)}


def test_a_location_beside_the_border_counts_as_inside(entries: Path):
    """Český Těšín faces Cieszyn across a river: the simplified outline puts the town in Poland."""
    write_names(entries, f"- name: {TESIN}\n  location: {{lat: 49.7461, lon: 18.6261}}\n  url: https://www.knihovnatesin.cz/\n")
    catalogue, problems = check_catalogue(entries, entries.parent)
    assert problems == []
    assert catalogue.library_urls == {TESIN: "https://www.knihovnatesin.cz/"}


def test_two_libraries_may_not_share_an_address(entries: Path):
    edit(entries, NOC, f"name: {TESIN}", "name: Biblioteka Testowa w Lodzi")
    assert messages(entries) == [
        f"entries/{NOC}:9: the library 'Biblioteka Testowa w Lodzi' would have the same address "
        f"libraries/biblioteka-testowa-w-lodzi/ as '{LODZ}'; declare them one library in entries/libraries.yml "
        "or tell them apart in the name"
    ]


def test_a_spelling_may_not_take_another_library_s_address(entries: Path):
    write_names(entries, f"- name: {TESIN}\n  also: [Biblioteka Testowa w Lodzi]\n")
    assert messages(entries) == [
        f"{NAMES_FILE}:2: the library 'Biblioteka Testowa w Lodzi' would have the same address "
        f"libraries/biblioteka-testowa-w-lodzi/ as '{LODZ}'; declare them one library in entries/libraries.yml "
        "or tell them apart in the name"
    ]


def test_names_are_matched_exactly_unless_declared(entries: Path):
    edit(entries, PL, "partners:", f"  - name: {TESIN}\n    place: Český Těšín\n    country: CZ\npartners:")
    edit(entries, NOC, f"name: {TESIN}", f"name: {TESIN_OTHER}")
    undeclared = library_records(load_catalogue(entries, entries.parent))
    assert [record.name for record in undeclared] == [LODZ, TESIN, TESIN_OTHER]
    write_names(entries, SPELLINGS)
    declared = library_records(load_catalogue(entries, entries.parent))
    assert [(record.name, record.spellings) for record in declared] == [(LODZ, []), (TESIN, [TESIN_OTHER])]
    assert [practice.slug for practice in declared[1].practices] == ["kacik-pro-nejmensi", "noc-v-knihovne"]
    assert declared[1].url == "https://knihovna.example/"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    entries = tmp_path_factory.mktemp("entries") / "entries"
    shutil.copytree(FIXTURE_ENTRIES, entries)
    share_a_library(entries)
    return build_site(copy_project(tmp_path_factory.mktemp("libraries"), entries))


def page(lang: str, path: str) -> str:
    return path if lang == vocabularies.default_language() else f"{lang}/{path}"


def test_every_library_has_a_page_in_every_language_listing_its_practices(site: Path):
    for lang in vocabularies.languages():
        tesin = parse(site / page(lang, "libraries/testovaci-knihovna-cesky-tesin/") / "index.html")
        assert tesin.lang == lang
        assert "../../practices/kacik-pro-nejmensi/" in tesin.links
        assert "../../practices/noc-v-knihovne/" in tesin.links
        assert "../biblioteka-testowa-w-lodzi/" in tesin.links  # works with
        lodz = parse(site / page(lang, "libraries/biblioteka-testowa-w-lodzi/") / "index.html")
        assert "../testovaci-knihovna-cesky-tesin/" in lodz.links
        assert "../../practices/noc-v-knihovne/" not in lodz.links
        index = parse(site / page(lang, "libraries/") / "index.html")
        assert {"biblioteka-testowa-w-lodzi/", "testovaci-knihovna-cesky-tesin/"} <= set(index.links)
    text = (site / "libraries/testovaci-knihovna-cesky-tesin/index.html").read_text(encoding="utf-8")
    assert f"Uváděna také jako: {TESIN_OTHER}" in text
    assert broken_links(site) == []


def test_practice_pages_link_to_their_libraries_whatever_the_spelling(site: Path):
    noc = parse(site / "pl/practices/noc-v-knihovne/index.html")
    assert "../../libraries/testovaci-knihovna-cesky-tesin/" in noc.links
    assert "https://knihovna.example/" in noc.links
    text = (site / "pl/practices/noc-v-knihovne/index.html").read_text(encoding="utf-8")
    assert f'<a href="../../libraries/testovaci-knihovna-cesky-tesin/">{TESIN_OTHER}</a>' in text


def test_the_other_spelling_s_address_redirects_to_the_library(site: Path):
    for lang in vocabularies.languages():
        old = page(lang, "libraries/testovaci-knihovna-v-ceskem-tesine/")
        assert redirect_target(site, old) == page(lang, "libraries/testovaci-knihovna-cesky-tesin/")
