from django.urls import path

from clusters import feeds, views

app_name = "clusters"

urlpatterns = [
    path(
        "partners/",
        views.OrganisationListView.as_view(feed_url_name="clusters:organisation-feed"),
        name="organisation-list",
    ),
    path("partners/feed.atom", feeds.OrganisationFeed(), name="organisation-feed"),
    path("partners/<slug:slug>/", views.OrganisationDetailView.as_view(), name="organisation-detail"),
    path("clusters/", views.ClusterListView.as_view(feed_url_name="clusters:cluster-feed"), name="cluster-list"),
    path("clusters/feed.atom", feeds.ClusterFeed(), name="cluster-feed"),
    path("poles/", views.PoleListView.as_view(feed_url_name="clusters:pole-feed"), name="pole-list"),
    path("poles/feed.atom", feeds.PoleFeed(), name="pole-feed"),
]
