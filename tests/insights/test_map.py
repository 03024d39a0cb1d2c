import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_countries import countries

from clusters.models import Organisation
from insights import worldmap
from tests import factories

pytestmark = pytest.mark.django_db


def test_buckets_cover_one_to_the_largest_count_without_gaps():
    assert worldmap.buckets(10) == [(1, 2), (3, 3), (4, 4), (5, 6), (7, 10)]
    assert worldmap.buckets(3) == [(1, 1), (2, 2), (3, 3)]
    assert worldmap.buckets(0) == []
    ranges = worldmap.buckets(1000)
    assert ranges[0][0] == 1 and ranges[-1][1] == 1000
    assert all(high + 1 == next_low for (_, high), (next_low, _) in zip(ranges, ranges[1:], strict=False))
    assert [worldmap.bucket_of(n, ranges) for n in (0, 1, 1000)] == [0, 1, 5]


def test_vendored_outlines_are_keyed_by_iso_codes_and_stay_inside_the_world_view():
    data = worldmap.outlines()
    assert {"FR", "DE", "RU", "TR", "US"} <= set(data["countries"])
    assert all(code in dict(countries) for code in data["countries"])
    x, y, width, height = data["views"]["world"]
    # Every path starts with an absolute move inside the view (eastern Russia included:
    # rings crossing the antimeridian are split, not drawn across the whole map).
    for d in data["countries"].values():
        for mx, my in re.findall(r"M([\d.]+) ([\d.]+)", d):
            assert x - 1 <= float(mx) <= x + width + 1 and y - 1 <= float(my) <= y + height + 1


def test_map_page_links_each_country_with_organisations_to_the_filtered_list(client):
    content = client.get(reverse("insights:map")).content.decode()
    france = Organisation.objects.filter(country="FR").count()
    assert (
        f'<a href="/partners/?country=FR" class="country-link"><title>France: {france} organisations</title>' in content
    )
    assert f'<th scope="row"><a href="/partners/?country=FR">France</a></th><td class="num">{france}</td>' in content
    # A country without organisations is drawn, but is not a link to an empty list.
    assert "Brazil: no organisation" in content
    assert "/partners/?country=BR" not in content
    assert 'role="group" aria-labelledby="map-svg-title map-svg-desc"' in content


def test_the_filtered_list_the_map_links_to_holds_the_counted_organisations(client):
    response = client.get("/partners/?country=FR")
    assert response.context["paginator"].count == Organisation.objects.filter(country="FR").count()


def test_map_names_countries_too_small_to_draw_and_organisations_without_a_country(client):
    factories.organisation(name="Maltese test cluster", country="MT")
    content = client.get(reverse("insights:map")).content.decode()
    assert "Too small to draw at this scale:" in content
    assert '<a href="/partners/?country=MT">Malta</a> (1)' in content
    assert "have no country on record" in content


def test_europe_view_zooms_in_on_the_same_map(client):
    # The world view opens on the countries with organisations: here from France to Japan.
    factories.organisation(country="FR")
    factories.organisation(country="JP")
    world = client.get(reverse("insights:map")).context["map"]["view_box"]
    europe = client.get(reverse("insights:map-europe")).context["map"]["view_box"]
    assert world != europe
    assert float(europe.split()[2]) < float(world.split()[2]) / 2


def test_map_page_uses_one_query_however_many_organisations(client):
    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("insights:map")).status_code == 200
        return len(ctx.captured_queries)

    before = count()
    for code in ("FR", "BR", "JP", "NG", "CA", "AU") * 3:
        factories.organisation(country=code)
    assert count() == before
    assert before <= 2
