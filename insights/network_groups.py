"""Counted groups with a country on the network: an unnamed delegation ("18 Belarusian
clusters", a participant with a group and a country but no organisation) counts for its country
(issue 14), so the network draws one node per country for such groups, linked to the clusters,
poles and networks that took part in the same published visits and events (the participation
rule, an event told by several accounts once)."""

from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser
from django.db import connections
from django.urls import reverse
from django.utils.translation import gettext as _
from django_countries.fields import Country

from clusters.models import Organisation
from visits.models import Participant, Visit

# Per country with counted groups and per organisation of the given kinds, how many published
# events they shared (a group on another account counts for the account's first record), with
# the groups' names and counts.
GROUP_LINKS_SQL = """
WITH involved(visit_id, org) AS ({involved}), groups AS (
    SELECT COALESCE(v.account_of_id, v.id) AS visit_id, p.country, p."group", p.count
    FROM {participants} p JOIN {visits} v ON v.id = p.visit_id
    WHERE p.organisation_id IS NULL AND p."group" <> '' AND p.country <> '' AND v.status = %s
)
SELECT g.country, i.org, COUNT(DISTINCT g.visit_id),
       array_agg(DISTINCT g."group" || COALESCE(' (' || g.count || ')', ''))
FROM groups g JOIN involved i ON i.visit_id = g.visit_id
JOIN {organisations} o ON o.id = i.org AND o.kind = ANY(%s)
GROUP BY g.country, i.org ORDER BY 3 DESC, 1, 2
"""


@dataclass(eq=False)
class CountedGroups:
    """The counted groups from one country on the network, drawn as one node that opens the
    country's page; quacks like the organisations beside it (``pk``, ``name``, ``acronym``,
    ``kind``, ``country``)."""

    country: Country
    groups: list[str] = field(default_factory=list)
    kind = "counted_group"
    is_counted_group = True

    @property
    def pk(self) -> str:
        return f"group:{self.country.code}"

    @property
    def name(self) -> str:
        return _("Unnamed group from %(country)s") % {"country": self.country.name}

    @property
    def acronym(self) -> str:
        return self.groups[0] if len(self.groups) == 1 else _("%(n)s unnamed groups") % {"n": len(self.groups)}

    def __str__(self):
        return f"{self.name}: {'; '.join(self.groups)}"

    def get_absolute_url(self) -> str:
        return reverse("insights:country", args=[self.country.code.lower()])

    def get_kind_display(self) -> str:
        return _("counted group with a country, no organisation on record")


def group_links(kinds) -> tuple[dict[str, CountedGroups], list[tuple[str, int, int]]]:
    """The counted groups by their node key (``CountedGroups.pk``) and their links ``(group key,
    organisation id, shared events)`` to organisations of ``kinds``. One query."""
    events = Visit.objects.events_visible_to(AnonymousUser())
    involved, params = events.participation_pairs()
    sql = GROUP_LINKS_SQL.format(
        involved=involved,
        participants=Participant._meta.db_table,
        visits=Visit._meta.db_table,
        organisations=Organisation._meta.db_table,
    )
    nodes: dict[str, CountedGroups] = {}
    links = []
    with connections[events.db].cursor() as cursor:
        cursor.execute(sql, [*params, Visit.Status.PUBLISHED, list(kinds)])
        for code, org, n, names in cursor.fetchall():
            node = nodes.setdefault(f"group:{code}", CountedGroups(Country(code)))
            node.groups = sorted(set(node.groups) | set(names))
            links.append((node.pk, org, n))
    return nodes, links
