"""Seed 001: the EU-Russia cluster workshop in Düsseldorf, 1 October 2014, organised by ZENIT
within the BILAT RUS Advanced project; funding instruments presented there."""

import datetime as dt

from clusters.models import Membership, Organisation
from demo.records import shared
from demo.records.base import ACRONYM, SCRIPT, SPELLING, TRANSLATION, DemoLoader
from funding.models import BeneficiaryType, Instrument
from visits.models import Finding, FollowUp, Participant, Visit

VISIT = "eu-russia-cluster-workshop-duesseldorf-2014"
PROJECT = "bilat-rus-advanced"
ZENIT = "zenit"
SECRETARIAT = "nrw-cluster-secretariat"
MIN_ECONOMY = "nrw-ministry-economic-affairs-energy-industry"
MIN_SCIENCE = "nrw-ministry-innovation-science-research"
CLIB = "clib-2021"
BACH = "a-n-bach-institute"
AIRR = "airr"
RVC = "russian-venture-company"
CLUSTERLAND = "clusterland-oberosterreich"
FASIE_ORG = "fasie"
EUREKA_ORG = "eureka-network"

FASIE = "fasie-small-innovative-enterprises"
EUREKA = "eureka"
H2020 = "horizon-2020"
COSME = "cosme"
PILOT_CLUSTERS = "russian-pilot-clusters-programme"

NRW = "North Rhine-Westphalia"
SOURCE = "ZENIT: report on the EU-Russia Cluster Workshop, Düsseldorf, 1 October 2014 (BILAT RUS Advanced)"
# What the workshop presented as running is dated by it: an instrument's status reads "Active as of
# Oct 2014, per ...", never "Active" today (core.provenance).
AS_OF = {"status_as_of": dt.date(2014, 10, 1), "status_source": "ZENIT workshop report, Düsseldorf"}


def load(d: DemoLoader) -> None:
    ec = d.get_org(shared.EC)
    zenit = d.org(
        ZENIT,
        "ZENIT",
        Organisation.Kind.AGENCY,
        country="DE",
        region=NRW,
        alt=[
            ("Center for Innovation and Technology in NRW", TRANSLATION, "en"),
            ("Zentrum für Innovation und Technik in Nordrhein-Westfalen", TRANSLATION, "de"),
        ],
        description="Innovation and technology centre of North Rhine-Westphalia; the NRW partner of the BILAT RUS "
        "Advanced project, for which it organised the EU-Russia cluster workshop of October 2014.",
        tags=["innovation support", "eu-russia cooperation"],
    )
    secretariat = d.org(
        SECRETARIAT,
        "NRW cluster secretariat",
        Organisation.Kind.AGENCY,
        country="DE",
        region=NRW,
        alt=[
            ("Clustersekretariat NRW", TRANSLATION, "de"),
            ("Cluster secretariat North Rhine-Westphalia", SPELLING, "en"),
        ],
        description=(
            "Secretariat of the North Rhine-Westphalian clusters. NRW clusters obtained public money for their "
            "management structures by winning a competition, raised private funds from their companies as "
            "well, and have driven structural change in the region. They welcome visits and exchanges."
        ),
        tags=["cluster policy"],
    )
    min_economy = d.org(
        MIN_ECONOMY,
        "Ministry of Economic Affairs, Energy and Industry of North Rhine-Westphalia",
        Organisation.Kind.AUTHORITY,
        country="DE",
        region=NRW,
        description="Regional ministry; one of the two NRW ministries that backed the EU-Russia cluster workshop of "
        "2014.",
    )
    min_science = d.org(
        MIN_SCIENCE,
        "Ministry for Innovation, Science and Research of North Rhine-Westphalia",
        Organisation.Kind.AUTHORITY,
        country="DE",
        region=NRW,
        description="Regional ministry; one of the two NRW ministries that backed the EU-Russia cluster workshop of "
        "2014.",
    )
    clib = d.org(
        CLIB,
        "Clib 2021",
        Organisation.Kind.CLUSTER,
        country="DE",
        alt=[("CLIB2021", SPELLING, "de"), ("CLIB 2021", SPELLING, "de")],
        description=(
            "German biotechnology cluster, presented as a best practice of EU-Russia cooperation: its success "
            "over the years rests on close ties with the A.N. Bach Institute and AIRR in Russia. It supported "
            "SMEs, and its industry members worked out their future needs."
        ),
        tags=["biotechnology"],
        ecosystems=["health"],
        target_countries=["RU"],
    )
    bach = d.org(
        BACH,
        "A.N. Bach Institute",
        Organisation.Kind.RESEARCH,
        country="RU",
        alt=[
            ("A.N.Bach Institute", SPELLING, "en"),
            ("Bach Institute of Biochemistry", TRANSLATION, "en"),
            ("Институт биохимии им. А.Н. Баха", SCRIPT, "ru"),
        ],
        description="Russian research institute (biochemistry); long-standing partner of the Clib 2021 cluster.",
        tags=["biotechnology"],
        ecosystems=["health"],
    )
    airr = d.org(
        AIRR,
        "Agency of Innovative Regions in Russia",
        Organisation.Kind.ASSOCIATION,
        acronym="AIRR",
        country="RU",
        alt=[
            ("AIRR", ACRONYM, "en"),
            ("Association of Innovative Regions of Russia", TRANSLATION, "en"),
            ("Ассоциация инновационных регионов России", SCRIPT, "ru"),
            ("АИРР", ACRONYM, "ru"),
        ],
        description=(
            "Russian body bringing together innovative regions, named in the workshop report as the Agency of "
            "Innovative Regions in Russia (its usual English name is Association of Innovative Regions of "
            "Russia). Long-standing Russian partner of the Clib 2021 cluster."
        ),
    )
    rvc = d.org(
        RVC,
        "Russian Venture Company",
        Organisation.Kind.FINANCIAL,
        acronym="RVC",
        country="RU",
        alt=[("RVC", ACRONYM, "en"), ("Российская венчурная компания", SCRIPT, "ru"), ("РВК", ACRONYM, "ru")],
        description=(
            "Russian development company, not wholly owned by the state. It sets out to get investment funds "
            "created and to build ecosystems, cluster cooperation among them, and aims to be a one-stop service "
            "centre for Russian and foreign partners."
        ),
        tags=["venture capital"],
    )
    clusterland = d.org(
        CLUSTERLAND,
        "Clusterland Oberösterreich",
        Organisation.Kind.AGENCY,
        country="AT",
        region="Upper Austria",
        alt=[("Clusterland Upper Austria", TRANSLATION, "en"), ("Clusterland Oberoesterreich", SPELLING, "de")],
        description="Upper Austrian cluster organisation that offers training for cluster managers.",
        tags=["cluster management training"],
    )
    fasie_org = d.org(
        FASIE_ORG,
        "Foundation for Assistance to Small Innovative Enterprises",
        Organisation.Kind.FINANCIAL,
        acronym="FASIE",
        country="RU",
        alt=[
            ("FASIE", ACRONYM, "en"),
            ("Фонд содействия развитию малых форм предприятий в научно-технической сфере", SCRIPT, "ru"),
        ],
        description="Russian state foundation funding small innovative enterprises.",
    )
    eureka_org = d.org(
        EUREKA_ORG,
        "EUREKA",
        Organisation.Kind.NETWORK,
        description="Intergovernmental network for joint research and innovation projects between countries. It is "
        "independent of the EU, which is one of its members.",
    )
    d.member(eureka_org, ec, Membership.Role.MEMBER, note="The EU is a member of EUREKA, which is independent of it.")
    d.member(clib, bach, Membership.Role.PARTNER, note="Long-standing Russian partner.")
    d.member(clib, airr, Membership.Role.PARTNER, note="Long-standing Russian partner.")

    d.instrument(
        FASIE,
        **AS_OF,
        name="FASIE support for small innovative enterprises",
        acronym="FASIE",
        kind=Instrument.Kind.GRANT,
        level=Instrument.Level.NATIONAL,
        managing_body=fasie_org,
        eligible_countries=["RU"],
        bilateral_partner_countries=["DE", "FI", "FR"],
        description=(
            "Russian programme for small innovative enterprises. Presented in Düsseldorf in 2014 as a tool for "
            "EU-Russia cluster cooperation; by then it had bilateral cooperation agreements with Germany, "
            "Finland and France."
        ),
        eligibilities=[(BeneficiaryType.SME, "Small innovative enterprises.")],
        tags=["innovation", "eu-russia cooperation"],
    )
    d.instrument(
        EUREKA,
        **AS_OF,
        name="EUREKA",
        kind=Instrument.Kind.GRANT,
        level=Instrument.Level.MULTILATERAL,
        managing_body=eureka_org,
        eligible_activities=["Joint transnational projects that end with a product to deliver"],
        description=(
            "Instrument that pools several countries around joint projects. EUREKA is independent; the EU is "
            "only one member. Its projects are valued for transnational collaboration, innovation and market "
            "orientation, and a bottom-up approach: each project must end with a product."
        ),
        tags=["transnational cooperation", "market orientation", "bottom-up"],
    )
    d.instrument(
        H2020,
        **AS_OF,
        name="Horizon 2020",
        acronym="H2020",
        kind=Instrument.Kind.GRANT,
        level=Instrument.Level.EU,
        managing_body=ec,
        eligible_activities=["Cluster development", "Cluster collaboration"],
        description="EU research and innovation programme. It includes calls that fund cluster development or "
        "cluster collaboration, cluster policy being one of the Commission's ways to fund SMEs.",
        eligibilities=[(BeneficiaryType.CLUSTER_ORGANISATION, "Calls for cluster development or collaboration."),
                       (BeneficiaryType.SME, "Cluster policy is a vehicle to fund SMEs.")],
        tags=["cluster policy"],
    )  # fmt: skip
    d.instrument(
        COSME,
        **AS_OF,
        name="COSME",
        kind=Instrument.Kind.GRANT,
        level=Instrument.Level.EU,
        managing_body=ec,
        eligible_activities=["Cluster development", "Cluster collaboration"],
        description="EU programme for the competitiveness of enterprises and SMEs. Like Horizon 2020 it has calls "
        "for cluster development or collaboration.",
        eligibilities=[(BeneficiaryType.CLUSTER_ORGANISATION, "Calls for cluster development or collaboration."),
                       (BeneficiaryType.SME, "Cluster policy is a vehicle to fund SMEs.")],
        tags=["cluster policy"],
    )  # fmt: skip
    d.instrument(
        PILOT_CLUSTERS,
        **AS_OF,
        name="Russian pilot clusters programme",
        kind=Instrument.Kind.GRANT,
        level=Instrument.Level.NATIONAL,
        eligible_countries=["RU"],
        budget=50_000_000,
        budget_is_approximate=True,
        currency="EUR",
        description=(
            "Federal competition of the Russian Federation whose winners, 25 pilot clusters, receive about "
            "50 million euro. Backing from the cluster's regional authorities is a precondition."
        ),
        eligibilities=[(BeneficiaryType.CLUSTER_ORGANISATION, "Needs the support of its regional authorities.")],
        tags=["cluster policy", "pilot clusters"],
    )

    project = d.project(
        PROJECT,
        name="BILAT RUS Advanced",
        partners=[{"organisation": zenit, "responsibility": "NRW partner; organised the 2014 cluster workshop"}],
        partner_countries=["DE"],
        description="Project for EU-Russia cooperation in research and innovation. Its NRW partner ZENIT held an "
        "EU-Russia cluster workshop in Düsseldorf in 2014.",
        tags=["eu-russia cooperation"],
    )

    visit = d.visit(
        VISIT,
        title="EU-Russia Cluster Workshop: Increasing Cooperation Potential, especially in Biotech and Medicine",
        kind=Visit.Kind.WORKSHOP,
        start_date=dt.date(2014, 10, 1),
        city="Düsseldorf",
        region=NRW,
        country="DE",
        organiser=zenit,
        project=project,
        purpose=(
            "Present each side's cluster model as a basis for working together; find Russian and European "
            "clusters keen on joint projects; help Russian clusters network with European ones."
        ),
        summary=(
            "One-day workshop in Düsseldorf with 40 cluster, research and policy representatives from "
            "Germany, Russia, Austria and France, among them seven Russian clusters and three EU clusters. "
            "Speakers covered Russian and NRW cluster policy, the FASIE, EUREKA, Horizon 2020 and COSME "
            "instruments, and good practice such as Clib 2021 and the Russian Venture Company. Russian regions "
            "see most potential in biotech and medicine."
        ),
        report=REPORT,
        language="en",
        source_citation=SOURCE,
        participants_count=40,
        participant_countries=["DE", "RU", "AT", "FR"],
        hosts=[zenit],
        tags=["biotechnology", "medicine", "cluster policy", "eu-russia cooperation", "funding"],
        ecosystems=["health"],
    )

    d.stop(
        visit,
        1,
        date=dt.date(2014, 10, 1),
        host=zenit,
        place="Düsseldorf",
        country="DE",
        description="Talks on cluster policy, funding instruments and good practice, then a wrap-up of outcomes.",
    )

    d.participant(visit, Participant.Role.ORGANISER, organisation=zenit, country="DE")
    d.participant(visit, Participant.Role.CO_ORGANISER, organisation=secretariat, country="DE")
    d.participant(visit, Participant.Role.SUPPORTER, organisation=min_economy, country="DE")
    d.participant(visit, Participant.Role.SUPPORTER, organisation=min_science, country="DE")
    d.participant(visit, Participant.Role.ATTENDEE, group="Russian clusters", count=7, country="RU")
    d.participant(visit, Participant.Role.ATTENDEE, group="EU clusters", count=3)
    d.participant(visit, Participant.Role.ATTENDEE, group="Representatives of Russian regions", country="RU")
    d.participant(visit, Participant.Role.SPEAKER, organisation=clib, country="DE")
    d.participant(visit, Participant.Role.SPEAKER, organisation=rvc, country="RU")

    d.findings(
        visit,
        [
            {
                "text": "After a national competition, Russia was financing pilot clusters by 2014.",
                "figure_label": "Russian pilot clusters financed",
                "value": 25,
                "unit": Finding.Unit.COUNT,
            },
            {
                "text": "The Russian pilot clusters share roughly 50 million euro.",
                "figure_label": "Funding of the Russian pilot clusters",
                "value": 50_000_000,
                "unit": Finding.Unit.EUR,
                "is_approximate": True,
            },
            {
                "text": "A Russian cluster needs its regional authorities behind it to take part; the clusters are "
                "keen on international cooperation.",
            },
            {"text": "The one weak spot of the Russian clusters in 2014: they had too few SMEs."},
            {
                "text": "NRW clusters also won a competition and were funded for their management structures; "
                "their companies add private money, and the clusters have pushed structural change in NRW.",
                "subject": secretariat,
            },
            {
                "text": "FASIE funds small innovative enterprises and has bilateral cooperation agreements with "
                "Germany, Finland and France.",
                "subject": fasie_org,
            },
            {
                "text": "EUREKA is independent of the EU (the EU is only a member); its projects are transnational, "
                "market-oriented, bottom-up and must deliver a product.",
                "subject": eureka_org,
            },
            {
                "text": "For the European Commission cluster policy is a way to fund SMEs; Horizon 2020 and COSME "
                "both have calls for cluster development or collaboration.",
                "subject": ec,
            },
            {
                "text": "Clib 2021 owes its lasting success to good relations with the A.N. Bach Institute and "
                "AIRR; it supported SMEs and its industry members identified future needs.",
                "subject": clib,
            },
            {
                "text": "The Russian Venture Company, not wholly state-owned, initiates funds and builds ecosystems "
                "such as cluster cooperation, and wants to be a one-stop shop for Russian and foreign partners.",
                "subject": rvc,
            },
            {
                "text": "Given the political situation it was hard to bring in European clusters that had earlier "
                "shown interest in Russia; only three EU clusters came.",
            },
            {
                "text": "Russian regional representatives found the workshop useful and see the best prospects for "
                "cooperation in biotech and medicine. Agreements were at an early stage and needed time and "
                "face-to-face contact to move forward.",
            },
            {
                "text": "Cluster managers can be trained: Clusterland Oberösterreich offers cluster management "
                "training.",
                "subject": clusterland,
            },
        ],
    )

    d.follow_up(
        visit,
        "Visits and exchanges with NRW clusters, which are open to them",
        owner=secretariat,
        status=FollowUp.Status.PLANNED,
    )
    d.follow_up(
        visit,
        "Cluster management training for Russian cluster managers at Clusterland Oberösterreich",
        owner=clusterland,
        status=FollowUp.Status.PLANNED,
    )
    d.follow_up(
        visit,
        "Take EU-Russia cluster agreements to the next level through face-to-face meetings (biotech, medicine)",
        status=FollowUp.Status.PLANNED,
    )


REPORT = """\
**Organiser:** ZENIT, NRW partner of BILAT RUS Advanced, with the NRW cluster secretariat, backed by
the NRW Ministry of Economic Affairs, Energy and Industry and the NRW Ministry for Innovation,
Science and Research. **Attendance:** 40 people from Germany, Russia, Austria and France.

### Cluster policy
* **Russia** ran a competition: 25 pilot clusters shared about 50 million euro. Regional
  backing was a precondition; the clusters wanted international partners but lacked SMEs.
* **North Rhine-Westphalia**: clusters also won a competition, received money for their
  management and raised private funds from their companies; they have driven structural change.

### Funding instruments
* **FASIE** — for small innovative enterprises; bilateral agreements with Germany, Finland, France.
* **EUREKA** — independent multi-country scheme (the EU is a member): transnational, market-driven,
  bottom-up projects that must end in a product.
* **Horizon 2020** and **COSME** — EU calls for cluster development and collaboration.

### Good practice
* **Clib 2021** — years of cooperation with the A.N. Bach Institute and AIRR.
* **Russian Venture Company** — not wholly state-owned; sets up funds, builds ecosystems, wants to
  be a one-stop shop.

### Outcomes
Seven Russian clusters came, but only three EU clusters, the political climate having put others
off. Russian regions judged the day useful and saw potential in biotech and medicine; agreements
were young. NRW clusters were open to visits, and Clusterland Oberösterreich offered training for
cluster managers.
"""
