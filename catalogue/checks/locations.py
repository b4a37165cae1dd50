"""Where the libraries are: the locations of `entries/libraries.yml`, checked.

A location is a latitude in -90..90 and a longitude in -180..180, and it
lies in the country the practices give for the library (within a few
kilometres of its border: the outlines are simplified). Countries beyond
the map's outlines (catalogue/map/outlines.json) are checked for range only.

A library without a location is a note, not an error: a practice may be
published before its library is located; the map lists such libraries
under its text list until someone adds the location.
"""

from __future__ import annotations

from catalogue.checks.library_names import LibraryNames
from catalogue.map.outlines import outlines
from catalogue.map.places import location_problem
from catalogue.model.errors import Problem
from catalogue.model.practice import Practice
from catalogue.reading.parser import FieldLines


def library_countries(practices: list[Practice], names: LibraryNames) -> dict[str, str]:
    """Library name -> the country the first practice naming it gives."""
    countries: dict[str, str] = {}
    for practice in practices:
        for library in practice.libraries:
            countries.setdefault(names.spellings.get(library.name, library.name), library.country)
    return countries


def location_problems(practices: list[Practice], names: LibraryNames) -> list[Problem]:
    """A location out of range, or outside the library's country, at its line of entries/libraries.yml."""
    countries = library_countries(practices, names)
    problems = []
    for name, (lat, lon) in sorted(names.locations.items()):
        country = countries.get(name)
        found = location_problem(country or "", lat, lon, outlines())
        if found is not None:
            code, params = found
            problems.append(Problem.at(names.path, names.location_lines[name], code, name=name, **params))
    return problems


def missing_locations(practices: list[Practice], names: LibraryNames, originals: dict[str, FieldLines]) -> list[Problem]:
    """One note per library with no location, at the first place a practice names it."""
    notes, seen = [], set()
    for practice in practices:
        for index, library in enumerate(practice.libraries):
            name = names.spellings.get(library.name, library.name)
            if name in names.locations or name in seen:
                continue
            seen.add(name)
            original = originals[practice.slug]
            notes.append(
                Problem.at(original.path, original.line_of("libraries", index, "name"), "library-location-missing", name=name, file=names.path)
            )
    return notes
