"""Open data and feeds: read with standard tools, they agree with the entries."""

from __future__ import annotations

import csv
import datetime
import gzip
import json
import shutil
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import frontmatter
import jsonschema
import pytest

from catalogue.publishing.feeds import FEED_SIZE
from catalogue.model import vocabularies
from catalogue.publishing.open_data import catalogue_geojson
from catalogue.publishing.url_manifest import published_urls
from catalogue.checks.validate import load_catalogue

from tests.conftest import FIXTURE_ENTRIES, ROOT, copy_project
from tests.published import build_site, head_of, redirect_target
from tests.fixture_edits import PL, edit

BASE = "https://library-cooperation.example/"
CATALOGUE = load_catalogue(ROOT / "entries", ROOT)
LANGUAGES = vocabularies.languages()
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
CC_BY = "https://creativecommons.org/licenses/by/4.0/"


def prefix(lang: str) -> str:
    return "" if lang == "cs" else f"{lang}/"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_an_atom_feed_of_practices_by_update(published_site: Path, lang: str):
    feed = ET.parse(published_site / prefix(lang) / "atom.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    assert feed.find(f"{ATOM}rights").text == "Creative Commons Attribution 4.0 International (CC BY 4.0)"
    entries = feed.findall(f"{ATOM}entry")
    newest_first = sorted(CATALOGUE.practices, key=lambda practice: (practice.updated, practice.slug), reverse=True)
    expected = newest_first[:FEED_SIZE]
    assert len(CATALOGUE.practices) > FEED_SIZE and len(entries) == FEED_SIZE  # the feed lists the newest only
    assert [entry.find(f"{ATOM}id").text for entry in entries] == [
        f"{BASE}{prefix(lang)}practices/{practice.slug}/" for practice in expected
    ]
    for entry, practice in zip(entries, expected):
        assert entry.find(f"{ATOM}title").text == practice.text(lang).title
        assert entry.find(f"{ATOM}summary").text == practice.text(lang).summary
        assert entry.find(f"{ATOM}updated").text == f"{practice.updated}T00:00:00Z"
        href = entry.find(f"{ATOM}link").get("href")
        assert (published_site / href.removeprefix(BASE) / "index.html").is_file()
    assert feed.find(f"{ATOM}updated").text == f"{max(p.updated for p in CATALOGUE.practices)}T00:00:00Z"


def test_every_page_links_its_language_feed_from_the_head(published_site: Path):
    for lang in LANGUAGES:
        for page in ("", "about/", "types/event/", "libraries/", f"practices/{CATALOGUE.practices[0].slug}/"):
            path = published_site / prefix(lang) / page / "index.html"
            [href] = head_of(path).link("alternate", type="application/atom+xml")
            assert (path.parent / href).resolve() == (published_site / prefix(lang) / "atom.xml").resolve()


def test_csv_has_one_row_per_practice_agreeing_with_the_entries(published_site: Path):
    with open(published_site / "catalogue.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["id"] for row in rows] == [practice.slug for practice in CATALOGUE.practices]
    for row, practice in zip(rows, CATALOGUE.practices):
        assert row["libraries"].split("; ") == [library.name for library in practice.libraries]
        assert row["audience"].split("; ") == practice.audience
        assert row["countries"].split("; ") == practice.countries
        assert row["started"] == ("" if practice.started is None else str(practice.started))
        assert row["updated"] == practice.updated
        for lang in LANGUAGES:
            assert row[f"title_{lang}"] == practice.texts[lang].title
            assert row[f"url_{lang}"] == f"{BASE}{prefix(lang)}practices/{practice.slug}/"


def test_json_and_geojson_state_the_licence(published_site: Path):
    data = json.loads((published_site / "catalogue.json").read_text(encoding="utf-8"))
    geo = json.loads((published_site / "catalogue.geojson").read_text(encoding="utf-8"))
    assert data["license"]["url"] == geo["license"]["url"] == CC_BY
    assert geo["type"] == "FeatureCollection"
    practices = [feature for feature in geo["features"] if feature["properties"]["kind"] == "practice"]
    assert len(practices) == sum(1 for practice in CATALOGUE.practices if practice.location)
    package = json.loads((published_site / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["path"] == CC_BY
    for resource in package["resources"]:
        assert (published_site / resource["path"]).is_file(), resource["path"]


def test_geojson_places_practices_with_a_location(entries: Path):
    edit(entries, PL, "updated:", "location: {lat: 51.7592, lon: 19.4560}\nupdated:")
    geo = json.loads(catalogue_geojson(load_catalogue(entries, entries.parent), BASE))
    [feature] = geo["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [19.456, 51.7592]}
    assert feature["id"] == feature["properties"]["id"] == "kacik-pro-nejmensi"
    assert feature["properties"]["url"]["sk"] == f"{BASE}sk/practices/kacik-pro-nejmensi/"


def test_the_published_json_schema_accepts_the_entries(published_site: Path):
    schema = json.loads((published_site / "schema/original.schema.json").read_text(encoding="utf-8"))
    assert schema["$id"] == f"{BASE}schema/original.schema.json"
    for practice in CATALOGUE.practices[:5]:
        post = frontmatter.load(ROOT / "entries" / practice.slug / f"{practice.original_language}.md")
        facts = {key: (value.isoformat() if isinstance(value, datetime.date) else value) for key, value in post.metadata.items()}
        jsonschema.validate(facts, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"title": "x"}, schema)


def test_sitemap_is_a_small_index_of_the_page_sitemap_in_every_language_root(published_site: Path):
    index = (published_site / "sitemap.xml").read_bytes()
    root = ET.fromstring(index)
    assert root.tag == f"{SITEMAP}sitemapindex"
    assert [loc.text for loc in root.iter(f"{SITEMAP}loc")] == [BASE + "sitemap-pages.xml"]
    assert len(index) < 500
    for lang in LANGUAGES[1:]:
        assert (published_site / lang / "sitemap.xml").read_bytes() == index


def test_sitemap_lists_every_page_with_its_language_alternates(published_site: Path):
    urlset = ET.parse(published_site / "sitemap-pages.xml").getroot()
    listed = {url.find(f"{SITEMAP}loc").text for url in urlset}
    pages = {
        BASE + url.lstrip("/")
        for url in published_urls(published_site)
        if url.endswith("/") and not url.startswith("/p/") and redirect_target(published_site, url.lstrip("/")) is None
    }
    assert listed == pages
    for url in urlset:
        alternates = {link.get("hreflang") for link in url.findall("{http://www.w3.org/1999/xhtml}link")}
        assert set(LANGUAGES) <= alternates <= {*LANGUAGES, "x-default"}
        assert url.find(f"{SITEMAP}lastmod").text <= max(p.updated for p in CATALOGUE.practices)


def test_two_builds_are_byte_identical_and_carry_no_build_date(tmp_path: Path):
    entries = tmp_path / "entries"
    shutil.copytree(FIXTURE_ENTRIES, entries)
    edit(entries, PL, "updated:", "aliases: [stary-kacik]\nupdated:")
    first = build_site(copy_project(tmp_path / "one", entries))
    second = build_site(copy_project(tmp_path / "second-copy", entries))
    # Every file, the search index included (see catalogue/search/bundle.py).
    def built_files(site: Path) -> list[Path]:
        return sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())

    files = built_files(first)
    assert files == built_files(second)
    different = [str(name) for name in files if (first / name).read_bytes() != (second / name).read_bytes()]
    assert different == []
    today = datetime.date.today().isoformat()
    assert today not in {"2026-01-15", "2026-02-01"}, "the fixture dates must differ from today"
    dated = [str(name) for name in files if today.encode() in (first / name).read_bytes()]
    assert dated == []
    archive = (first / "sitemap.xml.gz").read_bytes()
    assert struct.unpack("<I", archive[4:8])[0] == int(datetime.datetime(2026, 2, 1, tzinfo=datetime.timezone.utc).timestamp())
    assert gzip.decompress(archive) == (first / "sitemap.xml").read_bytes()
