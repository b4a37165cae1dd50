"""In a real browser: printing a practice, its QR code, the short link and the Cite box."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import zxingcpp

from catalogue.checks.validate import load_catalogue

from tests.browser import SiteServer
from tests.conftest import ROOT

BASE = "https://library-cooperation.example/"
CATALOGUE = load_catalogue(ROOT / "entries", ROOT)


# `browser` is the session's (tests/conftest.py): one chromium per run, as two cannot share a thread.


@pytest.fixture(scope="module")
def server(published_site: Path):
    """The built site over HTTP on the loopback interface, as a reader gets it."""
    with SiteServer(published_site) as site:
        yield site.url


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


def longest_practice():
    return max(CATALOGUE.practices, key=lambda practice: max(len(text.body) for text in practice.texts.values()))


def page_url(server: str, lang: str, slug: str) -> str:
    return server + ("" if lang == "cs" else f"{lang}/") + f"practices/{slug}/"


@pytest.mark.parametrize("lang", ["cs", "pl", "sk"])
def test_the_longest_practice_prints_on_at_most_two_pages(browser, server, lang):
    page = browser.new_page()
    page.goto(page_url(server, lang, longest_practice().slug))
    page.emulate_media(media="print")
    assert page.locator(".facts").is_visible()
    assert page.locator(".qr-code").is_visible()
    for chrome in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer", ".other-languages", ".cite-actions"):
        assert not page.locator(chrome).first.is_visible(), chrome
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    assert 1 <= pdf_pages(pdf) <= 2
    page.close()


def test_printed_links_show_where_they_lead(browser, server):
    practice = next(practice for practice in CATALOGUE.practices if practice.related)
    page = browser.new_page()
    page.goto(page_url(server, "pl", practice.slug))
    page.emulate_media(media="print")
    shown = page.eval_on_selector(".related a", "link => getComputedStyle(link, '::after').content")
    assert shown == f'" <{BASE}p/{practice.related[0]}/>"'
    page.close()


READ_QR = """() => new Promise((resolve) => {
  const svg = document.querySelector('.qr-code');
  const modules = svg.viewBox.baseVal.width, scale = 8, size = modules * scale;
  const image = new Image();
  image.onload = () => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size;
    const context = canvas.getContext('2d');
    context.imageSmoothingEnabled = false;
    context.drawImage(image, 0, 0, size, size);
    const rgba = context.getImageData(0, 0, size, size).data;
    const gray = [];
    for (let i = 0; i < rgba.length; i += 4) gray.push(rgba[i]);
    resolve({size: size, gray: gray});
  };
  image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));
})"""


@pytest.mark.parametrize("slug", ["kacik-malucha", "tvorime-vlastni-vydavatelstvi"])
def test_the_qr_code_decodes_to_the_short_link(browser, server, slug):
    page = browser.new_page()
    page.goto(page_url(server, "sk", slug))
    drawn = page.evaluate(READ_QR)
    pixels = memoryview(bytes(drawn["gray"])).cast("B", (drawn["size"], drawn["size"]))
    assert [result.text for result in zxingcpp.read_barcodes(pixels)] == [f"{BASE}p/{slug}/"]
    page.close()


@pytest.mark.parametrize(
    ("languages", "expected"),
    [("sk-SK", "sk/"), ("de-DE,pl;q=0.8", "pl/"), ("en-US", "pl/"), ("cs", "")],
)
def test_the_short_link_opens_the_reader_s_language(browser, server, languages, expected):
    # Kącik Malucha is written in Polish: readers of other languages get the original.
    context = browser.new_context(locale=languages.split(",")[0], extra_http_headers={"Accept-Language": languages})
    page = context.new_page()
    page.add_init_script(f"Object.defineProperty(navigator, 'languages', {{get: () => {languages.split(',')!r}.map(l => l.split(';')[0])}})")
    page.goto(server + "p/kacik-malucha/")
    page.wait_for_url(server + expected + "practices/kacik-malucha/")
    assert page.locator("h1").first.inner_text() == CATALOGUE.by_slug["kacik-malucha"].text(expected.rstrip("/") or "cs").title
    context.close()


def test_the_cite_box_fills_in_today_and_copies(browser, server):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
    page = context.new_page()
    page.goto(page_url(server, "cs", "kacik-malucha"))
    today = page.evaluate("() => new Date().toLocaleDateString('sv-SE')")  # ISO order: 2026-11-22
    assert page.locator(".cite-accessed").inner_text() == today
    button = page.locator("button.cite-copy")
    assert button.is_visible()
    button.click()
    page.wait_for_function("() => document.querySelector('button.cite-copy').textContent === 'Zkopírováno'")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == page.locator("#cite-text").inner_text().strip()
    assert f"[cit. {today}]" in copied
    context.close()
