from django.urls import path

from clusters import feeds, views
from core.feeds import list_urls

app_name = "clusters"

urlpatterns = [
    *list_urls(app_name, "partners/", "organisation", views.OrganisationListView, feeds.OrganisationFeed),
    path("partners/<slug:slug>/", views.OrganisationDetailView.as_view(), name="organisation-detail"),
    *list_urls(app_name, "clusters/", "cluster", views.ClusterListView, feeds.OrganisationFeed),
    *list_urls(app_name, "poles/", "pole", views.PoleListView, feeds.OrganisationFeed),
]
