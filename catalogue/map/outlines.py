"""The country outlines (outlines.json, derived from Natural Earth by scripts/derive_outlines.py).

Czechia, Poland, Slovakia and every country that reaches into a box around
them, cut to that box. `WHOLE` countries lie in it entirely: a point can be
checked against them anywhere; the others only inside the box.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from catalogue.map.geo import Box, Point, distance_to_rings_km, in_rings, ring_box

OUTLINES_FILE = Path(__file__).parent / "outlines.json"
# Natural Earth at 1:10m, simplified to about 1 km, places a border a few
# hundred metres off (Cieszyn and Český Těšín face each other across a
# river): a point this close to its country's outline counts as inside.
BORDER_TOLERANCE_KM = 3.0
THE_THREE = ("CZ", "PL", "SK")


@dataclass(frozen=True, eq=False)  # compared (and cached) by identity
class Outlines:
    countries: dict[str, list[list[Point]]]  # code -> rings of (lon, lat)
    whole: frozenset[str]
    box: Box  # (west, south, east, north) the outlines were cut to
    source: str
    license: str

    def boxes(self) -> dict[str, Box]:
        return {code: _box_of(rings) for code, rings in self.countries.items()}

    def checkable(self, country: str, lon: float, lat: float) -> bool:
        """Whether the outlines can tell if (lon, lat) lies in `country`."""
        if country not in self.countries:
            return False
        west, south, east, north = self.box
        return country in self.whole or (west < lon < east and south < lat < north)

    def contains(self, country: str, lon: float, lat: float, tolerance_km: float = BORDER_TOLERANCE_KM) -> bool:
        """Whether (lon, lat) lies in `country`'s outline or within `tolerance_km` of it."""
        rings = self.countries[country]
        if in_rings((lon, lat), rings):
            return True
        return tolerance_km > 0 and distance_to_rings_km((lon, lat), rings) <= tolerance_km

    def country_at(self, lon: float, lat: float) -> str | None:
        """The country whose outline holds (lon, lat), if any."""
        for code, rings in self.countries.items():
            west, south, east, north = _box_of(rings)
            if west <= lon <= east and south <= lat <= north and in_rings((lon, lat), rings):
                return code
        return None


def _box_of(rings: list[list[Point]]) -> Box:
    boxes = [ring_box(ring) for ring in rings]
    return min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)


def parse(data: dict) -> Outlines:
    scale = data["units_per_degree"]
    countries = {
        code: [[(flat[i] / scale, flat[i + 1] / scale) for i in range(0, len(flat), 2)] for flat in rings]
        for code, rings in sorted(data["countries"].items())
    }
    return Outlines(countries, frozenset(data["whole"]), tuple(data["box"]), data["source"], data["license"])


@cache
def outlines(path: Path = OUTLINES_FILE) -> Outlines:
    with open(path, encoding="utf-8") as handle:
        return parse(json.load(handle))
