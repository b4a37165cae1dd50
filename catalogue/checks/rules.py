"""The rules an entry must follow beyond its schema, one small check each.

Each check takes what it needs and returns the problems it finds; the
validator runs them all and reports every problem at once.
"""

from __future__ import annotations

import re


from catalogue.model import schema, vocabularies
from catalogue.model.errors import Problem
from catalogue.reading.loader import EntryFolder
from catalogue.model.practice import Practice
from catalogue.reading.parser import EntryFile, FieldLines
from catalogue.model.slugs import slug

SLUG = re.compile(schema.SLUG_PATTERN)


def fact_fields_in(entry: EntryFile) -> list[str]:
    facts = schema.fact_fields()
    return [name for name in entry.data if name in facts]


def check_slug(folder: EntryFolder) -> list[Problem]:
    """The folder name is the permanent id: lower-case ASCII kebab-case."""
    if SLUG.match(folder.slug):
        return []
    suggestion = slug(folder.slug) or "name-of-the-practice"
    return [Problem.at(folder.path, 1, "bad-slug", slug=folder.slug, suggestion=suggestion)]


def split_original(folder: EntryFolder) -> tuple[EntryFile | None, list[EntryFile], list[Problem]]:
    """Exactly one file carries the facts; the others carry only words.

    Returns the original, the clean translations and the problems; a
    translation that carries facts is reported here and checked no further.
    """
    with_facts = [entry for entry in folder.files if fact_fields_in(entry)]
    if not with_facts:
        if not folder.files or folder.unreadable:
            return None, [], []
        return None, [], [Problem.at(folder.files[0].path, 1, "no-original")]
    original = max(with_facts, key=lambda entry: len(fact_fields_in(entry)))
    required = schema.required_facts()
    problems = []
    for entry in with_facts:
        if entry is original:
            continue
        if required <= set(entry.data):
            problems.append(Problem.at(entry.path, 1, "two-originals", other=original.path))
        else:
            fields = fact_fields_in(entry)
            problems.append(
                Problem.at(
                    entry.path,
                    entry.line_of(fields[0]),
                    "translation-with-facts",
                    fields=", ".join(fields),
                    original=original.path,
                )
            )
    translations = [entry for entry in folder.files if entry not in with_facts]
    return original, translations, problems


def check_years(original: EntryFile) -> list[Problem]:
    """`ended`, when given, is not before `started`."""
    started, ended = original.data.get("started"), original.data.get("ended")
    if isinstance(started, int) and isinstance(ended, int) and ended < started:
        return [Problem.at(original.path, original.line_of("ended"), "ended-before-started", ended=ended, started=started)]
    return []


def check_scope(original: EntryFile) -> list[Problem]:
    """`scope` follows from `countries` (see vocabularies.expected_scopes): values never overlap."""
    scope, countries = original.data.get("scope"), original.data.get("countries")
    if not isinstance(scope, str) or not isinstance(countries, list) or not all(isinstance(c, str) for c in countries):
        return []  # the schema reports what is missing or malformed
    if scope not in vocabularies.ids("scope"):
        return []
    allowed = vocabularies.expected_scopes(countries)
    if scope in allowed:
        return []
    return [
        Problem.at(
            original.path,
            original.line_of("scope"),
            "scope-countries",
            scope=scope,
            countries=", ".join(countries),
            allowed=", ".join(allowed),
        )
    ]


def check_status_as_of(original: EntryFile) -> list[Problem]:
    """An ongoing or recurring status says as of which year a source says so."""
    status, as_of = original.data.get("status"), original.data.get("status_as_of")
    if status in ("ongoing", "recurring") and as_of is None:
        return [Problem.at(original.path, original.line_of("status"), "status-without-year", status=status)]
    started = original.data.get("started")
    if isinstance(as_of, int) and isinstance(started, int) and as_of < started:
        return [Problem.at(original.path, original.line_of("status_as_of"), "status-before-started", year=as_of, started=started)]
    return []


def check_related(
    practice: Practice, original: FieldLines, known: set[str], renamed: dict[str, str] | None = None
) -> tuple[list[Problem], list[Problem]]:
    """Every `related` slug names another practice that exists: (problems, notes).

    A former slug (an `aliases` entry of a renamed practice, `renamed`: alias
    -> slug) still names it: `practice.related` is given the current slug and
    a note suggests writing it, so one rename does not break other entries.
    """
    problems, notes, resolved = [], [], []
    renamed = renamed or {}
    for index, slug in enumerate(practice.related):
        line = original.line_of("related", index)
        current = renamed.get(slug, slug) if slug not in known else slug
        if current != slug:
            notes.append(Problem.at(original.path, line, "related-renamed", slug=slug, current=current))
        if current == practice.slug:
            problems.append(Problem.at(original.path, line, "related-self"))
        elif current not in known:
            problems.append(Problem.at(original.path, line, "related-missing", slug=slug))
        resolved.append(current)
    practice.related = list(dict.fromkeys(resolved))
    return problems, notes


def check_aliases(practices: list[Practice], originals: dict[str, FieldLines]) -> list[Problem]:
    """An alias is a former slug: not a current slug, and claimed by one practice only.

    Each alias redirects straight to its practice's page, so redirects can
    neither chain (an alias that is another practice's slug) nor loop.
    """
    slugs = {practice.slug for practice in practices}
    claimed: dict[str, str] = {}
    problems = []
    for practice in practices:
        original = originals[practice.slug]
        for index, alias in enumerate(practice.aliases):
            line = original.line_of("aliases", index)
            if alias == practice.slug:
                problems.append(Problem.at(original.path, line, "alias-loop", alias=alias))
            elif alias in slugs:
                problems.append(Problem.at(original.path, line, "alias-is-slug", alias=alias))
            elif alias in claimed:
                problems.append(Problem.at(original.path, line, "alias-taken", alias=alias, other=claimed[alias]))
            else:
                claimed[alias] = practice.slug
    return problems
