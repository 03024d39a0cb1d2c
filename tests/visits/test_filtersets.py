import datetime

import pytest
from django.http import QueryDict

from clusters.models import Ecosystem
from tests import factories
from tests.facet_checks import check_facet_counts
from visits.filtersets import VisitFilterSet
from visits.models import ItineraryStop, Participant, Visit
from visits.querysets import delegation_countries

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


@pytest.mark.parametrize(
    "query, expected",
    [
        ("kind=workshop&kind=conference", {"Beta workshop", "Gamma conference"}),
        ("year=2013&year=2015", {"Alpha tour of lasers", "Beta workshop", "Gamma conference"}),
        ("year=2013&year=2020", {"Alpha tour of lasers"}),
        ("host_country=TV&host_country=NR", {"Alpha tour of lasers", "Beta workshop"}),
        ("delegation_country=NR&delegation_country=TV", {"Alpha tour of lasers", "Gamma conference"}),
        ("organisation=stop-host-lab&organisation=speaking-agency", {"Beta workshop", "Gamma conference"}),
        ("project=filter-test-project&project=filter-test-project", {"Alpha tour of lasers"}),
        ("ecosystem=health&ecosystem=textile", {"Alpha tour of lasers"}),
        ("language=fr&language=en", {"Alpha tour of lasers", "Beta workshop", "Gamma conference"}),
        # ORed within a filter, ANDed across filters
        ("kind=workshop&kind=conference&year=2015&language=fr", {"Gamma conference"}),
    ],
)
def test_two_values_of_one_filter_are_ored(rows, query, expected):
    assert titles(f"tag={TAG}&{query}") == expected


def test_the_organisation_filter_uses_every_value_and_shows_one_chip_each(rows):
    query = f"tag={TAG}&organisation=stop-host-lab&organisation=speaking-agency&organisation=stop-host-lab"
    filterset = VisitFilterSet(QueryDict(query), queryset=Visit.objects.for_list())
    assert set(filterset.qs.values_list("title", flat=True)) == {"Beta workshop", "Gamma conference"}
    chips = [c for c in filterset.active_filters() if c["name"] == "organisation"]
    assert sorted(c["label"] for c in chips) == ["Speaking agency", "Stop host lab"]
    removed = QueryDict(next(c for c in chips if c["label"] == "Speaking agency")["url"].lstrip("?"))
    assert set(removed.getlist("organisation")) == {"stop-host-lab"}


@pytest.mark.parametrize(
    "query",
    [
        "kind=workshop&kind=conference",
        "year=2013&year=2015&host_country=TV&host_country=NR",
        "organisation=tuvalu-filter-pole&organisation=stop-host-lab&language=en",
    ],
)
def test_facet_counts_with_several_values_chosen(rows, query):
    assert check_facet_counts(VisitFilterSet, Visit.objects.for_list, f"tag={TAG}&{query}") >= 3


@pytest.mark.parametrize(
    "query, expected",
    [
        ("date_from=2015-01-01", {"Beta workshop", "Gamma conference"}),
        ("date_to=2014-12-31", {"Alpha tour of lasers"}),
        ("date_from=2015-06-01&date_to=2015-06-01", {"Beta workshop"}),
        ("date_from=2013-01-01&date_to=2015-08-31", {"Alpha tour of lasers", "Beta workshop"}),
    ],
)
def test_a_period_keeps_the_visits_within_it(rows, query, expected):
    assert titles(f"tag={TAG}&{query}") == expected


def test_a_visit_overlapping_the_start_of_the_period_is_kept(rows):
    rows[0].end_date = datetime.date(2013, 4, 9)
    rows[0].save()
    assert titles(f"tag={TAG}&date_from=2013-04-05&date_to=2013-12-31") == {"Alpha tour of lasers"}
    assert titles(f"tag={TAG}&date_from=2013-04-10&date_to=2013-12-31") == set()


@pytest.mark.parametrize(
    "query, message",
    [
        ("date_from=2015-13-45", "Enter a valid date"),
        ("date_to=yesterday", "Enter a valid date"),
        ("date_from=2016-01-01&date_to=2015-01-01", "after it ends"),
    ],
)
def test_a_bad_period_is_reported_and_ignored(rows, query, message):
    filterset = VisitFilterSet(QueryDict(f"tag={TAG}&{query}"), queryset=Visit.objects.for_list())
    assert filterset.qs.count() == 3
    assert any(message in m for m in filterset.error_messages()), filterset.error_messages()


def test_the_year_facet_is_in_year_order_newest_first(rows):
    visit("Delta 2014", start_date=datetime.date(2014, 3, 3))
    visit("Epsilon 2015", start_date=datetime.date(2015, 3, 3))
    filterset = VisitFilterSet(QueryDict(f"tag={TAG}"), queryset=Visit.objects.for_list())
    year = next(f for f in filterset.facet_results() if f.name == "year")
    assert [(v.value, v.count) for v in year.values] == [("2015", 3), ("2014", 1), ("2013", 1)]


def test_a_delegate_counts_for_its_own_country_else_its_organisations(rows):
    """The "delegation from" filter, its facet and the API agree on a delegate's country: its own
    when given, else its organisation's (read for such delegates only)."""
    nauru = factories.organisation(name="Nauru delegate agency", country="NR")
    own = visit("Delta delegates with a country of their own")
    Participant.objects.create(visit=own, organisation=nauru, role="delegate", country="TV")
    inherited = visit("Epsilon delegates of an organisation")
    Participant.objects.create(visit=inherited, organisation=nauru, role="delegate")
    assert titles(f"tag={TAG}&delegation_country=TV") == {"Gamma conference", own.title}
    assert titles(f"tag={TAG}&delegation_country=NR") == {"Alpha tour of lasers", inherited.title}
    filterset = VisitFilterSet(QueryDict(f"tag={TAG}"), queryset=Visit.objects.for_list())
    facet = {value: count for value, _label, count, _in_all in filterset.facet_counts()[1]["delegation_country"]}
    assert facet == {"NR": 2, "TV": 2}
    listed = Visit.objects.with_delegates().filter(pk__in=[own.pk, inherited.pk]).order_by("pk")
    assert [delegation_countries(v) for v in listed] == [["TV"], ["NR"]]
    assert check_facet_counts(VisitFilterSet, Visit.objects.for_list, f"tag={TAG}&delegation_country=NR") >= 3
