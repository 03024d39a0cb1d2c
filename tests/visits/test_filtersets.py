import datetime

import pytest
from django.http import QueryDict

from clusters.models import Ecosystem
from tests import factories
from tests.facet_checks import check_facet_counts
from visits.filtersets import VisitFilterSet
from visits.models import ItineraryStop, Participant, Visit

pytestmark = pytest.mark.django_db

TAG = "zz-visit-filterset-test"


def titles(query: str) -> set[str]:
    filterset = VisitFilterSet(QueryDict(query), queryset=Visit.objects.for_list())
    return set(filterset.qs.values_list("title", flat=True))


def visit(title, *tags, **kwargs):
    v = factories.visit(title=title, **kwargs)
    v.tags.add(TAG, *tags)
    return v


@pytest.fixture
def rows():
    health = Ecosystem.objects.get(slug="health")
    nauru = factories.organisation(name="Nauru filter cluster", country="NR")
    tuvalu = factories.organisation(name="Tuvalu filter pole", country="TV")
    stop_host = factories.organisation(name="Stop host lab", country="TV")
    speaker = factories.organisation(name="Speaking agency", country="TV")
    project = factories.project(name="Filter test project")
    a = visit("Alpha tour of lasers", "lasers", "optics", start_date=datetime.date(2013, 4, 2), project=project)
    a.delegation.add(nauru)
    a.hosts.add(tuvalu)
    a.ecosystems.add(health)
    b = visit("Beta workshop", "lasers", kind="workshop", start_date=datetime.date(2015, 6, 1), organiser=tuvalu)
    b.hosts.add(nauru)
    ItineraryStop.objects.create(visit=b, day=1, host=stop_host)
    c = visit(
        "Gamma conference", kind="conference", start_date=datetime.date(2015, 9, 1), language="fr", summary_en="S."
    )
    c.delegation.add(tuvalu)
    Participant.objects.create(visit=c, organisation=speaker, role="speaker")
    return a, b, c


@pytest.mark.parametrize(
    "query, expected",
    [
        ("kind=workshop", {"Beta workshop"}),
        ("year=2015", {"Beta workshop", "Gamma conference"}),
        ("host_country=TV", {"Alpha tour of lasers"}),
        ("host_country=NR", {"Beta workshop"}),
        ("delegation_country=NR", {"Alpha tour of lasers"}),
        ("delegation_country=TV", {"Gamma conference"}),
        ("organisation=nauru-filter-cluster", {"Alpha tour of lasers", "Beta workshop"}),
        ("organisation=tuvalu-filter-pole", {"Alpha tour of lasers", "Beta workshop", "Gamma conference"}),
        ("organisation=stop-host-lab", {"Beta workshop"}),
        ("organisation=speaking-agency", {"Gamma conference"}),
        ("project=filter-test-project", {"Alpha tour of lasers"}),
        ("ecosystem=health", {"Alpha tour of lasers"}),
        ("tag=lasers", {"Alpha tour of lasers", "Beta workshop"}),
        ("language=fr", {"Gamma conference"}),
        ("q=lasers", {"Alpha tour of lasers"}),
        ("q=gamma", {"Gamma conference"}),
    ],
)
def test_each_filter_narrows_the_rows(rows, query, expected):
    assert titles(f"tag={TAG}&{query}") == expected


def test_combined_filters_are_anded(rows):
    assert titles(f"tag={TAG}&year=2015&kind=conference") == {"Gamma conference"}
    assert titles(f"tag={TAG}&organisation=tuvalu-filter-pole&host_country=NR") == {"Beta workshop"}


def test_several_tags_are_anded(rows):
    assert titles(f"tag={TAG}&tag=lasers&tag=optics") == {"Alpha tour of lasers"}


@pytest.mark.parametrize("query", ["year=abc", "year=2013.5", "kind=picnic", "organisation=no-such-org"])
def test_an_invalid_value_is_reported_and_ignored(rows, query):
    filterset = VisitFilterSet(QueryDict(f"tag={TAG}&{query}"), queryset=Visit.objects.for_list())
    assert len(filterset.qs) == 3
    assert filterset.form.errors


def test_organisation_facet_is_labelled_with_names_and_limited(rows):
    filterset = VisitFilterSet(QueryDict(f"tag={TAG}"), queryset=Visit.objects.for_list())
    facet = next(f for f in filterset.facet_results(filterset.qs.count()) if f.name == "organisation")
    labels = {v.label: v.count for v in facet.values}
    assert labels["Tuvalu filter pole"] == 3
    assert labels["Nauru filter cluster"] == 2
    assert len(facet.values) <= 10


@pytest.mark.parametrize("query", ["", "year=2015", "tag=lasers", "host_country=TV", "organisation=tuvalu-filter-pole"])
def test_facet_counts_equal_the_rows_clicking_the_value_leaves(rows, query):
    assert check_facet_counts(VisitFilterSet, Visit.objects.for_list, f"tag={TAG}&{query}") >= 3
