"""The map: outlines, libraries merged by town, lines, the SVG, and catalogue.geojson against the entries."""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
import shutil
from pathlib import Path

import pytest

from catalogue.checks.validate import load_catalogue
from catalogue.map.geo import in_rings
from catalogue.map.outlines import OUTLINES_FILE, outlines
from catalogue.map.places import Location, map_data
from catalogue.map.svg import big_map
from catalogue.model.libraries import library_slug
from catalogue.pages.map_pages import catalogue_map, practice_locator
from catalogue.publishing.open_data import catalogue_geojson

from tests.conftest import FIXTURE_ENTRIES, ROOT, copy_project
from tests.published import build_site
from tests.fixture_edits import PL, edit

BASE = "https://library-cooperation.example/"
LODZ = "Biblioteka Testowa w Łodzi"
LODZ_OTHER = "Miejska Biblioteka Testowa w Łodzi"
TESIN = "Testovací knihovna Český Těšín"
LOCATIONS = f"""- name: {LODZ}
  location: {{lat: 51.7592, lon: 19.4560}}
- {{name: {LODZ_OTHER}, location: {{lat: 51.7700, lon: 19.4600}}, url: https://mbp.lodz.example/}}
- name: {TESIN}
  location: {{lat: 49.7461, lon: 18.6261}}
"""


def located_entries(entries: Path) -> Path:
    """The fixture entries, every library located: two libraries in Łódź, one in Český Těšín,
    and the Łódź project shared with Český Těšín (a line across the border)."""
    edit(
        entries,
        PL,
        "partners:",
        f"  - {{name: {LODZ_OTHER}, place: Łódź, country: PL}}\n  - {{name: {TESIN}, place: Český Těšín, country: CZ}}\npartners:",
    )
    (entries / "libraries.yml").write_text(LOCATIONS, encoding="utf-8")
    return entries


# The outlines


def test_the_outlines_hold_the_three_countries_and_their_neighbours_with_their_source():
    data = json.loads(OUTLINES_FILE.read_text(encoding="utf-8"))
    assert {"CZ", "PL", "SK", "DE", "AT", "HU", "UA", "BY", "LT", "RU"} <= set(data["countries"])
    assert "Natural Earth" in data["source"] and "Public domain" in data["license"]
    assert data["derived_by"] == "scripts/derive_outlines.py"
    assert OUTLINES_FILE.stat().st_size < 80_000


@pytest.mark.parametrize(
    "place, lon, lat, country",
    [("Praha", 14.42, 50.09, "CZ"), ("Kraków", 19.94, 50.06, "PL"), ("Bratislava", 17.11, 48.15, "SK"), ("Wien", 16.37, 48.21, "AT")],
)
def test_a_town_lies_in_its_country_and_in_no_other(place, lon, lat, country):
    shapes = outlines()
    assert shapes.country_at(lon, lat) == country, place
    for other in ("CZ", "PL", "SK"):
        if other != country:
            assert not in_rings((lon, lat), shapes.countries[other]), (place, other)


def test_the_committed_outlines_are_what_the_script_derives():
    source = ROOT / "node_modules" / "world-atlas" / "countries-10m.json"
    assert source.is_file(), "node_modules/world-atlas is missing: make test installs it with npm ci"
    spec = importlib.util.spec_from_file_location("derive_outlines", ROOT / "scripts" / "derive_outlines.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    derived = script.dump(script.derive(json.loads(source.read_text(encoding="utf-8"))))
    assert derived == OUTLINES_FILE.read_text(encoding="utf-8")


# Towns, lines and drawings


def test_libraries_of_one_town_merge_into_one_point_and_lines_join_towns(entries: Path):
    catalogue = load_catalogue(located_entries(entries), entries.parent)
    data = catalogue_map(catalogue)
    assert [(town.key, [library.name for library in town.libraries]) for town in data.towns] == [
        ("CZ/Český Těšín", [TESIN]),
        ("PL/Łódź", [LODZ, LODZ_OTHER]),
    ]
    [link] = data.links
    assert link.ends == ("CZ/Český Těšín", "PL/Łódź")
    assert link.practices == ["kacik-pro-nejmensi"] and link.types == ["project"] and link.cross_border
    assert data.unlocated == []


def test_the_big_map_has_a_point_per_town_and_is_the_same_every_time(entries: Path):
    catalogue = load_catalogue(located_entries(entries), entries.parent)
    data = catalogue_map(catalogue)
    options = dict(title="Mapa", country_name=str, href=lambda town: f"#{town.key}", label=lambda town: town.place)
    svg = big_map(data, outlines(), **options)
    assert svg == big_map(map_data(catalogue.practices, {name: Location(*where) for name, where in catalogue.library_locations.items()}), outlines(), **options)
    assert len(re.findall(r'<a class="map-point', svg)) == 2
    assert len(re.findall(r'<path class="map-link', svg)) == 1
    assert {"CZ", "PL", "SK"} <= set(re.findall(r'data-country="(\w\w)"', svg))


def test_a_locator_map_adds_at_most_8_kb_gzipped_to_a_practice_page():
    catalogue = load_catalogue(ROOT / "entries", ROOT)
    sizes = [len(gzip.compress(str(practice_locator(catalogue, practice, "cs")).encode())) for practice in catalogue.practices]
    assert max(sizes) <= 8 * 1024


# catalogue.geojson, read back and compared with the entries


def test_the_geojson_has_every_located_library_as_a_point_and_every_cooperation_as_a_line(entries: Path):
    catalogue = load_catalogue(located_entries(entries), entries.parent)
    geo = json.loads(catalogue_geojson(catalogue, BASE))
    points = {feature["properties"]["name"]: feature for feature in geo["features"] if feature["properties"]["kind"] == "library"}
    lines = [feature for feature in geo["features"] if feature["properties"]["kind"] == "cooperation"]
    named = {library.name: [] for practice in catalogue.practices for library in practice.libraries}
    for practice in catalogue.practices:
        for library in practice.libraries:
            named[library.name].append(practice.slug)
    assert set(points) == set(named)
    for name, feature in points.items():
        lat, lon = catalogue.library_locations[name]
        assert feature["geometry"] == {"type": "Point", "coordinates": [lon, lat]}
        assert feature["properties"]["practices"] == named[name]
        assert feature["properties"]["url"]["pl"] == f"{BASE}pl/libraries/{library_slug(name)}/"
    assert points[LODZ_OTHER]["properties"]["website"] == "https://mbp.lodz.example/"
    [line] = lines
    assert line["geometry"]["type"] == "LineString"
    assert line["properties"]["practices"] == ["kacik-pro-nejmensi"]
    assert line["properties"]["type"] == catalogue.by_slug["kacik-pro-nejmensi"].type == "project"
    assert line["properties"]["cross_border"] is True
    assert line["properties"]["libraries"] == [[TESIN], [LODZ, LODZ_OTHER]]
    # From Český Těšín to the middle of the two Łódź libraries, longitude first.
    assert line["geometry"]["coordinates"] == [[18.6261, 49.7461], [19.458, 51.7646]]


def test_the_published_geojson_agrees_with_the_entries(published_site: Path):
    """Real entries: each Point's practices are those naming the library; each line's practices name libraries at both ends."""
    catalogue = load_catalogue(ROOT / "entries", ROOT)
    geo = json.loads((published_site / "catalogue.geojson").read_text(encoding="utf-8"))
    data = catalogue_map(catalogue)
    libraries = [feature for feature in geo["features"] if feature["properties"]["kind"] == "library"]
    assert sorted(feature["properties"]["name"] for feature in libraries) == sorted(
        library.name for town in data.towns for library in town.libraries
    )
    for feature in geo["features"]:
        properties = feature["properties"]
        if properties["kind"] == "library":
            naming = [
                practice.slug
                for practice in catalogue.practices
                if properties["name"] in {catalogue.library_spellings.get(library.name, library.name) for library in practice.libraries}
            ]
            assert properties["practices"] == naming
        elif properties["kind"] == "cooperation":
            for slug in properties["practices"]:
                assert catalogue.by_slug[slug].type in properties["types"]
            assert all(properties["libraries"])
    package = json.loads((published_site / "datapackage.json").read_text(encoding="utf-8"))
    [resource] = [resource for resource in package["resources"] if resource["path"] == "catalogue.geojson"]
    assert "LineString" in resource["description"] and "Point" in resource["description"]


# The built site


@pytest.fixture(scope="module")
def map_site(tmp_path_factory) -> Path:
    """The fixture entries with located libraries, built."""
    project = tmp_path_factory.mktemp("map")
    entries = project / "source"
    shutil.copytree(FIXTURE_ENTRIES, entries)
    located_entries(entries)
    return build_site(copy_project(project / "site-project", entries))


@pytest.mark.parametrize("prefix", ["", "pl/", "sk/"])
def test_the_map_page_of_each_language_is_in_the_navigation_and_lists_every_library(map_site: Path, prefix: str):
    html = (map_site / prefix / "map" / "index.html").read_text(encoding="utf-8")
    assert html.count('<a class="map-point') == 2
    for name in (LODZ, LODZ_OTHER, TESIN):
        assert f'href="../libraries/{library_slug(name)}/"' in html, name
    home = (map_site / prefix / "index.html").read_text(encoding="utf-8")
    assert '<a class="map-teaser" href="map/">' in home
    assert re.search(r'<a href="map/" class="md-tabs__link">', home)


def test_practice_and_library_pages_have_a_locator_map(map_site: Path):
    practice = (map_site / "pl" / "practices" / "kacik-pro-nejmensi" / "index.html").read_text(encoding="utf-8")
    assert practice.count('class="map map--locator"') == 1
    assert practice.count('<a class="map-point') == 2 and practice.count('<path class="map-link ') == 1
    library = (map_site / "libraries" / library_slug(TESIN) / "index.html").read_text(encoding="utf-8")
    assert library.count('class="map map--locator"') == 1


def test_the_map_page_stays_within_120_kb_gzipped(published_site: Path):
    for prefix in ("", "pl/", "sk/"):
        html = (published_site / prefix / "map" / "index.html").read_bytes()
        assert len(gzip.compress(html, 9)) <= 120_000, prefix
        assert html.count(b'<a class="map-point') >= 50  # the landed catalogue's libraries are on it
