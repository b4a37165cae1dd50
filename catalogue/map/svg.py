"""Drawing the map as inline SVG: outlines, country names, lines between towns, points.

Everything is computed at build time; the SVG needs no script, no font
and no request. Coordinates are whole drawing units (paths relative), and
every list is sorted, so the same catalogue gives the same bytes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape

from catalogue.map.geo import PROJECTION, Box, Frame, Point, clip_ring, ring_area, ring_box, simplify_ring
from catalogue.map.outlines import THE_THREE, Outlines
from catalogue.map.places import Link, MapData, Town

# The big map: Czechia, Poland and Slovakia with a little around them.
BIG_BOX = (11.9, 47.55, 24.35, 55.0)
BIG_WIDTH = 1000
LOCATOR_WIDTH = 400
# The sizes of locator maps (degrees of longitude, latitude): the smallest that holds the towns.
LOCATOR_SPANS = ((4.5, 2.5), (8.0, 4.5), (14.0, 8.0))
LOCATOR_PAD = 0.6
# Where each country's name is written (lon, lat), if that is in the frame.
LABEL_AT = {
    "AT": (14.6, 47.75),
    "BY": (25.0, 53.3),
    "CZ": (15.4, 49.95),
    "DE": (12.9, 51.9),
    "HU": (19.6, 47.8),
    "LT": (23.6, 54.75),
    "PL": (19.1, 52.35),
    "RU": (21.0, 54.65),
    "SK": (19.6, 48.82),
    "UA": (24.2, 49.2),
}
DENSE = 60  # lines beyond which they are drawn fainter
CURVE = 0.12  # a line bows out by this share of its length, so lines between the same towns stay apart


@dataclass(frozen=True)
class Marker:
    """A point as drawn: a town placed in the frame."""

    town: Town
    x: float
    y: float
    radius: float
    away: bool  # outside the frame, drawn on its edge


def _number(value: float) -> str:
    return str(int(round(value)))


def path_data(rings: Sequence[Sequence[Point]]) -> str:
    """SVG path data: whole units, each ring moved to absolutely, then drawn relatively."""
    parts = []
    for ring in rings:
        points = [(round(x), round(y)) for x, y in ring]
        x0, y0 = points[0]
        out = [f"M{x0} {y0}l"]
        previous = points[0]
        steps = []
        for point in points[1:]:
            dx, dy = point[0] - previous[0], point[1] - previous[1]
            if dx or dy:
                steps.append(f"{dx}" + (f"-{-dy}" if dy < 0 else f" {dy}"))
                previous = point
        if len(steps) < 2:
            continue
        text = steps[0]
        for step in steps[1:]:
            text += step if step.startswith("-") else " " + step
        out.append(text + "z")
        parts.append("".join(out))
    return "".join(parts)


def _centroid(ring: Sequence[Point]) -> Point:
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]]):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if area == 0:
        return ring[0]
    return cx / (3 * area), cy / (3 * area)


@lru_cache(maxsize=16)
def _simplified(shapes: Outlines, tolerance: float) -> tuple[tuple[str, tuple[tuple[tuple[Point, ...], Box], ...]], ...]:
    """Every ring projected and simplified once per detail (`tolerance` in projected units), with its box."""
    result = []
    for code, rings in shapes.countries.items():
        projected = []
        for ring in rings:
            points = simplify_ring([PROJECTION.project(lon, lat) for lon, lat in ring], tolerance)
            if len(points) >= 3:
                projected.append((tuple(points), ring_box(points)))
        result.append((code, tuple(projected)))
    return tuple(result)


@lru_cache(maxsize=1024)
def _country_paths(shapes: Outlines, frame_key: tuple, tolerance: float) -> tuple[tuple[str, str, Point, float], ...]:
    """(code, path data, centre and area of its largest part) of every country with something in the frame.

    `tolerance` is in drawing units; outlines are simplified once per detail
    (rounded to one significant digit), so frames of one size share the work
    and each frame only places and cuts.
    """
    frame = _frames[frame_key]
    box = frame.box(margin=4)
    detail = float(f"{tolerance / frame.scale:.1g}")
    # The frame's box in projected units: rings wholly outside it are skipped, wholly inside it are not cut.
    left, top = frame.left - 4 / frame.scale, frame.top - 4 / frame.scale
    right, bottom = left + (frame.width + 8) / frame.scale, top + (frame.height + 8) / frame.scale
    result = []
    for code, rings in _simplified(shapes, detail):
        drawn = []
        for points, (x0, y0, x1, y1) in rings:
            if x1 < left or x0 > right or y1 < top or y0 > bottom:
                continue
            placed = [frame.place(point) for point in points]
            cut = placed if (x0 > left and x1 < right and y0 > top and y1 < bottom) else clip_ring(placed, box)
            if len(cut) >= 3 and ring_area(cut) >= 2:
                drawn.append(cut)
        data = path_data(drawn)
        if data:
            largest = max(drawn, key=ring_area)
            result.append((code, data, _centroid(largest), ring_area(largest)))
    return tuple(result)


_frames: dict[tuple, Frame] = {}


def _frame(lonlat_box: Box, width: int) -> tuple[tuple, Frame]:
    key = (tuple(round(value, 4) for value in lonlat_box), width)
    if key not in _frames:
        _frames[key] = Frame.around(key[0], width)
    return key, _frames[key]


def locator_box(towns: Sequence[Town]) -> Box:
    """The (lon, lat) box of a locator map: its towns with room around.

    A few sizes only (LOCATOR_SPANS), centred on whole degrees: practices
    of one region share a frame, and its outlines are cut once per build.
    """
    lons = [town.location.lon for town in towns] or [19.0]
    lats = [town.location.lat for town in towns] or [50.0]
    centre_lon = float(round((min(lons) + max(lons)) / 2))  # the middle, to the nearest degree
    centre_lat = float(round((min(lats) + max(lats)) / 2))
    for width, height in LOCATOR_SPANS:
        west, east = centre_lon - width / 2, centre_lon + width / 2
        south, north = centre_lat - height / 2, centre_lat + height / 2
        if west + LOCATOR_PAD <= min(lons) and max(lons) <= east - LOCATOR_PAD and south + LOCATOR_PAD / 2 <= min(lats) and max(lats) <= north - LOCATOR_PAD / 2:
            break
    return west, south, east, north


def radius(practices: int, big: bool) -> float:
    if big:
        return min(16.0, 4.0 + 1.6 * math.sqrt(practices))
    return 6.0


def markers(towns: Sequence[Town], frame: Frame, big: bool) -> list[Marker]:
    result = []
    for town in towns:
        r = radius(len(town.practices), big)
        if len(town.libraries) > 1:
            r = max(r, 8.0)
        point = frame.place(PROJECTION.project(town.location.lon, town.location.lat))
        away = not frame.inside(point, r + 1)
        if away:
            # Towards where it is: the nearest point of the frame's (lon, lat) box, then onto the edge.
            west, south, east, north = frame.lonlat_box
            lon, lat = min(max(town.location.lon, west), east), min(max(town.location.lat, south), north)
            point = frame.to_edge(frame.place(PROJECTION.project(lon, lat)), r + 2)
        result.append(Marker(town, point[0], point[1], r, away))
    return spread(result)


def spread(drawn: list[Marker], rounds: int = 40, gap: float = 1.5) -> list[Marker]:
    """Points pushed apart until none covers another (Cieszyn and Český Těšín face each other across a river).

    Deterministic: the same towns in the same order move the same way.
    """
    xs, ys = [m.x for m in drawn], [m.y for m in drawn]
    for _ in range(rounds):
        moved = False
        for i in range(len(drawn)):
            for j in range(i + 1, len(drawn)):
                need = drawn[i].radius + drawn[j].radius + gap
                dx, dy = xs[j] - xs[i], ys[j] - ys[i]
                distance = math.hypot(dx, dy)
                if distance >= need:
                    continue
                if distance < 1e-6:  # the same spot: apart along a direction of their own
                    angle = (i * 2.399963 + j) % (2 * math.pi)
                    dx, dy, distance = math.cos(angle), math.sin(angle), 1.0
                push = (need - distance) / 2 / distance
                xs[i], ys[i] = xs[i] - dx * push, ys[i] - dy * push
                xs[j], ys[j] = xs[j] + dx * push, ys[j] + dy * push
                moved = True
        if not moved:
            break
    return [Marker(m.town, x, y, m.radius, m.away) for m, x, y in zip(drawn, xs, ys)]


def _curve(a: Marker, b: Marker) -> str:
    dx, dy = b.x - a.x, b.y - a.y
    cx, cy = (a.x + b.x) / 2 - dy * CURVE, (a.y + b.y) / 2 + dx * CURVE
    return f"M{_number(a.x)} {_number(a.y)}Q{_number(cx)} {_number(cy)} {_number(b.x)} {_number(b.y)}"


def _town_key(town: Town, big: bool) -> str:
    """The town's key for the big map's script; small maps have no script and go without."""
    return f' data-town="{escape(town.key)}"' if big else ""


def _indices(slugs: Sequence[str], index: Mapping[str, int] | None) -> str:
    if index is None:
        return ""
    return f' data-p="{" ".join(str(index[slug]) for slug in slugs if slug in index)}"'


def draw(
    data: MapData,
    shapes: Outlines,
    *,
    lonlat_box: Box,
    width: int,
    title: str,
    country_name: Callable[[str], str],
    href: Callable[[Town], str],
    label: Callable[[Town], str],
    highlight: Sequence[str] = THE_THREE,
    practice_index: Mapping[str, int] | None = None,
    links: Sequence[Link] | None = None,
    town_names: bool = False,
    big: bool = True,
    interactive: bool = True,
    tolerance: float = 0.7,
) -> str:
    """One map as an `<svg>` element."""
    key, frame = _frame(lonlat_box, width)
    drawn = markers(data.towns, frame, big)
    by_key = {marker.town.key: marker for marker in drawn}
    role = ' role="group"' if interactive else ' aria-hidden="true"'
    shown_links = data.links if links is None else links
    # Many lines are drawn fainter, so that the points and the borders stay readable.
    dense = " is-dense" if len(shown_links) > DENSE else ""
    out = [
        f'<svg class="{"map" if big else "map map--locator"}{dense}" viewBox="0 0 {frame.width} {frame.height}" width="{frame.width}" height="{frame.height}"'
        f'{role} aria-label="{escape(title)}"{" data-map" if interactive else ""}>',
        f'<rect class="map-sea" width="{frame.width}" height="{frame.height}"/>',
        '<g class="map-land" aria-hidden="true">',
    ]
    paths = _country_paths(shapes, key, tolerance)
    for code, d, _, _ in paths:
        state = ' class="is-home"' if code in highlight else ""
        out.append(f'<path{state} data-country="{code}" d="{d}"/>')
    out.append("</g>")
    out.append('<g class="map-names" aria-hidden="true">')
    # The big map writes names where they read best; a small one at the middle of what it shows of a country.
    places = (
        {code: frame.place(PROJECTION.project(*LABEL_AT[code])) for code, *_ in paths if code in LABEL_AT}
        if big
        else {code: centre for code, _, centre, area in paths if area > frame.width * frame.height / 12}
    )
    for code in sorted(places):
        x, y = places[code]
        if 30 < x < frame.width - 30 and 12 < y < frame.height - 6:
            state = " is-home" if code in highlight else ""
            out.append(f'<text class="map-name{state}" x="{_number(x)}" y="{_number(y)}">{escape(country_name(code))}</text>')
    out.append("</g>")
    out.append('<g class="map-links" aria-hidden="true">')
    for link in shown_links:
        a, b = by_key.get(link.ends[0]), by_key.get(link.ends[1])
        if a is None or b is None:
            continue
        kind = " is-cross" if link.cross_border else ""
        types = " ".join(link.types)
        out.append(
            f'<path class="map-link type-{link.types[0]}{kind}" data-types="{types}"{_indices(link.practices, practice_index)}'
            f' d="{_curve(a, b)}"/>'
        )
    out.append("</g>")
    out.append('<g class="map-points">')
    # Big points first, so that small ones stay on top and can be reached.
    for marker in sorted(drawn, key=lambda m: (-m.radius, m.town.key)):
        town = marker.town
        state = (" is-merged" if len(town.libraries) > 1 else "") + (" is-away" if marker.away else "")
        opening = (
            f'<a class="map-point{state}" href="{escape(href(town))}" aria-label="{escape(label(town))}"'
            f'{_town_key(town, big)}{_indices(town.practices, practice_index)}>'
            if interactive
            else f'<g class="map-point{state}">'
        )
        out.append(opening + f'<circle cx="{_number(marker.x)}" cy="{_number(marker.y)}" r="{marker.radius:g}"/>')
        if len(town.libraries) > 1:
            out.append(f'<text x="{_number(marker.x)}" y="{_number(marker.y)}" dy=".35em">{len(town.libraries)}</text>')
        if town_names:
            out.append(
                f'<text class="map-town" x="{_number(marker.x + marker.radius + 3)}" y="{_number(marker.y)}" dy=".35em">'
                f"{escape(town.place)}</text>"
            )
        out.append("</a>" if interactive else "</g>")
    out.append("</g></svg>")
    return "".join(out)


def big_map(data: MapData, shapes: Outlines, **options) -> str:
    """The whole catalogue over Czechia, Poland and Slovakia; far libraries sit on the edge."""
    return draw(data, shapes, lonlat_box=BIG_BOX, width=BIG_WIDTH, **options)


def teaser_map(data: MapData, shapes: Outlines, width: int = 600, **options) -> str:
    """The big map, smaller and without links of its own: the home page links it as a whole."""
    return draw(data, shapes, lonlat_box=BIG_BOX, width=width, interactive=False, tolerance=1.2, **options)


def locator_map(data: MapData, shapes: Outlines, **options) -> str:
    """A small map of some towns (a practice's, a library's) with the lines between them."""
    near = [town for town in data.towns if shapes.box[0] < town.location.lon < shapes.box[2] and shapes.box[1] < town.location.lat < shapes.box[3]]
    box = locator_box(near or data.towns)
    return draw(
        data, shapes, lonlat_box=box, width=LOCATOR_WIDTH, big=False, town_names=True, tolerance=2.5, **options
    )
