"""The world map opens on the countries that have organisations, not on the whole world."""

import pytest
from django.urls import reverse

from insights import worldmap
from tests import factories


def test_the_extent_of_france_alone_is_western_europe_without_french_guiana():
    world = worldmap.outlines()["views"]["world"]
    x, y, w, h = worldmap.extent(["FR"])
    assert w < world[2] / 10 and h < world[3] / 5
    europe = worldmap.outlines()["views"]["europe"]
    assert europe[0] <= x and x + w <= europe[0] + europe[2]


def test_no_country_drawn_leaves_the_whole_view():
    assert worldmap.extent([]) == worldmap.outlines()["views"]["world"]
    assert worldmap.extent(["XX"]) == worldmap.outlines()["views"]["world"]


@pytest.mark.django_db
def test_the_map_page_opens_on_its_data(client):
    factories.organisation(country="FR")
    factories.organisation(country="DE")
    response = client.get(reverse("insights:map"))
    content = response.content.decode()
    drawn = [row["code"] for row in response.context["map"]["table"]]
    assert {"FR", "DE"} <= set(drawn)
    box = " ".join(f"{v:g}" for v in worldmap.extent(drawn))
    assert f'viewBox="{box}"' in content
    europe = client.get(reverse("insights:map-europe")).content.decode()
    assert 'viewBox="{}"'.format(" ".join(f"{v:g}" for v in worldmap.outlines()["views"]["europe"])) in europe
