"""The cooperation graph "Who to meet" reads: who took part in the same published visits and
events (the participation rule, ``clusters.participation.participation_links``, read through
``VisitQuerySet.involving`` and ``participation_pairs``) or the same projects
(``funding.models.ProjectPartner``). One query per hop, whatever the number of organisations.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db import connection

from clusters.models import Organisation
from clusters.participation import participation_links
from funding.models import Project, ProjectPartner
from visits.models import Visit

VISIT = "v"
PROJECT = "p"
PUBLISHED = "published"  # Visit.Status.PUBLISHED

# Every (event, organisation) of the published visits and the projects some organisations
# (%(ids)s) took part in: ("v", event, organisation, NULL, start year) and ("p", project,
# organisation, instrument, start year). ``{touched}``: the visits the organisations are linked
# to, one part per link of the participation rule; ``{pairs}``: everyone linked to the visits of
# ``scope``. An event told by several accounts is its first record (``Visit.account_of``) when
# that one is published, as in ``VisitQuerySet.participation_pairs``; compact SQL, because that
# method's (a hundred subqueries) took 35 ms to plan, more than the three hops take to run.
EVENTS_SQL = """
WITH touched(visit_id) AS ({touched}), mine AS (
    SELECT DISTINCT CASE WHEN f.status = '{published}' THEN f.id ELSE v.id END AS event
    FROM {visits} AS v LEFT JOIN {visits} AS f ON f.id = v.account_of_id
    WHERE v.status = '{published}' AND v.id IN (SELECT visit_id FROM touched)
), scope AS (
    SELECT v.id, CASE WHEN f.status = '{published}' THEN f.id ELSE v.id END AS event, v.start_date
    FROM {visits} AS v LEFT JOIN {visits} AS f ON f.id = v.account_of_id
    WHERE v.status = '{published}'
      AND (v.id = ANY(ARRAY(SELECT event FROM mine)) OR v.account_of_id = ANY(ARRAY(SELECT event FROM mine)))
), pairs(event, org, start_date) AS ({pairs})
SELECT 'v', event, org, NULL::bigint, MIN(EXTRACT(YEAR FROM start_date))::int FROM pairs
WHERE event IN (SELECT event FROM mine) GROUP BY event, org
UNION ALL
SELECT 'p', pp.project_id, pp.organisation_id, pr.instrument_id, EXTRACT(YEAR FROM pr.start_date)::int
FROM {partners} AS pp JOIN {projects} AS pr ON pr.id = pp.project_id
WHERE pp.project_id IN (SELECT project_id FROM {partners} WHERE organisation_id = ANY(%(ids)s))
"""
TOUCHED = "SELECT {visit} FROM {table} WHERE {org} = ANY(%(ids)s)"
PAIRS = (
    "SELECT s.event, l.{org}, s.start_date FROM {table} AS l"
    " JOIN scope AS s ON s.id = l.{visit} WHERE l.{org} IS NOT NULL"
)

# The last year each of some organisations (%(ids)s) took part in a published visit or a project.
ACTIVITY_SQL = """
WITH touched(org, visit_id) AS ({touched})
SELECT t.org, MAX(EXTRACT(YEAR FROM v.start_date))::int FROM touched AS t
JOIN {visits} AS v ON v.id = t.visit_id AND v.status = '{published}' GROUP BY t.org
UNION ALL
SELECT pp.organisation_id, MAX(EXTRACT(YEAR FROM pr.start_date))::int FROM {partners} AS pp
JOIN {projects} AS pr ON pr.id = pp.project_id WHERE pp.organisation_id = ANY(%(ids)s) GROUP BY pp.organisation_id
"""
TOUCHED_BY = "SELECT {org}, {visit} FROM {table} WHERE {org} = ANY(%(ids)s)"


def _per_link(template: str) -> str:
    """``template`` for each link of THE participation rule (``participation_links``: hosts,
    delegation, itinerary stops, participants, organiser), joined by UNION ALL."""
    parts = []
    for link in participation_links():
        meta = link.model._meta
        visit = "id" if link.visit == "pk" else meta.get_field(link.visit).column
        parts.append(template.format(table=meta.db_table, org=meta.get_field(link.organisation).column, visit=visit))
    return " UNION ALL ".join(parts)


def _format(sql: str, **parts) -> str:
    return sql.format(
        visits=Visit._meta.db_table,
        partners=ProjectPartner._meta.db_table,
        projects=Project._meta.db_table,
        published=PUBLISHED,
        **parts,
    )


def last_active(organisation_ids) -> dict[int, int]:
    """The last year each of ``organisation_ids`` took part in a published visit or a project; one query."""
    years: dict[int, int] = {}
    with connection.cursor() as cursor:
        cursor.execute(_format(ACTIVITY_SQL, touched=_per_link(TOUCHED_BY)), {"ids": list(organisation_ids)})
        for pk, year in cursor.fetchall():
            if year is not None:
                years[pk] = max(year, years.get(pk, year))
    return years


@dataclass
class Event:
    kind: str  # VISIT or PROJECT
    pk: int
    instrument_id: int | None
    year: int | None
    organisations: set[int] = field(default_factory=set)

    @property
    def key(self) -> tuple[str, int]:
        return self.kind, self.pk


def events_of(organisation_ids) -> dict[tuple[str, int], Event]:
    """The published visits and the projects any of ``organisation_ids`` took part in, each
    with everyone who took part in it; one query."""
    sql = _format(EVENTS_SQL, touched=_per_link(TOUCHED), pairs=_per_link(PAIRS))
    events: dict[tuple[str, int], Event] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, {"ids": list(organisation_ids)})
        for kind, pk, org, instrument, year in cursor.fetchall():
            event = events.setdefault((kind, pk), Event(kind, pk, instrument, year))
            event.organisations.add(org)
    return events


@dataclass
class Neighbourhood:
    """An organisation's place in the graph: its partners (existing cooperation, left out of the
    suggestions), the instruments of its projects, and the partners of its partners, each with
    the partners it is reached through (``vias``)."""

    partners: set[int]
    instruments: set[int]
    vias: dict[int, set[int]]
    hidden_projects: set[int]
    partner_countries: list[str]  # most partners first


def neighbourhood(org_pk: int, hide: int | None = None) -> Neighbourhood:
    """``org_pk``'s partners, their countries and partners of partners; three queries. ``hide`` (an organisation
    id, for the offline evaluation) takes the link between the two out of the graph: every
    visit or project both took part in is ignored, in both hops."""
    own = events_of([org_pk])
    hidden = {key for key, e in own.items() if hide is not None and hide in e.organisations}
    kept = [e for key, e in own.items() if key not in hidden and org_pk in e.organisations]
    partners = set().union(*(e.organisations for e in kept)) - {org_pk}
    instruments = {e.instrument_id for e in kept if e.instrument_id}
    vias: dict[int, set[int]] = defaultdict(set)
    for key, event in events_of(partners).items():
        if key in hidden or org_pk in event.organisations:
            continue
        through = event.organisations & partners
        for other in event.organisations - partners - {org_pk}:
            vias[other] |= through
    hidden_projects = {pk for kind, pk in hidden if kind == PROJECT}
    countries = Counter(
        Organisation.objects.filter(pk__in=sorted(partners) or [0])
        .exclude(country="")
        .values_list("country", flat=True)
    )
    ranked = sorted(countries, key=lambda c: (-countries[c], c))
    return Neighbourhood(partners, instruments, dict(vias), hidden_projects, ranked)
