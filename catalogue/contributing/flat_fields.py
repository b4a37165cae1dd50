"""A practice given as flat text fields (a spreadsheet row, an issue form) -> an entry file.

One column per front-matter field, named as the field, plus `lang`,
`slug` and one `text_<section>` column per recommended body section.
Lists hold one item per line or items separated by `;` (codes and tags
may also be separated by commas); the parts of a library, partner or
source are separated by `|`:

    libraries  Knihovna Petra Bezruče v Opavě | Opava | CZ | https://…
    partners   Zespół Szkół w Łodzi | school | PL
    sources    Výroční zpráva 2019 | https://… | 2020
    location   49.94, 17.90

Vocabulary columns take the term (`project`), or its label in any of the
catalogue's languages. What this module cannot read is a ToolError; all
else is left to the validator, which says what is wrong in its own words.
"""

from __future__ import annotations

import datetime
import re

from catalogue.contributing import entry_writer
from catalogue.model import fields, glossary, vocabularies
from catalogue.model.errors import ToolError

TEXT_PREFIX = "text_"
LIST_ITEMS = re.compile(r"\s*(?:;|\n)\s*")
CODES = re.compile(r"[,;\s]+")
PARTS = {
    "libraries": ("name", "place", "country", "url"),
    "partners": ("name", "kind", "country", "url"),
    "sources": ("title", "url", "year"),
}
# Columns that may be left out of a table: filled in (updated: today) or made (slug: from the title).
OPTIONAL_COLUMNS = ("slug", "updated")


def text_columns() -> list[str]:
    return [TEXT_PREFIX + section_id for section_id in glossary.sections(vocabularies.default_language())]


def columns() -> list[str]:
    """Every column a table may have, in the order of the template."""
    return ["lang", "slug", *fields.original_fields(), *text_columns()]


def required_columns() -> list[str]:
    """The columns a table must have (their cells may still be empty: the validator says so)."""
    names = fields.original_fields()
    return ["lang", *(name for name in names if fields.required(name) and name not in OPTIONAL_COLUMNS)]


def term_id(vocabulary: str, text: str) -> str:
    """The term meant by `text`: its id, "id – labels" (the issue form) or a label in any language."""
    text = text.strip()
    head = text.split(" – ")[0].strip()
    if head in vocabularies.ids(vocabulary):
        return head
    for term in vocabularies.terms(vocabulary).values():
        if text.casefold() in (label.casefold() for label in term.label.values()):
            return term.id
    return text  # the validator names the allowed values


def _number(text: str):
    return int(text) if re.fullmatch(r"\d{1,4}", text) else text


def _item(column: str, text: str) -> dict:
    names = PARTS[column]
    parts = [part.strip() for part in text.split("|")]
    if column == "sources":  # title, then an address and a year in either order
        found = {"title": parts[0]}
        for part in parts[1:]:
            if re.fullmatch(r"\d{4}", part):
                found["year"] = int(part)
            elif part:
                found["url"] = part
        return {name: found[name] for name in names if name in found}
    needed = 3 if column == "libraries" else 2
    if len(parts) < needed or len(parts) > len(names) or not all(parts[:needed]):
        raise ToolError("bad-item", column=column, item=text, shape=" | ".join(names[:needed]) + " | …")
    item = {name: part for name, part in zip(names, parts) if part}
    if "country" in item:
        item["country"] = item["country"].upper()
    if column == "partners":
        item["kind"] = term_id("partner_kind", item["kind"])
    return item


def _location(text: str) -> dict:
    parts = [part.strip() for part in re.split(r"[,;\s]+", text.strip()) if part.strip()]
    try:
        lat, lon = (float(part) for part in parts)
    except ValueError:
        raise ToolError("bad-item", column="location", item=text, shape="lat, lon") from None
    return {"lat": lat, "lon": lon}


def field_value(name: str, text: str):
    """The front-matter value of the column `name` holding `text`."""
    if name in PARTS:
        return [_item(name, part) for part in LIST_ITEMS.split(text) if part]
    if name == "location":
        return _location(text)
    if name in ("started", "ended"):
        return _number(text)
    vocabulary = fields.vocabulary_of(name)
    if fields.original_fields()[name].get("type") == "array":
        items = LIST_ITEMS.split(text) if name == "funding" else CODES.split(text)
        items = [item for item in items if item]
        if name == "countries":
            return [item.upper() for item in items]
        return [term_id(vocabulary, item) for item in items] if vocabulary else items
    return term_id(vocabulary, text) if vocabulary else text


def language_of(record: dict[str, str]) -> str:
    lang = (record.get("lang") or "").split(" – ")[0].strip().lower()
    if lang not in vocabularies.languages():
        raise ToolError("not-in-vocabulary", "messages", value=record.get("lang", ""), field="lang",
                        allowed=", ".join(vocabularies.languages()))
    return lang


def front_from_fields(record: dict[str, str], today: datetime.date | None = None) -> tuple[dict, list[ToolError]]:
    """The front matter the record gives, and what could not be read.

    Empty cells, and cells that cannot be read, are left out: the
    validator names what is required.
    """
    values, errors = {}, []
    for name in fields.original_fields():
        text = (record.get(name) or "").strip()
        if text:
            try:
                values[name] = field_value(name, text)
            except ToolError as error:
                errors.append(error)
        elif name == "started" and name in record:
            values[name] = None  # an empty year: the sources give none
        elif name == "updated":
            values[name] = (today or datetime.date.today()).isoformat()
    if values.get("status") in ("ongoing", "recurring") and "status_as_of" not in values:
        # A contributor describes an ongoing practice as it stands on the day of sending it.
        values["status_as_of"] = (today or datetime.date.today()).year
    return values, errors


def entry_from_fields(record: dict[str, str], today: datetime.date | None = None) -> tuple[str, str, list[ToolError]]:
    """(language, text of the entry file, what could not be read) for `record`."""
    lang = language_of(record)
    values, errors = front_from_fields(record, today)
    texts = {name[len(TEXT_PREFIX):]: record.get(name) or "" for name in text_columns()}
    front = entry_writer.front_matter(values, lang, modeline=False, skeletons=False)
    return lang, entry_writer.entry_text(front, entry_writer.body(lang, texts, hints=False)), errors
