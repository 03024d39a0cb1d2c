"""Synthetic data at scale, for benchmarks and query-count tests (``manage.py generate_data``).

Every row is a function of the seed alone (one ``random.Random(seed)``, a fixed reference date),
so two runs with the same seed write the same rows. Distributions are skewed the way the real
data is: a few countries, ecosystems, instruments and tags take most rows (Zipf-like weights).

Every synthetic organisation, visit, instrument, call and project has a slug starting with
``syn-`` (slugs are unique and indexed); the rows that hang off them are found through their
parent, and synthetic tags also carry the prefix. ``remove()`` deletes exactly those rows, so the
demo data is never touched.
"""

import random
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from itertools import accumulate

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Exists, OuterRef
from django.utils.text import slugify
from taggit.models import Tag, TaggedItem

from clusters.models import AlternativeName, ContactPerson, Ecosystem, Label, Membership, Organisation
from core.text import transliterate
from funding.models import BeneficiaryType, Call, Eligibility, Instrument, Project, ProjectPartner
from visits.models import Attachment, Finding, FollowUp, ItineraryStop, Participant, Visit

PREFIX = "syn-"
REFERENCE_DATE = date(2026, 1, 15)
BATCH = 5000
DEFAULT_SIZES = {"organisations": 100_000, "visits": 20_000, "instruments": 5_000, "calls": 10_000, "projects": 3_000}

# (code, language, cities, regions), most frequent first: the weights follow the rank.
COUNTRIES = [
    ("DE", "de", ["München", "Düsseldorf", "Köln", "Stuttgart", "Nürnberg", "Jena", "Görlitz"], ["Bayern", "NRW"]),
    ("FR", "fr", ["Toulouse", "Lyon", "Saint-Étienne", "Besançon", "Orléans", "Nîmes"], ["Occitanie", "Grand Est"]),
    ("IT", "it", ["Torino", "Milano", "Bologna", "Forlì", "Napoli", "Cantù"], ["Piemonte", "Emilia-Romagna"]),
    ("ES", "es", ["Barcelona", "Bilbao", "Málaga", "Córdoba", "Valencia", "León"], ["Cataluña", "País Vasco"]),
    ("PL", "pl", ["Łódź", "Kraków", "Wrocław", "Gdańsk", "Poznań", "Bielsko-Biała"], ["Łódzkie", "Śląskie"]),
    ("CZ", "cs", ["Brno", "Ostrava", "Plzeň", "České Budějovice", "Hradec Králové"], ["Moravskoslezský kraj"]),
    ("TR", "tr", ["İstanbul", "İzmir", "Bursa", "Eskişehir", "Kayseri", "Gaziantep"], ["Marmara", "Ege"]),
    ("RU", "ru", ["Москва", "Санкт-Петербург", "Казань", "Новосибирск", "Томск"], ["Татарстан"]),
    ("NL", "nl", ["Eindhoven", "Delft", "Rotterdam", "Groningen"], ["Noord-Brabant"]),
    ("SE", "sv", ["Göteborg", "Malmö", "Linköping", "Umeå"], ["Västra Götaland"]),
    ("AT", "de", ["Graz", "Linz", "Wien", "Innsbruck"], ["Steiermark", "Oberösterreich"]),
    ("BE", "fr", ["Liège", "Namur", "Gent", "Leuven"], ["Wallonie", "Vlaanderen"]),
    ("HU", "hu", ["Győr", "Debrecen", "Szeged", "Pécs"], ["Nyugat-Dunántúl"]),
    ("PT", "pt", ["Porto", "Braga", "Aveiro", "Évora"], ["Norte", "Centro"]),
    ("FI", "fi", ["Tampere", "Oulu", "Jyväskylä"], ["Pirkanmaa"]),
    ("DK", "da", ["Aarhus", "Odense", "Aalborg"], ["Midtjylland"]),
    ("SK", "sk", ["Košice", "Žilina", "Bratislava"], ["Košický kraj"]),
    ("GB", "en", ["Sheffield", "Manchester", "Bristol"], ["Yorkshire"]),
]
# Words for names: (cluster noun, topics) per language; topics carry the diacritics.
WORDS = {
    "de": ("Cluster", ["Automotive", "Medizintechnik", "Lebensmittel", "Optische Technologien", "Kunststoff"]),
    "fr": ("Pôle", ["Aéro", "Véhicule du futur", "Santé", "Matériaux", "Mécanique", "Énergies"]),
    "it": ("Distretto", ["Meccatronica", "Agroalimentare", "Aerospaziale", "Nautica", "Tessile"]),
    "es": ("Clúster", ["Automoción", "Energía", "Logística", "Aeronáutico", "Alimentación"]),
    "pl": ("Klaster", ["Automobilowy", "Lotniczy", "Spożywczy", "Meblarski", "Energetyczny", "Włókienniczy"]),
    "cs": ("Klastr", ["Strojírenský", "Automobilový", "Nanotechnologický", "Dřevařský", "Energetický"]),
    "tr": ("Kümesi", ["Savunma Sanayii", "Otomotiv", "Tekstil", "Makine", "Yazılım", "Gıda"]),
    "ru": ("Кластер", ["автомобильный", "медицинский", "ядерный", "авиационный", "ИТ"]),
}
WORDS_EN = ("Cluster", ["Mobility", "Health", "Materials", "Energy", "Digital", "Food", "Aerospace", "Maritime"])
SURNAMES = [
    "Müller",
    "Schröder",
    "Lefèvre",
    "Dupré",
    "Rossi",
    "Bianchi",
    "García",
    "Núñez",
    "Kowalski",
    "Wałęsa",
    "Novák",
    "Dvořák",
    "Yılmaz",
    "Şahin",
    "Öztürk",
    "Kovács",
    "Nilsson",
    "Jansen",
    "Иванов",
    "Смирнов",
]
COMPANY_FORMS = {"de": "GmbH", "fr": "SAS", "it": "S.r.l.", "es": "S.L.", "pl": "Sp. z o.o.", "cs": "s.r.o."}
COMPANY_FORMS.update(tr="A.Ş.", ru="ООО", nl="B.V.", sv="AB", hu="Kft.", pt="Lda.", fi="Oy", da="ApS", sk="s.r.o.")
KINDS = ["company", "cluster", "research", "association", "agency", "pole", "authority", "network", "financial"]
TAG_WORDS = [
    "hydrogen",
    "additive manufacturing",
    "industry 4.0",
    "batteries",
    "photonics",
    "robotics",
    "composites",
    "e-mobility",
    "smart grids",
    "biotech",
    "medtech",
    "agritech",
    "cybersecurity",
    "ai",
    "iot",
    "textiles",
    "logistics",
    "circular economy",
    "space",
    "drones",
    "microelectronics",
    "5g",
    "packaging",
    "wood",
    "recycling",
    "nanomaterials",
    "quantum",
    "water",
    "tourism",
    "fintech",
    "gaming",
    "creative industries",
    "rail",
    "shipbuilding",
    "mining",
    "steel",
    "ceramics",
    "glass",
    "furniture",
    "wine",
]
TOPIC_WORDS = ["sensors", "testing", "training", "export", "standards", "design", "sourcing", "pilots"]


def zipf(n: int, s: float = 1.1) -> list[float]:
    """Cumulative Zipf weights for ``n`` ranked items (item 0 the most frequent)."""
    return list(accumulate(1 / (rank**s) for rank in range(1, n + 1)))


def tag_vocabulary() -> list[str]:
    """About 360 tags: the single words first (most used), then a long tail of pairs."""
    pairs = [f"{a} {b}" for a in TAG_WORDS for b in TOPIC_WORDS]
    return TAG_WORDS + pairs


class Generator:
    """Builds and bulk-inserts the rows; ``report(label, count, seconds)`` hears of each model."""

    def __init__(self, seed: int = 1, report=None, **sizes):
        self.rng = random.Random(seed)
        self.sizes = {**DEFAULT_SIZES, **{k: v for k, v in sizes.items() if v is not None}}
        self.report = report or (lambda label, count, seconds: None)
        self.country_weights = zipf(len(COUNTRIES), 1.2)
        self.kind_weights = list(accumulate([55, 12, 10, 6, 5, 4, 4, 2, 2]))
        self.tags = tag_vocabulary()
        self.tag_weights = zipf(len(self.tags), 1.05)

    # Helpers -------------------------------------------------------------------------------
    def pick(self, items, cum_weights):
        return self.rng.choices(items, cum_weights=cum_weights)[0]

    def sample(self, items, cum_weights, k: int) -> list:
        """``k`` distinct items drawn with the weights (fewer if there are not enough)."""
        chosen = []
        for _ in range(k * 3):
            item = self.pick(items, cum_weights)
            if item not in chosen:
                chosen.append(item)
                if len(chosen) == k:
                    break
        return chosen

    def day(self, years_back: int = 15, years_ahead: int = 2) -> date:
        offset = self.rng.randint(-365 * years_back, 365 * years_ahead)
        return REFERENCE_DATE + timedelta(days=offset)

    def insert(self, label: str, model, rows: list) -> list:
        started = time.perf_counter()
        copy_rows(model, rows)
        self.report(label, len(rows), time.perf_counter() - started)
        return rows

    def tag_rows(self, objects, model, tag_ids: dict, counts=(0, 0, 1, 1, 2, 3, 4, 6)) -> list:
        content_type = ContentType.objects.get_for_model(model)
        items = []
        for obj in objects:
            for name in self.sample(self.tags, self.tag_weights, self.rng.choice(counts)):
                items.append(TaggedItem(tag_id=tag_ids[name], content_type=content_type, object_id=obj.pk))
        return items

    def ensure_tags(self) -> dict:
        """The vocabulary's tags: existing ones (e.g. the demo's "hydrogen") are reused, the others
        created with a ``syn-`` slug so that ``remove()`` can find them."""
        existing = dict(Tag.objects.filter(name__in=self.tags).values_list("name", "pk"))
        new = [Tag(name=n, slug=f"{PREFIX}{slugify(n)}") for n in self.tags if n not in existing]
        self.insert("tags", Tag, new)
        existing.update({t.name: t.pk for t in new})
        return existing

    # Generation ----------------------------------------------------------------------------
    def run(self) -> dict:
        with transaction.atomic():
            self.ecosystems = list(Ecosystem.objects.order_by("position", "pk"))
            self.ecosystem_weights = zipf(len(self.ecosystems), 1.0)
            tag_ids = self.ensure_tags()
            orgs = self.organisations(tag_ids)
            instruments = self.instruments(orgs, tag_ids)
            self.calls(instruments, tag_ids)
            projects = self.projects(instruments, orgs, tag_ids)
            self.visits(orgs, projects, tag_ids)
        analyze()
        return dict(self.sizes)

    def organisation_name(self, kind: str, language: str, city: str, n: int) -> str:
        rng = self.rng
        if kind == "company":
            trade = rng.choice(WORDS.get(language, WORDS_EN)[1])
            return f"{rng.choice(SURNAMES)} {trade} {COMPANY_FORMS.get(language, 'Ltd')} {n}"
        noun, topics = WORDS.get(language, WORDS_EN)
        topic = rng.choice(topics)
        if language == "tr":
            return f"{city} {topic} {noun} {n}"
        if language == "ru":
            return f"{noun} {topic} {city} {n}"
        if kind == "research":
            return f"Institut {topic} {city} {n}"
        return f"{noun} {topic} {city} {n}"

    def organisations(self, tag_ids: dict) -> list:
        rng, n = self.rng, self.sizes["organisations"]
        rows, alt_names, labels, contacts, eco_links = [], [], [], [], []
        for i in range(n):
            code, language, cities, regions = self.pick(COUNTRIES, self.country_weights)
            kind = self.pick(KINDS, self.kind_weights)
            city = rng.choice(cities)
            name = self.organisation_name(kind, language, city, i + 1)
            is_group = kind in ("cluster", "pole", "network", "association")
            small = rng.randint(40, 80) if is_group else None
            targets = range(rng.choice((0, 0, 1, 3)))
            # Drawn here so that each row is written with its ecosystem ids (Organisation.ecosystem_ids),
            # which the link table's triggers then find current and leave alone.
            ecosystems = self.sample(self.ecosystems, self.ecosystem_weights, rng.choice((1, 1, 2, 3)))
            rows.append(
                Organisation(
                    slug=f"{PREFIX}{i + 1:06d}-{slugify(transliterate(name))[:70]}".rstrip("-"),
                    name=name,
                    acronym="".join(w[0] for w in name.split()[:3]).upper() if rng.random() < 0.4 else "",
                    kind=kind,
                    country=code,
                    region=rng.choice(regions),
                    city=city,
                    website=f"https://www.example-{i + 1}.test/",
                    description=f"{name} works on {rng.choice(TAG_WORDS)} and {rng.choice(TAG_WORDS)} in {city}.",
                    founded=rng.randint(1950, 2024) if rng.random() < 0.7 else None,
                    company_size=rng.choice(["micro", "small", "medium", "large"]) if kind == "company" else "",
                    members_count=int(rng.lognormvariate(4, 1)) + 1 if is_group else None,
                    members_small_pct=Decimal(small) if small else None,
                    members_research_pct=Decimal(rng.randint(0, 100 - small)) if small else None,
                    interest_topics=rng.sample(TAG_WORDS, rng.choice((0, 0, 1, 2))),
                    target_countries=sorted({self.pick(COUNTRIES, self.country_weights)[0] for _ in targets}),
                    ecosystem_ids=sorted(eco.pk for eco in ecosystems),
                )
            )
        self.insert("organisations", Organisation, rows)
        for org in rows:
            language = next(c[1] for c in COUNTRIES if c[0] == org.country)
            if language not in ("en",) and org.kind != "company" and rng.random() < 0.3:
                kind = "transliteration" if language == "ru" else "translation"
                english = f"{WORDS_EN[0]} {rng.choice(WORDS_EN[1])} {transliterate(org.city).title()}"
                alt_names.append(AlternativeName(organisation=org, name=english, kind=kind, language="en"))
            if org.kind in ("cluster", "pole") and rng.random() < 0.15:
                awarded = self.day(8, 0)
                labels.append(
                    Label(
                        organisation=org,
                        kind=rng.choice(["esca_bronze", "esca_bronze", "esca_silver", "esca_gold", "national"]),
                        awarded_on=awarded,
                        valid_until=awarded + timedelta(days=365 * 2),
                    )
                )
            for k in range(rng.choice((0, 0, 0, 1, 1, 2))):
                contacts.append(ContactPerson(organisation=org, name=f"{rng.choice(SURNAMES)} {k + 1}", role="Manager"))
            for eco_id in org.ecosystem_ids:
                eco_links.append(Organisation.ecosystems.through(organisation_id=org.pk, ecosystem_id=eco_id))
        self.insert("organisation ecosystems", Organisation.ecosystems.through, eco_links)
        self.insert("organisation tags", TaggedItem, self.tag_rows(rows, Organisation, tag_ids))
        self.insert("alternative names", AlternativeName, alt_names)
        self.insert("labels", Label, labels)
        self.insert("contact persons", ContactPerson, contacts)
        groups = [o for o in rows if o.kind in ("cluster", "pole", "network")]
        memberships = set()
        if groups:
            for org in rows:
                if org.kind == "company" and rng.random() < 0.3:
                    for group in rng.sample(groups, min(len(groups), rng.choice((1, 1, 2)))):
                        memberships.add((group.pk, org.pk, rng.choice(["member", "member", "member", "founder"])))
        self.insert(
            "memberships",
            Membership,
            [Membership(group_id=g, member_id=m, role=r) for g, m, r in sorted(memberships)],
        )
        return rows

    def instruments(self, orgs: list, tag_ids: dict) -> list:
        rng, n = self.rng, self.sizes["instruments"]
        bodies = [o for o in orgs if o.kind in ("agency", "authority", "financial")] or orgs
        rows = []
        for i in range(n):
            code, language, _, _ = self.pick(COUNTRIES, self.country_weights)
            level = rng.choice(["national", "national", "regional", "eu", "bilateral", "multilateral"])
            start = self.day(15, 0)
            word = rng.choice(["Programme", "Förderprogramm", "Fondo", "Programa", "Program"])
            name = f"{word} {rng.choice(TAG_WORDS).title()} {code} {i + 1}"
            rows.append(
                Instrument(
                    slug=f"{PREFIX}{i + 1:05d}-{slugify(name)[:60]}",
                    name=name,
                    acronym=f"{code}{i + 1}",
                    kind=rng.choice(["grant", "grant", "grant", "loan", "voucher", "equity", "prize"]),
                    level=level,
                    status="active" if rng.random() < 0.8 else "discontinued",
                    managing_body=rng.choice(bodies) if rng.random() < 0.8 else None,
                    eligible_countries=[] if level == "eu" else [code],
                    co_funding_rate=Decimal(rng.choice([25, 40, 50, 60, 70, 100])) if rng.random() < 0.6 else None,
                    budget=Decimal(rng.randint(1, 500) * 100_000) if rng.random() < 0.7 else None,
                    start_date=start,
                    end_date=start + timedelta(days=365 * rng.randint(1, 7)) if rng.random() < 0.6 else None,
                    calls_per_year=rng.choice([None, 1, 1, 2, 4]),
                    description=f"Supports {rng.choice(TAG_WORDS)} projects of SMEs and clusters.",
                )
            )
        self.insert("instruments", Instrument, rows)
        # A few programmes are families: a later instrument is the child of an earlier one.
        children = [inst for inst in rows[1:] if rng.random() < 0.1]
        for inst in children:
            inst.parent = rng.choice(rows[:50])
        children = [c for c in children if c.parent_id != c.pk]
        Instrument.objects.bulk_update(children, ["parent"], batch_size=BATCH)
        eligibilities = []
        types = list(BeneficiaryType.values)
        for inst in rows:
            for kind in rng.sample(types, rng.randint(1, 4)):
                rate = Decimal(rng.choice([50, 60, 70, 80])) if rng.random() < 0.3 else None
                eligibilities.append(Eligibility(instrument=inst, beneficiary_type=kind, co_funding_rate=rate))
        self.insert("eligibilities", Eligibility, eligibilities)
        eco_links = [
            Instrument.ecosystems.through(instrument_id=inst.pk, ecosystem_id=eco.pk)
            for inst in rows
            for eco in self.sample(self.ecosystems, self.ecosystem_weights, rng.choice((0, 1, 2)))
        ]
        self.insert("instrument ecosystems", Instrument.ecosystems.through, eco_links)
        self.insert("instrument tags", TaggedItem, self.tag_rows(rows, Instrument, tag_ids))
        return rows

    def calls(self, instruments: list, tag_ids: dict) -> list:
        rng, n = self.rng, self.sizes["calls"]
        if not instruments:
            return []
        weights = zipf(len(instruments), 0.8)
        rows = []
        for i in range(n):
            inst = self.pick(instruments, weights)
            opens = self.day(6, 1)
            rows.append(
                Call(
                    slug=f"{PREFIX}{i + 1:05d}-{inst.slug[len(PREFIX) : len(PREFIX) + 50]}",
                    instrument=inst,
                    title=f"{inst.name}: call {i + 1}",
                    number=rng.randint(1, 12),
                    opens_on=opens,
                    deadline=opens + timedelta(days=rng.randint(30, 180)) if rng.random() < 0.9 else None,
                    budget=Decimal(rng.randint(1, 100) * 50_000) if rng.random() < 0.5 else None,
                    proposals_received=rng.randint(5, 400) if rng.random() < 0.3 else None,
                )
            )
        self.insert("calls", Call, rows)
        self.insert("call tags", TaggedItem, self.tag_rows(rows, Call, tag_ids, counts=(0, 1, 1, 2)))
        return rows

    def projects(self, instruments: list, orgs: list, tag_ids: dict) -> list:
        rng, n = self.rng, self.sizes["projects"]
        rows = []
        for i in range(n):
            start = self.day(12, 1)
            acronym = f"{rng.choice(TAG_WORDS).upper().replace(' ', '')[:8]}-{i + 1}"
            word = rng.choice(["Cooperation", "Kooperation", "Współpraca", "İşbirliği"])
            rows.append(
                Project(
                    slug=f"{PREFIX}{i + 1:05d}-{slugify(acronym)}",
                    name=f"{word} on {rng.choice(TAG_WORDS)} {i + 1}",
                    acronym=acronym,
                    instrument=rng.choice(instruments) if instruments and rng.random() < 0.85 else None,
                    start_date=start,
                    end_date=start + timedelta(days=365 * rng.randint(1, 4)),
                    budget=Decimal(rng.randint(2, 400) * 10_000) if rng.random() < 0.6 else None,
                )
            )
        self.insert("projects", Project, rows)
        partners = []
        for project in rows:
            members = rng.sample(orgs, min(len(orgs), rng.randint(2, 12)))
            for k, org in enumerate(members):
                role = "coordinator" if k == 0 else "partner"
                partners.append(ProjectPartner(project=project, organisation=org, role=role, partner_code=f"P{k + 1}"))
            project.partner_countries = sorted({o.country.code for o in members})
            project.partners_count = len(members)
        Project.objects.bulk_update(rows, ["partner_countries", "partners_count"], batch_size=BATCH)
        self.insert("project partners", ProjectPartner, partners)
        self.insert("project tags", TaggedItem, self.tag_rows(rows, Project, tag_ids, counts=(0, 1, 2, 3)))
        return rows

    def visits(self, orgs: list, projects: list, tag_ids: dict) -> list:
        rng, n = self.rng, self.sizes["visits"]
        rows, stops, findings, participants, follow_ups, links = [], [], [], [], [], []
        kinds = list(Visit.Kind.values)
        for i in range(n):
            code, language, cities, regions = self.pick(COUNTRIES, self.country_weights)
            city = rng.choice(cities)
            start = self.day(15, 1)
            published = rng.random() < 0.85
            word = rng.choice(["Study visit", "Studienreise", "Visite", "Wizyta", "Ziyaret"])
            title = f"{word} {city} {rng.choice(TAG_WORDS)} {i + 1}"
            rows.append(
                Visit(
                    slug=f"{PREFIX}{i + 1:05d}-{slugify(transliterate(title))[:60]}",
                    title=title,
                    kind=rng.choice(kinds),
                    status="published" if published else "draft",
                    published_at=datetime(start.year, start.month, start.day, 12, tzinfo=UTC) if published else None,
                    start_date=start,
                    end_date=start + timedelta(days=rng.choice((0, 1, 2, 4))),
                    city=city,
                    region=rng.choice(regions),
                    country=code,
                    language=language,
                    summary=f"{city}: {rng.choice(TAG_WORDS)}, {rng.choice(TOPIC_WORDS)}.",
                    summary_en=f"Visit to {transliterate(city).title()} about {rng.choice(TAG_WORDS)}.",
                    report=f"## {city}\n\nThe delegation met {rng.randint(2, 20)} firms on {rng.choice(TAG_WORDS)}.",
                    organiser=rng.choice(orgs) if orgs and rng.random() < 0.7 else None,
                    project=rng.choice(projects) if projects and rng.random() < 0.1 else None,
                    participants_count=rng.randint(5, 60) if rng.random() < 0.5 else None,
                )
            )
        self.insert("visits", Visit, rows)
        for visit in rows:
            hosts = rng.sample(orgs, min(len(orgs), rng.randint(1, 3)))
            delegation = [o for o in rng.sample(orgs, min(len(orgs), rng.randint(1, 5))) if o not in hosts]
            links += [("hosts", visit.pk, o.pk) for o in hosts] + [("delegation", visit.pk, o.pk) for o in delegation]
            for k in range(rng.randint(1, 5)):
                host = rng.choice(hosts)
                day = k // 2 + 1
                stops.append(
                    ItineraryStop(
                        visit=visit,
                        day=day,
                        position=k % 2,
                        date=visit.start_date + timedelta(days=day - 1),
                        host=host,
                        place=host.city,
                        country=host.country,
                    )
                )
            for k in range(rng.randint(0, 4)):
                figure = rng.random() < 0.5
                findings.append(
                    Finding(
                        visit=visit,
                        position=k,
                        text=f"Lesson {k + 1}: {rng.choice(TAG_WORDS)} needs {rng.choice(TOPIC_WORDS)}.",
                        subject=rng.choice(hosts) if rng.random() < 0.5 else None,
                        figure_label="state share of funding" if figure else "",
                        value=Decimal(rng.randint(0, 100)) if figure else None,
                        unit="percent" if figure else "",
                    )
                )
            for org in delegation[:3]:
                participants.append(Participant(visit=visit, role="delegate", organisation=org, country=org.country))
            if rng.random() < 0.2:
                follow_ups.append(
                    FollowUp(
                        visit=visit,
                        action="Return visit planned",
                        owner=hosts[0],
                        due_date=visit.start_date + timedelta(days=180),
                    )
                )
        self.insert("itinerary stops", ItineraryStop, stops)
        self.insert("findings", Finding, findings)
        self.insert("participants", Participant, participants)
        self.insert("follow-ups", FollowUp, follow_ups)
        for field in ("hosts", "delegation"):
            through = getattr(Visit, field).through
            rows_ = [through(visit_id=v, organisation_id=o) for f, v, o in links if f == field]
            self.insert(f"visit {field}", through, rows_)
        eco_links = [
            Visit.ecosystems.through(visit_id=v.pk, ecosystem_id=eco.pk)
            for v in rows
            for eco in self.sample(self.ecosystems, self.ecosystem_weights, rng.choice((0, 1, 1, 2)))
        ]
        self.insert("visit ecosystems", Visit.ecosystems.through, eco_links)
        self.insert("visit tags", TaggedItem, self.tag_rows(rows, Visit, tag_ids, counts=(0, 1, 2, 3)))
        return rows


def copy_rows(model, rows: list) -> None:
    """Write unsaved ``rows`` of ``model`` with ``COPY``, ids drawn from the table's sequence first
    (so that children can point at them). Several times faster than ``bulk_create``'s INSERTs,
    whose parameter binding dominates at 100,000 rows. Like ``bulk_create``: no ``save()``, no
    signals; ``pre_save`` still fills ``auto_now`` fields."""
    if not rows:
        return
    meta = model._meta
    pk = meta.pk
    fields = [f for f in meta.concrete_fields if not f.generated and f is not pk]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(c) for c in [pk.column, *(f.column for f in fields)])
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [meta.db_table, pk.column, len(rows)],
        )
        for obj, (value,) in zip(rows, cursor.fetchall(), strict=True):
            obj.pk = value
        with cursor.cursor.copy(f"COPY {quote(meta.db_table)} ({columns}) FROM STDIN") as copy:
            for obj in rows:
                copy.write_row([obj.pk, *(f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields)])
                obj._state.adding = False
                obj._state.db = connection.alias


def analyze() -> None:
    """Fresh planner statistics: after a bulk load the planner otherwise guesses from stale ones.

    Outside a transaction, ``VACUUM (ANALYZE)``: the triggers rewrite the organisations that got
    alternative names (13,000 at the default size), fewer dead rows than start autovacuum, and
    until a vacuum their pages are not all-visible, so the list indexes' index-only scans read the
    table after all (the three-filter list's SQL: 29 ms after a vacuum, 53 ms before). Inside one
    (a test's), VACUUM is not allowed and ANALYZE does."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)")


def exists() -> bool:
    return any(
        model.objects.filter(slug__startswith=PREFIX).exists()
        for model in (Organisation, Visit, Instrument, Call, Project)
    )


def counts() -> dict:
    return {
        model._meta.verbose_name_plural: model.objects.filter(slug__startswith=PREFIX).count()
        for model in (Organisation, Visit, Instrument, Call, Project)
    }


def remove(report=None) -> dict:
    """Delete every synthetic row, children first, in one transaction; returns rows deleted per
    table. Plain DELETEs (``_raw_delete``): no per-row signals, so no history rows either."""
    report = report or (lambda label, count, seconds: None)
    deleted = {}

    def delete(label, queryset):
        started = time.perf_counter()
        n = queryset._raw_delete(queryset.db)
        deleted[label] = n
        report(label, n, time.perf_counter() - started)

    parents = (Organisation, Visit, Instrument, Call, Project)
    syn = {m: m.objects.filter(slug__startswith=PREFIX).values("pk") for m in parents}
    with transaction.atomic():
        for model in (Organisation, Visit, Instrument, Call, Project):
            content_type = ContentType.objects.get_for_model(model)
            items = TaggedItem.objects.filter(content_type=content_type, object_id__in=syn[model])
            delete(f"{model._meta.model_name} tags", items)
        visits = syn[Visit]
        for model in (ItineraryStop, Participant, Finding, FollowUp, Attachment):
            delete(model._meta.verbose_name_plural, model.objects.filter(visit__in=visits))
        FollowUp.objects.filter(outcome__in=visits).update(outcome=None)
        for field in ("hosts", "delegation", "ecosystems"):
            delete(f"visit {field}", getattr(Visit, field).through.objects.filter(visit__in=visits))
        delete("visits", Visit.objects.filter(slug__startswith=PREFIX))
        delete("project partners", ProjectPartner.objects.filter(project__in=syn[Project]))
        delete("project ecosystems", Project.ecosystems.through.objects.filter(project__in=syn[Project]))
        delete("projects", Project.objects.filter(slug__startswith=PREFIX))
        delete("calls", Call.objects.filter(slug__startswith=PREFIX))
        instruments = syn[Instrument]
        delete("eligibilities", Eligibility.objects.filter(instrument__in=instruments))
        delete("instrument ecosystems", Instrument.ecosystems.through.objects.filter(instrument__in=instruments))
        delete("instruments", Instrument.objects.filter(slug__startswith=PREFIX))
        orgs = syn[Organisation]
        delete("labels", Label.objects.filter(organisation__in=orgs))
        delete("contact persons", ContactPerson.objects.filter(organisation__in=orgs))
        delete("memberships", Membership.objects.filter(group__in=orgs) | Membership.objects.filter(member__in=orgs))
        delete("organisation ecosystems", Organisation.ecosystems.through.objects.filter(organisation__in=orgs))
        # Organisations before their alternative names: the names' trigger then updates nothing.
        # (Foreign keys are checked at commit, so the orphaned names are ours alone.)
        delete("organisations", Organisation.objects.filter(slug__startswith=PREFIX))
        orphans = ~Exists(Organisation.objects.filter(pk=OuterRef("organisation_id")))
        delete("alternative names", AlternativeName.objects.filter(orphans))
        delete("tags", Tag.objects.filter(slug__startswith=PREFIX, taggit_taggeditem_items__isnull=True))
    analyze()
    return {k: v for k, v in deleted.items() if v}
