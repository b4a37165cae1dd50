"""Accessibility in chromium: axe-core finds no serious or critical violation on the
main kinds of page in every language, and the language switcher works by keyboard."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from catalogue.model import vocabularies
from catalogue.pages import urls

from tests.browser import SiteServer, searched
from tests.conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
LANGUAGES = vocabularies.languages()
QUERY = "?q=knihovna"
# Home, a type page, a practice in its own language, a practice shown in
# another language with the notice, a library, the search page with results
# the about page and the map; then the 404 page.
PAGES = (
    urls.HOME, urls.type_page("project"), urls.practice_page("kacik-malucha"), urls.practice_page("zly-odkaz"),
    urls.library_page("biblioteka-miejska-w-cieszynie"), urls.SEARCH + QUERY, "about/", urls.MAP,
)


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        reason = "axe-core is missing: run `npm ci --omit=dev` (make test does)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return AXE.read_text(encoding="utf-8")


def serious_violations(page, axe_source: str) -> list[str]:
    page.add_script_tag(content=axe_source)
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']}: {node['target']}"
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
        for node in violation["nodes"]
    ]


@pytest.fixture(scope="module")
def violations(browser, hostile_site: Path, axe_source: str) -> dict[str, list[str]]:
    """Serious and critical axe violations of each page: 'rule: element' lines."""
    found = {}
    with SiteServer(hostile_site) as server:
        page = browser.new_page()
        for url in [urls.in_language(path, lang) for lang in LANGUAGES for path in PAGES] + ["404.html"]:
            page.goto(server.url + url)
            if QUERY in url:
                searched(page, QUERY)
            found[url] = serious_violations(page, axe_source)
        page.close()
    return found


def test_no_serious_accessibility_violation(violations: dict[str, list[str]]):
    assert len(violations) == len(LANGUAGES) * len(PAGES) + 1
    assert {url: found for url, found in violations.items() if found} == {}


def test_axe_finds_a_violation_when_there_is_one(browser, hostile_site: Path, axe_source: str):
    with SiteServer(hostile_site) as server:
        page = browser.new_page()
        page.goto(server.url)
        page.evaluate("document.documentElement.removeAttribute('lang')")
        assert "html-has-lang: ['html']" in serious_violations(page, axe_source)
        page.close()


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != vocabularies.default_language()])
def test_language_switcher_works_by_keyboard(browser, hostile_site: Path, lang: str):
    with SiteServer(hostile_site) as server:
        page = browser.new_page()
        page.goto(server.url + "practices/kacik-malucha/")
        target = page.locator(f'a.md-select__link[hreflang="{lang}"]')
        for _ in range(60):
            page.keyboard.press("Tab")
            if target.evaluate("link => link === document.activeElement"):
                break
        else:
            pytest.fail("Tab never reached the language switcher")
        assert target.is_visible()
        page.keyboard.press("Enter")
        page.wait_for_url(f"{server.url}{lang}/practices/kacik-malucha/")
        assert page.evaluate("document.documentElement.lang") == lang
        page.close()
