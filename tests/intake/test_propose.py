"""intake.propose on the seeds against the demo data: what links, what is new, which visit on
record is the same event."""

import datetime

import pytest

from clusters.models import AlternativeName, Organisation
from intake.propose import date_span, propose
from tests.intake.text_seeds import seed
from visits.models import Visit

pytestmark = pytest.mark.django_db


def by_slug(proposal) -> dict:
    return {o.candidates[0].slug: o for o in proposal.organisations if o.action == "link"}


@pytest.fixture(scope="module")
def viameca(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return propose(seed("viameca"), source="viameca.txt")


def test_viameca_report_links_hosts_delegation_and_organiser(viameca):
    orgs = by_slug(viameca)
    assert {slug: orgs[slug].role for slug in ("viameca", "mayer-group-france", "partners-in-nuclear-business")} == {
        "viameca": "host",
        "mayer-group-france": "host",
        "partners-in-nuclear-business": "host",
    }
    assert orgs["innovation-technologies-cluster-zheleznogorsk"].role == "delegation"
    assert orgs["csr-north-west"].role == "organiser"
    assert not [o for o in viameca.organisations if o.action == "create"]


def test_viameca_report_reads_language_and_dates(viameca):
    assert viameca.language == "en"
    assert (viameca.start_date, viameca.end_date, viameca.date_precision) == (
        datetime.date(2013, 4, 16),
        datetime.date(2013, 4, 19),
        "day",
    )


def test_viameca_report_is_the_visit_on_record(viameca):
    [same] = viameca.same_event
    assert same.slug == "zheleznogorsk-cluster-at-viameca-2013"
    assert same.score == 1.0
    assert "host: ViaMeca" in same.reasons and "dates overlap" in same.reasons


def test_a_report_of_other_dates_is_not_the_same_event():
    text = seed("viameca").replace("16-19 April, 2013", "16-19 April, 2015")
    assert propose(text).same_event == []


def test_turkish_report_links_its_clusters_and_project():
    proposal = propose(seed("clustem"))
    orgs = by_slug(proposal)
    assert orgs["isim"].role == "delegation"
    assert orgs["textile-alsace"].role == "host"
    assert {"pole-vehicule-du-futur", "techtera", "polytech-lyon"} <= set(orgs)
    assert [p.candidates[0].slug for p in proposal.projects] == ["clustem"]
    assert proposal.language == "tr"
    assert proposal.same_event[0].slug == "isim-clustem-gold-label-clusters-france-2017"


def test_an_organisation_not_on_record_is_proposed_as_new():
    textile = Organisation.objects.get(slug="textile-alsace")
    AlternativeName.objects.filter(organisation=textile).delete()
    Organisation.objects.filter(pk=textile.pk).update(name="Mulhouse weaving group", acronym="")
    proposal = propose(seed("clustem"))
    [new] = [o for o in proposal.organisations if o.name.startswith("Textile Alsace")]
    assert (new.action, new.role, new.kind) == ("create", "host", "cluster")
    assert all(c.slug != "textile-alsace" for c in new.candidates)


def test_instruments_and_projects_on_record_are_linked_word_bounded():
    proposal = propose(seed("duesseldorf"))
    assert [i.candidates[0].slug for i in proposal.instruments] == [
        "fasie-small-innovative-enterprises",
        "eureka",
        "horizon-2020",
        "cosme",
    ]
    assert [p.candidates[0].slug for p in proposal.projects] == ["bilat-rus-advanced"]


def test_propose_writes_nothing():
    before = (Visit.objects.count(), Organisation.objects.count())
    propose(seed("clustem"))
    assert (Visit.objects.count(), Organisation.objects.count()) == before


@pytest.mark.parametrize(
    "start, end, precision, span",
    [
        (datetime.date(2013, 4, 16), None, "day", (datetime.date(2013, 4, 16), datetime.date(2013, 4, 16))),
        (datetime.date(2017, 7, 1), None, "month", (datetime.date(2017, 7, 1), datetime.date(2017, 7, 31))),
        (datetime.date(2011, 1, 1), None, "year", (datetime.date(2011, 1, 1), datetime.date(2011, 12, 31))),
    ],
)
def test_a_date_means_every_day_of_its_precision(start, end, precision, span):
    assert date_span(start, end, precision) == span
