"""The funding fit page (/funding/fit/): what an applicant may apply for, at what rate, until when.

The expected instruments are computed here from the records (demo data plus the fixtures), by
reading every instrument in Python, never through funding/fit.py."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from funding.models import Eligibility, Instrument
from tests import factories

pytestmark = pytest.mark.django_db

FIT = reverse("funding:fit")
TODAY = datetime.date.today()
DAY = datetime.timedelta(days=1)
AS_OF = datetime.date(2026, 6, 1)


def eligible(instrument, beneficiary_type, rate=None, **kwargs):
    return Eligibility.objects.create(
        instrument=instrument, beneficiary_type=beneficiary_type, co_funding_rate=rate, **kwargs
    )


@pytest.fixture
def fixtures():
    """Instruments around "an SME from Türkiye": some fit, some do not, two have ended."""
    tr = factories.instrument(
        name="Fit Türkiye SME grant", eligible_countries=["TR"], rate_as_of=AS_OF, rate_source="Fit test programme"
    )
    eligible(
        tr,
        "sme",
        50,
        condition_kind=Eligibility.Condition.LOCATION,
        condition="located in a priority development region",
    )
    eligible(tr, "large_company", 25)
    open_call = factories.call(instrument=tr, title="Fit open call", deadline=TODAY + 30 * DAY)
    forthcoming = factories.call(
        instrument=tr, title="Fit forthcoming call", opens_on=TODAY + 5 * DAY, deadline=TODAY + 60 * DAY
    )
    factories.call(instrument=tr, title="Fit closed call", deadline=TODAY - 10 * DAY)
    unrestricted = factories.instrument(name="Fit unrestricted", co_funding_rate=40, rate_as_of=AS_OF)
    eligible(unrestricted, "sme")
    large_only = factories.instrument(name="Fit large companies only", eligible_countries=["TR"])
    eligible(large_only, "large_company", 30)
    russia = factories.instrument(name="Fit Russian SMEs", eligible_countries=["RU"])
    eligible(russia, "sme", 70)
    old = factories.instrument(
        name="Fit old grant",
        eligible_countries=["TR", "GR"],
        status=Instrument.Status.DISCONTINUED,
        status_as_of=datetime.date(2020, 12, 31),
        successor=tr,
    )
    eligible(old, "sme", 60)
    expired = factories.instrument(name="Fit expired grant", eligible_countries=["TR"], end_date=TODAY - 400 * DAY)
    eligible(expired, "sme")
    return {"tr": tr, "open": open_call, "forthcoming": forthcoming, "old": old, "expired": expired}


def expected_for(beneficiary: str, country: str) -> dict:
    """Instrument pk -> (rate, call pks) for every active instrument open to the applicant."""
    expected = {}
    for instrument in Instrument.objects.prefetch_related("eligibilities", "calls"):
        types = {e.beneficiary_type: e for e in instrument.eligibilities.all()}
        countries = {c.code for c in instrument.eligible_countries}
        ended = instrument.status == Instrument.Status.DISCONTINUED or (
            instrument.end_date is not None and instrument.end_date < TODAY
        )
        if beneficiary not in types or ended or (countries and country not in countries):
            continue
        own = types[beneficiary].co_funding_rate
        rate = own if own is not None else instrument.co_funding_rate
        calls = {c.pk for c in instrument.calls.all() if c.deadline is None or c.deadline >= TODAY}
        expected[instrument.pk] = (rate, calls)
    return expected


def shown(response) -> dict:
    result = response.context["result"]
    return {
        f.instrument.pk: (None if f.rate is None else Decimal(f.rate.claim.split()[0]), {c.pk for c in f.calls})
        for f in result.fits
    }


def test_an_sme_from_turkiye_gets_exactly_the_instruments_open_to_it(client, fixtures):
    response = client.get(FIT, {"beneficiary": "sme", "country": "TR"})
    assert response.status_code == 200
    expected = expected_for("sme", "TR")
    assert shown(response) == expected
    assert expected[fixtures["tr"].pk] == (Decimal(50), {fixtures["open"].pk, fixtures["forthcoming"].pk})
    html = response.content.decode()
    assert "Fit Russian SMEs" not in html and "Fit large companies only" not in html
    assert "Fit closed call" not in html
    assert "50 %" in html and "40 %" in html  # the SME rate, and the instrument's own where no SME rate
    assert "deadline " + (TODAY + 30 * DAY).strftime("%-d %b %Y") in html
    assert "as of " + TODAY.strftime("%-d %b %Y") in html  # a call's status is dated


def test_the_demo_alone_gives_the_same_set(client):
    response = client.get(FIT, {"beneficiary": "sme", "country": "TR"})
    assert shown(response) == expected_for("sme", "TR")
    # No demo source states that COSME or Horizon 2020 is open to every country: the page says so.
    assert "open to every country" not in response.content.decode()
    assert "Its sources state no country restriction" in response.content.decode()


def test_another_type_gets_its_own_rate(client, fixtures):
    response = client.get(FIT, {"beneficiary": "large_company", "country": "TR"})
    assert shown(response) == expected_for("large_company", "TR")
    assert shown(response)[fixtures["tr"].pk][0] == Decimal(25)


def test_a_location_conditional_rate_shows_its_condition(client, fixtures):
    html = client.get(FIT, {"beneficiary": "sme", "country": "TR"}).content.decode()
    assert "Condition: Location: located in a priority development region" in html
    assert "as of Jun 2026, per Fit test programme" in html  # the rate's date and source


def test_a_discontinued_instrument_points_to_its_successor(client, fixtures):
    response = client.get(FIT, {"beneficiary": "sme", "country": "TR"})
    ended = {e.instrument.pk: e for e in response.context["result"].ended}
    assert ended[fixtures["old"].pk].successor == fixtures["tr"]
    html = response.content.decode()
    assert "reported discontinued as of 31 Dec 2020" in html
    assert f'its successor is <a href="{fixtures["tr"].get_absolute_url()}">Fit Türkiye SME grant</a>' in html
    assert "ended on " + fixtures["expired"].end_date.strftime("%-d %b %Y") in html
    assert fixtures["old"].pk not in shown(response)


def test_the_ecosystem_leaves_out_instruments_of_other_ecosystems(client, fixtures):
    from clusters.models import Ecosystem

    textile, other = Ecosystem.objects.all()[:2]
    fixtures["tr"].ecosystems.add(other)
    response = client.get(FIT, {"beneficiary": "sme", "country": "TR", "ecosystem": textile.slug})
    assert fixtures["tr"].pk not in shown(response)
    response = client.get(FIT, {"beneficiary": "sme", "country": "TR", "ecosystem": [textile.slug, other.slug]})
    assert fixtures["tr"].pk in shown(response)
    assert f"Ecosystem: {other}" in response.content.decode()


def test_a_chosen_topic_ranks_first_and_is_a_reason(client, fixtures):
    fixtures["tr"].tags.add("fit-topic")
    response = client.get(FIT, {"beneficiary": "sme", "country": "TR", "tag": "fit-topic"})
    first = response.context["result"].fits[0]
    assert first.instrument == fixtures["tr"] and "Topic: fit-topic." in first.reasons


def test_without_filters_the_form_alone(client):
    response = client.get(FIT)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Funding fit" in html and 'name="beneficiary"' in html and 'name="country"' in html
    assert 'method="get"' in html and reverse("funding:instrument-list") in html


def test_the_empty_state(client):
    assert expected_for("public_authority", "AQ") == {}
    response = client.get(FIT, {"beneficiary": "public_authority", "country": "AQ"})
    assert response.status_code == 200
    assert "No active instrument on record is open to this applicant." in response.content.decode()


@pytest.mark.parametrize(
    "params, message",
    [
        ({"beneficiary": "wizard", "country": "TR"}, "“wizard” is not a beneficiary type on record"),
        ({"beneficiary": "sme", "country": "XX"}, "“XX” is not a country code we know"),
        ({"beneficiary": "sme"}, "Choose the applicant&#x27;s country."),
        ({"country": "TR"}, "Choose a beneficiary type."),
        ({"beneficiary": "sme", "country": "TR", "ecosystem": "nope"}, "Select a valid choice."),
    ],
)
def test_bad_input_is_a_400_with_a_clear_message(client, params, message):
    response = client.get(FIT, params)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_query_budget_does_not_grow_with_rows(client, fixtures):
    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(FIT, {"beneficiary": "sme", "country": "TR"}).status_code == 200
        return len(ctx)

    before = count()
    for i in range(8):
        inst = factories.instrument(
            name=f"Fit more {i}", eligible_countries=["TR"], managing_body=factories.organisation()
        )
        eligible(inst, "sme", 10 + i)
        inst.tags.add(f"fit-more-{i}")
        factories.call(instrument=inst, deadline=TODAY + DAY)
        old = factories.instrument(name=f"Fit more old {i}", status=Instrument.Status.DISCONTINUED, successor=inst)
        eligible(old, "sme")
    assert count() == before
