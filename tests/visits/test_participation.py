"""One participation rule for every reader: an organisation that only organised a published
visit, one that only hosted an itinerary stop, and a counted delegation from Belarus are seen
the same way by the partner list, the profile, the graphs, the network, the API and the visit list."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import QueryDict
from django.urls import reverse

from clusters.filtersets import OrganisationFilterSet
from clusters.models import Organisation
from insights import graphs
from tests import factories
from visits.filtersets import VisitFilterSet
from visits.models import ItineraryStop, Participant, Visit
from visits.participation import cooperation_partners, visits_involving

pytestmark = pytest.mark.django_db
ANONYMOUS = AnonymousUser()
TAG = "zz-participation-test"


@pytest.fixture
def data():
    organiser = factories.organisation(name="Only organiser cluster", country="NR")
    stop_host = factories.organisation(name="Only stop host pole", kind=Organisation.Kind.POLE, country="TV")
    host = factories.organisation(name="Main host network", kind=Organisation.Kind.NETWORK, country="TV")
    visit = factories.visit(title="Participation tour", start_date=datetime.date(2019, 5, 1), organiser=organiser)
    visit.tags.add(TAG)
    visit.hosts.add(host)
    ItineraryStop.objects.create(visit=visit, day=2, host=stop_host)
    Participant.objects.create(
        visit=visit, role=Participant.Role.DELEGATE, group="Belarusian clusters", count=18, country="BY"
    )
    for org in (organiser, stop_host, host):
        org.tags.add(TAG)
    return {"organiser": organiser, "stop_host": stop_host, "host": host, "visit": visit}


def _has_visits(query: str) -> set[str]:
    filterset = OrganisationFilterSet(QueryDict(f"tag={TAG}&{query}"), queryset=Organisation.objects.for_list())
    return {o.name for o in filterset.qs}


def test_the_partner_list_counts_every_participant(client, data):
    """The partner list's filter, facet and list annotation, and the page itself."""
    organiser, stop_host, host = data["organiser"], data["stop_host"], data["host"]
    assert _has_visits("has_visits=yes") == {organiser.name, stop_host.name, host.name}
    assert _has_visits("has_visits=no") == set()
    filterset = OrganisationFilterSet(QueryDict(f"tag={TAG}"), queryset=Organisation.objects.for_list())
    assert filterset.qs.count() == 3
    facet = {value: count for value, _label, count, _in_all in filterset.facet_counts()[1]["has_visits"]}
    assert facet == {"yes": 3}  # a value no row has is not listed, as in every facet
    assert set(Organisation.objects.for_list().filter(has_visits=True, tags__name=TAG)) == {organiser, stop_host, host}
    page = client.get(reverse("clusters:organisation-list"), {"tag": TAG, "has_visits": "yes"}).content.decode()
    assert organiser.name in page and stop_host.name in page


def test_the_visits_side_of_the_rule_agrees(data):
    organiser, stop_host, visit = data["organiser"], data["stop_host"], data["visit"]
    assert set(Visit.objects.involving(organiser)) == set(Visit.objects.involving(stop_host)) == {visit}
    assert set(Organisation.objects.filter(Organisation.objects.took_part(status="published"))) >= {
        organiser,
        stop_host,
    }


@pytest.mark.parametrize("role", ["organiser", "stop_host"])
def test_profile_and_graph_agree(client, data, role):
    """Profile timeline and cooperation history, and the cooperation graph."""
    org, host, visit = data[role], data["host"], data["visit"]
    response = client.get(org.get_absolute_url())
    assert [e["visit"] for e in response.context["timeline"]] == [visit]
    cooperation = {e["organisation"] for e in response.context["cooperation"]}
    graph = {p.organisation for p in graphs.cooperation_partners(org, ANONYMOUS)}
    assert cooperation == graph and host in graph
    assert [p.organisation for p in cooperation_partners(org, visits_involving(org, ANONYMOUS))] == [
        p.organisation for p in graphs.cooperation_partners(org, ANONYMOUS, project_links=[])
    ]


@pytest.mark.parametrize("role", ["organiser", "stop_host"])
def test_visit_list_and_api_agree(client, data, role):
    """The visit list's organisation filter, the organisation's API detail and the API's visit list."""
    org, visit = data[role], data["visit"]
    filterset = VisitFilterSet(QueryDict(f"organisation={org.slug}"), queryset=Visit.objects.for_list())
    assert {v.title for v in filterset.qs} == {visit.title}
    detail = client.get(reverse("api:organisation-detail", kwargs={"slug": org.slug})).json()
    assert [v["slug"] for v in detail["visits"]] == [visit.slug]
    api_visits = client.get(reverse("api:visit-list"), {"organisation": org.slug}).json()["results"]
    assert [v["slug"] for v in api_visits] == [visit.slug]


def test_the_api_lists_every_participant(client, data):
    api_orgs = client.get(reverse("api:organisation-list"), {"tag": TAG, "has_visits": "yes"}).json()["results"]
    assert {o["slug"] for o in api_orgs} == {data["organiser"].slug, data["stop_host"].slug, data["host"].slug}


def test_stop_host_timeline_says_which_day(client, data):
    response = client.get(data["stop_host"].get_absolute_url())
    assert response.context["timeline"][0]["role"] == "Hosted a stop (day 2)"


def test_the_network_links_them(client, data):
    """The organiser (a cluster), the stop host (a pole) and the host (a network) met."""
    organiser, stop_host, host = data["organiser"], data["stop_host"], data["host"]
    nodes, links, _, _ = graphs.network_links(limit=1000)
    assert {organiser.pk, stop_host.pk, host.pk} <= set(nodes)
    assert (min(organiser.pk, stop_host.pk), max(organiser.pk, stop_host.pk), 1) in links
    network = client.get(reverse("insights:network")).content.decode()
    assert organiser.name in network and stop_host.name in network


def test_a_counted_group_with_a_country_counts_for_it(client, data):
    visit = data["visit"]
    filterset = VisitFilterSet(QueryDict(f"tag={TAG}&delegation_country=BY"), queryset=Visit.objects.for_list())
    assert list(filterset.qs) == [visit]
    facet = {value: count for value, _label, count, _in_all in filterset.facet_counts()[1]["delegation_country"]}
    assert facet == {"BY": 1}
    page = client.get(reverse("visits:visit-list"), {"delegation_country": "BY"}).content.decode()
    assert visit.title in page
    listed = client.get(reverse("api:visit-list"), {"delegation_country": "BY"}).json()["results"]
    assert [(v["slug"], v["delegation_countries"]) for v in listed] == [(visit.slug, ["BY"])]
    detail = client.get(reverse("api:visit-detail", kwargs={"slug": visit.slug})).json()
    assert detail["delegation_countries"] == ["BY"]


def test_organiser_only_timeline_says_organised(client, data):
    response = client.get(data["organiser"].get_absolute_url())
    assert [str(e["role"]) for e in response.context["timeline"]] == ["Organised"]


def test_a_counted_group_with_a_country_is_in_the_cooperation_history_and_graph(client, data):
    """The host hosted "18 Belarusian clusters": a partner like an organisation, linked to the
    visits whose delegation came from Belarus."""
    host, visit = data["host"], data["visit"]
    response = client.get(host.get_absolute_url())
    entries = {str(e["organisation"]): e for e in response.context["cooperation"]}
    group = entries["Belarusian clusters (18, Belarus)"]
    assert [(m["visit"], str(m["direction"])) for m in group["meetings"]] == [(visit, "Hosted them")]
    html = response.content.decode()
    assert "Belarusian clusters (18, Belarus)" in html and "delegation_country=BY" in html
    graph = {str(p.organisation): p for p in graphs.cooperation_partners(host, ANONYMOUS)}
    assert graphs.VISITED_US in graph["Belarusian clusters (18, Belarus)"].kinds()


def test_a_group_without_a_country_is_not_a_partner(data):
    Participant.objects.filter(visit=data["visit"], group="Belarusian clusters").update(country="")
    partners = graphs.cooperation_partners(data["host"], ANONYMOUS)
    assert all(not getattr(p.organisation, "is_counted_group", False) for p in partners)
