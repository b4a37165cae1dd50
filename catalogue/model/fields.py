"""What each front-matter field means, in the contributors' languages.

The texts live in `data/fields.yml`; which fields exist, their types and
vocabularies come from `schema` and `vocabularies`.
"""

from __future__ import annotations

from functools import cache


from catalogue.model import schema, vocabularies
from catalogue.model.datafiles import data_file


def _raw() -> dict:
    return data_file("fields.yml")


def label(field: str, lang: str) -> str:
    return _raw()["fields"][field]["label"][lang]


def help_text(field: str, lang: str) -> str:
    return _raw()["fields"][field]["help"][lang]


def example(field: str) -> str:
    return _raw()["fields"][field].get("example", "")


def section_hint(section_id: str, lang: str) -> str:
    return _raw()["sections"][section_id][lang]


def original_fields() -> dict[str, dict]:
    """Front-matter fields of an original, in the schema's order: name -> schema."""
    return schema.original_schema()["properties"]


def required(field: str) -> bool:
    return field in schema.original_schema()["required"]


def _enum_in(node: dict) -> list | None:
    if "enum" in node:
        return node["enum"]
    if "items" in node:
        return _enum_in(node["items"])
    if "properties" in node and "kind" in node["properties"]:
        return _enum_in(node["properties"]["kind"])
    return None


@cache
def vocabulary_of(field: str) -> str | None:
    """The vocabulary a field's values come from (partners: their kind), if any."""
    values = _enum_in(original_fields()[field])
    return next((name for name in vocabularies.VOCABULARY_FIELDS if vocabularies.ids(name) == values), None)
