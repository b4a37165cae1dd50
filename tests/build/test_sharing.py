"""Cite and share: what link previews, search engines and citation managers read."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from catalogue.model import vocabularies
from catalogue.pages.citation import bibtex, citation, citation_html, csl_json
from catalogue.model.interface import word
from catalogue.checks.validate import load_catalogue

from tests.conftest import FIXTURE_ENTRIES, ROOT, copy_project
from tests.published import build_site, head_of
from tests.fixture_edits import PL, edit

BASE = "https://library-cooperation.example/"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
CATALOGUE = load_catalogue(ROOT / "entries", ROOT)
# The smallest valid PNG: one transparent pixel.
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


def page_path(lang: str, slug: str) -> str:
    return ("" if lang == "cs" else f"{lang}/") + f"practices/{slug}/"


def sitemap_alternates(site: Path) -> dict[str, dict[str, str]]:
    """Each address of the sitemap -> {hreflang: address} of its alternates."""
    urlset = ET.parse(site / "sitemap-pages.xml").getroot()
    return {
        url.find(f"{SITEMAP}loc").text: {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
        for url in urlset
    }


def jsonld(head) -> dict:
    [(attrs, text)] = [(attrs, text) for attrs, text in head.scripts if attrs.get("type") == "application/ld+json"]
    return json.loads(text)


def test_a_pasted_practice_link_previews_with_its_title_and_summary(published_site: Path):
    for practice in CATALOGUE.practices:
        for lang in vocabularies.languages():
            url = page_path(lang, practice.slug)
            head = head_of(published_site / url / "index.html")
            text = practice.text(lang)
            assert head.lang == lang
            assert head.title == text.title + " - " + word("site_name", lang)
            assert head.meta["og:title"] == text.title
            assert head.meta["og:description"] == text.summary == head.meta["description"]
            assert head.meta["twitter:card"] == "summary"
            assert head.meta["twitter:title"] == text.title
            assert head.meta["og:url"] == BASE + url
            assert head.meta["og:locale"] == {"cs": "cs_CZ", "pl": "pl_PL", "sk": "sk_SK"}[lang]
            assert head.link("canonical") == [BASE + url]
            # The other languages are named in the sitemap, not in the head (see overrides/main.html).
            assert [link for link in head.links if "hreflang" in link] == []
            assert sitemap_alternates(published_site)[BASE + url] == {
                **{other: BASE + page_path(other, practice.slug) for other in vocabularies.languages()},
                "x-default": BASE + page_path(practice.original_language, practice.slug),
            }


def test_json_ld_describes_the_practice(published_site: Path):
    practice = CATALOGUE.by_slug["tvorime-vlastni-vydavatelstvi"]
    data = jsonld(head_of(published_site / page_path("sk", practice.slug) / "index.html"))
    assert data["@context"] == "https://schema.org"
    assert data["name"] == practice.text("sk").title
    assert data["description"] == practice.text("sk").summary
    assert data["inLanguage"] == "sk"
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["url"] == BASE + page_path("sk", practice.slug)
    assert data["dateModified"] == practice.updated
    activity = data["about"]
    assert activity["@type"] == ("Event" if practice.type == "event" else "Project")
    assert [organizer["name"] for organizer in activity["organizer"]] == [library.name for library in practice.libraries]
    assert activity["location"]["name"] == practice.place
    assert activity.get("startDate") == (str(practice.started) if practice.started else None)


def test_every_practice_page_offers_citations_in_its_language(published_site: Path):
    for practice in CATALOGUE.practices:
        for lang in vocabularies.languages():
            folder = published_site / page_path(lang, practice.slug)
            page = (folder / "index.html").read_text(encoding="utf-8")
            assert f'href="{practice.slug}.bib" download' in page
            cited = citation(practice, lang, BASE)
            assert (folder / f"{practice.slug}.bib").read_text(encoding="utf-8") == bibtex(cited)
            [item] = json.loads((folder / f"{practice.slug}.csl.json").read_text(encoding="utf-8"))
            assert (item["title"], item["URL"]) == (practice.text(lang).title, BASE + page_path(lang, practice.slug))


def test_citation_text_in_the_page_language_with_a_slot_for_the_date():
    practice = CATALOGUE.by_slug["kacik-malucha"]
    assert str(citation_html(citation(practice, "cs", BASE))) == (
        f"{practice.text('cs').title}. Knihovny: Gminna Biblioteka Publiczna w Trzeszczanach. "
        f"In: Katalog dobré praxe spolupráce knihoven [online]. {practice.updated[:4]} "
        '[cit. <span class="cite-accessed">RRRR-MM-DD</span>]. Dostupné z: '
        '<a href="https://library-cooperation.example/practices/kacik-malucha/">'
        "https://library-cooperation.example/practices/kacik-malucha/</a>"
    )


def test_bibtex_and_csl_escape_entry_text(entries: Path):
    edit(entries, PL, "title: Kącik dla najmłodszych", "title: 'Kącik {A} & 50% #1 $x_y~^\\z'")
    practice = load_catalogue(entries, entries.parent).by_slug["kacik-pro-nejmensi"]
    cited = citation(practice, "sk", BASE)
    assert bibtex(cited) == (
        "@misc{kacik-pro-nejmensi-sk,\n"
        "  title = {{Kącik \\{A\\} \\& 50\\% \\#1 \\$x\\_y\\textasciitilde{}\\textasciicircum{}\\textbackslash{}z}},\n"
        "  note = {Knižnice: Biblioteka Testowa w Łodzi},\n"
        "  howpublished = {Katalóg dobrej praxe spolupráce knižníc},\n"
        "  year = {2026},\n"
        "  url = {https://library-cooperation.example/sk/practices/kacik-pro-nejmensi/},\n"
        "  language = {polish}\n"
        "}\n"
    )
    [item] = json.loads(csl_json(cited))
    assert item["title"] == "Kącik {A} & 50% #1 $x_y~^\\z"
    assert item["issued"] == {"date-parts": [[2026, 1, 15]]}
    assert item["language"] == "pl"


@pytest.fixture(scope="module")
def tricky_site(tmp_path_factory) -> Path:
    """Fixture practices whose text tries to break out of the head, one with an image."""
    entries = tmp_path_factory.mktemp("entries") / "entries"
    shutil.copytree(FIXTURE_ENTRIES, entries)
    edit(entries, PL, "summary: Biblioteka", "summary: </script><script>alert('x')</script> \"&' Biblioteka")
    (entries / "kacik-pro-nejmensi" / "kacik.png").write_bytes(PIXEL)
    return build_site(copy_project(tmp_path_factory.mktemp("tricky"), entries))


def test_entry_text_cannot_break_out_of_the_head(tricky_site: Path):
    page = tricky_site / "pl/practices/kacik-pro-nejmensi/index.html"
    html = page.read_text(encoding="utf-8")
    assert "<script>alert" not in html
    head = head_of(page)
    summary = "</script><script>alert('x')</script> \"&' Biblioteka"
    assert head.meta["og:description"].startswith(summary)
    assert jsonld(head)["description"].startswith(summary)


def test_a_practice_with_an_image_shares_it(tricky_site: Path):
    head = head_of(tricky_site / "sk/practices/kacik-pro-nejmensi/index.html")
    image = BASE + "practices/kacik-pro-nejmensi/kacik.png"
    assert (head.meta["og:image"], head.meta["twitter:image"], head.meta["twitter:card"]) == (image, image, "summary_large_image")
    assert (tricky_site / "practices/kacik-pro-nejmensi/kacik.png").read_bytes() == PIXEL
