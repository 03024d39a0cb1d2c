import datetime

import pytest
from django.db import IntegrityError, transaction

from tests import factories
from visits.models import Finding, ItineraryStop, Participant, Visit

pytestmark = pytest.mark.django_db


def test_database_refuses_a_visit_ending_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.visit(start_date=datetime.date(2013, 4, 19), end_date=datetime.date(2013, 4, 16))


def test_a_one_day_event_may_have_no_end_date():
    assert factories.visit(end_date=None).pk


def test_database_refuses_to_publish_a_foreign_language_report_without_english_summary():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.visit(language="tr", status=Visit.Status.PUBLISHED, summary_en="")


def test_a_foreign_language_draft_may_lack_the_english_summary():
    assert factories.visit(language="tr", status=Visit.Status.DRAFT).pk


def test_publishing_stamps_the_publication_time():
    draft = factories.visit(status=Visit.Status.DRAFT)
    assert draft.published_at is None
    draft.status = Visit.Status.PUBLISHED
    draft.save()
    assert draft.published_at is not None


def test_database_refuses_a_percentage_finding_above_100():
    visit = factories.visit()
    with pytest.raises(IntegrityError), transaction.atomic():
        Finding.objects.create(visit=visit, text="x", value=140, unit=Finding.Unit.PERCENT)


def test_database_refuses_a_figure_without_unit():
    visit = factories.visit()
    with pytest.raises(IntegrityError), transaction.atomic():
        Finding.objects.create(visit=visit, text="x", value=12, unit="")


def test_database_refuses_an_itinerary_day_zero():
    visit = factories.visit()
    with pytest.raises(IntegrityError), transaction.atomic():
        ItineraryStop.objects.create(visit=visit, day=0, place="Lyon")


def test_database_refuses_a_participant_who_is_nobody():
    visit = factories.visit()
    with pytest.raises(IntegrityError), transaction.atomic():
        Participant.objects.create(visit=visit)


def test_visible_to_hides_drafts_from_non_staff(django_user_model):
    draft = factories.visit(status=Visit.Status.DRAFT)
    anonymous = django_user_model(is_staff=False)
    staff = django_user_model(is_staff=True)
    assert draft not in Visit.objects.visible_to(anonymous)
    assert draft in Visit.objects.visible_to(staff)
