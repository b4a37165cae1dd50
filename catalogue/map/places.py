"""What the map shows: libraries where they are, merged by town, and the lines between towns.

Built from the model's practices (anything with `slug`, `type`,
`countries` and `libraries` of `name`, `place`, `country`) and the
libraries' locations, by the library's own name (the one its page uses).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from catalogue.map.outlines import Outlines

LAT_RANGE, LON_RANGE = (-90.0, 90.0), (-180.0, 180.0)


@dataclass(frozen=True)
class Location:
    lat: float
    lon: float


@dataclass
class MapLibrary:
    name: str
    place: str
    country: str
    location: Location | None
    practices: list[str] = field(default_factory=list)  # slugs, in catalogue order


@dataclass
class Town:
    """Libraries of one town: one point on the map."""

    key: str  # "<country>/<place>", unique
    place: str
    country: str
    location: Location  # the mean of its libraries'
    libraries: list[MapLibrary]  # by name

    @property
    def practices(self) -> list[str]:
        seen: dict[str, None] = {}
        for library in self.libraries:
            seen.update(dict.fromkeys(library.practices))
        return sorted(seen)


@dataclass
class Link:
    """Cooperation between the libraries of two towns: one line."""

    ends: tuple[str, str]  # town keys, in order
    practices: list[str]  # slugs, sorted
    types: list[str]  # the practices' types, most frequent first
    cross_border: bool


@dataclass
class MapData:
    libraries: list[MapLibrary]  # every library, by name
    towns: list[Town]  # located towns, by key
    links: list[Link]  # by ends
    unlocated: list[MapLibrary]  # libraries without a location, by name

    def town_of(self) -> dict[str, Town]:
        """Library name -> its town."""
        return {library.name: town for town in self.towns for library in town.libraries}


def location_problem(country: str, lat, lon, shapes: Outlines) -> tuple[str, dict] | None:
    """What is wrong with a library's location, as (message code, parameters), or None.

    `location-range`: not a latitude in -90..90 and a longitude in -180..180.
    `location-outside`: the outlines know the country and the point is neither
    in it nor within a few kilometres of its border (lat and lon swapped, a
    sign lost, another town of the same name). Countries the outlines do not
    cover (or points outside their box) are checked for range only.
    """
    if not all(isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) for value in (lat, lon)):
        return "location-range", {"lat": lat, "lon": lon}
    if not (LAT_RANGE[0] <= lat <= LAT_RANGE[1] and LON_RANGE[0] <= lon <= LON_RANGE[1]):
        return "location-range", {"lat": lat, "lon": lon}
    if shapes.checkable(country, lon, lat) and not shapes.contains(country, lon, lat):
        found = shapes.country_at(lon, lat)
        return "location-outside", {"lat": lat, "lon": lon, "country": country, "found": found or "-"}
    return None


def town_key(place: str, country: str) -> str:
    return f"{country}/{place}"


def map_data(
    practices: Iterable,
    locations: Mapping[str, Location],
    canonical: Callable[[str], str] = lambda name: name,
) -> MapData:
    """Libraries, towns and links of `practices`; `canonical` gives a spelling's library name."""
    libraries: dict[str, MapLibrary] = {}
    practice_types: dict[str, str] = {}
    practice_libraries: dict[str, list[str]] = {}
    for practice in practices:
        practice_types[practice.slug] = practice.type
        names = []
        for library in practice.libraries:
            name = canonical(library.name)
            record = libraries.get(name)
            if record is None:
                record = libraries[name] = MapLibrary(name, library.place, library.country, locations.get(name))
            if practice.slug not in record.practices:
                record.practices.append(practice.slug)
            if name not in names:
                names.append(name)
        practice_libraries[practice.slug] = names
    groups: dict[str, list[MapLibrary]] = {}
    for name in sorted(libraries):
        library = libraries[name]
        if library.location is not None:
            groups.setdefault(town_key(library.place, library.country), []).append(library)
    towns = []
    for key in sorted(groups):
        members = groups[key]
        lat = sum(member.location.lat for member in members) / len(members)
        lon = sum(member.location.lon for member in members) / len(members)
        towns.append(Town(key, members[0].place, members[0].country, Location(round(lat, 4), round(lon, 4)), members))
    town_of = {library.name: town for town in towns for library in town.libraries}
    pairs: dict[tuple[str, str], list[str]] = {}
    for slug, names in practice_libraries.items():
        keys = sorted({town_of[name].key for name in names if name in town_of})
        for i, first in enumerate(keys):
            for second in keys[i + 1 :]:
                pairs.setdefault((first, second), []).append(slug)
    by_key = {town.key: town for town in towns}
    links = []
    for ends in sorted(pairs):
        slugs = sorted(set(pairs[ends]))
        counts: dict[str, int] = {}
        for slug in slugs:
            counts[practice_types[slug]] = counts.get(practice_types[slug], 0) + 1
        types = sorted(counts, key=lambda type_id: (-counts[type_id], type_id))
        links.append(Link(ends, slugs, types, by_key[ends[0]].country != by_key[ends[1]].country))
    ordered = [libraries[name] for name in sorted(libraries)]
    return MapData(ordered, towns, links, [library for library in ordered if library.location is None])
