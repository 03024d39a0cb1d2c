"""Seed 000: the Zheleznogorsk cluster delegation at the ViaMeca pole of competitiveness,
16-19 April 2013, organised by the Center for Strategic Research "North-West"."""

import datetime as dt

from clusters.models import Membership, Organisation
from demo.records.base import ACRONYM, SCRIPT, SPELLING, TRANSLATION, DemoLoader
from visits.models import Finding, Participant, Visit

VISIT = "zheleznogorsk-cluster-at-viameca-2013"
CSR = "csr-north-west"
ZHELEZNOGORSK = "innovation-technologies-cluster-zheleznogorsk"
VIAMECA = "viameca"
MAYER = "mayer-group-france"
PNB = "partners-in-nuclear-business"
AREVA = "areva"
TRADE_UNION = "trade-union-federation-of-mechanical-engineers"

SOURCE = (
    'Center for Strategic Research "North-West": report on the working visit of the Zheleznogorsk '
    "Cluster delegation to the Pole of Competitiveness ViaMeca, France (April 2013)"
)


def load(d: DemoLoader) -> None:
    csr = d.org(
        CSR,
        'Center for Strategic Research "North-West"',
        Organisation.Kind.AGENCY,
        country="RU",
        alt=[
            ("CSR North-West", ACRONYM, "en"),
            ("Center for Strategic Research North-West", SPELLING, "en"),
            ("Центр стратегических разработок «Северо-Запад»", SCRIPT, "ru"),
        ],
        description="Russian strategy centre that prepared and ran the Zheleznogorsk cluster's study trip to France "
        "in April 2013.",
    )
    zheleznogorsk = d.org(
        ZHELEZNOGORSK,
        "Innovation Technologies Cluster",
        Organisation.Kind.CLUSTER,
        country="RU",
        city="Zheleznogorsk",
        alt=[
            ("Zheleznogorsk Cluster", SPELLING, "en"),
            ("Innovation Technologies Cluster, Zheleznogorsk", SPELLING, "en"),
            ("Кластер инновационных технологий ЗАТО г. Железногорск", SCRIPT, "ru"),
        ],
        description=(
            "Russian cluster of Zheleznogorsk working on radiation and space technologies. In 2013 it sought "
            "to learn how such clusters are organised and run abroad, to win public acceptance at home and to "
            "build closer ties with government and local authorities."
        ),
        tags=["radiation technologies", "space technologies", "nuclear"],
        ecosystems=["aerospace-and-defence", "energy-intensive-industries"],
    )
    viameca = d.org(
        VIAMECA,
        "ViaMeca",
        Organisation.Kind.POLE,
        country="FR",
        national_programme="French poles of competitiveness (pôles de compétitivité)",
        description=(
            "French pole of competitiveness for mechanical engineering. Mayer Group France is one of its "
            "members; the Trade Union Federation of Mechanical Engineers is a partner, which values the pole "
            "for running R&D projects, pooling orders and bringing many SMEs into their execution."
        ),
        tags=["mechanical engineering"],
        ecosystems=["energy-intensive-industries"],
        contacts=[
            {
                "name": "Philippe Bertrand",
                "role": "In charge of scientific and technological projects and international cooperation",
            }
        ],
    )
    mayer = d.org(
        MAYER,
        "Mayer Group France",
        Organisation.Kind.COMPANY,
        country="FR",
        city="Saint-Étienne",
        founded=2001,
        company_size=Organisation.CompanySize.MEDIUM,
        alt=[("Mayer Group France, Saint-Etienne", SPELLING, "en")],
        description=(
            "Medium-sized engineering firm set up in 2001 in Saint-Étienne, working in electricity, mechanics "
            "and hydraulics. With its own design office it either rebuilds existing equipment completely "
            "(cheaper than buying a new machine) or designs one-off custom machinery."
        ),
        tags=["mechanical engineering", "electricity", "mechanics", "hydraulics", "equipment upgrade"],
        ecosystems=["energy-intensive-industries"],
    )
    pnb = d.org(
        PNB,
        "Partners in Nuclear Business",
        Organisation.Kind.POLE,
        acronym="PNB",
        country="FR",
        region="Burgundy",
        national_programme="French poles of competitiveness (pôles de compétitivité)",
        alt=[("PNB", ACRONYM, "en"), ("Pôle Nucléaire Bourgogne", TRANSLATION, "fr")],
        description=(
            "Burgundy-based pole of competitiveness for the nuclear industry, and the only one in France for "
            "nuclear energy; other French players in the sector are more scattered. It partners nuclear "
            "firms from the region and from the rest of France, with Areva as its anchor company."
        ),
        tags=["nuclear"],
        ecosystems=["energy-intensive-industries"],
    )
    areva = d.org(
        AREVA,
        "Areva",
        Organisation.Kind.COMPANY,
        country="FR",
        alt=[("AREVA", SPELLING, "fr")],
        description="French nuclear industry group; anchor company of the PNB pole in Burgundy.",
        tags=["nuclear"],
        ecosystems=["energy-intensive-industries"],
    )
    trade_union = d.org(
        TRADE_UNION,
        "Trade Union Federation of Mechanical Engineers",
        Organisation.Kind.ASSOCIATION,
        country="FR",
        description=(
            "French federation of mechanical engineering firms and partner of the ViaMeca pole. The source "
            "report gives its name in English only."
        ),
        tags=["mechanical engineering"],
        ecosystems=["energy-intensive-industries"],
    )

    d.member(viameca, mayer, Membership.Role.MEMBER, note="Mayer Group France is part of the ViaMeca pole.")
    d.member(pnb, areva, Membership.Role.ANCHOR, note="Anchor company of the pole.")
    d.member(viameca, trade_union, Membership.Role.PARTNER, note="Partner of the pole.")

    visit = d.visit(
        VISIT,
        title="Zheleznogorsk cluster delegation at the ViaMeca pole of competitiveness",
        kind=Visit.Kind.STUDY_VISIT,
        start_date=dt.date(2013, 4, 16),
        end_date=dt.date(2013, 4, 19),
        country="FR",
        organiser=csr,
        purpose=(
            "See how clusters in radiation and space technologies are organised and managed; make direct "
            "contact with leading centres in the field; raise public acceptance of the cluster back home; "
            "and strengthen relations with government and local authorities."
        ),
        summary=(
            "Four-day study trip of the Innovation Technologies Cluster (Zheleznogorsk, Russia) to France: the "
            "ViaMeca mechanical engineering pole, its member Mayer Group France in Saint-Étienne, the nuclear "
            "pole PNB in Burgundy and the Lyon engineering fair. The group learned how French poles are run "
            "and funded: the state pays 40 % of a research project and chooses projects by market demand."
        ),
        report=REPORT,
        language="en",
        source_citation=SOURCE,
        participant_countries=["RU", "FR"],
        delegation=[zheleznogorsk],
        hosts=[viameca, mayer, pnb, trade_union],
        tags=[
            "radiation technologies",
            "space technologies",
            "nuclear",
            "mechanical engineering",
            "cluster management",
        ],
        ecosystems=["aerospace-and-defence", "energy-intensive-industries"],
    )

    d.stop(
        visit,
        1,
        date=dt.date(2013, 4, 16),
        host=viameca,
        country="FR",
        description=(
            "Start of the trip at the ViaMeca pole. Philippe Bertrand explained the main lines along which "
            "poles of competitiveness are built and how French research projects are financed."
        ),
    )
    d.stop(
        visit,
        2,
        0,
        date=dt.date(2013, 4, 17),
        host=mayer,
        place="Saint-Étienne",
        country="FR",
        description="Visit of the ViaMeca member company: design office, full equipment upgrades, custom machines.",
    )
    d.stop(
        visit,
        2,
        1,
        date=dt.date(2013, 4, 17),
        host=pnb,
        place="Burgundy",
        country="FR",
        description="Same day: meeting at the nuclear pole of competitiveness PNB, whose anchor company is Areva.",
    )
    d.stop(
        visit,
        3,
        0,
        date=dt.date(2013, 4, 18),
        place="Lyon engineering fair",
        country="FR",
        description=(
            "France's biggest yearly engineering fair, attended by Industry Minister Arnaud Montebourg. The "
            "delegation looked at exhibitors' products while scouting for future partners."
        ),
    )
    d.stop(
        visit,
        3,
        1,
        date=dt.date(2013, 4, 18),
        host=viameca,
        place="Lyon engineering fair",
        country="FR",
        description="Several meetings with ViaMeca representatives on the fair.",
    )
    d.stop(
        visit,
        4,
        date=None,
        host=trade_union,
        country="FR",
        description=(
            "Exchange with the Trade Union Federation of Mechanical Engineers, ViaMeca's partner. The report "
            "does not say on which day it took place; it is placed on the last day of the trip."
        ),
    )

    d.participant(visit, Participant.Role.DELEGATE, organisation=zheleznogorsk, country="RU")
    d.participant(visit, Participant.Role.ORGANISER, organisation=csr, country="RU")
    d.participant(
        visit,
        Participant.Role.SPEAKER,
        organisation=viameca,
        person_name="Philippe Bertrand",
        position="In charge of scientific and technological projects and international cooperation, ViaMeca",
        country="FR",
    )
    d.participant(
        visit,
        Participant.Role.ATTENDEE,
        person_name="Arnaud Montebourg",
        position="Industry Minister of France (present at the Lyon engineering fair)",
        country="FR",
    )
    d.participant(visit, Participant.Role.SPEAKER, organisation=trade_union, country="FR")

    d.findings(
        visit,
        [
            {
                "text": "When deciding what to fund, the French state looks first at market demand: whether the "
                "technology can be sold once it has been developed.",
            },
            {
                "text": "The state pays for part of a research project in France.",
                "figure_label": "State share of a research project's funding",
                "value": 40,
                "unit": Finding.Unit.PERCENT,
            },
            {
                "text": "The rest of a research project's budget has to come from other sources.",
                "figure_label": "Share of a research project's funding from other sources",
                "value": 60,
                "unit": Finding.Unit.PERCENT,
            },
            {
                "text": "Rebuilding an existing machine completely instead of buying a new one saves up to 40 % "
                "of the price of the new unit.",
                "subject": mayer,
                "figure_label": "Maximum saving of a full equipment upgrade against a new machine",
                "value": 40,
                "unit": Finding.Unit.PERCENT,
            },
            {
                "text": "PNB in Burgundy is the one pole of competitiveness for nuclear energy in France and a "
                "key centre of the industry; the other French players hold fewer technological competencies.",
                "subject": pnb,
            },
            {
                "text": "The industry federation sees the pole as an effective way to run R&D projects, to pool "
                "orders and to bring a wide range of SMEs into carrying them out.",
                "subject": viameca,
            },
        ],
    )


REPORT = """\
**Organiser:** Center for Strategic Research "North-West". **Delegation:** Innovation Technologies
Cluster, Zheleznogorsk (Russia). **Dates:** 16-19 April 2013.

### Day 1 — ViaMeca
Philippe Bertrand, who handles science and technology projects and international cooperation at
ViaMeca, walked the group through how poles of competitiveness are set up. Two points stood out:
public money follows market demand (can the result be sold?), and the state covers 40 % of a
research project while the other 60 % is raised elsewhere.

### Day 2 — Saint-Étienne and Burgundy
*Mayer Group France* (founded 2001, medium-sized, ViaMeca member; electricity, mechanics,
hydraulics) showed its design office. It can rebuild existing equipment — up to 40 % cheaper
than a new machine — or design bespoke machines.

*Partners in Nuclear Business (PNB)*, the Burgundy pole of the nuclear industry with Areva as
anchor company, joins regional and other French nuclear firms. It is France's only pole in nuclear
energy.

### Day 3 — Lyon engineering fair
The delegation toured France's largest yearly engineering fair, which Industry Minister Arnaud
Montebourg attended, looked for partners and met ViaMeca representatives again.

### Trade Union Federation of Mechanical Engineers
ViaMeca's partner federation described the pole as an efficient vehicle for R&D projects and for
pooling orders so that many SMEs take part. (The report does not date this exchange.)
"""
