"""The catalogue as open data: `catalogue.json`, for the public and for tests."""

from __future__ import annotations

import dataclasses
import json

from . import site, vocabularies
from .model import Catalogue, Practice

# Fields the export writes first, in this order; every other fact follows.
LEADING = ("id", "type", "scope", "countries", "status", "started", "ended", "original_language", "translations", "title", "summary", "url")
NOT_EXPORTED = ("slug", "texts", "images")
DATA_LICENSE = {
    "id": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}


def practice_record(practice: Practice) -> dict:
    facts = {
        name: value
        for name, value in dataclasses.asdict(practice).items()
        if name not in NOT_EXPORTED and name not in LEADING
    }
    record = {
        "id": practice.slug,
        "type": practice.type,
        "scope": practice.scope,
        "countries": practice.countries,
        "status": practice.status,
        "started": practice.started,
        "ended": practice.ended,
        "original_language": practice.original_language,
        "translations": practice.translations,
        "title": {lang: text.title for lang, text in practice.texts.items()},
        "summary": {lang: text.summary for lang, text in practice.texts.items()},
        "url": {lang: site.in_language(site.practice_page(practice.slug), lang) for lang in vocabularies.languages()},
    }
    record.update(facts)
    return record


def catalogue_json(catalogue: Catalogue) -> str:
    data = {
        "license": DATA_LICENSE,
        "languages": list(vocabularies.languages()),
        "practices": [practice_record(practice) for practice in catalogue.practices],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
