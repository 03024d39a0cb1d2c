"""The home page's pictures: each is one GROUP BY (or one short list) turned into SVG geometry.

Views call these functions; templates under templates/core/includes/ draw the shapes. The
number of queries is fixed whatever the number of rows, and no chart needs JavaScript.
"""

import datetime
import math
from dataclasses import dataclass, field

from django.db.models import Count, Window
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from funding.models import Call, CallStatus, Instrument
from visits.models import Visit

# Eight kinds of visits: a palette told apart by lightness as well as hue (ColorBrewer "Dark2"
# darkened for contrast with white), so neighbouring segments stay distinct in grey scale too.
SERIES_CLASSES = [f"series-{i}" for i in range(8)]
MAX_YEARS = 25
CALL_HORIZON_DAYS = 90
MAX_CALLS = 10


def nice_step(value: float) -> int:
    """The smallest "round" whole step (1, 2, 5, 10, 20, 50…) at or above ``value``."""
    if value <= 1:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * magnitude:
            return int(step * magnitude)
    return int(10 * magnitude)


def axis(top_value: int, ticks: int = 4) -> tuple[int, list[int]]:
    """The top of a count axis at or above ``top_value`` and its tick values, about ``ticks`` steps."""
    step = nice_step(max(1, top_value) / ticks)
    top = step * math.ceil(max(1, top_value) / step)
    return top, list(range(0, top + 1, step))


@dataclass
class Segment:
    label: str
    value: int
    css: str
    x: float = 0
    y: float = 0
    width: float = 0
    height: float = 0


@dataclass
class Bar:
    label: str
    total: int
    url: str
    x: float = 0
    segments: list[Segment] = field(default_factory=list)


# The visits-per-year chart's geometry (SVG user units): size, left axis room, baseline room.
YEAR_CHART = {"width": 900, "height": 250, "left": 40, "bottom": 30, "top_pad": 10}


def visits_per_year(visits) -> dict:
    """Visits and events per year, stacked by kind, for the last ``MAX_YEARS`` years with any.
    ``visits`` is already narrowed to what the reader may see. One query."""
    rows = list(visits.order_by().values_list("start_date__year", "kind").annotate(n=Count("pk")))
    if not rows:
        return {"bars": [], "series": [], "rows": []}
    earliest = min(year for year, _kind, _n in rows)
    last = max(year for year, _kind, _n in rows)
    first = max(earliest, last - MAX_YEARS + 1)
    counts = {(year, kind): n for year, kind, n in rows if year >= first}
    chart = _year_chart(list(range(first, last + 1)), counts)
    return {**chart, "first_year": first, "last_year": last, "clipped": first > earliest}


def _year_chart(years: list[int], counts: dict[tuple[int, str], int]) -> dict:
    """The stacked bars of ``counts`` (``{(year, kind): n}``) over ``years``, by kind of visit."""
    return stacked_per_year(years, Visit.Kind.choices, counts)


def stacked_per_year(years: list[int], series, counts: dict[tuple[int, str], int], url=None) -> dict:
    """Stacked bars of ``counts`` (``{(year, key): n}``) over ``years``, a segment per series
    (``(key, label)``, bottom up; those with any count only), their axis and labels, and the same
    figures as table rows. ``url(year)`` is where a year links (default: that year's visits)."""
    labels = dict(series)
    present = [k for k in labels if any(key == k for _year, key in counts)]
    css = {key: SERIES_CLASSES[i % len(SERIES_CLASSES)] for i, key in enumerate(present)}
    top, ticks = axis(max(sum(counts.get((y, k), 0) for k in present) for y in years))
    g = YEAR_CHART
    plot_h = g["height"] - g["bottom"] - g["top_pad"]
    slot = (g["width"] - g["left"] - 10) / len(years)
    bar_w = max(4.0, min(36.0, slot * 0.7))
    bars = _year_bars(years, [(k, str(labels[k]), css[k]) for k in present], counts, top, slot, bar_w, url)
    label_every = max(1, math.ceil(len(years) / 12))
    return {
        **{key: g[key] for key in ("width", "height", "left")},
        "baseline": g["top_pad"] + plot_h,
        "bar_width": round(bar_w, 1),
        "bars": bars,
        "year_labels": [(round(b.x + bar_w / 2, 1), b.label) for i, b in enumerate(bars) if i % label_every == 0],
        "ticks": [(t, round(g["top_pad"] + plot_h - plot_h * t / top, 1)) for t in ticks],
        "series": [{"label": labels[k], "css": css[k], "kind": k} for k in present],
        "rows": _year_rows(bars, present, counts),
        "peak": max(bars, key=lambda b: (b.total, b.label)),
    }


def _year_rows(bars: list[Bar], present: list[str], counts: dict[tuple[int, str], int]) -> list[dict]:
    """The chart as a table: a row per year with any visit, a cell per kind shown."""
    return [
        {"year": b.label, "url": b.url, "total": b.total, "cells": [counts.get((int(b.label), k), 0) for k in present]}
        for b in bars
        if b.total
    ]


def _year_bars(years, series, counts, top, slot, bar_w, url=None) -> list[Bar]:
    """One bar per year linking to that year's visits, a segment per kind (``series``: ``(kind,
    label, css)``, bottom up) with any; ``top`` is the count at the top of the axis."""
    g = YEAR_CHART
    plot_h = g["height"] - g["bottom"] - g["top_pad"]
    list_url = reverse("visits:visit-list")
    bars = []
    for i, year in enumerate(years):
        bar = Bar(label=str(year), total=0, url=url(year) if url else f"{list_url}?{urlencode({'year': year})}")
        bar.x = round(g["left"] + i * slot + (slot - bar_w) / 2, 1)
        y = g["top_pad"] + plot_h
        for kind, label, css in series:
            if n := counts.get((year, kind), 0):
                h = plot_h * n / top
                y -= h
                bar.segments.append(Segment(label, n, css, bar.x, round(y, 1), round(bar_w, 1), round(h, 1)))
                bar.total += n
        bars.append(bar)
    return bars


def instruments_by_level_and_kind() -> dict:
    """Funding instruments counted by level (rows) and kind (columns), as a shaded grid whose
    cells carry their numbers, so no reading depends on colour. One query."""
    counts = {
        (level, kind): n
        for level, kind, n in Instrument.objects.order_by().values_list("level", "kind").annotate(n=Count("pk"))
    }
    levels = [(v, label) for v, label in Instrument.Level.choices if any(k[0] == v for k in counts)]
    kinds = [(v, label) for v, label in Instrument.Kind.choices if any(k[1] == v for k in counts)]
    if not counts:
        return {"cells": [], "levels": [], "kinds": []}
    top = max(counts.values())
    # The row labels stand left of the grid, right-aligned: room for the longest one in the
    # reader's language ("Multilateral / gemeinsam"), at about 7.5 px per character.
    left = max(120, 16 + round(7.5 * max(len(str(label)) for _, label in levels)))
    cell_w, cell_h, head = 64, 34, 70
    list_url = reverse("funding:instrument-list")
    cells = []
    for r, (level, _level_label) in enumerate(levels):
        for c, (kind, _kind_label) in enumerate(kinds):
            n = counts.get((level, kind), 0)
            # Shade 0 (none) to 4 (the most); the darkest two carry white numbers.
            shade = 0 if not n else 4 if top == 1 else 1 + round(3 * (n - 1) / (top - 1))
            cells.append(
                {
                    "x": left + c * cell_w,
                    "y": head + r * cell_h,
                    "n": n,
                    "css": f"shade-{shade}",
                    "tx": left + c * cell_w + cell_w / 2,
                    "ty": head + r * cell_h + cell_h / 2 + 5,
                }
            )
    return {
        "width": left + len(kinds) * cell_w + 70,  # room for the last slanted column label
        "height": head + len(levels) * cell_h + 10,
        "cell_w": cell_w - 2,
        "cell_h": cell_h - 2,
        "cells": cells,
        "levels": [
            {"label": label, "y": head + r * cell_h + cell_h / 2 + 5, "url": f"{list_url}?{urlencode({'level': v})}"}
            for r, (v, label) in enumerate(levels)
        ],
        "kinds": [
            {"label": label, "x": left + c * cell_w + cell_w / 2, "url": f"{list_url}?{urlencode({'kind': v})}"}
            for c, (v, label) in enumerate(kinds)
        ],
        "left": left,
        "head": head,
        "rows": [
            {
                "label": label,
                "url": f"{list_url}?{urlencode({'level': v})}",
                "cells": [
                    {"n": counts.get((v, k), 0), "url": f"{list_url}?{urlencode({'level': v, 'kind': k})}"}
                    for k, _ in kinds
                ],
            }
            for v, label in levels
        ],
        "total": sum(counts.values()),
    }


def calls_closing_soon(today: datetime.date | None = None, days: int = CALL_HORIZON_DAYS) -> dict:
    """Open calls whose deadline falls within ``days`` from ``today``, soonest first, placed on a
    day axis. One query."""
    today = today or timezone.localdate()
    end = today + datetime.timedelta(days=days)
    calls = list(
        Call.objects.with_status(today)
        .filter(call_status=CallStatus.OPEN, deadline__gte=today, deadline__lte=end)
        .select_related("instrument")
        # How many match in all, counted by the same query before the LIMIT.
        .annotate(matching=Window(Count("pk")))
        .order_by("deadline", "title")[:MAX_CALLS]
    )
    width, left, right, row_h, head = 480, 8, 14, 42, 30
    span = width - left - right

    def x_of(day: datetime.date) -> float:
        return round(left + span * (day - today).days / days, 1)

    rows = []
    for i, call in enumerate(calls):
        start = max(call.opens_on or today, today)
        x1, x2 = x_of(start), x_of(call.deadline)
        y = head + i * row_h
        # The title on its own line, the bar from today (or the opening) to the deadline below it.
        rows.append(
            {
                "call": call,
                "days_left": (call.deadline - today).days,
                "label_x": left,
                "label_y": y + 14,
                "x": x1,
                "y": y + 22,
                "bar_width": max(3.0, round(x2 - x1, 1)),
                "end": x2,
            }
        )
    ticks = []
    for offset in range(0, days + 1, 30 if days > 45 else 7):
        day = today + datetime.timedelta(days=offset)
        ticks.append({"x": x_of(day), "date": day})
    return {
        "width": width,
        "height": head + max(1, len(rows)) * row_h + 4,
        "rows": rows,
        "ticks": ticks,
        "axis_y": head - 8,
        "days": days,
        "today": today,
        "total": calls[0].matching if calls else 0,
        "list_url": f"{reverse('funding:call-list')}?{urlencode({'status': 'open', 'closing_within': days})}",
    }
