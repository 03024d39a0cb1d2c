from django.urls import path

from clusters import views

app_name = "clusters"

urlpatterns = [
    path("partners/", views.OrganisationListView.as_view(), name="organisation-list"),
    path("partners/<slug:slug>/", views.OrganisationDetailView.as_view(), name="organisation-detail"),
    path("clusters/", views.ClusterListView.as_view(), name="cluster-list"),
    path("poles/", views.PoleListView.as_view(), name="pole-list"),
]
