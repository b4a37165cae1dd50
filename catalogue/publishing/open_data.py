"""The catalogue as open data besides `catalogue.json`: CSV, GeoJSON and a
data package that describes them all, with the JSON Schema of an entry
(published from `contributor_files`).

Everything is built from the entries alone (no build time), so two builds
of the same entries give the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
import re

from catalogue.model import vocabularies
from catalogue.pages import urls
from catalogue.model.schema import SCHEMA_FOLDER
from catalogue.model.licence import DATA_LICENSE
from catalogue.publishing.catalogue_json import practice_record
from catalogue.model.libraries import library_slug
from catalogue.model.slugs import slug
from catalogue.model.practice import Catalogue, Practice
from catalogue.pages.map_pages import catalogue_map

CSV_FILE, GEOJSON_FILE, PACKAGE_FILE = "catalogue.csv", "catalogue.geojson", "datapackage.json"
SCHEMA_FILES = {kind: f"{SCHEMA_FOLDER}/{kind}.schema.json" for kind in ("original", "translation")}
LIST_SEPARATOR = "; "


# What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
NUMBER = re.compile(r"^[-+]?[0-9]+(?:\.[0-9]+)?$")


def cell(value) -> str:
    """`value` as a cell no spreadsheet reads as a formula: a leading `'` when it would start one.

    Spreadsheets show the `'` as marking text and hide it; a plain number
    (a negative longitude) is a number, not a formula, and stays as it is.
    """
    text = str(value)
    if text.startswith(FORMULA_START) and not NUMBER.match(text):
        return "'" + text
    return text


def _joined(values) -> str:
    # Each item: a list is often split back into cells.
    return LIST_SEPARATOR.join(cell(value) for value in values)


def csv_row(practice: Practice, base_url: str) -> dict[str, str]:
    languages = vocabularies.languages()
    row = {
        "id": practice.slug,
        "type": practice.type,
        "scope": practice.scope,
        "countries": _joined(practice.countries),
        "place": practice.place,
        "region": practice.region or "",
        "libraries": _joined(library.name for library in practice.libraries),
        "partners": _joined(partner.name for partner in practice.partners),
        "partner_kinds": _joined(partner.kind for partner in practice.partners),
        "audience": _joined(practice.audience),
        "topics": _joined(practice.topics),
        "started": "" if practice.started is None else str(practice.started),
        "ended": "" if practice.ended is None else str(practice.ended),
        "status": practice.status,
        "status_as_of": "" if practice.status_as_of is None else str(practice.status_as_of),
        "funding": _joined(practice.funding),
        "sources": _joined(source.title for source in practice.sources),
        "contact": practice.contact or "",
        "lat": "" if not practice.location else str(practice.location["lat"]),
        "lon": "" if not practice.location else str(practice.location["lon"]),
        "related": _joined(practice.related),
        "aliases": _joined(practice.aliases),
        "updated": practice.updated,
        "original_language": practice.original_language,
        "translations": _joined(practice.translations),
    }
    for lang in languages:
        text = practice.texts.get(lang)
        row[f"title_{lang}"] = text.title if text else ""
        row[f"summary_{lang}"] = text.summary if text else ""
    for lang in languages:
        row[f"url_{lang}"] = urls.absolute(base_url, urls.in_language(urls.practice_page(practice.slug), lang))
    return row


def catalogue_csv(catalogue: Catalogue, base_url: str) -> str:
    """One row per practice; lists joined with "; "."""
    rows = [{name: cell(value) for name, value in csv_row(practice, base_url).items()} for practice in catalogue.practices]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(csv_row(catalogue.practices[0], base_url)) if rows else ["id"])
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _practice_point(practice: Practice, base_url: str) -> dict:
    record = practice_record(practice)
    return {
        "type": "Feature",
        "id": practice.slug,
        "geometry": {"type": "Point", "coordinates": [practice.location["lon"], practice.location["lat"]]},
        "properties": {
            "kind": "practice",
            **{key: value for key, value in record.items() if key not in ("location",)},
            "url": {lang: urls.absolute(base_url, url) for lang, url in record["url"].items()},
        },
    }


def _page_urls(page: str, base_url: str) -> dict[str, str]:
    return {lang: urls.absolute(base_url, urls.in_language(page, lang)) for lang in vocabularies.languages()}


def catalogue_geojson(catalogue: Catalogue, base_url: str) -> str:
    """The map as GeoJSON (longitude first): every located library a Point with its practices,
    every cooperation between libraries of two towns a LineString with its practices and type,
    and the practices that give a location of their own as Points."""
    data_of_map = catalogue_map(catalogue)
    features = []
    for town in data_of_map.towns:
        for library in town.libraries:
            location = library.location
            features.append(
                {
                    "type": "Feature",
                    "id": f"library/{library_slug(library.name)}",
                    "geometry": {"type": "Point", "coordinates": [location.lon, location.lat]},
                    "properties": {
                        "kind": "library",
                        "name": library.name,
                        "place": library.place,
                        "country": library.country,
                        "website": catalogue.library_urls.get(library.name),
                        "practices": list(library.practices),
                        "url": _page_urls(urls.library_page(library_slug(library.name)), base_url),
                    },
                }
            )
    towns = {town.key: town for town in data_of_map.towns}
    for link in data_of_map.links:
        ends = [towns[key] for key in link.ends]
        practices = set(link.practices)
        features.append(
            {
                "type": "Feature",
                "id": "cooperation/" + "/".join(f"{end.country.lower()}-{slug(end.place)}" for end in ends),
                "geometry": {"type": "LineString", "coordinates": [[end.location.lon, end.location.lat] for end in ends]},
                "properties": {
                    "kind": "cooperation",
                    "type": link.types[0],
                    "types": link.types,
                    "cross_border": link.cross_border,
                    "places": [end.place for end in ends],
                    "countries": [end.country for end in ends],
                    # The libraries at either end that share these practices.
                    "libraries": [
                        [library.name for library in end.libraries if practices & set(library.practices)] for end in ends
                    ],
                    "practices": link.practices,
                },
            }
        )
    features += [_practice_point(practice, base_url) for practice in catalogue.practices if practice.location]
    data = {"type": "FeatureCollection", "license": DATA_LICENSE, "features": features}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def data_package(base_url: str, data_file: str) -> str:
    """A Frictionless Data Package: what each file is, and its licence."""
    resources = [
        {"name": "catalogue", "path": data_file, "format": "json", "mediatype": "application/json"},
        {"name": "catalogue-table", "path": CSV_FILE, "format": "csv", "mediatype": "text/csv", "encoding": "utf-8"},
        {
            "name": "catalogue-map",
            "path": GEOJSON_FILE,
            "format": "geojson",
            "mediatype": "application/geo+json",
            "description": (
                "The map as GeoJSON (WGS 84, longitude first). Features by `kind`: `library` (a Point: name, place, "
                "country, website, the slugs of its practices, its page in each language), `cooperation` (a LineString "
                "between the towns of libraries that share practices: the practices' slugs, `type` the most frequent "
                "cooperation type and `types` all of them, `cross_border`, the libraries at either end), and `practice` "
                "(a Point, for practices that give a location of their own). Country outlines of the map: Natural Earth, "
                "public domain."
            ),
        },
        *({"name": f"{kind}-schema", "path": path, "format": "json"} for kind, path in SCHEMA_FILES.items()),
    ]
    package = {
        "name": "library-cooperation-catalogue",
        "title": "Catalogue of good practices of library cooperation (cs, pl, sk)",
        "homepage": base_url,
        "licenses": [{"name": DATA_LICENSE["id"], "path": DATA_LICENSE["url"], "title": DATA_LICENSE["title"]}],
        "resources": resources,
    }
    return json.dumps(package, ensure_ascii=False, indent=1) + "\n"


def open_data_files(catalogue: Catalogue, base_url: str, data_file: str) -> dict[str, str]:
    return {
        CSV_FILE: catalogue_csv(catalogue, base_url),
        GEOJSON_FILE: catalogue_geojson(catalogue, base_url),
        PACKAGE_FILE: data_package(base_url, data_file),
    }
