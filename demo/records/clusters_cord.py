"""Seed 003: newsletter no. 3 of the Clusters-Cord project (Central Europe, 2011-2012): the Milan
benchmarking conference, the meta-cluster idea, partner profiles, planned exchange forums and
partner news."""

import datetime as dt

from clusters.models import Membership, Organisation
from core.models import DatePrecision
from demo.records import shared
from demo.records.base import ACRONYM, SPELLING, TRANSLATION, DemoLoader
from funding.models import BeneficiaryType, Instrument, Project, ProjectPartner
from visits.models import Finding, FollowUp, Participant, Visit

PROJECT = "clusters-cord"
MILANO = "milano-metropoli"
PROVINCE_MILAN = "province-of-milan"
CHAMBER_MILAN = "milan-chamber-of-commerce"
LA_FUCINA = "la-fucina-bic"
LOMBARD_SHIPPING = "lombard-shipping-cluster"
PIESTANY = "rda-piestany"
TRNAVA_REGION = "trnava-self-governing-region"
TOWN_PIESTANY = "town-piestany"
TRS = "trnavska-rozvojova-spolocnost"
PROGRESIT = "progresit"
TRNAVA_NETWORK = "trnava-rda-network"
MID_PANNON = "mid-pannon"
VERTES_DUNA = "vertes-duna-cluster"
UA_CHAMBER = "upper-austrian-chamber-of-commerce"
FOOD_CLUSTER = "lebensmittel-cluster"
ARLEG = "rda-arleg"
SIDE = "side-cluster"
NUTRIBIOMED = "nutribiomed"
ICT_CLUSTER = "ict-cluster-poland"
CVVI = "cvvi"
ECIA = "european-creative-industries-alliance"

CONFERENCE = "clusters-cord-benchmarking-conference-milan"
FORUM_LINZ = "clusters-cord-exchange-forum-linz-2012"
FORUM_MILAN = "clusters-cord-exchange-forum-milan-2012"
FORUM_STUTTGART = "clusters-cord-exchange-forum-stuttgart-2012"
OBSERVER_MEETING = "central-transdanubian-mid-term-observer-meeting-2011"
VERTES_DUNA_OPENING = "vertes-duna-cluster-opening-conference-2011"
EXPORTTAG = "oo-exporttag-2011"
FESTIVAL_FINALE = "innovation-festival-finale-milan-2012"
ARLEG_CONFERENCE = "polish-clusters-and-cluster-policy-2011"

SECTORS = ["energy & environment", "tourism", "health", "food", "ict"]
SECTOR_ECOSYSTEMS = ["energy-renewables", "tourism", "health", "agri-food", "digital"]
SOURCE = "Clusters-Cord newsletter no. 3 (“connecting small to feel big”)"
SOURCE_SHORT = "Clusters-Cord newsletter no. 3"
# The newsletter is undated: its latest past events are of late 2011 and it announces February 2012.
NEWSLETTER_DATE = dt.date(2012, 1, 1)
CENTRAL_TRANSDANUBIA = "Central Transdanubia"


def load(d: DemoLoader) -> None:
    orgs = _organisations(d)
    project = _projects(d, orgs)
    _conference_and_forums(d, orgs, project)
    _partner_news(d, orgs, project)


def _organisations(d: DemoLoader) -> dict[str, Organisation]:
    o: dict[str, Organisation] = {}
    o[PROVINCE_MILAN] = d.org(
        PROVINCE_MILAN,
        "Province of Milan",
        Organisation.Kind.AUTHORITY,
        country="IT",
        city="Milan",
        region="Lombardy",
        alt=[("Provincia di Milano", TRANSLATION, "it")],
        description="Provincial government of Milan; co-founder of the Milano Metropoli agency and organiser, with "
        "DG Enterprise, of the Innovation Festival finale in February 2012.",
    )
    o[CHAMBER_MILAN] = d.org(
        CHAMBER_MILAN,
        "Milan Chamber of Commerce",
        Organisation.Kind.ASSOCIATION,
        country="IT",
        city="Milan",
        region="Lombardy",
        alt=[("Camera di Commercio di Milano", TRANSLATION, "it")],
        description="Chamber of commerce of Milan; co-founder of the Milano Metropoli agency.",
    )
    o[LA_FUCINA] = d.org(
        LA_FUCINA,
        "La Fucina Business Innovation Centre",
        Organisation.Kind.AGENCY,
        country="IT",
        website="http://www.biconline.it/",
        alt=[("La Fucina BIC", ACRONYM, "it")],
        description="Business innovation centre with which Milano Metropoli often sets up facilities and services "
        "for business and technology cooperation.",
    )
    o[MILANO] = d.org(
        MILANO,
        "Milano Metropoli Development Agency",
        Organisation.Kind.AGENCY,
        country="IT",
        region="Lombardy",
        city="Sesto San Giovanni",
        address="Via Venezia 23, 20099 Sesto San Giovanni (MI), Italy",
        website="http://www.milanomet.it/",
        email="info@milanomet.it",
        phone="+39224126540",
        fax="+39224126541",
        alt=[
            ("Milano Metropoli", SPELLING, "it"),
            ("Milano Metropoli Agenzia di Sviluppo", TRANSLATION, "it"),
            (
                "Agency for the Promotion and Sustainable Development of the Metropolitan Area of Milan",
                TRANSLATION,
                "en",
            ),
        ],  # fmt: skip
        description=(
            "Public joint-stock company set up by the Province of Milan and the Milan Chamber of Commerce to "
            "foster the economic and social development of greater Milan. It works with the public authorities "
            "of the area and with town councils, agencies, universities, unions, business, banks, foundations "
            "and non-profits. Its specialities are brownfield conversion, reindustrialisation and new areas of "
            "industrial excellence (meta-districts) for craft firms and SMEs, often together with La Fucina "
            "Business Innovation Centre. Besides Clusters-Cord (where it is PP8 and leads WP4) it is building an "
            "agricultural business cluster in Milan and supports the internationalisation, promotion, marketing "
            "and networking of the Lombard shipping cluster's marine chain (100 companies)."
        ),
        tags=["brownfield conversion", "reindustrialisation", "meta-districts", "smes", "meta-cluster"],
    )
    o[LOMBARD_SHIPPING] = d.org(
        LOMBARD_SHIPPING,
        "Lombard shipping cluster",
        Organisation.Kind.CLUSTER,
        country="IT",
        region="Lombardy",
        members_count=100,
        members_count_as_of=NEWSLETTER_DATE,
        members_count_source=SOURCE_SHORT,
        description="Lombard cluster of the shipping and marine supply chain (100 companies); Milano Metropoli "
        "helps it with internationalisation, promotion, marketing and networking between territories.",
        tags=["shipping", "marine"],
        ecosystems=["mobility-transport-automotive"],
    )

    o[TRNAVA_REGION] = d.org(
        TRNAVA_REGION,
        "Trnava Self-Governing Region",
        Organisation.Kind.AUTHORITY,
        country="SK",
        region="Trnava Region",
        alt=[("Trnavský samosprávny kraj", TRANSLATION, "sk"), ("Trnavsky samospravny kraj", SPELLING, "sk")],
        description="Slovak self-governing region; co-founder of the Regional Development Agency Piešťany (2008).",
    )
    o[TOWN_PIESTANY] = d.org(
        TOWN_PIESTANY,
        "Town Piešťany",
        Organisation.Kind.AUTHORITY,
        country="SK",
        city="Piešťany",
        region="Trnava Region",
        alt=[("Mesto Piešťany", TRANSLATION, "sk"), ("Town Piestany", SPELLING, "en")],
        description="Town of Piešťany; co-founder of the Regional Development Agency Piešťany (2008).",
    )
    o[TRS] = d.org(
        TRS,
        "Trnavská rozvojová spoločnosť",
        Organisation.Kind.COMPANY,
        country="SK",
        region="Trnava Region",
        alt=[("Trnavska rozvojova spolocnost", SPELLING, "sk"), ("Trnava Development Company", TRANSLATION, "en")],
        description="Slovak limited company; co-founder of the Regional Development Agency Piešťany (2008).",
    )
    o[PROGRESIT] = d.org(
        PROGRESIT,
        "Progresit",
        Organisation.Kind.ASSOCIATION,
        country="SK",
        description="Civic association; admitted in 2011 as a further full member of the Regional Development Agency "
        "Piešťany.",
    )
    o[TRNAVA_NETWORK] = d.org(
        TRNAVA_NETWORK,
        "Integrated Network of Regional Development Agencies of Trnava Self-Governing Region",
        Organisation.Kind.NETWORK,
        country="SK",
        region="Trnava Region",
        description="Network of the regional development agencies of the Trnava Self-Governing Region.",
    )
    o[PIESTANY] = d.org(
        PIESTANY,
        "Regional Development Agency Piešťany",
        Organisation.Kind.AGENCY,
        acronym="RDA Piešťany",
        country="SK",
        region="Trnava Region",
        city="Piešťany",
        address="Kukučínova 1672/21, 921 01 Piešťany, Slovakia",
        website="http://www.pnrra.sk/",
        email="pnrra.piestany@gmail.com",
        phone="+421 911 285 131",
        fax="+421 33 76 222 57",
        founded=2008,
        alt=[
            ("RDA Piešťany", ACRONYM, "en"),
            ("RDA Piestany", SPELLING, "en"),
            ("Regional Development Agency of Piestany", SPELLING, "en"),
        ],
        description=(
            "Interest group of legal entities founded in 2008 by the Trnava Self-Governing Region, the town of "
            "Piešťany and Trnavská rozvojová spoločnosť; the civic association Progresit became a full member "
            "in 2011. Part of the integrated network of regional development agencies of the Trnava region, it "
            "works with local and regional public and non-profit bodies: regional development in line with the "
            "region's economic and social programme, winning domestic and foreign grants through international "
            "and interregional cooperation, attracting foreign investment and helping build business "
            "incubators, centres and industrial parks, public events (seminars, workshops, exhibitions), and "
            "cultural heritage and local traditions. Current work: the Clusters-Cord and CITTA DEI MOTORI "
            "projects, the Covenant of Mayors with municipalities, cooperation with micro-regions of the Trnava "
            "region, and advice on operational programmes of the National Strategic Reference Framework."
        ),
        tags=["regional development", "grants", "foreign investment", "business incubators", "covenant of mayors"],
    )
    d.member(o[PIESTANY], o[TRNAVA_REGION], Membership.Role.FOUNDER, since=2008)
    d.member(o[PIESTANY], o[TOWN_PIESTANY], Membership.Role.FOUNDER, since=2008)
    d.member(o[PIESTANY], o[TRS], Membership.Role.FOUNDER, since=2008)
    d.member(o[PIESTANY], o[PROGRESIT], Membership.Role.MEMBER, since=2011, note="Admitted as a further full member.")
    d.member(o[TRNAVA_NETWORK], o[PIESTANY], Membership.Role.MEMBER)

    o[MID_PANNON] = d.org(
        MID_PANNON,
        "Mid-Pannon Regional Development Company",
        Organisation.Kind.AGENCY,
        country="HU",
        region=CENTRAL_TRANSDANUBIA,
        alt=[
            ("Mid-Pannon Co.", SPELLING, "en"),
            ("Közép-Pannon Regionális Fejlesztési Zrt.", TRANSLATION, "hu"),
            ("Kozep-Pannon Regionalis Fejlesztesi Zrt.", SPELLING, "hu"),
        ],
        description="Regional development company of Central Transdanubia (Hungary); Clusters-Cord partner PP5.",
        tags=["regional development", "meta-cluster"],
    )
    o[VERTES_DUNA] = d.org(
        VERTES_DUNA,
        "Vértes-Duna Cluster",
        Organisation.Kind.CLUSTER,
        country="HU",
        region=CENTRAL_TRANSDANUBIA,
        alt=[("Vertes-Duna Cluster", SPELLING, "en"), ("Vértes-Duna Klaszter", TRANSLATION, "hu")],
        description="Hungarian cluster in Central Transdanubia whose development project opened with a conference "
        "in November 2011.",
    )
    o[UA_CHAMBER] = d.org(
        UA_CHAMBER,
        "Upper Austrian Chamber of Commerce",
        Organisation.Kind.ASSOCIATION,
        country="AT",
        region="Upper Austria",
        alt=[
            ("Wirtschaftskammer Oberösterreich", TRANSLATION, "de"),
            ("Wirtschaftskammer Oberoesterreich", SPELLING, "de"),
            ("WKOÖ", ACRONYM, "de"),
        ],
        description="Chamber of commerce of Upper Austria; Clusters-Cord partner PP7 together with its "
        "Lebensmittel-Cluster. It promoted the project at the OÖ. Exporttag 2011 in Linz.",
    )
    o[FOOD_CLUSTER] = d.org(
        FOOD_CLUSTER,
        "Lebensmittel-Cluster",
        Organisation.Kind.CLUSTER,
        country="AT",
        region="Upper Austria",
        alt=[("Food Cluster", TRANSLATION, "en"), ("Lebensmittelcluster", SPELLING, "de")],
        description="Upper Austrian food cluster; named with the Upper Austrian Chamber of Commerce as Clusters-Cord "
        "partner PP7.",
        tags=["food"],
        ecosystems=["agri-food"],
    )
    d.member(o[FOOD_CLUSTER], o[UA_CHAMBER], Membership.Role.PARTNER, note="Named together as Clusters-Cord PP7.")

    o[ARLEG] = d.org(
        ARLEG,
        "Regional Development Agency ARLEG",
        Organisation.Kind.AGENCY,
        acronym="ARLEG",
        country="PL",
        alt=[("RDA ARLEG", SPELLING, "en"), ("ARLEG", ACRONYM, "pl")],
        description="Polish regional development agency; Clusters-Cord partner PP9. It works with regional clusters "
        "on the creation of a meta-cluster.",
        tags=["regional development", "meta-cluster"],
    )
    for slug, name in ((SIDE, "SIDE CLUSTER"), (NUTRIBIOMED, "NUTRIBIOMED"), (ICT_CLUSTER, "ICT Cluster")):
        o[slug] = d.org(
            slug,
            name,
            Organisation.Kind.CLUSTER,
            country="PL",
            description="Polish cluster from the region of RDA ARLEG, involved in building a meta-cluster within "
            "Clusters-Cord; took part in the conference “Polish clusters and cluster policy” (30 November 2011).",
            tags=["meta-cluster"],
            ecosystems=["digital"] if slug == ICT_CLUSTER else [],
        )
    o[CVVI] = d.org(
        CVVI,
        "Centre for Research, Innovation and Regional Development",
        Organisation.Kind.AGENCY,
        acronym="CVVI",
        country="CZ",
        alt=[("CVVI", ACRONYM, "cs")],
        description="Czech centre for research, innovation and regional development; Clusters-Cord partner PP10. "
        "With other partners it runs the “Technology cup” competition for students with innovative ideas.",
        tags=["innovation", "students"],
    )
    o[ECIA] = d.org(
        ECIA,
        "European Creative Industries Alliance",
        Organisation.Kind.NETWORK,
        acronym="ECIA",
        alt=[("ECIA", ACRONYM, "en")],
        description="Initiative of DG Enterprise for the creative industries, launched at the Innovation Festival "
        "finale in Milan (26-28 February 2012).",
        tags=["creative industries"],
        ecosystems=["cultural-and-creative-industries"],
    )
    d.member(o[ECIA], d.get_org(shared.DG_ENTR), Membership.Role.FOUNDER, since=2012, note="Launched by DG Enterprise.")
    d.member(o[MILANO], o[PROVINCE_MILAN], Membership.Role.FOUNDER, note="Co-founder of the agency.")
    d.member(o[MILANO], o[CHAMBER_MILAN], Membership.Role.FOUNDER, note="Co-founder of the agency.")
    d.member(o[MILANO], o[LA_FUCINA], Membership.Role.PARTNER, note="Frequent partner for facilities and services.")
    d.member(
        o[LOMBARD_SHIPPING], o[MILANO], Membership.Role.PARTNER, note="Supports internationalisation and marketing."
    )
    return o


def _projects(d: DemoLoader, o: dict[str, Organisation]):
    project = d.project(
        PROJECT,
        name="Clusters-Cord",
        start_date=dt.date(2011, 1, 1),
        end_date=dt.date(2012, 12, 31),
        date_precision=DatePrecision.YEAR,
        url="http://www.clusterscord.eu/",
        partner_countries=["IT", "SK", "HU", "AT", "PL", "CZ"],
        partners=[
            {"organisation": o[MID_PANNON], "partner_code": "PP5"},
            {"organisation": o[UA_CHAMBER], "partner_code": "PP7", "responsibility": "With its Lebensmittel-Cluster"},
            {
                "organisation": o[FOOD_CLUSTER],
                "partner_code": "PP7",
                "responsibility": "With the Upper Austrian Chamber of Commerce",
            },
            {"organisation": o[MILANO], "partner_code": "PP8", "responsibility": "WP4 leader"},
            {"organisation": o[ARLEG], "partner_code": "PP9"},
            {"organisation": o[CVVI], "partner_code": "PP10"},
            {"organisation": o[PIESTANY]},
        ],  # fmt: skip
        description=(
            "Central European project (2011-2012; motto “connecting small to feel big”) that helps clusters grow "
            "into **meta-clusters**: transnational groups of clusters from the same industry in different "
            "Central European regions that pool knowledge, research and testing facilities and services for "
            "their members — a first step towards internationalisation. About 30 clusters from Central Europe "
            "take part. After a benchmarking analysis and a benchmarking conference in Milan, sector working "
            "groups meet in three exchange forums (Linz, Milan, Stuttgart, 2012) with the aim of forming "
            "meta-clusters in at least three sectors.\n\n"
            "Possible joint activities of a meta-cluster: information and communication (database, supplier and "
            "service catalogue, events, company tours and study visits, press, website, newsletters, mailings); "
            "internationalisation (access to international events, support for cooperation, attracting foreign "
            "visits); marketing and PR (materials, national and international PR, branch image, trade fairs, "
            "lobbying); cooperation (starting projects, matching partners, links with R&D and education, "
            "innovativeness); training and qualification (needs analysis, staff qualification, workshops and "
            "seminars, inter-company learning)."
        ),
        tags=["meta-cluster", "benchmarking", "transnational cooperation", "central europe", *SECTORS],
        ecosystems=SECTOR_ECOSYSTEMS,
    )
    d.project(
        "citta-dei-motori",
        name="CITTA DEI MOTORI",
        partners=[{"organisation": o[PIESTANY]}],
        partner_countries=["SK"],
        description="Project in which the Regional Development Agency Piešťany is a partner (2011-2012 newsletter).",
    )
    d.project(
        "vertes-duna-cluster-development",
        name="Development of the Vértes-Duna Cluster",
        partners=[{"organisation": o[VERTES_DUNA]}],
        partner_countries=["HU"],
        description="Hungarian cluster development project, opened by a conference in November 2011 — one of the "
        "most effective events of the Central Transdanubian region for innovation-led, network-based "
        "economic development.",
        tags=["cluster development"],
    )
    d.project(
        "innovation-festival",
        name="Innovation Festival",
        instrument=Instrument.objects.get(slug=shared.PRO_INNO),
        programme=Instrument.objects.get(slug=shared.PRO_INNO),  # "an INNO Action under the PRO INNO Europe Initiative"
        partners=[{"organisation": o[PROVINCE_MILAN], "role": ProjectPartner.Role.PARTNER,
                   "responsibility": "Organised the finale in Milan"}],
        description="INNO Action under the PRO INNO Europe initiative celebrating innovation in six European cities; "
        "its finale took place in Milan in February 2012.",
        tags=["innovation", "creative industries"],
        ecosystems=["cultural-and-creative-industries"],
    )  # fmt: skip
    return project


def _conference_and_forums(d: DemoLoader, o: dict[str, Organisation], project) -> None:
    milano = o[MILANO]
    conference = d.visit(
        CONFERENCE,
        title="Clusters-Cord benchmarking conference, Milan",
        kind=Visit.Kind.CONFERENCE,
        start_date=dt.date(2011, 1, 1),
        date_precision=DatePrecision.YEAR,
        date_note="before newsletter no. 3 (2011); the newsletter gives no date",
        city="Milan",
        region="Lombardy",
        country="IT",
        organiser=milano,
        project=project,
        purpose=(
            "Learn good practice and concrete examples from Central European regions, share experience and plan "
            "joint actions on regional SME collaboration and meta-clustering."
        ),
        summary=(
            "Benchmarking conference hosted by Milano Metropoli for 113 participants, centred on five sectors "
            "(energy & environment, tourism, health, food, ICT) represented by more than thirty cluster managers. "
            "More than eight hours of interactive work over three sessions ended with five meta-cluster working "
            "groups mapping areas of collaboration. The newsletter gives no date; it is stored as 2011, the "
            "year the project started and before the 2012 forums."
        ),
        report=CONFERENCE_REPORT,
        language="en",
        source_citation=SOURCE,
        participants_count=113,
        hosts=[milano],
        tags=["benchmarking", "meta-cluster", "cluster management", *SECTORS],
        ecosystems=SECTOR_ECOSYSTEMS,
    )
    d.stop(
        conference,
        1,
        0,
        host=milano,
        place="Milan",
        country="IT",
        description="Session 1: five cluster managers from five countries, one per sector, on managing clusters in "
        "their regions, with questions from the floor.",
    )
    d.stop(
        conference,
        1,
        1,
        host=milano,
        place="Milan",
        country="IT",
        description="Session 2: clusters in an international context — roundtable of a regional policy maker and "
        "three experts in clusters and transnational collaboration.",
    )
    d.stop(
        conference,
        1,
        2,
        host=milano,
        place="Milan",
        country="IT",
        description="Session 3: interactive workshop using participatory methods; five meta-cluster working groups "
        "looked for areas of collaboration and joint transnational services, matching demand and offer.",
    )
    d.participant(conference, Participant.Role.HOST, organisation=milano, country="IT")
    d.participant(conference, Participant.Role.ATTENDEE, group="Cluster managers from the five sectors (more than 30)")
    d.participant(conference, Participant.Role.SPEAKER, group="Cluster managers from five countries", count=5)
    d.participant(conference, Participant.Role.SPEAKER, group="Regional policy maker", count=1)
    d.participant(
        conference, Participant.Role.SPEAKER, group="Experts in clusters and transnational collaboration", count=3
    )
    d.findings(
        conference,
        [
            {"text": "The conference drew participants from many sectors and fields.",
             "figure_label": "Participants", "value": 113, "unit": Finding.Unit.COUNT},
            {"text": "Work focused on five sectors: energy & environment, tourism, health, food and ICT.",
             "figure_label": "Sectors", "value": 5, "unit": Finding.Unit.COUNT},
            {"text": "More than thirty cluster managers represented the five sectors.",
             "figure_label": "Cluster managers present (more than)", "value": 30, "unit": Finding.Unit.COUNT},
            {"text": "The programme had three sessions — presentations, a roundtable, then an interactive "
             "workshop — adding up to over eight hours of discussion.",
             "figure_label": "Sessions", "value": 3, "unit": Finding.Unit.COUNT},
            {"text": "The interactive discussion ran for more than eight hours.",
             "figure_label": "Hours of interactive discussion (more than)", "value": 8, "unit": Finding.Unit.HOUR},
            {"text": "A meta-cluster is a strategic network of similar clusters from one industry in several "
             "Central European regions that share knowledge, facilities and services; it is a first step "
             "towards internationalisation and speeds up the transfer of know-how."},
            {"text": "Mainly on the basis of the third session, the project will go on to set up meta-clusters in "
             "at least three industrial sectors.",
             "figure_label": "Sectors with a meta-cluster to come (at least)", "value": 3,
             "unit": Finding.Unit.COUNT},
            {"text": "Around 30 clusters from Central Europe take part in the project; other clusters are welcome "
             "to join its working groups.",
             "figure_label": "Clusters involved in Clusters-Cord", "value": 30, "unit": Finding.Unit.COUNT,
             "is_approximate": True},
        ],
    )  # fmt: skip

    forums = [
        (FORUM_LINZ, "Linz", "AT", dt.date(2012, 2, 21), dt.date(2012, 2, 22), DatePrecision.DAY,
         "energy & environment", ["energy & environment"], ["energy-renewables"],
         "First forum, for the Energy & Environment working group, on 21-22 February 2012."),
        (FORUM_MILAN, "Milan", "IT", dt.date(2012, 4, 1), None, DatePrecision.MONTH,
         "food and tourism", ["food", "tourism"], ["agri-food", "tourism"],
         "Second forum, planned for early April 2012 (exact days not given), for cluster managers from food and "
         "tourism."),
        (FORUM_STUTTGART, "Stuttgart", "DE", dt.date(2012, 6, 1), None, DatePrecision.MONTH,
         "ICT and health", ["ict", "health"], ["digital", "health"],
         "Last forum, planned for June 2012 (exact days not given), for the ICT and Health working groups."),
    ]  # fmt: skip
    for slug, city, country, start, end, precision, sectors, tags, ecosystems, summary in forums:
        forum = d.visit(
            slug,
            title=f"Clusters-Cord exchange forum, {city} ({sectors})",
            kind=Visit.Kind.EXCHANGE_FORUM,
            start_date=start,
            end_date=end,
            date_precision=precision,
            city=city,
            country=country,
            project=project,
            purpose="Bring together the cluster managers of a sector working group, chosen from the benchmarking "
            "analysis, to build transnational cooperation and a meta-cluster.",
            summary=summary + " Planned as of newsletter no. 3; other clusters may join the working groups.",
            language="en",
            source_citation=SOURCE,
            tags=["exchange forum", "meta-cluster", *tags],
            ecosystems=ecosystems,
        )
        d.participant(forum, Participant.Role.ATTENDEE, group=f"Cluster managers of the {sectors} working group")
        d.follow_up(
            conference,
            f"Exchange forum in {city} for the {sectors} working group",
            due_date=start,
            due_precision=precision,
            status=FollowUp.Status.PLANNED,
            outcome=forum,
        )
    d.follow_up(
        conference,
        "Set up meta-clusters in at least three industrial sectors",
        due_date=dt.date(2012, 1, 1),
        due_precision=DatePrecision.YEAR,
        status=FollowUp.Status.PLANNED,
    )


def _partner_news(d: DemoLoader, o: dict[str, Organisation], project) -> None:
    mid_pannon = o[MID_PANNON]
    meeting = d.visit(
        OBSERVER_MEETING,
        title="Central-Transdanubian Mid-term Observer meeting",
        kind=Visit.Kind.PROJECT_MEETING,
        start_date=dt.date(2011, 1, 1),
        date_precision=DatePrecision.YEAR,
        date_note="autumn 2011",
        region=CENTRAL_TRANSDANUBIA,
        country="HU",
        organiser=mid_pannon,
        project=project,
        summary=(
            "Autumn 2011 meeting (the newsletter gives no month) evaluating the project: participants discussed "
            "the overall benchmarking study and the features, real needs and interests of meta-cluster "
            "development in Central Transdanubia."
        ),
        language="en",
        source_citation=SOURCE,
        tags=["evaluation", "benchmarking", "meta-cluster"],
    )
    d.participant(meeting, Participant.Role.ORGANISER, organisation=mid_pannon, country="HU")

    opening = d.visit(
        VERTES_DUNA_OPENING,
        title="Opening conference of the project “Development of the Vértes-Duna Cluster”",
        kind=Visit.Kind.CONFERENCE,
        start_date=dt.date(2011, 11, 1),
        date_precision=DatePrecision.MONTH,
        region=CENTRAL_TRANSDANUBIA,
        country="HU",
        project=Project.objects.get(slug="vertes-duna-cluster-development"),
        summary=(
            "November 2011 conference that opened the Vértes-Duna cluster development project, counted among "
            "the most effective events for innovation-oriented, network-based economic development in Central "
            "Transdanubia. Mid-Pannon introduced Clusters-Cord there and was pleased with how it was received."
        ),
        language="en",
        source_citation=SOURCE,
        hosts=[o[VERTES_DUNA]],
        tags=["cluster development", "networks"],
    )
    d.participant(opening, Participant.Role.SPEAKER, organisation=mid_pannon, country="HU")

    exporttag = d.visit(
        EXPORTTAG,
        title="OÖ. Exporttag 2011",
        kind=Visit.Kind.CONFERENCE,
        start_date=dt.date(2011, 11, 14),
        city="Linz",
        region="Upper Austria",
        country="AT",
        summary=(
            "Economic congress in Linz on Monday 14 November 2011 with many sectors close to Clusters-Cord's "
            "themes (food, health, mobility, logistics); the Upper Austrian Chamber of Commerce promoted the "
            "project there."
        ),
        language="en",
        source_citation=SOURCE,
        tags=["export", "food", "health", "mobility", "logistics"],
        ecosystems=["agri-food", "health", "mobility-transport-automotive"],
    )
    d.participant(exporttag, Participant.Role.SPEAKER, organisation=o[UA_CHAMBER], country="AT")

    dg_entr = d.get_org(shared.DG_ENTR)
    finale = d.visit(
        FESTIVAL_FINALE,
        title="Innovation Festival finale: WHAT IF... We discuss the future like Creative Industries?",
        kind=Visit.Kind.CONFERENCE,
        start_date=dt.date(2012, 2, 26),
        end_date=dt.date(2012, 2, 28),
        city="Milan",
        region="Lombardy",
        country="IT",
        organiser=o[PROVINCE_MILAN],
        project=Project.objects.get(slug="innovation-festival"),
        summary=(
            "Large conference organised by the Province of Milan with DG Enterprise: the closing event of the "
            "Innovation Festival (an INNO Action of PRO INNO Europe held in six European cities) and the launch "
            "of DG Enterprise's European Creative Industries Alliance (ECIA). Reported by Milano Metropoli (PP8)."
        ),
        language="en",
        source_citation=SOURCE,
        source_url="http://www.proinno-europe.eu/innovationfestivalevent/content/innovation-festival-finale",
        tags=["creative industries", "innovation"],
        ecosystems=["cultural-and-creative-industries"],
    )
    d.participant(finale, Participant.Role.ORGANISER, organisation=o[PROVINCE_MILAN], country="IT")
    d.participant(finale, Participant.Role.CO_ORGANISER, organisation=dg_entr)
    d.findings(
        finale,
        [
            {"text": "The finale launched the European Creative Industries Alliance (ECIA), a new DG Enterprise "
             "initiative.", "subject": o[ECIA]},
            {"text": "The Innovation Festival celebrated innovation across several European cities.",
             "figure_label": "European cities of the Innovation Festival", "value": 6, "unit": Finding.Unit.COUNT},
        ],
    )  # fmt: skip

    arleg_conf = d.visit(
        ARLEG_CONFERENCE,
        title="Polish clusters and cluster policy",
        kind=Visit.Kind.CONFERENCE,
        start_date=dt.date(2011, 11, 30),
        country="PL",
        summary=(
            "Conference of 30 November 2011 attended by RDA ARLEG and the clusters it is building a Clusters-Cord "
            "meta-cluster with (SIDE CLUSTER, NUTRIBIOMED, ICT Cluster). Topics: managing cooperative links, "
            "foreign experience, and presentations by the region's cluster coordinators."
        ),
        language="en",
        source_citation=SOURCE,
        tags=["cluster policy", "meta-cluster"],
    )
    for slug in (ARLEG, SIDE, NUTRIBIOMED, ICT_CLUSTER):
        d.participant(arleg_conf, Participant.Role.ATTENDEE, organisation=o[slug], country="PL")

    d.instrument(
        "technology-cup",
        name="Technology cup",
        status_as_of=NEWSLETTER_DATE,
        status_source=SOURCE_SHORT,
        kind=Instrument.Kind.PRIZE,
        level=Instrument.Level.NATIONAL,
        managing_body=o[CVVI],
        url="http://www.technologycup.cz/",
        description="Competition for students with innovative ideas, run by CVVI with other partners; a new yearly "
        "round was launched around the turn of 2011/2012.",
        eligibilities=[(BeneficiaryType.INDIVIDUAL, "Students with innovative ideas.")],
        tags=["students", "innovation", "competition"],
    )


CONFERENCE_REPORT = """\
Milano Metropoli Development Agency hosted the Clusters-Cord benchmarking conference:
**113 participants**, five sectors (energy & environment, tourism, health, food, ICT) and more than
thirty cluster managers, over eight hours of interactive discussion.

1. **Cluster managers' experience** — five managers from five countries, each from a different
   sector, on running clusters in their regions.
2. **Clusters in an international context** — roundtable with a regional policy maker and three
   experts in clusters and transnational collaboration.
3. **Interactive workshop** — participatory methods; five meta-cluster working groups looked for
   areas of collaboration and shared transnational services, comparing what each side offers and
   needs.

The results, above all those of the third session, feed the next steps: meta-clusters in at least
three sectors, prepared in exchange forums in Linz (21-22 February 2012, energy & environment),
Milan (early April 2012, food and tourism) and Stuttgart (June 2012, ICT and health).
"""
