"""Seed 002: Turkish news item of 21 July 2017 — the İŞİM cluster visits French ESCA gold-label
clusters within the EU project CLUSTEM. The report is kept in Turkish, with an English summary."""

import datetime as dt

from clusters.models import Label, Membership, Organisation
from core.models import DatePrecision
from demo.records import shared
from demo.records.base import SPELLING, TRANSLATION, DemoLoader
from visits.models import Finding, FollowUp, Participant, Visit

VISIT = "isim-clustem-gold-label-clusters-france-2017"
PROJECT = "clustem"
ISIM = "isim"
PVF = "pole-vehicule-du-futur"
TEXTILE_ALSACE = "textile-alsace"
TECHTERA = "techtera"
POLYTECH = "polytech-lyon"

SOURCE = "İŞİM news item “İŞİM CLUSTEM kapsamında Avrupa turunda”, 21 July 2017 (in Turkish)"
SOURCE_SHORT = "İŞİM news item (in Turkish)"
NEWS_DATE = dt.date(2017, 7, 21)


def load(d: DemoLoader) -> None:
    isim = d.org(
        ISIM,
        "İŞİM",
        Organisation.Kind.CLUSTER,
        country="TR",
        alt=[
            ("İş ve İnşaat Makineleri Kümelenmesi", TRANSLATION, "tr"),
            ("ISIM", SPELLING, "en"),
            ("Is ve Insaat Makineleri Kumelenmesi", SPELLING, "tr"),
            ("Business and Construction Machinery Cluster", TRANSLATION, "en"),
        ],
        description=(
            "Turkish cluster of business and construction machinery makers. As a partner of the EU project "
            "CLUSTEM it visited French gold-label clusters in 2017 and hosts the project's closing meeting "
            "in Ankara."
        ),
        tags=["construction machinery"],
        ecosystems=["construction"],
        contacts=[
            {"name": "Fevzi Gökalp", "role": "Coordinator (Koordinatör)"},
            {"name": "Esma Akyüz", "role": "Project expert (Proje Uzmanı)"},
        ],
    )
    pvf = d.org(
        PVF,
        "Pôle Véhicule du Futur",
        Organisation.Kind.POLE,
        country="FR",
        members_count=375,
        members_count_as_of=NEWS_DATE,
        members_count_source=SOURCE_SHORT,
        members_small_pct=58,
        members_medium_pct=22,
        members_large_pct=20,
        national_programme="French poles of competitiveness (pôles de compétitivité)",
        alt=[
            ("Pole Vehicule du Futur", SPELLING, "fr"),
            ("Vehicle of the Future Pole", TRANSLATION, "en"),
        ],
        description=(
            "French pole for the vehicles of the future, with 375 member firms: 58 % small, 22 % medium-sized "
            "and 20 % large. It signs a yearly contract with the government and so receives substantial "
            "grant pre-financing for the spending in the business plan it submits. Member projects that the "
            "pole endorses can earn a grant 15 % above the normal state support. Its five main services: "
            "innovation, industrial performance (strategy and business development), networking and "
            "business-to-business meetings, economic intelligence, and company development. ESCA gold label."
        ),
        tags=["automotive", "vehicles of the future", "economic intelligence", "business development"],
        ecosystems=["mobility-transport-automotive"],
    )
    textile_alsace = d.org(
        TEXTILE_ALSACE,
        "Textile Alsace",
        Organisation.Kind.CLUSTER,
        country="FR",
        city="Mulhouse",
        region="Alsace",
        description="Textile cluster in Mulhouse holding the ESCA gold label; visited by İŞİM and its CLUSTEM "
        "partners in 2017.",
        tags=["textile"],
        ecosystems=["textile"],
    )
    techtera = d.org(
        TECHTERA,
        "Techtera",
        Organisation.Kind.CLUSTER,
        country="FR",
        city="Lyon",
        founded=2005,
        public_funding_pct=70,
        public_funding_as_of=NEWS_DATE,
        public_funding_source=SOURCE_SHORT,
        description=(
            "Lyon textile cluster, the first textile cluster to earn the ESCA gold label. Named an innovative "
            "cluster by the state in 2005, it has since grown a network of textile firms, universities, "
            "laboratories and technical centres; suppliers are members too. Government grants cover 70 % of "
            "its budget, against a yearly business plan. Unusually, it gives board members of strong rival "
            "clusters of the same sector a seat on its own board."
        ),
        tags=["textile", "technical textiles", "governance"],
        ecosystems=["textile"],
    )
    polytech = d.org(
        POLYTECH,
        "Polytech Lyon",
        Organisation.Kind.RESEARCH,
        country="FR",
        city="Lyon",
        alt=[("Polytech Üniversitesi", TRANSLATION, "tr"), ("Polytech university, Lyon", SPELLING, "en")],
        description="University engineering school in Lyon; partner of the Techtera cluster.",
        tags=["textile"],
        ecosystems=["textile"],
    )
    d.member(techtera, polytech, Membership.Role.PARTNER, note="Solution partner (çözüm ortağı) of the cluster.")

    # Held in July 2017, as the news item says: the page reads "ESCA Gold as of Jul 2017, per ...",
    # never "valid" today (core.provenance). Award and expiry dates are not reported.
    held = {"as_of": NEWS_DATE, "source": SOURCE_SHORT}
    for org in (pvf, textile_alsace):
        d.label(org, Label.Kind.ESCA_GOLD, note="Award and expiry dates not reported.", **held)
    d.label(
        techtera,
        Label.Kind.ESCA_GOLD,
        note="First textile cluster to earn the gold label; award and expiry dates not reported.",
        **held,
    )

    project = d.project(
        PROJECT,
        name="CLUSTEM",
        acronym="CLUSTEM",
        funder=d.get_org(shared.EC),  # the report calls it an EU project ("AB Projesi")
        end_date=dt.date(2017, 12, 1),
        date_precision=DatePrecision.MONTH,
        partners=[{"organisation": isim, "responsibility": "Hosts the closing meeting in Ankara"}],
        partner_countries=["TR", "GB", "IT", "ES"],
        description=(
            "EU project of clusters from Turkey, the United Kingdom, Italy and Spain that study ESCA gold-label "
            "clusters abroad. In July 2017 the partners were planning its last six months; it closes at the "
            "end of 2017 with a meeting in Ankara (end date known to the month only; start date not reported)."
        ),
        tags=["cluster excellence", "esca gold label"],
    )

    visit = d.visit(
        VISIT,
        title="İŞİM, CLUSTEM projesiyle Fransa'daki altın etiketli kümeleri inceledi",
        kind=Visit.Kind.STUDY_VISIT,
        start_date=dt.date(2017, 7, 1),
        date_precision=DatePrecision.MONTH,
        country="FR",
        project=project,
        purpose=(
            "Altın etiketli Fransız kümelerinin çalışma biçimini, yönetim modelini ve devletten aldıkları "
            "desteği yerinde öğrenmek; CLUSTEM'in kalan dönemini planlamak."
        ),
        summary=SUMMARY_TR,
        report=REPORT_TR,
        language="tr",
        summary_en=SUMMARY_EN,
        source_citation=SOURCE,
        source_date=dt.date(2017, 7, 21),
        participant_countries=["TR", "GB", "IT", "ES", "FR"],
        delegation=[isim],
        hosts=[pvf, textile_alsace, techtera, polytech],
        tags=["construction machinery", "textile", "automotive", "esca gold label", "cluster management", "funding"],
        ecosystems=["construction", "textile", "mobility-transport-automotive"],
    )

    phase = "The news item names two stages (Mulhouse, then Lyon) but gives no dates."
    d.stop(visit, 1, 0, host=pvf, place="Mulhouse", country="FR", description=f"Pôle Véhicule du Futur. {phase}")
    d.stop(visit, 1, 1, host=textile_alsace, place="Mulhouse", country="FR", description="Textile Alsace cluster.")
    d.stop(visit, 2, 0, host=techtera, place="Lyon", country="FR", description="Techtera textile cluster.")
    d.stop(
        visit,
        2,
        1,
        host=polytech,
        place="Lyon",
        country="FR",
        description="Meeting with Polytech, Techtera's university partner.",
    )

    d.participant(
        visit,
        Participant.Role.DELEGATE,
        organisation=isim,
        person_name="Fevzi Gökalp",
        position="Coordinator",
        country="TR",
    )
    d.participant(
        visit,
        Participant.Role.DELEGATE,
        organisation=isim,
        person_name="Esma Akyüz",
        position="Project expert",
        country="TR",
    )
    for country, label in (("GB", "United Kingdom"), ("IT", "Italy"), ("ES", "Spain")):
        d.participant(visit, Participant.Role.DELEGATE, group=f"CLUSTEM partner clusters from {label}", country=country)

    d.findings(
        visit,
        [
            {"text": "In France cluster support has become state policy: aid is generous and sector development "
             "is a priority."},
            {"text": "Pôle Véhicule du Futur has 375 members.", "subject": pvf,
             "figure_label": "Members of Pôle Véhicule du Futur", "value": 375, "unit": Finding.Unit.COUNT},
            {"text": "Most of its members are small firms.", "subject": pvf,
             "figure_label": "Small firms among members", "value": 58, "unit": Finding.Unit.PERCENT},
            {"text": "About a fifth of its members are medium-sized firms.", "subject": pvf,
             "figure_label": "Medium-sized firms among members", "value": 22, "unit": Finding.Unit.PERCENT},
            {"text": "One member in five is a large group firm.", "subject": pvf,
             "figure_label": "Large firms among members", "value": 20, "unit": Finding.Unit.PERCENT},
            {"text": "A yearly contract with the government lets the pole draw grant pre-financing for the "
             "spending planned in its business plan.", "subject": pvf},
            {"text": "A member project endorsed by the pole earns an extra grant on top of the usual state aid; "
             "without the pole's approval there is no bonus.", "subject": pvf,
             "figure_label": "Extra grant for cluster-approved projects", "value": 15, "unit": Finding.Unit.PERCENT},
            {"text": "The pole's five key services: innovation, industrial performance, networking and B2B "
             "meetings, economic intelligence, company development.", "subject": pvf},
            {"text": "Techtera was the first textile cluster to win the gold label; the state recognised it as "
             "an innovative cluster in its founding year.", "subject": techtera,
             "figure_label": "Year Techtera was recognised and founded", "value": 2005, "unit": Finding.Unit.YEAR},
            {"text": "Government grants cover most of Techtera's budget, tied to its yearly business plan.",
             "subject": techtera, "figure_label": "State share of Techtera's budget", "value": 70,
             "unit": Finding.Unit.PERCENT},
            {"text": "Techtera admits suppliers as members and seats board members of strong competing clusters "
             "on its own board.", "subject": techtera},
        ],
    )  # fmt: skip

    d.follow_up(visit, "Next CLUSTEM visit to a gold-label cluster in Copenhagen", status=FollowUp.Status.PLANNED)
    d.follow_up(visit, "Next CLUSTEM visit to a gold-label cluster in Hamburg", status=FollowUp.Status.PLANNED)
    d.follow_up(
        visit,
        "CLUSTEM closing meeting in Ankara, hosted by İŞİM",
        owner=isim,
        due_date=dt.date(2017, 12, 1),
        due_precision=DatePrecision.MONTH,
        status=FollowUp.Status.PLANNED,
    )


SUMMARY_TR = (
    "İş ve İnşaat Makineleri Kümelenmesi (İŞİM), AB destekli CLUSTEM projesi çerçevesinde İngiltere, İtalya ve "
    "İspanya'dan ortak kümelerle birlikte Fransa'ya gitti. Heyet Mulhouse ve Lyon'da ESCA altın etiketli üç "
    "kümenin yönetim modelini ve aldığı kamu desteğini inceledi; Fransa'da kümelenmeye verilen desteğin artık "
    "bir devlet politikası olduğu görüldü. Ortaklar projenin son dönemini de planladı."
)

SUMMARY_EN = (
    "Turkish news item (21 July 2017, exact visit dates not given; stored as July 2017). İŞİM, the Turkish "
    "business and construction machinery cluster, joined its CLUSTEM partners from the UK, Italy and Spain on a "
    "study tour of three ESCA gold-label clusters in Mulhouse and Lyon: Pôle Véhicule du Futur (375 members, "
    "58 % small, 22 % medium, 20 % large firms; yearly contract with the state; 15 % extra grant on projects the "
    "pole approves), Textile Alsace and Techtera (first gold-label textile cluster, recognised in 2005, 70 % of "
    "its budget from the state) with its partner Polytech. Next gold-label visits: Copenhagen and Hamburg; "
    "closing meeting in Ankara, hosted by İŞİM, at the end of 2017."
)

REPORT_TR = """\
**Heyet:** İŞİM Koordinatörü Fevzi Gökalp ile Proje Uzmanı Esma Akyüz; CLUSTEM ortağı İngiliz,
İtalyan ve İspanyol kümeleri. **Güzergâh:** Mulhouse ve Lyon (Fransa).

### Mulhouse: Pôle Véhicule du Futur ve Textile Alsace
Pôle Véhicule du Futur'un 375 üyesi var; üyelerin %58'ini küçük, %22'sini orta, %20'sini büyük
ölçekli firmalar oluşturuyor. Küme her yıl hükümetle bir sözleşme imzalıyor ve devlete sunduğu iş
planındaki harcamalar için hibe olarak ön finansman alabiliyor. Üyelerin projelerine küme onay
verdiğinde, devlet desteğinin üzerine %15 ek hibe ekleniyor. Kümenin öne çıkan beş hizmeti:
inovasyon, sanayi performansı (strateji ve iş geliştirme), iş ağı ve ikili görüşmeler, ekonomik
istihbarat ve firma geliştirme. Mulhouse'taki ikinci durak Textile Alsace kümesiydi.

### Lyon: Techtera ve Polytech
Programın ikinci bölümünde heyet, Techtera kümesi ve kümenin çözüm ortağı Polytech ile görüştü.
Techtera, altın etiketi alan ilk tekstil kümesi. Devlet onu 2005'te yenilikçi küme olarak tanıdı;
o tarihten beri tekstil firmaları, üniversiteler, laboratuvarlar ve teknik merkezlerden oluşan bir
ağ kurdu. Hükümet, yıllık iş planına karşılık bütçenin %70'ine denk gelen hibe veriyor. Tedarikçiler
de üye; ayrıca aynı sektördeki güçlü rakip kümelerin yönetim kurulu üyelerine kendi kurulunda yer
açıyor.

### Proje toplantısı
Ortaklar CLUSTEM'in son altı ayının iş planını konuştu. Sıradaki altın etiketli küme ziyaretleri
Kopenhag ve Hamburg'da olacak; yıl sonundaki kapanış toplantısına İŞİM Ankara'da ev sahipliği
yapacak.
"""
