"""The facts of seeds 000 (ViaMeca, 2013) and 001 (Düsseldorf, 2014) in the demo data.

The session fixture in tests/conftest.py has already run ``load_demo`` into the test database;
the seeds are in /work/shared/seeds.
"""

import datetime as dt
from decimal import Decimal

import pytest

from clusters.models import AlternativeName, Membership, Organisation
from funding.models import Instrument, ProjectPartner
from tests.demo.seed_lookups import alt_names, countries, finding, instrument, org, slugs, visit
from visits.models import Finding, Participant, Visit

pytestmark = pytest.mark.django_db

D = dt.date


# --------------------------------------------------------------------------------------------------
# Seed 000 — Zheleznogorsk cluster at ViaMeca, 16-19 April 2013
# --------------------------------------------------------------------------------------------------

VIAMECA_VISIT = "zheleznogorsk-cluster-at-viameca-2013"


def test_viameca_visit_is_a_four_day_study_visit_organised_by_csr_north_west():
    v = visit(VIAMECA_VISIT)
    assert v.kind == Visit.Kind.STUDY_VISIT
    assert (v.start_date, v.end_date) == (D(2013, 4, 16), D(2013, 4, 19))
    assert v.organiser.name == 'Center for Strategic Research "North-West"'
    assert v.organiser.country == "RU"
    assert slugs(v.delegation) == {"innovation-technologies-cluster-zheleznogorsk"}
    assert v.delegation.get().city == "Zheleznogorsk"
    assert v.country == "FR"


def test_viameca_visit_has_four_itinerary_days_with_their_hosts():
    v = visit(VIAMECA_VISIT)
    days: dict[int, list[str]] = {}
    for stop in v.stops.order_by("day", "position"):
        if stop.host_id:
            days.setdefault(stop.day, []).append(stop.host.name)
    assert days == {
        1: ["ViaMeca"],
        2: ["Mayer Group France", "Partners in Nuclear Business"],
        3: ["ViaMeca"],
        4: ["Trade Union Federation of Mechanical Engineers"],
    }
    fair = v.stops.get(day=3, host__isnull=True)
    assert "Lyon" in fair.place
    assert "biggest yearly engineering fair" in fair.description
    assert v.stops.get(day=2, position=0).place == "Saint-Étienne"
    assert v.stops.get(day=4).date is None and "does not say" in v.stops.get(day=4).description


def test_viameca_visit_purpose_covers_the_four_aims():
    purpose = visit(VIAMECA_VISIT).purpose
    for words in ("radiation and space technologies", "public acceptance", "local authorities", "leading centres"):
        assert words in purpose


def test_french_state_funds_40_percent_of_a_research_project_and_60_percent_comes_elsewhere():
    v = visit(VIAMECA_VISIT)
    state = finding(v, figure_label="State share of a research project's funding")
    other = finding(v, figure_label="Share of a research project's funding from other sources")
    assert (state.value, state.unit) == (Decimal(40), Finding.Unit.PERCENT)
    assert (other.value, other.unit) == (Decimal(60), Finding.Unit.PERCENT)


def test_machine_upgrade_saves_up_to_40_percent_at_mayer_group_france():
    f = finding(visit(VIAMECA_VISIT), subject__slug="mayer-group-france", unit=Finding.Unit.PERCENT)
    assert f.value == 40 and "up to" in f.text


def test_funding_follows_market_demand_and_pnb_is_the_only_nuclear_pole():
    v = visit(VIAMECA_VISIT)
    assert v.findings.filter(text__contains="market demand", value__isnull=True).exists()
    pnb = finding(v, subject__slug="partners-in-nuclear-business")
    assert pnb.value is None and "one pole of competitiveness for nuclear energy" in pnb.text


def test_mayer_group_france_is_a_medium_company_founded_2001_and_viameca_member():
    mayer = org("mayer-group-france")
    assert (mayer.kind, mayer.city, mayer.founded, mayer.company_size) == (
        Organisation.Kind.COMPANY,
        "Saint-Étienne",
        2001,
        Organisation.CompanySize.MEDIUM,
    )
    assert Membership.objects.filter(group__slug="viameca", member=mayer, role=Membership.Role.MEMBER).exists()


def test_areva_is_anchor_of_the_burgundy_nuclear_pole_pnb():
    pnb = org("partners-in-nuclear-business")
    assert (pnb.kind, pnb.acronym, pnb.region, pnb.country) == (Organisation.Kind.POLE, "PNB", "Burgundy", "FR")
    anchor = Membership.objects.get(group=pnb, role=Membership.Role.ANCHOR)
    assert anchor.member.name == "Areva"


def test_viameca_people_met_philippe_bertrand_and_arnaud_montebourg():
    v = visit(VIAMECA_VISIT)
    bertrand = v.participants.get(person_name="Philippe Bertrand")
    assert bertrand.role == Participant.Role.SPEAKER and bertrand.organisation.slug == "viameca"
    assert "international cooperation" in bertrand.position
    montebourg = v.participants.get(person_name="Arnaud Montebourg")
    assert "Industry Minister" in montebourg.position


def test_zheleznogorsk_cluster_has_its_russian_name_and_topics():
    cluster = org("innovation-technologies-cluster-zheleznogorsk")
    cyrillic = cluster.alternative_names.get(language="ru")
    assert cyrillic.name == "Кластер инновационных технологий ЗАТО г. Железногорск"
    assert cyrillic.kind == AlternativeName.Kind.TRANSLITERATION
    assert {"radiation technologies", "space technologies"} <= set(cluster.tags.names())
    assert slugs(visit(VIAMECA_VISIT).ecosystems) >= {"aerospace-and-defence"}


def test_trade_union_federation_is_viameca_partner_association():
    union = org("trade-union-federation-of-mechanical-engineers")
    assert union.kind == Organisation.Kind.ASSOCIATION
    assert Membership.objects.filter(group__slug="viameca", member=union, role=Membership.Role.PARTNER).exists()


# --------------------------------------------------------------------------------------------------
# Seed 001 — EU-Russia cluster workshop, Düsseldorf, 1 October 2014
# --------------------------------------------------------------------------------------------------

WORKSHOP = "eu-russia-cluster-workshop-duesseldorf-2014"


def test_duesseldorf_workshop_is_organised_by_zenit_within_bilat_rus_advanced():
    v = visit(WORKSHOP)
    assert v.kind == Visit.Kind.WORKSHOP
    assert (v.start_date, v.end_date, v.city, v.country) == (D(2014, 10, 1), None, "Düsseldorf", "DE")
    assert v.organiser.slug == "zenit" and v.organiser.kind == Organisation.Kind.AGENCY
    assert v.project.name == "BILAT RUS Advanced"
    assert ProjectPartner.objects.filter(project=v.project, organisation__slug="zenit").exists()


def test_duesseldorf_workshop_had_40_participants_from_four_countries():
    v = visit(WORKSHOP)
    assert v.participants_count == 40
    assert countries(v.participant_countries) == {"DE", "RU", "AT", "FR"}


def test_duesseldorf_workshop_had_seven_russian_and_three_eu_clusters():
    v = visit(WORKSHOP)
    assert v.participants.get(group="Russian clusters").count == 7
    assert v.participants.get(group="Russian clusters").country == "RU"
    assert v.participants.get(group="EU clusters").count == 3


def test_duesseldorf_workshop_co_organiser_and_two_supporting_ministries():
    v = visit(WORKSHOP)
    assert v.participants.get(role=Participant.Role.CO_ORGANISER).organisation.slug == "nrw-cluster-secretariat"
    supporters = v.participants.filter(role=Participant.Role.SUPPORTER)
    assert {p.organisation.kind for p in supporters} == {Organisation.Kind.AUTHORITY}
    assert {p.organisation.name for p in supporters} == {
        "Ministry of Economic Affairs, Energy and Industry of North Rhine-Westphalia",
        "Ministry for Innovation, Science and Research of North Rhine-Westphalia",
    }


def test_fasie_has_bilateral_agreements_with_germany_finland_and_france():
    fasie = instrument("fasie-small-innovative-enterprises")
    assert countries(fasie.bilateral_partner_countries) == {"DE", "FI", "FR"}
    assert (fasie.kind, fasie.level) == (Instrument.Kind.GRANT, Instrument.Level.NATIONAL)
    assert fasie.managing_body.name == "Foundation for Assistance to Small Innovative Enterprises"
    assert fasie.managing_body.country == "RU"
    assert fasie.eligibilities.get().beneficiary_type == "sme"


def test_eureka_is_multilateral_and_the_eu_is_just_a_member():
    eureka = instrument("eureka")
    assert (eureka.kind, eureka.level) == (Instrument.Kind.GRANT, Instrument.Level.MULTILATERAL)
    assert Membership.objects.filter(
        group=eureka.managing_body, member__slug="european-commission", role=Membership.Role.MEMBER
    ).exists()
    assert "independent" in eureka.description


def test_horizon_2020_and_cosme_fund_cluster_development_and_collaboration():
    for slug in ("horizon-2020", "cosme"):
        i = instrument(slug)
        assert i.level == Instrument.Level.EU and i.managing_body.slug == "european-commission"
        assert "Cluster collaboration" in i.eligible_activities
        assert i.eligibilities.filter(beneficiary_type="cluster_organisation").exists()


def test_russian_pilot_cluster_programme_25_clusters_about_50_million_euro():
    programme = instrument("russian-pilot-clusters-programme")
    assert (programme.budget, programme.budget_is_approximate, programme.currency) == (Decimal(50_000_000), True, "EUR")
    assert programme.level == Instrument.Level.NATIONAL and countries(programme.eligible_countries) == {"RU"}
    v = visit(WORKSHOP)
    assert finding(v, value=25).unit == Finding.Unit.COUNT
    money = finding(v, unit=Finding.Unit.EUR)
    assert money.value == 50_000_000 and money.is_approximate


def test_russian_clusters_lack_smes_and_nrw_clusters_won_a_competition():
    v = visit(WORKSHOP)
    assert v.findings.filter(text__contains="too few SMEs").exists()
    nrw = finding(v, subject__slug="nrw-cluster-secretariat")
    assert "competition" in nrw.text and "management structures" in nrw.text


def test_duesseldorf_partners_clib_bach_airr_rvc():
    clib = org("clib-2021")
    assert (clib.kind, clib.country) == (Organisation.Kind.CLUSTER, "DE")
    partners = {m.member.slug for m in clib.member_links.filter(role=Membership.Role.PARTNER)}
    assert partners == {"a-n-bach-institute", "airr"}
    assert org("a-n-bach-institute").kind == Organisation.Kind.RESEARCH
    airr = org("airr")
    assert airr.name == "Agency of Innovative Regions in Russia" and airr.acronym == "AIRR"
    assert "Association of Innovative Regions of Russia" in alt_names(airr)
    rvc = org("russian-venture-company")
    assert (rvc.kind, rvc.acronym) == (Organisation.Kind.FINANCIAL, "RVC")
    assert "not wholly owned by the state" in rvc.description


def test_duesseldorf_interest_in_biotech_and_medicine_and_follow_ups():
    v = visit(WORKSHOP)
    assert {"biotechnology", "medicine"} <= set(v.tags.names())
    assert v.findings.filter(text__contains="biotech and medicine").exists()
    owners = set(v.follow_ups.values_list("owner__slug", flat=True))
    assert {"nrw-cluster-secretariat", "clusterland-oberosterreich"} <= owners


def test_clusterland_oberosterreich_offers_cluster_management_training():
    clusterland = org("clusterland-oberosterreich")
    assert clusterland.country == "AT"
    assert "cluster management training" in clusterland.tags.names()
    assert finding(visit(WORKSHOP), subject=clusterland)
