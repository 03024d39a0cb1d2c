"""Feeds of the organisation lists: new or changed partners, clusters and poles (Atom), each
filtered by its list page's own parameters."""

from django.utils.translation import gettext_lazy as _

from clusters.views import ClusterListView, OrganisationListView, PoleListView
from core.feeds import ListFeed


class OrganisationFeed(ListFeed):
    list_view = OrganisationListView
    list_url_name = "clusters:organisation-list"
    entries_text = _("The %(limit)d most recently added or changed organisations of this list, with its filters.")


class ClusterFeed(OrganisationFeed):
    list_view = ClusterListView
    list_url_name = "clusters:cluster-list"


class PoleFeed(OrganisationFeed):
    list_view = PoleListView
    list_url_name = "clusters:pole-list"
