from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView

from clusters.filtersets import OrganisationFilterSet
from clusters.models import Membership, Organisation
from core.filtering import FacetedListView
from core.graphs import project_partner_links, visits_involving


def _join(values) -> str:
    return "; ".join(str(v) for v in values)


class OrganisationListView(FacetedListView):
    """Every organisation, faceted. Subclasses narrow the queryset for clusters and poles."""

    queryset = Organisation.objects.for_list_page()
    filterset_class = OrganisationFilterSet
    template_name = "clusters/organisation_list.html"
    title = _("Partners")
    intro = _("Every organisation on record: clusters, poles, companies, research bodies, agencies and funders.")
    empty_message = _("No organisation matches these filters.")
    csv_filename = "organisations.csv"
    sort_options = {
        "name": (_("Name"), ["name"]),
        "country": (_("Country"), ["country", "name"]),
        "-founded": (_("Founded (newest)"), [F("founded").desc(nulls_last=True), "name"]),
        "founded": (_("Founded (oldest)"), [F("founded").asc(nulls_last=True), "name"]),
        "-members": (_("Members (most)"), [F("members_count").desc(nulls_last=True), "name"]),
    }
    csv_columns = [
        (_("Name"), "name"),
        (_("Acronym"), "acronym"),
        (_("Kind"), "get_kind_display"),
        (_("Country"), lambda o: o.country.code),
        (_("Region"), "region"),
        (_("City"), "city"),
        (_("Founded"), "founded"),
        (_("Members"), "members_count"),
        (_("Website"), "website"),
        (_("Ecosystems"), lambda o: _join(o.ecosystem_list)),
        (_("Tags"), lambda o: _join(o.tag_list)),
        (_("Visits hosted"), "visits_hosted_count"),
        (_("Visits made"), "visits_made_count"),
        (_("Profile"), "get_absolute_url"),
    ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(intro=self.intro, **kwargs)


class ClusterListView(OrganisationListView):
    queryset = Organisation.objects.for_list_page().clusters()
    title = _("Clusters and networks")
    intro = _("Clusters, poles of competitiveness and meta-clusters or networks.")
    empty_message = _("No cluster matches these filters.")
    csv_filename = "clusters.csv"


class PoleListView(OrganisationListView):
    queryset = Organisation.objects.for_list_page().poles()
    title = _("Poles of competitiveness")
    intro = _("Poles of competitiveness, with their labels, members and visits.")
    empty_message = _("No pole matches these filters.")
    csv_filename = "poles.csv"


class OrganisationDetailView(DetailView):
    """An organisation's profile: facts, links both ways, visits as a timeline, cooperation history."""

    template_name = "clusters/organisation_detail.html"
    context_object_name = "organisation"

    def get_queryset(self):
        return Organisation.objects.for_profile(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        org = self.object
        # One query each for what several parts of the page read: the visits (timeline,
        # cooperation history and graph), memberships both ways, and the partner links of its
        # projects (its own for the funding section, the others for the graph).
        org.involved_visits = visits_involving(org, self.request.user)
        links = Membership.objects.filter(Q(group=org) | Q(member=org)).select_related("group", "member")
        _prefetched(org, "member_links", [m for m in links if m.group_id == org.pk])
        _prefetched(org, "membership_links", [m for m in links if m.member_id == org.pk])
        org.project_partner_links = project_partner_links(org)
        own = [link for link in org.project_partner_links if link.organisation_id == org.pk]
        own.sort(key=lambda link: (link.project.name, link.project.pk, link.role, link.partner_code, link.pk))
        _prefetched(org, "project_links", own)
        context["timeline"] = timeline(org)
        context["cooperation"] = cooperation(org)
        context["similar"] = Organisation.objects.similar_to(org)
        context["show_contacts"] = self.request.user.is_authenticated
        return context


def _prefetched(instance, name: str, rows: list) -> None:
    """Store ``rows`` as ``instance.<name>.all()``, as ``prefetch_related`` would."""
    queryset = getattr(instance, name).get_queryset()
    queryset._result_cache = rows
    queryset._prefetch_done = True
    instance.__dict__.setdefault("_prefetched_objects_cache", {})[name] = queryset


def _roles(org) -> tuple[list, list, list]:
    """The visits ``org`` hosted, the visits it made and the stops it hosted, from
    ``org.involved_visits`` (``core.graphs.visits_involving``)."""
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
