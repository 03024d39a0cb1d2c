"""The demo data follows the provenance rule: nothing reads "Active" or "still valid" today unless
a source says so for today. Statuses, labels and member counts carry the seed's date and source;
instruments whose seeds name no eligible country say "not stated"; report texts speak of their
own time, not of today."""

import datetime as dt
import re

import pytest

from clusters.models import Label, Organisation
from core.provenance import is_current
from funding.models import Instrument
from tests.demo.seed_lookups import instrument, org
from visits.models import Finding, Visit

pytestmark = pytest.mark.django_db

WORKSHOP = dt.date(2014, 10, 1)
SLIDES = dt.date(2011, 1, 1)
NEWS = dt.date(2017, 7, 21)


def _status_html(client, inst) -> str:
    html = client.get(inst.get_absolute_url()).content.decode()
    return html.split("<dt>Status</dt><dd>", 1)[1].split("</dd>", 1)[0]


def test_every_demo_instrument_has_a_dated_status():
    assert not Instrument.objects.filter(status_as_of=None).exists()


def test_no_demo_instrument_reads_active_without_a_recent_date(client):
    for inst in Instrument.objects.all():
        status = _status_html(client, inst)
        if not is_current(inst.status_as_of):
            assert "as-of-history" in status and " as of " in status, (inst.slug, status)


@pytest.mark.parametrize(
    "slug, as_of, phrase",
    [
        ("horizon-2020", WORKSHOP, "Active as of Oct 2014, per ZENIT workshop report, Düsseldorf"),
        ("cosme", WORKSHOP, "Active as of Oct 2014, per ZENIT workshop report, Düsseldorf"),
        ("oseo-bank-loan-guarantee", SLIDES, "Active as of Jan 2011, per TACTICS / European Cluster Alliance slides"),
        ("oseo-development-financing", SLIDES, "Active as of Jan 2011, per TACTICS"),
        ("oseo-innovation-support", SLIDES, "Active as of Jan 2011, per TACTICS"),
    ],
)
def test_the_seed_dates_the_status(client, slug, as_of, phrase):
    assert instrument(slug).status_as_of == as_of
    assert phrase in _status_html(client, instrument(slug))


def test_the_gold_labels_are_held_as_of_july_2017(client):
    golds = Label.objects.filter(kind=Label.Kind.ESCA_GOLD, organisation__slug__in=["pole-vehicule-du-futur"])
    assert golds.exists()
    for label in Label.objects.filter(kind=Label.Kind.ESCA_GOLD):
        assert (label.as_of, label.valid_until) == (NEWS, None)
        html = client.get(label.organisation.get_absolute_url()).content.decode()
        assert "ESCA Gold as of Jul 2017, per İŞİM news item" in html
        assert "still valid" not in html.lower()


def test_instruments_without_countries_say_not_stated(client):
    unstated = Instrument.objects.filter(eligible_countries="")
    assert unstated.count() == 6
    for inst in unstated:
        html = client.get(inst.get_absolute_url()).content.decode()
        assert "Not stated by the sources on record." in html
        assert "every country" not in html
    assert "open to all countries" not in client.get("/funding/").content.decode()


def test_member_counts_are_dated():
    pvf = org("pole-vehicule-du-futur")
    assert (pvf.members_count, pvf.members_count_as_of) == (375, NEWS)
    assert not Organisation.objects.filter(members_count__isnull=False, members_count_as_of=None).exists()
    assert not Organisation.objects.filter(public_funding_pct__isnull=False, public_funding_as_of=None).exists()


TODAY_WORDS = re.compile(r"\b(still|currently|now|nowadays|at present|today)\b", re.IGNORECASE)


def test_demo_texts_make_no_claim_about_today():
    texts = [
        *Finding.objects.values_list("text", flat=True),
        *(t for pair in Visit.objects.values_list("summary", "report") for t in pair),
        *Organisation.objects.values_list("description", flat=True),
        *Instrument.objects.values_list("description", flat=True),
    ]
    assert len(texts) > 100
    assert [t for t in texts if TODAY_WORDS.search(t)] == []
