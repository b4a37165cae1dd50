"""What the design pass promises outside the browser: scopes that do not
overlap, the home page's figures, the footer, the contribute page's routes,
dates and places in the reader's language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from catalogue.model import vocabularies
from catalogue.pages.render import home_figures

from tests.conftest import ROOT

MKDOCS = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


@pytest.mark.parametrize(
    "countries, expected",
    [
        (["PL"], ("local", "regional", "national")),
        (["CZ", "PL"], ("cross-border",)),
        (["CZ", "US", "PL"], ("cross-border",)),  # two of them are neighbours
        (["CZ", "NO"], ("international",)),
        (["CZ", "GB", "US"], ("international",)),
        (["PL", "PL"], ("local", "regional", "national")),
    ],
)
def test_scope_follows_from_the_countries(countries, expected):
    assert vocabularies.expected_scopes(countries) == expected


def test_land_borders_are_pairs_of_country_codes():
    codes = set(vocabularies.country_codes())
    for pair in vocabularies.land_borders():
        assert len(pair) == 2 and pair <= codes, pair


def test_the_landed_entries_follow_the_scope_rule():
    from catalogue.checks.validate import load_catalogue

    catalogue = load_catalogue(ROOT / "entries", ROOT)
    for practice in catalogue.practices:
        assert practice.scope in vocabularies.expected_scopes(practice.countries), practice.slug


def test_home_figures_are_counted_from_the_catalogue():
    from catalogue.checks.validate import load_catalogue

    catalogue = load_catalogue(ROOT / "entries", ROOT)
    figures = home_figures(catalogue)
    assert figures["practices"] == len(catalogue.practices)
    assert figures["cross_border"] == sum(practice.scope == "cross-border" for practice in catalogue.practices)
    assert figures["countries"] == len({code for practice in catalogue.practices for code in practice.countries})
    assert (("CZ", "PL"), max(count for _, count in figures["pairs"])) in figures["pairs"]


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", vocabularies.languages())
def test_the_home_page_has_a_search_field_figures_and_ways_in(published_site: Path, lang: str):
    prefix = "" if lang == "cs" else f"{lang}/"
    html = page(published_site, prefix)
    assert re.search(r'<form class="home-search" role="search" action="search/"', html)
    assert html.count('<li><a href="search/?audience=') >= 3
    assert '<a href="search/?country=CZ">' in html
    assert 'href="search/?scope=cross-border&amp;country=CZ&amp;country=PL&amp;countries=all"' in html
    assert "MAP TEASER" not in html  # the marked place stays in the template


@pytest.mark.parametrize("lang", vocabularies.languages())
def test_every_page_has_the_catalogue_s_footer(published_site: Path, lang: str):
    prefix = "" if lang == "cs" else f"{lang}/"
    for path in ("", "practices/kacik-malucha/", "libraries/", "search/"):
        html = page(published_site, prefix + path)
        footer = html[html.index('<div class="catalogue-footer">') :]
        assert "creativecommons.org/licenses/by/4.0/" in footer
        assert f'href="{MKDOCS["repo_url"]}"' in footer
        assert f'href="mailto:{MKDOCS["extra"]["catalogue_editors"]}"' in footer
        depth = (prefix + path).count("/")
        assert f'href="{"../" * depth}catalogue.json"' in footer
        assert "Made with" not in html
        assert 'data-md-component="source"' not in html  # no call to GitHub's API


@pytest.mark.parametrize("lang", vocabularies.languages())
def test_the_contribute_page_links_the_issue_form_and_the_editors(published_site: Path, lang: str):
    html = page(published_site, ("" if lang == "cs" else f"{lang}/") + "contribute/")
    assert f'href="{MKDOCS["repo_url"]}/issues/new?template=propose-practice.yml"' in html
    assert f'href="mailto:{MKDOCS["extra"]["catalogue_editors"]}"' in html
    assert (ROOT / ".github" / "ISSUE_TEMPLATE" / "propose-practice.yml").is_file()


@pytest.mark.parametrize(
    "lang, date", [("cs", "22. listopadu 2026"), ("pl", "22 listopada 2026"), ("sk", "22. novembra 2026")]
)
def test_dates_are_written_in_the_reader_s_language(published_site: Path, lang: str, date: str):
    from catalogue.pages.render import long_date

    assert long_date("2026-11-22", lang) == date
    html = page(published_site, ("" if lang == "cs" else f"{lang}/") + "practices/kacik-malucha/")
    iso, shown = re.search(r'<time datetime="([0-9-]+)">([^<]+)</time>', html).groups()
    assert shown == long_date(iso, lang) != iso


def test_country_names_are_translated_in_every_index(published_site: Path):
    assert "Norge" not in page(published_site, "libraries/")
    assert "Norsko" in page(published_site, "libraries/")
