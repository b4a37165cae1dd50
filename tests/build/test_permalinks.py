"""Permanent links: a renamed practice keeps answering at every old address."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from catalogue.model import vocabularies
from catalogue.publishing.permalinks import permalink_files
from catalogue.checks.validate import load_catalogue

from tests.conftest import FIXTURE_ENTRIES, copy_project
from tests.published import build_site, head_of, redirect_target
from tests.sitecheck import broken_links, parse
from tests.fixture_edits import NEW, OLD, PL, edit, messages, rename

LANGUAGES = vocabularies.languages()
BASE = "https://library-cooperation.example/"


def in_language(page: str, lang: str) -> str:
    return page if lang == "cs" else f"{lang}/{page}"


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory) -> Path:
    entries = tmp_path_factory.mktemp("entries") / "entries"
    shutil.copytree(FIXTURE_ENTRIES, entries)
    rename(entries)
    return build_site(copy_project(tmp_path_factory.mktemp("renamed"), entries))


def test_alias_equal_to_its_own_slug_is_a_loop(entries: Path):
    edit(entries, PL, "updated:", f"aliases: [{OLD}]\nupdated:")
    assert messages(entries) == [
        f"entries/{PL}:28: alias '{OLD}' is this practice's own slug; "
        "its old address would redirect to itself: list only former slugs"
    ]


def test_every_old_address_in_every_language_leads_to_the_renamed_practice(renamed_site: Path):
    for lang in LANGUAGES:
        old, new = in_language(f"practices/{OLD}/", lang), in_language(f"practices/{NEW}/", lang)
        assert redirect_target(renamed_site, old) == new
        head = head_of(renamed_site / old / "index.html")
        assert head.lang == lang
        assert head.link("canonical") == [BASE + new]
        assert (renamed_site / new / "index.html").is_file()
        visible = [link for link in parse(renamed_site / old / "index.html").links]
        assert visible == [f"../{NEW}/"]
    assert redirect_target(renamed_site, f"pl/practices/{NEW}/") is None


def test_short_links_offer_every_language_without_javascript(renamed_site: Path):
    for slug in (NEW, OLD):
        page = renamed_site / "p" / slug / "index.html"
        assert parse(page).links == [
            f"../../practices/{NEW}/",
            f"../../pl/practices/{NEW}/",
            f"../../sk/practices/{NEW}/",
        ]
        head = head_of(page)
        assert head.lang == "pl"  # the language of the original
        assert head.title == "Kącik dla najmłodszych"
        assert head.link("canonical") == [BASE + f"pl/practices/{NEW}/"]
    assert (renamed_site / "p" / "noc-v-knihovne" / "index.html").is_file()
    assert broken_links(renamed_site) == []


def test_redirect_pages_escape_entry_text(entries: Path):
    edit(entries, PL, "title: Kącik dla najmłodszych", "title: '</title><script>alert(1)</script>'")
    edit(entries, PL, "updated:", "aliases: [stary-kacik]\nupdated:")
    files = permalink_files(load_catalogue(entries, entries.parent), BASE)
    assert set(files) == {
        "p/kacik-pro-nejmensi/index.html",
        "p/stary-kacik/index.html",
        "p/noc-v-knihovne/index.html",
        "practices/stary-kacik/index.html",
        "pl/practices/stary-kacik/index.html",
        "sk/practices/stary-kacik/index.html",
    }
    for html in files.values():
        assert "<script>alert" not in html
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>" in files["pl/practices/stary-kacik/index.html"]
