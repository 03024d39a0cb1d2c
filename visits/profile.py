"""The visits part of an organisation's profile: its timeline and cooperation history, from the
visits it took part in (``visits.participation.visits_involving``, one query). Registered as a
profile section in ``VisitsConfig.ready()``."""

from django.utils.translation import gettext_lazy as _

from visits.participation import visits_involving


def profile_context(org, user) -> dict:
    # Kept on the organisation: the cooperation graph reads the same visits.
    org.involved_visits = visits_involving(org, user)
    return {"timeline": timeline(org), "cooperation": cooperation(org)}


def _roles(org) -> tuple[list, list, list]:
    """The visits ``org`` hosted, the visits it made and the stops it hosted, from
    ``org.involved_visits`` (``visits.participation.visits_involving``)."""
    hosted = [v for v in org.involved_visits if any(o.pk == org.pk for o in v.involved_hosts)]
    made = [v for v in org.involved_visits if any(o.pk == org.pk for o in v.involved_delegation)]
    stops = [s for v in org.involved_visits for s in v.involved_stops if s.host.pk == org.pk]
    return hosted, made, stops


def timeline(org) -> list[dict]:
    """Visits it hosted or made and itinerary stops it hosted, oldest first."""
    visits_hosted, visits_made, itinerary_stops = _roles(org)
    entries = [{"visit": v, "role": _("Hosted")} for v in visits_hosted]
    entries += [{"visit": v, "role": _("Visited")} for v in visits_made]
    hosted = {v.pk for v in visits_hosted}
    entries += [
        {"visit": s.visit, "role": _("Hosted a stop (day %(day)s)") % {"day": s.day}, "stop": s}
        for s in itinerary_stops
        if s.visit.pk not in hosted
    ]
    return sorted(entries, key=lambda e: (e["visit"].start_date, e["visit"].pk))


def cooperation(org) -> list[dict]:
    """Who it met on visits, per other organisation: its delegations' hosts (and stop hosts), and
    the delegations it hosted, each with the visit, date and project."""
    partners: dict[int, dict] = {}

    def add(other, visit, direction):
        if other.pk == org.pk:
            return
        entry = partners.setdefault(other.pk, {"organisation": other, "meetings": []})
        if not any(m["visit"].pk == visit.pk and m["direction"] == direction for m in entry["meetings"]):
            entry["meetings"].append({"visit": visit, "direction": direction, "project": visit.project})

    visits_hosted, visits_made, itinerary_stops = _roles(org)
    for visit in visits_made:
        for host in visit.involved_hosts:
            add(host, visit, _("Visited them"))
        for stop in visit.involved_stops:
            add(stop.host, visit, _("Visited them"))
    for visit in visits_hosted:
        for member in visit.involved_delegation:
            add(member, visit, _("Hosted them"))
    for stop in itinerary_stops:
        for member in stop.visit.involved_delegation:
            add(member, stop.visit, _("Hosted them"))
    for entry in partners.values():
        entry["meetings"].sort(key=lambda m: m["visit"].start_date)
    return sorted(partners.values(), key=lambda e: (-len(e["meetings"]), e["organisation"].name))
