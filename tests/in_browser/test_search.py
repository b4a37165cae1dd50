"""The search as a reader uses it, in a real browser on a built site.

The site is built from tests/fixtures/search (see its README.md for why
each word is there) and served on 127.0.0.1; chromium runs headless.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlencode

import pytest

from catalogue.pages import urls
from catalogue.search.text import exact_terms, query_terms

from tests.browser import SiteServer, searched, transferred
from tests.conftest import SEARCH_ENTRIES, built, copy_project
from tests.sitecheck import pages

KACIK, NOC, KSIAZNICA, CITANIE, KNIHOVNA = (
    "kacik-malucha",
    "noc-v-knihovne",
    "ksiaznica-nad-wisla",
    "citanie-v-kniznici",
    "knihovna-pro-vsechny",
)
NO_RESULTS = {
    "cs": "Pro „xyzzy“ jsme nic nenašli. Zkuste jiné nebo kratší slovo, méně filtrů nebo hledání ve všech jazycích.",
    "pl": "Dla „xyzzy” nic nie znaleźliśmy. Spróbuj innego lub krótszego słowa, mniejszej liczby filtrów albo "
    "wyszukiwania we wszystkich językach.",
    "sk": "Pre „xyzzy“ sme nič nenašli. Skúste iné alebo kratšie slovo, menej filtrov alebo hľadanie vo všetkých jazykoch.",
}


@pytest.fixture(scope="module")
def search_site(tmp_path_factory) -> Path:
    return built(copy_project(tmp_path_factory.mktemp("search"), SEARCH_ENTRIES))


@pytest.fixture(scope="module")
def server(search_site):
    with SiteServer(search_site) as running:
        yield running


@pytest.fixture
def page(browser):
    context = browser.new_context()
    yield context.new_page()
    context.close()


def query_string(params) -> str:
    return "?" + urlencode(params) if params else ""


def open_search(page, server, lang: str, params=(), mark: str = "searched") -> list[str]:
    """Open the search page of `lang` with URL parameters; the slugs found, in order."""
    page.goto(server.url + urls.in_language(urls.SEARCH, lang) + query_string(params))
    searched(page, query_string(params), mark)
    return found(page)


def found(page) -> list[str]:
    links = page.eval_on_selector_all(".search-result a", "links => links.map(a => a.getAttribute('href'))")
    return [re.fullmatch(r"\.\./practices/([a-z0-9-]+)/", link).group(1) for link in links]


def status(page) -> str:
    return page.text_content("#search-status")


@pytest.mark.parametrize(
    "lang, query, expected",
    [
        ("pl", "kacik", [KACIK]),
        ("pl", "wisla", [KSIAZNICA]),
        ("cs", "tesin", [NOC]),
        ("pl", "ksiaznica", [KSIAZNICA]),
        ("cs", "knihovne", [NOC, KNIHOVNA]),
        ("pl", "bibliotece", [KACIK, KNIHOVNA]),
        ("sk", "knižnica", [CITANIE]),
        ("sk", "kniznica", [CITANIE]),
    ],
)
def test_typed_without_diacritics_or_in_another_form(page, server, lang, query, expected):
    assert open_search(page, server, lang, {"q": query}) == expected


@pytest.mark.parametrize(
    "lang, query, expected",
    [
        ("cs", "knihovna", {KNIHOVNA, NOC}),  # NOC says only "knihovně", "knihovny", "knihovnu"
        ("pl", "biblioteka", {KNIHOVNA, KACIK}),  # KACIK says only "bibliotece"
        ("pl", "dziecko", {KACIK, NOC, CITANIE}),  # "dzieci"; NOC and CITANIE are for children ("Dzieci")
        ("sk", "knižnica", {CITANIE}),  # "knižnici"
        ("cs", "deti", {NOC, CITANIE}),  # "Děti", "deťmi"
    ],
)
def test_any_inflected_form_finds_the_others(page, server, lang, query, expected):
    assert set(open_search(page, server, lang, {"q": query})) == expected


def test_exact_spelling_ranks_first(page, server):
    assert open_search(page, server, "cs", {"q": "knihovna"}) == [KNIHOVNA, NOC]
    assert open_search(page, server, "cs", {"q": "knihovně"}) == [NOC, KNIHOVNA]
    assert open_search(page, server, "pl", {"q": "biblioteka"}) == [KNIHOVNA, KACIK]


def test_search_is_scoped_to_the_page_language_with_one_click_to_all(page, server):
    # A practice written only in Czech is part of the Polish catalogue: found in Polish scope.
    assert open_search(page, server, "pl", {"q": "olse"}) == [NOC]
    assert page.get_attribute(".search-result .language-badge", "title") == "Tekst jest po czesku"
    # "radnice" is only in the Czech text of a practice translated into Polish.
    assert open_search(page, server, "pl", {"q": "radnice"}) == []
    page.click("text=we wszystkich językach")
    searched(page, "?q=radnice&lang=all")
    assert found(page) == [KNIHOVNA]
    assert page.text_content(".search-result a") == "Biblioteka dla wszystkich"  # shown in the reader's language
    assert page.url.endswith("/pl/search/?q=radnice&lang=all")


def test_all_languages_lists_each_practice_once(page, server):
    assert open_search(page, server, "cs", {"q": "wisla", "lang": "all"}) == [KSIAZNICA]
    assert status(page) == "Nalezeno: 1 praxe"


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"type": "event"}, {NOC, CITANIE}),
        ({"scope": "cross-border"}, {NOC}),
        ({"country": "PL"}, {KACIK, NOC, KSIAZNICA}),
        ({"audience": "seniors"}, {KSIAZNICA, KNIHOVNA}),
        ({"partner": "museum"}, {KSIAZNICA}),
        ({"status": "finished"}, {KSIAZNICA, CITANIE}),
        ({"from": "2009", "to": "2011"}, {NOC, KSIAZNICA}),
    ],
)
def test_each_facet_filters_and_shows_its_count(page, server, params, expected):
    assert len(open_search(page, server, "cs", (), "counted")) == 5
    name, value = next(iter(params.items()))
    if name in ("from", "to"):
        for field, year in params.items():
            page.fill(f'input[name="{field}"]', year)
    else:
        option = page.locator(f'input[name="{name}"][value="{value}"]').locator("xpath=..")
        assert option.locator(".search-facet__count").text_content() == f"({len(expected)})"
        option.locator("input").check()
    searched(page, query_string(params))
    assert set(found(page)) == expected


def test_facets_combine_with_text_and_with_each_other(page, server):
    assert open_search(page, server, "cs", {"q": "deti", "type": "event", "country": "SK"}, "counted") == [CITANIE]
    counts = page.eval_on_selector_all(
        ".search-facet__option",
        "labels => labels.map(l => [l.querySelector('input').name + '=' + l.querySelector('input').value,"
        " l.querySelector('.search-facet__count').textContent])",
    )
    counts = dict(counts)
    # Type counts ignore the chosen type; country counts ignore the chosen country.
    assert counts["type=event"] == "(1)" and counts["type=project"] == "(0)"
    assert [counts[f"country={code}"] for code in ("CZ", "PL", "SK")] == ["(1)", "(1)", "(1)"]
    assert counts["audience=families"] == "(1)"
    # Two values of one facet are alternatives.
    assert set(open_search(page, server, "cs", [("audience", "children"), ("audience", "seniors")])) == {
        KSIAZNICA,
        KNIHOVNA,
        NOC,
        CITANIE,
    }


def test_url_round_trip(page, server):
    params = {"q": "dziecko", "type": "project", "audience": "toddlers"}
    assert open_search(page, server, "pl", params) == [KACIK]
    assert page.input_value("#search-query") == "dziecko"
    assert page.is_checked('input[name="type"][value="project"]')
    assert page.is_checked('input[name="audience"][value="toddlers"]')
    # Filtering and typing write the state back into the URL.
    page.check('input[name="country"][value="PL"]')
    searched(page, "?q=dziecko&type=project&country=PL&audience=toddlers")
    page.fill("#search-query", "dziecko kacik")
    shared = "?q=dziecko+kacik&type=project&country=PL&audience=toddlers"
    searched(page, shared)
    assert page.url.endswith("/pl/search/" + shared)
    # The shared link shows the same search.
    other = page.context.new_page()
    other.goto(page.url)
    searched(other, shared)
    assert found(other) == found(page) == [KACIK]
    assert other.is_checked('input[name="country"][value="PL"]')


@pytest.mark.parametrize("lang", ["cs", "pl", "sk"])
def test_no_hits_says_so_in_the_page_language(page, server, lang):
    assert open_search(page, server, lang, {"q": "xyzzy"}) == []
    assert status(page) == NO_RESULTS[lang]


def test_results_show_title_summary_type_place_and_language(page, server):
    open_search(page, server, "sk", {"q": "tesin"})
    result = page.locator(".search-result").first
    assert result.locator("a").text_content() == "Noc v knihovně"
    assert result.locator(".search-result__summary").text_content() == (
        "Děti přespí v knihovně v Českém Těšíně a čtou si do pozdních hodin."
    )
    assert result.locator(".search-result__meta").text_content() == (
        "Spoločné podujatie · Český Těšín, Česko, Poľsko · čeština"
    )


def test_keyboard_only_from_the_header_box_to_a_practice(page, server):
    page.goto(server.url + "pl/practices/kacik-malucha/")
    for _ in range(30):
        if page.evaluate("document.activeElement.id") == "catalogue-search-input":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "catalogue-search-input"
    page.keyboard.type("wisla")
    page.keyboard.press("Enter")
    searched(page, "?q=wisla")
    assert page.url.endswith("/pl/search/?q=wisla")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.search-result') !== null"):
            break
    page.keyboard.press("Enter")
    page.wait_for_url("**/pl/practices/ksiaznica-nad-wisla/")


def test_every_page_has_the_search_box_of_its_language(search_site: Path):
    checked = 0
    for path in pages(search_site):
        if path.parent.name == "pagefind" or path.name == "404.html":
            continue
        relative = path.relative_to(search_site).as_posix()
        html = path.read_text("utf-8")
        if 'class="md-header' not in html:
            continue  # short links and redirects: no theme, no header
        lang = relative.split("/")[0] if relative.split("/")[0] in ("pl", "sk") else "cs"
        action = re.search(r'<form class="catalogue-search" role="search" action="([^"]+)"', html)
        assert action, relative
        target = (path.parent / action.group(1) / "index.html").resolve()
        assert target == (search_site / urls.in_language(urls.SEARCH, lang) / "index.html").resolve(), relative
        checked += 1
    # home, types, practices, libraries, about, contribute, search: every one has the box
    assert checked >= 3 * (1 + 4 + 5 + 1 + 1)


def test_without_javascript_the_search_page_says_so(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url + "sk/search/")
    notice = page.locator(".search-needs-js")
    assert notice.is_visible()
    assert notice.locator("p").text_content().startswith("Hľadanie potrebuje JavaScript")
    assert notice.locator("a").count() == 4
    context.close()


def test_browser_folds_and_stems_as_python_does(page, server):
    samples = "Kącik Malucha Wisłą Těšíně Książnicy knihovnách dzieciach knižniciach ŁÓDŹ Żylina deťmi 2005 50+ Ⅻ½"
    page.goto(server.url + "search/")
    in_browser = page.evaluate(
        """async (text) => {
            const rules = JSON.parse(document.getElementById('search-settings').textContent).rules;
            const { makeText } = await import('../assets/search/text.js');
            const words = makeText(rules);
            return [words.queryTerms(text), words.exactTerms(text)];
        }""",
        samples,
    )
    assert in_browser == [query_terms(samples), exact_terms(samples)]
    assert in_browser[0][:3] == ["ʒkacik", "ʒmaluch", "ʒwisl"]


def test_first_results_of_a_shared_link_cost_little(page, server):
    responses = transferred(page, lambda: open_search(page, server, "cs", {"q": "knihovna"}))
    search = sum(len(body) for url, body in responses if "/pagefind/" in url or "/assets/search/" in url)
    assert 0 < search <= 300_000, json.dumps([(url, len(body)) for url, body in responses])


def test_one_index_per_language_and_one_for_all_languages(search_site: Path):
    entry = json.loads((search_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert {lang: index["page_count"] for lang, index in entry["languages"].items()} == {
        "cs": 5,
        "pl": 5,
        "sk": 5,
        "mul": 5,
    }
    assert not list((search_site / "pagefind").glob("pagefind-ui.*"))  # only what the search page uses


# The same catalogue indexed in parts of two texts, as a catalogue of thousands is.
@pytest.fixture(scope="module")
def parted_server(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("search-parts"), SEARCH_ENTRIES)
    with SiteServer(built(project, CATALOGUE_SEARCH_PART_TEXTS="2")) as running:
        running.site = project / "site"
        yield running


def test_a_large_index_is_made_in_parts_that_cover_every_practice_once(parted_server):
    entry = json.loads((parted_server.site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    counts = {lang: index["page_count"] for lang, index in entry["languages"].items()}
    for lang in ("cs", "pl", "sk"):
        assert [counts[part] for part in (lang, f"{lang}-x-2", f"{lang}-x-3")] == [2, 2, 1]
    mul = {part: count for part, count in counts.items() if part.startswith("mul")}
    assert len(mul) > 2 and sum(mul.values()) == 5


@pytest.mark.parametrize(
    "lang, params, expected",
    [
        ("cs", {"q": "knihovna"}, {KNIHOVNA, NOC}),
        ("pl", {"q": "dziecko"}, {KACIK, NOC, CITANIE}),
        ("pl", {"q": "radnice", "lang": "all"}, {KNIHOVNA}),
        ("cs", {"q": "wisla", "lang": "all"}, {KSIAZNICA}),
    ],
)
def test_searches_find_the_same_practices_across_parts(page, parted_server, lang, params, expected):
    assert set(open_search(page, parted_server, lang, params)) == expected
