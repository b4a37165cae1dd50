"""Accessibility in chromium: axe-core finds no serious or critical violation on the
main kinds of page in every language, and the language switcher works by keyboard."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from catalogue import vocabularies

from .browser import served_site
from .conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
LANGUAGES = vocabularies.languages()
# Home, a type page, a practice page in its own language, a practice shown in
# another language with the notice, the about page, and the 404 page.
PAGES = ("", "types/project/", "practices/kacik-malucha/", "practices/zly-odkaz/", "about/")


def prefix(lang: str) -> str:
    return "" if lang == vocabularies.default_language() else f"{lang}/"


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        reason = "axe-core is missing: run `npm ci --omit=dev` (make test does)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def violations(hostile_site: Path, axe_source: str) -> dict[str, list[str]]:
    """Serious and critical axe violations of each page: 'rule: element' lines."""
    found = {}
    with served_site(hostile_site) as (browser, base):
        page = browser.new_page()
        for url in [prefix(lang) + path for lang in LANGUAGES for path in PAGES] + ["404.html"]:
            page.goto(base + url)
            page.add_script_tag(content=axe_source)
            result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
            found[url] = [
                f"{violation['id']}: {node['target']}"
                for violation in result["violations"]
                if violation["impact"] in ("serious", "critical")
                for node in violation["nodes"]
            ]
    return found


def test_no_serious_accessibility_violation(violations: dict[str, list[str]]):
    assert len(violations) == len(LANGUAGES) * len(PAGES) + 1
    assert {url: found for url, found in violations.items() if found} == {}


def test_axe_finds_a_violation_when_there_is_one(hostile_site: Path, axe_source: str):
    with served_site(hostile_site) as (browser, base):
        page = browser.new_page()
        page.goto(base)
        page.evaluate("document.documentElement.removeAttribute('lang')")
        page.add_script_tag(content=axe_source)
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    assert "html-has-lang" in {violation["id"] for violation in result["violations"]}


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != vocabularies.default_language()])
def test_language_switcher_works_by_keyboard(hostile_site: Path, lang: str):
    with served_site(hostile_site) as (browser, base):
        page = browser.new_page()
        page.goto(base + "practices/kacik-malucha/")
        target = page.locator(f'a.md-select__link[hreflang="{lang}"]')
        for _ in range(40):
            page.keyboard.press("Tab")
            if target.evaluate("link => link === document.activeElement"):
                break
        else:
            pytest.fail("Tab never reached the language switcher")
        assert target.is_visible()
        page.keyboard.press("Enter")
        page.wait_for_url(f"{base}{lang}/practices/kacik-malucha/")
        assert page.evaluate("document.documentElement.lang") == lang
