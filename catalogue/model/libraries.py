"""Libraries as pages: each library named in a practice, with its practices.

A library is known by its name exactly as written; `entries/libraries.yml`
joins spellings of one library (see `library_names`). The address of a
library page comes from its name, so names must not collide.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


from catalogue.model.practice import Catalogue, Practice
from catalogue.model.slugs import slug


@dataclass
class LibraryRecord:
    name: str
    slug: str
    place: str
    country: str
    url: str | None
    spellings: list[str] = field(default_factory=list)  # the other declared spellings
    practices: list[Practice] = field(default_factory=list)  # in slug order


def library_slug(name: str) -> str:
    return slug(name)


def canonical_name(catalogue: Catalogue, name: str) -> str:
    return catalogue.library_spellings.get(name, name)


def library_records(catalogue: Catalogue) -> list[LibraryRecord]:
    """Every library of the catalogue, in address order."""
    records: dict[str, LibraryRecord] = {}
    for practice in catalogue.practices:
        for library in practice.libraries:
            name = canonical_name(catalogue, library.name)
            record = records.get(name)
            if record is None:
                record = records[name] = LibraryRecord(name, library_slug(name), library.place, library.country, library.url)
            record.url = record.url or library.url or catalogue.library_urls.get(name)
            if practice not in record.practices:
                record.practices.append(practice)
    for other, name in catalogue.library_spellings.items():
        if name in records:
            records[name].spellings.append(other)
    for name, url in catalogue.library_urls.items():  # the declared address comes first
        if name in records:
            records[name].url = url
    return sorted(records.values(), key=lambda record: record.slug)


def partners(record: LibraryRecord, catalogue: Catalogue) -> list[tuple[str, int]]:
    """The other libraries sharing a practice with `record`: (name, shared practices)."""
    shared = Counter(
        name
        for practice in record.practices
        for name in {canonical_name(catalogue, library.name) for library in practice.libraries}
        if name != record.name
    )
    return sorted(shared.items(), key=lambda item: (-item[1], library_slug(item[0])))


def former_addresses(catalogue: Catalogue) -> dict[str, str]:
    """Address (slug) of each other spelling -> the name of its library."""
    return {
        library_slug(other): name
        for other, name in sorted(catalogue.library_spellings.items())
        if library_slug(other) != library_slug(name)
    }
