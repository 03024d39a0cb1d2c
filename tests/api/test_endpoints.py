"""The JSON API's endpoints: list and detail answer, filter exactly like the list pages (the same
FilterSets), reject bad filter values with a 400 that says why, cost the same number of queries
however many rows, paginate, link records to each other, and throttle anonymous clients."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.throttling import AnonRateThrottle

from clusters.models import ContactPerson, Ecosystem, Membership, Organisation
from funding.models import Call, Instrument, Project, ProjectPartner
from tests import factories
from visits.models import Visit

pytestmark = pytest.mark.django_db

ENDPOINTS = {
    "organisation": Organisation,
    "visit": Visit,
    "instrument": Instrument,
    "call": Call,
    "project": Project,
}
TAG = "zz-api-test"


def queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
        assert response.status_code == 200, response.content[:300]
    return len(ctx)


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_user("api-staff", password="a-long-test-password", is_staff=True)
    client.force_login(user)
    return user


@pytest.mark.parametrize("basename", ENDPOINTS)
def test_each_list_and_detail_answers_json(client, basename):
    response = client.get(reverse(f"api:{basename}-list"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["count"] > 0 and data["results"]
    first = data["results"][0]
    assert first["url"] == f"http://testserver{reverse(f'api:{basename}-detail', kwargs={'slug': first['slug']})}"
    assert first["html_url"].startswith("http://testserver/")
    detail = client.get(first["url"])
    assert detail.status_code == 200
    assert detail.json()["slug"] == first["slug"]
    # A detail is the list entry plus more: the list's fields keep their names and values.
    assert set(first) <= set(detail.json())


def test_api_root_lists_every_endpoint(client):
    data = client.get(reverse("api:api-root")).json()
    assert set(data) == {"organisations", "visits", "instruments", "calls", "projects"}
    assert data["visits"] == "http://testserver/api/visits/"


@pytest.mark.parametrize("basename", ENDPOINTS)
def test_unknown_record_is_a_json_404(client, basename):
    response = client.get(reverse(f"api:{basename}-detail", kwargs={"slug": "no-such-record-anywhere"}))
    assert response.status_code == 404
    assert "detail" in response.json()


def test_unknown_api_address_is_a_json_404(client):
    response = client.get("/api/no-such-endpoint/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_writes_are_refused(client):
    response = client.post(reverse("api:organisation-list"), {"name": "New"})
    assert response.status_code == 405
    assert Organisation.objects.filter(name="New").count() == 0


# --- The same filters as the pages ------------------------------------------------------------

PAGES = {
    "organisation": "clusters:organisation-list",
    "visit": "visits:visit-list",
    "instrument": "funding:instrument-list",
    "call": "funding:call-list",
    "project": "funding:project-list",
}


@pytest.mark.parametrize(
    "basename, params",
    [
        ("organisation", {"country": "FR"}),
        ("organisation", {"kind": "cluster", "has_visits": "yes"}),
        ("organisation", {"q": "cluster"}),
        ("organisation", {"tag": "nuclear"}),
        ("visit", {"year": "2014"}),
        ("visit", {"host_country": "FR"}),
        ("visit", {"organisation": "viameca"}),
        ("visit", {"tag": "nuclear"}),
        ("instrument", {"country": "RU"}),
        ("instrument", {"beneficiary": "cluster_organisation"}),
        ("call", {"status": "closed"}),
        ("project", {"country": "DE"}),
    ],
)
def test_filters_give_the_rows_the_list_page_shows(client, collect, basename, params):
    page = client.get(reverse(PAGES[basename]), params)
    assert page.status_code == 200
    assert not page.context["filter_errors"]
    page_slugs = {row.slug for row in page.context["paginator"].object_list}
    api_slugs = [row["slug"] for row in collect(client, reverse(f"api:{basename}-list"), **params)]
    assert page_slugs, "the demo data should give this filter some rows"
    assert len(api_slugs) == len(set(api_slugs)), "a row appears twice across pages"
    assert set(api_slugs) == page_slugs


def test_several_tags_are_anded(client, collect):
    both, only_one = factories.organisation(), factories.organisation()
    both.tags.add(TAG, f"{TAG}-b")
    only_one.tags.add(TAG)
    rows = collect(client, reverse("api:organisation-list"), tag=[TAG, f"{TAG}-b"])
    assert [r["slug"] for r in rows] == [both.slug]


@pytest.mark.parametrize(
    "basename, params, field, words",
    [
        ("organisation", {"country": "ZZ"}, "country", "valid choice"),
        ("organisation", {"kind": "spaceship"}, "kind", "valid choice"),
        ("visit", {"year": "last"}, "year", "whole number"),
        ("visit", {"year": "1200"}, "year", "1900"),
        ("organisation", {"tag": [f"t{i}" for i in range(21)]}, "tag", "At most 20"),
        ("organisation", {"tag": "not a slug"}, "tag", "slug"),
        ("instrument", {"rate_min": "150"}, "rate_min", "100"),
        ("call", {"deadline_after": "31/12/2020"}, "deadline_after", "valid date"),
        ("organisation", {"q": "x" * 201}, "q", "200"),
    ],
)
def test_invalid_filter_values_get_a_400_naming_the_parameter(client, basename, params, field, words):
    response = client.get(reverse(f"api:{basename}-list"), params)
    assert response.status_code == 400
    errors = response.json()
    assert list(errors) == [field]
    assert words in " ".join(errors[field])


def test_a_slug_naming_no_record_matches_nothing(client):
    response = client.get(reverse("api:visit-list"), {"organisation": "no-such-organisation"})
    assert response.status_code == 200
    assert response.json()["count"] == 0


def test_filters_are_ignored_on_a_detail(client):
    org = Organisation.objects.for_list().filter(has_visits=True).first()
    response = client.get(reverse("api:organisation-detail", kwargs={"slug": org.slug}), {"has_visits": "no"})
    assert response.status_code == 200


# --- Pagination ---------------------------------------------------------------------------------


def test_pages_cover_every_row_once(client, collect):
    total = Organisation.objects.count()
    first = client.get(reverse("api:organisation-list"), {"page_size": 7}).json()
    assert first["count"] == total and len(first["results"]) == 7
    rows = collect(client, reverse("api:organisation-list"), page_size=7)
    assert len({r["slug"] for r in rows}) == total


def test_largest_page_is_100_rows(client):
    data = client.get(reverse("api:organisation-list"), {"page_size": 100}).json()
    assert len(data["results"]) == min(100, data["count"])


@pytest.mark.parametrize("size", ["0", "101", "ten", "2.5"])
def test_a_page_size_out_of_bounds_is_a_400(client, size):
    response = client.get(reverse("api:organisation-list"), {"page_size": size})
    assert response.status_code == 400
    assert response.json() == {"page_size": ["A whole number from 1 to 100."]}


def test_a_page_past_the_end_is_a_json_404(client):
    response = client.get(reverse("api:organisation-list"), {"page": 999})
    assert response.status_code == 404
    assert response.json()["detail"]


# --- Query budget -------------------------------------------------------------------------------


def grow(n: int):
    """``n`` more rows of every kind, each with the relations the serializers read."""
    ecosystems = list(Ecosystem.objects.all()[:2])
    for _ in range(n):
        org = factories.organisation(country="FR")
        org.tags.add(TAG)
        org.ecosystems.add(*ecosystems)
        Membership.objects.create(group=org, member=factories.organisation())
        instrument = factories.instrument(managing_body=org)
        instrument.tags.add(TAG)
        factories.call(instrument=instrument).tags.add(TAG)
        project = factories.project(instrument=instrument)
        project.tags.add(TAG)
        ProjectPartner.objects.create(project=project, organisation=org)
        visit = factories.visit(organiser=org, project=project)
        visit.hosts.add(org)
        visit.delegation.add(factories.organisation())
        visit.tags.add(TAG)
        visit.ecosystems.add(*ecosystems)


@pytest.mark.parametrize("basename", ENDPOINTS)
def test_list_queries_do_not_grow_with_rows(client, basename):
    url = reverse(f"api:{basename}-list")
    grow(2)
    few = queries(client, url, {"page_size": 100})
    grow(10)
    many = queries(client, url, {"page_size": 100})
    assert many == few
    assert many <= 10


@pytest.mark.parametrize("basename", ENDPOINTS)
def test_filtered_list_queries_stay_within_budget(client, django_assert_max_num_queries, basename):
    grow(3)
    with django_assert_max_num_queries(10):
        response = client.get(reverse(f"api:{basename}-list"), {"tag": TAG, "page_size": 100})
    assert response.json()["count"] >= 3


@pytest.mark.parametrize("basename", ENDPOINTS)
def test_detail_queries_do_not_grow_with_related_rows(client, staff, basename):
    grow(1)
    model = ENDPOINTS[basename]
    record = model.objects.filter(tags__name=TAG).order_by("pk").first()
    url = reverse(f"api:{basename}-detail", kwargs={"slug": record.slug})
    few = queries(client, url)
    grow(6)  # more members, partners, visits, calls on other rows; and on this one:
    if basename == "organisation":
        for _ in range(4):
            Membership.objects.create(group=record, member=factories.organisation())
            factories.visit(organiser=record).hosts.add(record)
            ContactPerson.objects.create(organisation=record, name="Someone", email="someone@example.org")
    assert queries(client, url) == few
    assert few <= 25


# --- Links between records ------------------------------------------------------------------


def test_organisation_and_visits_link_both_ways(client):
    org = factories.organisation(name="Linked host")
    visit = factories.visit(title="Linked visit")
    visit.hosts.add(org)
    org_data = client.get(reverse("api:organisation-detail", kwargs={"slug": org.slug})).json()
    visit_url = f"http://testserver{reverse('api:visit-detail', kwargs={'slug': visit.slug})}"
    assert [v["url"] for v in org_data["visits_hosted"]] == [visit_url]
    visit_data = client.get(visit_url).json()
    assert [h["slug"] for h in visit_data["hosts"]] == [org.slug]
    listed = client.get(org_data["visits_url"]).json()
    assert [v["slug"] for v in listed["results"]] == [visit.slug]


def test_instrument_and_calls_link_both_ways(client):
    instrument = factories.instrument(name="Linked instrument")
    call = factories.call(instrument=instrument, title="Linked call")
    data = client.get(reverse("api:instrument-detail", kwargs={"slug": instrument.slug})).json()
    assert [c["slug"] for c in data["calls"]] == [call.slug]
    assert [c["slug"] for c in client.get(data["calls_url"]).json()["results"]] == [call.slug]
    call_data = client.get(data["calls"][0]["url"]).json()
    assert call_data["instrument"]["url"] == data["url"]


def test_project_lists_its_partners_with_links(client):
    org = factories.organisation(name="Partner org")
    project = factories.project(name="Linked project")
    ProjectPartner.objects.create(project=project, organisation=org, role="coordinator", partner_code="PP1")
    data = client.get(reverse("api:project-detail", kwargs={"slug": project.slug})).json()
    assert data["partners"] == [
        {
            "organisation": {
                "url": f"http://testserver{reverse('api:organisation-detail', kwargs={'slug': org.slug})}",
                "slug": org.slug,
                "name": org.name,
            },
            "role": "coordinator",
            "partner_code": "PP1",
            "responsibility": "",
        }
    ]
    org_data = client.get(data["partners"][0]["organisation"]["url"]).json()
    assert [p["project"]["slug"] for p in org_data["projects"]] == [project.slug]


def test_blank_values_are_null_not_empty_strings(client):
    org = factories.organisation(website="")
    data = client.get(reverse("api:organisation-detail", kwargs={"slug": org.slug})).json()
    assert data["website"] is None
    assert data["country"] is None


# --- Throttling ---------------------------------------------------------------------------------


def test_anonymous_clients_are_throttled(client, monkeypatch):
    monkeypatch.setitem(AnonRateThrottle.THROTTLE_RATES, "anon", "3/min")
    url = reverse("api:call-list")
    assert [client.get(url).status_code for _ in range(3)] == [200, 200, 200]
    response = client.get(url)
    assert response.status_code == 429
    assert "throttled" in response.json()["detail"].lower()
    assert int(response["Retry-After"]) > 0


def test_signed_in_clients_are_not_throttled(client, staff, monkeypatch):
    monkeypatch.setitem(AnonRateThrottle.THROTTLE_RATES, "anon", "3/min")
    url = reverse("api:call-list")
    assert {client.get(url).status_code for _ in range(5)} == {200}


def test_the_throttle_is_on_by_default():
    from django.conf import settings

    assert "rest_framework.throttling.AnonRateThrottle" in settings.REST_FRAMEWORK["DEFAULT_THROTTLE_CLASSES"]
    assert settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["anon"]
