"""Another account of the same event (``Visit.account_of``): the rule of
``clusters.participation.participation_links`` - profiles, counts and graphs show the event
once, whichever account names an organisation; a draft account counts for staff only."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.urls import reverse

from clusters.models import Organisation
from insights import graphs
from tests import factories
from visits.filtersets import VisitFilterSet
from visits.models import ItineraryStop, Visit
from visits.participation import visits_involving

pytestmark = pytest.mark.django_db
ANONYMOUS = AnonymousUser()
TAG = "zz-same-event-test"


@pytest.fixture
def event():
    """One 2017 tour told twice: the first record and another account with other dates."""
    both = factories.organisation(name="Host in both accounts", kind=Organisation.Kind.POLE)
    guest = factories.organisation(name="Guest in both accounts")
    only_second = factories.organisation(name="Named only by the second account")
    first = factories.visit(title="Tour as first recorded", start_date=datetime.date(2017, 10, 2))
    second = factories.visit(title="Tour as the host tells it", start_date=datetime.date(2017, 10, 3), account_of=first)
    for visit in (first, second):
        visit.tags.add(TAG)
        visit.hosts.add(both)
        visit.delegation.add(guest)
    second.delegation.add(only_second)
    ItineraryStop.objects.create(visit=second, day=1, host=only_second)
    return {"first": first, "second": second, "both": both, "guest": guest, "only_second": only_second}


@pytest.fixture
def staff():
    return get_user_model().objects.create_user("same-event-editor", password="a-long-test-password", is_staff=True)


def test_a_visit_cannot_be_another_account_of_itself_in_the_database():
    visit = factories.visit()
    with pytest.raises(IntegrityError), transaction.atomic():
        Visit.objects.filter(pk=visit.pk).update(account_of=visit)


def test_an_account_points_at_the_first_record_not_at_another_account(event):
    third = factories.visit(title="A third account", account_of=event["second"])
    with pytest.raises(ValidationError) as error:
        third.full_clean()
    assert "first record" in str(error.value.message_dict["account_of"])


def test_a_first_record_with_accounts_cannot_become_an_account(event):
    other = factories.visit(title="Some other visit")
    event["first"].account_of = other
    with pytest.raises(ValidationError) as error:
        event["first"].full_clean()
    assert "account_of" in error.value.message_dict


def test_a_valid_account_passes_validation(event):
    event["second"].full_clean()
    assert event["second"].primary_event == event["first"] == event["first"].primary_event


@pytest.mark.parametrize("who", ["only_second", "both", "guest"])
def test_the_profile_shows_the_event_once(client, event, who):
    """An organisation named only by the second account, or by both, sees one event: the first record."""
    org = event[who]
    response = client.get(org.get_absolute_url())
    assert {e["visit"] for e in response.context["timeline"]} == {event["first"]}
    assert [v.pk for v in visits_involving(org, ANONYMOUS)] == [event["first"].pk]
    meetings = [m for e in response.context["cooperation"] for m in e["meetings"]]
    assert meetings and {m["visit"] for m in meetings} == {event["first"]}


def test_the_second_accounts_organisations_meet_the_first_records(event):
    partners = {p.organisation.name: p for p in graphs.cooperation_partners(event["both"], ANONYMOUS, project_links=[])}
    assert set(partners) == {"Guest in both accounts", "Named only by the second account"}
    assert all(len(p.ties) == 1 for p in partners.values())


def test_visit_counts_of_organisations_count_the_event_once(event):
    rows = {o.name: o for o in Organisation.objects.for_list().filter(pk__in=[event["both"].pk, event["guest"].pk])}
    assert rows["Host in both accounts"].visits_hosted_count == 1
    assert rows["Guest in both accounts"].visits_made_count == 1


def test_the_network_weighs_the_event_once(event):
    a, b = event["both"], event["guest"]
    _nodes, links, _, _ = graphs.network_links(limit=1000)
    assert (min(a.pk, b.pk), max(a.pk, b.pk), 1) in links


def test_the_visit_list_and_its_facets_show_the_event_once(client, event):
    response = client.get(reverse("visits:visit-list"), {"tag": TAG})
    assert [v.pk for v in response.context["object_list"]] == [event["first"].pk]
    filterset = VisitFilterSet(
        QueryDict(f"tag={TAG}&organisation={event['only_second'].slug}"),
        queryset=Visit.objects.for_list().events_visible_to(ANONYMOUS),
    )
    assert list(filterset.qs) == [event["first"]]
    facet = {value: count for value, _label, count, _in_all in filterset.facet_counts()[1]["organisation"]}
    assert facet[event["both"].slug] == 1 and facet[event["only_second"].slug] == 1


def test_the_home_page_counts_the_event_once(event):
    before = Visit.objects.events_visible_to(ANONYMOUS).count()
    event["second"].account_of = None
    event["second"].save()
    assert Visit.objects.events_visible_to(ANONYMOUS).count() == before + 1


def test_a_draft_account_counts_for_staff_only(event, staff):
    event["second"].status = Visit.Status.DRAFT
    event["second"].save()
    org = event["only_second"]
    assert visits_involving(org, ANONYMOUS) == []
    assert [v.pk for v in visits_involving(org, staff)] == [event["first"].pk]
    assert Visit.objects.events_visible_to(staff).filter(tags__name=TAG).count() == 1


def test_an_account_whose_first_record_is_a_draft_stands_for_the_event(event):
    event["first"].status = Visit.Status.DRAFT
    event["first"].save()
    assert list(Visit.objects.events_visible_to(ANONYMOUS).filter(tags__name=TAG)) == [event["second"]]
    assert [v.pk for v in visits_involving(event["only_second"], ANONYMOUS)] == [event["second"].pk]


def test_the_api_lists_the_event_once_for_an_organisation(client, event):
    detail = client.get(reverse("api:organisation-detail", kwargs={"slug": event["only_second"].slug})).json()
    assert [v["slug"] for v in detail["visits"]] == [event["first"].slug]
