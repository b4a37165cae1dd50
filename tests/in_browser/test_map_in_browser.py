"""The map page in chromium: a point per library, links, the URL's filters, no script, keyboard, drawn outlines."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from catalogue.model.libraries import library_slug

from tests.browser import SiteServer
from tests.in_browser.test_accessibility import axe_source, serious_violations  # noqa: F401 - a fixture and its helper
from tests.build.test_map import LODZ, LODZ_OTHER, TESIN, map_site  # noqa: F401 - the built site is a fixture

LANGUAGES = {"cs": "", "pl": "pl/", "sk": "sk/"}
LIBRARIES = {LODZ, LODZ_OTHER, TESIN}
HOME_FILL = (0xFD, 0xFB, 0xF5)  # .map-land .is-home in docs/assets/map.css
BORDER = (0x5C, 0x66, 0x64)


@pytest.fixture(scope="module")
def server(map_site: Path):  # noqa: F811
    with SiteServer(map_site) as running:
        yield running.url


def open_map(browser, server: str, lang: str, query: str = "", **context):
    page = browser.new_context(**context).new_page()
    page.goto(f"{server}{LANGUAGES[lang]}map/{query}")
    return page


def libraries_reached(page) -> set[str]:
    """The libraries a reader reaches from the points: a point's own page, or the links of its town in the list."""
    return set(
        page.evaluate(
            """() => [...document.querySelectorAll('svg[data-map] a.map-point')].flatMap((point) => {
                const href = point.getAttribute('href');
                if (!href.startsWith('#')) return [point.getAttribute('aria-label').split(',')[0]];
                return [...document.getElementById(href.slice(1)).querySelectorAll('a')].map((a) => a.textContent);
            })"""
        )
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_map_shows_a_point_per_library_in_every_language(browser, server, lang):
    page = open_map(browser, server, lang)
    points = page.locator("svg[data-map] a.map-point")
    assert points.count() == 2  # Łódź (two libraries, merged) and Český Těšín
    for index in range(points.count()):
        assert points.nth(index).is_visible()
    assert libraries_reached(page) == LIBRARIES
    assert page.locator("svg[data-map] .map-point.is-merged text").text_content() == "2"
    page.context.close()


def test_a_point_leads_to_its_library_page(browser, server):
    page = open_map(browser, server, "pl")
    page.locator(f'a.map-point[data-town="CZ/Český Těšín"]').click()
    page.wait_for_url(f"**/pl/libraries/{library_slug(TESIN)}/")
    assert page.locator("h1").inner_text() == TESIN
    page.context.close()


def test_the_search_page_s_type_facet_filters_the_map(browser, server):
    page = open_map(browser, server, "cs", "?type=event")
    # Only the Český Těšín night is an event; the Łódź project and its line are hidden.
    assert page.locator('a.map-point[data-town="CZ/Český Těšín"]').is_visible()
    assert not page.locator('a.map-point[data-town="PL/Łódź"]').is_visible()
    assert not page.locator("svg[data-map] path.map-link").is_visible()
    assert page.locator("#town-pl-łódź").is_hidden()
    assert "1" in page.locator("[data-map-status]").inner_text()
    page.goto(page.url.split("?")[0] + "?type=project&country=PL")
    assert page.locator('a.map-point[data-town="PL/Łódź"]').is_visible()
    assert page.locator("svg[data-map] path.map-link").is_visible()
    page.goto(page.url.split("?")[0] + "?from=1900&to=1901")
    assert page.locator("a.map-point:visible").count() == 0
    page.context.close()


def test_the_map_works_without_javascript(browser, server):
    page = open_map(browser, server, "sk", "?type=event", java_script_enabled=False)
    # The filter needs the script: everything shows, and every point is still a link.
    assert page.locator("svg[data-map] a.map-point:visible").count() == 2
    assert libraries_reached(page) == LIBRARIES
    assert page.locator("[data-map-status]").inner_text() == ""
    page.locator('a.map-point[data-town="CZ/Český Těšín"]').click()
    page.wait_for_url(f"**/sk/libraries/{library_slug(TESIN)}/")
    page.context.close()


def test_keyboard_focus_reaches_every_point_and_shows_its_name(browser, server):
    page = open_map(browser, server, "cs")
    reached, tips = set(), set()
    for _ in range(80):
        page.keyboard.press("Tab")
        town = page.evaluate("document.activeElement.getAttribute('data-town')")
        if town:
            reached.add(town)
            tips.add(page.locator("#map-tip").inner_text().split("\n")[0])
    assert reached == {"CZ/Český Těšín", "PL/Łódź"}
    assert any(TESIN in tip for tip in tips)
    page.context.close()


def png_pixels(png: bytes) -> tuple[int, int, list[tuple[int, int, int]]]:
    """Width, height and RGB pixels of an 8-bit, non-interlaced PNG (what chromium's screenshots are)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    position, data, width = 8, b"", 0
    while position < len(png):
        length, kind = struct.unpack(">I4s", png[position : position + 8])
        chunk = png[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            data += chunk
        position += 12 + length
    raw, stride, previous, pixels = zlib.decompress(data), width * channels, bytearray(width * channels), []
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                guess = min((abs(p - left), 0, left), (abs(p - up), 1, up), (abs(p - corner), 2, corner))[2]
                line[i] = (line[i] + guess) & 255
        pixels += [tuple(line[i : i + 3]) for i in range(0, stride, channels)]
        previous = line
    return width, height, pixels


def outlines_drawn(png: bytes) -> tuple[bool, float, float]:
    """Whether a screenshot of the map shows land and borders: (verdict, share of land, share of border)."""
    _, _, pixels = png_pixels(png)

    def near(pixel, colour, tolerance=10):
        return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour))

    land = sum(1 for pixel in pixels if near(pixel, HOME_FILL, 3)) / len(pixels)
    border = sum(1 for pixel in pixels if near(pixel, BORDER, 40)) / len(pixels)
    return land > 0.25 and border > 0.003, land, border


def test_the_outlines_are_drawn_and_an_empty_map_fails_the_check(browser, server):
    page = open_map(browser, server, "cs", viewport={"width": 1200, "height": 1000})
    svg = page.locator("svg[data-map]")
    drawn, land, border = outlines_drawn(svg.screenshot())
    assert drawn, (land, border)
    page.evaluate("document.querySelectorAll('svg[data-map] .map-land path').forEach((path) => path.remove())")
    empty, land, border = outlines_drawn(svg.screenshot())
    assert not empty, (land, border)
    page.context.close()


def test_the_map_page_has_no_serious_accessibility_violation(browser, server, axe_source):  # noqa: F811
    for lang in LANGUAGES:
        page = open_map(browser, server, lang)
        assert serious_violations(page, axe_source) == [], lang
        page.context.close()
