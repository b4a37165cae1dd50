"""The catalogue as open data: `catalogue.json`, for the public and for tests."""

from __future__ import annotations

import dataclasses
import json

from catalogue.model import vocabularies
from catalogue.pages import urls
from catalogue.model.licence import DATA_LICENSE
from catalogue.model.practice import Catalogue, Practice

# Fields the export writes first, in this order; every other fact follows.
LEADING = ("id", "type", "scope", "countries", "status", "status_as_of", "started", "ended", "original_language", "translations", "title", "summary", "url")
NOT_EXPORTED = ("slug", "texts", "images")


def _plain(value):
    """Dataclasses as dicts, like dataclasses.asdict but without its deep copies."""
    if dataclasses.is_dataclass(value):
        return {field.name: _plain(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def practice_record(practice: Practice) -> dict:
    facts = {
        field.name: _plain(getattr(practice, field.name))
        for field in dataclasses.fields(practice)
        if field.name not in NOT_EXPORTED and field.name not in LEADING
    }
    record = {
        "id": practice.slug,
        "type": practice.type,
        "scope": practice.scope,
        "countries": practice.countries,
        "status": practice.status,
        "status_as_of": practice.status_as_of,
        "started": practice.started,
        "ended": practice.ended,
        "original_language": practice.original_language,
        "translations": practice.translations,
        "title": {lang: text.title for lang, text in practice.texts.items()},
        "summary": {lang: text.summary for lang, text in practice.texts.items()},
        "url": {lang: urls.in_language(urls.practice_page(practice.slug), lang) for lang in vocabularies.languages()},
    }
    record.update(facts)
    return record


def _compact(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def catalogue_json(catalogue: Catalogue) -> str:
    """One practice a line: readable and diffable, and written by json's fast
    encoder (an indented dump takes the slow one)."""
    records = ",\n".join(_compact(practice_record(practice)) for practice in catalogue.practices)
    header = f'"license":{_compact(DATA_LICENSE)},\n"languages":{_compact(list(vocabularies.languages()))}'
    return f'{{{header},\n"practices":[\n{records}\n]}}\n'
