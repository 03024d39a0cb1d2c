"""Which visits an organisation took part in, with everyone else involved, and who it met there:
the read path of an organisation's timeline, cooperation history and cooperation graph.

The participation rule itself is ``clusters.participation.participation_links`` (host,
delegation member, itinerary-stop host, participant in any role, organiser); visits read it
through ``VisitQuerySet.involving``.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _
from django_countries.fields import Country

from clusters.models import Organisation
from visits.models import Participant, Visit

VISITED_US = "visited_us"
WE_VISITED = "we_visited"
MET = "met"
PROJECT = "project"
TIE_ORDER = {VISITED_US: 0, WE_VISITED: 1, MET: 2, PROJECT: 3}


@dataclass
class Stop:
    """An itinerary stop's host and day, as the timeline shows it."""

    host: Organisation
    day: int | None
    visit: Visit


@dataclass(eq=False)
class CountedGroup:
    """An unnamed group with a country that took part in visits ("18 Belarusian clusters"): a
    partner of the cooperation history and graph like an organisation, one per group and country.
    It links to the visits whose delegation came from its country, or, when it was not a
    delegation, to the visit it was seen at."""

    group: str
    country: Country
    role: str
    count: int | None = None
    visit: Visit | None = None
    acronym: str = ""
    is_counted_group: bool = True

    @property
    def pk(self) -> str:
        return f"group:{self.country.code}:{self.role}:{self.group.strip().casefold()}"

    def __eq__(self, other):
        return isinstance(other, CountedGroup) and other.pk == self.pk

    def __hash__(self):
        return hash(self.pk)

    @property
    def name(self) -> str:
        return str(self)

    def __str__(self):
        if self.count:
            return _("%(group)s (%(count)s, %(country)s)") % {
                "group": self.group,
                "count": self.count,
                "country": self.country.name,
            }
        return _("%(group)s (%(country)s)") % {"group": self.group, "country": self.country.name}

    def get_absolute_url(self) -> str:
        if self.role == Participant.Role.DELEGATE:
            return f"{reverse('visits:visit-list')}?{urlencode({'delegation_country': self.country.code})}"
        return self.visit.get_absolute_url()


@dataclass
class Tie:
    """One reason two organisations are linked: a visit or event (with its project), or a project."""

    kind: str
    visit: Visit | None = None
    project: object = None

    @property
    def year(self):
        return self.visit.start_date.year if self.visit else None


@dataclass
class Partner:
    organisation: Organisation
    ties: list[Tie] = field(default_factory=list)

    def kinds(self) -> set[str]:
        return {t.kind for t in self.ties}


def visits_involving(org, user) -> list[Visit]:
    """Events ``user`` may see in which ``org`` took part (``VisitQuerySet.involving``), oldest
    first, once each however many accounts tell them (``events_visible_to``), each with everyone
    else involved in any of its accounts (``involved_hosts``, ``involved_delegation``,
    ``involved_stops``, ``involved_participants`` as (organisation, role), ``involved_counted``
    as (``CountedGroup``, role); the organiser is ``visit.organiser``); one query. The
    organisations carry the fields the page shows (name, acronym, slug, kind, country); one
    instance per organisation, and per counted group and country, across all visits."""
    visits = list(
        Visit.objects.events_visible_to(user)
        .involving(org, drafts=user.is_staff)
        .select_related("organiser", "project")
        .with_involved(drafts=user.is_staff)
        .order_by("start_date", "pk")
    )
    organisations = {org.pk: org}
    groups: dict[str, CountedGroup] = {}
    for visit in visits:
        visit.involved_counted = []
        for role, group, count, country in visit.involved_groups:
            counted = CountedGroup(group, Country(country), role, count, visit)
            counted = groups.setdefault(counted.pk, counted)
            if (counted, role) not in visit.involved_counted:
                visit.involved_counted.append((counted, role))
        visit.involved_hosts, visit.involved_delegation, visit.involved_stops = [], [], []
        visit.involved_participants = []
        seen = set()  # two accounts of one event name the same host, stop or participant
        for relation, day, _position, role, pk, name, acronym, slug, kind, country in visit.involved:
            if (relation, day, role, pk) in seen:
                continue
            seen.add((relation, day, role, pk))
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


def sides(visit) -> tuple[dict, dict, dict]:
    """The hosting side (hosts, stop hosts, participants as host), the visiting side (delegation,
    participants as delegate, counted groups as delegate) and everyone involved in ``visit``
    (organiser and counted groups with a country included), by key."""
    hosting = {o.pk: o for o in visit.involved_hosts}
    hosting.update((s.host.pk, s.host) for s in visit.involved_stops)
    visiting = {o.pk: o for o in visit.involved_delegation}
    everyone = {**hosting, **visiting}
    for organisation, role in [*visit.involved_participants, *getattr(visit, "involved_counted", [])]:
        everyone[organisation.pk] = organisation
        if role == Participant.Role.HOST:
            hosting[organisation.pk] = organisation
        elif role == Participant.Role.DELEGATE:
            visiting[organisation.pk] = organisation
    if visit.organiser_id:
        everyone[visit.organiser_id] = visit.organiser
    return hosting, visiting, everyone


def cooperation_partners(org, visits, project_links=()) -> list[Partner]:
    """THE partner algorithm: every organisation, and every counted group with a country
    (``CountedGroup``: "18 Belarusian clusters" counts as a delegation from Belarus), linked to
    ``org`` by one of ``visits``
    (``visits_involving``) or, given, one of ``project_links`` (partner links with
    ``organisation`` and ``project``, e.g. ``funding.participation.project_partner_links``),
    most ties first. On a visit, one on the visiting side ``VISITED_US`` when ``org`` hosted,
    one on the hosting side is ``WE_VISITED`` when ``org`` visited, anyone else involved ``MET``.
    No query. Read by the profile's cooperation history and by the cooperation graph."""
    partners: dict[int, Partner] = {}

    def add(other, tie):
        if other.pk == org.pk:
            return
        partner = partners.setdefault(other.pk, Partner(other))
        if not any(t.kind == tie.kind and t.visit == tie.visit and t.project == tie.project for t in partner.ties):
            partner.ties.append(tie)

    for visit in visits:
        hosting, visiting, everyone = sides(visit)
        for other in everyone.values():
            if org.pk in hosting and other.pk in visiting and other.pk not in hosting:
                kind = VISITED_US
            elif org.pk in visiting and other.pk in hosting and other.pk not in visiting:
                kind = WE_VISITED
            else:
                kind = MET
            add(other, Tie(kind, visit=visit, project=visit.project))
    for link in sorted(project_links, key=lambda link: (link.project.name, link.organisation.name, link.pk)):
        add(link.organisation, Tie(PROJECT, project=link.project))
    for partner in partners.values():
        partner.ties.sort(
            key=lambda t: (TIE_ORDER[t.kind], t.visit.start_date.toordinal() if t.visit else 0, str(t.project or ""))
        )
    return sorted(
        partners.values(), key=lambda p: (-len(p.ties), p.organisation.name.casefold(), str(p.organisation.pk))
    )
