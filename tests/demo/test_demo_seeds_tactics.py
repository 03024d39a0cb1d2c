"""The facts of seed 004 (TACTICS and the European Cluster Alliance) in the demo data.

The session fixture in tests/conftest.py has already run ``load_demo`` into the test database;
the seeds are in /work/shared/seeds.
"""

import datetime as dt

import pytest

from clusters.models import ContactPerson, Membership, Organisation
from core.models import DatePrecision
from funding.models import BeneficiaryType, Call, Instrument, ProjectPartner
from tests.demo.seed_lookups import countries, instrument, org, project, visit
from visits.models import Finding, Visit

pytestmark = pytest.mark.django_db

D = dt.date


# --------------------------------------------------------------------------------------------------
# Seed 004 — TACTICS and the European Cluster Alliance, coordinated by OSEO
# --------------------------------------------------------------------------------------------------


def test_tactics_has_seven_partners_coordinated_by_oseo_ending_august_2012():
    tactics = project("tactics")
    assert tactics.partners_count == 7 and tactics.partner_links.count() == 7
    assert tactics.partner_links.get(role=ProjectPartner.Role.COORDINATOR).organisation.slug == "oseo"
    assert countries(tactics.partner_countries) == {"FR", "SE", "AT", "GB", "BE", "PL", "IT"}
    assert {"VINNOVA", "TMG", "NWDA", "IWT", "PAED", "Veneto Innovazione", "OSEO"} == {
        link.organisation.acronym or link.organisation.name for link in tactics.partner_links.all()
    }
    assert (tactics.end_date, tactics.date_precision) == (D(2012, 8, 1), DatePrecision.MONTH)


def test_eca_about_80_members_from_24_countries_coordinated_by_oseo():
    eca = org("european-cluster-alliance")
    assert (eca.kind, eca.members_count, eca.member_countries_count) == (Organisation.Kind.NETWORK, 80, 24)
    assert "more than 160 individuals" in eca.description
    coordinator = Membership.objects.get(group=eca, role=Membership.Role.COORDINATOR)
    assert coordinator.member.slug == "oseo" and "TACTICS" in coordinator.note
    assert Membership.objects.get(group=eca, role=Membership.Role.FOUNDER).member.slug == "dg-enterprise-and-industry"


def test_oseo_three_businesses_are_three_instruments():
    oseo = org("oseo")
    assert (oseo.kind, oseo.country) == (Organisation.Kind.FINANCIAL, "FR")
    kinds = set(
        oseo.managed_instruments.filter(slug__startswith="oseo-").values_list("kind", flat=True)
    )  # guarantee, loan, grant
    assert kinds == {Instrument.Kind.LOAN_GUARANTEE, Instrument.Kind.LOAN, Instrument.Kind.GRANT}


def test_oseo_manages_the_interministerial_fund_with_two_calls_a_year():
    fund = instrument("interministerial-fund-poles-of-competitiveness")
    assert (fund.managing_body.slug, fund.calls_per_year, fund.level, fund.kind) == (
        "oseo",
        2,
        Instrument.Level.NATIONAL,
        Instrument.Kind.GRANT,
    )
    assert countries(fund.eligible_countries) == {"FR"}
    assert fund.eligibilities.filter(beneficiary_type="sme").exists()
    assert "Collaborative R&D" in fund.eligible_activities[0]


def test_innovation_express_is_a_joint_grant_for_smes_and_cluster_organisations():
    express = instrument("innovation-express")
    assert (express.kind, express.level) == (Instrument.Kind.GRANT, Instrument.Level.MULTILATERAL)
    assert set(express.eligibilities.values_list("beneficiary_type", flat=True)) == {"sme", "cluster_organisation"}
    assert len(express.eligible_activities) == 8
    assert "all sectors" in express.tags.names()


def test_innovation_express_first_call_70_proposals_targeting_141_clusters():
    first = Call.objects.get(instrument__slug="innovation-express", number=1)
    assert (first.proposals_received, first.clusters_targeted) == (70, 141)
    second = Call.objects.get(instrument__slug="innovation-express", number=2)
    assert (second.opens_on, second.deadline) == (None, None) and "open" in second.description


def test_eca_and_innovation_express_contacts_with_emails():
    emails = dict(ContactPerson.objects.exclude(email="").values_list("name", "email"))
    assert emails == {
        "Marc Pattinson": "m.pattinson@inno-group.com",
        "Guillaume Roux": "g.roux@inno-group.com",
        "Michel Ganoote": "Michel.Ganoote@oseo.fr",
        "Isabelle Lebo": "Isabelle.Lebo@oseo.fr",
    }
    assert ContactPerson.objects.get(name="Michel Ganoote").organisation.slug == "oseo"
    assert org("european-cluster-alliance").email == "eca-tactics@proinno-europe.eu"


def test_eca_met_korean_cluster_policy_actors_on_24_november_2010():
    v = visit("eca-korean-cluster-policy-actors-2010")
    assert v.start_date == D(2010, 11, 24) and v.organiser.slug == "european-cluster-alliance"
    assert v.participants.get(group="Korean cluster policy actors").country == "KR"


# -- facts that need the source-precision fields ------------------------------------------------


def test_eca_member_count_is_marked_approximate():
    eca = Organisation.objects.get(acronym="ECA")
    assert (eca.members_count, eca.members_count_is_approximate) == (80, True)


def test_mid_pannon_observer_meeting_keeps_autumn_2011():
    meeting = Visit.objects.get(title="Central-Transdanubian Mid-term Observer meeting")
    assert (meeting.start_date.year, meeting.date_note) == (2011, "autumn 2011")


def test_milan_conference_lasted_more_than_eight_hours():
    assert Finding.objects.filter(
        visit__title="Clusters-Cord benchmarking conference, Milan", value=8, unit=Finding.Unit.HOUR
    ).exists()


def test_technology_cup_is_for_students():
    cup = Instrument.objects.get(name="Technology cup")
    assert list(cup.eligibilities.values_list("beneficiary_type", flat=True)) == [BeneficiaryType.INDIVIDUAL]


def test_innovation_express_pilot_is_discontinued_so_its_undated_call_is_not_open():
    from funding.models import CallStatus

    express = Instrument.objects.get(name="Innovation Express")
    assert express.status == Instrument.Status.DISCONTINUED
    statuses = set(Call.objects.with_status().filter(instrument=express).values_list("call_status", flat=True))
    assert statuses == {CallStatus.CLOSED}
