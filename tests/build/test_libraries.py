"""Libraries as pages, and the file that joins two spellings of one library."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from catalogue.model import vocabularies
from catalogue.model.libraries import library_records
from catalogue.checks.validate import load_catalogue

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
        [
            f"{NAMES_FILE}:2: unknown field '[0].same' (did you mean 'name'?); allowed fields: name, also, location, url",
        ],
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
