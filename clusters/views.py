from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView

from clusters.filtersets import OrganisationFilterSet
from clusters.models import Membership, Organisation
from clusters.reference import region_name
from core.filtering import FacetedListView
from core.filtering.export import joined
from core.registry import registry
from core.roles import can_see_contacts


class OrganisationListView(FacetedListView):
    """Every organisation, faceted. Subclasses narrow the queryset for clusters and poles."""

    queryset = Organisation.objects.for_list_page()
    filterset_class = OrganisationFilterSet
    template_name = "clusters/organisation_list.html"
    title = _("Partners")
    intro = _("Every organisation on record: clusters, poles, companies, research bodies, agencies and funders.")
    empty_message = _("No organisation matches these filters.")
    csv_filename = "organisations.csv"
    tabs_label = _("Organisation lists")
    tabs = [
        ("clusters:organisation-list", _("All partners")),
        ("clusters:cluster-list", _("Clusters and networks")),
        ("clusters:pole-list", _("Poles of competitiveness")),
    ]
    sort_options = {
        # sort_name: the folded name (Organisation.sort_name), so "İŞİM" sorts among the I's.
        "name": (_("Name"), ["sort_name"]),
        "country": (_("Country"), ["country", "sort_name"]),
        "-founded": (_("Founded (newest)"), [F("founded").desc(nulls_last=True), "sort_name"]),
        "founded": (_("Founded (oldest)"), [F("founded").asc(nulls_last=True), "sort_name"]),
        "-members": (_("Members (most)"), [F("members_count").desc(nulls_last=True), "sort_name"]),
    }
    csv_columns = [
        (_("Name"), "name"),
        (_("Acronym"), "acronym"),
        (_("Kind"), "get_kind_display"),
        (_("Country"), lambda o: o.country.code),
        (_("Region"), lambda o: region_name(o.region)),
        (_("City"), "city"),
        (_("Founded"), "founded"),
        (_("Members"), "members_count"),
        (_("Members as of"), "members_count_as_of"),
        (_("Website"), "website"),
        (_("Ecosystems"), lambda o: joined(o.ecosystem_list)),
        (_("Tags"), lambda o: joined(o.tag_list)),
        (_("Visits hosted"), "visits_hosted_count"),
        (_("Visits made"), "visits_made_count"),
        (_("Profile"), "get_absolute_url"),
    ]


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
        # One query for memberships both ways; what the other apps know of the organisation
        # (visits: timeline and cooperation history; funding: projects) comes from the profile
        # sections they register (core/registry.py), one query each.
        links = Membership.objects.filter(Q(group=org) | Q(member=org)).select_related("group", "member")
        context["members"] = [m for m in links if m.group_id == org.pk]
        context["memberships"] = [m for m in links if m.member_id == org.pk]
        context.update(registry.profile_context(org, self.request.user))
        context["show_contacts"] = can_see_contacts(self.request.user)
        return context
