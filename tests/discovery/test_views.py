import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.discovery.conftest import TAG, org

pytestmark = pytest.mark.django_db
URL = reverse("discovery:discover")


def page(client, status=200, **params):
    response = client.get(URL, params)
    assert response.status_code == status
    return response.content.decode()


def test_the_page_lists_suggestions_with_reasons_and_links_back(client, graph):
    html = page(client, **{"for": graph.me.slug})
    assert "<title>Who to meet: Discovery Alpha Cluster" in html
    assert graph.twin.get_absolute_url() in html
    assert graph.friend_of_friend.get_absolute_url() in html
    assert "Partner of a partner" in html and graph.partner.get_absolute_url() in html  # the intermediary
    assert TAG in html
    assert "ESCA Gold" in html and "as of May 2024" in html
    assert f'href="{graph.me.get_absolute_url()}"' in html
    assert graph.project_partner.get_absolute_url() not in html
    assert "How the score is made" in html


def test_filters_by_several_kinds_and_countries(client, graph):
    html = page(client, **{"for": graph.me.slug, "kind": ["network", "pole"], "country": ["SM", "MC"]})
    assert graph.twin.get_absolute_url() in html
    assert graph.abroad.get_absolute_url() in html
    html = page(client, **{"for": graph.me.slug, "kind": "pole", "country": "MC"})
    assert "No suggestion matches these filters." in html
    assert "Clear filters" in html


def test_an_organisation_with_nothing_in_common_has_an_empty_state(client, db):
    loner = org("Discovery Loner", country="")
    html = page(client, **{"for": loner.slug})
    assert "No suggestion yet" in html


def test_an_unknown_organisation_is_a_404_that_says_so(client, db):
    html = page(client, 404, **{"for": "no-such-organisation"})
    assert "No organisation is at the address “no-such-organisation”" in html


def test_a_missing_organisation_is_a_400_that_says_so(client, db):
    assert "Say whom to suggest partners for" in page(client, 400)


@pytest.mark.parametrize("params", [{"country": "XX"}, {"kind": "spaceship"}, {"country": ["FR", "ZZ"]}])
def test_an_unknown_country_or_kind_is_a_400_with_a_message(client, graph, params):
    html = page(client, 400, **{"for": graph.me.slug, **params})
    assert "Select a valid choice" in html
    assert graph.twin.get_absolute_url() not in html


def test_the_page_reads_a_fixed_number_of_queries(client, graph):
    def count():
        with CaptureQueriesContext(connection) as queries:
            page(client, **{"for": graph.me.slug})
        return len(queries)

    few = count()
    for i in range(20):
        org(f"Discovery Extra {i:02}").tags.add(TAG)
    assert count() == few


def test_the_profile_shows_who_to_meet_instead_of_similar_organisations(client, graph):
    cache.clear()
    html = client.get(graph.me.get_absolute_url()).content.decode()
    assert "Who to meet" in html
    assert "Similar organisations" not in html
    assert graph.friend_of_friend.get_absolute_url() in html
    assert f"{URL}?for={graph.me.slug}" in html  # "More suggestions"
    assert html.count('class="card suggestion"') <= 5


def test_the_profile_reads_the_suggestions_from_the_cache_once_known(client, graph):
    cache.clear()
    url = graph.me.get_absolute_url()
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    with CaptureQueriesContext(connection) as second:
        client.get(url)
    assert len(first) - len(second) == 7  # the engine's queries, once
