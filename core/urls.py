from django.urls import path

from core import freshness, views

app_name = "core"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("map/", views.MapView.as_view(), name="map"),
    path("map/europe/", views.MapView.as_view(view="europe"), name="map-europe"),
    path("network/", views.NetworkView.as_view(), name="network"),
    path("health/", views.health, name="health"),
    path("staff/stale/", freshness.StaleRecordsView.as_view(), name="stale"),
]
