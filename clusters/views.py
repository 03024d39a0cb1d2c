from django.db.models import F
from django.utils.translation import gettext_lazy as _
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
        (_("Ecosystems"), lambda o: _join(o.ecosystems.all())),
        (_("Tags"), lambda o: _join(o.tags.all())),
        (_("Visits hosted"), "visits_hosted_count"),
        (_("Visits made"), "visits_made_count"),
        (_("Profile"), "get_absolute_url"),
    ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(intro=self.intro, **kwargs)


class ClusterListView(OrganisationListView):
    queryset = Organisation.objects.for_list().clusters()
    title = _("Clusters and networks")
    intro = _("Clusters, poles of competitiveness and meta-clusters or networks.")
    empty_message = _("No cluster matches these filters.")
    csv_filename = "clusters.csv"


class PoleListView(OrganisationListView):
    queryset = Organisation.objects.for_list().poles()
    title = _("Poles of competitiveness")
    intro = _("Poles of competitiveness, with their labels, members and visits.")
    empty_message = _("No pole matches these filters.")
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
    entries = [{"visit": v, "role": _("Hosted")} for v in org.visits_hosted.all()]
    entries += [{"visit": v, "role": _("Visited")} for v in org.visits_made.all()]
    hosted = {v.pk for v in org.visits_hosted.all()}
    entries += [
        {"visit": s.visit, "role": _("Hosted a stop (day %(day)s)") % {"day": s.day}, "stop": s}
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
            add(host, visit, _("Visited them"))
        for stop in visit.stops.all():
            add(stop.host, visit, _("Visited them"))
    for visit in org.visits_hosted.all():
        for member in visit.delegation.all():
            add(member, visit, _("Hosted them"))
    for stop in org.itinerary_stops.all():
        for member in stop.visit.delegation.all():
            add(member, stop.visit, _("Hosted them"))
    for entry in partners.values():
        entry["meetings"].sort(key=lambda m: m["visit"].start_date)
    return sorted(partners.values(), key=lambda e: (-len(e["meetings"]), e["organisation"].name))
