"""The visits part of an organisation's profile: its timeline and cooperation history, from the
visits it took part in (``visits.participation.visits_involving``, one query). Registered as a
profile section in ``VisitsConfig.ready()``."""

from django.utils.translation import gettext_lazy as _

from visits.models import Participant
from visits.participation import MET, VISITED_US, WE_VISITED, cooperation_partners, visits_involving

DIRECTIONS = {VISITED_US: _("Hosted them"), WE_VISITED: _("Visited them"), MET: _("Met them at the event")}


def profile_context(org, user) -> dict:
    # Kept on the organisation: the cooperation graph reads the same visits.
    org.involved_visits = visits_involving(org, user)
    return {"timeline": timeline(org), "cooperation": cooperation(org)}


def timeline(org) -> list[dict]:
    """Every visit it took part in (``org.involved_visits``), oldest first, with its role: hosted,
    visited, hosted a stop (day N), organised, or its participant role."""
    entries = []
    for visit in org.involved_visits:
        roles = []
        if any(o.pk == org.pk for o in visit.involved_hosts):
            roles.append({"visit": visit, "role": _("Hosted")})
        if any(o.pk == org.pk for o in visit.involved_delegation):
            roles.append({"visit": visit, "role": _("Visited")})
        if not any(o.pk == org.pk for o in visit.involved_hosts):
            roles += [
                {"visit": visit, "role": _stop_role(s), "stop": s} for s in visit.involved_stops if s.host.pk == org.pk
            ]
        if not roles and visit.organiser_id == org.pk:
            roles.append({"visit": visit, "role": _("Organised")})
        if not roles:
            own = [role for o, role in visit.involved_participants if o.pk == org.pk]
            roles += [{"visit": visit, "role": Participant.Role(role).label} for role in dict.fromkeys(own)]
        entries += roles
    return sorted(entries, key=lambda e: (e["visit"].start_date, e["visit"].pk))


def cooperation(org) -> list[dict]:
    """Who it met on visits (``cooperation_partners``, the algorithm of the cooperation graph,
    without projects), per other organisation, each meeting with the visit, direction and project."""
    return [
        {
            "organisation": partner.organisation,
            "meetings": [
                {"visit": t.visit, "direction": DIRECTIONS[t.kind], "project": t.project}
                for t in sorted(partner.ties, key=lambda t: (t.visit.start_date, t.visit.pk))
            ],
        }
        for partner in cooperation_partners(org, org.involved_visits)
    ]


def _stop_role(stop) -> str:
    if stop.day is None:
        return _("Hosted a stop (day not stated)")
    return _("Hosted a stop (day %(day)s)") % {"day": stop.day}
