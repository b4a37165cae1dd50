"""A real build of the site, checked as a reader and a data user would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from catalogue.model import vocabularies
from catalogue.checks.validate import load_catalogue

from tests.conftest import FIXTURE_ENTRIES, ROOT, build, built, copy_project
from tests.published import card_slugs, page_of
from tests.sitecheck import broken_links, cross_language_links, foreign_resources, missing_images, pages, parse

LANGUAGES = vocabularies.languages()


@pytest.fixture(scope="module")
def real_site(tmp_path_factory) -> Path:
    """The site built from the real entries."""
    return built(copy_project(tmp_path_factory.mktemp("real"), ROOT / "entries"))


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    """The site built from the two fixture practices (translations missing)."""
    return built(copy_project(tmp_path_factory.mktemp("fixture"), FIXTURE_ENTRIES))


def test_every_practice_has_a_page_in_every_language(real_site: Path):
    catalogue = load_catalogue(ROOT / "entries", ROOT)
    assert len(catalogue.practices) >= 12
    for practice in catalogue.practices:
        for lang in LANGUAGES:
            page = page_of(real_site, lang, f"practices/{practice.slug}/")
            assert page.is_file(), page
            assert parse(page).lang == lang
            assert practice.text(lang).title.replace("&", "&amp;") in page.read_text(encoding="utf-8")


def test_every_type_page_lists_exactly_its_practices(real_site: Path):
    catalogue = load_catalogue(ROOT / "entries", ROOT)
    for type_id in vocabularies.ids("type"):
        expected = {practice.slug for practice in catalogue.of_type(type_id)}
        assert len(expected) >= 2, f"type {type_id} needs at least two practices"
        for lang in LANGUAGES:
            page = page_of(real_site, lang, f"types/{type_id}/")
            listed = card_slugs(page) - {""}
            assert listed == expected, (lang, type_id)


def test_catalogue_json_matches_the_entries(real_site: Path):
    catalogue = load_catalogue(ROOT / "entries", ROOT)
    data = json.loads((real_site / "catalogue.json").read_text(encoding="utf-8"))
    assert data["languages"] == list(LANGUAGES)
    records = {record["id"]: record for record in data["practices"]}
    assert set(records) == {practice.slug for practice in catalogue.practices}
    for practice in catalogue.practices:
        record = records[practice.slug]
        assert record["type"] == practice.type
        assert record["countries"] == practice.countries
        assert record["original_language"] == practice.original_language
        assert record["translations"] == list(practice.texts)
        assert record["title"] == {lang: text.title for lang, text in practice.texts.items()}
        assert [library["name"] for library in record["libraries"]] == [lib.name for lib in practice.libraries]
        for lang, url in record["url"].items():
            assert (real_site / url / "index.html").is_file(), url


def test_every_internal_link_resolves(real_site: Path):
    assert len(pages(real_site)) > 100
    assert broken_links(real_site) == []


def test_nav_holds_only_the_top_pages(real_site: Path):
    home = (real_site / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('<nav class="md-nav md-nav--primary') :]
    nav = nav[: nav.index("</nav>")]
    assert "practices/" not in nav
    for type_id in vocabularies.ids("type"):
        assert f"types/{type_id}/" in nav


def test_untranslated_practice_shows_the_original_with_a_notice(fixture_site: Path):
    page = page_of(fixture_site, "sk", "practices/noc-v-knihovne/").read_text(encoding="utf-8")
    assert "Táto prax zatiaľ nie je preložená do slovenčiny. Nižšie je pôvodný text, napísaný po česky." in page
    assert '<div class="practice-head" lang="cs">' in page
    assert "Noc v knihovně" in page


def test_lists_mark_practices_not_written_in_the_page_language(fixture_site: Path):
    page = page_of(fixture_site, "pl", "types/event/").read_text(encoding="utf-8")
    assert 'title="Tekst jest po czesku">CS</span>' in page
    translated = page_of(fixture_site, "cs", "types/project/").read_text(encoding="utf-8")
    assert "language-badge" not in translated


def test_home_shows_types_with_counts_in_each_language(fixture_site: Path):
    expected = {"cs": "1 praxe", "pl": "1 praktyka", "sk": "1 prax"}
    for lang, count in expected.items():
        home = page_of(fixture_site, lang, "").read_text(encoding="utf-8")
        assert f">{count}</a>" in home
        assert vocabularies.label("type", "thematic-partnership", lang) in home


def test_invalid_entries_build_nothing(tmp_path: Path):
    project = copy_project(tmp_path / "project", FIXTURE_ENTRIES)
    original = project / "entries" / "kacik-pro-nejmensi" / "pl.md"
    original.write_text(original.read_text(encoding="utf-8").replace("type: project", "type: workshop"))
    result = build(project)
    assert result.returncode != 0
    assert (
        "entries/kacik-pro-nejmensi/pl.md:4: 'workshop' is not allowed in type; "
        "allowed: event, project, thematic-partnership, strategic-partnership"
    ) in result.stdout + result.stderr
    assert not (project / "site").exists()
    assert list((project / "build" / "docs").iterdir()) == []


def test_build_leaves_valid_entries_untouched(tmp_path: Path):
    project = copy_project(tmp_path / "project", FIXTURE_ENTRIES)
    before = {path: path.read_bytes() for path in (project / "entries").rglob("*") if path.is_file()}
    built(project)
    after = {path: path.read_bytes() for path in (project / "entries").rglob("*") if path.is_file()}
    assert before == after


def test_every_link_image_and_language_link_holds_with_hostile_entries(hostile_site: Path):
    assert broken_links(hostile_site) == []
    assert missing_images(hostile_site) == []
    assert cross_language_links(hostile_site, LANGUAGES) == []
    assert foreign_resources(hostile_site) == []


def test_the_404_page_speaks_the_default_language_and_leads_to_the_homes(real_site: Path):
    page = parse(real_site / "404.html")
    assert page.lang == vocabularies.default_language()
    switcher = [link.url for link in page.all_links if link.language_link]
    assert switcher == ["/", "/pl/", "/sk/"]
    assert not (real_site / "pl" / "404.html").exists()
