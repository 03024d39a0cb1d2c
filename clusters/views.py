from django.db.models import F
from django.views.generic import DetailView

from clusters.filtersets import OrganisationFilterSet
from clusters.models import Organisation
from core.filtering import FacetedListView


def _join(values) -> str:
    return "; ".join(str(v) for v in values)


class OrganisationListView(FacetedListView):
    """Every organisation, faceted. Subclasses narrow the queryset for clusters and poles."""

    queryset = Organisation.objects.for_list()
    filterset_class = OrganisationFilterSet
    template_name = "clusters/organisation_list.html"
    title = "Partners"
    intro = "Every organisation on record: clusters, poles, companies, research bodies, agencies and funders."
    empty_message = "No organisation matches these filters."
    csv_filename = "organisations.csv"
    sort_options = {
        "name": ("Name", ["name"]),
        "country": ("Country", ["country", "name"]),
        "-founded": ("Founded (newest)", [F("founded").desc(nulls_last=True), "name"]),
        "founded": ("Founded (oldest)", [F("founded").asc(nulls_last=True), "name"]),
        "-members": ("Members (most)", [F("members_count").desc(nulls_last=True), "name"]),
    }
    csv_columns = [
        ("Name", "name"),
        ("Acronym", "acronym"),
        ("Kind", "get_kind_display"),
        ("Country", lambda o: o.country.code),
        ("Region", "region"),
        ("City", "city"),
        ("Founded", "founded"),
        ("Members", "members_count"),
        ("Website", "website"),
        ("Ecosystems", lambda o: _join(o.ecosystems.all())),
        ("Tags", lambda o: _join(o.tags.all())),
        ("Visits hosted", "visits_hosted_count"),
        ("Visits made", "visits_made_count"),
        ("Profile", "get_absolute_url"),
    ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(intro=self.intro, **kwargs)


class ClusterListView(OrganisationListView):
    queryset = Organisation.objects.for_list().clusters()
    title = "Clusters and networks"
    intro = "Clusters, poles of competitiveness and meta-clusters or networks."
    empty_message = "No cluster matches these filters."
    csv_filename = "clusters.csv"


class PoleListView(OrganisationListView):
    queryset = Organisation.objects.for_list().poles()
    title = "Poles of competitiveness"
    intro = "Poles of competitiveness, with their labels, members and visits."
    empty_message = "No pole matches these filters."
    csv_filename = "poles.csv"


class OrganisationDetailView(DetailView):
    """An organisation's profile: facts, links both ways, visits as a timeline, cooperation history."""

    template_name = "clusters/organisation_detail.html"
    context_object_name = "organisation"

    def get_queryset(self):
        return Organisation.objects.for_detail(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        org = self.object
        context["timeline"] = timeline(org)
        context["cooperation"] = cooperation(org)
        context["similar"] = Organisation.objects.similar_to(org)
        context["show_contacts"] = self.request.user.is_authenticated
        return context


def timeline(org) -> list[dict]:
    """Visits it hosted or made and itinerary stops it hosted, oldest first."""
    entries = [{"visit": v, "role": "Hosted"} for v in org.visits_hosted.all()]
    entries += [{"visit": v, "role": "Visited"} for v in org.visits_made.all()]
    hosted = {v.pk for v in org.visits_hosted.all()}
    entries += [
        {"visit": s.visit, "role": f"Hosted a stop (day {s.day})", "stop": s}
        for s in org.itinerary_stops.all()
        if s.visit_id not in hosted
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

    for visit in org.visits_made.all():
        for host in visit.hosts.all():
            add(host, visit, "Visited them")
        for stop in visit.stops.all():
            add(stop.host, visit, "Visited them")
    for visit in org.visits_hosted.all():
        for member in visit.delegation.all():
            add(member, visit, "Hosted them")
    for stop in org.itinerary_stops.all():
        for member in stop.visit.delegation.all():
            add(member, stop.visit, "Hosted them")
    for entry in partners.values():
        entry["meetings"].sort(key=lambda m: m["visit"].start_date)
    return sorted(partners.values(), key=lambda e: (-len(e["meetings"]), e["organisation"].name))
