"""What a country's pages read: its organisations, the visits and events it took part in (held
there, delegations from it, events elsewhere with someone from it), its projects and the
instruments open to it, each read with the participation rule of the domain apps.

A country took part in a visit when one of its organisations did (``visits.querysets.involvement``,
the participation rule), when a participant has its country (a counted group such as "18
Belarusian clusters", or a person), or when the delegation came from it (``from_country``). A
visit was held in a country when that is its country, or, when it records none, a host's.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import BooleanField, Count, ExpressionWrapper, Q
from django_countries import countries as all_countries
from django_countries.fields import Country

from clusters.models import Organisation
from funding.models import Instrument, Project, ProjectPartner
from visits.models import Participant, Visit
from visits.querysets import PUBLISHED, involvement

HELD, FROM, ABROAD = "held", "from", "abroad"  # a visit seen from one country
A_TO_B, B_TO_A, TOGETHER = "a_to_b", "b_to_a", "together"  # a visit seen from a pair of countries
MAX_VISITS_LISTED = 50


def country_of(code: str) -> Country | None:
    """The country of a lower-case two-letter ISO code in a URL, or None (unknown, upper case)."""
    if len(code) != 2 or code != code.lower() or code.upper() not in dict(all_countries):
        return None
    return Country(code.upper())


def held_in(code: str) -> Q:
    """The visit took place in ``code``: its country, or, when it records none, a host's."""
    hosts = Visit.hosts.through.objects.filter(organisation__country=code).values("visit_id")
    return Q(country=code) | Q(country="", pk__in=hosts)


def from_country(code: str) -> Q:
    """Its delegation came (in part) from ``code`` (``VisitQuerySet.from_country``)."""
    return Q(pk__in=Visit.objects.from_country(code).values("pk"))


def took_part(code: str, *, drafts: bool) -> Q:
    """Someone from ``code`` took part: one of its organisations under the participation rule,
    or a participant with that country (a counted group, a person), in the visit or in another
    account of its event."""
    people = Participant.objects.filter(country=code)
    accounts = people.filter(visit__account_of__isnull=False)
    if not drafts:
        accounts = accounts.filter(visit__status=PUBLISHED)
    ids = people.values_list("visit_id").union(accounts.values_list("visit__account_of_id"), all=True)
    return involvement(Organisation.objects.filter(country=code), drafts=drafts) | Q(pk__in=ids)


def _flag(condition: Q) -> ExpressionWrapper:
    return ExpressionWrapper(condition, output_field=BooleanField())


def visits_of(user, *codes: str) -> list[Visit]:
    """The events ``user`` may see (``events_visible_to``) in which every one of ``codes`` took
    part or that were held there, oldest first, each flagged per country (``held_0``,
    ``from_0``, ...) and with everyone involved (``with_involved``). One query."""
    drafts = user.is_staff
    where, flags = Q(), {}
    for i, code in enumerate(codes):
        where &= held_in(code) | took_part(code, drafts=drafts)
        flags[f"held_{i}"] = _flag(held_in(code))
        flags[f"from_{i}"] = _flag(from_country(code))
    visits = Visit.objects.events_visible_to(user).filter(where).annotate(**flags).with_involved(drafts=drafts)
    return list(visits.order_by("start_date", "pk"))


def place(visit) -> set[str]:
    """Where ``visit`` took place: its country, or its hosts' when it records none."""
    if visit.country:
        return {visit.country.code}
    return {row[9] for row in visit.involved if row[0] == "host" and row[9]}


def countries_involved(visit) -> set[str]:
    """The countries of everyone ``with_involved`` read for ``visit`` (organisations and counted groups)."""
    codes = {row[9] for row in visit.involved if row[9]}
    return codes | {group[3] for group in visit.involved_groups if group[3]}


def direction(visit, i: int = 0) -> str:
    """``HELD`` in the ``i``-th country of ``visits_of``, a delegation ``FROM`` it, or another
    event ``ABROAD`` with someone from it."""
    if getattr(visit, f"held_{i}"):
        return HELD
    return FROM if getattr(visit, f"from_{i}") else ABROAD


@dataclass
class Year:
    year: int
    counts: Counter = field(default_factory=Counter)
    partners: Counter = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def partner_countries(self) -> list[Country]:
        return [Country(code) for code, _n in sorted(self.partners.items(), key=lambda kv: (-kv[1], kv[0]))]


def per_year(visits, classify, others) -> list[Year]:
    """A row per year with any visit: how many of each class (``classify(visit)``) and the
    countries ``others(visit)`` names, most often first."""
    years: dict[int, Year] = {}
    for visit in visits:
        row = years.setdefault(visit.start_date.year, Year(visit.start_date.year))
        row.counts[classify(visit)] += 1
        row.partners.update(others(visit))
    return [years[y] for y in sorted(years)]


def country_visits(user, code: str) -> dict:
    """The visits of one country: per year (held there, delegations from it, events abroad) with
    the partner countries (everyone else involved; for visits abroad, where they took place),
    and the latest visits. One query."""
    visits = visits_of(user, code)
    for visit in visits:
        visit.direction = direction(visit)
        others = countries_involved(visit) if visit.direction == HELD else place(visit) | countries_involved(visit)
        visit.partner_codes = sorted(others - {code})
    years = per_year(visits, lambda v: v.direction, lambda v: v.partner_codes)
    partners = Counter(c for v in visits for c in v.partner_codes)
    return {
        "years": years,
        "totals": Counter(v.direction for v in visits),
        "partners": [(Country(c), n) for c, n in sorted(partners.items(), key=lambda kv: (-kv[1], kv[0]))],
        "visits": visits[::-1][:MAX_VISITS_LISTED],
        "visits_total": len(visits),
    }


def pair_direction(visit) -> str:
    """``B_TO_A``: held in the first country by a delegation from the second; ``A_TO_B`` the
    reverse; else ``TOGETHER`` (both took part, e.g. at an event elsewhere)."""
    if visit.held_0 and visit.from_1 and not visit.held_1:
        return B_TO_A
    if visit.held_1 and visit.from_0 and not visit.held_0:
        return A_TO_B
    return TOGETHER


def pair_visits(user, a: str, b: str) -> dict:
    """The cooperation of two countries: visits either way and events both took part in, per
    year, with the organisations of either country involved (and their counted groups). One query."""
    visits = visits_of(user, a, b)
    involved: dict = {}
    for visit in visits:
        visit.direction = pair_direction(visit)
        for relation, _day, _pos, _role, pk, name, acronym, slug, kind, country in visit.involved:
            if country in (a, b) and relation in ("host", "delegation", "stop", "participant"):
                org = involved.setdefault(pk, Organisation(pk=pk, name=name, acronym=acronym, slug=slug, kind=kind))
                org.country = country
                org.visit_ids = getattr(org, "visit_ids", set()) | {visit.pk}
    organisations = sorted(involved.values(), key=lambda o: (o.country.code, -len(o.visit_ids), o.name.casefold()))
    groups = sorted(
        {(g[1], g[3]) for v in visits for g in v.involved_groups if g[3] in (a, b)}, key=lambda g: (g[1], g[0])
    )
    return {
        "years": per_year(visits, lambda v: v.direction, lambda v: ()),
        "totals": Counter(v.direction for v in visits),
        "organisations": organisations,
        "groups": [(name, Country(code)) for name, code in groups],
        "visits": visits[::-1][:MAX_VISITS_LISTED],
        "visits_total": len(visits),
    }


def organisations_by_kind(code: str) -> list[tuple[str, str, int]]:
    """``(kind, its label, how many)`` of the organisations of ``code``, most first. One query."""
    labels = dict(Organisation.Kind.choices)
    rows = Organisation.objects.filter(country=code).order_by().values_list("kind").annotate(n=Count("pk"))
    return [(kind, labels.get(kind, kind), n) for kind, n in sorted(rows, key=lambda r: (-r[1], r[0]))]


def projects_of(code: str):
    """Projects with a partner from ``code``: an organisation on record, or a partner country the
    project names (partners not on record)."""
    on_record = ProjectPartner.objects.filter(organisation__country=code).values("project_id")
    return Project.objects.filter(Q(pk__in=on_record) | Q(partner_countries__contains=code))


def projects(*codes: str) -> list:
    """Projects with partners from each of ``codes``, with their partners from them. Two queries."""
    found = Project.objects.all()
    for code in codes:
        found = found.filter(pk__in=projects_of(code).values("pk"))
    found = list(found.select_related("instrument").order_by("-start_date", "name"))
    links = ProjectPartner.objects.filter(project__in=found, organisation__country__in=codes).select_related(
        "organisation"
    )
    by_project: dict[int, list] = {}
    for link in links.order_by("organisation__country", "organisation__name"):
        by_project.setdefault(link.project_id, []).append(link.organisation)
    for project in found:
        project.partners_here = by_project.get(project.pk, [])
    return found


def instruments_open_to(code: str) -> dict:
    """Instruments whose eligible countries name ``code`` (or which have bilateral agreements with
    it), and how many state no country restriction on record: never read as "open to every
    country", only as "no restriction on record". Two queries."""
    named = Instrument.objects.filter(
        Q(eligible_countries__contains=code) | Q(bilateral_partner_countries__contains=code)
    ).select_related("successor")
    return {
        "named": list(named.order_by("name")),
        "unrestricted": Instrument.objects.filter(eligible_countries="").count(),
    }


def countries_with_data(user) -> list[dict]:
    """Every country with an organisation, or a visit held there or with a delegation from it,
    with those counts (held there: ``held_in``), by name. Four queries."""
    rows: dict[str, dict] = {}

    def add(key, pairs):
        for code, n in pairs:
            if code:
                rows.setdefault(code, {"organisations": 0, "held": 0, "from": 0})[key] = n

    add("organisations", Organisation.objects.order_by().values_list("country").annotate(n=Count("pk")))
    events = Visit.objects.events_visible_to(user)
    held = Counter(dict(events.exclude(country="").order_by().values_list("country").annotate(n=Count("pk"))))
    hosts = Visit.hosts.through.objects.filter(visit__in=events.filter(country="").values("pk"))
    held.update(code for code, _visit in hosts.values_list("organisation__country", "visit_id").distinct())
    add("held", held.items())
    sql, params = events.delegation_country_counts_sql(len(all_countries))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        add("from", [(code, n) for code, _label, n, _total in cursor.fetchall()])
    result = [{"country": Country(code), **counts} for code, counts in rows.items()]
    return sorted(result, key=lambda r: str(r["country"].name).casefold())
