"""Checking one entry file against its JSON Schema, in plain words."""

from __future__ import annotations

import difflib
from functools import cache

from jsonschema import Draft202012Validator, FormatChecker, validators

from catalogue.model import schema
from catalogue.model.errors import Problem
from catalogue.model.messages import Phrase
from catalogue.reading.parser import EntryFile

# Which rule to explain when a value has the wrong form, by field name.
FORMAT_RULES = ("related", "aliases", "topics", "url", "contact", "updated")


_any_enum = Draft202012Validator.VALIDATORS["enum"]


@cache
def _text_set(values: tuple) -> frozenset | None:
    return frozenset(values) if all(isinstance(value, str) for value in values) else None


def _enum(validator, enums, instance, schema_part):
    """`enum`, with a set lookup for text: the country list has some 250 codes."""
    allowed = _text_set(tuple(enums)) if isinstance(instance, str) else None
    if allowed is not None:
        if instance not in allowed:
            yield from _any_enum(validator, enums, instance, schema_part)
        return
    yield from _any_enum(validator, enums, instance, schema_part)


_FastValidator = validators.extend(Draft202012Validator, {"enum": _enum})


@cache
def _validator(kind: str) -> Draft202012Validator:
    chosen = schema.original_schema() if kind == "original" else schema.translation_schema()
    return _FastValidator(chosen, format_checker=FormatChecker())


def _field_name(path: list) -> str:
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or "front matter"


def _describe(value) -> Phrase:
    if isinstance(value, str):
        return Phrase.of("value-text", value=value)
    if isinstance(value, bool):
        return Phrase.of("value-plain", value=str(value).lower())
    if value is None:
        return Phrase.of("type-null")
    if isinstance(value, list):
        return Phrase.of("type-array")
    if isinstance(value, dict):
        return Phrase.of("type-object")
    return Phrase.of("value-plain", value=value)


def _expected(error) -> Phrase:
    if error.validator == "anyOf" and error.path and error.path[-1] == "started":
        return Phrase.of("expected-year-or-empty")
    wanted = error.validator_value
    wanted = wanted if isinstance(wanted, list) else [wanted]
    if "integer" in wanted and error.path and error.path[-1] in ("ended", "year", "started"):
        return Phrase.of("expected-year")
    phrases = [Phrase.of(f"type-{item}") for item in wanted]
    expected = phrases[0]
    for other in phrases[1:]:
        expected = Phrase.of("either", first=expected, second=other)
    return expected


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
            hint=Phrase.of("did-you-mean", name=close[0]) if close else "",
            allowed=", ".join(allowed),
        )
    if rule == "enum":
        allowed = error.validator_value
        shown = ", ".join(allowed) if len(allowed) < 30 else Phrase.of("allowed-country")
        if error.instance is None:
            return here("empty-choice", field=field, allowed=shown)
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
    rule = f"rule-{key}" if key in FORMAT_RULES else "rule-other"
    return here("bad-format", field=field, value=error.instance, rule=Phrase.of(rule))


def _problems(entry: EntryFile, validator: Draft202012Validator) -> list[Problem]:
    errors = sorted(validator.iter_errors(entry.data), key=lambda error: list(map(str, error.absolute_path)))
    # An empty vocabulary field breaks its type and its vocabulary: say it once, with the choices.
    empty_choices = {tuple(error.absolute_path) for error in errors if error.validator == "enum" and error.instance is None}
    errors = [error for error in errors if not (error.validator == "type" and tuple(error.absolute_path) in empty_choices)]
    return [_problem(entry, error) for error in errors]


def schema_problems(entry: EntryFile, kind: str) -> list[Problem]:
    """Every way `entry` departs from the original or translation schema."""
    return _problems(entry, _validator(kind))


def problems_against(entry: EntryFile, chosen: dict) -> list[Problem]:
    """Every way a data file (read like an entry) departs from `chosen` schema."""
    return _problems(entry, Draft202012Validator(chosen, format_checker=FormatChecker()))
