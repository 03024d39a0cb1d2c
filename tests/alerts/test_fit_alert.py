"""The funding fit page saved as an alert: its digest sends the new matching calls."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from alerts import sources
from alerts.models import Frequency, SavedSearch
from alerts.sending import send_alerts
from funding.models import Eligibility
from tests import factories

FIT = reverse("funding:fit")
TODAY = datetime.date.today()


@pytest.mark.django_db
def test_a_saved_fit_sends_new_matching_calls_only(client, reader):
    fits = factories.instrument(name="Alert fit grant", eligible_countries=["TR"])
    Eligibility.objects.create(instrument=fits, beneficiary_type="sme", co_funding_rate=50)
    other = factories.instrument(name="Alert other grant", eligible_countries=["RU"])
    Eligibility.objects.create(instrument=other, beneficiary_type="sme")
    client.force_login(reader)
    html = client.get(FIT, {"beneficiary": "sme", "country": "TR"}).content.decode()
    assert 'name="view_name" value="funding:fit"' in html and "Save as alert" in html
    response = client.post(
        reverse("alerts:search-save"),
        {"name": "SMEs from Türkiye", "view_name": "funding:fit", "query": "country=TR&beneficiary=sme"},
    )
    assert response.status_code == 302
    search = SavedSearch.objects.get(user=reader)
    assert search.query == "beneficiary=sme&country=TR"
    SavedSearch.objects.filter(pk=search.pk).update(
        frequency=Frequency.DAILY, alerts_since=timezone.now() - datetime.timedelta(minutes=1)
    )
    factories.call(instrument=fits, title="Alert open call", deadline=TODAY + datetime.timedelta(days=20))
    factories.call(instrument=fits, title="Alert closed call", deadline=TODAY - datetime.timedelta(days=2))
    factories.call(instrument=other, title="Alert Russian call", deadline=TODAY + datetime.timedelta(days=20))
    send_alerts()
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Alert open call" in body and "Alert closed call" not in body and "Alert Russian call" not in body
    assert "/funding/fit/?beneficiary=sme&country=TR" in body
    html = client.get(reverse("alerts:searches")).content.decode()
    assert "SMEs from Türkiye" in html


@pytest.mark.django_db
def test_a_saved_fit_whose_filters_no_longer_hold_says_so():
    assert sources.saveable("funding:fit")
    found = sources.matches("funding:fit", "beneficiary=wizard&country=TR")
    assert found.querysets == [] and "“wizard” is not a beneficiary type on record" in found.errors[0]
