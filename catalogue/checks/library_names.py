"""Libraries written in more than one way: `entries/libraries.yml`.

Practices name their libraries exactly as written, and one name is one
library. When two spellings mean the same library, this file says so:

    - name: Knihovna Petra Bezruče v Opavě      # the name its page uses
      also: [Knihovna P. Bezruče v Opavě]        # pages of these redirect to it

Each spelling belongs to one library, and a redirect leads straight to a
library page, never to another redirect. The same record says where the
library is (for the map) and where its website is:

    - name: Knihovna Petra Bezruče v Opavě
      location: {lat: 49.9380, lon: 17.9020}     # the building, else the town
      url: https://www.knihovnaopava.cz/
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from catalogue.reading import yaml_loader
from catalogue.model.errors import Problem
from catalogue.reading.loader import LIBRARY_NAMES
from catalogue.model.libraries import library_slug
from catalogue.model.practice import Practice
from catalogue.reading.parser import EntryFile, FieldLines, yaml_problem
from catalogue.model.schema import original_schema
from catalogue.checks.schema_check import problems_against



@dataclass
class LibraryNames:
    path: str = f"entries/{LIBRARY_NAMES}"
    spellings: dict[str, str] = field(default_factory=dict)  # other spelling -> the library's name
    lines: dict[str, int] = field(default_factory=dict)  # spelling -> its line in the file
    locations: dict[str, tuple[float, float]] = field(default_factory=dict)  # library name -> (lat, lon)
    location_lines: dict[str, int] = field(default_factory=dict)  # library name -> the line of its location
    urls: dict[str, str] = field(default_factory=dict)  # library name -> its website

_NAME = {"type": "string", "minLength": 1, "maxLength": 200}
SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {
            "name": _NAME,
            "also": {"type": "array", "items": _NAME, "minItems": 1, "uniqueItems": True},
            "location": original_schema()["properties"]["location"],
            "url": original_schema()["properties"]["libraries"]["items"]["properties"]["url"],
        },
        "required": ["name"],
        "additionalProperties": False,
    },
}


def _read(path: Path, shown: str) -> tuple[EntryFile | None, list[Problem]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return None, [Problem.at(shown, raw[: error.start].count(b"\n") + 1, "not-utf8")]
    try:
        node = yaml_loader.compose(text)
        data = yaml_loader.construct(node) if node is not None else []
    except yaml_loader.EntryProblem as found:
        return None, [Problem.at(shown, found.line, found.code, **found.params)]
    except yaml.YAMLError as error:
        return None, [yaml_problem(shown, error, code="yaml-file-syntax")]
    return EntryFile(path=shown, lang="", data=data if data is not None else [], node=node), []


def _check(entry: EntryFile, practices: list[Practice], all_practices: bool = True) -> tuple[LibraryNames, list[Problem]]:
    used = {library.name for practice in practices for library in practice.libraries}
    names = LibraryNames(entry.path)
    declared = names.lines
    problems = []

    def declare(spelling: str, line: int) -> bool:
        if spelling in declared:
            problems.append(Problem.at(entry.path, line, "library-spelling-twice", name=spelling, first=declared[spelling]))
            return False
        declared[spelling] = line
        return True

    for index, group in enumerate(entry.data):
        name, others = group["name"], group.get("also", [])
        name_line = entry.line_of(index, "name")
        if all_practices and not {name, *others} & used:
            problems.append(Problem.at(entry.path, name_line, "library-unknown", name=name))
        declare(name, name_line)
        for position, other in enumerate(others):
            line = entry.line_of(index, "also", position)
            if other == name:
                problems.append(Problem.at(entry.path, line, "library-spelling-loop", name=name))
            elif declare(other, line):
                names.spellings[other] = name
        if "location" in group:
            names.locations[name] = (group["location"]["lat"], group["location"]["lon"])
            names.location_lines[name] = entry.line_of(index, "location")
        if "url" in group:
            names.urls[name] = group["url"]
    return names, problems


def read_library_names(
    entries_dir: Path, root: Path, practices: list[Practice], all_practices: bool = True
) -> tuple[LibraryNames, list[Problem]]:
    """The declared spellings of libraries, and the problems of the file.

    `all_practices` False: `practices` are some of the catalogue's (a preview of
    one), so a library no practice names is not a problem here.
    """
    path = entries_dir / LIBRARY_NAMES
    try:
        shown = path.relative_to(root).as_posix()
    except ValueError:
        shown = path.as_posix()
    if not path.is_file():
        return LibraryNames(shown), []
    entry, problems = _read(path, shown)
    if entry is None:
        return LibraryNames(shown), problems
    problems = problems_against(entry, SCHEMA)
    if problems:
        return LibraryNames(shown), problems
    return _check(entry, practices, all_practices)


def check_library_addresses(practices: list[Practice], names: LibraryNames, originals: dict[str, FieldLines]) -> list[Problem]:
    """Two libraries never share an address, and no spelling's redirect replaces a library page."""
    owners: dict[str, str] = {}
    problems = []
    for practice in practices:
        for index, library in enumerate(practice.libraries):
            name = names.spellings.get(library.name, library.name)
            slug = library_slug(name)
            if owners.setdefault(slug, name) != name:
                line = originals[practice.slug].line_of("libraries", index, "name")
                problems.append(
                    Problem.at(originals[practice.slug].path, line, "library-address-taken", name=name, slug=slug, other=owners[slug])
                )
    for other, name in names.spellings.items():
        slug = library_slug(other)
        if owners.get(slug, name) != name:
            line = names.lines[other]
            problems.append(Problem.at(names.path, line, "library-address-taken", name=other, slug=slug, other=owners[slug]))
    return problems
