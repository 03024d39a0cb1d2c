import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from funding.models import Instrument
from insights import charts
from tests import factories
from visits.models import Visit

pytestmark = pytest.mark.django_db


def test_axis_tops_at_a_round_number_with_whole_steps():
    assert charts.axis(6) == (6, [0, 2, 4, 6])
    assert charts.axis(7) == (8, [0, 2, 4, 6, 8])
    assert charts.axis(37) == (40, [0, 10, 20, 30, 40])
    assert charts.axis(0) == (1, [0, 1])


def _chart_visits():
    return Visit.objects.published().filter(title__startswith="Chart visit")


def test_visits_per_year_stacks_kinds_and_fills_empty_years():
    for year, kind in [(2030, "workshop"), (2030, "workshop"), (2030, "conference"), (2032, "conference")]:
        factories.visit(title=f"Chart visit {year} {kind}", kind=kind, start_date=datetime.date(year, 3, 1))
    factories.visit(title="Chart visit draft", kind="workshop", start_date=datetime.date(2030, 3, 1), status="draft")
    chart = charts.visits_per_year(_chart_visits())
    assert [b.label for b in chart["bars"]] == ["2030", "2031", "2032"]
    assert [b.total for b in chart["bars"]] == [3, 0, 1]
    assert [s["kind"] for s in chart["series"]] == ["workshop", "conference"]
    assert chart["rows"] == [
        {"year": "2030", "url": "/visits/?year=2030", "total": 3, "cells": [2, 1]},
        {"year": "2032", "url": "/visits/?year=2032", "total": 1, "cells": [0, 1]},
    ]
    workshop, conference = chart["bars"][0].segments
    # Stacked: the conference segment sits on the workshop one, at half its height.
    assert conference.y + conference.height == pytest.approx(workshop.y, abs=0.2)
    assert conference.height == pytest.approx(workshop.height / 2, abs=0.2)
    assert chart["peak"].label == "2030"


def test_visits_per_year_keeps_the_last_years_only_and_says_so():
    factories.visit(title="Chart visit old", start_date=datetime.date(1990, 1, 1))
    factories.visit(title="Chart visit new", start_date=datetime.date(2040, 1, 1))
    chart = charts.visits_per_year(_chart_visits())
    assert len(chart["bars"]) == charts.MAX_YEARS
    assert chart["first_year"] == 2040 - charts.MAX_YEARS + 1
    assert chart["clipped"] is True


def test_visits_per_year_is_empty_without_visits():
    assert charts.visits_per_year(Visit.objects.none())["bars"] == []


def test_instruments_grid_counts_every_level_and_kind_pair():
    factories.instrument(level=Instrument.Level.REGIONAL, kind=Instrument.Kind.VOUCHER)
    chart = charts.instruments_by_level_and_kind()
    for row in chart["rows"]:
        level = next(v for v, label in Instrument.Level.choices if label == row["label"])
        for cell in row["cells"]:
            kind = cell["url"].split("kind=")[1]
            assert cell["n"] == Instrument.objects.filter(level=level, kind=kind).count()
    assert chart["total"] == Instrument.objects.count()
    shades = {c["n"]: c["css"] for c in chart["cells"]}
    assert shades[0] == "shade-0"
    assert shades[max(shades)] == "shade-4"


def test_calls_closing_soon_lists_open_calls_with_a_near_deadline_soonest_first():
    today = timezone.localdate()
    later = factories.call(title="Closes in 40 days", deadline=today + datetime.timedelta(days=40))
    sooner = factories.call(title="Closes in 10 days", deadline=today + datetime.timedelta(days=10))
    factories.call(title="Closed yesterday", deadline=today - datetime.timedelta(days=1))
    factories.call(title="Closes next year", deadline=today + datetime.timedelta(days=200))
    factories.call(
        title="Not open yet",
        opens_on=today + datetime.timedelta(days=5),
        deadline=today + datetime.timedelta(days=20),
    )
    chart = charts.calls_closing_soon(today)
    assert [r["call"] for r in chart["rows"]] == [sooner, later]
    assert [r["days_left"] for r in chart["rows"]] == [10, 40]
    first, second = chart["rows"]
    assert first["end"] < second["end"] <= chart["width"]
    assert chart["total"] == 2


def test_calls_closing_soon_shows_the_soonest_and_counts_them_all():
    today = timezone.localdate()
    for i in range(charts.MAX_CALLS + 3):
        factories.call(title=f"Soon {i:02}", deadline=today + datetime.timedelta(days=i + 1))
    chart = charts.calls_closing_soon(today)
    assert len(chart["rows"]) == charts.MAX_CALLS
    assert chart["rows"][0]["call"].title == "Soon 00"
    assert chart["total"] == charts.MAX_CALLS + 3


def test_home_page_draws_the_three_pictures_with_their_tables(client):
    today = timezone.localdate()
    call = factories.call(title="Closes soon on the home page", deadline=today + datetime.timedelta(days=15))
    content = client.get(reverse("home:home")).content.decode()
    assert content.count('<figure class="chart">') == 3
    assert 'role="img" aria-labelledby="visits-svg-title visits-svg-desc"' in content
    assert '<title id="instruments-svg-title">Funding instruments by level and kind</title>' in content
    assert f'<a href="{call.get_absolute_url()}" class="call-link">' in content
    assert content.count("<summary>Data as a table</summary>") == 3
    assert reverse("insights:map") in content and reverse("insights:network") in content


def test_home_page_query_count_stays_the_same_with_more_visits_instruments_and_calls(client):
    today = timezone.localdate()

    def add_rows(n):
        for i in range(n):
            factories.visit(start_date=datetime.date(2000 + i, 1, 1), kind="workshop")
            factories.call(deadline=today + datetime.timedelta(days=i + 1))

    add_rows(2)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("home:home"))
    add_rows(15)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("home:home"))
    assert len(many.captured_queries) == len(few.captured_queries)


@pytest.mark.parametrize("language", ["en", "de", "fr", "ru", "tr"])
def test_instruments_grid_leaves_room_for_its_longest_row_label_in_every_language(language):
    with translation.override(language):
        chart = charts.instruments_by_level_and_kind()
        longest = max(len(str(level["label"])) for level in chart["levels"])
    # Right-aligned 8 px left of the grid, at about 7 px per character of the axis font.
    assert chart["left"] - 8 >= 7 * longest
