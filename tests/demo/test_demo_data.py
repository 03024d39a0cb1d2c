"""The demo data set: loading it is idempotent and valid, and it holds the facts of the five seed
documents in /work/shared/seeds (a checklist of seed facts, at least five per seed).

The session fixture in tests/conftest.py has already run ``load_demo`` into the test database.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db.models import Max
from taggit.models import Tag, TaggedItem

from clusters.models import AlternativeName, ContactPerson, Label, Membership, Organisation
from core.models import DatePrecision
from funding.models import BeneficiaryType, Call, Eligibility, Instrument, Project, ProjectPartner
from visits.models import Finding, FollowUp, Participant, Visit

pytestmark = pytest.mark.django_db

D = dt.date


def org(slug: str) -> Organisation:
    return Organisation.objects.get(slug=slug)


def visit(slug: str) -> Visit:
    return Visit.objects.get(slug=slug)


def instrument(slug: str) -> Instrument:
    return Instrument.objects.get(slug=slug)


def project(slug: str) -> Project:
    return Project.objects.get(slug=slug)


def slugs(queryset) -> set[str]:
    return set(queryset.values_list("slug", flat=True))


def countries(value) -> set[str]:
    return {c.code for c in value}


def finding(v: Visit, **lookup) -> Finding:
    return v.findings.get(**lookup)


def alt_names(o: Organisation) -> set[str]:
    return set(o.alternative_names.values_list("name", flat=True))


# --------------------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------------------


def demo_models():
    """Every concrete model of the three apps (with auto-created M2M tables) plus taggit's."""
    models = [
        m
        for label in ("clusters", "visits", "funding")
        for m in apps.get_app_config(label).get_models(include_auto_created=True)
    ]
    return [*models, Tag, TaggedItem]


def snapshot():
    state = {}
    for model in demo_models():
        qs = model._default_manager.all()
        has_updated_at = any(f.name == "updated_at" for f in model._meta.concrete_fields)
        state[model._meta.label] = (qs.count(), qs.aggregate(m=Max("updated_at"))["m"] if has_updated_at else None)
    return state


def test_load_demo_twice_changes_nothing():
    before = snapshot()
    call_command("load_demo", verbosity=0)
    assert snapshot() == before


def test_load_demo_prints_a_summary(capsys):
    call_command("load_demo", verbosity=1)
    out = capsys.readouterr().out
    assert "Demo data loaded (created 0, updated 0, deleted 0)" in out
    assert "organisations:" in out and "visits:" in out and "instruments:" in out


def test_load_demo_is_silent_at_verbosity_zero(capsys):
    call_command("load_demo", verbosity=0)
    assert capsys.readouterr().out == ""


def test_every_demo_record_passes_full_clean():
    checked = 0
    for model in demo_models():
        if model._meta.auto_created or model in (Tag, TaggedItem) or model.__name__.startswith("Historical"):
            continue  # history rows record edits; they are not demo records
        for obj in model._default_manager.all():
            obj.full_clean()
            checked += 1
    assert checked > 300


def test_the_demo_covers_every_kind_of_record():
    for model in (Organisation, AlternativeName, Label, Membership, ContactPerson, Visit, Participant, Finding,
                  FollowUp, Instrument, Eligibility, Call, Project, ProjectPartner):  # fmt: skip
        assert model.objects.exists(), model.__name__
    assert Visit.objects.filter(stops__isnull=False).exists()


def test_every_demo_visit_is_published_with_a_summary():
    assert not Visit.objects.exclude(status=Visit.Status.PUBLISHED).exists()
    assert not Visit.objects.filter(summary="").exists()
    assert not Visit.objects.filter(published_at__isnull=True).exists()


def test_every_report_not_in_english_has_an_english_summary():
    assert Visit.objects.exclude(language="en").exists()
    assert not Visit.objects.exclude(language="en").filter(summary_en="").exists()


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
