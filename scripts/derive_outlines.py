"""Derive catalogue/map/outlines.json: the country outlines the map draws and the validator checks.

    npm ci                              # installs world-atlas (a devDependency)
    python scripts/derive_outlines.py   # rewrites catalogue/map/outlines.json

The source is Natural Earth's 1:10m Admin 0 countries (public domain), as
TopoJSON in the npm package world-atlas. This script decodes the TopoJSON
itself (no Node at build time: the build only reads the derived file),
simplifies each shared arc once (so neighbouring countries keep one common
border), cuts everything to a box around Czechia, Poland and Slovakia and
keeps the countries that reach into it. Coordinates are stored in
thousandths of a degree (about 100 m), longitude first.

Run it again only to change the box, the countries or the detail; commit
the result. The same input gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from catalogue.map.geo import clip_ring, ring_area, simplify  # noqa: E402

SOURCE = ROOT / "node_modules" / "world-atlas" / "countries-10m.json"
TARGET = ROOT / "catalogue" / "map" / "outlines.json"

# West, south, east, north: all of Germany, Austria and Hungary, the rest cut.
BOX = (5.5, 45.5, 27.0, 56.0)
# Douglas–Peucker tolerance in degrees of latitude (0.01 is about 1.1 km).
TOLERANCE = 0.01
# Rings smaller than this (square degrees, after cutting) are left out: islets.
MIN_AREA = 0.0004
SCALE = 1000  # stored units per degree
# Countries whose whole outline lies in BOX: a point can be checked against them anywhere.
WHOLE = ("AT", "CZ", "DE", "HU", "PL", "SK")
ASPECT = math.cos(math.radians(50))  # a degree of longitude at 50°N, in degrees of latitude


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The arcs of a quantized TopoJSON topology, in degrees."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_of(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """A closed ring from arc indices (~i is arc i reversed), without repeating joints."""
    ring: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(arc if not ring else arc[1:])
    return ring


def alpha_2(numeric: str) -> str | None:
    country = pycountry.countries.get(numeric=numeric)
    return country.alpha_2 if country else None


def derive(topology: dict, box=BOX, tolerance=TOLERANCE) -> dict:
    arcs = [simplify(arc, tolerance, x_scale=ASPECT) for arc in decode_arcs(topology)]
    countries = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = alpha_2(geometry.get("id", ""))
        if code is None or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
        rings = []
        for polygon in polygons:
            for indices in polygon:
                ring = clip_ring(ring_of(indices, arcs), box)
                # Rounded, with repeated points dropped.
                stored = []
                for lon, lat in ring:
                    point = (round(lon * SCALE), round(lat * SCALE))
                    if not stored or stored[-2:] != list(point):
                        stored.extend(point)
                if len(stored) >= 8 and ring_area([(x / SCALE, y / SCALE) for x, y in zip(stored[::2], stored[1::2])]) >= MIN_AREA:
                    rings.append(stored)
        if rings:
            countries[code] = sorted(rings)
    return {
        "source": "Natural Earth 1:10m Cultural Vectors, Admin 0 – Countries, version 4.1.0, via the npm package world-atlas "
        + topology_version(),
        "license": "Public domain (Natural Earth, https://www.naturalearthdata.com/about/terms-of-use/)",
        "derived_by": "scripts/derive_outlines.py",
        "box": list(box),
        "tolerance_degrees": tolerance,
        "units_per_degree": SCALE,
        "whole": [code for code in WHOLE if code in countries],
        "countries": dict(sorted(countries.items())),
    }


def topology_version() -> str:
    package = SOURCE.parent / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"] if package.is_file() else "?"


def dump(data: dict) -> str:
    """JSON with one ring per line: readable diffs, small file."""
    head = {key: value for key, value in data.items() if key != "countries"}
    lines = ["{"]
    for key, value in head.items():
        lines.append(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},")
    lines.append(' "countries": {')
    codes = list(data["countries"])
    for position, code in enumerate(codes):
        rings = data["countries"][code]
        lines.append(f"  {json.dumps(code)}: [")
        lines.extend(f"   {json.dumps(ring, separators=(',', ':'))}{',' if i < len(rings) - 1 else ''}" for i, ring in enumerate(rings))
        lines.append("  ]" + ("," if position < len(codes) - 1 else ""))
    lines.append(" }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE, help="world-atlas countries-10m.json")
    parser.add_argument("--target", type=Path, default=TARGET)
    parser.add_argument("--tolerance", type=float, default=TOLERANCE)
    args = parser.parse_args(argv)
    if not args.source.is_file():
        print(f"{args.source} is missing: run `npm ci` first (world-atlas is a devDependency).", file=sys.stderr)
        return 1
    topology = json.loads(args.source.read_text(encoding="utf-8"))
    text = dump(derive(topology, tolerance=args.tolerance))
    args.target.parent.mkdir(parents=True, exist_ok=True)
    args.target.write_text(text, encoding="utf-8")
    print(f"{args.target.relative_to(ROOT) if args.target.is_relative_to(ROOT) else args.target}: {len(text.encode()):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
