"""What the search index is made of, and the search page's settings."""

from __future__ import annotations

import json
import re

import pytest

from catalogue.search.facets import active_years, facet_values, facets
from catalogue.search import index as search_index
from catalogue.background import BackgroundJob, BackgroundJobError
from catalogue.build import Build
from catalogue.search.index import BUNDLE, SearchIndexError, all_languages_record, index_parts, language_record, part_records, write_index
from catalogue.search.page import json_for_html, search_page
from catalogue.checks.validate import load_catalogue

from tests.conftest import FIXTURE_ENTRIES, SEARCH_ENTRIES, copy_project


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(SEARCH_ENTRIES, SEARCH_ENTRIES.parent)


def spans(record: str, attribute: str) -> list[tuple[str, str]]:
    return re.findall(rf'<span {attribute}="([^"]+)">([^<]*)</span>', record)


def test_a_record_per_practice_and_language_and_one_for_all_languages(catalogue):
    files = {name: text for index, parts in index_parts(catalogue).items() for part, practices in parts
             for name, text in part_records(index, part, practices).items()}
    assert len(files) == 5 * 4
    assert "practices/noc-v-knihovne/index.html" in files
    assert "pl/practices/noc-v-knihovne/index.html" in files
    assert "mul/practices/noc-v-knihovne/index.html" in files


def test_an_untranslated_practice_is_indexed_with_its_original_text(catalogue):
    record = language_record(catalogue.by_slug["noc-v-knihovne"], "pl")
    assert '<html lang="pl">' in record
    meta = dict(spans(record, "data-pagefind-meta"))
    assert meta == {
        "title": "Noc v knihovně",
        "summary": "Děti přespí v knihovně v Českém Těšíně a čtou si do pozdních hodin.",
        "place": "Czeski Cieszyn",
        "slug": "noc-v-knihovne",
        "lang": "cs",
    }
    assert '<section lang="cs">' in record
    assert "ʒtesinʒtesineʒ" in record and "ʒknihovnʒknihovneʒ" in record  # the words of the text
    assert "ʒdzikʒdzieciʒ" in record  # and of the facts, in the language of the index


def test_filters_carry_every_facet_value(catalogue):
    record = language_record(catalogue.by_slug["ksiaznica-nad-wisla"], "cs")
    assert spans(record, "data-pagefind-filter") == [
        ("type", "thematic-partnership"),
        ("scope", "regional"),
        ("country", "PL"),
        ("audience", "seniors"),
        ("partner", "museum"),
        ("status", "finished"),
        ("year", "2008"),
        ("year", "2009"),
        ("year", "2010"),
    ]


def test_the_all_languages_record_holds_every_text(catalogue):
    record = all_languages_record(catalogue.by_slug["ksiaznica-nad-wisla"])
    assert '<html lang="mul">' in record
    meta = dict(spans(record, "data-pagefind-meta"))
    assert meta["original"] == "pl"
    assert meta["title_cs"] == "Setkání seniorů nad Vislou"
    assert meta["title_sk"] == "Stretnutia seniorov nad Vislou"
    assert meta["place_cs"] == meta["place_pl"] == "Wisła"
    assert re.findall(r'<section lang="(\w+)">', record) == ["cs", "pl", "sk"]


def test_active_years_run_to_the_end_or_to_the_last_check(catalogue):
    assert active_years(catalogue.by_slug["ksiaznica-nad-wisla"]) == [2008, 2009, 2010]
    assert active_years(catalogue.by_slug["knihovna-pro-vsechny"]) == list(range(2012, 2027))  # ongoing, checked 2026
    practice = catalogue.by_slug["citanie-v-kniznici"]
    practice.started = practice.ended = None
    assert facet_values(practice)["year"] == []


def test_facets_are_labelled_in_the_page_language(catalogue):
    by_name = {facet.name: facet for facet in facets(catalogue, "pl")}
    assert by_name["country"].label == "Kraje"
    assert by_name["country"].options == [("CZ", "Czechy"), ("PL", "Polska"), ("SK", "Słowacja")]
    assert by_name["partner"].label == "Rodzaj partnera"
    assert ("museum", "Muzeum") in by_name["partner"].options
    assert [value for value, _ in by_name["type"].options] == [
        "event",
        "project",
        "thematic-partnership",
        "strategic-partnership",
    ]


def test_settings_json_cannot_end_its_script_element():
    text = json_for_html({"label": "</script><script>alert(1)</script> & more"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"label": "</script><script>alert(1)</script> & more"}


def test_search_page_hands_its_script_the_words_of_its_language(catalogue):
    page = search_page(catalogue, "sk")
    settings = page[page.index('<script type="application/json" id="search-settings">') :]
    data = json.loads(settings[settings.index(">") + 1 : settings.index("</script>")])
    assert data["lang"] == "sk"
    assert data["practiceCount"] == {"few": "{n} praxe", "many": "{n} praxe", "one": "{n} prax", "other": "{n} praxí"}
    assert data["words"]["no_results"].startswith("Pre „{query}“ sme nič nenašli.")
    assert data["labels"]["country"] == {"CZ": "Česko", "PL": "Poľsko", "SK": "Slovensko"}
    assert data["bundle"] == "../../pagefind/" and data["practices"] == "../practices/"
    assert '<script type="module" src="../../assets/search/search.js"></script>' in page


def index_job(catalogue) -> BackgroundJob:
    return BackgroundJob(lambda folder: write_index(catalogue, folder / BUNDLE), replaced=(BUNDLE,), label="Indexing",
                         expected=(SearchIndexError,))


def test_the_index_is_made_beside_the_build_and_put_into_the_site(catalogue, tmp_path):
    job = index_job(catalogue)
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "stale.js").write_text("old", encoding="utf-8")
    job.finish(tmp_path)
    bundle = {path.name for path in (tmp_path / "pagefind").iterdir()}
    assert "pagefind.js" in bundle and "stale.js" not in bundle
    assert not any(name.startswith("pagefind-ui") for name in bundle)


def test_short_links_and_citations_are_made_in_the_same_child_and_moved_into_the_site(tmp_path):
    root = copy_project(tmp_path / "project", FIXTURE_ENTRIES)
    build = Build(root, tmp_path / "docs", "https://library-cooperation.example/")
    build.prepare()
    site = tmp_path / "site"
    site.mkdir()
    build.finish(site)
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert list((site / "p").glob("*/index.html"))
    assert list((site / "practices").glob("*/*.bib"))


def test_a_failure_while_indexing_is_reported_by_finish(catalogue, tmp_path, monkeypatch):
    def broken(index, part, practices):
        raise RuntimeError("no records")

    monkeypatch.setattr(search_index, "part_records", broken)  # the forked child runs this module as it is now
    job = index_job(catalogue)
    with pytest.raises(BackgroundJobError, match=r"Indexing failed: RuntimeError\('no records'\)"):
        job.finish(tmp_path)
    assert not (tmp_path / "pagefind").exists()


def test_a_cancelled_index_leaves_nothing_behind(catalogue):
    job = index_job(catalogue)
    job.cancel()
    assert job.left_nothing_behind()
