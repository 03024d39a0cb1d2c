"""Seed 004: slides on the TACTICS project and the European Cluster Alliance (ECA), coordinated
by OSEO; OSEO's instruments, the interministerial fund for poles, and the Innovation Express call."""

import datetime as dt

from clusters.models import Membership, Organisation
from core.models import DatePrecision
from demo.records import shared
from demo.records.base import ACRONYM, SPELLING, TRANSLATION, DemoLoader
from funding.models import BeneficiaryType, Instrument, ProjectPartner
from visits.models import Participant, Visit

OSEO = "oseo"
ECA = "european-cluster-alliance"
INNO_GROUP = "inno-group"
PROJECT = "tactics"
FUI = "interministerial-fund-poles-of-competitiveness"
INNOVATION_EXPRESS = "innovation-express"

SOURCE = (
    "Slides “The role of TACTICS and the European Cluster Alliance”, PITER Brussels final seminar "
    "“How to promote the internationalisation of Clusters” (www.proinno-europe.eu/tactics)"
)

# The slides carry no date; their latest facts are the achievements of 2010 and the plans for 2011,
# so what they state (statuses, the network's size) is dated at the turn of 2010/2011.
SLIDES = {"status_as_of": dt.date(2011, 1, 1), "status_source": "TACTICS / European Cluster Alliance slides"}

PARTNERS = [
    # slug, name, acronym, country, alternative names, description
    ("vinnova", "VINNOVA", "", "SE", [("Vinnova", SPELLING, "sv"), ("Verket för innovationssystem", TRANSLATION, "sv")],
     "Swedish innovation agency; TACTICS partner."),
    ("tmg-austria", "TMG", "", "AT", [], "Austrian agency; TACTICS partner."),
    ("nwda", "NWDA", "", "GB", [("Northwest Regional Development Agency", TRANSLATION, "en")],
     "Regional development agency in the United Kingdom; TACTICS partner."),
    ("iwt", "IWT", "", "BE",
     [("Agentschap voor Innovatie door Wetenschap en Technologie", TRANSLATION, "nl")],
     "Belgian (Flemish) innovation agency; TACTICS partner."),
    ("paed", "Polish Agency for Enterprise Development", "PAED", "PL",
     [("PAED", ACRONYM, "en"), ("Polska Agencja Rozwoju Przedsiębiorczości", TRANSLATION, "pl"),
      ("PARP", ACRONYM, "pl")],
     "Polish national enterprise agency; TACTICS partner."),
    ("veneto-innovazione", "Veneto Innovazione", "", "IT", [],
     "Regional innovation agency of Veneto, Italy; TACTICS partner."),
]  # fmt: skip

INNOVATION_EXPRESS_ACTIVITIES = [
    "Spotting strategic opportunities for a cluster or its SMEs to cooperate with a targeted cluster",
    "Drawing up technology roadmaps",
    "Matchmaking activities linked to research, development and innovation (RDI)",
    "Turning identified opportunities into lasting strategic partnerships",
    "Preparing technology transfer, collaborative RDI projects and technology-based business cooperation",
    "Disseminating and promoting the inter-cluster cooperation",
    "Training and mentoring",
    "Mobility to consolidate partnerships and joint RDI work with members of the targeted cluster",
]


def load(d: DemoLoader) -> None:
    dg_entr = d.get_org(shared.DG_ENTR)
    oseo = d.org(
        OSEO,
        "OSEO",
        Organisation.Kind.FINANCIAL,
        country="FR",
        alt=[("OSEO innovation", SPELLING, "fr"), ("Oseo", SPELLING, "fr")],
        description=(
            "French public funder whose mission is the growth of SMEs in France, easing their innovation, "
            "investment and internationalisation. It has three lines of business: guaranteeing bank loans, "
            "co-financing company development with banks, and supporting innovation. It manages the "
            "interministerial fund for poles of competitiveness, coordinates the TACTICS project and, through "
            "it, coordinates and animates the European Cluster Alliance."
        ),
        tags=["smes", "innovation", "loan guarantees", "cluster policy"],
        contacts=[
            {"name": "Michel Ganoote", "role": "TACTICS coordinator; ECA coordination and Innovation Express contact",
             "email": "Michel.Ganoote@oseo.fr"},
            {"name": "Isabelle Lebo", "role": "European Project Manager; ECA and Innovation Express contact",
             "email": "Isabelle.Lebo@oseo.fr"},
        ],
    )  # fmt: skip
    inno = d.org(
        INNO_GROUP,
        "inno group",
        Organisation.Kind.COMPANY,
        alt=[("inno-group", SPELLING, "en")],
        # The secretariat's address is the ECA's contact e-mail, shown to signed-in users only.
        description="Company whose staff ran the ECA Project Secretariat (general enquiries through the "
        "European Cluster Alliance's secretariat address).",
        contacts=[
            {"name": "Marc Pattinson", "role": "ECA Project Secretariat", "email": "m.pattinson@inno-group.com"},
            {"name": "Guillaume Roux", "role": "ECA Project Secretariat", "email": "g.roux@inno-group.com"},
        ],
    )
    eca = d.org(
        ECA,
        "European Cluster Alliance",
        Organisation.Kind.NETWORK,
        acronym="ECA",
        website="http://www.proinno-europe.eu/",
        email="eca-tactics@proinno-europe.eu",
        members_count=80,
        members_count_is_approximate=True,
        members_count_as_of=SLIDES["status_as_of"],
        members_count_source=SLIDES["status_source"],
        member_countries_count=24,
        alt=[("ECA", ACRONYM, "en")],
        interest_topics=["cluster policy", "internationalisation of clusters", "cluster excellence",
                         "transnational funding of cluster cooperation"],
        target_countries=["KR", "JP", "CA"],
        description=DESCRIPTION_ECA,
        tags=["cluster policy", "policy makers", "internationalisation", "funding"],
    )  # fmt: skip
    d.member(eca, oseo, Membership.Role.COORDINATOR, note="Coordinates and animates the alliance through TACTICS.")
    d.member(eca, dg_entr, Membership.Role.FOUNDER, note="The alliance was launched by DG Enterprise and Industry.")
    d.member(eca, inno, Membership.Role.PARTNER, note="Runs the ECA Project Secretariat.")

    coordinator = {
        "organisation": oseo,
        "role": ProjectPartner.Role.COORDINATOR,
        "partner_code": "1",
        "responsibility": "Coordinator; coordination and animation of the European Cluster Alliance",
    }
    partners = [coordinator]
    for number, (slug, name, acronym, country, alt, description) in enumerate(PARTNERS, start=2):
        org = d.org(
            slug,
            name,
            Organisation.Kind.AGENCY,
            acronym=acronym,
            country=country,
            alt=alt,
            description=description,
            tags=["innovation policy", "cluster policy"],
        )
        partners.append({"organisation": org, "partner_code": str(number)})
    d.project(
        PROJECT,
        name="TACTICS",
        acronym="TACTICS",
        instrument=Instrument.objects.get(slug=shared.PRO_INNO),
        programme=Instrument.objects.get(slug=shared.PRO_INNO),  # its slides carry the PRO INNO Europe mark
        end_date=dt.date(2012, 8, 1),
        date_precision=DatePrecision.MONTH,
        partners=partners,
        partners_count=7,
        partner_countries=["FR", "SE", "AT", "GB", "BE", "PL", "IT"],
        url="http://www.proinno-europe.eu/tactics",
        description=(
            "Consortium of seven national and regional agencies, coordinated by OSEO, working towards world-class "
            "cluster policies. It supports a reflection group (internationalisation, channelling RDI, cluster "
            "branding, user-driven innovation, lead markets), coordinates and animates the European Cluster "
            "Alliance and runs pilot initiatives such as the Innovation Express call. It ends in August 2012 "
            "(start date not given)."
        ),
        tags=["cluster policy", "internationalisation", "pilot projects"],
    )

    fr_sme = [(BeneficiaryType.SME, "OSEO's mission is the growth of SMEs in France.")]
    d.instrument(
        "oseo-bank-loan-guarantee",
        name="OSEO guarantee of bank loans",
        **SLIDES,
        kind=Instrument.Kind.LOAN_GUARANTEE,
        level=Instrument.Level.NATIONAL,
        managing_body=oseo,
        eligible_countries=["FR"],
        description="First of OSEO's three businesses: it guarantees the loans banks grant to companies.",
        eligibilities=fr_sme,
        tags=["loan guarantees", "smes"],
    )
    d.instrument(
        "oseo-development-financing",
        name="OSEO financing of company development with banks",
        **SLIDES,
        kind=Instrument.Kind.LOAN,
        level=Instrument.Level.NATIONAL,
        managing_body=oseo,
        eligible_countries=["FR"],
        description="Second of OSEO's three businesses: financing companies' development in partnership with banks.",
        eligibilities=fr_sme,
        tags=["co-financing", "smes"],
    )
    d.instrument(
        "oseo-innovation-support",
        name="OSEO innovation support",
        **SLIDES,
        kind=Instrument.Kind.GRANT,
        level=Instrument.Level.NATIONAL,
        managing_body=oseo,
        eligible_countries=["FR"],
        description="Third of OSEO's three businesses: support for companies' innovation.",
        eligibilities=fr_sme,
        tags=["innovation", "smes"],
    )
    d.instrument(
        FUI,
        name="Interministerial fund for poles of competitiveness",
        **SLIDES,
        acronym="FUI",
        kind=Instrument.Kind.GRANT,
        level=Instrument.Level.NATIONAL,
        managing_body=oseo,
        eligible_countries=["FR"],
        calls_per_year=2,
        eligible_activities=["Collaborative R&D projects of private or public companies and partners, labelled "
                             "by a pole of competitiveness"],
        description=(
            "French interministerial fund (fonds unique interministériel) for the poles of competitiveness "
            "(« Pôles de compétitivité »), managed by OSEO. Two calls for proposals a year, submitted through a "
            "secured extranet, fund collaborative R&D projects that carry a label; OSEO backs the SMEs taking "
            "part in the poles' projects with grants from the fund."
        ),
        eligibilities=[
            (BeneficiaryType.SME, "OSEO supports the SMEs in the poles' projects."),
            (BeneficiaryType.LARGE_COMPANY, "Private or public companies in collaborative R&D projects."),
            (BeneficiaryType.RESEARCH, "Public partners of collaborative R&D projects."),
        ],
        tags=["collaborative r&d", "poles of competitiveness", "cluster policy"],
    )  # fmt: skip
    express = d.instrument(
        INNOVATION_EXPRESS,
        name="Innovation Express",
        kind=Instrument.Kind.GRANT,
        level=Instrument.Level.MULTILATERAL,
        # A pilot of TACTICS, which the slides say ends in August 2012: no call of it can be open now.
        status=Instrument.Status.DISCONTINUED,
        status_as_of=dt.date(2012, 8, 31),
        status_source="TACTICS / European Cluster Alliance slides (the project's end)",
        managing_body=oseo,
        eligible_activities=INNOVATION_EXPRESS_ACTIVITIES,
        description=(
            "TACTICS pilot: a joint call for proposals supporting transnational inter-clustering for the benefit "
            "of SMEs, paid for by national and regional innovation agencies. It is kept as flexible as possible — "
            "each funder keeps its own national or regional rules and procedures, only the call is run in "
            "common. Cluster organisations prepare and submit the proposals; depending on each funder's rules "
            "the money goes to SMEs and/or the cluster organisations, always for the benefit of SMEs. Open to "
            "all sectors. Coordinated from OSEO, the TACTICS coordinator."
        ),
        eligibilities=[
            (BeneficiaryType.SME, "Directly or through their cluster, depending on each funder's rules."),
            (BeneficiaryType.CLUSTER_ORGANISATION, "Cluster organisations (governance, legal entity) prepare and "
                                                   "submit the proposals."),
        ],
        tags=["inter-clustering", "transnational cooperation", "smes", "all sectors"],
    )  # fmt: skip
    d.call(
        "innovation-express-call-1",
        instrument=express,
        title="Innovation Express – 1st call",
        number=1,
        proposals_received=70,
        clusters_targeted=141,
        url="http://www.proinno-europe.eu/tactics",
        description="First results: 70 proposals received, targeting 141 clusters. Call dates not given.",
        tags=["inter-clustering"],
    )
    d.call(
        "innovation-express-call-2",
        instrument=express,
        title="Innovation Express – 2nd call",
        number=2,
        url="http://www.proinno-europe.eu/tactics",
        description="Reported as open in the ECA's account of its 2010 achievements; opening and deadline not given.",
        tags=["inter-clustering"],
    )

    _events(d, eca, oseo)


def _events(d: DemoLoader, eca: Organisation, oseo: Organisation) -> None:
    common = {"language": "en", "source_citation": SOURCE, "organiser": eca, "tags": ["cluster policy"]}
    for month in (7, 9):
        name = "July" if month == 7 else "September"
        visit = d.visit(
            f"eca-workshop-internationalisation-brussels-2010-{month:02d}",
            title=f"ECA workshop on the internationalisation of clusters, Brussels ({name} 2010)",
            kind=Visit.Kind.WORKSHOP,
            start_date=dt.date(2010, month, 1),
            date_precision=DatePrecision.MONTH,
            city="Brussels",
            country="BE",
            summary=f"One of the dedicated ECA workshops of 2010, held in Brussels in {name} on the theme of "
            "internationalisation (exact day not given).",
            **{**common, "tags": ["cluster policy", "internationalisation"]},
        )
        d.participant(visit, Participant.Role.ORGANISER, organisation=eca)

    korea = d.visit(
        "eca-korean-cluster-policy-actors-2010",
        title="ECA policy dialogue with Korean cluster policy actors",
        kind=Visit.Kind.OTHER,
        start_date=dt.date(2010, 11, 24),
        summary="Exchange of 24 November 2010 between the ECA and Korean cluster policy actors, part of its support "
        "for best-practice dialogue with non-EU countries aimed at future business collaboration.",
        participant_countries=["KR"],
        **{**common, "tags": ["cluster policy", "internationalisation", "korea"]},
    )
    d.participant(korea, Participant.Role.ORGANISER, organisation=eca)
    d.participant(korea, Participant.Role.ATTENDEE, group="Korean cluster policy actors", country="KR")

    paris = d.visit(
        "paris-region-interclustering-event-2010",
        title="Paris Region interclustering cooperation event",
        kind=Visit.Kind.OTHER,
        start_date=dt.date(2010, 12, 1),
        date_precision=DatePrecision.MONTH,
        city="Paris",
        region="Île-de-France",
        country="FR",
        summary="December 2010 interclustering cooperation event of the Paris Region, cited as a national cluster "
        "event in which ECA members take part (exact day not given).",
        **{**common, "organiser": None, "tags": ["inter-clustering"]},
    )
    d.participant(paris, Participant.Role.ATTENDEE, organisation=eca)

    wire = d.visit(
        "wire-2-hungary-2011",
        title="WIRE 2",
        kind=Visit.Kind.CONFERENCE,
        start_date=dt.date(2011, 6, 1),
        date_precision=DatePrecision.MONTH,
        country="HU",
        summary="EU Presidency event linked to cluster initiatives, held in Hungary in June 2011; the ECA planned "
        "to support it as part of its 2011 actions.",
        **{**common, "organiser": None, "tags": ["cluster policy", "eu presidency"]},
    )
    d.participant(wire, Participant.Role.SUPPORTER, organisation=eca)


DESCRIPTION_ECA = """\
Open platform launched by the European Commission's DG Enterprise and Industry for cooperation across
borders between cluster policy makers, to improve cluster policies for the benefit of companies and
to develop and test new initiatives for cluster excellence and internationalisation. Coordinated and
animated by OSEO through the TACTICS project; secretariat run by inno group.

**Membership:** nearly 80 member organisations with more than 160 individuals from 24 countries,
mostly regional and national agencies; many German, French, Italian and Spanish organisations. A
member survey (spring 2010) found many members funding clusters directly and funding projects.
Targeted members: ministries and agencies funding innovation or clusters in Europe and neighbouring
countries (e.g. the Mediterranean basin), regions in Regions of Knowledge, transnational networks of
clusters (meta-clusters) and cluster associations working internationally.

**Aims:** share cluster policy experience of national and regional authorities; move from spotting
good policies to real policy dialogue; be the EU-level place for new ideas, tools and funding
initiatives; raise the excellence of cluster policies towards world-class clusters.

**Members get** early access to EU consultation documents, ECA-only thematic workshops, pilot
cooperation with other cluster funders via TACTICS and a stage for their policies; **they give**
workshop participation, answers to consultations and surveys, willingness to test pilots, content,
and participation in EU calls.

**2010:** membership renewed (80 members), newsletters and website, member survey, workshops in
Brussels (July, September) on internationalisation, events in Spain, Belgium and Croatia, links with
TAFTIE, ERRIN and Canada/Montreal, launch support for Innovation Express (2nd call open).
**Vision:** a thriving, self-sustaining network of cluster policy makers and funders by the end of
TACTICS (August 2012), with a business plan and governance worked out in 2011.
"""
