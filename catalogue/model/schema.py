"""The entry front matter, defined once as JSON Schema.

The validator checks entries against these schemas, `scripts/` publish them
for editors, and every vocabulary in them comes from `vocabularies`.
"""

from __future__ import annotations

from functools import cache

from catalogue.model import vocabularies

# The folder of the published JSON Schema files, in the repository and on the site.
SCHEMA_FOLDER = "schema"
SCHEMA_BASE_URL = "https://library-cooperation.example/schema/"
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
TAG_PATTERN = SLUG_PATTERN
MIN_YEAR, MAX_YEAR = 1900, 2100
TITLE_MAX, SUMMARY_MAX = 120, 300

# Fields a translation may carry; every other field is a language-neutral fact.
TEXT_FIELDS = ("title", "summary")


def _year() -> dict:
    return {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR}


def _web_url() -> dict:
    return {"type": "string", "format": "uri", "pattern": r"^https?://\S+$"}


def _enum(vocabulary: str) -> dict:
    return {"type": "string", "enum": vocabularies.ids(vocabulary)}


def _text(max_length: int) -> dict:
    return {"type": "string", "minLength": 1, "maxLength": max_length}


def _country() -> dict:
    return {"type": "string", "enum": list(vocabularies.country_codes())}


def _object(properties: dict, required: list[str]) -> dict:
    return {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def _list_of(item: dict, min_items: int = 0) -> dict:
    return {"type": "array", "items": item, "minItems": min_items}


def original_schema() -> dict:
    """Schema of the original: the one file that carries the facts."""
    properties = {
        "title": _text(TITLE_MAX),
        "summary": _text(SUMMARY_MAX),
        "type": _enum("type"),
        "scope": _enum("scope"),
        "countries": {**_list_of(_country(), 1), "uniqueItems": True},
        "place": _text(120),
        "region": _text(120),
        "libraries": _list_of(
            _object(
                {"name": _text(200), "place": _text(120), "country": _country(), "url": _web_url()},
                ["name", "place", "country"],
            ),
            1,
        ),
        "partners": _list_of(
            _object(
                {"name": _text(200), "kind": _enum("partner_kind"), "country": _country(), "url": _web_url()},
                ["name", "kind"],
            )
        ),
        "audience": {**_list_of(_enum("audience"), 1), "uniqueItems": True},
        "topics": {**_list_of({"type": "string", "pattern": TAG_PATTERN}), "uniqueItems": True},
        # `started` must be present; an empty value says the sources give no year.
        "started": {"anyOf": [_year(), {"type": "null"}]},
        "ended": _year(),
        "status": _enum("status"),
        # A status is only true as of its source: the year of the newest source saying so.
        "status_as_of": _year(),
        "funding": _list_of(_text(200)),
        "sources": _list_of(
            _object({"title": _text(300), "url": _web_url(), "year": _year()}, ["title"]),
            1,
        ),
        "contact": {
            "type": "string",
            "pattern": r"^(https?://\S+|mailto:\S+@\S+|[^\s@]+@[^\s@]+\.[^\s@]+)$",
        },
        "location": _object(
            {
                "lat": {"type": "number", "minimum": -90, "maximum": 90},
                "lon": {"type": "number", "minimum": -180, "maximum": 180},
            },
            ["lat", "lon"],
        ),
        "related": {**_list_of({"type": "string", "pattern": SLUG_PATTERN}), "uniqueItems": True},
        "aliases": {**_list_of({"type": "string", "pattern": SLUG_PATTERN}), "uniqueItems": True},
        "updated": {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
    }
    required = [
        "title", "summary", "type", "scope", "countries", "place", "libraries",
        "audience", "started", "status", "sources", "updated",
    ]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_BASE_URL + "original.schema.json",
        "title": "Practice entry: the original (language-neutral facts and the text in one language)",
        **_object(properties, required),
    }


def translation_schema() -> dict:
    """Schema of a translation: words only, no facts."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_BASE_URL + "translation.schema.json",
        "title": "Practice entry: a translation (title and summary only)",
        **_object({"title": _text(TITLE_MAX), "summary": _text(SUMMARY_MAX)}, ["title", "summary"]),
    }


@cache
def fact_fields() -> tuple[str, ...]:
    return tuple(name for name in original_schema()["properties"] if name not in TEXT_FIELDS)


@cache
def required_facts() -> frozenset[str]:
    """The facts every original must carry."""
    return frozenset(original_schema()["required"]) - set(TEXT_FIELDS)
