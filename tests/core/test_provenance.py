"""A status, a label's validity, a member count and a rate are only as current as their source:
from a source of the last year they read as today's, from an older one as history ("as of Oct
2014, per ..."), without a date as "not dated"; never a bare "Active" from an old source. The
pages and the API carry the date and the source."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from clusters.models import Label
from core.provenance import CURRENT_FOR, dated, is_current
from funding.models import Instrument
from tests import factories

TODAY = datetime.date(2026, 12, 3)
OLD = datetime.date(2014, 10, 1)
SOURCE = "ZENIT workshop report"


def test_a_source_of_the_last_year_is_current_an_older_one_is_not():
    assert is_current(TODAY - CURRENT_FOR, today=TODAY)
    assert not is_current(TODAY - CURRENT_FOR - datetime.timedelta(days=1), today=TODAY)
    assert not is_current(None, today=TODAY)


def test_a_recent_claim_reads_as_current_with_its_date():
    assert str(dated("Active", datetime.date(2026, 10, 5), SOURCE, today=TODAY)) == (
        "Active (as of Oct 2026, per ZENIT workshop report)"
    )


def test_an_old_claim_reads_as_history():
    assert str(dated("Active", OLD, SOURCE, today=TODAY)) == "Active as of Oct 2014, per ZENIT workshop report"


def test_an_old_claim_without_a_source_still_carries_its_date():
    assert str(dated("Active", OLD, today=TODAY)) == "Active as of Oct 2014"


def test_an_undated_claim_says_so():
    assert str(dated("Active", None, SOURCE, today=TODAY)) == "Active (not dated)"


@pytest.mark.django_db
class TestPages:
    def test_instrument_page_shows_an_old_status_as_history(self, client):
        inst = factories.instrument(status_as_of=OLD, status_source=SOURCE)
        html = client.get(inst.get_absolute_url()).content.decode()
        assert '<span class="as-of as-of-history">Active as of Oct 2014, per ZENIT workshop report</span>' in html

    def test_instrument_page_shows_a_recent_status_as_current(self, client):
        inst = factories.instrument(status_as_of=timezone.localdate(), status_source=SOURCE)
        html = client.get(inst.get_absolute_url()).content.decode()
        assert '<span class="as-of as-of-current">Active (as of' in html

    def test_instrument_page_marks_an_undated_status(self, client):
        html = client.get(factories.instrument().get_absolute_url()).content.decode()
        assert '<span class="as-of as-of-undated">Active (not dated)</span>' in html

    def test_instrument_page_dates_the_co_funding_rate(self, client):
        inst = factories.instrument(co_funding_rate=70, rate_as_of=datetime.date(2017, 7, 21), rate_source="İŞİM")
        html = client.get(inst.get_absolute_url()).content.decode()
        assert "70 % as of Jul 2017, per İŞİM" in html

    def test_instrument_list_dates_the_status(self, client):
        factories.instrument(name="Dated programme", status_as_of=OLD, status_source=SOURCE)
        html = client.get("/funding/").content.decode()
        assert "Active as of Oct 2014, per ZENIT workshop report" in html
        assert "Status as last reported" in html

    def test_organisation_page_dates_members_and_labels(self, client):
        org = factories.organisation(
            members_count=375, members_count_as_of=datetime.date(2017, 7, 21), members_count_source="İŞİM news"
        )
        Label.objects.create(
            organisation=org,
            kind=Label.Kind.ESCA_GOLD,
            valid_until=datetime.date(2019, 12, 31),
            as_of=datetime.date(2017, 7, 21),
            source="İŞİM news",
        )
        html = client.get(org.get_absolute_url()).content.decode()
        assert "375 members as of Jul 2017, per İŞİM news" in html
        assert "ESCA Gold, valid until Dec 2019 as of Jul 2017, per İŞİM news" in html
        assert "still valid" not in html.lower()

    def test_api_exposes_the_dates_and_sources(self, client):
        inst = factories.instrument(status_as_of=OLD, status_source=SOURCE, co_funding_rate=40, rate_as_of=OLD)
        data = client.get(reverse("api:instrument-detail", kwargs={"slug": inst.slug})).json()
        assert (data["status"], data["status_as_of"], data["status_source"], data["status_current"]) == (
            Instrument.Status.ACTIVE,
            "2014-10-01",
            SOURCE,
            False,
        )
        assert (data["rate_as_of"], data["rate_source"]) == ("2014-10-01", "")

    def test_api_exposes_the_label_and_member_count_dates(self, client):
        org = factories.organisation(members_count=80, members_count_as_of=OLD, members_count_source=SOURCE)
        Label.objects.create(organisation=org, kind=Label.Kind.ESCA_GOLD, as_of=OLD, source=SOURCE)
        data = client.get(reverse("api:organisation-detail", kwargs={"slug": org.slug})).json()
        assert (data["members_count_as_of"], data["members_count_source"]) == ("2014-10-01", SOURCE)
        assert (data["labels"][0]["as_of"], data["labels"][0]["source"]) == ("2014-10-01", SOURCE)
