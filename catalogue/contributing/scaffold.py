"""A new practice from a few facts: read and check them, propose the slug, write the entry.

`scripts/new_entry.py` asks for the facts (or takes them as flags);
the checks here say what is wrong in the contributor's language, in the
validator's own words where the validator has them.
"""

from __future__ import annotations

import datetime
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from slugify import slugify

from catalogue.model.slugs import BACKEND

from catalogue.contributing import entry_writer
from catalogue.model import fields, messages, schema, vocabularies
from catalogue.model.errors import ToolError
from catalogue.reading.loader import read_entries
from catalogue.model.messages import Phrase

SLUG = re.compile(schema.SLUG_PATTERN)
SLUG_MAX = 80
# The facts asked for, in order; each is a flag of new_entry.py.
FACTS = ("title", "summary", "type", "scope", "country", "place", "library", "audience", "started", "status", "source")
REQUIRED = tuple(fact for fact in FACTS if fact != "summary")


@dataclass
class Facts:
    lang: str
    title: str = ""
    summary: str = ""
    type: str = ""
    scope: str = ""
    country: list[str] = field(default_factory=list)
    place: str = ""
    library: str = ""
    audience: list[str] = field(default_factory=list)
    started: int | None = None
    status: str = ""
    source: str = ""


def locale_language(environ=os.environ) -> str:
    """cs, pl or sk from the system locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), else the default."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for value in (environ.get(name) or "").split(":"):
            if value[:2].lower() in vocabularies.languages():
                return value[:2].lower()
    return vocabularies.default_language()


FIELD_OF = {"library": ("libraries", "name"), "source": ("sources", "title")}


def text(fact: str, value: str) -> str:
    """A one-line text, within the length the schema allows."""
    value = " ".join(value.split())
    top, sub = FIELD_OF.get(fact, (fact, None))
    node = fields.original_fields()[top]
    node = node["items"]["properties"][sub] if sub else node
    field_name = f"{top}[0].{sub}" if sub else top
    if not value:
        raise ToolError("empty-value", "messages", field=field_name)
    if len(value) > node["maxLength"]:
        raise ToolError("too-long", "messages", field=field_name, length=len(value), limit=node["maxLength"])
    return value


def optional_text(fact: str, value: str) -> str:
    return text(fact, value) if value.strip() else ""


def split(values: str | list[str]) -> list[str]:
    """Items of a comma- (or space-) separated answer, or of a repeated flag."""
    joined = ",".join(values) if isinstance(values, list) else values
    return [item for item in re.split(r"[,;\s]+", joined) if item]


def choice(vocabulary: str, field_name: str, value: str) -> str:
    """A vocabulary term given by its id or its number in the offered list."""
    ids = vocabularies.ids(vocabulary)
    value = value.strip()
    if value.isdigit():
        if 1 <= int(value) <= len(ids):
            return ids[int(value) - 1]
        raise ToolError("not-a-number", value=value, count=len(ids))
    if value in ids:
        return value
    if not value:
        raise ToolError("empty-choice", "messages", field=field_name, allowed=", ".join(ids))
    raise ToolError("not-in-vocabulary", "messages", value=value, field=field_name, allowed=", ".join(ids))


def choices(vocabulary: str, field_name: str, values: str | list[str]) -> list[str]:
    chosen = []
    for item in split(values):
        term = choice(vocabulary, field_name, item)
        if term not in chosen:
            chosen.append(term)
    if not chosen:
        raise ToolError("too-few", "messages", field=field_name, limit=1)
    return chosen


def countries(values: str | list[str]) -> list[str]:
    codes = []
    for item in split(values):
        if item.upper() not in vocabularies.country_codes():
            raise ToolError("not-in-vocabulary", "messages", value=item, field="countries",
                            allowed=Phrase.of("allowed-country"))
        if item.upper() not in codes:
            codes.append(item.upper())
    if not codes:
        raise ToolError("too-few", "messages", field="countries", limit=1)
    return codes


def year(field_name: str, value: str) -> int | None:
    value = value.strip()
    if not value:
        return None
    if not (value.isdigit() and schema.MIN_YEAR <= int(value) <= schema.MAX_YEAR):
        raise ToolError("wrong-type", "messages", field=field_name, expected=Phrase.of("expected-year"),
                        actual=Phrase.of("value-text", value=value))
    return int(value)


PARSERS = {
    "title": lambda value: text("title", value),
    "summary": lambda value: optional_text("summary", value),
    "type": lambda value: choice("type", "type", value),
    "scope": lambda value: choice("scope", "scope", value),
    "country": countries,
    "place": lambda value: text("place", value),
    "library": lambda value: text("library", value),
    "audience": lambda value: choices("audience", "audience", value),
    "started": lambda value: year("started", value),
    "status": lambda value: choice("status", "status", value),
    "source": lambda value: text("source", value),
}


def proposed_slug(title: str) -> str:
    """The title transliterated (ą→a, ł→l, ř→r), lower-case, hyphenated."""
    return slugify(title, max_length=SLUG_MAX, word_boundary=True, save_order=True, backend=BACKEND)


def taken_slugs(entries_dir: Path) -> dict[str, str]:
    """Every slug in use -> the practice using it (itself, or the one it is an alias of)."""
    taken = {}
    if not entries_dir.is_dir():
        return taken
    folders, _ = read_entries(entries_dir, entries_dir.parent)
    for folder in folders:
        taken[folder.slug] = folder.slug
        for entry in folder.files:
            aliases = entry.data.get("aliases")
            for alias in aliases if isinstance(aliases, list) else []:
                taken.setdefault(str(alias), folder.slug)
    return taken


def free_slug(slug: str, taken: dict[str, str]) -> str:
    """`slug` if it is well formed and no practice (nor an alias) uses it; else a ToolError."""
    if not SLUG.match(slug) or len(slug) > SLUG_MAX:
        raise ToolError("bad-slug", "messages", slug=slug, suggestion=proposed_slug(slug) or "nazev-praxe")
    if slug in taken:
        owner = taken[slug]
        raise ToolError("slug-taken", slug=slug) if owner == slug else ToolError("slug-alias", slug=slug, other=owner)
    return slug


def slug_for(title: str, taken: dict[str, str]) -> str:
    slug = proposed_slug(title)
    if not slug:
        raise ToolError("no-slug", title=title)
    return free_slug(slug, taken)


def front_from_facts(facts: Facts, today: datetime.date | None = None) -> dict:
    """The front matter of the new original, in the schema's order."""
    lead = {"name": facts.library, "place": facts.place, "country": facts.country[0]}
    return {
        "title": facts.title,
        "summary": facts.summary or None,
        "type": facts.type,
        "scope": facts.scope,
        "countries": facts.country,
        "place": facts.place,
        "libraries": [lead],
        "audience": facts.audience,
        "started": facts.started,
        "status": facts.status,
        "sources": [{"title": facts.source}],
        "updated": (today or datetime.date.today()).isoformat(),
    }


def _with_status_year(values: dict, today: datetime.date | None) -> dict:
    """A contributor describes an ongoing or recurring practice as it stands today."""
    if values["status"] not in ("ongoing", "recurring"):
        return values
    ordered = {}
    for key, value in values.items():
        ordered[key] = value
        if key == "status":
            ordered["status_as_of"] = (today or datetime.date.today()).year
    return ordered


def entry_from_facts(facts: Facts, today: datetime.date | None = None) -> str:
    intro = [messages.tool_text("scaffold-intro", facts.lang)]
    front = entry_writer.front_matter(_with_status_year(front_from_facts(facts, today), today), facts.lang, hints=True, intro=intro)
    return entry_writer.entry_text(front, entry_writer.body(facts.lang))


def write_entry(entries_dir: Path, slug: str, facts: Facts, today: datetime.date | None = None) -> Path:
    """Create entries/<slug>/<lang>.md; refuses a slug in use."""
    try:
        folder = entry_writer.write_new_entry(entries_dir, slug, {f"{facts.lang}.md": entry_from_facts(facts, today)})
    except entry_writer.EntryExists:
        raise ToolError("slug-taken", slug=slug) from None
    return folder / f"{facts.lang}.md"
