"""``Organisation.took_part``, the participation rule stored by triggers (visits/triggers.py),
agrees with the rule computed from the links (``OrganisationQuerySet.took_part``) after every
kind of write that can change it."""

import datetime

import pytest
from django.db.models import Q

from clusters.models import Organisation
from tests import factories
from visits.models import ItineraryStop, Participant, Visit

pytestmark = pytest.mark.django_db


def stored(*orgs) -> list[bool]:
    return list(
        Organisation.objects.filter(pk__in=[o.pk for o in orgs]).order_by("pk").values_list("took_part", flat=True)
    )


def computed(*orgs) -> list[bool]:
    rule = Organisation.objects.took_part(status="published")
    ids = set(Organisation.objects.filter(rule, pk__in=[o.pk for o in orgs]).values_list("pk", flat=True))
    return [o.pk in ids for o in sorted(orgs, key=lambda o: o.pk)]


@pytest.fixture
def orgs():
    return [factories.organisation(name=f"Took part test {i}", country="NR") for i in range(4)]


@pytest.fixture
def visit():
    return factories.visit(title="Took part tour", start_date=datetime.date(2020, 3, 1), status=Visit.Status.DRAFT)


def test_the_demo_data_agrees_with_the_rule():
    rule = Organisation.objects.took_part(status="published")
    assert Organisation.objects.filter(took_part=True).exists()
    assert not Organisation.objects.filter(Q(took_part=True) & ~rule | Q(took_part=False) & rule).exists()


def test_hosts_and_delegation_count_once_the_visit_is_published(orgs, visit):
    host, delegate, *_ = orgs
    visit.hosts.add(host)
    visit.delegation.add(delegate)
    assert stored(host, delegate) == [False, False]  # a draft does not count
    visit.status = Visit.Status.PUBLISHED
    visit.save()
    assert stored(host, delegate) == [True, True] == computed(host, delegate)
    visit.delegation.remove(delegate)
    assert stored(host, delegate) == [True, False] == computed(host, delegate)
    Visit.objects.filter(pk=visit.pk).update(status=Visit.Status.DRAFT)
    assert stored(host) == [False] == computed(host)


def test_stop_hosts_participants_and_the_organiser(orgs, visit):
    stop_host, other_host, participant, organiser = orgs
    Visit.objects.filter(pk=visit.pk).update(status=Visit.Status.PUBLISHED)
    stop = ItineraryStop.objects.create(visit=visit, day=1, host=stop_host)
    Participant.objects.create(visit=visit, role=Participant.Role.SPEAKER, organisation=participant)
    visit.refresh_from_db()
    visit.organiser = organiser
    visit.save()
    assert stored(*orgs) == [True, False, True, True] == computed(*orgs)
    stop.host = other_host  # an UPDATE refreshes the old host and the new one
    stop.save()
    assert stored(stop_host, other_host) == [False, True] == computed(stop_host, other_host)
    Participant.objects.filter(visit=visit).delete()
    visit.organiser = None
    visit.save()
    assert stored(participant, organiser) == [False, False] == computed(participant, organiser)


def test_deleting_a_published_visit_clears_the_flag(orgs, visit):
    host, delegate, stop_host, organiser = orgs
    Visit.objects.filter(pk=visit.pk).update(status=Visit.Status.PUBLISHED, organiser=organiser)
    visit.hosts.add(host)
    visit.delegation.add(delegate)
    ItineraryStop.objects.create(visit=visit, day=1, host=stop_host)
    assert stored(*orgs) == [True] * 4
    Visit.objects.get(pk=visit.pk).delete()
    assert stored(*orgs) == [False] * 4 == computed(*orgs)
