import datetime

import pytest
from django.db import IntegrityError, transaction

from funding.models import BeneficiaryType, Eligibility, Instrument
from tests import factories

pytestmark = pytest.mark.django_db


def refused(builder, **kwargs):
    with pytest.raises(IntegrityError), transaction.atomic():
        builder(**kwargs)


def test_database_refuses_a_co_funding_rate_of_120_percent():
    refused(factories.instrument, co_funding_rate=120)


def test_database_refuses_a_beneficiary_rate_of_120_percent():
    instrument = factories.instrument()
    with pytest.raises(IntegrityError), transaction.atomic():
        Eligibility.objects.create(instrument=instrument, beneficiary_type=BeneficiaryType.SME, co_funding_rate=120)


def test_database_refuses_the_same_beneficiary_type_twice():
    instrument = factories.instrument()
    Eligibility.objects.create(instrument=instrument, beneficiary_type=BeneficiaryType.SME)
    with pytest.raises(IntegrityError), transaction.atomic():
        Eligibility.objects.create(instrument=instrument, beneficiary_type=BeneficiaryType.SME)


def test_database_refuses_an_instrument_period_ending_before_it_starts():
    refused(factories.instrument, start_date=datetime.date(2014, 1, 1), end_date=datetime.date(2013, 1, 1))


def test_database_refuses_a_negative_budget():
    refused(factories.instrument, budget=-5)


def test_database_refuses_an_instrument_that_succeeds_itself():
    instrument = factories.instrument()
    instrument.successor = instrument
    with pytest.raises(IntegrityError), transaction.atomic():
        instrument.save()


def test_database_refuses_a_call_deadline_before_its_opening():
    refused(factories.call, opens_on=datetime.date(2011, 3, 1), deadline=datetime.date(2011, 2, 1))


def test_database_refuses_a_project_ending_before_it_starts():
    refused(factories.project, start_date=datetime.date(2012, 1, 1), end_date=datetime.date(2011, 1, 1))


def test_database_refuses_a_duplicate_instrument_slug():
    # save() takes the next free slug for a new record (two editors racing); the database itself
    # still refuses the duplicate.
    factories.instrument(slug="fasie")
    other = factories.instrument(slug="fasie-other")
    refused(Instrument.objects.filter(pk=other.pk).update, slug="fasie")
