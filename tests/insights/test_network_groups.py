"""Issue 14 point 4 on the network: a counted group with a country (an unnamed delegation of 18
from Belarus) is drawn for its country, as it counts in the country filter and the country pages."""

import datetime

import pytest
from django.urls import reverse

from clusters.models import Organisation
from insights import graphs
from tests import factories
from visits.models import Participant, Visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def group_visit():
    host = factories.organisation(name="Network group test cluster", country="PL", kind=Organisation.Kind.CLUSTER)
    visit = factories.visit(title="Network group test visit", country="PL", start_date=datetime.date(2019, 5, 6))
    visit.hosts.add(host)
    Participant.objects.create(
        visit=visit, group="Belarusian clusters", count=18, country="BY", role=Participant.Role.DELEGATE
    )
    return host, visit


def _group_node(overview):
    return next((n for n in overview["nodes"] if n["organisation"].pk == "group:BY"), None)


def test_a_delegation_that_is_only_a_counted_group_is_drawn_for_its_country(group_visit):
    host, visit = group_visit
    overview = graphs.network_overview(limit=1000)
    node = _group_node(overview)
    assert node is not None and node["shape"] == "triangle"
    assert node["organisation"].get_absolute_url() == "/countries/by/"
    assert "Belarusian clusters (18)" in str(node["organisation"])
    assert any({e["a"].pk, e["b"].pk} == {"group:BY", host.pk} and e["count"] == 1 for e in overview["edges"])


def test_the_network_agrees_with_the_country_filter_and_the_country_page(client, group_visit):
    _host, visit = group_visit
    assert Visit.objects.from_country("BY").filter(pk=visit.pk).exists()
    visits = client.get(reverse("visits:visit-list"), {"delegation_country": "BY"}).content.decode()
    assert "Network group test visit" in visits
    assert "Network group test visit" in client.get("/countries/by/").content.decode()
    page = client.get(reverse("insights:network")).content.decode()
    assert 'href="/countries/by/" class="node-link"' in page
    assert "unnamed group from a country" in page  # the legend
    assert "stand for the unnamed groups from one country each" in page  # the caption


def test_the_network_data_has_the_group_node_and_its_link(client, group_visit):
    host, _visit = group_visit
    data = client.get(reverse("insights:network-data")).json()
    assert {"id": "group:BY", "kind": "counted_group", "country": "BY"}.items() <= next(
        n for n in data["nodes"] if n["id"] == "group:BY"
    ).items()
    assert {"source": "group:BY", "target": str(host.pk), "shared": 1} in data["links"]


def test_a_counted_group_in_a_draft_is_not_drawn(group_visit):
    _host, visit = group_visit
    visit.status = Visit.Status.DRAFT
    visit.save()
    assert _group_node(graphs.network_overview(limit=1000)) is None
