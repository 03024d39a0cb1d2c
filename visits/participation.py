"""Which visits an organisation took part in, with everyone else involved: the read path of an
organisation's timeline, cooperation history and cooperation graph."""

from dataclasses import dataclass

from django.db.models import JSONField, Q
from django.db.models.expressions import RawSQL

from clusters.models import Organisation
from visits.models import ItineraryStop, Participant, Visit

# Everyone involved in a visit (hosts, delegation, stop hosts, participants with an organisation),
# as one JSON array per visit (text, which JSONField decodes) of
# [relation, day, position, role, id, name, acronym, slug, kind, country].
INVOLVED_SQL = """
SELECT COALESCE(json_agg(json_build_array(i.relation, i.day, i.position, i.role, o.id, o.name, o.acronym,
                                          o.slug, o.kind, o.country)
                         ORDER BY i.relation, i.day, i.position, i.n, o.name, o.id)::text, '[]')
FROM (
    SELECT 'host' AS relation, 0 AS day, 0 AS position, '' AS role, id AS n, organisation_id AS org
    FROM {hosts} WHERE visit_id = {visits}.id
    UNION ALL SELECT 'delegation', 0, 0, '', id, organisation_id FROM {delegation} WHERE visit_id = {visits}.id
    UNION ALL SELECT 'stop', day, position, '', id, host_id FROM {stops}
    WHERE visit_id = {visits}.id AND host_id IS NOT NULL
    UNION ALL SELECT 'participant', 0, 0, role, id, organisation_id FROM {participants}
    WHERE visit_id = {visits}.id AND organisation_id IS NOT NULL
) AS i JOIN {organisations} AS o ON o.id = i.org
"""


@dataclass
class Stop:
    """An itinerary stop's host and day, as the timeline shows it."""

    host: Organisation
    day: int
    visit: Visit


def visits_involving(org, user) -> list[Visit]:
    """Visits ``user`` may see in which ``org`` hosted, visited, hosted a stop, took part or
    organised, oldest first, each with everyone else involved (``involved_hosts``,
    ``involved_delegation``, ``involved_stops``, ``involved_participants`` as (organisation,
    role)); one query. The organisations carry the fields the page shows (name, acronym, slug,
    kind, country); one instance per organisation across all visits."""
    involved = (
        Q(pk__in=Visit.hosts.through.objects.filter(organisation=org).values("visit_id"))
        | Q(pk__in=Visit.delegation.through.objects.filter(organisation=org).values("visit_id"))
        | Q(pk__in=ItineraryStop.objects.filter(host=org).values("visit_id"))
        | Q(pk__in=Participant.objects.filter(organisation=org).values("visit_id"))
        | Q(organiser=org)
    )
    sql = INVOLVED_SQL.format(
        hosts=Visit.hosts.through._meta.db_table,
        delegation=Visit.delegation.through._meta.db_table,
        stops=ItineraryStop._meta.db_table,
        participants=Participant._meta.db_table,
        visits=Visit._meta.db_table,
        organisations=Organisation._meta.db_table,
    )
    visits = list(
        Visit.objects.visible_to(user)
        .filter(involved)
        .select_related("organiser", "project")
        .annotate(involved=RawSQL(sql, (), output_field=JSONField()))
        .order_by("start_date", "pk")
    )
    organisations = {org.pk: org}
    for visit in visits:
        rows = visit.involved
        visit.involved_hosts, visit.involved_delegation, visit.involved_stops = [], [], []
        visit.involved_participants = []
        for relation, day, _position, role, pk, name, acronym, slug, kind, country in rows:
            other = organisations.get(pk)
            if other is None:
                other = organisations[pk] = Organisation(
                    pk=pk, name=name, acronym=acronym, slug=slug, kind=kind, country=country
                )
            if relation == "host":
                visit.involved_hosts.append(other)
            elif relation == "delegation":
                visit.involved_delegation.append(other)
            elif relation == "stop":
                visit.involved_stops.append(Stop(other, day, visit))
            else:
                visit.involved_participants.append((other, role))
    return visits
