"""Checking one entry file against its JSON Schema, in plain words."""

from __future__ import annotations

import difflib
from functools import cache

from jsonschema import Draft202012Validator, FormatChecker

from . import schema
from .errors import Problem
from .parser import EntryFile

FORMAT_RULES = {
    "related": "use the folder name of a practice, e.g. 'kacik-malucha'",
    "aliases": "use a former folder name: lower-case ASCII letters, digits and hyphens",
    "topics": "use lower-case ASCII words joined by hyphens, e.g. 'reading-promotion'",
    "url": "use a full address starting with http:// or https://",
    "contact": "use an institutional e-mail address or an http(s) address",
    "updated": "use an ISO date such as 2026-11-22",
}
TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "array": "a list",
    "object": "a group of fields",
    "null": "empty",
    "boolean": "true or false",
}


@cache
def _validator(kind: str) -> Draft202012Validator:
    chosen = schema.original_schema() if kind == "original" else schema.translation_schema()
    return Draft202012Validator(chosen, format_checker=FormatChecker())


def _field_name(path: list) -> str:
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or "front matter"


def _describe(value) -> str:
    if isinstance(value, str):
        return f"the text '{value}'"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if value is None:
        return "empty"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    return f"'{value}'"


def _expected(error) -> str:
    if error.validator == "anyOf" and error.path and error.path[-1] == "started":
        return "a year such as 2005 (or empty when the sources give no year)"
    wanted = error.validator_value
    wanted = wanted if isinstance(wanted, list) else [wanted]
    if "integer" in wanted and error.path and error.path[-1] in ("ended", "year", "started"):
        return "a year such as 2005"
    return " or ".join(TYPE_NAMES.get(item, item) for item in wanted)


def _problem(entry: EntryFile, error) -> Problem:
    path = list(error.absolute_path)
    line = entry.line_of(*path)
    field = _field_name(path)
    rule = error.validator
    here = lambda code, **params: Problem.at(entry.path, line, code, **params)  # noqa: E731
    if rule == "required":
        missing = [name for name in error.validator_value if name not in error.instance]
        return Problem.at(entry.path, line, "missing-field", field=_field_name(path + missing[:1]))
    if rule == "additionalProperties":
        allowed = list(error.schema["properties"])
        unknown = [name for name in error.instance if name not in allowed][0]
        close = difflib.get_close_matches(str(unknown), allowed, n=1)
        return Problem.at(
            entry.path,
            entry.line_of(*path, unknown),
            "unknown-field",
            field=_field_name(path + [unknown]),
            hint=f" (did you mean '{close[0]}'?)" if close else "",
            allowed=", ".join(allowed),
        )
    if rule == "enum":
        allowed = error.validator_value
        shown = ", ".join(allowed) if len(allowed) < 30 else "a two-letter ISO 3166-1 country code such as CZ, PL or SK"
        return here("not-in-vocabulary", value=error.instance, field=field, allowed=shown)
    if rule in ("type", "anyOf"):
        return here("wrong-type", field=field, expected=_expected(error), actual=_describe(error.instance))
    if rule == "maxLength":
        return here("too-long", field=field, length=len(error.instance), limit=error.validator_value)
    if rule == "minLength":
        return here("empty-value", field=field)
    if rule == "minItems":
        return here("too-few", field=field, limit=error.validator_value)
    if rule == "uniqueItems":
        return here("duplicate-item", field=field)
    if rule in ("minimum", "maximum"):
        bounds = error.schema
        return here("out-of-range", field=field, minimum=bounds.get("minimum"), maximum=bounds.get("maximum"), value=error.instance)
    key = next((part for part in reversed(path) if isinstance(part, str)), "")
    return here("bad-format", field=field, value=error.instance, rule=FORMAT_RULES.get(key, "see the template"))


def _problems(entry: EntryFile, validator: Draft202012Validator) -> list[Problem]:
    errors = sorted(validator.iter_errors(entry.data), key=lambda error: list(map(str, error.absolute_path)))
    return [_problem(entry, error) for error in errors]


def schema_problems(entry: EntryFile, kind: str) -> list[Problem]:
    """Every way `entry` departs from the original or translation schema."""
    return _problems(entry, _validator(kind))


def problems_against(entry: EntryFile, chosen: dict) -> list[Problem]:
    """Every way a data file (read like an entry) departs from `chosen` schema."""
    return _problems(entry, Draft202012Validator(chosen, format_checker=FormatChecker()))
