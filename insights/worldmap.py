"""Organisations per country on a world map: one GROUP BY, coloured into five buckets.

The country outlines are SVG path data built once from the vendored world-atlas TopoJSON by
``manage.py build_world_map`` (insights/data/world-map.json), so the page draws the map itself,
with no map library and nothing fetched at run time.
"""

import functools
import json
from pathlib import Path

from django.db.models import Count
from django.urls import reverse
from django.utils.http import urlencode
from django_countries import countries

from clusters.models import Organisation

DATA = Path(__file__).resolve().parent / "data" / "world-map.json"
BUCKETS = 5


@functools.cache
def outlines() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def buckets(top: int, n: int = BUCKETS) -> list[tuple[int, int]]:
    """Up to ``n`` ranges (low, high) covering 1..``top``, growing geometrically, so that a few
    countries with many organisations do not wash all the others into the lightest colour."""
    if top <= 0:
        return []
    highs: list[int] = []
    for i in range(1, n + 1):
        high = top if i == n else round(top ** (i / n))
        if high > (highs[-1] if highs else 0):
            highs.append(high)
    lows = [1] + [h + 1 for h in highs[:-1]]
    return list(zip(lows, highs, strict=True))


def bucket_of(count: int, ranges: list[tuple[int, int]]) -> int:
    """1-based bucket of ``count``; 0 for none."""
    for i, (_low, high) in enumerate(ranges, start=1):
        if count <= high:
            return i if count else 0
    return 0


def _main_boxes(d: str) -> list[tuple[float, float, float, float]]:
    """The bounding box (x0, y0, x1, y1) of the largest part of one country's path ("M x y l dx dy
    … z" per part): islands, overseas departments (French Guiana) and the tip of Chukotka beyond
    the antimeridian would stretch an extent across the whole map."""
    boxes = []
    for part in d.split("M")[1:]:
        numbers = [float(n) for n in part.replace("l", " ").replace("z", " ").split()]
        x, y = numbers[0], numbers[1]
        xs, ys = [x], [y]
        for dx, dy in zip(numbers[2::2], numbers[3::2], strict=False):
            x, y = x + dx, y + dy
            xs.append(x)
            ys.append(y)
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    return sorted(boxes, key=lambda b: (b[2] - b[0]) * (b[3] - b[1]))[-1:]


def extent(codes, view: str = "world", margin: float = 0.06) -> list[float]:
    """The view box (x, y, width, height) around the countries ``codes``, with a margin, inside
    the ``view``'s own box; that box itself when none of them is drawn."""
    data = outlines()
    vx, vy, vw, vh = data["views"][view]
    boxes = [b for code in codes if code in data["countries"] for b in _main_boxes(data["countries"][code])]
    if not boxes:
        return [vx, vy, vw, vh]
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    pad = margin * max(x1 - x0, y1 - y0, 20)
    x0, y0 = max(vx, x0 - pad), max(vy, y0 - pad)
    x1, y1 = min(vx + vw, x1 + pad), min(vy + vh, y1 + pad)
    return [round(x0, 1), round(y0, 1), round(x1 - x0, 1), round(y1 - y0, 1)]


def organisations_by_country(queryset=None, view: str = "world") -> dict:
    """Everything the map page draws and tabulates. One query."""
    queryset = Organisation.objects.all() if queryset is None else queryset
    counts = dict(queryset.order_by().values_list("country").annotate(n=Count("pk")))
    without_country = counts.pop("", 0)
    data = outlines()
    ranges = buckets(max(counts.values(), default=0))
    list_url = reverse("clusters:organisation-list")

    def url(code):
        return f"{list_url}?{urlencode({'country': code})}"

    shapes = [
        {
            "code": code,
            "name": countries.name(code) or code,
            "count": counts.get(code, 0),
            "bucket": bucket_of(counts.get(code, 0), ranges),
            "d": d,
            "url": url(code),
        }
        for code, d in data["countries"].items()
    ]
    # Draw countries without organisations first, so the outlines of coloured ones stay on top.
    shapes.sort(key=lambda s: (s["count"] > 0, s["code"]))
    table = sorted(
        (
            {"code": code, "name": countries.name(code) or code, "count": n, "url": url(code)}
            for code, n in counts.items()
        ),
        key=lambda row: (-row["count"], str(row["name"])),
    )
    unmapped = [row for row in table if row["code"] not in data["countries"]]
    return {
        "shapes": shapes,
        "other": data["other"],
        # The world view opens on the countries that have organisations; Europe stays Europe.
        "view_box": " ".join(f"{v:g}" for v in (extent(counts, view) if view == "world" else data["views"][view])),
        "legend": [{"bucket": i, "low": low, "high": high} for i, (low, high) in enumerate(ranges, start=1)],
        "table": table,
        "unmapped": unmapped,
        "countries_total": len(counts),
        "organisations_total": sum(counts.values()),
        "without_country": without_country,
    }
