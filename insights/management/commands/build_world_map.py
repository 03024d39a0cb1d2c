"""Turn the vendored world-atlas TopoJSON into the SVG path data the map page draws.

Run once after updating static/vendor/world-atlas/; the result (insights/data/world-map.json) is
committed, so the site never decodes TopoJSON at run time and needs no map JavaScript.
Projection: Equal Earth (Šavrič, Patterson, Jenny 2018), which keeps areas comparable.
"""

import json
import math
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django_countries import countries

SOURCE = Path(settings.BASE_DIR) / "static" / "vendor" / "world-atlas" / "countries-110m.json"
TARGET = Path(settings.BASE_DIR) / "insights" / "data" / "world-map.json"
WIDTH = 1000  # SVG user units across the whole world
SKIP = {"010"}  # Antarctica: no organisation there, and it would take a fifth of the height
# Longitude/latitude boxes of the views the map page offers.
VIEWS = {"world": (-180, -58, 180, 84), "europe": (-25, 34, 45, 71.5)}

A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def equal_earth(lon: float, lat: float) -> tuple[float, float]:
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


# Equal Earth spans x in ±2.7064 and y in ±1.3173 (radians); scale to WIDTH and flip y.
X_MAX = equal_earth(180, 0)[0]
Y_MAX = equal_earth(0, 90)[1]
SCALE = WIDTH / (2 * X_MAX)


def project(lon: float, lat: float) -> tuple[float, float]:
    x, y = equal_earth(lon, lat)
    return round((x + X_MAX) * SCALE, 1), round((Y_MAX - y) * SCALE, 1)


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc[1:] if points else arc)
    return points


def ring_path(points) -> str:
    """A closed ring as relative SVG path commands between rounded projected points."""
    projected = [project(lon, lat) for lon, lat in points]
    out = [f"M{projected[0][0]:g} {projected[0][1]:g}l"]
    px, py = projected[0]
    deltas = []
    for x, y in projected[1:]:
        dx, dy = round(x - px, 1), round(y - py, 1)
        if dx or dy:
            deltas.append(f"{dx:g} {dy:g}")
            px, py = x, y
    if len(deltas) < 2:
        return ""
    return out[0] + " ".join(deltas) + "z"


def clip(points, edge: float, keep_below: bool) -> list[tuple[float, float]]:
    """Sutherland–Hodgman: the part of a closed ring on one side of the meridian ``edge``."""
    inside = (lambda lon: lon <= edge) if keep_below else (lambda lon: lon >= edge)
    out = []
    for i, (lon, lat) in enumerate(points):
        plon, plat = points[i - 1]
        if inside(lon) != inside(plon):
            t = (edge - plon) / (lon - plon)
            out.append((edge, plat + t * (lat - plat)))
        if inside(lon):
            out.append((lon, lat))
    return out


def split_at_antimeridian(points) -> list[list[tuple[float, float]]]:
    """A ring that crosses ±180° (eastern Russia, Fiji) would jump from one edge of the map to
    the other. Make its longitudes continuous, then cut it into the part on each side."""
    unwrapped = [points[0]]
    for lon, lat in points[1:]:
        previous = unwrapped[-1][0]
        while lon - previous > 180:
            lon -= 360
        while lon - previous < -180:
            lon += 360
        unwrapped.append((lon, lat))
    lons = [lon for lon, _lat in unwrapped]
    if min(lons) >= -180 and max(lons) <= 180:
        return [points]
    parts = []
    for shift in (-360, 0, 360):
        shifted = [(lon + shift, lat) for lon, lat in unwrapped]
        part = clip(clip(shifted, 180, keep_below=True), -180, keep_below=False) if shifted else []
        if len(part) >= 3:
            parts.append(part)
    return parts


def geometry_path(geometry: dict, arcs) -> str:
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    return "".join(
        ring_path(part)
        for polygon in polygons
        for ring in polygon
        for part in split_at_antimeridian(ring_points(ring, arcs))
    )


def view_box(west, south, east, north) -> list[float]:
    xs, ys = [], []
    for lat in (south, north, (south + north) / 2, 0 if south < 0 < north else south):
        for lon in (west, east, (west + east) / 2):
            x, y = project(lon, lat)
            xs.append(x)
            ys.append(y)
    return [min(xs), min(ys), round(max(xs) - min(xs), 1), round(max(ys) - min(ys), 1)]


class Command(BaseCommand):
    help = "Build insights/data/world-map.json (SVG paths per country) from the vendored world-atlas TopoJSON."

    def handle(self, *args, **options):
        topology = json.loads(SOURCE.read_text())
        arcs = decode_arcs(topology)
        shapes: dict[str, str] = {}
        other: list[str] = []
        for geometry in topology["objects"]["countries"]["geometries"]:
            numeric = geometry.get("id")
            if numeric in SKIP or geometry["type"] not in ("Polygon", "MultiPolygon"):
                continue
            path = geometry_path(geometry, arcs)
            code = countries.alpha2(numeric) if numeric else ""
            if code:
                shapes[code] = shapes.get(code, "") + path
            else:  # Kosovo, Northern Cyprus, Somaliland: no ISO 3166 numeric code
                other.append(path)
        data = {
            "source": "world-atlas 2.0.2 countries-110m.json (Natural Earth), ISC licence",
            "projection": "Equal Earth",
            "views": {name: view_box(*box) for name, box in VIEWS.items()},
            "countries": dict(sorted(shapes.items())),
            "other": other,
        }
        TARGET.parent.mkdir(parents=True, exist_ok=True)
        TARGET.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n")
        self.stdout.write(f"{len(shapes)} countries, {TARGET.stat().st_size // 1024} KiB → {TARGET}")
