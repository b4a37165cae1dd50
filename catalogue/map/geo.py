"""Plane geometry of the map: simplifying and cutting lines, points in outlines, the projection.

Pure functions on (x, y) tuples: the same code serves degrees
(longitude, latitude) and the projected units of a drawing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

Point = tuple[float, float]
Box = tuple[float, float, float, float]  # west/left, south/top, east/right, north/bottom: min x, min y, max x, max y

EARTH_RADIUS_KM = 6371.0


def simplify(points: Sequence[Point], tolerance: float, x_scale: float = 1.0) -> list[Point]:
    """Douglas–Peucker on a line (both ends kept); x is multiplied by `x_scale` to measure."""
    if len(points) < 3 or tolerance <= 0:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        ax, ay = points[first][0] * x_scale, points[first][1]
        bx, by = points[last][0] * x_scale, points[last][1]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        farthest, index = -1.0, -1
        for position in range(first + 1, last):
            px, py = points[position][0] * x_scale, points[position][1]
            distance = math.hypot(px - ax, py - ay) if length == 0 else abs(dy * (px - ax) - dx * (py - ay)) / length
            if distance > farthest:
                farthest, index = distance, position
        if index >= 0 and farthest > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [point for point, kept in zip(points, keep) if kept]


def simplify_ring(ring: Sequence[Point], tolerance: float) -> list[Point]:
    """A closed ring simplified in two halves, so that it keeps at least its two farthest-apart points."""
    if len(ring) < 4:
        return list(ring)
    half = len(ring) // 2
    first = simplify(list(ring[: half + 1]), tolerance)
    second = simplify(list(ring[half:]) + [ring[0]], tolerance)
    return first[:-1] + second[:-1]


def clip_ring(ring: Sequence[Point], box: Box) -> list[Point]:
    """Sutherland–Hodgman: the part of a closed ring (not repeating its first point) inside `box`."""
    left, top, right, bottom = box

    def cut_x(a: Point, b: Point, x: float) -> Point:
        return (x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]))

    def cut_y(a: Point, b: Point, y: float) -> Point:
        return (a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y)

    edges = (
        (lambda p: p[0] >= left, lambda a, b: cut_x(a, b, left)),
        (lambda p: p[0] <= right, lambda a, b: cut_x(a, b, right)),
        (lambda p: p[1] >= top, lambda a, b: cut_y(a, b, top)),
        (lambda p: p[1] <= bottom, lambda a, b: cut_y(a, b, bottom)),
    )
    points = list(ring[:-1]) if len(ring) > 1 and ring[0] == ring[-1] else list(ring)
    for inside, cross in edges:
        if not points:
            break
        result = []
        previous = points[-1]
        for point in points:
            if inside(point):
                if not inside(previous):
                    result.append(cross(previous, point))
                result.append(point)
            elif inside(previous):
                result.append(cross(previous, point))
            previous = point
        points = result
    return points


def ring_area(ring: Sequence[Point]) -> float:
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, [*ring[1:], ring[0]]))) / 2


def ring_box(ring: Sequence[Point]) -> Box:
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    return min(xs), min(ys), max(xs), max(ys)


def in_rings(point: Point, rings: Sequence[Sequence[Point]]) -> bool:
    """Even–odd rule over every ring: holes (and islands in them) count right."""
    x, y = point
    inside = False
    for ring in rings:
        previous = ring[-1]
        for current in ring:
            (x1, y1), (x2, y2) = previous, current
            if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
                inside = not inside
            previous = current
    return inside


def distance_km(a: Point, b: Point) -> float:
    """Great-circle distance between two (lon, lat) points."""
    lon1, lat1, lon2, lat2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def distance_to_rings_km(point: Point, rings: Sequence[Sequence[Point]]) -> float:
    """The shortest distance from `point` (lon, lat) to the edges of `rings`, about right at these scales."""
    lon, lat = point
    x_scale = math.cos(math.radians(lat))
    best = math.inf
    for ring in rings:
        previous = ring[-1]
        for current in ring:
            ax, ay = (previous[0] - lon) * x_scale, previous[1] - lat
            bx, by = (current[0] - lon) * x_scale, current[1] - lat
            dx, dy = bx - ax, by - ay
            length = dx * dx + dy * dy
            t = 0.0 if length == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / length))
            best = min(best, math.hypot(ax + t * dx, ay + t * dy))
            previous = current
    return best * math.pi / 180 * EARTH_RADIUS_KM


class Projection:
    """Lambert conformal conic, parallels 49° and 54° N, centred on 19° E: the three countries without much distortion.

    `project` gives (x, y) with y growing southwards, in radians of the unit sphere.
    """

    def __init__(self, parallels: tuple[float, float] = (49.0, 54.0), origin: Point = (19.0, 51.0)):
        phi1, phi2 = (math.radians(value) for value in parallels)
        self.lon0 = math.radians(origin[0])
        self.n = math.log(math.cos(phi1) / math.cos(phi2)) / math.log(
            math.tan(math.pi / 4 + phi2 / 2) / math.tan(math.pi / 4 + phi1 / 2)
        )
        self.f = math.cos(phi1) * math.tan(math.pi / 4 + phi1 / 2) ** self.n / self.n
        self.rho0 = self._rho(math.radians(origin[1]))

    def _rho(self, phi: float) -> float:
        return self.f / math.tan(math.pi / 4 + phi / 2) ** self.n

    def project(self, lon: float, lat: float) -> Point:
        rho = self._rho(math.radians(lat))
        theta = self.n * (math.radians(lon) - self.lon0)
        return rho * math.sin(theta), -(self.rho0 - rho * math.cos(theta))


PROJECTION = Projection()


class Frame:
    """A part of the projected plane drawn into a `width`-wide box: projected -> drawing units."""

    def __init__(self, box: Box, width: int, margin: float = 0.0):
        left, top, right, bottom = box
        self.scale = (width - 2 * margin) / (right - left)
        self.left, self.top, self.margin = left, top, margin
        self.width = width
        self.lonlat_box: Box | None = None
        self.height = round((bottom - top) * self.scale + 2 * margin)

    @classmethod
    def around(cls, lonlat_box: Box, width: int, margin: float = 0.0, projection: Projection = PROJECTION) -> Frame:
        """The frame holding the projected corners and edge midpoints of a (lon, lat) box."""
        west, south, east, north = lonlat_box
        middle = (west + east) / 2
        points = [projection.project(lon, lat) for lon in (west, middle, east) for lat in (south, north)]
        frame = cls(ring_box(points), width, margin)
        frame.lonlat_box = lonlat_box
        return frame

    def place(self, point: Point) -> Point:
        """A projected point in drawing units."""
        return (point[0] - self.left) * self.scale + self.margin, (point[1] - self.top) * self.scale + self.margin

    def box(self, margin: float = 0.0) -> Box:
        """The drawing's box in drawing units, `margin` beyond each side."""
        return -margin, -margin, self.width + margin, self.height + margin

    def inside(self, point: Point, inset: float = 0.0) -> bool:
        return inset <= point[0] <= self.width - inset and inset <= point[1] <= self.height - inset

    def to_edge(self, point: Point, inset: float) -> Point:
        """A point outside the drawing moved onto its edge (`inset` inside), towards the drawing's centre."""
        cx, cy = self.width / 2, self.height / 2
        dx, dy = point[0] - cx, point[1] - cy
        limits = []
        if dx:
            limits.append((cx - inset) / abs(dx))
        if dy:
            limits.append((cy - inset) / abs(dy))
        factor = min([1.0, *limits])
        return cx + dx * factor, cy + dy * factor
