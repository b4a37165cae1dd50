"""The contributor page on the built site, in every language, and the files it offers."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalogue.model import vocabularies
from catalogue.contributing.contributor_files import published_files

from tests.conftest import FIXTURE_ENTRIES, ROOT, copy_project
from tests.sitecheck import broken_links, parse
from tests.conftest import built
from tests.published import page_of

LANGUAGES = vocabularies.languages()
TITLES = {"cs": "Jak přispět", "pl": "Jak dodać praktykę", "sk": "Ako prispieť"}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return built(copy_project(tmp_path_factory.mktemp("contributors"), FIXTURE_ENTRIES))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_contributor_page_in_every_language_and_in_the_nav(site: Path, lang: str):
    page = page_of(site, lang, "contribute/")
    html = page.read_text(encoding="utf-8")
    assert parse(page).lang == lang
    assert TITLES[lang] in html
    home = page_of(site, lang, "").read_text(encoding="utf-8")
    nav = home[home.index('<nav class="md-nav md-nav--primary'):]
    assert "contribute/" in nav[: nav.index("</nav>")] and TITLES[lang] in nav
    assert "<!-- catalogue:" not in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_vocabularies_are_explained_from_their_definition(site: Path, lang: str):
    html = page_of(site, lang, "contribute/").read_text(encoding="utf-8")
    for vocabulary in ("type", "scope", "status", "audience", "partner_kind"):
        for term in vocabularies.terms(vocabulary).values():
            assert f"<code>{term.id}</code></td>\n<td>{term.label[lang]}</td>" in html, (vocabulary, term.id)
    description = vocabularies.terms("type")["thematic-partnership"].description[lang]
    assert description.split()[0] in html and description.split()[-1] in html


def test_templates_and_schema_are_offered_as_they_are(site: Path):
    assert published_files(ROOT) == [
        "schema/original.schema.json", "schema/translation.schema.json",
        "templates/entry-template.cs.md", "templates/entry-template.pl.md", "templates/entry-template.sk.md",
        "templates/practices-template.csv", "templates/practices-template.xlsx",
    ]
    for name in published_files(ROOT):
        assert (site / name).read_bytes() == (ROOT / name).read_bytes(), name
    links = parse(page_of(site, "sk", "contribute/")).links
    assert "../../templates/entry-template.sk.md" in links
    assert "../../templates/practices-template.xlsx" in links


def test_every_link_on_the_site_resolves(site: Path):
    assert broken_links(site) == []
