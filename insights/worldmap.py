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
        "view_box": " ".join(f"{v:g}" for v in data["views"][view]),
        "legend": [{"bucket": i, "low": low, "high": high} for i, (low, high) in enumerate(ranges, start=1)],
        "table": table,
        "unmapped": unmapped,
        "countries_total": len(counts),
        "organisations_total": sum(counts.values()),
        "without_country": without_country,
    }
