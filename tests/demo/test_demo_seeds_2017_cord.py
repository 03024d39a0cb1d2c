"""The facts of seeds 002 (CLUSTEM, 2017) and 003 (Clusters-Cord newsletter) in the demo data.

The session fixture in tests/conftest.py has already run ``load_demo`` into the test database;
the seeds are in /work/shared/seeds.
"""

import datetime as dt
from decimal import Decimal

import pytest

from clusters.models import Label, Membership, Organisation
from core.models import DatePrecision
from funding.models import Instrument, ProjectPartner
from tests.demo.seed_lookups import alt_names, countries, finding, instrument, org, project, slugs, visit
from visits.models import Finding, Participant, Visit

pytestmark = pytest.mark.django_db

D = dt.date


# --------------------------------------------------------------------------------------------------
# Seed 002 — İŞİM visits French gold-label clusters (CLUSTEM), news item of 21 July 2017, Turkish
# --------------------------------------------------------------------------------------------------

CLUSTEM_VISIT = "isim-clustem-gold-label-clusters-france-2017"


def test_turkish_report_is_language_tr_with_an_english_summary():
    v = visit(CLUSTEM_VISIT)
    assert v.language == "tr"
    assert "Fransa" in v.title and "kümeleri" in v.title
    assert "altın etiket" in v.report and "Kopenhag" in v.report
    assert "375" in v.summary_en and "Ankara" in v.summary_en
    # Our own words, not the news item's sentences.
    assert "Fransa'daki altın markalı kümeleri ziyaret etti" not in v.summary + v.report


def test_clustem_visit_dates_known_to_the_month_and_source_dated_21_july_2017():
    v = visit(CLUSTEM_VISIT)
    assert (v.start_date, v.date_precision, v.source_date) == (D(2017, 7, 1), DatePrecision.MONTH, D(2017, 7, 21))
    assert v.kind == Visit.Kind.STUDY_VISIT and v.project.slug == "clustem"


def test_isim_delegation_coordinator_and_project_expert():
    v = visit(CLUSTEM_VISIT)
    assert slugs(v.delegation) == {"isim"}
    people = dict(v.participants.exclude(person_name="").values_list("person_name", "position"))
    assert people == {"Fevzi Gökalp": "Coordinator", "Esma Akyüz": "Project expert"}
    partner_groups = v.participants.filter(group__startswith="CLUSTEM partner clusters")
    assert {p.country.code for p in partner_groups} == {"GB", "IT", "ES"}


def test_isim_names_with_and_without_diacritics():
    isim = org("isim")
    assert (isim.name, isim.country, isim.kind) == ("İŞİM", "TR", Organisation.Kind.CLUSTER)
    assert {"ISIM", "İş ve İnşaat Makineleri Kümelenmesi"} <= alt_names(isim)


def test_pole_vehicule_du_futur_has_375_members_split_58_22_20():
    pvf = org("pole-vehicule-du-futur")
    assert pvf.name == "Pôle Véhicule du Futur" and pvf.kind == Organisation.Kind.POLE
    assert (pvf.members_count, pvf.members_small_pct, pvf.members_medium_pct, pvf.members_large_pct) == (
        375,
        58,
        22,
        20,
    )
    values = set(Finding.objects.filter(subject=pvf).exclude(value=None).values_list("value", flat=True))
    assert {Decimal(375), Decimal(58), Decimal(22), Decimal(20), Decimal(15)} <= values


def test_cluster_approved_projects_get_15_percent_extra_grant_and_yearly_state_contract():
    pvf = org("pole-vehicule-du-futur")
    extra = Finding.objects.get(subject=pvf, figure_label="Extra grant for cluster-approved projects")
    assert (extra.value, extra.unit) == (15, Finding.Unit.PERCENT)
    assert Finding.objects.filter(subject=pvf, text__contains="yearly contract").exists()


def test_techtera_lyon_first_gold_label_textile_cluster_founded_2005_state_pays_70_percent():
    techtera = org("techtera")
    assert (techtera.city, techtera.founded, techtera.public_funding_pct) == ("Lyon", 2005, 70)
    assert "First textile cluster" in techtera.labels.get(kind=Label.Kind.ESCA_GOLD).note
    polytech = Membership.objects.get(group=techtera, role=Membership.Role.PARTNER).member
    assert (polytech.city, polytech.kind) == ("Lyon", Organisation.Kind.RESEARCH)
    assert Finding.objects.get(subject=techtera, unit=Finding.Unit.PERCENT).value == 70


def test_three_french_clusters_hold_the_esca_gold_label_with_unknown_expiry():
    gold = Label.objects.filter(kind=Label.Kind.ESCA_GOLD)
    assert set(gold.values_list("organisation__slug", flat=True)) == {
        "pole-vehicule-du-futur",
        "textile-alsace",
        "techtera",
    }
    assert not gold.exclude(valid_until=None).exists()
    assert org("textile-alsace").city == "Mulhouse"


def test_clustem_project_partners_from_turkey_uk_italy_spain():
    clustem = project("clustem")
    assert countries(clustem.partner_countries) == {"TR", "GB", "IT", "ES"}
    assert slugs(clustem.partners) == {"isim"}


def test_clustem_follow_ups_copenhagen_hamburg_and_closing_meeting_in_ankara():
    v = visit(CLUSTEM_VISIT)
    actions = " | ".join(v.follow_ups.values_list("action", flat=True))
    assert "Copenhagen" in actions and "Hamburg" in actions
    closing = v.follow_ups.get(action__contains="Ankara")
    assert (closing.owner.slug, closing.due_date, closing.due_precision) == ("isim", D(2017, 12, 1), "month")


# --------------------------------------------------------------------------------------------------
# Seed 003 — Clusters-Cord newsletter no. 3 (Central Europe, 2011-2012)
# --------------------------------------------------------------------------------------------------

CONFERENCE = "clusters-cord-benchmarking-conference-milan"


def test_clusters_cord_runs_2011_2012_known_to_the_year():
    p = project("clusters-cord")
    assert (p.start_date.year, p.end_date.year, p.date_precision) == (2011, 2012, DatePrecision.YEAR)
    assert "About 30 clusters" in p.description


def test_clusters_cord_partner_codes():
    codes = dict(
        ProjectPartner.objects.filter(project__slug="clusters-cord").values_list("organisation__slug", "partner_code")
    )
    assert codes["mid-pannon"] == "PP5"
    assert codes["upper-austrian-chamber-of-commerce"] == "PP7"
    assert codes["milano-metropoli"] == "PP8"
    assert codes["rda-arleg"] == "PP9"
    assert codes["cvvi"] == "PP10"
    assert "rda-piestany" in codes
    milano = ProjectPartner.objects.get(project__slug="clusters-cord", organisation__slug="milano-metropoli")
    assert milano.responsibility == "WP4 leader"
    assert countries(project("clusters-cord").partner_countries) == {"IT", "SK", "HU", "AT", "PL", "CZ"}


def test_milano_metropoli_contact_lines():
    m = org("milano-metropoli")
    assert (m.website, m.email, m.phone, m.fax) == (
        "http://www.milanomet.it/",
        "info@milanomet.it",
        "+39224126540",
        "+39224126541",
    )
    assert "Via Venezia 23" in m.address and "20099" in m.address
    founders = {x.member.slug for x in m.member_links.filter(role=Membership.Role.FOUNDER)}
    assert founders == {"province-of-milan", "milan-chamber-of-commerce"}


def test_rda_piestany_founded_2008_by_three_with_progresit_joining_2011():
    rda = org("rda-piestany")
    assert (rda.name, rda.founded, rda.city) == ("Regional Development Agency Piešťany", 2008, "Piešťany")
    assert (rda.email, rda.phone, rda.fax) == ("pnrra.piestany@gmail.com", "+421 911 285 131", "+421 33 76 222 57")
    assert rda.website == "http://www.pnrra.sk/" and "Kukučínova 1672/21" in rda.address
    founders = rda.member_links.filter(role=Membership.Role.FOUNDER)
    assert {f.member.name for f in founders} == {
        "Trnava Self-Governing Region",
        "Town Piešťany",
        "Trnavská rozvojová spoločnosť",
    }
    assert set(founders.values_list("since", flat=True)) == {2008}
    progresit = rda.member_links.get(member__slug="progresit")
    assert (progresit.role, progresit.since) == (Membership.Role.MEMBER, 2011)
    assert "RDA Piestany" in alt_names(rda)


def test_milan_benchmarking_conference_113_participants_five_sectors_three_sessions():
    v = visit(CONFERENCE)
    assert (v.kind, v.participants_count, v.city, v.organiser.slug) == (
        Visit.Kind.CONFERENCE,
        113,
        "Milan",
        "milano-metropoli",
    )
    assert (v.start_date.year, v.date_precision) == (2011, DatePrecision.YEAR)
    assert {"energy & environment", "tourism", "health", "food", "ict"} <= set(v.tags.names())
    assert v.stops.count() == 3
    assert finding(v, figure_label="Sectors").value == 5
    assert finding(v, figure_label="Cluster managers present (more than)").value == 30


def test_three_exchange_forums_planned_as_follow_ups_of_the_milan_conference():
    linz = visit("clusters-cord-exchange-forum-linz-2012")
    assert (linz.start_date, linz.end_date, linz.city, linz.kind) == (
        D(2012, 2, 21),
        D(2012, 2, 22),
        "Linz",
        Visit.Kind.EXCHANGE_FORUM,
    )
    assert "energy & environment" in linz.tags.names()
    milan = visit("clusters-cord-exchange-forum-milan-2012")
    assert (milan.start_date, milan.date_precision) == (D(2012, 4, 1), DatePrecision.MONTH)
    assert {"food", "tourism"} <= set(milan.tags.names())
    stuttgart = visit("clusters-cord-exchange-forum-stuttgart-2012")
    assert (stuttgart.start_date, stuttgart.date_precision, stuttgart.country) == (D(2012, 6, 1), "month", "DE")
    assert {"ict", "health"} <= set(stuttgart.tags.names())
    outcomes = set(visit(CONFERENCE).follow_ups.exclude(outcome=None).values_list("outcome__slug", flat=True))
    assert outcomes == {linz.slug, milan.slug, stuttgart.slug}


def test_about_30_clusters_involved_and_meta_cluster_concept():
    v = visit(CONFERENCE)
    involved = finding(v, figure_label="Clusters involved in Clusters-Cord")
    assert (involved.value, involved.is_approximate) == (30, True)
    assert v.findings.filter(text__startswith="A meta-cluster is").exists()
    assert v.follow_ups.filter(action__contains="at least three industrial sectors").exists()


def test_mid_pannon_events_observer_meeting_and_vertes_duna_opening():
    observer = visit("central-transdanubian-mid-term-observer-meeting-2011")
    assert observer.organiser.slug == "mid-pannon" and observer.start_date.year == 2011
    assert "Autumn 2011" in observer.summary
    opening = visit("vertes-duna-cluster-opening-conference-2011")
    assert (opening.start_date, opening.date_precision) == (D(2011, 11, 1), DatePrecision.MONTH)
    assert opening.participants.get(organisation__slug="mid-pannon").role == Participant.Role.SPEAKER
    assert org("mid-pannon").region == "Central Transdanubia"


def test_oo_exporttag_2011_linz_14_november():
    v = visit("oo-exporttag-2011")
    assert (v.title, v.start_date, v.city, v.country) == ("OÖ. Exporttag 2011", D(2011, 11, 14), "Linz", "AT")
    assert v.participants.get().organisation.slug == "upper-austrian-chamber-of-commerce"


def test_innovation_festival_finale_milan_26_to_28_february_2012_launches_ecia():
    v = visit("innovation-festival-finale-milan-2012")
    assert (v.start_date, v.end_date, v.city) == (D(2012, 2, 26), D(2012, 2, 28), "Milan")
    assert v.organiser.slug == "province-of-milan"
    assert finding(v, subject__slug="european-creative-industries-alliance")
    assert v.project.instrument.slug == "pro-inno-europe"


def test_arleg_conference_polish_clusters_and_cluster_policy_30_november_2011():
    v = visit("polish-clusters-and-cluster-policy-2011")
    assert (v.title, v.start_date) == ("Polish clusters and cluster policy", D(2011, 11, 30))
    names = set(v.participants.values_list("organisation__name", flat=True))
    assert names == {"Regional Development Agency ARLEG", "SIDE CLUSTER", "NUTRIBIOMED", "ICT Cluster"}


def test_cvvi_technology_cup_for_students():
    cup = instrument("technology-cup")
    assert (cup.kind, cup.managing_body.acronym, cup.url) == (
        Instrument.Kind.PRIZE,
        "CVVI",
        "http://www.technologycup.cz/",
    )
    assert org("cvvi").country == "CZ"
