"""Which organisations took part in which visits: the participation rule, defined once.

Visits live in the visits app, which depends on this one: they are reached through the reverse
relations of ``Organisation``, never imported.
"""

import functools
from dataclasses import dataclass


@dataclass(frozen=True)
class ParticipationLink:
    """One way an organisation takes part in a visit: rows of ``model`` whose ``organisation``
    field is the organisation and whose ``visit`` field the visit (``"pk"``: the visit itself)."""

    model: type
    organisation: str
    visit: str

    def visit_path(self, lookup: str) -> str:
        """``lookup`` (e.g. ``"status"``) on the visit, as seen from a row of ``model``."""
        return lookup if self.visit == "pk" else f"{self.visit}__{lookup}"

    def rows(self, **visit_filters):
        """The link rows, filtered on their visit (``status="published"``), never with an empty organisation."""
        visit_filters = {self.visit_path(k): v for k, v in visit_filters.items()}
        return self.model.objects.filter(**{f"{self.organisation}__isnull": False}, **visit_filters)

    def pairs(self, **visit_filters):
        """``(visit_id, organisation_id)`` of the link rows, for a ``UNION``."""
        visit_id = "pk" if self.visit == "pk" else f"{self.visit}_id"
        return self.rows(**visit_filters).order_by().values_list(visit_id, f"{self.organisation}_id")


@functools.cache
def participation_links() -> tuple[ParticipationLink, ...]:
    """THE participation rule: an organisation took part in a visit or event when it hosted it,
    was a member of its delegation, hosted a stop of its itinerary, is listed as a participant
    (in any role: delegate, host, organiser, co-organiser, supporter, speaker, attendee) or
    organised it. Every reader builds on these five links: the organisation lists' "has visits"
    (``OrganisationQuerySet.took_part``, stored as ``Organisation.took_part`` by the triggers of
    visits/triggers.py, which write these links in SQL), the visits' "organisation involved"
    (``VisitQuerySet.involving``, ``involved_counts_sql``), the profile's timeline and cooperation
    history, the cooperation graph, the network and the API. Reached through the
    reverse relations: this app never imports visits.

    One event, several accounts: a visit may be another account of an event already on record
    (``Visit.account_of`` points at the first record; no chains). The event is then ONE for every
    count and picture: an organisation named by any account the reader may see (published, or any
    for staff) took part in the event, under its first record; the event counts once in an
    organisation's visits hosted and made, its timeline and cooperation history, the "organisation
    involved" facet, the cooperation graph and the network's edge weights; the visit list and
    the home page's counts show the first record only (``VisitQuerySet.events_visible_to``), and
    its page names the other accounts with their sources. An account whose first record the
    reader cannot see (a draft) stands for the event itself. "Has visits" needs no change: an
    organisation named only by another account has taken part in a visit either way."""
    from clusters.models import Organisation as o  # noqa: PLC0415 (models import this module)

    return (
        ParticipationLink(o.visits_hosted.through, "organisation", "visit"),
        ParticipationLink(o.visits_made.through, "organisation", "visit"),
        ParticipationLink(o.itinerary_stops.field.model, "host", "visit"),
        ParticipationLink(o.participations.field.model, "organisation", "visit"),
        ParticipationLink(o.organised_visits.field.model, "organiser", "pk"),
    )
