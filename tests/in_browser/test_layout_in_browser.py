"""The site on a phone and on screens up to 1440 px, in chromium, in every language.

After a search on a 390x844 phone the first result shows without scrolling;
every target of the search page is 44x44 px at least; the header and its
tabs never run off the screen from 320 to 1440 px.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from catalogue.model import vocabularies
from catalogue.pages import urls

from tests.browser import SiteServer, searched

LANGUAGES = vocabularies.languages()
PHONE = {"width": 390, "height": 844}
WIDTHS = (320, 390, 768, 1024, 1280, 1440)
QUERY = "?q=knihovna"
TARGET = 44

# Interactive elements the reader can see, with the box a finger hits: a
# checkbox or radio is hit through its label. Hidden ones (the closed
# language menu, the drawer off screen, the skip link) do not count.
TARGETS_JS = """() => {
  const seen = [];
  const selector = 'a[href], button, input, select, textarea, summary, label:has(> input)';
  for (const element of document.querySelectorAll(selector)) {
    if (element.matches('input[type=checkbox], input[type=radio]') && element.closest('label')) continue;
    if (element.closest('label:has(> input)') && !element.matches('label')) continue;
    if (!element.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || box.right <= 0 || box.left >= innerWidth) continue;
    if (element.closest('.md-sidebar, .md-select__inner, noscript')) continue;
    seen.push({
      what: element.tagName.toLowerCase() + (element.className ? '.' + String(element.className).split(' ')[0] : '')
        + ' ' + (element.textContent || element.getAttribute('aria-label') || element.name || '').trim().slice(0, 30),
      width: Math.round(box.width), height: Math.round(box.height),
    });
  }
  return seen;
}"""


@pytest.fixture(scope="module")
def server(published_site: Path):
    with SiteServer(published_site) as running:
        yield running


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


def found_count(page) -> int:
    return int(re.search(r"\d+", page.text_content("#search-status")).group())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_after_a_search_on_a_phone_the_first_result_is_on_the_first_screen(phone, server, lang):
    phone.goto(server.url + urls.in_language(urls.SEARCH, lang) + QUERY)
    searched(phone, QUERY)
    assert phone.evaluate("scrollY") == 0
    top = phone.locator(".search-result").first.bounding_box()["y"]
    print(f"{lang}: first result's top edge at {top:.0f} px of {PHONE['height']}")
    assert 0 < top < PHONE["height"] - 100  # its title shows, not only its border


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_target_of_the_search_page_is_44_px_at_least(phone, server, lang):
    phone.goto(server.url + urls.in_language(urls.SEARCH, lang) + QUERY + "&type=project&countries=all&country=PL")
    searched(phone, QUERY + "&type=project&country=PL&countries=all")
    small = [target for target in phone.evaluate(TARGETS_JS) if min(target["width"], target["height"]) < TARGET]
    assert small == []
    # With the filters open too.
    phone.click("[data-search-toggle]")
    targets = phone.evaluate(TARGETS_JS)
    assert len([target for target in targets if target["what"].startswith("label")]) > 10
    assert [target for target in targets if min(target["width"], target["height"]) < TARGET] == []


def test_the_filters_wait_behind_a_button_and_chips_remove_them(phone, server):
    phone.goto(server.url + "pl/search/?q=biblioteka&country=CZ&country=PL&countries=all")
    searched(phone, "?q=biblioteka&country=CZ&country=PL&countries=all")
    toggle = phone.locator("[data-search-toggle]")
    assert toggle.text_content() == "Filtry (3)"
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not phone.locator(".search-page__facets").is_visible()
    chips = phone.locator(".search-chip")
    assert [chip.get_attribute("aria-label") for chip in chips.all()][:2] == ["Usuń filtr Czechy", "Usuń filtr Polska"]
    # "Both countries together": fewer results than either of them.
    together = found_count(phone)
    chips.last.click()  # no longer together
    searched(phone, "?q=biblioteka&country=CZ&country=PL")
    assert found_count(phone) > together > 0
    assert toggle.text_content() == "Filtry (2)"
    toggle.click()
    assert phone.locator(".search-page__facets").is_visible()
    phone.click("[data-search-show]")
    assert not phone.locator(".search-page__facets").is_visible()
    assert phone.evaluate("document.activeElement.id") == "search-status"


def test_the_words_found_are_marked_in_the_results(phone, server):
    phone.goto(server.url + "search/?q=knihovny")
    searched(phone, "?q=knihovny")
    marks = phone.locator(".search-result mark").all_text_contents()
    assert marks and all(mark.lower().startswith("knihov") for mark in marks)
    # Marked as text: the title still reads whole.
    assert phone.locator(".search-result a").first.evaluate("a => a.children.length") >= 0


@pytest.mark.parametrize("width", WIDTHS)
def test_the_header_never_runs_off_the_screen(browser, server, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    overflowing = {}
    for lang in LANGUAGES:
        for path in (urls.HOME, urls.practice_page("kacik-malucha"), urls.SEARCH, urls.LIBRARIES, urls.type_page("project")):
            page.goto(server.url + urls.in_language(path, lang))
            sizes = page.evaluate(
                """() => [...document.querySelectorAll('html, .md-header, .md-header__inner, .md-tabs, .md-tabs__list')]
                     .map(e => [e.className || e.tagName, e.scrollWidth, e.clientWidth])"""
            )
            bad = [size for size in sizes if size[1] != size[2]]
            if bad:
                overflowing[urls.in_language(path, lang)] = bad
            # The site's name is never cut to "Katal…".
            title = page.locator(".md-header__topic").first
            assert title.evaluate("t => t.scrollWidth <= t.clientWidth + 1"), (lang, width)
    context.close()
    assert overflowing == {}


def test_libraries_are_found_as_a_second_kind_of_result(phone, server):
    phone.goto(server.url + "pl/search/?q=opawa")
    searched(phone, "?q=opawa")
    phone.wait_for_selector("[data-search-libraries]:not([hidden])")
    assert phone.text_content("#search-libraries-heading").startswith("Biblioteki (")
    first = phone.locator(".library-result a").first
    assert first.text_content() == "Knihovna Petra Bezruče v Opavě"
    first.click()
    phone.wait_for_url("**/pl/libraries/knihovna-petra-bezruce-v-opave/")
    # The libraries are their own list: practices are counted without them.
    phone.goto(server.url + "pl/search/?q=xyzzy")
    searched(phone, "?q=xyzzy")
    assert phone.locator("[data-search-libraries]").is_hidden()
