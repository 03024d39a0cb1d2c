"""The links editors missed (issue 14, point 7) and another account of an event, on the pages and
in the API: a visit's funding instruments, its other accounts with their sources and the facts
they state differently, a stop of an unknown day, a project's funder and programme."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from funding.models import Project
from tests import factories
from visits.models import ItineraryStop, Participant, Visit

pytestmark = pytest.mark.django_db


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


@pytest.fixture
def accounts():
    first = factories.visit(
        title="Autumn tour, first record",
        start_date=datetime.date(2017, 10, 2),
        end_date=datetime.date(2017, 10, 6),
        participants_count=18,
        source_citation="Delegation's own report",
    )
    second = factories.visit(
        title="Autumn tour, the host's account",
        start_date=datetime.date(2017, 10, 3),
        end_date=datetime.date(2017, 10, 6),
        participants_count=18,
        source_citation="The host's newsletter",
        source_url="https://example.org/newsletter",
        source_date=datetime.date(2017, 11, 1),
        account_of=first,
    )
    Participant.objects.create(visit=second, role="delegate", group="Belarusian clusters", count=18, country="BY")
    return first, second


def test_both_pages_name_the_other_account_with_its_source(client, accounts):
    first, second = accounts
    page = client.get(first.get_absolute_url()).content.decode()
    assert "Another account of this event:" in page and second.get_absolute_url() in page
    assert "The host&#x27;s newsletter" in page and "example.org/newsletter" in page
    page = client.get(second.get_absolute_url()).content.decode()
    assert "First record:" in page and first.get_absolute_url() in page and "Delegation&#x27;s own report" in page


def test_only_the_facts_that_differ_are_side_by_side(client, accounts):
    first, _second = accounts
    response = client.get(first.get_absolute_url())
    [account] = response.context["other_accounts"]
    labels = [str(label) for label, _mine, _theirs in account.differences]
    # Dates differ at the start only; both say 18 participants; the second lists a delegation of 18.
    assert labels == ["Start date"]
    assert account.differences[0][1:] == (datetime.date(2017, 10, 2), datetime.date(2017, 10, 3))
    html = response.content.decode()
    assert "This account" in html and "The other account" in html and "3 Oct 2017" in html


def test_a_draft_account_is_not_named_to_the_public(client, accounts):
    first, second = accounts
    second.status = Visit.Status.DRAFT
    second.save()
    assert second.get_absolute_url() not in client.get(first.get_absolute_url()).content.decode()
    staff = get_user_model().objects.create_user("links-editor", password="a-long-test-password", is_staff=True)
    client.force_login(staff)
    assert second.get_absolute_url() in client.get(first.get_absolute_url()).content.decode()


def test_the_visit_page_query_count_does_not_grow_with_accounts(client, accounts):
    first, _second = accounts
    url = first.get_absolute_url()
    queries(client, url)
    few = queries(client, url)
    for i in range(5):
        factories.visit(title=f"Yet another account {i}", account_of=first)
    assert queries(client, url) == few


def test_the_visit_lists_its_instruments_and_the_instrument_its_visits(client):
    instrument = factories.instrument(name="Innovation vouchers for tours")
    visit = factories.visit(title="A tour paid by vouchers")
    draft = factories.visit(title="A draft tour paid by vouchers", status=Visit.Status.DRAFT)
    for v in (visit, draft):
        v.instruments.add(instrument)
    assert instrument.get_absolute_url() in client.get(visit.get_absolute_url()).content.decode()
    page = client.get(instrument.get_absolute_url()).content.decode()
    assert visit.get_absolute_url() in page and draft.title not in page


def test_the_instrument_page_query_count_does_not_grow_with_visits(client):
    instrument = factories.instrument()
    url = instrument.get_absolute_url()
    factories.visit().instruments.add(instrument)
    queries(client, url)
    few = queries(client, url)
    for _i in range(5):
        factories.visit().instruments.add(instrument)
        factories.project(programme=instrument)
    assert queries(client, url) == few


def test_a_stop_of_an_unknown_day_comes_last(client):
    visit = factories.visit()
    ItineraryStop.objects.create(visit=visit, day=None, place="Somewhere undated")
    ItineraryStop.objects.create(visit=visit, day=2, place="Second day place")
    assert [s.day for s in visit.stops.all()] == [2, None]
    html = client.get(visit.get_absolute_url()).content.decode()
    assert html.index("Day 2") < html.index("Day not stated") < html.index("Somewhere undated")
    detail = client.get(reverse("api:visit-detail", kwargs={"slug": visit.slug})).json()
    assert [s["day"] for s in detail["stops"]] == [2, None]


def test_a_stop_day_is_counted_from_one():
    visit = factories.visit()
    with pytest.raises(IntegrityError), transaction.atomic():
        ItineraryStop.objects.create(visit=visit, day=0)


def test_the_project_names_its_funder_and_programme(client):
    funder = factories.organisation(name="A regional development fund", kind="financial")
    programme = factories.instrument(name="A transnational programme", level="multilateral")
    instrument = factories.instrument(name="Its second call")
    project = factories.project(
        name="Cluster exchange project", funder=funder, programme=programme, instrument=instrument
    )
    page = client.get(project.get_absolute_url()).content.decode()
    for url in (funder.get_absolute_url(), programme.get_absolute_url(), instrument.get_absolute_url()):
        assert url in page
    assert project.get_absolute_url() in client.get(programme.get_absolute_url()).content.decode()
    detail = client.get(reverse("api:project-detail", kwargs={"slug": project.slug})).json()
    assert (detail["funder"]["slug"], detail["programme"]["slug"], detail["instrument"]["slug"]) == (
        funder.slug,
        programme.slug,
        instrument.slug,
    )
    listed = client.get(reverse("api:project-list"), {"q": "Cluster exchange project"}).json()["results"]
    assert [p["funder"]["slug"] for p in listed if p["slug"] == project.slug] == [funder.slug]


def test_a_funder_or_programme_in_use_cannot_be_deleted(accounts):
    programme = factories.instrument()
    factories.project(programme=programme)
    with pytest.raises(Exception) as error, transaction.atomic():
        programme.delete()
    assert "protected" in type(error.value).__name__.lower()
    assert Project.objects.filter(programme=programme).exists()


def test_the_api_gives_instruments_and_the_first_record(client, accounts):
    first, second = accounts
    instrument = factories.instrument()
    second.instruments.add(instrument)
    detail = client.get(reverse("api:visit-detail", kwargs={"slug": second.slug})).json()
    assert detail["account_of"]["slug"] == first.slug
    assert [i["slug"] for i in detail["instruments"]] == [instrument.slug]
    assert client.get(reverse("api:visit-detail", kwargs={"slug": first.slug})).json()["account_of"] is None
    first.status = Visit.Status.DRAFT
    first.save()
    assert client.get(reverse("api:visit-detail", kwargs={"slug": second.slug})).json()["account_of"] is None
    used = client.get(reverse("api:instrument-detail", kwargs={"slug": instrument.slug})).json()
    assert [v["slug"] for v in used["visits"]] == [second.slug]


def test_the_project_list_filters_by_funder_and_programme(client):
    funder = factories.organisation(kind="financial")
    programme = factories.instrument()
    project = factories.project(name="Filtered by its funder", funder=funder, programme=programme)
    other = factories.project(name="Another funded project")
    for params in ({"funder": funder.slug}, {"programme": programme.slug}):
        listed = client.get(reverse("funding:project-list"), params).context["object_list"]
        assert project in listed and other not in listed
